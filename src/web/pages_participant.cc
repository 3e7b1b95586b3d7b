// The participants' pages: the event home, recommendations, the catalogue,
// meeting requests, the agenda with feedback, and the organization.
// Recommendations and the catalogue are rendered from the JSON API itself (a
// GET through the same dispatcher, with the caller's credentials), so the
// matching and the filters live in one place; the rest calls `service`.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "api/json.h"
#include "core/utf8.h"
#include "service/agenda.h"
#include "service/workflow.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::kParticipantsAndStaff;
using api::RequestContext;

constexpr const char* kOrganizationTypes[] = {"university", "research",    "company",
                                              "startup",    "district",    "science_park",
                                              "government", "association", "other"};

constexpr CooperationType kCooperationTypes[] = {CooperationType::kJointResearch,
                                                 CooperationType::kTechnologyTransfer,
                                                 CooperationType::kInvestment,
                                                 CooperationType::kCommercial,
                                                 CooperationType::kTrainingExchange,
                                                 CooperationType::kLanguageTeaching,
                                                 CooperationType::kOther};

constexpr long kCataloguePage = 30;  // organizations per page
// A refused form is shown again with the reason, as a page (200): the browser
// keeps the page and the reader's input, and logs no failed load.
constexpr int kFormShownAgain = 200;

// A call through the API's dispatcher with the caller's credentials (and, for
// a POST, their CSRF token and a JSON body).
Result<Json> CallApi(api::App& app, const RequestContext& c, const std::string& target,
                     const std::string& method = "GET", const Json& body = nullptr) {
  api::HttpRequest sub;
  sub.method = method;
  sub.target = target;
  for (const auto& [k, v] : c.request.headers) {
    if (k == "content-type" || k == "content-length" || k == "x-csrf-token") continue;
    sub.headers.emplace_back(k, v);
  }
  if (method != "GET") {
    sub.body = body.dump();
    sub.headers.emplace_back("content-type", "application/json");
    if (c.actor) sub.headers.emplace_back("x-csrf-token", c.actor->csrf_token);
  }
  sub.remote_address = c.request.remote_address;
  HttpResponse r = app.Handle(sub);
  Json answer = Json::parse(r.body, nullptr, false);
  if (r.status / 100 != 2) {
    std::string message = answer.is_object() && answer.contains("error")
                              ? answer["error"].value("message", r.body)
                              : r.body;
    return r.status == 404 ? NotFoundError(message) : InvalidArgumentError(message);
  }
  if (answer.is_discarded()) return InternalError("the API answered with malformed JSON");
  return answer;
}

// Marks a localized value from the API as being in another language.
void MarkLanguage(Json& text, std::string_view locale) {
  if (!text.is_object()) return;
  const std::string lang = text.value("lang", "");
  text["other"] = !lang.empty() && lang != locale;
}

std::unordered_map<std::int64_t, Organization> OrganizationsById(Store& store) {
  std::unordered_map<std::int64_t, Organization> out;
  if (auto all = store.ListOrganizations(); all.ok()) {
    for (Organization& o : *all) out.emplace(o.id.value(), std::move(o));
  }
  return out;
}

// The state of the request between my organization and each other one.
std::unordered_map<std::int64_t, std::string> RequestStates(RequestContext& c) {
  std::unordered_map<std::int64_t, std::string> out;
  const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
  auto requests = service::VisibleRequests(c.store, *c.actor, *c.event);
  if (!requests.ok()) return out;
  for (const MeetingRequest& r : *requests) {
    if (r.status == RequestStatus::kCancelled || r.status == RequestStatus::kExpired) continue;
    const OrganizationId other = r.from == mine ? r.to : r.from;
    out[other.value()] = std::string(ToCode(r.status));
  }
  return out;
}

// Chinese names (those with a Latin transcription) family name first.
std::string PersonName(const Person& p) {
  if (!p.name_latin.empty()) return p.family_name + p.given_name + " (" + p.name_latin + ")";
  return p.given_name.empty() ? p.family_name : p.given_name + " " + p.family_name;
}

