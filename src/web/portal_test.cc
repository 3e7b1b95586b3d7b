// The portal in process: App::Handle with the portal installed on a small
// temporary store (no server, no browser): sign-in with a form, cookies, the
// CSRF check on forms, escaping, static files with long cache headers, and
// the message catalogs (every key in every language, every template key
// defined). The browser tests in tests/e2e drive the real thing.
#include "web/portal.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "api/app.h"
#include "api/http.h"
#include "core/time.h"
#include "service/event_setup.h"
#include "web/portal_fixture.h"

namespace ponte::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

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

TEST(PortalCatalogs, EveryKeyThePagesAskForIsDefined) {
  const std::filesystem::path dir(PONTE_WEB_DIR);
  const Json en = Json::parse(ReadAll(dir / "i18n" / "en.json"));
  // site.T(locale, "key") with a literal key; keys made at run time
  // ("field_" + code) have their own tests.
  const std::regex literal(R"re(\bT\((?:[^,()]|\(\))+,\s*"([a-z_0-9]+)"\))re");
  int found = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".cc" || entry.path().filename() == "portal_test.cc") continue;
    const std::string text = ReadAll(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal);
         it != std::sregex_iterator(); ++it, ++found) {
      EXPECT_TRUE(en.contains((*it)[1].str()))
          << entry.path().filename() << " asks for " << (*it)[1].str();
    }
  }
  EXPECT_GE(found, 10);  // the pattern still matches how the pages ask
}

TEST(PortalCatalogs, EveryFieldErrorAndMatchingPhaseHasAMessage) {
  const std::filesystem::path dir(PONTE_WEB_DIR);
  for (const char* lang : {"it", "en", "zh"}) {
    const Json catalog = Json::parse(ReadAll(dir / "i18n" / (std::string(lang) + ".json")));
    for (std::string_view code : service::kFieldErrorCodes) {
      EXPECT_TRUE(catalog.contains("field_" + std::string(code)))
          << lang << " lacks field_" << code;
    }
    for (const char* phase : {"queued", "model", "profiles", "ranking", "pairs"}) {
      EXPECT_TRUE(catalog.contains(std::string("match_phase_") + phase)) << lang << " " << phase;
    }
  }
}

class PortalTest : public PortalFixture {
 protected:
  // One event in Rome's zone and acme, whose name needs escaping.
  static Dataset TestData() {
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
    return data;
  }

  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(StartPortal("ponte_portal_test_", TestData()));
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
      User o;
      o.email = "olga@week.test";
      o.name = "Olga";
      o.locale = "en";
      Membership om{.event = event.id, .role = Role::kOrganizer, .validated = true};
      ASSERT_TRUE(service::CreateAccount(store, SystemClock(), o, kPassword, {om},
                                         {.cost = service::kPasswordCostForTests})
                      .ok());
      acme_id_ = acme.id.value();
    });
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

  // Signs in `email` (password kPassword); returns the cookie header and the CSRF token.
  std::pair<std::string, std::string> SignInAs(const std::string& email) {
    api::HttpResponse r =
        Call("POST", "/login",
             "email=" + api::PercentEncode(email) + "&password=correct+horse+battery&next=%2F");
    EXPECT_EQ(r.status, 303) << email;
    std::string cookie;
    for (const auto& [k, v] : r.headers) {
      if (k != "Set-Cookie") continue;
      cookie += (cookie.empty() ? "" : "; ") + v.substr(0, v.find(';'));
    }
    const api::HttpResponse me = Call("GET", "/api/v1/me", "", cookie);
    return {cookie, Json::parse(me.body).value("csrf_token", "")};
  }

  // The token in the last mail of `kind` ("verify", "invitation").
  std::string MailedToken(const std::string& kind) {
    std::string token;
    app_->WithStore([&](Store& store) {
      auto mails = store.ListOutbox(100, false);
      ASSERT_TRUE(mails.ok());
      const std::regex link(R"(token=([A-Za-z0-9_-]+))");
      for (const OutboxMessage& m : *mails) {
        std::smatch match;
        if (m.kind == kind && std::regex_search(m.body, match, link)) token = match[1].str();
      }
    });
    EXPECT_FALSE(token.empty()) << "no " << kind << " mail";
    return token;
  }

  std::size_t OrganizationCount() {
    std::size_t n = 0;
    app_->WithStore([&](Store& store) { n = store.ListOrganizations().value().size(); });
    return n;
  }

  std::int64_t acme_id_ = 0;
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

