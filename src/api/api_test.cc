// The JSON API in process: App::Handle on a small temporary store, with a
// fake clock and no background thread (BackgroundRound is called by hand).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "api/api_fixture.h"
#include "core/time.h"

namespace ponte::api {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kZone = "Asia/Shanghai";
constexpr std::string_view kSecretMessage = "SECRET-MESSAGE-of-unibo";
constexpr std::string_view kSecretName = "SECRET-NAME Università di Bologna";

Instant At(int hour, int minute = 0) { return *FromCivil({2026, 10, 14, hour, minute, 0}, kZone); }

class ApiTest : public AppTest {
 protected:
  ApiTest() : AppTest(*FromCivil({2026, 10, 1, 9, 0, 0}, kZone)) {}

  void SetUp() override {
    AppOptions options;
    options.worker = "api-test";
    options.workflow.request_lifetime = Seconds(3600);
    options.workflow.reminder_before = Seconds(1800);
    ASSERT_NO_FATAL_FAILURE(StartApp("ponte_api_test_", {TestData()}, options));

    app_->WithStore([&](Store& store) {
      event_ = *store.GetEvent("week");
      const std::vector<Organization> orgs = store.ListOrganizations().value();
      for (Organization o : orgs) {
        org_[o.key] = o.id;
        // Import keeps every organization public (the column's default), so
        // unibo's profile is made private here.
        if (o.key == "unibo") {
          o.public_profile = false;
          ASSERT_TRUE(store.UpdateOrganization(o, o.version).ok());
        }
      }
      session_ = store.ListSessions(event_.id).value().front().id;
      interpreter_ = (*store.ListInterpreters(event_.id)).front().id;
    });
    Account("organizer@ponte.test", {{.role = Role::kOrganizer}});
    Account("support@ponte.test", {{.role = Role::kSupport}});
    Account("b@cas.test",
            {{.role = Role::kParticipant, .organization = org_["cas"], .validated = true}});
    Account("c@acme.test",
            {{.role = Role::kParticipant, .organization = org_["acme"], .validated = true}});
    Account("d@polimi.test",
            {{.role = Role::kParticipant, .organization = org_["polimi"], .validated = true}});
    Account("interpreter@ponte.test", {{.role = Role::kInterpreter, .interpreter = interpreter_}});
    organizer_ = Bearer("organizer@ponte.test");
    support_ = Bearer("support@ponte.test");
    b_ = Bearer("b@cas.test");
    c_ = Bearer("c@acme.test");
    d_ = Bearer("d@polimi.test");
    interpreter_caller_ = Bearer("interpreter@ponte.test");
  }

  static Dataset TestData() {
    Dataset data;
    Event e;
    e.key = "week";
    e.name.Set("en", "Italy–China Science Week");
    e.time_zone = std::string(kZone);
    e.start_date = {2026, 10, 14};
    e.end_date = {2026, 10, 14};
    e.venues.push_back({.key = "nc", .city = "Beijing", .name = "National Convention Center"});
    data.event = e;
    auto org = [&](std::string key, std::string name, std::string country, bool is_public) {
      Organization o;
      o.key = std::move(key);
      o.name.Set("en", std::move(name));
      o.country = std::move(country);
      o.type = OrganizationType::kUniversity;
      o.public_profile = is_public;
      data.organizations.push_back({.organization = o, .where = {"test", 0}});
    };
    org("unibo", std::string(kSecretName), "IT", false);  // private: only its own and staff
    org("cas", "Chinese Academy of Sciences", "CN", true);
    org("acme", "Acme", "IT", true);
    org("polimi", "Politecnico di Milano", "IT", true);
    data.sessions.push_back({.session = {.key = "bj",
                                         .city = "Beijing",
                                         .venue = "nc",
                                         .date = {2026, 10, 14},
                                         .start = At(9),
                                         .end = At(11),
                                         .slot_length = Minutes(30),
                                         .tables = 3},
                             .where = {"test", 0}});
    int n = 0;
    for (const char* key : {"unibo", "cas", "acme", "polimi"}) {
      Person p;
      p.key = "person-" + std::to_string(n++);
      p.given_name = "Delegate";
      p.family_name = key;
      p.languages = {"en"};
      data.people.push_back({.person = p, .organization_key = key, .session_keys = {"bj"}});
    }
    Interpreter li;
    li.key = "li";
    li.name = "Li Na";
    li.pairs = {{"it", "zh"}};
    data.interpreters.push_back({.interpreter = li, .session_keys = {}});
    return data;
  }

  // The newest mail to `to` of `kind`.
  std::optional<OutboxMessage> MailTo(const std::string& to, const std::string& kind) {
    return app_->WithStore([&](Store& store) -> std::optional<OutboxMessage> {
      const std::vector<OutboxMessage> mails = store.ListOutbox(1000, false).value();
      for (const OutboxMessage& m : mails) {
        if (m.to == to && m.kind == kind) return m;
      }
      return std::nullopt;
    });
  }

  // A accepts an invitation for unibo, is validated and signs in.
  Caller InviteA() {
    Reply invited = Post(EventPath("/invitations"), organizer_,
                         {{"email", "a@unibo.test"},
                          {"role", "participant"},
                          {"organization", org_["unibo"].value()}});
    EXPECT_EQ(invited.status, 201) << invited.response.body;
    auto mail = MailTo("a@unibo.test", "invitation");
    EXPECT_TRUE(mail.has_value());
    std::smatch m;
    const std::string body = mail ? mail->body : "";
    EXPECT_TRUE(std::regex_search(body, m, std::regex("invitation\\?token=([A-Za-z0-9_-]+)")));
    Reply accepted = Post("/api/v1/auth/invitations/accept", {},
                          {{"token", m[1].str()}, {"name", "Anna"}, {"password", kPassword}});
    EXPECT_EQ(accepted.status, 201) << accepted.response.body;
    a_user_ = UserId(accepted.body.value("id", std::int64_t{0}));
    return Bearer("a@unibo.test");
  }

