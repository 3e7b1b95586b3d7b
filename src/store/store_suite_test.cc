// One storage suite for every backend. SQLite (a temporary file) always runs;
// PostgreSQL runs when PONTE_TEST_PG_URI names a database the suite may wipe
// (each test works in a schema of its own, ponte_test_PID_N, dropped at the
// end; the role needs CREATE on the database):
//
//   URI=$(scripts/postgres.sh start /tmp/ponte-pg 54329)
//   PONTE_TEST_PG_URI=$URI build/src/store/store_suite_test
//
// Without it the PostgreSQL instances are skipped with a message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <barrier>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <pqxx/pqxx>
#include <set>
#include <sstream>
#include <thread>

#include "core/sha256.h"
#include "io/export.h"
#include "io/import.h"
#include "store/dataset_export.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "store/store_test_data.h"

#if defined(__SANITIZE_ADDRESS__)
#define PONTE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PONTE_LSAN 1
#endif
#endif
#ifdef PONTE_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace ponte {
namespace {

// Allocations made while one is alive are not reported as leaks.
struct LeakCheckPause {
#ifdef PONTE_LSAN
  LeakCheckPause() { __lsan_disable(); }
  ~LeakCheckPause() { __lsan_enable(); }
#endif
};

using ::testing::HasSubstr;

enum class Backend { kSqlite, kPostgres };

void PrintTo(Backend backend, std::ostream* os) {
  *os << (backend == Backend::kSqlite ? "SQLite" : "PostgreSQL");
}

constexpr char kEventKey[] = "icstiw-2026";

std::string PgUri() {
  const char* uri = std::getenv("PONTE_TEST_PG_URI");
  return uri == nullptr ? std::string() : std::string(uri);
}

// A schema of its own for each test, so that tests running in parallel
// (ctest -j) share one database without seeing each other: the store's
// connections get it as their search_path through the URI.
class PgSchema {
 public:
  explicit PgSchema(std::string base) : base_(std::move(base)) {
    static int counter = 0;
    name_ = "ponte_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    Recreate();
  }
  ~PgSchema() {
    try {
      Run("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception&) {
      // Best effort: the next run of the suite uses new names anyway.
    }
  }
  PgSchema(const PgSchema&) = delete;
  PgSchema& operator=(const PgSchema&) = delete;

  // Empties the schema: the equivalent of a new database file.
  void Recreate() { Run("DROP SCHEMA IF EXISTS " + name_ + " CASCADE; CREATE SCHEMA " + name_); }
  // The URI the store opens; application_name lets a test find its own
  // connections in pg_stat_activity.
  std::string uri() const {
    const char sep = base_.find('?') == std::string::npos ? '?' : '&';
    return base_ + sep + "options=-csearch_path%3D" + name_ + "&application_name=" + name_;
  }
  const std::string& name() const { return name_; }

 private:
  void Run(const std::string& sql) const {
    pqxx::connection conn(base_);
    pqxx::nontransaction tx(conn);
    tx.exec(sql);
  }

  std::string base_;
  std::string name_;
};

Instant At(std::int64_t seconds) { return Instant(Seconds(seconds)); }

// 2026-11-16 00:00 UTC, a fixed "now" for the tests.
constexpr std::int64_t kNow = 1'795'305'600;

class StoreSuite : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ponte_store_suite_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    if (GetParam() == Backend::kPostgres) {
      const std::string base = PgUri();
      if (base.empty()) {
        GTEST_SKIP() << "PONTE_TEST_PG_URI is not set: skipping PostgreSQL (start one with "
                        "scripts/postgres.sh start DIR PORT)";
      }
      pg_ = std::make_unique<PgSchema>(base);
      uri_ = pg_->uri();
    } else {
      uri_ = (dir_ / "test.db").string();
    }
    auto t = io::LoadTaxonomy(PONTE_DATA_DIR);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    taxonomy_ = std::move(*t);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> Open(OpenOptions options = {.create_if_missing = true}) {
    auto store = Store::Open(uri_, options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // A second, empty database to move data into: a second file on SQLite; on
  // PostgreSQL the test's schema made anew, so `store` is closed first.
  std::unique_ptr<Store> OpenSecond(std::unique_ptr<Store>& store) {
    if (GetParam() == Backend::kPostgres) {
      store.reset();
      pg_->Recreate();
    } else {
      uri_ = (dir_ / "second.db").string();
    }
    return Open();
  }

  // Gives a move's target another event and another user ("someone@else.org")
  // first, so that the ids of what moves in differ from the source's.
  void AddAnotherEventAndUser(Store& target) {
    Dataset other = SmallEvent();
    other.event->key = "another-week";
    for (auto& r : other.requests) r.request.key = "other-" + r.request.key;
    ASSERT_TRUE(target.Import(other, {}).ok());
    User stranger{.email = "someone@else.org", .created_at = At(kNow)};
    ASSERT_TRUE(target.CreateUser(stranger).ok());
  }

  // Runs raw SQL on the backend's database, behind the store's back.
  void RawExec(const std::string& sql) {
    if (GetParam() == Backend::kPostgres) {
      pqxx::connection conn(uri_);
      pqxx::nontransaction tx(conn);
      tx.exec(sql);
    } else {
      auto db = sqlite::Database::Open(uri_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      ASSERT_TRUE(db.ok());
      ASSERT_TRUE((*db)->Exec(sql).ok()) << sql;
    }
  }

  Dataset Read(io::FileKind kind, std::string_view text, std::string_view name, Dataset data = {}) {
    return store_test::ReadInto(taxonomy_, kind, text, name, std::move(data));
  }

  // Three organizations, one session with two tables, two people, a request.
  Dataset SmallEvent() { return store_test::SmallEvent(taxonomy_); }

  // The small event imported; ids of its organizations and session.
  struct Loaded {
    EventId event;
    std::vector<OrganizationId> orgs;
    SessionId session;
    MeetingRequestId request;
  };
  Loaded LoadSmallEvent(Store& store) {
    Loaded out;
    auto report = store.Import(SmallEvent(), {});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    auto event = store.GetEvent(kEventKey);
    auto orgs = store.ListOrganizations();
    if (!event.ok() || !orgs.ok()) {
      ADD_FAILURE() << "the small event did not load";
      return out;
    }
    out.event = event->id;
    for (const Organization& o : orgs.value()) out.orgs.push_back(o.id);
    auto sessions = store.ListSessions(out.event);
    auto requests = store.ListRequests(out.event);
    if (!sessions.ok() || sessions->empty() || !requests.ok() || requests->empty()) {
      ADD_FAILURE() << "the small event has no session or request";
      return out;
    }
    out.session = sessions->front().id;
    out.request = requests->front().id;
    return out;
  }

  Meeting MakeMeeting(const Loaded& l, int a, int b, int slot, int table) {
    return Meeting{.event = l.event,
                   .a = l.orgs[static_cast<std::size_t>(a)],
                   .b = l.orgs[static_cast<std::size_t>(b)],
                   .session = l.session,
                   .slot = slot,
                   .table = table};
  }

  std::filesystem::path dir_;
  std::unique_ptr<PgSchema> pg_;
  std::string uri_;
  Taxonomy taxonomy_;
};

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreSuite,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

// ---- opening and schema versions ------------------------------------------------

TEST_P(StoreSuite, CreatesAndReopensAtCurrentVersion) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), Store::CurrentSchemaVersion());
  }
  auto again = Store::Open(uri_, {});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ((*again)->schema_version(), Store::CurrentSchemaVersion());
  auto read_only = Store::Open(uri_, {.read_only = true});
  ASSERT_TRUE(read_only.ok()) << read_only.status().ToString();
  EXPECT_EQ((*read_only)->Summary()->events, 0);
  Job job{.kind = "schedule", .created_at = At(kNow)};
  EXPECT_EQ((*read_only)->CreateJob(job).code(), StatusCode::kPermissionDenied);
}

TEST_P(StoreSuite, EmptyDatabaseNeedsInit) {
  auto store = Store::Open(uri_, {});
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(store.status().message(), HasSubstr("ponte init"));
}

TEST_P(StoreSuite, RefusesNewerSchemaAndChangesNothing) {
  { Open(); }
  RawExec("UPDATE ponte_meta SET value = '999' WHERE key = 'schema_version'");
  auto newer = Store::Open(uri_, {});
  EXPECT_EQ(newer.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(newer.status().message(), HasSubstr("newer ponte"));
  EXPECT_THAT(newer.status().message(), HasSubstr("nothing was changed"));
  // Still 999: the refusal wrote nothing.
  RawExec("UPDATE ponte_meta SET value = '" + std::to_string(Store::CurrentSchemaVersion()) +
          "' WHERE key = 'schema_version' AND value = '999'");
  EXPECT_TRUE(Store::Open(uri_, {}).ok());
}

TEST_P(StoreSuite, RefusesForeignDatabase) {
  RawExec("CREATE TABLE t(x INTEGER)");
  auto foreign = Store::Open(uri_, {.create_if_missing = true});
  EXPECT_EQ(foreign.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(foreign.status().message(), HasSubstr("not a ponte database"));
}

// A server keeps its store connections for a long time; when PostgreSQL drops
// one (restart, failover, idle timeout) the call in flight fails with
// Unavailable and the next one reconnects.
TEST_P(StoreSuite, LostConnectionIsUnavailableThenReconnects) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "PostgreSQL only";
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  ASSERT_TRUE(store->GetOrganization(l.orgs[0]).ok());  // a prepared statement
  RawExec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" +
          pg_->name() + "' AND pid <> pg_backend_pid()");
  auto during = [&] {
    // libpqxx 6.4 leaks the PGresult of the statement that meets the broken
    // connection (inside libpq, 2 KiB once); keep it out of LeakSanitizer's
    // report so that the sanitizer run stays clean.
    [[maybe_unused]] LeakCheckPause pause;
    return store->Summary();
  }();
  if (!during.ok()) {
    EXPECT_EQ(during.status().code(), StatusCode::kUnavailable);
  }
  auto after = store->Summary();
  EXPECT_TRUE(after.ok()) << after.status().ToString();
  // Prepared again on the new connection.
  auto org = store->GetOrganization(l.orgs[0]);
  ASSERT_TRUE(org.ok()) << org.status().ToString();
  EXPECT_EQ(org->name.Get("zh"), "博洛尼亚大学");
  EXPECT_EQ(store->ListMeetingsOf(l.event, l.orgs[0])->size(), 0u);
}

// ---- import and export ----------------------------------------------------------------

