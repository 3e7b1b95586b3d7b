// Localized explanation lines for a recommendation (Italian, English, Chinese).
//
//   std::vector<std::string> why = ExplainLines(rec, text::Language::kItalian);
//   // {"Offre ciò che cercate: trasferimento tecnologico", ..., "Punteggio 0,62: ..."}
//
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "match/recommender.h"
#include "text/language.h"

namespace ponte::match {

// Lines from rec.they_offer, rec.they_seek, rec.shared_themes and
// rec.breakdown, in `language`; `shared_language` is the code of a language
// both sides speak ("" if none).
std::vector<std::string> ExplainLines(const Recommendation& rec, text::Language language,
                                      std::string_view shared_language, bool interpreters);

// "Met at ICSTIW 2025 — negotiation under way" in `language` (the edition's
// name in that language when known).
std::string MetBeforeLine(const PastMeeting& past, text::Language language);

// "inglese", "English", "英语" for "en" in Italian, English, Chinese.
std::string LanguageName(std::string_view code, text::Language in);

}  // namespace ponte::match
