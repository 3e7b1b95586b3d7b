// Outcome pages: participants report and edit what came of their meetings
// (the follow-up ladder as radio buttons with explanations, partners taken
// from their meetings); the support office validates or rejects (the queue);
// organizers list every outcome with filters. Every decision is made in
// service/outcomes.h; refused forms come back with the reason and the input.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "api/json.h"
#include "core/utf8.h"
#include "service/outcomes.h"
#include "service/workflow.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::kParticipantsAndStaff;
using api::kStaff;
using api::RequestContext;

// A refused form is shown again with the reason, as a page (200).
constexpr int kFormShownAgain = 200;
constexpr const char* kCurrencies[] = {"EUR", "CNY", "USD"};

std::vector<std::string> FormFields(const api::HttpRequest& request, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [k, v] : api::ParseQuery(request.body)) {
    if (k == name && !v.empty()) out.push_back(v);
  }
  return out;
}

std::string Base(const RequestContext& c) { return "/events/" + c.event->key + "/outcomes"; }

std::unordered_map<std::int64_t, Organization> OrganizationsById(Store& store) {
  std::unordered_map<std::int64_t, Organization> out;
  if (auto all = store.ListOrganizations(); all.ok()) {
    for (Organization& o : *all) out.emplace(o.id.value(), std::move(o));
  }
  return out;
}

Json NameOf(const std::unordered_map<std::int64_t, Organization>& orgs, OrganizationId id,
            std::string_view locale) {
  auto it = orgs.find(id.value());
  return it == orgs.end() ? Json{{"text", "#" + std::to_string(id.value())}}
                          : Localized(it->second.name, locale);
}

std::string FormatValue(const Outcome& o, std::string_view locale) {
  if (!o.value) return "";
  return FormatNumber(*o.value, locale) + " " + o.currency;
}

// An outcome as the list shows it.
Json OutcomeItem(RequestContext& c, const Site& site, const Outcome& o,
                 const std::unordered_map<std::int64_t, Organization>& orgs) {
  const std::string locale = c.Locale();
  Json names = Json::array();
  for (OrganizationId id : o.organizations) names.push_back(NameOf(orgs, id, locale));
  const std::string review(ToCode(o.review));
  return {
      {"id", o.id.value()},
      {"version", o.version},
      {"title", o.title},
      {"stage", site.T(locale, "outcome_stage_" + std::string(ToCode(o.stage)))},
      {"stage_code", std::string(ToCode(o.stage))},
      {"kind", site.T(locale, "outcome_kind_" + std::string(ToCode(o.kind)))},
      {"date", FormatDate(o.date)},
      {"end_date", o.end_date ? Json(FormatDate(*o.end_date)) : Json(false)},
      {"value", o.value ? Json(FormatValue(o, locale)) : Json(false)},
      {"notes", o.notes.empty() ? Json(false) : Json(o.notes)},
      {"organizations", names},
      {"reported_for", o.reported_for.valid() ? NameOf(orgs, o.reported_for, locale) : Json(false)},
      {"review", site.T(locale, "outcome_review_" + review)},
      {"review_code", review},
      {"review_note", o.review_note.empty() ? Json(false) : Json(o.review_note)},
      {"pending", o.review == OutcomeReview::kReported},
      {"can_edit", service::MayEditOutcome(*c.actor, *c.event, o)},
      {"can_delete", service::MayEditOutcome(*c.actor, *c.event, o) &&
                         (c.actor->IsStaff(c.event->id) || o.review != OutcomeReview::kValidated)},
      {"can_review", c.actor->IsStaff(c.event->id)}};
}

Json CodeOptions(const Site& site, std::string_view locale, std::string_view prefix,
                 const std::vector<std::string>& codes, const std::string& selected) {
  Json out = Json::array();
  for (const std::string& code : codes) {
    out.push_back({{"value", code},
                   {"label", site.T(locale, std::string(prefix) + code)},
                   {"selected", code == selected}});
  }
  return out;
}

std::vector<std::string> StageCodes() {
  std::vector<std::string> out;
  for (OutcomeStage s : AllOutcomeStages()) out.emplace_back(ToCode(s));
  return out;
}
std::vector<std::string> KindCodes() {
  std::vector<std::string> out;
  for (OutcomeKind k : AllOutcomeKinds()) out.emplace_back(ToCode(k));
  return out;
}

