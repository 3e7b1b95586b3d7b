#include "service/news.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/store_fixture.h"
#include "service/test_images.h"

namespace ponte::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Clean(std::string_view html) {
  auto r = SanitizeHtml(html);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->html : std::string();
}

// A checker independent of the sanitizer: tags balance, every '<' starts a
// tag of the allow-list, no attribute outside it, every '&' a reference.
bool WellFormed(const std::string& html, std::string* why) {
  std::vector<std::string> open;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '&') {
      const std::size_t semi = html.find(';', i);
      const std::string ref = html.substr(i, semi == std::string::npos ? 1 : semi - i + 1);
      if (ref != "&amp;" && ref != "&lt;" && ref != "&gt;" && ref != "&quot;" && ref != "&#39;") {
        *why = "bad reference at " + std::to_string(i);
        return false;
      }
      continue;
    }
    if (html[i] == '>') {
      *why = "stray '>' at " + std::to_string(i);
      return false;
    }
    if (html[i] != '<') continue;
    const std::size_t close = html.find('>', i);
    if (close == std::string::npos) {
      *why = "unterminated tag";
      return false;
    }
    std::string tag = html.substr(i + 1, close - i - 1);
    const bool end = tag.starts_with("/");
    if (end) tag.erase(0, 1);
    const bool void_element = tag.ends_with(" /");
    const std::string name = tag.substr(0, tag.find(' '));
    static const std::set<std::string> kAllowed{
        "p",  "br", "strong", "b",  "em", "i",   "u",      "a",          "ul",
        "ol", "li", "h2",     "h3", "h4", "img", "figure", "figcaption", "blockquote"};
    if (!kAllowed.contains(name)) {
      *why = "element " + name;
      return false;
    }
    if (tag.find(" on") != std::string::npos || tag.find("style") != std::string::npos) {
      *why = "attribute in " + tag;
      return false;
    }
    if (end) {
      if (open.empty() || open.back() != name) {
        *why = "unbalanced </" + name + ">";
        return false;
      }
      open.pop_back();
    } else if (!void_element) {
      open.push_back(name);
    }
    i = close;
  }
  if (!open.empty()) *why = "unclosed <" + open.back() + ">";
  return open.empty();
}

#define EXPECT_WELL_FORMED(html)                                \
  do {                                                          \
    std::string why;                                            \
    EXPECT_TRUE(WellFormed(html, &why)) << why << ": " << html; \
  } while (0)

const std::string kSha(64, 'a');

TEST(SanitizeHtml, KeepsTheAllowListAndMultilingualText) {
  const std::string in =
      "<h2>Firmato l'accordo</h2><p>L'<strong>Università</strong> di Bologna e "
      "<em>成都</em> hanno <u>firmato</u>.<br>Seconda riga</p>"
      "<ul><li>uno</li><li>二</li></ul><ol><li>a</li></ol><blockquote>«citazione»</blockquote>"
      "<h3>t</h3><h4>t</h4><b>b</b><i>i</i>";
  const std::string out = Clean(in);
  EXPECT_EQ(
      out,
      "<h2>Firmato l&#39;accordo</h2><p>L&#39;<strong>Università</strong> di Bologna e "
      "<em>成都</em> hanno <u>firmato</u>.<br />Seconda riga</p>"
      "<ul><li>uno</li><li>二</li></ul><ol><li>a</li></ol><blockquote>«citazione»</blockquote>"
      "<h3>t</h3><h4>t</h4><b>b</b><i>i</i>");
  EXPECT_WELL_FORMED(out);
}

