// Analyzer: turns a free-text profile field (Italian, English, Chinese or a
// mix) into matching terms.
//
//   PONTE_ASSIGN_OR_RETURN(auto analyzer, Analyzer::Create({.data_dir = DataDir()}));
//   AnalyzedText a = analyzer->Analyze("Offriamo brevetti sulle batterie; 寻求技術轉移");
//   // a.language == kItalian; terms: it:brevett it:batter zh:寻求? ... zh:技术转移
//
// Pipeline: NFKC + case folding (ICU) -> Traditional to Simplified (OpenCC,
// only when the text has Han characters) -> split into Han runs and Latin
// words -> Han runs segmented (cppjieba by default), Latin words stemmed with
// Snowball (Italian or English, detected once for the field) -> stopwords
// (data/text/stopwords_{it,en,zh}.txt) removed.
//
// Ownership and threads: an Analyzer owns its stemmers and OpenCC handle and
// is NOT thread-safe; Fork() gives another thread its own Analyzer that shares
// the (read-only) segmenter dictionary and stopword lists. Create() fails with
// kNotFound when a data file is missing.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "text/language.h"
#include "text/segmenter.h"

namespace ponte::text {

struct AnalyzerOptions {
  // ponte's data folder (the one with text/stopwords_*.txt).
  std::string data_dir;
  SegmenterKind segmenter = SegmenterKind::kJieba;
  // Empty: the build default (see ChineseSegmenter::DefaultJiebaDictDir()).
  std::string jieba_dict_dir;
};

struct Token {
  std::string term;     // Snowball stem (it/en) or Simplified word (zh), case-folded
  std::string surface;  // the folded word before stemming, for display
  Language language = Language::kUnknown;

  friend bool operator==(const Token&, const Token&) = default;
};

struct AnalyzedText {
  Language language = Language::kUnknown;  // dominant language of the field
  std::vector<Token> tokens;               // in text order, stopwords removed
};

class Analyzer {
 public:
  static Result<std::unique_ptr<Analyzer>> Create(const AnalyzerOptions& options);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Another analyzer for another thread, sharing the read-only resources.
  std::unique_ptr<Analyzer> Fork() const;

  // `latin_hint`, when kItalian or kEnglish, overrides the detection of the
  // Latin part (used for glossary terms, whose language is known).
  AnalyzedText Analyze(std::string_view text, Language latin_hint = Language::kUnknown);

  // The folded, Simplified form of a text (no segmentation): what Analyze()
  // segments. Exposed for glossary loading and tests.
  std::string Normalize(std::string_view text);

  // Keeps a Chinese term whole when segmenting (glossary terms). Not
  // thread-safe with respect to any Analyze() sharing the segmenter: call
  // before forking.
  void AddChineseWord(std::string_view word);

  bool IsStopword(Language language, std::string_view folded_word) const;

 private:
  struct Shared;
  class Stemmers;
  explicit Analyzer(std::shared_ptr<Shared> shared);

  std::shared_ptr<Shared> shared_;
  std::unique_ptr<Stemmers> stemmers_;
};

}  // namespace ponte::text
