#include "service/agenda.h"

#include <gtest/gtest.h>

#include <map>

#include "core/utf8.h"
#include "service/store_fixture.h"

namespace ponte::service {
namespace {

constexpr std::size_t kMaxOctets = 75;
constexpr std::string_view kZone = "Asia/Shanghai";
const std::string kLongChinese =
    "中国科学院成都生物研究所国家重点实验室暨四川省生物多样性保护与利用中心";

Instant At(int day, int hour, int minute = 0) {
  return *FromCivil({2026, 10, 14 + day, hour, minute, 0}, kZone);
}

// Physical lines of a feed checked for CRLF, length and UTF-8, then unfolded.
struct Feed {
  std::vector<std::string> lines;  // unfolded
  std::vector<std::string> errors;
  // The unfolded events, each as property name -> value.
  std::vector<std::multimap<std::string, std::string>> events;

  std::string Property(std::size_t event, const std::string& name) const {
    auto it = events[event].find(name);
    return it == events[event].end() ? "" : it->second;
  }
  // The event whose UID is `uid`, or -1.
  int Find(const std::string& uid) const {
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (Property(i, "UID") == uid) return static_cast<int>(i);
    }
    return -1;
  }
};

Feed ParseFeed(const std::string& ics) {
  Feed feed;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    const std::size_t eol = ics.find("\r\n", pos);
    if (eol == std::string::npos) {
      feed.errors.push_back("no CRLF at the end");
      break;
    }
    const std::string physical = ics.substr(pos, eol - pos);
    pos = eol + 2;
    if (physical.find('\n') != std::string::npos || physical.find('\r') != std::string::npos) {
      feed.errors.push_back("bare line break in: " + physical);
    }
    if (physical.size() > kMaxOctets) feed.errors.push_back("longer than 75 octets: " + physical);
    if (!IsValidUtf8(physical)) feed.errors.push_back("UTF-8 split by folding: " + physical);
    if (!physical.empty() && physical[0] == ' ') {
      if (feed.lines.empty())
        feed.errors.push_back("continuation first");
      else
        feed.lines.back() += physical.substr(1);
    } else {
      feed.lines.push_back(physical);
    }
  }
  for (const std::string& line : feed.lines) {
    if (line == "BEGIN:VEVENT") {
      feed.events.emplace_back();
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      feed.errors.push_back("no colon: " + line);
      continue;
    }
    if (!feed.events.empty())
      feed.events.back().emplace(line.substr(0, colon), line.substr(colon + 1));
  }
  return feed;
}

class AgendaTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore("ponte_agenda_test_", "agenda.db"));

    Dataset data;
    Event e;
    e.key = "week";
    e.name.Set("it", "Settimana Italia–Cina della scienza");
    e.name.Set("en", "Italy–China Science Week");
    e.name.Set("zh", "中意科技创新合作周");
    e.time_zone = std::string(kZone);
    e.start_date = {2026, 10, 14};
    e.end_date = {2026, 10, 15};
    e.venues.push_back({.key = "nc", .city = "Beijing", .name = "National Convention Center"});
    data.event = e;
    auto org = [&](std::string key, LocalizedText name, std::string country) {
      Organization o;
      o.key = std::move(key);
      o.name = std::move(name);
      o.country = std::move(country);
      o.type = OrganizationType::kUniversity;
      data.organizations.push_back({.organization = o, .where = {"test", 0}});
    };
    org("unibo", {{"it", "Università di Bologna"}, {"zh", "博洛尼亚大学"}}, "IT");
    org("cas", {{"zh", kLongChinese}}, "CN");
    org("acme", {{"en", "Acme <script>alert(1)</script> & Co"}}, "IT");
    data.sessions.push_back({.session = {.key = "bj",
                                         .city = "Beijing",
                                         .venue = "nc",
                                         .date = {2026, 10, 14},
                                         .start = At(0, 9),
                                         .end = At(0, 11),
                                         .slot_length = Minutes(30),
                                         .tables = 2},
                             .where = {"test", 0}});
    data.sessions.push_back({.session = {.key = "cd",
                                         .city = "Chengdu",
                                         .venue = "Tianfu, Hall \"A\"; east",
                                         .date = {2026, 10, 15},
                                         .start = At(1, 14),
                                         .end = At(1, 16),
                                         .slot_length = Minutes(30),
                                         .tables = 2},
                             .where = {"test", 0}});
    auto person = [&](std::string key, std::string org_key, std::string given, std::string family,
                      std::vector<std::string> sessions) {
      Person p;
      p.key = std::move(key);
      p.given_name = std::move(given);
      p.family_name = std::move(family);
      p.languages = {"it"};
      data.people.push_back({.person = p,
                             .organization_key = std::move(org_key),
                             .session_keys = std::move(sessions)});
    };
    person("rossi", "unibo", "Niccolò", "Rossi", {"bj"});
    person("wang", "cas", "伟", "王", {});
    person("zhao", "cas", "敏", "赵", {"cd"});  // not in Beijing
    person("smith", "acme", "Ann", "Smith", {});
    Interpreter li;
    li.key = "li";
    li.name = "Li Na";
    li.pairs = {{"it", "zh"}};
    data.interpreters.push_back({.interpreter = li, .session_keys = {}});
    auto report = store_->Import(data, {});
    ASSERT_TRUE(report.ok()) << report.status().ToString();

    auto event = store_->GetEvent("week");
    ASSERT_TRUE(event.ok());
    event_ = *event;
    auto sessions = store_->ListSessions(event_.id);
    ASSERT_TRUE(sessions.ok());
    for (const Session& s : sessions.value()) session_[s.key] = s.id;
    auto organizations = store_->ListOrganizations();
    ASSERT_TRUE(organizations.ok());
    for (const Organization& o : organizations.value()) org_[o.key] = o.id;
    auto interpreters = store_->ListInterpreters(event_.id);
    ASSERT_EQ(interpreters->size(), 1u);
    li_ = (*interpreters)[0].id;
  }

  Meeting M(std::string_view a, std::string_view b, std::string_view session, int slot, int table) {
    return Meeting{.event = event_.id,
                   .a = org_.at(std::string(a)),
                   .b = org_.at(std::string(b)),
                   .session = session_.at(std::string(session)),
                   .slot = slot,
                   .table = table};
  }

  // unibo meets acme at 09:00 and cas (with an interpreter) at 10:00 in
  // Beijing; cas meets acme at 09:30.
  void PublishFirst() {
    Meeting with_cas = M("unibo", "cas", "bj", 2, 1);
    with_cas.interpreter = li_;
    std::vector<Meeting> meetings{with_cas, M("unibo", "acme", "bj", 0, 2),
                                  M("cas", "acme", "bj", 1, 1)};
    Status published = store_->ReplaceMeetings(event_.id, meetings);
    ASSERT_TRUE(published.ok()) << published.ToString();
  }

  std::string Uid(MeetingId id) { return "meeting-" + std::to_string(id.value()) + "@test.org"; }

  Event event_;
  std::map<std::string, SessionId> session_;
  std::map<std::string, OrganizationId> org_;
  InterpreterId li_;
  const Instant stamp_ = *FromCivil({2026, 9, 14, 12, 0, 0}, kZone);
};

TEST_F(AgendaTest, OrganizationAgendaIsChronologicalWithCounterpartsAndInterpreter) {
  PublishFirst();
  auto agenda = LoadOrganizationAgenda(*store_, event_, org_["unibo"]);
  ASSERT_TRUE(agenda.ok()) << agenda.status().ToString();
  ASSERT_TRUE(agenda->organization.has_value());
  EXPECT_EQ(agenda->organization->key, "unibo");
  ASSERT_EQ(agenda->entries.size(), 2u);
  const AgendaEntry& first = agenda->entries[0];
  const AgendaEntry& second = agenda->entries[1];
  EXPECT_EQ(first.counterpart.key, "acme");
  EXPECT_EQ(first.start, At(0, 9));
  EXPECT_EQ(first.end, At(0, 9, 30));
  EXPECT_EQ(first.meeting.table, 2);
  EXPECT_FALSE(first.interpreter.has_value());
  EXPECT_EQ(first.venue, "National Convention Center");
  EXPECT_EQ(first.city, "Beijing");
  ASSERT_EQ(first.delegates.size(), 1u);
  EXPECT_EQ(first.delegates[0].key, "smith");

  EXPECT_EQ(second.counterpart.key, "cas");
  EXPECT_EQ(second.start, At(0, 10));
  EXPECT_EQ(second.meeting.table, 1);
  ASSERT_TRUE(second.interpreter.has_value());
  EXPECT_EQ(second.interpreter->name, "Li Na");
  ASSERT_EQ(second.delegates.size(), 1u) << "Zhao attends Chengdu only";
  EXPECT_EQ(second.delegates[0].key, "wang");
}

