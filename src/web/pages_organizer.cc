// The organizers' and support office's pages: participants and validation,
// the scheduling job with live progress (htmx fragments), preview and
// publication, moving a meeting by hand, and CSV exports (the dashboard is
// pages_reports.cc). Decisions stay in `service`.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "api/json.h"
#include "core/csv.h"
#include "core/utf8.h"
#include "service/workflow.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::kStaff;
using api::RequestContext;

constexpr double kDefaultTimeLimitS = 5;
constexpr double kMaxTimeLimitS = 300;
// A refused form is shown again with the reason, as a page (200): the browser
// keeps the page and logs no failed load.
constexpr int kFormShownAgain = 200;
constexpr std::size_t kMeetingsPage = 50;  // meetings per page of the schedule

std::unordered_map<std::int64_t, Organization> OrganizationsById(Store& store) {
  std::unordered_map<std::int64_t, Organization> out;
  if (auto all = store.ListOrganizations(); all.ok()) {
    for (Organization& o : *all) out.emplace(o.id.value(), std::move(o));
  }
  return out;
}

// Slot start times per session, and labels for people.
struct Timetable {
  std::unordered_map<std::int64_t, Session> sessions;
  std::unordered_map<std::int64_t, std::vector<Slot>> slots;

  static Timetable Of(Store& store, const Event& event) {
    Timetable t;
    if (auto list = store.ListSessions(event.id); list.ok()) {
      for (const Session& s : *list) {
        t.slots[s.id.value()] = SlotsOf(s);
        t.sessions.emplace(s.id.value(), s);
      }
    }
    return t;
  }
  std::string Label(SessionId session, int slot, const Event& e, std::string_view locale) const {
    auto it = slots.find(session.value());
    if (it == slots.end() || slot < 0 || static_cast<std::size_t>(slot) >= it->second.size()) {
      return "#" + std::to_string(session.value()) + "/" + std::to_string(slot);
    }
    return FormatDateTime(it->second[static_cast<std::size_t>(slot)].start, e.time_zone, locale);
  }
};

std::string OrgName(const std::unordered_map<std::int64_t, Organization>& orgs, OrganizationId id,
                    std::string_view locale) {
  auto it = orgs.find(id.value());
  return it == orgs.end() ? "#" + std::to_string(id.value()) : it->second.name.Best(locale).first;
}

HttpResponse Participants(RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  auto members = c.store.ListEventMembers(c.event->id);
  if (!members.ok()) return ErrorPage(c, site, members.status());
  const auto orgs = OrganizationsById(c.store);
  Json items = Json::array();
  int waiting = 0;
  for (const Membership& m : *members) {
    auto user = c.store.GetUser(m.user);
    if (!user.ok()) continue;
    const bool participant = m.role == Role::kParticipant;
    if (participant && !m.validated) ++waiting;
    items.push_back(
        {{"user", m.user.value()},
         {"name", user->name},
         {"email", user->email},
         {"role", site.T(locale, "role_" + std::string(ToCode(m.role)))},
         {"organization",
          m.organization.valid() ? Json(OrgName(orgs, m.organization, locale)) : Json(false)},
         {"participant", participant},
         {"validated", m.validated},
         {"verified", user->verified}});
  }
  return Page(c, site, "participants", "participants_title",
              {{"items", items}, {"waiting", FormatNumber(waiting, locale)}});
}

