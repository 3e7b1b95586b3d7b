#include "service/workflow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <barrier>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <tuple>

#include "io/import.h"
#include "service/store_fixture.h"

namespace ponte::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kZone = "Europe/Rome";

// One day in Milan (four 30-minute slots from 09:00, two tables; the
// interpreter works there) and an afternoon in Rome. Politecnico, Tsinghua,
// CNR and Peking University are only in Milan, Fudan only in Rome, Unibo and
// Zhejiang everywhere. Italian sides speak it/en, Chinese ones zh (Zhejiang
// also en): an Italian–Chinese pair without Zhejiang needs the interpreter.
class WalkInTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(OpenStore("ponte_walk_in_test_", "walk_in.db"));
    path_ = (dir_ / "walk_in.db").string();

    Dataset data;
    Event e;
    e.key = "week";
    e.name.Set("it", "Settimana della scienza");
    e.name.Set("zh", "科技周");
    e.time_zone = std::string(kZone);
    e.start_date = {2026, 10, 14};
    e.end_date = {2026, 10, 14};
    data.event = e;
    const io::ReadOptions read{.time_zone = std::string(kZone)};
    auto add = [&](io::FileKind kind, std::string_view text, std::string_view name) {
      const Status s = io::ReadText(kind, text, name, read, data);
      ASSERT_TRUE(s.ok()) << s.ToString();
    };
    add(io::FileKind::kOrganizations,
        "key,name_it,name_zh,type,country\n"
        "polimi,Politecnico di Milano,,university,IT\n"
        "unibo,Università di Bologna,博洛尼亚大学,university,IT\n"
        "cnr,Consiglio Nazionale delle Ricerche,,research,IT\n"
        "tsinghua,,清华大学,university,CN\n"
        "zju,,浙江大学,university,CN\n"
        "pku,,北京大学,university,CN\n"
        "fudan,,复旦大学,university,CN\n",
        "organizations.csv");
    add(io::FileKind::kSessions,
        "key,city,date,start,end,slot_minutes,tables\n"
        "mi-am,Milan,2026-10-14,09:00,11:00,30,2\n"
        "rm-pm,Rome,2026-10-14,15:00,16:00,30,2\n",
        "sessions.csv");
    add(io::FileKind::kPeople,
        "key,organization,given_name,family_name,languages,sessions\n"
        "p-polimi,polimi,Chiara,Bianchi,it;en,mi-am\n"
        "p-unibo,unibo,Giulia,Rossi,it;en,\n"
        "p-cnr,cnr,Marco,Verdi,it,mi-am\n"
        "p-tsinghua,tsinghua,伟,王,zh,mi-am\n"
        "p-zju,zju,芳,李,zh;en,\n"
        "p-pku,pku,磊,张,zh,mi-am\n"
        "p-fudan,fudan,静,陈,zh,rm-pm\n",
        "people.csv");
    add(io::FileKind::kInterpreters, "key,name,pairs,sessions\ni-li,Li Na,it-zh,mi-am\n",
        "interpreters.csv");
    auto report = store_->Import(data, {});
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    auto event = store_->GetEvent("week");
    ASSERT_TRUE(event.ok());
    event_ = *event;
    const std::vector<Organization> orgs = store_->ListOrganizations().value();
    for (const Organization& o : orgs) org_[o.key] = o.id;
    const std::vector<Session> sessions = store_->ListSessions(event_.id).value();
    for (const Session& s : sessions) session_[s.key] = s.id;
    interpreter_ = store_->ListInterpreters(event_.id)->front().id;

    // A participant account per organization (mail in its language), and staff.
    const std::map<std::string, std::string> locale{
        {"polimi", "it"}, {"unibo", "it"}, {"cnr", "it"},  {"tsinghua", "zh"},
        {"zju", "zh"},    {"pku", "zh"},   {"fudan", "en"}};
    for (const auto& [key, id] : org_) {
      User u{.email = key + "@example.org", .name = key, .locale = locale.at(key)};
      ASSERT_TRUE(store_->CreateUser(u).ok());
      ASSERT_TRUE(store_
                      ->PutMembership({.user = u.id,
                                       .event = event_.id,
                                       .role = Role::kParticipant,
                                       .organization = id,
                                       .validated = true})
                      .ok());
    }
    User staff{.email = "office@example.org", .name = "Office"};
    ASSERT_TRUE(store_->CreateUser(staff).ok());
    staff_.user = staff;
    staff_.memberships.push_back({.user = staff.id, .event = event_.id, .role = Role::kSupport});
  }
  static Instant At(int hour, int minute) {
    return *FromCivil({2026, 10, 14, hour, minute, 0}, kZone);
  }

  Meeting Published(std::string_view a, std::string_view b, int slot, int table,
                    bool interpreted = false) {
    return Meeting{.event = event_.id,
                   .a = org_.at(std::string(a)),
                   .b = org_.at(std::string(b)),
                   .session = session_.at("mi-am"),
                   .slot = slot,
                   .table = table,
                   .interpreter = interpreted ? interpreter_ : InterpreterId()};
  }

  // The published timetable of the tests: Politecnico–Unibo at 09:00 (over
  // by 09:10), Tsinghua–Unibo at 09:30 with the interpreter, Tsinghua–Zhejiang
  // at 10:00, Politecnico–Zhejiang at 10:30. From 09:10, Politecnico and
  // Tsinghua are never free at the same time.
  std::vector<Meeting> Publish() {
    std::vector<Meeting> timetable{
        Published("polimi", "unibo", 0, 1), Published("tsinghua", "unibo", 1, 1, true),
        Published("tsinghua", "zju", 2, 1), Published("polimi", "zju", 3, 1)};
    EXPECT_TRUE(store_->ReplaceMeetings(event_.id, timetable).ok());
    return timetable;
  }

  WalkInRequest Between(std::string_view a, std::string_view b, Instant not_before,
                        bool allow_moves = false) {
    return {.a = org_.at(std::string(a)),
            .b = org_.at(std::string(b)),
            .not_before = not_before,
            .allow_moves = allow_moves};
  }

  // No organization, table or interpreter twice in one slot.
  static void ExpectNoDoubleBooking(const std::vector<Meeting>& meetings) {
    std::set<std::tuple<std::int64_t, int, std::int64_t>> orgs, interpreters;
    std::set<std::tuple<std::int64_t, int, int>> tables;
    for (const Meeting& m : meetings) {
      if (m.status == MeetingStatus::kCancelled) continue;
      const std::int64_t s = m.session.value();
      EXPECT_TRUE(orgs.insert({s, m.slot, m.a.value()}).second) << "meeting " << m.id.value();
      EXPECT_TRUE(orgs.insert({s, m.slot, m.b.value()}).second) << "meeting " << m.id.value();
      EXPECT_TRUE(tables.insert({s, m.slot, m.table}).second) << "meeting " << m.id.value();
      if (m.interpreter.valid()) {
        EXPECT_TRUE(interpreters.insert({s, m.slot, m.interpreter.value()}).second)
            << "meeting " << m.id.value();
      }
    }
  }

  std::string path_;  // the database, for a second connection
  Event event_;
  std::map<std::string, OrganizationId> org_;
  std::map<std::string, SessionId> session_;
  InterpreterId interpreter_;
  Actor staff_;
  WorkflowOptions options_;
};

