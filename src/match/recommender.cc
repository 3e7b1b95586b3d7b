#include "match/recommender.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "match/explain.h"
#include "text/normalize.h"

namespace ponte::match {
namespace {

using FeatureId = std::uint32_t;
using ProfileIndex = std::uint32_t;

// BM25 parameters (Robertson & Zaragoza): document term-frequency saturation
// and length normalization, and query term-frequency saturation.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// Language factor: a shared language, interpreters at the event, or neither.
constexpr double kSharedLanguage = 1.0;
constexpr double kWithInterpreter = 0.95;
constexpr double kNoCommonLanguage = 0.8;
// City factor when both list event cities but share none.
constexpr double kNoCommonCity = 0.85;
// Cooperation fit when a side names no cooperation type at all.
constexpr double kCooperationUnknown = 0.5;
// Explanations list at most this many concepts per line.
constexpr std::size_t kMaxExplainedConcepts = 4;

struct Entry {
  FeatureId feature;
  float value;
};

struct Posting {
  ProfileIndex profile;
  float value;
};

// One profile, ready for scoring.
struct Doc {
  Profile profile;
  bool alive = true;
  std::uint32_t organization = 0;  // interned organization key
  std::uint16_t country = 0;
  std::vector<Entry> offer_tf;  // raw (weighted) term frequencies, sorted by feature
  std::vector<Entry> seek_tf;
  std::vector<Entry> offer_w;         // BM25 document weights idf * tf-saturation
  std::vector<Entry> seek_q;          // query weights qtf-saturation * idf / norm
  std::vector<std::uint32_t> themes;  // interned theme codes, sorted
  std::uint32_t offer_cooperation = 0;
  std::uint32_t seek_cooperation = 0;
  std::uint8_t language_mask = 0;
  std::vector<std::string> cities;       // folded, restricted to the event's cities; sorted
  std::vector<std::string> city_labels;  // as written, parallel to `cities`
  bool any_city = true;                  // lists no city: can meet anywhere
  text::Language reader_language = text::Language::kEnglish;
};

double OrganizationPrior(OrganizationType a, OrganizationType b) {
  using T = OrganizationType;
  auto academic = [](T t) { return t == T::kUniversity || t == T::kResearch; };
  auto business = [](T t) { return t == T::kCompany || t == T::kStartup; };
  auto hub = [](T t) {
    return t == T::kDistrict || t == T::kSciencePark || t == T::kGovernment || t == T::kAssociation;
  };
  // Complementary kinds (knowledge <-> industry, hubs <-> members) first.
  if ((academic(a) && business(b)) || (business(a) && academic(b))) return 1.0;
  if ((hub(a) && business(b)) || (business(a) && hub(b))) return 1.0;
  if (academic(a) && academic(b)) return 0.95;
  if ((hub(a) && academic(b)) || (academic(a) && hub(b))) return 0.95;
  if (business(a) && business(b)) return 0.92;
  if (hub(a) && hub(b)) return 0.9;
  return 0.9;  // kOther with anything
}

double Dot(const std::vector<Entry>& a, const std::vector<Entry>& b) {
  double sum = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->feature < j->feature) {
      ++i;
    } else if (j->feature < i->feature) {
      ++j;
    } else {
      sum += static_cast<double>(i->value) * static_cast<double>(j->value);
      ++i;
      ++j;
    }
  }
  return sum;
}

double Jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double CooperationFit(std::uint32_t sought, std::uint32_t offered) {
  if (sought == 0 || offered == 0) return kCooperationUnknown;
  return (sought & offered) != 0 ? 1.0 : 0.0;
}

// Maps a normalized BM25 sum (1 = every query concept matched once in an
// average document) into [0, 1) without ties: long profiles that share much
// text keep their order instead of all clamping at 1.
double Saturate(double x) {
  constexpr double kRate = 2.0;
  return 1.0 - std::exp(-kRate * x);
}

bool HaveCommon(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a) {
    if (std::binary_search(b.begin(), b.end(), x)) return true;
  }
  return false;
}

double HarmonicMean(double a, double b) { return a + b > 0 ? 2 * a * b / (a + b) : 0; }

std::uint64_t PairKey(ProfileIndex a, ProfileIndex b) {
  return (static_cast<std::uint64_t>(a) << 32U) | b;
}

std::vector<Entry> Accumulate(const std::vector<std::pair<FeatureId, float>>& items) {
  std::vector<Entry> out;
  for (const auto& [feature, value] : items) out.push_back({feature, value});
  std::sort(out.begin(), out.end(),
            [](const Entry& x, const Entry& y) { return x.feature < y.feature; });
  std::vector<Entry> merged;
  for (const Entry& e : out) {
    if (!merged.empty() && merged.back().feature == e.feature) {
      merged.back().value += e.value;
    } else {
      merged.push_back(e);
    }
  }
  return merged;
}

}  // namespace

