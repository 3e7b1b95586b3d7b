#include "demo/demo.h"

#include <gtest/gtest.h>

#include <filesystem>
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
