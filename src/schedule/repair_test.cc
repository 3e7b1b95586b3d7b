#include <gtest/gtest.h>

#include "schedule/dzn_reader.h"
#include "schedule/schedule.h"
#include "schedule/test_problems.h"

namespace ponte::schedule {
namespace {

SolveOptions Quick() {
  SolveOptions options;
  options.time_limit_s = 0.5;
  options.seed = 5;
  return options;
}

Problem Tic12() {
  Result<Problem> problem =
      ReadDznFile(std::string(PONTE_SHARED_DIR) + "/b2b_instances/jair2022/tic-12.original.dzn");
  EXPECT_TRUE(problem.ok());
  return *problem;
}

TEST(Repair, NoChangeMovesNothing) {
  const Problem problem = Tic12();
  const SolveResult published = Solve(problem, Quick());
  ASSERT_EQ(published.status, SolveStatus::kOptimal);
  const RepairResult repaired = Repair(problem, published.solution, Change{}, Quick());
  EXPECT_EQ(repaired.moved, 0);
  EXPECT_EQ(repaired.dropped, 0);
  EXPECT_EQ(repaired.table_moves, 0);
  EXPECT_TRUE(Check(repaired.problem, repaired.result.solution).valid());
}

TEST(Repair, CancellationAndNewRequestKeepTheRest) {
  const Problem problem = Tic12();
  const SolveResult published = Solve(problem, Quick());
  Change change;
  change.cancelled = {0, 5};
  Meeting late;
  late.a = 36;  // participant 37 had no meetings
  late.b = 39;
  change.added.push_back(late);
  const RepairResult repaired = Repair(problem, published.solution, change, Quick());
  const CheckReport report = Check(repaired.problem, repaired.result.solution);
  EXPECT_TRUE(report.valid()) << report.violations.front();
  EXPECT_FALSE(repaired.result.solution.meetings[0].scheduled());
  EXPECT_TRUE(repaired.result.solution.meetings.back().scheduled());
  EXPECT_EQ(repaired.moved + repaired.dropped, 0);
}

TEST(Repair, LostTableMovesFewMeetings) {
  Problem problem = testing::MakeProblem(6, 3, 3, {{0, 1}, {2, 3}, {4, 5}, {0, 2}, {1, 4}});
  const SolveResult published = Solve(problem, Quick());
  ASSERT_EQ(published.status, SolveStatus::kOptimal);
  Change change;
  change.tables = {{0, 2}};
  change.unavailable = {{0, published.solution.meetings[0].slot}};
  const RepairResult repaired = Repair(problem, published.solution, change, Quick());
  const CheckReport report = Check(repaired.problem, repaired.result.solution);
  EXPECT_TRUE(report.valid()) << report.violations.front();
  EXPECT_GE(repaired.moved, 1);  // meeting 1 had to move
  EXPECT_LE(repaired.moved, 3);
}

// A repair ends on iterations without progress, not on its time limit: with
// an hour to spare it returns (forumt-14 keeps breaks, so the search never
// reaches its zero-break target), and the same change gives the same repair.
TEST(Repair, StopsOnItsOwnAndIsDeterministic) {
  Result<Problem> problem =
      ReadDznFile(std::string(PONTE_SHARED_DIR) + "/b2b_instances/jair2022/forumt-14.original.dzn");
  ASSERT_TRUE(problem.ok());
  const SolveResult published = Solve(*problem, Quick());
  ASSERT_TRUE(published.status == SolveStatus::kOptimal ||
              published.status == SolveStatus::kFeasible);
  ASSERT_GT(published.objective.breaks, 0);
  Change change;
  change.cancelled = {0, 7};
  SolveOptions patient = Quick();
  patient.time_limit_s = 3600;
  const RepairResult first = Repair(*problem, published.solution, change, patient);
  const RepairResult second = Repair(*problem, published.solution, change, patient);
  ASSERT_EQ(first.result.solution.meetings.size(), second.result.solution.meetings.size());
  for (std::size_t m = 0; m < first.result.solution.meetings.size(); ++m) {
    const Assignment& x = first.result.solution.meetings[m];
    const Assignment& y = second.result.solution.meetings[m];
    EXPECT_EQ(x.slot, y.slot) << "meeting " << m;
    EXPECT_EQ(x.table, y.table) << "meeting " << m;
  }
  EXPECT_EQ(first.moved, second.moved);
  EXPECT_GT(first.result.objective.breaks, 0);  // so only the stall can have stopped it
  const CheckReport report = Check(first.problem, first.result.solution);
  EXPECT_TRUE(report.valid()) << report.violations.front();
}

}  // namespace
}  // namespace ponte::schedule
