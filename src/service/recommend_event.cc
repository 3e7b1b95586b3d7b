#include "service/recommend_event.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace ponte::service {
namespace {

void AppendAll(std::string& out, const LocalizedText& text) {
  for (const auto& [lang, value] : text.all()) {
    if (!out.empty()) out += "\n";
    out += value;
  }
}

}  // namespace

std::vector<match::Profile> BuildMatchProfiles(const EventData& data,
                                               const std::vector<Profile>& profiles) {
  std::map<std::int64_t, std::vector<const Profile*>> by_org;
  for (const Profile& p : profiles) by_org[p.organization.value()].push_back(&p);
  std::unordered_map<std::int64_t, std::set<std::string>> languages;
  for (const Person& person : data.people) {
    languages[person.organization.value()].insert(person.languages.begin(), person.languages.end());
  }
  std::vector<match::Profile> out;
  for (const Organization& org : data.organizations) {
    auto it = by_org.find(org.id.value());
    if (it == by_org.end()) continue;
    match::Profile mp;
    mp.id = org.key;
    mp.country = org.country;
    mp.name = org.name.Best("en").first;
    mp.type = match::ParseOrganizationType(ToCode(org.type));
    const auto& langs = languages[org.id.value()];
    mp.languages.assign(langs.begin(), langs.end());
    std::set<std::string> themes;
    std::set<std::string> keywords;
    for (const Profile* p : it->second) {
      std::string& field = p->kind == ProfileKind::kOffer     ? mp.offer
                           : p->kind == ProfileKind::kRequest ? mp.seek
                                                              : mp.about;
      AppendAll(field, p->title);
      AppendAll(field, p->text);
      themes.insert(p->themes.begin(), p->themes.end());
      keywords.insert(p->keywords.begin(), p->keywords.end());
    }
    mp.themes.assign(themes.begin(), themes.end());
    mp.keywords.assign(keywords.begin(), keywords.end());
    out.push_back(std::move(mp));
  }
  return out;
}

match::RecommenderOptions EventRecommenderOptions(const EventData& data,
                                                  std::vector<match::PastMeeting> met_before) {
  std::unordered_map<std::int64_t, std::string> key_of;
  for (const Organization& o : data.organizations) key_of[o.id.value()] = o.key;
  match::RecommenderOptions options;
  options.interpreters_available = !data.interpreters.empty();
  options.met_before = std::move(met_before);
  for (const MeetingRequest& r : data.requests) {
    const std::string& from = key_of[r.from.value()];
    const std::string& to = key_of[r.to.value()];
    if (r.preference == Preference::kNoThanks) {
      options.no_thanks.emplace_back(from, to);
    } else {
      options.excluded_pairs.emplace_back(from, to);
    }
  }
  return options;
}

Result<EventRecommendations> RecommendForEvent(const EventData& data,
                                               const std::vector<Profile>& profiles,
                                               std::shared_ptr<const match::TextModel> model,
                                               std::size_t k,
                                               std::vector<match::PastMeeting> met_before) {
  std::unordered_map<std::string, OrganizationId> id_of;
  for (const Organization& o : data.organizations) id_of[o.key] = o.id;
  match::RecommenderOptions options = EventRecommenderOptions(data, std::move(met_before));
  EventRecommendations out;
  PONTE_ASSIGN_OR_RETURN(out.recommender, match::Recommender::Build(
                                              std::move(model), BuildMatchProfiles(data, profiles),
                                              std::move(options)));
  out.top = out.recommender->TopKAll(k);
  for (std::size_t i = 0; i < out.recommender->size(); ++i) {
    out.organization.push_back(id_of[out.recommender->profile(i).id]);
  }
  return out;
}

std::vector<MeetingRequest> ProposeMutualMeetings(const EventData& data,
                                                  const EventRecommendations& recs,
                                                  std::size_t limit, int per_organization,
                                                  Instant now) {
  std::map<std::pair<std::size_t, std::size_t>, double> offered;  // (reader, candidate) -> score
  for (std::size_t i = 0; i < recs.top.size(); ++i) {
    for (const match::Recommendation& r : recs.top[i]) {
      if (auto j = recs.recommender->IndexOf(r.id)) offered[{i, *j}] = r.score;
    }
  }
  struct Pair {
    double score;
    std::size_t a;
    std::size_t b;
  };
  std::vector<Pair> mutual;
  for (const auto& [pair, score] : offered) {
    if (pair.first >= pair.second) continue;
    auto back = offered.find({pair.second, pair.first});
    if (back == offered.end()) continue;
    mutual.push_back({std::min(score, back->second), pair.first, pair.second});
  }
  std::sort(mutual.begin(), mutual.end(), [](const Pair& x, const Pair& y) {
    return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  std::set<std::string> keys;
  for (const MeetingRequest& r : data.requests) keys.insert(r.key);
  std::vector<int> added(recs.top.size(), 0);
  std::vector<MeetingRequest> out;
  for (const Pair& p : mutual) {
    if (out.size() >= limit) break;
    if (added[p.a] >= per_organization || added[p.b] >= per_organization) continue;
    MeetingRequest r;
    r.event = data.event.id;
    r.from = recs.organization[p.a];
    r.to = recs.organization[p.b];
    r.key = "match-" + recs.recommender->profile(p.a).id + "-" + recs.recommender->profile(p.b).id;
    if (keys.contains(r.key)) continue;
    r.preference = Preference::kWant;
    r.status = RequestStatus::kAccepted;
    r.message = "Proposed by ponte matchmaking (mutual recommendation, score " +
                std::to_string(static_cast<int>(p.score * 100)) + "/100)";
    r.created_at = now;
    r.updated_at = now;
    ++added[p.a];
    ++added[p.b];
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ponte::service