  // Fast set-up through the services: A exists, A→B pending (with a secret
  // message), D→B accepted, and a meeting A–B at slot 0 table 1.
  void SeedPrivateState() {
    a_user_ =
        Account("a@unibo.test",
                {{.role = Role::kParticipant, .organization = org_["unibo"], .validated = true}});
    a_ = Bearer("a@unibo.test");
    Reply sent = Post(EventPath("/requests"), a_,
                      {{"to", org_["cas"].value()}, {"message", std::string(kSecretMessage)}});
    ASSERT_EQ(sent.status, 201) << sent.response.body;
    request_ab_ = sent.body["id"].get<std::int64_t>();
    app_->WithStore([&](Store& store) {
      Meeting m{.event = event_.id,
                .a = org_["unibo"],
                .b = org_["cas"],
                .session = session_,
                .slot = 0,
                .table = 1};
      ASSERT_TRUE(store.AddMeeting(m).ok());
      meeting_ab_ = m.id.value();
    });
  }

  SessionId session_;
  InterpreterId interpreter_;
  Caller organizer_, support_, a_, b_, c_, d_, interpreter_caller_;
  UserId a_user_;
  std::int64_t request_ab_ = 0;
  std::int64_t meeting_ab_ = 0;
};

void ExpectErrorShape(const Reply& r, int status, std::string_view code) {
  EXPECT_EQ(r.status, status) << r.response.body;
  ASSERT_TRUE(r.body.is_object()) << r.response.body;
  ASSERT_TRUE(r.body.contains("error")) << r.response.body;
  const Json& e = r.body["error"];
  EXPECT_EQ(e.value("code", ""), code) << r.response.body;
  EXPECT_TRUE(e.contains("message") && e["message"].is_string() &&
              !e["message"].get<std::string>().empty());
  EXPECT_TRUE(e.contains("details") && e["details"].is_object());
}

// ---- the OpenAPI document --------------------------------------------------------------

TEST_F(ApiTest, OpenApiListsExactlyTheRoutes) {
  Reply r = Get("/api/v1/openapi.json", {});
  ASSERT_EQ(r.status, 200);
  const Json& doc = r.body;
  EXPECT_THAT(doc.value("openapi", ""), ::testing::StartsWith("3."));
  ASSERT_TRUE(doc.contains("info") && doc["info"].contains("title") &&
              doc["info"].contains("version"));
  ASSERT_TRUE(doc.contains("paths") && doc["paths"].is_object());
  std::set<std::pair<std::string, std::string>> from_routes, from_doc;
  for (const Route& route : app_->router().routes()) {
    if (!route.spec.pattern.starts_with("/api/")) continue;
    std::string method = route.spec.method;
    for (char& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    from_routes.emplace(route.spec.pattern, method);
  }
  const std::set<std::string> kMethods{"get", "put", "post", "delete", "patch", "head", "options"};
  for (const auto& [path, item] : doc["paths"].items()) {
    ASSERT_TRUE(item.is_object()) << path;
    for (const auto& [method, op] : item.items()) {
      EXPECT_TRUE(kMethods.contains(method)) << path << " " << method;
      if (path.starts_with("/api/")) from_doc.emplace(path, method);
      EXPECT_TRUE(op.contains("responses") && op["responses"].is_object() &&
                  !op["responses"].empty())
          << path << " " << method;
      for (const auto& [code, response] : op["responses"].items()) {
        EXPECT_TRUE(code == "default" || (code.size() == 3 && std::isdigit(code[0])))
            << path << " " << code;
        EXPECT_TRUE(response.contains("description")) << path << " " << code;
      }
      EXPECT_TRUE(op.contains("summary") && !op["summary"].get<std::string>().empty()) << path;
      // Every {parameter} of the path is declared, in the path.
      std::set<std::string> declared;
      for (const Json& p : op.value("parameters", Json::array())) {
        if (p.value("in", "") == "path") declared.insert(p.value("name", ""));
        EXPECT_TRUE(p.value("required", false)) << path;
      }
      std::set<std::string> in_path;
      const std::regex parameter("\\{([a-z_]+)\\}");
      for (std::sregex_iterator it(path.begin(), path.end(), parameter), end; it != end; ++it) {
        in_path.insert((*it)[1].str());
      }
      EXPECT_EQ(declared, in_path) << path;
    }
  }
  EXPECT_EQ(from_doc, from_routes);
  // operationIds are unique.
  std::set<std::string> ids;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      EXPECT_TRUE(ids.insert(op.value("operationId", "")).second) << path << " " << method;
    }
  }
  EXPECT_TRUE(doc["components"]["schemas"].contains("Error"));
}

// ---- errors ------------------------------------------------------------------------------