// The job fragment: progress while it runs, the summary and the publish
// button when it is done.
Json JobData(const Job& job, const RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  const bool running = job.state == JobState::kQueued || job.state == JobState::kRunning;
  Json d{{"id", job.id.value()},
         {"event", c.event->key},
         {"running", running},
         {"succeeded", job.state == JobState::kSucceeded},
         {"failed", job.state == JobState::kFailed || job.state == JobState::kCancelled},
         {"state", site.T(locale, "job_" + std::string(ToCode(job.state)))},
         {"error", job.error}};
  Json progress = Json::parse(job.progress.empty() ? "{}" : job.progress, nullptr, false);
  if (progress.is_object()) {
    const double elapsed = progress.value("elapsed_s", 0.0);
    const double limit = progress.value("time_limit_s", 0.0);
    d["elapsed"] = FormatNumber(static_cast<double>(static_cast<int>(elapsed)), locale);
    d["fraction"] = limit > 0 ? std::min(1.0, elapsed / limit) : 0.0;
    d["percent"] = FormatPercent(limit > 0 ? std::min(1.0, elapsed / limit) : 0.0, locale);
    d["phase"] = progress.value("phase", "");
    d["best_breaks"] = progress.contains("best_breaks") ? progress["best_breaks"].dump() : "";
  }
  Json result = Json::parse(job.result.empty() ? "{}" : job.result, nullptr, false);
  if (result.is_object() && !result.empty()) {
    Json days = Json::array();
    for (const Json& day : result.value("days", Json::array())) {
      days.push_back({{"date", day.value("date", "")},
                      {"city", day.value("city", "")},
                      {"meetings", FormatNumber(day.value("meetings", 0), locale)},
                      {"peak_tables", FormatNumber(day.value("peak_tables", 0), locale)},
                      {"tables", FormatNumber(day.value("tables", 0), locale)},
                      {"interpreted", FormatNumber(day.value("interpreted", 0), locale)}});
    }
    d["result"] = {{"requested", FormatNumber(result.value("requested", 0), locale)},
                   {"scheduled", FormatNumber(result.value("scheduled", 0), locale)},
                   {"breaks", FormatNumber(result.value("breaks", 0), locale)},
                   {"status", result.value("status", "")},
                   {"explanation", result.value("explanation", "")},
                   {"days", days}};
  } else {
    d["result"] = false;
  }
  return d;
}

HttpResponse JobFragment(RequestContext& c, const Site& site, const Job& job) {
  Json d = JobData(job, c, site);
  d["t"] = site.Messages(c.Locale());
  d["csrf"] = c.actor->csrf_token;
  return HttpResponse::Html(200, site.Render("job", d));
}

// Every organization taking part in the event (a participant account or a
// request), by name: the sides a walk-in may have.
Json EventOrganizations(RequestContext& c, std::string_view locale) {
  std::vector<std::pair<std::string, std::int64_t>> named;
  if (auto taking_part = service::EventOrganizations(c.store, *c.event); taking_part.ok()) {
    for (const Organization& o : *taking_part) {
      named.emplace_back(o.name.Best(locale).first, o.id.value());
    }
  }
  std::sort(named.begin(), named.end());
  Json out = Json::array();
  for (const auto& [name, id] : named) out.push_back({{"value", id}, {"label", name}});
  return out;
}