// The list: a participant's outcomes; for staff the validation queue and
// every outcome with filters (?stage=, ?kind=, ?review=, ?organization=).
HttpResponse ListPage(RequestContext& c, const Site& site, const std::string& error) {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  const bool staff = c.actor->IsStaff(e.id);
  service::OutcomeQuery query;
  const std::string stage = c.request.Query("stage").value_or("");
  const std::string kind = c.request.Query("kind").value_or("");
  const std::string review = c.request.Query("review").value_or("");
  const std::string organization = c.request.Query("organization").value_or("");
  if (auto s = ParseOutcomeStage(stage); s.ok()) query.stage = *s;
  if (auto k = ParseOutcomeKind(kind); k.ok()) query.kind = *k;
  if (auto r = ParseOutcomeReview(review); r.ok()) query.review = *r;
  if (staff) query.organization = OrganizationId(std::atoll(organization.c_str()));
  auto outcomes = service::VisibleOutcomes(c.store, *c.actor, e, query);
  if (!outcomes.ok()) return ErrorPage(c, site, outcomes.status());
  const auto orgs = OrganizationsById(c.store);
  Json items = Json::array();
  for (const Outcome& o : *outcomes) items.push_back(OutcomeItem(c, site, o, orgs));
  Json queue = Json::array();
  if (staff) {
    auto pending =
        service::VisibleOutcomes(c.store, *c.actor, e, {.review = OutcomeReview::kReported});
    if (pending.ok()) {
      for (const Outcome& o : *pending) queue.push_back(OutcomeItem(c, site, o, orgs));
    }
  }
  Json filter_orgs = Json::array();
  if (staff) {
    if (auto taking_part = service::EventOrganizations(c.store, e); taking_part.ok()) {
      for (const Organization& o : *taking_part) {
        filter_orgs.push_back({{"value", o.id.value()},
                               {"label", Localized(o.name, locale)["text"]},
                               {"selected", std::to_string(o.id.value()) == organization}});
      }
    }
  }
  std::vector<std::string> reviews;
  for (OutcomeReview r :
       {OutcomeReview::kReported, OutcomeReview::kValidated, OutcomeReview::kRejected}) {
    reviews.emplace_back(ToCode(r));
  }
  return Page(c, site, "outcomes", "outcomes_title",
              {{"items", items},
               {"no_items", items.empty()},
               {"staff", staff},
               {"queue", queue},
               {"no_queue", queue.empty()},
               {"can_report", c.actor->IsValidatedParticipant(e.id)},
               {"reported", c.request.Query("reported").has_value()},
               {"saved", c.request.Query("saved").has_value()},
               {"stages", CodeOptions(site, locale, "outcome_stage_", StageCodes(), stage)},
               {"kinds", CodeOptions(site, locale, "outcome_kind_", KindCodes(), kind)},
               {"reviews", CodeOptions(site, locale, "outcome_review_", reviews, review)},
               {"filter_orgs", filter_orgs},
               {"error", error.empty() ? Json(false) : Json(error)}},
              kFormShownAgain);
}

// The outcome the form posted (over `base`, an existing outcome when editing).
// Unparseable values are left for the service to name (an empty date, ...).
Outcome FromForm(const api::HttpRequest& request, Outcome base, std::string* error,
                 const Site& site, std::string_view locale) {
  base.meetings.clear();
  for (const std::string& v : FormFields(request, "meeting")) {
    base.meetings.emplace_back(std::atoll(v.c_str()));
  }
  base.organizations.clear();
  for (const std::string& v : FormFields(request, "partner")) {
    base.organizations.emplace_back(std::atoll(v.c_str()));
  }
  if (auto s = ParseOutcomeStage(FormField(request, "stage")); s.ok()) base.stage = *s;
  if (auto k = ParseOutcomeKind(FormField(request, "kind")); k.ok()) base.kind = *k;
  base.title = FormField(request, "title");
  base.notes = FormField(request, "notes");
  auto date = ParseDate(Trim(FormField(request, "date")));
  if (date.ok()) {
    base.date = *date;
  } else if (error->empty()) {
    *error = site.T(locale, "outcome_date") + ": YYYY-MM-DD";
  }
  const std::string end(Trim(FormField(request, "end_date")));
  base.end_date.reset();
  if (!end.empty()) {
    if (auto d = ParseDate(end); d.ok()) {
      base.end_date = *d;
    } else if (error->empty()) {
      *error = site.T(locale, "outcome_end_date") + ": YYYY-MM-DD";
    }
  }
  const std::string value(Trim(FormField(request, "value")));
  base.value.reset();
  base.currency.clear();
  if (!value.empty()) {
    char* rest = nullptr;
    const double v = std::strtod(value.c_str(), &rest);
    if (rest != nullptr && *rest == '\0' && std::isfinite(v)) {
      base.value = v;
      base.currency = FormField(request, "currency");
    } else if (error->empty()) {
      *error = site.T(locale, "outcome_value") + ": 12500.50";
    }
  }
  return base;
}