TEST(SanitizeHtml, RemovesScriptsStylesAndFramesWithTheirContent) {
  EXPECT_EQ(Clean("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
  EXPECT_EQ(Clean("<p>a<SCRIPT type=x>if (a</b) alert('</p>')</ScRiPt >b</p>"), "<p>ab</p>");
  EXPECT_EQ(Clean("a<style>p{color:red}</style>b"), "ab");
  EXPECT_EQ(Clean("a<iframe src=//evil></iframe>b"), "ab");
  EXPECT_EQ(Clean("a<object data=x><param name=a><p>inner</p></object>b"), "ab");
  EXPECT_EQ(Clean("a<svg><svg></svg><script>x</script><p>in</p></svg>b"), "ab");
  EXPECT_EQ(Clean("a<math><mi>x</mi></math>b"), "ab");
  EXPECT_EQ(Clean("a<noscript><p>x</p></noscript>b"), "ab");
  EXPECT_EQ(Clean("a<textarea></textarea><script>x</script></textarea>b"), "ab");
  // An unclosed script swallows the rest, as in a browser.
  EXPECT_EQ(Clean("<p>a</p><script>alert(1)"), "<p>a</p>");
  EXPECT_EQ(Clean("a<script/>alert(1)</script>b"), "ab");
}

TEST(SanitizeHtml, DropsUnknownElementsButKeepsTheirText) {
  EXPECT_EQ(Clean("<div class=x><span>testo</span> <font color=red>文本</font></div>"),
            "testo 文本");
  EXPECT_EQ(Clean("<h1>Titolo</h1>"), "Titolo");
  EXPECT_EQ(Clean("<form action=/x><input name=a><button>Invia</button></form>"), "Invia");
  EXPECT_EQ(Clean("<embed src=x>ok"), "ok");
}

TEST(SanitizeHtml, DropsEventHandlersStylesAndUnknownAttributes) {
  EXPECT_EQ(Clean("<p onclick=\"alert(1)\" style=\"x\" class=c id=i>t</p>"), "<p>t</p>");
  EXPECT_EQ(Clean("<strong onmouseover=alert(1)>t</strong>"), "<strong>t</strong>");
  EXPECT_EQ(Clean("<p/onclick=alert(1)>t</p>"), "<p>t</p>");
}

TEST(SanitizeHtml, LinksOnlyHttpHttpsAndMailtoWithRel) {
  EXPECT_EQ(Clean("<a href=\"https://www.unibo.it/it?a=1&amp;b=2\" target=_blank>UniBo</a>"),
            "<a href=\"https://www.unibo.it/it?a=1&amp;b=2\" rel=\"noopener nofollow\">UniBo</a>");
  EXPECT_EQ(Clean("<a href='http://example.org'>x</a>"),
            "<a href=\"http://example.org\" rel=\"noopener nofollow\">x</a>");
  EXPECT_EQ(Clean("<a href=mailto:info@ponte.example.org>m</a>"),
            "<a href=\"mailto:info@ponte.example.org\" rel=\"noopener nofollow\">m</a>");
  // Everything else loses the link, keeps the text.
  for (const char* bad :
       {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x61;script:alert(1)",
        "jav&#97;script:alert(1)", "jav&#x09;ascript:alert(1)", "java&Tab;script:alert(1)",
        "javascript&colon;alert(1)", " \x01javascript:alert(1)", "java\nscript:alert(1)",
        "vbscript:x", "data:text/html;base64,PHNjcmlwdD4=", "/relative", "//evil.example", "#top",
        "http:evil", "", "&#0000106&#0000097&#0000118&#0000097&#0000115cript:x"}) {
    EXPECT_EQ(Clean(std::string("<a href=\"") + bad + "\">t</a>"), "t") << bad;
  }
  // A rel the author gave is replaced.
  EXPECT_EQ(Clean("<a rel=opener href=https://a.example>t</a>"),
            "<a href=\"https://a.example\" rel=\"noopener nofollow\">t</a>");
}

TEST(SanitizeHtml, ImagesOnlyFromOurMedia) {
  auto r = SanitizeHtml("<img src=\"/media/" + kSha +
                        "\" alt=\"签字 & co\" width=640 height=x "
                        "onerror=alert(1)>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->html, "<img src=\"/media/" + kSha + "\" alt=\"签字 &amp; co\" width=\"640\" />");
  EXPECT_EQ(r->images, std::vector<std::string>{kSha});
  EXPECT_EQ(Clean("<img src=x onerror=alert(1)>"), "");
  EXPECT_EQ(Clean("<img src=https://evil.example/a.png>"), "");
  EXPECT_EQ(Clean("<img src=\"/media/" + kSha + "/../../x\">"), "");
  EXPECT_EQ(Clean("<img src=\"/media/" + std::string(64, 'G') + "\">"), "");
  EXPECT_EQ(Clean("<img src=\"javascript:alert(1)\">"), "");
  // Figures with captions.
  EXPECT_EQ(
      Clean("<figure><img src=/media/" + kSha + "><figcaption>Didascalia</figcaption></figure>"),
      "<figure><img src=\"/media/" + kSha +
          "\" alt=\"\" /><figcaption>Didascalia</figcaption></figure>");
}

TEST(SanitizeHtml, CommentsCdataDoctypesAndProcessingInstructionsDisappear) {
  EXPECT_EQ(Clean("a<!-- <script>alert(1)</script> -->b"), "ab");
  EXPECT_EQ(Clean("a<![CDATA[<script>alert(1)</script>]]>b"), "ab");
  EXPECT_EQ(Clean("<!DOCTYPE html><?xml version=\"1.0\"?>a"), "a");
  EXPECT_EQ(Clean("a<!-- never closed <p>b"), "a");
  EXPECT_EQ(Clean("a</3 x>b"), "ab");
}

TEST(SanitizeHtml, TextIsDecodedAndEscapedAgain) {
  EXPECT_EQ(Clean("1 < 2 && 3 > 2"), "1 &lt; 2 &amp;&amp; 3 &gt; 2");
  EXPECT_EQ(Clean("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(Clean("caff&egrave; &amp; t&#232; &#x4E2D;&#25991; &euro;5&nbsp;x"),
            "caffè &amp; tè 中文 €5\u00a0x");
  EXPECT_EQ(Clean("&unknown; &#0; &#xD800; &#x110000; &#99999999999;"),
            "&amp;unknown; \uFFFD \uFFFD \uFFFD \uFFFD");
  EXPECT_EQ(Clean("\"quoted\" 'single'"), "&quot;quoted&quot; &#39;single&#39;");
  // Controls XML cannot carry are dropped.
  EXPECT_EQ(Clean(std::string("a\x01\x0b\x7f"
                              "b\tc\n",
                              8)),
            "ab\tc\n");
  EXPECT_EQ(Clean("<p>a <b"), "<p>a </p>");
}

TEST(SanitizeHtml, ClosesWhatIsLeftOpenAndIgnoresStrayEndTags) {
  EXPECT_EQ(Clean("<p><strong>grassetto <em>e corsivo"),
            "<p><strong>grassetto <em>e corsivo</em></strong></p>");
  EXPECT_EQ(Clean("</p></strong>testo</li>"), "testo");
  EXPECT_EQ(Clean("<p>uno<p>due"), "<p>uno</p><p>due</p>");
  EXPECT_EQ(Clean("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
  EXPECT_EQ(Clean("<strong><em>x</strong>y</em>"), "<strong><em>x</em></strong>y");
  EXPECT_EQ(Clean("<a href=https://a.example>1<a href=https://b.example>2</a>"),
            "<a href=\"https://a.example\" rel=\"noopener nofollow\">1</a>"
            "<a href=\"https://b.example\" rel=\"noopener nofollow\">2</a>");
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<blockquote>";
  const std::string out = Clean(deep + "x");
  EXPECT_WELL_FORMED(out);
  EXPECT_LT(out.size(), 64u * 30u);
}

TEST(SanitizeHtml, UnterminatedTagsAndAttributesAreDropped) {
  EXPECT_EQ(Clean("<p>ok</p><img src=x onerror=\"alert(1)"), "<p>ok</p>");
  EXPECT_EQ(Clean("<p>ok</p><a href='https://x.example"), "<p>ok</p>");
  EXPECT_EQ(Clean("a < b"), "a &lt; b");
  EXPECT_EQ(Clean("a <3 b"), "a &lt;3 b");
}

TEST(SanitizeHtml, InvalidUtf8IsRejectedWithTheOffset) {
  auto r = SanitizeHtml("<p>caff\xe8</p>", "body (it)");
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("body (it): invalid UTF-8 at byte 7"));
  EXPECT_EQ(SanitizeHtml("\xc0\xaf").status().code(), StatusCode::kInvalidArgument);  // overlong
  EXPECT_EQ(SanitizeHtml("\xed\xa0\x80").status().code(), StatusCode::kInvalidArgument);
}

TEST(SanitizeHtml, OutputIsAFixedPoint) {
  const std::vector<std::string> inputs{"<p>a<b>b<i>c</p>d<ul><li>e", "x &amp;lt; y &#60;z",
                                        "<a href=\"https://x.example/?q=&quot;a&quot;\">q</a>",
                                        "<img src=/media/" + kSha + " alt='a\"b'>"};
  for (const std::string& in : inputs) {
    const std::string once = Clean(in);
    EXPECT_EQ(Clean(once), once) << in;
    EXPECT_WELL_FORMED(once);
  }
}

// ---- images ----------------------------------------------------------------------

TEST(InspectImage, RecognisesTheFourFormatsAndTheirSizes) {
  auto png = InspectImage(test::Png(3, 2), "image/png");
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_EQ(png->content_type, "image/png");
  EXPECT_EQ(png->width, 3);
  EXPECT_EQ(png->height, 2);
  auto jpeg = InspectImage(test::Jpeg(640, 480), "image/jpeg");
  ASSERT_TRUE(jpeg.ok()) << jpeg.status().ToString();
  EXPECT_EQ((std::pair{jpeg->width, jpeg->height}), (std::pair{640, 480}));
  auto gif = InspectImage(test::Gif(), "");
  ASSERT_TRUE(gif.ok()) << gif.status().ToString();
  EXPECT_EQ((std::pair{gif->width, gif->height}), (std::pair{1, 1}));
  for (char kind : {' ', 'L', 'X'}) {
    auto webp = InspectImage(test::Webp(kind, 800, 600), "application/octet-stream");
    ASSERT_TRUE(webp.ok()) << kind << " " << webp.status().ToString();
    EXPECT_EQ(webp->content_type, "image/webp");
    EXPECT_EQ((std::pair{webp->width, webp->height}), (std::pair{800, 600})) << kind;
  }
  EXPECT_TRUE(InspectImage(test::Jpeg(10, 10), "image/jpg; charset=binary").ok());
}

void ExpectUnsupported(const Result<ImageInfo>& r, std::string_view words) {
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), StartsWith("unsupported media type: "));
  EXPECT_THAT(r.status().message(), HasSubstr(words));
}

void ExpectInvalid(const Result<ImageInfo>& r, std::string_view words) {
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), StartsWith("image: "));
  EXPECT_THAT(r.status().message(), HasSubstr(words));
}

