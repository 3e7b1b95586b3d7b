// News, images, /media and the feeds through App::Handle on a temporary
// store: who may do what, malicious uploads and bodies, caching headers and
// feeds that parse as XML.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/api_fixture.h"
#include "api/app.h"
#include "service/news.h"
#include "service/test_images.h"

namespace ponte::api {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace images = service::test;

// Checks that `xml` is well-formed enough for a feed reader: one root,
// balanced elements, quoted attributes, only the five predefined entities
// and numeric references. Returns "" or what is wrong.
std::string XmlProblem(std::string_view xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  if (xml.starts_with("<?xml")) i = xml.find("?>") + 2;
  int roots = 0;
  for (; i < xml.size(); ++i) {
    const char ch = xml[i];
    if (ch == '&') {
      const std::size_t semi = xml.find(';', i);
      if (semi == std::string_view::npos) return "unterminated reference";
      const std::string_view ref = xml.substr(i + 1, semi - i - 1);
      if (ref != "amp" && ref != "lt" && ref != "gt" && ref != "quot" && ref != "apos" &&
          !ref.starts_with("#")) {
        return "undefined entity &" + std::string(ref) + ";";
      }
      continue;
    }
    if (ch == '>') return "stray '>'";
    if (ch != '<') {
      if (open.empty() && ch != '\n' && ch != ' ') return "text outside the root";
      continue;
    }
    const std::size_t close = xml.find('>', i);
    if (close == std::string_view::npos) return "unterminated tag";
    std::string_view tag = xml.substr(i + 1, close - i - 1);
    i = close;
    if (tag.starts_with("/")) {
      const std::string name(tag.substr(1));
      if (open.empty() || open.back() != name) return "unbalanced </" + name + ">";
      open.pop_back();
      continue;
    }
    const bool empty = tag.ends_with("/");
    if (empty) tag.remove_suffix(1);
    const std::string name(tag.substr(0, tag.find_first_of(" \n")));
    // Attribute values: every '=' followed by a quote, no '<' inside.
    for (std::size_t eq = tag.find('='); eq != std::string_view::npos; eq = tag.find('=', eq + 1)) {
      if (eq + 1 >= tag.size() || tag[eq + 1] != '"') return "unquoted attribute in <" + name;
      const std::size_t end = tag.find('"', eq + 2);
      if (end == std::string_view::npos) return "unterminated attribute in <" + name;
      if (tag.substr(eq + 2, end - eq - 2).find('<') != std::string_view::npos) return "< in value";
      eq = end;
    }
    if (open.empty()) ++roots;
    if (!empty) open.push_back(name);
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (roots != 1) return std::to_string(roots) + " root elements";
  return "";
}

std::string Unescape(std::string text) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return text;
}

class NewsApiTest : public AppTest {
 protected:
  NewsApiTest() : AppTest(*FromCivil({2026, 11, 20, 9, 0, 0}, "Asia/Shanghai")) {}

  void SetUp() override {
    std::vector<Dataset> events;
    for (const char* key : {"week", "roadshow"}) {
      Dataset data;
      Event e;
      e.key = key;
      e.name.Set("it", "Settimana Italia–Cina");
      e.name.Set("zh", "中意科技创新合作周");
      e.name.Set("en", "Italy–China Week");
      e.time_zone = "Asia/Shanghai";
      e.start_date = {2026, 11, 16};
      e.end_date = {2026, 11, 17};
      data.event = e;
      Organization o;
      o.key = std::string("polimi-") + key;
      o.name.Set("it", "Politecnico di Milano");
      o.country = "IT";
      data.organizations.push_back({.organization = o, .where = {"test", 0}});
      Interpreter li;
      li.key = std::string("li-") + key;
      li.name = "Li Na";
      li.pairs = {{"it", "zh"}};
      data.interpreters.push_back({.interpreter = li, .session_keys = {}});
      events.push_back(std::move(data));
    }
    ASSERT_NO_FATAL_FAILURE(StartApp("ponte_news_api_test_", events));
    EventId week, roadshow;
    OrganizationId polimi;
    InterpreterId li;
    app_->WithStore([&](Store& store) {
      week = store.GetEvent("week")->id;
      roadshow = store.GetEvent("roadshow")->id;
      const std::vector<Organization> orgs = store.ListOrganizations().value();
      for (const Organization& o : orgs) {
        if (o.key == "polimi-week") polimi = o.id;
      }
      li = store.ListInterpreters(week)->front().id;
    });
    organizer_ = Bearer("org@ponte.test", {{.event = week, .role = Role::kOrganizer}});
    other_organizer_ = Bearer("org2@ponte.test", {{.event = roadshow, .role = Role::kOrganizer}});
    support_ = Bearer("support@ponte.test", {{.event = week, .role = Role::kSupport}});
    participant_ = Bearer(
        "anna@polimi.test",
        {{.event = week, .role = Role::kParticipant, .organization = polimi, .validated = true}});
    interpreter_ =
        Bearer("li@ponte.test", {{.event = week, .role = Role::kInterpreter, .interpreter = li}});
  }

