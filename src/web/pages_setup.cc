// Forms that set an event up, one record at a time: a participant's
// delegates (languages in order of fluency, the sessions they attend, with
// the row version so that a stale form is refused), the organizers' event
// set-up (days, zone, venues, themes, sessions, interpreters) and matching as
// a background job with live progress. Every check is in service/event_setup
// and service/matching_job; a refused form is shown again with the reader's
// input and each error beside its field, in the reader's language.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/utf8.h"
#include "service/event_setup.h"
#include "service/matching_job.h"
#include "service/workflow.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::RequestContext;
using service::FieldError;

// A refused form is shown again with the reason, as a page (200): the browser
// keeps the page and logs no failed load.
constexpr int kFormShownAgain = 200;
// Language choices offered first; a person's other languages are kept.
constexpr const char* kLanguageChoices[] = {"it", "en", "zh", "fr", "de", "es",
                                            "pt", "ru", "ja", "ko", "ar"};
constexpr std::size_t kLanguageSlots = 4;  // fluency ranks shown in the form
constexpr std::size_t kProposalsShown = 50;
constexpr int kDefaultTopK = 10;

// All values of a repeated form field, in order.
std::vector<std::string> FormFields(const api::HttpRequest& request, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [k, v] : api::ParseQuery(request.body)) {
    if (k == name) out.push_back(v);
  }
  return out;
}

std::vector<SessionId> SessionIds(const api::HttpRequest& request) {
  std::vector<SessionId> out;
  for (const std::string& v : FormFields(request, "sessions")) {
    if (const long long id = std::atoll(v.c_str()); id > 0) out.emplace_back(id);
  }
  return out;
}

// {"email": "…", "languages": "… · …"}: each field's errors in the reader's
// language ("field_" + code, with {value} filled in).
Json ErrorsByField(const std::vector<FieldError>& errors, const Site& site,
                   std::string_view locale) {
  Json out = Json::object();
  for (const FieldError& e : errors) {
    std::string text = site.T(locale, "field_" + e.code);
    if (const std::size_t at = text.find("{value}"); at != std::string::npos) {
      text.replace(at, 7, e.value);
    }
    const std::string previous = out.value(e.field, std::string());
    out[e.field] = previous.empty() ? text : previous + " · " + text;
  }
  return out;
}

std::string SessionLabel(const Session& s, const Event& e, std::string_view locale) {
  std::string place = s.city + (s.venue.empty() ? "" : ", " + s.venue);
  return FormatDay(s.start, e.time_zone, locale) + " · " +
         FormatTime(s.start, e.time_zone, locale) + "–" + FormatTime(s.end, e.time_zone, locale) +
         " · " + place;
}

// Checkboxes for the event's sessions, `chosen` checked.
Json SessionChoices(const std::vector<Session>& sessions, const std::vector<SessionId>& chosen,
                    const Event& e, std::string_view locale) {
  Json out = Json::array();
  for (const Session& s : sessions) {
    out.push_back({{"id", s.id.value()},
                   {"label", SessionLabel(s, e, locale)},
                   {"checked", std::find(chosen.begin(), chosen.end(), s.id) != chosen.end()}});
  }
  return out;
}

// A form rendered on its own (the pages embed it): the messages, the CSRF
// token and the event come along.
std::string RenderForm(const Site& site, const RequestContext& c, std::string_view name,
                       Json form) {
  form["t"] = site.Messages(c.Locale());
  form["csrf"] = c.actor->csrf_token;
  form["event_key"] = c.event->key;
  return site.Render(name, form);
}

// ---- delegates ------------------------------------------------------------------------------