TEST_F(WalkInTest, TakesAFreeSlotWithTheInterpreterAndMovesNothing) {
  const std::vector<Meeting> before = Publish();
  FakeClock clock(At(8, 0));
  // Cnr and Peking University (it / zh): free from 09:00, the interpreter only at 09:00 and
  // from 10:00 (busy with Tsinghua–Unibo at 09:30).
  auto added = AddWalkIn(*store_, clock, staff_, event_, Between("cnr", "pku", At(9, 30)));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  const Meeting& m = added->meeting;
  EXPECT_EQ(m.session, session_.at("mi-am"));
  EXPECT_GE(m.slot, 2);  // not before 09:30, and the interpreter is busy at 09:30
  EXPECT_EQ(m.interpreter, interpreter_);
  EXPECT_EQ(m.version, 1);
  EXPECT_TRUE(added->moved.empty());
  auto after = store_->ListMeetings(event_.id);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), before.size() + 1);
  for (const Meeting& old : before) EXPECT_EQ(*store_->GetMeeting(old.id), old);
  ExpectNoDoubleBooking(*after);
  auto audit = store_->ListAudit(event_.id, 10, 0);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().action, "meeting.walk_in");
  EXPECT_THAT(audit->front().details, HasSubstr("\"moved\":[]"));
}