struct Recommender::Impl {
  std::shared_ptr<const TextModel> model;
  RecommenderOptions options;
  std::vector<Doc> docs;
  // Hot per-profile fields for candidate filtering, kept apart from the bulky
  // Doc so the filter stays in cache.
  struct Key {
    std::uint32_t organization = 0;
    std::uint16_t country = 0;
    bool alive = false;
  };
  std::vector<Key> keys;
  std::unordered_map<std::string, ProfileIndex> by_id;
  std::unordered_map<std::string, std::uint32_t> organizations;
  std::unordered_map<std::string, std::uint16_t> countries;
  std::unordered_map<std::string, std::uint32_t> theme_ids;
  std::vector<std::string> theme_codes;
  // Features: concepts are [0, concept_count), terms follow.
  std::size_t concept_count = 0;
  std::unordered_map<std::string, FeatureId> term_ids;
  std::vector<std::string> term_surfaces;
  std::vector<std::uint32_t> df;  // profiles containing the feature
  std::size_t df_total = 0;       // profiles counted in df
  double avg_offer_length = 1;
  std::vector<std::vector<Posting>> offer_postings;  // feature -> by value, descending
  std::vector<std::vector<Posting>> seek_postings;
  std::unordered_set<std::uint64_t> excluded;  // ordered pairs (reader, candidate)
  // Both orders of a pair that met before -> index in options.met_before.
  std::unordered_map<std::uint64_t, std::size_t> met;
  // Cache of ranked lists for incremental maintenance.
  std::vector<std::vector<std::pair<ProfileIndex, double>>> cache;
  std::vector<bool> cache_valid;
  std::size_t cache_k = 0;
  std::unique_ptr<FeatureExtractor> update_extractor;
  // holders[b]: profiles whose cached list may contain b (a superset: stale
  // entries are re-checked). Rebuilt when lists were ranked outside Update().
  std::vector<std::vector<ProfileIndex>> holders;
  bool holders_dirty = true;

  void RebuildHolders() {
    holders.assign(docs.size(), {});
    for (ProfileIndex a = 0; a < docs.size(); ++a) {
      if (!cache_valid[a]) continue;
      for (const auto& entry : cache[a]) holders[entry.first].push_back(a);
    }
    holders_dirty = false;
  }

  // --- interning -----------------------------------------------------------
  FeatureId Intern(const RawFeature& f) {
    if (f.is_concept) return static_cast<FeatureId>(f.concept_id);
    const auto [it, inserted] =
        term_ids.emplace(f.term, static_cast<FeatureId>(concept_count + term_surfaces.size()));
    if (inserted) term_surfaces.push_back(f.surface);
    return it->second;
  }
  std::uint32_t InternTheme(const std::string& code) {
    const auto [it, inserted] =
        theme_ids.emplace(code, static_cast<std::uint32_t>(theme_codes.size()));
    if (inserted) theme_codes.push_back(code);
    return it->second;
  }
  std::size_t FeatureCount() const { return concept_count + term_surfaces.size(); }

  void Fill(Doc& doc, const RawFeatures& raw) {
    std::array<std::vector<std::pair<FeatureId, float>>, 2> sides;
    for (std::size_t s = 0; s < 2; ++s) {
      for (const RawFeature& f : raw.sides[s]) {
        const float boost = f.is_concept ? static_cast<float>(options.weights.concept_boost) : 1.0F;
        sides[s].emplace_back(Intern(f), f.weight * boost);
      }
    }
    doc.offer_tf = Accumulate(sides[0]);
    doc.seek_tf = Accumulate(sides[1]);
    doc.themes.clear();
    for (const std::string& code : raw.themes) doc.themes.push_back(InternTheme(code));
    std::sort(doc.themes.begin(), doc.themes.end());
    doc.offer_cooperation = raw.offer_cooperation;
    doc.seek_cooperation = raw.seek_cooperation;
    doc.language_mask = raw.language_mask;
    doc.reader_language = raw.reader_language;
    SetCities(doc);
    const std::string org =
        doc.profile.organization.empty() ? "\x1f" + doc.profile.id : doc.profile.organization;
    doc.organization =
        organizations.emplace(org, static_cast<std::uint32_t>(organizations.size())).first->second;
    doc.country =
        countries.emplace(doc.profile.country, static_cast<std::uint16_t>(countries.size()))
            .first->second;
  }

  // Keeps the profile's cities that are event cities (folded for comparison).
  void SetCities(Doc& doc) const {
    doc.cities.clear();
    doc.city_labels.clear();
    doc.any_city = true;
    if (options.event_cities.empty() || doc.profile.cities.empty()) return;
    doc.any_city = false;
    std::vector<std::pair<std::string, std::string>> kept;
    for (const std::string& city : doc.profile.cities) {
      const std::string folded = text::FoldForMatch(Trim(city));
      for (const std::string& event_city : options.event_cities) {
        if (text::FoldForMatch(Trim(event_city)) == folded) kept.emplace_back(folded, city);
      }
    }
    std::sort(kept.begin(), kept.end());
    kept.erase(std::unique(kept.begin(), kept.end(),
                           [](const auto& x, const auto& y) { return x.first == y.first; }),
               kept.end());
    for (auto& [folded, label] : kept) {
      doc.cities.push_back(folded);
      doc.city_labels.push_back(label);
    }
  }

