#include "demo/demo.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "demo/summary.h"
#include "model/enums.h"

namespace ponte::demo {
namespace {

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = (std::filesystem::temp_directory_path() /
                ("ponte_demo_test_" + std::to_string(::getpid()) + ".db"))
                   .string();
    auto built = BuildDemoDatabase({.db_path = db_path_, .data_dir = PONTE_DATA_DIR});
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    result_ = new DemoResult(std::move(*built));
  }
  static void TearDownTestSuite() {
    delete result_;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path_ + suffix);
  }
  static inline std::string db_path_;
  static inline DemoResult* result_ = nullptr;
};

TEST_F(DemoTest, HasTheSizeAndMixTheIssueAsksFor) {
  ASSERT_NE(result_, nullptr);
  auto orgs = result_->store->ListOrganizations();
  ASSERT_TRUE(orgs.ok());
  ASSERT_GE(orgs->size(), 400u);
  int italian = 0;
  int chinese = 0;
  std::set<OrganizationType> types;
  std::set<std::string> cities;
  for (const Organization& o : *orgs) {
    italian += o.country == "IT" ? 1 : 0;
    chinese += o.country == "CN" ? 1 : 0;
    types.insert(o.type);
    cities.insert(o.city);
  }
  const double share_it = static_cast<double>(italian) / static_cast<double>(orgs->size());
  EXPECT_NEAR(share_it, 0.6, 0.06);
  EXPECT_NEAR(static_cast<double>(chinese) / static_cast<double>(orgs->size()), 0.4, 0.06);
  EXPECT_EQ(types.size(), AllOrganizationTypes().size()) << "every organization type is present";
  EXPECT_GE(cities.size(), 15u);
}

TEST_F(DemoTest, TwoCitiesInShanghaiTime) {
  ASSERT_NE(result_, nullptr);
  EXPECT_EQ(result_->event.time_zone, "Asia/Shanghai");
  auto sessions = result_->store->ListSessions(result_->event.id);
  ASSERT_TRUE(sessions.ok());
  std::set<std::string> cities;
  std::set<std::string> days;
  for (const Session& s : *sessions) {
    cities.insert(s.city);
    days.insert(FormatDate(s.date));
    EXPECT_FALSE(SlotsOf(s).empty());
  }
  EXPECT_EQ(cities.size(), 2u);
  EXPECT_EQ(days.size(), 2u);
}

TEST_F(DemoTest, ProfilesAreMultilingualAndCoverTheThemes) {
  ASSERT_NE(result_, nullptr);
  auto orgs = *result_->store->ListOrganizations();
  auto people = *result_->store->ListPeople();
  auto profiles = *result_->store->ListProfiles();
  const RegistrySummary s = SummarizeRegistry(orgs, people, profiles, result_->taxonomy);
  for (const char* theme : {"manufacturing", "ai", "health", "marine", "heritage", "agrifood",
                            "energy", "smartcity", "aerospace", "materials", "ict"}) {
    EXPECT_GT(s.profiles_by_theme.count(theme), 0u) << theme;
  }
  EXPECT_GT(s.profiles_by_language.at("it"), 50);
  EXPECT_GT(s.profiles_by_language.at("zh"), 50);
  EXPECT_GT(s.profiles_by_language.at("en"), 50);
  // Many Chinese participants speak no Italian, many Italians no Chinese.
  int cn_without_it = 0;
  for (const auto& [label, n] : s.languages_by_country.at("CN")) {
    if (label.find("it") == std::string::npos) cn_without_it += n;
  }
  EXPECT_GT(cn_without_it, 100);
}

TEST_F(DemoTest, RebuildIsDeterministic) {
  ASSERT_NE(result_, nullptr);
  const std::string other = db_path_ + ".again";
  auto again = BuildDemoDatabase({.db_path = other, .data_dir = PONTE_DATA_DIR});
  ASSERT_TRUE(again.ok());
  auto a = result_->store->Export({.event_key = kDemoEventKey});
  auto b = again->store->Export({.event_key = kDemoEventKey});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->organizations.size(), b->organizations.size());
  for (std::size_t i = 0; i < a->organizations.size(); ++i) {
    EXPECT_EQ(a->organizations[i].organization, b->organizations[i].organization);
  }
  again->store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(other + suffix);
}

