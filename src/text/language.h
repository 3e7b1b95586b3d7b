// Languages ponte matches across, and per-field language detection.
//
//   Language lang = DetectLanguage("Cerchiamo partner per un laboratorio congiunto");
//   // lang == Language::kItalian;  LanguageCode(lang) == "it"
//
// Detection is a script count (Han vs Latin letters) followed, for Latin text,
// by Italian/English function-word and suffix cues: it is meant for fields of
// a profile (a sentence to a few paragraphs), not for single words. Pure
// functions, thread-safe; empty or undecidable text gives kUnknown.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ponte::text {

enum class Language : std::uint8_t { kUnknown = 0, kItalian, kEnglish, kChinese };

inline constexpr int kLanguageCount = 4;

// "it", "en", "zh" ("" for kUnknown).
std::string_view LanguageCode(Language language);
// Accepts "it", "en", "zh" (also "cn", "zh-hans", "zh-hant", any case); nullopt otherwise.
std::optional<Language> ParseLanguage(std::string_view code);

// Language of a whole field: Chinese when Han characters dominate, otherwise
// Italian or English from function words and suffixes (English on a tie).
Language DetectLanguage(std::string_view utf8);

// Italian or English for text already known to be Latin script (the Latin part
// of a mixed field); kUnknown when it has no letters.
Language DetectLatinLanguage(std::string_view utf8);

}  // namespace ponte::text
