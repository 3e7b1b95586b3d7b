// Outcomes: what came of the meetings (participants report, the support
// office reviews, organizers see all), and an organization's history across
// editions. Every permission is decided in service/outcomes.h.
#include <cmath>
#include <unordered_map>

#include "api/app.h"
#include "api/json.h"
#include "core/utf8.h"
#include "service/history.h"
#include "service/outcomes.h"

namespace ponte::api {
namespace {

Json OptionalId(std::int64_t id) { return id > 0 ? Json(id) : Json(nullptr); }

// The organizations an outcome names, with their names in the reader's language.
class OrganizationNames {
 public:
  static Result<OrganizationNames> Load(Store& store) {
    OrganizationNames names;
    PONTE_ASSIGN_OR_RETURN(names.all_, store.ListOrganizations());
    for (const Organization& o : names.all_) names.by_id_[o.id.value()] = &o;
    return names;
  }
  Json Of(OrganizationId id, std::string_view locale) const {
    auto it = by_id_.find(id.value());
    if (it == by_id_.end()) return {{"id", id.value()}};
    const Organization& o = *it->second;
    const std::string& name = o.name.Best(locale).first;
    return {{"id", o.id.value()}, {"key", o.key}, {"name", name.empty() ? o.key : name}};
  }

 private:
  std::vector<Organization> all_;
  std::unordered_map<std::int64_t, const Organization*> by_id_;
};

Json OutcomeJson(const Outcome& o, const Event& event, const OrganizationNames& names,
                 std::string_view locale) {
  Json organizations = Json::array();
  for (OrganizationId id : o.organizations) organizations.push_back(names.Of(id, locale));
  Json meetings = Json::array();
  for (MeetingId id : o.meetings) meetings.push_back(id.value());
  return {
      {"id", o.id.value()},
      {"key", o.key},
      {"event", event.key},
      {"organizations", organizations},
      {"meetings", meetings},
      {"request", OptionalId(o.request.value())},
      {"kind", ToCode(o.kind)},
      {"stage", ToCode(o.stage)},
      {"title", o.title},
      {"date", FormatDate(o.date)},
      {"end_date", o.end_date ? Json(FormatDate(*o.end_date)) : Json(nullptr)},
      {"value", o.value ? Json(*o.value) : Json(nullptr)},
      {"currency", o.currency},
      {"notes", o.notes},
      {"review", ToCode(o.review)},
      {"review_note", o.review_note},
      {"reported_by", OptionalId(o.reported_by.value())},
      {"reported_for", o.reported_for.valid() ? names.Of(o.reported_for, locale) : Json(nullptr)},
      {"reviewed_by", OptionalId(o.reviewed_by.value())},
      {"created_at", FormatUtc(o.created_at)},
      {"updated_at", FormatUtc(o.updated_at)},
      {"version", o.version}};
}

Result<std::vector<std::int64_t>> IdList(const Json& body, std::string_view field) {
  auto it = body.find(field);
  std::vector<std::int64_t> out;
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) {
    return InvalidArgumentError("field '" + std::string(field) + "': expected a list of ids");
  }
  for (const Json& v : *it) {
    if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) {
      return InvalidArgumentError("field '" + std::string(field) +
                                  "': expected a list of positive integer ids");
    }
    out.push_back(v.get<std::int64_t>());
  }
  return out;
}

Result<std::string> TextField(const Json& body, std::string_view field) {
  const Json& v = body.at(std::string(field));
  if (!v.is_string()) {
    return InvalidArgumentError("field '" + std::string(field) + "': expected a string");
  }
  return v.get<std::string>();
}