TEST_F(WalkInTest, OnlyWhereBothArePresentAndNeverBeforeNotBefore) {
  Publish();
  FakeClock clock(At(8, 0));
  // Fudan is only in Rome (15:00 and 15:30); from 15:30 on, not at 15:00.
  auto later = AddWalkIn(*store_, clock, staff_, event_, Between("fudan", "zju", At(15, 30)));
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  EXPECT_EQ(later->meeting.session, session_.at("rm-pm"));
  EXPECT_EQ(later->meeting.slot, 1);
  // Unibo and Zhejiang are everywhere, but in Milan Unibo is busy at 09:00
  // and 09:30 and Zhejiang at 10:00 and 10:30, and in Rome Zhejiang at
  // 15:30: Rome at 15:00.
  auto added = AddWalkIn(*store_, clock, staff_, event_, Between("unibo", "zju", At(9, 0)));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->meeting.session, session_.at("rm-pm"));
  EXPECT_EQ(added->meeting.slot, 0);
  EXPECT_FALSE(added->meeting.interpreter.valid());  // English in common
  ExpectNoDoubleBooking(*store_->ListMeetings(event_.id));
}

TEST_F(WalkInTest, SaysWhyThereIsNoPlace) {
  Publish();
  FakeClock clock(At(9, 10));
  // Never in one city at once.
  auto apart = AddWalkIn(*store_, clock, staff_, event_, Between("polimi", "fudan", At(9, 0)));
  ASSERT_EQ(apart.status().code(), StatusCode::kAborted);
  EXPECT_THAT(apart.status().message(), HasSubstr("never at the event at the same time"));
  EXPECT_THAT(apart.status().message(),
              HasSubstr("Politecnico di Milano is present only in Milan"));
  EXPECT_THAT(apart.status().message(), HasSubstr("is present only in Rome"));
  // Both only in Milan, where every slot from now is taken by one or the other.
  auto busy = AddWalkIn(*store_, clock, staff_, event_, Between("polimi", "tsinghua", At(9, 0)));
  ASSERT_EQ(busy.status().code(), StatusCode::kAborted);
  EXPECT_THAT(busy.status().message(),
              HasSubstr("present together only in Milan on 2026-10-14 from 2026-10-14 09:10 "
                        "(Europe/Rome) (3 slots) and every one is taken"));
  EXPECT_THAT(busy.status().message(), HasSubstr("is busy in 2 slots"));
  EXPECT_THAT(busy.status().message(), HasSubstr("Politecnico di Milano is busy in 1 slot"));
  EXPECT_THAT(busy.status().message(), HasSubstr("allowing other meetings to move may make room"));
  // Fudan and Unibo share no language, and the interpreter works in Milan only.
  auto no_interpreter =
      AddWalkIn(*store_, clock, staff_, event_, Between("fudan", "unibo", At(15, 0)));
  ASSERT_EQ(no_interpreter.status().code(), StatusCode::kAborted);
  EXPECT_THAT(no_interpreter.status().message(),
              HasSubstr("only in Rome on 2026-10-14 from 2026-10-14 15:00 (Europe/Rome) (2 slots) "
                        "and every one is taken: no interpreter for zh–en/it works in 2 slots"));
  // After the last slot.
  auto late = AddWalkIn(*store_, clock, staff_, event_, Between("unibo", "zju", At(18, 0)));
  ASSERT_EQ(late.status().code(), StatusCode::kAborted);
  EXPECT_THAT(late.status().message(), HasSubstr("no slot of the event starts at or after"));
  EXPECT_EQ(store_->ListMeetings(event_.id)->size(), 4u);  // nothing written
}

TEST_F(WalkInTest, AllowMovesMovesAMeetingNotYetHeldAndTellsItsParticipants) {
  const std::vector<Meeting> before = Publish();
  FakeClock clock(At(9, 10));
  auto added = AddWalkIn(*store_, clock, staff_, event_,
                         Between("polimi", "tsinghua", At(9, 0), /*allow_moves=*/true));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_GE(added->meeting.slot, 1);  // 09:00 is over
  EXPECT_EQ(added->meeting.interpreter, interpreter_);
  ASSERT_EQ(added->moved.size(), 1u);
  ASSERT_EQ(added->before.size(), 1u);
  const Meeting& moved = added->moved.front();
  EXPECT_NE(moved.id, before[0].id);                            // the meeting that is over stays
  EXPECT_EQ(moved.version, added->before.front().version + 1);  // a new iCalendar SEQUENCE
  EXPECT_GE(moved.slot, 1);
  EXPECT_NE(moved.slot, added->before.front().slot);
  EXPECT_EQ(*store_->GetMeeting(before[0].id), before[0]);
  EXPECT_EQ(store_->GetMeeting(moved.id)->slot, moved.slot);
  ExpectNoDoubleBooking(*store_->ListMeetings(event_.id));

  // Both sides of the moved meeting hear of it, in their language.
  std::map<std::string, std::string> subject_to;
  const std::vector<OutboxMessage> outbox = store_->ListOutbox(100, true).value();
  for (const OutboxMessage& mail : outbox) {
    if (mail.kind == "meeting") subject_to[mail.to] = mail.subject;
  }
  ASSERT_EQ(subject_to.size(), 2u);
  for (OrganizationId side : {moved.a, moved.b}) {
    std::string key;
    for (const auto& [k, id] : org_) key = id == side ? k : key;
    const std::string& subject = subject_to[key + "@example.org"];
    if (key == "unibo" || key == "polimi") {
      EXPECT_THAT(subject, HasSubstr("è stato spostato")) << key;
    } else {
      EXPECT_THAT(subject, HasSubstr("会谈时间已调整")) << key;
    }
  }
  auto audit = store_->ListAudit(event_.id, 10, 0);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "meeting.walk_in");
  EXPECT_THAT(audit->front().details, HasSubstr("\"meeting\":" + std::to_string(moved.id.value())));
}