Json Options(const Site& site, std::string_view locale, std::string_view prefix,
             const std::vector<std::string>& codes, const std::string& selected) {
  Json out = Json::array();
  for (const std::string& code : codes) {
    out.push_back({{"value", code},
                   {"label", prefix == "theme" ? site.ThemeLabel(code, locale)
                                               : site.T(locale, std::string(prefix) + "_" + code)},
                   {"selected", code == selected}});
  }
  return out;
}

HttpResponse EventHome(RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  Json d{{"zone", ZoneName(e.time_zone, locale)},
         {"staff", c.actor->IsStaff(e.id)},
         {"participant", c.actor->OrganizationIn(e.id).valid()},
         {"interpreter", c.actor->InterpreterIn(e.id).valid()},
         {"validated", c.actor->IsValidatedParticipant(e.id)},
         {"has_agenda",
          c.actor->OrganizationIn(e.id).valid() || c.actor->InterpreterIn(e.id).valid()}};
  const OrganizationId mine = c.actor->OrganizationIn(e.id);
  int incoming = 0, outgoing = 0, accepted = 0;
  if (auto requests = service::VisibleRequests(c.store, *c.actor, e); requests.ok()) {
    for (const MeetingRequest& r : *requests) {
      if (r.status == RequestStatus::kAccepted) ++accepted;
      if (r.status != RequestStatus::kPending) continue;
      if (r.to == mine) ++incoming;
      if (r.from == mine) ++outgoing;
    }
  }
  int meetings = 0;
  if (auto list = service::VisibleMeetings(c.store, *c.actor, e); list.ok()) {
    meetings = static_cast<int>(std::count_if(list->begin(), list->end(), [](const Meeting& m) {
      return m.status != MeetingStatus::kCancelled;
    }));
  }
  d["incoming"] = FormatNumber(incoming, locale);
  d["outgoing"] = FormatNumber(outgoing, locale);
  d["accepted"] = FormatNumber(accepted, locale);
  d["meetings"] = FormatNumber(meetings, locale);
  if (auto sessions = c.store.ListSessions(e.id); sessions.ok() && !sessions->empty()) {
    d["first_day"] = FormatDay(sessions->front().start, e.time_zone, locale);
    d["last_day"] = FormatDay(sessions->back().start, e.time_zone, locale);
  }
  return Page(c, site, "event", "event_title", d);
}

HttpResponse Recommendations(api::App& app, RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  auto body = CallApi(app, c, "/api/v1/events/" + c.event->key + "/recommendations?limit=20");
  if (!body.ok()) return ErrorPage(c, site, body.status());
  const auto states = RequestStates(c);
  Json items = Json::array();
  int rank = 0;
  for (Json& item : (*body)["items"]) {
    Json& org = item["organization"];
    MarkLanguage(org["name"], locale);
    const std::int64_t id = org.value("id", std::int64_t{0});
    auto state = states.find(id);
    item["rank"] = ++rank;
    item["score_label"] = FormatPercent(item.value("score", 0.0), locale);
    item["type_label"] = site.T(locale, "type_" + org.value("type", std::string("other")));
    item["request_state"] =
        state == states.end() ? Json(false) : Json(site.T(locale, "status_" + state->second));
    item["can_request"] = state == states.end();
    items.push_back(std::move(item));
  }
  return Page(c, site, "recommendations", "recommendations_title",
              {{"items", items},
               {"empty", items.empty()},
               {"note", body->value("note", "")},
               {"sent", c.request.Query("sent").has_value()}});
}

