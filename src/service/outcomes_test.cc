#include "service/outcomes.h"

#include <gtest/gtest.h>

#include "service/outcomes_fixture.h"

namespace ponte::service {
namespace {

class OutcomesTest : public testing::OutcomesFixture {
 protected:
  // Anna (unibo) reports a negotiation from her meeting with CAS.
  Outcome Draft() {
    Outcome d;
    d.meetings = {MeetingOf(2026, "unibo", "cas")};
    d.kind = OutcomeKind::kJointResearch;
    d.stage = OutcomeStage::kNegotiation;
    d.title = "Laboratorio congiunto sulle batterie / 电池联合实验室";
    d.date = {2026, 11, 10};
    d.value = 250000;
    d.currency = "EUR";
    d.notes = "Prossimo incontro a Pechino; 下次在北京见面";
    return d;
  }

  Outcome Reported() {
    auto o = ReportOutcome(*store_, clock_, As("anna@unibo.it"), event_, Draft());
    EXPECT_TRUE(o.ok()) << o.status().ToString();
    return *o;
  }

  std::vector<AuditEntry> AuditLog() { return *store_->ListAudit(event_.id, 100, 0); }
};

TEST_F(OutcomesTest, ParticipantReportsForOwnOrganizationWithMeetingPartners) {
  const Outcome o = Reported();
  EXPECT_EQ(o.key.substr(0, 4), "out-");
  EXPECT_EQ(o.key.size(), 4u + 16u);
  EXPECT_EQ(o.event, event_.id);
  EXPECT_EQ(o.reported_for, org_["unibo"]);
  EXPECT_EQ(o.reported_by, As("anna@unibo.it").user.id);
  EXPECT_EQ(o.review, OutcomeReview::kReported);
  // The meeting's other side joined the organizations.
  std::vector<OrganizationId> expected{org_["unibo"], org_["cas"]};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(o.organizations, expected);
  auto stored = store_->GetOutcome(o.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->title, "Laboratorio congiunto sulle batterie / 电池联合实验室");
  EXPECT_EQ(stored->notes, "Prossimo incontro a Pechino; 下次在北京见面");
  EXPECT_EQ(stored->version, 1);
  // Keys are random: a second report gets another.
  EXPECT_NE(Reported().key, o.key);
}

TEST_F(OutcomesTest, ReportRefusesWhatIsNotTheReportersOwn) {
  const Actor anna = As("anna@unibo.it");
  Outcome d = Draft();
  d.meetings = {MeetingOf(2026, "polimi", "cas")};  // of the event, not of unibo
  auto r = ReportOutcome(*store_, clock_, anna, event_, d);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("field 'meetings'"), std::string::npos)
      << r.status().message();

  d = Draft();
  d.meetings = {MeetingOf(2025, "unibo", "cas")};  // unibo's, but of the other edition
  EXPECT_EQ(ReportOutcome(*store_, clock_, anna, event_, d).status().code(),
            StatusCode::kInvalidArgument);

  d = Draft();
  d.request = RequestOf(2026, "polimi", "cas");
  r = ReportOutcome(*store_, clock_, anna, event_, d);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("field 'request'"), std::string::npos);

  d = Draft();
  d.reported_for = org_["polimi"];
  EXPECT_EQ(ReportOutcome(*store_, clock_, anna, event_, d).status().code(),
            StatusCode::kPermissionDenied);

