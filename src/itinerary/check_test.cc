#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "itinerary/solution.h"

namespace ponte::itinerary {
namespace {

using ::testing::HasSubstr;

// Three visits on a line, matrix travel, one base, two tours.
Problem LineProblem() {
  Problem p;
  p.bases.push_back({"base", {}, -1});
  p.visits.push_back({"a", {}, 10, 5, {{0, 100}}, false, -1});
  p.visits.push_back({"b", {}, 10, 7, {{50, 60}}, false, -1});
  p.visits.push_back({"c", {}, 10, 3, {{0, 20}, {200, 220}}, false, -1});
  // nodes: a=0 b=1 c=2 base=3
  p.travel = MatrixTravel{{{0, 10, 20, 10}, {10, 0, 10, 20}, {20, 10, 0, 30}, {10, 20, 30, 0}}};
  p.tours.push_back({"t1", 0, 0, 0, 300, -1});
  p.tours.push_back({"t2", 0, 0, 0, 300, -1});
  return p;
}

TEST(Check, AcceptsAFeasiblePlanAndRecomputesTheValue) {
  const Problem p = LineProblem();
  const Solution s = Schedule(p, {{0, 1}, {2}});
  const CheckReport r = Check(p, s);
  EXPECT_TRUE(r.feasible) << r.violations.front();
  EXPECT_EQ(r.value, 15);
  EXPECT_EQ(s.tours[0][1].arrive, 30);
  EXPECT_EQ(s.tours[0][1].start, 50);  // waits for the window
}

TEST(Check, UsesTheSecondWindow) {
  Problem p = LineProblem();
  p.tours[0].start = 100;
  const Solution s = Schedule(p, {{2}, {}});
  EXPECT_EQ(s.tours[0][0].start, 200);
  EXPECT_TRUE(Check(p, s).feasible);
}

TEST(Check, RejectsAMissedWindow) {
  const Problem p = LineProblem();
  Solution s = Schedule(p, {{0, 1}, {}});
  s.tours[0][1].start = 61;
  s.tours[0][1].leave = 71;
  const CheckReport r = Check(p, s);
  EXPECT_FALSE(r.feasible);
  EXPECT_THAT(r.violations.front(), HasSubstr("outside every opening window"));
}

TEST(Check, RejectsImpossibleTravel) {
  const Problem p = LineProblem();
  Solution s = Schedule(p, {{0}, {}});
  s.tours[0][0].arrive = 5;
  s.tours[0][0].start = 5;
  s.tours[0][0].leave = 15;
  const CheckReport r = Check(p, s);
  EXPECT_FALSE(r.feasible);
  EXPECT_THAT(r.violations.front(), HasSubstr("cannot be there before 10"));
}

TEST(Check, RejectsABudgetOverrun) {
  Problem p = LineProblem();
  p.tours[0].end = 65;
  const CheckReport r = Check(p, Schedule(p, {{1}, {}}));
  EXPECT_FALSE(r.feasible);
  EXPECT_THAT(r.violations.front(), HasSubstr("back at base at 80, after its end 65"));
}

TEST(Check, RejectsARepeatedVisitAndCountsItOnce) {
  const Problem p = LineProblem();
  const CheckReport r = Check(p, Schedule(p, {{0}, {0}}));
  EXPECT_FALSE(r.feasible);
  EXPECT_EQ(r.value, 5);
  EXPECT_THAT(r.violations.front(), HasSubstr("visited more than once"));
}

TEST(Check, RejectsAWrongLeaveTimeAndBadIndex) {
  const Problem p = LineProblem();
  Solution s = Schedule(p, {{0}, {}});
  s.tours[0][0].leave += 1;
  EXPECT_THAT(Check(p, s).violations.front(), HasSubstr("expected start + service"));
  s = Schedule(p, {{0}, {}});
  s.tours[0][0].visit = 9;
  EXPECT_THAT(Check(p, s).violations.front(), HasSubstr("out of range"));
  s.tours.pop_back();
  EXPECT_THAT(Check(p, s).violations.front(), HasSubstr("solution has 1 tours"));
}

TEST(Check, ReportsMissingMandatoryVisitsAndRegions) {
  Problem p = LineProblem();
  p.visits[1].mandatory = true;
  EXPECT_THAT(Check(p, Schedule(p, {{0}, {}})).violations.front(),
              HasSubstr("mandatory visit 'b' is not planned"));
  p.visits[1].mandatory = false;
  p.visits[0].region = 1;
  p.tours[0].region = 2;
  EXPECT_THAT(Check(p, Schedule(p, {{0}, {}})).violations.front(), HasSubstr("region 1"));
}

TEST(Check, LunchBreakCutsWindows) {
  Problem p = LineProblem();
  p.lunch = TimeWindow{45, 70};
  // b's window [50, 60] lies inside the break: it can no longer be planned.
  EXPECT_TRUE(EffectiveWindows(p, 1).empty());
  // a (service 10) may start up to 35 or from 70.
  const auto w = EffectiveWindows(p, 0);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].close, 35);
  EXPECT_EQ(w[1].open, 70);
  EXPECT_FALSE(Check(p, Schedule(p, {{1}, {}})).feasible);
}

TEST(Check, ValidateRejectsBadProblems) {
  Problem p = LineProblem();
  p.visits[1].id = "a";
  EXPECT_THAT(Validate(p).message(), HasSubstr("duplicate id"));
  p = LineProblem();
  p.visits[2].windows = {{200, 220}, {0, 20}};
  EXPECT_THAT(Validate(p).message(), HasSubstr("sorted and disjoint"));
  p = LineProblem();
  p.tours[0].end_base = 4;
  EXPECT_EQ(Validate(p).code(), StatusCode::kInvalidArgument);
  p = LineProblem();
  std::get<MatrixTravel>(p.travel).ticks.pop_back();
  EXPECT_THAT(Validate(p).message(), HasSubstr("travel matrix has 3 rows"));
}

TEST(Check, GreatCircleTravelUsesRegionSpeedAndOverhead) {
  Problem p;
  p.bases.push_back({"a", {121.47, 31.23}, 0});
  p.bases.push_back({"b", {121.57, 31.23}, 0});  // ~9.5 km east
  p.travel = GreatCircleTravel{30, {20}, 10};
  const auto m = TravelMatrix(p);
  const double km = HaversineKm(p.bases[0].location, p.bases[1].location);
  EXPECT_NEAR(km, 9.5, 0.2);
  EXPECT_EQ(m[0][1], 10 + static_cast<Ticks>(std::ceil(km / 20 * 60)));
}

}  // namespace
}  // namespace ponte::itinerary
