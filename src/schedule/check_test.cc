#include "schedule/check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "schedule/test_problems.h"

namespace ponte::schedule {
namespace {

using ::testing::HasSubstr;
using testing::MakeProblem;
using testing::MakeSolution;

TEST(CountBreaks, CountsMaximalIdleRunsOnce) {
  EXPECT_EQ(CountBreaks({0, 1, 1, 0}), 0);
  EXPECT_EQ(CountBreaks({1, 0, 0, 0, 1}), 1);
  EXPECT_EQ(CountBreaks({1, 0, 1, 0, 0, 1, 0}), 2);
  EXPECT_EQ(CountBreaks({0, 0, 0}), 0);
}

TEST(Check, ValidScheduleAndObjective) {
  // 0 meets 1, 2, 3; slots 0, 2, 3 give participant 0 one break.
  Problem problem = MakeProblem(4, 4, 2, {{0, 1}, {0, 2}, {0, 3}});
  CheckReport report = Check(problem, MakeSolution({0, 2, 3}));
  EXPECT_TRUE(report.valid()) << report.violations.front();
  EXPECT_EQ(report.objective.breaks, 1);
  EXPECT_EQ(report.objective.breaks_per_participant, (std::vector<int>{1, 0, 0, 0}));
  EXPECT_EQ(report.objective.spread, 1);
  EXPECT_EQ(report.objective.scheduled, 3);
  EXPECT_EQ(report.objective.table_changes, 0);
}

TEST(Check, BreaksCountPerDay) {
  Problem problem = MakeProblem(2, 4, 1, {{0, 1}, {0, 1}});
  problem.sessions.push_back(Session{"day 2", 1, 0, 1});
  problem.slots[2].session = 1;
  problem.slots[3].session = 1;
  // Slot 0 (day 1) and slot 3 (day 2): no break, the night is not idle time.
  EXPECT_EQ(Check(problem, MakeSolution({0, 3})).objective.breaks, 0);
  EXPECT_EQ(Check(problem, MakeSolution({2, 0})).objective.breaks, 0);
}

TEST(Check, ParticipantInTwoMeetingsAtOnce) {
  Problem problem = MakeProblem(3, 2, 2, {{0, 1}, {0, 2}});
  CheckReport report = Check(problem, MakeSolution({1, 1}));
  ASSERT_FALSE(report.valid());
  EXPECT_THAT(report.violations[0],
              HasSubstr("participant 1 has meeting 1 and meeting 2 in slot 2"));
}

TEST(Check, TableCapacity) {
  Problem problem = MakeProblem(4, 2, 1, {{0, 1}, {2, 3}});
  Solution solution = MakeSolution({0, 0});
  CheckReport report = Check(problem, solution);
  ASSERT_FALSE(report.valid());
  EXPECT_THAT(report.violations[0], HasSubstr("slot 1 has 2 meetings but only 1 tables"));
}

TEST(Check, SharedTable) {
  Problem problem = MakeProblem(4, 2, 2, {{0, 1}, {2, 3}});
  Solution solution = MakeSolution({0, 0});
  solution.meetings[1].table = 0;
  CheckReport report = Check(problem, solution);
  ASSERT_FALSE(report.valid());
  EXPECT_THAT(report.violations[0], HasSubstr("share table 1"));
  CheckOptions no_tables;
  no_tables.check_tables = false;
  EXPECT_TRUE(Check(problem, solution, no_tables).valid());
}

TEST(Check, ForbiddenFixedHalfDay) {
  Problem problem = MakeProblem(4, 4, 2, {{0, 1}, {2, 3}, {0, 2}});
  problem.participants[1].forbidden_slots = {0};
  problem.meetings[1].fixed_slot = 3;
  problem.slots[2].morning = false;
  problem.slots[3].morning = false;
  problem.meetings[2].half_day = HalfDay::kMorning;
  CheckReport report = Check(problem, MakeSolution({0, 1, 2}));
  ASSERT_EQ(report.violations.size(), 3u);
  EXPECT_THAT(report.violations[0], HasSubstr("forbidden slot of participant 2"));
  EXPECT_THAT(report.violations[1], HasSubstr("fixed to slot 4"));
  EXPECT_THAT(report.violations[2], HasSubstr("morning"));
  EXPECT_TRUE(Check(problem, MakeSolution({1, 3, 0})).valid());
}

TEST(Check, PrecedenceAndUnscheduled) {
  Problem problem = MakeProblem(3, 3, 2, {{0, 1}, {1, 2}});
  problem.meetings[1].after = {0};
  CheckReport report = Check(problem, MakeSolution({2, 1}));
  ASSERT_EQ(report.violations.size(), 1u);
  EXPECT_THAT(report.violations[0], HasSubstr("meeting 2 in slot 2 must come after meeting 1"));
  CheckReport missing = Check(problem, MakeSolution({0, -1}));
  ASSERT_EQ(missing.violations.size(), 1u);
  EXPECT_THAT(missing.violations[0], HasSubstr("meeting 2 is not scheduled"));
  problem.require_all = false;
  missing = Check(problem, MakeSolution({0, -1}));
  EXPECT_TRUE(missing.valid());
  EXPECT_EQ(missing.objective.unscheduled, 1);
  EXPECT_EQ(missing.objective.scheduled_weight, WeightOf(Priority::kMust));
}

TEST(Check, Fairness) {
  Problem problem = MakeProblem(4, 5, 2, {{0, 1}, {0, 2}, {0, 3}});
  Solution solution = MakeSolution({0, 2, 4});  // participant 1: two breaks
  CheckOptions options;
  options.fairness = 1;
  CheckReport report = Check(problem, solution, options);
  ASSERT_EQ(report.violations.size(), 1u);
  EXPECT_THAT(report.violations[0], HasSubstr("fairness"));
  options.fairness = 2;
  EXPECT_TRUE(Check(problem, solution, options).valid());
}

TEST(Check, CityAndInterpreters) {
  Problem problem = MakeProblem(2, 2, 1, {{0, 1}});
  problem.sessions.push_back(Session{"day 1 Shanghai", 0, 1, 1});
  problem.slots[1].session = 1;
  problem.participants[0].city_by_day = {1};
  problem.participants[0].languages = {"it"};
  problem.participants[1].languages = {"zh"};
  Solution solution = MakeSolution({0});
  CheckReport report = Check(problem, solution);
  EXPECT_FALSE(report.valid());  // participant 0 is in city 1, and no interpreter

  problem.interpreters.push_back(Interpreter{"Li", {{"zh", "it"}}, {}});
  solution = MakeSolution({1});
  report = Check(problem, solution);
  ASSERT_EQ(report.violations.size(), 1u);
  EXPECT_THAT(report.violations[0], HasSubstr("needs an interpreter"));
  solution.meetings[0].interpreter = 0;
  EXPECT_TRUE(Check(problem, solution).valid());
  problem.interpreters[0].unavailable_slots = {1};
  EXPECT_FALSE(Check(problem, solution).valid());
}

TEST(Check, TableChanges) {
  Problem problem = MakeProblem(3, 2, 2, {{0, 1}, {0, 2}});
  Solution solution = MakeSolution({0, 1});
  solution.meetings[1].table = 1;
  EXPECT_EQ(Check(problem, solution).objective.table_changes, 1);
  solution.meetings[1].table = 0;
  EXPECT_EQ(Check(problem, solution).objective.table_changes, 0);
}

TEST(Check, StatisticsPerDay) {
  Problem problem = MakeProblem(3, 4, 2, {{0, 1}, {0, 2}, {1, 2}});
  problem.sessions.push_back(Session{"day 2", 1, 0, 3});
  problem.slots[2].session = 1;
  problem.slots[3].session = 1;
  // Day 1: meetings in slots 0 and 1; day 2: one meeting in slot 3.
  const std::vector<DayStatistics> stats = StatisticsPerDay(problem, MakeSolution({0, 1, 3}));
  ASSERT_EQ(stats.size(), 2u);
  EXPECT_EQ(stats[0].meetings, 2);
  EXPECT_EQ(stats[0].participants, 3);
  EXPECT_EQ(stats[0].tables_used, 1);
  EXPECT_EQ(stats[0].tables_available, 2);
  EXPECT_EQ(stats[1].meetings, 1);
  EXPECT_EQ(stats[1].breaks, 0);
  EXPECT_EQ(stats[1].tables_available, 3);
}

TEST(Check, WrongSize) {
  Problem problem = MakeProblem(2, 2, 1, {{0, 1}});
  EXPECT_FALSE(Check(problem, Solution{}).valid());
}

}  // namespace
}  // namespace ponte::schedule
