#include "service/workflow.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "service/matching_job.h"

namespace ponte::service {
namespace {

using Json = nlohmann::json;

std::string NameOf(const Organization& org) {
  const std::string& name = org.name.Best("en").first;
  return name.empty() ? org.key : name;
}

// The e-mail addresses of an organization's accounts in the event.
Result<std::vector<std::string>> MailboxesOf(Store& store, const Event& event, OrganizationId org) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members, store.ListEventMembers(event.id));
  std::vector<std::string> out;
  for (const Membership& m : members) {
    if (m.organization != org || m.role != Role::kParticipant) continue;
    auto user = store.GetUser(m.user);
    if (user.ok() && !user->disabled) out.push_back(user->email);
  }
  return out;
}

Status Mail(Store& store, const Clock& clock, const std::vector<std::string>& to,
            std::string_view kind, const std::string& subject, const std::string& body) {
  for (const std::string& address : to) {
    OutboxMessage m;
    m.created_at = clock.Now();
    m.to = address;
    m.subject = subject;
    m.body = body;
    m.kind = std::string(kind);
    PONTE_RETURN_IF_ERROR(store.EnqueueMessage(m));
  }
  return OkStatus();
}

Status CheckVersion(std::optional<int> if_match, int current, std::string_view what,
                    std::int64_t id) {
  if (if_match && *if_match != current) {
    return FailedPreconditionError(std::string(what) + " " + std::to_string(id) +
                                   " changed since it was read (version " +
                                   std::to_string(*if_match) + ", now " + std::to_string(current) +
                                   "): reload it and try again");
  }
  return OkStatus();
}

Result<Event> EventById(Store& store, EventId id) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents());
  for (Event& e : events) {
    if (e.id == id) return std::move(e);
  }
  return NotFoundError("no event " + std::to_string(id.value()));
}

bool IsSide(const Meeting& m, OrganizationId org) {
  return org.valid() && (m.a == org || m.b == org);
}

}  // namespace

// ---- visibility --------------------------------------------------------------------

bool CanSeeOrganization(const Actor& actor, const Event& event, const Organization& org) {
  return org.public_profile || actor.IsStaff(event.id) || actor.OrganizationIn(event.id) == org.id;
}

Result<std::vector<Organization>> EventOrganizations(Store& store, const Event& event) {
  std::set<std::int64_t> ids;
  PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members, store.ListEventMembers(event.id));
  for (const Membership& m : members) {
    if (m.organization.valid()) ids.insert(m.organization.value());
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> requests, store.ListRequests(event.id));
  for (const MeetingRequest& r : requests) {
    ids.insert(r.from.value());
    ids.insert(r.to.value());
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> all, store.ListOrganizations());
  std::erase_if(all, [&](const Organization& o) { return !ids.contains(o.id.value()); });
  return all;
}

Status CheckTakesPart(Store& store, const Event& event, OrganizationId org) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members, store.ListEventMembers(event.id));
  for (const Membership& m : members) {
    if (m.organization == org) return OkStatus();
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> requests, store.ListRequestsOf(event.id, org));
  if (!requests.empty()) return OkStatus();
  return NotFoundError("organization " + std::to_string(org.value()) +
                       " does not take part in event '" + event.key + "'");
}

Status Audit(Store& store, const Clock& clock, const Actor& actor, const Event& event,
             std::string_view action, std::string_view target, std::string_view details) {
  AuditEntry e;
  e.at = clock.Now();
  e.user = actor.user.id;
  e.event = event.id;
  e.action = std::string(action);
  e.target = std::string(target);
  e.details = std::string(details);
  return store.AppendAudit(e);
}

// ---- participants ----------------------------------------------------------------------

Status ValidateParticipant(Store& store, const Clock& clock, const Actor& staff, const Event& event,
                           UserId user, bool validated) {
  if (!staff.IsStaff(event.id)) {
    return PermissionDeniedError(
        "only the organizers and the support office validate participants");
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Membership> memberships, store.ListMemberships(user));
  for (Membership& m : memberships) {
    if (m.event != event.id || m.role != Role::kParticipant) continue;
    m.validated = validated;
    PONTE_RETURN_IF_ERROR(store.PutMembership(m));
    return Audit(store, clock, staff, event,
                 validated ? "participant.validate" : "participant.unvalidate",
                 "user:" + std::to_string(user.value()));
  }
  return NotFoundError("user " + std::to_string(user.value()) + " is not a participant of event '" +
                       event.key + "'");
}

Result<Organization> EditOrganization(Store& store, const Clock& clock, const Actor& actor,
                                      const Event& event, Organization changed,
                                      std::optional<int> if_match) {
  PONTE_ASSIGN_OR_RETURN(Organization current, store.GetOrganization(changed.id));
  const bool staff = actor.IsStaff(event.id);
  if (!staff && actor.OrganizationIn(event.id) != current.id) {
    return PermissionDeniedError("you can edit only your own organization");
  }
  PONTE_RETURN_IF_ERROR(
      CheckVersion(if_match, current.version, "organization", current.id.value()));
  changed.key = current.key;
  PONTE_RETURN_IF_ERROR(store.UpdateOrganization(changed, if_match.value_or(current.version)));
  if (staff) {
    PONTE_RETURN_IF_ERROR(
        Audit(store, clock, actor, event, "organization.edit", "organization:" + current.key));
  }
  return changed;
}

// ---- requests --------------------------------------------------------------------------

Result<Reply> ParseReply(std::string_view text) {
  if (text == "accept") return Reply::kAccept;
  if (text == "decline") return Reply::kDecline;
  if (text == "cancel") return Reply::kCancel;
  return InvalidArgumentError("unknown reply '" + std::string(text) +
                              "': expected accept, decline or cancel");
}