TEST_F(PortalTest, RegistrationMailsALinkThatConfirmsTheAddressOnce) {
  const api::HttpResponse form = Call("GET", "/register?event=week&lang=en");
  EXPECT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("name=\"event\" value=\"week\""));
  EXPECT_THAT(form.body, HasSubstr("<label for=\"reg-password\">"));
  // A weak password: the form comes back with the reason and the input escaped.
  const api::HttpResponse weak =
      Call("POST", "/register",
           "name=%3Ci%3EBo%3C%2Fi%3E&email=bo%40x.test&password=short&locale=en&event=week");
  EXPECT_EQ(weak.status, 200);
  EXPECT_THAT(weak.body, HasSubstr("role=\"alert\""));
  EXPECT_THAT(weak.body, HasSubstr("&lt;i&gt;Bo&lt;/i&gt;"));
  EXPECT_THAT(weak.body, Not(HasSubstr("<i>Bo</i>")));
  const api::HttpResponse done =
      Call("POST", "/register",
           "name=Bo&email=bo%40x.test&password=correct+horse+battery&locale=en&event=week");
  EXPECT_EQ(done.status, 200);
  EXPECT_THAT(done.body, HasSubstr("id=\"check-mail\""));
  EXPECT_THAT(done.body, HasSubstr("bo@x.test"));
  // Signing in waits for the confirmation.
  EXPECT_EQ(Call("POST", "/login", "email=bo%40x.test&password=correct+horse+battery").status,
            401);  // not verified yet
  const std::string token = MailedToken("verify");
  // Opening the link does not use the token up: the button does.
  const api::HttpResponse page = Call("GET", "/verify?token=" + token);
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("value=\"" + token + "\""));
  const api::HttpResponse verified = Call("POST", "/verify", "token=" + token);
  EXPECT_EQ(verified.status, 200);
  EXPECT_THAT(verified.body, HasSubstr("id=\"verified\""));
  const api::HttpResponse again = Call("POST", "/verify", "token=" + token);
  EXPECT_THAT(again.body, HasSubstr("role=\"alert\""));
  EXPECT_THAT(again.body, Not(HasSubstr("id=\"verified\"")));
  EXPECT_EQ(Call("POST", "/login", "email=bo%40x.test&password=correct+horse+battery").status, 303);
}

TEST_F(PortalTest, OrganizerInvitesAndTheInvitationIsAccepted) {
  const auto [cookie, csrf] = SignInAs("olga@week.test");
  const api::HttpResponse form = Call("GET", "/events/week/invitations", "", cookie);
  EXPECT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("&lt;b&gt;Acme&lt;/b&gt; &amp; Sons"));
  const std::string invite =
      "email=new%40acme.test&role=participant&organization=" + std::to_string(acme_id_) +
      "&interpreter=0";
  EXPECT_EQ(Call("POST", "/events/week/invitations", invite, cookie).status, 403);  // no CSRF
  const api::HttpResponse sent =
      Call("POST", "/events/week/invitations", invite + "&_csrf=" + csrf, cookie);
  EXPECT_EQ(sent.status, 200);
  EXPECT_THAT(sent.body, HasSubstr("id=\"invited\""));
  // A participant without an organization is refused with the reason.
  const api::HttpResponse refused =
      Call("POST", "/events/week/invitations",
           "email=x%40y.test&role=participant&organization=0&_csrf=" + csrf, cookie);
  EXPECT_THAT(refused.body, HasSubstr("role=\"alert\""));

  const std::string token = MailedToken("invitation");
  const api::HttpResponse page = Call("GET", "/invitation?token=" + token);
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<label for=\"inv-password\">"));
  const api::HttpResponse weak =
      Call("POST", "/invitation", "token=" + token + "&name=%22Neo%22&password=short");
  EXPECT_EQ(weak.status, 200);
  EXPECT_THAT(weak.body, HasSubstr("role=\"alert\""));
  EXPECT_THAT(weak.body, HasSubstr("value=\"&quot;Neo&quot;\""));
  const api::HttpResponse accepted =
      Call("POST", "/invitation", "token=" + token + "&name=Neo&password=correct+horse+battery");
  EXPECT_EQ(accepted.status, 303);
  EXPECT_EQ(accepted.Get("Location"), "/login?accepted=1");
  EXPECT_THAT(Call("GET", "/login?accepted=1").body, HasSubstr("id=\"login-notice\""));
  const auto [neo, neo_csrf] = SignInAs("new@acme.test");
  EXPECT_EQ(Call("GET", "/events/week/organization", "", neo).status, 200);
}