HttpResponse Schedule(RequestContext& c, const Site& site, const std::string& error, int status) {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  auto meetings = service::VisibleMeetings(c.store, *c.actor, e);
  if (!meetings.ok()) return ErrorPage(c, site, meetings.status());
  const auto orgs = OrganizationsById(c.store);
  const Timetable timetable = Timetable::Of(c.store, e);
  std::unordered_map<std::int64_t, std::string> interpreters;
  if (auto list = c.store.ListInterpreters(e.id); list.ok()) {
    for (const Interpreter& i : *list) interpreters[i.id.value()] = i.name;
  }
  Json sessions = Json::array();
  Json walk_in_sessions = Json::array();
  std::vector<Session> ordered;
  for (const auto& [id, s] : timetable.sessions) ordered.push_back(s);
  std::sort(ordered.begin(), ordered.end(),
            [](const Session& a, const Session& b) { return a.start < b.start; });
  for (const Session& s : ordered) {
    // Walk-ins start from a session's first slot: name it by its start.
    walk_in_sessions.push_back(
        {{"id", s.id.value()},
         {"label", s.city + " · " + FormatDateTime(s.start, e.time_zone, locale)}});
    sessions.push_back({{"id", s.id.value()},
                        {"label", s.city + " · " + FormatDay(s.start, e.time_zone, locale)},
                        {"slots", static_cast<int>(timetable.slots.at(s.id.value()).size())},
                        {"tables", s.tables}});
  }
  std::vector<Meeting> list = *meetings;
  std::sort(list.begin(), list.end(), [&](const Meeting& a, const Meeting& b) {
    const auto& sa = timetable.sessions.find(a.session.value());
    const auto& sb = timetable.sessions.find(b.session.value());
    const Instant ta = sa == timetable.sessions.end() ? Instant{} : sa->second.start;
    const Instant tb = sb == timetable.sessions.end() ? Instant{} : sb->second.start;
    return std::tie(ta, a.slot, a.table) < std::tie(tb, b.slot, b.table);
  });
  // One page of meetings at a time, optionally those of one organization.
  const std::string q = AsciiLower(std::string(Trim(c.request.Query("q").value_or(""))));
  std::vector<const Meeting*> shown;
  for (const Meeting& m : list) {
    if (!q.empty() && AsciiLower(OrgName(orgs, m.a, locale)).find(q) == std::string::npos &&
        AsciiLower(OrgName(orgs, m.b, locale)).find(q) == std::string::npos) {
      continue;
    }
    shown.push_back(&m);
  }
  const std::size_t offset = std::min<std::size_t>(
      shown.size(), static_cast<std::size_t>(
                        std::max(0L, std::atol(c.request.Query("offset").value_or("0").c_str()))));
  Json items = Json::array();
  for (std::size_t i = offset; i < shown.size() && i < offset + kMeetingsPage; ++i) {
    const Meeting& m = *shown[i];
    Json options = sessions;
    for (Json& o : options) o["selected"] = o["id"] == m.session.value();
    auto interpreter = interpreters.find(m.interpreter.value());
    items.push_back({{"id", m.id.value()},
                     {"time", timetable.Label(m.session, m.slot, e, locale)},
                     {"table", m.table},
                     {"slot", m.slot},
                     {"a", OrgName(orgs, m.a, locale)},
                     {"b", OrgName(orgs, m.b, locale)},
                     {"interpreter",
                      interpreter == interpreters.end() ? Json(false) : Json(interpreter->second)},
                     {"status", site.T(locale, "meeting_" + std::string(ToCode(m.status)))},
                     {"status_code", std::string(ToCode(m.status))},
                     {"sessions", options}});
  }
  const std::string page_base = "/events/" + e.key + "/schedule?" +
                                (q.empty() ? std::string() : "q=" + api::PercentEncode(q) + "&");
  const Json previous =
      offset > 0
          ? Json(page_base +
                 "offset=" + std::to_string(offset > kMeetingsPage ? offset - kMeetingsPage : 0))
          : Json(false);
  const Json next = offset + kMeetingsPage < shown.size()
                        ? Json(page_base + "offset=" + std::to_string(offset + kMeetingsPage))
                        : Json(false);
  // The walk-in just added (?walk_in=id): where it went.
  // The walk-in just added (?walk_in=id) and the meetings moved for it (?moved=id,id).
  Json walk_in = false;
  if (auto id = c.request.Query("walk_in")) {
    const std::string moved_ids = "," + c.request.Query("moved").value_or("") + ",";
    Json moved = Json::array();
    auto described = [&](const Meeting& m) {
      return Json{{"time", timetable.Label(m.session, m.slot, e, locale)},
                  {"table", m.table},
                  {"a", OrgName(orgs, m.a, locale)},
                  {"b", OrgName(orgs, m.b, locale)}};
    };
    for (const Meeting& m : list) {
      if (std::to_string(m.id.value()) == *id) walk_in = described(m);
      if (moved_ids.find("," + std::to_string(m.id.value()) + ",") != std::string::npos) {
        moved.push_back(described(m));
      }
    }
    if (walk_in.is_object()) {
      walk_in["has_moved"] = !moved.empty();
      walk_in["moved"] = std::move(moved);
    }
  }
  std::string job_html;
  if (auto id = c.request.Query("job")) {
    if (auto j = service::GetJobFor(c.store, *c.actor, JobId(std::atoll(id->c_str()))); j.ok()) {
      Json job = JobData(*j, c, site);
      job["t"] = site.Messages(locale);
      job["csrf"] = c.actor->csrf_token;
      job_html = site.Render("job", job);
    }
  }
  return Page(c, site, "schedule", "schedule_title",
              {{"meetings", items},
               {"count", FormatNumber(static_cast<double>(shown.size()), locale)},
               {"q", c.request.Query("q").value_or("")},
               {"previous", previous},
               {"next", next},
               {"empty", items.empty()},
               {"organizer", c.actor->IsOrganizer(e.id)},
               {"organizations", EventOrganizations(c, locale)},
               {"walk_in_sessions", walk_in_sessions},
               {"walk_in", walk_in},
               {"time_limit", kDefaultTimeLimitS},
               {"job_html", job_html},
               {"published", c.request.Query("published").value_or("")},
               {"error", error.empty() ? Json(false) : Json(error)}},
              status);
}