TEST_F(AgendaTest, InterpreterAgendaHasBothSides) {
  PublishFirst();
  auto agenda = LoadInterpreterAgenda(*store_, event_, li_);
  ASSERT_TRUE(agenda.ok()) << agenda.status().ToString();
  ASSERT_EQ(agenda->entries.size(), 1u);
  const AgendaEntry& e = agenda->entries[0];
  EXPECT_EQ(e.side_a.key, "unibo");
  EXPECT_EQ(e.side_b.key, "cas");
  ASSERT_EQ(e.delegates.size(), 2u);
  EXPECT_EQ(e.delegates[0].key, "rossi");
  EXPECT_EQ(e.delegates[1].key, "wang");

  Feed feed = ParseFeed(AgendaToIcs(*agenda, {.locale = "it", .stamp = stamp_}));
  EXPECT_TRUE(feed.errors.empty()) << feed.errors[0];
  ASSERT_EQ(feed.events.size(), 1u);
  EXPECT_EQ(feed.Property(0, "SUMMARY"),
            "Interpretariato: Università di Bologna – " + kLongChinese);

  EXPECT_EQ(LoadInterpreterAgenda(*store_, event_, InterpreterId(999)).status().code(),
            StatusCode::kNotFound);
}

TEST_F(AgendaTest, IcsIsFoldedUtf8SafeAndStableAcrossPublications) {
  PublishFirst();
  auto before = LoadOrganizationAgenda(*store_, event_, org_["unibo"]);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  const std::string ics =
      AgendaToIcs(*before, {.locale = "zh", .host = "test.org", .stamp = stamp_});
  Feed feed = ParseFeed(ics);
  EXPECT_TRUE(feed.errors.empty()) << feed.errors[0];
  ASSERT_GE(feed.lines.size(), 7u);
  EXPECT_EQ(feed.lines[0], "BEGIN:VCALENDAR");
  EXPECT_EQ(feed.lines[1], "VERSION:2.0");
  EXPECT_EQ(feed.lines[2], "PRODID:-//ponte//agenda//EN");
  EXPECT_NE(std::find(feed.lines.begin(), feed.lines.end(), "METHOD:PUBLISH"), feed.lines.end());
  EXPECT_NE(std::find(feed.lines.begin(), feed.lines.end(), "X-WR-CALNAME:中意科技创新合作周"),
            feed.lines.end());
  EXPECT_NE(std::find(feed.lines.begin(), feed.lines.end(), "X-WR-TIMEZONE:Asia/Shanghai"),
            feed.lines.end());
  EXPECT_EQ(feed.lines.back(), "END:VCALENDAR");
  EXPECT_NE(ics.find("\r\n "), std::string::npos) << "the long Chinese name is folded";

  const MeetingId moved = before->entries[1].meeting.id;    // with cas
  const MeetingId dropped = before->entries[0].meeting.id;  // with acme
  ASSERT_EQ(feed.events.size(), 2u);
  const int cas = feed.Find(Uid(moved));
  ASSERT_GE(cas, 0);
  const auto c = static_cast<std::size_t>(cas);
  EXPECT_EQ(feed.Property(c, "SEQUENCE"), "1");
  EXPECT_EQ(feed.Property(c, "SUMMARY"), "会谈：" + kLongChinese);
  EXPECT_EQ(feed.Property(c, "DTSTART"), "20261014T020000Z");
  EXPECT_EQ(feed.Property(c, "DTEND"), "20261014T023000Z");
  EXPECT_EQ(feed.Property(c, "DTSTAMP"), "20260914T040000Z");
  EXPECT_EQ(feed.Property(c, "LOCATION"), "National Convention Center\\, Beijing\\, 1号桌");
  EXPECT_NE(feed.Property(c, "DESCRIPTION").find("代表：王伟\\n翻译：Li Na"), std::string::npos)
      << feed.Property(c, "DESCRIPTION");
  EXPECT_EQ(feed.Property(c, "STATUS"), "CONFIRMED");

  // Re-publication: the meeting with cas moves to Chengdu, the one with acme leaves.
  Meeting with_cas = M("unibo", "cas", "cd", 1, 2);
  with_cas.interpreter = li_;
  std::vector<Meeting> meetings{with_cas, M("cas", "acme", "bj", 1, 1)};
  Status published = store_->ReplaceMeetings(event_.id, meetings);
  ASSERT_TRUE(published.ok()) << published.ToString();
  auto after = LoadOrganizationAgenda(*store_, event_, org_["unibo"]);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  ASSERT_EQ(after->entries.size(), 2u) << "the cancelled meeting stays";
  EXPECT_EQ(after->entries[0].meeting.id, dropped) << "still chronological";
  Feed again = ParseFeed(AgendaToIcs(*after, {.locale = "zh", .host = "test.org"}));
  EXPECT_TRUE(again.errors.empty()) << again.errors[0];
  ASSERT_EQ(again.events.size(), 2u);
  const int moved_index = again.Find(Uid(moved));
  const int dropped_index = again.Find(Uid(dropped));
  ASSERT_GE(moved_index, 0);
  ASSERT_GE(dropped_index, 0);
  const auto m = static_cast<std::size_t>(moved_index);
  const auto d = static_cast<std::size_t>(dropped_index);
  EXPECT_EQ(again.Property(m, "SEQUENCE"), "2");
  EXPECT_EQ(again.Property(m, "DTSTART"), "20261015T063000Z");
  EXPECT_EQ(again.Property(m, "STATUS"), "CONFIRMED");
  EXPECT_EQ(again.Property(m, "LOCATION"), "Tianfu\\, Hall \"A\"\\; east\\, Chengdu\\, 2号桌");
  EXPECT_EQ(again.Property(d, "STATUS"), "CANCELLED");
  EXPECT_EQ(again.Property(d, "SEQUENCE"), "2");
}