TEST_P(StoreSuite, ImportExportKeepsItalianAndChinese) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Dataset data = SmallEvent();
  auto report = store->Import(data, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->organizations.created, 3);
  EXPECT_EQ(report->requests.created, 1);

  auto exported = store->Export({.event_key = kEventKey});
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  EXPECT_EQ(exported->event->name.Get("zh"), "中意科技创新合作周");
  EXPECT_EQ(exported->event->name.Get("it"),
            "Settimana Italia–Cina della scienza, tecnologia e innovazione");
  ASSERT_EQ(exported->organizations.size(), 3u);
  EXPECT_EQ(exported->organizations[0].organization.name.Get("it"), "Università di Bologna");
  EXPECT_EQ(exported->organizations[1].organization.city, "成都");
  EXPECT_EQ(exported->people[0].person.given_name, "Niccolò");
  EXPECT_EQ(exported->people[1].person.family_name, "王");
  EXPECT_EQ(exported->people[0].session_keys, std::vector<std::string>{"bj-am"});
  EXPECT_EQ(exported->requests[0].request.message, "Restauro e beni culturali — 文物保护");
  for (io::FileKind kind : {io::FileKind::kOrganizations, io::FileKind::kPeople,
                            io::FileKind::kSessions, io::FileKind::kRequests}) {
    EXPECT_EQ(io::WriteCsv(kind, *exported, "Asia/Shanghai"),
              io::WriteCsv(kind, data, "Asia/Shanghai"))
        << io::ToCode(kind);
  }
  auto again = store->Import(data, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->organizations.updated, 3);
  EXPECT_EQ(again->organizations.created, 0);
  EXPECT_EQ(store->Summary()->organizations, 3);
}

TEST_P(StoreSuite, FailedImportNamesTheLineAndWritesNothing) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Dataset data = SmallEvent();
  data = Read(io::FileKind::kPeople,
              "key,organization,given_name,languages\np-x,it-unibo,Ugo,it\np-y,it-polimi,Anna,it\n",
              "more.csv", std::move(data));
  auto report = store->Import(data, {});
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(report.status().message(),
              HasSubstr("more.csv:3: column 'organization': no organization with key 'it-polimi'"));
  EXPECT_EQ(store->Summary()->organizations, 0);
  EXPECT_EQ(store->Summary()->events, 0);

  auto dry = store->Import(SmallEvent(), {.dry_run = true});
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(dry->organizations.created, 3);
  EXPECT_EQ(store->Summary()->organizations, 0);
}

// The files of the demo event, in the order the demo loads them.
std::vector<std::string> EventFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const char* name : {"event.json", "organizations.csv", "sessions.csv", "people.csv",
                           "profiles.csv", "interpreters.csv", "requests.csv", "meetings.csv"}) {
    const std::string path = dir + "/" + name;
    if (std::filesystem::exists(path)) files.push_back(path);
  }
  return files;
}

std::map<std::string, std::string> ReadDirectory(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out[entry.path().filename().string()] = text.str();
  }
  return out;
}

// Imports the files of `from` into `store`, exports the event into `to`.
void ImportThenExport(Store& store, const std::string& from, const std::string& to,
                      const Taxonomy& taxonomy) {
  auto data = io::ReadFiles(EventFiles(from), {.taxonomy = &taxonomy});
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  auto report = store.Import(*data, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto exported = store.Export({.event_key = data->event->key});
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  std::filesystem::create_directories(to);
  ASSERT_TRUE(io::WriteDirectory(*exported, to, exported->event->time_zone).ok());
}

// A timetable for the demo event, so that meetings travel too: each accepted
// request in its own slot of the first session, tables round robin.
void PublishSomeMeetings(Store& store) {
  auto events = store.ListEvents();
  ASSERT_TRUE(events.ok());
  ASSERT_FALSE(events->empty());
  const EventId event = events->front().id;
  auto sessions = store.ListSessions(event);
  auto requests = store.ListRequests(event);
  ASSERT_TRUE(sessions.ok() && requests.ok());
  ASSERT_FALSE(sessions->empty());
  const Session& session = sessions->front();
  std::vector<Meeting> meetings;
  int slot = 0;
  for (const MeetingRequest& r : *requests) {
    if (r.status != RequestStatus::kAccepted) continue;
    meetings.push_back({.event = event,
                        .request = r.id,
                        .a = r.from,
                        .b = r.to,
                        .session = session.id,
                        .slot = slot++,
                        .table = 1});
    if (slot == 4) break;
  }
  ASSERT_TRUE(store.ReplaceMeetings(event, meetings).ok());
}

TEST_P(StoreSuite, DemoEventRoundTripIsLossless) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const std::string demo = std::string(PONTE_DATA_DIR) + "/demo";
  const std::string first = (dir_ / "first").string();
  const std::string second = (dir_ / "second").string();
  ImportThenExport(*store, demo, first, taxonomy_);
  auto summary = store->Summary();
  ASSERT_TRUE(summary.ok());
  EXPECT_GT(summary->organizations, 10);
  EXPECT_GT(summary->requests, 10);
  // A second database from the export: the same files, byte for byte.
  auto copy = OpenSecond(store);
  ASSERT_NE(copy, nullptr);
  ImportThenExport(*copy, first, second, taxonomy_);
  const auto a = ReadDirectory(first);
  const auto b = ReadDirectory(second);
  EXPECT_GE(a.size(), 6u);
  for (const auto& [name, text] : a) {
    ASSERT_TRUE(b.contains(name)) << name;
    EXPECT_EQ(text, b.at(name)) << name;
  }
  EXPECT_EQ(a.size(), b.size());
}

// SQLite -> PostgreSQL -> SQLite through the export files, as
// `ponte export --dir D` and `ponte import --db B D/*` do.
TEST(StoreMigration, SqliteToPostgresToSqliteIsLossless) {
  if (PgUri().empty()) GTEST_SKIP() << "PONTE_TEST_PG_URI is not set: skipping PostgreSQL";
  PgSchema schema(PgUri());
  const std::string pg = schema.uri();
  const auto dir = std::filesystem::temp_directory_path() /
                   ("ponte_store_migration_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto taxonomy = io::LoadTaxonomy(PONTE_DATA_DIR);
  ASSERT_TRUE(taxonomy.ok());

  const std::string from_sqlite = (dir / "from_sqlite").string();
  const std::string from_pg = (dir / "from_pg").string();
  const std::string back = (dir / "back").string();
  {
    auto sqlite = Store::Open((dir / "a.db").string(), {.create_if_missing = true});
    ASSERT_TRUE(sqlite.ok());
    auto data =
        io::ReadFiles(EventFiles(std::string(PONTE_DATA_DIR) + "/demo"), {.taxonomy = &*taxonomy});
    ASSERT_TRUE(data.ok()) << data.status().ToString();
    ASSERT_TRUE((*sqlite)->Import(*data, {}).ok());
    PublishSomeMeetings(**sqlite);
    auto exported = (*sqlite)->Export({.event_key = data->event->key});
    ASSERT_TRUE(exported.ok());
    ASSERT_TRUE(io::WriteDirectory(*exported, from_sqlite, exported->event->time_zone).ok());
  }
  ASSERT_TRUE(std::filesystem::exists(from_sqlite + "/meetings.csv"));
  {
    auto postgres = Store::Open(pg, {.create_if_missing = true});
    ASSERT_TRUE(postgres.ok()) << postgres.status().ToString();
    ImportThenExport(**postgres, from_sqlite, from_pg, *taxonomy);
  }
  {
    auto sqlite = Store::Open((dir / "b.db").string(), {.create_if_missing = true});
    ASSERT_TRUE(sqlite.ok());
    ImportThenExport(**sqlite, from_pg, back, *taxonomy);
  }
  const auto a = ReadDirectory(from_sqlite);
  for (const std::string& other : {from_pg, back}) {
    const auto b = ReadDirectory(other);
    EXPECT_EQ(a.size(), b.size()) << other;
    for (const auto& [name, text] : a) {
      ASSERT_TRUE(b.contains(name)) << other << "/" << name;
      EXPECT_EQ(text, b.at(name)) << other << "/" << name;
    }
  }
  std::filesystem::remove_all(dir);
}

// ---- meetings ----------------------------------------------------------------------------

TEST_P(StoreSuite, DatabaseRefusesDoubleBooking) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  // Organization 0 twice in slot 0.
  std::vector<Meeting> clash{MakeMeeting(l, 0, 1, 0, 1), MakeMeeting(l, 0, 2, 0, 2)};
  Status st = store->ReplaceMeetings(l.event, clash);
  EXPECT_EQ(st.code(), StatusCode::kAborted);
  EXPECT_THAT(st.message(), HasSubstr("two meetings in slot 1"));
  EXPECT_TRUE(store->ListMeetings(l.event)->empty());
  // Table 1 twice in slot 0.
  std::vector<Meeting> table{MakeMeeting(l, 0, 1, 0, 1), MakeMeeting(l, 1, 2, 0, 1)};
  st = store->ReplaceMeetings(l.event, table);
  EXPECT_EQ(st.code(), StatusCode::kAborted);
  EXPECT_THAT(st.message(), HasSubstr("table 1 is taken twice"));
  EXPECT_TRUE(store->ListMeetings(l.event)->empty());

  std::vector<Meeting> fine{MakeMeeting(l, 0, 1, 0, 1), MakeMeeting(l, 0, 2, 1, 2)};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, fine).ok());
  EXPECT_EQ(store->ListMeetings(l.event)->size(), 2u);
  EXPECT_TRUE(fine[0].id.valid());

  // A walk-in with a busy side, and a move into a busy slot.
  Meeting walk_in = MakeMeeting(l, 1, 2, 0, 2);
  EXPECT_EQ(store->AddMeeting(walk_in).code(), StatusCode::kAborted);
  Meeting moved = fine[1];
  moved.slot = 0;
  EXPECT_EQ(store->UpdateMeeting(moved, fine[1].version).code(), StatusCode::kAborted);
  EXPECT_EQ(store->GetMeeting(fine[1].id)->slot, 1);
  // A cancelled meeting frees its slot.
  Meeting cancel = fine[0];
  cancel.status = MeetingStatus::kCancelled;
  ASSERT_TRUE(store->UpdateMeeting(cancel, fine[0].version).ok());
  EXPECT_EQ(cancel.version, fine[0].version + 1);
  walk_in = MakeMeeting(l, 1, 2, 0, 1);
  ASSERT_TRUE(store->AddMeeting(walk_in).ok());
  EXPECT_EQ(walk_in.version, 1);
  EXPECT_EQ(store->ListMeetingsOf(l.event, l.orgs[1])->size(), 2u);  // the cancelled one too
}

