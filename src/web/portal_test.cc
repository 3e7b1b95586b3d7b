// The portal in process: App::Handle with the portal installed on a small
// temporary store (no server, no browser): sign-in with a form, cookies, the
// CSRF check on forms, escaping, static files with long cache headers, and
// the message catalogs (every key in every language, every template key
// defined). The browser tests in tests/e2e drive the real thing.
#include "web/portal.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "api/app.h"
#include "core/time.h"

namespace ponte::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

constexpr std::string_view kPassword = "correct horse battery";
constexpr std::string_view kZone = "Europe/Rome";

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(PortalCatalogs, EveryKeyInEveryLanguageAndEveryTemplateKeyDefined) {
  const std::filesystem::path dir(PONTE_WEB_DIR);
  std::map<std::string, Json> catalogs;
  for (const char* lang : {"it", "en", "zh"}) {
    catalogs[lang] = Json::parse(ReadAll(dir / "i18n" / (std::string(lang) + ".json")));
  }
  for (const auto& [key, value] : catalogs["en"].items()) {
    EXPECT_TRUE(catalogs["it"].contains(key)) << "it.json lacks " << key;
    EXPECT_TRUE(catalogs["zh"].contains(key)) << "zh.json lacks " << key;
  }
  for (const char* lang : {"it", "zh"}) {
    for (const auto& [key, value] : catalogs[lang].items()) {
      EXPECT_TRUE(catalogs["en"].contains(key))
          << "en.json lacks " << key << " (from " << lang << ")";
    }
  }
  const std::regex key_use(R"(\{\{[#^/]?t\.([a-z_0-9]+)\}\})");
  for (const auto& entry : std::filesystem::directory_iterator(dir / "templates")) {
    const std::string text = ReadAll(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), key_use);
         it != std::sregex_iterator(); ++it) {
      EXPECT_TRUE(catalogs["en"].contains((*it)[1].str()))
          << entry.path().filename() << " uses t." << (*it)[1].str();
    }
  }
}

class PortalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ponte_portal_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const std::string db = (dir_ / "portal.db").string();
    {
      auto store = Store::Open(db, {.create_if_missing = true});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      Dataset data;
      Event e;
      e.key = "week";
      e.name.Set("en", "Italy–China Science Week");
      e.name.Set("zh", "中意科技周");
      e.time_zone = std::string(kZone);
      e.start_date = {2026, 10, 14};
      e.end_date = {2026, 10, 14};
      data.event = e;
      Organization o;
      o.key = "acme";
      o.name.Set("en", "<b>Acme</b> & Sons");
      o.country = "IT";
      o.type = OrganizationType::kCompany;
      data.organizations.push_back({.organization = o, .where = {"test", 0}});
      ASSERT_TRUE((*store)->Import(data, {}).ok());
    }
    api::AppOptions options;
    options.db = db;
    options.data_dir = PONTE_DATA_DIR;
    options.background = false;
    options.accounts.cost = service::kPasswordCostForTests;
    options.extensions.push_back([](api::App& app) { InstallPortal(app); });
    auto app = api::App::Create(options);
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    app_ = std::move(*app);
    app_->WithStore([&](Store& store) {
      const Event event = *store.GetEvent("week");
      const Organization acme = store.ListOrganizations().value().front();
      User u;
      u.email = "anna@acme.test";
      u.name = "Anna";
      u.locale = "zh";
      Membership m{.event = event.id,
                   .role = Role::kParticipant,
                   .organization = acme.id,
                   .validated = true};
      ASSERT_TRUE(service::CreateAccount(store, SystemClock(), u, kPassword, {m},
                                         {.cost = service::kPasswordCostForTests})
                      .ok());
    });
  }

  void TearDown() override {
    app_.reset();
    std::filesystem::remove_all(dir_);
  }

  api::HttpResponse Call(const std::string& method, const std::string& target,
                         const std::string& form = "", const std::string& cookie = "") {
    api::HttpRequest request;
    request.method = method;
    request.target = target;
    request.body = form;
    request.remote_address = "10.0.0.1";
    if (!form.empty())
      request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    if (!cookie.empty()) request.headers.emplace_back("cookie", cookie);
    return app_->Handle(request);
  }

  // Signs in through the form; returns the cookie header and the CSRF token.
  std::pair<std::string, std::string> SignIn() {
    api::HttpResponse r =
        Call("POST", "/login", "email=anna%40acme.test&password=correct+horse+battery&next=%2F");
    EXPECT_EQ(r.status, 303);
    std::string session, lang;
    for (const auto& [k, v] : r.headers) {
      if (k != "Set-Cookie") continue;
      const std::string pair = v.substr(0, v.find(';'));
      if (pair.starts_with("ponte_session=")) session = pair;
      if (pair.starts_with("ponte_lang=")) lang = pair;
    }
    EXPECT_FALSE(session.empty());
    EXPECT_EQ(lang, "ponte_lang=zh");
    const std::string cookie = session + "; " + lang;
    const api::HttpResponse me = Call("GET", "/api/v1/me", "", cookie);
    return {cookie, Json::parse(me.body).value("csrf_token", "")};
  }

  std::filesystem::path dir_;
  std::unique_ptr<api::App> app_;
};