// The fields present in `body` onto `o` (absent ones keep their value, so a
// PUT may send only what changed).
Status ApplyOutcomeJson(const Json& body, Outcome& o) {
  if (body.contains("organizations")) {
    PONTE_ASSIGN_OR_RETURN(auto ids, IdList(body, "organizations"));
    o.organizations.clear();
    for (std::int64_t id : ids) o.organizations.emplace_back(id);
  }
  if (body.contains("meetings")) {
    PONTE_ASSIGN_OR_RETURN(auto ids, IdList(body, "meetings"));
    o.meetings.clear();
    for (std::int64_t id : ids) o.meetings.emplace_back(id);
  }
  if (body.contains("request")) {
    const Json& v = body["request"];
    if (v.is_null()) {
      o.request = MeetingRequestId();
    } else if (v.is_number_integer() && v.get<std::int64_t>() > 0) {
      o.request = MeetingRequestId(v.get<std::int64_t>());
    } else {
      return InvalidArgumentError("field 'request': expected a request id or null");
    }
  }
  if (body.contains("reported_for")) {
    PONTE_ASSIGN_OR_RETURN(std::int64_t id, IdField(body, "reported_for"));
    o.reported_for = OrganizationId(id);
  }
  if (body.contains("kind")) {
    PONTE_ASSIGN_OR_RETURN(std::string code, TextField(body, "kind"));
    auto kind = ParseOutcomeKind(code);
    if (!kind.ok()) return InvalidArgumentError("field 'kind': " + kind.status().message());
    o.kind = *kind;
  }
  if (body.contains("stage")) {
    PONTE_ASSIGN_OR_RETURN(std::string code, TextField(body, "stage"));
    auto stage = ParseOutcomeStage(code);
    if (!stage.ok()) return InvalidArgumentError("field 'stage': " + stage.status().message());
    o.stage = *stage;
  }
  if (body.contains("title")) {
    PONTE_ASSIGN_OR_RETURN(o.title, TextField(body, "title"));
  }
  if (body.contains("notes")) {
    PONTE_ASSIGN_OR_RETURN(o.notes, TextField(body, "notes"));
  }
  if (body.contains("currency")) {
    PONTE_ASSIGN_OR_RETURN(std::string currency, TextField(body, "currency"));
    o.currency = std::string(Trim(currency));
  }
  if (body.contains("date")) {
    PONTE_ASSIGN_OR_RETURN(std::string text, TextField(body, "date"));
    auto date = ParseDate(text);
    if (!date.ok()) return InvalidArgumentError("field 'date': expected YYYY-MM-DD");
    o.date = *date;
  } else if (o.id.value() == 0) {
    return InvalidArgumentError("field 'date': expected YYYY-MM-DD, the day the stage was reached");
  }
  if (body.contains("end_date")) {
    const Json& v = body["end_date"];
    if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) {
      o.end_date.reset();
    } else {
      auto date = v.is_string() ? ParseDate(v.get<std::string>())
                                : Result<CivilDate>(InvalidArgumentError(""));
      if (!date.ok()) return InvalidArgumentError("field 'end_date': expected YYYY-MM-DD or null");
      o.end_date = *date;
    }
  }
  if (body.contains("value")) {
    const Json& v = body["value"];
    if (v.is_null()) {
      o.value.reset();
    } else if (v.is_number()) {
      o.value = v.get<double>();
    } else {
      return InvalidArgumentError("field 'value': expected a number or null");
    }
  }
  return OkStatus();
}

Result<service::OutcomeQuery> QueryOf(const RequestContext& c) {
  service::OutcomeQuery q;
  if (auto v = c.request.Query("stage"); v && !v->empty()) {
    auto stage = ParseOutcomeStage(*v);
    if (!stage.ok())
      return InvalidArgumentError("query parameter 'stage': " + stage.status().message());
    q.stage = *stage;
  }
  if (auto v = c.request.Query("kind"); v && !v->empty()) {
    auto kind = ParseOutcomeKind(*v);
    if (!kind.ok())
      return InvalidArgumentError("query parameter 'kind': " + kind.status().message());
    q.kind = *kind;
  }
  if (auto v = c.request.Query("review"); v && !v->empty()) {
    auto review = ParseOutcomeReview(*v);
    if (!review.ok()) {
      return InvalidArgumentError("query parameter 'review': " + review.status().message());
    }
    q.review = *review;
  }
  if (auto v = c.request.Query("organization"); v && !v->empty()) {
    const std::int64_t id = std::atoll(v->c_str());
    if (id <= 0) return InvalidArgumentError("query parameter 'organization': expected an id");
    q.organization = OrganizationId(id);
  }
  return q;
}

