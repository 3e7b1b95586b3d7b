// Unicode normalization for matching: NFKC plus full case folding (ICU's
// NFKC_Casefold), so "Università", "UNIVERSITÀ" and the fullwidth "ＡＩ" compare
// equal to "università" and "ai".
//
//   std::string folded = ponte::text::FoldForMatch("Trasferimento TECNOLOGICO");
//   // folded == "trasferimento tecnologico"
//
// Pure functions, thread-safe. Invalid UTF-8 is replaced by U+FFFD (never an
// error: profiles are matched, not validated, here).
#pragma once

#include <string>
#include <string_view>

namespace ponte::text {

// NFKC + case folding + removal of default-ignorable code points.
std::string FoldForMatch(std::string_view utf8);

}  // namespace ponte::text