Result<MeetingRequest> SendRequest(Store& store, const Clock& clock, const Actor& actor,
                                   const Event& event, const NewRequest& request,
                                   const WorkflowOptions& options) {
  const OrganizationId from = actor.OrganizationIn(event.id);
  if (!from.valid()) {
    return PermissionDeniedError("only participants of '" + event.key + "' send meeting requests");
  }
  if (!actor.IsValidatedParticipant(event.id)) {
    return PermissionDeniedError(
        "your participation has not been validated by the support office yet");
  }
  if (request.to == from) return InvalidArgumentError("field 'to': you cannot meet yourself");
  auto target = store.GetOrganization(request.to);
  if (!target.ok() || !CanSeeOrganization(actor, event, *target) ||
      !CheckTakesPart(store, event, request.to).ok()) {
    return NotFoundError("field 'to': no organization " + std::to_string(request.to.value()));
  }
  if (request.message.size() > 2000) {
    return InvalidArgumentError("field 'message': at most 2000 bytes");
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> existing,
                         store.ListRequestsOf(event.id, from));
  for (const MeetingRequest& r : existing) {
    const bool pair =
        (r.from == from && r.to == request.to) || (r.from == request.to && r.to == from);
    if (pair && (r.status == RequestStatus::kPending || r.status == RequestStatus::kAccepted)) {
      return AbortedError("a request between these organizations is already " +
                          std::string(ToCode(r.status)) + " (request " +
                          std::to_string(r.id.value()) + ")");
    }
  }
  const Instant now = clock.Now();
  MeetingRequest r;
  r.event = event.id;
  r.from = from;
  r.to = request.to;
  r.preference = request.preference;
  r.status = RequestStatus::kPending;
  r.message = request.message;
  r.created_at = now;
  r.updated_at = now;
  r.expires_at = now + options.request_lifetime;
  // Unique even when a cancelled request is sent again within the same second
  // (the clock counts seconds): the suffix counts the pair's earlier requests.
  int earlier = 0;
  for (const MeetingRequest& e : existing) earlier += e.from == from && e.to == request.to ? 1 : 0;
  r.key = "web-" + std::to_string(from.value()) + "-" + std::to_string(request.to.value()) + "-" +
          std::to_string(now.time_since_epoch().count()) + "-" + std::to_string(earlier + 1);
  std::vector<MeetingRequest> batch{r};
  PONTE_RETURN_IF_ERROR(store.AddRequests(event.id, batch));
  PONTE_ASSIGN_OR_RETURN(Organization sender, store.GetOrganization(from));
  PONTE_ASSIGN_OR_RETURN(std::vector<std::string> to, MailboxesOf(store, event, request.to));
  PONTE_RETURN_IF_ERROR(Mail(store, clock, to, "request",
                             "Meeting request from " + NameOf(sender) + " / 会谈邀请 / Richiesta",
                             NameOf(sender) + " would like to meet you at " + event.key + ".\n\n" +
                                 request.message + "\n\n" + options.base_url + "/requests"));
  return batch.front();
}

Result<MeetingRequest> ReplyToRequest(Store& store, const Clock& clock, const Actor& actor,
                                      const Event& event, MeetingRequestId id, Reply reply,
                                      std::optional<int> if_match, const WorkflowOptions& options) {
  (void)options;
  PONTE_ASSIGN_OR_RETURN(MeetingRequest r, store.GetRequest(id));
  if (r.event != event.id) return NotFoundError("no meeting request " + std::to_string(id.value()));
  const OrganizationId mine = actor.OrganizationIn(event.id);
  const bool staff = actor.IsStaff(event.id);
  if (!staff && mine != r.from && mine != r.to) {
    return NotFoundError("no meeting request " + std::to_string(id.value()));
  }
  if (!staff && reply != Reply::kCancel && mine != r.to) {
    return PermissionDeniedError("only the organization that received the request answers it");
  }
  if (!staff && reply == Reply::kCancel && mine != r.from && r.status == RequestStatus::kPending) {
    return PermissionDeniedError("decline the request instead: you received it");
  }
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, r.version, "meeting request", r.id.value()));
  const bool cancellable =
      r.status == RequestStatus::kPending || r.status == RequestStatus::kAccepted;
  if ((reply != Reply::kCancel && r.status != RequestStatus::kPending) ||
      (reply == Reply::kCancel && !cancellable)) {
    return AbortedError("request " + std::to_string(id.value()) + " is " +
                        std::string(ToCode(r.status)) + " and can no longer be " +
                        (reply == Reply::kAccept    ? "accepted"
                         : reply == Reply::kDecline ? "declined"
                                                    : "cancelled"));
  }
  const int read_version = r.version;
  r.status = reply == Reply::kAccept    ? RequestStatus::kAccepted
             : reply == Reply::kDecline ? RequestStatus::kDeclined
                                        : RequestStatus::kCancelled;
  r.updated_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.UpdateRequest(r, read_version));
  if (reply == Reply::kCancel) {
    // A cancelled request takes its scheduled meeting with it.
    PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetingsOf(event.id, r.from));
    for (Meeting& m : meetings) {
      if (m.request != r.id || m.status != MeetingStatus::kScheduled) continue;
      m.status = MeetingStatus::kCancelled;
      PONTE_RETURN_IF_ERROR(store.UpdateMeeting(m, m.version));
    }
  }
  const OrganizationId other = mine == r.from ? r.to : r.from;
  PONTE_ASSIGN_OR_RETURN(std::vector<std::string> to, MailboxesOf(store, event, other));
  PONTE_RETURN_IF_ERROR(Mail(store, clock, to, "request",
                             "Meeting request " + std::string(ToCode(r.status)),
                             "Request " + std::to_string(r.id.value()) + " is now " +
                                 std::string(ToCode(r.status)) + "."));
  if (staff && mine != r.from && mine != r.to) {
    PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, event,
                                "request." + std::string(ToCode(r.status)),
                                "request:" + std::to_string(r.id.value())));
  }
  return r;
}

Result<std::vector<MeetingRequest>> VisibleRequests(Store& store, const Actor& actor,
                                                    const Event& event) {
  if (actor.IsStaff(event.id)) return store.ListRequests(event.id);
  const OrganizationId mine = actor.OrganizationIn(event.id);
  if (!mine.valid()) return std::vector<MeetingRequest>{};
  return store.ListRequestsOf(event.id, mine);
}

Result<int> SweepRequests(Store& store, const Clock& clock, Instant since,
                          const WorkflowOptions& options) {
  const Instant now = clock.Now();
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> expired, store.ExpireRequests(now));
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents());
  // Claimed in the database: several servers sweeping the same interval send
  // each reminder once.
  PONTE_ASSIGN_OR_RETURN(std::vector<MeetingRequest> due,
                         store.ClaimReminders(since, now, options.reminder_before));
  for (const Event& event : events) {
    for (const MeetingRequest& r : due) {
      if (r.event != event.id || !r.expires_at) continue;
      PONTE_ASSIGN_OR_RETURN(std::vector<std::string> to, MailboxesOf(store, event, r.to));
      PONTE_RETURN_IF_ERROR(Mail(
          store, clock, to, "reminder", "Reminder: a meeting request is waiting for your answer",
          "Request " + std::to_string(r.id.value()) + " expires on " + FormatUtc(*r.expires_at) +
              ".\n" + options.base_url + "/requests"));
    }
  }
  return static_cast<int>(expired.size());
}

// ---- scheduling jobs -----------------------------------------------------------------------