  double Idf(FeatureId f) const {
    const double n = static_cast<double>(std::max<std::size_t>(df_total, 1));
    const double d = f < df.size() ? static_cast<double>(df[f]) : 0.0;
    return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
  }

  void CountDf(const Doc& doc, int sign) {
    if (df.size() < FeatureCount()) df.resize(FeatureCount(), 0);
    std::vector<FeatureId> features;
    for (const Entry& e : doc.offer_tf) features.push_back(e.feature);
    for (const Entry& e : doc.seek_tf) features.push_back(e.feature);
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    for (FeatureId f : features) {
      df[f] = sign > 0 ? df[f] + 1 : df[f] - 1;
    }
  }

  void Weigh(Doc& doc) const {
    double length = 0;
    for (const Entry& e : doc.offer_tf) length += e.value;
    doc.offer_w.clear();
    for (const Entry& e : doc.offer_tf) {
      const double tf = e.value;
      const double w =
          Idf(e.feature) * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / avg_offer_length));
      doc.offer_w.push_back({e.feature, static_cast<float>(w)});
    }
    // Query weights, normalized so that matching every query concept once in
    // an average-length document scores 1.
    double norm = 0;
    doc.seek_q.clear();
    for (const Entry& e : doc.seek_tf) {
      const double k3 = options.weights.query_saturation;
      const double qtf = e.value * (k3 + 1) / (e.value + k3);
      // The IDF is in the document weight (offer_w) only, as in BM25.
      norm += qtf * Idf(e.feature);
      doc.seek_q.push_back({e.feature, static_cast<float>(qtf)});
    }
    if (norm > 0) {
      for (Entry& e : doc.seek_q) e.value = static_cast<float>(e.value / norm);
    }
  }

  void Post(ProfileIndex index) {
    if (offer_postings.size() < FeatureCount()) {
      offer_postings.resize(FeatureCount());
      seek_postings.resize(FeatureCount());
    }
    auto insert = [](std::vector<Posting>& list, Posting p) {
      auto at =
          std::upper_bound(list.begin(), list.end(), p, [](const Posting& x, const Posting& y) {
            return x.value > y.value || (x.value == y.value && x.profile < y.profile);
          });
      list.insert(at, p);
    };
    for (const Entry& e : docs[index].offer_w) insert(offer_postings[e.feature], {index, e.value});
    for (const Entry& e : docs[index].seek_q) insert(seek_postings[e.feature], {index, e.value});
  }

  void Unpost(ProfileIndex index) {
    auto erase = [index](std::vector<Posting>& list) {
      list.erase(std::remove_if(list.begin(), list.end(),
                                [index](const Posting& p) { return p.profile == index; }),
                 list.end());
    };
    for (const Entry& e : docs[index].offer_w) erase(offer_postings[e.feature]);
    for (const Entry& e : docs[index].seek_q) erase(seek_postings[e.feature]);
  }

  // --- scoring -------------------------------------------------------------
  void SetKey(ProfileIndex i) {
    if (keys.size() <= i) keys.resize(i + 1);
    keys[i] = {docs[i].organization, docs[i].country, docs[i].alive};
  }

  bool Allowed(ProfileIndex reader, ProfileIndex candidate) const {
    if (reader == candidate || !keys[candidate].alive) return false;
    const Key& a = keys[reader];
    const Key& b = keys[candidate];
    if (a.organization == b.organization) return false;
    if (!options.same_country && a.country == b.country) return false;
    if (!excluded.empty() && excluded.count(PairKey(reader, candidate)) != 0) return false;
    return true;
  }

  ScoreBreakdown Score(ProfileIndex reader, ProfileIndex candidate) const {
    const Doc& a = docs[reader];
    const Doc& b = docs[candidate];
    const Weights& w = options.weights;
    ScoreBreakdown s;
    s.need = Saturate(Dot(a.seek_q, b.offer_w));
    s.offer = Saturate(Dot(b.seek_q, a.offer_w));
    s.themes = Jaccard(a.themes, b.themes);
    s.cooperation_need = CooperationFit(a.seek_cooperation, b.offer_cooperation);
    s.cooperation_offer = CooperationFit(b.seek_cooperation, a.offer_cooperation);
    s.reader_side = w.text * s.need + w.themes * s.themes + w.cooperation * s.cooperation_need;
    s.candidate_side = w.text * s.offer + w.themes * s.themes + w.cooperation * s.cooperation_offer;
    // Without any textual complementarity on a side, that side does not want
    // the other: the cooperation-type prior alone must not make a match.
    if (s.need == 0 && s.themes == 0) s.reader_side = 0;
    if (s.offer == 0 && s.themes == 0) s.candidate_side = 0;
    s.reciprocal = HarmonicMean(s.reader_side, s.candidate_side);
    s.organization = OrganizationPrior(a.profile.type, b.profile.type);
    if ((a.language_mask & b.language_mask) != 0) {
      s.language = kSharedLanguage;
    } else {
      s.language = options.interpreters_available ? kWithInterpreter : kNoCommonLanguage;
    }
    s.city = 1.0;
    if (!a.any_city && !b.any_city && !HaveCommon(a.cities, b.cities)) s.city = kNoCommonCity;
    s.history = 1.0;
    if (!met.empty()) {
      if (auto it = met.find(PairKey(reader, candidate)); it != met.end()) {
        s.history = PastMeetingFactor(options.met_before[it->second].result);
      }
    }
    s.total = std::min(1.0, s.reciprocal * s.organization * s.language * s.city * s.history);
    return s;
  }

  struct Scratch {
    std::vector<float> need;   // approximate need(reader, b) per profile
    std::vector<float> offer;  // approximate offer(reader, b)
    std::vector<ProfileIndex> touched;
    std::vector<std::pair<float, ProfileIndex>> shortlist;
  };

  // Ranked (candidate, score) for `reader`, at most `k`; `neighbourhood`, when
  // given, receives every exactly scored candidate (the shortlist).
  std::vector<std::pair<ProfileIndex, double>> Rank(
      ProfileIndex reader, std::size_t k, Scratch& scratch,
      std::vector<std::pair<ProfileIndex, double>>* neighbourhood = nullptr) const {
    if (scratch.need.size() < docs.size()) {
      scratch.need.assign(docs.size(), 0);
      scratch.offer.assign(docs.size(), 0);
    }
    const Doc& a = docs[reader];
    auto touch = [&](ProfileIndex b) {
      if (scratch.need[b] == 0 && scratch.offer[b] == 0) scratch.touched.push_back(b);
    };
    const std::size_t limit = options.max_postings_per_feature;
    for (const Entry& q : a.seek_q) {
      if (q.feature >= offer_postings.size()) continue;
      const auto& list = offer_postings[q.feature];
      const std::size_t n = std::min(limit, list.size());
      for (std::size_t i = 0; i < n; ++i) {
        touch(list[i].profile);
        scratch.need[list[i].profile] += q.value * list[i].value;
      }
    }
    for (const Entry& d : a.offer_w) {
      if (d.feature >= seek_postings.size()) continue;
      const auto& list = seek_postings[d.feature];
      const std::size_t n = std::min(limit, list.size());
      for (std::size_t i = 0; i < n; ++i) {
        touch(list[i].profile);
        scratch.offer[list[i].profile] += d.value * list[i].value;
      }
    }
    // Shortlist by an approximate reciprocal score, then score exactly. Both
    // sides must want something of the other; one-sided candidates (who could
    // still score through shared themes) are used only when too few are two-sided.
    auto& shortlist = scratch.shortlist;
    shortlist.clear();
    std::size_t one_sided = 0;
    for (ProfileIndex b : scratch.touched) {
      const float need = scratch.need[b];
      const float offer = scratch.offer[b];
      scratch.need[b] = 0;
      scratch.offer[b] = 0;
      if (need > 0 && offer > 0) {
        if (Allowed(reader, b)) shortlist.emplace_back(need + offer + 2 * std::min(need, offer), b);
      } else {
        scratch.touched[one_sided++] = b;
      }
    }
    if (shortlist.size() < 2 * k) {
      for (std::size_t i = 0; i < one_sided; ++i) {
        const ProfileIndex b = scratch.touched[i];
        if (Allowed(reader, b)) shortlist.emplace_back(0.0F, b);
      }
    }
    scratch.touched.clear();
    const std::size_t keep = std::min(shortlist.size(), std::max(options.max_candidates, 3 * k));
    auto by_score = [](const auto& x, const auto& y) {
      return x.first > y.first || (x.first == y.first && x.second < y.second);
    };
    if (keep < shortlist.size()) {
      std::nth_element(shortlist.begin(), shortlist.begin() + static_cast<std::ptrdiff_t>(keep),
                       shortlist.end(), by_score);
      shortlist.resize(keep);
    }
    std::vector<std::pair<ProfileIndex, double>> ranked;
    for (const auto& [approx, b] : shortlist) {
      const double total = Score(reader, b).total;
      if (total > 0) ranked.emplace_back(b, total);
    }
    std::sort(ranked.begin(), ranked.end(), [this](const auto& x, const auto& y) {
      return x.second > y.second ||
             (x.second == y.second && docs[x.first].profile.id < docs[y.first].profile.id);
    });
    if (neighbourhood != nullptr) *neighbourhood = ranked;
    if (ranked.size() > k) ranked.resize(k);
    return ranked;
  }

  Recommendation Describe(ProfileIndex reader, ProfileIndex candidate,
                          std::optional<text::Language> language) const {
    const Doc& a = docs[reader];
    const Doc& b = docs[candidate];
    Recommendation rec;
    rec.id = b.profile.id;
    rec.breakdown = Score(reader, candidate);
    rec.score = rec.breakdown.total;
    rec.language = language.value_or(a.reader_language);
    const text::Lexicon& lexicon = model->lexicon();
    auto labels = [&](const std::vector<Entry>& query, const std::vector<Entry>& document) {
      std::vector<std::pair<double, FeatureId>> shared;
      auto i = query.begin();
      auto j = document.begin();
      while (i != query.end() && j != document.end()) {
        if (i->feature < j->feature) {
          ++i;
        } else if (j->feature < i->feature) {
          ++j;
        } else {
          shared.emplace_back(static_cast<double>(i->value) * j->value, i->feature);
          ++i;
          ++j;
        }
      }
      std::sort(shared.begin(), shared.end(), [](const auto& x, const auto& y) {
        return x.first > y.first || (x.first == y.first && x.second < y.second);
      });
      std::vector<std::string> out;
      std::vector<std::string> folded_seen;
      for (const auto& [weight, feature] : shared) {
        if (out.size() == kMaxExplainedConcepts) break;
        // Themes have their own line.
        if (feature < concept_count &&
            lexicon.GetConcept(static_cast<text::ConceptId>(feature)).source ==
                text::ConceptSource::kTheme) {
          continue;
        }
        std::string label =
            feature < concept_count
                ? std::string(lexicon.Label(static_cast<text::ConceptId>(feature), rec.language))
                : term_surfaces[feature - concept_count];
        // Glossary, taxonomy and cooperation types may name one thing twice.
        std::string folded = text::FoldForMatch(label);
        if (std::find(folded_seen.begin(), folded_seen.end(), folded) != folded_seen.end())
          continue;
        folded_seen.push_back(std::move(folded));
        out.push_back(std::move(label));
      }
      return out;
    };
    rec.they_offer = labels(a.seek_q, b.offer_w);
    rec.they_seek = labels(b.seek_q, a.offer_w);
    std::vector<std::uint32_t> common;
    std::set_intersection(a.themes.begin(), a.themes.end(), b.themes.begin(), b.themes.end(),
                          std::back_inserter(common));
    for (std::uint32_t t : common) {
      const std::string& code = theme_codes[t];
      // A parent theme is implied by its child: show the most specific.
      const bool has_child = std::any_of(common.begin(), common.end(), [&](std::uint32_t u) {
        return theme_codes[u].size() > code.size() && theme_codes[u].rfind(code + ".", 0) == 0;
      });
      if (has_child) continue;
      if (auto id = lexicon.Find("t:" + code)) {
        rec.shared_themes.emplace_back(lexicon.Label(*id, rec.language));
      }
    }
    std::string shared_language;
    for (text::Language l : {a.reader_language, b.reader_language, text::Language::kEnglish,
                             text::Language::kItalian, text::Language::kChinese}) {
      const unsigned bit = 1U << static_cast<unsigned>(l);
      if ((a.language_mask & bit) != 0 && (b.language_mask & bit) != 0) {
        shared_language = std::string(text::LanguageCode(l));
        break;
      }
    }
    for (std::size_t c = 0; c < a.cities.size(); ++c) {
      if (std::binary_search(b.cities.begin(), b.cities.end(), a.cities[c])) {
        rec.shared_cities.push_back(a.city_labels[c]);
      }
    }
    if (auto it = met.find(PairKey(reader, candidate)); it != met.end()) {
      rec.met_before = MetBeforeLine(options.met_before[it->second], rec.language);
    }
    rec.why = ExplainLines(rec, rec.language, shared_language, options.interpreters_available);
    return rec;
  }

  void Reindex() {
    // Document-frequency statistics and weights from scratch.
    df.assign(FeatureCount(), 0);
    df_total = 0;
    double total_length = 0;
    for (const Doc& doc : docs) {
      if (!doc.alive) continue;
      CountDf(doc, +1);
      ++df_total;
      for (const Entry& e : doc.offer_tf) total_length += e.value;
    }
    avg_offer_length =
        df_total > 0 ? std::max(1.0, total_length / static_cast<double>(df_total)) : 1;
    offer_postings.assign(FeatureCount(), {});
    seek_postings.assign(FeatureCount(), {});
    for (Doc& doc : docs) Weigh(doc);
    // Bulk posting: append then sort once per list.
    for (ProfileIndex i = 0; i < docs.size(); ++i) {
      if (!docs[i].alive) continue;
      for (const Entry& e : docs[i].offer_w) offer_postings[e.feature].push_back({i, e.value});
      for (const Entry& e : docs[i].seek_q) seek_postings[e.feature].push_back({i, e.value});
    }
    auto order = [](const Posting& x, const Posting& y) {
      return x.value > y.value || (x.value == y.value && x.profile < y.profile);
    };
    for (auto& list : offer_postings) std::sort(list.begin(), list.end(), order);
    for (auto& list : seek_postings) std::sort(list.begin(), list.end(), order);
  }

  Status ResolveExclusions() {
    excluded.clear();
    auto add = [&](const std::string& x, const std::string& y, bool both) {
      const auto a = by_id.find(x);
      const auto b = by_id.find(y);
      if (a == by_id.end() || b == by_id.end()) return;  // pairs of absent profiles are moot
      excluded.insert(PairKey(a->second, b->second));
      if (both) excluded.insert(PairKey(b->second, a->second));
    };
    for (const auto& [x, y] : options.excluded_pairs) add(x, y, true);
    for (const auto& [x, y] : options.no_thanks) add(x, y, false);
    met.clear();
    for (std::size_t i = 0; i < options.met_before.size(); ++i) {
      const auto a = by_id.find(options.met_before[i].a);
      const auto b = by_id.find(options.met_before[i].b);
      if (a == by_id.end() || b == by_id.end()) continue;
      met[PairKey(a->second, b->second)] = i;
      met[PairKey(b->second, a->second)] = i;
    }
    return OkStatus();
  }
};