  // Unlike AppTest::Call: the host without a port, the CSRF header whenever
  // there is a cookie, and no content type of its own (PostJson and Upload
  // give theirs).
  Reply Call(const std::string& method, const std::string& target, const Caller& who,
             std::string body = "", HeaderList headers = {}) {
    HttpRequest request;
    request.method = method;
    request.target = target;
    request.body = std::move(body);
    request.remote_address = "10.0.0.1";
    request.headers = std::move(headers);
    request.headers.emplace_back("host", "ponte.test");
    if (!who.bearer.empty()) request.headers.emplace_back("authorization", "Bearer " + who.bearer);
    if (!who.cookie.empty()) {
      request.headers.emplace_back("cookie", "ponte_session=" + who.cookie);
      request.headers.emplace_back("x-csrf-token", who.csrf);
    }
    Reply r;
    r.response = app_->Handle(request);
    r.status = r.response.status;
    if (r.response.Get("Content-Type").starts_with("application/json")) {
      r.body = Json::parse(r.response.body, nullptr, false);
    }
    return r;
  }
  Reply PostJson(const std::string& target, const Caller& who, const Json& body,
                 HeaderList headers = {}) {
    headers.emplace_back("content-type", "application/json");
    return Call("POST", target, who, body.dump(), std::move(headers));
  }
  Reply Upload(const Caller& who, std::string bytes, const std::string& type) {
    return Call("POST", "/api/v1/images", who, std::move(bytes), {{"content-type", type}});
  }

  // A bearer token for a new user with `memberships` (in any event).
  Caller Bearer(const std::string& email, std::vector<Membership> memberships) {
    app_->WithStore([&](Store& store) {
      User u;
      u.email = email;
      u.name = "Nome 名字";
      auto user = service::CreateAccount(store, clock_, u, kPassword, memberships,
                                         {.cost = service::kPasswordCostForTests});
      EXPECT_TRUE(user.ok()) << user.status().ToString();
    });
    Reply login = PostJson("/api/v1/auth/login", {}, {{"email", email}, {"password", kPassword}});
    EXPECT_EQ(login.status, 200) << login.response.body;
    const std::string cookie(login.response.Get("Set-Cookie"));
    Caller session{
        .cookie = cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1),
        .csrf = login.body.value("csrf_token", "")};
    Reply token = PostJson("/api/v1/auth/tokens", session, {{"label", "test"}});
    EXPECT_EQ(token.status, 201) << token.response.body;
    return Caller{.bearer = token.body.value("token", "")};
  }

  static Json Item(const std::string& key, const std::string& event) {
    Json item{{"key", key},
              {"title", {{"it", "Firmato l'accordo"}, {"zh", "签署协议"}}},
              {"summary", {{"it", "Ricerca congiunta"}}},
              {"body",
               {{"it", "<p>L'accordo è <strong>firmato</strong>.</p>"},
                {"zh",
                 "<p>签字仪式<script>alert('x')</script><img src=x onerror=alert(1)>"
                 "<a href=\"jav&#x61;script:alert(1)\">链接</a></p>"}}},
              {"date", "2026-11-18"},
              {"status", "published"}};
    if (!event.empty()) item["event"] = event;
    return item;
  }

  Caller organizer_, other_organizer_, support_, participant_, interpreter_;
};