Json HistoryJson(const service::OrganizationHistory& h, std::string_view locale,
                 const OrganizationNames& names) {
  Json editions = Json::array();
  for (const service::EditionHistory& e : h.editions) {
    Json meetings = Json::array();
    for (const service::HistoryMeeting& m : e.meetings) {
      Json outcomes = Json::array();
      for (const Outcome& o : m.outcomes)
        outcomes.push_back(OutcomeJson(o, e.event, names, locale));
      meetings.push_back(
          {{"meeting", m.meeting.id.value()},
           {"partner", names.Of(m.partner.id, locale)},
           {"best_stage", m.best_stage ? Json(ToCode(*m.best_stage)) : Json(nullptr)},
           {"outcomes", outcomes}});
    }
    Json others = Json::array();
    for (const Outcome& o : e.other_outcomes)
      others.push_back(OutcomeJson(o, e.event, names, locale));
    editions.push_back(
        {{"event", ToJson(e.event, locale)}, {"meetings", meetings}, {"other_outcomes", others}});
  }
  Json again = Json::array();
  for (const service::MetAgain& m : h.met_again) {
    Json ids = Json::array();
    for (const service::EditionHistory& e : h.editions) {
      if (std::find(m.editions.begin(), m.editions.end(), e.event.id) != m.editions.end()) {
        ids.push_back(e.event.key);
      }
    }
    again.push_back({{"partner", names.Of(m.partner.id, locale)}, {"editions", ids}});
  }
  return {{"organization", names.Of(h.organization.id, locale)},
          {"editions", editions},
          {"met_again", again}};
}

}  // namespace