// The values a delegate form shows: a stored person or what was just typed.
Json DelegateForm(const service::PersonDraft& d, const std::vector<Session>& sessions,
                  const Event& e, const Site& site, std::string_view locale) {
  std::vector<std::string> codes(std::begin(kLanguageChoices), std::end(kLanguageChoices));
  for (const std::string& lang : d.languages) {
    if (!lang.empty() && std::find(codes.begin(), codes.end(), lang) == codes.end()) {
      codes.push_back(lang);
    }
  }
  Json ranks = Json::array();
  const std::size_t slots = std::max(kLanguageSlots, d.languages.size() + 1);
  for (std::size_t rank = 0; rank < slots; ++rank) {
    const std::string chosen = rank < d.languages.size() ? d.languages[rank] : "";
    Json options = Json::array();
    options.push_back(
        {{"value", ""}, {"label", site.T(locale, "language_none")}, {"selected", chosen.empty()}});
    for (const std::string& code : codes) {
      options.push_back({{"value", code},
                         {"label", LanguageName(code, locale) + " (" + code + ")"},
                         {"selected", code == chosen}});
    }
    ranks.push_back({{"rank", rank + 1}, {"options", options}});
  }
  const std::string form_id = d.id.valid() ? std::to_string(d.id.value()) : "new";
  return {{"form_id", form_id},
          {"id", d.id.value()},
          {"version", d.version},
          {"given_name", d.given_name},
          {"family_name", d.family_name},
          {"name_latin", d.name_latin},
          {"role", d.role},
          {"email", d.email},
          {"needs_interpreter", d.needs_interpreter},
          {"ranks", ranks},
          {"sessions", SessionChoices(sessions, d.sessions, e, locale)},
          {"err", Json::object()},
          {"conflict", false},
          {"open", false}};
}

service::PersonDraft DraftOf(const Person& p, int version, const std::vector<Session>& sessions) {
  service::PersonDraft d{.id = p.id,
                         .version = version,
                         .organization = p.organization,
                         .given_name = p.given_name,
                         .family_name = p.family_name,
                         .name_latin = p.name_latin,
                         .role = p.role,
                         .email = p.email,
                         .languages = p.languages,
                         .needs_interpreter = p.needs_interpreter};
  for (const SessionId id : p.sessions) {
    if (std::any_of(sessions.begin(), sessions.end(),
                    [&](const Session& s) { return s.id == id; })) {
      d.sessions.push_back(id);
    }
  }
  return d;
}

service::PersonDraft DraftFromForm(const RequestContext& c, OrganizationId org) {
  return {.id = PersonId(std::atoll(c.Param("person").c_str())),
          .version = std::atoi(FormField(c.request, "version").c_str()),
          .organization = org,
          .given_name = FormField(c.request, "given_name"),
          .family_name = FormField(c.request, "family_name"),
          .name_latin = FormField(c.request, "name_latin"),
          .role = FormField(c.request, "role"),
          .email = FormField(c.request, "email"),
          .languages = FormFields(c.request, "languages"),
          .needs_interpreter = FormField(c.request, "needs_interpreter") == "on",
          .sessions = SessionIds(c.request)};
}

// What went wrong with one delegate form, to show beside it.
struct DelegateProblem {
  service::PersonDraft draft;  // what was typed
  std::vector<FieldError> errors;
  std::string message;  // a conflict or another refusal
  bool conflict = false;
};