Result<Job> StartScheduleJob(Store& store, const Clock& clock, const Actor& organizer,
                             const Event& event, const ScheduleJobParameters& parameters) {
  if (!organizer.IsOrganizer(event.id)) {
    return PermissionDeniedError("only the organizers run the scheduler");
  }
  if (parameters.time_limit_s <= 0 || parameters.time_limit_s > 3600) {
    return InvalidArgumentError("field 'time_limit_s': expected 0 < seconds <= 3600");
  }
  Job job;
  job.event = event.id;
  job.kind = "schedule";
  job.parameters =
      Json{{"time_limit_s", parameters.time_limit_s}, {"seed", parameters.seed}}.dump();
  job.created_by = organizer.user.id;
  job.created_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.CreateJob(job));
  PONTE_RETURN_IF_ERROR(Audit(store, clock, organizer, event, "schedule.run",
                              "job:" + std::to_string(job.id.value()), job.parameters));
  return job;
}

Result<Job> GetJobFor(Store& store, const Actor& actor, JobId id) {
  PONTE_ASSIGN_OR_RETURN(Job job, store.GetJob(id));
  if (!actor.IsStaff(job.event)) return NotFoundError("no job " + std::to_string(id.value()));
  return job;
}

Status CancelJob(Store& store, const Clock& clock, const Actor& actor, JobId id) {
  PONTE_ASSIGN_OR_RETURN(Job job, store.GetJob(id));
  if (!actor.IsOrganizer(job.event)) return NotFoundError("no job " + std::to_string(id.value()));
  if (job.state != JobState::kQueued && job.state != JobState::kRunning) {
    return AbortedError("job " + std::to_string(id.value()) + " has already ended (" +
                        std::string(ToCode(job.state)) + ")");
  }
  PONTE_RETURN_IF_ERROR(store.RequestJobCancel(id));
  PONTE_ASSIGN_OR_RETURN(Event event, EventById(store, job.event));
  return Audit(store, clock, actor, event, "schedule.cancel", "job:" + std::to_string(id.value()));
}

Status RunJob(Store& store, const Clock& clock, Job& job, const std::function<bool()>& stop) {
  auto finish = [&](JobState state, std::string result, std::string error) {
    job.state = state;
    job.result = std::move(result);
    job.error = std::move(error);
    job.updated_at = clock.Now();
    return store.UpdateJob(job);
  };
  if (job.kind == kMatchingJobKind) return RunMatchingJob(store, clock, job, stop);
  if (job.kind != "schedule") return finish(JobState::kFailed, "", "unknown job kind " + job.kind);
  PONTE_ASSIGN_OR_RETURN(Event event, EventById(store, job.event));
  Json parameters = Json::parse(job.parameters, nullptr, false);
  schedule::SolveOptions options;
  if (parameters.is_object()) {
    options.time_limit_s = parameters.value("time_limit_s", 10.0);
    options.seed = parameters.value("seed", std::uint64_t{1});
  }
  auto data = LoadEventData(store, event.key);
  if (!data.ok()) return finish(JobState::kFailed, "", data.status().message());

  // The engine runs in this thread; a watcher reports its progress to the
  // store every second and stops it when an organizer cancels the job (or
  // this server stops). The store is used by the watcher only while the
  // engine runs.
  std::atomic<bool> cancel{false};
  std::mutex progress_mutex;
  schedule::SolveProgress latest;
  options.cancel = &cancel;
  options.progress = [&](const schedule::SolveProgress& p) {
    std::lock_guard lock(progress_mutex);
    latest = p;
  };
  bool cancelled = false;
  bool stopping = false;
  bool solved = false;
  std::mutex done_mutex;
  std::condition_variable done_signal;
  const Stopwatch watch;
  std::thread watcher([&] {
    std::unique_lock done_lock(done_mutex);
    while (!done_signal.wait_for(done_lock, std::chrono::seconds(1), [&] { return solved; })) {
      schedule::SolveProgress p;
      {
        std::lock_guard lock(progress_mutex);
        p = latest;
      }
      job.progress = Json{{"elapsed_s", watch.Seconds()},
                          {"best_breaks", p.best_breaks},
                          {"lower_bound", p.lower_bound},
                          {"phase", p.phase},
                          {"time_limit_s", options.time_limit_s}}
                         .dump();
      job.updated_at = clock.Now();
      if (store.UpdateJob(job).ok() && job.cancel_requested) cancelled = true;
      if (stop && stop()) stopping = true;
      if (cancelled || stopping) cancel = true;
    }
  });
  EventSchedule plan = ScheduleEvent(*data, options);
  {
    std::lock_guard lock(done_mutex);
    solved = true;
  }
  done_signal.notify_all();
  watcher.join();
  // The store may have been told to cancel after the watcher's last look.
  job.updated_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.UpdateJob(job));
  if (cancelled || job.cancel_requested) return finish(JobState::kCancelled, "", "cancelled");
  // A server that is stopping leaves the job to another one (it goes stale
  // and is claimed again).
  if (stopping || (stop && stop())) {
    return CancelledError("server stopping: job left for another server");
  }

  Json meetings = Json::array();
  for (const Meeting& m : plan.meetings) {
    meetings.push_back({{"request", m.request.value()},
                        {"a", m.a.value()},
                        {"b", m.b.value()},
                        {"session", m.session.value()},
                        {"slot", m.slot},
                        {"table", m.table},
                        {"interpreter", m.interpreter.value()}});
  }
  Json days = Json::array();
  for (const DayStatistics& d : plan.days) {
    days.push_back({{"date", FormatDate(d.date)},
                    {"city", d.city},
                    {"meetings", d.meetings},
                    {"participants", d.participants},
                    {"breaks", d.breaks},
                    {"peak_tables", d.peak_tables},
                    {"tables", d.tables},
                    {"interpreted", d.interpreted},
                    {"interpreter_load", d.interpreter_load}});
  }
  const auto& r = plan.result;
  Json result{{"status", schedule::SolveStatusName(r.status)},
              {"breaks", r.objective.breaks},
              {"lower_bound", r.lower_bound},
              {"time_s", r.time_s},
              {"requested", plan.problem.meetings.size()},
              {"scheduled", plan.meetings.size()},
              {"explanation", r.explanation},
              {"days", days},
              {"meetings", meetings}};
  if (r.status == schedule::SolveStatus::kInfeasible ||
      r.status == schedule::SolveStatus::kUnknown) {
    return finish(JobState::kFailed, result.dump(),
                  r.explanation.empty() ? "no timetable found" : r.explanation);
  }
  return finish(JobState::kSucceeded, result.dump(), "");
}

