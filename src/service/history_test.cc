#include "service/history.h"

#include <gtest/gtest.h>

#include <set>

#include "match/explain.h"
#include "service/outcomes.h"
#include "service/outcomes_fixture.h"

namespace ponte::service {
namespace {

class HistoryTest : public testing::OutcomesFixture {
 protected:
  Outcome Report(int year, const std::string& email, std::vector<MeetingId> meetings,
                 std::vector<OrganizationId> partners, OutcomeStage stage, std::string title) {
    Outcome d;
    d.meetings = std::move(meetings);
    d.organizations = std::move(partners);
    d.stage = stage;
    d.title = std::move(title);
    d.date = {year, 11, 1};
    auto o = ReportOutcome(*store_, clock_, As(email), edition_[year], d);
    EXPECT_TRUE(o.ok()) << o.status().ToString();
    return *o;
  }

  // 2025: unibo–cas reached a negotiation (a rejected "agreement" does not
  // count). 2026: unibo–tsinghua kept contact; unibo names polimi without a
  // meeting.
  void ReportAll() {
    Report(2025, "anna@unibo.it", {MeetingOf(2025, "unibo", "cas")}, {}, OutcomeStage::kNegotiation,
           "Trattativa per un laboratorio / 实验室洽谈");
    const Outcome wrong = Report(2025, "wang@cas.cn", {MeetingOf(2025, "unibo", "cas")}, {},
                                 OutcomeStage::kAgreement, "协议（未签）");
    Actor support = As("support@ponte.test");
    support.memberships.push_back(
        {.user = support.user.id, .event = edition_[2025].id, .role = Role::kSupport});
    auto rejected = ReviewOutcome(*store_, clock_, support, edition_[2025], wrong.id,
                                  OutcomeReview::kRejected, "Non ancora firmato / 尚未签署", {});
    ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
    Report(2026, "anna@unibo.it", {MeetingOf(2026, "unibo", "tsinghua")}, {},
           OutcomeStage::kContactKept, "Contatto mantenuto / 保持联系");
    Report(2026, "anna@unibo.it", {}, {org_["polimi"]}, OutcomeStage::kValuable,
           "Proposta comune con il Politecnico");
  }
};

TEST_F(HistoryTest, EditionsMeetingsOutcomesAndPartnersMetAgain) {
  ReportAll();
  auto history = LoadOrganizationHistory(*store_, org_["unibo"]);
  ASSERT_TRUE(history.ok()) << history.status().ToString();
  EXPECT_EQ(history->organization.key, "unibo");
  ASSERT_EQ(history->editions.size(), 2u);

  const EditionHistory& y2025 = history->editions[0];
  EXPECT_EQ(y2025.event.key, "icstiw-2025");
  ASSERT_EQ(y2025.meetings.size(), 1u);
  EXPECT_EQ(y2025.meetings[0].partner.key, "cas");
  EXPECT_EQ(y2025.meetings[0].best_stage, OutcomeStage::kNegotiation);
  ASSERT_EQ(y2025.meetings[0].outcomes.size(), 1u) << "the rejected one is left out";
  EXPECT_EQ(y2025.meetings[0].outcomes[0].title, "Trattativa per un laboratorio / 实验室洽谈");
  EXPECT_TRUE(y2025.other_outcomes.empty());

  const EditionHistory& y2026 = history->editions[1];
  EXPECT_EQ(y2026.event.key, "icstiw-2026");
  ASSERT_EQ(y2026.meetings.size(), 2u);
  EXPECT_EQ(y2026.meetings[0].partner.key, "cas");
  EXPECT_FALSE(y2026.meetings[0].best_stage.has_value());
  EXPECT_EQ(y2026.meetings[1].partner.key, "tsinghua");
  EXPECT_EQ(y2026.meetings[1].best_stage, OutcomeStage::kContactKept);
  ASSERT_EQ(y2026.other_outcomes.size(), 1u);
  EXPECT_EQ(y2026.other_outcomes[0].title, "Proposta comune con il Politecnico");

  ASSERT_EQ(history->met_again.size(), 1u);
  EXPECT_EQ(history->met_again[0].partner.key, "cas");
  EXPECT_EQ(history->met_again[0].editions,
            (std::vector<EventId>{edition_[2025].id, edition_[2026].id}));
}

TEST_F(HistoryTest, NoShowsAndScheduledMeetingsAreNotMeetings) {
  ReportAll();
  auto polimi = LoadOrganizationHistory(*store_, org_["polimi"]);
  ASSERT_TRUE(polimi.ok());
  ASSERT_EQ(polimi->editions.size(), 2u) << "it took part in both";
  EXPECT_TRUE(polimi->editions[0].meetings.empty()) << "no-show with Tsinghua";
  EXPECT_TRUE(polimi->editions[1].meetings.empty()) << "CAS meeting not held yet";
  ASSERT_EQ(polimi->editions[1].other_outcomes.size(), 1u) << "named by unibo's outcome";
  EXPECT_TRUE(polimi->met_again.empty());
  EXPECT_EQ(LoadOrganizationHistory(*store_, OrganizationId(424242)).status().code(),
            StatusCode::kNotFound);
}

TEST_F(HistoryTest, PastMeetingsBeforeAnEditionCarryTheBestResult) {
  auto none = PastMeetingsBefore(*store_, edition_[2025]);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty()) << "nothing before the first edition";

  auto unreported = PastMeetingsBefore(*store_, event_);
  ASSERT_TRUE(unreported.ok());
  ASSERT_EQ(unreported->size(), 1u) << "polimi–tsinghua was a no-show";
  EXPECT_EQ((*unreported)[0].result, match::PastResult::kNotReported);

  ReportAll();
  auto past = PastMeetingsBefore(*store_, event_);
  ASSERT_TRUE(past.ok());
  ASSERT_EQ(past->size(), 1u);
  const match::PastMeeting& p = (*past)[0];
  EXPECT_EQ(std::set<std::string>({p.a, p.b}), (std::set<std::string>{"unibo", "cas"}));
  EXPECT_EQ(p.result, match::PastResult::kNegotiation) << "the rejected agreement does not count";
  EXPECT_EQ(match::MetBeforeLine(p, text::Language::kChinese),
            "曾在中意创新合作周 2025会面——正在洽谈");
  EXPECT_EQ(match::MetBeforeLine(p, text::Language::kItalian),
            "Vi siete incontrati a Settimana Italia–Cina 2025 — trattativa in corso");
}

TEST(HistoryStages, EveryStageHasAResult) {
  EXPECT_EQ(ToPastResult(std::nullopt), match::PastResult::kNotReported);
  for (OutcomeStage stage : AllOutcomeStages()) {
    EXPECT_NE(ToPastResult(stage), match::PastResult::kNotReported) << ToCode(stage);
  }
  EXPECT_EQ(ToPastResult(OutcomeStage::kNoContact), match::PastResult::kNoContact);
  EXPECT_EQ(ToPastResult(OutcomeStage::kAgreement), match::PastResult::kAgreement);
}

}  // namespace
}  // namespace ponte::service
