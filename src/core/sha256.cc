#include "core/sha256.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace ponte {

std::string Sha256Hex(std::string_view bytes) {
  if (sodium_init() < 0) std::abort();  // idempotent; fails only without entropy
  std::array<unsigned char, crypto_hash_sha256_BYTES> hash{};
  crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

bool IsSha256Hex(std::string_view text) {
  return text.size() == kSha256HexLength && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace ponte
