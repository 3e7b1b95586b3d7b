// Image files built byte by byte for tests (news_test, api_test): a PNG a
// browser can really decode, and headers of JPEG, GIF and WebP files that
// `InspectImage` reads. Test-only; not part of the library.
#pragma once

#include <cstdint>
#include <string>

namespace ponte::service::test {

inline void PutBe32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}
inline void PutLe(std::string& out, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

inline std::uint32_t Crc32(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline void PngChunk(std::string& out, const std::string& type, const std::string& data) {
  PutBe32(out, static_cast<std::uint32_t>(data.size()));
  out += type + data;
  PutBe32(out, Crc32(type + data));
}

// A width×height RGB PNG (an orange-to-blue gradient), compressed with
// stored deflate blocks; large sizes get a header-only IDAT (not decodable,
// but structurally sound) so tests of the limits stay small.
inline std::string Png(std::uint32_t width, std::uint32_t height) {
  std::string out("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  PutBe32(ihdr, width);
  PutBe32(ihdr, height);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
  PngChunk(out, "IHDR", ihdr);
  std::string raw;
  const std::uint64_t row = 1 + 3ull * width;
  if (row * height <= 60000) {
    for (std::uint32_t y = 0; y < height; ++y) {
      raw += '\0';  // filter: none
      for (std::uint32_t x = 0; x < width; ++x) {
        raw += static_cast<char>(0xF0);
        raw += static_cast<char>((x * 255) / (width == 0 ? 1 : width));
        raw += static_cast<char>((y * 255) / (height == 0 ? 1 : height));
      }
    }
  }
  std::string zlib("\x78\x01", 2);
  zlib += '\x01';  // final stored block
  PutLe(zlib, static_cast<std::uint32_t>(raw.size()), 2);
  PutLe(zlib, static_cast<std::uint32_t>(~raw.size()) & 0xFFFF, 2);
  zlib += raw;
  std::uint32_t a = 1, b = 0;
  for (char c : raw) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  PutBe32(zlib, (b << 16) | a);
  PngChunk(out, "IDAT", zlib);
  PngChunk(out, "IEND", "");
  return out;
}

inline std::string Jpeg(std::uint32_t width, std::uint32_t height) {
  std::string out("\xFF\xD8", 2);
  out += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  out += std::string("\xFF\xC0\x00\x0B\x08", 5);
  out += static_cast<char>(height >> 8);
  out += static_cast<char>(height & 0xFF);
  out += static_cast<char>(width >> 8);
  out += static_cast<char>(width & 0xFF);
  out += std::string("\x01\x01\x11\x00", 4);
  out += std::string("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00\x00\xFF\xD9", 13);
  return out;
}

// The classic 1×1 transparent GIF.
inline std::string Gif() {
  return std::string(
      "GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
      "\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;",
      43);
}

// kind ' ' (lossy VP8), 'L' (lossless) or 'X' (extended).
inline std::string Webp(char kind, std::uint32_t width, std::uint32_t height) {
  std::string data;
  if (kind == ' ') {
    data = std::string("\x00\x00\x00\x9D\x01\x2A", 6);
    PutLe(data, width, 2);
    PutLe(data, height, 2);
  } else if (kind == 'L') {
    data = "\x2F";
    PutLe(data, (width - 1) | ((height - 1) << 14), 4);
  } else {
    data = std::string(4, '\0');
    PutLe(data, width - 1, 3);
    PutLe(data, height - 1, 3);
  }
  data.resize(10, '\0');
  std::string out = "RIFF";
  PutLe(out, static_cast<std::uint32_t>(4 + 8 + data.size()), 4);
  out += "WEBP";
  out += std::string("VP8") + kind;
  PutLe(out, static_cast<std::uint32_t>(data.size()), 4);
  out += data;
  return out;
}

}  // namespace ponte::service::test
