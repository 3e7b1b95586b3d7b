// Test fixture shared by the outcome, follow-up and history tests: two
// editions of one programme in a fresh SQLite database, with organizations
// from Italy and China, held meetings and participant accounts.
//
//   icstiw-2025 (14–15 Oct 2025): unibo–cas held, polimi–tsinghua no-show.
//   icstiw-2026 (14–15 Oct 2026): unibo–cas held, unibo–tsinghua held,
//                                 polimi–cas scheduled.
//
// Accounts: anna (unibo, it), wang (cas, zh), li (tsinghua, en), marco
// (polimi, it, not yet validated), support, organizer, an interpreter.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "core/clock.h"
#include "service/accounts.h"
#include "service/store_fixture.h"
#include "store/store.h"

namespace ponte::service::testing {

inline constexpr std::string_view kZone = "Asia/Shanghai";

class OutcomesFixture : public StoreFixture {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore("ponte_outcomes_test_", "outcomes.db"));

    ImportEdition(
        2025, "Settimana Italia–Cina 2025", "Italy–China Week 2025", "中意创新合作周 2025",
        {{"unibo", "cas", MeetingStatus::kHeld}, {"polimi", "tsinghua", MeetingStatus::kNoShow}});
    ImportEdition(2026, "Settimana Italia–Cina 2026", "Italy–China Week 2026",
                  "中意创新合作周 2026",
                  {{"unibo", "cas", MeetingStatus::kHeld},
                   {"unibo", "tsinghua", MeetingStatus::kHeld},
                   {"polimi", "cas", MeetingStatus::kScheduled}});
    auto orgs = store_->ListOrganizations();
    ASSERT_TRUE(orgs.ok());
    for (const Organization& o : *orgs) org_[o.key] = o.id;
    for (int year : {2025, 2026}) {
      auto event = store_->GetEvent("icstiw-" + std::to_string(year));
      ASSERT_TRUE(event.ok());
      edition_[year] = *event;
      auto meetings = store_->ListMeetings(event->id);
      ASSERT_TRUE(meetings.ok());
      for (const Meeting& m : *meetings) meeting_[{year, KeyOf(m.a), KeyOf(m.b)}] = m.id;
      auto requests = store_->ListRequests(event->id);
      ASSERT_TRUE(requests.ok());
      for (const MeetingRequest& r : *requests) request_[{year, KeyOf(r.from), KeyOf(r.to)}] = r.id;
    }
    event_ = edition_[2026];

    AddUser("anna@unibo.it", "Anna Bianchi", "it",
            {{2025, Role::kParticipant, "unibo", true}, {2026, Role::kParticipant, "unibo", true}});
    AddUser("wang@cas.cn", "王伟", "zh",
            {{2025, Role::kParticipant, "cas", true}, {2026, Role::kParticipant, "cas", true}});
    AddUser("li@tsinghua.edu.cn", "Li Na", "en", {{2026, Role::kParticipant, "tsinghua", true}});
    AddUser("marco@polimi.it", "Marco Rossi", "it", {{2026, Role::kParticipant, "polimi", false}});
    AddUser("support@ponte.test", "Supporto", "it", {{2026, Role::kSupport, "", true}});
    AddUser("organizer@ponte.test", "Organizzatrice", "en", {{2026, Role::kOrganizer, "", true}});
    AddUser("interpreter@ponte.test", "Zhang Interprete", "zh",
            {{2026, Role::kInterpreter, "", true}});
  }

  struct Pair {
    std::string a;
    std::string b;
    MeetingStatus status;
  };

  void ImportEdition(int year, std::string it, std::string en, std::string zh,
                     const std::vector<Pair>& pairs) {
    Dataset data;
    Event e;
    e.key = "icstiw-" + std::to_string(year);
    e.name.Set("it", std::move(it));
    e.name.Set("en", std::move(en));
    e.name.Set("zh", std::move(zh));
    e.time_zone = std::string(kZone);
    e.start_date = {year, 10, 14};
    e.end_date = {year, 10, 15};
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
    org("polimi", {{"it", "Politecnico di Milano"}, {"en", "Polytechnic of Milan"}}, "IT");
    org("cas", {{"zh", "中国科学院"}, {"en", "Chinese Academy of Sciences"}}, "CN");
    org("tsinghua", {{"zh", "清华大学"}, {"en", "Tsinghua University"}}, "CN");
    const Instant start = *FromCivil({year, 10, 14, 9, 0, 0}, kZone);
    data.sessions.push_back({.session = {.key = "bj",
                                         .city = "Beijing",
                                         .venue = "nc",
                                         .date = {year, 10, 14},
                                         .start = start,
                                         .end = start + Seconds(2 * 3600),
                                         .slot_length = Minutes(30),
                                         .tables = 2},
                             .where = {"test", 0}});
    int slot = 0;
    for (const Pair& p : pairs) {
      const std::string key = p.a + "-" + p.b;
      MeetingRequest r;
      r.key = key;
      r.status = RequestStatus::kAccepted;
      r.message = "Vorremmo incontrarvi / 希望会面";
      data.requests.push_back({.request = r, .from_key = p.a, .to_key = p.b, .where = {"test", 0}});
      Meeting m;
      m.slot = slot++;
      m.table = 1;
      m.status = p.status;
      data.meetings.push_back({.meeting = m,
                               .request_key = key,
                               .a_key = p.a,
                               .b_key = p.b,
                               .session_key = "bj",
                               .where = {"test", 0}});
    }
    auto report = store_->Import(data, {});
    ASSERT_TRUE(report.ok()) << report.status().ToString();
  }

  struct Member {
    int year;
    Role role;
    std::string org;
    bool validated;
  };
  void AddUser(const std::string& email, const std::string& name, const std::string& locale,
               const std::vector<Member>& members) {
    User u;
    u.email = email;
    u.name = name;
    u.locale = locale;
    u.verified = true;
    ASSERT_TRUE(store_->CreateUser(u).ok());
    for (const Member& m : members) {
      Membership membership;
      membership.user = u.id;
      membership.event = edition_[m.year].id;
      membership.role = m.role;
      if (!m.org.empty()) membership.organization = org_.at(m.org);
      membership.validated = m.validated;
      ASSERT_TRUE(store_->PutMembership(membership).ok());
    }
  }

  Actor As(const std::string& email) {
    Actor a;
    auto user = store_->FindUserByEmail(email);
    EXPECT_TRUE(user.ok()) << email;
    a.user = *user;
    a.memberships = *store_->ListMemberships(a.user.id);
    return a;
  }

  std::string KeyOf(OrganizationId id) {
    for (const auto& [key, value] : org_) {
      if (value == id) return key;
    }
    return "";
  }
  MeetingId MeetingOf(int year, const std::string& a, const std::string& b) {
    return meeting_.at({year, a, b});
  }
  MeetingRequestId RequestOf(int year, const std::string& from, const std::string& to) {
    return request_.at({year, from, to});
  }

  Event event_;  // icstiw-2026
  std::map<int, Event> edition_;
  std::map<std::string, OrganizationId> org_;
  std::map<std::tuple<int, std::string, std::string>, MeetingId> meeting_;
  std::map<std::tuple<int, std::string, std::string>, MeetingRequestId> request_;
  FakeClock clock_{*FromCivil({2026, 11, 20, 12, 0, 0}, kZone)};
};

}  // namespace ponte::service::testing
