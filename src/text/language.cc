#include "text/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <string>

#include "core/utf8.h"
#include "text/codepoints.h"

namespace ponte::text {
namespace {

// Frequent function words that exist in only one of the two languages
// ("a", "e", "in" are shared or ambiguous and left out on purpose).
constexpr std::array<std::string_view, 48> kItalianCues = {
    "il",  "lo",     "la",     "gli",    "le",        "di",       "del",   "della",
    "dei", "delle",  "degli",  "per",    "con",       "che",      "un",    "una",
    "nel", "nella",  "sono",   "siamo",  "è",         "non",      "alla",  "al",
    "ai",  "alle",   "dal",    "dalla",  "tra",       "fra",      "anche", "come",
    "più", "nostro", "nostra", "nostri", "cerchiamo", "offriamo", "sul",   "sulla",
    "ed",  "o",      "questo", "questa", "dello",     "negli",    "nelle", "sui"};
constexpr std::array<std::string_view, 44> kEnglishCues = {
    "the",  "of",   "and",   "for",  "with",  "to",      "is",       "are",      "we",
    "our",  "that", "this",  "from", "by",    "on",      "an",       "as",       "at",
    "be",   "or",   "which", "its",  "their", "have",    "has",      "been",     "will",
    "into", "such", "these", "seek", "offer", "looking", "partners", "research", "between",
    "new",  "more", "can",   "also", "who",   "than",    "other",    "through"};

bool IsHan(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

// Calls `word(std::string)` for each lower-cased run of letters (ASCII and
// Latin-1 accents are enough for the cues).
template <typename F>
void ForEachLatinWord(std::string_view text, F&& word) {
  std::string current;
  std::size_t i = 0;
  while (i < text.size()) {
    const UChar32 c = internal::DecodeNext(text, i);
    if (c >= 0 && u_isalpha(c) && !IsHan(c)) {
      internal::AppendUtf8(current, u_tolower(c));
    } else {
      if (!current.empty()) word(current);
      current.clear();
    }
  }
  if (!current.empty()) word(current);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kItalian:
      return "it";
    case Language::kEnglish:
      return "en";
    case Language::kChinese:
      return "zh";
    case Language::kUnknown:
      break;
  }
  return "";
}

std::optional<Language> ParseLanguage(std::string_view code) {
  const std::string lower = AsciiLower(Trim(code));
  if (lower == "it" || lower == "ita" || lower == "italian") return Language::kItalian;
  if (lower == "en" || lower == "eng" || lower == "english") return Language::kEnglish;
  if (lower == "zh" || lower == "cn" || lower == "cmn" || lower == "zh-cn" || lower == "zh-hans" ||
      lower == "zh-hant" || lower == "zh-tw" || lower == "chinese") {
    return Language::kChinese;
  }
  return std::nullopt;
}

Language DetectLatinLanguage(std::string_view utf8) {
  int italian = 0;
  int english = 0;
  int words = 0;
  ForEachLatinWord(utf8, [&](const std::string& w) {
    ++words;
    for (std::string_view cue : kItalianCues) {
      if (w == cue) italian += 2;
    }
    for (std::string_view cue : kEnglishCues) {
      if (w == cue) english += 2;
    }
    // Suffixes typical of one language only.
    if (EndsWith(w, "zione") || EndsWith(w, "zioni") || EndsWith(w, "mente") ||
        EndsWith(w, "ità") || EndsWith(w, "ologia") || EndsWith(w, "ico") || EndsWith(w, "ici") ||
        EndsWith(w, "iche") || EndsWith(w, "enti")) {
      ++italian;
    }
    if (EndsWith(w, "tion") || EndsWith(w, "tions") || EndsWith(w, "ing") || EndsWith(w, "ity") ||
        EndsWith(w, "ology") || EndsWith(w, "ness") || EndsWith(w, "ship") || EndsWith(w, "ed") ||
        EndsWith(w, "ies")) {
      ++english;
    }
  });
  if (words == 0) return Language::kUnknown;
  return italian > english ? Language::kItalian : Language::kEnglish;
}

Language DetectLanguage(std::string_view utf8) {
  int han = 0;
  int latin_letters = 0;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const UChar32 c = internal::DecodeNext(utf8, i);
    if (c < 0) continue;
    if (IsHan(c)) {
      ++han;
    } else if (u_isalpha(c)) {
      ++latin_letters;
    }
  }
  if (han == 0 && latin_letters == 0) return Language::kUnknown;
  // One Han character carries about as much as a short Latin word: a Chinese
  // sentence with an English acronym or brand name is still Chinese.
  constexpr int kLatinLettersPerHan = 3;
  if (han * kLatinLettersPerHan >= latin_letters) return Language::kChinese;
  return DetectLatinLanguage(utf8);
}

}  // namespace ponte::text