TEST_F(ApiTest, ErrorShapeAndStatusMapping) {
  SeedPrivateState();
  // 400: the body is not JSON.
  ExpectErrorShape(Call("POST", "/api/v1/auth/login", {}, "{\"email\": "), 400, "bad_request");
  ExpectErrorShape(Call("POST", EventPath("/requests"), a_, "[1, 2"), 400, "bad_request");
  ExpectErrorShape(Get(EventPath("/requests/abc"), a_), 400, "bad_request");
  // 401: no credential, or a wrong one.
  Reply anonymous = Get("/api/v1/me", {});
  ExpectErrorShape(anonymous, 401, "unauthenticated");
  EXPECT_FALSE(anonymous.response.Get("WWW-Authenticate").empty());
  ExpectErrorShape(Get("/api/v1/me", {.bearer = "not-a-token"}), 401, "unauthenticated");
  // 403: a cookie session posting without its CSRF token, and a wrong role.
  Caller session = Login("b@cas.test");
  Caller no_csrf = session;
  no_csrf.csrf.clear();
  ExpectErrorShape(Call("PATCH", "/api/v1/me", no_csrf, R"({"locale":"it"})"), 403, "forbidden");
  Caller wrong_csrf = session;
  // Change the first character (a fixed "x" would equal the token 1 time in 64).
  wrong_csrf.csrf[0] = wrong_csrf.csrf[0] == 'x' ? 'y' : 'x';
  ExpectErrorShape(Call("PATCH", "/api/v1/me", wrong_csrf, R"({"locale":"it"})"), 403, "forbidden");
  EXPECT_EQ(Call("PATCH", "/api/v1/me", session, R"({"locale":"it"})").status, 200);
  // A session cookie is not a bearer token, and the other way round.
  EXPECT_EQ(Get("/api/v1/me", {.bearer = session.cookie}).status, 401);
  EXPECT_EQ(Get("/api/v1/me", {.cookie = b_.bearer}).status, 401);
  ExpectErrorShape(Get(EventPath("/participants"), b_), 403, "forbidden");
  ExpectErrorShape(Post(EventPath("/schedule/jobs"), support_), 403, "forbidden");
  // 404: no route, no event, no object.
  ExpectErrorShape(Get("/api/v1/nothing-here", {}), 404, "not_found");
  ExpectErrorShape(Get("/api/v1/events/no-such-event", {}), 404, "not_found");
  ExpectErrorShape(Get(EventPath("/requests/999999"), b_), 404, "not_found");
  // 405 with Allow.
  Reply method = Call("DELETE", "/api/v1/me", b_);
  ExpectErrorShape(method, 405, "method_not_allowed");
  EXPECT_THAT(std::string(method.response.Get("Allow")), HasSubstr("GET"));
  EXPECT_THAT(std::string(method.response.Get("Allow")), HasSubstr("PATCH"));
  // 409: a second request between the same organizations.
  ExpectErrorShape(Post(EventPath("/requests"), a_, {{"to", org_["cas"].value()}}), 409,
                   "conflict");
  // 412: a stale If-Match.
  const std::string reply = EventPath("/requests/" + std::to_string(request_ab_) + "/accept");
  ExpectErrorShape(Post(reply, b_, Json::object(), {{"if-match", "\"v999\""}}), 412, "stale");
  ExpectErrorShape(Post(reply, b_, Json::object(), {{"if-match", "garbage"}}), 400, "bad_request");
  // 422: a well-formed request with an invalid field.
  ExpectErrorShape(Call("PATCH", "/api/v1/me", b_, R"({"locale":"fr"})"), 422, "invalid");
  ExpectErrorShape(Post(EventPath("/requests"), d_, {{"to", org_["polimi"].value()}}), 422,
                   "invalid");
  // A field of the wrong type is a 422, never an exception.
  ExpectErrorShape(
      Post(EventPath("/participants/" + std::to_string(a_user_.value()) + "/validation"), support_,
           {{"validated", "yes"}}),
      422, "invalid");
  ExpectErrorShape(Post(EventPath("/meetings/" + std::to_string(meeting_ab_) + "/feedback"), a_,
                        {{"rating", 4}, {"follow_up", "yes"}}),
                   422, "invalid");
  // 429 after repeated failed sign-ins, with Retry-After.
  Reply last;
  for (int i = 0; i < 8; ++i) {
    last = Post("/api/v1/auth/login", {},
                {{"email", "c@acme.test"}, {"password", "wrong password " + std::to_string(i)}});
    if (last.status == 429) break;
    EXPECT_EQ(last.status, 401) << last.response.body;
  }
  ExpectErrorShape(last, 429, "too_many_requests");
  EXPECT_FALSE(last.response.Get("Retry-After").empty());
  // Every response has a request id and is not cached.
  EXPECT_FALSE(last.response.Get("X-Request-Id").empty());
  EXPECT_EQ(last.response.Get("Cache-Control"), "no-store");
}

// ---- authorization for every route ---------------------------------------------------------

