#include "service/follow_up.h"

#include <gtest/gtest.h>

#include "service/outcomes.h"
#include "service/outcomes_fixture.h"

namespace ponte::service {
namespace {

Instant Shanghai(int year, int month, int day, int hour = 0, int minute = 0) {
  return *FromCivil({year, month, day, hour, minute, 0}, testing::kZone);
}

class FollowUpTest : public testing::OutcomesFixture {
 protected:
  // Unibo reports its meeting with Tsinghua: both have reported for 2026;
  // CAS (wang, zh) and Polimi (marco, it) have not.
  void UniboReports() {
    Outcome d;
    d.meetings = {MeetingOf(2026, "unibo", "tsinghua")};
    d.stage = OutcomeStage::kContactKept;
    d.title = "Contatto mantenuto / 保持联系";
    d.date = {2026, 10, 20};
    FakeClock at(Shanghai(2026, 10, 21));
    auto o = ReportOutcome(*store_, at, As("anna@unibo.it"), event_, d);
    ASSERT_TRUE(o.ok()) << o.status().ToString();
  }

  std::vector<OutboxMessage> Mails() {
    auto all = store_->ListOutbox(100, false);
    EXPECT_TRUE(all.ok());
    std::vector<OutboxMessage> out;
    for (const OutboxMessage& m : *all) {
      if (m.kind == "follow_up") out.push_back(m);
    }
    std::sort(out.begin(), out.end(),
              [](const OutboxMessage& a, const OutboxMessage& b) { return a.to < b.to; });
    return out;
  }

  std::vector<std::pair<std::string, int>> Rounds() {
    std::vector<std::pair<std::string, int>> out;
    auto rounds = store_->ListFollowUps(event_.id);
    EXPECT_TRUE(rounds.ok());
    for (const FollowUp& f : *rounds) {
      out.emplace_back(KeyOf(f.organization), f.round);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  const FollowUpOptions options_{.base_url = "https://ponte.example"};
};

TEST_F(FollowUpTest, DueFromLocalMidnightOfEndPlusDays) {
  // 2026-10-15 + 28 days = 2026-11-12, midnight in Shanghai = 16:00 UTC the day before.
  EXPECT_EQ(*FollowUpDue(event_, 1), Shanghai(2026, 11, 12));
  EXPECT_EQ(FormatUtc(*FollowUpDue(event_, 1)), "2026-11-11T16:00:00Z");
  EXPECT_EQ(*FollowUpDue(event_, 3), Shanghai(2027, 4, 15));
  EXPECT_EQ(FollowUpDue(event_, 4).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(FollowUpDue(event_, 0).status().code(), StatusCode::kNotFound);
}

TEST_F(FollowUpTest, FirstRoundGoesOnceToOrganizationsWithoutOutcomesInTheirLanguage) {
  UniboReports();
  FakeClock before(Shanghai(2026, 11, 11, 23, 59));
  auto none = SweepFollowUps(*store_, before, options_);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(none->rounds, 0);
  EXPECT_TRUE(Mails().empty());

  FakeClock due(Shanghai(2026, 11, 12));
  auto first = SweepFollowUps(*store_, due, options_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->rounds, 2);
  EXPECT_EQ(first->mails, 2);
  EXPECT_EQ(Rounds(), (std::vector<std::pair<std::string, int>>{{"cas", 1}, {"polimi", 1}}));
  const std::vector<OutboxMessage> mails = Mails();
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].to, "marco@polimi.it");
  EXPECT_EQ(mails[0].subject, "Settimana Italia–Cina 2026: com'è andata dopo gli incontri?");
  EXPECT_NE(mails[0].body.find("Gentile Marco Rossi"), std::string::npos) << mails[0].body;
  EXPECT_NE(mails[0].body.find("Politecnico di Milano"), std::string::npos);
  EXPECT_NE(mails[0].body.find("https://ponte.example/events/icstiw-2026/outcomes/new"),
            std::string::npos);
  EXPECT_EQ(mails[1].to, "wang@cas.cn");
  EXPECT_EQ(mails[1].subject, "中意创新合作周 2026：会谈之后进展如何？");
  EXPECT_NE(mails[1].body.find("中国科学院"), std::string::npos) << mails[1].body;
  EXPECT_NE(mails[1].body.find("第1次提醒"), std::string::npos);

  // Every minute after: nothing new, from this server or another one.
  due.Advance(Seconds(60));
  EXPECT_EQ(SweepFollowUps(*store_, due, options_)->mails, 0);
  auto other = Store::Open((dir_ / "outcomes.db").string(), {});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(SweepFollowUps(**other, due, options_)->rounds, 0);
  EXPECT_EQ(Mails().size(), 2u);
}

TEST_F(FollowUpTest, OnlyTheLatestOverdueRoundIsSent) {
  // Nobody reported; the server first runs after rounds 2 and 3 are both due.
  FakeClock late(Shanghai(2027, 4, 20));
  auto sweep = SweepFollowUps(*store_, late, options_);
  ASSERT_TRUE(sweep.ok()) << sweep.status().ToString();
  EXPECT_EQ(sweep->rounds, 4);
  EXPECT_EQ(Rounds(), (std::vector<std::pair<std::string, int>>{
                          {"cas", 3}, {"polimi", 3}, {"tsinghua", 3}, {"unibo", 3}}));
  // One mail per participant account: anna, wang, li, marco.
  const std::vector<OutboxMessage> mails = Mails();
  ASSERT_EQ(mails.size(), 4u);
  EXPECT_EQ(mails[1].to, "li@tsinghua.edu.cn");
  EXPECT_EQ(mails[1].subject, "Italy–China Week 2026: what came of your meetings?");
  EXPECT_NE(mails[1].body.find("(Reminder 3)"), std::string::npos);
  // The 2025 edition's last round was due a year ago: skipped, not sent late.
  EXPECT_TRUE(store_->ListFollowUps(edition_[2025].id)->empty());
}

TEST_F(FollowUpTest, ReportingBetweenRoundsStopsTheNextOne) {
  FakeClock first(Shanghai(2026, 11, 12, 8));
  ASSERT_EQ(SweepFollowUps(*store_, first, options_)->rounds, 4);
  UniboReports();
  FakeClock second(Shanghai(2027, 1, 14, 8));
  auto sweep = SweepFollowUps(*store_, second, options_);
  ASSERT_TRUE(sweep.ok());
  EXPECT_EQ(sweep->rounds, 2);
  EXPECT_EQ(
      Rounds(),
      (std::vector<std::pair<std::string, int>>{
          {"cas", 1}, {"cas", 2}, {"polimi", 1}, {"polimi", 2}, {"tsinghua", 1}, {"unibo", 1}}));
}

TEST_F(FollowUpTest, NoRoundWithoutFollowUpDaysAndUnknownLocalesGetEnglish) {
  Event quiet = event_;
  quiet.follow_up_days.clear();
  EXPECT_EQ(FollowUpDue(quiet, 1).status().code(), StatusCode::kNotFound);
  const Organization org = *store_->GetOrganization(org_["cas"]);
  const User user{.email = "x@y.cn", .name = "", .locale = "fr"};
  const FollowUpMail mail = ComposeFollowUpMail(event_, org, user, 2, "L");
  EXPECT_EQ(mail.subject, "Italy–China Week 2026: what came of your meetings?")
      << "unknown locales fall back to English";
  EXPECT_NE(mail.body.find("Dear x@y.cn"), std::string::npos);
  EXPECT_NE(mail.body.find("Chinese Academy of Sciences"), std::string::npos);
}

}  // namespace
}  // namespace ponte::service