Result<std::vector<Meeting>> PublishJob(Store& store, const Clock& clock, const Actor& organizer,
                                        const Event& event, JobId id) {
  if (!organizer.IsOrganizer(event.id)) {
    return PermissionDeniedError("only the organizers publish the timetable");
  }
  PONTE_ASSIGN_OR_RETURN(Job job, store.GetJob(id));
  if (job.event != event.id) return NotFoundError("no job " + std::to_string(id.value()));
  if (job.state != JobState::kSucceeded) {
    return AbortedError("job " + std::to_string(id.value()) + " is " +
                        std::string(ToCode(job.state)) + ": only a finished run can be published");
  }
  Json result = Json::parse(job.result, nullptr, false);
  if (!result.is_object() || !result.contains("meetings")) {
    return InternalError("job " + std::to_string(id.value()) + " has no timetable");
  }
  // Meetings already held or marked no-show stay as they are.
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> current, store.ListMeetings(event.id));
  std::vector<Meeting> meetings;
  std::unordered_set<std::int64_t> settled;
  for (const Meeting& m : current) {
    if (m.status == MeetingStatus::kHeld || m.status == MeetingStatus::kNoShow) {
      meetings.push_back(m);
      if (m.request.valid()) settled.insert(m.request.value());
    }
  }
  for (const Json& j : result["meetings"]) {
    Meeting m;
    m.event = event.id;
    m.request = MeetingRequestId(j.value("request", std::int64_t{0}));
    if (m.request.valid() && settled.contains(m.request.value())) continue;
    m.a = OrganizationId(j.value("a", std::int64_t{0}));
    m.b = OrganizationId(j.value("b", std::int64_t{0}));
    m.session = SessionId(j.value("session", std::int64_t{0}));
    m.slot = j.value("slot", 0);
    m.table = j.value("table", 0);
    m.interpreter = InterpreterId(j.value("interpreter", std::int64_t{0}));
    meetings.push_back(m);
  }
  PONTE_RETURN_IF_ERROR(store.ReplaceMeetings(event.id, meetings));
  PONTE_RETURN_IF_ERROR(Audit(store, clock, organizer, event, "schedule.publish",
                              "job:" + std::to_string(id.value()),
                              Json{{"meetings", meetings.size()}}.dump()));
  return meetings;
}

// ---- meetings -----------------------------------------------------------------------------

Result<std::vector<Meeting>> VisibleMeetings(Store& store, const Actor& actor, const Event& event) {
  if (actor.IsStaff(event.id)) return store.ListMeetings(event.id);
  if (const OrganizationId org = actor.OrganizationIn(event.id); org.valid()) {
    return store.ListMeetingsOf(event.id, org);
  }
  if (const InterpreterId i = actor.InterpreterIn(event.id); i.valid()) {
    return store.ListMeetingsOfInterpreter(event.id, i);
  }
  return std::vector<Meeting>{};
}

Result<Meeting> SetMeetingStatus(Store& store, const Clock& clock, const Actor& actor,
                                 const Event& event, MeetingId id, MeetingStatus status,
                                 std::optional<int> if_match) {
  PONTE_ASSIGN_OR_RETURN(Meeting m, store.GetMeeting(id));
  const bool staff = actor.IsStaff(event.id);
  const bool side = IsSide(m, actor.OrganizationIn(event.id));
  if (m.event != event.id || (!staff && !side)) {
    return NotFoundError("no meeting " + std::to_string(id.value()));
  }
  if (!staff && status != MeetingStatus::kCancelled) {
    return PermissionDeniedError("only the organizers and the support office record attendance");
  }
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, m.version, "meeting", m.id.value()));
  if (m.status == MeetingStatus::kCancelled && status != MeetingStatus::kCancelled) {
    return AbortedError("meeting " + std::to_string(id.value()) +
                        " was cancelled; add a walk-in meeting instead");
  }
  const int read_version = m.version;
  m.status = status;
  PONTE_RETURN_IF_ERROR(store.UpdateMeeting(m, read_version));
  if (staff) {
    PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, event,
                                "meeting." + std::string(ToCode(status)),
                                "meeting:" + std::to_string(id.value())));
  }
  return m;
}

// ---- walk-ins: the scheduler's repair over the published timetable ---------------------

namespace {

std::size_t Ix(int i) { return static_cast<std::size_t>(i); }

// Whether participant p may meet in slot t as the problem states it: not a
// forbidden slot, and in the session's city that day.
bool Present(const schedule::Problem& problem, schedule::ParticipantIndex p,
             schedule::SlotIndex t) {
  const schedule::Participant& part = problem.participants[Ix(p)];
  if (std::binary_search(part.forbidden_slots.begin(), part.forbidden_slots.end(), t)) {
    return false;
  }
  if (part.city_by_day.empty()) return true;
  const schedule::Session& s = problem.sessions[Ix(problem.slots[Ix(t)].session)];
  if (s.day < 0 || Ix(s.day) >= part.city_by_day.size()) return true;
  const schedule::CityIndex where = part.city_by_day[Ix(s.day)];
  return where == schedule::kAnyCity || where == s.city;
}

std::string LocalTime(Instant t, const Event& event) {
  auto civil = ToCivil(t, event.time_zone);
  return civil.ok() ? FormatCivil(*civil) : FormatUtc(t);
}

std::string JoinWords(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

// The users acting for an organization in the event (to tell them of a move).
Result<std::vector<User>> ParticipantUsers(Store& store, const Event& event, OrganizationId org) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members, store.ListEventMembers(event.id));
  std::vector<User> out;
  for (const Membership& m : members) {
    if (m.organization != org || m.role != Role::kParticipant) continue;
    auto user = store.GetUser(m.user);
    if (user.ok() && !user->disabled) out.push_back(std::move(*user));
  }
  return out;
}

// Everything the walk-in's repair works on, in the engine's terms and back.
struct WalkInModel {
  EventData data;
  ProblemMapping mapping;
  schedule::Problem problem;  // presence as BuildScheduleProblem states it
  std::vector<Instant> slot_start;
  std::map<std::pair<std::int64_t, int>, schedule::SlotIndex> slot_of;  // (session id, slot)
  std::map<std::int64_t, schedule::ParticipantIndex> participant_of;    // organization id
  std::map<std::int64_t, schedule::InterpreterIndex> interpreter_of;    // interpreter id
  std::vector<Meeting> live;     // published meetings in the problem, as stored
  std::vector<bool> fixed;       // per live meeting: may not move
  schedule::Solution published;  // per live meeting
  std::map<std::int64_t, const Organization*> organizations;

  const Session& SessionOf(schedule::SlotIndex t) const {
    return data.sessions[mapping.slot_session[Ix(t)].first];
  }
  std::string Name(OrganizationId org) const {
    auto it = organizations.find(org.value());
    return it == organizations.end() ? std::to_string(org.value()) : NameOf(*it->second);
  }
};

// Where a participant can still meet from the cutoff, as "Milan on 2026-10-14".
std::string Whereabouts(const WalkInModel& x, schedule::ParticipantIndex p,
                        const std::vector<schedule::SlotIndex>& slots) {
  std::vector<std::string> places;
  for (schedule::SlotIndex t : slots) {
    if (!Present(x.problem, p, t)) continue;
    const Session& s = x.SessionOf(t);
    const std::string place = s.city + " on " + FormatDate(s.date);
    if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
  }
  return places.empty() ? "not present any more" : "present only in " + JoinWords(places);
}