  // Not validated yet, an interpreter, a participant of another edition only.
  EXPECT_EQ(ReportOutcome(*store_, clock_, As("marco@polimi.it"), event_, Draft()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(
      ReportOutcome(*store_, clock_, As("interpreter@ponte.test"), event_, Draft()).status().code(),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(ReportOutcome(*store_, clock_, anna, edition_[2025], Draft()).status().code(),
            StatusCode::kInvalidArgument)
      << "a 2026 meeting named in a 2025 outcome";
  EXPECT_TRUE(store_->ListOutcomes({.event = event_.id})->empty());
}

TEST_F(OutcomesTest, ValidationNamesTheFieldAndWhatIsExpected) {
  const Actor anna = As("anna@unibo.it");
  struct Case {
    std::function<void(Outcome&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](Outcome& d) { d.title = "  "; }, "field 'title'"},
      {[](Outcome& d) { d.title = "riga uno\nriga due"; }, "field 'title': expected one line"},
      {[](Outcome& d) { d.title = std::string(400, 'x'); }, "field 'title': at most 300 bytes"},
      {[](Outcome& d) { d.title = "bad \xff utf-8"; }, "field 'title': expected UTF-8"},
      {[](Outcome& d) {
         d.date = {2026, 10, 1};
       },
       "field 'date': expected a date on or after"},
      {[](Outcome& d) {
         d.date = {2026, 12, 25};
       },
       "not in the future (today is 2026-11-20)"},
      {[](Outcome& d) {
         d.end_date = CivilDate{2026, 11, 1};
       },
       "field 'end_date'"},
      {[](Outcome& d) { d.value = -5; }, "field 'value': expected an amount of at least 0"},
      {[](Outcome& d) { d.currency = "euro"; }, "field 'currency': expected an ISO 4217 code"},
      {[](Outcome& d) {
         d.value.reset();
         d.currency = "CNY";
       },
       "field 'currency': only with a 'value'"},
      {[](Outcome& d) { d.notes = std::string(5000, 'n'); }, "field 'notes': at most 4000"},
      {[](Outcome& d) {
         d.meetings.clear();
         d.organizations.clear();
       },
       "field 'organizations': name the partner organization"},
      {[](Outcome& d) { d.organizations = {OrganizationId(987654)}; },
       "field 'organizations': no organization 987654"},
  };
  for (const Case& c : cases) {
    Outcome d = Draft();
    c.change(d);
    auto r = ReportOutcome(*store_, clock_, anna, event_, d);
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_NE(r.status().message().find(c.field), std::string::npos)
        << "want '" << c.field << "' in: " << r.status().message();
  }
  // A partner named without a meeting is fine, and so is an outcome with no value.
  Outcome d = Draft();
  d.meetings.clear();
  d.organizations = {org_["tsinghua"]};
  d.value.reset();
  d.currency.clear();
  auto ok = ReportOutcome(*store_, clock_, anna, event_, d);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->organizations.size(), 2u);
}

TEST_F(OutcomesTest, StaffReportForATakingPartOrganizationAndAreAudited) {
  const Actor support = As("support@ponte.test");
  Outcome d = Draft();
  d.reported_for = org_["cas"];
  auto o = ReportOutcome(*store_, clock_, support, event_, d);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->reported_for, org_["cas"]);
  ASSERT_FALSE(AuditLog().empty());
  EXPECT_EQ(AuditLog().front().action, "outcome.report");