TEST_F(NewsApiTest, OrganizersWriteAndEveryoneReadsPublishedNews) {
  Reply created = PostJson("/api/v1/news", organizer_, Item("accordo", "week"));
  ASSERT_EQ(created.status, 201) << created.response.body;
  EXPECT_EQ(created.response.Get("ETag"), "\"v1\"");
  const std::string zh = created.body["body"]["all"]["zh"];
  EXPECT_EQ(zh, "<p>签字仪式链接</p>");
  EXPECT_THAT(created.response.body, Not(HasSubstr("script")));
  EXPECT_THAT(created.response.body, Not(HasSubstr("onerror")));

  // Anonymous visitors, in their language.
  Reply list = Call("GET", "/api/v1/news?event=week&lang=zh", {});
  ASSERT_EQ(list.status, 200) << list.response.body;
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_EQ(list.body["total"], 1);
  EXPECT_EQ(list.body["items"][0]["title"]["text"], "签署协议");
  EXPECT_EQ(list.body["items"][0]["event"], "week");
  Reply en = Call("GET", "/api/v1/news/accordo?lang=en", {});
  ASSERT_EQ(en.status, 200);
  EXPECT_EQ(en.body["title"]["lang"], "it");  // no English: a marked fallback
  EXPECT_EQ(Call("GET", "/api/v1/news?event=nowhere", {}).status, 404);

  // Everyone else who is not an organizer of the event is refused.
  for (const Caller* who : {&other_organizer_, &support_, &participant_, &interpreter_}) {
    EXPECT_EQ(PostJson("/api/v1/news", *who, Item("altro", "week")).status, 403);
    EXPECT_EQ(Call("DELETE", "/api/v1/news/accordo", *who).status, 403);
  }
  EXPECT_EQ(PostJson("/api/v1/news", {}, Item("altro", "week")).status, 401);
  EXPECT_EQ(Call("DELETE", "/api/v1/news/accordo", {}).status, 401);
  // Programme-wide news: any organizer, nobody else.
  EXPECT_EQ(PostJson("/api/v1/news", other_organizer_, Item("programma", "")).status, 201);
  EXPECT_EQ(PostJson("/api/v1/news", support_, Item("programma-2", "")).status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/news", {}).body["items"].size(), 2u);
}

TEST_F(NewsApiTest, DraftsVersionsAndDeletion) {
  Json draft = Item("bozza", "week");
  draft["status"] = "draft";
  ASSERT_EQ(PostJson("/api/v1/news", organizer_, draft).status, 201);
  EXPECT_EQ(Call("GET", "/api/v1/news/bozza", {}).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/news/bozza", participant_).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/news/bozza", interpreter_).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/news/bozza", support_).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/news?drafts=1", participant_).body["items"].size(), 0u);
  EXPECT_EQ(Call("GET", "/api/v1/news?drafts=1", organizer_).body["items"].size(), 1u);
  EXPECT_EQ(Call("GET", "/api/v1/news", organizer_).body["items"].size(), 0u);

  EXPECT_EQ(
      Call("POST", "/api/v1/news/bozza/publish", organizer_, "", {{"if-match", "\"v9\""}}).status,
      412);
  Reply published =
      Call("POST", "/api/v1/news/bozza/publish", organizer_, "", {{"if-match", "\"v1\""}});
  ASSERT_EQ(published.status, 200) << published.response.body;
  EXPECT_EQ(published.body["status"], "published");
  EXPECT_EQ(Call("GET", "/api/v1/news/bozza", {}).status, 200);

  Json changed = Item("bozza", "week");
  changed["title"] = {{"en", "Agreement signed"}};
  Reply put = Call("PUT", "/api/v1/news/bozza", organizer_, changed.dump(),
                   {{"content-type", "application/json"}, {"if-match", "\"v2\""}});
  ASSERT_EQ(put.status, 200) << put.response.body;
  EXPECT_EQ(put.body["title"]["all"], (Json{{"en", "Agreement signed"}}));
  EXPECT_EQ(Call("PUT", "/api/v1/news/bozza", organizer_, changed.dump(),
                 {{"content-type", "application/json"}, {"if-match", "\"v2\""}})
                .status,
            412);
  Json bad = Item("Bozza Due", "week");
  Reply invalid = PostJson("/api/v1/news", organizer_, bad);
  EXPECT_EQ(invalid.status, 422);
  EXPECT_THAT(invalid.body["error"]["message"].get<std::string>(), HasSubstr("URL slug"));
  EXPECT_EQ(Call("DELETE", "/api/v1/news/bozza", organizer_, "", {{"if-match", "\"v3\""}}).status,
            204);
  EXPECT_EQ(Call("GET", "/api/v1/news/bozza", organizer_).status, 404);
}

