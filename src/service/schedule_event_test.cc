#include "service/schedule_event.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace ponte::service {
namespace {

Instant At(int day, int hour, int minute = 0) {
  // 2026-11-16 is day 0; Asia/Shanghai is UTC+8 all year.
  return *FromCivil({2026, 11, 16 + day, hour, minute, 0}, "Asia/Shanghai");
}

// Two days in two cities: Beijing (4 slots) then Chengdu (4 slots).
EventData TwoCityEvent() {
  EventData d;
  d.event.id = EventId(1);
  d.event.key = "week";
  d.event.time_zone = "Asia/Shanghai";
  d.sessions.push_back({.id = SessionId(10),
                        .key = "bj",
                        .event = d.event.id,
                        .city = "Beijing",
                        .date = {2026, 11, 16},
                        .start = At(0, 9),
                        .end = At(0, 11),
                        .slot_length = Minutes(30),
                        .tables = 2});
  d.sessions.push_back({.id = SessionId(11),
                        .key = "cd",
                        .event = d.event.id,
                        .city = "Chengdu",
                        .date = {2026, 11, 17},
                        .start = At(1, 14),
                        .end = At(1, 16),
                        .slot_length = Minutes(30),
                        .tables = 1});
  for (int i = 1; i <= 4; ++i) {
    Organization o;
    o.id = OrganizationId(i);
    o.key = "org" + std::to_string(i);
    o.country = i <= 2 ? "IT" : "CN";
    d.organizations.push_back(o);
  }
  // org1 (it) attends both; org2 (it) only Beijing; org3 (zh) only Chengdu; org4 (en, zh) both.
  d.people.push_back({.id = PersonId(1), .organization = OrganizationId(1), .languages = {"it"}});
  d.people.push_back({.id = PersonId(2),
                      .organization = OrganizationId(2),
                      .languages = {"it", "en"},
                      .sessions = {SessionId(10)}});
  d.people.push_back({.id = PersonId(3),
                      .organization = OrganizationId(3),
                      .languages = {"zh"},
                      .sessions = {SessionId(11)}});
  d.people.push_back({.id = PersonId(4), .organization = OrganizationId(4), .languages = {"zh"}});
  d.people.push_back({.id = PersonId(5), .organization = OrganizationId(4), .languages = {"en"}});
  auto request = [&](int id, int from, int to, Preference pref, RequestStatus status) {
    MeetingRequest r;
    r.id = MeetingRequestId(id);
    r.key = "r" + std::to_string(id);
    r.from = OrganizationId(from);
    r.to = OrganizationId(to);
    r.preference = pref;
    r.status = status;
    d.requests.push_back(r);
  };
  request(1, 1, 3, Preference::kMust,
          RequestStatus::kAccepted);  // needs it-zh interpreter, Chengdu
  request(2, 1, 4, Preference::kWant, RequestStatus::kAccepted);
  request(3, 4, 1, Preference::kMust, RequestStatus::kAccepted);  // same pair both ways
  request(4, 2, 4, Preference::kWant, RequestStatus::kAccepted);  // shares en
  request(5, 2, 3, Preference::kWant, RequestStatus::kPending);   // not accepted: ignored
  d.interpreters.push_back({.id = InterpreterId(7),
                            .key = "i1",
                            .event = d.event.id,
                            .name = "Li Na",
                            .pairs = {{"it", "zh"}},
                            .sessions = {SessionId(11)}});
  return d;
}

TEST(BuildScheduleProblem, MapsAttendanceLanguagesAndRequests) {
  EventData d = TwoCityEvent();
  ProblemMapping mapping;
  schedule::Problem p = BuildScheduleProblem(d, mapping);
  ASSERT_EQ(p.slots.size(), 8u);
  ASSERT_EQ(p.sessions.size(), 2u);
  EXPECT_EQ(p.sessions[1].tables, 1);
  EXPECT_TRUE(p.slots[0].morning);
  EXPECT_FALSE(p.slots[4].morning);
  ASSERT_EQ(p.meetings.size(), 3u) << "accepted requests, one per pair";
  EXPECT_EQ(p.meetings[1].priority, schedule::Priority::kMust) << "the pair's highest priority";
  ASSERT_EQ(p.participants.size(), 4u);
  // Participant order follows first appearance: org1, org3, org4, org2.
  EXPECT_EQ(mapping.participant_organization[1], OrganizationId(3));
  const schedule::Participant& cn = p.participants[1];
  EXPECT_EQ(cn.forbidden_slots, (std::vector<schedule::SlotIndex>{0, 1, 2, 3}));
  EXPECT_EQ(cn.city_by_day[0], schedule::kAbsent);
  EXPECT_EQ(p.participants[2].languages, (std::vector<std::string>{"en", "zh"}));
  ASSERT_EQ(p.interpreters.size(), 1u);
  EXPECT_EQ(p.interpreters[0].unavailable_slots, (std::vector<schedule::SlotIndex>{0, 1, 2, 3}));
}

TEST(ScheduleEvent, SchedulesEverythingValidlyWithStatistics) {
  EventData d = TwoCityEvent();
  EventSchedule plan = ScheduleEvent(d, {.time_limit_s = 2, .seed = 1});
  const schedule::CheckReport report = schedule::Check(plan.problem, plan.result.solution);
  EXPECT_TRUE(report.valid()) << (report.violations.empty() ? "" : report.violations[0]);
  ASSERT_EQ(plan.meetings.size(), 3u);
  int interpreted = 0;
  for (const Meeting& m : plan.meetings) {
    EXPECT_GE(m.table, 1);
    if (m.interpreter.valid()) {
      ++interpreted;
      EXPECT_EQ(m.session, SessionId(11)) << "the interpreter works in Chengdu only";
    }
  }
  EXPECT_EQ(interpreted, 2) << "org1 speaks only Italian: both its meetings need one";
  ASSERT_EQ(plan.days.size(), 2u);
  EXPECT_EQ(plan.days[0].city, "Beijing");
  EXPECT_EQ(plan.days[0].meetings + plan.days[1].meetings, 3);
  EXPECT_EQ(plan.days[1].interpreted, 2);
  EXPECT_GT(plan.days[1].interpreter_load, 0.0);
}

}  // namespace
}  // namespace ponte::service
