#include "service/reports.h"

#include <gtest/gtest.h>

#include <map>

#include "core/clock.h"
#include "core/csv.h"
#include "service/outcomes.h"
#include "service/store_fixture.h"

namespace ponte::service {
namespace {

// Two editions, built so that every figure is known by construction:
//
// w25 (Rome): unibo→cas accepted, polimi→zte accepted, unibo→zte declined,
//   polimi→cas expired, cas→polimi pending. Meetings in slot 0: unibo–cas
//   (held, interpreter), polimi–zte (no-show); slot 1: polimi–cas (held,
//   walk-in); slot 2: unibo–zte (cancelled). Outcomes: unibo+cas agreement
//   (validated, from the first meeting), polimi+cas negotiation (reported),
//   polimi+zte contact kept (validated, from the request only), unibo+cas
//   memorandum (rejected).
// w26 (Beijing): unibo–cas held again, polimi–zte held; an agreement grown
//   from both unibo–cas meetings (validated).
class ReportsTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore("ponte_reports_test_", "reports.db"));
    taxonomy_ = Taxonomy({{"ai", "", {{"it", "Intelligenza artificiale"}, {"zh", "人工智能"}}},
                          {"ai.vision", "ai", {{"en", "Computer vision"}}},
                          {"manufacturing", "", {{"it", "Manifattura"}, {"zh", "制造业"}}},
                          {"ict", "", {{"en", "ICT"}, {"zh", "信息通信"}}}});

    Dataset registry;
    auto org = [&](std::string key, LocalizedText name, std::string country, std::string region,
                   OrganizationType type, std::string theme) {
      Organization o;
      o.key = key;
      o.name = std::move(name);
      o.country = std::move(country);
      o.region = std::move(region);
      o.type = type;
      registry.organizations.push_back({.organization = o, .where = {"test", 0}});
      Profile p;
      p.key = key + "-offer";
      p.title.Set("en", "Offer");
      p.themes = {std::move(theme)};
      registry.profiles.push_back({.profile = p, .organization_key = key, .where = {"test", 0}});
    };
    org("unibo", {{"it", "Università di Bologna"}, {"zh", "博洛尼亚大学"}}, "IT", "Emilia-Romagna",
        OrganizationType::kUniversity, "ai.vision");
    org("polimi", {{"it", "Politecnico di Milano"}}, "IT", "Lombardia",
        OrganizationType::kUniversity, "manufacturing");
    org("cas", {{"zh", "中国科学院"}, {"en", "Chinese Academy of Sciences"}}, "CN", "北京",
        OrganizationType::kResearch, "ai");
    org("zte", {{"zh", "中兴通讯"}}, "CN", "广东", OrganizationType::kCompany, "ict");
    ASSERT_TRUE(store_->Import(registry, {}).ok());

