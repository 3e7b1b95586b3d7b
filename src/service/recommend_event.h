// Partner recommendations for an event's organizations, from the registry:
// the bridge between the domain model and the match engine, used by
// `ponte recommend --event`, `ponte demo` and (later) the server.
//
//   PONTE_ASSIGN_OR_RETURN(auto model, match::TextModel::Load({.data_dir = dir}));
//   PONTE_ASSIGN_OR_RETURN(EventRecommendations recs, RecommendForEvent(data, profiles, model,
//   10)); std::vector<MeetingRequest> proposals = ProposeMutualMeetings(data, recs, 100, now);
//
// One matching profile per organization: its "offer" profiles become what it
// offers, its "request" profiles what it seeks, its "cooperation" proposals
// its about text (every language the authors used, mixed); themes, keywords
// and the languages its people speak are merged. Pairs that already have a
// request are excluded, and a "no thanks" is respected. Pure functions.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "match/recommender.h"
#include "model/model.h"
#include "service/schedule_event.h"

namespace ponte::service {

struct EventRecommendations {
  std::unique_ptr<match::Recommender> recommender;
  std::vector<OrganizationId> organization;             // index -> organization
  std::vector<std::vector<match::Recommendation>> top;  // index -> best first
};

// The organizations' matching profiles (one per organization with at least
// one profile).
std::vector<match::Profile> BuildMatchProfiles(const EventData& data,
                                               const std::vector<Profile>& profiles);

// Recommender options for an event: pairs that already have a request are
// excluded, a "no thanks" is respected, interpreters count when the event has
// any; pairs that met at earlier editions (`met_before`, from
// service::PastMeetingsBefore in history.h) are explained and their score
// adjusted by what came of it (match::PastMeetingFactor).
match::RecommenderOptions EventRecommenderOptions(const EventData& data,
                                                  std::vector<match::PastMeeting> met_before = {});

Result<EventRecommendations> RecommendForEvent(const EventData& data,
                                               const std::vector<Profile>& profiles,
                                               std::shared_ptr<const match::TextModel> model,
                                               std::size_t k,
                                               std::vector<match::PastMeeting> met_before = {});

// The strongest mutual recommendations (each side in the other's top list)
// as accepted meeting requests proposed by the organizers, at most `limit`,
// at most `per_organization` new ones for any organization, best first.
std::vector<MeetingRequest> ProposeMutualMeetings(const EventData& data,
                                                  const EventRecommendations& recs,
                                                  std::size_t limit, int per_organization,
                                                  Instant now);

}  // namespace ponte::service
