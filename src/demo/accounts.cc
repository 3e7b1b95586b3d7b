#include "demo/accounts.h"

#include <set>
#include <unordered_map>

#include "service/accounts.h"

namespace ponte::demo {
namespace {

std::set<std::string> Languages(const service::EventData& data, OrganizationId org) {
  std::set<std::string> out;
  for (const Person& p : data.people) {
    if (p.organization == org) out.insert(p.languages.begin(), p.languages.end());
  }
  return out;
}

bool Requested(const service::EventData& data, OrganizationId a, OrganizationId b) {
  for (const MeetingRequest& r : data.requests) {
    if ((r.from == a && r.to == b) || (r.from == b && r.to == a)) return true;
  }
  return false;
}

}  // namespace

Result<DemoPair> ChooseDemoPair(const service::EventData& data,
                                const service::EventRecommendations& recs) {
  std::unordered_map<std::string, const Organization*> by_key;
  std::unordered_map<std::int64_t, const Organization*> by_id;
  for (const Organization& o : data.organizations) {
    by_key[o.key] = &o;
    by_id[o.id.value()] = &o;
  }
  std::optional<DemoPair> fallback;
  for (std::size_t i = 0; i < recs.top.size(); ++i) {
    const Organization* it = by_id[recs.organization[i].value()];
    if (it == nullptr || it->country != "IT" || it->type != OrganizationType::kUniversity) continue;
    const std::set<std::string> it_languages = Languages(data, it->id);
    for (const match::Recommendation& rec : recs.top[i]) {
      auto found = by_key.find(rec.id);
      if (found == by_key.end()) continue;
      const Organization* cn = found->second;
      if (cn->country != "CN" || Requested(data, it->id, cn->id)) continue;
      const std::set<std::string> cn_languages = Languages(data, cn->id);
      bool shared = false;
      for (const std::string& l : cn_languages) shared = shared || it_languages.contains(l);
      if (!shared && !cn_languages.empty() && !it_languages.empty()) {
        return DemoPair{it->id, cn->id};
      }
      if (!fallback) fallback = DemoPair{it->id, cn->id};
    }
  }
  if (fallback) return *fallback;
  return NotFoundError("no Italian university with a Chinese recommendation in the demo");
}

Result<std::vector<DemoAccount>> CreateDemoAccounts(Store& store, const Clock& clock,
                                                    const service::EventData& data,
                                                    const DemoPair& pair,
                                                    const service::PasswordCost& cost) {
  const EventId event = data.event.id;
  auto name_of = [&](OrganizationId id, std::string_view lang) {
    for (const Organization& o : data.organizations) {
      if (o.id == id) return o.name.Best(lang).first;
    }
    return std::string();
  };
  const InterpreterId interpreter =
      data.interpreters.empty() ? InterpreterId() : data.interpreters.front().id;
  struct Spec {
    std::string email, name, locale;
    Role role;
    OrganizationId org;
    InterpreterId interpreter;
    std::string description;
  };
  std::vector<Spec> specs{
      {"organizer@ponte.demo",
       "Chiara Bianchi",
       "it",
       Role::kOrganizer,
       {},
       {},
       "organizer of the event"},
      {"support@ponte.demo",
       "王芳 Wang Fang",
       "zh",
       Role::kSupport,
       {},
       {},
       "support office (validates participants)"},
      {"giulia.rossi@ponte.demo",
       "Giulia Rossi",
       "it",
       Role::kParticipant,
       pair.italian,
       {},
       "Italian participant for " + name_of(pair.italian, "it")},
      {"li.wei@ponte.demo",
       "李伟 Li Wei",
       "zh",
       Role::kParticipant,
       pair.chinese,
       {},
       "Chinese participant for " + name_of(pair.chinese, "zh")},
  };
  if (interpreter.valid()) {
    specs.push_back({"interpreter@ponte.demo",
                     data.interpreters.front().name,
                     "en",
                     Role::kInterpreter,
                     {},
                     interpreter,
                     "interpreter " + data.interpreters.front().name});
  }
  service::AccountOptions options;
  options.cost = cost;
  std::vector<DemoAccount> out;
  for (const Spec& s : specs) {
    Membership m;
    m.event = event;
    m.role = s.role;
    m.organization = s.org;
    m.interpreter = s.interpreter;
    m.validated = true;
    if (store.FindUserByEmail(s.email).ok()) {
      PONTE_ASSIGN_OR_RETURN(User existing, store.FindUserByEmail(s.email));
      m.user = existing.id;
      PONTE_RETURN_IF_ERROR(store.PutMembership(m));
    } else {
      User u;
      u.email = s.email;
      u.name = s.name;
      u.locale = s.locale;
      PONTE_RETURN_IF_ERROR(
          service::CreateAccount(store, clock, u, kDemoPassword, {m}, options).status());
    }
    out.push_back({s.email, std::string(ToCode(s.role)), s.description});
  }
  return out;
}

}  // namespace ponte::demo