  d.reported_for = org_["polimi"];  // takes part, but the meeting is unibo–cas
  EXPECT_EQ(ReportOutcome(*store_, clock_, support, event_, d).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(OutcomesTest, EditByReporterWithVersionSendsAValidatedOutcomeBackToReview) {
  Outcome o = Reported();
  const Actor anna = As("anna@unibo.it");
  const Actor support = As("support@ponte.test");
  auto validated =
      ReviewOutcome(*store_, clock_, support, event_, o.id, OutcomeReview::kValidated, "", 1);
  ASSERT_TRUE(validated.ok()) << validated.status().ToString();
  EXPECT_EQ(validated->review, OutcomeReview::kValidated);
  EXPECT_EQ(validated->reviewed_by, support.user.id);
  EXPECT_EQ(validated->version, 2);

  Outcome changed = *validated;
  changed.stage = OutcomeStage::kAgreement;
  changed.title = "Accordo firmato / 已签协议";
  changed.review = OutcomeReview::kValidated;  // ignored: not a descriptive field
  // Stale version.
  EXPECT_EQ(EditOutcome(*store_, clock_, anna, event_, o.id, changed, 1).status().code(),
            StatusCode::kFailedPrecondition);
  auto edited = EditOutcome(*store_, clock_, anna, event_, o.id, changed, 2);
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_EQ(edited->stage, OutcomeStage::kAgreement);
  EXPECT_EQ(edited->review, OutcomeReview::kReported);
  EXPECT_FALSE(edited->reviewed_by.valid());
  EXPECT_EQ(store_->GetOutcome(o.id)->title, "Accordo firmato / 已签协议");

  // The support office's edit keeps the review state, and is audited.
  auto again =
      ReviewOutcome(*store_, clock_, support, event_, o.id, OutcomeReview::kValidated, "ok", {});
  ASSERT_TRUE(again.ok());
  changed = *again;
  changed.notes = "Corretto dalla segreteria";
  auto by_staff = EditOutcome(*store_, clock_, support, event_, o.id, changed, again->version);
  ASSERT_TRUE(by_staff.ok()) << by_staff.status().ToString();
  EXPECT_EQ(by_staff->review, OutcomeReview::kValidated);
  EXPECT_EQ(AuditLog().front().action, "outcome.edit");
}

TEST_F(OutcomesTest, OnlyTheReportingOrganizationOrStaffEdit) {
  Outcome o = Reported();
  // CAS is named (it sees it) but did not report it.
  auto by_partner = EditOutcome(*store_, clock_, As("wang@cas.cn"), event_, o.id, o, {});
  EXPECT_EQ(by_partner.status().code(), StatusCode::kPermissionDenied);
  // Tsinghua is not named: for it the outcome does not exist.
  EXPECT_EQ(
      EditOutcome(*store_, clock_, As("li@tsinghua.edu.cn"), event_, o.id, o, {}).status().code(),
      StatusCode::kNotFound);
  EXPECT_EQ(EditOutcome(*store_, clock_, As("anna@unibo.it"), edition_[2025], o.id, o, {})
                .status()
                .code(),
            StatusCode::kNotFound)
      << "an outcome of another edition";
}

TEST_F(OutcomesTest, ReviewIsForStaffAndARejectionNeedsANote) {
  Outcome o = Reported();
  EXPECT_EQ(ReviewOutcome(*store_, clock_, As("anna@unibo.it"), event_, o.id,
                          OutcomeReview::kValidated, "", {})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  const Actor support = As("support@ponte.test");
  auto no_note =
      ReviewOutcome(*store_, clock_, support, event_, o.id, OutcomeReview::kRejected, " ", {});
  EXPECT_EQ(no_note.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(no_note.status().message().find("field 'note'"), std::string::npos);
  EXPECT_EQ(ReviewOutcome(*store_, clock_, support, event_, o.id, OutcomeReview::kReported, "", {})
                .status()
                .code(),
            StatusCode::kInvalidArgument);

  auto rejected = ReviewOutcome(*store_, clock_, As("organizer@ponte.test"), event_, o.id,
                                OutcomeReview::kRejected, "Manca il partner cinese / 缺少中方", {});
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  EXPECT_EQ(rejected->review_note, "Manca il partner cinese / 缺少中方");
  const AuditEntry last = AuditLog().front();
  EXPECT_EQ(last.action, "outcome.reject");
  EXPECT_EQ(last.target, "outcome:" + std::to_string(o.id.value()));
  EXPECT_NE(last.details.find("缺少中方"), std::string::npos) << last.details;

  // Resubmitted by the participant: back in the queue, the old note gone.
  auto resubmitted =
      EditOutcome(*store_, clock_, As("anna@unibo.it"), event_, o.id, *rejected, rejected->version);
  ASSERT_TRUE(resubmitted.ok());
  EXPECT_EQ(resubmitted->review, OutcomeReview::kReported);
  EXPECT_TRUE(resubmitted->review_note.empty());
}

TEST_F(OutcomesTest, DeleteByReporterUnlessValidatedAndByStaff) {
  Outcome first = Reported();
  Outcome second = Reported();
  EXPECT_EQ(DeleteOutcome(*store_, clock_, As("wang@cas.cn"), event_, first.id, {}).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(DeleteOutcome(*store_, clock_, As("anna@unibo.it"), event_, first.id, 7).code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(DeleteOutcome(*store_, clock_, As("anna@unibo.it"), event_, first.id, 1).ok());
  EXPECT_EQ(store_->GetOutcome(first.id).status().code(), StatusCode::kNotFound);

  const Actor support = As("support@ponte.test");
  ASSERT_TRUE(
      ReviewOutcome(*store_, clock_, support, event_, second.id, OutcomeReview::kValidated, "", {})
          .ok());
  EXPECT_EQ(DeleteOutcome(*store_, clock_, As("anna@unibo.it"), event_, second.id, {}).code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(DeleteOutcome(*store_, clock_, support, event_, second.id, {}).ok());
  EXPECT_EQ(AuditLog().front().action, "outcome.delete");
}

TEST_F(OutcomesTest, VisibilityAndFilters) {
  Outcome negotiation = Reported();
  Outcome d;
  d.meetings = {MeetingOf(2026, "unibo", "tsinghua")};
  d.kind = OutcomeKind::kTrainingExchange;
  d.stage = OutcomeStage::kContactKept;
  d.title = "Scambio di dottorandi / 博士生交流";
  d.date = {2026, 11, 1};
  auto exchange = ReportOutcome(*store_, clock_, As("li@tsinghua.edu.cn"), event_, d);
  ASSERT_TRUE(exchange.ok()) << exchange.status().ToString();
  ASSERT_TRUE(ReviewOutcome(*store_, clock_, As("support@ponte.test"), event_, exchange->id,
                            OutcomeReview::kValidated, "", {})
                  .ok());

  auto ids = [](const Result<std::vector<Outcome>>& list) {
    std::vector<std::string> out;
    for (const Outcome& o : *list) out.push_back(o.title);
    return out;
  };
  // Anna sees both (unibo is named in both), newest first.
  auto anna = VisibleOutcomes(*store_, As("anna@unibo.it"), event_);
  ASSERT_TRUE(anna.ok());
  EXPECT_EQ(ids(anna), (std::vector<std::string>{negotiation.title, exchange->title}));
  // Wang (CAS) only the one naming CAS; Marco (polimi, no outcomes) none.
  EXPECT_EQ(ids(VisibleOutcomes(*store_, As("wang@cas.cn"), event_)),
            std::vector<std::string>{negotiation.title});
  EXPECT_TRUE(VisibleOutcomes(*store_, As("marco@polimi.it"), event_)->empty());
  EXPECT_EQ(VisibleOutcomes(*store_, As("interpreter@ponte.test"), event_).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(GetVisibleOutcome(*store_, As("wang@cas.cn"), event_, exchange->id).status().code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(GetVisibleOutcome(*store_, As("li@tsinghua.edu.cn"), event_, exchange->id).ok());

  const Actor organizer = As("organizer@ponte.test");
  EXPECT_EQ(VisibleOutcomes(*store_, organizer, event_)->size(), 2u);
  EXPECT_EQ(ids(VisibleOutcomes(*store_, organizer, event_, {.review = OutcomeReview::kReported})),
            std::vector<std::string>{negotiation.title});
  EXPECT_EQ(ids(VisibleOutcomes(*store_, organizer, event_, {.stage = OutcomeStage::kContactKept})),
            std::vector<std::string>{exchange->title});
  EXPECT_EQ(ids(VisibleOutcomes(*store_, organizer, event_, {.kind = OutcomeKind::kJointResearch})),
            std::vector<std::string>{negotiation.title});
  EXPECT_EQ(ids(VisibleOutcomes(*store_, organizer, event_, {.organization = org_["tsinghua"]})),
            std::vector<std::string>{exchange->title});
  // The other edition has none.
  EXPECT_TRUE(VisibleOutcomes(*store_, organizer, edition_[2025]).status().code() ==
              StatusCode::kPermissionDenied)
      << "the 2026 organizer has no role in 2025";
}

}  // namespace
}  // namespace ponte::service
