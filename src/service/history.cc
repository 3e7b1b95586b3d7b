#include "service/history.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "service/workflow.h"

namespace ponte::service {
namespace {

bool Counts(const Outcome& o) { return o.review != OutcomeReview::kRejected; }

bool NamesOrganization(const Outcome& o, OrganizationId org) {
  return std::find(o.organizations.begin(), o.organizations.end(), org) != o.organizations.end();
}

std::optional<OutcomeStage> Better(std::optional<OutcomeStage> a, OutcomeStage b) {
  if (!a || static_cast<int>(b) > static_cast<int>(*a)) return b;
  return a;
}

// Editions in the order they took place (then by key, for equal dates).
Result<std::vector<Event>> EditionsInOrder(Store& store) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents());
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    return std::tie(x.start_date, x.key) < std::tie(y.start_date, y.key);
  });
  return events;
}

}  // namespace

match::PastResult ToPastResult(std::optional<OutcomeStage> best) {
  if (!best) return match::PastResult::kNotReported;
  switch (*best) {
    case OutcomeStage::kNoContact:
      return match::PastResult::kNoContact;
    case OutcomeStage::kContactKept:
      return match::PastResult::kContactKept;
    case OutcomeStage::kValuable:
      return match::PastResult::kValuable;
    case OutcomeStage::kNegotiation:
      return match::PastResult::kNegotiation;
    case OutcomeStage::kAgreement:
      return match::PastResult::kAgreement;
  }
  return match::PastResult::kNotReported;
}

Result<OrganizationHistory> LoadOrganizationHistory(Store& store, OrganizationId organization) {
  OrganizationHistory out;
  PONTE_ASSIGN_OR_RETURN(out.organization, store.GetOrganization(organization));
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> all, store.ListOrganizations());
  std::unordered_map<std::int64_t, const Organization*> by_id;
  for (const Organization& o : all) by_id[o.id.value()] = &o;
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, EditionsInOrder(store));
  std::map<std::int64_t, std::vector<EventId>> partner_editions;
  for (const Event& event : events) {
    PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings,
                           store.ListMeetingsOf(event.id, organization));
    PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> outcomes,
                           store.ListOutcomes({.event = event.id, .organization = organization}));
    std::erase_if(outcomes, [](const Outcome& o) { return !Counts(o); });
    if (meetings.empty() && outcomes.empty() && !CheckTakesPart(store, event, organization).ok()) {
      continue;
    }
    EditionHistory edition;
    edition.event = event;
    std::erase_if(meetings, [](const Meeting& m) { return m.status != MeetingStatus::kHeld; });
    std::sort(meetings.begin(), meetings.end(), [](const Meeting& x, const Meeting& y) {
      return std::tie(x.session, x.slot, x.id) < std::tie(y.session, y.slot, y.id);
    });
    std::set<std::int64_t> linked;
    for (const Meeting& m : meetings) {
      const OrganizationId partner = m.a == organization ? m.b : m.a;
      auto it = by_id.find(partner.value());
      if (it == by_id.end()) continue;
      HistoryMeeting hm;
      hm.meeting = m;
      hm.partner = *it->second;
      for (const Outcome& o : outcomes) {
        const bool names_meeting =
            std::find(o.meetings.begin(), o.meetings.end(), m.id) != o.meetings.end();
        // An outcome that names no meeting belongs to the meeting with its partner.
        const bool by_partner = o.meetings.empty() && NamesOrganization(o, partner);
        if (!names_meeting && !by_partner) continue;
        hm.outcomes.push_back(o);
        hm.best_stage = Better(hm.best_stage, o.stage);
        linked.insert(o.id.value());
      }
      std::stable_sort(hm.outcomes.begin(), hm.outcomes.end(),
                       [](const Outcome& x, const Outcome& y) {
                         return static_cast<int>(x.stage) > static_cast<int>(y.stage);
                       });
      auto& seen = partner_editions[partner.value()];
      if (seen.empty() || seen.back() != event.id) seen.push_back(event.id);
      edition.meetings.push_back(std::move(hm));
    }
    for (const Outcome& o : outcomes) {
      if (!linked.contains(o.id.value())) edition.other_outcomes.push_back(o);
    }
    out.editions.push_back(std::move(edition));
  }
  for (const auto& [partner, editions] : partner_editions) {
    if (editions.size() < 2) continue;
    out.met_again.push_back({.partner = *by_id.at(partner), .editions = editions});
  }
  return out;
}

Result<std::vector<match::PastMeeting>> PastMeetingsBefore(Store& store, const Event& event) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, EditionsInOrder(store));
  PONTE_ASSIGN_OR_RETURN(std::vector<Organization> all, store.ListOrganizations());
  std::unordered_map<std::int64_t, std::string> key_of;
  for (const Organization& o : all) key_of[o.id.value()] = o.key;
  struct Pair {
    const Event* edition = nullptr;  // the latest where they met
    std::optional<OutcomeStage> best;
  };
  std::map<std::pair<std::int64_t, std::int64_t>, Pair> pairs;  // (smaller id, larger id)
  auto key = [](OrganizationId x, OrganizationId y) {
    // By value: std::minmax would return references to the temporaries.
    return std::make_pair(std::min(x.value(), y.value()), std::max(x.value(), y.value()));
  };
  for (const Event& edition : events) {
    if (!(edition.start_date < event.start_date) || edition.id == event.id) continue;
    PONTE_ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetings(edition.id));
    for (const Meeting& m : meetings) {
      if (m.status == MeetingStatus::kHeld) pairs[key(m.a, m.b)].edition = &edition;
    }
  }
  for (const Event& edition : events) {
    if (!(edition.start_date < event.start_date) || edition.id == event.id) continue;
    PONTE_ASSIGN_OR_RETURN(std::vector<Outcome> outcomes,
                           store.ListOutcomes({.event = edition.id}));
    for (const Outcome& o : outcomes) {
      if (!Counts(o)) continue;
      for (std::size_t i = 0; i < o.organizations.size(); ++i) {
        for (std::size_t j = i + 1; j < o.organizations.size(); ++j) {
          auto it = pairs.find(key(o.organizations[i], o.organizations[j]));
          if (it != pairs.end()) it->second.best = Better(it->second.best, o.stage);
        }
      }
    }
  }
  std::vector<match::PastMeeting> out;
  for (const auto& [ids, pair] : pairs) {
    match::PastMeeting past;
    past.a = key_of[ids.first];
    past.b = key_of[ids.second];
    for (const auto& [lang, name] : pair.edition->name.all()) {
      past.edition_name.emplace_back(lang, name);
    }
    if (past.edition_name.empty()) past.edition_name.emplace_back("en", pair.edition->key);
    past.result = ToPastResult(pair.best);
    out.push_back(std::move(past));
  }
  return out;
}

}  // namespace ponte::service
