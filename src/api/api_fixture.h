// Test fixture for the JSON API in process: App::Handle on a temporary SQLite
// store, a fake clock and no background thread (BackgroundRound is called by
// hand). Shared by the API tests; each derives, imports its own data and
// makes its own accounts.
//
//   class MyApiTest : public AppTest {
//     MyApiTest() : AppTest(*FromCivil({2026, 10, 1, 9, 0, 0}, "Asia/Shanghai")) {}
//     void SetUp() override { ASSERT_NO_FATAL_FAILURE(StartApp("ponte_my_test_", {Data()})); }
//   };
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/app.h"
#include "api/json.h"

namespace ponte::api {

inline constexpr std::string_view kPassword = "correct horse battery";

// A caller: a bearer token, or a browser session (cookie and CSRF token).
struct Caller {
  std::string bearer;
  std::string cookie;
  std::string csrf;
  std::string name = "anonymous";
};

struct Reply {
  int status = 0;
  HttpResponse response;
  Json body;
};

class AppTest : public ::testing::Test {
 protected:
  explicit AppTest(Instant now) : clock_(now) {}

  // Makes a fresh folder named after `prefix` and the test, imports `data`
  // (in order) into a new store there, and creates the app on it with
  // `options` (db, base URL, clock, no background and the cheap password cost
  // are set here). Fails the test (fatally) when any step fails; the caller
  // then fills event_ and org_ from the store.
  void StartApp(std::string_view prefix, const std::vector<Dataset>& data,
                AppOptions options = {}) {
    dir_ = std::filesystem::temp_directory_path() /
           (std::string(prefix) + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const std::string db = (dir_ / "api.db").string();
    {
      auto store = Store::Open(db, {.create_if_missing = true});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      for (const Dataset& one : data) {
        auto imported = (*store)->Import(one, {});
        ASSERT_TRUE(imported.ok()) << imported.status().ToString();
      }
    }
    options.db = db;
    options.base_url = "https://ponte.test";
    options.background = false;
    options.clock = &clock_;
    options.accounts.cost = service::kPasswordCostForTests;
    auto app = App::Create(options);
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    app_ = std::move(*app);
  }

  void TearDown() override {
    app_.reset();
    std::filesystem::remove_all(dir_);
  }

  // A user with `memberships` in event_, named after the email's local part.
  UserId Account(const std::string& email, std::vector<Membership> memberships) {
    for (Membership& m : memberships) m.event = event_.id;
    User u;
    u.email = email;
    u.name = email.substr(0, email.find('@'));
    return app_->WithStore([&](Store& store) {
      auto user = service::CreateAccount(store, clock_, u, kPassword, memberships,
                                         {.cost = service::kPasswordCostForTests});
      EXPECT_TRUE(user.ok()) << user.status().ToString();
      return user.ok() ? user->id : UserId();
    });
  }

  // One request from 10.0.0.1 to host ponte.test:8080; a body is JSON.
  Reply Call(const std::string& method, const std::string& target, const Caller& who,
             const std::string& body = "", HeaderList headers = {}) {
    HttpRequest request;
    request.method = method;
    request.target = target;
    request.body = body;
    request.remote_address = "10.0.0.1";
    request.headers = std::move(headers);
    request.headers.emplace_back("host", "ponte.test:8080");
    if (!body.empty()) request.headers.emplace_back("content-type", "application/json");
    if (!who.bearer.empty()) request.headers.emplace_back("authorization", "Bearer " + who.bearer);
    if (!who.cookie.empty()) {
      request.headers.emplace_back("cookie", "ponte_session=" + who.cookie);
      if (!who.csrf.empty()) request.headers.emplace_back("x-csrf-token", who.csrf);
    }
    Reply r;
    r.response = app_->Handle(request);
    r.status = r.response.status;
    if (r.response.Get("Content-Type").starts_with("application/json")) {
      r.body = Json::parse(r.response.body, nullptr, false);
    }
    return r;
  }
  Reply Get(const std::string& target, const Caller& who) { return Call("GET", target, who); }
  Reply Post(const std::string& target, const Caller& who, const Json& body = Json::object(),
             HeaderList headers = {}) {
    return Call("POST", target, who, body.dump(), std::move(headers));
  }

  // Signs in through the API: the session cookie and its CSRF token.
  Caller Login(const std::string& email, std::string_view password = kPassword) {
    Reply r = Post("/api/v1/auth/login", {}, {{"email", email}, {"password", password}});
    EXPECT_EQ(r.status, 200) << r.response.body;
    Caller c;
    c.name = email;
    const std::string cookie(r.response.Get("Set-Cookie"));
    const std::size_t eq = cookie.find('='), semi = cookie.find(';');
    if (eq != std::string::npos && semi != std::string::npos) {
      c.cookie = cookie.substr(eq + 1, semi - eq - 1);
    }
    c.csrf = r.body.value("csrf_token", "");
    return c;
  }

  // A bearer API token made from a session.
  Caller Bearer(const std::string& email) {
    const Caller session = Login(email);
    Reply r = Post("/api/v1/auth/tokens", session, {{"label", "test"}});
    EXPECT_EQ(r.status, 201) << r.response.body;
    Caller c;
    c.name = email;
    c.bearer = r.body.value("token", "");
    return c;
  }

  std::string EventPath(const std::string& rest = "") { return "/api/v1/events/week" + rest; }

  std::filesystem::path dir_;
  FakeClock clock_;
  std::unique_ptr<App> app_;
  Event event_;
  std::map<std::string, OrganizationId> org_;
};

}  // namespace ponte::api
