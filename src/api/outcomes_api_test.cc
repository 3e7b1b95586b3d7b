// The outcome routes in process (App::Handle on a temporary store, fake
// clock, no background thread): who may do what, and the report → review
// flow with versions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "api/api_fixture.h"
#include "core/time.h"

namespace ponte::api {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kZone = "Asia/Shanghai";

class OutcomesApiTest : public AppTest {
 protected:
  OutcomesApiTest() : AppTest(*FromCivil({2026, 11, 20, 9, 0, 0}, kZone)) {}

  void SetUp() override {
    AppOptions options;
    options.worker = "outcomes-api-test";
    ASSERT_NO_FATAL_FAILURE(
        StartApp("ponte_outcomes_api_test_", {Edition(2025), Edition(2026)}, options));
    app_->WithStore([&](Store& store) {
      event_ = *store.GetEvent("week");
      const std::vector<Organization> orgs = store.ListOrganizations().value();
      for (const Organization& o : orgs) org_[o.key] = o.id;
      const std::vector<Meeting> meetings = store.ListMeetings(event_.id).value();
      for (const Meeting& m : meetings) {
        if (m.a == org_["unibo"] || m.b == org_["unibo"]) meeting_ = m.id;
      }
    });
    Account("organizer@ponte.test", {{.role = Role::kOrganizer}});
    Account("support@ponte.test", {{.role = Role::kSupport}});
    Account("a@unibo.test",
            {{.role = Role::kParticipant, .organization = org_["unibo"], .validated = true}});
    Account("b@cas.test",
            {{.role = Role::kParticipant, .organization = org_["cas"], .validated = true}});
    Account("d@polimi.test",
            {{.role = Role::kParticipant, .organization = org_["polimi"], .validated = true}});
    Account("interpreter@ponte.test", {{.role = Role::kInterpreter}});
    organizer_ = Bearer("organizer@ponte.test");
    support_ = Bearer("support@ponte.test");
    a_ = Bearer("a@unibo.test");
    b_ = Bearer("b@cas.test");
    d_ = Bearer("d@polimi.test");
    interpreter_ = Bearer("interpreter@ponte.test");
  }

  // "week" (2026) and "week-2025": unibo met cas at both (held).
  static Dataset Edition(int year) {
    Dataset data;
    Event e;
    e.key = year == 2026 ? "week" : "week-" + std::to_string(year);
    e.name.Set("it", "Settimana Italia–Cina " + std::to_string(year));
    e.name.Set("zh", "中意科技周 " + std::to_string(year));
    e.time_zone = std::string(kZone);
    e.start_date = {year, 10, 14};
    e.end_date = {year, 10, 14};
    e.venues.push_back({.key = "nc", .city = "Beijing", .name = "National Convention Center"});
    data.event = e;
    auto org = [&](std::string key, std::string it, std::string zh, std::string country) {
      Organization o;
      o.key = std::move(key);
      o.name.Set("it", std::move(it));
      o.name.Set("zh", std::move(zh));
      o.country = std::move(country);
      o.type = OrganizationType::kUniversity;
      data.organizations.push_back({.organization = o, .where = {"test", 0}});
    };
    org("unibo", "Università di Bologna", "博洛尼亚大学", "IT");
    org("cas", "Accademia cinese delle scienze", "中国科学院", "CN");
    org("polimi", "Politecnico di Milano", "米兰理工大学", "IT");
    const Instant start = *FromCivil({year, 10, 14, 9, 0, 0}, kZone);
    data.sessions.push_back({.session = {.key = "bj",
                                         .city = "Beijing",
                                         .venue = "nc",
                                         .date = {year, 10, 14},
                                         .start = start,
                                         .end = start + Seconds(7200),
                                         .slot_length = Minutes(30),
                                         .tables = 2},
                             .where = {"test", 0}});
    MeetingRequest r;
    r.key = "unibo-cas";
    r.status = RequestStatus::kAccepted;
    data.requests.push_back(
        {.request = r, .from_key = "unibo", .to_key = "cas", .where = {"test", 0}});
    Meeting m;
    m.table = 1;
    m.status = MeetingStatus::kHeld;
    data.meetings.push_back({.meeting = m,
                             .request_key = "unibo-cas",
                             .a_key = "unibo",
                             .b_key = "cas",
                             .session_key = "bj",
                             .where = {"test", 0}});
    return data;
  }

