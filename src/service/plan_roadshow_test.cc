#include "service/plan_roadshow.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "itinerary/roadshow_csv.h"

namespace ponte::service {
namespace {

TEST(PlanRoadshow, ModelRoundTripKeepsWhatThePlannerNeeds) {
  auto rs = itinerary::ReadRoadshowDir(std::string(PONTE_DATA_DIR) + "/demo/roadshow");
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  const itinerary::Roadshow back = ToItinerary(FromItinerary(*rs));
  ASSERT_EQ(back.visits.size(), rs->visits.size());
  for (std::size_t i = 0; i < back.visits.size(); ++i) {
    const auto& a = rs->visits[i];
    const auto& b = back.visits[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.duration_minutes, b.duration_minutes);
    const bool has_stage = std::any_of(rs->stages.begin(), rs->stages.end(),
                                       [&](const auto& st) { return st.city == a.city; });
    if (!has_stage) {
      // A candidate in a city the tour does not reach: no dated window exists.
      EXPECT_TRUE(b.hours.empty()) << a.id;
      continue;
    }
    ASSERT_EQ(a.hours.size(), b.hours.size()) << a.id;
    // Weekdays that fall inside the stage survive; others cannot matter.
    for (std::size_t h = 0; h < a.hours.size(); ++h) {
      EXPECT_EQ(a.hours[h].open, b.hours[h].open);
      EXPECT_EQ(a.hours[h].close, b.hours[h].close);
    }
  }
  EXPECT_EQ(back.travel.size(), rs->travel.size());
  EXPECT_EQ(back.stages.size(), rs->stages.size());
}

TEST(PlanRoadshow, PlansAStoredRoadshowAndKeepsThePlan) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("ponte_roadshow_" + std::to_string(::getpid()) + ".db"))
                               .string();
  {
    auto store = Store::Open(path, {.create_if_missing = true});
    ASSERT_TRUE(store.ok());
    auto rs = itinerary::ReadRoadshowDir(std::string(PONTE_DATA_DIR) + "/demo/roadshow");
    ASSERT_TRUE(rs.ok());
    Roadshow model = FromItinerary(*rs);
    ASSERT_TRUE((*store)->PutRoadshow(model).ok());
    auto planned = PlanStoredRoadshow(**store, rs->id, {.seed = 3, .max_iterations = 2000},
                                      Deadline::After(std::chrono::seconds(5)));
    ASSERT_TRUE(planned.ok()) << planned.status().ToString();
    EXPECT_TRUE(planned->plan.feasible);
    EXPECT_GT(planned->plan.value, 0);
    auto stored = (*store)->GetRoadshow(rs->id);
    ASSERT_TRUE(stored.ok());
    EXPECT_NE(stored->plan.find("\"days\""), std::string::npos);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace ponte::service