HttpResponse DelegatesPage(RequestContext& c, const Site& site,
                           const std::optional<DelegateProblem>& problem, std::string notice) {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  const OrganizationId mine = c.actor->OrganizationIn(e.id);
  auto people = service::DelegatesOf(c.store, *c.actor, e, mine);
  if (!people.ok()) return ErrorPage(c, site, people.status());
  auto sessions = c.store.ListSessions(e.id);
  if (!sessions.ok()) return ErrorPage(c, site, sessions.status());
  Json list = Json::array();
  for (const service::VersionedPerson& vp : *people) {
    const service::PersonDraft stored = DraftOf(vp.person, vp.version, *sessions);
    const bool here = problem && problem->draft.id == vp.person.id;
    // A conflict shows what is stored now (the form carries the new
    // version); other refusals keep what the reader typed.
    Json form = DelegateForm(here && !problem->conflict ? problem->draft : stored, *sessions, e,
                             site, locale);
    if (here && !problem->conflict) form["version"] = problem->draft.version;
    std::vector<std::string> languages;
    for (const std::string& lang : vp.person.languages) {
      languages.push_back(LanguageName(lang, locale));
    }
    Json attends = Json::array();
    for (const Session& s : *sessions) {
      if (std::find(stored.sessions.begin(), stored.sessions.end(), s.id) !=
          stored.sessions.end()) {
        attends.push_back(SessionLabel(s, e, locale));
      }
    }
    if (attends.empty()) attends.push_back(site.T(locale, "every_session"));
    Json item{
        {"name", vp.person.name_latin.empty() ? vp.person.given_name + " " + vp.person.family_name
                                              : vp.person.family_name + vp.person.given_name +
                                                    " (" + vp.person.name_latin + ")"},
        {"role", vp.person.role},
        {"languages", languages},
        {"attends", attends},
        {"needs_interpreter", vp.person.needs_interpreter},
        {"form", form}};
    if (here) {
      item["form"]["err"] = ErrorsByField(problem->errors, site, locale);
      item["form"]["open"] = true;
      item["form"]["conflict"] = problem->conflict;
      item["form"]["message"] = problem->message;
    }
    item["form"]["action"] = "/events/" + e.key + "/people/" + std::to_string(vp.person.id.value());
    item["form"]["submit"] = site.T(locale, "save");
    item["form_html"] = RenderForm(site, c, "person_form", item["form"]);
    list.push_back(item);
  }
  const bool new_here = problem && !problem->draft.id.valid();
  Json add = DelegateForm(
      new_here ? problem->draft : service::PersonDraft{.organization = mine, .languages = {locale}},
      *sessions, e, site, locale);
  if (new_here) {
    add["err"] = ErrorsByField(problem->errors, site, locale);
    add["message"] = problem->message;
  }
  add["action"] = "/events/" + e.key + "/people";
  add["submit"] = site.T(locale, "add_person");
  return Page(c, site, "people", "people_title",
              {{"people", list},
               {"add_html", RenderForm(site, c, "person_form", add)},
               {"has_sessions", !sessions->empty()},
               {"notice", notice.empty() ? Json(false) : Json(notice)}},
              kFormShownAgain);
}

HttpResponse SaveDelegate(RequestContext& c, const Site& site) {
  const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
  DelegateProblem problem{.draft = DraftFromForm(c, mine)};
  auto saved =
      service::SavePerson(c.store, c.clock, *c.actor, *c.event, problem.draft, problem.errors);
  if (saved.ok()) {
    return HttpResponse::Redirect("/events/" + c.event->key + "/people?saved=1");
  }
  if (saved.status().code() == StatusCode::kFailedPrecondition) {
    problem.conflict = true;
    problem.message = site.T(c.Locale(), "person_conflict");
  } else if (problem.errors.empty()) {
    problem.message = StatusText(site, c.Locale(), saved.status());
  } else {
    problem.message = site.T(c.Locale(), "form_has_errors");
  }
  return DelegatesPage(c, site, problem, "");
}

// ---- the organizers' set-up -------------------------------------------------------------

struct SetupProblem {
  std::string
      form;     // "event", "session:<key>", "session:new", "interpreter:<key>", "interpreter:new"
  Json values;  // what was typed
  std::vector<FieldError> errors;
  std::string message;
};

Json SessionForm(const Session& s, const Event& e, std::string_view locale) {
  auto clock = [&](Instant t) {
    auto civil = ToCivil(t, e.time_zone);
    return civil.ok() ? FormatClock(Minutes(civil->hour * 60 + civil->minute)) : std::string();
  };
  std::string breaks;
  for (const Interval& br : s.breaks) {
    breaks += (breaks.empty() ? "" : ", ") + clock(br.start) + "-" + clock(br.end);
  }
  (void)locale;
  return {{"key", s.key},
          {"date", FormatDate(s.date)},
          {"city", s.city},
          {"venue", s.venue},
          {"start", clock(s.start)},
          {"end", clock(s.end)},
          {"slot_minutes", std::to_string(s.slot_length.count())},
          {"tables", std::to_string(s.tables)},
          {"breaks", breaks}};
}