void AddOutcomeRoutes(App& app) {
  Router& r = app.router();
  const std::string outcome_body =
      "{organizations?: [id], meetings?: [id], request?: id, kind, stage, title, date, "
      "end_date?, value?, currency?, notes?, reported_for? (staff)}";

  r.Add({"GET", "/api/v1/events/{event}/outcomes",
         "Outcomes: those naming your organization or, for staff, all; ?stage=, ?kind=, "
         "?review=, ?organization= (staff), paginated",
         "outcomes", Access::kEvent, kParticipantsAndStaff},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Page page,
                                 PageOf(c.request.Query("limit"), c.request.Query("offset")));
          PONTE_ASSIGN_OR_RETURN(service::OutcomeQuery query, QueryOf(c));
          PONTE_ASSIGN_OR_RETURN(auto outcomes,
                                 service::VisibleOutcomes(c.store, *c.actor, *c.event, query));
          PONTE_ASSIGN_OR_RETURN(OrganizationNames names, OrganizationNames::Load(c.store));
          Json items = Json::array();
          for (const Outcome& o : outcomes) {
            items.push_back(OutcomeJson(o, *c.event, names, c.Locale()));
          }
          return JsonOk(Paged(std::move(items), page));
        });
  r.Add({"POST", "/api/v1/events/{event}/outcomes",
         "Report an outcome for your organization (validated participants; staff for any)",
         "outcomes", Access::kEvent, kParticipantsAndStaff, outcome_body},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          Outcome draft;
          PONTE_RETURN_IF_ERROR(ApplyOutcomeJson(body, draft));
          PONTE_ASSIGN_OR_RETURN(
              Outcome o, service::ReportOutcome(c.store, c.clock, *c.actor, *c.event, draft));
          PONTE_ASSIGN_OR_RETURN(OrganizationNames names, OrganizationNames::Load(c.store));
          HttpResponse response =
              WithETag(JsonOk(OutcomeJson(o, *c.event, names, c.Locale()), 201), o.version);
          response.Set("Location", "/api/v1/events/" + c.event->key + "/outcomes/" +
                                       std::to_string(o.id.value()));
          return response;
        });
  r.Add({"GET", "/api/v1/events/{event}/outcomes/{id}", "One outcome; ETag", "outcomes",
         Access::kEvent, kParticipantsAndStaff},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(
              Outcome o, service::GetVisibleOutcome(c.store, *c.actor, *c.event, OutcomeId(id)));
          PONTE_ASSIGN_OR_RETURN(OrganizationNames names, OrganizationNames::Load(c.store));
          Json body = OutcomeJson(o, *c.event, names, c.Locale());
          body["editable"] = service::MayEditOutcome(*c.actor, *c.event, o);
          return WithETag(JsonOk(body), o.version);
        });
  r.Add({"PUT", "/api/v1/events/{event}/outcomes/{id}",
         "Edit an outcome (the reporting organization or staff); If-Match the ETag. A "
         "participant's edit sends it back to review",
         "outcomes", Access::kEvent, kParticipantsAndStaff, outcome_body},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(Outcome current, service::GetVisibleOutcome(
                                                      c.store, *c.actor, *c.event, OutcomeId(id)));
          PONTE_RETURN_IF_ERROR(ApplyOutcomeJson(body, current));
          PONTE_ASSIGN_OR_RETURN(
              Outcome o, service::EditOutcome(c.store, c.clock, *c.actor, *c.event, OutcomeId(id),
                                              current, if_match));
          PONTE_ASSIGN_OR_RETURN(OrganizationNames names, OrganizationNames::Load(c.store));
          return WithETag(JsonOk(OutcomeJson(o, *c.event, names, c.Locale())), o.version);
        });
  r.Add({"DELETE", "/api/v1/events/{event}/outcomes/{id}",
         "Delete an outcome (the reporting organization unless validated, or staff); If-Match",
         "outcomes", Access::kEvent, kParticipantsAndStaff},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          PONTE_RETURN_IF_ERROR(service::DeleteOutcome(c.store, c.clock, *c.actor, *c.event,
                                                       OutcomeId(id), if_match));
          return HttpResponse::NoContent();
        });
  r.Add({"POST", "/api/v1/events/{event}/outcomes/{id}/review",
         "Validate or reject an outcome (support office, organizers); a rejection needs a note; "
         "If-Match",
         "outcomes", Access::kEvent, kStaff, "{review: validated|rejected, note?}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::string code, StringField(body, "review"));
          auto review = ParseOutcomeReview(code);
          if (!review.ok())
            return InvalidArgumentError("field 'review': expected validated or rejected");
          PONTE_ASSIGN_OR_RETURN(
              Outcome o, service::ReviewOutcome(c.store, c.clock, *c.actor, *c.event, OutcomeId(id),
                                                *review, OptionalString(body, "note"), if_match));
          PONTE_ASSIGN_OR_RETURN(OrganizationNames names, OrganizationNames::Load(c.store));
          return WithETag(JsonOk(OutcomeJson(o, *c.event, names, c.Locale())), o.version);
        });
  r.Add({"GET", "/api/v1/events/{event}/organizations/{org}/history",
         "An organization's editions, whom it met in each, the partners it met again and the "
         "outcomes of its meetings (your own organization, or any for staff)",
         "outcomes", Access::kEvent, kParticipantsAndStaff},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t org, c.IdParam("org"));
          if (!c.actor->IsStaff(c.event->id) &&
              c.actor->OrganizationIn(c.event->id) != OrganizationId(org)) {
            return PermissionDeniedError("you see the history of your own organization only");
          }
          PONTE_ASSIGN_OR_RETURN(service::OrganizationHistory history,
                                 service::LoadOrganizationHistory(c.store, OrganizationId(org)));
          PONTE_ASSIGN_OR_RETURN(OrganizationNames names, OrganizationNames::Load(c.store));
          return JsonOk(HistoryJson(history, c.Locale(), names));
        });
}

}  // namespace ponte::api