// The report/edit form; `o` pre-fills it (a new outcome: today, contact kept).
HttpResponse FormPage(RequestContext& c, const Site& site, const Outcome& o, bool editing,
                      const std::string& error) {
  const std::string locale = c.Locale();
  const Event& e = *c.event;
  const auto orgs = OrganizationsById(c.store);
  const OrganizationId mine =
      o.reported_for.valid() ? o.reported_for : c.actor->OrganizationIn(e.id);
  // Partners: the meetings of the reporting organization (not cancelled).
  Json meetings = Json::array();
  std::vector<OrganizationId> met;
  if (mine.valid()) {
    if (auto list = c.store.ListMeetingsOf(e.id, mine); list.ok()) {
      for (const Meeting& m : *list) {
        if (m.status == MeetingStatus::kCancelled) continue;
        const OrganizationId other = m.a == mine ? m.b : m.a;
        met.push_back(other);
        meetings.push_back(
            {{"id", m.id.value()},
             {"partner", NameOf(orgs, other, locale)},
             {"status", site.T(locale, "outcome_meeting_" + std::string(ToCode(m.status)))},
             {"checked",
              std::find(o.meetings.begin(), o.meetings.end(), m.id) != o.meetings.end()}});
      }
    }
  }
  // Other partners: organizations of the event not met (one may be chosen).
  Json others = Json::array();
  if (auto taking_part = service::EventOrganizations(c.store, e); taking_part.ok()) {
    for (const Organization& org : *taking_part) {
      if (org.id == mine || std::find(met.begin(), met.end(), org.id) != met.end()) continue;
      if (!service::CanSeeOrganization(*c.actor, e, org)) continue;
      const bool named = std::find(o.organizations.begin(), o.organizations.end(), org.id) !=
                         o.organizations.end();
      others.push_back({{"value", org.id.value()},
                        {"label", Localized(org.name, locale)["text"]},
                        {"selected", named}});
    }
  }
  Json stages = Json::array();
  for (OutcomeStage s : AllOutcomeStages()) {
    const std::string code(ToCode(s));
    stages.push_back({{"value", code},
                      {"label", site.T(locale, "outcome_stage_" + code)},
                      {"help", site.T(locale, "outcome_stage_" + code + "_help")},
                      {"checked", s == o.stage}});
  }
  Json currencies = Json::array();
  for (const char* cur : kCurrencies) {
    currencies.push_back({{"value", cur}, {"selected", o.currency == cur}});
  }
  char value[64] = "";
  if (o.value) std::snprintf(value, sizeof value, "%.2f", *o.value);
  return Page(
      c, site, "outcome_form", editing ? "outcomes_form_edit" : "outcomes_form_new",
      {{"editing", editing},
       {"action", editing ? Base(c) + "/" + std::to_string(o.id.value()) : Base(c)},
       {"version", o.version},
       {"resubmits", editing && !c.actor->IsStaff(e.id) && o.review != OutcomeReview::kReported},
       {"title", o.title},
       {"notes", o.notes},
       {"date", FormatDate(o.date)},
       {"end_date", o.end_date ? FormatDate(*o.end_date) : ""},
       {"value", std::string(value)},
       {"currencies", currencies},
       {"stages", stages},
       {"kinds",
        CodeOptions(site, locale, "outcome_kind_", KindCodes(), std::string(ToCode(o.kind)))},
       {"meetings", meetings},
       {"has_meetings", !meetings.empty()},
       {"others", others},
       {"error", error.empty() ? Json(false) : Json(error)}},
      kFormShownAgain);
}

Outcome NewOutcome(const RequestContext& c) {
  Outcome o;
  o.stage = OutcomeStage::kContactKept;
  if (auto now = ToCivil(c.clock.Now(), c.event->time_zone); now.ok()) {
    o.date = {now->year, now->month, now->day};
  }
  return o;
}

}  // namespace