HttpResponse Catalogue(api::App& app, RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  const std::string base = "/api/v1/events/" + c.event->key + "/organizations?limit=500";
  const long offset = std::max(0L, std::atol(c.request.Query("offset").value_or("0").c_str()));
  std::string query;
  Json filters = Json::object();
  for (const char* name : {"country", "type", "theme", "language", "q"}) {
    const std::string v = c.request.Query(name).value_or("");
    filters[name] = v;
    if (!v.empty()) query += std::string("&") + name + "=" + api::PercentEncode(v);
  }
  auto body = CallApi(app, c,
                      "/api/v1/events/" + c.event->key +
                          "/organizations?limit=" + std::to_string(kCataloguePage) +
                          "&offset=" + std::to_string(offset) + query);
  if (!body.ok()) return ErrorPage(c, site, body.status());
  // Countries offered in the filter: those of the whole catalogue.
  std::set<std::string> countries;
  if (auto all = CallApi(app, c, base); all.ok()) {
    for (const Json& o : (*all)["items"]) countries.insert(o.value("country", ""));
  }
  countries.erase("");
  const auto states = RequestStates(c);
  const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
  Json items = Json::array();
  for (Json& o : (*body)["items"]) {
    MarkLanguage(o["name"], locale);
    const std::int64_t id = o.value("id", std::int64_t{0});
    o["type_label"] = site.T(locale, "type_" + o.value("type", std::string("other")));
    Json themes = Json::array();
    for (const Json& t : o["themes"])
      themes.push_back(site.ThemeLabel(t.get<std::string>(), locale));
    o["theme_labels"] = themes;
    auto state = states.find(id);
    o["request_state"] =
        state == states.end() ? Json(false) : Json(site.T(locale, "status_" + state->second));
    o["can_request"] = state == states.end() && mine.valid() && id != mine.value();
    items.push_back(std::move(o));
  }
  std::vector<std::string> types(std::begin(kOrganizationTypes), std::end(kOrganizationTypes));
  std::vector<std::string> theme_codes;
  for (const Theme& t : site.taxonomy().themes()) {
    if (t.parent.empty()) theme_codes.push_back(t.code);
  }
  if (theme_codes.empty()) theme_codes = c.event->themes;
  const long total = body->value("total", 0L);
  const std::string page_base = "/events/" + c.event->key + "/catalogue?" +
                                (query.empty() ? std::string() : query.substr(1) + "&");
  return Page(
      c, site, "catalogue", "catalogue_title",
      {{"items", items},
       {"count", FormatNumber(static_cast<double>(total), locale)},
       {"previous", offset > 0 ? Json(page_base + "offset=" +
                                      std::to_string(std::max(0L, offset - kCataloguePage)))
                               : Json(false)},
       {"next", offset + kCataloguePage < total
                    ? Json(page_base + "offset=" + std::to_string(offset + kCataloguePage))
                    : Json(false)},
       {"empty", items.empty()},
       {"filters", filters},
       {"countries",
        Options(site, locale, "country",
                std::vector<std::string>(countries.begin(), countries.end()), filters["country"])},
       {"types", Options(site, locale, "type", types, filters["type"])},
       {"themes", Options(site, locale, "theme", theme_codes, filters["theme"])},
       {"languages", Options(site, locale, "language", {"it", "en", "zh"}, filters["language"])}});
}

HttpResponse Requests(RequestContext& c, const Site& site, const std::string& error) {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  auto requests = service::VisibleRequests(c.store, *c.actor, e);
  if (!requests.ok()) return ErrorPage(c, site, requests.status());
  const auto orgs = OrganizationsById(c.store);
  const OrganizationId mine = c.actor->OrganizationIn(e.id);
  const std::string zone = e.time_zone;
  Json incoming = Json::array(), outgoing = Json::array(), others = Json::array();
  for (const MeetingRequest& r : *requests) {
    auto name = [&](OrganizationId id) {
      auto it = orgs.find(id.value());
      return it == orgs.end() ? Json{{"text", "#" + std::to_string(id.value())}}
                              : Localized(it->second.name, locale);
    };
    const bool pending = r.status == RequestStatus::kPending;
    Json j{{"id", r.id.value()},
           {"from_id", r.from.value()},
           {"to_id", r.to.value()},
           {"from", name(r.from)},
           {"to", name(r.to)},
           {"preference", site.T(locale, "preference_" + std::string(ToCode(r.preference)))},
           {"status", site.T(locale, "status_" + std::string(ToCode(r.status)))},
           {"status_code", std::string(ToCode(r.status))},
           {"message", r.message},
           {"created", FormatDateTime(r.created_at, zone, locale)},
           {"expires", r.expires_at && pending ? Json(FormatDateTime(*r.expires_at, zone, locale))
                                               : Json(false)},
           {"can_answer", pending && (r.to == mine || c.actor->IsStaff(e.id))},
           {"can_cancel", (pending || r.status == RequestStatus::kAccepted) && r.from == mine}};
    if (r.to == mine) {
      incoming.push_back(std::move(j));
    } else if (r.from == mine) {
      outgoing.push_back(std::move(j));
    } else {
      others.push_back(std::move(j));
    }
  }
  return Page(c, site, "requests", "requests_title",
              {{"incoming", incoming},
               {"outgoing", outgoing},
               {"others", others},
               {"no_incoming", incoming.empty()},
               {"no_outgoing", outgoing.empty()},
               {"error", error.empty() ? Json(false) : Json(error)}},
              kFormShownAgain);
}