HttpResponse SetupPage(RequestContext& c, const Site& site, const std::optional<SetupProblem>& p,
                       std::string notice) {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  auto sessions = c.store.ListSessions(e.id);
  auto interpreters = c.store.ListInterpreters(e.id);
  if (!sessions.ok()) return ErrorPage(c, site, sessions.status());
  if (!interpreters.ok()) return ErrorPage(c, site, interpreters.status());
  auto problem_for = [&](const std::string& form) -> const SetupProblem* {
    return p && p->form == form ? &*p : nullptr;
  };
  auto with_problem = [&](Json values, const std::string& form) {
    values["err"] = Json::object();
    values["open"] = false;
    if (const SetupProblem* here = problem_for(form)) {
      for (auto& [k, v] : here->values.items()) values[k] = v;
      values["err"] = ErrorsByField(here->errors, site, locale);
      values["message"] = here->message;
      values["open"] = true;
    }
    return values;
  };
  // The sessions ticked in an interpreter form: as posted when it was
  // refused, else as stored.
  auto chosen_sessions = [&](const std::string& form, std::vector<SessionId> stored) {
    if (const SetupProblem* here = problem_for(form)) {
      stored.clear();
      for (const Json& id : here->values.value("session_ids", Json::array())) {
        stored.emplace_back(id.get<std::int64_t>());
      }
    }
    return stored;
  };

  // The event: days, zone, venues, themes.
  std::string venues;
  for (const Venue& v : e.venues) venues += v.city + "; " + v.name + "\n";
  std::set<std::string> chosen(e.themes.begin(), e.themes.end());
  if (const SetupProblem* here = problem_for("event")) {
    chosen.clear();
    for (const Json& t : here->values.value("themes", Json::array()))
      chosen.insert(t.get<std::string>());
  }
  Json themes = Json::array();
  for (const Theme& t : site.taxonomy().themes()) {
    themes.push_back({{"value", t.code},
                      {"label", t.label.Best(locale).first},
                      {"sub", !t.parent.empty()},
                      {"checked", chosen.contains(t.code)}});
  }
  Json event_form = with_problem({{"start_date", FormatDate(e.start_date)},
                                  {"end_date", FormatDate(e.end_date)},
                                  {"time_zone", e.time_zone},
                                  {"venues", venues},
                                  {"themes", themes}},
                                 "event");
  event_form["themes"] = themes;

  // Sessions, each with its edit form, and the form for a new one.
  std::set<std::string> cities;
  for (const Venue& v : e.venues) cities.insert(v.city);
  Json session_rows = Json::array();
  for (const Session& s : *sessions) {
    std::string breaks;
    for (const Interval& br : s.breaks) {
      breaks += (breaks.empty() ? "" : ", ") + FormatTime(br.start, e.time_zone, locale) + "–" +
                FormatTime(br.end, e.time_zone, locale);
    }
    session_rows.push_back(
        {{"key", s.key},
         {"day", FormatDay(s.start, e.time_zone, locale)},
         {"time",
          FormatTime(s.start, e.time_zone, locale) + "–" + FormatTime(s.end, e.time_zone, locale)},
         {"place", s.city + (s.venue.empty() ? "" : ", " + s.venue)},
         {"slot_minutes", FormatNumber(static_cast<double>(s.slot_length.count()), locale)},
         {"slots", FormatNumber(static_cast<double>(SlotsOf(s).size()), locale)},
         {"tables", FormatNumber(s.tables, locale)},
         {"breaks", breaks},
         {"form", with_problem(SessionForm(s, e, locale), "session:" + s.key)}});
    Json& form = session_rows.back()["form"];
    form["form_id"] = s.key;
    form["is_new"] = false;
    form["action"] = "/events/" + e.key + "/setup/sessions/" + api::PercentEncode(s.key);
    session_rows.back()["key_url"] = api::PercentEncode(s.key);
    form["submit"] = site.T(locale, "save");
    session_rows.back()["form_html"] = RenderForm(site, c, "session_form", form);
  }
  Json new_session = with_problem({{"key", ""},
                                   {"date", FormatDate(e.start_date)},
                                   {"city", cities.empty() ? "" : *cities.begin()},
                                   {"venue", ""},
                                   {"start", "09:00"},
                                   {"end", "12:30"},
                                   {"slot_minutes", "30"},
                                   {"tables", "10"},
                                   {"breaks", ""}},
                                  "session:new");
  new_session["form_id"] = "new";
  new_session["is_new"] = true;
  new_session["action"] = "/events/" + e.key + "/setup/sessions";
  new_session["submit"] = site.T(locale, "add_session");

  // Interpreters.
  std::unordered_map<std::int64_t, const Session*> by_id;
  for (const Session& s : *sessions) by_id[s.id.value()] = &s;
  Json interpreter_rows = Json::array();
  for (const Interpreter& in : *interpreters) {
    std::string pairs, pair_codes, attends;
    for (const LanguagePair& lp : in.pairs) {
      pairs += (pairs.empty() ? "" : ", ") + LanguageName(lp.a, locale) + " ⇄ " +
               LanguageName(lp.b, locale);
      pair_codes += (pair_codes.empty() ? "" : ", ") + lp.a + "-" + lp.b;
    }
    for (const SessionId id : in.sessions) {
      if (auto it = by_id.find(id.value()); it != by_id.end()) {
        attends += (attends.empty() ? "" : "; ") + SessionLabel(*it->second, e, locale);
      }
    }
    const std::string form_name = "interpreter:" + in.key;
    Json form = with_problem({{"name", in.name}, {"pairs", pair_codes}}, form_name);
    form["sessions"] =
        SessionChoices(*sessions, chosen_sessions(form_name, in.sessions), e, locale);
    form["form_id"] = in.key;
    form["action"] = "/events/" + e.key + "/setup/interpreters/" + api::PercentEncode(in.key);
    form["submit"] = site.T(locale, "save");
    interpreter_rows.push_back(
        {{"key", in.key},
         {"key_url", api::PercentEncode(in.key)},
         {"name", in.name},
         {"pairs", pairs},
         {"attends", attends.empty() ? site.T(locale, "every_session") : attends},
         {"form", form},
         {"form_html", RenderForm(site, c, "interpreter_form", form)}});
  }
  Json new_interpreter = with_problem({{"name", ""}, {"pairs", ""}}, "interpreter:new");
  new_interpreter["sessions"] =
      SessionChoices(*sessions, chosen_sessions("interpreter:new", {}), e, locale);
  new_interpreter["form_id"] = "new";
  new_interpreter["action"] = "/events/" + e.key + "/setup/interpreters";
  new_interpreter["submit"] = site.T(locale, "add_interpreter");

  Json city_options = Json::array();
  for (const std::string& city : cities) city_options.push_back(city);
  Json venue_options = Json::array();
  for (const Venue& v : e.venues) venue_options.push_back(v.name);
  return Page(
      c, site, "setup", "setup_title",
      {{"event_form", event_form},
       {"zone", ZoneName(e.time_zone, locale)},
       {"sessions", session_rows},
       {"new_session_html", RenderForm(site, c, "session_form", new_session)},
       {"cities", city_options},
       {"venue_names", venue_options},
       {"interpreters", interpreter_rows},
       {"new_interpreter_html", RenderForm(site, c, "interpreter_form", new_interpreter)},
       {"notice", notice.empty() ? Json(false) : Json(notice)},
       {"error", p && p->errors.empty() && !p->message.empty() ? Json(p->message) : Json(false)}},
      kFormShownAgain);
}