TEST_F(PortalTest, ParticipantsCannotReachOrganizerPages) {
  const auto [cookie, csrf] = SignIn();
  for (const char* path :
       {"/events/week/import", "/events/week/invitations", "/events/week/exports/event.xlsx",
        "/events/week/participants", "/events/week/setup", "/events/week/matching"}) {
    EXPECT_EQ(Call("GET", path, "", cookie).status, 403) << path;
  }
  const std::string form = "kind=organizations&content=key&_csrf=" + csrf;
  for (const char* path :
       {"/events/week/import/preview", "/events/week/import", "/events/week/invitations",
        "/events/week/walk-ins", "/events/week/setup/event", "/events/week/matching/jobs"}) {
    EXPECT_EQ(Call("POST", path, form, cookie).status, 403) << path;
  }
  // Nobody signed in: refused like every event page.
  EXPECT_EQ(Call("GET", "/events/week/import").status, 401);
}

TEST_F(PortalTest, ImportPreviewNamesTheLineAndSavesNothingUntilConfirmed) {
  const auto [cookie, csrf] = SignInAs("olga@week.test");
  EXPECT_EQ(Call("GET", "/events/week/import", "", cookie).status, 200);
  const std::string base = "/events/week/import";
  // Line 3 has an unknown organization type.
  const std::string bad = api::PercentEncode(
      "key,name_en,type,country\nit-a,Alpha,university,IT\nit-b,<Beta>,spaceship,IT\n");
  const api::HttpResponse error = Call(
      "POST", base + "/preview",
      "file_name=organizations.csv&kind=organizations&content=" + bad + "&_csrf=" + csrf, cookie);
  EXPECT_EQ(error.status, 200);
  EXPECT_THAT(error.body, HasSubstr("id=\"import-error\""));
  EXPECT_THAT(error.body, HasSubstr("organizations.csv:3"));
  EXPECT_THAT(error.body, HasSubstr("type"));
  EXPECT_THAT(error.body, Not(HasSubstr("id=\"import-preview\"")));
  // Without CSRF: refused.
  EXPECT_EQ(Call("POST", base + "/preview", "kind=organizations&content=" + bad, cookie).status,
            403);
  // Not UTF-8, and too large.
  const api::HttpResponse latin1 =
      Call("POST", base + "/preview",
           "kind=organizations&content=key%2Cname_en%0Ait-c%2CCaf%E9&_csrf=" + csrf, cookie);
  EXPECT_THAT(latin1.body, HasSubstr("UTF-8"));
  EXPECT_THAT(latin1.body, HasSubstr("role=\"alert\""));
  const api::HttpResponse huge = Call(
      "POST", base + "/preview",
      "kind=organizations&content=" + std::string((4u << 20) + 1, 'a') + "&_csrf=" + csrf, cookie);
  EXPECT_THAT(huge.body, HasSubstr("MiB"));
  // A good file: the preview counts, nothing saved until confirmed.
  const std::size_t before = OrganizationCount();
  const std::string good = api::PercentEncode(
      "key,name_en,type,country\nit-a,Alpha,university,IT\nacme,<b>Acme</b> & Sons,company,IT\n");
  const api::HttpResponse preview =
      Call("POST", base + "/preview",
           "file_name=C%3A%5Cdata%5Corganizations.csv&content=" + good + "&_csrf=" + csrf, cookie);
  EXPECT_EQ(preview.status, 200);
  EXPECT_THAT(preview.body, HasSubstr("id=\"import-preview\""));
  EXPECT_THAT(preview.body, HasSubstr("id=\"import-confirm\""));
  EXPECT_THAT(preview.body, HasSubstr("&lt;b&gt;Acme&lt;/b&gt; &amp; Sons"));  // in the textarea
  EXPECT_THAT(preview.body, Not(HasSubstr("<b>Acme</b>")));
  EXPECT_EQ(OrganizationCount(), before);
  const api::HttpResponse imported =
      Call("POST", base, "file_name=organizations.csv&content=" + good + "&_csrf=" + csrf, cookie);
  EXPECT_EQ(imported.status, 200);
  EXPECT_THAT(imported.body, HasSubstr("id=\"import-counts\""));
  EXPECT_EQ(OrganizationCount(), before + 1);
}