TEST(InspectImage, RefusesMarkupAndOtherTypes) {
  const std::string svg =
      "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
      "<script>alert(1)</script></svg>";
  ExpectUnsupported(InspectImage(svg, "image/svg+xml"), "'image/svg+xml' is not accepted");
  ExpectUnsupported(InspectImage(svg, "image/png"), "markup");
  ExpectUnsupported(InspectImage("\xEF\xBB\xBF  <html><script>alert(1)</script>", ""), "markup");
  ExpectUnsupported(InspectImage("<!DOCTYPE html>", "text/html"), "'text/html'");
  ExpectUnsupported(InspectImage("%PDF-1.7 ...", "application/octet-stream"),
                    "not a PNG, JPEG, GIF or WebP");
  ExpectUnsupported(InspectImage("BM\x36\x00\x00\x00", ""), "not a PNG");
  // Declared one type, sent another.
  ExpectUnsupported(InspectImage(test::Jpeg(5, 5), "image/png"),
                    "declared as image/png but the content is a JPEG image");
  ExpectUnsupported(InspectImage(test::Png(5, 5), "image/gif"), "a PNG image");
}

TEST(InspectImage, RefusesTruncatedCorruptAndPolyglotFiles) {
  const std::string png = test::Png(4, 4);
  ExpectInvalid(InspectImage(png.substr(0, 20), "image/png"), "truncated");
  ExpectInvalid(InspectImage(png.substr(0, png.size() - 4), "image/png"), "truncated");
  ExpectInvalid(InspectImage(png + "<script>alert(1)</script>", "image/png"),
                "25 bytes after the end of the image");
  ExpectInvalid(InspectImage(std::string("\x89PNG\r\n\x1a\n", 8), ""), "truncated");
  const std::string jpeg = test::Jpeg(4, 4);
  ExpectInvalid(InspectImage(jpeg.substr(0, 8), ""), "truncated");
  ExpectInvalid(InspectImage(std::string("\xFF\xD8\xFF\xDA\x00\x02", 6), ""), "no frame header");
  ExpectInvalid(InspectImage(test::Gif().substr(0, 12), ""), "truncated");
  ExpectInvalid(InspectImage(test::Gif() + "<script>", ""), "no trailer");
  const std::string webp = test::Webp('L', 4, 4);
  ExpectInvalid(InspectImage(webp + "x", ""), "RIFF size");
  ExpectInvalid(InspectImage(webp.substr(0, 16), ""), "truncated");
}

