// The news pages in process: public pages without an account, the
// organizers' editor (form posts with CSRF), sanitized bodies, feed links.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/app.h"
#include "service/news.h"
#include "service/test_images.h"
#include "web/portal_fixture.h"

namespace ponte::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

class NewsPortalTest : public PortalFixture {
 protected:
  void SetUp() override {
    Dataset data;
    Event e;
    e.key = "week";
    e.name.Set("it", "Settimana Italia–Cina");
    e.name.Set("zh", "中意科技周");
    e.time_zone = "Europe/Rome";
    e.start_date = {2026, 10, 14};
    e.end_date = {2026, 10, 14};
    data.event = e;
    Organization o;
    o.key = "acme";
    o.name.Set("it", "Acme");
    o.country = "IT";
    data.organizations.push_back({.organization = o, .where = {"test", 0}});
    ASSERT_NO_FATAL_FAILURE(StartPortal("ponte_news_portal_test_", data));
    app_->WithStore([&](Store& store) {
      const Event event = *store.GetEvent("week");
      const Organization acme = store.ListOrganizations().value().front();
      auto add = [&](const std::string& email, Membership m) {
        User u;
        u.email = email;
        u.name = "Nome";
        m.event = event.id;
        ASSERT_TRUE(service::CreateAccount(store, SystemClock(), u, kPassword, {m},
                                           {.cost = service::kPasswordCostForTests})
                        .ok());
      };
      add("olga@week.test", {.role = Role::kOrganizer});
      add("anna@acme.test",
          {.role = Role::kParticipant, .organization = acme.id, .validated = true});
    });
  }

  // Signs in; the cookie header and the CSRF token.
  std::pair<std::string, std::string> SignInAs(const std::string& email) {
    api::HttpResponse r =
        Call("POST", "/login",
             "email=" + api::PercentEncode(email) + "&password=correct+horse+battery&next=%2F");
    EXPECT_EQ(r.status, 303) << email;
    std::string cookie;
    for (const auto& [k, v] : r.headers) {
      if (k == "Set-Cookie") cookie += (cookie.empty() ? "" : "; ") + v.substr(0, v.find(';'));
    }
    const api::HttpResponse me = Call("GET", "/api/v1/me", "", cookie);
    return {cookie, Json::parse(me.body).value("csrf_token", "")};
  }
};

std::string Form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    out += (out.empty() ? "" : "&") + k + "=" + api::PercentEncode(v);
  }
  return out;
}

TEST_F(NewsPortalTest, OrganizersPublishAndVisitorsReadWithoutAnAccount) {
  const auto [cookie, csrf] = SignInAs("olga@week.test");
  // The image, as the editor's script uploads it.
  const std::string png = service::test::Png(3, 2);
  std::string sha;
  app_->WithStore([&](Store& store) {
    User olga = *store.FindUserByEmail("olga@week.test");
    service::Actor actor{.user = olga, .memberships = *store.ListMemberships(olga.id)};
    auto image = service::UploadImage(store, SystemClock(), actor, png, "image/png", "a.png");
    ASSERT_TRUE(image.ok()) << image.status().ToString();
    sha = image->sha256;
  });
  EXPECT_EQ(Call("GET", "/manage/news/new?event=week", "", cookie).status, 200);
  api::HttpResponse saved =
      Call("POST", "/manage/news",
           Form({{"_csrf", csrf},
                 {"key", "accordo-firmato"},
                 {"event", "week"},
                 {"date", "2026-10-15"},
                 {"status", "published"},
                 {"title_it", "Firmato l'accordo"},
                 {"title_zh", "签署协议"},
                 {"summary_it", "Sintesi"},
                 {"body_it", "<p>Testo<script>alert(1)</script><img src=x onerror=alert(1)></p>"},
                 {"image_0_sha256", sha},
                 {"image_0_caption_it", "Sala & firme"},
                 {"version", "0"}}),
           cookie);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.Get("Location"), "/manage/news/accordo-firmato?saved=1");

  // A visitor without an account.
  api::HttpResponse item = Call("GET", "/news/accordo-firmato?lang=it");
  ASSERT_EQ(item.status, 200);
  EXPECT_THAT(item.body, HasSubstr("<div class=\"news-body\" lang=\"it\"><p>Testo</p></div>"));
  EXPECT_THAT(item.body, Not(HasSubstr("alert(1)")));
  EXPECT_THAT(item.body, HasSubstr("src=\"/media/" + sha + "\""));
  EXPECT_THAT(item.body, HasSubstr("Sala &amp; firme"));
  EXPECT_THAT(item.body, HasSubstr("<link rel=\"alternate\" type=\"application/atom+xml\" "
                                   "title=\"Atom\" href=\"/events/week/news.atom?lang=it\">"));
  EXPECT_THAT(std::string(item.Get("Content-Security-Policy")), HasSubstr("script-src 'self'"));
  EXPECT_THAT(item.body, Not(HasSubstr("id=\"fallback-note\"")));
  api::HttpResponse en = Call("GET", "/news/accordo-firmato?lang=en");
  EXPECT_THAT(en.body, HasSubstr("id=\"fallback-note\""));
  EXPECT_THAT(en.body, HasSubstr("Sintesi <small class=\"marker\""));  // the summary too
  EXPECT_THAT(Call("GET", "/news?lang=zh").body, HasSubstr("签署协议"));
  api::HttpResponse event_news = Call("GET", "/events/week/news?lang=it");
  EXPECT_THAT(event_news.body, HasSubstr("/news/accordo-firmato"));
  EXPECT_THAT(Call("GET", "/news?lang=it").body,
              HasSubstr("href=\"/news.atom?lang=it\""));  // the programme's feed

  // A stale form is refused and shown again with the reason.
  api::HttpResponse stale = Call("POST", "/manage/news/accordo-firmato",
                                 Form({{"_csrf", csrf},
                                       {"key", "accordo-firmato"},
                                       {"title_it", "Nuovo titolo"},
                                       {"status", "draft"},
                                       {"version", "7"}}),
                                 cookie);
  EXPECT_EQ(stale.status, 200);
  EXPECT_THAT(stale.body, HasSubstr("id=\"news-error\""));
  // Back to draft: gone for visitors.
  ASSERT_EQ(Call("POST", "/manage/news/accordo-firmato",
                 Form({{"_csrf", csrf},
                       {"key", "accordo-firmato"},
                       {"title_it", "Nuovo titolo"},
                       {"status", "draft"},
                       {"version", "1"}}),
                 cookie)
                .status,
            303);
  EXPECT_EQ(Call("GET", "/news/accordo-firmato").status, 404);
  EXPECT_THAT(Call("GET", "/manage/news", "", cookie).body, HasSubstr("Nuovo titolo"));
}

TEST_F(NewsPortalTest, TheEditorIsForOrganizersOnly) {
  EXPECT_EQ(Call("GET", "/manage/news").status, 303);  // to the sign-in page
  const auto [cookie, csrf] = SignInAs("anna@acme.test");
  EXPECT_EQ(Call("GET", "/manage/news", "", cookie).status, 403);
  EXPECT_EQ(
      Call("POST", "/manage/news",
           Form({{"_csrf", csrf}, {"key", "x"}, {"title_it", "x"}, {"event", "week"}}), cookie)
          .status,
      403);
  // Without the CSRF token even an organizer's form is refused.
  const auto [olga, olga_csrf] = SignInAs("olga@week.test");
  EXPECT_EQ(Call("POST", "/manage/news", Form({{"key", "x"}, {"title_it", "x"}}), olga).status,
            403);
}

}  // namespace
}  // namespace ponte::web