double PastMeetingFactor(PastResult result) {
  switch (result) {
    case PastResult::kNoContact:
      return 0.6;  // they met and nothing came of it: others first
    case PastResult::kNegotiation:
      return 1.1;  // an open negotiation: meeting again may close it
    default:
      return 1.0;
  }
}

Recommender::Recommender(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Recommender::~Recommender() = default;

Result<std::unique_ptr<Recommender>> Recommender::Build(std::shared_ptr<const TextModel> model,
                                                        std::vector<Profile> profiles,
                                                        RecommenderOptions options) {
  if (!model) return InvalidArgumentError("Recommender::Build: no text model");
  auto impl = std::make_unique<Impl>();
  impl->model = model;
  impl->options = std::move(options);
  impl->options.threads = std::max<std::size_t>(1, impl->options.threads);
  impl->concept_count = model->lexicon().size();
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    PONTE_RETURN_IF_ERROR(
        ValidateProfile(profiles[i]).WithContext("profile " + std::to_string(i + 1)));
    if (!impl->by_id.emplace(profiles[i].id, static_cast<ProfileIndex>(i)).second) {
      return InvalidArgumentError("profile " + std::to_string(i + 1) + ": duplicate id '" +
                                  profiles[i].id + "'");
    }
  }
  // Text analysis in parallel (each worker its own extractor), interning in order.
  std::vector<RawFeatures> raw(profiles.size());
  {
    const std::size_t workers =
        std::min(impl->options.threads, std::max<std::size_t>(1, profiles.size()));
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w) {
      threads.emplace_back([&, w] {
        FeatureExtractor extractor(model);
        for (std::size_t i = w; i < profiles.size(); i += workers)
          raw[i] = extractor.Extract(profiles[i]);
      });
    }
    for (auto& t : threads) t.join();
  }
  impl->docs.resize(profiles.size());
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    impl->docs[i].profile = std::move(profiles[i]);
    impl->Fill(impl->docs[i], raw[i]);
    impl->SetKey(static_cast<ProfileIndex>(i));
  }
  impl->Reindex();
  PONTE_RETURN_IF_ERROR(impl->ResolveExclusions());
  impl->cache.assign(impl->docs.size(), {});
  impl->cache_valid.assign(impl->docs.size(), false);
  return std::unique_ptr<Recommender>(new Recommender(std::move(impl)));
}