void AddOutcomePages(api::App& app, std::shared_ptr<const Site> site) {
  api::Router& r = app.router();
  const EventPages page(r);

  page("GET", "/events/{event}/outcomes",
       "outcomes: yours, or (staff) the validation queue and all with filters",
       kParticipantsAndStaff,
       [site](RequestContext& c) -> Result<HttpResponse> { return ListPage(c, *site, ""); });
  page("GET", "/events/{event}/outcomes/new", "report an outcome (form)", kParticipantsAndStaff,
       [site](RequestContext& c) -> Result<HttpResponse> {
         Outcome o = NewOutcome(c);
         // ?meeting= pre-selects a meeting (from the agenda or the follow-up mail).
         if (auto m = c.request.Query("meeting")) o.meetings.emplace_back(std::atoll(m->c_str()));
         return FormPage(c, *site, o, false, "");
       });
  page("POST", "/events/{event}/outcomes", "report an outcome (form)", kParticipantsAndStaff,
       [site](RequestContext& c) -> Result<HttpResponse> {
         std::string error;
         Outcome draft = FromForm(c.request, NewOutcome(c), &error, *site, c.Locale());
         if (error.empty()) {
           auto o = service::ReportOutcome(c.store, c.clock, *c.actor, *c.event, draft);
           if (o.ok()) return HttpResponse::Redirect(Base(c) + "?reported=1");
           error = StatusText(*site, c.Locale(), o.status());
         }
         return FormPage(c, *site, draft, false, error);
       });
  page("GET", "/events/{event}/outcomes/{id}/edit", "edit an outcome (form)", kParticipantsAndStaff,
       [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         auto o = service::GetVisibleOutcome(c.store, *c.actor, *c.event, OutcomeId(id));
         if (!o.ok()) return ErrorPage(c, *site, o.status());
         if (!service::MayEditOutcome(*c.actor, *c.event, *o)) {
           return ErrorPage(c, *site,
                            PermissionDeniedError("only the organization that reported the "
                                                  "outcome (or the support office) edits it"));
         }
         return FormPage(c, *site, *o, true, "");
       });
  page("POST", "/events/{event}/outcomes/{id}", "save an edited outcome (form)",
       kParticipantsAndStaff, [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         auto current = service::GetVisibleOutcome(c.store, *c.actor, *c.event, OutcomeId(id));
         if (!current.ok()) return ErrorPage(c, *site, current.status());
         std::string error;
         Outcome changed = FromForm(c.request, *current, &error, *site, c.Locale());
         const int version = std::atoi(FormField(c.request, "version").c_str());
         if (error.empty()) {
           auto saved = service::EditOutcome(c.store, c.clock, *c.actor, *c.event, OutcomeId(id),
                                             changed, version);
           if (saved.ok()) return HttpResponse::Redirect(Base(c) + "?saved=1");
           error = StatusText(*site, c.Locale(), saved.status());
         }
         return FormPage(c, *site, changed, true, error);
       });
  page("POST", "/events/{event}/outcomes/{id}/review",
       "validate or reject an outcome with a note (form)", kStaff,
       [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         const std::string decision = FormField(c.request, "decision");
         auto review = ParseOutcomeReview(decision);
         Status s = review.status();
         if (review.ok()) {
           const std::string version = FormField(c.request, "version");
           std::optional<int> if_match;
           if (!version.empty()) if_match = std::atoi(version.c_str());
           s = service::ReviewOutcome(c.store, c.clock, *c.actor, *c.event, OutcomeId(id), *review,
                                      FormField(c.request, "note"), if_match)
                   .status();
         }
         if (!s.ok()) return ListPage(c, *site, StatusText(*site, c.Locale(), s));
         return HttpResponse::Redirect(Base(c) + "?saved=1");
       });
  page("POST", "/events/{event}/outcomes/{id}/delete", "delete an outcome (form)",
       kParticipantsAndStaff, [site](RequestContext& c) -> Result<HttpResponse> {
         PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
         Status s = service::DeleteOutcome(c.store, c.clock, *c.actor, *c.event, OutcomeId(id),
                                           std::nullopt);
         if (!s.ok()) return ListPage(c, *site, StatusText(*site, c.Locale(), s));
         return HttpResponse::Redirect(Base(c) + "?saved=1");
       });
}

}  // namespace ponte::web
