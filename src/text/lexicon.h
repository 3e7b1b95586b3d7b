// Lexicon: the cross-lingual concept bridge. Every term of a concept in every
// language (Italian, English, Chinese, with synonyms) maps to ONE language-
// neutral concept, so a Chinese "技术转移", an Italian "trasferimento
// tecnologico" and an English "technology transfer" all become the same
// feature (Pirkola's structured query: a synonym set counts as one term).
//
//   PONTE_ASSIGN_OR_RETURN(auto lexicon, Lexicon::Load(*analyzer, {.data_dir = dir}));
//   AnalyzedText a = analyzer->Analyze("联合实验室");
//   for (const ConceptMatch& m : lexicon->Match(a.tokens)) Use(lexicon->Label(m.concept_id,
//   kItalian));
//
// Sources, in priority order: the ponte glossary (data/text/glossary.tsv), the
// thematic taxonomy and cooperation types (data/taxonomy/*.csv), and
// optionally a compact WordNet bridge built from the Open Multilingual Wordnet
// (see wordnet_bridge.h). Load() registers the Chinese terms with the
// analyzer's segmenter, so call it before Analyzer::Fork(). After loading, a
// Lexicon is immutable and thread-safe. Load() fails with kNotFound for a
// missing file and kInvalidArgument (file:line) for a malformed one.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "text/analyzer.h"
#include "text/language.h"

namespace ponte::text {

enum class ConceptId : std::uint32_t {};

enum class ConceptSource : std::uint8_t { kGlossary, kTheme, kCooperationType, kWordnet };

struct Concept {
  std::string key;  // "g:technology_transfer", "t:ai.vision", "k:joint_research", "wn:06501141-n"
  ConceptSource source = ConceptSource::kGlossary;
  std::array<std::string, kLanguageCount> labels;  // display label per language ("" if none)
  std::vector<std::string> themes;                 // taxonomy theme codes it belongs to
  std::vector<std::string> cooperation_types;      // cooperation type codes it signals
};

struct ConceptMatch {
  ConceptId concept_id{};
  std::uint32_t first_token = 0;  // span in the token vector
  std::uint32_t token_count = 0;
  // 1 for an unambiguous term; 1/n when the term belongs to n WordNet synsets.
  float weight = 1.0F;
};

struct LexiconOptions {
  std::string data_dir;       // ponte's data folder (text/glossary.tsv, taxonomy/)
  std::string wordnet_index;  // optional compact WordNet bridge; "" = none
};

class Lexicon {
 public:
  static Result<std::unique_ptr<Lexicon>> Load(Analyzer& analyzer, const LexiconOptions& options);

  // Concepts found in `tokens`, left to right, longest phrase first. Tokens
  // covered by a match are not matched again.
  std::vector<ConceptMatch> Match(const std::vector<Token>& tokens) const;

  std::size_t size() const { return concepts_.size(); }
  const Concept& GetConcept(ConceptId id) const { return concepts_[static_cast<std::size_t>(id)]; }
  // The label in `reader`'s language, else English, Italian, Chinese.
  std::string_view Label(ConceptId id, Language reader) const;
  std::optional<ConceptId> Find(std::string_view key) const;

  // Number of distinct phrase keys (for diagnostics).
  std::size_t phrase_count() const { return phrases_.size(); }

 private:
  Lexicon() = default;
  ConceptId AddConcept(Concept entry);
  // Adds every term of `terms` (already in `language`) as a phrase of `id`.
  void AddTerm(Analyzer& analyzer, ConceptId id, Language language, std::string_view term,
               float weight);
  Status LoadGlossary(Analyzer& analyzer, const std::string& file);
  Status LoadTaxonomy(Analyzer& analyzer, const std::string& file, ConceptSource source,
                      std::string_view prefix);
  Status LoadWordnetIndex(const std::string& file);

  struct Sense {
    ConceptId concept_id;
    float weight;
  };
  std::vector<Concept> concepts_;
  std::unordered_map<std::string, ConceptId> by_key_;
  // Phrase key ("it\x1fbrevett", "~\x1fspin\x1foff", "zh\x1f技术转移") -> senses.
  std::unordered_map<std::string, std::vector<Sense>> phrases_;
  // First-word key -> longest phrase length starting with it.
  std::unordered_map<std::string, std::uint8_t> max_len_;
};

// Phrase keys of one analyzed term as Lexicon stores them; exposed so that the
// WordNet bridge builder writes exactly what Match() looks up.
std::vector<std::string> PhraseKeys(const std::vector<Token>& tokens);

}  // namespace ponte::text