// Shows the set-up page again after a refused form (field errors beside the
// fields, anything else at the top).
HttpResponse SetupRefused(RequestContext& c, const Site& site, SetupProblem problem,
                          const Status& status) {
  problem.message = problem.errors.empty() ? StatusText(site, c.Locale(), status)
                                           : site.T(c.Locale(), "form_has_errors");
  return SetupPage(c, site, problem, "");
}

HttpResponse SaveSessionForm(RequestContext& c, const Site& site, const std::string& key) {
  service::SessionDraft d{.key = key.empty() ? std::string(Trim(FormField(c.request, "key"))) : key,
                          .is_new = key.empty(),
                          .date = FormField(c.request, "date"),
                          .city = FormField(c.request, "city"),
                          .venue = FormField(c.request, "venue"),
                          .start = FormField(c.request, "start"),
                          .end = FormField(c.request, "end"),
                          .slot_minutes = FormField(c.request, "slot_minutes"),
                          .tables = FormField(c.request, "tables"),
                          .breaks = FormField(c.request, "breaks")};
  SetupProblem problem{.form = key.empty() ? "session:new" : "session:" + key,
                       .values = {{"key", d.key},
                                  {"date", d.date},
                                  {"city", d.city},
                                  {"venue", d.venue},
                                  {"start", d.start},
                                  {"end", d.end},
                                  {"slot_minutes", d.slot_minutes},
                                  {"tables", d.tables},
                                  {"breaks", d.breaks}}};
  auto saved = service::SaveSession(c.store, c.clock, *c.actor, *c.event, d, problem.errors);
  if (!saved.ok()) return SetupRefused(c, site, std::move(problem), saved.status());
  return HttpResponse::Redirect("/events/" + c.event->key +
                                "/setup?saved=" + api::PercentEncode(*saved) + "#sessions-h");
}