  Json Draft() {
    return {{"meetings", Json::array({meeting_.value()})},
            {"kind", "joint_research"},
            {"stage", "negotiation"},
            {"title", "Laboratorio congiunto / 联合实验室"},
            {"date", "2026-11-10"},
            {"value", 120000},
            {"currency", "EUR"},
            {"notes", "Firma prevista a Pechino; 预计在北京签约"}};
  }

  // A reports; returns the outcome's id.
  std::int64_t ReportByA() {
    Reply r = Call("POST", EventPath("/outcomes"), a_, Draft().dump());
    EXPECT_EQ(r.status, 201) << r.response.body;
    return r.body.value("id", std::int64_t{0});
  }

  MeetingId meeting_;
  Caller organizer_, support_, a_, b_, d_, interpreter_;
};

TEST_F(OutcomesApiTest, EveryRouteRefusesWhoMayNot) {
  const std::int64_t id = ReportByA();
  const std::string one = EventPath("/outcomes/" + std::to_string(id));
  const std::string history =
      EventPath("/organizations/" + std::to_string(org_["unibo"].value()) + "/history");
  const std::string review_body = Json{{"review", "validated"}}.dump();
  struct Case {
    std::string method;
    std::string target;
    Caller who;
    std::string body;
    int status;
  };
  const Caller anonymous;
  const std::vector<Case> cases = {
      // Anonymous: sign in first.
      {"GET", EventPath("/outcomes"), anonymous, "", 401},
      {"POST", EventPath("/outcomes"), anonymous, Draft().dump(), 401},
      {"GET", one, anonymous, "", 401},
      {"PUT", one, anonymous, "{}", 401},
      {"DELETE", one, anonymous, "", 401},
      {"POST", one + "/review", anonymous, review_body, 401},
      {"GET", history, anonymous, "", 401},
      // Interpreters have no part in outcomes.
      {"GET", EventPath("/outcomes"), interpreter_, "", 403},
      {"POST", EventPath("/outcomes"), interpreter_, Draft().dump(), 403},
      {"GET", one, interpreter_, "", 403},
      {"PUT", one, interpreter_, "{}", 403},
      {"DELETE", one, interpreter_, "", 403},
      {"POST", one + "/review", interpreter_, review_body, 403},
      {"GET", history, interpreter_, "", 403},
      // Another organization's participant (polimi): the outcome does not exist for it,
      // its meeting is not theirs, and it cannot review or read unibo's history.
      {"GET", one, d_, "", 404},
      {"PUT", one, d_, "{}", 404},
      {"DELETE", one, d_, "", 404},
      {"POST", EventPath("/outcomes"), d_, Draft().dump(), 422},
      {"POST", one + "/review", d_, review_body, 403},
      {"GET", history, d_, "", 403},
      // The partner named in it (cas) sees it but does not edit, delete or review it.
      {"GET", one, b_, "", 200},
      {"PUT", one, b_, "{}", 403},
      {"DELETE", one, b_, "", 403},
      {"POST", one + "/review", b_, review_body, 403},
      // The reporter does not review its own outcome.
      {"POST", one + "/review", a_, review_body, 403},
      // Staff read unibo's history.
      {"GET", history, support_, "", 200},
      {"GET", history, organizer_, "", 200},
      {"GET", history, a_, "", 200},
  };
  for (const Case& c : cases) {
    Reply r = Call(c.method, c.target, c.who, c.body);
    EXPECT_EQ(r.status, c.status) << c.method << " " << c.target << " as " << c.who.name << ": "
                                  << r.response.body;
  }
  // Nothing changed: still one outcome, as reported.
  Reply list = Call("GET", EventPath("/outcomes"), organizer_);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_EQ(list.body["items"][0].value("review", ""), "reported");
  EXPECT_EQ(list.body["items"][0].value("version", 0), 1);
  EXPECT_EQ(Call("GET", EventPath("/outcomes"), d_).body["items"].size(), 0u);
}

TEST_F(OutcomesApiTest, ReportEditReviewAndDeleteWithVersions) {
  Reply created = Call("POST", EventPath("/outcomes?lang=zh"), a_, Draft().dump());
  ASSERT_EQ(created.status, 201) << created.response.body;
  EXPECT_EQ(created.response.Get("ETag"), "\"v1\"");
  const std::int64_t id = created.body.value("id", std::int64_t{0});
  EXPECT_EQ(created.response.Get("Location"), EventPath("/outcomes/" + std::to_string(id)));
  EXPECT_EQ(created.body.value("title", ""), "Laboratorio congiunto / 联合实验室");
  EXPECT_EQ(created.body.value("stage", ""), "negotiation");
  EXPECT_EQ(created.body["reported_for"].value("name", ""), "博洛尼亚大学");
  ASSERT_EQ(created.body["organizations"].size(), 2u) << "the meeting's partner joined";
  EXPECT_EQ(created.body["value"].get<double>(), 120000);
  const std::string one = EventPath("/outcomes/" + std::to_string(id));

  // Errors name the field.
  Json bad = Draft();
  bad["stage"] = "signed";
  Reply invalid = Call("POST", EventPath("/outcomes"), a_, bad.dump());
  EXPECT_EQ(invalid.status, 422);
  EXPECT_THAT(invalid.body["error"].value("message", ""), HasSubstr("field 'stage'"));
  bad = Draft();
  bad.erase("date");
  EXPECT_THAT(
      Call("POST", EventPath("/outcomes"), a_, bad.dump()).body["error"].value("message", ""),
      HasSubstr("field 'date'"));

  // Edit with a stale version, then the right one.
  const Json change{{"stage", "agreement"}, {"title", "Accordo firmato / 已签协议"}};
  EXPECT_EQ(Call("PUT", one, a_, change.dump(), {{"if-match", "\"v7\""}}).status, 412);
  Reply edited = Call("PUT", one, a_, change.dump(), {{"if-match", "\"v1\""}});
  ASSERT_EQ(edited.status, 200) << edited.response.body;
  EXPECT_EQ(edited.response.Get("ETag"), "\"v2\"");
  EXPECT_EQ(edited.body.value("stage", ""), "agreement");
  EXPECT_EQ(edited.body.value("notes", ""), "Firma prevista a Pechino; 预计在北京签约")
      << "fields not sent are kept";

  // The support office: a rejection needs a note; then validates.
  Reply no_note = Call("POST", one + "/review", support_, Json{{"review", "rejected"}}.dump());
  EXPECT_EQ(no_note.status, 422);
  EXPECT_THAT(no_note.body["error"].value("message", ""), HasSubstr("field 'note'"));
  EXPECT_EQ(Call("POST", one + "/review", support_, Json{{"review", "validated"}}.dump(),
                 {{"if-match", "\"v1\""}})
                .status,
            412);
  Reply validated = Call("POST", one + "/review", support_,
                         Json{{"review", "validated"}, {"note", "Verificato"}}.dump());
  ASSERT_EQ(validated.status, 200) << validated.response.body;
  EXPECT_EQ(validated.body.value("review", ""), "validated");
  Reply queue = Call("GET", EventPath("/outcomes?review=reported"), support_);
  EXPECT_EQ(queue.body["items"].size(), 0u);
  Reply done = Call("GET", EventPath("/outcomes?review=validated&stage=agreement"), organizer_);
  EXPECT_EQ(done.body["items"].size(), 1u);
  EXPECT_EQ(Call("GET", EventPath("/outcomes?stage=signed"), organizer_).status, 400);
  Reply audit = Call("GET", EventPath("/audit"), organizer_);
  EXPECT_THAT(audit.response.body, HasSubstr("outcome.validate"));

  // Validated: the participant may no longer delete it; the support office may.
  EXPECT_EQ(Call("DELETE", one, a_).status, 403);
  EXPECT_EQ(Call("DELETE", one, support_).status, 204);
  EXPECT_EQ(Call("GET", one, a_).status, 404);
}

TEST_F(OutcomesApiTest, HistoryAcrossEditions) {
  ReportByA();
  Reply r = Call(
      "GET", EventPath("/organizations/" + std::to_string(org_["unibo"].value()) + "/history"), a_);
  ASSERT_EQ(r.status, 200) << r.response.body;
  ASSERT_EQ(r.body["editions"].size(), 2u);
  EXPECT_EQ(r.body["editions"][0]["event"].value("key", ""), "week-2025");
  EXPECT_EQ(r.body["editions"][1]["event"].value("key", ""), "week");
  const Json& meeting = r.body["editions"][1]["meetings"][0];
  EXPECT_EQ(meeting["partner"].value("key", ""), "cas");
  EXPECT_EQ(meeting.value("best_stage", ""), "negotiation");
  ASSERT_EQ(r.body["met_again"].size(), 1u);
  EXPECT_EQ(r.body["met_again"][0]["editions"], (Json{"week-2025", "week"}));
}

}  // namespace
}  // namespace ponte::api