TEST_F(AgendaTest, IcsSummaryInTheReadersLanguage) {
  PublishFirst();
  auto agenda = LoadOrganizationAgenda(*store_, event_, org_["cas"]);
  ASSERT_TRUE(agenda.ok()) << agenda.status().ToString();
  Feed it = ParseFeed(AgendaToIcs(*agenda, {.locale = "it", .stamp = stamp_}));
  Feed en = ParseFeed(AgendaToIcs(*agenda, {.locale = "en-GB", .stamp = stamp_}));
  EXPECT_TRUE(it.errors.empty()) << it.errors[0];
  ASSERT_EQ(it.events.size(), 2u);
  EXPECT_EQ(it.Property(1, "SUMMARY"), "Incontro: Università di Bologna");
  EXPECT_NE(it.Property(1, "DESCRIPTION").find("Delegati: Niccolò Rossi"), std::string::npos);
  EXPECT_EQ(it.Property(0, "SUMMARY"), "Incontro: Acme <script>alert(1)</script> & Co");
  EXPECT_EQ(en.Property(1, "SUMMARY"), "Meeting: Università di Bologna")
      << "no English name: falls back to Italian";
  EXPECT_EQ(en.Property(1, "UID"),
            "meeting-" + std::to_string(agenda->entries[1].meeting.id.value()) + "@ponte.local");
}

TEST_F(AgendaTest, HtmlIsLocalizedEscapedAndMarksCancellations) {
  PublishFirst();
  auto agenda = LoadOrganizationAgenda(*store_, event_, org_["cas"]);
  ASSERT_TRUE(agenda.ok()) << agenda.status().ToString();
  const std::string zh = AgendaToHtml(*agenda, {.locale = "zh"});
  EXPECT_EQ(zh.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(zh.find("<html lang=\"zh\">"), std::string::npos);
  EXPECT_NE(zh.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(zh.find("@media print"), std::string::npos);
  EXPECT_NE(zh.find("<h1>" + kLongChinese + "</h1>"), std::string::npos);
  EXPECT_NE(zh.find("中意科技创新合作周"), std::string::npos);
  EXPECT_NE(zh.find("2026年10月14日 星期三"), std::string::npos);
  EXPECT_EQ(zh.find("<script>"), std::string::npos);
  EXPECT_NE(zh.find("Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), std::string::npos);
  EXPECT_NE(zh.find("博洛尼亚大学"), std::string::npos);
  EXPECT_NE(zh.find("(en)"), std::string::npos) << "Acme has no Chinese name: marked";
  EXPECT_NE(zh.find("09:30–10:00"), std::string::npos);

  const std::string it = AgendaToHtml(*agenda, {.locale = "it", .viewer_time_zone = "Europe/Rome"});
  EXPECT_NE(it.find("<html lang=\"it\">"), std::string::npos);
  EXPECT_NE(it.find("mercoledì 14 ottobre 2026"), std::string::npos);
  EXPECT_NE(it.find("03:30–04:00"), std::string::npos) << "the viewer's time beside";
  EXPECT_NE(it.find("Europe/Rome"), std::string::npos);
  EXPECT_NE(AgendaToHtml(*agenda, {.locale = "en"}).find("Wednesday, 14 October 2026"),
            std::string::npos);

  // Withdraw everything: both meetings of cas are cancelled, struck through.
  std::vector<Meeting> none;
  ASSERT_TRUE(store_->ReplaceMeetings(event_.id, none).ok());
  auto cancelled = LoadOrganizationAgenda(*store_, event_, org_["cas"]);
  ASSERT_TRUE(cancelled.ok());
  ASSERT_EQ(cancelled->entries.size(), 2u);
  const std::string html = AgendaToHtml(*cancelled, {.locale = "zh"});
  EXPECT_NE(html.find("class=\"cancelled\""), std::string::npos);
  EXPECT_NE(html.find("<s>09:30–10:00</s><span class=\"label\">已取消</span>"), std::string::npos);
}

TEST_F(AgendaTest, UnknownOrganizationIsNotFound) {
  EXPECT_EQ(LoadOrganizationAgenda(*store_, event_, OrganizationId(12345)).status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace ponte::service