TEST_F(PortalTest, ImportPreviewListsEveryErrorOfEveryFile) {
  const auto [cookie, csrf] = SignInAs("olga@week.test");
  // Line 3: an unknown type; line 7 (after a blank line and a quoted line
  // break): an unknown country; people.csv:3 names an organization
  // that exists nowhere, which only the database check finds.
  const std::string orgs = api::PercentEncode(
      "key,name_en,type,country\nok-a,Alpha,university,IT\nbad-b,Beta,spaceship,IT\n\n"
      "ok-c,\"Gamma\nLab\",company,CN\nbad-d,Delta,company,XX\n");
  const std::string people = api::PercentEncode(
      "key,organization,given_name,family_name,languages\np-1,ok-a,Anna,Verdi,it\n"
      "p-2,nowhere,Bo,Li,zh\np-3,ok-c,Chen,Wu,zh;en\n");
  const std::size_t before = OrganizationCount();
  const std::string form = "file_name=organizations.csv&content=" + orgs +
                           "&file_name=people.csv&content=" + people + "&_csrf=" + csrf;
  for (const char* target : {"/events/week/import/preview", "/events/week/import"}) {
    const api::HttpResponse r = Call("POST", target, form, cookie);
    EXPECT_EQ(r.status, 200);
    EXPECT_THAT(r.body, HasSubstr("id=\"import-errors\""));
    EXPECT_THAT(r.body, HasSubstr("3 problems found"));
    EXPECT_THAT(r.body, HasSubstr("organizations.csv:3"));
    EXPECT_THAT(r.body, HasSubstr("organizations.csv:7"));
    EXPECT_THAT(r.body, HasSubstr("people.csv:3"));
    EXPECT_THAT(r.body, Not(HasSubstr("id=\"import-counts\"")));
    EXPECT_EQ(OrganizationCount(), before) << target;  // nothing saved while any error remains
  }
}

// A key given twice in one upload is reported with where it came first (the
// records are read one by one, so the database alone would keep the later).
TEST_F(PortalTest, ImportPreviewReportsAKeyGivenTwice) {
  const auto [cookie, csrf] = SignInAs("olga@week.test");
  const std::string orgs = api::PercentEncode(
      "key,name_en,type,country\nnew-pm,Politecnico,university,IT\nok-b,Beta,company,IT\n"
      "new-pm,Politecnico again,university,IT\n");
  const std::string more =
      api::PercentEncode("key,name_it,type,country\nok-b,Beta di nuovo,company,IT\n");
  const std::size_t before = OrganizationCount();
  for (const char* target : {"/events/week/import/preview", "/events/week/import"}) {
    const api::HttpResponse r = Call("POST", target,
                                     "file_name=organizations.csv&content=" + orgs +
                                         "&file_name=more-organizations.csv&content=" + more +
                                         "&kind=organizations&_csrf=" + csrf,
                                     cookie);
    EXPECT_EQ(r.status, 200);
    EXPECT_THAT(r.body, HasSubstr("id=\"import-errors\""));
    EXPECT_THAT(r.body, HasSubstr("2 problems found"));
    EXPECT_THAT(r.body, HasSubstr("organizations.csv:4: column &apos;key&apos;: duplicate "
                                  "organization key &apos;new-pm&apos;, first at line 2"));
    EXPECT_THAT(r.body, HasSubstr("more-organizations.csv:2"));
    EXPECT_THAT(r.body, HasSubstr("first at organizations.csv:3"));
    EXPECT_EQ(OrganizationCount(), before) << target;
  }
}

TEST_F(PortalTest, ImportReadsSeveralFilesAsOneDataset) {
  const auto [cookie, csrf] = SignInAs("olga@week.test");
  // people.csv refers to an organization that only organizations.csv brings.
  const std::string orgs =
      api::PercentEncode("key,name_en,type,country\ncn-new,New Lab,research,CN\n");
  const std::string people = api::PercentEncode(
      "key,organization,given_name,family_name,languages\np-wei,cn-new,伟,王,zh;en\n");
  const std::string form = "file_name=organizations.csv&content=" + orgs +
                           "&file_name=people.csv&content=" + people + "&_csrf=" + csrf;
  const api::HttpResponse preview = Call("POST", "/events/week/import/preview", form, cookie);
  EXPECT_THAT(preview.body, HasSubstr("id=\"import-preview\""));
  EXPECT_THAT(preview.body, HasSubstr("organizations.csv, people.csv"));
  EXPECT_THAT(preview.body, HasSubstr("value=\"people.csv\""));
  const std::size_t before = OrganizationCount();
  EXPECT_THAT(Call("POST", "/events/week/import", form, cookie).body,
              HasSubstr("id=\"import-counts\""));
  EXPECT_EQ(OrganizationCount(), before + 1);
  // An error in the second file names that file and line.
  const std::string bad = api::PercentEncode(
      "key,organization,given_name,family_name,languages\np-x,cn-new,A,B,zh\np-y,nowhere,C,D,en\n");
  const api::HttpResponse error =
      Call("POST", "/events/week/import/preview",
           "file_name=people.csv&content=" + bad + "&_csrf=" + csrf, cookie);
  EXPECT_THAT(error.body, HasSubstr("id=\"import-error\""));
  EXPECT_THAT(error.body, HasSubstr("people.csv:3"));
  EXPECT_THAT(error.body, HasSubstr("nowhere"));
}