// Why no slot from the cutoff can take a meeting between participants pa and
// pb, in the event's cities and local times (for the organizer to act on).
std::string ExplainNoPlace(const WalkInModel& x, const Event& event, const WalkInRequest& request,
                           schedule::ParticipantIndex pa, schedule::ParticipantIndex pb,
                           Instant cutoff, bool needs_interpreter,
                           const std::vector<schedule::InterpreterIndex>& can_interpret,
                           const std::vector<std::vector<char>>& interpreter_available) {
  const std::string name_a = x.Name(request.a);
  const std::string name_b = x.Name(request.b);
  const std::string from = LocalTime(cutoff, event) + " (" + event.time_zone + ")";
  std::vector<schedule::SlotIndex> after;
  for (std::size_t t = 0; t < x.slot_start.size(); ++t) {
    if (x.slot_start[t] >= cutoff) after.push_back(static_cast<schedule::SlotIndex>(t));
  }
  if (after.empty()) return "no slot of the event starts at or after " + from;
  auto languages = [&](schedule::ParticipantIndex p) {
    std::string out;
    for (const std::string& l : x.problem.participants[Ix(p)].languages) {
      out += (out.empty() ? "" : "/") + l;
    }
    return out.empty() ? std::string("none known") : out;
  };
  if (needs_interpreter && can_interpret.empty()) {
    return name_a + " (" + languages(pa) + ") and " + name_b + " (" + languages(pb) +
           ") share no language and no interpreter of the event covers that pair";
  }
  std::vector<schedule::SlotIndex> together;
  for (schedule::SlotIndex t : after) {
    if (Present(x.problem, pa, t) && Present(x.problem, pb, t)) together.push_back(t);
  }
  if (together.empty()) {
    return name_a + " and " + name_b + " are never at the event at the same time from " + from +
           ": " + name_a + " is " + Whereabouts(x, pa, after) + ", " + name_b + " is " +
           Whereabouts(x, pb, after);
  }
  // One reason per slot, the first that applies.
  int busy_a = 0, busy_b = 0, full = 0, interpreters_busy = 0, no_interpreter = 0;
  std::vector<std::string> places;
  for (schedule::SlotIndex t : together) {
    const Session& s = x.SessionOf(t);
    const std::string place = s.city + " on " + FormatDate(s.date);
    if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
    bool a_busy = false, b_busy = false;
    int tables = 0;
    std::set<schedule::InterpreterIndex> interpreters;
    for (std::size_t i = 0; i < x.live.size(); ++i) {
      if (x.published.meetings[i].slot != t) continue;
      const Meeting& m = x.live[i];
      ++tables;
      a_busy = a_busy || m.a == request.a || m.b == request.a;
      b_busy = b_busy || m.a == request.b || m.b == request.b;
      interpreters.insert(x.published.meetings[i].interpreter);
    }
    bool interpreter_works = !needs_interpreter;
    bool interpreter_free = !needs_interpreter;
    for (schedule::InterpreterIndex k : can_interpret) {
      if (!interpreter_available[Ix(k)][Ix(t)]) continue;
      interpreter_works = true;
      interpreter_free = interpreter_free || !interpreters.contains(k);
    }
    if (a_busy) {
      ++busy_a;
    } else if (b_busy) {
      ++busy_b;
    } else if (tables >= s.tables) {
      ++full;
    } else if (!interpreter_works) {
      ++no_interpreter;
    } else if (!interpreter_free) {
      ++interpreters_busy;
    }
  }
  std::vector<std::string> reasons;
  auto count = [](int n, std::string_view what) {
    return std::to_string(n) + " " + std::string(what) + (n == 1 ? "" : "s");
  };
  if (busy_a > 0) reasons.push_back(name_a + " is busy in " + count(busy_a, "slot"));
  if (busy_b > 0) reasons.push_back(name_b + " is busy in " + count(busy_b, "slot"));
  if (full > 0) reasons.push_back("every table is taken in " + count(full, "slot"));
  if (interpreters_busy > 0) {
    reasons.push_back("every interpreter for " + languages(pa) + "–" + languages(pb) +
                      " is busy in " + count(interpreters_busy, "slot"));
  }
  if (no_interpreter > 0) {
    reasons.push_back("no interpreter for " + languages(pa) + "–" + languages(pb) + " works in " +
                      count(no_interpreter, "slot"));
  }
  std::string why = "both organizations are present together only in " + JoinWords(places) +
                    " from " + from + " (" + count(static_cast<int>(together.size()), "slot") +
                    ") and every one is taken: " + JoinWords(reasons);
  why += request.allow_moves ? "; moving meetings not yet held did not make room either"
                             : "; allowing other meetings to move may make room";
  return why;
}

struct MoveMail {
  std::string subject;
  std::string body;
};

// Why a meeting moved: to make room for a walk-in, or by the organizers' hand.
enum class MoveReason { kWalkIn, kByHand };

MoveMail MovedMail(std::string_view locale, MoveReason reason, const std::string& other,
                   const std::string& event, const std::string& now, const std::string& was,
                   const std::string& link) {
  const bool walk_in = reason == MoveReason::kWalkIn;
  if (locale == "zh") {
    return {"您与" + other + "的会谈时间已调整",
            std::string(walk_in ? "为安排一场现场会谈，" : "主办方已调整会谈安排：") + "您在" +
                event + "与" + other + "的会谈已调整：现在" + now + "（原为" + was + "）。\n\n" +
                link};
  }
  if (locale == "it") {
    return {"L'incontro con " + other + " è stato spostato",
            std::string(walk_in ? "Per fare posto a un incontro sul posto, il"
                                : "Gli organizzatori hanno spostato il") +
                " vostro incontro con " + other + " a " + event +
                (walk_in ? " è stato spostato" : "") + ": ora " + now + " (prima " + was +
                ").\n\n" + link};
  }
  return {"Your meeting with " + other + " has moved",
          std::string(walk_in ? "To make room for a walk-in meeting, your meeting with "
                              : "The organizers have moved your meeting with ") +
              other + " at " + event + (walk_in ? " has moved" : "") + ": now " + now + " (was " +
              was + ").\n\n" + link};
}