HttpResponse MeetingsCsv(RequestContext& c) {
  const Event& e = *c.event;
  auto meetings = service::VisibleMeetings(c.store, *c.actor, e);
  const auto orgs = OrganizationsById(c.store);
  const Timetable timetable = Timetable::Of(c.store, e);
  std::string out = FormatCsvRow({"meeting", "start", "session", "slot", "table", "a", "a_name",
                                  "b", "b_name", "interpreter", "status"});
  if (meetings.ok()) {
    for (const Meeting& m : *meetings) {
      std::string start;
      auto slots = timetable.slots.find(m.session.value());
      if (slots != timetable.slots.end() && m.slot >= 0 &&
          static_cast<std::size_t>(m.slot) < slots->second.size()) {
        start = FormatUtc(slots->second[static_cast<std::size_t>(m.slot)].start);
      }
      const auto key = [&](OrganizationId id) {
        auto it = orgs.find(id.value());
        return it == orgs.end() ? std::string() : it->second.key;
      };
      out += FormatCsvRow({std::to_string(m.id.value()), start,
                           timetable.sessions.contains(m.session.value())
                               ? timetable.sessions.at(m.session.value()).key
                               : "",
                           std::to_string(m.slot), std::to_string(m.table), key(m.a),
                           OrgName(orgs, m.a, "en"), key(m.b), OrgName(orgs, m.b, "en"),
                           m.interpreter.valid() ? std::to_string(m.interpreter.value()) : "",
                           std::string(ToCode(m.status))});
    }
  }
  HttpResponse r = HttpResponse::Text(200, out, "text/csv; charset=utf-8");
  r.Set("Content-Disposition", "attachment; filename=\"meetings-" + e.key + ".csv\"");
  return r;
}

}  // namespace