HttpResponse SaveInterpreterForm(RequestContext& c, const Site& site, const std::string& key) {
  service::InterpreterDraft d{.key = key,
                              .is_new = key.empty(),
                              .name = FormField(c.request, "name"),
                              .pairs = FormField(c.request, "pairs"),
                              .sessions = SessionIds(c.request)};
  Json ids = Json::array();
  for (const SessionId id : d.sessions) ids.push_back(id.value());
  SetupProblem problem{.form = key.empty() ? "interpreter:new" : "interpreter:" + key,
                       .values = {{"name", d.name}, {"pairs", d.pairs}, {"session_ids", ids}}};
  auto saved = service::SaveInterpreter(c.store, c.clock, *c.actor, *c.event, d, problem.errors);
  if (!saved.ok()) return SetupRefused(c, site, std::move(problem), saved.status());
  return HttpResponse::Redirect("/events/" + c.event->key +
                                "/setup?saved=interpreter#interpreters-h");
}

// ---- matching ---------------------------------------------------------------------------------

Json MatchingJobData(const Job& job, RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  const bool running = job.state == JobState::kQueued || job.state == JobState::kRunning;
  Json d{{"id", job.id.value()},
         {"event", c.event->key},
         {"running", running},
         {"succeeded", job.state == JobState::kSucceeded},
         {"failed", job.state == JobState::kFailed || job.state == JobState::kCancelled},
         {"state", site.T(locale, "job_" + std::string(ToCode(job.state)))},
         {"error", job.error},
         {"t", site.Messages(locale)},
         {"csrf", c.actor->csrf_token}};
  const Json progress = Json::parse(job.progress.empty() ? "{}" : job.progress, nullptr, false);
  const std::string phase = progress.is_object() ? progress.value("phase", "queued") : "queued";
  const double done = progress.is_object() ? progress.value("done", 0.0) : 0;
  const double total = progress.is_object() ? progress.value("total", 0.0) : 0;
  const double fraction = total > 0 ? std::min(1.0, done / total) : 0.0;
  d["phase"] = site.T(locale, "match_phase_" + phase);
  d["fraction"] = fraction;
  d["percent"] = FormatPercent(fraction, locale);
  d["done"] = FormatNumber(done, locale);
  d["total"] = FormatNumber(total, locale);
  d["elapsed"] = FormatNumber(static_cast<double>(static_cast<int>(
                                  progress.is_object() ? progress.value("elapsed_s", 0.0) : 0.0)),
                              locale);
  const Json result = Json::parse(job.result.empty() ? "{}" : job.result, nullptr, false);
  d["result"] = false;
  if (result.is_object() && result.contains("proposals")) {
    std::unordered_map<std::int64_t, Organization> orgs;
    if (auto all = c.store.ListOrganizations(); all.ok()) {
      for (Organization& o : *all) orgs.emplace(o.id.value(), std::move(o));
    }
    auto name = [&](std::int64_t id) {
      auto it = orgs.find(id);
      return it == orgs.end() ? Localized(LocalizedText(), locale)
                              : Localized(it->second.name, locale);
    };
    Json rows = Json::array();
    for (const Json& p : result["proposals"]) {
      if (rows.size() >= kProposalsShown) break;
      rows.push_back({{"a", name(p.value("from", std::int64_t{0}))},
                      {"b", name(p.value("to", std::int64_t{0}))},
                      {"score", FormatNumber(p.value("score", 0), locale)}});
    }
    const std::size_t count = result["proposals"].size();
    d["result"] = {
        {"organizations", FormatNumber(result.value("organizations", 0.0), locale)},
        {"recommendations", FormatNumber(result.value("recommendations", 0.0), locale)},
        {"proposals", FormatNumber(static_cast<double>(count), locale)},
        {"has_proposals", count > 0},
        {"more", count > kProposalsShown},
        {"time", FormatNumber(std::round(result.value("time_s", 0.0) * 10) / 10, locale)},
        {"rows", rows}};
  }
  return d;
}