    ImportEdition("w25", {2025, 11, 17}, "Europe/Rome", "Roma",
                  {{"r1", "unibo", "cas", RequestStatus::kAccepted},
                   {"r2", "polimi", "zte", RequestStatus::kAccepted},
                   {"r3", "unibo", "zte", RequestStatus::kDeclined},
                   {"r4", "polimi", "cas", RequestStatus::kExpired},
                   {"r5", "cas", "polimi", RequestStatus::kPending}},
                  {{"r1", "unibo", "cas", 0, 1, MeetingStatus::kHeld, true},
                   {"r2", "polimi", "zte", 0, 2, MeetingStatus::kNoShow, false},
                   {"", "polimi", "cas", 1, 1, MeetingStatus::kHeld, false},
                   {"", "unibo", "zte", 2, 1, MeetingStatus::kCancelled, false}});
    ImportEdition("w26", {2026, 11, 16}, "Asia/Shanghai", "Beijing",
                  {{"q1", "unibo", "cas", RequestStatus::kAccepted}},
                  {{"q1", "unibo", "cas", 0, 1, MeetingStatus::kHeld, false},
                   {"", "polimi", "zte", 0, 2, MeetingStatus::kHeld, false}});
    w25_ = *store_->GetEvent("w25");
    w26_ = *store_->GetEvent("w26");
    const auto organizations = *store_->ListOrganizations();
    for (const Organization& o : organizations) org_[o.key] = o.id;
    const auto m25 = *store_->ListMeetings(w25_.id);
    const auto m26 = *store_->ListMeetings(w26_.id);
    const MeetingId first = Find(m25, "unibo", "cas");
    const MeetingId again = Find(m26, "unibo", "cas");
    MeetingRequestId interest;
    const auto requests = *store_->ListRequests(w25_.id);
    for (const MeetingRequest& r : requests) {
      if (r.key == "r2") interest = r.id;
    }
    AddOutcome("o1", w25_, {"unibo", "cas"}, {first}, {}, OutcomeKind::kJointResearch,
               OutcomeStage::kAgreement, OutcomeReview::kValidated, "Progetto congiunto");
    AddOutcome("o2", w25_, {"polimi", "cas"}, {Find(m25, "polimi", "cas")}, {},
               OutcomeKind::kTechnologyTransfer, OutcomeStage::kNegotiation,
               OutcomeReview::kReported, "技术转移谈判");
    AddOutcome("o3", w25_, {"polimi", "zte"}, {}, interest, OutcomeKind::kCommercial,
               OutcomeStage::kContactKept, OutcomeReview::kValidated, "Contatto mantenuto");
    AddOutcome("o4", w25_, {"unibo", "cas"}, {first}, {}, OutcomeKind::kMemorandum,
               OutcomeStage::kAgreement, OutcomeReview::kRejected, "重复");
    AddOutcome("o5", w26_, {"unibo", "cas"}, {first, again}, {}, OutcomeKind::kJointResearch,
               OutcomeStage::kAgreement, OutcomeReview::kValidated, "联合实验室协议");
  }

  struct Req {
    std::string key, from, to;
    RequestStatus status;
  };
  struct Meet {
    std::string request, a, b;
    int slot, table;
    MeetingStatus status;
    bool interpreter;
  };

  void ImportEdition(const std::string& key, CivilDate day, const std::string& zone,
                     const std::string& city, const std::vector<Req>& requests,
                     const std::vector<Meet>& meetings) {
    Dataset data;
    Event e;
    e.key = key;
    e.name = {{"it", "Settimana " + key}, {"en", "Week " + key}, {"zh", key + "合作周"}};
    e.time_zone = zone;
    e.start_date = day;
    e.end_date = day;
    data.event = e;
    Session s;
    s.key = key + "-s";
    s.city = city;
    s.date = day;
    s.start = *FromCivil({day.year, day.month, day.day, 9, 0, 0}, zone);
    s.end = *FromCivil({day.year, day.month, day.day, 11, 0, 0}, zone);
    s.slot_length = Minutes(30);
    s.tables = 3;
    data.sessions.push_back({.session = s, .where = {"test", 0}});
    Interpreter li;
    li.key = key + "-li";
    li.name = "李娜 Li Na";
    li.pairs = {{"it", "zh"}};
    data.interpreters.push_back({.interpreter = li, .session_keys = {}, .where = {"test", 0}});
    for (const Req& r : requests) {
      MeetingRequest q;
      q.key = r.key;
      q.status = r.status;
      data.requests.push_back(
          {.request = q, .from_key = r.from, .to_key = r.to, .where = {"test", 0}});
    }
    for (const Meet& m : meetings) {
      MeetingRecord rec;
      rec.meeting.slot = m.slot;
      rec.meeting.table = m.table;
      rec.meeting.status = m.status;
      rec.request_key = m.request;
      rec.a_key = m.a;
      rec.b_key = m.b;
      rec.session_key = s.key;
      if (m.interpreter) rec.interpreter_key = li.key;
      data.meetings.push_back(rec);
    }
    auto imported = store_->Import(data, {});
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  }

  MeetingId Find(const std::vector<Meeting>& meetings, const std::string& a, const std::string& b) {
    for (const Meeting& m : meetings) {
      if ((m.a == org_[a] && m.b == org_[b]) || (m.a == org_[b] && m.b == org_[a])) return m.id;
    }
    ADD_FAILURE() << "no meeting " << a << "–" << b;
    return {};
  }

  void AddOutcome(const std::string& key, const Event& event, std::vector<std::string> orgs,
                  std::vector<MeetingId> meetings, MeetingRequestId request, OutcomeKind kind,
                  OutcomeStage stage, OutcomeReview review, const std::string& title) {
    Outcome o;
    o.key = key;
    o.event = event.id;
    for (const std::string& k : orgs) o.organizations.push_back(org_[k]);
    std::sort(o.organizations.begin(), o.organizations.end());
    o.meetings = std::move(meetings);
    o.request = request;
    o.kind = kind;
    o.stage = stage;
    o.review = review;
    o.title = title;
    o.date = {event.end_date.year + 1, 3, 1};
    Status created = store_->CreateOutcome(o);
    ASSERT_TRUE(created.ok()) << created.ToString();
  }

  Actor Staff(const Event& event, Role role) {
    Actor a;
    a.user.id = UserId(1);
    a.memberships.push_back({.user = a.user.id, .event = event.id, .role = role});
    return a;
  }

  static double Value(const Report& r, std::string_view table, std::string_view row,
                      std::size_t column = 0) {
    const ReportTable* t = r.Find(table);
    if (t == nullptr) {
      ADD_FAILURE() << "no table " << table;
      return -1;
    }
    for (const ReportRow& x : t->rows) {
      if (x.code == row) return x.values.at(column);
    }
    ADD_FAILURE() << "no row " << row << " in " << table;
    return -1;
  }

  Taxonomy taxonomy_;
  Event w25_, w26_;
  std::map<std::string, OrganizationId> org_;
};

