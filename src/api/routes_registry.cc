// The registry as the event's members see it: events, sessions, the
// catalogue of organizations and profiles, participants and their
// validation, recommendations, the audit log and the outbox.
#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "api/app.h"
#include "api/json.h"
#include "core/utf8.h"
#include "match/recommender.h"
#include "service/history.h"
#include "service/recommend_event.h"
#include "text/language.h"

namespace ponte::api {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return AsciiLower(haystack).find(needle) != std::string::npos;
}

bool TextMatches(const LocalizedText& text, const std::string& needle) {
  for (const auto& [lang, value] : text.all()) {
    if (Contains(value, needle)) return true;
  }
  return false;
}

// Recommenders per event, built on first use and rebuilt when what they are
// built from changed, whichever path changed it (API, portal, an import from
// the command line, another server): the inputs (the matcher's profiles and
// options, from the profiles, organizations, people and requests of the event)
// are kept as a fingerprint beside the recommender and compared. Reading the
// inputs again is skipped while the store connection's ChangeStamp says
// nothing was written since they were last read on it. A cache: any server
// can rebuild it, nothing is lost with it.
class RecommendationCache {
 public:
  explicit RecommendationCache(std::string data_dir) : data_dir_(std::move(data_dir)) {}

  Result<std::vector<match::Recommendation>> TopK(const RequestContext& c, const Organization& org,
                                                  std::size_t k, const std::string& locale) {
    const Event& event = *c.event;
    const std::pair<const Store*, std::int64_t> seen_key{&c.store, event.id.value()};
    std::lock_guard lock(mutex_);
    if (!model_) {
      PONTE_ASSIGN_OR_RETURN(model_, match::TextModel::Load({.data_dir = data_dir_}));
    }
    Entry& entry = by_event_[event.id.value()];
    auto seen = seen_.find(seen_key);
    const bool unchanged = c.stamp && seen != seen_.end() && seen->second.first == *c.stamp &&
                           entry.recommender && seen->second.second == entry.fingerprint;
    if (!unchanged) {
      PONTE_ASSIGN_OR_RETURN(service::EventData data, service::LoadEventData(c.store, event.key));
      PONTE_ASSIGN_OR_RETURN(std::vector<Profile> profiles, c.store.ListProfiles());
      std::vector<match::Profile> match_profiles = service::BuildMatchProfiles(data, profiles);
      // Pairs that met at earlier editions are explained and re-weighted.
      PONTE_ASSIGN_OR_RETURN(std::vector<match::PastMeeting> met_before,
                             service::PastMeetingsBefore(c.store, event));
      match::RecommenderOptions options =
          service::EventRecommenderOptions(data, std::move(met_before));
      std::string fingerprint = Fingerprint(match_profiles, options);
      if (!entry.recommender || fingerprint != entry.fingerprint) {
        entry.recommender.reset();
        PONTE_ASSIGN_OR_RETURN(
            entry.recommender,
            match::Recommender::Build(model_, std::move(match_profiles), std::move(options)));
        entry.fingerprint = fingerprint;
      }
      if (c.stamp) seen_[seen_key] = {*c.stamp, std::move(fingerprint)};
    }
    const text::Language reader = locale == "zh"   ? text::Language::kChinese
                                  : locale == "it" ? text::Language::kItalian
                                                   : text::Language::kEnglish;
    return entry.recommender->TopK(org.key, k, reader);
  }

 private:
  // Everything of the inputs the recommender reads, as one string.
  static std::string Fingerprint(const std::vector<match::Profile>& profiles,
                                 const match::RecommenderOptions& options) {
    Json all = Json::array();
    for (const match::Profile& p : profiles) {
      all.push_back({p.id, p.country, p.organization, p.name, static_cast<int>(p.type), p.languages,
                     p.offer, p.seek, p.about, p.themes, p.keywords, p.cities});
    }
    all.push_back({options.same_country, options.interpreters_available, options.event_cities,
                   options.excluded_pairs, options.no_thanks, options.threads,
                   options.max_postings_per_feature, options.max_candidates});
    for (const match::PastMeeting& m : options.met_before) {
      all.push_back({m.a, m.b, m.edition_name, static_cast<int>(m.result)});
    }
    return all.dump(-1, ' ', false, Json::error_handler_t::replace);
  }