TEST(InspectImage, RefusesEmptyOversizeAndDegenerateDimensions) {
  ExpectInvalid(InspectImage("", "image/png"), "empty");
  std::string big = test::Png(10, 10);
  big.resize(kMaxImageBytes + 1, '\0');
  ExpectInvalid(InspectImage(big, "image/png"), "at most 5 MiB");
  ExpectInvalid(InspectImage(test::Png(0, 10), ""), "0 pixels");
  ExpectInvalid(InspectImage(test::Png(8001, 10), ""), "at most 8000 pixels");
  ExpectInvalid(InspectImage(test::Jpeg(10, 9000), ""), "at most 8000 pixels");
  ExpectInvalid(InspectImage(test::Webp('X', 8001, 1), ""), "at most 8000 pixels");
  EXPECT_TRUE(InspectImage(test::Png(8000, 8000), "").ok());
}

TEST(Sha256Hex, MatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(IsSha256Hex(Sha256Hex("x")));
  EXPECT_FALSE(IsSha256Hex(std::string(64, 'A')));
  EXPECT_FALSE(IsSha256Hex(std::string(63, 'a')));
}

// ---- use cases -------------------------------------------------------------------

class NewsTest : public testing::StoreFixture {
 protected:
  NewsTest() : clock_(*FromCivil({2026, 11, 20, 9, 0, 0}, "Asia/Shanghai")) {}

  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore("ponte_news_test_", "test.db"));
    for (const char* key : {"icstiw-2026", "roadshow-2027"}) {
      Dataset data;
      Event e;
      e.key = key;
      e.name.Set("it", "Settimana Italia–Cina della scienza");
      e.name.Set("zh", "中意科技创新合作周");
      e.time_zone = "Asia/Shanghai";
      e.start_date = {2026, 11, 16};
      e.end_date = {2026, 11, 17};
      data.event = e;
      auto report = store_->Import(data, {});
      ASSERT_TRUE(report.ok()) << report.status().ToString();
    }
    week_ = store_->GetEvent("icstiw-2026")->id;
    roadshow_ = store_->GetEvent("roadshow-2027")->id;
    organizer_ = Account("org@ponte.example.org", {{.event = week_, .role = Role::kOrganizer}});
    other_organizer_ =
        Account("org2@ponte.example.org", {{.event = roadshow_, .role = Role::kOrganizer}});
    support_ = Account("support@ponte.example.org", {{.event = week_, .role = Role::kSupport}});
    participant_ = Account("anna@polimi.it",
                           {{.event = week_, .role = Role::kParticipant, .validated = true}});
  }

  Actor Account(std::string email, std::vector<Membership> memberships) {
    User u;
    u.email = email;
    u.name = "Nome 名字";
    auto user = CreateAccount(*store_, clock_, u, "correct horse battery", memberships,
                              {.cost = kPasswordCostForTests});
    EXPECT_TRUE(user.ok()) << user.status().ToString();
    Actor a;
    a.user = user.value_or(User{});
    for (Membership& m : memberships) m.user = a.user.id;
    a.memberships = memberships;
    return a;
  }

  NewsItem Item(std::string key, EventId event) {
    NewsItem n;
    n.key = std::move(key);
    n.event = event;
    n.title.Set("it", "Firmato l'accordo tra Bologna e Chengdu");
    n.title.Set("zh", "博洛尼亚与成都签署协议");
    n.summary.Set("it", "Un accordo di ricerca congiunta.");
    n.body.Set("it", "<p>L'<strong>università</strong> ha firmato.<script>alert(1)</script></p>");
    n.body.Set("zh", "<p onclick=\"x()\">签字仪式<img src=x onerror=alert(1)></p>");
    n.date = {2026, 11, 18};
    return n;
  }

  std::vector<AuditEntry> Audit() { return store_->ListAudit(EventId(), 100, {}).value_or({}); }

  FakeClock clock_;
  EventId week_, roadshow_;
  Actor organizer_, other_organizer_, support_, participant_;
};