TEST_F(PortalTest, OrganizersDownloadTheEventAsXlsx) {
  const auto [cookie, csrf] = SignInAs("olga@week.test");
  const api::HttpResponse r = Call("GET", "/events/week/exports/event.xlsx", "", cookie);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(std::string(r.Get("Content-Type")),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(std::string(r.Get("Content-Disposition")), "attachment; filename=\"week.xlsx\"");
  EXPECT_TRUE(r.body.starts_with("PK")) << "not a zip";
}

TEST_F(PortalTest, WalkInNeedsStaffAndCsrfAndShowsWhyItFailed) {
  const auto [cookie, csrf] = SignInAs("olga@week.test");
  const api::HttpResponse page = Call("GET", "/events/week/schedule", "", cookie);
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("id=\"walk-in-form\""));
  EXPECT_THAT(page.body, HasSubstr("name=\"allow_moves\""));
  const std::string form = "a=" + std::to_string(acme_id_) + "&b=" + std::to_string(acme_id_);
  EXPECT_EQ(Call("POST", "/events/week/walk-ins", form, cookie).status, 403);
  // An organization cannot meet itself (and the event has no sessions): the reason shows.
  const api::HttpResponse refused =
      Call("POST", "/events/week/walk-ins", form + "&_csrf=" + csrf, cookie);
  EXPECT_EQ(refused.status, 200);
  EXPECT_THAT(refused.body, HasSubstr("role=\"alert\""));
}

TEST_F(PortalTest, ParticipantsEditTheirOwnProfilesInEveryLanguage) {
  const auto [cookie, csrf] = SignIn();
  EXPECT_EQ(Call("POST", "/events/week/organization/profiles",
                 "kind=offer&lang=en&title=Sensors&text=&keywords=iot&_csrf=" + csrf, cookie)
                .status,
            303);
  std::int64_t profile = 0;
  app_->WithStore([&](Store& store) {
    profile = store.ListProfilesOf(OrganizationId(acme_id_)).value().front().id.value();
  });
  const std::string target = "/events/week/organization/profiles/" + std::to_string(profile);
  const std::string edit =
      "title_en=Sensors&title_it=Sensori&title_zh=%3Cscript%3E%E4%BC%A0%E6%84%9F%E5%99%A8&"
      "text_en=&text_it=&text_zh=&keywords=iot%2C+mems&cooperation=joint_research";
  EXPECT_EQ(Call("POST", target, edit, cookie).status, 403);  // no CSRF
  EXPECT_EQ(Call("POST", target, edit + "&_csrf=" + csrf, cookie).status, 303);
  const api::HttpResponse page = Call("GET", "/events/week/organization", "", cookie);
  EXPECT_THAT(page.body, HasSubstr("&lt;script&gt;传感器"));
  EXPECT_THAT(page.body, Not(HasSubstr("<script>传感器")));
  EXPECT_THAT(page.body, HasSubstr("value=\"Sensori\""));
  EXPECT_THAT(page.body, HasSubstr("value=\"joint_research\" checked"));
  app_->WithStore([&](Store& store) {
    const Profile p = store.ListProfilesOf(OrganizationId(acme_id_)).value().front();
    EXPECT_EQ(p.title.Get("it"), "Sensori");
    EXPECT_EQ(p.keywords, (std::vector<std::string>{"iot", "mems"}));
  });
  // Another organization's profile (or one that does not exist) is refused.
  const api::HttpResponse other =
      Call("POST", "/events/week/organization/profiles/999999", edit + "&_csrf=" + csrf, cookie);
  EXPECT_THAT(other.body, HasSubstr("role=\"alert\""));
}

