// Property tests: every plan the solver produces passes the checker, on
// random problems with several windows, lunch breaks, regions, mandatory
// visits and truncated Euclidean or matrix travel times.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <string>

#include "itinerary/solver.h"

namespace ponte::itinerary {
namespace {

Problem RandomProblem() {
  Problem p;
  p.ticks_per_unit = *rc::gen::element<Ticks>(1, 10);
  const int n = *rc::gen::inRange(0, 16);
  const int m = *rc::gen::inRange(1, 4);
  const int regions = *rc::gen::inRange(0, 3);  // 0: no regions
  const Ticks horizon = *rc::gen::inRange<Ticks>(50, 500);
  auto region = [&] { return regions == 0 ? -1 : *rc::gen::inRange(0, regions); };
  p.bases.push_back({"depot",
                     {static_cast<double>(*rc::gen::inRange(0, 50)),
                      static_cast<double>(*rc::gen::inRange(0, 50))},
                     -1});
  for (int v = 0; v < n; ++v) {
    Visit visit;
    visit.id = "v" + std::to_string(v);
    visit.location = {*rc::gen::inRange(0, 5000) / 100.0, *rc::gen::inRange(0, 5000) / 100.0};
    visit.service = *rc::gen::inRange<Ticks>(0, 40);
    visit.value = *rc::gen::inRange<Value>(0, 30);
    visit.mandatory = *rc::gen::weightedElement<bool>({{9, false}, {1, true}});
    visit.region = region();
    Ticks t = *rc::gen::inRange<Ticks>(0, horizon);
    const int windows = *rc::gen::inRange(1, 4);
    for (int w = 0; w < windows && t <= horizon; ++w) {
      const Ticks close = t + *rc::gen::inRange<Ticks>(0, horizon / 2 + 1);
      visit.windows.push_back({t, close});
      t = close + 1 + *rc::gen::inRange<Ticks>(0, horizon / 4 + 1);
    }
    p.visits.push_back(std::move(visit));
  }
  for (int t = 0; t < m; ++t) {
    const Ticks start = *rc::gen::inRange<Ticks>(0, horizon / 4 + 1);
    p.tours.push_back({"t" + std::to_string(t), 0, 0, start,
                       start + *rc::gen::inRange<Ticks>(0, horizon + 1), region()});
  }
  if (*rc::gen::arbitrary<bool>()) {
    const Ticks open = *rc::gen::inRange<Ticks>(0, horizon);
    p.lunch = TimeWindow{open, open + *rc::gen::inRange<Ticks>(0, 60)};
  }
  if (*rc::gen::weightedElement<int>({{3, 0}, {1, 1}}) == 1) {
    // A random (possibly asymmetric, non-metric) matrix.
    const std::size_t nodes = p.visits.size() + p.bases.size();
    MatrixTravel matrix;
    matrix.ticks.assign(nodes, std::vector<Ticks>(nodes, 0));
    for (auto& row : matrix.ticks) {
      for (Ticks& cell : row) cell = *rc::gen::inRange<Ticks>(0, 60);
    }
    p.travel = matrix;
  }
  return p;
}

RC_GTEST_PROP(SolverProperty, EveryPlanPassesTheChecker, ()) {
  const Problem p = RandomProblem();
  SolveOptions options;
  options.seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
  options.max_iterations = *rc::gen::inRange<std::int64_t>(1, 60);
  const Result<SolveResult> r = Solve(p, options, Deadline::Never());
  RC_ASSERT(r.ok());
  const CheckReport check = Check(p, r->solution);
  for (const std::string& violation : check.violations) {
    // Only an unplannable mandatory visit may be reported.
    RC_ASSERT(violation.find("mandatory visit") != std::string::npos);
  }
  RC_ASSERT(check.value == r->value);
  RC_ASSERT(r->value <= r->upper_bound);
  std::size_t planned = 0;
  for (const auto& tour : r->solution.tours) planned += tour.size();
  RC_ASSERT(planned + r->unvisited.size() == p.visits.size());
}

}  // namespace
}  // namespace ponte::itinerary
