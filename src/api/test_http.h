// Test helpers for the real server: `ponte serve` (PONTE_BINARY) as a child
// process on a loopback port, and a tiny blocking HTTP/1.1 client over POSIX
// sockets (one connection per request, "Connection: close"). Used by the
// server integration tests; not thread-hostile: every call opens its own socket.
//
//   test_http::Server server(db_path_or_uri, {"--no-jobs"});
//   ASSERT_TRUE(server.Start());
//   test_http::Response r = test_http::Request(server.port(), "GET", "/healthz");
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "model/dataset.h"
#include "service/accounts.h"
#include "store/store.h"

namespace ponte::test_http {

// The small event both real-server tests run on: one day in Beijing
// (Asia/Shanghai), kSmallOrganizations organizations alternating IT/CN, one
// session of kSmallSlots half-hour slots and kSmallTables tables.
inline constexpr std::string_view kSmallZone = "Asia/Shanghai";
inline constexpr int kSmallOrganizations = 8;
inline constexpr int kSmallSlots = 8;
inline constexpr int kSmallTables = 3;

inline Dataset SmallWeek() {
  Dataset data;
  Event e;
  e.key = "week";
  e.name.Set("en", "Week");
  e.time_zone = std::string(kSmallZone);
  e.start_date = {2030, 10, 14};
  e.end_date = {2030, 10, 14};
  data.event = e;
  for (int i = 0; i < kSmallOrganizations; ++i) {
    Organization o;
    o.key = "org" + std::to_string(i);
    o.name.Set("en", "Organization " + std::to_string(i));
    o.country = i % 2 ? "CN" : "IT";
    data.organizations.push_back({.organization = o, .where = {"test", 0}});
  }
  data.sessions.push_back(
      {.session = {.key = "bj",
                   .city = "Beijing",
                   .date = {2030, 10, 14},
                   .start = *FromCivil({2030, 10, 14, 9, 0, 0}, kSmallZone),
                   .end = *FromCivil({2030, 10, 14, 9 + kSmallSlots / 2, 0, 0}, kSmallZone),
                   .slot_length = Minutes(30),
                   .tables = kSmallTables},
       .where = {"test", 0}});
  return data;
}

// The accounts of the small event, all with the password kSmallPassword:
// organizer@ponte.test (organizer) and p0@ponte.test … p7@ponte.test
// (validated participants of the organizations in the order the store lists
// them).
inline constexpr std::string_view kSmallPassword = "correct horse battery";

struct SmallWeekIds {
  Event event;
  std::int64_t session = 0;
  std::vector<std::int64_t> orgs;  // as the store lists them
};

// Imports SmallWeek() into `store` and creates its accounts; fills `ids`.
// Fails the test (fatally) when the import does.
inline void SeedSmallWeek(Store& store, SmallWeekIds& ids) {
  Dataset data = SmallWeek();
  ASSERT_TRUE(store.Import(data, {}).ok());
  ids.event = *store.GetEvent("week");
  ids.session = (*store.ListSessions(ids.event.id)).front().id.value();
  auto organizations = store.ListOrganizations();
  ASSERT_TRUE(organizations.ok()) << organizations.status().ToString();
  for (const Organization& o : *organizations) ids.orgs.push_back(o.id.value());
  auto account = [&](const std::string& email, Membership m) {
    m.event = ids.event.id;
    User u;
    u.email = email;
    u.name = email.substr(0, email.find('@'));
    auto made = service::CreateAccount(store, SystemClock(), u, kSmallPassword, {m},
                                       {.cost = service::kPasswordCostForTests});
    ASSERT_TRUE(made.ok()) << made.status().ToString();
  };
  account("organizer@ponte.test", {.role = Role::kOrganizer});
  for (int i = 0; i < kSmallOrganizations; ++i) {
    account("p" + std::to_string(i) + "@ponte.test",
            {.role = Role::kParticipant,
             .organization = OrganizationId(ids.orgs[static_cast<std::size_t>(i)]),
             .validated = true});
  }
}

// ---- a tiny HTTP/1.1 client ------------------------------------------------------------

struct Response {
  int status = 0;  // 0: no answer (connection refused or closed)
  std::map<std::string, std::string> headers;
  std::string body;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

inline int Connect(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

inline std::string ReadAll(int fd) {
  std::string out;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

inline Response Parse(const std::string& raw) {
  Response r;
  const std::size_t end = raw.find("\r\n\r\n");
  if (end == std::string::npos || !raw.starts_with("HTTP/1.1 ")) return r;
  r.status = std::atoi(raw.c_str() + 9);
  std::size_t at = raw.find("\r\n") + 2;
  while (at < end) {
    const std::size_t eol = raw.find("\r\n", at);
    const std::string line = raw.substr(at, eol - at);
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers[name] = value;
    }
    at = eol + 2;
  }
  r.body = raw.substr(end + 4);
  return r;
}

// Sends raw bytes, half-closes, reads until the server closes.
inline std::string Raw(std::uint16_t port, std::string_view bytes) {
  const int fd = Connect(port);
  if (fd < 0) return "";
  SendAll(fd, bytes);
  ::shutdown(fd, SHUT_WR);
  std::string out = ReadAll(fd);
  ::close(fd);
  return out;
}

inline Response Request(std::uint16_t port, const std::string& method, const std::string& target,
                        const std::string& bearer = "", const std::string& body = "",
                        const std::vector<std::string>& headers = {}) {
  std::string text =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!bearer.empty()) text += "Authorization: Bearer " + bearer + "\r\n";
  for (const std::string& h : headers) text += h + "\r\n";
  if (!body.empty() || method == "POST") {
    text +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  text += "\r\n" + body;
  return Parse(Raw(port, text));
}

// The string `key` of a JSON object, or "". (Not json::value: inlined from
// here, GCC 12 reports a null dereference inside it at -O3.)
inline std::string StringField(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A browser session: the cookie ("ponte_session=...") and its CSRF token.
struct Login {
  std::string cookie;
  std::string csrf;
};

// Signs `email` in over HTTP (password kSmallPassword).
inline Login SignIn(std::uint16_t port, const std::string& email) {
  Response r = Request(port, "POST", "/api/v1/auth/login", "",
                       nlohmann::json{{"email", email}, {"password", kSmallPassword}}.dump());
  EXPECT_EQ(r.status, 200) << r.body;
  const std::string& set_cookie = r.headers["set-cookie"];
  return {set_cookie.substr(0, set_cookie.find(';')), StringField(r.json(), "csrf_token")};
}

// Signs `email` in over HTTP and makes a bearer token.
inline std::string Token(std::uint16_t port, const std::string& email) {
  const Login login = SignIn(port, email);
  Response token = Request(port, "POST", "/api/v1/auth/tokens", "", "{}",
                           {"Cookie: " + login.cookie, "X-CSRF-Token: " + login.csrf});
  EXPECT_EQ(token.status, 201) << token.body;
  return StringField(token.json(), "token");
}

// ---- the server process ----------------------------------------------------------------

class Server {
 public:
  explicit Server(std::string db, std::vector<std::string> extra_args = {})
      : db_(std::move(db)), extra_args_(std::move(extra_args)) {}
  ~Server() { Stop(SIGTERM); }

  // Starts `ponte serve` and waits for its "serving ... at http://host:port/" line.
  bool Start() {
    int out[2];
    if (::pipe(out) != 0) return false;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<std::string> args = {PONTE_BINARY, "serve",       "--db",      db_,
                                       "--listen",   "127.0.0.1:0", "--threads", "4"};
      args.insert(args.end(), extra_args_.begin(), extra_args_.end());
      if (std::find(args.begin(), args.end(), "--log-level") == args.end()) {
        args.insert(args.end(), {"--log-level", "warn"});
      }
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(PONTE_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    // Up to the line that names the port (a child that fails closes the pipe).
    while (line.find("serving") == std::string::npos || line.back() != '\n') {
      if (::read(out[0], &c, 1) != 1) break;
      line += c;
    }
    stdout_ = out[0];
    // Drained until the child exits: a later line must neither meet a closed
    // pipe nor fill it; Output() returns what came.
    reader_ = std::thread([this] {
      char buffer[4096];
      for (;;) {
        const ssize_t n = ::read(stdout_, buffer, sizeof buffer);
        if (n <= 0) break;
        std::lock_guard lock(output_mutex_);
        output_.append(buffer, static_cast<std::size_t>(n));
      }
    });
    const std::size_t at = line.find("http://127.0.0.1:");
    if (at == std::string::npos) return false;
    port_ = static_cast<std::uint16_t>(std::atoi(line.c_str() + at + 17));
    return port_ != 0;
  }

  void Stop(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    if (reader_.joinable()) reader_.join();
    if (stdout_ >= 0) ::close(stdout_);
    stdout_ = -1;
  }

  // The child's standard output so far (its log lines).
  std::string Output() const {
    std::lock_guard lock(output_mutex_);
    return output_;
  }

  bool Alive() const {
    int status = 0;
    return pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == 0;
  }

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }

 private:
  std::string db_;
  std::vector<std::string> extra_args_;
  pid_t pid_ = -1;
  int stdout_ = -1;
  std::uint16_t port_ = 0;
  std::thread reader_;
  mutable std::mutex output_mutex_;
  std::string output_;
};

}  // namespace ponte::test_http