// Loads the event and states its problem over `sides` (the organizations the
// caller needs, once each or more) without meetings, with the look-ups from
// the store's ids to the engine's indices.
Status LoadModel(Store& store, const Event& event, const std::vector<OrganizationId>& sides,
                 WalkInModel& x) {
  PONTE_ASSIGN_OR_RETURN(x.data, LoadEventData(store, event.key));
  for (const Organization& o : x.data.organizations) x.organizations[o.id.value()] = &o;
  x.problem = BuildScheduleProblem(x.data, x.mapping, sides);
  x.problem.meetings.clear();
  x.mapping.meeting_request.clear();
  for (std::size_t t = 0; t < x.problem.slots.size(); ++t) {
    const auto [session_idx, slot_index] = x.mapping.slot_session[t];
    const Session& s = x.data.sessions[session_idx];
    x.slot_of[{s.id.value(), slot_index}] = static_cast<schedule::SlotIndex>(t);
    x.slot_start.push_back(SlotsOf(s)[Ix(slot_index)].start);
  }
  for (std::size_t p = 0; p < x.mapping.participant_organization.size(); ++p) {
    x.participant_of[x.mapping.participant_organization[p].value()] =
        static_cast<schedule::ParticipantIndex>(p);
  }
  for (std::size_t i = 0; i < x.mapping.interpreter.size(); ++i) {
    x.interpreter_of[x.mapping.interpreter[i].value()] = static_cast<schedule::InterpreterIndex>(i);
  }
  return OkStatus();
}

// Tells both sides of each moved meeting (before[i] → moved[i]) where it is
// now, in their language.
Status TellOfMoves(Store& store, const Clock& clock, const Event& event, const WalkInModel& x,
                   const std::vector<Meeting>& moved, const std::vector<Meeting>& before,
                   MoveReason reason, const WorkflowOptions& options) {
  std::map<std::int64_t, const Session*> sessions;
  for (const Session& s : x.data.sessions) sessions[s.id.value()] = &s;
  auto describe = [&](const Meeting& m) {
    const Session& s = *sessions.at(m.session.value());
    const auto slots = SlotsOf(s);
    const std::string when =
        Ix(m.slot) < slots.size() ? LocalTime(slots[Ix(m.slot)].start, event) : FormatDate(s.date);
    return when + " (" + event.time_zone + "), " + s.city + ", table " + std::to_string(m.table);
  };
  for (std::size_t i = 0; i < moved.size(); ++i) {
    const std::pair<OrganizationId, OrganizationId> sides_of[] = {{moved[i].a, moved[i].b},
                                                                  {moved[i].b, moved[i].a}};
    for (const auto& [side, other] : sides_of) {
      PONTE_ASSIGN_OR_RETURN(std::vector<User> users, ParticipantUsers(store, event, side));
      for (const User& user : users) {
        auto other_org = x.organizations.find(other.value());
        const std::string other_name =
            other_org == x.organizations.end()
                ? std::to_string(other.value())
                : std::string(other_org->second->name.Best(user.locale).first);
        const MoveMail mail = MovedMail(
            user.locale, reason, other_name, std::string(event.name.Best(user.locale).first),
            describe(moved[i]), describe(before[i]), options.base_url + "/agenda");
        PONTE_RETURN_IF_ERROR(Mail(store, clock, {user.email}, "meeting", mail.subject, mail.body));
      }
    }
  }
  return OkStatus();
}

}  // namespace