Result<service::Agenda> AgendaOf(RequestContext& c) {
  const Event& event = *c.event;
  if (auto asked = c.request.Query("organization"); asked && c.actor->IsStaff(event.id)) {
    return service::LoadOrganizationAgenda(c.store, event,
                                           OrganizationId(std::atoll(asked->c_str())));
  }
  if (const OrganizationId org = c.actor->OrganizationIn(event.id); org.valid()) {
    return service::LoadOrganizationAgenda(c.store, event, org);
  }
  if (const InterpreterId i = c.actor->InterpreterIn(event.id); i.valid()) {
    return service::LoadInterpreterAgenda(c.store, event, i);
  }
  return NotFoundError("no agenda");
}

HttpResponse AgendaPage(RequestContext& c, const Site& site, const std::string& error,
                        const std::string& feed_url = "") {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  const std::string zone = e.time_zone;
  const std::string reader = ReaderZone(c);
  const bool other_zone = !reader.empty() && reader != zone &&
                          UtcOffset(c.clock.Now(), reader).value_or(Minutes(0)) !=
                              UtcOffset(c.clock.Now(), zone).value_or(Minutes(0));
  auto agenda = AgendaOf(c);
  Json days = Json::array();
  bool has_agenda = agenda.ok();
  if (agenda.ok()) {
    std::string current_day;
    for (const service::AgendaEntry& entry : agenda->entries) {
      const std::string day = FormatDay(entry.start, zone, locale);
      if (day != current_day) {
        days.push_back({{"day", day}, {"entries", Json::array()}});
        current_day = day;
      }
      Json delegates = Json::array();
      for (const Person& p : entry.delegates) delegates.push_back(PersonName(p));
      const bool cancelled = entry.meeting.status == MeetingStatus::kCancelled;
      Json j{{"id", entry.meeting.id.value()},
             {"time",
              FormatTime(entry.start, zone, locale) + "–" + FormatTime(entry.end, zone, locale)},
             {"reader_time", other_zone ? Json(FormatTime(entry.start, reader, locale) + "–" +
                                               FormatTime(entry.end, reader, locale))
                                        : Json(false)},
             {"place", entry.venue.empty() ? entry.city : entry.venue + ", " + entry.city},
             {"table", FormatNumber(entry.meeting.table, locale)},
             {"delegates", delegates},
             {"interpreter", entry.interpreter ? Json(entry.interpreter->name) : Json(false)},
             {"status", site.T(locale, "meeting_" + std::string(ToCode(entry.meeting.status)))},
             {"cancelled", cancelled},
             {"feedback", !cancelled && agenda->organization.has_value() &&
                              c.actor->OrganizationIn(e.id).valid()}};
      if (agenda->organization) {
        j["counterpart"] = Localized(entry.counterpart.name, locale);
      } else {
        j["counterpart"] = Localized(entry.side_a.name, locale);
        j["counterpart2"] = Localized(entry.side_b.name, locale);
      }
      days.back()["entries"].push_back(std::move(j));
    }
  }
  const std::string api = "/api/v1/events/" + e.key;
  const std::string tz = reader.empty() ? "" : "?tz=" + api::PercentEncode(reader);
  return Page(c, site, "agenda", "agenda_title",
              {{"days", days},
               {"empty", days.empty()},
               {"has_agenda", has_agenda},
               {"zone", ZoneName(zone, locale)},
               {"reader_zone", other_zone ? Json(ZoneName(reader, locale)) : Json(false)},
               {"ics", api + "/agenda.ics"},
               {"printable", api + "/agenda.html" + tz},
               {"thanks", c.request.Query("feedback").has_value()},
               {"feed_url", feed_url.empty() ? Json(false) : Json(feed_url)},
               {"error", error.empty() ? Json(false) : Json(error)}},
              kFormShownAgain);
}

