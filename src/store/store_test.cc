#include "store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/export.h"
#include "io/import.h"
#include "store/sqlite.h"
#include "store/store_test_data.h"

namespace ponte {
namespace {

using ::testing::HasSubstr;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ponte_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
    auto t = io::LoadTaxonomy(PONTE_DATA_DIR);
    ASSERT_TRUE(t.ok());
    taxonomy_ = std::move(*t);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> OpenNew() {
    auto store = Store::Open(path_, {.create_if_missing = true});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(*store);
  }

  Dataset Read(io::FileKind kind, std::string_view text, std::string_view name, Dataset data = {}) {
    return store_test::ReadInto(taxonomy_, kind, text, name, std::move(data));
  }

  // Three organizations, one session with two tables, two people, a request.
  Dataset SmallEvent() { return store_test::SmallEvent(taxonomy_); }

  std::filesystem::path dir_;
  std::string path_;
  Taxonomy taxonomy_;
};

TEST_F(StoreTest, CreatesAndReopensAtCurrentVersion) {
  {
    auto store = OpenNew();
    EXPECT_EQ(store->schema_version(), Store::CurrentSchemaVersion());
  }
  auto again = Store::Open(path_, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->schema_version(), Store::CurrentSchemaVersion());
}

TEST_F(StoreTest, MissingDatabaseIsNotFound) {
  auto store = Store::Open((dir_ / "nope.db").string(), {});
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(store.status().message(), HasSubstr("ponte init"));
}

TEST_F(StoreTest, RefusesNewerSchemaAndForeignFiles) {
  { OpenNew(); }
  {
    auto db = sqlite::Database::Open(path_, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(
        (*db)->Exec("UPDATE ponte_meta SET value = '999' WHERE key = 'schema_version'").ok());
  }
  auto newer = Store::Open(path_, {});
  EXPECT_EQ(newer.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(newer.status().message(), HasSubstr("newer ponte"));

  const std::string text_file = (dir_ / "notes.txt").string();
  std::ofstream(text_file) << "this is not a database, just some notes\n";
  auto foreign = Store::Open(text_file, {});
  EXPECT_EQ(foreign.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(foreign.status().message(), HasSubstr("not a ponte database"));

  const std::string other_db = (dir_ / "other.db").string();
  {
    auto db = sqlite::Database::Open(other_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE((*db)->Exec("CREATE TABLE t(x)").ok());
  }
  EXPECT_THAT(Store::Open(other_db, {}).status().message(), HasSubstr("not a ponte database"));
}

TEST_F(StoreTest, ImportExportRoundTripKeepsText) {
  auto store = OpenNew();
  Dataset data = SmallEvent();
  auto report = store->Import(data, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->organizations.created, 3);
  EXPECT_EQ(report->requests.created, 1);

  auto exported = store->Export({.event_key = "icstiw-2026"});
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  EXPECT_EQ(exported->event->name.Get("zh"), "中意科技创新合作周");
  ASSERT_EQ(exported->organizations.size(), 3u);
  EXPECT_EQ(exported->organizations[0].organization.name.Get("it"), "Università di Bologna");
  EXPECT_EQ(exported->people[0].session_keys, std::vector<std::string>{"bj-am"});
  EXPECT_EQ(exported->requests[0].request.message, "Restauro e beni culturali — 文物保护");
  for (io::FileKind kind : {io::FileKind::kOrganizations, io::FileKind::kPeople,
                            io::FileKind::kSessions, io::FileKind::kRequests}) {
    EXPECT_EQ(io::WriteCsv(kind, *exported, "Asia/Shanghai"),
              io::WriteCsv(kind, data, "Asia/Shanghai"))
        << io::ToCode(kind);
  }

  // Re-importing the same data updates, and changes nothing else.
  auto again = store->Import(data, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->organizations.updated, 3);
  EXPECT_EQ(again->organizations.created, 0);
}

TEST_F(StoreTest, UnknownReferenceNamesFileAndLineAndWritesNothing) {
  auto store = OpenNew();
  Dataset data = SmallEvent();
  data = Read(io::FileKind::kPeople,
              "key,organization,given_name,languages\np-x,it-unibo,Ugo,it\np-y,it-polimi,Anna,it\n",
              "more.csv", std::move(data));
  auto report = store->Import(data, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(report.status().message(),
              HasSubstr("more.csv:3: column 'organization': no organization with key 'it-polimi'"));
  auto summary = store->Summary();
  EXPECT_EQ(summary->organizations, 0);
  EXPECT_EQ(summary->events, 0);
}

TEST_F(StoreTest, DryRunWritesNothing) {
  auto store = OpenNew();
  auto report = store->Import(SmallEvent(), {.dry_run = true});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->organizations.created, 3);
  EXPECT_EQ(store->Summary()->organizations, 0);
}

TEST_F(StoreTest, DatabaseRefusesDoubleBooking) {
  auto store = OpenNew();
  ASSERT_TRUE(store->Import(SmallEvent(), {}).ok());
  auto event = store->GetEvent("icstiw-2026");
  auto sessions = store->ListSessions(event->id);
  auto orgs = store->ListOrganizations();
  ASSERT_EQ(orgs->size(), 3u);
  const SessionId s = (*sessions)[0].id;
  Meeting m1{.event = event->id,
             .a = (*orgs)[0].id,
             .b = (*orgs)[1].id,
             .session = s,
             .slot = 0,
             .table = 1};
  Meeting m2{.event = event->id,
             .a = (*orgs)[0].id,
             .b = (*orgs)[2].id,
             .session = s,
             .slot = 0,
             .table = 2};
  std::vector<Meeting> clash{m1, m2};
  Status st = store->ReplaceMeetings(event->id, clash);
  EXPECT_EQ(st.code(), StatusCode::kAborted);
  EXPECT_THAT(st.message(), HasSubstr("two meetings in slot 1"));
  EXPECT_TRUE(store->ListMeetings(event->id)->empty());

  m2.slot = 1;
  std::vector<Meeting> fine{m1, m2};
  ASSERT_TRUE(store->ReplaceMeetings(event->id, fine).ok());
  EXPECT_EQ(store->ListMeetings(event->id)->size(), 2u);
  EXPECT_TRUE(fine[0].id.valid());
}

TEST_F(StoreTest, RoadshowRoundTrip) {
  auto store = OpenNew();
  Roadshow r;
  r.key = "roadshow-2026";
  r.name.Set("zh", "西南路演");
  r.name.Set("it", "Roadshow nel Sud-Ovest");
  r.lunch_start = Minutes(690);
  r.stages.push_back({.city = "Chengdu",
                      .first_day = {2026, 4, 25},
                      .last_day = {2026, 4, 27},
                      .base_name = "Hotel",
                      .base = GeoPoint{30.65, 104.07},
                      .teams = 2});
  r.travel.push_back({{2026, 4, 27}, "Chengdu", "Chongqing", "G8501", Minutes(760), Minutes(845)});
  RoadshowVisit v;
  v.key = "scu";
  v.name.Set("zh", "四川大学");
  v.name.Set("en", "Sichuan University");
  v.city = "Chengdu";
  v.kind = "university";
  v.location = GeoPoint{30.63, 104.08};
  v.windows.push_back({{2026, 4, 25}, Minutes(540), Minutes(1020)});
  r.visits.push_back(v);
  r.plan = R"({"days":[]})";
  ASSERT_TRUE(store->PutRoadshow(r).ok());
  auto back = store->GetRoadshow("roadshow-2026");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->name, r.name);
  EXPECT_EQ(back->lunch_start, Minutes(690));
  EXPECT_EQ(back->stages, r.stages);
  EXPECT_EQ(back->travel, r.travel);
  ASSERT_EQ(back->visits.size(), 1u);
  v.id = back->visits[0].id;
  EXPECT_EQ(back->visits[0], v);
  EXPECT_EQ(back->plan, r.plan);
  EXPECT_EQ(store->GetRoadshow("nope").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace ponte