TEST_F(ReportsTest, EventReportCountsTheEdition) {
  auto report = EventReport(*store_, Staff(w25_, Role::kOrganizer), w25_, taxonomy_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->include_reported);
  EXPECT_EQ(Value(*report, "key_figures", "participants"), 4);
  EXPECT_EQ(Value(*report, "participants_by_country", "IT"), 2);
  EXPECT_EQ(Value(*report, "participants_by_country", "CN"), 2);
  EXPECT_EQ(Value(*report, "participants_by_type", "university"), 2);
  EXPECT_EQ(Value(*report, "participants_by_type", "startup"), 0) << "every type is a row";
  EXPECT_EQ(Value(*report, "participants_by_theme", "ai"), 2) << "ai.vision counts as ai";
  EXPECT_EQ(Value(*report, "key_figures", "requests"), 5);
  EXPECT_EQ(Value(*report, "key_figures", "requests_accepted"), 2);
  EXPECT_DOUBLE_EQ(Value(*report, "key_figures", "acceptance_rate"), 0.5);
  EXPECT_EQ(Value(*report, "meetings_by_status", "held"), 2);
  EXPECT_EQ(Value(*report, "meetings_by_status", "no_show"), 1);
  EXPECT_EQ(Value(*report, "meetings_by_status", "cancelled"), 1);
  EXPECT_EQ(Value(*report, "key_figures", "meetings_scheduled"), 3);
  // Validated only: o1 (agreement) and o3 (contact kept).
  EXPECT_EQ(Value(*report, "key_figures", "outcomes"), 2);
  EXPECT_EQ(Value(*report, "outcomes_by_stage", "agreement"), 1);
  EXPECT_EQ(Value(*report, "outcomes_by_stage", "contact_kept"), 1);
  EXPECT_EQ(Value(*report, "outcomes_by_stage", "negotiation"), 0);
  EXPECT_EQ(Value(*report, "outcomes_by_kind", "memorandum"), 0) << "rejected never counts";
  EXPECT_EQ(Value(*report, "outcomes_by_kind", "commercial"), 1);
  EXPECT_EQ(Value(*report, "outcomes_by_theme", "ai"), 1);
  EXPECT_EQ(Value(*report, "outcomes_by_theme", "ict"), 1);
  EXPECT_EQ(Value(*report, "outcomes_by_region", "IT:Emilia-Romagna"), 1);
  EXPECT_EQ(Value(*report, "outcomes_by_region", "CN:Guangdong"), 1);
  // Typed as 广东, the region reads in each language.
  for (const ReportRow& row : report->Find("outcomes_by_region")->rows) {
    if (row.code == "CN:Guangdong") {
      EXPECT_EQ(row.label.Best("zh").first, "广东 (中国)");
      EXPECT_EQ(row.label.Best("en").first, "Guangdong (China)");
    }
    if (row.code == "IT:Emilia-Romagna") {
      EXPECT_EQ(row.label.Best("zh").first, "艾米利亚-罗马涅 (意大利)");
    }
  }
  EXPECT_EQ(Value(*report, "conversion", "held"), 2);
  EXPECT_EQ(Value(*report, "conversion", "agreement"), 1);
  EXPECT_DOUBLE_EQ(Value(*report, "conversion", "agreement", 1), 0.5);
  EXPECT_DOUBLE_EQ(Value(*report, "key_figures", "conversion_negotiation"), 0.5);
  // One interpreter, four slots, one interpreted meeting.
  EXPECT_EQ(Value(*report, "interpreter_utilisation", "total", 1), 4);
  EXPECT_DOUBLE_EQ(Value(*report, "key_figures", "interpreter_utilisation"), 0.25);
  EXPECT_EQ(Value(*report, "interpreter_load", "w25-li"), 1);
  EXPECT_EQ(Value(*report, "tables_per_slot", "w25-s#0"), 2);
  EXPECT_EQ(Value(*report, "tables_per_slot", "w25-s#1"), 1);
  EXPECT_EQ(Value(*report, "tables_per_slot", "w25-s#2"), 0) << "a cancelled meeting frees it";
  EXPECT_EQ(Value(*report, "tables_per_slot", "w25-s#0", 1), 3);
}