TEST_F(ApiTest, EveryRouteChecksWhoIsCalling) {
  SeedPrivateState();
  auto state = [&] {
    return app_->WithStore([&](Store& store) {
      const MeetingRequest r = *store.GetRequest(MeetingRequestId(request_ab_));
      const Meeting m = *store.GetMeeting(MeetingId(meeting_ab_));
      const Organization o = *store.GetOrganization(org_["unibo"]);
      return std::tuple(r.version, ToCode(r.status), m.version, ToCode(m.status), m.slot, o.version,
                        (*store.ListProfilesOf(o.id)).size());
    });
  };
  const auto before = state();

  // The concrete target of a route, aimed at A's objects.
  auto target_of = [&](const Route& route) {
    std::string path;
    const bool meeting = route.spec.pattern.find("/meetings/") != std::string::npos;
    const bool organization = route.spec.pattern.find("/organizations/") != std::string::npos;
    const bool job = route.spec.pattern.find("/jobs/") != std::string::npos;
    for (const std::string& seg : route.segments) {
      path += "/";
      if (seg == "{event}") {
        path += "week";
      } else if (seg == "{id}") {
        path += std::to_string(meeting        ? meeting_ab_
                               : organization ? org_["unibo"].value()
                               : job          ? 1
                                              : request_ab_);
      } else if (seg == "{reply}") {
        path += "accept";
      } else if (seg == "{user}") {
        path += std::to_string(a_user_.value());
      } else if (seg == "{token}") {
        path += "not-a-feed-token.ics";
      } else if (seg == "{file}") {
        path += "outcomes_by_stage.csv";
      } else {
        path += seg;
      }
    }
    return path;
  };
  // Bodies that would be valid for the right caller.
  auto body_of = [&](const Route& route) -> Json {
    const std::string& p = route.spec.pattern;
    if (p.ends_with("/status")) return {{"status", "cancelled"}};
    if (p.ends_with("/move")) return {{"session", session_.value()}, {"slot", 3}, {"table", 3}};
    if (p.ends_with("/walk-in")) return {{"a", org_["unibo"].value()}, {"b", org_["acme"].value()}};
    if (p.ends_with("/feedback")) return {{"rating", 1}};
    if (p.ends_with("/profiles")) {
      return {{"kind", "offer"}, {"title", {{"en", "Hijacked"}}}, {"text", {{"en", "x"}}}};
    }
    if (p.ends_with("/organizations/{id}")) return {{"public_profile", true}, {"city", "Nowhere"}};
    if (p.ends_with("/validation")) return {{"validated", false}};
    if (p.ends_with("/invitations")) return {{"email", "x@evil.test"}, {"role", "organizer"}};
    if (p.ends_with("/requests")) return {{"to", org_["unibo"].value()}};
    return Json::object();
  };

  const std::vector<std::pair<std::string, Caller>> outsiders{
      {"participant of another organization", c_}, {"interpreter", interpreter_caller_}};
  int checked = 0;
  for (const Route& route : app_->router().routes()) {
    if (!route.spec.pattern.starts_with("/api/")) continue;
    const std::string target = target_of(route);
    const Json body = body_of(route);
    const bool safe = route.spec.method == "GET";
    auto call = [&](const Caller& who) {
      return safe ? Get(target, who) : Call(route.spec.method, target, who, body.dump());
    };
    SCOPED_TRACE(route.spec.method + " " + target);
    // Anonymous: only public routes answer.
    Reply anonymous = call({});
    if (route.spec.access == Access::kPublic) {
      EXPECT_NE(anonymous.status, 403) << anonymous.response.body;
      EXPECT_LT(anonymous.status, 500) << anonymous.response.body;
    } else {
      ExpectErrorShape(anonymous, 401, "unauthenticated");
    }
    // Outsiders: never a 5xx, never A's secrets, never a change to A's objects.
    for (const auto& [who, caller] : outsiders) {
      SCOPED_TRACE(who);
      Reply r = call(caller);
      EXPECT_LT(r.status, 500) << r.response.body;
      EXPECT_THAT(r.response.body, ::testing::Not(HasSubstr(kSecretMessage)));
      EXPECT_THAT(r.response.body, ::testing::Not(HasSubstr("SECRET-NAME")));
      if (!safe && route.spec.access != Access::kPublic &&
          route.spec.pattern != "/api/v1/auth/tokens" && route.spec.pattern != "/api/v1/me" &&
          route.spec.pattern != "/api/v1/auth/logout") {
        EXPECT_GE(r.status, 400) << r.response.body;
      }
      // Reading one of A's objects by id is refused.
      if (safe && route.spec.pattern.find("{id}") != std::string::npos) {
        EXPECT_TRUE(r.status == 403 || r.status == 404) << r.status << " " << r.response.body;
      }
      // Lists never hold A's request or meeting.
      if (r.status == 200 && r.body.is_object() && r.body.contains("items")) {
        for (const Json& item : r.body["items"]) {
          if (item.contains("from")) {
            EXPECT_NE(item["from"], org_["unibo"].value());
          }
          if (item.contains("a")) {
            EXPECT_NE(item["a"], org_["unibo"].value());
          }
          if (item.contains("b")) {
            EXPECT_NE(item["b"], org_["unibo"].value());
          }
          if (item.contains("id") && route.spec.pattern.ends_with("/organizations")) {
            EXPECT_NE(item["id"], org_["unibo"].value());
          }
        }
      }
      EXPECT_EQ(state(), before) << "state of A's objects changed";
    }
    ++checked;
  }
  EXPECT_GE(checked, 30);

  // Staff asking for A's agenda see it; an outsider asking gets their own.
  const std::string asked =
      EventPath("/agenda?organization=" + std::to_string(org_["unibo"].value()));
  Reply staff_view = Get(asked, support_);
  ASSERT_EQ(staff_view.status, 200) << staff_view.response.body;
  EXPECT_EQ(staff_view.body["entries"].size(), 1u) << staff_view.response.body;
  Reply outsider_view = Get(asked, c_);
  EXPECT_EQ(outsider_view.status, 200);
  EXPECT_TRUE(outsider_view.body["entries"].empty()) << outsider_view.response.body;
  Reply interpreter_view = Get(asked, interpreter_caller_);
  EXPECT_TRUE(interpreter_view.status == 200 || interpreter_view.status == 404);
  if (interpreter_view.status == 200) {
    EXPECT_TRUE(interpreter_view.body["entries"].empty());
  }

  // The right callers get through the access check on every route.
  auto right_caller = [&](const Route& route) -> Caller {
    if (route.spec.access == Access::kPublic) return {};
    if (route.spec.access == Access::kSignedIn) return organizer_;
    if (route.spec.roles.empty()) return a_;
    switch (route.spec.roles.front()) {
      case Role::kOrganizer:
        return organizer_;
      case Role::kSupport:
        return support_;
      case Role::kInterpreter:
        return interpreter_caller_;
      default:
        return a_;
    }
  };
  for (const Route& route : app_->router().routes()) {
    if (!route.spec.pattern.starts_with("/api/") || route.spec.method != "GET" ||
        route.spec.pattern.ends_with("{token}")) {
      continue;  // the feed route is checked with a real token in the workflow test
    }
    SCOPED_TRACE(route.spec.method + " " + route.spec.pattern);
    Reply r = Get(target_of(route), right_caller(route));
    EXPECT_NE(r.status, 401) << r.response.body;
    EXPECT_NE(r.status, 403) << r.response.body;
    EXPECT_LT(r.status, 500) << r.response.body;
  }
  // A reads its own request; B (the receiver) too; both see the meeting.
  EXPECT_EQ(Get(EventPath("/requests/" + std::to_string(request_ab_)), a_).status, 200);
  EXPECT_EQ(Get(EventPath("/requests/" + std::to_string(request_ab_)), b_).status, 200);
  EXPECT_EQ(Get(EventPath("/meetings"), b_).body["items"].size(), 1u);
  EXPECT_EQ(Get(EventPath("/organizations/" + std::to_string(org_["unibo"].value())), a_).status,
            200);
}

// ---- the whole workflow, as the roles ------------------------------------------------------

int IcsSequence(const std::string& ics, const std::string& uid) {
  const std::size_t at = ics.find("UID:" + uid);
  if (at == std::string::npos) return -1;
  const std::size_t seq = ics.find("SEQUENCE:", at);
  if (seq == std::string::npos) return -1;
  return std::atoi(ics.c_str() + seq + 9);
}

