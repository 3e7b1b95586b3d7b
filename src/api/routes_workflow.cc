// The meeting workflow: requests, the scheduling job and publication,
// meetings on site, feedback, and agendas (JSON, iCalendar, printable HTML).
#include "api/app.h"
#include "api/json.h"
#include "service/agenda.h"

namespace ponte::api {
namespace {

// The agenda the caller asks for: their organization's, their interpreter
// assignments, or (staff) any organization's with ?organization=.
Result<service::Agenda> AgendaFor(RequestContext& c, const service::Actor& actor) {
  const Event& event = *c.event;
  if (auto asked = c.request.Query("organization"); asked && actor.IsStaff(event.id)) {
    return service::LoadOrganizationAgenda(c.store, event,
                                           OrganizationId(std::atoll(asked->c_str())));
  }
  if (const OrganizationId org = actor.OrganizationIn(event.id); org.valid()) {
    return service::LoadOrganizationAgenda(c.store, event, org);
  }
  if (const InterpreterId i = actor.InterpreterIn(event.id); i.valid()) {
    return service::LoadInterpreterAgenda(c.store, event, i);
  }
  return NotFoundError("you have no agenda in event '" + event.key + "'");
}

service::AgendaFormat FormatFor(const RequestContext& c) {
  service::AgendaFormat f;
  f.locale = c.Locale();
  const std::string_view host = c.request.Header("host");
  f.host = host.empty() ? std::string("ponte.local") : std::string(host.substr(0, host.find(':')));
  f.viewer_time_zone = c.request.Query("tz").value_or("");
  return f;
}

}  // namespace

void AddRequestRoutes(App& app) {
  Router& r = app.router();
  const service::WorkflowOptions& workflow = app.options().workflow;

  r.Add({"GET", "/api/v1/events/{event}/requests",
         "Meeting requests: yours (sent and received) or, for staff, all; ?status=, paginated",
         "requests", Access::kEvent, kParticipantsAndStaff},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Page page,
                                 PageOf(c.request.Query("limit"), c.request.Query("offset")));
          PONTE_ASSIGN_OR_RETURN(auto requests,
                                 service::VisibleRequests(c.store, *c.actor, *c.event));
          const std::string status = c.request.Query("status").value_or("");
          Json items = Json::array();
          for (const MeetingRequest& m : requests) {
            if (!status.empty() && ToCode(m.status) != status) continue;
            items.push_back(ToJson(m));
          }
          return JsonOk(Paged(std::move(items), page));
        });
  r.Add({"POST",
         "/api/v1/events/{event}/requests",
         "Ask another organization for a meeting (validated participants)",
         "requests",
         Access::kEvent,
         {Role::kParticipant},
         "{to, preference: must|want|no_thanks, message?}"},
        [&workflow](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          service::NewRequest request;
          PONTE_ASSIGN_OR_RETURN(std::int64_t to, IdField(body, "to"));
          request.to = OrganizationId(to);
          PONTE_ASSIGN_OR_RETURN(request.preference,
                                 ParsePreference(OptionalString(body, "preference", "want")));
          request.message = OptionalString(body, "message");
          PONTE_ASSIGN_OR_RETURN(
              MeetingRequest created,
              service::SendRequest(c.store, c.clock, *c.actor, *c.event, request, workflow));
          return WithETag(JsonOk(ToJson(created), 201), created.version);
        });
  r.Add({"GET", "/api/v1/events/{event}/requests/{id}", "One meeting request; ETag", "requests",
         Access::kEvent, kParticipantsAndStaff},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          auto request = c.store.GetRequest(MeetingRequestId(id));
          const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
          if (!request.ok() || request->event != c.event->id ||
              (!c.actor->IsStaff(c.event->id) && request->from != mine && request->to != mine)) {
            return NotFoundError("no meeting request " + std::to_string(id));
          }
          return WithETag(JsonOk(ToJson(*request)), request->version);
        });
  r.Add({"POST", "/api/v1/events/{event}/requests/{id}/{reply}",
         "Answer a request: reply = accept | decline (the receiver) or cancel (the sender); "
         "If-Match the ETag",
         "requests", Access::kEvent, kParticipantsAndStaff},
        [&workflow](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(service::Reply reply, service::ParseReply(c.Param("reply")));
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          PONTE_ASSIGN_OR_RETURN(
              MeetingRequest updated,
              service::ReplyToRequest(c.store, c.clock, *c.actor, *c.event, MeetingRequestId(id),
                                      reply, if_match, workflow));
          return WithETag(JsonOk(ToJson(updated)), updated.version);
        });
}

