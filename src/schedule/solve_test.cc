#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "schedule/dzn_reader.h"
#include "schedule/schedule.h"
#include "schedule/test_problems.h"

namespace ponte::schedule {
namespace {

using ::testing::HasSubstr;
using testing::MakeProblem;

SolveOptions Quick() {
  SolveOptions options;
  options.time_limit_s = 2;
  options.seed = 3;
  return options;
}

TEST(Solve, StarWithoutBreaksIsOptimal) {
  Problem problem = MakeProblem(5, 6, 2, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}});
  SolveResult result = Solve(problem, Quick());
  ASSERT_EQ(result.status, SolveStatus::kOptimal);
  EXPECT_EQ(result.objective.breaks, 0);
  EXPECT_EQ(result.lower_bound, 0);
  EXPECT_TRUE(Check(problem, result.solution).valid());
}

TEST(Solve, CompleteScheduleWithoutBreaksIsOptimalWhenMeetingsAreOptional) {
  // Two days of four slots; every meeting fits with no break. Scheduling every
  // meeting is the best weight there is, so 0 breaks is optimal even though
  // the problem does not require all meetings (the generated events).
  Problem problem = MakeProblem(6, 8, 3, {{0, 3}, {0, 4}, {0, 5}, {1, 3}, {1, 4}, {2, 5}});
  problem.require_all = false;
  problem.sessions.push_back(Session{"day 2", 1, 0, 3});
  for (std::size_t t = 4; t < 8; ++t) problem.slots[t].session = 1;
  SolveOptions options = Quick();
  options.exact = false;  // the local search alone reaches and proves it
  SolveResult result = Solve(problem, options);
  ASSERT_EQ(result.status, SolveStatus::kOptimal);
  EXPECT_EQ(result.objective.breaks, 0);
  EXPECT_EQ(result.objective.scheduled, 6);
  EXPECT_TRUE(Check(problem, result.solution).valid());
}

TEST(Solve, ForcedBreakIsProven) {
  // Participant 0 has 2 meetings; slot 1 is forbidden for both partners and
  // slots 0 and 2 are the only others: one break is unavoidable.
  Problem problem = MakeProblem(3, 3, 2, {{0, 1}, {0, 2}});
  problem.participants[0].forbidden_slots = {1};
  SolveResult result = Solve(problem, Quick());
  ASSERT_EQ(result.status, SolveStatus::kOptimal);
  EXPECT_EQ(result.objective.breaks, 1);
  EXPECT_EQ(result.lower_bound, 1);
}

TEST(Solve, ExplainsTooManyMeetings) {
  Problem problem = MakeProblem(4, 2, 2, {{0, 1}, {0, 2}, {0, 3}});
  SolveResult result = Solve(problem, Quick());
  ASSERT_EQ(result.status, SolveStatus::kInfeasible);
  EXPECT_THAT(result.explanation,
              HasSubstr("participant 1 has 3 meetings but only 2 allowed slots"));
}

TEST(Solve, ProvesInfeasibilityBeyondCounting) {
  // A triangle needs 3 slots; with 2 slots every pair conflicts.
  Problem problem = MakeProblem(3, 2, 3, {{0, 1}, {1, 2}, {0, 2}});
  SolveResult result = Solve(problem, Quick());
  EXPECT_EQ(result.status, SolveStatus::kInfeasible);
}

TEST(Solve, FairnessBoundIsHard) {
  // Participant 0 meets 1 and 2, which are only free in slots 0 and 2.
  Problem problem = MakeProblem(4, 4, 2, {{0, 1}, {0, 2}, {3, 1}});
  problem.participants[1].forbidden_slots = {1, 3};
  problem.participants[2].forbidden_slots = {1, 3};
  SolveOptions options = Quick();
  options.fairness = 0;
  EXPECT_EQ(Solve(problem, options).status, SolveStatus::kInfeasible);
  options.fairness = 1;
  SolveResult result = Solve(problem, options);
  ASSERT_EQ(result.status, SolveStatus::kOptimal);
  EXPECT_EQ(result.objective.breaks, 2);  // participants 1 and 2: one each
}

TEST(Solve, PrecedencesFixedAndInterpreters) {
  Problem problem = MakeProblem(4, 4, 2, {{0, 1}, {0, 2}, {2, 3}, {1, 3}});
  problem.meetings[0].after = {1};  // meeting 1 after meeting 2
  problem.meetings[2].fixed_slot = 0;
  problem.participants[0].languages = {"it"};
  problem.participants[1].languages = {"zh"};
  problem.participants[2].languages = {"it", "en"};
  problem.participants[3].languages = {"zh", "en"};
  problem.interpreters.push_back(Interpreter{"Wang", {{"it", "zh"}}, {0}});
  SolveResult result = Solve(problem, Quick());
  ASSERT_EQ(result.status, SolveStatus::kOptimal);
  CheckReport report = Check(problem, result.solution);
  EXPECT_TRUE(report.valid()) << report.violations.front();
  EXPECT_EQ(result.solution.meetings[2].slot, 0);
  EXPECT_GT(result.solution.meetings[0].slot, result.solution.meetings[1].slot);
  EXPECT_EQ(result.solution.meetings[0].interpreter, 0);
}

TEST(Solve, OptionalMeetingsMaximiseWeight) {
  // Two slots, participant 0 asked for three meetings: the two heaviest win.
  Problem problem = MakeProblem(4, 2, 2, {{0, 1}, {0, 2}, {0, 3}});
  problem.require_all = false;
  problem.meetings[0].priority = Priority::kNice;
  problem.meetings[1].priority = Priority::kMust;
  problem.meetings[2].priority = Priority::kWant;
  SolveOptions options = Quick();
  options.time_limit_s = 0.3;  // the local search cannot tell that 2 of 3 is best
  SolveResult result = Solve(problem, options);
  ASSERT_NE(result.status, SolveStatus::kInfeasible);
  EXPECT_FALSE(result.solution.meetings[0].scheduled());
  EXPECT_TRUE(result.solution.meetings[1].scheduled());
  EXPECT_TRUE(result.solution.meetings[2].scheduled());
}

TEST(Solve, DeterministicForSeed) {
  const std::string path =
      std::string(PONTE_SHARED_DIR) + "/b2b_instances/jair2022/tic-13.original.dzn";
  Result<Problem> problem = ReadDznFile(path);
  ASSERT_TRUE(problem.ok());
  SolveOptions options = Quick();
  options.exact = false;
  options.time_limit_s = 30;  // stops at the optimum (0 breaks), not at the limit
  SolveResult a = Solve(*problem, options);
  SolveResult b = Solve(*problem, options);
  ASSERT_EQ(a.solution.meetings.size(), b.solution.meetings.size());
  for (std::size_t m = 0; m < a.solution.meetings.size(); ++m) {
    EXPECT_EQ(a.solution.meetings[m].slot, b.solution.meetings[m].slot);
    EXPECT_EQ(a.solution.meetings[m].table, b.solution.meetings[m].table);
  }
}

TEST(Solve, TablesKeepHostsInPlace) {
  // Host 0 meets 1..4 in a row: it should never change table.
  Problem problem = MakeProblem(5, 4, 3, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
  SolveResult result = Solve(problem, Quick());
  ASSERT_EQ(result.status, SolveStatus::kOptimal);
  EXPECT_EQ(result.objective.table_changes, 0);
}

}  // namespace
}  // namespace ponte::schedule