// Two connections (two servers) writing at the same moment: of two walk-ins
// that would put one organization twice in a slot exactly one is written, and
// of two moves of one meeting from the same version exactly one wins.
TEST_P(StoreSuite, ConcurrentWritersNeverDoubleBookOrLoseUpdates) {
  constexpr int kRounds = 8;
  Loaded l;
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    l = LoadSmallEvent(*store);
  }
  std::vector<StatusCode> walk_ins(2 * kRounds, StatusCode::kOk);
  std::vector<StatusCode> moves(2 * kRounds, StatusCode::kOk);
  Meeting shared = MakeMeeting(l, 1, 2, 100, 1);
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddMeeting(shared).ok());
  }
  std::barrier sync(2);
  auto writer = [&](int w) {
    auto store = Store::Open(uri_, {});
    for (int round = 0; round < kRounds; ++round) {
      const auto at = static_cast<std::size_t>(2 * round + w);
      sync.arrive_and_wait();
      if (!store.ok()) {
        walk_ins[at] = moves[at] = StatusCode::kInternal;
        continue;
      }
      // Organization 0 meets 1 (writer 0) or 2 (writer 1) at the same slot.
      Meeting walk_in = MakeMeeting(l, 0, 1 + w, round, 1 + w);
      walk_ins[at] = (*store)->AddMeeting(walk_in).code();
      sync.arrive_and_wait();
      Meeting move = shared;
      move.slot = 200 + 2 * round + w;
      moves[at] = (*store)->UpdateMeeting(move, shared.version + round).code();
    }
  };
  std::thread a(writer, 0);
  std::thread b(writer, 1);
  a.join();
  b.join();
  for (int round = 0; round < kRounds; ++round) {
    const auto at = static_cast<std::size_t>(2 * round);
    std::multiset<StatusCode> w{walk_ins[at], walk_ins[at + 1]};
    EXPECT_EQ(w, (std::multiset<StatusCode>{StatusCode::kOk, StatusCode::kAborted}))
        << "round " << round;
    std::multiset<StatusCode> m{moves[at], moves[at + 1]};
    EXPECT_EQ(m, (std::multiset<StatusCode>{StatusCode::kOk, StatusCode::kFailedPrecondition}))
        << "round " << round;
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->GetMeeting(shared.id)->version, shared.version + kRounds);
  EXPECT_EQ(store->ListMeetingsOf(l.event, l.orgs[0])->size(), static_cast<std::size_t>(kRounds));
}

// A walk-in and the meetings moved to make room for it: written together or
// not at all, with versions checked, and no interpreter twice in a slot.
TEST_P(StoreSuite, ApplyMeetingChangesIsAllOrNothing) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  Dataset more = Read(io::FileKind::kInterpreters, "key,name,pairs,sessions\ni-li,李娜,it-zh,\n",
                      "interpreters.csv");
  more = Read(io::FileKind::kOrganizations,
              "key,name_it,name_zh,type,country,city\ncn-fd,,复旦大学,university,CN,上海\n",
              "organizations.csv", std::move(more));
  ASSERT_TRUE(store->Import(more, {.event_key = std::string(kEventKey)}).ok());
  OrganizationId fudan;
  const std::vector<Organization> organizations = store->ListOrganizations().value();
  for (const Organization& o : organizations) {
    if (o.key == "cn-fd") fudan = o.id;
  }
  auto interpreters = store->ListInterpreters(l.event);
  ASSERT_TRUE(interpreters.ok());
  ASSERT_EQ(interpreters->size(), 1u);
  const InterpreterId li = interpreters->front().id;
  std::vector<Meeting> timetable{MakeMeeting(l, 0, 1, 0, 1), MakeMeeting(l, 1, 2, 1, 1)};
  timetable[0].interpreter = li;
  ASSERT_TRUE(store->ReplaceMeetings(l.event, timetable).ok());

  // 0–2 takes slot 0 at table 2 while 0–1 moves to slot 2: they trade nothing
  // but must be written together (0 would otherwise be twice in slot 0).
  std::vector<Meeting> added{MakeMeeting(l, 0, 2, 0, 2)};
  Meeting moved = timetable[0];
  moved.slot = 2;
  std::vector<Meeting> moves{moved};
  ASSERT_TRUE(store->ApplyMeetingChanges(l.event, added, moves).ok());
  EXPECT_TRUE(added[0].id.valid());
  EXPECT_EQ(added[0].version, 1);
  EXPECT_EQ(moves[0].version, timetable[0].version + 1);
  EXPECT_EQ(moves[0].a, l.orgs[0]);
  EXPECT_EQ(store->GetMeeting(timetable[0].id)->slot, 2);
  EXPECT_EQ(store->ListMeetings(l.event)->size(), 3u);

  // A stale version: nothing written, not even the walk-in.
  std::vector<Meeting> late{MakeMeeting(l, 1, 2, 3, 1)};
  Meeting stale = timetable[0];  // still version 1
  stale.slot = 4;
  std::vector<Meeting> stale_moves{stale};
  EXPECT_EQ(store->ApplyMeetingChanges(l.event, late, stale_moves).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(store->ListMeetings(l.event)->size(), 3u);
  EXPECT_EQ(store->GetMeeting(timetable[0].id)->slot, 2);

  // The interpreter is busy in slot 2 (with 0–1): a second meeting there with
  // them (2 and a fourth organization) is refused, and so is a move that
  // would double-book organization 1.
  std::vector<Meeting> twice{MakeMeeting(l, 2, 2, 2, 2)};
  twice[0].b = fudan;
  twice[0].interpreter = li;
  std::vector<Meeting> none;
  Status st = store->ApplyMeetingChanges(l.event, twice, none);
  EXPECT_EQ(st.code(), StatusCode::kAborted);
  EXPECT_THAT(st.message(), HasSubstr("interpreter"));
  Meeting clash = timetable[1];
  clash.slot = 2;
  clash.table = 2;
  std::vector<Meeting> clash_moves{clash};
  std::vector<Meeting> nothing;
  EXPECT_EQ(store->ApplyMeetingChanges(l.event, nothing, clash_moves).code(), StatusCode::kAborted);
  EXPECT_EQ(store->GetMeeting(timetable[1].id)->slot, 1);
  EXPECT_EQ(store->GetMeeting(timetable[1].id)->version, timetable[1].version);
  EXPECT_EQ(store->ListMeetings(l.event)->size(), 3u);
}

TEST_P(StoreSuite, ReplaceMeetingsKeepsIdsAndBumpsVersions) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  Meeting by_request = MakeMeeting(l, 0, 1, 0, 1);
  by_request.request = l.request;
  std::vector<Meeting> first{by_request, MakeMeeting(l, 1, 2, 1, 1)};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, first).ok());
  const MeetingId id0 = first[0].id;
  const MeetingId id1 = first[1].id;
  EXPECT_EQ(first[0].version, 1);

  // Same place for the first, a new slot for the second (matched by pair).
  std::vector<Meeting> second{by_request, MakeMeeting(l, 2, 1, 2, 2)};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, second).ok());
  EXPECT_EQ(second[0].id, id0);
  EXPECT_EQ(second[0].version, 1);
  EXPECT_EQ(second[1].id, id1);
  EXPECT_EQ(second[1].version, 2);
  auto stored = store->GetMeeting(id1);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->slot, 2);
  EXPECT_EQ(stored->version, 2);

  // Trading places works (everything steps aside first).
  Meeting swapped0 = by_request;
  swapped0.slot = 2;
  swapped0.table = 2;
  Meeting swapped1 = MakeMeeting(l, 1, 2, 0, 1);
  std::vector<Meeting> third{swapped0, swapped1};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, third).ok());
  EXPECT_EQ(third[0].id, id0);
  EXPECT_EQ(third[1].id, id1);

  // Left out: cancelled, with a new version so calendars withdraw it.
  std::vector<Meeting> fourth{swapped0};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, fourth).ok());
  auto gone = store->GetMeeting(id1);
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(gone->status, MeetingStatus::kCancelled);
  EXPECT_EQ(gone->version, third[1].version + 1);
  EXPECT_EQ(store->ListMeetings(l.event)->size(), 2u);
}

TEST_P(StoreSuite, StaleVersionsAreRefused) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  auto request = store->GetRequest(l.request);
  ASSERT_TRUE(request.ok());
  const int v = request->version;
  MeetingRequest r = *request;
  r.status = RequestStatus::kDeclined;
  r.message = "Non questa volta — 下次吧";
  ASSERT_TRUE(store->UpdateRequest(r, v).ok());
  EXPECT_EQ(r.version, v + 1);
  MeetingRequest late = *request;
  late.status = RequestStatus::kCancelled;
  Status st = store->UpdateRequest(late, v);
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(st.message(), HasSubstr("reload"));
  EXPECT_EQ(store->GetRequest(l.request)->message, "Non questa volta — 下次吧");
  MeetingRequest missing = r;
  missing.id = MeetingRequestId(999999);
  EXPECT_EQ(store->UpdateRequest(missing, 1).code(), StatusCode::kNotFound);

  std::vector<Meeting> timetable{MakeMeeting(l, 0, 1, 0, 1)};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, timetable).ok());
  Meeting m = timetable[0];
  m.slot = 3;
  ASSERT_TRUE(store->UpdateMeeting(m, 1).ok());
  EXPECT_EQ(m.version, 2);
  Meeting stale = timetable[0];
  stale.slot = 4;
  EXPECT_EQ(store->UpdateMeeting(stale, 1).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store->GetMeeting(m.id)->slot, 3);

  auto org = store->GetOrganization(l.orgs[0]);
  ASSERT_TRUE(org.ok());
  Organization o = *org;
  o.name.Set("zh", "博洛尼亚大学（新）");
  ASSERT_TRUE(store->UpdateOrganization(o, org->version).ok());
  EXPECT_EQ(store->UpdateOrganization(o, org->version).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store->GetOrganization(l.orgs[0])->name.Get("zh"), "博洛尼亚大学（新）");
}

