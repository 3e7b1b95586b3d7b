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

}  // namespace
}  // namespace ponte::schedule