std::size_t Recommender::size() const { return impl_->docs.size(); }
const Profile& Recommender::profile(std::size_t index) const { return impl_->docs[index].profile; }
std::optional<std::size_t> Recommender::IndexOf(std::string_view id) const {
  const auto it = impl_->by_id.find(std::string(id));
  if (it == impl_->by_id.end()) return std::nullopt;
  return it->second;
}
text::Language Recommender::ReaderLanguage(std::size_t index) const {
  return impl_->docs[index].reader_language;
}

Result<std::vector<Recommendation>> Recommender::TopK(std::string_view id, std::size_t k,
                                                      std::optional<text::Language> reader) {
  const auto index = IndexOf(id);
  if (!index || !impl_->docs[*index].alive)
    return NotFoundError("no profile '" + std::string(id) + "'");
  const auto i = static_cast<ProfileIndex>(*index);
  if (!impl_->cache_valid[i] || impl_->cache_k < k) {
    Impl::Scratch scratch;
    impl_->cache[i] = impl_->Rank(i, std::max(k, impl_->cache_k), scratch);
    impl_->cache_valid[i] = true;
    if (!impl_->holders_dirty && impl_->holders.size() == impl_->docs.size()) {
      for (const auto& entry : impl_->cache[i]) impl_->holders[entry.first].push_back(i);
    }
    impl_->cache_k = std::max(impl_->cache_k, k);
  }
  std::vector<Recommendation> out;
  for (const auto& [candidate, score] : impl_->cache[i]) {
    if (out.size() == k) break;
    out.push_back(impl_->Describe(i, candidate, reader));
  }
  return out;
}