TEST_P(StoreSuite, PeopleAddedChangedAndRemovedWithVersions) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  Person p{.key = "delegate-form-1",
           .organization = l.orgs[0],
           .given_name = "伟",
           .family_name = "李",
           .name_latin = "Li Wei",
           .languages = {"zh", "en", "it"},
           .sessions = {l.session, SessionId(999999)}};  // another event's id is not taken
  auto added = store->AddPerson(p, l.event);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_TRUE(p.id.valid());
  EXPECT_EQ(*store->GetPersonVersion(p.id), *added);
  Person again = p;
  EXPECT_EQ(store->AddPerson(again, l.event).status().code(), StatusCode::kAlreadyExists);

  auto find = [&](PersonId id) -> std::optional<Person> {
    auto people = store->ListPeopleOf(l.orgs[0]);
    if (!people.ok()) return std::nullopt;
    for (const Person& q : *people) {
      if (q.id == id) return q;
    }
    return std::nullopt;
  };
  ASSERT_TRUE(find(p.id).has_value());
  EXPECT_EQ(find(p.id)->languages, (std::vector<std::string>{"zh", "en", "it"}));
  EXPECT_EQ(find(p.id)->sessions, std::vector<SessionId>{l.session});

  Person changed = p;
  changed.role = "Direttrice — 主任";
  changed.languages = {"it", "zh"};
  changed.sessions = {};
  auto v2 = store->UpdatePerson(changed, l.event, *added);
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_GT(*v2, *added);
  EXPECT_EQ(find(p.id)->role, "Direttrice — 主任");
  EXPECT_EQ(find(p.id)->languages, (std::vector<std::string>{"it", "zh"}));
  EXPECT_TRUE(find(p.id)->sessions.empty());

  // A form read before the change is refused and changes nothing.
  Person late = p;
  late.role = "stale";
  auto refused = store->UpdatePerson(late, l.event, *added);
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(refused.status().message(), HasSubstr("reload"));
  EXPECT_EQ(find(p.id)->role, "Direttrice — 主任");
  EXPECT_EQ(store->DeletePerson(p.id, *added).code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(find(p.id).has_value());

  ASSERT_TRUE(store->DeletePerson(p.id, *v2).ok());
  EXPECT_FALSE(find(p.id).has_value());
  EXPECT_EQ(store->GetPersonVersion(p.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->DeletePerson(p.id, *v2).code(), StatusCode::kNotFound);
}

TEST_P(StoreSuite, SessionsAndInterpretersGoOnlyWhenNoMeetingNeedsThem) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  Dataset more = Read(io::FileKind::kSessions,
                      "key,city,date,start,end,slot_minutes,tables\n"
                      "bj-pm,Beijing,2026-11-16,14:00,16:00,30,2\n",
                      "sessions.csv");
  more = Read(io::FileKind::kInterpreters, "key,name,pairs,sessions\ni-li,李娜,it-zh,bj-am;bj-pm\n",
              "interpreters.csv", std::move(more));
  ASSERT_TRUE(store->Import(more, {.event_key = std::string(kEventKey)}).ok());
  SessionId afternoon;
  const std::vector<Session> sessions = store->ListSessions(l.event).value();
  for (const Session& s : sessions) afternoon = s.key == "bj-pm" ? s.id : afternoon;
  ASSERT_TRUE(afternoon.valid());
  const InterpreterId li = store->ListInterpreters(l.event)->front().id;
  std::vector<Meeting> timetable{MakeMeeting(l, 0, 1, 0, 1)};
  timetable[0].interpreter = li;
  ASSERT_TRUE(store->ReplaceMeetings(l.event, timetable).ok());

  // The morning has a meeting, the interpreter works in it: both stay.
  Status busy = store->DeleteSession(l.event, l.session);
  EXPECT_EQ(busy.code(), StatusCode::kAborted);
  EXPECT_THAT(busy.message(), HasSubstr("session 'bj-am' has 1 meeting"));
  busy = store->DeleteInterpreter(l.event, li);
  EXPECT_EQ(busy.code(), StatusCode::kAborted);
  EXPECT_THAT(busy.message(), HasSubstr("李娜 interprets 1 meeting"));
  // Another event's ids are not found.
  const EventId other(l.event.value() + 1000);
  EXPECT_EQ(store->DeleteSession(other, afternoon).code(), StatusCode::kNotFound);
  EXPECT_EQ(store->DeleteInterpreter(other, li).code(), StatusCode::kNotFound);

  // The afternoon goes, and leaves the interpreter's list.
  ASSERT_TRUE(store->DeleteSession(l.event, afternoon).ok());
  EXPECT_EQ(store->ListSessions(l.event)->size(), 1u);
  EXPECT_EQ(store->ListInterpreters(l.event)->front().sessions, std::vector<SessionId>{l.session});
  EXPECT_EQ(store->DeleteSession(l.event, afternoon).code(), StatusCode::kNotFound);

  // Cancelled, the meeting still keeps its session, but not its interpreter.
  Meeting m = store->ListMeetings(l.event)->front();
  m.status = MeetingStatus::kCancelled;
  ASSERT_TRUE(store->UpdateMeeting(m, m.version).ok());
  busy = store->DeleteSession(l.event, l.session);
  EXPECT_EQ(busy.code(), StatusCode::kAborted);
  EXPECT_THAT(busy.message(), HasSubstr("1 meeting (1 cancelled)"));
  ASSERT_TRUE(store->DeleteInterpreter(l.event, li).ok());
  EXPECT_TRUE(store->ListInterpreters(l.event)->empty());
  EXPECT_FALSE(store->GetMeeting(m.id)->interpreter.valid());
}

TEST_P(StoreSuite, RequestsDuplicatesAndExpiry) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  std::vector<MeetingRequest> added{{.key = "r2",
                                     .from = l.orgs[1],
                                     .to = l.orgs[2],
                                     .message = "合作 — collaborazione",
                                     .created_at = At(kNow),
                                     .updated_at = At(kNow),
                                     .expires_at = At(kNow + 60)}};
  ASSERT_TRUE(store->AddRequests(l.event, added).ok());
  EXPECT_TRUE(added[0].id.valid());
  EXPECT_EQ(added[0].version, 1);
  std::vector<MeetingRequest> again{added[0]};
  again[0].version = 0;
  EXPECT_EQ(store->AddRequests(l.event, again).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(store->ListRequestsOf(l.event, l.orgs[2])->size(), 1u);
  EXPECT_EQ(store->ListRequestsOf(l.event, l.orgs[1])->size(), 2u);

  EXPECT_TRUE(store->ExpireRequests(At(kNow + 59))->empty());
  auto expired = store->ExpireRequests(At(kNow + 60));
  ASSERT_TRUE(expired.ok());
  ASSERT_EQ(expired->size(), 1u);
  EXPECT_EQ((*expired)[0].status, RequestStatus::kExpired);
  EXPECT_EQ((*expired)[0].message, "合作 — collaborazione");
  EXPECT_EQ((*expired)[0].version, 2);
}

TEST_P(StoreSuite, EachReminderIsClaimedOnce) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  std::vector<MeetingRequest> added{{.key = "remind-me",
                                     .from = l.orgs[2],
                                     .to = l.orgs[0],
                                     .created_at = At(kNow),
                                     .updated_at = At(kNow),
                                     .expires_at = At(kNow + 60)}};
  ASSERT_TRUE(store->AddRequests(l.event, added).ok());
  const Seconds before(20);  // the reminder falls due at kNow + 40
  EXPECT_TRUE(store->ClaimReminders(At(kNow), At(kNow + 39), before)->empty());
  auto claimed = store->ClaimReminders(At(kNow), At(kNow + 40), before);
  ASSERT_TRUE(claimed.ok()) << claimed.status().ToString();
  ASSERT_EQ(claimed->size(), 1u);
  EXPECT_EQ((*claimed)[0].id, added[0].id);
  EXPECT_EQ((*claimed)[0].version, 1);  // a reminder is no change of the request
  // A second server sweeping an overlapping interval gets nothing.
  EXPECT_TRUE(store->ClaimReminders(At(kNow), At(kNow + 45), before)->empty());
  // Due before the interval: not this sweep's (the server that swept it did).
  std::vector<MeetingRequest> late{{.key = "late",
                                    .from = l.orgs[1],
                                    .to = l.orgs[0],
                                    .created_at = At(kNow),
                                    .updated_at = At(kNow),
                                    .expires_at = At(kNow + 30)}};
  ASSERT_TRUE(store->AddRequests(l.event, late).ok());
  EXPECT_TRUE(store->ClaimReminders(At(kNow + 10), At(kNow + 29), before)->empty());
  // Answered requests are not reminded.
  MeetingRequest answered = late[0];
  answered.status = RequestStatus::kAccepted;
  ASSERT_TRUE(store->UpdateRequest(answered, answered.version).ok());
  EXPECT_TRUE(store->ClaimReminders(At(kNow), At(kNow + 29), before)->empty());
}

TEST_P(StoreSuite, RoadshowAndFeedbackRoundTrip) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Roadshow r;
  r.key = "roadshow-2026";
  r.name.Set("zh", "西南路演");
  r.name.Set("it", "Roadshow nel Sud-Ovest");
  r.stages.push_back({.city = "Chengdu",
                      .first_day = {2026, 4, 25},
                      .last_day = {2026, 4, 27},
                      .base_name = "Hotel",
                      .base = GeoPoint{30.657, 104.0665},
                      .teams = 2});
  RoadshowVisit v;
  v.key = "scu";
  v.name.Set("zh", "四川大学");
  v.location = GeoPoint{30.630912345678, 104.083456789012};
  v.windows.push_back({{2026, 4, 25}, Minutes(540), Minutes(1020)});
  r.visits.push_back(v);
  ASSERT_TRUE(store->PutRoadshow(r).ok());
  auto back = store->GetRoadshow("roadshow-2026");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->name, r.name);
  EXPECT_EQ(back->stages, r.stages);
  ASSERT_EQ(back->visits.size(), 1u);
  v.id = back->visits[0].id;
  EXPECT_EQ(back->visits[0], v);  // doubles exactly
  EXPECT_EQ(store->GetRoadshow("nope").status().code(), StatusCode::kNotFound);

  const Loaded l = LoadSmallEvent(*store);
  std::vector<Meeting> timetable{MakeMeeting(l, 0, 1, 0, 1)};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, timetable).ok());
  Feedback f{.meeting = timetable[0].id,
             .organization = l.orgs[0],
             .rating = 4,
             .follow_up = true,
             .comment = "Molto utile — 很有帮助",
             .created_at = At(kNow)};
  ASSERT_TRUE(store->PutFeedback(f).ok());
  f.rating = 5;
  ASSERT_TRUE(store->PutFeedback(f).ok());
  auto feedback = store->ListFeedback(l.event);
  ASSERT_TRUE(feedback.ok());
  ASSERT_EQ(feedback->size(), 1u);
  EXPECT_EQ((*feedback)[0].rating, 5);
  EXPECT_EQ((*feedback)[0].comment, "Molto utile — 很有帮助");
  f.rating = 9;  // the schema's CHECK refuses it
  EXPECT_EQ(store->PutFeedback(f).code(), StatusCode::kAborted);
}

// ---- the change stamp ---------------------------------------------------------------------

// The server keeps derived answers while ChangeStamp stays the same, so it
// must move with every committed write on any connection, and a reader that
// takes the stamp before its data must never see the data older than the
// stamp.
TEST_P(StoreSuite, ChangeStampMovesWithWritesOnAnyConnection) {
  auto reader = Open();
  auto writer = Open();
  ASSERT_NE(reader, nullptr);
  ASSERT_NE(writer, nullptr);
  const Loaded l = LoadSmallEvent(*writer);
  const std::optional<std::uint64_t> s0 = reader->ChangeStamp();
  ASSERT_TRUE(s0.has_value());
  EXPECT_EQ(reader->ChangeStamp(), s0) << "no write, yet the stamp moved";

  // Another connection writes: the next stamp differs, and data read after it
  // is the new data.
  auto org = writer->GetOrganization(l.orgs[0]);
  ASSERT_TRUE(org.ok());
  org->city = "博洛尼亚";
  ASSERT_TRUE(writer->UpdateOrganization(*org, org->version).ok());
  const std::optional<std::uint64_t> s1 = reader->ChangeStamp();
  ASSERT_TRUE(s1.has_value());
  EXPECT_NE(s1, s0);
  auto seen = reader->GetOrganization(l.orgs[0]);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->city, "博洛尼亚");

  // The reader's own write moves it too; so does a row written behind the
  // store's back (the stamp lives in the database, not in ponte).
  AuditEntry e{.at = At(kNow), .event = l.event, .action = "stamp.test"};
  ASSERT_TRUE(reader->AppendAudit(e).ok());
  const std::optional<std::uint64_t> s2 = reader->ChangeStamp();
  EXPECT_NE(s2, s1);
  RawExec("UPDATE organizations SET website = 'https://www.unibo.it' WHERE key = 'it-unibo'");
  const std::optional<std::uint64_t> s3 = reader->ChangeStamp();
  EXPECT_NE(s3, s2);
  EXPECT_EQ(writer->ChangeStamp().has_value(), true);

  if (GetParam() != Backend::kPostgres) return;
  // PostgreSQL: statements that change no row, and writes that roll back,
  // leave it alone, so background polls (expiry, job claims) keep caches.
  auto expired = writer->ExpireRequests(At(0));
  ASSERT_TRUE(expired.ok());
  EXPECT_TRUE(expired->empty());
  auto claimed = writer->ClaimJob("nobody", At(kNow), Seconds(30));
  ASSERT_TRUE(claimed.ok());
  EXPECT_FALSE(claimed->has_value());
  User twin{.email = "dup@example.org", .created_at = At(kNow)};
  ASSERT_TRUE(writer->CreateUser(twin).ok());
  const std::optional<std::uint64_t> s4 = reader->ChangeStamp();
  User again{.email = "dup@example.org", .created_at = At(kNow)};
  EXPECT_EQ(writer->CreateUser(again).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(reader->ChangeStamp(), s4);
  // Every table of the schema carries the three triggers.
  pqxx::connection conn(uri_);
  pqxx::nontransaction tx(conn);
  const pqxx::result untracked = tx.exec(
      "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
      "AND c.relkind = 'r' AND c.relname NOT IN ('ponte_meta', 'ponte_changes') AND (SELECT "
      "count(*) FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname LIKE 'ponte_changed_%') "
      "<> 3");
  for (const auto& row : untracked) ADD_FAILURE() << "table without change triggers: " << row[0];
}

