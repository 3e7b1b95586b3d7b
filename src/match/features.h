// From profile text to sparse, language-neutral features.
//
//   PONTE_ASSIGN_OR_RETURN(auto model, TextModel::Load({.data_dir = DataDir()}));
//   FeatureExtractor extractor(model);            // one per thread
//   RawFeatures raw = extractor.Extract(profile);
//
// A feature is either a concept of the lexicon (glossary, taxonomy, WordNet:
// the same in every language) or a language-tagged stem/word that no concept
// covers ("en:graphen"), which still matches profiles in the same language.
// TextModel is immutable after Load() and shared by threads (shared_ptr);
// FeatureExtractor owns a forked Analyzer and is NOT thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "match/profile.h"
#include "text/analyzer.h"
#include "text/language.h"
#include "text/lexicon.h"

namespace ponte::match {

struct TextModelOptions {
  std::string data_dir;       // ponte's data folder
  std::string wordnet_index;  // optional WordNet bridge (see text/lexicon.h); "" = none
  text::SegmenterKind segmenter = text::SegmenterKind::kJieba;
  std::string jieba_dict_dir;  // "" = build default
};

// The analyzer and the concept lexicon, loaded once (~0.4 s, mostly the
// Chinese dictionary) and shared by every Recommender.
class TextModel {
 public:
  static Result<std::shared_ptr<const TextModel>> Load(const TextModelOptions& options);

  const text::Lexicon& lexicon() const { return *lexicon_; }
  std::unique_ptr<text::Analyzer> ForkAnalyzer() const { return analyzer_->Fork(); }
  // Index of a cooperation type code (data/taxonomy/cooperation_types.csv), or -1.
  int CooperationTypeIndex(std::string_view code) const;
  const std::vector<std::string>& cooperation_types() const { return cooperation_types_; }

 private:
  std::unique_ptr<text::Analyzer> analyzer_;
  std::unique_ptr<text::Lexicon> lexicon_;
  std::vector<std::string> cooperation_types_;
};

// Which side of a profile a feature belongs to.
enum class Side : std::uint8_t { kOffer = 0, kSeek = 1 };

// A feature before interning: a concept, or a term key ("en\x1fgraphen").
struct RawFeature {
  bool is_concept = false;
  text::ConceptId concept_id{};
  std::string term;     // when !is_concept
  std::string surface;  // display form of a term
  float weight = 0;     // term frequency, weighted by field
};

struct RawFeatures {
  std::array<std::vector<RawFeature>, 2> sides;  // indexed by Side
  std::vector<std::string> themes;               // theme codes incl. parents, sorted, unique
  std::uint32_t offer_cooperation = 0;           // bit i: cooperation type i offered
  std::uint32_t seek_cooperation = 0;            // bit i: cooperation type i sought
  std::uint8_t language_mask = 0;                // bit per text::Language spoken or written
  text::Language reader_language = text::Language::kEnglish;
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(std::shared_ptr<const TextModel> model);
  RawFeatures Extract(const Profile& profile);

 private:
  void AddText(std::string_view text, float weight, std::initializer_list<Side> sides,
               RawFeatures& out, std::array<int, text::kLanguageCount>& written);

  std::shared_ptr<const TextModel> model_;
  std::unique_ptr<text::Analyzer> analyzer_;
};

}  // namespace ponte::match
