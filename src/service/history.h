// An organization's history across the editions of the programme: which
// editions it attended, whom it met in each (held meetings), the partners it
// met again, and which meetings led to outcomes and how far they got. And the
// same history seen from the matcher: pairs that met at an earlier edition,
// with the best result reported since ("met before").
//
//   PONTE_ASSIGN_OR_RETURN(OrganizationHistory h, LoadOrganizationHistory(store, org));
//   for (const EditionHistory& e : h.editions) ...   // oldest first
//
//   PONTE_ASSIGN_OR_RETURN(auto past, PastMeetingsBefore(store, event));
//   options.met_before = past;   // match::RecommenderOptions
//
// Rejected outcomes do not count; reported and validated ones do. Reads only.
#pragma once

#include <optional>
#include <vector>

#include "core/status.h"
#include "match/recommender.h"
#include "model/model.h"
#include "model/outcome.h"
#include "store/store.h"

namespace ponte::service {

struct HistoryMeeting {
  Meeting meeting;
  Organization partner;
  std::vector<Outcome> outcomes;           // that grew from it (best stage first)
  std::optional<OutcomeStage> best_stage;  // of those outcomes
};

struct EditionHistory {
  Event event;
  std::vector<HistoryMeeting> meetings;  // held meetings, in slot order
  // Outcomes of the edition that name the organization but no held meeting
  // of it (from an expression of interest, a meeting not marked held, ...).
  std::vector<Outcome> other_outcomes;
};

struct MetAgain {
  Organization partner;
  std::vector<EventId> editions;  // oldest first; at least two
};

struct OrganizationHistory {
  Organization organization;
  std::vector<EditionHistory> editions;  // editions it took part in, oldest first
  std::vector<MetAgain> met_again;       // partners met at two editions or more
};

// NotFound for an unknown organization.
Result<OrganizationHistory> LoadOrganizationHistory(Store& store, OrganizationId organization);

// Pairs of organizations (by key) that held a meeting at an edition that
// started before `event`: one entry per pair, naming the latest such edition,
// with the best stage reported for the pair at any earlier edition.
Result<std::vector<match::PastMeeting>> PastMeetingsBefore(Store& store, const Event& event);

// The matcher's view of an outcome stage.
match::PastResult ToPastResult(std::optional<OutcomeStage> best);

}  // namespace ponte::service