TEST_F(ReportsTest, ReportedOutcomesCountOnlyWhenAsked) {
  auto report = EventReport(*store_, Staff(w25_, Role::kSupport), w25_, taxonomy_,
                            {.include_reported = true});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->include_reported);
  EXPECT_EQ(Value(*report, "key_figures", "outcomes"), 3);
  EXPECT_EQ(Value(*report, "outcomes_by_stage", "negotiation"), 1);
  EXPECT_DOUBLE_EQ(Value(*report, "key_figures", "conversion_negotiation"), 1.0);
  EXPECT_DOUBLE_EQ(Value(*report, "key_figures", "conversion_agreement"), 0.5);
  EXPECT_NE(report->Find("key_figures")->note.Get("en").find("awaiting"), std::string::npos);
}

TEST_F(ReportsTest, LabelsAreInThreeLanguages) {
  auto report = EventReport(*store_, Staff(w25_, Role::kOrganizer), w25_, taxonomy_);
  ASSERT_TRUE(report.ok());
  for (const ReportTable& t : report->tables) {
    for (const char* lang : {"it", "en", "zh"}) {
      EXPECT_FALSE(t.title.Get(lang).empty()) << t.key << " " << lang;
      for (const ReportColumn& c : t.columns) EXPECT_FALSE(c.label.Get(lang).empty()) << t.key;
      for (const ReportRow& r : t.rows) {
        EXPECT_FALSE(r.label.Get(lang).empty()) << t.key << " " << r.code;
        EXPECT_EQ(r.values.size(), t.columns.size()) << t.key << " " << r.code;
      }
    }
    EXPECT_LE(t.key.size(), 31u) << "an XLSX sheet name";
  }
  const ReportTable* stage = report->Find("outcomes_by_stage");
  EXPECT_EQ(stage->rows.back().label.Get("zh"), "已达成协议");
  EXPECT_EQ(stage->rows.back().label.Get("it"), "Accordo raggiunto");
  const ReportTable* country = report->Find("participants_by_country");
  for (const ReportRow& r : country->rows) {
    if (r.code == "IT") {
      EXPECT_EQ(r.label.Get("it"), "Italia");
    } else if (r.code == "CN") {
      EXPECT_EQ(r.label.Get("zh"), "中国");
    }
  }
  EXPECT_EQ(report->Find("participants_by_theme")->rows.front().label.Get("zh"), "人工智能");
}

TEST_F(ReportsTest, CsvRoundTripsChineseLabels) {
  auto report = EventReport(*store_, Staff(w25_, Role::kOrganizer), w25_, taxonomy_);
  ASSERT_TRUE(report.ok());
  const std::string csv = ReportTableCsv(*report->Find("outcomes_by_stage"), "zh");
  auto parsed = ParseCsv(csv, "outcomes_by_stage.csv");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->header.at(0), "code");
  EXPECT_EQ(parsed->header.at(1), "阶段");
  ASSERT_EQ(parsed->rows.size(), AllOutcomeStages().size());
  EXPECT_EQ(parsed->rows.back().fields.at(0), "agreement");
  EXPECT_EQ(parsed->rows.back().fields.at(1), "已达成协议");
  EXPECT_EQ(parsed->rows.back().fields.at(2), "1");
  const std::string shares = ReportTableCsv(*report->Find("key_figures"), "it");
  EXPECT_NE(shares.find("Tasso di accettazione,0.5000"), std::string::npos) << shares;
}