void AddScheduleRoutes(App& app) {
  Router& r = app.router();
  const service::WorkflowOptions& workflow = app.options().workflow;
  r.Add({"POST",
         "/api/v1/events/{event}/schedule/jobs",
         "Run the scheduler on the accepted requests as a background job (organizers)",
         "schedule",
         Access::kEvent,
         {Role::kOrganizer},
         "{time_limit_s?, seed?}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          service::ScheduleJobParameters p;
          if (auto it = body.find("time_limit_s"); it != body.end()) {
            if (!it->is_number())
              return InvalidArgumentError("field 'time_limit_s': expected seconds");
            p.time_limit_s = it->get<double>();
          }
          if (auto it = body.find("seed"); it != body.end()) {
            if (!it->is_number_unsigned())
              return InvalidArgumentError("field 'seed': expected a non-negative integer");
            p.seed = it->get<std::uint64_t>();
          }
          PONTE_ASSIGN_OR_RETURN(
              Job job, service::StartScheduleJob(c.store, c.clock, *c.actor, *c.event, p));
          HttpResponse out = JsonOk(ToJson(job), 202);
          out.Set("Location", "/api/v1/jobs/" + std::to_string(job.id.value()));
          return out;
        });
  r.Add({"GET", "/api/v1/jobs/{id}", "A job's state, progress and result summary (staff)",
         "schedule", Access::kSignedIn},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(Job job, service::GetJobFor(c.store, *c.actor, JobId(id)));
          return JsonOk(ToJson(job));
        });
  r.Add({"GET", "/api/v1/jobs/{id}/preview",
         "The timetable a finished scheduling job proposes, before publication (staff)", "schedule",
         Access::kSignedIn},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(Job job, service::GetJobFor(c.store, *c.actor, JobId(id)));
          if (job.result.empty())
            return AbortedError("job " + std::to_string(id) + " has no result yet");
          return HttpResponse::Json(200, job.result);
        });
  r.Add({"POST", "/api/v1/jobs/{id}/cancel", "Cancel a queued or running job (organizers)",
         "schedule", Access::kSignedIn},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_RETURN_IF_ERROR(service::CancelJob(c.store, c.clock, *c.actor, JobId(id)));
          PONTE_ASSIGN_OR_RETURN(Job job, c.store.GetJob(JobId(id)));
          return JsonOk(ToJson(job), 202);
        });
  r.Add({"POST",
         "/api/v1/events/{event}/schedule/publish",
         "Publish the timetable of a finished job (organizers); agendas and feeds follow",
         "schedule",
         Access::kEvent,
         {Role::kOrganizer},
         "{job}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::int64_t job, IdField(body, "job"));
          PONTE_ASSIGN_OR_RETURN(
              auto meetings, service::PublishJob(c.store, c.clock, *c.actor, *c.event, JobId(job)));
          return JsonOk({{"published", meetings.size()}, {"job", job}});
        });
  r.Add({"GET", "/api/v1/events/{event}/meetings",
         "Meetings: all for staff, your own otherwise; paginated", "meetings", Access::kEvent},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Page page,
                                 PageOf(c.request.Query("limit"), c.request.Query("offset")));
          PONTE_ASSIGN_OR_RETURN(auto meetings,
                                 service::VisibleMeetings(c.store, *c.actor, *c.event));
          Json items = Json::array();
          for (const Meeting& m : meetings) items.push_back(ToJson(m));
          return JsonOk(Paged(std::move(items), page));
        });
  r.Add({"POST", "/api/v1/events/{event}/meetings/{id}/status",
         "Set a meeting's status: cancelled (a side or staff), held or no_show (staff); If-Match",
         "meetings", Access::kEvent, kParticipantsAndStaff, "{status}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(MeetingStatus status,
                                 ParseMeetingStatus(OptionalString(body, "status")));
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          PONTE_ASSIGN_OR_RETURN(Meeting m,
                                 service::SetMeetingStatus(c.store, c.clock, *c.actor, *c.event,
                                                           MeetingId(id), status, if_match));
          return WithETag(JsonOk(ToJson(m)), m.version);
        });
  r.Add({"POST", "/api/v1/events/{event}/meetings/{id}/move",
         "Move a meeting by hand (staff); 409 names the conflict; If-Match", "meetings",
         Access::kEvent, kStaff, "{session, slot, table}"},
        [&workflow](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::int64_t session, IdField(body, "session"));
          if (!body.contains("slot") || !body["slot"].is_number_integer() ||
              !body.contains("table") || !body["table"].is_number_integer()) {
            return InvalidArgumentError("fields 'slot' and 'table': expected integers");
          }
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          service::MeetingPlace place{SessionId(session), body["slot"].get<int>(),
                                      body["table"].get<int>()};
          PONTE_ASSIGN_OR_RETURN(
              Meeting m, service::MoveMeeting(c.store, c.clock, *c.actor, *c.event, MeetingId(id),
                                              place, if_match, workflow));
          return WithETag(JsonOk(ToJson(m)), m.version);
        });
  r.Add({"POST", "/api/v1/events/{event}/meetings/walk-in",
         "A walk-in meeting placed by the scheduler's repair from now or not_before; with "
         "allow_moves, meetings not yet held may move to make room (listed in 'moved') (staff)",
         "meetings", Access::kEvent, kStaff, "{a, b, not_before?, allow_moves?}"},
        [&workflow](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::int64_t a, IdField(body, "a"));
          PONTE_ASSIGN_OR_RETURN(std::int64_t b, IdField(body, "b"));
          service::WalkInRequest request{
              .a = OrganizationId(a), .b = OrganizationId(b), .not_before = c.clock.Now()};
          if (body.contains("not_before")) {
            PONTE_ASSIGN_OR_RETURN(request.not_before,
                                   ParseUtc(OptionalString(body, "not_before")));
          }
          if (body.contains("allow_moves")) {
            if (!body["allow_moves"].is_boolean()) {
              return InvalidArgumentError("field 'allow_moves': expected true or false");
            }
            request.allow_moves = body["allow_moves"].get<bool>();
          }
          PONTE_ASSIGN_OR_RETURN(
              service::WalkIn added,
              service::AddWalkIn(c.store, c.clock, *c.actor, *c.event, request, workflow));
          Json out = ToJson(added.meeting);
          Json moved = Json::array();
          for (std::size_t i = 0; i < added.moved.size(); ++i) {
            Json m = ToJson(added.moved[i]);
            m["from"] = {{"session", added.before[i].session.value()},
                         {"slot", added.before[i].slot},
                         {"table", added.before[i].table}};
            moved.push_back(std::move(m));
          }
          out["moved"] = std::move(moved);
          return WithETag(JsonOk(out, 201), added.meeting.version);
        });
  r.Add({"POST",
         "/api/v1/events/{event}/meetings/{id}/feedback",
         "Feedback after a meeting from your side",
         "meetings",
         Access::kEvent,
         {Role::kParticipant},
         "{rating: 1..5, follow_up?, comment?}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          if (!body.contains("rating") || !body["rating"].is_number_integer()) {
            return InvalidArgumentError("field 'rating': expected an integer from 1 to 5");
          }
          // json::value throws on a wrong type: check it first.
          if (body.contains("follow_up") && !body["follow_up"].is_boolean()) {
            return InvalidArgumentError("field 'follow_up': expected true or false");
          }
          PONTE_RETURN_IF_ERROR(service::GiveFeedback(
              c.store, c.clock, *c.actor, *c.event, MeetingId(id), body["rating"].get<int>(),
              body.value("follow_up", false), OptionalString(body, "comment")));
          return JsonOk({{"meeting", id}, {"rating", body["rating"]}}, 201);
        });
}