TEST_F(DemoTest, PastEditionsHaveAFollowUpHistory) {
  ASSERT_NE(result_, nullptr);
  Store& store = *result_->store;
  std::set<OutcomeStage> stages;
  std::set<OutcomeKind> kinds;
  std::set<OutcomeReview> reviews;
  std::map<std::pair<std::int64_t, std::int64_t>, int> editions_of_pair;
  std::map<std::int64_t, int> editions_of_org;
  for (const char* key : {kDemoEdition2024, kDemoEdition2025}) {
    auto event = store.GetEvent(key);
    ASSERT_TRUE(event.ok()) << key;
    auto sessions = *store.ListSessions(event->id);
    std::set<std::string> cities;
    for (const Session& s : sessions) {
      cities.insert(s.city);
      EXPECT_GE(s.date, event->start_date);
      EXPECT_LE(s.date, event->end_date);
    }
    EXPECT_EQ(cities.size(), 2u) << key;
    std::map<RequestStatus, int> requests;
    std::set<std::int64_t> orgs;
    const auto all_requests = *store.ListRequests(event->id);
    for (const MeetingRequest& r : all_requests) {
      ++requests[r.status];
      orgs.insert(r.from.value());
      orgs.insert(r.to.value());
    }
    for (std::int64_t o : orgs) ++editions_of_org[o];
    EXPECT_GT(requests[RequestStatus::kAccepted], requests[RequestStatus::kDeclined]) << key;
    EXPECT_GT(requests[RequestStatus::kDeclined], 0) << key;
    std::map<MeetingStatus, int> meetings;
    std::set<std::int64_t> meeting_ids;
    const auto all_meetings = *store.ListMeetings(event->id);
    for (const Meeting& m : all_meetings) {
      ++meetings[m.status];
      meeting_ids.insert(m.id.value());
      if (m.status == MeetingStatus::kHeld) {
        ++editions_of_pair[std::minmax(m.a.value(), m.b.value())];
      }
    }
    EXPECT_GT(meetings[MeetingStatus::kHeld], 100) << key;
    EXPECT_GT(meetings[MeetingStatus::kNoShow], 0) << key;
    EXPECT_GT(meetings[MeetingStatus::kCancelled], 0) << key;
    auto outcomes = *store.ListOutcomes({.event = event->id});
    EXPECT_GT(outcomes.size(), 50u) << key;
    int from_meetings = 0;
    int from_interest = 0;
    for (const Outcome& o : outcomes) {
      stages.insert(o.stage);
      kinds.insert(o.kind);
      reviews.insert(o.review);
      EXPECT_FALSE(o.title.empty());
      EXPECT_GT(o.date, event->end_date);
      if (o.meetings.empty()) {
        ++from_interest;
        EXPECT_TRUE(o.request.valid()) << o.key;
      } else {
        ++from_meetings;
      }
      if (o.value) {
        EXPECT_TRUE(o.currency == "EUR" || o.currency == "CNY") << o.key;
      }
    }
    EXPECT_GT(from_meetings, from_interest) << key;
    EXPECT_GT(from_interest, 0) << key;
  }
  EXPECT_EQ(stages.size(), AllOutcomeStages().size());
  EXPECT_EQ(kinds.size(), AllOutcomeKinds().size());
  EXPECT_EQ(reviews.size(), 3u);
  int again = 0;
  for (const auto& [pair, n] : editions_of_pair) again += n == 2 ? 1 : 0;
  EXPECT_GE(again, 5) << "a few pairs met in both editions";
  EXPECT_EQ(again, result_->history.pairs_met_again);
  int returning = 0;
  int once = 0;
  for (const auto& [org, n] : editions_of_org) (n == 2 ? returning : once) += 1;
  EXPECT_GT(returning, 40);
  EXPECT_GT(once, 40);
  auto news = *store.ListNews({});
  ASSERT_EQ(news.size(), 3u);
  for (const NewsItem& n : news) {
    EXPECT_EQ(n.status, NewsStatus::kPublished);
    for (const char* lang : {"it", "en", "zh"}) {
      EXPECT_FALSE(n.title.Get(lang).empty()) << n.key << " " << lang;
      EXPECT_EQ(n.body.Get(lang).rfind("<p>", 0), 0u) << n.key << " " << lang;
    }
  }
  EXPECT_NE(FormatHistorySummary(result_->history).find(kDemoEdition2025), std::string::npos);
}

TEST_F(DemoTest, PastEditionsAreDeterministic) {
  ASSERT_NE(result_, nullptr);
  const std::string other = db_path_ + ".history";
  auto again = BuildDemoDatabase({.db_path = other, .data_dir = PONTE_DATA_DIR});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  auto a = *result_->store->ListOutcomes({});
  auto b = *again->store->ListOutcomes({});
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].key, b[i].key);
    EXPECT_EQ(a[i].title, b[i].title);
    EXPECT_EQ(a[i].stage, b[i].stage);
    EXPECT_EQ(a[i].review, b[i].review);
  }
  EXPECT_EQ(BuildDemoHistory(*again->store).status().code(), StatusCode::kAlreadyExists)
      << "the history is added once";
  again->store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(other + suffix);
}

TEST(DemoRefresh, RefusesToReplaceAForeignFile) {
  const std::string path = (std::filesystem::temp_directory_path() / "ponte_not_a_db.txt").string();
  {
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("precious notes", f);
    std::fclose(f);
  }
  auto built = BuildDemoDatabase({.db_path = path, .data_dir = PONTE_DATA_DIR});
  EXPECT_FALSE(built.ok());
  EXPECT_TRUE(std::filesystem::exists(path));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace ponte::demo