TEST_F(ReportsTest, ProgrammeReportFollowsOrganizationsAcrossEditions) {
  auto report = ProgrammeReport(*store_, Staff(w25_, Role::kOrganizer), taxonomy_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const ReportTable* editions = report->Find("editions");
  ASSERT_NE(editions, nullptr);
  ASSERT_EQ(editions->rows.size(), 2u);
  EXPECT_EQ(editions->rows[0].code, "w25") << "oldest first";
  auto column = [&](std::string_view key) {
    for (std::size_t i = 0; i < editions->columns.size(); ++i) {
      if (editions->columns[i].key == key) return i;
    }
    ADD_FAILURE() << key;
    return std::size_t{0};
  };
  EXPECT_EQ(Value(*report, "editions", "w25", column("participants")), 4);
  EXPECT_EQ(Value(*report, "editions", "w25", column("returning")), 0);
  EXPECT_EQ(Value(*report, "editions", "w26", column("returning")), 4);
  EXPECT_EQ(Value(*report, "editions", "w26", column("met_again")), 1);
  EXPECT_EQ(Value(*report, "editions", "w25", column("meetings_to_agreement")), 1);
  EXPECT_EQ(Value(*report, "editions", "w26", column("meetings_to_agreement")), 1);
  EXPECT_EQ(Value(*report, "editions", "w26", column("agreements")), 1);
  EXPECT_EQ(Value(*report, "cities", "Roma", 1), 3) << "organizations with a held meeting";
  EXPECT_EQ(Value(*report, "cities", "Roma", 3), 1) << "o1 only: o2 is not validated";
  EXPECT_EQ(Value(*report, "cities", "Beijing", 2), 2);
  EXPECT_EQ(Value(*report, "returning_organizations", "2"), 4);
  EXPECT_EQ(Value(*report, "outcomes_by_stage_and_edition", "agreement", 0), 1);
  EXPECT_EQ(Value(*report, "outcomes_by_stage_and_edition", "agreement", 1), 1);
  const ReportTable* pairs = report->Find("pairs_met_again");
  ASSERT_EQ(pairs->rows.size(), 1u);
  EXPECT_EQ(pairs->rows[0].code, "unibo+cas");
  EXPECT_EQ(pairs->rows[0].label.Get("zh"), "博洛尼亚大学 ↔ 中国科学院");
  EXPECT_EQ(pairs->rows[0].values, (std::vector<double>{2, 2, 2}));
}

// The chain the dashboards rely on: a participant reports through the
// outcomes service, the report ignores it until the support office validates
// it, then counts it.
TEST_F(ReportsTest, AReportedOutcomeCountsOnceTheSupportOfficeValidatesIt) {
  FakeClock clock(*FromCivil({2027, 2, 1, 9, 0, 0}, "Asia/Shanghai"));
  auto user = [&](const std::string& email, const std::string& name) {
    User u;
    u.email = email;
    u.name = name;
    EXPECT_TRUE(store_->CreateUser(u).ok());
    return u;
  };
  Actor participant;
  participant.user = user("giulia@unibo.test", "Giulia Rossi");
  participant.memberships.push_back({.user = participant.user.id,
                                     .event = w26_.id,
                                     .role = Role::kParticipant,
                                     .organization = org_["unibo"],
                                     .validated = true});
  Actor support;
  support.user = user("wang@support.test", "王芳");
  support.memberships.push_back(
      {.user = support.user.id, .event = w26_.id, .role = Role::kSupport});
  auto investments = [&](bool include_reported) {
    auto report =
        EventReport(*store_, support, w26_, taxonomy_, {.include_reported = include_reported});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? Value(*report, "outcomes_by_kind", "investment") : -1;
  };
  EXPECT_EQ(investments(false), 0);
  Outcome draft;
  draft.organizations = {org_["cas"]};
  draft.meetings = {Find(*store_->ListMeetings(w26_.id), "unibo", "cas")};
  draft.kind = OutcomeKind::kInvestment;
  draft.stage = OutcomeStage::kNegotiation;
  draft.title = "Fondo congiunto · 联合基金";
  draft.date = {2027, 1, 20};
  auto reported = ReportOutcome(*store_, clock, participant, w26_, draft);
  ASSERT_TRUE(reported.ok()) << reported.status().ToString();
  EXPECT_EQ(investments(false), 0) << "not validated yet";
  EXPECT_EQ(investments(true), 1);
  auto validated = ReviewOutcome(*store_, clock, support, w26_, reported->id,
                                 OutcomeReview::kValidated, "", reported->version);
  ASSERT_TRUE(validated.ok()) << validated.status().ToString();
  EXPECT_EQ(investments(false), 1);
}

TEST_F(ReportsTest, OnlyStaffSeeReports) {
  Actor participant;
  participant.user.id = UserId(2);
  participant.memberships.push_back({.user = participant.user.id,
                                     .event = w25_.id,
                                     .role = Role::kParticipant,
                                     .organization = org_["unibo"],
                                     .validated = true});
  EXPECT_EQ(EventReport(*store_, participant, w25_, taxonomy_).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(ProgrammeReport(*store_, participant, taxonomy_).status().code(),
            StatusCode::kPermissionDenied);
  const Actor interpreter = Staff(w25_, Role::kInterpreter);
  EXPECT_EQ(EventReport(*store_, interpreter, w25_, taxonomy_).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(EventReport(*store_, Staff(w25_, Role::kOrganizer), w26_, taxonomy_).status().code(),
            StatusCode::kPermissionDenied)
      << "the organizer of another edition";
  EXPECT_EQ(EventReport(*store_, Actor{}, w25_, taxonomy_).status().code(),
            StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace ponte::service