// ---- accounts -----------------------------------------------------------------------------

TEST_P(StoreSuite, AccountsCredentialsAndOneTimeTokens) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  User u{.email = "wang.wei@scu.edu.cn", .name = "王伟", .locale = "zh", .created_at = At(kNow)};
  ASSERT_TRUE(store->CreateUser(u).ok());
  EXPECT_TRUE(u.id.valid());
  User twin{.email = "wang.wei@scu.edu.cn", .name = "Wang", .created_at = At(kNow)};
  EXPECT_EQ(store->CreateUser(twin).code(), StatusCode::kAlreadyExists);
  auto found = store->FindUserByEmail("wang.wei@scu.edu.cn");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->name, "王伟");
  EXPECT_EQ(store->FindUserByEmail("nobody@example.org").status().code(), StatusCode::kNotFound);
  u.verified = true;
  u.name = "王伟 (Wang Wei)";
  ASSERT_TRUE(store->UpdateUser(u).ok());
  EXPECT_TRUE(store->GetUser(u.id)->verified);
  EXPECT_EQ(store->GetUser(u.id)->name, "王伟 (Wang Wei)");

  Membership m{.user = u.id, .event = l.event, .organization = l.orgs[1]};
  ASSERT_TRUE(store->PutMembership(m).ok());
  m.validated = true;
  ASSERT_TRUE(store->PutMembership(m).ok());  // upsert
  Membership organizer{.user = u.id, .event = l.event, .role = Role::kOrganizer};
  ASSERT_TRUE(store->PutMembership(organizer).ok());
  auto memberships = store->ListMemberships(u.id);
  ASSERT_TRUE(memberships.ok());
  ASSERT_EQ(memberships->size(), 2u);
  EXPECT_EQ((*memberships)[0].role, Role::kOrganizer);  // ordered by role code
  EXPECT_TRUE((*memberships)[1].validated);
  EXPECT_EQ((*memberships)[1].organization, l.orgs[1]);
  EXPECT_EQ(store->ListEventMembers(l.event)->size(), 2u);

  Credential c{.token_hash = "abc123",
               .user = u.id,
               .kind = CredentialKind::kApiToken,
               .label = "calendario — 日历",
               .created_at = At(kNow),
               .expires_at = At(kNow + 3600)};
  ASSERT_TRUE(store->CreateCredential(c).ok());
  auto cred = store->FindCredential("abc123", At(kNow + 10));
  ASSERT_TRUE(cred.ok());
  EXPECT_EQ(cred->kind, CredentialKind::kApiToken);
  EXPECT_EQ(cred->label, "calendario — 日历");
  EXPECT_EQ(store->FindCredential("abc123", At(kNow + 3600)).status().code(),
            StatusCode::kNotFound);
  Credential feed{.token_hash = "feed456",
                  .user = u.id,
                  .kind = CredentialKind::kCalendarFeed,
                  .created_at = At(kNow + 1),
                  .expires_at = At(kNow + 60)};
  ASSERT_TRUE(store->CreateCredential(feed).ok());
  auto listed = store->ListCredentials(u.id);  // expired ones included, oldest first
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].token_hash, "abc123");
  EXPECT_EQ((*listed)[0].label, "calendario — 日历");
  EXPECT_EQ((*listed)[1].kind, CredentialKind::kCalendarFeed);
  EXPECT_EQ((*listed)[1].expires_at, At(kNow + 60));
  EXPECT_TRUE(store->ListCredentials(UserId(u.id.value() + 100))->empty());
  ASSERT_TRUE(store->DeleteCredential("feed456").ok());
  ASSERT_TRUE(store->DeleteCredential("abc123").ok());
  EXPECT_EQ(store->FindCredential("abc123", At(kNow)).status().code(), StatusCode::kNotFound);

  OneTimeToken invite{.token_hash = "t1",
                      .purpose = OneTimePurpose::kInvitation,
                      .email = "giulia@unibo.it",
                      .event = l.event,
                      .role = Role::kParticipant,
                      .organization = l.orgs[0],
                      .expires_at = At(kNow + 600)};
  ASSERT_TRUE(store->PutOneTimeToken(invite).ok());
  auto used = store->ConsumeOneTimeToken("t1", At(kNow));
  ASSERT_TRUE(used.ok()) << used.status().ToString();
  EXPECT_EQ(used->purpose, OneTimePurpose::kInvitation);
  EXPECT_EQ(used->organization, l.orgs[0]);
  EXPECT_EQ(used->event, l.event);
  EXPECT_FALSE(used->user.valid());
  EXPECT_EQ(store->ConsumeOneTimeToken("t1", At(kNow)).status().code(), StatusCode::kNotFound);
  OneTimeToken old{.token_hash = "t2", .email = "x@example.org", .expires_at = At(kNow)};
  ASSERT_TRUE(store->PutOneTimeToken(old).ok());
  auto expired = store->ConsumeOneTimeToken("t2", At(kNow));
  EXPECT_EQ(expired.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(expired.status().message(), HasSubstr("expired"));

  ASSERT_TRUE(store->RecordLoginFailure("wang.wei@scu.edu.cn", At(kNow)).ok());
  ASSERT_TRUE(store->RecordLoginFailure("wang.wei@scu.edu.cn", At(kNow + 5)).ok());
  EXPECT_EQ(*store->CountLoginFailures("wang.wei@scu.edu.cn", At(kNow)), 2);
  EXPECT_EQ(*store->CountLoginFailures("wang.wei@scu.edu.cn", At(kNow + 1)), 1);
  EXPECT_EQ(*store->CountLoginFailures("other", At(0)), 0);
}

// An event's accounts move through ExportEventAccounts / ImportEventAccounts,
// one code path over the Store interface for both backends: into a second
// database they give the same text back, repeating the import changes
// nothing, and a broken line is refused before anything is written.
TEST_P(StoreSuite, EventAccountsMoveToAnotherDatabase) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  std::vector<Meeting> timetable{MakeMeeting(l, 0, 1, 2, 1)};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, timetable).ok());
  User u{.email = "wang.wei@scu.edu.cn",
         .name = "王伟",
         .password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
         .locale = "zh",
         .verified = true,
         .created_at = At(kNow)};
  ASSERT_TRUE(store->CreateUser(u).ok());
  User o{.email = "organizzatore@example.it",
         .name = "Niccolò",
         .locale = "it",
         .created_at = At(kNow)};
  ASSERT_TRUE(store->CreateUser(o).ok());
  ASSERT_TRUE(
      store
          ->PutMembership(
              {.user = u.id, .event = l.event, .organization = l.orgs[1], .validated = true})
          .ok());
  ASSERT_TRUE(
      store->PutMembership({.user = o.id, .event = l.event, .role = Role::kOrganizer}).ok());
  for (auto [hash, kind] : {std::pair{"h-api", CredentialKind::kApiToken},
                            std::pair{"h-feed", CredentialKind::kCalendarFeed},
                            std::pair{"h-session", CredentialKind::kSession}}) {
    Credential c{.token_hash = hash,
                 .user = u.id,
                 .kind = kind,
                 .label = "日历",
                 .created_at = At(kNow),
                 .expires_at = At(kNow + 3600)};
    ASSERT_TRUE(store->CreateCredential(c).ok());
  }
  Credential old{.token_hash = "h-expired",
                 .user = u.id,
                 .kind = CredentialKind::kApiToken,
                 .created_at = At(kNow - 7200),
                 .expires_at = At(kNow - 3600)};
  ASSERT_TRUE(store->CreateCredential(old).ok());
  AuditEntry e{.at = At(kNow),
               .user = o.id,
               .event = l.event,
               .action = "schedule.publish",
               .target = "timetable",
               .details = R"({"nota":"pubblicato — 已发布"})"};
  ASSERT_TRUE(store->AppendAudit(e).ok());
  ASSERT_TRUE(store
                  ->PutFeedback({.meeting = timetable[0].id,
                                 .organization = l.orgs[1],
                                 .user = u.id,
                                 .rating = 5,
                                 .follow_up = true,
                                 .comment = "很有帮助",
                                 .created_at = At(kNow)})
                  .ok());

  auto text = ExportEventAccounts(*store, kEventKey, At(kNow + 60));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_THAT(*text, HasSubstr("h-api"));
  EXPECT_THAT(*text, HasSubstr("h-feed"));
  EXPECT_THAT(*text, ::testing::Not(HasSubstr("h-session")));  // sessions stay behind
  EXPECT_THAT(*text, ::testing::Not(HasSubstr("h-expired")));
  EXPECT_THAT(*text, HasSubstr("$argon2id$"));
  auto dataset = store->Export({.event_key = kEventKey});
  ASSERT_TRUE(dataset.ok());

  // A second database that already holds another event and another user,
  // so ids differ.
  auto copy = OpenSecond(store);
  ASSERT_NE(copy, nullptr);
  ASSERT_NO_FATAL_FAILURE(AddAnotherEventAndUser(*copy));
  ASSERT_TRUE(copy->Import(*dataset, {}).ok());

  // A bad line: refused, nothing written.
  std::string broken = *text + R"({"record":"membership","email":"wang.wei@scu.edu.cn",)"
                               R"("role":"participant","organization":"no-such-org",)"
                               R"("person":null,"interpreter":null,"validated":true})"
                               "\n";
  auto refused = ImportEventAccounts(*copy, kEventKey, broken, "accounts.jsonl", {});
  EXPECT_EQ(refused.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(refused.status().message(), HasSubstr("accounts.jsonl:"));
  EXPECT_THAT(refused.status().message(), HasSubstr("no-such-org"));
  // Blank lines are skipped and counted; a line that is not one JSON object is named.
  auto not_json = ImportEventAccounts(*copy, kEventKey, "\n  \n[1, 2]\n", "accounts.jsonl", {});
  EXPECT_EQ(not_json.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(not_json.status().message(),
              HasSubstr("accounts.jsonl:3: expected one JSON object per line"));
  EXPECT_EQ(copy->FindUserByEmail("wang.wei@scu.edu.cn").status().code(), StatusCode::kNotFound);

  auto report = ImportEventAccounts(*copy, kEventKey, *text, "accounts.jsonl", {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->users_created, 2);
  EXPECT_EQ(report->credentials_created, 2);
  EXPECT_EQ(report->audit_appended, 1);
  EXPECT_EQ(report->feedback, 1);
  auto back = ExportEventAccounts(*copy, kEventKey, At(kNow + 60));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, *text);
  auto wang = copy->FindUserByEmail("wang.wei@scu.edu.cn");
  ASSERT_TRUE(wang.ok());
  EXPECT_EQ(wang->password_hash, u.password_hash);
  EXPECT_NE(wang->id, u.id);  // remapped: the stranger came first
  EXPECT_EQ(copy->FindCredential("h-feed", At(kNow))->user, wang->id);

  auto again = ImportEventAccounts(*copy, kEventKey, *text, "accounts.jsonl", {});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->users_kept, 2);
  EXPECT_EQ(again->credentials_kept, 2);
  EXPECT_EQ(again->audit_kept, 1);
  EXPECT_EQ(*ExportEventAccounts(*copy, kEventKey, At(kNow + 60)), *text);
  // The other event has no members: nothing leaked into it.
  auto another = copy->GetEvent("another-week");
  ASSERT_TRUE(another.ok());
  EXPECT_TRUE(copy->ListEventMembers(another->id)->empty());
}

