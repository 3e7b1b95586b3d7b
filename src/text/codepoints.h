// Internal to ponte::text: UTF-8 decoding and encoding of single code points
// (ICU's U8_* macros trip -Wsign-conversion).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ponte::text::internal {

// Decodes the code point at `i` and advances `i`; returns -1 (advancing one
// byte) on an invalid sequence.
inline std::int32_t DecodeNext(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t length = 0;
  std::uint32_t cp = 0;
  if (b0 < 0x80U) {
    ++i;
    return static_cast<std::int32_t>(b0);
  }
  if ((b0 & 0xE0U) == 0xC0U) {
    length = 2;
    cp = b0 & 0x1FU;
  } else if ((b0 & 0xF0U) == 0xE0U) {
    length = 3;
    cp = b0 & 0x0FU;
  } else if ((b0 & 0xF8U) == 0xF0U) {
    length = 4;
    cp = b0 & 0x07U;
  } else {
    ++i;
    return -1;
  }
  if (i + length > s.size()) {
    ++i;
    return -1;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0U) != 0x80U) {
      ++i;
      return -1;
    }
    cp = (cp << 6U) | (b & 0x3FU);
  }
  i += length;
  return static_cast<std::int32_t>(cp);
}

inline void AppendUtf8(std::string& out, std::int32_t code_point) {
  const auto cp = static_cast<std::uint32_t>(code_point);
  if (cp < 0x80U) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800U) {
    out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else if (cp < 0x10000U) {
    out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  }
}

}  // namespace ponte::text::internal
