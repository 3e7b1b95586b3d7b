#include "api/json.h"

#include <charconv>

namespace ponte::api {

Json ToJson(const LocalizedText& text, std::string_view locale) {
  Json all = Json::object();
  for (const auto& [lang, value] : text.all()) all[lang] = value;
  const auto [best, lang] = text.Best(locale);
  return Json{{"text", best}, {"lang", std::string(lang)}, {"all", all}};
}

Json ToJson(const Event& e, std::string_view locale) {
  Json venues = Json::array();
  for (const Venue& v : e.venues)
    venues.push_back({{"key", v.key}, {"city", v.city}, {"name", v.name}});
  return Json{{"id", e.id.value()},
              {"key", e.key},
              {"name", ToJson(e.name, locale)},
              {"time_zone", e.time_zone},
              {"start_date", FormatDate(e.start_date)},
              {"end_date", FormatDate(e.end_date)},
              {"themes", e.themes},
              {"venues", venues}};
}

Json ToJson(const Session& s) {
  Json slots = Json::array();
  for (const Slot& slot : SlotsOf(s)) {
    slots.push_back(
        {{"index", slot.index}, {"start", FormatUtc(slot.start)}, {"end", FormatUtc(slot.end)}});
  }
  return Json{{"id", s.id.value()},
              {"key", s.key},
              {"city", s.city},
              {"venue", s.venue},
              {"date", FormatDate(s.date)},
              {"start", FormatUtc(s.start)},
              {"end", FormatUtc(s.end)},
              {"slot_minutes", s.slot_length.count()},
              {"tables", s.tables},
              {"slots", slots}};
}

Json ToJson(const Organization& o, std::string_view locale) {
  Json j{{"id", o.id.value()},
         {"key", o.key},
         {"name", ToJson(o.name, locale)},
         {"type", std::string(ToCode(o.type))},
         {"country", o.country},
         {"region", o.region},
         {"city", o.city},
         {"website", o.website},
         {"public_profile", o.public_profile},
         {"version", o.version}};
  if (o.location)
    j["location"] = {{"latitude", o.location->latitude}, {"longitude", o.location->longitude}};
  return j;
}

Json ToJson(const Profile& p, std::string_view locale) {
  Json cooperation = Json::array();
  for (CooperationType c : p.cooperation) cooperation.push_back(std::string(ToCode(c)));
  return Json{{"id", p.id.value()},
              {"key", p.key},
              {"organization", p.organization.value()},
              {"kind", std::string(ToCode(p.kind))},
              {"title", ToJson(p.title, locale)},
              {"text", ToJson(p.text, locale)},
              {"themes", p.themes},
              {"keywords", p.keywords},
              {"cooperation", cooperation}};
}

Json ToJson(const MeetingRequest& r) {
  Json j{{"id", r.id.value()},
         {"key", r.key},
         {"from", r.from.value()},
         {"to", r.to.value()},
         {"preference", std::string(ToCode(r.preference))},
         {"status", std::string(ToCode(r.status))},
         {"message", r.message},
         {"created_at", FormatUtc(r.created_at)},
         {"updated_at", FormatUtc(r.updated_at)},
         {"version", r.version}};
  j["expires_at"] = r.expires_at ? Json(FormatUtc(*r.expires_at)) : Json(nullptr);
  return j;
}

Json ToJson(const Meeting& m) {
  return Json{{"id", m.id.value()},
              {"request", m.request.valid() ? Json(m.request.value()) : Json(nullptr)},
              {"a", m.a.value()},
              {"b", m.b.value()},
              {"session", m.session.value()},
              {"slot", m.slot},
              {"table", m.table},
              {"interpreter", m.interpreter.valid() ? Json(m.interpreter.value()) : Json(nullptr)},
              {"status", std::string(ToCode(m.status))},
              {"version", m.version}};
}

Json ToJson(const Job& j) {
  auto parse = [](const std::string& text) {
    Json v = Json::parse(text, nullptr, false);
    return v.is_discarded() ? Json(nullptr) : v;
  };
  Json result = parse(j.result);
  Json summary = nullptr;
  if (result.is_object()) {
    summary = result;
    summary.erase("meetings");
  }
  return Json{{"id", j.id.value()},
              {"event", j.event.value()},
              {"kind", j.kind},
              {"state", std::string(ToCode(j.state))},
              {"parameters", parse(j.parameters)},
              {"progress", parse(j.progress)},
              {"summary", summary},
              {"error", j.error},
              {"cancel_requested", j.cancel_requested},
              {"created_at", FormatUtc(j.created_at)},
              {"updated_at", FormatUtc(j.updated_at)}};
}

Json ToJson(const service::Actor& a) {
  Json memberships = Json::array();
  for (const Membership& m : a.memberships) {
    memberships.push_back(
        {{"event", m.event.value()},
         {"role", std::string(ToCode(m.role))},
         {"organization", m.organization.valid() ? Json(m.organization.value()) : Json(nullptr)},
         {"interpreter", m.interpreter.valid() ? Json(m.interpreter.value()) : Json(nullptr)},
         {"validated", m.validated}});
  }
  return Json{{"id", a.user.id.value()},     {"email", a.user.email},
              {"name", a.user.name},         {"locale", a.user.locale},
              {"verified", a.user.verified}, {"memberships", memberships}};
}

Json ToJson(const AuditEntry& e) {
  Json details = Json::parse(e.details, nullptr, false);
  return Json{{"id", e.id},
              {"at", FormatUtc(e.at)},
              {"user", e.user.value()},
              {"action", e.action},
              {"target", e.target},
              {"details", details.is_discarded() ? Json(e.details) : details}};
}

Json ToJson(const OutboxMessage& m) {
  return Json{{"id", m.id},
              {"created_at", FormatUtc(m.created_at)},
              {"to", m.to},
              {"subject", m.subject},
              {"body", m.body},
              {"kind", m.kind},
              {"sent_at", m.sent_at ? Json(FormatUtc(*m.sent_at)) : Json(nullptr)}};
}

Json ToJson(const service::Agenda& agenda, std::string_view locale) {
  Json entries = Json::array();
  for (const service::AgendaEntry& e : agenda.entries) {
    Json delegates = Json::array();
    for (const Person& p : e.delegates) {
      delegates.push_back(
          {{"name", p.given_name.empty() && p.family_name.empty()
                        ? p.name_latin
                        : p.family_name + (p.family_name.empty() ? "" : " ") + p.given_name},
           {"name_latin", p.name_latin},
           {"role", p.role},
           {"languages", p.languages}});
    }
    Json entry{{"meeting", ToJson(e.meeting)},
               {"start", FormatUtc(e.start)},
               {"end", FormatUtc(e.end)},
               {"city", e.city},
               {"venue", e.venue},
               {"table", e.meeting.table},
               {"status", std::string(ToCode(e.meeting.status))},
               {"delegates", delegates}};
    if (agenda.organization) {
      entry["counterpart"] = {{"id", e.counterpart.id.value()},
                              {"name", ToJson(e.counterpart.name, locale)},
                              {"country", e.counterpart.country},
                              {"type", std::string(ToCode(e.counterpart.type))}};
    } else {
      entry["sides"] =
          Json::array({{{"id", e.side_a.id.value()}, {"name", ToJson(e.side_a.name, locale)}},
                       {{"id", e.side_b.id.value()}, {"name", ToJson(e.side_b.name, locale)}}});
    }
    entry["interpreter"] =
        e.interpreter ? Json{{"id", e.interpreter->id.value()}, {"name", e.interpreter->name}}
                      : Json(nullptr);
    entries.push_back(std::move(entry));
  }
  Json out{
      {"event", agenda.event.key}, {"time_zone", agenda.event.time_zone}, {"entries", entries}};
  if (agenda.organization) {
    out["organization"] = {{"id", agenda.organization->id.value()},
                           {"name", ToJson(agenda.organization->name, locale)}};
  }
  if (agenda.interpreter) {
    out["interpreter"] = {{"id", agenda.interpreter->id.value()},
                          {"name", agenda.interpreter->name}};
  }
  return out;
}

Result<std::string> StringField(const Json& body, std::string_view name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_string()) {
    return InvalidArgumentError("field '" + std::string(name) + "': expected a string");
  }
  return it->get<std::string>();
}