HttpResponse OrganizationPage(RequestContext& c, const Site& site, const std::string& error,
                              bool saved) {
  const std::string locale = c.Locale();
  const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
  if (!mine.valid()) return ErrorPage(c, site, NotFoundError("no organization"));
  auto org = c.store.GetOrganization(mine);
  if (!org.ok()) return ErrorPage(c, site, org.status());
  Json names = Json::array();
  for (const char* lang : {"it", "en", "zh"}) {
    names.push_back({{"lang", lang},
                     {"label", site.T(locale, std::string("language_") + lang)},
                     {"value", org->name.Get(lang)}});
  }
  std::vector<std::string> types(std::begin(kOrganizationTypes), std::end(kOrganizationTypes));
  Json profiles = Json::array();
  if (auto list = c.store.ListProfilesOf(mine); list.ok()) {
    for (const Profile& p : *list) {
      Json themes = Json::array();
      for (const std::string& t : p.themes) themes.push_back(site.ThemeLabel(t, locale));
      // The edit form: every language's title and text, the themes and
      // cooperation types already chosen.
      Json texts = Json::array();
      for (const char* lang : {"it", "en", "zh"}) {
        texts.push_back({{"lang", lang},
                         {"label", site.T(locale, std::string("language_") + lang)},
                         {"title", p.title.Get(lang)},
                         {"text", p.text.Get(lang)}});
      }
      Json chosen_themes = Json::array();
      for (const Theme& t : site.taxonomy().themes()) {
        chosen_themes.push_back(
            {{"value", t.code},
             {"label", t.label.Best(locale).first},
             {"sub", !t.parent.empty()},
             {"selected", std::find(p.themes.begin(), p.themes.end(), t.code) != p.themes.end()}});
      }
      Json cooperation = Json::array();
      for (CooperationType type : kCooperationTypes) {
        const std::string code(ToCode(type));
        cooperation.push_back({{"value", code},
                               {"label", site.T(locale, "cooperation_" + code)},
                               {"checked", std::find(p.cooperation.begin(), p.cooperation.end(),
                                                     type) != p.cooperation.end()}});
      }
      std::string keywords;
      for (const std::string& k : p.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
      profiles.push_back({{"id", p.id.value()},
                          {"kind", site.T(locale, "kind_" + std::string(ToCode(p.kind)))},
                          {"title", Localized(p.title, locale)},
                          {"text", Localized(p.text, locale)},
                          {"themes", themes},
                          {"keywords", p.keywords},
                          {"edit",
                           {{"texts", texts},
                            {"themes", chosen_themes},
                            {"cooperation", cooperation},
                            {"keywords", keywords}}}});
    }
  }
  Json people = Json::array();
  if (auto list = c.store.ListPeopleOf(mine); list.ok()) {
    for (const Person& p : *list) {
      people.push_back({{"name", PersonName(p)},
                        {"role", p.role},
                        {"languages", p.languages},
                        {"interpreter", p.needs_interpreter}});
    }
  }
  Json theme_options = Json::array();
  for (const Theme& t : site.taxonomy().themes()) {
    theme_options.push_back(
        {{"value", t.code}, {"label", t.label.Best(locale).first}, {"sub", !t.parent.empty()}});
  }
  Json languages = Json::array();
  for (const char* lang : {"it", "en", "zh"}) {
    languages.push_back({{"value", lang},
                         {"label", site.T(locale, std::string("language_") + lang)},
                         {"selected", lang == locale}});
  }
  return Page(c, site, "organization", "organization_title",
              {{"org", api::ToJson(*org, locale)},
               {"theme_options", theme_options},
               {"profile_languages", languages},
               {"names", names},
               {"types", Options(site, locale, "type", types, std::string(ToCode(org->type)))},
               {"profiles", profiles},
               {"people", people},
               {"saved", saved},
               {"error", error.empty() ? Json(false) : Json(error)}},
              kFormShownAgain);
}

}  // namespace