// Store::Transact: a whole move (the event's files, then its accounts) is
// one transaction. A write that fails only when it is made (a token hash
// another account holds here: a unique violation) part-way through leaves
// nothing behind; a failed operation the body steps over takes back only its
// own writes; a dry run keeps nothing; other connections see nothing before
// the commit.
TEST_P(StoreSuite, TransactWritesAllOrNothing) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  User u{.email = "wang.wei@scu.edu.cn", .name = "王伟", .locale = "zh", .created_at = At(kNow)};
  ASSERT_TRUE(store->CreateUser(u).ok());
  ASSERT_TRUE(
      store->PutMembership({.user = u.id, .event = l.event, .organization = l.orgs[1]}).ok());
  Credential token{.token_hash = "h-shared",
                   .user = u.id,
                   .kind = CredentialKind::kApiToken,
                   .label = "script — 脚本",
                   .created_at = At(kNow),
                   .expires_at = At(kNow + 3600)};
  ASSERT_TRUE(store->CreateCredential(token).ok());
  auto text = ExportEventAccounts(*store, kEventKey, At(kNow + 60));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto dataset = store->Export({.event_key = kEventKey});
  ASSERT_TRUE(dataset.ok());

  auto copy = OpenSecond(store);
  ASSERT_NE(copy, nullptr);
  // The target already has another account holding the same token hash: the
  // accounts file passes every check and fails at its third write.
  User stranger{.email = "someone@else.org", .created_at = At(kNow)};
  ASSERT_TRUE(copy->CreateUser(stranger).ok());
  Credential clash = token;
  clash.user = stranger.id;
  ASSERT_TRUE(copy->CreateCredential(clash).ok());

  auto other = Open({});  // another connection, to look from outside
  ASSERT_NE(other, nullptr);
  Status moved = copy->Transact(TransactEnd::kCommit, [&]() -> Status {
    PONTE_RETURN_IF_ERROR(copy->Import(*dataset, {}).status());
    EXPECT_TRUE(copy->GetEvent(kEventKey).ok()) << "the transaction sees its own writes";
    EXPECT_EQ(other->GetEvent(kEventKey).status().code(), StatusCode::kNotFound)
        << "other connections see nothing before the commit";
    return ImportEventAccounts(*copy, kEventKey, *text, "accounts.jsonl", {}).status();
  });
  EXPECT_EQ(moved.code(), StatusCode::kAlreadyExists) << moved.ToString();
  EXPECT_EQ(copy->GetEvent(kEventKey).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(copy->FindUserByEmail(u.email).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(copy->ListOrganizations()->size(), 0u);
  EXPECT_EQ(other->GetEvent(kEventKey).status().code(), StatusCode::kNotFound);

  // The same move once the clash is gone: everything, in one go.
  ASSERT_TRUE(copy->DeleteCredential("h-shared").ok());
  ASSERT_TRUE(
      copy->Transact(
              TransactEnd::kCommit,
              [&]() -> Status {
                PONTE_RETURN_IF_ERROR(copy->Import(*dataset, {}).status());
                return ImportEventAccounts(*copy, kEventKey, *text, "accounts.jsonl", {}).status();
              })
          .ok());
  EXPECT_EQ(other->FindCredential("h-shared", At(kNow))->user, other->FindUserByEmail(u.email)->id);

  // A failed operation the body steps over takes back only itself.
  User a{.email = "a@example.it", .created_at = At(kNow)};
  User b{.email = "b@example.it", .created_at = At(kNow)};
  ASSERT_TRUE(copy->Transact(TransactEnd::kCommit,
                             [&]() -> Status {
                               PONTE_RETURN_IF_ERROR(copy->CreateUser(a));
                               User twin = a;
                               const Status refused = copy->CreateUser(twin);
                               EXPECT_EQ(refused.code(), StatusCode::kAlreadyExists)
                                   << refused.ToString();
                               const Status created = copy->CreateUser(b);
                               EXPECT_TRUE(created.ok()) << created.ToString();
                               return created;
                             })
                  .ok());
  EXPECT_TRUE(other->FindUserByEmail("a@example.it").ok());
  EXPECT_TRUE(other->FindUserByEmail("b@example.it").ok());

  // A dry run keeps nothing; calls do not nest.
  User c{.email = "c@example.it", .created_at = At(kNow)};
  ASSERT_TRUE(
      copy->Transact(TransactEnd::kRollBack,
                     [&]() -> Status {
                       PONTE_RETURN_IF_ERROR(copy->CreateUser(c));
                       EXPECT_EQ(
                           copy->Transact(TransactEnd::kCommit, [] { return OkStatus(); }).code(),
                           StatusCode::kFailedPrecondition);
                       return OkStatus();
                     })
          .ok());
  EXPECT_EQ(copy->FindUserByEmail("c@example.it").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(copy->Transact(TransactEnd::kCommit, [] { return OkStatus(); }).ok());
}

// Outcomes, follow-up rounds, news (the event's and the programme's own) and
// their images move with the event, references by key and e-mail, images by
// SHA-256 and checked; versions move too, so an If-Match taken before the
// move holds after it. The files written from the copy are the same byte
// for byte, and importing them again changes nothing.
TEST_P(StoreSuite, OutcomesNewsImagesAndVersionsMoveToAnotherDatabase) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  std::vector<Meeting> timetable{MakeMeeting(l, 0, 1, 2, 1)};
  ASSERT_TRUE(store->ReplaceMeetings(l.event, timetable).ok());
  User staff{.email = "ufficio@example.it", .name = "Ufficio", .created_at = At(kNow)};
  ASSERT_TRUE(store->CreateUser(staff).ok());
  ASSERT_TRUE(
      store->PutMembership({.user = staff.id, .event = l.event, .role = Role::kSupport}).ok());
  Outcome o{.key = "out-unibo-scu",
            .event = l.event,
            .organizations = {l.orgs[0], l.orgs[1]},
            .meetings = {timetable[0].id},
            .request = l.request,
            .kind = OutcomeKind::kJointResearch,
            .stage = OutcomeStage::kNegotiation,
            .title = "Progetto congiunto sul restauro — 文物保护联合项目",
            .date = {2027, 2, 3},
            .end_date = CivilDate{2029, 12, 31},
            .value = 250000.1,
            .currency = "EUR",
            .notes = "Niccolò incontrerà 王伟 a Chengdu.",
            .review = OutcomeReview::kRejected,
            .review_note = "与已验证的成果重复。",
            .reported_by = staff.id,
            .reported_for = l.orgs[0],
            .reviewed_by = staff.id,
            .created_at = At(kNow),
            .updated_at = At(kNow)};
  ASSERT_TRUE(store->CreateOutcome(o).ok());
  o.stage = OutcomeStage::kAgreement;
  ASSERT_TRUE(store->UpdateOutcome(o, 1).ok());
  ASSERT_TRUE(store->UpdateOutcome(o, 2).ok());
  ASSERT_EQ(o.version, 3);
  std::vector<OutboxMessage> no_mails;
  ASSERT_TRUE(*store->ClaimFollowUp({l.event, l.orgs[1], 2, At(kNow + 5)}, no_mails));
  const std::string png("\x89PNG\r\n\x1a\n 秋天的图片 \0 bytes", 28);
  Image image{.sha256 = Sha256Hex(png),
              .content_type = "image/png",
              .width = 2,
              .height = 1,
              .file_name = "firma — 签约.png",
              .uploaded_by = staff.id,
              .created_at = At(kNow)};
  ASSERT_TRUE(store->PutImage(image, png).ok());
  Image orphan{.sha256 = Sha256Hex("GIF89a"),
               .content_type = "image/gif",
               .width = 1,
               .height = 1,
               .created_at = At(kNow)};
  ASSERT_TRUE(store->PutImage(orphan, "GIF89a").ok());  // shown by no news item
  NewsItem news{.key = "firma-accordo",
                .event = l.event,
                .title = {},
                .date = {2027, 2, 4},
                .status = NewsStatus::kPublished,
                .author = staff.id,
                .created_at = At(kNow),
                .updated_at = At(kNow)};
  news.title.Set("it", "Firmato l'accordo");
  news.title.Set("zh", "签署协议");
  news.body.Set("it", "<p>Università di Bologna e 四川大学.</p>");
  NewsItem programme{.key = "programma-2027",
                     .date = {2027, 1, 1},
                     .status = NewsStatus::kDraft,
                     .created_at = At(kNow),
                     .updated_at = At(kNow)};
  programme.title.Set("it", "Il programma del 2027");
  programme.title.Set("zh", "2027年计划");
  news.images.push_back({image.sha256, {}});
  news.images.back().caption.Set("zh", "签约仪式");
  ASSERT_TRUE(store->CreateNews(news).ok());
  ASSERT_TRUE(store->CreateNews(programme).ok());
  programme.summary.Set("en", "Next year");
  ASSERT_TRUE(store->UpdateNews(programme, 1).ok());
  ASSERT_EQ(programme.version, 2);
  // Versions of the registry and the timetable move the ETags with them.
  auto org = store->GetOrganization(l.orgs[2]);
  ASSERT_TRUE(org.ok());
  org->website = "https://www.tianfu.gov.cn";
  ASSERT_TRUE(store->UpdateOrganization(*org, org->version).ok());
  Meeting held = timetable[0];
  held.status = MeetingStatus::kHeld;
  ASSERT_TRUE(store->UpdateMeeting(held, held.version).ok());
  const int org_version = org->version;
  const int meeting_version = held.version;
  ASSERT_GT(org_version, 1);
  ASSERT_GT(meeting_version, 1);

  auto accounts = ExportEventAccounts(*store, kEventKey, At(kNow + 60));
  auto dataset = store->Export({.event_key = kEventKey});
  auto outcomes = ExportOutcomes(*store, kEventKey);
  auto programme_news = ExportOutcomes(*store, "");
  auto versions = ExportVersions(*store, kEventKey);
  ASSERT_TRUE(accounts.ok() && dataset.ok() && outcomes.ok() && programme_news.ok() &&
              versions.ok());
  EXPECT_THAT(outcomes->text, HasSubstr("文物保护联合项目"));
  EXPECT_THAT(outcomes->text, HasSubstr(R"("version":3)"));
  EXPECT_THAT(programme_news->text, HasSubstr("programma-2027"));
  EXPECT_THAT(programme_news->text, ::testing::Not(HasSubstr("firma-accordo")));

  auto copy = OpenSecond(store);
  ASSERT_NE(copy, nullptr);
  ASSERT_NO_FATAL_FAILURE(AddAnotherEventAndUser(*copy));

  std::map<std::string, std::string> media;
  for (const auto& [file, bytes] : outcomes->media) media[file] = bytes;
  for (const auto& [file, bytes] : programme_news->media) media[file] = bytes;
  const MediaReader read = [&](std::string_view file) -> Result<std::string> {
    auto it = media.find(std::string(file));
    if (it == media.end()) return NotFoundError(std::string(file));
    return it->second;
  };
  auto move = [&]() -> Status {
    PONTE_ASSIGN_OR_RETURN(VersionsBefore before, ReadVersionsBefore(*copy, kEventKey));
    PONTE_RETURN_IF_ERROR(copy->Import(*dataset, {}).status());
    PONTE_RETURN_IF_ERROR(
        ImportEventAccounts(*copy, kEventKey, *accounts, "accounts.jsonl", {}).status());
    PONTE_RETURN_IF_ERROR(
        ImportOutcomes(*copy, kEventKey, outcomes->text, "outcomes.jsonl", read).status());
    PONTE_RETURN_IF_ERROR(
        ImportOutcomes(*copy, "", programme_news->text, "outcomes.jsonl", read).status());
    return ImportVersions(*copy, kEventKey, before, *versions, "versions.jsonl").status();
  };
  ASSERT_TRUE(copy->Transact(TransactEnd::kCommit, move).ok());

  auto back = ExportOutcomes(*copy, kEventKey);
  auto back_programme = ExportOutcomes(*copy, "");
  ASSERT_TRUE(back.ok() && back_programme.ok());
  EXPECT_EQ(back->text, outcomes->text);
  EXPECT_EQ(back->media, outcomes->media);
  EXPECT_EQ(back_programme->text, programme_news->text);
  // Rows new here take the file's versions, and so do those the target had
  // at the file's version or below (the import's upsert counted one more).
  EXPECT_EQ(*ExportVersions(*copy, kEventKey), *versions);
  EXPECT_EQ(*ExportEventAccounts(*copy, kEventKey, At(kNow + 60)), *accounts);

  // An If-Match taken before the move holds after it.
  auto event = copy->GetEvent(kEventKey);
  ASSERT_TRUE(event.ok());
  auto moved = copy->ListOutcomes({.event = event->id});
  ASSERT_TRUE(moved.ok());
  ASSERT_EQ(moved->size(), 1u);
  Outcome edit = moved->front();
  edit.notes = "dopo il trasloco — 迁移之后";
  EXPECT_TRUE(copy->UpdateOutcome(edit, 3).ok());
  auto moved_news = copy->GetNews("programma-2027");
  ASSERT_TRUE(moved_news.ok());
  EXPECT_TRUE(copy->UpdateNews(*moved_news, 2).ok());
  auto meetings = copy->ListMeetings(event->id);
  ASSERT_TRUE(meetings.ok());
  ASSERT_EQ(meetings->size(), 1u);
  Meeting m = meetings->front();
  m.status = MeetingStatus::kNoShow;
  EXPECT_TRUE(copy->UpdateMeeting(m, meeting_version).ok());
  auto orgs = copy->ListOrganizations();
  ASSERT_TRUE(orgs.ok());
  auto tf = std::find_if(orgs->begin(), orgs->end(),
                         [](const Organization& x) { return x.key == "cn-tf"; });
  ASSERT_NE(tf, orgs->end());
  EXPECT_EQ(tf->version, org_version);
  EXPECT_TRUE(copy->UpdateOrganization(*tf, org_version).ok());

  // Again: what is the same stays as it is.
  auto again = ImportOutcomes(*copy, kEventKey, outcomes->text, "outcomes.jsonl", read);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->outcomes_updated, 1);  // the edit above is replaced by the file's
  auto thrice = ImportOutcomes(*copy, kEventKey, outcomes->text, "outcomes.jsonl", read);
  ASSERT_TRUE(thrice.ok());
  EXPECT_EQ(thrice->outcomes_kept, 1);
  EXPECT_EQ(thrice->news_kept, 1);
  EXPECT_EQ(thrice->images_kept, 1);
  EXPECT_EQ(back_programme->media.size(), 1u);  // the image no news item shows
  EXPECT_THAT(back->media.front().first, HasSubstr("media/" + image.sha256 + ".png"));

  // An image file that is not the one named is refused, naming the line.
  ASSERT_FALSE(outcomes->media.empty());
  {
    media[outcomes->media.front().first] += "x";
    auto refused = ImportOutcomes(*copy, kEventKey, outcomes->text, "outcomes.jsonl", read);
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(refused.status().message(), HasSubstr("outcomes.jsonl:1"));
  }
}

