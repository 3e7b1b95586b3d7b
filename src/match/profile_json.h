// JSON lines in and out of the match engine, the format of
// `ponte recommend --profiles FILE.jsonl` (docs/matching.md):
//   in : {"id": str, "country": "IT", "name": str, "type": "university", "languages": ["it"],
//         "offer": str, "seek": str, "about": str, "themes": [str], "keywords": [str]}
//   out: {"id": str, "matches": [{"id": str, "score": number, "why": [str]}]}
//
//   PONTE_ASSIGN_OR_RETURN(std::vector<Profile> ps, ReadProfilesJsonl(in, "profiles.jsonl"));
//
// Pure functions, thread-safe. A malformed line gives kInvalidArgument
// "profiles.jsonl:12: field 'country': expected a string".
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "match/profile.h"
#include "match/recommender.h"

namespace ponte::match {

// One profile from one JSON object (text of one line).
Result<Profile> ParseProfileJson(std::string_view json);

// Every non-blank line of `in`; errors name `source` and the line number.
Result<std::vector<Profile>> ReadProfilesJsonl(std::istream& in, std::string_view source);

// One output line (no trailing newline); scores rounded to 4 decimals.
std::string RecommendationsJson(std::string_view id, const std::vector<Recommendation>& matches);

}  // namespace ponte::match