void AddParticipantPages(api::App& app, std::shared_ptr<const Site> site) {
  api::Router& r = app.router();
  const service::WorkflowOptions& workflow = app.options().workflow;
  const EventPages page(r);

  page("GET", "/events/{event}", "the event's home page", {},
       [site](RequestContext& c) -> Result<HttpResponse> { return EventHome(c, *site); });
  page("GET", "/events/{event}/recommendations", "recommended partners with the reasons",
       kParticipantsAndStaff, [&app, site](RequestContext& c) -> Result<HttpResponse> {
         return Recommendations(app, c, *site);
       });
  page("GET", "/events/{event}/catalogue", "the catalogue with filters and full-text search",
       kParticipantsAndStaff, [&app, site](RequestContext& c) -> Result<HttpResponse> {
         return Catalogue(app, c, *site);
       });
  page("GET", "/events/{event}/requests", "meeting requests sent and received",
       kParticipantsAndStaff,
       [site](RequestContext& c) -> Result<HttpResponse> { return Requests(c, *site, ""); });
  page("POST", "/events/{event}/requests", "send a meeting request (form)", kParticipantsAndStaff,
       [site, &workflow](RequestContext& c) -> Result<HttpResponse> {
         service::NewRequest request;
         request.to = OrganizationId(std::atoll(FormField(c.request, "to").c_str()));
         auto preference = ParsePreference(FormField(c.request, "preference"));
         if (preference.ok()) request.preference = *preference;
         request.message = FormField(c.request, "message");
         auto sent = service::SendRequest(c.store, c.clock, *c.actor, *c.event, request, workflow);
         if (!sent.ok()) return Requests(c, *site, StatusText(*site, c.Locale(), sent.status()));
         return HttpResponse::Redirect("/events/" + c.event->key + "/requests?sent=1");
       });
  page("POST", "/events/{event}/requests/{id}/{reply}",
       "accept, decline or cancel a meeting request (form)", kParticipantsAndStaff,
       [site, &workflow](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         PONTE_ASSIGN_OR_RETURN(service::Reply reply, service::ParseReply(c.Param("reply")));
         auto done = service::ReplyToRequest(c.store, c.clock, *c.actor, *c.event,
                                             MeetingRequestId(id), reply, std::nullopt, workflow);
         if (!done.ok()) return Requests(c, *site, StatusText(*site, c.Locale(), done.status()));
         return HttpResponse::Redirect("/events/" + c.event->key + "/requests");
       });
  page("GET", "/events/{event}/agenda", "your agenda with time, table, counterpart, interpreter",
       {}, [site](RequestContext& c) -> Result<HttpResponse> { return AgendaPage(c, *site, ""); });
  page("POST", "/events/{event}/agenda/calendar-feed",
       "a calendar-subscription address for your agenda (shown once)", {},
       [&app, site](RequestContext& c) -> Result<HttpResponse> {
         auto token =
             service::CreateToken(c.store, c.clock, *c.actor, CredentialKind::kCalendarFeed,
                                  "portal calendar feed", app.options().accounts);
         if (!token.ok()) {
           return AgendaPage(c, *site, StatusText(*site, c.Locale(), token.status()));
         }
         // The address the reader reached us at (base_url may name port 0).
         const std::string& base = app.options().base_url;
         const std::string_view host = c.request.Header("host");
         const std::string origin =
             host.empty()
                 ? base
                 : (base.starts_with("https:") ? "https://" : "http://") + std::string(host);
         return AgendaPage(c, *site, "",
                           origin + "/api/v1/calendar/" + c.event->key + "/" + *token + ".ics");
       });
  page("POST", "/events/{event}/meetings/{id}/feedback", "feedback after a meeting (form)",
       {Role::kParticipant}, [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         const int rating = std::atoi(FormField(c.request, "rating").c_str());
         Status s = service::GiveFeedback(c.store, c.clock, *c.actor, *c.event, MeetingId(id),
                                          rating, FormField(c.request, "follow_up") == "on",
                                          FormField(c.request, "comment"));
         if (!s.ok()) return AgendaPage(c, *site, StatusText(*site, c.Locale(), s));
         return HttpResponse::Redirect("/events/" + c.event->key + "/agenda?feedback=1");
       });
  page("GET", "/events/{event}/organization", "your organization, people and profiles",
       {Role::kParticipant}, [site](RequestContext& c) -> Result<HttpResponse> {
         return OrganizationPage(c, *site, "", c.request.Query("saved").has_value());
       });
  page("POST", "/events/{event}/organization/profiles",
       "add an offer, a request or a cooperation proposal (form; through the API)",
       {Role::kParticipant}, [&app, site](RequestContext& c) -> Result<HttpResponse> {
         const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
         const std::string lang = FormField(c.request, "lang");
         Json body{{"kind", FormField(c.request, "kind")}};
         const std::string title = FormField(c.request, "title");
         const std::string text = FormField(c.request, "text");
         if (!title.empty()) body["title"] = {{lang, title}};
         if (!text.empty()) body["text"] = {{lang, text}};
         Json themes = Json::array();
         for (const auto& [k, v] : api::ParseQuery(c.request.body)) {
           if (k == "themes" && !v.empty()) themes.push_back(v);
         }
         body["themes"] = themes;
         Json keywords = Json::array();
         for (std::string_view k : Split(FormField(c.request, "keywords"), ',')) {
           if (!Trim(k).empty()) keywords.push_back(std::string(Trim(k)));
         }
         body["keywords"] = keywords;
         auto added = CallApi(app, c,
                              "/api/v1/events/" + c.event->key + "/organizations/" +
                                  std::to_string(mine.value()) + "/profiles",
                              "POST", body);
         if (!added.ok()) {
           return OrganizationPage(c, *site, StatusText(*site, c.Locale(), added.status()), false);
         }
         return HttpResponse::Redirect("/events/" + c.event->key + "/organization?saved=1");
       });
  page("POST", "/events/{event}/organization/profiles/{profile}",
       "change one of your organization's profiles (form; through the API)", {Role::kParticipant},
       [&app, site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t profile, c.IdParam("profile"));
         const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
         Json title = Json::object(), text = Json::object();
         for (const char* lang : {"it", "en", "zh"}) {
           const std::string t(Trim(FormField(c.request, std::string("title_") + lang)));
           const std::string x(Trim(FormField(c.request, std::string("text_") + lang)));
           if (!t.empty()) title[lang] = t;
           if (!x.empty()) text[lang] = x;
         }
         Json themes = Json::array(), cooperation = Json::array();
         for (const auto& [k, v] : api::ParseQuery(c.request.body)) {
           if (k == "themes" && !v.empty()) themes.push_back(v);
           if (k == "cooperation" && !v.empty()) cooperation.push_back(v);
         }
         Json keywords = Json::array();
         for (std::string_view k : Split(FormField(c.request, "keywords"), ',')) {
           if (!Trim(k).empty()) keywords.push_back(std::string(Trim(k)));
         }
         Json body{{"title", title},
                   {"text", text},
                   {"themes", themes},
                   {"keywords", keywords},
                   {"cooperation", cooperation}};
         // The API checks that the profile belongs to the caller's organization.
         auto changed =
             CallApi(app, c,
                     "/api/v1/events/" + c.event->key + "/organizations/" +
                         std::to_string(mine.value()) + "/profiles/" + std::to_string(profile),
                     "PUT", body);
         if (!changed.ok()) {
           return OrganizationPage(c, *site, StatusText(*site, c.Locale(), changed.status()),
                                   false);
         }
         return HttpResponse::Redirect("/events/" + c.event->key + "/organization?saved=1");
       });
  page("POST", "/events/{event}/organization", "edit your organization (form)",
       {Role::kParticipant}, [site](RequestContext& c) -> Result<HttpResponse> {
         const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
         PONTE_ASSIGN_OR_RETURN(Organization org, c.store.GetOrganization(mine));
         for (const char* lang : {"it", "en", "zh"}) {
           const std::string v = FormField(c.request, std::string("name_") + lang);
           if (!v.empty()) org.name.Set(lang, v);
         }
         if (auto type = ParseOrganizationType(FormField(c.request, "type")); type.ok()) {
           org.type = *type;
         }
         org.city = FormField(c.request, "city");
         org.website = FormField(c.request, "website");
         org.public_profile = FormField(c.request, "public_profile") == "on";
         const int version = std::atoi(FormField(c.request, "version").c_str());
         auto saved =
             service::EditOrganization(c.store, c.clock, *c.actor, *c.event, org,
                                       version > 0 ? std::optional<int>(version) : std::nullopt);
         if (!saved.ok()) {
           return OrganizationPage(c, *site, StatusText(*site, c.Locale(), saved.status()), false);
         }
         return HttpResponse::Redirect("/events/" + c.event->key + "/organization?saved=1");
       });
}

}  // namespace ponte::web