  struct Entry {
    std::string fingerprint;
    std::unique_ptr<match::Recommender> recommender;
  };
  std::mutex mutex_;
  std::string data_dir_;
  std::shared_ptr<const match::TextModel> model_;
  std::unordered_map<std::int64_t, Entry> by_event_;
  // Per store connection and event: the ChangeStamp at which the inputs were
  // last read, and their fingerprint then.
  std::map<std::pair<const Store*, std::int64_t>, std::pair<std::uint64_t, std::string>> seen_;
};

Result<Profile> ProfileFromJson(const Json& body, Profile p) {
  if (body.contains("kind")) {
    PONTE_ASSIGN_OR_RETURN(p.kind, ParseProfileKind(OptionalString(body, "kind")));
  }
  auto text = [&](std::string_view field, LocalizedText& out) -> Status {
    auto it = body.find(field);
    if (it == body.end()) return OkStatus();
    if (!it->is_object()) {
      return InvalidArgumentError("field '" + std::string(field) +
                                  "': expected an object by language, e.g. {\"it\": \"...\"}");
    }
    for (auto& [lang, value] : it->items()) {
      if (lang != "it" && lang != "en" && lang != "zh") {
        return InvalidArgumentError("field '" + std::string(field) + "': language '" + lang +
                                    "': expected it, en or zh");
      }
      if (!value.is_string() || !IsValidUtf8(value.get<std::string>())) {
        return InvalidArgumentError("field '" + std::string(field) + "." + lang +
                                    "': expected UTF-8 text");
      }
      out.Set(lang, value.get<std::string>());
    }
    return OkStatus();
  };
  PONTE_RETURN_IF_ERROR(text("title", p.title));
  PONTE_RETURN_IF_ERROR(text("text", p.text));
  auto list = [&](std::string_view field, std::vector<std::string>& out) -> Status {
    auto it = body.find(field);
    if (it == body.end()) return OkStatus();
    if (!it->is_array())
      return InvalidArgumentError("field '" + std::string(field) + "': expected a list of strings");
    out.clear();
    for (const Json& v : *it) {
      if (!v.is_string())
        return InvalidArgumentError("field '" + std::string(field) +
                                    "': expected a list of strings");
      out.push_back(v.get<std::string>());
    }
    return OkStatus();
  };
  PONTE_RETURN_IF_ERROR(list("themes", p.themes));
  PONTE_RETURN_IF_ERROR(list("keywords", p.keywords));
  std::vector<std::string> cooperation;
  if (body.contains("cooperation")) {
    PONTE_RETURN_IF_ERROR(list("cooperation", cooperation));
    p.cooperation.clear();
    for (const std::string& c : cooperation) {
      PONTE_ASSIGN_OR_RETURN(CooperationType t, ParseCooperationType(c));
      p.cooperation.push_back(t);
    }
  }
  if (p.title.empty() && p.text.empty()) {
    return InvalidArgumentError(
        "field 'title': a profile needs a title or a text in some language");
  }
  return p;
}

}  // namespace