TEST_F(PortalTest, ParticipantsEditDelegatesWithFieldErrorsAndStaleForms) {
  const auto [cookie, csrf] = SignIn();  // Anna reads Chinese
  const std::string add =
      "given_name=Marco&family_name=Bianchi&role=CTO&email=not-an-address&languages=it&"
      "languages=xx&languages=it&languages=&_csrf=" +
      csrf;
  const api::HttpResponse refused = Call("POST", "/events/week/people", add, cookie);
  EXPECT_EQ(refused.status, 200);
  EXPECT_THAT(refused.body, HasSubstr("id=\"pf-new-email-err\""));
  EXPECT_THAT(refused.body, HasSubstr("不是有效的电子邮箱地址"));  // beside the field, in Chinese
  EXPECT_THAT(refused.body, HasSubstr("未知的语言代码“xx”"));
  EXPECT_THAT(refused.body, HasSubstr("aria-invalid=\"true\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"Bianchi\""));  // what was typed is kept
  // The language switch of a refused form goes back to the page of the form.
  api::HttpRequest again;
  again.method = "POST";
  again.target = "/events/week/people";
  again.body = add;
  again.remote_address = "10.0.0.1";
  again.headers = {{"content-type", "application/x-www-form-urlencoded"},
                   {"cookie", cookie},
                   {"referer", "http://127.0.0.1:8080/events/week/people?saved=1"}};
  EXPECT_THAT(app_->Handle(again).body,
              HasSubstr("name=\"next\" value=\"/events/week/people?saved=1\""));
  app_->WithStore([&](Store& store) {
    EXPECT_TRUE(store.ListPeopleOf(OrganizationId(acme_id_)).value().empty());
  });

  const std::string good =
      "given_name=Marco&family_name=Bianchi&role=CTO&email=marco%40acme.test&languages=it&"
      "languages=zh&languages=&_csrf=" +
      csrf;
  EXPECT_EQ(Call("POST", "/events/week/people", good, cookie).status, 303);
  Person marco;
  int version = 0;
  app_->WithStore([&](Store& store) {
    marco = store.ListPeopleOf(OrganizationId(acme_id_)).value().at(0);
    version = store.GetPersonVersion(marco.id).value();
  });
  EXPECT_EQ(marco.languages, (std::vector<std::string>{"it", "zh"}));
  const std::string target = "/events/week/people/" + std::to_string(marco.id.value());
  const std::string edit =
      "given_name=Marco&family_name=Bianchi&role=CEO&languages=zh&"
      "languages=it&_csrf=" +
      csrf + "&version=" + std::to_string(version);
  EXPECT_EQ(Call("POST", target, edit, cookie).status, 303);
  // The same form again carries the old version: a conflict, nothing changed.
  const api::HttpResponse stale =
      Call("POST", target,
           "given_name=Marco&family_name=Bianchi&role=stale&languages=en&_csrf=" + csrf +
               "&version=" + std::to_string(version),
           cookie);
  EXPECT_EQ(stale.status, 200);
  EXPECT_THAT(stale.body, HasSubstr("error conflict"));
  EXPECT_THAT(stale.body, HasSubstr("有人修改了此人员的信息"));
  app_->WithStore([&](Store& store) {
    const Person now = store.ListPeopleOf(OrganizationId(acme_id_)).value().at(0);
    EXPECT_EQ(now.role, "CEO");
    EXPECT_EQ(now.languages, (std::vector<std::string>{"zh", "it"}));
  });
  const api::HttpResponse page = Call("GET", "/events/week/people", "", cookie);
  EXPECT_THAT(page.body, HasSubstr("中文"));  // ICU's name of the language, in Chinese
  EXPECT_THAT(page.body, HasSubstr("意大利语"));
}

TEST_F(PortalTest, OrganizersSetUpSessionsByFormWithErrorsBesideTheFields) {
  const auto [anna, anna_csrf] = SignIn();
  const std::string bad =
      "key=&date=2026-10-14&city=Roma&venue=&start=14%3A00&end=13%3A00&"
      "slot_minutes=30&tables=0&breaks=";
  EXPECT_EQ(Call("POST", "/events/week/setup/sessions", bad + "&_csrf=" + anna_csrf, anna).status,
            403);
  const auto [olga, csrf] = SignInAs("olga@week.test");  // reads English
  const api::HttpResponse refused =
      Call("POST", "/events/week/setup/sessions", bad + "&_csrf=" + csrf, olga);
  EXPECT_EQ(refused.status, 200);
  EXPECT_THAT(refused.body, HasSubstr("id=\"sf-new-end-err\">Must be after the start."));
  EXPECT_THAT(refused.body, HasSubstr("id=\"sf-new-tables-err\">Expected a number from 1 to 500."));
  app_->WithStore([&](Store& store) {
    EXPECT_TRUE(store.ListSessions(store.GetEvent("week")->id).value().empty());
  });
  const std::string good =
      "key=&date=2026-10-14&city=Roma&venue=Villa&start=09%3A00&end=12%3A00&"
      "slot_minutes=30&tables=8&breaks=10%3A30-11%3A00";
  EXPECT_EQ(Call("POST", "/events/week/setup/sessions", good + "&_csrf=" + csrf, olga).status, 303);
  const api::HttpResponse page = Call("GET", "/events/week/setup", "", olga);
  EXPECT_THAT(page.body, HasSubstr("data-session=\"2026-10-14-roma\""));
  EXPECT_THAT(page.body, HasSubstr("Roma, Villa"));
  const api::HttpResponse matching = Call("GET", "/events/week/matching", "", olga);
  EXPECT_EQ(matching.status, 200);
  EXPECT_THAT(matching.body, HasSubstr("id=\"run-matching\""));
}

