#include "itinerary/roadshow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "itinerary/roadshow_csv.h"

namespace ponte::itinerary {
namespace {

using ::testing::HasSubstr;

const std::string kDemo = std::string(PONTE_DATA_DIR) + "/demo/roadshow";

Roadshow TinyRoadshow() {
  Roadshow rs;
  rs.id = "rs-test";
  rs.title = "Test <roadshow> & co";
  // 2026-09-14 is a Monday.
  rs.stages.push_back({"Shanghai",
                       {2026, 9, 14},
                       {2026, 9, 15},
                       "Hotel",
                       31.2370,
                       121.4970,
                       1,
                       30,
                       "Asia/Shanghai"});
  RoadshowVisit fudan;
  fudan.id = "fudan";
  fudan.name = "Fudan University";
  fudan.city = "Shanghai";
  fudan.lat = 31.2990;
  fudan.lon = 121.5010;
  fudan.duration_minutes = 90;
  fudan.value = 9;
  fudan.mandatory = true;
  fudan.hours = {{8 * 60 + 30, 11 * 60 + 30}, {13 * 60 + 30, 17 * 60}};
  rs.visits.push_back(fudan);
  RoadshowVisit weekend = fudan;
  weekend.id = "weekend";
  weekend.name = "Open on Sundays only";
  weekend.mandatory = false;
  weekend.open_days = 1U << 6;
  rs.visits.push_back(weekend);
  RoadshowVisit lunch_only = fudan;
  lunch_only.id = "lunch";
  lunch_only.name = "Open at lunch only";
  lunch_only.mandatory = false;
  lunch_only.hours = {{12 * 60, 13 * 60 + 30}};
  rs.visits.push_back(lunch_only);
  return rs;
}

TEST(Roadshow, BuildsOneTourPerDayAndTeamWithLunchCut) {
  Result<RoadshowProblem> built = BuildRoadshowProblem(TinyRoadshow());
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  ASSERT_EQ(built->problem.tours.size(), 2u);
  EXPECT_EQ(built->problem.tours[1].start, 24 * 60 + 8 * 60 + 30);
  // Fudan: two windows per day, the morning one must end by 11:30 -> latest start 10:00.
  const auto& w = built->problem.visits[0].windows;
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0].open, 8 * 60 + 30);
  EXPECT_EQ(w[0].close, 10 * 60);
  EXPECT_EQ(w[1].open, 13 * 60 + 30);
  EXPECT_EQ(w[1].close, 17 * 60 - 90);
}

TEST(Roadshow, PlansMandatoryVisitsAndExplainsTheRest) {
  Result<RoadshowPlan> plan = PlanRoadshow(TinyRoadshow(), {}, Deadline::Never());
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_TRUE(plan->feasible);
  EXPECT_EQ(plan->value, 9);
  ASSERT_EQ(plan->unplanned.size(), 2u);
  EXPECT_THAT(plan->unplanned[0].reason, HasSubstr("closed whenever"));
  EXPECT_THAT(plan->unplanned[1].reason, HasSubstr("closed whenever"));
  const std::string text = FormatPlanText(TinyRoadshow(), *plan);
  EXPECT_THAT(text, HasSubstr("Fudan University [fudan]"));
}

TEST(Roadshow, RejectsBadRoadshows) {
  Roadshow rs = TinyRoadshow();
  rs.visits[1].id = "fudan";
  EXPECT_THAT(BuildRoadshowProblem(rs).status().message(), HasSubstr("duplicate id"));
  rs = TinyRoadshow();
  rs.stages[0].time_zone = "Mars/Olympus";
  EXPECT_THAT(BuildRoadshowProblem(rs).status().message(), HasSubstr("unknown time zone"));
  rs = TinyRoadshow();
  rs.stages.clear();
  EXPECT_EQ(BuildRoadshowProblem(rs).status().code(), StatusCode::kInvalidArgument);
}