TEST_F(NewsTest, OrganizersCreateSanitizedNewsAndTheAuditKnows) {
  auto created = CreateNews(*store_, clock_, organizer_, Item("accordo-bologna-chengdu", week_));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->author, organizer_.user.id);
  EXPECT_EQ(created->body.Get("it"), "<p>L&#39;<strong>università</strong> ha firmato.</p>");
  EXPECT_EQ(created->body.Get("zh"), "<p>签字仪式</p>");
  EXPECT_EQ(created->title.Get("zh"), "博洛尼亚与成都签署协议");
  auto stored = store_->GetNews("accordo-bologna-chengdu");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(*stored, *created);
  auto audit = store_->ListAudit(week_, 10, {});
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().action, "news.create");
  EXPECT_EQ(audit->front().target, "news:accordo-bologna-chengdu");
}

TEST_F(NewsTest, OnlyTheEventsOrganizersEditItsNews) {
  for (const Actor* who : {&other_organizer_, &support_, &participant_}) {
    EXPECT_EQ(CreateNews(*store_, clock_, *who, Item("x", week_)).status().code(),
              StatusCode::kPermissionDenied);
  }
  // Programme-wide news: any organizer.
  EXPECT_TRUE(CreateNews(*store_, clock_, other_organizer_, Item("edizione", EventId())).ok());
  EXPECT_EQ(CreateNews(*store_, clock_, support_, Item("y", EventId())).status().code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(CreateNews(*store_, clock_, organizer_, Item("settimana", week_)).ok());
  // Moving an item to an event the caller does not organize is refused.
  NewsItem moved = Item("settimana", roadshow_);
  EXPECT_EQ(UpdateNews(*store_, clock_, organizer_, "settimana", moved, 1).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(DeleteNews(*store_, clock_, other_organizer_, "settimana", 1).code(),
            StatusCode::kNotFound);  // a draft it cannot even see
}

TEST_F(NewsTest, DraftsAreHiddenFromVisitorsAndParticipants) {
  ASSERT_TRUE(CreateNews(*store_, clock_, organizer_, Item("bozza", week_)).ok());
  NewsItem published = Item("pubblicata", week_);
  published.status = NewsStatus::kPublished;
  ASSERT_TRUE(CreateNews(*store_, clock_, organizer_, published).ok());

  EXPECT_EQ(ReadNews(*store_, nullptr, "bozza").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadNews(*store_, &participant_, "bozza").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadNews(*store_, &other_organizer_, "bozza").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(ReadNews(*store_, &support_, "bozza").ok());
  EXPECT_TRUE(ReadNews(*store_, nullptr, "pubblicata").ok());

  EXPECT_EQ(ListVisibleNews(*store_, nullptr, week_, true)->size(), 1u);
  EXPECT_EQ(ListVisibleNews(*store_, &participant_, EventId(), true)->size(), 1u);
  EXPECT_EQ(ListVisibleNews(*store_, &other_organizer_, EventId(), true)->size(), 1u);
  EXPECT_EQ(ListVisibleNews(*store_, &organizer_, week_, true)->size(), 2u);
  EXPECT_EQ(ListVisibleNews(*store_, &organizer_, week_, false)->size(), 1u);
  EXPECT_EQ(ListVisibleNews(*store_, nullptr, roadshow_, false)->size(), 0u);
}

TEST_F(NewsTest, PublishUnpublishUpdateAndDeleteFollowVersions) {
  ASSERT_TRUE(CreateNews(*store_, clock_, organizer_, Item("notizia", week_)).ok());
  clock_.Advance(Seconds(60));
  auto published = SetNewsStatus(*store_, clock_, organizer_, "notizia", NewsStatus::kPublished, 1);
  ASSERT_TRUE(published.ok()) << published.status().ToString();
  EXPECT_EQ(published->version, 2);
  EXPECT_EQ(published->updated_at, clock_.Now());
  EXPECT_EQ(
      SetNewsStatus(*store_, clock_, organizer_, "notizia", NewsStatus::kDraft, 1).status().code(),
      StatusCode::kFailedPrecondition);

  NewsItem changed = Item("notizia-aggiornata", week_);
  changed.body.Set("en", "<p>Now in <a href=\"javascript:alert(1)\">English</a></p>");
  changed.status = NewsStatus::kPublished;
  auto updated = UpdateNews(*store_, clock_, organizer_, "notizia", changed, 2);
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->key, "notizia-aggiornata");
  EXPECT_EQ(updated->body.Get("en"), "<p>Now in English</p>");
  EXPECT_EQ(updated->version, 3);
  EXPECT_EQ(store_->GetNews("notizia").status().code(), StatusCode::kNotFound);

  EXPECT_EQ(DeleteNews(*store_, clock_, organizer_, "notizia-aggiornata", 2).code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(DeleteNews(*store_, clock_, organizer_, "notizia-aggiornata", 3).ok());
  std::vector<std::string> actions;
  for (const AuditEntry& e : store_->ListAudit(week_, 10, {}).value_or({})) {
    actions.push_back(e.action);
  }
  EXPECT_THAT(actions, ::testing::IsSupersetOf(
                           {"news.create", "news.publish", "news.update", "news.delete"}));
}

TEST_F(NewsTest, RefusesBadKeysTitlesLanguagesAndImages) {
  auto code_and_message = [&](NewsItem n) {
    return CreateNews(*store_, clock_, organizer_, n).status();
  };
  NewsItem n = Item("Con Spazi", week_);
  EXPECT_THAT(code_and_message(n).message(), HasSubstr("key: 'Con Spazi' is not a URL slug"));
  n = Item("ok", week_);
  n.title = {};
  n.title.Set("it", "   ");
  EXPECT_THAT(code_and_message(n).message(), HasSubstr("title: required"));
  n = Item("ok", week_);
  n.title.Set("fr", "Titre");
  EXPECT_THAT(code_and_message(n).message(), HasSubstr("title (fr): language 'fr'"));
  n = Item("ok", week_);
  n.body.Set("en", "bad \xff");
  EXPECT_THAT(code_and_message(n).message(), HasSubstr("body (en): invalid UTF-8 at byte 4"));
  n = Item("ok", week_);
  n.body.Set("en", "<img src=\"/media/" + kSha + "\">");
  EXPECT_THAT(code_and_message(n).message(), HasSubstr("has not been uploaded"));
  n = Item("ok", week_);
  n.images.push_back({.sha256 = "../etc/passwd"});
  EXPECT_THAT(code_and_message(n).message(), HasSubstr("images[0]"));
  n = Item("ok", week_);
  n.date = {2026, 2, 30};
  EXPECT_THAT(code_and_message(n).message(), HasSubstr("date"));
  EXPECT_EQ(code_and_message(n).code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(CreateNews(*store_, clock_, organizer_, Item("doppia", week_)).ok());
  EXPECT_EQ(code_and_message(Item("doppia", week_)).code(), StatusCode::kAlreadyExists);
}

TEST_F(NewsTest, UploadsAreValidatedStoredOnceAndUsable) {
  const std::string png = test::Png(16, 9);
  EXPECT_EQ(UploadImage(*store_, clock_, participant_, png, "image/png", "a.png").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(UploadImage(*store_, clock_, support_, png, "image/png", "a.png").status().code(),
            StatusCode::kPermissionDenied);
  auto svg =
      UploadImage(*store_, clock_, organizer_, "<svg onload=alert(1)>", "image/svg+xml", "x.svg");
  EXPECT_THAT(svg.status().message(), StartsWith("unsupported media type"));
  auto image = UploadImage(*store_, clock_, organizer_, png, "image/png", "sala-会议室.png");
  ASSERT_TRUE(image.ok()) << image.status().ToString();
  EXPECT_EQ(image->sha256, Sha256Hex(png));
  EXPECT_EQ((std::pair{image->width, image->height}), (std::pair{16, 9}));
  EXPECT_EQ(image->file_name, "sala-会议室.png");
  auto again = UploadImage(*store_, clock_, other_organizer_, png, "", "copy.png");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, image->id);
  std::string bytes;
  ASSERT_TRUE(store_->GetImage(image->sha256, &bytes).ok());
  EXPECT_EQ(bytes, png);

  NewsItem n = Item("con-immagine", week_);
  n.body.Set("en", "<figure><img src=\"/media/" + image->sha256 +
                       "\"><figcaption>The room</figcaption></figure>");
  n.images.push_back({.sha256 = image->sha256, .caption = {{"zh", "会议室"}, {"it", " "}}});
  auto created = CreateNews(*store_, clock_, organizer_, n);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->images[0].caption, (LocalizedText{{"zh", "会议室"}}));
  EXPECT_THAT(created->body.Get("en"), HasSubstr("<img src=\"/media/" + image->sha256));
}

TEST(NewsFeeds, AtomAndRssEscapeAndUseAbsoluteLinks) {
  NewsItem n;
  n.key = "accordo";
  n.title.Set("it", "Ricerca & sviluppo <insieme>");
  n.title.Set("zh", "研发合作");
  n.summary.Set("it", "Sintesi \"breve\"");
  n.body.Set("it", "<p>Testo <img src=\"/media/" + kSha + "\" alt=\"\" /></p>");
  n.images.push_back({.sha256 = kSha, .caption = {{"it", "Foto & didascalia"}}});
  n.date = {2026, 11, 18};
  n.updated_at = Instant(Seconds(1'800'000'000));
  FeedOptions o{.base_url = "https://ponte.example.org",
                .self_path = "/news.atom",
                .page_path = "/news",
                .lang = "it",
                .title = "Notizie <ponte>"};
  const std::string atom = NewsToAtom({n}, o);
  EXPECT_THAT(atom, HasSubstr("<title>Ricerca &amp; sviluppo &lt;insieme&gt;</title>"));
  EXPECT_THAT(atom, HasSubstr("<title>Notizie &lt;ponte&gt;</title>"));
  EXPECT_THAT(atom, HasSubstr("href=\"https://ponte.example.org/news/accordo?lang=it\""));
  EXPECT_THAT(atom, HasSubstr("src=&quot;https://ponte.example.org/media/" + kSha));
  EXPECT_THAT(atom, HasSubstr("<published>2026-11-18T00:00:00Z</published>"));
  EXPECT_THAT(atom, HasSubstr("<updated>2027-01-15T08:00:00Z</updated>"));
  EXPECT_THAT(atom, Not(HasSubstr("<p>")));
  o.lang = "zh";
  EXPECT_THAT(NewsToAtom({n}, o), HasSubstr("<title>研发合作</title>"));
  o.lang = "en";  // falls back to Italian, marked on the entry
  EXPECT_THAT(NewsToAtom({n}, o), HasSubstr("<entry xml:lang=\"it\">"));
  const std::string rss = NewsToRss({n}, o);
  EXPECT_THAT(rss, HasSubstr("<pubDate>Wed, 18 Nov 2026 00:00:00 +0000</pubDate>"));
  EXPECT_THAT(rss, HasSubstr("<lastBuildDate>Fri, 15 Jan 2027 08:00:00 +0000</lastBuildDate>"));
  EXPECT_THAT(rss, HasSubstr("<rss version=\"2.0\""));
  // Control characters a title may hold cannot go into XML.
  n.title.Set("en", std::string("Bell\x07 and\x1b escape", 17));
  EXPECT_THAT(NewsToAtom({n}, o), HasSubstr("<title>Bell and escape</title>"));
}

}  // namespace
}  // namespace ponte::service