TEST_F(PortalTest, OrganizersChangeAndRemoveInterpretersAndSessions) {
  const auto [olga, csrf] = SignInAs("olga@week.test");
  const std::string session =
      "key=&date=2026-10-14&city=Roma&venue=Villa&start=09%3A00&end=12%3A00&"
      "slot_minutes=30&tables=8&breaks=";
  ASSERT_EQ(Call("POST", "/events/week/setup/sessions", session + "&_csrf=" + csrf, olga).status,
            303);
  std::int64_t rome = 0;
  app_->WithStore([&](Store& store) {
    rome = store.ListSessions(store.GetEvent("week")->id)->front().id.value();
  });
  ASSERT_EQ(Call("POST", "/events/week/setup/interpreters",
                 "name=Li+Na+%E6%9D%8E%E5%A8%9C&pairs=it-zh&sessions=" + std::to_string(rome) +
                     "&_csrf=" + csrf,
                 olga)
                .status,
            303);
  const api::HttpResponse page = Call("GET", "/events/week/setup", "", olga);
  EXPECT_THAT(page.body, HasSubstr("id=\"interpreter-form-interpreter-li-na\""));
  EXPECT_THAT(page.body, HasSubstr("id=\"remove-interpreter-interpreter-li-na\""));
  EXPECT_THAT(page.body, HasSubstr("id=\"remove-session-2026-10-14-roma\""));

  // A wrong change is refused beside its field; a good one is saved.
  const api::HttpResponse refused =
      Call("POST", "/events/week/setup/interpreters/interpreter-li-na",
           "name=Li+Na&pairs=zh&_csrf=" + csrf, olga);
  EXPECT_EQ(refused.status, 200);
  EXPECT_THAT(refused.body, HasSubstr("id=\"in-interpreter-li-na-pairs-err\""));
  EXPECT_EQ(Call("POST", "/events/week/setup/interpreters/interpreter-li-na",
                 "name=Li+Na+%E6%9D%8E%E5%A8%9C&pairs=it-zh%2C+en-zh&sessions=" +
                     std::to_string(rome) + "&_csrf=" + csrf,
                 olga)
                .status,
            303);
  app_->WithStore([&](Store& store) {
    const std::vector<Interpreter> all = store.ListInterpreters(store.GetEvent("week")->id).value();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].name, "Li Na 李娜");
    EXPECT_EQ(all[0].pairs.size(), 2u);
  });

  // The session is the interpreter's only one: it stays until she goes.
  const api::HttpResponse stranded =
      Call("POST", "/events/week/setup/sessions/2026-10-14-roma/remove", "_csrf=" + csrf, olga);
  EXPECT_EQ(stranded.status, 200);
  EXPECT_THAT(stranded.body, HasSubstr("Li Na 李娜 attends only session"));
  const auto [anna, anna_csrf] = SignIn();
  EXPECT_EQ(Call("POST", "/events/week/setup/interpreters/interpreter-li-na/remove",
                 "_csrf=" + anna_csrf, anna)
                .status,
            403);
  const api::HttpResponse removed = Call(
      "POST", "/events/week/setup/interpreters/interpreter-li-na/remove", "_csrf=" + csrf, olga);
  EXPECT_EQ(removed.status, 303);
  EXPECT_THAT(Call("GET", "/events/week/setup?removed=interpreter", "", olga).body,
              HasSubstr("The interpreter was removed."));
  EXPECT_EQ(
      Call("POST", "/events/week/setup/sessions/2026-10-14-roma/remove", "_csrf=" + csrf, olga)
          .status,
      303);
  app_->WithStore([&](Store& store) {
    const EventId week = store.GetEvent("week")->id;
    EXPECT_TRUE(store.ListSessions(week)->empty());
    EXPECT_TRUE(store.ListInterpreters(week)->empty());
  });
}