Result<WalkIn> AddWalkIn(Store& store, const Clock& clock, const Actor& staff, const Event& event,
                         const WalkInRequest& request, const WorkflowOptions& options) {
  if (!staff.IsStaff(event.id)) {
    return PermissionDeniedError("only the organizers and the support office add walk-ins");
  }
  const OrganizationId a = request.a;
  const OrganizationId b = request.b;
  if (a == b) return InvalidArgumentError("a walk-in needs two different organizations");
  PONTE_RETURN_IF_ERROR(CheckTakesPart(store, event, a));
  PONTE_RETURN_IF_ERROR(CheckTakesPart(store, event, b));
  const Instant current = clock.Now();

  WalkInModel x;
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> stored, store.ListMeetings(event.id));
  std::vector<OrganizationId> sides{a, b};
  for (const Meeting& m : stored) {
    if (m.status == MeetingStatus::kCancelled) continue;
    sides.push_back(m.a);
    sides.push_back(m.b);
  }
  // The event's problem, with the published meetings instead of the requests.
  PONTE_RETURN_IF_ERROR(LoadModel(store, event, sides, x));
  schedule::Problem& problem = x.problem;
  // During the event nothing is placed or moved before now. Once its last
  // slot has begun, a walk-in records a meeting that took place: it goes
  // from `not_before` as given, and nothing moves.
  const bool after_event = !x.slot_start.empty() &&
                           current > *std::max_element(x.slot_start.begin(), x.slot_start.end());
  const Instant cutoff = after_event ? request.not_before : std::max(current, request.not_before);
  const bool allow_moves = request.allow_moves && !after_event;
  for (const Meeting& m : stored) {
    if (m.status == MeetingStatus::kCancelled) continue;
    auto slot = x.slot_of.find({m.session.value(), m.slot});
    if (slot == x.slot_of.end()) continue;  // a session no longer in the event
    const schedule::SlotIndex t = slot->second;
    const schedule::ParticipantIndex pa = x.participant_of.at(m.a.value());
    const schedule::ParticipantIndex pb = x.participant_of.at(m.b.value());
    // Held, no-show, started before the cutoff, placed (by hand) where the
    // rules would not put it, or moves not allowed: it stays.
    const bool fixed = !allow_moves || m.status != MeetingStatus::kScheduled ||
                       x.slot_start[Ix(t)] < cutoff || !Present(problem, pa, t) ||
                       !Present(problem, pb, t);
    problem.meetings.push_back({.label = "meeting " + std::to_string(m.id.value()),
                                .a = pa,
                                .b = pb,
                                .priority = schedule::Priority::kMust});
    if (fixed) problem.meetings.back().fixed_slot = t;
    schedule::Assignment place{.slot = t, .table = m.table - 1};
    if (auto it = x.interpreter_of.find(m.interpreter.value()); it != x.interpreter_of.end()) {
      place.interpreter = it->second;
    }
    x.published.meetings.push_back(place);
    x.live.push_back(m);
    x.fixed.push_back(fixed);
  }
  const schedule::ParticipantIndex pa = x.participant_of.at(a.value());
  const schedule::ParticipantIndex pb = x.participant_of.at(b.value());
  // No slot from the cutoff where both are present: nothing for the repair to search.
  bool together = false;
  for (std::size_t t = 0; t < problem.slots.size() && !together; ++t) {
    const auto slot = static_cast<schedule::SlotIndex>(t);
    together =
        x.slot_start[t] >= cutoff && Present(problem, pa, slot) && Present(problem, pb, slot);
  }
  if (!together) {
    return AbortedError("no place for a walk-in between " + x.Name(a) + " and " + x.Name(b) + ": " +
                        ExplainNoPlace(x, event, request, pa, pb, cutoff, false, {}, {}));
  }

  // The problem the repair sees: presence as forbidden slots only, with
  // nothing new before the cutoff; the slots of meetings that stay remain
  // open to their sides (they are busy there anyway).
  schedule::Problem repairable = problem;
  {
    const std::size_t slot_count = problem.slots.size();
    std::vector<std::vector<char>> open(problem.participants.size());
    for (std::size_t p = 0; p < open.size(); ++p) {
      open[p].resize(slot_count);
      for (std::size_t t = 0; t < slot_count; ++t) {
        open[p][t] = x.slot_start[t] >= cutoff &&
                     Present(problem, static_cast<schedule::ParticipantIndex>(p),
                             static_cast<schedule::SlotIndex>(t));
      }
    }
    for (std::size_t i = 0; i < x.live.size(); ++i) {
      if (!x.fixed[i]) continue;
      const schedule::Meeting& m = problem.meetings[i];
      open[Ix(m.a)][Ix(*m.fixed_slot)] = open[Ix(m.b)][Ix(*m.fixed_slot)] = 1;
    }
    for (std::size_t p = 0; p < open.size(); ++p) {
      schedule::Participant& part = repairable.participants[p];
      part.city_by_day.clear();
      part.forbidden_slots.clear();
      for (std::size_t t = 0; t < slot_count; ++t) {
        if (!open[p][t]) part.forbidden_slots.push_back(static_cast<schedule::SlotIndex>(t));
      }
    }
  }
  schedule::Change change;
  change.added.push_back(
      {.label = "walk-in", .a = pa, .b = pb, .priority = schedule::Priority::kMust});
  schedule::SolveOptions solve;
  solve.time_limit_s =
      allow_moves ? options.walk_in_moves_time_limit_s : options.walk_in_time_limit_s;
  const schedule::RepairResult repaired = schedule::Repair(repairable, x.published, change, solve);
  const schedule::Solution& solution = repaired.result.solution;
  const schedule::Domains domains = schedule::ComputeDomains(repaired.problem);
  const std::size_t walk_in = x.live.size();
  if (!solution.meetings[walk_in].scheduled()) {
    return AbortedError(
        "no place for a walk-in between " + x.Name(a) + " and " + x.Name(b) + ": " +
        ExplainNoPlace(x, event, request, pa, pb, cutoff, domains.needs_interpreter[walk_in] != 0,
                       domains.can_interpret[walk_in], domains.interpreter_available));
  }

  // Where everything goes: meetings that stay keep their table and
  // interpreter as stored; the walk-in and the moved meetings take the
  // repair's table and interpreter when free, else the first free ones.
  std::vector<schedule::SlotIndex> final_slot(walk_in + 1);
  std::vector<bool> newcomer(walk_in + 1, false);
  for (std::size_t i = 0; i < walk_in; ++i) {
    const schedule::Assignment& now = solution.meetings[i];
    final_slot[i] = x.published.meetings[i].slot;
    if (!x.fixed[i] && now.scheduled() && now.slot != final_slot[i]) {
      final_slot[i] = now.slot;
      newcomer[i] = true;
    }
  }
  final_slot[walk_in] = solution.meetings[walk_in].slot;
  newcomer[walk_in] = true;
  std::vector<Meeting> placed(walk_in + 1);  // newcomers only
  for (std::size_t i = 0; i <= walk_in; ++i) {
    if (!newcomer[i]) continue;
    const schedule::SlotIndex t = final_slot[i];
    const Session& session = x.SessionOf(t);
    std::set<int> tables;
    std::set<std::int64_t> interpreters;
    for (std::size_t j = 0; j <= walk_in; ++j) {
      if (j == i || final_slot[j] != t) continue;
      if (!newcomer[j]) {
        tables.insert(x.live[j].table);
        if (x.live[j].interpreter.valid()) interpreters.insert(x.live[j].interpreter.value());
      } else if (j < i) {
        tables.insert(placed[j].table);
        if (placed[j].interpreter.valid()) interpreters.insert(placed[j].interpreter.value());
      }
    }
    Meeting m = i < walk_in ? x.live[i] : Meeting{};
    if (i == walk_in) {
      m.event = event.id;
      m.a = a;
      m.b = b;
      m.interpreter = InterpreterId();
    }
    m.session = session.id;
    m.slot = x.mapping.slot_session[Ix(t)].second;
    m.table = solution.meetings[i].table + 1;
    if (m.table < 1 || m.table > session.tables || tables.contains(m.table)) {
      m.table = 1;
      while (tables.contains(m.table)) ++m.table;
      if (m.table > session.tables) {
        return AbortedError("every table of " + session.key + " is taken at " +
                            LocalTime(x.slot_start[Ix(t)], event) + ": try again");
      }
    }
    const bool keep_interpreter =
        i < walk_in && m.interpreter.valid() && !interpreters.contains(m.interpreter.value()) &&
        x.interpreter_of.contains(m.interpreter.value()) &&
        domains.interpreter_available[Ix(x.interpreter_of.at(m.interpreter.value()))][Ix(t)];
    if (domains.needs_interpreter[i]) {
      InterpreterId chosen;
      std::vector<schedule::InterpreterIndex> order;
      if (solution.meetings[i].interpreter != schedule::kNoInterpreter) {
        order.push_back(solution.meetings[i].interpreter);
      }
      order.insert(order.end(), domains.can_interpret[i].begin(), domains.can_interpret[i].end());
      for (schedule::InterpreterIndex k : order) {
        const InterpreterId id = x.mapping.interpreter[Ix(k)];
        if (domains.interpreter_available[Ix(k)][Ix(t)] && !interpreters.contains(id.value())) {
          chosen = id;
          break;
        }
      }
      if (!chosen.valid()) {
        return AbortedError("no interpreter is free for " + x.Name(m.a) + " and " + x.Name(m.b) +
                            " at " + LocalTime(x.slot_start[Ix(t)], event) + ": try again");
      }
      m.interpreter = chosen;
    } else if (!keep_interpreter) {
      m.interpreter = InterpreterId();
    }
    placed[i] = m;
  }

  // One transaction, with the versions read above.
  std::vector<Meeting> added{placed[walk_in]};
  std::vector<Meeting> moved;
  std::vector<Meeting> before;
  for (std::size_t i = 0; i < walk_in; ++i) {
    if (!newcomer[i]) continue;
    moved.push_back(placed[i]);
    before.push_back(x.live[i]);
  }
  PONTE_RETURN_IF_ERROR(store.ApplyMeetingChanges(event.id, added, moved));
  WalkIn out{.meeting = added.front(), .moved = moved, .before = before};

  auto place_json = [](const Meeting& m) {
    return Json{{"session", m.session.value()},
                {"slot", m.slot},
                {"table", m.table},
                {"interpreter", m.interpreter.value()}};
  };
  Json moves = Json::array();
  for (std::size_t i = 0; i < moved.size(); ++i) {
    moves.push_back({{"meeting", moved[i].id.value()},
                     {"from", place_json(before[i])},
                     {"to", place_json(moved[i])}});
  }
  Json details = place_json(out.meeting);
  details["a"] = a.value();
  details["b"] = b.value();
  details["allow_moves"] = request.allow_moves;
  details["moved"] = moves;
  PONTE_RETURN_IF_ERROR(Audit(store, clock, staff, event, "meeting.walk_in",
                              "meeting:" + std::to_string(out.meeting.id.value()), details.dump()));

  // Each moved meeting's participants hear of it, in their language.
  PONTE_RETURN_IF_ERROR(
      TellOfMoves(store, clock, event, x, moved, before, MoveReason::kWalkIn, options));
  return out;
}

