// Outcomes: what came of the meetings, reported by the participants, checked
// by the support office and seen by the organizers. Who may report, edit,
// review, delete and see an outcome is decided here (never in the server's
// handlers), given the authenticated `Actor`.
//
//   Outcome draft;
//   draft.organizations = {partner};
//   draft.meetings = {meeting_id};
//   draft.stage = OutcomeStage::kNegotiation;
//   draft.title = "Laboratorio congiunto / 联合实验室";
//   draft.date = {2026, 12, 1};
//   PONTE_ASSIGN_OR_RETURN(Outcome o, ReportOutcome(store, clock, me, event, draft));
//
// Rules:
//  - A validated participant reports for their own organization: it is added
//    to `organizations` when missing, and so is the other side of every
//    meeting named. Meetings must be meetings of that organization in the
//    event; the request, when given, must have been sent or received by it.
//    Staff (organizers, support office) may report for any organization that
//    takes part (`reported_for`, default: the first organization).
//  - Edits: the reporting organization's participants or staff, with the
//    version read (If-Match). A participant's edit of a validated or rejected
//    outcome sends it back to the support office (review = reported).
//  - Review: the support office and the organizers validate or reject (a
//    rejection needs a note); every review is in the audit log.
//  - Delete: staff any outcome; the reporting organization its own unless
//    validated (validated outcomes are in the reports).
//  - Visibility: participants see the outcomes that name their organization,
//    staff all of the event; others (interpreters) none.
//
// Errors: PermissionDenied (not yours / not your role), NotFound (unknown or
// not visible to you), FailedPrecondition (the version you read is stale),
// InvalidArgument naming the field and what is expected.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "model/model.h"
#include "model/outcome.h"
#include "service/accounts.h"
#include "store/store.h"

namespace ponte::service {

inline constexpr std::size_t kMaxOutcomeTitleBytes = 300;
inline constexpr std::size_t kMaxOutcomeNotesBytes = 4000;

// Reports an outcome for the actor's organization. Of `draft`, the
// descriptive fields are used (organizations, meetings, request, kind, stage,
// title, date, end_date, value, currency, notes; staff also reported_for);
// key, review, reporter and timestamps are set here.
Result<Outcome> ReportOutcome(Store& store, const Clock& clock, const Actor& actor,
                              const Event& event, Outcome draft);

// Replaces the descriptive fields of outcome `id` with those of `changed`.
// `if_match`: the version the caller read (nullopt: the current one).
Result<Outcome> EditOutcome(Store& store, const Clock& clock, const Actor& actor,
                            const Event& event, OutcomeId id, Outcome changed,
                            std::optional<int> if_match);

// The support office's (or an organizer's) decision: kValidated or kRejected.
Result<Outcome> ReviewOutcome(Store& store, const Clock& clock, const Actor& actor,
                              const Event& event, OutcomeId id, OutcomeReview decision,
                              std::string_view note, std::optional<int> if_match);

Status DeleteOutcome(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                     OutcomeId id, std::optional<int> if_match);

// Which outcomes to show; unset fields do not filter.
struct OutcomeQuery {
  std::optional<OutcomeStage> stage;
  std::optional<OutcomeKind> kind;
  std::optional<OutcomeReview> review;
  OrganizationId organization;  // staff: one organization's
};

// Newest first (by date, then id).
Result<std::vector<Outcome>> VisibleOutcomes(Store& store, const Actor& actor, const Event& event,
                                             const OutcomeQuery& query = {});
// NotFound unless the actor may see it.
Result<Outcome> GetVisibleOutcome(Store& store, const Actor& actor, const Event& event,
                                  OutcomeId id);

// True when the actor may edit the outcome (the portal shows the form).
bool MayEditOutcome(const Actor& actor, const Event& event, const Outcome& outcome);

}  // namespace ponte::service