void Recommender::ForEachTopK(std::size_t k, const TopKSink& sink) {
  Impl& impl = *impl_;
  const std::size_t n = impl.docs.size();
  impl.cache_k = std::max(impl.cache_k, k);
  impl.holders_dirty = true;
  // Blocks keep memory bounded (explanations are the bulky part) while the
  // sink still sees profiles in order, on the calling thread.
  constexpr std::size_t kBlock = 1024;
  const std::size_t workers = std::max<std::size_t>(1, impl.options.threads);
  std::vector<Impl::Scratch> scratch(workers);
  std::vector<std::vector<Recommendation>> block(kBlock);
  for (std::size_t begin = 0; begin < n; begin += kBlock) {
    const std::size_t end = std::min(n, begin + kBlock);
    auto work = [&](std::size_t w) {
      for (std::size_t i = begin + w; i < end; i += workers) {
        block[i - begin].clear();
        if (!impl.docs[i].alive) continue;
        const auto reader = static_cast<ProfileIndex>(i);
        impl.cache[i] = impl.Rank(reader, impl.cache_k, scratch[w]);
        impl.cache_valid[i] = true;
        for (const auto& [candidate, score] : impl.cache[i]) {
          if (block[i - begin].size() == k) break;
          block[i - begin].push_back(impl.Describe(reader, candidate, std::nullopt));
        }
      }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
    work(0);
    for (auto& t : threads) t.join();
    for (std::size_t i = begin; i < end; ++i) {
      if (impl.docs[i].alive) sink(i, std::move(block[i - begin]));
    }
  }
  impl.RebuildHolders();  // here rather than in the first Update()
}

std::vector<std::vector<Recommendation>> Recommender::TopKAll(std::size_t k) {
  std::vector<std::vector<Recommendation>> out(impl_->docs.size());
  ForEachTopK(
      k, [&out](std::size_t i, std::vector<Recommendation> recs) { out[i] = std::move(recs); });
  return out;
}

std::vector<MutualMatch> Recommender::MutualTopK(std::size_t k) {
  Impl& impl = *impl_;
  const std::size_t n = impl.docs.size();
  // Rank whatever is missing, in parallel.
  impl.cache_k = std::max(impl.cache_k, k);
  impl.holders_dirty = true;
  const std::size_t workers = std::max<std::size_t>(1, impl.options.threads);
  std::vector<std::thread> threads;
  auto work = [&](std::size_t w) {
    Impl::Scratch scratch;
    for (std::size_t i = w; i < n; i += workers) {
      if (!impl.docs[i].alive || (impl.cache_valid[i] && impl.cache[i].size() >= k)) continue;
      impl.cache[i] = impl.Rank(static_cast<ProfileIndex>(i), impl.cache_k, scratch);
    }
  };
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < n; ++i) {
    if (impl.docs[i].alive) impl.cache_valid[i] = true;
  }
  impl.RebuildHolders();
  auto in_top = [&](ProfileIndex of, ProfileIndex who) {
    const auto& list = impl.cache[of];
    const std::size_t m = std::min(k, list.size());
    for (std::size_t r = 0; r < m; ++r) {
      if (list[r].first == who) return true;
    }
    return false;
  };
  std::vector<MutualMatch> out;
  for (ProfileIndex i = 0; i < n; ++i) {
    if (!impl.docs[i].alive) continue;
    const auto& list = impl.cache[i];
    for (std::size_t r = 0; r < std::min(k, list.size()); ++r) {
      const ProfileIndex j = list[r].first;
      const std::string& a = impl.docs[i].profile.id;
      const std::string& b = impl.docs[j].profile.id;
      if (!(a < b) || !in_top(j, i)) continue;
      out.push_back({a, b, list[r].second});
    }
  }
  std::sort(out.begin(), out.end(), [](const MutualMatch& x, const MutualMatch& y) {
    return x.score > y.score || (x.score == y.score && (x.a < y.a || (x.a == y.a && x.b < y.b)));
  });
  return out;
}

