// Recommender: reciprocal, explained partner recommendations for a whole
// event, across Italian, English and Chinese profiles.
//
//   PONTE_ASSIGN_OR_RETURN(auto model, TextModel::Load(model_options));
//   PONTE_ASSIGN_OR_RETURN(auto rec, Recommender::Build(model, profiles, {}));
//   PONTE_ASSIGN_OR_RETURN(std::vector<Recommendation> top, rec->TopK("unipd", 10));
//   PONTE_RETURN_IF_ERROR(rec->Update(changed_profile));   // re-ranks its neighbourhood
//
// Scoring (see docs/matching.md): for a reader A and a candidate B,
//   need(A,B)  = BM25 of A's "seek" against B's "offer" over concepts and
//                same-language terms, normalized to [0,1];
//   dir(A->B)  = text * need + themes * theme overlap + cooperation * type fit;
//   score      = harmonic_mean(dir(A->B), dir(B->A)) * organization prior *
//                language factor,
// so a pair scores only when each side wants what the other offers (RECON,
// Pizzato et al., RecSys 2010). Exclusions: the same organization, the same
// country (unless options.same_country), excluded pairs (already met,
// already requested, blocked) and "no thanks". Pairs that met at an earlier
// edition are multiplied by PastMeetingFactor (options.met_before).
//
// Thread-safety: a Recommender is thread-compatible (TopK updates a cache):
// call it from one thread at a time; TopKAll() uses options.threads workers
// internally. Results are deterministic (ties broken by id).
// Failures: Build/Update give kInvalidArgument for a bad or duplicate profile;
// TopK/Explain give kNotFound for an unknown id.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "match/features.h"
#include "match/profile.h"
#include "text/language.h"

namespace ponte::match {

// How the parts of a directional score are mixed (they sum to 1).
struct Weights {
  double text = 0.50;         // complementarity of seek vs offer (BM25 over concepts)
  double themes = 0.25;       // overlap of taxonomy themes
  double cooperation = 0.25;  // sought cooperation type offered by the other side
  // BM25 query term-frequency saturation k3: small values let each query term
  // count about once, large values weight repeated terms of long profiles.
  double query_saturation = 1.5;
  // Term-frequency multiplier of curated concepts over bare same-language words.
  double concept_boost = 1.5;
};

// How far a pair got after meeting at an earlier edition: the outcome stages
// of the follow-up ladder, plus "nothing reported". Plain data: the caller
// (service/history.h) reads it from the store.
enum class PastResult {
  kNotReported,
  kNoContact,
  kContactKept,
  kValuable,
  kNegotiation,
  kAgreement
};

// Two profiles whose organizations held a meeting at an earlier edition.
struct PastMeeting {
  std::string a;  // profile ids, in either order
  std::string b;
  // The edition's name per language ("it", "en", "zh"; missing ones fall back
  // to English, then to any).
  std::vector<std::pair<std::string, std::string>> edition_name;
  PastResult result = PastResult::kNotReported;  // the best stage reported since
};

// The score factor for a pair that met before (docs/matching.md): 0.6 when
// they reported that nothing came of it (no_contact), 1.1 while a
// negotiation is open (meeting again may close it), 1 otherwise (a kept
// contact, a valuable exchange, an agreement, or nothing reported).
double PastMeetingFactor(PastResult result);

struct RecommenderOptions {
  bool same_country = false;            // also recommend partners from one's own country
  bool interpreters_available = false;  // the event provides interpreters
  // The event's cities (e.g. the roadshow stops). When given, two profiles
  // that list cities but share none of these are less likely to meet.
  std::vector<std::string> event_cities;
  // Pairs never recommended to each other (already met, already requested, blocked).
  std::vector<std::pair<std::string, std::string>> excluded_pairs;
  // (reader, declined): `declined` is never recommended to `reader` ("no thanks").
  std::vector<std::pair<std::string, std::string>> no_thanks;
  // Pairs that met at earlier editions: their score is multiplied by
  // PastMeetingFactor and the explanation names the edition and the result.
  std::vector<PastMeeting> met_before;
  std::size_t threads = 2;
  Weights weights;
  // Candidate generation: per concept/term, only the strongest postings are
  // read (exact below this size), then the best `max_candidates` by the
  // approximate score are scored exactly.
  std::size_t max_postings_per_feature = 800;
  std::size_t max_candidates = 60;  // at least 3k are always kept
};

// Every part of a recommendation's score, each in [0, 1].
struct ScoreBreakdown {
  double need = 0;               // candidate offers what the reader seeks (BM25, normalized)
  double offer = 0;              // candidate seeks what the reader offers
  double themes = 0;             // Jaccard overlap of themes (with parents)
  double cooperation_need = 0;   // candidate offers a cooperation type the reader seeks
  double cooperation_offer = 0;  // and vice versa
  double reader_side = 0;        // dir(reader -> candidate)
  double candidate_side = 0;     // dir(candidate -> reader)
  double reciprocal = 0;         // harmonic mean of the two sides
  double organization = 0;       // organization-type prior
  double language = 0;           // 1 shared language; less with interpreter or none
  double city = 0;               // 1 can meet in a common event city (or unknown); less if not
  double history = 1;            // PastMeetingFactor when they met at an earlier edition
  double total = 0;              // reciprocal * organization * language * city * history (<= 1)
};

struct Recommendation {
  std::string id;  // the recommended profile
  double score = 0;
  ScoreBreakdown breakdown;
  text::Language language = text::Language::kEnglish;  // of the texts below
  std::vector<std::string> they_offer;                 // concepts the reader seeks and they offer
  std::vector<std::string> they_seek;                  // concepts they seek and the reader offers
  std::vector<std::string> shared_themes;              // theme labels
  std::vector<std::string> shared_cities;              // event cities both can meet in
  std::string met_before;        // "Met at <edition> — <result>" in `language`; empty if never
  std::vector<std::string> why;  // human-readable lines, best first
};

// Two profiles that each have the other among their top k.
struct MutualMatch {
  std::string a;  // a < b (by id)
  std::string b;
  double score = 0;
};

class Recommender {
 public:
  static Result<std::unique_ptr<Recommender>> Build(std::shared_ptr<const TextModel> model,
                                                    std::vector<Profile> profiles,
                                                    RecommenderOptions options = {});
  ~Recommender();
  Recommender(const Recommender&) = delete;
  Recommender& operator=(const Recommender&) = delete;