void AddOrganizerPages(api::App& app, std::shared_ptr<const Site> site) {
  api::Router& r = app.router();
  const EventPages page(r);
  page("GET", "/events/{event}/participants", "participants and their validation", kStaff,
       [site](RequestContext& c) -> Result<HttpResponse> { return Participants(c, *site); });
  page("POST", "/events/{event}/participants/{user}/validation", "validate a participant (form)",
       kStaff, [](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t user, c.IdParam("user"));
         PONTE_RETURN_IF_ERROR(
             service::ValidateParticipant(c.store, c.clock, *c.actor, *c.event, UserId(user),
                                          FormField(c.request, "validated") == "true"));
         return HttpResponse::Redirect("/events/" + c.event->key + "/participants");
       });
  page("GET", "/events/{event}/schedule", "run the scheduler, preview, publish, move meetings",
       kStaff,
       [site](RequestContext& c) -> Result<HttpResponse> { return Schedule(c, *site, "", 200); });
  page("POST", "/events/{event}/schedule/jobs", "start a scheduling job (form or htmx)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         service::ScheduleJobParameters p;
         const double limit = std::atof(FormField(c.request, "time_limit_s").c_str());
         p.time_limit_s = limit > 0 ? std::min(limit, kMaxTimeLimitS) : kDefaultTimeLimitS;
         auto job = service::StartScheduleJob(c.store, c.clock, *c.actor, *c.event, p);
         if (!job.ok()) {
           if (IsHtmx(c.request)) {
             return HttpResponse::Html(
                 200, "<p class=\"error\" role=\"alert\">" +
                          EscapeHtml(StatusText(*site, c.Locale(), job.status())) + "</p>");
           }
           return Schedule(c, *site, StatusText(*site, c.Locale(), job.status()), kFormShownAgain);
         }
         if (IsHtmx(c.request)) return JobFragment(c, *site, *job);
         return HttpResponse::Redirect("/events/" + c.event->key +
                                       "/schedule?job=" + std::to_string(job->id.value()));
       });
  page("GET", "/events/{event}/schedule/jobs/{id}", "a scheduling job's progress (htmx fragment)",
       kStaff, [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         PONTE_ASSIGN_OR_RETURN(Job job, service::GetJobFor(c.store, *c.actor, JobId(id)));
         return JobFragment(c, *site, job);
       });
  page("POST", "/events/{event}/schedule/publish", "publish a job's timetable (form or htmx)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         const std::int64_t job = std::atoll(FormField(c.request, "job").c_str());
         auto published = service::PublishJob(c.store, c.clock, *c.actor, *c.event, JobId(job));
         if (!published.ok()) {
           return Schedule(c, *site, StatusText(*site, c.Locale(), published.status()),
                           kFormShownAgain);
         }
         const std::string to =
             "/events/" + c.event->key + "/schedule?published=" + std::to_string(published->size());
         if (IsHtmx(c.request)) {
           HttpResponse out = HttpResponse::NoContent();
           out.Set("HX-Redirect", to);
           return out;
         }
         return HttpResponse::Redirect(to);
       });
  page("POST", "/events/{event}/meetings/{id}/move", "move a meeting by hand (form)", kStaff,
       [site, &app](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         service::MeetingPlace place{SessionId(std::atoll(FormField(c.request, "session").c_str())),
                                     std::atoi(FormField(c.request, "slot").c_str()),
                                     std::atoi(FormField(c.request, "table").c_str())};
         auto moved = service::MoveMeeting(c.store, c.clock, *c.actor, *c.event, MeetingId(id),
                                           place, std::nullopt, app.options().workflow);
         if (!moved.ok()) {
           return Schedule(c, *site, StatusText(*site, c.Locale(), moved.status()),
                           kFormShownAgain);
         }
         return HttpResponse::Redirect("/events/" + c.event->key + "/schedule");
       });
  page("POST", "/events/{event}/meetings/{id}/status",
       "mark a meeting held, no-show or cancelled (form)", kStaff,
       [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         auto status = ParseMeetingStatus(FormField(c.request, "status"));
         Result<Meeting> changed =
             status.ok() ? service::SetMeetingStatus(c.store, c.clock, *c.actor, *c.event,
                                                     MeetingId(id), *status, std::nullopt)
                         : Result<Meeting>(status.status());
         if (!changed.ok()) {
           return Schedule(c, *site, StatusText(*site, c.Locale(), changed.status()),
                           kFormShownAgain);
         }
         return HttpResponse::Redirect("/events/" + c.event->key + "/schedule");
       });
  page("POST", "/events/{event}/walk-ins",
       "a walk-in meeting placed by the scheduler's repair, optionally moving meetings (form)",
       kStaff, [site, &app](RequestContext& c) -> Result<HttpResponse> {
         service::WalkInRequest request{
             .a = OrganizationId(std::atoll(FormField(c.request, "a").c_str())),
             .b = OrganizationId(std::atoll(FormField(c.request, "b").c_str())),
             .not_before = c.clock.Now(),
             .allow_moves = !FormField(c.request, "allow_moves").empty()};
         // From now, or (planning ahead on site) from the start of a session.
         if (const std::string from = FormField(c.request, "from"); from != "now") {
           const Timetable timetable = Timetable::Of(c.store, *c.event);
           auto it = timetable.sessions.find(std::atoll(from.c_str()));
           if (it != timetable.sessions.end()) request.not_before = it->second.start;
         }
         auto added = service::AddWalkIn(c.store, c.clock, *c.actor, *c.event, request,
                                         app.options().workflow);
         if (!added.ok()) {
           return Schedule(c, *site, StatusText(*site, c.Locale(), added.status()),
                           kFormShownAgain);
         }
         std::string moved;
         for (const Meeting& m : added->moved) {
           moved += (moved.empty() ? "" : ",") + std::to_string(m.id.value());
         }
         return HttpResponse::Redirect("/events/" + c.event->key + "/schedule?walk_in=" +
                                       std::to_string(added->meeting.id.value()) +
                                       (moved.empty() ? "" : "&moved=" + moved));
       });
  page("GET", "/events/{event}/exports/meetings.csv", "the meetings as CSV", kStaff,
       [](RequestContext& c) -> Result<HttpResponse> { return MeetingsCsv(c); });
}

}  // namespace ponte::web