void AddRegistryRoutes(App& app) {
  Router& r = app.router();
  auto recommendations = std::make_shared<RecommendationCache>(app.options().data_dir);

  r.Add({"GET", "/api/v1/events", "Events of the programme", "registry", Access::kPublic},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, c.store.ListEvents());
          Json items = Json::array();
          for (const Event& e : events) items.push_back(ToJson(e, c.Locale()));
          return JsonOk({{"items", items}});
        });
  r.Add(
      {"GET", "/api/v1/events/{event}", "One event with its sessions", "registry", Access::kPublic},
      [](RequestContext& c) -> Result<HttpResponse> {
        Json out = ToJson(*c.event, c.Locale());
        PONTE_ASSIGN_OR_RETURN(std::vector<Session> sessions, c.store.ListSessions(c.event->id));
        Json s = Json::array();
        for (const Session& session : sessions) s.push_back(ToJson(session));
        out["sessions"] = s;
        return JsonOk(out);
      });
  r.Add({"GET", "/api/v1/events/{event}/organizations",
         "Catalogue: organizations of the event with public profiles; filters country, type, "
         "theme, language, q (full text, any language); paginated",
         "registry", Access::kEvent},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Page page,
                                 PageOf(c.request.Query("limit"), c.request.Query("offset")));
          PONTE_ASSIGN_OR_RETURN(std::vector<Organization> orgs,
                                 service::EventOrganizations(c.store, *c.event));
          PONTE_ASSIGN_OR_RETURN(std::vector<Profile> profiles, c.store.ListProfiles());
          PONTE_ASSIGN_OR_RETURN(std::vector<Person> people, c.store.ListPeople());
          std::unordered_map<std::int64_t, std::vector<const Profile*>> by_org;
          for (const Profile& p : profiles) by_org[p.organization.value()].push_back(&p);
          std::unordered_map<std::int64_t, std::set<std::string>> languages;
          for (const Person& p : people)
            languages[p.organization.value()].insert(p.languages.begin(), p.languages.end());
          const std::string country = c.request.Query("country").value_or("");
          const std::string type = c.request.Query("type").value_or("");
          const std::string theme = c.request.Query("theme").value_or("");
          const std::string language = c.request.Query("language").value_or("");
          const std::string q = AsciiLower(std::string(Trim(c.request.Query("q").value_or(""))));
          Json items = Json::array();
          for (const Organization& o : orgs) {
            if (!service::CanSeeOrganization(*c.actor, *c.event, o)) continue;
            if (!country.empty() && o.country != country) continue;
            if (!type.empty() && ToCode(o.type) != type) continue;
            if (!language.empty() && !languages[o.id.value()].contains(language)) continue;
            const auto& mine = by_org[o.id.value()];
            if (!theme.empty() && std::none_of(mine.begin(), mine.end(), [&](const Profile* p) {
                  return std::find(p->themes.begin(), p->themes.end(), theme) != p->themes.end();
                })) {
              continue;
            }
            if (!q.empty() && !TextMatches(o.name, q) && !Contains(o.city, q) &&
                std::none_of(mine.begin(), mine.end(), [&](const Profile* p) {
                  return TextMatches(p->title, q) || TextMatches(p->text, q) ||
                         std::any_of(p->keywords.begin(), p->keywords.end(),
                                     [&](const std::string& k) { return Contains(k, q); });
                })) {
              continue;
            }
            Json j = ToJson(o, c.Locale());
            std::set<std::string> themes;
            for (const Profile* p : mine) themes.insert(p->themes.begin(), p->themes.end());
            j["themes"] = themes;
            j["languages"] = languages[o.id.value()];
            j["profiles"] = mine.size();
            items.push_back(std::move(j));
          }
          return JsonOk(Paged(std::move(items), page));
        });
  r.Add({"GET", "/api/v1/events/{event}/organizations/{id}",
         "One organization with its profiles (public ones, your own, or any for staff); ETag",
         "registry", Access::kEvent},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          auto org = c.store.GetOrganization(OrganizationId(id));
          if (!org.ok() || !service::CanSeeOrganization(*c.actor, *c.event, *org)) {
            return NotFoundError("no organization " + std::to_string(id));
          }
          Json out = ToJson(*org, c.Locale());
          PONTE_ASSIGN_OR_RETURN(std::vector<Profile> profiles, c.store.ListProfilesOf(org->id));
          Json p = Json::array();
          for (const Profile& profile : profiles) p.push_back(ToJson(profile, c.Locale()));
          out["profiles"] = p;
          HttpResponse response = JsonOk(out);
          response.Set("ETag", ETag(org->version));
          return response;
        });
  r.Add({"PUT",
         "/api/v1/events/{event}/organizations/{id}",
         "Edit an organization (its participants or staff); If-Match the ETag",
         "registry",
         Access::kEvent,
         {},
         "{name?, type?, country?, region?, city?, website?, public_profile?}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          PONTE_ASSIGN_OR_RETURN(Organization org, c.store.GetOrganization(OrganizationId(id)));
          if (auto it = body.find("name"); it != body.end()) {
            if (!it->is_object())
              return InvalidArgumentError("field 'name': expected an object by language");
            for (auto& [lang, value] : it->items()) {
              if (!value.is_string())
                return InvalidArgumentError("field 'name." + lang + "': expected text");
              org.name.Set(lang, value.get<std::string>());
            }
          }
          if (body.contains("type")) {
            PONTE_ASSIGN_OR_RETURN(org.type, ParseOrganizationType(OptionalString(body, "type")));
          }
          org.country = OptionalString(body, "country", org.country);
          org.region = OptionalString(body, "region", org.region);
          org.city = OptionalString(body, "city", org.city);
          org.website = OptionalString(body, "website", org.website);
          if (auto it = body.find("public_profile"); it != body.end()) {
            if (!it->is_boolean())
              return InvalidArgumentError("field 'public_profile': expected true or false");
            org.public_profile = it->get<bool>();
          }
          PONTE_ASSIGN_OR_RETURN(
              Organization saved,
              service::EditOrganization(c.store, c.clock, *c.actor, *c.event, org, if_match));
          HttpResponse response = JsonOk(ToJson(saved, c.Locale()));
          response.Set("ETag", ETag(saved.version));
          return response;
        });
  r.Add(
      {"POST",
       "/api/v1/events/{event}/organizations/{id}/profiles",
       "Add a profile (an offer, a request or a cooperation proposal) to your organization",
       "registry",
       Access::kEvent,
       {},
       "{kind, title{it,en,zh}, text{...}, themes[], keywords[], cooperation[]}"},
      [](RequestContext& c) -> Result<HttpResponse> {
        PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
        if (!c.actor->IsStaff(c.event->id) && c.actor->OrganizationIn(c.event->id).value() != id) {
          return PermissionDeniedError("you can add profiles only to your own organization");
        }
        PONTE_ASSIGN_OR_RETURN(Organization org, c.store.GetOrganization(OrganizationId(id)));
        PONTE_RETURN_IF_ERROR(service::CheckTakesPart(c.store, *c.event, org.id));
        PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
        Profile base;
        base.organization = org.id;
        base.key = org.key + "-p" + std::to_string(c.clock.Now().time_since_epoch().count());
        PONTE_ASSIGN_OR_RETURN(Profile p, ProfileFromJson(body, base));
        Dataset data;
        data.profiles.push_back({p, org.key, {"request body", 0}});
        PONTE_RETURN_IF_ERROR(c.store.Import(data, {}).status());
        PONTE_ASSIGN_OR_RETURN(std::vector<Profile> saved, c.store.ListProfilesOf(org.id));
        for (const Profile& s : saved) {
          if (s.key == p.key) return JsonOk(ToJson(s, c.Locale()), 201);
        }
        return InternalError("profile " + p.key + " was not saved");
      });
  r.Add(
      {"PUT",
       "/api/v1/events/{event}/organizations/{id}/profiles/{profile}",
       "Change one of your organization's profiles (fields as for POST; the rest is kept)",
       "registry",
       Access::kEvent,
       {},
       "{kind?, title?, text?, themes?, keywords?, cooperation?}"},
      [](RequestContext& c) -> Result<HttpResponse> {
        PONTE_ASSIGN_OR_RETURN(std::int64_t id, c.IdParam("id"));
        PONTE_ASSIGN_OR_RETURN(std::int64_t profile_id, c.IdParam("profile"));
        if (!c.actor->IsStaff(c.event->id) && c.actor->OrganizationIn(c.event->id).value() != id) {
          return PermissionDeniedError("you can change only your own organization's profiles");
        }
        PONTE_ASSIGN_OR_RETURN(Organization org, c.store.GetOrganization(OrganizationId(id)));
        PONTE_ASSIGN_OR_RETURN(std::vector<Profile> profiles, c.store.ListProfilesOf(org.id));
        auto it = std::find_if(profiles.begin(), profiles.end(),
                               [&](const Profile& p) { return p.id.value() == profile_id; });
        if (it == profiles.end()) return NotFoundError("no profile " + std::to_string(profile_id));
        PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
        PONTE_ASSIGN_OR_RETURN(Profile p, ProfileFromJson(body, *it));
        Dataset data;
        data.profiles.push_back({p, org.key, {"request body", 0}});
        PONTE_RETURN_IF_ERROR(c.store.Import(data, {}).status());
        return JsonOk(ToJson(p, c.Locale()));
      });
  r.Add({"GET",
         "/api/v1/events/{event}/interpreters",
         "Interpreters booked for the event",
         "registry",
         Access::kEvent,
         {Role::kOrganizer, Role::kSupport}},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::vector<Interpreter> list,
                                 c.store.ListInterpreters(c.event->id));
          Json items = Json::array();
          for (const Interpreter& i : list) {
            Json pairs = Json::array();
            for (const LanguagePair& p : i.pairs) pairs.push_back(p.a + "-" + p.b);
            items.push_back(
                {{"id", i.id.value()}, {"key", i.key}, {"name", i.name}, {"pairs", pairs}});
          }
          return JsonOk({{"items", items}});
        });
  r.Add({"GET",
         "/api/v1/events/{event}/participants",
         "Accounts of the event with their role and validation (staff)",
         "participants",
         Access::kEvent,
         {Role::kOrganizer, Role::kSupport}},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Page page,
                                 PageOf(c.request.Query("limit"), c.request.Query("offset")));
          PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members,
                                 c.store.ListEventMembers(c.event->id));
          Json items = Json::array();
          for (const Membership& m : members) {
            auto user = c.store.GetUser(m.user);
            if (!user.ok()) continue;
            items.push_back({{"user", m.user.value()},
                             {"email", user->email},
                             {"name", user->name},
                             {"role", std::string(ToCode(m.role))},
                             {"organization", m.organization.valid() ? Json(m.organization.value())
                                                                     : Json(nullptr)},
                             {"validated", m.validated},
                             {"verified", user->verified}});
          }
          return JsonOk(Paged(std::move(items), page));
        });
  r.Add({"POST",
         "/api/v1/events/{event}/participants/{user}/validation",
         "Validate (or withdraw the validation of) a participant (support office, organizers)",
         "participants",
         Access::kEvent,
         {Role::kOrganizer, Role::kSupport},
         "{validated}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::int64_t user, c.IdParam("user"));
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          // json::value throws on a wrong type: check it first.
          if (body.contains("validated") && !body["validated"].is_boolean()) {
            return InvalidArgumentError("field 'validated': expected true or false");
          }
          const bool validated = body.value("validated", true);
          PONTE_RETURN_IF_ERROR(service::ValidateParticipant(c.store, c.clock, *c.actor, *c.event,
                                                             UserId(user), validated));
          return JsonOk({{"user", user}, {"validated", validated}});
        });
  r.Add(
      {"GET",
       "/api/v1/events/{event}/recommendations",
       "Recommended partners for your organization, best first, with the reasons in your "
       "language (?organization= for staff, ?limit=)",
       "matching",
       Access::kEvent,
       {Role::kOrganizer, Role::kSupport, Role::kParticipant}},
      [recommendations](RequestContext& c) -> Result<HttpResponse> {
        OrganizationId org = c.actor->OrganizationIn(c.event->id);
        if (auto asked = c.request.Query("organization"); asked && c.actor->IsStaff(c.event->id)) {
          org = OrganizationId(std::atoll(asked->c_str()));
        }
        if (!org.valid())
          return InvalidArgumentError("query parameter 'organization': which organization?");
        PONTE_ASSIGN_OR_RETURN(Page page, PageOf(c.request.Query("limit"), std::nullopt));
        PONTE_ASSIGN_OR_RETURN(Organization me, c.store.GetOrganization(org));
        auto top = recommendations->TopK(c, me, std::min<std::size_t>(page.limit, 50), c.Locale());
        if (!top.ok() && top.status().code() == StatusCode::kNotFound) {
          return JsonOk(
              {{"items", Json::array()}, {"note", "add a profile to get recommendations"}});
        }
        PONTE_RETURN_IF_ERROR(top.status());
        PONTE_ASSIGN_OR_RETURN(std::vector<Organization> all, c.store.ListOrganizations());
        std::unordered_map<std::string, const Organization*> by_key;
        for (const Organization& o : all) by_key[o.key] = &o;
        Json items = Json::array();
        for (const match::Recommendation& rec : *top) {
          auto it = by_key.find(rec.id);
          if (it == by_key.end() || !service::CanSeeOrganization(*c.actor, *c.event, *it->second))
            continue;
          items.push_back({{"organization", ToJson(*it->second, c.Locale())},
                           {"score", rec.score},
                           {"they_offer", rec.they_offer},
                           {"they_seek", rec.they_seek},
                           {"shared_themes", rec.shared_themes},
                           {"shared_cities", rec.shared_cities},
                           {"why", rec.why}});
        }
        return JsonOk({{"items", items}});
      });
  r.Add({"GET",
         "/api/v1/events/{event}/audit",
         "The organizers' audit log, newest first (?before=, ?limit=)",
         "participants",
         Access::kEvent,
         {Role::kOrganizer}},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Page page, PageOf(c.request.Query("limit"), std::nullopt));
          const std::int64_t before = std::atoll(c.request.Query("before").value_or("0").c_str());
          PONTE_ASSIGN_OR_RETURN(
              auto entries, c.store.ListAudit(c.event->id, static_cast<int>(page.limit), before));
          Json items = Json::array();
          for (const AuditEntry& e : entries) items.push_back(ToJson(e));
          return JsonOk({{"items", items}});
        });
  r.Add({"GET", "/api/v1/outbox", "Mail queued and sent to the members of the events you organize",
         "participants", Access::kSignedIn},
        [](RequestContext& c) -> Result<HttpResponse> {
          // The outbox has no event of its own: an organizer sees the mail
          // addressed to the people of the events they organize.
          std::set<std::string> recipients;
          bool organizer = false;
          for (const Membership& m : c.actor->memberships) {
            if (m.role != Role::kOrganizer) continue;
            organizer = true;
            PONTE_ASSIGN_OR_RETURN(std::vector<Membership> members,
                                   c.store.ListEventMembers(m.event));
            for (const Membership& member : members) {
              auto user = c.store.GetUser(member.user);
              if (user.ok()) recipients.insert(user->email);
            }
          }
          if (!organizer) return PermissionDeniedError("only organizers read the outbox");
          PONTE_ASSIGN_OR_RETURN(Page page, PageOf(c.request.Query("limit"), std::nullopt));
          PONTE_ASSIGN_OR_RETURN(auto messages, c.store.ListOutbox(1000, false));
          Json items = Json::array();
          for (const OutboxMessage& m : messages) {
            if (!recipients.contains(m.to)) continue;
            items.push_back(ToJson(m));
            if (items.size() >= page.limit) break;
          }
          return JsonOk({{"items", items}});
        });
}

}  // namespace ponte::api
