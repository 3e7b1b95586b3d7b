#include "text/analyzer.h"

#include <libstemmer.h>
#include <opencc/opencc.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <filesystem>
#include <fstream>

#include "core/utf8.h"
#include "text/codepoints.h"
#include "text/normalize.h"

namespace ponte::text {

struct Analyzer::Shared {
  std::unique_ptr<ChineseSegmenter> segmenter;
  std::array<std::unordered_set<std::string>, kLanguageCount> stopwords;
};

// Per-thread state: Snowball stemmers and the OpenCC converter are not
// documented as thread-safe.
class Analyzer::Stemmers {
 public:
  Stemmers()
      : italian_(sb_stemmer_new("italian", "UTF_8")),
        english_(sb_stemmer_new("english", "UTF_8")),
        t2s_(opencc_open("t2s.json")) {}
  ~Stemmers() {
    if (italian_ != nullptr) sb_stemmer_delete(italian_);
    if (english_ != nullptr) sb_stemmer_delete(english_);
    if (t2s_ != reinterpret_cast<opencc_t>(-1)) opencc_close(t2s_);
  }
  Stemmers(const Stemmers&) = delete;
  Stemmers& operator=(const Stemmers&) = delete;

  std::string Stem(Language language, const std::string& word) {
    sb_stemmer* stemmer = language == Language::kItalian ? italian_ : english_;
    if (stemmer == nullptr) return word;
    const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (out == nullptr) return word;
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer)));
  }

  std::string ToSimplified(const std::string& text) {
    if (t2s_ == reinterpret_cast<opencc_t>(-1)) return text;
    char* converted = opencc_convert_utf8(t2s_, text.data(), text.size());
    if (converted == nullptr) return text;
    std::string out(converted);
    opencc_convert_utf8_free(converted);
    return out;
  }

 private:
  sb_stemmer* italian_;
  sb_stemmer* english_;
  opencc_t t2s_;
};

namespace {

bool IsHan(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

// (An out-parameter: g++ 12 warns falsely on Result<unordered_set>.)
Status LoadWordList(const std::filesystem::path& file, std::unordered_set<std::string>& words) {
  std::ifstream in(file);
  if (!in) return NotFoundError("stopword list " + file.string() + " not found");
  std::string line;
  while (std::getline(in, line)) {
    const std::string_view word = Trim(line);
    if (word.empty() || word.front() == '#') continue;
    words.insert(FoldForMatch(word));
  }
  return OkStatus();
}

std::size_t LanguageIndex(Language language) { return static_cast<std::size_t>(language); }

}  // namespace

Analyzer::Analyzer(std::shared_ptr<Shared> shared)
    : shared_(std::move(shared)), stemmers_(std::make_unique<Stemmers>()) {}

Analyzer::~Analyzer() = default;

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const AnalyzerOptions& options) {
  auto shared = std::make_shared<Shared>();
  const std::filesystem::path dir = std::filesystem::path(options.data_dir) / "text";
  for (Language language : {Language::kItalian, Language::kEnglish, Language::kChinese}) {
    PONTE_RETURN_IF_ERROR(
        LoadWordList(dir / ("stopwords_" + std::string(LanguageCode(language)) + ".txt"),
                     shared->stopwords[LanguageIndex(language)]));
  }
  auto segmenter = ChineseSegmenter::Create(options.segmenter, options.jieba_dict_dir);
  if (!segmenter.ok()) return segmenter.status();
  shared->segmenter = std::move(*segmenter);
  std::unique_ptr<Analyzer> analyzer(new Analyzer(std::move(shared)));
  return analyzer;
}

std::unique_ptr<Analyzer> Analyzer::Fork() const {
  return std::unique_ptr<Analyzer>(new Analyzer(shared_));
}

void Analyzer::AddChineseWord(std::string_view word) {
  shared_->segmenter->AddWord(Normalize(word));
}

bool Analyzer::IsStopword(Language language, std::string_view folded_word) const {
  const auto& list = shared_->stopwords[LanguageIndex(language)];
  return list.find(std::string(folded_word)) != list.end();
}

std::string Analyzer::Normalize(std::string_view text) {
  std::string folded = FoldForMatch(text);
  bool has_han = false;
  std::size_t i = 0;
  while (i < folded.size() && !has_han) {
    const UChar32 c = internal::DecodeNext(folded, i);
    has_han = c >= 0 && IsHan(c);
  }
  return has_han ? stemmers_->ToSimplified(folded) : folded;
}

AnalyzedText Analyzer::Analyze(std::string_view text, Language latin_hint) {
  AnalyzedText result;
  const std::string normalized = Normalize(text);

  // Split into Han runs and Latin (alphanumeric) words, in order.
  struct Piece {
    bool han;
    std::string text;
  };
  std::vector<Piece> pieces;
  std::string latin_text;  // all Latin words, for language detection
  int han_chars = 0;
  int latin_chars = 0;
  {
    std::size_t i = 0;
    while (i < normalized.size()) {
      const std::size_t start = i;
      const UChar32 c = internal::DecodeNext(normalized, i);
      const std::string_view ch(normalized.data() + start, i - start);
      if (c < 0) {
        pieces.push_back({false, ""});
        continue;
      }
      if (IsHan(c)) {
        ++han_chars;
        if (pieces.empty() || !pieces.back().han) pieces.push_back({true, ""});
        pieces.back().text.append(ch);
      } else if (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK) {
        ++latin_chars;
        if (pieces.empty() || pieces.back().han) pieces.push_back({false, ""});
        pieces.back().text.append(ch);
      } else if (pieces.empty() || !pieces.back().text.empty()) {
        pieces.push_back({false, ""});  // a separator closes the current word or run
      }
    }
  }
  for (const Piece& piece : pieces) {
    if (!piece.han && !piece.text.empty()) latin_text.append(piece.text).push_back(' ');
  }

  Language latin_language = latin_hint;
  if (latin_language != Language::kItalian && latin_language != Language::kEnglish) {
    latin_language = DetectLatinLanguage(latin_text);
    if (latin_language == Language::kUnknown) latin_language = Language::kEnglish;
  }
  constexpr int kLatinLettersPerHan = 3;
  if (han_chars == 0 && latin_chars == 0) {
    result.language = Language::kUnknown;
  } else if (han_chars * kLatinLettersPerHan >= latin_chars) {
    result.language = Language::kChinese;
  } else {
    result.language = latin_language;
  }

  for (const Piece& piece : pieces) {
    if (piece.text.empty()) continue;
    if (piece.han) {
      for (std::string& word : shared_->segmenter->Cut(piece.text)) {
        if (IsStopword(Language::kChinese, word)) continue;
        result.tokens.push_back(Token{word, word, Language::kChinese});
      }
    } else {
      if (IsStopword(latin_language, piece.text)) continue;
      // Single letters carry no meaning for matching ("l" of "l'ateneo").
      if (piece.text.size() == 1 && !(piece.text[0] >= '0' && piece.text[0] <= '9')) continue;
      result.tokens.push_back(
          Token{stemmers_->Stem(latin_language, piece.text), piece.text, latin_language});
    }
  }
  return result;
}

}  // namespace ponte::text