TEST_F(PortalTest, ParticipantReportsAnOutcomeAndTheOrganizerValidatesIt) {
  std::int64_t partner = 0;
  app_->WithStore([&](Store& store) {
    Dataset data;
    Organization o;
    o.key = "cas";
    o.name.Set("zh", "中国科学院");
    o.country = "CN";
    o.type = OrganizationType::kResearch;
    data.organizations.push_back({.organization = o, .where = {"test", 0}});
    ASSERT_TRUE(store.Import(data, {}).ok());
    const std::vector<Organization> orgs = store.ListOrganizations().value();
    for (const Organization& org : orgs) {
      if (org.key == "cas") partner = org.id.value();
    }
  });
  const auto [cookie, csrf] = SignIn();
  const api::HttpResponse form = Call("GET", "/events/week/outcomes/new", "", cookie);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("name=\"stage\" value=\"negotiation\""));
  EXPECT_THAT(form.body, HasSubstr("双方正在洽谈协议、合同或投资。")) << "the ladder is explained";
  const std::string fields =
      "stage=negotiation&kind=joint_research&partner=" + std::to_string(partner) +
      "&title=%3Cb%3E%E8%81%94%E5%90%88%E5%AE%9E%E9%AA%8C%E5%AE%A4%3C%2Fb%3E"
      "&date=2026-11-01&end_date=&currency=EUR&notes=Prossimo+incontro";
  EXPECT_EQ(Call("POST", "/events/week/outcomes", fields + "&value=150000", cookie).status, 403)
      << "no CSRF";
  // A value that is not a number comes back with the reason and the input.
  const api::HttpResponse refused =
      Call("POST", "/events/week/outcomes", fields + "&value=tanti&_csrf=" + csrf, cookie);
  EXPECT_EQ(refused.status, 200);
  EXPECT_THAT(refused.body, HasSubstr("role=\"alert\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"&lt;b&gt;联合实验室&lt;/b&gt;\""));
  const api::HttpResponse reported =
      Call("POST", "/events/week/outcomes", fields + "&value=150000&_csrf=" + csrf, cookie);
  EXPECT_EQ(reported.status, 303);
  EXPECT_EQ(reported.Get("Location"), "/events/week/outcomes?reported=1");
  const api::HttpResponse mine = Call("GET", "/events/week/outcomes?reported=1", "", cookie);
  EXPECT_THAT(mine.body, HasSubstr("&lt;b&gt;联合实验室&lt;/b&gt;"));
  EXPECT_THAT(mine.body, Not(HasSubstr("<b>联合实验室")));
  EXPECT_THAT(mine.body, HasSubstr("data-review=\"reported\""));
  EXPECT_THAT(mine.body, HasSubstr("href=\"/events/week/outcomes\"")) << "in the navigation";
  // Participants have no review queue and cannot review.
  EXPECT_THAT(mine.body, Not(HasSubstr("outcome-queue")));
  std::int64_t id = 0;
  app_->WithStore([&](Store& store) { id = store.ListOutcomes({}).value().front().id.value(); });
  const std::string review = "/events/week/outcomes/" + std::to_string(id) + "/review";
  EXPECT_EQ(Call("POST", review, "decision=validated&_csrf=" + csrf, cookie).status, 403);

  const auto [staff_cookie, staff_csrf] = SignInAs("olga@week.test");
  const api::HttpResponse queue = Call("GET", "/events/week/outcomes", "", staff_cookie);
  EXPECT_THAT(queue.body, HasSubstr("outcome-queue"));
  EXPECT_THAT(queue.body, HasSubstr("action=\"" + review + "\""));
  const api::HttpResponse no_note =
      Call("POST", review, "decision=rejected&note=&_csrf=" + staff_csrf, staff_cookie);
  EXPECT_THAT(no_note.body, HasSubstr("role=\"alert\""));
  EXPECT_EQ(
      Call("POST", review, "decision=validated&note=ok&_csrf=" + staff_csrf, staff_cookie).status,
      303);
  EXPECT_THAT(Call("GET", "/events/week/outcomes", "", cookie).body,
              HasSubstr("data-review=\"validated\""));
  EXPECT_THAT(
      Call("GET", "/events/week/outcomes?review=validated&stage=negotiation", "", staff_cookie)
          .body,
      HasSubstr("联合实验室"));
}

}  // namespace
}  // namespace ponte::web