TEST_P(StoreSuite, AuditLogPagesNewestFirst) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    AuditEntry e{.at = At(kNow + i),
                 .event = l.event,
                 .action = "schedule.publish",
                 .target = "orario " + std::to_string(i) + " — 日程",
                 .details = R"({"meetings":)" + std::to_string(i) + "}"};
    ASSERT_TRUE(store->AppendAudit(e).ok());
    ids.push_back(e.id);
  }
  auto page = store->ListAudit(l.event, 2, 0);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id, ids[4]);
  EXPECT_EQ((*page)[0].target, "orario 4 — 日程");
  EXPECT_EQ((*page)[0].details, R"({"meetings":4})");
  auto next = store->ListAudit(l.event, 10, (*page)[1].id);
  ASSERT_TRUE(next.ok());
  ASSERT_EQ(next->size(), 3u);
  EXPECT_EQ((*next)[0].id, ids[2]);
  EXPECT_EQ((*next)[2].id, ids[0]);
  EXPECT_TRUE(store->ListAudit(EventId(l.event.value() + 1), 10, 0)->empty());
}

TEST_P(StoreSuite, OutboxKeepsUnsentUntilMarked) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  OutboxMessage a{.created_at = At(kNow),
                  .to = "giulia@unibo.it",
                  .subject = "Conferma dell'incontro — 会议确认",
                  .body = "Gentile Giulia,\n您的会议已确认。\n",
                  .kind = "request"};
  OutboxMessage b = a;
  b.to = "wang.wei@scu.edu.cn";
  ASSERT_TRUE(store->EnqueueMessage(a).ok());
  ASSERT_TRUE(store->EnqueueMessage(b).ok());
  ASSERT_TRUE(store->MarkMessageSent(a.id, At(kNow + 1)).ok());
  auto unsent = store->ListOutbox(10, true);
  ASSERT_TRUE(unsent.ok());
  ASSERT_EQ(unsent->size(), 1u);
  EXPECT_EQ((*unsent)[0].id, b.id);
  EXPECT_EQ((*unsent)[0].body, "Gentile Giulia,\n您的会议已确认。\n");
  auto all = store->ListOutbox(10, false);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].id, a.id);
  EXPECT_EQ((*all)[1].sent_at, At(kNow + 1));
  EXPECT_FALSE((*all)[0].sent_at.has_value());
}

// ---- jobs ------------------------------------------------------------------------------------

TEST_P(StoreSuite, JobsClaimUpdateCancelAndReclaimStale) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  Job j{
      .event = l.event, .kind = "schedule", .parameters = R"({"seed":7})", .created_at = At(kNow)};
  ASSERT_TRUE(store->CreateJob(j).ok());
  Job other{.kind = "schedule", .created_at = At(kNow)};
  ASSERT_TRUE(store->CreateJob(other).ok());

  auto claimed = store->ClaimJob("server-a", At(kNow + 1), Seconds(60));
  ASSERT_TRUE(claimed.ok() && claimed->has_value());
  EXPECT_EQ((*claimed)->id, j.id);  // oldest first
  EXPECT_EQ((*claimed)->state, JobState::kRunning);
  EXPECT_EQ((*claimed)->worker, "server-a");
  EXPECT_EQ((*claimed)->parameters, R"({"seed":7})");

  ASSERT_TRUE(store->RequestJobCancel(other.id).ok());  // queued: cancelled at once
  EXPECT_EQ(store->GetJob(other.id)->state, JobState::kCancelled);
  EXPECT_FALSE(store->ClaimJob("server-b", At(kNow + 2), Seconds(60))->has_value());

  // server-a stops reporting; after stale_after server-b takes the job over.
  EXPECT_FALSE(store->ClaimJob("server-b", At(kNow + 60), Seconds(60))->has_value());
  auto taken = store->ClaimJob("server-b", At(kNow + 62), Seconds(60));
  ASSERT_TRUE(taken.ok() && taken->has_value());
  EXPECT_EQ((*taken)->id, j.id);
  EXPECT_EQ((*taken)->worker, "server-b");

  Job running = **taken;
  running.progress = R"({"phase":"调度"})";
  running.updated_at = At(kNow + 63);
  ASSERT_TRUE(store->RequestJobCancel(running.id).ok());
  ASSERT_TRUE(store->UpdateJob(running).ok());
  EXPECT_TRUE(running.cancel_requested);  // reported back to the worker
  running.state = JobState::kCancelled;
  ASSERT_TRUE(store->UpdateJob(running).ok());
  auto final_state = store->GetJob(j.id);
  EXPECT_EQ(final_state->state, JobState::kCancelled);
  EXPECT_EQ(final_state->progress, R"({"phase":"调度"})");
  EXPECT_EQ(store->GetJob(JobId(999999)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->RequestJobCancel(JobId(999999)).code(), StatusCode::kNotFound);
}