HttpResponse MatchingPage(RequestContext& c, const Site& site, std::string error) {
  const std::string locale = c.Locale();
  std::string job_html;
  if (auto id = c.request.Query("job")) {
    auto job = service::GetJobFor(c.store, *c.actor, JobId(std::atoll(id->c_str())));
    if (job.ok() && job->kind == service::kMatchingJobKind) {
      job_html = site.Render("matching_job", MatchingJobData(*job, c, site));
    }
  }
  Json notice = false;
  if (auto proposed = c.request.Query("proposed")) {
    std::string text = site.T(locale, "matching_proposed");
    if (const std::size_t at = text.find("{count}"); at != std::string::npos) {
      text.replace(at, 7, FormatNumber(std::atof(proposed->c_str()), locale));
    }
    notice = text;
  }
  std::size_t accepted = 0;
  if (auto requests = c.store.ListRequests(c.event->id); requests.ok()) {
    accepted = static_cast<std::size_t>(std::count_if(
        requests->begin(), requests->end(),
        [](const MeetingRequest& r) { return r.status == RequestStatus::kAccepted; }));
  }
  return Page(c, site, "matching", "matching_title",
              {{"job_html", job_html},
               {"top_k", kDefaultTopK},
               {"accepted", FormatNumber(static_cast<double>(accepted), locale)},
               {"notice", notice},
               {"error", error.empty() ? Json(false) : Json(error)}},
              kFormShownAgain);
}

}  // namespace

