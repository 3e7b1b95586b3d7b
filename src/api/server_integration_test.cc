// The real server: `ponte serve` (PONTE_BINARY) as a child process on a
// loopback port, spoken to over POSIX sockets. Conflicting writes at the same
// moment, a kill -9 in the middle of a write load, and malformed requests;
// afterwards the database is checked directly with SQLite.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <latch>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api/test_http.h"
#include "core/time.h"
#include "service/accounts.h"
#include "store/store.h"

namespace ponte {
namespace {

using Json = nlohmann::json;
constexpr std::string_view kZone = test_http::kSmallZone;
constexpr int kOrganizations = test_http::kSmallOrganizations;
constexpr int kSlots = test_http::kSmallSlots;
constexpr int kTables = test_http::kSmallTables;

using test_http::Parse;
using test_http::Raw;
using test_http::Request;
using test_http::Response;
using test_http::Server;

// ---- the database, checked directly ------------------------------------------------------

class Sql {
 public:
  explicit Sql(const std::string& path) {
    ::sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr);
  }
  ~Sql() { ::sqlite3_close(db_); }
  // The rows of a query, each as text columns.
  std::vector<std::vector<std::string>> Rows(const std::string& sql) {
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* stmt = nullptr;
    if (::sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << ::sqlite3_errmsg(db_);
      return rows;
    }
    while (::sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < ::sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = ::sqlite3_column_text(stmt, i);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      }
      rows.push_back(std::move(row));
    }
    ::sqlite3_finalize(stmt);
    return rows;
  }

 private:
  sqlite3* db_ = nullptr;
};

// The invariants every state of the database keeps.
void ExpectConsistent(const std::string& path) {
  Sql sql(path);
  const auto integrity = sql.Rows("PRAGMA integrity_check");
  ASSERT_EQ(integrity.size(), 1u);
  EXPECT_EQ(integrity[0][0], "ok");
  EXPECT_TRUE(sql.Rows("PRAGMA foreign_key_check").empty());
  // No table holds two live meetings in one slot.
  EXPECT_TRUE(sql.Rows("SELECT session_id, slot, table_no FROM meetings WHERE status <> "
                       "'cancelled' GROUP BY 1, 2, 3 HAVING COUNT(*) > 1")
                  .empty());
  // No organization is in two live meetings in one slot.
  EXPECT_TRUE(sql.Rows("SELECT org, session_id, slot FROM (SELECT org_a AS org, session_id, slot "
                       "FROM meetings WHERE status <> 'cancelled' UNION ALL SELECT org_b, "
                       "session_id, slot FROM meetings WHERE status <> 'cancelled') GROUP BY 1, "
                       "2, 3 HAVING COUNT(*) > 1")
                  .empty());
  // The seats agree with the meetings.
  EXPECT_TRUE(sql.Rows("SELECT m.id FROM meetings m WHERE m.status <> 'cancelled' AND (SELECT "
                       "COUNT(*) FROM meeting_seats s WHERE s.meeting_id = m.id AND s.session_id "
                       "= m.session_id AND s.slot = m.slot) <> 2")
                  .empty());
  // Every request row is valid.
  EXPECT_TRUE(sql.Rows("SELECT id FROM meeting_requests WHERE from_org = to_org OR status NOT IN "
                       "('pending', 'accepted', 'declined', 'cancelled', 'expired') OR "
                       "preference NOT IN ('must', 'want', 'no_thanks') OR version < 1 OR "
                       "event_id NOT IN (SELECT id FROM events)")
                  .empty());
  // Two organizations never have two live requests between them.
  EXPECT_TRUE(sql.Rows("SELECT MIN(from_org, to_org), MAX(from_org, to_org) FROM "
                       "meeting_requests WHERE status IN ('pending', 'accepted') GROUP BY 1, 2 "
                       "HAVING COUNT(*) > 1")
                  .empty());
  EXPECT_TRUE(sql.Rows("SELECT id FROM meetings WHERE status NOT IN ('scheduled', 'held', "
                       "'no_show', 'cancelled') OR slot < 0 OR slot >= " +
                       std::to_string(kSlots) + " OR table_no < 1 OR table_no > " +
                       std::to_string(kTables))
                  .empty());
}

