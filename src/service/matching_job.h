// Matching as a background job: the organizers compute every organization's
// partner recommendations for an event (with progress, like the scheduler),
// look at the strongest mutual pairs, and propose them as accepted meeting
// requests that the scheduler then places.
//
//   PONTE_ASSIGN_OR_RETURN(Job job, StartMatchingJob(store, clock, organizer, event, {}));
//   ... a server claims it and calls RunJob (workflow.h), which calls RunMatchingJob ...
//   PONTE_ASSIGN_OR_RETURN(auto added, ProposeMatches(store, clock, organizer, event, job.id));
//
// The job's progress JSON: {"phase": "model"|"profiles"|"ranking"|"pairs",
// "done": n, "total": n, "elapsed_s": s}; its result: {"organizations",
// "recommendations", "mutual", "proposals": [{"from", "to", "score", "key"}],
// "time_s"}. Errors as in workflow.h.
#pragma once

#include <functional>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "model/account.h"
#include "model/model.h"
#include "service/accounts.h"
#include "store/store.h"

namespace ponte::service {

inline constexpr std::string_view kMatchingJobKind = "matching";

struct MatchingJobParameters {
  int top_k = 10;            // recommendations per organization
  int limit = 200;           // proposals at most
  int per_organization = 4;  // new proposals per organization at most
  // ponte's data/ folder (the text models), as seen by the servers that run
  // jobs: every server of a deployment has the same installation.
  std::string data_dir;
};

Result<Job> StartMatchingJob(Store& store, const Clock& clock, const Actor& organizer,
                             const Event& event, const MatchingJobParameters& parameters);
// Runs a claimed matching job to the end (RunJob in workflow.h dispatches
// here). `stop` is polled between organizations.
Status RunMatchingJob(Store& store, const Clock& clock, Job& job,
                      const std::function<bool()>& stop);
// Adds the proposals of a finished matching job as accepted requests (those
// whose pair has had a request since are skipped), audited. Returns them.
Result<std::vector<MeetingRequest>> ProposeMatches(Store& store, const Clock& clock,
                                                   const Actor& organizer, const Event& event,
                                                   JobId id);

}  // namespace ponte::service