TEST_F(NewsApiTest, ImagesAreValidatedAndServedWithLongCaching) {
  const std::string png = images::Png(4, 3);
  Reply up = Upload(organizer_, png, "image/png");
  ASSERT_EQ(up.status, 201) << up.response.body;
  const std::string sha = up.body["sha256"];
  EXPECT_EQ(sha, service::Sha256Hex(png));
  EXPECT_EQ(up.body["url"], "/media/" + sha);
  EXPECT_EQ(up.body["width"], 4);

  Reply media = Call("GET", "/media/" + sha, {});
  ASSERT_EQ(media.status, 200);
  EXPECT_EQ(media.response.body, png);
  EXPECT_EQ(media.response.Get("Content-Type"), "image/png");
  EXPECT_EQ(media.response.Get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(media.response.Get("ETag"), "\"" + sha + "\"");
  EXPECT_EQ(media.response.Get("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(media.response.Get("Content-Disposition"), "inline");
  EXPECT_THAT(std::string(media.response.Get("Content-Security-Policy")),
              HasSubstr("default-src 'none'"));
  Reply again = Call("GET", "/media/" + sha, {}, "", {{"if-none-match", "\"" + sha + "\""}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.response.body.empty());
  EXPECT_EQ(Call("GET", "/media/" + std::string(64, '0'), {}).status, 404);
  EXPECT_EQ(Call("GET", "/media/..%2f..%2fetc%2fpasswd", {}).status, 404);

  // A multipart form, as the portal's editor sends it.
  const std::string jpeg = images::Jpeg(20, 10);
  const std::string form =
      "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
      "filename=\"foto-照片.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" +
      jpeg + "\r\n--XyZ--\r\n";
  Reply multipart = Call("POST", "/api/v1/images", organizer_, form,
                         {{"content-type", "multipart/form-data; boundary=XyZ"}});
  ASSERT_EQ(multipart.status, 201) << multipart.response.body;
  EXPECT_EQ(multipart.body["file_name"], "foto-照片.jpg");
  EXPECT_EQ(multipart.body["content_type"], "image/jpeg");
  EXPECT_EQ(Call("GET", "/api/v1/images", organizer_).body["items"].size(), 2u);

  // Only organizers upload or list.
  for (const Caller* who : {&support_, &participant_, &interpreter_}) {
    EXPECT_EQ(Upload(*who, png, "image/png").status, 403);
    EXPECT_EQ(Call("GET", "/api/v1/images", *who).status, 403);
  }
  EXPECT_EQ(Upload({}, png, "image/png").status, 401);

  // Images in a news item must be ours and uploaded.
  Json item = Item("con-foto", "week");
  item["body"]["it"] = "<figure><img src=\"/media/" + sha +
                       "\" onerror=\"alert(1)\">"
                       "<figcaption>Sala</figcaption></figure>";
  item["images"] = {{{"sha256", sha}, {"caption", {{"zh", "会议室"}}}}};
  Reply with_image = PostJson("/api/v1/news", organizer_, item);
  ASSERT_EQ(with_image.status, 201) << with_image.response.body;
  EXPECT_EQ(
      with_image.body["body"]["all"]["it"],
      "<figure><img src=\"/media/" + sha + "\" alt=\"\" /><figcaption>Sala</figcaption></figure>");
  item["key"] = "senza";
  item["images"] = {{{"sha256", std::string(64, 'f')}}};
  EXPECT_EQ(PostJson("/api/v1/news", organizer_, item).status, 422);
}

TEST_F(NewsApiTest, MaliciousUploadsAreRefusedWithAClearMessage) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string type;
    int status;
    std::string words;
  };
  std::string big = images::Png(10, 10);
  big.resize(service::kMaxImageBytes + 10, '\0');
  const std::vector<Case> cases{
      {"SVG with a script",
       "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "image/svg+xml",
       415, "'image/svg+xml' is not accepted"},
      {"SVG declared as PNG", "<svg onload=alert(1)/>", "image/png", 415, "markup"},
      {"HTML renamed .png", "<!doctype html><script>alert(1)</script>", "image/png", 415, "markup"},
      {"PNG with a script tail", images::Png(2, 2) + "<script>alert(1)</script>", "image/png", 422,
       "bytes after the end of the image"},
      {"JPEG sent as PNG", images::Jpeg(3, 3), "image/png", 415, "declared as image/png"},
      {"wrong magic", "GIF88a not really", "image/gif", 415, "not a PNG, JPEG, GIF or WebP"},
      {"truncated PNG", images::Png(2, 2).substr(0, 30), "image/png", 422, "truncated"},
      {"too wide", images::Png(9000, 1), "image/png", 422, "at most 8000 pixels"},
      {"too large", big, "image/png", 422, "at most 5 MiB"},
      {"empty", "", "image/png", 422, "empty"},
  };
  for (const Case& c : cases) {
    Reply r = Upload(organizer_, c.bytes, c.type);
    EXPECT_EQ(r.status, c.status) << c.name << ": " << r.response.body;
    EXPECT_THAT(r.body["error"]["message"].get<std::string>(), HasSubstr(c.words)) << c.name;
    if (c.status == 415) {
      EXPECT_EQ(r.body["error"]["code"], "unsupported_media_type") << c.name;
    }
  }
  EXPECT_EQ(Call("GET", "/api/v1/images", organizer_).body["items"].size(), 0u);
}

TEST_F(NewsApiTest, FeedsAreValidXmlWithAbsoluteLinks) {
  const std::string sha = Upload(organizer_, images::Png(2, 2), "image/png").body["sha256"];
  Json item = Item("accordo", "week");
  item["title"]["it"] = "Ricerca & sviluppo <insieme> \"sì\"";
  item["images"] = {{{"sha256", sha}, {"caption", {{"it", "Foto & sala"}}}}};
  ASSERT_EQ(PostJson("/api/v1/news", organizer_, item).status, 201);
  Json draft = Item("segreta", "week");
  draft["status"] = "draft";
  ASSERT_EQ(PostJson("/api/v1/news", organizer_, draft).status, 201);
  ASSERT_EQ(PostJson("/api/v1/news", other_organizer_, Item("altra", "roadshow")).status, 201);

  for (const std::string path :
       {"/news.atom", "/news.rss", "/events/week/news.atom", "/events/week/news.rss"}) {
    Reply feed = Call("GET", path + "?lang=it", {});
    ASSERT_EQ(feed.status, 200) << path;
    EXPECT_THAT(
        std::string(feed.response.Get("Content-Type")),
        HasSubstr(path.ends_with(".atom") ? "application/atom+xml" : "application/rss+xml"));
    EXPECT_EQ(XmlProblem(feed.response.body), "") << path << "\n" << feed.response.body;
    EXPECT_THAT(feed.response.body, HasSubstr("https://ponte.test/news/accordo?lang=it"));
    EXPECT_THAT(feed.response.body, HasSubstr("Ricerca &amp; sviluppo &lt;insieme&gt;"));
    EXPECT_THAT(feed.response.body, Not(HasSubstr("segreta")));
    EXPECT_EQ(feed.response.body.find("altra") != std::string::npos, !path.starts_with("/events"))
        << path;
    // The escaped HTML inside: sanitized, images absolute.
    const std::string html = Unescape(feed.response.body);
    EXPECT_THAT(html, HasSubstr("<img src=\"https://ponte.test/media/" + sha));
    EXPECT_THAT(html, Not(HasSubstr("<script")));
    EXPECT_THAT(html, Not(HasSubstr("onerror")));
  }
  Reply zh = Call("GET", "/events/week/news.atom?lang=zh", {});
  EXPECT_THAT(zh.response.body, HasSubstr("<title>签署协议</title>"));
  EXPECT_THAT(zh.response.body, HasSubstr("xml:lang=\"zh\""));
  EXPECT_EQ(Call("GET", "/events/nowhere/news.atom", {}).status, 404);
}

TEST_F(NewsApiTest, TheOpenApiDocumentListsNewsMediaAndFeeds) {
  Reply doc = Call("GET", "/api/v1/openapi.json", {});
  ASSERT_EQ(doc.status, 200);
  for (const char* path : {"/api/v1/news", "/api/v1/news/{key}", "/api/v1/images", "/media/{hash}",
                           "/news.atom", "/events/{event}/news.rss"}) {
    EXPECT_TRUE(doc.body["paths"].contains(path)) << path;
  }
}

}  // namespace
}  // namespace ponte::api
