#include "service/workflow.h"

#include <algorithm>
#include <condition_variable>
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

Result<Meeting> MoveMeeting(Store& store, const Clock& clock, const Actor& staff,
                            const Event& event, MeetingId id, const MeetingPlace& place,
                            std::optional<int> if_match) {
  if (!staff.IsStaff(event.id)) {
    return PermissionDeniedError("only the organizers and the support office move meetings");
  }
  PONTE_ASSIGN_OR_RETURN(Meeting m, store.GetMeeting(id));
  if (m.event != event.id) return NotFoundError("no meeting " + std::to_string(id.value()));
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, m.version, "meeting", m.id.value()));
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
  const int read_version = m.version;
  m.session = place.session;
  m.slot = place.slot;
  m.table = place.table;
  PONTE_RETURN_IF_ERROR(store.UpdateMeeting(m, read_version));
  PONTE_RETURN_IF_ERROR(
      Audit(store, clock, staff, event, "meeting.move", "meeting:" + std::to_string(id.value()),
            Json{{"session", place.session.value()}, {"slot", place.slot}, {"table", place.table}}
                .dump()));
  return m;
}

Result<Meeting> AddWalkIn(Store& store, const Clock& clock, const Actor& staff, const Event& event,
                          OrganizationId a, OrganizationId b, Instant not_before) {
  if (!staff.IsStaff(event.id)) {
    return PermissionDeniedError("only the organizers and the support office add walk-ins");
  }
  if (a == b) return InvalidArgumentError("a walk-in needs two different organizations");
  PONTE_RETURN_IF_ERROR(CheckTakesPart(store, event, a));
  PONTE_RETURN_IF_ERROR(CheckTakesPart(store, event, b));
  PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, store.ListSessions(event.id));
  PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetings(event.id));
  PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> interpreters, store.ListInterpreters(event.id));
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people_a, store.ListPeopleOf(a));
  PONTE_ASSIGN_OR_RETURN(std::vector<Person> people_b, store.ListPeopleOf(b));

  auto attends = [](const std::vector<Person>& people, SessionId s) {
    if (people.empty()) return true;
    return std::any_of(people.begin(), people.end(), [&](const Person& p) {
      return p.sessions.empty() ||
             std::find(p.sessions.begin(), p.sessions.end(), s) != p.sessions.end();
    });
  };
  auto languages = [](const std::vector<Person>& people, SessionId s) {
    std::set<std::string> out;
    for (const Person& p : people) {
      if (!p.sessions.empty() &&
          std::find(p.sessions.begin(), p.sessions.end(), s) == p.sessions.end()) {
        continue;
      }
      out.insert(p.languages.begin(), p.languages.end());
    }
    return out;
  };

  for (const Session& session : sessions) {
    if (!attends(people_a, session.id) || !attends(people_b, session.id)) continue;
    const std::set<std::string> la = languages(people_a, session.id);
    const std::set<std::string> lb = languages(people_b, session.id);
    bool shared = la.empty() || lb.empty();
    for (const std::string& l : la) shared = shared || lb.contains(l);
    for (const Slot& slot : SlotsOf(session)) {
      if (slot.start < not_before) continue;
      std::set<int> tables;
      std::set<std::int64_t> busy_interpreters;
      bool sides_free = true;
      for (const Meeting& m : meetings) {
        if (m.session != session.id || m.slot != slot.index ||
            m.status == MeetingStatus::kCancelled) {
          continue;
        }
        tables.insert(m.table);
        if (m.interpreter.valid()) busy_interpreters.insert(m.interpreter.value());
        if (m.a == a || m.b == a || m.a == b || m.b == b) sides_free = false;
      }
      if (!sides_free || static_cast<int>(tables.size()) >= session.tables) continue;
      InterpreterId interpreter;
      if (!shared) {
        for (const Interpreter& i : interpreters) {
          if (busy_interpreters.contains(i.id.value())) continue;
          if (!i.sessions.empty() &&
              std::find(i.sessions.begin(), i.sessions.end(), session.id) == i.sessions.end()) {
            continue;
          }
          const bool covers =
              std::any_of(i.pairs.begin(), i.pairs.end(), [&](const LanguagePair& p) {
                return (la.contains(p.a) && lb.contains(p.b)) ||
                       (la.contains(p.b) && lb.contains(p.a));
              });
          if (covers) {
            interpreter = i.id;
            break;
          }
        }
        if (!interpreter.valid()) continue;
      }
      int table = 1;
      while (tables.contains(table)) ++table;
      Meeting m;
      m.event = event.id;
      m.a = a;
      m.b = b;
      m.session = session.id;
      m.slot = slot.index;
      m.table = table;
      m.interpreter = interpreter;
      PONTE_RETURN_IF_ERROR(store.AddMeeting(m));
      PONTE_RETURN_IF_ERROR(Audit(store, clock, staff, event, "meeting.walk_in",
                                  "meeting:" + std::to_string(m.id.value())));
      return m;
    }
  }
  return AbortedError("no free slot and table where both organizations are present" +
                      std::string(" (and an interpreter, when they share no language)"));
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