Result<Recommendation> Recommender::Explain(std::string_view reader_id,
                                            std::string_view candidate_id,
                                            std::optional<text::Language> reader) const {
  const auto a = IndexOf(reader_id);
  if (!a) return NotFoundError("no profile '" + std::string(reader_id) + "'");
  const auto b = IndexOf(candidate_id);
  if (!b) return NotFoundError("no profile '" + std::string(candidate_id) + "'");
  return impl_->Describe(static_cast<ProfileIndex>(*a), static_cast<ProfileIndex>(*b), reader);
}

Status Recommender::Update(const Profile& profile) {
  PONTE_RETURN_IF_ERROR(ValidateProfile(profile));
  Impl& impl = *impl_;
  // One extractor for all updates: forking an analyzer opens the OpenCC and
  // Snowball resources, which would dominate the cost of an update.
  if (!impl.update_extractor)
    impl.update_extractor = std::make_unique<FeatureExtractor>(impl.model);
  const RawFeatures raw = impl.update_extractor->Extract(profile);
  ProfileIndex index = 0;
  if (const auto it = impl.by_id.find(profile.id); it != impl.by_id.end()) {
    index = it->second;
    impl.Unpost(index);
  } else {
    index = static_cast<ProfileIndex>(impl.docs.size());
    impl.docs.emplace_back();
    impl.by_id.emplace(profile.id, index);
    impl.cache.emplace_back();
    impl.cache_valid.push_back(false);
  }
  Doc& doc = impl.docs[index];
  doc.profile = profile;
  doc.alive = true;
  impl.Fill(doc, raw);
  impl.SetKey(index);
  if (impl.df.size() < impl.FeatureCount()) impl.df.resize(impl.FeatureCount(), 0);
  impl.Weigh(doc);
  impl.Post(index);
  PONTE_RETURN_IF_ERROR(impl.ResolveExclusions());

  // Re-rank the neighbourhood: its own list, then every cached list that holds
  // it or that it now enters. The pair score is symmetric apart from "no
  // thanks", so the candidates scored for its own list are the profiles whose
  // lists it may enter.
  const std::size_t k = impl.cache_k;
  if (k == 0) return OkStatus();
  Impl::Scratch scratch;
  std::vector<std::pair<ProfileIndex, double>> neighbourhood;
  impl.cache[index] = impl.Rank(index, k, scratch, &neighbourhood);
  impl.cache_valid[index] = true;
  auto order = [&impl](const auto& x, const auto& y) {
    return x.second > y.second ||
           (x.second == y.second && impl.docs[x.first].profile.id < impl.docs[y.first].profile.id);
  };
  // Lists that held the profile: rescore it there.
  if (impl.holders_dirty) {
    impl.RebuildHolders();
  } else if (impl.holders.size() < impl.docs.size()) {
    impl.holders.resize(impl.docs.size());  // a new profile is held by nobody yet
  }
  for (const auto& entry : impl.cache[index]) impl.holders[entry.first].push_back(index);
  std::vector<ProfileIndex> held_by = std::move(impl.holders[index]);
  std::sort(held_by.begin(), held_by.end());
  held_by.erase(std::unique(held_by.begin(), held_by.end()), held_by.end());
  impl.holders[index].clear();
  for (ProfileIndex other : held_by) {
    if (other == index || !impl.cache_valid[other]) continue;
    auto& list = impl.cache[other];
    const auto at =
        std::find_if(list.begin(), list.end(), [index](const auto& e) { return e.first == index; });
    if (at == list.end()) continue;
    impl.holders[index].push_back(other);
    const double score = impl.Allowed(other, index) ? impl.Score(other, index).total : 0.0;
    if (score <= 0) {
      list.erase(at);
      impl.cache_valid[other] = false;  // a slot opened: recompute lazily
      continue;
    }
    const bool dropped = score < at->second;
    at->second = score;
    std::sort(list.begin(), list.end(), order);
    // Fallen to the last place: someone outside the list may now beat it.
    if (dropped && list.size() == k && list.back().first == index) {
      impl.cache_valid[other] = false;
    }
  }
  // Lists it may now enter.
  for (const auto& [other, pair_score] : neighbourhood) {
    if (!impl.cache_valid[other]) continue;
    auto& list = impl.cache[other];
    if (std::any_of(list.begin(), list.end(),
                    [index](const auto& e) { return e.first == index; })) {
      continue;
    }
    if (!impl.Allowed(other, index)) continue;
    if (list.size() < k || pair_score > list.back().second) {
      list.emplace_back(index, pair_score);
      std::sort(list.begin(), list.end(), order);
      if (list.size() > k) list.resize(k);  // the evicted one keeps a stale holder entry
      impl.holders[index].push_back(other);
    }
  }
  return OkStatus();
}

Status Recommender::Exclude(std::string_view a, std::string_view b) {
  const auto x = IndexOf(a);
  if (!x) return NotFoundError("no profile '" + std::string(a) + "'");
  const auto y = IndexOf(b);
  if (!y) return NotFoundError("no profile '" + std::string(b) + "'");
  impl_->options.excluded_pairs.emplace_back(std::string(a), std::string(b));
  const auto i = static_cast<ProfileIndex>(*x);
  const auto j = static_cast<ProfileIndex>(*y);
  impl_->excluded.insert(PairKey(i, j));
  impl_->excluded.insert(PairKey(j, i));
  impl_->cache_valid[i] = false;
  impl_->cache_valid[j] = false;
  return OkStatus();
}

}  // namespace ponte::match