void AddAgendaRoutes(App& app) {
  Router& r = app.router();
  r.Add({"GET", "/api/v1/events/{event}/agenda",
         "Your agenda: time, place, table, counterpart, interpreter (?organization= for staff)",
         "agenda", Access::kEvent},
        [](RequestContext& c) -> Result<HttpResponse> {
          // Agendas are read far more often than they change: the body is
          // kept until the database changes.
          const std::string key = "agenda|" + c.event->key + "|" +
                                  std::to_string(c.actor->user.id.value()) + "|" +
                                  c.request.Query("organization").value_or("") + "|" + c.Locale();
          PONTE_ASSIGN_OR_RETURN(std::shared_ptr<const std::string> body,
                                 c.app->Memo(c, key, [&]() -> Result<std::string> {
                                   PONTE_ASSIGN_OR_RETURN(service::Agenda agenda,
                                                          AgendaFor(c, *c.actor));
                                   return ToJson(agenda, c.Locale())
                                       .dump(-1, ' ', false, Json::error_handler_t::replace);
                                 }));
          return HttpResponse::Json(200, std::move(body));
        });
  r.Add({"GET",
         "/api/v1/events/{event}/agenda.ics",
         "Your agenda as iCalendar (stable UIDs, SEQUENCE, cancellations)",
         "agenda",
         Access::kEvent,
         {},
         "",
         "text/calendar"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(service::Agenda agenda, AgendaFor(c, *c.actor));
          HttpResponse out = HttpResponse::Text(200, service::AgendaToIcs(agenda, FormatFor(c)),
                                                "text/calendar; charset=utf-8");
          out.Set("Content-Disposition",
                  "attachment; filename=\"agenda-" + c.event->key + ".ics\"");
          return out;
        });
  r.Add({"GET",
         "/api/v1/events/{event}/agenda.html",
         "Your agenda as a printable page",
         "agenda",
         Access::kEvent,
         {},
         "",
         "text/html"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(service::Agenda agenda, AgendaFor(c, *c.actor));
          return HttpResponse::Html(200, service::AgendaToHtml(agenda, FormatFor(c)));
        });
  r.Add({"GET",
         "/api/v1/calendar/{event}/{token}",
         "Calendar subscription feed: the token (kind calendar_feed) in the URL, for calendar "
         "applications that cannot sign in",
         "agenda",
         Access::kPublic,
         {},
         "",
         "text/calendar"},
        [](RequestContext& c) -> Result<HttpResponse> {
          std::string token = c.Param("token");
          if (token.ends_with(".ics")) token.resize(token.size() - 4);
          PONTE_ASSIGN_OR_RETURN(service::Actor actor,
                                 service::Authenticate(c.store, c.clock, token));
          if (actor.credential != CredentialKind::kCalendarFeed) {
            return UnauthenticatedError("this is not a calendar-feed token");
          }
          PONTE_ASSIGN_OR_RETURN(service::Agenda agenda, AgendaFor(c, actor));
          return HttpResponse::Text(200, service::AgendaToIcs(agenda, FormatFor(c)),
                                    "text/calendar; charset=utf-8");
        });
}

}  // namespace ponte::api