TEST(Roadshow, TravelDaysShortenTheDay) {
  Roadshow rs = TinyRoadshow();
  rs.travel.push_back({{2026, 9, 14}, "Beijing", "Shanghai", "train", 8 * 60, 13 * 60});
  rs.travel.push_back({{2026, 9, 15}, "Shanghai", "Chengdu", "flight", 9 * 60 + 20, 12 * 60});
  Result<RoadshowProblem> built = BuildRoadshowProblem(rs);
  ASSERT_TRUE(built.ok());
  // Day 2 would run 08:30-08:20: dropped. Day 1 starts after the 60-minute transfer.
  ASSERT_EQ(built->problem.tours.size(), 1u);
  EXPECT_EQ(built->problem.tours[0].start, 14 * 60);
}

TEST(Roadshow, DemoRoadshowPlansEveryMandatoryVisit) {
  Result<Roadshow> rs = ReadRoadshowDir(kDemo);
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  EXPECT_EQ(rs->stages.size(), 4u);
  EXPECT_GE(rs->visits.size(), 30u);
  SolveOptions options;
  options.max_iterations = 300;
  Result<RoadshowPlan> plan = PlanRoadshow(*rs, options, Deadline::Never());
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_TRUE(plan->feasible) << plan->violations.front();
  bool xian_explained = false;
  for (const UnplannedVisit& u : plan->unplanned) {
    if (u.visit_id == "xa-xjtu") xian_explained = u.reason.find("no stage") != std::string::npos;
  }
  EXPECT_TRUE(xian_explained);
  const std::string html = ExportHtml(*rs, *plan);
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("Knowledge &amp; Innovation Community"));
  Result<std::string> ics = ExportICalendar(*rs, *plan, Instant{});
  ASSERT_TRUE(ics.ok());
  EXPECT_THAT(*ics, HasSubstr("UID:roadshow-2026-"));
  EXPECT_THAT(*ics, HasSubstr("DTSTAMP:19700101T000000Z\r\n"));
  // Every physical line is at most 75 octets and ends with CRLF.
  std::size_t pos = 0;
  while (pos < ics->size()) {
    const std::size_t end = ics->find("\r\n", pos);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - pos, 75u);
    pos = end + 2;
  }
}

TEST(RoadshowExport, EscapesAndFolds) {
  EXPECT_EQ(EscapeICalText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  EXPECT_EQ(EscapeHtml("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  // 30 three-octet characters (90 octets) fold without splitting one.
  std::string chinese;
  for (int i = 0; i < 30; ++i) chinese += "中";
  const std::string folded = FoldICalLine("SUMMARY:" + chinese);
  const std::size_t first_break = folded.find("\r\n ");
  ASSERT_NE(first_break, std::string::npos);
  EXPECT_LE(first_break, 75u);
  EXPECT_EQ((first_break - 8) % 3, 0u);  // whole characters after "SUMMARY:"
  std::string unfolded = folded;
  for (std::size_t p; (p = unfolded.find("\r\n ")) != std::string::npos;) unfolded.erase(p, 3);
  EXPECT_EQ(unfolded, "SUMMARY:" + chinese + "\r\n");
}

TEST(RoadshowCsv, ParsesHoursAndDays) {
  Result<std::vector<OpeningHours>> h = ParseOpeningHours("09:00-11:30; 14:00-17:30");
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 2u);
  EXPECT_EQ((*h)[1].open, 14 * 60);
  EXPECT_FALSE(ParseOpeningHours("14:00-09:00").ok());
  EXPECT_FALSE(ParseOpeningHours("09:00-12:00;11:00-13:00").ok());
  EXPECT_FALSE(ParseOpeningHours("9-12").ok());
  EXPECT_EQ(*ParseOpenDays("Mon-Fri"), 0x1Fu);
  EXPECT_EQ(*ParseOpenDays("daily"), 0x7Fu);
  EXPECT_EQ(*ParseOpenDays("Mon;Wed"), 0x5u);
  EXPECT_FALSE(ParseOpenDays("Fri-Mon").ok());
}

TEST(RoadshowCsv, MissingFolderIsNotFound) {
  EXPECT_EQ(ReadRoadshowDir("/nonexistent").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace ponte::itinerary
