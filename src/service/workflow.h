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
  // Cap on the search time of the scheduler's repair for a walk-in, in
  // seconds: when only the walk-in may be placed, and when other meetings may
  // move for it. The repair itself stops on iterations without progress (so
  // it is deterministic); the cap only bounds very large events.
  double walk_in_time_limit_s = 2.0;
  double walk_in_moves_time_limit_s = 5.0;
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
// Staff: moves a meeting by hand to a session, slot and table. The meeting
// keeps its interpreter when that one works in the new slot and is free; if
// not, and the sides share no language, another free interpreter for them
// takes it. Aborted names the conflict (a side, the table, no interpreter
// free); a cancelled meeting does not move. The sides of a meeting still to
// come are told of the move in their language; the audit log keeps from → to.
struct MeetingPlace {
  SessionId session;
  int slot = 0;
  int table = 0;
};
Result<Meeting> MoveMeeting(Store& store, const Clock& clock, const Actor& staff,
                            const Event& event, MeetingId id, const MeetingPlace& place,
                            std::optional<int> if_match, const WorkflowOptions& options);
// Staff: a walk-in meeting between two organizations, placed by the
// scheduler's repair (schedule::Repair) over the event's problem as
// BuildScheduleProblem states it — the sessions and cities each side
// attends, languages and interpreters, tables — with the published meetings
// as the timetable to keep. Only slots starting at or after `not_before` (and
// now) are used. Meetings already held, marked no-show or starting before
// then never move; unless `allow_moves`, no other meeting moves either (the
// walk-in takes a genuinely free slot and table). After the event (its last
// slot has begun) a walk-in records a meeting that took place: it is placed
// from `not_before` even though that is past, and nothing moves. Meetings
// that move keep their table and interpreter rules, get a new version (the
// iCalendar SEQUENCE) and their participants a mail in their language;
// everything is written in one transaction and audited with the list of
// moves.
// Aborted when there is no place (the message says why, in the event's
// cities and local times) or when a concurrent change took the place
// (nothing written: try again); FailedPrecondition when a meeting to move
// changed meanwhile.
struct WalkInRequest {
  OrganizationId a;
  OrganizationId b;
  Instant not_before;
  bool allow_moves = false;
};
struct WalkIn {
  Meeting meeting;
  std::vector<Meeting> moved;   // as written: new place and version
  std::vector<Meeting> before;  // the same meetings as they were
};
Result<WalkIn> AddWalkIn(Store& store, const Clock& clock, const Actor& staff, const Event& event,
                         const WalkInRequest& request, const WorkflowOptions& options = {});

Status GiveFeedback(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                    MeetingId id, int rating, bool follow_up, std::string_view comment);

// Appends to the audit log (organizer and support actions).
Status Audit(Store& store, const Clock& clock, const Actor& actor, const Event& event,
             std::string_view action, std::string_view target, std::string_view details = "{}");

}  // namespace ponte::service