std::string OptionalString(const Json& body, std::string_view name, std::string fallback) {
  auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : fallback;
}

Result<std::int64_t> IdField(const Json& body, std::string_view name) {
  auto it = body.find(name);
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() <= 0) {
    return InvalidArgumentError("field '" + std::string(name) +
                                "': expected a positive integer id");
  }
  return it->get<std::int64_t>();
}

Result<Page> PageOf(const std::optional<std::string>& limit,
                    const std::optional<std::string>& offset) {
  Page page;
  auto parse = [](const std::string& text, std::size_t& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
  };
  if (limit && (!parse(*limit, page.limit) || page.limit < 1 || page.limit > 500)) {
    return InvalidArgumentError("query parameter 'limit': expected 1 to 500");
  }
  if (offset && !parse(*offset, page.offset)) {
    return InvalidArgumentError("query parameter 'offset': expected a non-negative integer");
  }
  return page;
}

Json Paged(Json items_all, const Page& page) {
  const std::size_t total = items_all.size();
  Json items = Json::array();
  for (std::size_t i = page.offset; i < total && i < page.offset + page.limit; ++i) {
    items.push_back(std::move(items_all[i]));
  }
  return Json{{"items", items}, {"total", total}, {"offset", page.offset}, {"limit", page.limit}};
}

}  // namespace ponte::api