TEST_F(ApiTest, WorkflowFromInvitationToFeedback) {
  // The organizer invites A; A accepts (an invitation counts as validated).
  // The support office withdraws the validation: A cannot send requests;
  // validates again: A can.
  a_ = InviteA();
  const std::string validation =
      EventPath("/participants/" + std::to_string(a_user_.value()) + "/validation");
  EXPECT_EQ(Post(validation, b_, {{"validated", false}}).status, 403);
  ASSERT_EQ(Post(validation, support_, {{"validated", false}}).status, 200);
  EXPECT_EQ(Post(EventPath("/requests"), a_, {{"to", org_["cas"].value()}}).status, 403);
  Reply validated = Post(validation, support_, {{"validated", true}});
  ASSERT_EQ(validated.status, 200) << validated.response.body;
  EXPECT_EQ(validated.body["validated"], true);

  // A asks B; B accepts with If-Match. D asks B too, B accepts.
  Reply sent =
      Post(EventPath("/requests"), a_, {{"to", org_["cas"].value()}, {"preference", "must"}});
  ASSERT_EQ(sent.status, 201) << sent.response.body;
  const std::string id = std::to_string(sent.body["id"].get<std::int64_t>());
  Reply seen = Get(EventPath("/requests/" + id), b_);
  ASSERT_EQ(seen.status, 200);
  const std::string etag(seen.response.Get("ETag"));
  ASSERT_FALSE(etag.empty());
  EXPECT_TRUE(MailTo("b@cas.test", "request").has_value());
  Reply accepted =
      Post(EventPath("/requests/" + id + "/accept"), b_, Json::object(), {{"if-match", etag}});
  ASSERT_EQ(accepted.status, 200) << accepted.response.body;
  EXPECT_EQ(accepted.body["status"], "accepted");
  // Accepting twice conflicts; the old ETag is stale.
  EXPECT_EQ(Post(EventPath("/requests/" + id + "/accept"), b_, Json::object(), {{"if-match", etag}})
                .status,
            412);
  Reply d_sent = Post(EventPath("/requests"), d_, {{"to", org_["cas"].value()}});
  ASSERT_EQ(d_sent.status, 201);
  ASSERT_EQ(Post(EventPath("/requests/" + std::to_string(d_sent.body["id"].get<std::int64_t>()) +
                           "/accept"),
                 b_)
                .status,
            200);

  // The organizer schedules in a job; the background round runs it.
  Reply job = Post(EventPath("/schedule/jobs"), organizer_, {{"time_limit_s", 5}});
  ASSERT_EQ(job.status, 202) << job.response.body;
  const std::string job_id = std::to_string(job.body["id"].get<std::int64_t>());
  EXPECT_EQ(job.response.Get("Location"), "/api/v1/jobs/" + job_id);
  EXPECT_EQ(Get("/api/v1/jobs/" + job_id, a_).status, 404);  // not staff
  app_->BackgroundRound();
  Reply state = Get("/api/v1/jobs/" + job_id, organizer_);
  ASSERT_EQ(state.status, 200);
  ASSERT_EQ(state.body.value("state", ""), "succeeded") << state.response.body;
  Reply preview = Get("/api/v1/jobs/" + job_id + "/preview", support_);
  ASSERT_EQ(preview.status, 200);
  ASSERT_EQ(preview.body["meetings"].size(), 2u) << preview.response.body;
  EXPECT_EQ(Post(EventPath("/schedule/publish"), support_, {{"job", std::stoll(job_id)}}).status,
            403);
  Reply published = Post(EventPath("/schedule/publish"), organizer_, {{"job", std::stoll(job_id)}});
  ASSERT_EQ(published.status, 200) << published.response.body;
  EXPECT_EQ(published.body["published"], 2);

  // Both agendas show the meeting and its table.
  Reply agenda_a = Get(EventPath("/agenda"), a_);
  Reply agenda_b = Get(EventPath("/agenda"), b_);
  ASSERT_EQ(agenda_a.status, 200);
  ASSERT_EQ(agenda_a.body["entries"].size(), 1u) << agenda_a.response.body;
  ASSERT_EQ(agenda_b.body["entries"].size(), 2u) << agenda_b.response.body;
  const Json entry = agenda_a.body["entries"][0];
  const std::int64_t meeting = entry["meeting"]["id"].get<std::int64_t>();
  EXPECT_GE(entry["table"].get<int>(), 1);
  EXPECT_EQ(entry["counterpart"]["id"], org_["cas"].value());
  bool b_has_it = false;
  for (const Json& e : agenda_b.body["entries"]) {
    if (e["meeting"]["id"] == meeting) {
      b_has_it = true;
      EXPECT_EQ(e["table"], entry["table"]);
      EXPECT_EQ(e["start"], entry["start"]);
    }
  }
  EXPECT_TRUE(b_has_it);
  const std::string uid = "meeting-" + std::to_string(meeting) + "@ponte.test";
  Reply ics = Get(EventPath("/agenda.ics"), a_);
  ASSERT_EQ(ics.status, 200);
  EXPECT_THAT(std::string(ics.response.Get("Content-Type")), HasSubstr("text/calendar"));
  EXPECT_THAT(ics.response.body, HasSubstr("BEGIN:VCALENDAR"));
  const int sequence = IcsSequence(ics.response.body, uid);
  ASSERT_GE(sequence, 0) << ics.response.body;
  Reply html = Get(EventPath("/agenda.html"), a_);
  ASSERT_EQ(html.status, 200);
  EXPECT_THAT(std::string(html.response.Get("Content-Type")), HasSubstr("text/html"));
  EXPECT_THAT(html.response.body, HasSubstr("Chinese Academy of Sciences"));

  // Staff move it: same UID, higher SEQUENCE, and the ETag guards the move.
  Reply listed = Get(EventPath("/meetings"), support_);
  ASSERT_EQ(listed.status, 200);
  int version = 0, slot = 0, other_slot = -1;
  std::set<std::pair<int, int>> busy;
  for (const Json& m : listed.body["items"]) {
    busy.emplace(m["slot"].get<int>(), m["table"].get<int>());
    if (m["id"] == meeting) {
      version = m["version"].get<int>();
      slot = m["slot"].get<int>();
    } else {
      other_slot = m["slot"].get<int>();  // D–B: B is busy then
    }
  }
  ASSERT_NE(slot, other_slot);
  int to_slot = -1;
  for (int s = 0; s < 4 && to_slot < 0; ++s) {
    if (s != slot && s != other_slot && !busy.contains({s, 3})) to_slot = s;
  }
  ASSERT_GE(to_slot, 0);
  int free_table = 1;
  while (busy.contains({other_slot, free_table})) ++free_table;
  const std::string move = EventPath("/meetings/" + std::to_string(meeting) + "/move");
  const Json place{{"session", session_.value()}, {"slot", to_slot}, {"table", 3}};
  EXPECT_EQ(Post(move, support_, place, {{"if-match", ETag(version + 7)}}).status, 412);
  EXPECT_EQ(Post(move, a_, place).status, 403);
  // Into the slot where B already meets D: B would be in two places.
  Reply double_booked = Post(
      move, support_, {{"session", session_.value()}, {"slot", other_slot}, {"table", free_table}});
  ExpectErrorShape(double_booked, 409, "conflict");
  Reply moved = Post(move, support_, place, {{"if-match", ETag(version)}});
  ASSERT_EQ(moved.status, 200) << moved.response.body;
  EXPECT_EQ(moved.body["slot"], to_slot);
  // The agenda follows at once (no stale copy is served after a write).
  Reply agenda_moved = Get(EventPath("/agenda"), a_);
  ASSERT_EQ(agenda_moved.body["entries"].size(), 1u);
  EXPECT_EQ(agenda_moved.body["entries"][0]["table"], 3);
  EXPECT_NE(agenda_moved.body["entries"][0]["start"], entry["start"]);
  Reply ics2 = Get(EventPath("/agenda.ics"), a_);
  EXPECT_GT(IcsSequence(ics2.response.body, uid), sequence) << ics2.response.body;
  Reply ics_b = Get(EventPath("/agenda.ics"), b_);
  EXPECT_GE(IcsSequence(ics_b.response.body, uid), 0);

  // The calendar feed: its token works in the URL and nowhere else.
  Reply feed_token = Post("/api/v1/auth/tokens", a_, {{"kind", "calendar_feed"}});
  ASSERT_EQ(feed_token.status, 201);
  const std::string feed = feed_token.body["token"].get<std::string>();
  Reply subscribed = Get("/api/v1/calendar/week/" + feed + ".ics", {});
  ASSERT_EQ(subscribed.status, 200) << subscribed.response.body;
  EXPECT_EQ(IcsSequence(subscribed.response.body, uid), IcsSequence(ics2.response.body, uid));
  EXPECT_EQ(Get("/api/v1/me", {.bearer = feed}).status, 401);
  EXPECT_EQ(Get(EventPath("/agenda"), {.bearer = feed}).status, 401);
  EXPECT_EQ(Get("/api/v1/calendar/week/" + a_.bearer + ".ics", {}).status, 401);
  EXPECT_EQ(Get("/api/v1/calendar/week/nope.ics", {}).status, 401);

  // On site: A cancels its meeting; staff mark D–B a no-show; a walk-in A–D.
  const std::string status = EventPath("/meetings/" + std::to_string(meeting) + "/status");
  EXPECT_EQ(Post(status, c_, {{"status", "cancelled"}}).status, 404);
  EXPECT_EQ(Post(status, a_, {{"status", "held"}}).status, 403);
  Reply cancelled = Post(status, a_, {{"status", "cancelled"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.response.body;
  const Reply agenda_cancelled = Get(EventPath("/agenda"), b_);
  for (const Json& e : agenda_cancelled.body["entries"]) {
    if (e["meeting"]["id"] == meeting) {
      EXPECT_EQ(e["status"], "cancelled");
    }
  }
  Reply ics3 = Get(EventPath("/agenda.ics"), b_);
  EXPECT_THAT(ics3.response.body, HasSubstr("STATUS:CANCELLED"));
  std::int64_t other = 0;
  const Reply after_cancel = Get(EventPath("/meetings"), support_);
  for (const Json& m : after_cancel.body["items"]) {
    if (m["id"] != meeting) other = m["id"].get<std::int64_t>();
  }
  ASSERT_GT(other, 0);
  Reply no_show = Post(EventPath("/meetings/" + std::to_string(other) + "/status"), support_,
                       {{"status", "no_show"}});
  ASSERT_EQ(no_show.status, 200) << no_show.response.body;
  Reply walk_in = Post(EventPath("/meetings/walk-in"), support_,
                       {{"a", org_["unibo"].value()}, {"b", org_["polimi"].value()}});
  ASSERT_EQ(walk_in.status, 201) << walk_in.response.body;
  // The walk-in's slot and table were free, and neither side was busy then.
  const Reply after_walk_in = Get(EventPath("/meetings"), support_);
  for (const Json& m : after_walk_in.body["items"]) {
    if (m["id"] == walk_in.body["id"] || m["status"] == "cancelled") continue;
    if (m["slot"] != walk_in.body["slot"]) continue;
    EXPECT_NE(m["table"], walk_in.body["table"]);
    for (const char* side : {"a", "b"}) {
      EXPECT_NE(m[side], org_["unibo"].value());
      EXPECT_NE(m[side], org_["polimi"].value());
    }
  }
  EXPECT_EQ(Post(EventPath("/meetings/walk-in"), a_,
                 {{"a", org_["unibo"].value()}, {"b", org_["acme"].value()}})
                .status,
            403);
  // By default nothing else moved; `allow_moves` is a boolean; no place
  // after the event, and the 409 says so.
  EXPECT_TRUE(walk_in.body["moved"].is_array());
  EXPECT_TRUE(walk_in.body["moved"].empty());
  EXPECT_EQ(
      Post(EventPath("/meetings/walk-in"), support_,
           {{"a", org_["unibo"].value()}, {"b", org_["acme"].value()}, {"allow_moves", "yes"}})
          .status,
      422);
  Reply too_late = Post(EventPath("/meetings/walk-in"), support_,
                        {{"a", org_["unibo"].value()},
                         {"b", org_["acme"].value()},
                         {"not_before", "2030-01-01T00:00:00Z"},
                         {"allow_moves", true}});
  ExpectErrorShape(too_late, 409, "conflict");
  EXPECT_THAT(too_late.body["error"]["message"].get<std::string>(),
              HasSubstr("no slot of the event starts at or after"));

  // Feedback from a side; not on a cancelled meeting, not from outsiders.
  const std::string walk_in_id = std::to_string(walk_in.body["id"].get<std::int64_t>());
  EXPECT_EQ(Post(EventPath("/meetings/" + walk_in_id + "/feedback"), a_,
                 {{"rating", 5}, {"follow_up", true}, {"comment", "molto utile"}})
                .status,
            201);
  EXPECT_EQ(Post(EventPath("/meetings/" + walk_in_id + "/feedback"), c_, {{"rating", 5}}).status,
            404);
  EXPECT_EQ(Post(EventPath("/meetings/" + walk_in_id + "/feedback"), a_, {{"rating", 9}}).status,
            422);
  EXPECT_EQ(
      Post(EventPath("/meetings/" + std::to_string(meeting) + "/feedback"), a_, {{"rating", 3}})
          .status,
      409);

  // The organizers' audit log has the steps.
  Reply audit = Get(EventPath("/audit"), organizer_);
  ASSERT_EQ(audit.status, 200);
  std::set<std::string> actions;
  for (const Json& e : audit.body["items"]) actions.insert(e.value("action", ""));
  for (const char* action :
       {"invitation.create", "participant.validate", "schedule.run", "schedule.publish",
        "meeting.move", "meeting.no_show", "meeting.walk_in"}) {
    EXPECT_TRUE(actions.contains(action)) << action;
  }
}

TEST_F(ApiTest, PendingRequestsGetAReminderThenExpire) {
  SeedPrivateState();
  const std::string path = EventPath("/requests/" + std::to_string(request_ab_));
  EXPECT_EQ(Get(path, a_).body["status"], "pending");
  // Not yet a minute since the last sweep: nothing happens.
  clock_.Advance(Seconds(30));
  app_->BackgroundRound();
  EXPECT_FALSE(MailTo("b@cas.test", "reminder").has_value());
  // Past the reminder time (lifetime 3600 s, reminder 1800 s before).
  clock_.Advance(Seconds(1800));
  app_->BackgroundRound();
  auto reminder = MailTo("b@cas.test", "reminder");
  ASSERT_TRUE(reminder.has_value());
  EXPECT_THAT(reminder->body, HasSubstr(std::to_string(request_ab_)));
  EXPECT_TRUE(reminder->sent_at.has_value());  // the round also sent the outbox
  EXPECT_EQ(Get(path, a_).body["status"], "pending");
  // Past the expiry.
  clock_.Advance(Seconds(1800));
  app_->BackgroundRound();
  Reply expired = Get(path, b_);
  EXPECT_EQ(expired.body["status"], "expired") << expired.response.body;
  EXPECT_EQ(Post(path + "/accept", b_).status, 409);
  // The outbox lists the reminder for organizers only.
  EXPECT_EQ(Get("/api/v1/outbox", b_).status, 403);
  Reply outbox = Get("/api/v1/outbox", organizer_);
  ASSERT_EQ(outbox.status, 200);
  EXPECT_THAT(outbox.response.body, HasSubstr("reminder"));
}

// ---- reports -----------------------------------------------------------------------------

TEST_F(ApiTest, ReportsAreForStaffOnly) {
  SeedPrivateState();
  const std::string kOutcomeTitle = "联合实验室 · Laboratorio congiunto SECRET-OUTCOME";
  app_->WithStore([&](Store& store) {
    Meeting held = *store.GetMeeting(MeetingId(meeting_ab_));
    held.status = MeetingStatus::kHeld;
    ASSERT_TRUE(store.UpdateMeeting(held, held.version).ok());
    Outcome o;
    o.key = "unibo-cas-lab";
    o.event = event_.id;
    o.organizations = {std::min(org_["unibo"], org_["cas"]), std::max(org_["unibo"], org_["cas"])};
    o.meetings = {held.id};
    o.kind = OutcomeKind::kJointResearch;
    o.stage = OutcomeStage::kAgreement;
    o.review = OutcomeReview::kValidated;
    o.title = kOutcomeTitle;
    o.date = {2027, 1, 10};
    ASSERT_TRUE(store.CreateOutcome(o).ok());
    o.key = "unibo-cas-waiting";
    o.stage = OutcomeStage::kNegotiation;
    o.review = OutcomeReview::kReported;
    ASSERT_TRUE(store.CreateOutcome(o).ok());
  });
  auto row = [](const Json& report, const std::string& table, const std::string& code) {
    for (const Json& t : report["tables"]) {
      if (t["key"] != table) continue;
      for (const Json& r : t["rows"]) {
        if (r["code"] == code) return r;
      }
    }
    ADD_FAILURE() << "no row " << code << " in " << table;
    return Json();
  };
  for (const Caller& staff : {organizer_, support_}) {
    Reply r = Get(EventPath("/report"), staff);
    ASSERT_EQ(r.status, 200) << r.response.body;
    EXPECT_EQ(r.body["outcomes_counted"], "validated");
    EXPECT_EQ(row(r.body, "outcomes_by_stage", "agreement")["values"][0], 1);
    EXPECT_EQ(row(r.body, "outcomes_by_stage", "negotiation")["values"][0], 0);
    EXPECT_EQ(row(r.body, "outcomes_by_stage", "agreement")["label"]["zh"], "已达成协议");
    EXPECT_EQ(row(r.body, "key_figures", "conversion_agreement")["unit"], "share");
  }
  Reply with_reported = Get(EventPath("/report?include_reported=1"), organizer_);
  ASSERT_EQ(with_reported.status, 200);
  EXPECT_EQ(with_reported.body["outcomes_counted"], "validated_and_reported");
  EXPECT_EQ(row(with_reported.body, "outcomes_by_stage", "negotiation")["values"][0], 1);

  Reply csv = Get(EventPath("/report/outcomes_by_stage.csv?lang=zh"), organizer_);
  ASSERT_EQ(csv.status, 200) << csv.response.body;
  EXPECT_THAT(std::string(csv.response.Get("Content-Type")), HasSubstr("text/csv"));
  EXPECT_THAT(std::string(csv.response.Get("Content-Disposition")),
              HasSubstr("week-outcomes_by_stage.csv"));
  EXPECT_THAT(csv.response.body, HasSubstr("agreement,已达成协议,1"));
  ExpectErrorShape(Get(EventPath("/report/no_such_table.csv"), organizer_), 404, "not_found");
  ExpectErrorShape(Get(EventPath("/report/outcomes_by_stage.pdf"), organizer_), 404, "not_found");
  for (const std::string& target :
       {EventPath("/report.xlsx?lang=it"), std::string("/api/v1/report.xlsx")}) {
    Reply xlsx = Get(target, support_);
    ASSERT_EQ(xlsx.status, 200) << target << " " << xlsx.response.body;
    EXPECT_TRUE(xlsx.response.body.starts_with("PK")) << "a zip container";
    EXPECT_THAT(std::string(xlsx.response.Get("Content-Type")), HasSubstr("spreadsheetml"));
  }
  Reply programme = Get("/api/v1/report", organizer_);
  ASSERT_EQ(programme.status, 200) << programme.response.body;
  EXPECT_EQ(row(programme.body, "editions", "week")["values"][4], 1) << "validated outcomes";
  Reply cities = Get("/api/v1/report/cities.csv?lang=it", organizer_);
  ASSERT_EQ(cities.status, 200) << cities.response.body;
  EXPECT_THAT(cities.response.body, HasSubstr("Beijing"));

  const std::vector<std::string> targets{
      EventPath("/report"),          EventPath("/report/outcomes_by_stage.csv"),
      EventPath("/report.xlsx"),     "/api/v1/report",
      "/api/v1/report/editions.csv", "/api/v1/report.xlsx"};
  for (const std::string& target : targets) {
    SCOPED_TRACE(target);
    ExpectErrorShape(Get(target, {}), 401, "unauthenticated");
    for (const Caller& outsider : {a_, b_, c_, interpreter_caller_}) {
      Reply r = Get(target, outsider);
      ExpectErrorShape(r, 403, "forbidden");
      EXPECT_THAT(r.response.body, ::testing::Not(HasSubstr("SECRET")));
    }
  }
}

TEST_F(ApiTest, HealthAndSessions) {
  EXPECT_EQ(Get("/healthz", {}).status, 200);
  Reply ready = Get("/readyz", {});
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body["status"], "ready");
  Caller s = Login("b@cas.test");
  Reply me = Get("/api/v1/me", s);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["csrf_token"], s.csrf);
  EXPECT_EQ(Post("/api/v1/auth/logout", s).status, 204);
  EXPECT_EQ(Get("/api/v1/me", s).status, 401);
  // HEAD is answered like GET.
  EXPECT_EQ(Call("HEAD", "/healthz", {}).status, 200);
}

TEST(ClientAddress, OnlyATrustedProxyNamesTheClient) {
  HttpRequest r;
  r.remote_address = "127.0.0.1";
  r.headers = {{"x-forwarded-for", "6.6.6.6, 203.0.113.9"}};
  EXPECT_EQ(ClientAddress(r, {}), "127.0.0.1");
  EXPECT_EQ(ClientAddress(r, {"10.0.0.1"}), "127.0.0.1");     // the peer is no trusted proxy
  EXPECT_EQ(ClientAddress(r, {"127.0.0.1"}), "203.0.113.9");  // the hop the proxy added
  // Behind two trusted proxies the next hop to the left is the client.
  EXPECT_EQ(ClientAddress(r, {"127.0.0.1", "203.0.113.9"}), "6.6.6.6");
  r.headers = {{"x-forwarded-for", "203.0.113.9:8080"}};
  EXPECT_EQ(ClientAddress(r, {"127.0.0.1"}), "203.0.113.9");
  // What is not an address stops the walk at the last address known.
  r.headers = {{"x-forwarded-for", "1.2.3.4, <script>"}};
  EXPECT_EQ(ClientAddress(r, {"127.0.0.1"}), "127.0.0.1");
  // Forwarded (RFC 7239) wins over X-Forwarded-For; IPv6 in brackets, with a port.
  r.headers = {{"x-forwarded-for", "6.6.6.6"},
               {"forwarded", "for=198.51.100.1;proto=https, For=\"[2001:DB8::7]:4711\""}};
  EXPECT_EQ(ClientAddress(r, {"127.0.0.1"}), "2001:db8::7");
  r.headers = {{"forwarded", "for=unknown"}};
  EXPECT_EQ(ClientAddress(r, {"127.0.0.1"}), "127.0.0.1");
}

TEST_F(ApiTest, SignInThrottlingCountsTheForwardedClientOnlyFromTrustedProxies) {
  // A second server over the same database behind a proxy at 10.0.0.1; one
  // failure per e-mail, so four per address (the address factor).
  AppOptions options;
  options.db = (dir_ / "api.db").string();
  options.background = false;
  options.clock = &clock_;
  options.accounts.cost = service::kPasswordCostForTests;
  options.accounts.max_failures = 1;
  options.trusted_proxies = {"10.0.0.1"};
  auto proxied = App::Create(options);
  ASSERT_TRUE(proxied.ok()) << proxied.status().ToString();
  options.trusted_proxies.clear();
  auto direct = App::Create(options);
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  int attempt = 0;
  auto fail = [&](App& app, const std::string& forwarded_for) {
    HttpRequest request;
    request.method = "POST";
    request.target = "/api/v1/auth/login";
    request.remote_address = "10.0.0.1";
    request.headers = {{"content-type", "application/json"}, {"x-forwarded-for", forwarded_for}};
    request.body = Json{
        {"email", "nobody" + std::to_string(++attempt) + "@ponte.test"},
        {"password",
         "wrong"}}.dump();
    return app.Handle(request).status;
  };
  for (int i = 0; i < 4; ++i) EXPECT_EQ(fail(**proxied, "203.0.113.1"), 401);
  EXPECT_EQ(fail(**proxied, "203.0.113.1"), 429);
  // Another client behind the same proxy has its own budget.
  EXPECT_EQ(fail(**proxied, "203.0.113.2"), 401);
  // Without trust the header is ignored: a forged one does not buy attempts.
  for (int i = 0; i < 4; ++i) EXPECT_EQ(fail(**direct, "198.51.100." + std::to_string(i)), 401);
  EXPECT_EQ(fail(**direct, "198.51.100.99"), 429);
}

TEST_F(ApiTest, RecommendationsFollowProfilesAndRequestsWhateverPathChangedThem) {
  // A server with the text models; profiles are written to the store
  // directly, as an import from the portal or the command line does.
  AppOptions options;
  options.db = (dir_ / "api.db").string();
  options.data_dir = PONTE_DATA_DIR;
  options.background = false;
  options.clock = &clock_;
  options.accounts.cost = service::kPasswordCostForTests;
  auto created = App::Create(options);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  App& app = **created;
  auto add_profile = [&](const std::string& org, const std::string& key, ProfileKind kind,
                         const std::string& text) {
    Profile p;
    p.key = key;
    p.kind = kind;
    p.title.Set("en", text);
    p.text.Set("en", text);
    Dataset data;
    data.profiles.push_back({p, org, {"test", 0}});
    app.WithStore([&](Store& store) { ASSERT_TRUE(store.Import(data, {}).ok()); });
  };
  auto recommended = [&]() {
    HttpRequest request;
    request.method = "GET";
    request.target = EventPath("/recommendations");
    request.remote_address = "10.0.0.1";
    request.headers = {{"authorization", "Bearer " + b_.bearer}};
    const HttpResponse response = app.Handle(request);
    EXPECT_EQ(response.status, 200) << response.body;
    std::set<std::string> keys;
    const Json body = Json::parse(response.body, nullptr, false);
    for (const Json& item : body.value("items", Json::array())) {
      keys.insert(item["organization"].value("key", ""));
    }
    return keys;
  };
  add_profile("cas", "cas-seeks", ProfileKind::kRequest,
              "lithium battery recycling and electrode materials for electric vehicles");
  add_profile("acme", "acme-offers", ProfileKind::kOffer,
              "lithium battery recycling plant and electrode materials research");
  // Partners from another country only (the event's default).
  EXPECT_EQ(recommended(), std::set<std::string>{"acme"});
  // A profile added behind the API's back is seen on the next read.
  add_profile("polimi", "polimi-offers", ProfileKind::kOffer,
              "electric vehicles battery recycling and lithium electrode materials");
  EXPECT_EQ(recommended(), (std::set<std::string>{"acme", "polimi"}));
  // A request to acme (through the other server) takes acme out of the list.
  ASSERT_EQ(Post(EventPath("/requests"), b_,
                 {{"to", org_["acme"].value()}, {"preference", "must"}, {"message", "ciao"}})
                .status,
            201);
  EXPECT_EQ(recommended(), std::set<std::string>{"polimi"});
}

}  // namespace
}  // namespace ponte::api
