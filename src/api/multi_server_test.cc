// Two `ponte serve` processes over one PostgreSQL (issue 9): what one server
// writes the other sees, sessions and tokens work on both, conflicting writes
// sent to both at the same moment never double-book, a scheduling job runs
// exactly once while both poll, and the job of a server killed with SIGKILL is
// taken over by the other one and finished; an answer one server keeps in
// memory (the agenda) follows a write made on the other at once; and the demo
// event, accounts included, moves SQLite -> PostgreSQL -> SQLite without loss.
//
// Needs PONTE_TEST_PG_URI (scripts/postgres.sh start DIR PORT prints one);
// skipped without it. Each test works in a schema of its own, dropped at the
// end, so it runs beside the storage suite on the same database.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <latch>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "api/test_http.h"
#include "core/time.h"
#include "service/accounts.h"
#include "service/news.h"
#include "store/dataset_export.h"
#include "store/store.h"

namespace ponte {
namespace {

using Json = nlohmann::json;
using test_http::Login;
using test_http::Request;
using test_http::Response;
using test_http::Server;

constexpr std::string_view kZone = test_http::kSmallZone;
constexpr int kOrganizations = test_http::kSmallOrganizations;
constexpr int kSlots = test_http::kSmallSlots;
constexpr int kTables = test_http::kSmallTables;
// A running job untouched this long is another server's to take (seconds);
// production keeps 30.
constexpr int kStaleSeconds = 3;

std::string PgBase() {
  const char* uri = std::getenv("PONTE_TEST_PG_URI");
  return uri == nullptr ? std::string() : std::string(uri);
}

void Exec(const std::string& uri, const std::string& sql) {
  pqxx::connection conn(uri);
  pqxx::nontransaction tx(conn);
  tx.exec(sql);
}

// Rows of a query as text columns.
std::vector<std::vector<std::string>> Rows(const std::string& uri, const std::string& sql) {
  pqxx::connection conn(uri);
  pqxx::nontransaction tx(conn);
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : tx.exec(sql)) {
    std::vector<std::string> out;
    for (const auto& field : row) out.push_back(field.is_null() ? "" : field.c_str());
    rows.push_back(std::move(out));
  }
  return rows;
}

// Polls `done` every 100 ms until it holds or `limit` passes.
template <typename F>
bool WaitFor(F done, std::chrono::seconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

class MultiServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string base = PgBase();
    if (base.empty()) {
      GTEST_SKIP() << "PONTE_TEST_PG_URI is not set: skipping the two-server tests (start a "
                      "PostgreSQL with scripts/postgres.sh start DIR PORT)";
    }
    base_ = base;
    static int counter = 0;
    schema_ = "ponte_multi_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    Exec(base_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    const char sep = base_.find('?') == std::string::npos ? '?' : '&';
    uri_ = base_ + sep + "options=-csearch_path%3D" + schema_ + "&application_name=" + schema_;

    auto store = Store::Open(uri_, {.create_if_missing = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    test_http::SmallWeekIds ids;
    ASSERT_NO_FATAL_FAILURE(test_http::SeedSmallWeek(*store_, ids));
    event_ = ids.event;
    session_ = ids.session;
    orgs_ = ids.orgs;
  }

  void TearDown() override {
    servers_.clear();
    store_.reset();
    if (!schema_.empty()) {
      try {
        Exec(base_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      } catch (const std::exception&) {
        // Best effort: the next run uses new names anyway.
      }
    }
  }

  // Two servers over the same database, both polling for jobs.
  void StartServers(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"--job-stale-seconds", std::to_string(kStaleSeconds)};
    args.insert(args.end(), extra.begin(), extra.end());
    for (int i = 0; i < 2; ++i) {
      servers_.push_back(std::make_unique<Server>(uri_, args));
      ASSERT_TRUE(servers_.back()->Start()) << "ponte serve did not start (" << PONTE_BINARY << ")";
      pids_.push_back(servers_.back()->pid());
    }
  }
  std::uint16_t Port(int server) const {
    return servers_[static_cast<std::size_t>(server)]->port();
  }

  Login SignIn(int server, const std::string& email) {
    return test_http::SignIn(Port(server), email);
  }
  std::string Token(int server, const std::string& email) {
    return test_http::Token(Port(server), email);
  }

  std::int64_t Org(int i) const { return orgs_[static_cast<std::size_t>(i)]; }

  // The invariants, checked with SQL on the shared database.
  void ExpectNoDoubleBooking() {
    EXPECT_TRUE(Rows(uri_,
                     "SELECT session_id, slot, table_no FROM meetings WHERE status <> "
                     "'cancelled' GROUP BY 1, 2, 3 HAVING COUNT(*) > 1")
                    .empty())
        << "a table twice in a slot";
    EXPECT_TRUE(Rows(uri_,
                     "SELECT org, session_id, slot FROM (SELECT org_a AS org, session_id, slot "
                     "FROM meetings WHERE status <> 'cancelled' UNION ALL SELECT org_b, "
                     "session_id, slot FROM meetings WHERE status <> 'cancelled') AS seats "
                     "GROUP BY 1, 2, 3 HAVING COUNT(*) > 1")
                    .empty())
        << "an organization twice in a slot";
    EXPECT_TRUE(Rows(uri_,
                     "SELECT LEAST(from_org, to_org), GREATEST(from_org, to_org) FROM "
                     "meeting_requests WHERE status IN ('pending', 'accepted') GROUP BY 1, 2 "
                     "HAVING COUNT(*) > 1")
                    .empty())
        << "two live requests between two organizations";
  }

  // Accepted requests between every pair: 28 meetings for 24 seats (8 slots x
  // 3 tables), so the scheduler never proves a timetable optimal and runs to
  // its time limit.
  void AcceptEveryPair() {
    std::vector<MeetingRequest> requests;
    for (int a = 0; a < kOrganizations; ++a) {
      for (int b = a + 1; b < kOrganizations; ++b) {
        MeetingRequest r;
        r.key = "r" + std::to_string(a) + "_" + std::to_string(b);
        r.event = event_.id;
        r.from = OrganizationId(Org(a));
        r.to = OrganizationId(Org(b));
        r.status = RequestStatus::kAccepted;
        r.created_at = r.updated_at = SystemClock().Now();
        requests.push_back(r);
      }
    }
    ASSERT_TRUE(store_->AddRequests(event_.id, requests).ok());
  }

  std::int64_t QueueJob(int server, const std::string& organizer, double time_limit_s) {
    Response r = Request(Port(server), "POST", "/api/v1/events/week/schedule/jobs", organizer,
                         Json{{"time_limit_s", time_limit_s}, {"seed", std::uint64_t{7}}}.dump());
    EXPECT_EQ(r.status, 202) << r.body;
    return r.json().value("id", std::int64_t{0});
  }

  Job GetJob(std::int64_t id) {
    auto job = store_->GetJob(JobId(id));
    EXPECT_TRUE(job.ok()) << job.status().ToString();
    return job.ok() ? *job : Job{};
  }

  // Which server (0 or 1) a worker name "host:pid" belongs to; -1: neither.
  int ServerOf(const std::string& worker) const {
    for (std::size_t i = 0; i < pids_.size(); ++i) {
      if (worker.ends_with(":" + std::to_string(pids_[i]))) return static_cast<int>(i);
    }
    return -1;
  }

  // How many times a server's log says it started job `id`.
  int Starts(int server, std::int64_t id) const {
    const std::string needle = "job id=" + std::to_string(id) + " kind=schedule";
    const std::string log = servers_[static_cast<std::size_t>(server)]->Output();
    int n = 0;
    for (std::size_t at = log.find(needle); at != std::string::npos;
         at = log.find(needle, at + 1)) {
      ++n;
    }
    return n;
  }

  std::string base_, schema_, uri_;
  std::unique_ptr<Store> store_;
  Event event_;
  std::int64_t session_ = 0;
  std::vector<std::int64_t> orgs_;
  std::vector<std::unique_ptr<Server>> servers_;
  std::vector<pid_t> pids_;  // kept after a server stops: the jobs table names them
};

TEST_F(MultiServerTest, WritesSessionsAndTokensCrossServers) {
  StartServers();
  // A session cookie made on server 0 works on server 1, CSRF included.
  const Login login = SignIn(0, "p0@ponte.test");
  Response me = Request(Port(1), "GET", "/api/v1/me", "", "", {"Cookie: " + login.cookie});
  ASSERT_EQ(me.status, 200) << me.body;
  Response token = Request(Port(1), "POST", "/api/v1/auth/tokens", "", "{}",
                           {"Cookie: " + login.cookie, "X-CSRF-Token: " + login.csrf});
  ASSERT_EQ(token.status, 201) << token.body;
  // And a bearer token made on server 1 works on server 0.
  const std::string p0 = token.json().value("token", "");
  ASSERT_EQ(Request(Port(0), "GET", "/api/v1/me", p0).status, 200);

  // A request sent on server 0 is seen, and accepted, on server 1.
  const std::string p1 = Token(1, "p1@ponte.test");
  Response sent = Request(Port(0), "POST", "/api/v1/events/week/requests", p0,
                          Json{{"to", Org(1)}, {"message", "tea?"}}.dump());
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string id = std::to_string(sent.json()["id"].get<std::int64_t>());
  Response pending = Request(Port(1), "GET", "/api/v1/events/week/requests?status=pending", p1);
  ASSERT_EQ(pending.status, 200) << pending.body;
  bool seen = false;
  const Json pending_list = pending.json();
  for (const Json& item : pending_list["items"])
    seen |= std::to_string(item["id"].get<std::int64_t>()) == id;
  EXPECT_TRUE(seen) << pending.body;
  Response accepted = Request(Port(1), "POST", "/api/v1/events/week/requests/" + id + "/accept", p1,
                              "{}", {"If-Match: \"v1\""});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  // Server 0 sees the acceptance, and its ETag: the stale version is refused there.
  Response again = Request(Port(0), "GET", "/api/v1/events/week/requests/" + id, p0);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["status"], "accepted");
  EXPECT_EQ(again.headers["etag"], accepted.headers["etag"]);
  Response stale = Request(Port(0), "POST", "/api/v1/events/week/requests/" + id + "/cancel", p0,
                           "{}", {"If-Match: \"v1\""});
  EXPECT_EQ(stale.status, 412) << stale.body;

  // A request cancelled on one server can be sent again at once on the other
  // (its key used to repeat within the same second: 409 already_exists).
  const std::string p2 = Token(0, "p2@ponte.test");
  for (int round = 0; round < 3; ++round) {
    Response again_sent = Request(Port(round % 2), "POST", "/api/v1/events/week/requests", p2,
                                  Json{{"to", Org(3)}}.dump());
    ASSERT_EQ(again_sent.status, 201) << "round " << round << ": " << again_sent.body;
    const std::string again_id = std::to_string(again_sent.json()["id"].get<std::int64_t>());
    Response cancelled = Request(Port(1 - round % 2), "POST",
                                 "/api/v1/events/week/requests/" + again_id + "/cancel", p2);
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  }

  // Signing out on server 1 ends the session on server 0 as well.
  Response out = Request(Port(1), "POST", "/api/v1/auth/logout", "", "{}",
                         {"Cookie: " + login.cookie, "X-CSRF-Token: " + login.csrf});
  EXPECT_LT(out.status, 300) << out.body;
  EXPECT_EQ(Request(Port(0), "GET", "/api/v1/me", "", "", {"Cookie: " + login.cookie}).status, 401);
}

TEST_F(MultiServerTest, ConflictingWritesOnBothServersNeverDoubleBook) {
  StartServers({"--no-jobs"});
  const std::string organizer = Token(0, "organizer@ponte.test");
  std::vector<std::string> participants;
  for (int i = 0; i < kOrganizations; ++i) {
    participants.push_back(Token(i % 2, "p" + std::to_string(i) + "@ponte.test"));
  }
  // Pending requests i -> i+1, to be accepted on both servers at once.
  std::vector<std::pair<std::int64_t, int>> requests;  // id, receiver
  for (int i = 0; i < kOrganizations; i += 2) {
    Response sent =
        Request(Port(i % 2), "POST", "/api/v1/events/week/requests",
                participants[static_cast<std::size_t>(i)], Json{{"to", Org(i + 1)}}.dump());
    ASSERT_EQ(sent.status, 201) << sent.body;
    requests.emplace_back(sent.json()["id"].get<std::int64_t>(), i + 1);
  }

  constexpr int kThreads = 16;
  constexpr int kRounds = 8;
  std::atomic<int> accepted{0}, walked_in{0}, conflicts{0}, server_errors{0};
  std::map<std::int64_t, std::atomic<int>> accepts;
  for (const auto& [id, to] : requests) accepts[id] = 0;
  for (int round = 0; round < kRounds; ++round) {
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t, round] {
        const int server = t % 2;  // half the threads on each server
        std::string target, body = "{}", bearer = organizer;
        std::vector<std::string> headers;
        if (round < static_cast<int>(requests.size()) && t < kThreads / 2) {
          // Everyone accepts the same request, on both servers.
          const auto& [id, to] = requests[static_cast<std::size_t>(round)];
          target = "/api/v1/events/week/requests/" + std::to_string(id) + "/accept";
          bearer = participants[static_cast<std::size_t>(to)];
          headers.push_back("If-Match: \"v1\"");
        } else {
          // Walk-ins of the same few organizations from the same moment: all
          // want the first free slot and table.
          std::mt19937 random(static_cast<unsigned>(round * 100 + t));
          const int a = static_cast<int>(random() % 3);
          const int b = 3 + static_cast<int>(random() % (kOrganizations - 3));
          target = "/api/v1/events/week/meetings/walk-in";
          body = Json{{"a", Org(a)}, {"b", Org(b)}}.dump();
        }
        start.arrive_and_wait();
        Response r = Request(Port(server), "POST", target, bearer, body, headers);
        if (r.status >= 500 || r.status == 0) ++server_errors;
        if (r.status == 200 && target.ends_with("/accept")) {
          ++accepted;
          ++accepts[r.json()["id"].get<std::int64_t>()];
        }
        if (r.status == 201) ++walked_in;
        if (r.status >= 400) {
          ++conflicts;
          // Losers get a conflict, never a wrong success.
          EXPECT_TRUE(r.status == 409 || r.status == 412 || r.status == 422)
              << r.status << " " << r.body;
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  std::printf("two servers, %d rounds x %d threads: %d accepted, %d walk-ins, %d refused\n",
              kRounds, kThreads, accepted.load(), walked_in.load(), conflicts.load());
  EXPECT_EQ(server_errors.load(), 0);
  for (const auto& [id, count] : accepts) EXPECT_EQ(count.load(), 1) << "request " << id;
  EXPECT_GT(walked_in.load(), 0);
  EXPECT_GT(conflicts.load(), 0);
  ExpectNoDoubleBooking();
}

TEST_F(MultiServerTest, ScheduleJobRunsExactlyOnceWhileBothPoll) {
  AcceptEveryPair();
  StartServers({"--log-level", "info"});
  const std::string organizer = Token(0, "organizer@ponte.test");
  // Several jobs queued on both servers at once; both servers poll every 500 ms.
  std::vector<std::int64_t> jobs;
  for (int i = 0; i < 4; ++i) jobs.push_back(QueueJob(i % 2, organizer, 1.0));
  for (std::int64_t id : jobs) {
    ASSERT_TRUE(WaitFor(
        [&] {
          const JobState s = GetJob(id).state;
          return s != JobState::kQueued && s != JobState::kRunning;
        },
        std::chrono::seconds(30)))
        << "job " << id << " did not end";
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));  // a late second run would show now
  std::map<int, int> per_server;
  for (std::int64_t id : jobs) {
    const Job job = GetJob(id);
    EXPECT_EQ(job.state, JobState::kSucceeded) << job.error;
    const int owner = ServerOf(job.worker);
    ASSERT_NE(owner, -1) << "worker " << job.worker;
    ++per_server[owner];
    // Exactly one start across both logs, by the server the jobs table names.
    EXPECT_EQ(Starts(owner, id), 1) << "job " << id;
    EXPECT_EQ(Starts(1 - owner, id), 0) << "job " << id << " also ran on the other server";
  }
  std::printf("4 jobs: %d run by server 0, %d by server 1\n", per_server[0], per_server[1]);
}

TEST_F(MultiServerTest, KilledServersJobIsFinishedByTheOther) {
  AcceptEveryPair();
  StartServers({"--log-level", "info"});
  const std::string organizer = Token(1, "organizer@ponte.test");
  const std::int64_t id = QueueJob(1, organizer, 6.0);
  Job job;
  ASSERT_TRUE(WaitFor(
      [&] {
        job = GetJob(id);
        return job.state == JobState::kRunning;
      },
      std::chrono::seconds(10)));
  const int owner = ServerOf(job.worker);
  ASSERT_NE(owner, -1) << job.worker;
  const auto killed_at = std::chrono::steady_clock::now();
  servers_[static_cast<std::size_t>(owner)]->Stop(SIGKILL);

  // The other server takes it after the stale interval and finishes it.
  ASSERT_TRUE(WaitFor(
      [&] {
        job = GetJob(id);
        return job.state != JobState::kQueued && job.state != JobState::kRunning;
      },
      std::chrono::seconds(40)))
      << "job " << id << " still " << ToCode(job.state) << " on " << job.worker;
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - killed_at).count();
  std::printf("job %lld: server %d killed while running it; server %d finished it %.1f s later\n",
              static_cast<long long>(id), owner, 1 - owner, took);
  EXPECT_EQ(job.state, JobState::kSucceeded) << job.error;
  EXPECT_EQ(ServerOf(job.worker), 1 - owner) << job.worker;
  EXPECT_EQ(Starts(1 - owner, id), 1);
  EXPECT_GE(took, kStaleSeconds);
  Json result = Json::parse(job.result, nullptr, false);
  ASSERT_TRUE(result.is_object()) << job.result;
  EXPECT_GT(result.value("scheduled", 0), 0);
}

// A job that runs longer than the stale interval on a live server stays with
// that server: the other one must not take it over while it is still running.
// DISABLED: it fails today (the job runs on both servers). A running job's
// updated_at moves only when the solver reports progress (a phase change or an
// improvement), not on a timer, so a healthy run that finds nothing better for
// longer than the stale interval (30 s in production) looks dead and is
// claimed again. Needs a heartbeat that touches only updated_at of a job the
// worker still holds (a store method) or periodic progress from the engine.
TEST_F(MultiServerTest, LongJobOnALiveServerIsNotTakenOver) {
  AcceptEveryPair();
  StartServers({"--log-level", "info"});
  const std::string organizer = Token(0, "organizer@ponte.test");
  const std::int64_t id = QueueJob(0, organizer, 3.0 * kStaleSeconds);
  Job job;
  ASSERT_TRUE(WaitFor(
      [&] {
        job = GetJob(id);
        return job.state != JobState::kQueued && job.state != JobState::kRunning;
      },
      std::chrono::seconds(40)));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_EQ(job.state, JobState::kSucceeded) << job.error;
  EXPECT_EQ(Starts(0, id) + Starts(1, id), 1) << "the job ran on both servers";
}

// The agenda is memoized per store connection while the change stamp stays
// the same: a write on server 0 must show in server 1's next answer, with no
// delay, however warm its memo is.
TEST_F(MultiServerTest, CachedAgendaOnOneServerSeesWriteOnTheOtherAtOnce) {
  StartServers({"--no-jobs"});
  const std::string organizer = Token(0, "organizer@ponte.test");
  const std::string p0 = Token(1, "p0@ponte.test");
  auto agenda_size = [&](int server) {
    Response r = Request(Port(server), "GET", "/api/v1/events/week/agenda", p0);
    EXPECT_EQ(r.status, 200) << r.body;
    const Json body = r.json();
    return body.contains("entries") ? body["entries"].size() : std::size_t{0};
  };
  // Warm server 1's memo on every connection of its pool.
  const std::size_t before = agenda_size(1);
  for (int i = 0; i < 16; ++i) ASSERT_EQ(agenda_size(1), before);
  for (int k = 1; k <= 3; ++k) {
    Response walk_in = Request(Port(0), "POST", "/api/v1/events/week/meetings/walk-in", organizer,
                               Json{{"a", Org(0)}, {"b", Org(k)}}.dump());
    ASSERT_EQ(walk_in.status, 201) << walk_in.body;
    EXPECT_EQ(agenda_size(1), before + static_cast<std::size_t>(k)) << "walk-in " << k;
  }
}

// ---- moving an event between databases --------------------------------------------------

// Runs the ponte binary; its output goes to `log`. Returns the exit code.
int RunPonte(const std::vector<std::string>& args, const std::string& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    std::vector<std::string> all = {PONTE_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(PONTE_BINARY, argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> FilesIn(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A canonical dump of everything that belongs to an event, in SQL both
// backends run: ids replaced by keys (organizations, people, sessions,
// interpreters, requests, meetings by where they are) and e-mails (users),
// rows sorted, row versions included (they move). Left out, as the migration
// guide says: browser sessions, one-time links, jobs and the outbox.
// `registry` adds what is the programme's: organizations, people, profiles,
// images (their size; the bytes are checked by SHA-256 on import) and the
// programme's own news.
struct DumpTable {
  const char* name;
  std::string sql;
  bool registry = false;
  bool ordered = false;  // keep the query's order (the audit log's)
};

std::vector<DumpTable> DumpTables(const std::string& event_key) {
  const std::string e = "(SELECT id FROM events WHERE key = '" + event_key + "')";
  const std::string members = "(SELECT user_id FROM memberships WHERE event_id = " + e + ")";
  return {
      {"events",
       "SELECT key, name, time_zone, start_date, end_date, themes, venues FROM events WHERE key = "
       "'" +
           event_key + "'"},
      {"organizations",
       "SELECT key, name, type, country, region, city, website, latitude, longitude, "
       "public_profile, version FROM organizations",
       true},
      {"people",
       "SELECT p.key, o.key, p.given_name, p.family_name, p.name_latin, p.role, p.email, "
       "p.languages, p.needs_interpreter, p.version FROM people p JOIN organizations o ON o.id = "
       "p.organization_id",
       true},
      {"profiles",
       "SELECT p.key, o.key, p.kind, p.title, p.text, p.themes, p.keywords, p.cooperation FROM "
       "profiles p JOIN organizations o ON o.id = p.organization_id",
       true},
      {"sessions",
       "SELECT key, city, venue, date, start_at, end_at, slot_minutes, tables, breaks FROM "
       "sessions WHERE event_id = " +
           e},
      {"person_sessions",
       "SELECT p.key, s.key FROM person_sessions ps JOIN people p ON p.id = ps.person_id JOIN "
       "sessions s ON s.id = ps.session_id WHERE s.event_id = " +
           e},
      {"interpreters", "SELECT key, name, pairs FROM interpreters WHERE event_id = " + e},
      {"interpreter_sessions",
       "SELECT i.key, s.key FROM interpreter_sessions x JOIN interpreters i ON i.id = "
       "x.interpreter_id JOIN sessions s ON s.id = x.session_id WHERE s.event_id = " +
           e},
      {"meeting_requests",
       "SELECT r.key, f.key, t.key, p.key, r.preference, r.status, r.message, r.created_at, "
       "r.updated_at, r.expires_at, r.version FROM meeting_requests r JOIN organizations f ON f.id "
       "= "
       "r.from_org JOIN organizations t ON t.id = r.to_org LEFT JOIN people p ON p.id = "
       "r.requested_by WHERE r.event_id = " +
           e},
      {"meetings",
       "SELECT s.key, m.slot, m.table_no, a.key, b.key, r.key, i.key, m.status, m.version FROM "
       "meetings m "
       "JOIN sessions s ON s.id = m.session_id JOIN organizations a ON a.id = m.org_a JOIN "
       "organizations b ON b.id = m.org_b LEFT JOIN meeting_requests r ON r.id = m.request_id "
       "LEFT JOIN interpreters i ON i.id = m.interpreter_id WHERE m.event_id = " +
           e},
      {"meeting_seats",
       "SELECT s.key, x.slot, a.key, b.key, o.key FROM meeting_seats x JOIN meetings m ON m.id = "
       "x.meeting_id JOIN sessions s ON s.id = x.session_id JOIN organizations a ON a.id = "
       "m.org_a JOIN organizations b ON b.id = m.org_b JOIN organizations o ON o.id = "
       "x.organization_id WHERE m.event_id = " +
           e},
      {"users",
       "SELECT email, name, password_hash, locale, verified, disabled, created_at FROM users "
       "WHERE id IN " +
           members + " OR id IN (SELECT user_id FROM audit_log WHERE event_id = " + e +
           ") OR id IN (SELECT f.user_id FROM feedback f JOIN meetings m ON m.id = "
           "f.meeting_id WHERE m.event_id = " +
           e + ") OR id IN (SELECT reported_by FROM outcomes WHERE event_id = " + e +
           ") OR id IN (SELECT reviewed_by FROM outcomes WHERE event_id = " + e +
           ") OR id IN (SELECT author_id FROM news WHERE event_id = " + e + ")"},
      {"memberships",
       "SELECT u.email, x.role, o.key, p.key, i.key, x.validated FROM memberships x JOIN users u "
       "ON u.id = x.user_id LEFT JOIN organizations o ON o.id = x.organization_id LEFT JOIN "
       "people p ON p.id = x.person_id LEFT JOIN interpreters i ON i.id = x.interpreter_id "
       "WHERE x.event_id = " +
           e},
      {"credentials",
       "SELECT u.email, c.kind, c.token_hash, c.csrf_token, c.label, c.created_at, c.expires_at "
       "FROM credentials c JOIN users u ON u.id = c.user_id WHERE c.kind <> 'session' AND "
       "c.user_id IN " +
           members},
      {"audit_log",
       "SELECT a.at, u.email, a.action, a.target, a.details FROM audit_log a LEFT JOIN users u "
       "ON u.id = a.user_id WHERE a.event_id = " +
           e + " ORDER BY a.id",
       false, true},
      {"feedback",
       "SELECT s.key, m.slot, m.table_no, a.key, b.key, o.key, u.email, f.rating, f.follow_up, "
       "f.comment, f.created_at FROM feedback f JOIN meetings m ON m.id = f.meeting_id JOIN "
       "sessions s ON s.id = m.session_id JOIN organizations a ON a.id = m.org_a JOIN "
       "organizations b ON b.id = m.org_b JOIN organizations o ON o.id = f.organization_id "
       "LEFT JOIN users u ON u.id = f.user_id WHERE m.event_id = " +
           e},
      {"outcomes",
       "SELECT o.key, r.key, o.kind, o.stage, o.title, o.date, o.end_date, o.value, o.currency, "
       "o.notes, o.review, o.review_note, u1.email, g.key, u2.email, o.created_at, o.updated_at, "
       "o.version FROM outcomes o LEFT JOIN meeting_requests r ON r.id = o.request_id LEFT JOIN "
       "users u1 ON u1.id = o.reported_by LEFT JOIN organizations g ON g.id = o.reported_for "
       "LEFT JOIN users u2 ON u2.id = o.reviewed_by WHERE o.event_id = " +
           e},
      {"outcome_organizations",
       "SELECT o.key, g.key FROM outcome_organizations x JOIN outcomes o ON o.id = x.outcome_id "
       "JOIN organizations g ON g.id = x.organization_id WHERE o.event_id = " +
           e},
      {"outcome_meetings",
       "SELECT o.key, v.key, s.key, m.slot, m.table_no, a.key, b.key FROM outcome_meetings x "
       "JOIN outcomes o ON o.id = x.outcome_id JOIN meetings m ON m.id = x.meeting_id JOIN "
       "events v ON v.id = m.event_id JOIN sessions s ON s.id = m.session_id JOIN organizations "
       "a ON a.id = m.org_a JOIN organizations b ON b.id = m.org_b WHERE o.event_id = " +
           e},
      {"follow_ups",
       "SELECT g.key, f.round, f.sent_at FROM follow_ups f JOIN organizations g ON g.id = "
       "f.organization_id WHERE f.event_id = " +
           e},
      {"news",
       "SELECT n.key, n.title, n.summary, n.body, n.date, n.status, n.images, u.email, "
       "n.created_at, n.updated_at, n.version FROM news n LEFT JOIN users u ON u.id = "
       "n.author_id WHERE n.event_id = " +
           e},
      {"programme_news",
       "SELECT n.key, n.title, n.summary, n.body, n.date, n.status, n.images, u.email, "
       "n.created_at, n.updated_at, n.version FROM news n LEFT JOIN users u ON u.id = "
       "n.author_id WHERE n.event_id IS NULL",
       true},
      {"images",
       "SELECT i.sha256, i.content_type, i.bytes, i.width, i.height, i.file_name, u.email, "
       "i.created_at, length(i.data) FROM images i LEFT JOIN users u ON u.id = i.uploaded_by",
       true},
  };
}

// Doubles in their shortest exact form, whatever the backend printed.
std::string ShortestDouble(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

using DumpRows = std::vector<std::string>;

DumpRows QueryPostgres(const std::string& uri, const std::string& sql) {
  constexpr pqxx::oid kFloat8 = 701;
  DumpRows rows;
  pqxx::connection conn(uri);
  pqxx::nontransaction tx(conn);
  for (const auto& row : tx.exec(sql)) {
    std::string line;
    for (const auto& field : row) {
      if (!line.empty()) line += '\t';
      if (field.is_null()) {
        line += "NULL";
      } else if (field.type() == kFloat8) {
        line += ShortestDouble(field.as<double>());
      } else {
        line += field.c_str();
      }
    }
    rows.push_back(std::move(line));
  }
  return rows;
}

DumpRows QuerySqlite(const std::string& path, const std::string& sql) {
  DumpRows rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path;
    sqlite3_close(db);
    return rows;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(db) << ": " << sql;
    sqlite3_close(db);
    return rows;
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string line;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (i > 0) line += '\t';
      switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_NULL:
          line += "NULL";
          break;
        case SQLITE_FLOAT:
          line += ShortestDouble(sqlite3_column_double(stmt, i));
          break;
        default:
          line += reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      }
    }
    rows.push_back(std::move(line));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

// The dump as one text, table by table.
std::string Dump(const std::string& db, const std::string& event_key, bool registry) {
  std::string out;
  for (const DumpTable& table : DumpTables(event_key)) {
    if (table.registry && !registry) continue;
    DumpRows rows =
        db.starts_with("postgresql://") ? QueryPostgres(db, table.sql) : QuerySqlite(db, table.sql);
    if (!table.ordered) std::sort(rows.begin(), rows.end());
    out += "## " + std::string(table.name) + " (" + std::to_string(rows.size()) + ")\n";
    for (const std::string& row : rows) out += row + "\n";
  }
  return out;
}

// How many rows a dump has in `table` (over all the events it holds).
std::size_t RowsIn(const std::string& dump, const std::string& table) {
  const std::string head = "## " + table + " (";
  std::size_t rows = 0;
  for (std::size_t at = dump.find(head); at != std::string::npos; at = dump.find(head, at + 1)) {
    rows += std::stoul(dump.substr(at + head.size()));
  }
  return rows;
}

// Every file under `dir`, by path relative to it, with its bytes.
std::map<std::string, std::string> Tree(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    out[std::filesystem::relative(entry.path(), dir).string()] = Slurp(entry.path().string());
  }
  return out;
}

// SQLite -> PostgreSQL -> SQLite with `ponte export --accounts` (each edition)
// and `ponte export` (the programme's own news) and `ponte import`, on the
// demo as `ponte demo` builds it (three editions; the past two with outcomes
// at every stage and review state, news) plus tokens, feedback, audit
// entries, follow-up rounds, images shown by news (the programme's own
// too), an image nothing shows, and versions moved on by edits: the canonical
// dumps of the three databases are equal byte for byte, versions included,
// and so are the exported files; an If-Match taken before the move holds
// after it; a demo account signs in with its password on both, its API and
// calendar-feed tokens still work, its browser session does not (sessions
// are dropped). The same files imported into the database that holds the
// "week" event leave that event as it was.
TEST_F(MultiServerTest, DemoEventMovesSqliteToPostgresToSqliteWithItsAccounts) {
  const std::string event = "icstiw-2026";
  // In this order: an outcome of 2025 names a 2024 meeting (a pair that met
  // again), and the programme's news names a 2026 account.
  const std::vector<std::string> editions = {"icstiw-2024", "icstiw-2025", event};
  const std::string user = "giulia.rossi@ponte.demo";
  const std::string password = "ponte-demo-2026";
  const auto dir = std::filesystem::temp_directory_path() /
                   ("ponte_move_" + std::to_string(::getpid()) + "_" + schema_);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string log = (dir / "ponte.log").string();
  const std::string a = (dir / "a.db").string();
  const std::string b = (dir / "b.db").string();
  ASSERT_EQ(RunPonte({"demo", "--no-serve", "--db", a}, log), 0) << Slurp(log);

  // What a running event has beside the demo: tokens, a session, feedback,
  // audit entries, follow-up rounds, images, a reviewed outcome, edits that
  // moved versions on (Italian and Chinese text).
  const std::string api_token = "move-test-api-token";
  const std::string feed_token = "move-test-calendar-feed";
  const std::string session_token = "move-test-browser-session";
  std::string outcome_key;
  int outcome_version = 0;
  int meeting_version = 0;
  std::tuple<int, int> meeting_place;
  {
    auto store = Store::Open(a, {});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto u = (*store)->FindUserByEmail(user);
    ASSERT_TRUE(u.ok()) << u.status().ToString();
    auto ev = (*store)->GetEvent(event);
    ASSERT_TRUE(ev.ok());
    const Instant now = SystemClock().Now();
    for (const auto& [secret, kind] : {std::pair{api_token, CredentialKind::kApiToken},
                                       std::pair{feed_token, CredentialKind::kCalendarFeed},
                                       std::pair{session_token, CredentialKind::kSession}}) {
      Credential c{.token_hash = service::HashToken(secret),
                   .user = u->id,
                   .kind = kind,
                   .csrf_token = kind == CredentialKind::kSession ? "csrf" : "",
                   .label = "trasloco — 迁移",
                   .created_at = now,
                   .expires_at = now + Seconds(86400 * 30)};
      ASSERT_TRUE((*store)->CreateCredential(c).ok());
    }
    auto meetings = (*store)->ListMeetings(ev->id);
    ASSERT_TRUE(meetings.ok());
    ASSERT_FALSE(meetings->empty()) << "the demo has no timetable";
    for (std::size_t i = 0; i < std::min<std::size_t>(meetings->size(), 3); ++i) {
      const Meeting& m = (*meetings)[i];
      ASSERT_TRUE((*store)
                      ->PutFeedback({.meeting = m.id,
                                     .organization = i % 2 == 0 ? m.a : m.b,
                                     .user = u->id,
                                     .rating = static_cast<int>(i) + 3,
                                     .follow_up = i != 1,
                                     .comment = "Incontro utilissimo — 非常有用",
                                     .created_at = now})
                      .ok());
    }
    AuditEntry entry{.at = now,
                     .user = u->id,
                     .event = ev->id,
                     .action = "participant.validate",
                     .target = "organization",
                     .details = R"({"note":"verificato — 已核实"})"};
    ASSERT_TRUE((*store)->AppendAudit(entry).ok());
    // A meeting moved on to version 2 (held), an outcome reviewed (version 2).
    Meeting held = meetings->back();
    held.status = MeetingStatus::kHeld;
    ASSERT_TRUE((*store)->UpdateMeeting(held, held.version).ok());
    meeting_version = held.version;
    meeting_place = {held.slot, held.table};
    auto past = (*store)->GetEvent(editions[1]);
    ASSERT_TRUE(past.ok());
    auto outcomes = (*store)->ListOutcomes({.event = past->id});
    ASSERT_TRUE(outcomes.ok());
    ASSERT_FALSE(outcomes->empty()) << "the demo's 2025 edition has no outcomes";
    Outcome reviewed = outcomes->front();
    reviewed.reviewed_by = u->id;
    reviewed.review_note = "Verificato con entrambe le parti — 已与双方核实";
    ASSERT_TRUE((*store)->UpdateOutcome(reviewed, reviewed.version).ok());
    outcome_key = reviewed.key;
    outcome_version = reviewed.version;
    for (int round : {1, 2}) {
      std::vector<OutboxMessage> mails;
      ASSERT_TRUE(*(*store)->ClaimFollowUp(
          {past->id, reviewed.organizations.front(), round, now - Seconds(86400 * (3 - round))},
          mails));
    }
    // Images: one on a 2024 news item, one on the programme's own news item,
    // one that nothing shows.
    std::vector<Image> images;
    for (const std::string& bytes : {std::string("\x89PNG\r\n\x1a\nfirma \0 签约", 22),
                                     std::string("GIF89a programma"), std::string("RIFFwebp")}) {
      Image image{.sha256 = service::Sha256Hex(bytes),
                  .content_type = bytes.starts_with("GIF")    ? "image/gif"
                                  : bytes.starts_with("RIFF") ? "image/webp"
                                                              : "image/png",
                  .width = 3,
                  .height = 2,
                  .file_name = "foto — 照片 " + std::to_string(images.size()),
                  .uploaded_by = u->id,
                  .created_at = now};
      ASSERT_TRUE((*store)->PutImage(image, bytes).ok());
      images.push_back(image);
    }
    auto news = (*store)->GetNews("icstiw-2024-bilancio");
    ASSERT_TRUE(news.ok()) << news.status().ToString();
    news->images.push_back({images[0].sha256, {}});
    news->images.back().caption.Set("it", "La firma a Pechino");
    news->images.back().caption.Set("zh", "在北京签约");
    ASSERT_TRUE((*store)->UpdateNews(*news, news->version).ok());
    NewsItem programme{.key = "ponte-programma-2027",
                       .date = {2026, 12, 1},
                       .status = NewsStatus::kDraft,
                       .author = u->id,
                       .created_at = now,
                       .updated_at = now};
    programme.title.Set("it", "Il programma del 2027");
    programme.title.Set("zh", "2027年计划");
    programme.body.Set("it", "<p>Tre città, un solo programma.</p>");
    programme.images.push_back({images[1].sha256, {}});
    ASSERT_TRUE((*store)->CreateNews(programme).ok());
  }
  auto dump_all = [&](const std::string& db) {
    std::string out;
    for (const std::string& key : editions) out += Dump(db, key, key == editions.front());
    return out;
  };
  const std::string dump_a = dump_all(a);
  for (const char* table : {"users", "memberships", "credentials", "audit_log", "feedback",
                            "meetings", "meeting_requests", "outcomes", "outcome_organizations",
                            "outcome_meetings", "follow_ups", "news", "programme_news", "images"}) {
    EXPECT_GT(RowsIn(dump_a, table), 0u) << table << " is empty in the demo: nothing is tested";
  }
  EXPECT_NE(dump_a.find("与已验证的成果重复"), std::string::npos) << "no rejected outcome";
  EXPECT_NE(dump_a.find("Duplicato di un esito"), std::string::npos) << "no Italian review";

  // SQLite -> PostgreSQL (a schema of its own, empty) -> SQLite.
  const std::string fresh_schema = schema_ + "_move";
  Exec(base_, "DROP SCHEMA IF EXISTS " + fresh_schema + " CASCADE; CREATE SCHEMA " + fresh_schema);
  const char sep = base_.find('?') == std::string::npos ? '?' : '&';
  const std::string pg = base_ + sep + "options=-csearch_path%3D" + fresh_schema;
  const auto from_a = dir / "from_a";
  const auto from_pg = dir / "from_pg";
  // One folder per edition, then the programme's (no --event: its own news).
  auto folders = [&](const std::filesystem::path& root) {
    std::vector<std::filesystem::path> out;
    for (const std::string& key : editions) out.push_back(root / key);
    out.push_back(root / "programme");
    return out;
  };
  auto import_folder = [&](const std::filesystem::path& files, const std::string& to) {
    std::vector<std::string> args = {"import", "--db", to};
    for (const std::string& f : FilesIn(files.string())) args.push_back(f);
    return RunPonte(args, log);
  };
  auto move = [&](const std::string& from, const std::filesystem::path& root,
                  const std::string& to) {
    for (const std::string& key : editions) {
      ASSERT_EQ(RunPonte({"export", "--db", from, "--event", key, "--dir", (root / key).string(),
                          "--accounts"},
                         log),
                0)
          << Slurp(log);
    }
    ASSERT_EQ(RunPonte({"export", "--db", from, "--dir", (root / "programme").string()}, log), 0)
        << Slurp(log);
    ASSERT_EQ(RunPonte({"init", "--db", to}, log), 0) << Slurp(log);
    for (const auto& files : folders(root)) ASSERT_EQ(import_folder(files, to), 0) << Slurp(log);
  };
  move(a, from_a, pg);
  move(pg, from_pg, b);
  const std::string dump_pg = dump_all(pg);
  const std::string dump_b = dump_all(b);
  EXPECT_EQ(dump_pg, dump_a);
  EXPECT_EQ(dump_b, dump_a);
  if (dump_pg != dump_a || dump_b != dump_a) {
    // For `diff`: gtest's own diff of texts this long is hard to read.
    for (const auto& [name, text] :
         {std::pair{"a", &dump_a}, std::pair{"pg", &dump_pg}, std::pair{"b", &dump_b}}) {
      const auto path = std::filesystem::temp_directory_path() /
                        ("ponte_move_dump_" + schema_ + "_" + name + ".txt");
      std::ofstream(path) << *text;
      ADD_FAILURE() << "dump written to " << path.string();
    }
  }
  const auto files_a = Tree(from_a);
  EXPECT_EQ(Tree(from_pg), files_a);
  EXPECT_TRUE(files_a.contains(
      editions[0] + "/media/" +
      service::Sha256Hex(std::string("\x89PNG\r\n\x1a\nfirma \0 签约", 22)) + ".png"));
  EXPECT_EQ(std::filesystem::status(from_a / event / "accounts.jsonl").permissions() &
                (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
            std::filesystem::perms::none)
      << "accounts.jsonl holds password hashes: owner only";
  // Importing again changes nothing, versions included.
  for (const auto& files : folders(from_pg)) ASSERT_EQ(import_folder(files, b), 0) << Slurp(log);
  EXPECT_EQ(dump_all(b), dump_a);

  // An If-Match taken before the move holds after it.
  {
    auto store = Store::Open(b, {});
    ASSERT_TRUE(store.ok());
    auto outcomes = (*store)->ListOutcomes({});
    ASSERT_TRUE(outcomes.ok());
    auto o = std::find_if(outcomes->begin(), outcomes->end(),
                          [&](const Outcome& x) { return x.key == outcome_key; });
    ASSERT_NE(o, outcomes->end());
    o->notes = "dopo il trasloco — 迁移之后";
    EXPECT_TRUE((*store)->UpdateOutcome(*o, outcome_version).ok());
    auto ev = (*store)->GetEvent(event);
    ASSERT_TRUE(ev.ok());
    auto meetings = (*store)->ListMeetings(ev->id);
    ASSERT_TRUE(meetings.ok());
    int updated = 0;
    for (Meeting& m : *meetings) {
      if (std::tuple(m.slot, m.table) != meeting_place || m.status != MeetingStatus::kHeld) {
        continue;
      }
      m.status = MeetingStatus::kNoShow;
      Status s = (*store)->UpdateMeeting(m, meeting_version);
      EXPECT_TRUE(s.ok()) << s.ToString();
      ++updated;
    }
    EXPECT_GE(updated, 1);
  }

  // Into the database that already holds "week": nothing clashes, "week" is
  // untouched, and the demo event is whole (its registry is added to week's).
  const std::string week_before = Dump(uri_, "week", false);
  ASSERT_EQ(import_folder(from_a / event, uri_), 0) << Slurp(log);
  EXPECT_EQ(Dump(uri_, "week", false), week_before);
  EXPECT_EQ(Dump(uri_, event, false), Dump(a, event, false));

  // A demo account signs in on both databases; its tokens work; its browser
  // session was not carried.
  for (const std::string& db : {pg, b}) {
    Server server(db, {"--no-jobs"});
    ASSERT_TRUE(server.Start()) << db;
    Response login = Request(server.port(), "POST", "/api/v1/auth/login", "",
                             Json{{"email", user}, {"password", password}}.dump());
    EXPECT_EQ(login.status, 200) << db << ": " << login.body;
    Response agenda =
        Request(server.port(), "GET", "/api/v1/events/" + event + "/agenda", api_token);
    EXPECT_EQ(agenda.status, 200) << db << ": " << agenda.body;
    Response feed =
        Request(server.port(), "GET", "/api/v1/calendar/" + event + "/" + feed_token + ".ics");
    EXPECT_EQ(feed.status, 200) << db << ": " << feed.body;
    EXPECT_NE(feed.body.find("BEGIN:VCALENDAR"), std::string::npos) << feed.body;
    Response session = Request(server.port(), "GET", "/api/v1/me", "", "",
                               {"Cookie: ponte_session=" + session_token});
    EXPECT_EQ(session.status, 401) << db << ": browser sessions are not carried";
  }
  Exec(base_, "DROP SCHEMA IF EXISTS " + fresh_schema + " CASCADE");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ponte