  // Best `k` partners for `id`, best first; explanations in `reader` (default:
  // the profile's own language).
  Result<std::vector<Recommendation>> TopK(std::string_view id, std::size_t k,
                                           std::optional<text::Language> reader = std::nullopt);
  // Top-k of every profile, in Build/Update order (the order of profile(i)).
  // Holds every explanation in memory: for large events prefer ForEachTopK.
  std::vector<std::vector<Recommendation>> TopKAll(std::size_t k);
  // The same, streamed: `sink(index, recommendations)` is called on the
  // calling thread, in index order, while options.threads workers rank.
  using TopKSink = std::function<void(std::size_t index, std::vector<Recommendation> recs)>;
  void ForEachTopK(std::size_t k, const TopKSink& sink);
  // Every pair in each other's top `k`, strongest first (ties by ids): the
  // natural meeting requests of an event.
  std::vector<MutualMatch> MutualTopK(std::size_t k);
  // The score and explanation of one ordered pair, exclusions ignored.
  Result<Recommendation> Explain(std::string_view reader_id, std::string_view candidate_id,
                                 std::optional<text::Language> reader = std::nullopt) const;

  // Adds a new profile or replaces the one with the same id; the cached lists
  // it affects are updated, not recomputed from scratch. IDF statistics stay
  // those of Build() (Build again after large changes).
  Status Update(const Profile& profile);
  // Excludes a pair from now on (a meeting was requested or held).
  Status Exclude(std::string_view a, std::string_view b);

  std::size_t size() const;
  const Profile& profile(std::size_t index) const;
  std::optional<std::size_t> IndexOf(std::string_view id) const;
  // The language explanations for this profile default to.
  text::Language ReaderLanguage(std::size_t index) const;

 private:
  struct Impl;
  explicit Recommender(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ponte::match