TEST_F(WalkInTest, HeldMeetingsNeverMove) {
  std::vector<Meeting> before = Publish();
  FakeClock clock(At(8, 0));
  // Everything is still ahead, but Politecnico–Zhejiang (10:30) was recorded
  // as held: only Tsinghua's meetings may make room.
  Meeting held = before[3];
  held.status = MeetingStatus::kHeld;
  ASSERT_TRUE(store_->UpdateMeeting(held, held.version).ok());
  auto added = AddWalkIn(*store_, clock, staff_, event_,
                         Between("polimi", "tsinghua", At(9, 0), /*allow_moves=*/true));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  for (const Meeting& m : added->moved) EXPECT_NE(m.id, held.id);
  EXPECT_EQ(*store_->GetMeeting(held.id), held);
  ExpectNoDoubleBooking(*store_->ListMeetings(event_.id));
}

TEST_F(WalkInTest, AfterTheEventAWalkInRecordsAMeetingThatTookPlace) {
  const std::vector<Meeting> before = Publish();
  // During the event nothing goes before now, even when asked for 09:00...
  FakeClock during(At(9, 40));
  auto now = AddWalkIn(*store_, during, staff_, event_, Between("cnr", "pku", At(9, 0)));
  ASSERT_TRUE(now.ok()) << now.status().ToString();
  EXPECT_GE(now->meeting.slot, 2);  // 10:00 or 10:30
  // ...but once the last slot has begun, the organizer records what happened
  // from the time given (Unibo and Zhejiang met in Rome at 15:00), and
  // nothing moves even when moves are allowed.
  FakeClock after(At(23, 0));
  auto added = AddWalkIn(*store_, after, staff_, event_,
                         Between("unibo", "zju", At(9, 0), /*allow_moves=*/true));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_TRUE(added->moved.empty());
  EXPECT_EQ(added->meeting.session, session_.at("rm-pm"));
  for (const Meeting& m : before) EXPECT_EQ(*store_->GetMeeting(m.id), m);
  ExpectNoDoubleBooking(*store_->ListMeetings(event_.id));
}

