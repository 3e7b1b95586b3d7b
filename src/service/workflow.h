// The meeting workflow between participants, the support office and the
// organizers: who may see and do what is decided here (never in the server's
// handlers), given the authenticated `Actor`.
//
//   request → accept / decline / cancel (pending requests expire, with a
//   reminder before) → the organizer's scheduling job → preview → publish →
//   on site: cancel, no-show, held, a walk-in meeting in a free slot and
//   table, a meeting moved by hand → feedback after the meeting.
//
// Errors: PermissionDenied (not yours), NotFound, Aborted (conflicts with the
// current state: not pending any more, a side or the table is busy),
// FailedPrecondition (the version you read is stale), InvalidArgument.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "model/account.h"
#include "model/model.h"
#include "service/accounts.h"
#include "service/schedule_event.h"
#include "store/store.h"

namespace ponte::service {

struct WorkflowOptions {
  Seconds request_lifetime{7 * 24 * 3600};  // pending requests expire after this
  Seconds reminder_before{2 * 24 * 3600};   // reminder mail this long before expiry
  std::string base_url = "http://127.0.0.1:8080";
};

// --- visibility ---------------------------------------------------------------

// Staff see everything; others see organizations with a public profile and
// their own.
bool CanSeeOrganization(const Actor& actor, const Event& event, const Organization& org);

// Organizations taking part in an event: those with a participant membership
// or a request in it.
Result<std::vector<Organization>> EventOrganizations(Store& store, const Event& event);
// NotFound unless the organization takes part in the event.
Status CheckTakesPart(Store& store, const Event& event, OrganizationId org);

// --- participants ----------------------------------------------------------------

Status ValidateParticipant(Store& store, const Clock& clock, const Actor& staff, const Event& event,
                           UserId user, bool validated);
// Edits an organization (its own participant, or staff); If-Match version.
Result<Organization> EditOrganization(Store& store, const Clock& clock, const Actor& actor,
                                      const Event& event, Organization changed,
                                      std::optional<int> if_match);

// --- requests ----------------------------------------------------------------------

struct NewRequest {
  OrganizationId to;
  Preference preference = Preference::kWant;
  std::string message;
};
Result<MeetingRequest> SendRequest(Store& store, const Clock& clock, const Actor& actor,
                                   const Event& event, const NewRequest& request,
                                   const WorkflowOptions& options = {});

enum class Reply { kAccept, kDecline, kCancel };
Result<Reply> ParseReply(std::string_view text);
// Accept / decline: the receiving side; cancel: the sending side; staff may
// do any. Only pending requests (and accepted ones, for cancel).
Result<MeetingRequest> ReplyToRequest(Store& store, const Clock& clock, const Actor& actor,
                                      const Event& event, MeetingRequestId id, Reply reply,
                                      std::optional<int> if_match,
                                      const WorkflowOptions& options = {});
// Staff: all of the event; participants: those they sent or received.
Result<std::vector<MeetingRequest>> VisibleRequests(Store& store, const Actor& actor,
                                                    const Event& event);

// Expires overdue pending requests and mails reminders for those that will
// expire within `reminder_before` (once each: for requests whose reminder
// time fell in (since, now]). Returns the number of requests expired.
Result<int> SweepRequests(Store& store, const Clock& clock, Instant since,
                          const WorkflowOptions& options = {});

// --- scheduling jobs -------------------------------------------------------------------

struct ScheduleJobParameters {
  double time_limit_s = 10;
  std::uint64_t seed = 1;
};
// Queues a scheduling run for the event (organizers).
Result<Job> StartScheduleJob(Store& store, const Clock& clock, const Actor& organizer,
                             const Event& event, const ScheduleJobParameters& parameters);
Result<Job> GetJobFor(Store& store, const Actor& actor, JobId id);
Status CancelJob(Store& store, const Clock& clock, const Actor& actor, JobId id);
// Runs a claimed job to the end in the calling thread, writing progress and
// the result (the proposed timetable and its statistics) to the store.
// `stop` is polled; when it returns true the job ends cancelled.
Status RunJob(Store& store, const Clock& clock, Job& job, const std::function<bool()>& stop);
// Publishes the timetable a finished job proposed (organizers), audited.
Result<std::vector<Meeting>> PublishJob(Store& store, const Clock& clock, const Actor& organizer,
                                        const Event& event, JobId id);

// --- meetings ------------------------------------------------------------------------------

// Staff: every meeting; participants: their own; interpreters: theirs.
Result<std::vector<Meeting>> VisibleMeetings(Store& store, const Actor& actor, const Event& event);
// cancelled: either side or staff; held / no_show: staff.
Result<Meeting> SetMeetingStatus(Store& store, const Clock& clock, const Actor& actor,
                                 const Event& event, MeetingId id, MeetingStatus status,
                                 std::optional<int> if_match);
// Staff: moves a meeting by hand; Aborted names the conflict.
struct MeetingPlace {
  SessionId session;
  int slot = 0;
  int table = 0;
};
Result<Meeting> MoveMeeting(Store& store, const Clock& clock, const Actor& staff,
                            const Event& event, MeetingId id, const MeetingPlace& place,
                            std::optional<int> if_match);
// Staff: a walk-in meeting between two organizations in the first free slot
// and table (from `not_before`) where both sides are free and, when needed,
// an interpreter; every other meeting stays where it is. (The slot is found
// by a direct scan, not yet by the scheduler's repair.)
Result<Meeting> AddWalkIn(Store& store, const Clock& clock, const Actor& staff, const Event& event,
                          OrganizationId a, OrganizationId b, Instant not_before);

Status GiveFeedback(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                    MeetingId id, int rating, bool follow_up, std::string_view comment);

// Appends to the audit log (organizer and support actions).
Status Audit(Store& store, const Clock& clock, const Actor& actor, const Event& event,
             std::string_view action, std::string_view target, std::string_view details = "{}");

}  // namespace ponte::service