TEST_F(PortalTest, SignInPageHasLabelledFieldsAndLanguageSwitch) {
  const api::HttpResponse r = Call("GET", "/login?lang=it");
  EXPECT_EQ(r.status, 200);
  EXPECT_THAT(r.body, HasSubstr("<html lang=\"it\">"));
  EXPECT_THAT(r.body, HasSubstr("<label for=\"email\">"));
  EXPECT_THAT(r.body, HasSubstr("<label for=\"password\">"));
  EXPECT_THAT(r.body, HasSubstr("name=\"lang\" value=\"zh\""));
}

TEST_F(PortalTest, PagesRedirectToSignInAndWrongPasswordSaysSo) {
  EXPECT_EQ(Call("GET", "/").status, 303);
  const api::HttpResponse r =
      Call("POST", "/login", "email=anna%40acme.test&password=wrong&next=%2F");
  EXPECT_EQ(r.status, 401);
  EXPECT_THAT(r.body, HasSubstr("role=\"alert\""));
}

TEST_F(PortalTest, SignedInPagesAreInTheAccountsLanguageAndEscapeContent) {
  const auto [cookie, csrf] = SignIn();
  const api::HttpResponse home = Call("GET", "/events/week", "", cookie);
  EXPECT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("<html lang=\"zh\">"));
  EXPECT_THAT(home.body, HasSubstr("中意科技周"));
  const api::HttpResponse catalogue = Call("GET", "/events/week/catalogue", "", cookie);
  EXPECT_EQ(catalogue.status, 200);
  EXPECT_THAT(catalogue.body, HasSubstr("&lt;b&gt;Acme&lt;/b&gt; &amp; Sons"));
  EXPECT_THAT(catalogue.body, Not(HasSubstr("<b>Acme</b>")));
  EXPECT_EQ(Call("GET", "/events/week/agenda", "", cookie).status, 200);
  EXPECT_EQ(Call("GET", "/events/week/requests", "", cookie).status, 200);
  // Organizer pages are not for participants.
  EXPECT_EQ(Call("GET", "/events/week/schedule", "", cookie).status, 403);
}

TEST_F(PortalTest, FormsNeedTheCsrfTokenAndTheLanguageSwitchUpdatesTheAccount) {
  const auto [cookie, csrf] = SignIn();
  EXPECT_EQ(Call("POST", "/lang", "lang=it&next=%2F", cookie).status, 403);
  const api::HttpResponse r =
      Call("POST", "/lang", "lang=it&next=%2Fevents%2Fweek&_csrf=" + csrf, cookie);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Get("Location"), "/events/week");
  // Without the cookie, the account's language now says Italian.
  const std::string session = cookie.substr(0, cookie.find(';'));
  EXPECT_THAT(Call("GET", "/events/week", "", session).body, HasSubstr("<html lang=\"it\">"));
}

TEST_F(PortalTest, StaticFilesAreCachedForAYear) {
  const api::HttpResponse css = Call("GET", "/static/portal.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_THAT(std::string(css.Get("Cache-Control")), HasSubstr("max-age=31536000"));
  EXPECT_EQ(Call("GET", "/static/nothing.js").status, 404);
  if (std::filesystem::exists(std::filesystem::path(PONTE_NODE_MODULES) / "htmx.org")) {
    const api::HttpResponse htmx = Call("GET", "/static/vendor/htmx.min.js");
    EXPECT_EQ(htmx.status, 200);
    EXPECT_THAT(std::string(htmx.Get("Content-Type")), HasSubstr("javascript"));
  }
}

}  // namespace
}  // namespace ponte::web