void AddSetupPages(api::App& app, std::shared_ptr<const Site> site) {
  api::Router& r = app.router();
  const EventPages page(r);

  // Delegates.
  page("GET", "/events/{event}/people", "your organization's delegates", {Role::kParticipant},
       [site](RequestContext& c) -> Result<HttpResponse> {
         return DelegatesPage(c, *site, std::nullopt,
                              c.request.Query("saved")     ? site->T(c.Locale(), "saved")
                              : c.request.Query("removed") ? site->T(c.Locale(), "person_removed")
                                                           : "");
       });
  page("POST", "/events/{event}/people", "add a delegate (form)", {Role::kParticipant},
       [site](RequestContext& c) -> Result<HttpResponse> { return SaveDelegate(c, *site); });
  page("POST", "/events/{event}/people/{person}",
       "change a delegate: names, languages, sessions (form; stale versions refused)",
       {Role::kParticipant},
       [site](RequestContext& c) -> Result<HttpResponse> { return SaveDelegate(c, *site); });
  page("POST", "/events/{event}/people/{person}/remove", "remove a delegate (form)",
       {Role::kParticipant}, [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("person"));
         const OrganizationId mine = c.actor->OrganizationIn(c.event->id);
         const int version = std::atoi(FormField(c.request, "version").c_str());
         Status s = service::RemovePerson(c.store, c.clock, *c.actor, *c.event, mine, PersonId(id),
                                          version);
         if (!s.ok()) {
           DelegateProblem problem;
           problem.draft.id = PersonId(id);
           problem.conflict = s.code() == StatusCode::kFailedPrecondition;
           problem.message = problem.conflict ? site->T(c.Locale(), "person_conflict")
                                              : StatusText(*site, c.Locale(), s);
           return DelegatesPage(c, *site, problem, "");
         }
         return HttpResponse::Redirect("/events/" + c.event->key + "/people?removed=1");
       });

  // The organizers' set-up.
  page("GET", "/events/{event}/setup", "event set-up: days, venues, themes, sessions, interpreters",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         std::string notice;
         if (c.request.Query("saved")) notice = site->T(c.Locale(), "saved");
         if (auto removed = c.request.Query("removed")) {
           notice = site->T(c.Locale(),
                            *removed == "session" ? "session_removed" : "interpreter_removed");
         }
         return SetupPage(c, *site, std::nullopt, notice);
       });
  page("POST", "/events/{event}/setup/event", "the event's days, zone, venues and themes (form)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         service::EventDraft d{.start_date = FormField(c.request, "start_date"),
                               .end_date = FormField(c.request, "end_date"),
                               .time_zone = FormField(c.request, "time_zone"),
                               .venues = FormField(c.request, "venues"),
                               .themes = FormFields(c.request, "themes")};
         SetupProblem problem{.form = "event",
                              .values = {{"start_date", d.start_date},
                                         {"end_date", d.end_date},
                                         {"time_zone", d.time_zone},
                                         {"venues", d.venues},
                                         {"themes", d.themes}}};
         Status s = service::SaveEventSetup(c.store, c.clock, *c.actor, *c.event, site->taxonomy(),
                                            d, problem.errors);
         if (!s.ok()) return SetupRefused(c, *site, std::move(problem), s);
         return HttpResponse::Redirect("/events/" + c.event->key + "/setup?saved=event");
       });
  page("POST", "/events/{event}/setup/sessions", "add a session (form)", {Role::kOrganizer},
       [site](RequestContext& c) -> Result<HttpResponse> { return SaveSessionForm(c, *site, ""); });
  page("POST", "/events/{event}/setup/sessions/{key}", "change a session (form)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         return SaveSessionForm(c, *site, c.Param("key"));
       });
  page("POST", "/events/{event}/setup/sessions/{key}/remove", "remove a session (form)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         const std::string key = c.Param("key");
         Status s = service::RemoveSession(c.store, c.clock, *c.actor, *c.event, key);
         if (!s.ok()) return SetupRefused(c, *site, {.form = "remove"}, s);
         return HttpResponse::Redirect("/events/" + c.event->key +
                                       "/setup?removed=session#sessions-h");
       });
  page("POST", "/events/{event}/setup/interpreters", "add an interpreter (form)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         return SaveInterpreterForm(c, *site, "");
       });
  page("POST", "/events/{event}/setup/interpreters/{key}", "change an interpreter (form)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         return SaveInterpreterForm(c, *site, c.Param("key"));
       });
  page("POST", "/events/{event}/setup/interpreters/{key}/remove", "remove an interpreter (form)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         const std::string key = c.Param("key");
         Status s = service::RemoveInterpreter(c.store, c.clock, *c.actor, *c.event, key);
         if (!s.ok()) return SetupRefused(c, *site, {.form = "remove"}, s);
         return HttpResponse::Redirect("/events/" + c.event->key +
                                       "/setup?removed=interpreter#interpreters-h");
       });

  // Matching.
  page("GET", "/events/{event}/matching", "run matching and propose meetings", {Role::kOrganizer},
       [site](RequestContext& c) -> Result<HttpResponse> { return MatchingPage(c, *site, ""); });
  page("POST", "/events/{event}/matching/jobs", "start a matching job (form or htmx)",
       {Role::kOrganizer}, [&app, site](RequestContext& c) -> Result<HttpResponse> {
         service::MatchingJobParameters p{.data_dir = app.options().data_dir};
         if (const int k = std::atoi(FormField(c.request, "top_k").c_str()); k > 0) p.top_k = k;
         auto job = service::StartMatchingJob(c.store, c.clock, *c.actor, *c.event, p);
         if (!job.ok()) return MatchingPage(c, *site, StatusText(*site, c.Locale(), job.status()));
         if (IsHtmx(c.request)) {
           return HttpResponse::Html(200,
                                     site->Render("matching_job", MatchingJobData(*job, c, *site)));
         }
         return HttpResponse::Redirect("/events/" + c.event->key +
                                       "/matching?job=" + std::to_string(job->id.value()));
       });
  page("GET", "/events/{event}/matching/jobs/{id}", "a matching job's progress (htmx fragment)",
       {Role::kOrganizer}, [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         PONTE_ASSIGN_OR_RETURN(Job job, service::GetJobFor(c.store, *c.actor, JobId(id)));
         return HttpResponse::Html(200,
                                   site->Render("matching_job", MatchingJobData(job, c, *site)));
       });
  page("POST", "/events/{event}/matching/jobs/{id}/propose",
       "propose a matching job's mutual pairs as accepted requests (form)", {Role::kOrganizer},
       [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         auto added = service::ProposeMatches(c.store, c.clock, *c.actor, *c.event, JobId(id));
         if (!added.ok()) {
           return MatchingPage(c, *site, StatusText(*site, c.Locale(), added.status()));
         }
         return HttpResponse::Redirect("/events/" + c.event->key +
                                       "/matching?job=" + std::to_string(id) +
                                       "&proposed=" + std::to_string(added->size()));
       });
}

}  // namespace ponte::web