// ---- the fixture -------------------------------------------------------------------------

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ponte_server_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "server.db").string();
    auto store = Store::Open(db_, {.create_if_missing = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    test_http::SmallWeekIds ids;
    ASSERT_NO_FATAL_FAILURE(test_http::SeedSmallWeek(**store, ids));
    session_ = ids.session;
    orgs_ = ids.orgs;
  }

  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  void StartServer() {
    server_ = std::make_unique<Server>(db_);
    ASSERT_TRUE(server_->Start()) << "ponte serve did not start (" << PONTE_BINARY << ")";
  }
  std::uint16_t port() const { return server_->port(); }

  // Signs in over HTTP and makes a bearer token.
  std::string Token(const std::string& email) { return test_http::Token(port(), email); }

  void TokensForAll() {
    organizer_ = Token("organizer@ponte.test");
    participants_.clear();
    for (int i = 0; i < kOrganizations; ++i)
      participants_.push_back(Token("p" + std::to_string(i) + "@ponte.test"));
  }

  // Live meetings seen through the API: no organization or table twice in a slot.
  void ExpectNoDoubleBookingViaApi() {
    Response r = Request(port(), "GET", "/api/v1/events/week/meetings?limit=500", organizer_);
    ASSERT_EQ(r.status, 200) << r.body;
    std::set<std::tuple<std::int64_t, int, std::int64_t>> seats;
    std::set<std::tuple<std::int64_t, int, int>> tables;
    const Json body = r.json();  // the loop must not iterate a destroyed temporary
    for (const Json& m : body["items"]) {
      if (m["status"] == "cancelled") continue;
      const auto session = m["session"].get<std::int64_t>();
      const int slot = m["slot"].get<int>();
      EXPECT_TRUE(tables.emplace(session, slot, m["table"].get<int>()).second) << m.dump();
      EXPECT_TRUE(seats.emplace(m["a"].get<std::int64_t>(), slot, session).second) << m.dump();
      EXPECT_TRUE(seats.emplace(m["b"].get<std::int64_t>(), slot, session).second) << m.dump();
    }
  }

  std::int64_t Org(int i) const { return orgs_[static_cast<std::size_t>(i)]; }

  std::filesystem::path dir_;
  std::string db_;
  std::unique_ptr<Server> server_;
  std::int64_t session_ = 0;
  std::vector<std::int64_t> orgs_;
  std::string organizer_;
  std::vector<std::string> participants_;
};