TEST_F(WalkInTest, OnlyStaffAndTwoDifferentOrganizations) {
  FakeClock clock(At(8, 0));
  Actor participant;
  participant.memberships.push_back(
      {.event = event_.id, .role = Role::kParticipant, .organization = org_.at("polimi")});
  EXPECT_EQ(AddWalkIn(*store_, clock, participant, event_, Between("polimi", "unibo", At(9, 0)))
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(AddWalkIn(*store_, clock, staff_, event_, Between("polimi", "polimi", At(9, 0)))
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

// A move by hand keeps the interpreter when free in the new slot, refuses
// when no interpreter is, never double-books a side, and tells both sides.
TEST_F(WalkInTest, MoveByHandChecksTheInterpreterAndTellsTheSides) {
  std::vector<Meeting> timetable = Publish();
  // Cnr–Peking University (it / zh) at 09:00, table 2, with the one interpreter.
  Meeting cnr_pku = Published("cnr", "pku", 0, 2, /*interpreted=*/true);
  std::vector<Meeting> added{cnr_pku}, none;
  ASSERT_TRUE(store_->ApplyMeetingChanges(event_.id, added, none).ok());
  cnr_pku = added.front();
  FakeClock clock(At(8, 0));
  const SessionId milan = session_.at("mi-am");

  // 09:30: the interpreter is with Tsinghua–Unibo.
  auto busy = MoveMeeting(*store_, clock, staff_, event_, cnr_pku.id, {milan, 1, 2}, std::nullopt,
                          options_);
  ASSERT_EQ(busy.status().code(), StatusCode::kAborted);
  EXPECT_THAT(busy.status().message(), HasSubstr("no interpreter for them is free"));
  EXPECT_THAT(busy.status().message(),
              HasSubstr("Li Na is in meeting " + std::to_string(timetable[1].id.value())));
  EXPECT_EQ(*store_->GetMeeting(cnr_pku.id), cnr_pku);

  // Politecnico–Zhejiang to 10:00: Zhejiang is with Tsinghua then.
  auto side = MoveMeeting(*store_, clock, staff_, event_, timetable[3].id, {milan, 2, 2},
                          std::nullopt, options_);
  EXPECT_EQ(side.status().code(), StatusCode::kAborted);
  EXPECT_EQ(*store_->GetMeeting(timetable[3].id), timetable[3]);

  // A stale version changes nothing either.
  auto stale = MoveMeeting(*store_, clock, staff_, event_, cnr_pku.id, {milan, 2, 2},
                           cnr_pku.version + 1, options_);
  EXPECT_EQ(stale.status().code(), StatusCode::kFailedPrecondition);

  // 10:00, table 2: free, and the interpreter with it.
  auto moved = MoveMeeting(*store_, clock, staff_, event_, cnr_pku.id, {milan, 2, 2},
                           cnr_pku.version, options_);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->slot, 2);
  EXPECT_EQ(moved->interpreter, interpreter_);
  EXPECT_EQ(moved->version, cnr_pku.version + 1);
  EXPECT_EQ(*store_->GetMeeting(cnr_pku.id), *moved);
  ExpectNoDoubleBooking(*store_->ListMeetings(event_.id));

  std::map<std::string, std::string> body_to;
  const std::vector<OutboxMessage> outbox = store_->ListOutbox(100, true).value();
  for (const OutboxMessage& mail : outbox) {
    if (mail.kind == "meeting") body_to[mail.to] = mail.body;
  }
  ASSERT_EQ(body_to.size(), 2u);
  EXPECT_THAT(body_to["cnr@example.org"], HasSubstr("Gli organizzatori hanno spostato"));
  EXPECT_THAT(body_to["cnr@example.org"], HasSubstr("北京大学"));
  EXPECT_THAT(body_to["pku@example.org"], HasSubstr("主办方已调整"));
  EXPECT_THAT(body_to["pku@example.org"], HasSubstr("10:00"));
  auto audit = store_->ListAudit(event_.id, 10, 0);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->front().action, "meeting.move");
  EXPECT_THAT(audit->front().details, HasSubstr("\"from\":{\"interpreter\""));

  // A cancelled meeting does not move.
  Meeting cancelled = *store_->GetMeeting(timetable[2].id);
  cancelled.status = MeetingStatus::kCancelled;
  ASSERT_TRUE(store_->UpdateMeeting(cancelled, cancelled.version).ok());
  EXPECT_EQ(MoveMeeting(*store_, clock, staff_, event_, cancelled.id, {milan, 2, 1}, std::nullopt,
                        options_)
                .status()
                .code(),
            StatusCode::kAborted);
}

// Walk-ins from two connections at the same moment, for two pairs that both
// need the one interpreter: the database takes one per slot, never both.
TEST_F(WalkInTest, ConcurrentWalkInsNeverDoubleBook) {
  constexpr int kRounds = 3;
  FakeClock clock(At(8, 0));
  std::barrier sync(2);
  std::vector<StatusCode> codes(2 * kRounds, StatusCode::kOk);
  auto writer = [&](int w) {
    auto store = Store::Open(path_, {});
    for (int round = 0; round < kRounds; ++round) {
      sync.arrive_and_wait();
      const auto at = static_cast<std::size_t>(2 * round + w);
      if (!store.ok()) {
        codes[at] = StatusCode::kInternal;
        continue;
      }
      const WalkInRequest request =
          w == 0 ? Between("polimi", "tsinghua", At(9, 0)) : Between("cnr", "pku", At(9, 0));
      codes[at] = AddWalkIn(**store, clock, staff_, event_, request).status().code();
    }
  };
  std::thread a(writer, 0);
  std::thread b(writer, 1);
  a.join();
  b.join();
  int written = 0;
  for (StatusCode code : codes) {
    EXPECT_THAT(code, ::testing::AnyOf(StatusCode::kOk, StatusCode::kAborted));
    written += code == StatusCode::kOk ? 1 : 0;
  }
  const std::vector<Meeting> meetings = *store_->ListMeetings(event_.id);
  EXPECT_EQ(static_cast<int>(meetings.size()), written);
  EXPECT_GE(written, 2);  // the interpreter has four slots in Milan
  for (const Meeting& m : meetings) EXPECT_EQ(m.interpreter, interpreter_);
  ExpectNoDoubleBooking(meetings);
}

}  // namespace
}  // namespace ponte::service
