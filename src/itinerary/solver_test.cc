#include "itinerary/solver.h"

#include <gtest/gtest.h>

#include "itinerary/toptw_reader.h"

namespace ponte::itinerary {
namespace {

const std::string kShared = PONTE_SHARED_DIR;

TEST(Solver, FindsAFeasiblePlanForABenchmarkFile) {
  Result<Problem> p = ReadToptwFile(kShared + "/toptw_instances/solomon/c101.txt", 2);
  ASSERT_TRUE(p.ok());
  SolveOptions opts;
  opts.max_iterations = 500;
  Result<SolveResult> r = Solve(*p, opts, Deadline::Never());
  ASSERT_TRUE(r.ok());
  const CheckReport check = Check(*p, r->solution);
  EXPECT_TRUE(check.feasible) << check.violations.front();
  EXPECT_EQ(check.value, r->value);
  EXPECT_LE(r->value, r->upper_bound);
  EXPECT_GT(r->value, 500);
}

TEST(Solver, IsDeterministicForASeed) {
  Result<Problem> p = ReadToptwFile(kShared + "/toptw_instances/solomon/r101.txt", 1);
  ASSERT_TRUE(p.ok());
  SolveOptions opts;
  opts.seed = 7;
  opts.max_iterations = 300;
  Result<SolveResult> a = Solve(*p, opts, Deadline::Never());
  Result<SolveResult> b = Solve(*p, opts, Deadline::Never());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->value, b->value);
  ASSERT_EQ(a->solution.tours.size(), b->solution.tours.size());
  for (std::size_t t = 0; t < a->solution.tours.size(); ++t) {
    ASSERT_EQ(a->solution.tours[t].size(), b->solution.tours[t].size());
    for (std::size_t i = 0; i < a->solution.tours[t].size(); ++i) {
      EXPECT_EQ(a->solution.tours[t][i].visit, b->solution.tours[t][i].visit);
    }
  }
}

TEST(Solver, RejectsAnInvalidProblem) {
  Problem p;
  p.visits.push_back({"x", {}, 1, 1, {}, false, -1});
  EXPECT_EQ(Solve(p, {}, Deadline::Never()).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace ponte::itinerary
