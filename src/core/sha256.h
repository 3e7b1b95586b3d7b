// SHA-256 of a byte string as lower-case hex (libsodium), and the check that
// a text is such a digest: content addresses of images and moved files.
//
//   Sha256Hex("abc") -> "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//   IsSha256Hex("ba78...15ad") -> true; upper case or another length -> false
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ponte {

inline constexpr std::size_t kSha256HexLength = 64;

std::string Sha256Hex(std::string_view bytes);
bool IsSha256Hex(std::string_view text);

}  // namespace ponte