TEST_F(ServerTest, HealthAndReadiness) {
  StartServer();
  Response health = Request(port(), "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.json()["status"], "ok");
  Response ready = Request(port(), "GET", "/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ready.json()["status"], "ready");
  EXPECT_FALSE(ready.headers["x-request-id"].empty());
}

TEST_F(ServerTest, ConflictingWritesAtTheSameMomentNeverDoubleBook) {
  StartServer();
  TokensForAll();
  // Pending requests from org i to org i+1 (mod n), accepted by many at once.
  std::vector<std::pair<std::int64_t, int>> requests;  // id, receiver
  for (int i = 0; i < kOrganizations; i += 2) {
    const int to = i + 1;
    Response sent =
        Request(port(), "POST", "/api/v1/events/week/requests",
                participants_[static_cast<std::size_t>(i)], Json{{"to", Org(to)}}.dump());
    ASSERT_EQ(sent.status, 201) << sent.body;
    requests.emplace_back(sent.json()["id"].get<std::int64_t>(), to);
  }
  // Some meetings to move around: walk-ins, one per pair.
  std::vector<std::int64_t> meetings;
  for (int i = 0; i + 1 < kOrganizations; i += 2) {
    Response w = Request(port(), "POST", "/api/v1/events/week/meetings/walk-in", organizer_,
                         Json{{"a", Org(i)}, {"b", Org(i + 1)}}.dump());
    ASSERT_EQ(w.status, 201) << w.body;
    meetings.push_back(w.json()["id"].get<std::int64_t>());
  }

  constexpr int kThreads = 16;
  constexpr int kRounds = 6;
  std::atomic<int> accepted{0}, moved{0}, walked_in{0}, server_errors{0};
  std::map<std::int64_t, std::atomic<int>> accepts;
  for (const auto& [id, to] : requests) accepts[id] = 0;
  for (int round = 0; round < kRounds; ++round) {
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t, round] {
        std::mt19937 random(static_cast<unsigned>(round * 100 + t));
        std::string method = "POST", target, body, bearer = organizer_;
        std::vector<std::string> headers;
        switch ((t + round) % 3) {
          case 0: {  // everyone accepts the same request
            const auto& [id, to] = requests[static_cast<std::size_t>(round) % requests.size()];
            target = "/api/v1/events/week/requests/" + std::to_string(id) + "/accept";
            bearer = participants_[static_cast<std::size_t>(to)];
            headers.push_back("If-Match: \"v1\"");
            break;
          }
          case 1: {  // every mover wants the same slot and table
            const std::int64_t m = meetings[random() % meetings.size()];
            target = "/api/v1/events/week/meetings/" + std::to_string(m) + "/move";
            body = Json{{"session", session_}, {"slot", round % kSlots}, {"table", 1}}.dump();
            break;
          }
          default: {  // walk-ins between random pairs, all from the same moment
            const int a = static_cast<int>(random() % kOrganizations);
            const int b =
                (a + 1 + static_cast<int>(random() % (kOrganizations - 1))) % kOrganizations;
            target = "/api/v1/events/week/meetings/walk-in";
            body = Json{{"a", Org(a)}, {"b", Org(b)}}.dump();
            break;
          }
        }
        start.arrive_and_wait();
        Response r = Request(port(), method, target, bearer, body.empty() ? "{}" : body, headers);
        if (r.status >= 500 || r.status == 0) ++server_errors;
        if (r.status == 200 && target.ends_with("/accept")) {
          ++accepted;
          ++accepts[r.json()["id"].get<std::int64_t>()];
        }
        if (r.status == 200 && target.ends_with("/move")) ++moved;
        if (r.status == 201) ++walked_in;
        // Losers get a conflict, never a wrong success.
        if (r.status >= 400) {
          EXPECT_TRUE(r.status == 409 || r.status == 412 || r.status == 422)
              << r.status << " " << r.body;
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  std::printf("conflicting writes: %d accepted, %d moved, %d walk-ins created\n", accepted.load(),
              moved.load(), walked_in.load());
  EXPECT_EQ(server_errors.load(), 0);
  for (const auto& [id, count] : accepts) EXPECT_LE(count.load(), 1) << "request " << id;
  EXPECT_GT(accepted.load(), 0);
  EXPECT_GT(moved.load(), 0);
  EXPECT_GT(walked_in.load(), 0);
  ExpectNoDoubleBookingViaApi();
  ExpectConsistent(db_);
}

TEST_F(ServerTest, KillNineMidWriteLeavesAConsistentDatabase) {
  StartServer();
  TokensForAll();
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < 6; ++t) {
    writers.emplace_back([&, t] {
      std::mt19937 random(static_cast<unsigned>(t));
      while (!stop) {
        const int a = static_cast<int>(random() % kOrganizations);
        const int b = (a + 1 + static_cast<int>(random() % (kOrganizations - 1))) % kOrganizations;
        Response r;
        switch (random() % 4) {
          case 0:
            r = Request(port(), "POST", "/api/v1/events/week/meetings/walk-in", organizer_,
                        Json{{"a", Org(a)}, {"b", Org(b)}}.dump());
            break;
          case 1:
            r = Request(port(), "POST", "/api/v1/events/week/requests",
                        participants_[static_cast<std::size_t>(a)],
                        Json{{"to", Org(b)}, {"message", std::string(2000, 'x')}}.dump());
            break;
          default: {
            Response list = Request(port(), "GET", "/api/v1/events/week/requests?status=pending",
                                    participants_[static_cast<std::size_t>(b)]);
            if (list.status != 200) break;
            const Json listed = list.json();
            for (const Json& item : listed["items"]) {
              if (item["to"] != Org(b)) continue;
              const char* reply = random() % 2 ? "accept" : "decline";
              r = Request(port(), "POST",
                          "/api/v1/events/week/requests/" +
                              std::to_string(item["id"].get<std::int64_t>()) + "/" + reply,
                          participants_[static_cast<std::size_t>(b)]);
              break;
            }
          }
        }
        if (r.status != 0) ++answered;
      }
    });
  }
  // Let the load run, then kill the server without warning.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (answered.load() < 60 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  server_->Stop(SIGKILL);
  stop = true;
  for (std::thread& t : writers) t.join();
  EXPECT_GT(answered.load(), 0);
  {
    Sql sql(db_);
    std::printf("killed after %d answered writes: %s requests, %s meetings in the file\n",
                answered.load(), sql.Rows("SELECT COUNT(*) FROM meeting_requests")[0][0].c_str(),
                sql.Rows("SELECT COUNT(*) FROM meetings")[0][0].c_str());
  }

  // The file opens again: readiness, integrity, invariants.
  ExpectConsistent(db_);
  StartServer();
  Response ready = Request(port(), "GET", "/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  organizer_ = Token("organizer@ponte.test");
  ExpectNoDoubleBookingViaApi();
  // And it takes writes again.
  Response w = Request(port(), "POST", "/api/v1/events/week/meetings/walk-in", organizer_,
                       Json{{"a", Org(0)}, {"b", Org(5)}}.dump());
  EXPECT_TRUE(w.status == 201 || w.status == 409) << w.status << " " << w.body;
  server_->Stop(SIGTERM);
  ExpectConsistent(db_);
}

TEST_F(ServerTest, MalformedRequestsNeverCrashIt) {
  StartServer();
  const std::string token = Token("p0@ponte.test");
  std::mt19937 random(7);
  std::vector<std::string> attacks;
  for (int i = 0; i < 20; ++i) {  // garbage bytes
    std::string garbage(static_cast<std::size_t>(1 + random() % 4000), '\0');
    for (char& c : garbage) c = static_cast<char>(random() % 256);
    attacks.push_back(garbage);
  }
  attacks.push_back("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(1 << 20, 'a') +
                    "\r\n\r\n");
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 5000; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  attacks.push_back(many + "\r\n");
  attacks.push_back(
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"email\":");
  attacks.push_back("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}");
  attacks.push_back(
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: "
      "99999999999999999999\r\n\r\n{}");
  attacks.push_back(
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
      "chunked\r\n\r\nZZZ\r\nxx\r\n");
  attacks.push_back(
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: "
      "40\r\n\r\n{\"email\":\"\xff\xfe\xc3\x28\",\"password\":\"\xed\xa0\x80\"}");
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  attacks.push_back(
      "POST /api/v1/events/week/requests HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(deep.size()) +
      "\r\n\r\n" + deep);
  const std::string deep_object = [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "{\"a\":";
    return s + "1" + std::string(100000, '}');
  }();
  attacks.push_back("PATCH /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                    "\r\nContent-Length: " + std::to_string(deep_object.size()) + "\r\n\r\n" +
                    deep_object);
  attacks.push_back("GET /api/v1/events/%ff%fe/agenda HTTP/1.1\r\nHost: x\r\n\r\n");
  attacks.push_back(
      "GET /api/v1/events/week/requests/%00 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
      "\r\n\r\n");
  attacks.push_back("GET " + std::string(100000, '/') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  attacks.push_back("GET /healthz HTTP/9.9\r\n\r\n");
  attacks.push_back("\r\n\r\n\r\n");
  attacks.push_back("GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: " + std::string(60000, ';') +
                    "\r\n\r\n");
  attacks.push_back("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                    std::to_string(32 << 20) + "\r\n\r\n");
  for (std::size_t i = 0; i < attacks.size(); ++i) {
    const std::string answer = Raw(port(), attacks[i]);
    ASSERT_TRUE(server_->Alive()) << "attack " << i << " killed the server";
    const Response r = Parse(answer);
    if (r.status != 0) {
      EXPECT_LT(r.status, 500) << "attack " << i << ": " << answer.substr(0, 300);
    }
  }
  // Many at once, and then it still answers.
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < attacks.size(); i += 8)
        Raw(port(), attacks[i]);
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_TRUE(server_->Alive());
  EXPECT_EQ(Request(port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(Request(port(), "GET", "/api/v1/me", token).status, 200);
}

}  // namespace
}  // namespace ponte