TEST_P(StoreSuite, TwoConnectionsClaimEachJobExactlyOnce) {
  constexpr int kJobs = 60;
  constexpr int kWorkers = 2;
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    for (int i = 0; i < kJobs; ++i) {
      Job j{.kind = "schedule", .created_at = At(kNow)};
      ASSERT_TRUE(store->CreateJob(j).ok());
    }
  }
  std::vector<std::vector<std::int64_t>> claimed(kWorkers);
  std::vector<std::string> errors(kWorkers);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWorkers; ++w) {
    threads.emplace_back([&, w] {
      auto store = Store::Open(uri_, {});
      if (!store.ok()) {
        errors[static_cast<std::size_t>(w)] = store.status().ToString();
        return;
      }
      const std::string worker = "server-" + std::to_string(w);
      while (true) {
        auto job = (*store)->ClaimJob(worker, At(kNow + 1), Seconds(3600));
        if (!job.ok()) {
          errors[static_cast<std::size_t>(w)] = job.status().ToString();
          return;
        }
        if (!job->has_value()) return;
        claimed[static_cast<std::size_t>(w)].push_back((*job)->id.value());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::multiset<std::int64_t> all;
  for (int w = 0; w < kWorkers; ++w) {
    EXPECT_EQ(errors[static_cast<std::size_t>(w)], "") << "worker " << w;
    all.insert(claimed[static_cast<std::size_t>(w)].begin(),
               claimed[static_cast<std::size_t>(w)].end());
  }
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kJobs));
  for (std::int64_t id : all) EXPECT_EQ(all.count(id), 1u) << "job " << id;
  auto store = Open();
  ASSERT_NE(store, nullptr);
  for (std::int64_t id : all) {
    auto job = store->GetJob(JobId(id));
    ASSERT_TRUE(job.ok());
    EXPECT_EQ(job->state, JobState::kRunning);
  }
}

// ---- outcomes, follow-ups, images, news --------------------------------------------------------

TEST_P(StoreSuite, OutcomesRoundTripWithLinksFiltersAndVersions) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  Meeting m = MakeMeeting(l, 0, 1, 0, 1);
  ASSERT_TRUE(store->AddMeeting(m).ok());

  Outcome o{.key = "out-unibo-scu",
            .event = l.event,
            .organizations = {l.orgs[0], l.orgs[1]},
            .meetings = {m.id},
            .request = l.request,
            .kind = OutcomeKind::kJointResearch,
            .stage = OutcomeStage::kNegotiation,
            .title = "Progetto congiunto sul restauro — 文物保护联合项目",
            .date = {2027, 2, 3},
            .end_date = CivilDate{2029, 12, 31},
            .value = 250000.5,
            .currency = "EUR",
            .notes = "Niccolò incontrerà 王伟 a Chengdu.",
            .reported_for = l.orgs[0],
            .created_at = At(kNow),
            .updated_at = At(kNow)};
  ASSERT_TRUE(store->CreateOutcome(o).ok());
  EXPECT_GT(o.id.value(), 0);
  EXPECT_EQ(o.version, 1);
  auto got = store->GetOutcome(o.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, o);

  // A second outcome, of one organization only, already validated.
  Outcome mou{.key = "out-tf-mou",
              .event = l.event,
              .organizations = {l.orgs[2]},
              .kind = OutcomeKind::kMemorandum,
              .stage = OutcomeStage::kAgreement,
              .date = {2027, 1, 10},
              .review = OutcomeReview::kValidated,
              .created_at = At(kNow),
              .updated_at = At(kNow)};
  ASSERT_TRUE(store->CreateOutcome(mou).ok());

  auto all = store->ListOutcomes({.event = l.event});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].key, "out-unibo-scu");  // newest date first
  auto of_scu = store->ListOutcomes({.organization = l.orgs[1]});
  ASSERT_EQ(of_scu->size(), 1u);
  EXPECT_EQ((*of_scu)[0].meetings, std::vector<MeetingId>{m.id});
  auto validated = store->ListOutcomes({.review = OutcomeReview::kValidated});
  ASSERT_EQ(validated->size(), 1u);
  EXPECT_EQ((*validated)[0].key, "out-tf-mou");
  EXPECT_TRUE(store->ListOutcomes({.event = EventId(999999)})->empty());

  // Update: stage up, organizations replaced; a stale version is refused.
  Outcome up = *got;
  up.stage = OutcomeStage::kAgreement;
  up.organizations = {l.orgs[0], l.orgs[2]};
  up.meetings.clear();
  up.value.reset();
  ASSERT_TRUE(store->UpdateOutcome(up, 1).ok());
  EXPECT_EQ(up.version, 2);
  auto again = store->GetOutcome(o.id);
  EXPECT_EQ(*again, up);
  Outcome stale = *got;
  stale.notes = "late edit";
  EXPECT_EQ(store->UpdateOutcome(stale, 1).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store->GetOutcome(o.id)->notes, up.notes);

  // Bad writes change nothing.
  Outcome dup = o;
  dup.id = {};
  EXPECT_EQ(store->CreateOutcome(dup).code(), StatusCode::kAlreadyExists);
  Outcome lonely{.key = "out-none", .date = {2027, 1, 1}};
  EXPECT_EQ(store->CreateOutcome(lonely).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->ListOutcomes({})->size(), 2u);

  EXPECT_EQ(store->DeleteOutcome(o.id, 1).code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store->DeleteOutcome(o.id, 2).ok());
  EXPECT_EQ(store->GetOutcome(o.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->DeleteOutcome(o.id, 2).code(), StatusCode::kNotFound);
}

TEST_P(StoreSuite, FollowUpRoundIsClaimedOnceAcrossConnectionsWithItsMails) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  auto other = Store::Open(uri_, {});
  ASSERT_TRUE(other.ok());
  auto mail = [](std::string to) {
    OutboxMessage m;
    m.created_at = At(kNow);
    m.to = std::move(to);
    m.subject = "Cosa è nato dai vostri incontri? 会谈成果";
    m.body = "…";
    m.kind = "follow_up";
    return m;
  };
  const FollowUp f{l.event, l.orgs[1], 1, At(kNow)};
  std::vector<OutboxMessage> mine{mail("a@example.org"), mail("b@example.org")};
  std::vector<OutboxMessage> theirs{mail("a@example.org"), mail("b@example.org")};
  auto first = store->ClaimFollowUp(f, mine);
  auto second = (*other)->ClaimFollowUp(f, theirs);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE(*first);
  EXPECT_FALSE(*second);
  EXPECT_GT(mine[0].id, 0);
  EXPECT_GT(mine[1].id, mine[0].id);
  // Only the claimant's mails are queued.
  auto outbox = store->ListOutbox(100, true);
  ASSERT_TRUE(outbox.ok());
  ASSERT_EQ(outbox->size(), 2u);
  EXPECT_EQ((*outbox)[0].subject, "Cosa è nato dai vostri incontri? 会谈成果");
  std::vector<OutboxMessage> none;
  EXPECT_TRUE(*(*other)->ClaimFollowUp({l.event, l.orgs[1], 2, At(kNow + 5)}, none));
  auto listed = store->ListFollowUps(l.event);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[1].round, 2);
  EXPECT_EQ((*listed)[1].sent_at, At(kNow + 5));
}

TEST_P(StoreSuite, ImagesAreKeptOncePerHashWithExactBytes) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  std::string bytes = "\x89PNG\r\n\x1a\n";
  bytes += std::string("\0\xff\x00\x10", 4);
  bytes += "中意";
  Image image{.sha256 = "ab12",
              .content_type = "image/png",
              .width = 3,
              .height = 2,
              .file_name = "sala-riunioni-会议室.png",
              .created_at = At(kNow)};
  ASSERT_TRUE(store->PutImage(image, bytes).ok());
  EXPECT_GT(image.id.value(), 0);
  EXPECT_EQ(image.bytes, static_cast<std::int64_t>(bytes.size()));
  Image same{.sha256 = "ab12",
             .content_type = "image/png",
             .file_name = "copy.png",
             .created_at = At(kNow + 9)};
  ASSERT_TRUE(store->PutImage(same, bytes).ok());
  EXPECT_EQ(same, image);  // the first upload's record
  std::string read;
  auto got = store->GetImage("ab12", &read);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(read, bytes);
  EXPECT_EQ(*got, image);
  EXPECT_EQ(store->GetImage("ab12", nullptr)->file_name, "sala-riunioni-会议室.png");
  EXPECT_EQ(store->GetImage("none", nullptr).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->ListImages()->size(), 1u);
}

TEST_P(StoreSuite, NewsRoundTripListsPublishedNewestFirst) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Loaded l = LoadSmallEvent(*store);
  NewsItem a{.key = "firmato-accordo",
             .event = l.event,
             .date = {2027, 3, 1},
             .status = NewsStatus::kPublished,
             .images = {{.sha256 = "ab12", .caption = {}}},
             .created_at = At(kNow),
             .updated_at = At(kNow)};
  a.title.Set("it", "Firmato l'accordo tra Bologna e Chengdu");
  a.title.Set("zh", "博洛尼亚与成都签署协议");
  a.body.Set("it", "<p>L'università e il <strong>distretto</strong> hanno firmato.</p>");
  a.images[0].caption.Set("zh", "签字仪式");
  ASSERT_TRUE(store->CreateNews(a).ok());
  NewsItem draft{
      .key = "bozza", .date = {2027, 4, 1}, .created_at = At(kNow), .updated_at = At(kNow)};
  draft.title.Set("en", "Draft");
  ASSERT_TRUE(store->CreateNews(draft).ok());
  NewsItem programme{.key = "edizione-2027",
                     .date = {2027, 1, 1},
                     .status = NewsStatus::kPublished,
                     .created_at = At(kNow),
                     .updated_at = At(kNow)};
  programme.title.Set("en", "The 2027 edition");
  ASSERT_TRUE(store->CreateNews(programme).ok());

  auto got = store->GetNews("firmato-accordo");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, a);
  auto published = store->ListNews({});
  ASSERT_EQ(published->size(), 2u);
  EXPECT_EQ((*published)[0].key, "firmato-accordo");
  EXPECT_EQ(store->ListNews({.published_only = false})->size(), 3u);
  EXPECT_EQ(store->ListNews({.event = l.event})->size(), 1u);
  EXPECT_EQ(store->ListNews({.limit = 1})->size(), 1u);

  NewsItem dup = draft;
  EXPECT_EQ(store->CreateNews(dup).code(), StatusCode::kAlreadyExists);
  draft.status = NewsStatus::kPublished;
  ASSERT_TRUE(store->UpdateNews(draft, 1).ok());
  EXPECT_EQ(draft.version, 2);
  EXPECT_EQ(store->UpdateNews(draft, 1).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store->ListNews({})->size(), 3u);
  EXPECT_EQ(store->DeleteNews(draft.id, 1).code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store->DeleteNews(draft.id, 2).ok());
  EXPECT_EQ(store->GetNews("bozza").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreSuite, EventKeepsItsFollowUpDays) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Dataset data = SmallEvent();
  ASSERT_TRUE(store->Import(data, {}).ok());
  EXPECT_EQ(store->GetEvent(kEventKey)->follow_up_days, (std::vector<int>{28, 91, 182}));
  data.event->follow_up_days = {14, 60};
  ASSERT_TRUE(store->Import(data, {}).ok());
  EXPECT_EQ(store->GetEvent(kEventKey)->follow_up_days, (std::vector<int>{14, 60}));
}

TEST_P(StoreSuite, EventVenuesRoundTripWithAndWithoutCoordinates) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Dataset data = SmallEvent();
  data.event->venues = {{.key = "nc", .city = "Beijing", .name = "国家会议中心"},
                        {.key = "fiera",
                         .city = "Bologna",
                         .name = "Fiera di Bologna, padiglione 37",
                         .location = GeoPoint{44.516312345678, 11.370456789012}}};
  ASSERT_TRUE(store->Import(data, {}).ok());
  auto event = store->GetEvent(kEventKey);
  ASSERT_TRUE(event.ok()) << event.status().ToString();
  EXPECT_EQ(event->venues, data.event->venues);  // doubles exactly
}

}  // namespace
}  // namespace ponte