Result<Meeting> MoveMeeting(Store& store, const Clock& clock, const Actor& staff,
                            const Event& event, MeetingId id, const MeetingPlace& place,
                            std::optional<int> if_match, const WorkflowOptions& options) {
  if (!staff.IsStaff(event.id)) {
    return PermissionDeniedError("only the organizers and the support office move meetings");
  }
  PONTE_ASSIGN_OR_RETURN(Meeting m, store.GetMeeting(id));
  if (m.event != event.id) return NotFoundError("no meeting " + std::to_string(id.value()));
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, m.version, "meeting", m.id.value()));
  if (m.status == MeetingStatus::kCancelled) {
    return AbortedError("meeting " + std::to_string(id.value()) +
                        " was cancelled; add a walk-in meeting instead");
  }
  PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
  auto session = std::find_if(sessions.begin(), sessions.end(),
                              [&](const Session& s) { return s.id == place.session; });
  if (session == sessions.end()) {
    return InvalidArgumentError("field 'session': no session " +
                                std::to_string(place.session.value()) + " in this event");
  }
  const int slots = static_cast<int>(SlotsOf(*session).size());
  if (place.slot < 0 || place.slot >= slots) {
    return InvalidArgumentError("field 'slot': expected 0.." + std::to_string(slots - 1));
  }
  if (place.table < 1 || place.table > session->tables) {
    return InvalidArgumentError("field 'table': expected 1.." + std::to_string(session->tables));
  }

  // The interpreter: the one it has if free and working in the new slot,
  // else (when the sides share no language) another who is, else no move.
  WalkInModel x;
  PONTE_RETURN_IF_ERROR(LoadModel(store, event, {m.a, m.b}, x));
  const schedule::SlotIndex t = x.slot_of.at({place.session.value(), place.slot});
  x.problem.meetings.push_back({.label = "meeting " + std::to_string(id.value()),
                                .a = x.participant_of.at(m.a.value()),
                                .b = x.participant_of.at(m.b.value())});
  const schedule::Domains domains = schedule::ComputeDomains(x.problem);
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> stored, store.ListMeetings(event.id));
  std::map<std::int64_t, MeetingId> busy;  // interpreter → the meeting it has in the new slot
  for (const Meeting& other : stored) {
    if (other.id == m.id || other.status == MeetingStatus::kCancelled) continue;
    if (other.session != place.session || other.slot != place.slot) continue;
    if (other.interpreter.valid()) busy[other.interpreter.value()] = other.id;
  }
  auto works_then = [&](InterpreterId who) {
    auto k = x.interpreter_of.find(who.value());
    return k != x.interpreter_of.end() && domains.interpreter_available[Ix(k->second)][Ix(t)] &&
           !busy.contains(who.value());
  };
  const Meeting before = m;
  if (!m.interpreter.valid() || !works_then(m.interpreter)) {
    m.interpreter = InterpreterId();
    if (domains.needs_interpreter[0]) {
      for (schedule::InterpreterIndex k : domains.can_interpret[0]) {
        const InterpreterId who = x.mapping.interpreter[Ix(k)];
        if (works_then(who)) {
          m.interpreter = who;
          break;
        }
      }
      if (!m.interpreter.valid()) {
        std::string why = x.Name(m.a) + " and " + x.Name(m.b) +
                          " share no language and no interpreter for them is free at " +
                          LocalTime(x.slot_start[Ix(t)], event) + " (" + event.time_zone + ")";
        for (schedule::InterpreterIndex k : domains.can_interpret[0]) {
          const InterpreterId who = x.mapping.interpreter[Ix(k)];
          const std::string name = x.data.interpreters[Ix(k)].name;
          if (auto b = busy.find(who.value()); b != busy.end()) {
            why += "; " + name + " is in meeting " + std::to_string(b->second.value());
          } else {
            why += "; " + name + " does not work in " + session->key;
          }
        }
        return AbortedError(why);
      }
    }
  }
  m.session = place.session;
  m.slot = place.slot;
  m.table = place.table;
  // One transaction that checks sides, table and interpreter against the
  // version read above.
  std::vector<Meeting> added, moved{m};
  PONTE_RETURN_IF_ERROR(store.ApplyMeetingChanges(event.id, added, moved));
  m = moved.front();
  auto place_json = [](const Meeting& at) {
    return Json{{"session", at.session.value()},
                {"slot", at.slot},
                {"table", at.table},
                {"interpreter", at.interpreter.value()}};
  };
  PONTE_RETURN_IF_ERROR(Audit(store, clock, staff, event, "meeting.move",
                              "meeting:" + std::to_string(id.value()),
                              Json{{"from", place_json(before)}, {"to", place_json(m)}}.dump()));
  // A meeting still to come that changes time, place or table: both sides hear of it.
  const bool changed =
      m.session != before.session || m.slot != before.slot || m.table != before.table;
  if (changed && m.status == MeetingStatus::kScheduled) {
    PONTE_RETURN_IF_ERROR(
        TellOfMoves(store, clock, event, x, moved, {before}, MoveReason::kByHand, options));
  }
  return m;
}

Status GiveFeedback(Store& store, const Clock& clock, const Actor& actor, const Event& event,
                    MeetingId id, int rating, bool follow_up, std::string_view comment) {
  PONTE_ASSIGN_OR_RETURN(Meeting m, store.GetMeeting(id));
  const OrganizationId mine = actor.OrganizationIn(event.id);
  if (m.event != event.id || !IsSide(m, mine)) {
    return NotFoundError("no meeting " + std::to_string(id.value()));
  }
  if (m.status == MeetingStatus::kCancelled) {
    return AbortedError("meeting " + std::to_string(id.value()) + " was cancelled");
  }
  if (rating < 1 || rating > 5) return InvalidArgumentError("field 'rating': expected 1 to 5");
  if (comment.size() > 4000) return InvalidArgumentError("field 'comment': at most 4000 bytes");
  Feedback f;
  f.meeting = id;
  f.organization = mine;
  f.user = actor.user.id;
  f.rating = rating;
  f.follow_up = follow_up;
  f.comment = std::string(comment);
  f.created_at = clock.Now();
  return store.PutFeedback(f);
}

}  // namespace ponte::service
