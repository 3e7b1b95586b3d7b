// UTF-8 and plain-text helpers. ponte keeps all text as UTF-8 std::string;
// these functions check, measure, split and trim it.
//
//   if (auto bad = FindInvalidUtf8(field)) return InvalidArgumentError(... *bad ...);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ponte {

// Byte offset of the first byte that does not start a valid UTF-8 sequence
// (overlongs, surrogates and code points above U+10FFFF are invalid), or
// nullopt if all of `text` is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);
inline bool IsValidUtf8(std::string_view text) { return !FindInvalidUtf8(text).has_value(); }

// Number of code points in valid UTF-8 (for column numbers in messages).
std::size_t CountCodePoints(std::string_view text);

// Removes a leading UTF-8 byte-order mark, if any.
std::string_view StripBom(std::string_view text);

// The pieces of `text` between separators, untrimmed; "" gives one empty piece.
std::vector<std::string> Split(std::string_view text, char separator);

// Leading/trailing ASCII whitespace removed.
std::string_view Trim(std::string_view text);

// Lower-cases ASCII letters only (for codes and enum names, not for prose).
std::string AsciiLower(std::string_view text);

// Text made safe inside HTML and XML (element content and quoted attribute
// values): & < > " ' become character references.
std::string EscapeHtml(std::string_view text);

}  // namespace ponte
