#include "service/news.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "core/utf8.h"

namespace ponte::service {
namespace {

// ---- HTML: elements and references -------------------------------------------------

// Elements kept (their allowed attributes are checked one by one below).
constexpr std::array<std::string_view, 18> kAllowedElements{
    "p",  "br", "strong", "b",  "em", "i",   "u",      "a",          "ul",
    "ol", "li", "h2",     "h3", "h4", "img", "figure", "figcaption", "blockquote"};
// Elements whose content the browser reads as raw text up to "</name": they
// are skipped to that end tag, content and all.
constexpr std::array<std::string_view, 9> kRawTextElements{
    "script", "style", "iframe", "xmp", "noembed", "noframes", "textarea", "title", "noscript"};
// Elements removed with their (ordinary, nested) content.
constexpr std::array<std::string_view, 11> kDroppedWithContent{
    "object", "applet", "svg",    "math",     "template", "select",
    "video",  "audio",  "canvas", "frameset", "head"};
// Elements that close an open <p> before they start (as the HTML parser does).
constexpr std::array<std::string_view, 8> kClosesParagraph{"p",  "ul", "ol",         "h2",
                                                           "h3", "h4", "blockquote", "figure"};
constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxReferenceDigits = 8;
constexpr char32_t kReplacementCharacter = 0xFFFD;
constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr std::string_view kMediaPrefix = "/media/";

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The named references authors actually use (Italian accents, typography)
// and those used to disguise URLs (&colon;, &Tab;, &NewLine;). An unknown
// name stays literal text, which is harmless: the '&' is escaped on output.
struct NamedReference {
  std::string_view name;
  char32_t code_point;
};
constexpr std::array<NamedReference, 40> kNamedReferences{{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"colon", ':'},    {"Tab", '\t'},     {"NewLine", '\n'}, {"lpar", '('},
    {"rpar", ')'},     {"sol", '/'},      {"semi", ';'},     {"comma", ','},    {"period", '.'},
    {"excl", '!'},     {"agrave", 0xE0},  {"aacute", 0xE1},  {"egrave", 0xE8},  {"eacute", 0xE9},
    {"igrave", 0xEC},  {"iacute", 0xED},  {"ograve", 0xF2},  {"oacute", 0xF3},  {"ugrave", 0xF9},
    {"uacute", 0xFA},  {"Agrave", 0xC0},  {"Egrave", 0xC8},  {"Eacute", 0xC9},  {"copy", 0xA9},
    {"reg", 0xAE},     {"euro", 0x20AC},  {"laquo", 0xAB},   {"raquo", 0xBB},   {"hellip", 0x2026},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
}};

// Decodes one reference at text[pos] == '&'; on success appends the
// character and returns the number of bytes consumed, else 0.
std::size_t DecodeReference(std::string_view text, std::size_t pos, std::string& out) {
  std::size_t at = pos + 1;
  if (at < text.size() && text[at] == '#') {
    ++at;
    const bool hex = at < text.size() && (text[at] == 'x' || text[at] == 'X');
    if (hex) ++at;
    const std::size_t digits_start = at;
    char32_t value = 0;
    bool overflow = false;
    while (at < text.size() && (hex ? IsHexDigit(text[at]) : IsAsciiDigit(text[at]))) {
      if (at - digits_start >= kMaxReferenceDigits) overflow = true;
      if (!overflow) {
        const char c = text[at];
        const char32_t digit = IsAsciiDigit(c) ? static_cast<char32_t>(c - '0')
                               : (c >= 'a')    ? static_cast<char32_t>(c - 'a' + 10)
                                               : static_cast<char32_t>(c - 'A' + 10);
        value = value * (hex ? 16u : 10u) + digit;
      }
      ++at;
    }
    if (at == digits_start) return 0;
    if (at < text.size() && text[at] == ';') ++at;  // optional for numeric references
    // NUL, surrogates, out of range and control characters become U+FFFD.
    if (overflow || value == 0 || value > kMaxCodePoint || (value >= 0xD800 && value <= 0xDFFF) ||
        (value < 0x20 && value != '\t' && value != '\n' && value != '\r') ||
        (value >= 0x7F && value <= 0x9F)) {
      value = kReplacementCharacter;
    }
    AppendUtf8(out, value);
    return at - pos;
  }
  const std::size_t name_start = at;
  while (at < text.size() && (IsAsciiAlpha(text[at]) || IsAsciiDigit(text[at]))) ++at;
  if (at == name_start || at >= text.size() || text[at] != ';') return 0;
  const std::string_view name = text.substr(name_start, at - name_start);
  for (const NamedReference& ref : kNamedReferences) {
    if (ref.name == name) {
      AppendUtf8(out, ref.code_point);
      return at + 1 - pos;
    }
  }
  return 0;
}

// Characters XML 1.0 does not allow (C0 controls other than tab, newline and
// carriage return, DEL) are dropped, so the output also fits in a feed.
bool IsDroppedControl(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
}

std::string DecodeReferences(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      if (const std::size_t used = DecodeReference(text, i, out); used > 0) {
        i += used;
        continue;
      }
    }
    if (!IsDroppedControl(text[i])) out += text[i];
    ++i;
  }
  return out;
}

// ---- HTML: URLs ---------------------------------------------------------------------

// A link target after decoding: browsers ignore tabs and newlines inside a
// URL and spaces/controls around it, so those go before the scheme is read.
std::string CleanUrl(std::string_view decoded) {
  std::string url;
  for (char c : decoded) {
    if (c != '\t' && c != '\n' && c != '\r') url += c;
  }
  const auto is_edge = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!url.empty() && is_edge(url.back())) url.pop_back();
  std::size_t lead = 0;
  while (lead < url.size() && is_edge(url[lead])) ++lead;
  return url.substr(lead);
}

bool IsAllowedLink(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;  // relative: refused
  const std::string scheme = AsciiLower(url.substr(0, colon));
  if (!IsAsciiAlpha(scheme[0])) return false;
  for (char c : scheme) {
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  const std::string_view rest = url.substr(colon + 1);
  if (scheme == "http" || scheme == "https") return rest.size() > 2 && rest.starts_with("//");
  if (scheme == "mailto") return !rest.empty();
  return false;
}

bool IsMediaSource(std::string_view url) {
  return url.starts_with(kMediaPrefix) && IsSha256Hex(url.substr(kMediaPrefix.size()));
}

bool IsSmallPositive(std::string_view text) {
  if (text.empty() || text.size() > 4) return false;
  if (!std::all_of(text.begin(), text.end(), IsAsciiDigit)) return false;
  const int value = std::stoi(std::string(text));
  return value > 0 && value <= kMaxImageSide;
}

// ---- HTML: the tokenizer and the tree builder ----------------------------------------

struct Attribute {
  std::string name;   // lower case
  std::string value;  // references decoded
};

struct Tag {
  std::string name;  // lower case
  bool end = false;
  bool self_closing = false;
  std::vector<Attribute> attributes;
};

class Sanitizer {
 public:
  explicit Sanitizer(std::string_view in) : in_(in) {}

  SanitizedHtml Run() {
    std::size_t text_start = 0;
    while (pos_ < in_.size()) {
      const std::size_t lt = in_.find('<', pos_);
      if (lt == std::string_view::npos) break;
      pos_ = lt;
      const std::size_t before = pos_;
      std::optional<Tag> tag;
      if (!ReadMarkup(tag)) {  // not markup: a literal '<'
        pos_ = lt + 1;
        continue;
      }
      Text(in_.substr(text_start, before - text_start));
      if (tag) Handle(*tag);
      text_start = pos_;
    }
    if (text_start < in_.size() && !eof_dropped_) Text(in_.substr(text_start));
    while (!open_.empty()) Close();
    return std::move(out_);
  }

 private:
  // At in_[pos_] == '<'. Reads a tag, comment, CDATA section, doctype or
  // processing instruction and returns true (tag set only for tags); false
  // when the '<' starts none of them and is text.
  bool ReadMarkup(std::optional<Tag>& tag) {
    const std::string_view rest = in_.substr(pos_);
    if (rest.starts_with("<!--")) {
      SkipPast("-->", pos_ + 4);
      return true;
    }
    if (rest.starts_with("<![CDATA[")) {
      SkipPast("]]>", pos_ + 9);
      return true;
    }
    if (rest.starts_with("<!") || rest.starts_with("<?")) {
      SkipPast(">", pos_ + 2);
      return true;
    }
    const bool end = rest.starts_with("</");
    const std::size_t name_at = pos_ + (end ? 2 : 1);
    if (name_at >= in_.size() || !IsAsciiAlpha(in_[name_at])) {
      if (end && name_at < in_.size()) {  // "</3" and the like: a bogus comment
        SkipPast(">", name_at);
        return true;
      }
      return false;
    }
    Tag t;
    t.end = end;
    std::size_t at = name_at;
    while (at < in_.size() && !IsHtmlSpace(in_[at]) && in_[at] != '/' && in_[at] != '>') {
      t.name += static_cast<char>(std::tolower(static_cast<unsigned char>(in_[at])));
      ++at;
    }
    // Attributes, as the HTML tokenizer reads them.
    while (true) {
      while (at < in_.size() && (IsHtmlSpace(in_[at]) || in_[at] == '/')) {
        t.self_closing = in_[at] == '/';
        ++at;
      }
      if (at >= in_.size()) return Unterminated();
      if (in_[at] == '>') {
        ++at;
        break;
      }
      t.self_closing = false;
      Attribute a;
      do {
        a.name += static_cast<char>(std::tolower(static_cast<unsigned char>(in_[at])));
        ++at;
      } while (at < in_.size() && !IsHtmlSpace(in_[at]) && in_[at] != '/' && in_[at] != '>' &&
               in_[at] != '=');
      while (at < in_.size() && IsHtmlSpace(in_[at])) ++at;
      if (at < in_.size() && in_[at] == '=') {
        ++at;
        while (at < in_.size() && IsHtmlSpace(in_[at])) ++at;
        if (at >= in_.size()) return Unterminated();
        std::string_view raw;
        if (in_[at] == '"' || in_[at] == '\'') {
          const std::size_t close = in_.find(in_[at], at + 1);
          if (close == std::string_view::npos) return Unterminated();
          raw = in_.substr(at + 1, close - at - 1);
          at = close + 1;
        } else {
          const std::size_t from = at;
          while (at < in_.size() && !IsHtmlSpace(in_[at]) && in_[at] != '>') ++at;
          raw = in_.substr(from, at - from);
        }
        a.value = DecodeReferences(raw);
      }
      // The first of duplicated attributes wins, as in browsers.
      const bool seen = std::any_of(t.attributes.begin(), t.attributes.end(),
                                    [&](const Attribute& b) { return b.name == a.name; });
      if (!seen) t.attributes.push_back(std::move(a));
    }
    pos_ = at;
    tag = std::move(t);
    return true;
  }

  // A tag cut off by the end of the input is dropped with everything after it.
  bool Unterminated() {
    pos_ = in_.size();
    eof_dropped_ = true;
    return true;
  }

  void SkipPast(std::string_view terminator, std::size_t from) {
    const std::size_t found = in_.find(terminator, from);
    pos_ = found == std::string_view::npos ? in_.size() : found + terminator.size();
    if (found == std::string_view::npos) eof_dropped_ = true;
  }

  // Skips raw text up to "</name" followed by a space, '/' or '>' (case
  // insensitive) and past that end tag.
  void SkipRawText(std::string_view name) {
    std::size_t at = pos_;
    while (true) {
      const std::size_t lt = in_.find("</", at);
      if (lt == std::string_view::npos) {
        pos_ = in_.size();
        eof_dropped_ = true;
        return;
      }
      const std::size_t after = lt + 2 + name.size();
      if (after <= in_.size() && AsciiLower(in_.substr(lt + 2, name.size())) == name &&
          (after == in_.size() || IsHtmlSpace(in_[after]) || in_[after] == '/' ||
           in_[after] == '>')) {
        SkipPast(">", after);
        return;
      }
      at = lt + 2;
    }
  }

  void Text(std::string_view raw) {
    if (raw.empty() || dropping_depth_ > 0) return;
    out_.html += EscapeHtml(DecodeReferences(raw));
  }

  bool IsOpen(std::string_view name) const {
    return std::find(open_.begin(), open_.end(), name) != open_.end();
  }

  void Close() {
    out_.html += "</" + open_.back() + ">";
    open_.pop_back();
  }

  void CloseThrough(std::string_view name) {
    while (!open_.empty()) {
      const bool last = open_.back() == name;
      Close();
      if (last) return;
    }
  }

  void Handle(const Tag& tag) {
    if (!tag.end && OneOf(kRawTextElements, tag.name)) {
      SkipRawText(tag.name);  // even "<script/>": HTML ignores the slash
      return;
    }
    if (OneOf(kDroppedWithContent, tag.name)) {
      if (dropping_depth_ == 0 && !tag.end && !tag.self_closing) {
        dropping_ = tag.name;
        dropping_depth_ = 1;
      } else if (dropping_depth_ > 0 && tag.name == dropping_) {
        dropping_depth_ += tag.end ? -1 : (tag.self_closing ? 0 : 1);
      }
      return;
    }
    if (dropping_depth_ > 0 || !OneOf(kAllowedElements, tag.name)) return;
    if (tag.end) {
      if (IsOpen(tag.name)) CloseThrough(tag.name);
      return;
    }
    Start(tag);
  }

  void Start(const Tag& tag) {
    const std::string& name = tag.name;
    std::string attributes;
    if (name == "a") {
      std::string href;
      for (const Attribute& a : tag.attributes) {
        if (a.name == "href") href = CleanUrl(a.value);
      }
      if (!IsAllowedLink(href)) return;  // the text stays, unlinked
      attributes = " href=\"" + EscapeHtml(href) + "\" rel=\"noopener nofollow\"";
    } else if (name == "img") {
      std::string src;
      std::string alt;
      std::string size;
      for (const Attribute& a : tag.attributes) {
        if (a.name == "src") src = CleanUrl(a.value);
        if (a.name == "alt") alt = a.value;
        if ((a.name == "width" || a.name == "height") && IsSmallPositive(a.value)) {
          size += " " + a.name + "=\"" + a.value + "\"";
        }
      }
      if (!IsMediaSource(src)) return;
      out_.images.push_back(src.substr(kMediaPrefix.size()));
      attributes = " src=\"" + src + "\" alt=\"" + EscapeHtml(alt) + "\"" + size;
    }
    // What the HTML parser would close before this element starts.
    if (OneOf(kClosesParagraph, name) && IsOpen("p")) CloseThrough("p");
    if (name == "li") {
      for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
        if (*it == "ul" || *it == "ol") break;
        if (*it == "li") {
          CloseThrough("li");
          break;
        }
      }
    }
    if (name == "a" && IsOpen("a")) CloseThrough("a");
    if (name == "br" || name == "img") {  // void: written so XML parsers read it too
      out_.html += "<" + name + attributes + " />";
      return;
    }
    if (open_.size() >= kMaxDepth) return;  // deeper nesting is flattened
    out_.html += "<" + name + attributes + ">";
    open_.push_back(name);
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  bool eof_dropped_ = false;
  std::vector<std::string> open_;
  std::string dropping_;
  int dropping_depth_ = 0;
  SanitizedHtml out_;
};

// ---- images -------------------------------------------------------------------------

std::uint32_t Be16(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) |
         static_cast<unsigned char>(b[at + 1]);
}
std::uint32_t Be32(std::string_view b, std::size_t at) {
  return (Be16(b, at) << 16) | Be16(b, at + 2);
}
std::uint32_t Le16(std::string_view b, std::size_t at) {
  return static_cast<unsigned char>(b[at]) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8);
}
std::uint32_t Le24(std::string_view b, std::size_t at) {
  return Le16(b, at) | (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16);
}
std::uint32_t Le32(std::string_view b, std::size_t at) {
  return Le16(b, at) | (Le16(b, at + 2) << 16);
}

Status Unsupported(std::string message) {
  return InvalidArgumentError("unsupported media type: " + std::move(message));
}
Status Corrupt(std::string_view kind, std::string message) {
  return InvalidArgumentError("image: not a valid " + std::string(kind) + " file (" +
                              std::move(message) + ")");
}

Result<ImageInfo> Sized(std::string type, std::uint32_t width, std::uint32_t height) {
  if (width == 0 || height == 0) {
    return InvalidArgumentError("image: a side of 0 pixels (" + std::to_string(width) + "×" +
                                std::to_string(height) + ")");
  }
  if (width > static_cast<std::uint32_t>(kMaxImageSide) ||
      height > static_cast<std::uint32_t>(kMaxImageSide)) {
    return InvalidArgumentError("image: " + std::to_string(width) + "×" + std::to_string(height) +
                                " pixels; at most " + std::to_string(kMaxImageSide) +
                                " pixels a side are accepted");
  }
  return ImageInfo{std::move(type), static_cast<int>(width), static_cast<int>(height)};
}

Result<ImageInfo> InspectPng(std::string_view b) {
  constexpr std::size_t kChunkOverhead = 12;  // length, type, CRC
  constexpr std::size_t kIhdrLength = 13;
  std::size_t at = 8;
  bool first = true;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  while (true) {
    if (at + kChunkOverhead > b.size()) return Corrupt("PNG", "truncated: no IEND chunk");
    const std::uint32_t length = Be32(b, at);
    const std::string_view type = b.substr(at + 4, 4);
    if (!std::all_of(type.begin(), type.end(), IsAsciiAlpha)) {
      return Corrupt("PNG", "corrupt chunk at byte " + std::to_string(at));
    }
    if (length > b.size() - at - kChunkOverhead) {
      return Corrupt("PNG", "truncated chunk " + std::string(type));
    }
    if (first) {
      if (type != "IHDR" || length != kIhdrLength) return Corrupt("PNG", "no IHDR header");
      width = Be32(b, at + 8);
      height = Be32(b, at + 12);
      first = false;
    }
    at += kChunkOverhead + length;
    if (type == "IEND") break;
  }
  if (at != b.size()) {
    return Corrupt("PNG", std::to_string(b.size() - at) + " bytes after the end of the image");
  }
  return Sized("image/png", width, height);
}

Result<ImageInfo> InspectJpeg(std::string_view b) {
  std::size_t at = 2;
  while (true) {
    if (at >= b.size()) return Corrupt("JPEG", "truncated before the frame header");
    if (static_cast<unsigned char>(b[at]) != 0xFF) {
      return Corrupt("JPEG", "corrupt marker at byte " + std::to_string(at));
    }
    while (at < b.size() && static_cast<unsigned char>(b[at]) == 0xFF) ++at;  // fill bytes
    if (at >= b.size()) return Corrupt("JPEG", "truncated before the frame header");
    const auto marker = static_cast<unsigned char>(b[at++]);
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
    if (marker == 0xD9 || marker == 0xDA) return Corrupt("JPEG", "no frame header before the scan");
    if (at + 2 > b.size()) return Corrupt("JPEG", "truncated segment");
    const std::uint32_t length = Be16(b, at);
    if (length < 2 || at + length > b.size()) return Corrupt("JPEG", "truncated segment");
    const bool frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (length < 7) return Corrupt("JPEG", "short frame header");
      return Sized("image/jpeg", Be16(b, at + 5), Be16(b, at + 3));
    }
    at += length;
  }
}

Result<ImageInfo> InspectGif(std::string_view b) {
  constexpr std::size_t kHeaderAndScreen = 13;
  if (b.size() < kHeaderAndScreen + 1) return Corrupt("GIF", "truncated header");
  if (b.back() != ';') return Corrupt("GIF", "truncated: no trailer at the end");
  return Sized("image/gif", Le16(b, 6), Le16(b, 8));
}

Result<ImageInfo> InspectWebp(std::string_view b) {
  constexpr std::size_t kChunkData = 20;
  if (b.size() < kChunkData + 10) return Corrupt("WebP", "truncated header");
  if (static_cast<std::size_t>(Le32(b, 4)) + 8 != b.size()) {
    return Corrupt("WebP", "the RIFF size says " + std::to_string(Le32(b, 4) + 8) +
                               " bytes, the file has " + std::to_string(b.size()));
  }
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8 ") {
    if (static_cast<unsigned char>(b[kChunkData + 3]) != 0x9D ||
        static_cast<unsigned char>(b[kChunkData + 4]) != 0x01 ||
        static_cast<unsigned char>(b[kChunkData + 5]) != 0x2A) {
      return Corrupt("WebP", "no VP8 start code");
    }
    return Sized("image/webp", Le16(b, kChunkData + 6) & 0x3FFF, Le16(b, kChunkData + 8) & 0x3FFF);
  }
  if (chunk == "VP8L") {
    if (b[kChunkData] != 0x2F) return Corrupt("WebP", "no VP8L signature");
    const std::uint32_t bits = Le32(b, kChunkData + 1);
    return Sized("image/webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (chunk == "VP8X") {
    return Sized("image/webp", Le24(b, kChunkData + 4) + 1, Le24(b, kChunkData + 7) + 1);
  }
  return Corrupt("WebP", "unknown first chunk");
}

std::string_view KindName(std::string_view type) {
  if (type == "image/png") return "a PNG";
  if (type == "image/jpeg") return "a JPEG";
  if (type == "image/gif") return "a GIF";
  return "a WebP";
}

std::string NormalizeType(std::string_view declared) {
  std::string type = AsciiLower(Trim(declared.substr(0, declared.find(';'))));
  if (type == "image/jpg" || type == "image/pjpeg") return "image/jpeg";
  return type;
}

// ---- news -------------------------------------------------------------------------------

constexpr std::array<std::string_view, 3> kNewsLanguages{"it", "en", "zh"};
constexpr std::size_t kMaxKeyLength = 80;
constexpr std::size_t kMaxTitleCharacters = 200;
constexpr std::size_t kMaxSummaryCharacters = 1000;
constexpr std::size_t kMaxCaptionCharacters = 500;
constexpr std::size_t kMaxBodyBytes = 200u << 10;

Status Audit(Store& store, const Clock& clock, const Actor& actor, EventId event,
             std::string_view action, std::string_view target, const nlohmann::json& details) {
  AuditEntry e;
  e.at = clock.Now();
  e.user = actor.user.id;
  e.event = event;
  e.action = std::string(action);
  e.target = std::string(target);
  e.details = details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return store.AppendAudit(e);
}

Status UnknownLanguage(const std::string& where, const std::string& lang) {
  std::string message = where;
  message += ": language '";
  message += lang;
  message += "' is not one of it, en, zh";
  return InvalidArgumentError(std::move(message));
}

Status CheckPlainText(const LocalizedText& text, std::string_view field, std::size_t max_chars,
                      bool required) {
  for (const auto& [lang, value] : text.all()) {
    const std::string where = std::string(field) + " (" + lang + ")";
    if (!OneOf(kNewsLanguages, lang)) {
      return UnknownLanguage(where, lang);
    }
    if (auto bad = FindInvalidUtf8(value)) {
      return InvalidArgumentError(where + ": invalid UTF-8 at byte " + std::to_string(*bad));
    }
    if (CountCodePoints(value) > max_chars) {
      return InvalidArgumentError(where + ": longer than " + std::to_string(max_chars) +
                                  " characters");
    }
  }
  if (required && std::all_of(text.all().begin(), text.all().end(),
                              [](const auto& kv) { return Trim(kv.second).empty(); })) {
    return InvalidArgumentError(std::string(field) + ": required in at least one of it, en, zh");
  }
  return OkStatus();
}

LocalizedText WithoutEmpty(const LocalizedText& text) {
  LocalizedText out;
  for (const auto& [lang, value] : text.all()) {
    if (!Trim(value).empty()) out.Set(lang, std::string(Trim(value)));
  }
  return out;
}

Status CheckImageExists(Store& store, std::string_view sha, std::string_view where) {
  if (!IsSha256Hex(sha)) {
    return InvalidArgumentError(std::string(where) + ": '" + std::string(sha) +
                                "' is not the SHA-256 of an uploaded image");
  }
  auto image = store.GetImage(sha, nullptr);
  if (image.status().code() == StatusCode::kNotFound) {
    return InvalidArgumentError(std::string(where) + ": image " + std::string(sha) +
                                " has not been uploaded");
  }
  return image.status();
}

// Validates and normalizes what an organizer sent; bodies are sanitized.
Status Prepare(Store& store, NewsItem& item) {
  PONTE_RETURN_IF_ERROR(CheckNewsKey(item.key));
  item.title = WithoutEmpty(item.title);
  item.summary = WithoutEmpty(item.summary);
  PONTE_RETURN_IF_ERROR(CheckPlainText(item.title, "title", kMaxTitleCharacters, true));
  PONTE_RETURN_IF_ERROR(CheckPlainText(item.summary, "summary", kMaxSummaryCharacters, false));
  LocalizedText body;
  for (const auto& [lang, html] : item.body.all()) {
    const std::string field = "body (" + lang + ")";
    if (!OneOf(kNewsLanguages, lang)) {
      return UnknownLanguage(field, lang);
    }
    if (html.size() > kMaxBodyBytes) {
      return InvalidArgumentError(field + ": longer than " + std::to_string(kMaxBodyBytes >> 10) +
                                  " KiB");
    }
    PONTE_ASSIGN_OR_RETURN(SanitizedHtml clean, SanitizeHtml(html, field));
    for (const std::string& sha : clean.images) {
      PONTE_RETURN_IF_ERROR(CheckImageExists(store, sha, field));
    }
    if (!Trim(clean.html).empty()) body.Set(lang, std::move(clean.html));
  }
  item.body = std::move(body);
  for (std::size_t i = 0; i < item.images.size(); ++i) {
    NewsImage& image = item.images[i];
    const std::string where = "images[" + std::to_string(i) + "]";
    PONTE_RETURN_IF_ERROR(CheckImageExists(store, image.sha256, where));
    image.caption = WithoutEmpty(image.caption);
    PONTE_RETURN_IF_ERROR(
        CheckPlainText(image.caption, where + ".caption", kMaxCaptionCharacters, false));
  }
  if (item.date.month < 1 || item.date.month > 12 || item.date.day < 1 || item.date.day > 31 ||
      !ParseDate(FormatDate(item.date)).ok()) {
    return InvalidArgumentError("date: not a calendar date");
  }
  return OkStatus();
}

Status CheckVersion(std::optional<int> if_match, const NewsItem& current) {
  if (if_match && *if_match != current.version) {
    return FailedPreconditionError("news item '" + current.key + "' changed since it was read " +
                                   "(version " + std::to_string(*if_match) + ", now " +
                                   std::to_string(current.version) + "): reload it and try again");
  }
  return OkStatus();
}

Status Denied(EventId event) {
  return PermissionDeniedError(event.valid() ? "only the event's organizers edit its news"
                                             : "only organizers edit the programme's news");
}

// ---- feeds --------------------------------------------------------------------------------

std::string Rfc822(Instant t) {
  constexpr std::array<std::string_view, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  constexpr std::int64_t kThursday = 4;  // 1970-01-01
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::int64_t n = days.time_since_epoch().count();
  const CivilDate d = CivilFromDays(n);
  const auto seconds = (t - days).count();
  char clock[16];
  std::snprintf(clock, sizeof clock, "%02d:%02d:%02d", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  const auto weekday = static_cast<std::size_t>(((n + kThursday) % 7 + 7) % 7);
  return std::string(kDays[weekday]) + ", " + (d.day < 10 ? "0" : "") + std::to_string(d.day) +
         " " + std::string(kMonths[static_cast<std::size_t>(d.month - 1)]) + " " +
         std::to_string(d.year) + " " + clock + " +0000";
}

Instant StartOf(const CivilDate& date) { return Instant(std::chrono::days(DaysFromCivil(date))); }

std::string AbsoluteMedia(const std::string& html, const std::string& base_url) {
  std::string out;
  const std::string needle = "src=\"" + std::string(kMediaPrefix);
  std::size_t from = 0;
  while (true) {
    const std::size_t at = html.find(needle, from);
    if (at == std::string::npos) break;
    out.append(html, from, at - from);
    out += "src=\"" + base_url + std::string(kMediaPrefix);
    from = at + needle.size();
  }
  out.append(html, from);
  return out;
}

// The body a feed carries: the sanitized body plus the item's images.
std::string FeedBody(const NewsItem& item, const std::string& lang, const std::string& base_url) {
  std::string html = item.body.Best(lang).first;
  for (const NewsImage& image : item.images) {
    html += "<figure><img src=\"" + std::string(kMediaPrefix) + image.sha256 + "\" alt=\"" +
            EscapeHtml(image.caption.Best(lang).first) + "\" />";
    if (!image.caption.empty()) {
      html += "<figcaption>" + EscapeHtml(image.caption.Best(lang).first) + "</figcaption>";
    }
    html += "</figure>";
  }
  return AbsoluteMedia(html, base_url);
}

std::string ItemUrl(const NewsItem& item, const FeedOptions& o) {
  return o.base_url + "/news/" + item.key + "?lang=" + o.lang;
}

// Text for the feeds' XML: escaped, without the control characters XML 1.0
// cannot carry (titles and event names are checked UTF-8 but may hold them).
std::string XmlText(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (char c : text) {
    if (!IsDroppedControl(c)) kept += c;
  }
  return EscapeHtml(kept);
}

Instant Updated(const std::vector<NewsItem>& items, Instant fallback) {
  Instant latest = fallback;
  bool any = false;
  for (const NewsItem& item : items) {
    if (!any || item.updated_at > latest) latest = item.updated_at;
    any = true;
  }
  return latest;
}

}  // namespace

// ---- HTML ------------------------------------------------------------------------------

Result<SanitizedHtml> SanitizeHtml(std::string_view html, std::string_view field) {
  if (auto bad = FindInvalidUtf8(html)) {
    return InvalidArgumentError(std::string(field) + ": invalid UTF-8 at byte " +
                                std::to_string(*bad) + "; save the text as UTF-8");
  }
  return Sanitizer(StripBom(html)).Run();
}

// ---- images ------------------------------------------------------------------------------

Result<ImageInfo> InspectImage(std::string_view bytes, std::string_view declared) {
  if (bytes.empty()) return InvalidArgumentError("image: the upload is empty");
  if (bytes.size() > kMaxImageBytes) {
    return InvalidArgumentError("image: " + std::to_string(bytes.size()) +
                                " bytes; at most 5 MiB (" + std::to_string(kMaxImageBytes) +
                                " bytes) are accepted");
  }
  const std::string type = NormalizeType(declared);
  const bool declared_image =
      type == "image/png" || type == "image/jpeg" || type == "image/gif" || type == "image/webp";
  if (!type.empty() && type != "application/octet-stream" && !declared_image) {
    return Unsupported("'" + type + "' is not accepted; upload a PNG, JPEG, GIF or WebP image");
  }
  const std::string_view content = StripBom(bytes);
  const std::string_view trimmed =
      content.substr(std::min(content.size(), content.find_first_not_of(" \t\r\n\f")));
  if (trimmed.starts_with("<")) {
    return Unsupported(
        "the content is markup (SVG, HTML or XML), which is not accepted; upload a "
        "PNG, JPEG, GIF or WebP image");
  }
  std::string detected;
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) {
    detected = "image/png";
  } else if (bytes.starts_with("\xFF\xD8\xFF")) {
    detected = "image/jpeg";
  } else if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) {
    detected = "image/gif";
  } else if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
    detected = "image/webp";
  } else {
    return Unsupported("the content is not a PNG, JPEG, GIF or WebP image");
  }
  if (declared_image && detected != type) {
    return Unsupported("declared as " + type + " but the content is " +
                       std::string(KindName(detected)) + " image");
  }
  if (detected == "image/png") return InspectPng(bytes);
  if (detected == "image/jpeg") return InspectJpeg(bytes);
  if (detected == "image/gif") return InspectGif(bytes);
  return InspectWebp(bytes);
}

Result<Image> UploadImage(Store& store, const Clock& clock, const Actor& actor,
                          std::string_view bytes, std::string_view declared_type,
                          std::string_view file_name) {
  if (!CanEditNews(actor, EventId())) {
    return PermissionDeniedError("only organizers upload images");
  }
  PONTE_ASSIGN_OR_RETURN(ImageInfo info, InspectImage(bytes, declared_type));
  Image image;
  image.sha256 = Sha256Hex(bytes);
  image.content_type = info.content_type;
  image.bytes = static_cast<std::int64_t>(bytes.size());
  image.width = info.width;
  image.height = info.height;
  // The name is only shown to organizers; keep it short and valid.
  std::string name(file_name.substr(0, 200));
  while (!name.empty() && !IsValidUtf8(name)) name.pop_back();
  image.file_name = name;
  image.uploaded_by = actor.user.id;
  image.created_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.PutImage(image, bytes));
  PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, EventId(), "image.upload", image.sha256,
                              {{"content_type", image.content_type},
                               {"bytes", image.bytes},
                               {"width", image.width},
                               {"height", image.height},
                               {"file_name", image.file_name}}));
  return image;
}

// ---- news ------------------------------------------------------------------------------------

bool CanEditNews(const Actor& actor, EventId event) {
  if (event.valid()) return actor.IsOrganizer(event);
  return std::any_of(actor.memberships.begin(), actor.memberships.end(),
                     [](const Membership& m) { return m.role == Role::kOrganizer; });
}

bool CanSeeNewsDrafts(const Actor& actor, EventId event) {
  if (event.valid()) return actor.IsStaff(event);
  return std::any_of(actor.memberships.begin(), actor.memberships.end(), [](const Membership& m) {
    return m.role == Role::kOrganizer || m.role == Role::kSupport;
  });
}

Status CheckNewsKey(std::string_view key) {
  const bool ok = !key.empty() && key.size() <= kMaxKeyLength && key.front() != '-' &&
                  key.back() != '-' && std::all_of(key.begin(), key.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || IsAsciiDigit(c) || c == '-';
                  });
  if (!ok) {
    return InvalidArgumentError("key: '" + std::string(key) +
                                "' is not a URL slug; use 1 to 80 of a-z, 0-9 and '-', e.g. "
                                "'signing-ceremony-2026'");
  }
  return OkStatus();
}

Result<NewsItem> CreateNews(Store& store, const Clock& clock, const Actor& actor, NewsItem item) {
  if (!CanEditNews(actor, item.event)) return Denied(item.event);
  PONTE_RETURN_IF_ERROR(Prepare(store, item));
  item.author = actor.user.id;
  item.created_at = clock.Now();
  item.updated_at = item.created_at;
  PONTE_RETURN_IF_ERROR(store.CreateNews(item));
  PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, item.event, "news.create", "news:" + item.key,
                              {{"status", ToCode(item.status)}}));
  return item;
}

Result<NewsItem> UpdateNews(Store& store, const Clock& clock, const Actor& actor,
                            std::string_view key, NewsItem changed, std::optional<int> if_match) {
  PONTE_ASSIGN_OR_RETURN(NewsItem current, ReadNews(store, &actor, key));
  if (!CanEditNews(actor, current.event)) return Denied(current.event);
  if (!CanEditNews(actor, changed.event)) return Denied(changed.event);
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, current));
  PONTE_RETURN_IF_ERROR(Prepare(store, changed));
  changed.id = current.id;
  changed.author = current.author;
  changed.created_at = current.created_at;
  changed.updated_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.UpdateNews(changed, if_match.value_or(current.version)));
  nlohmann::json details{{"status", ToCode(changed.status)}};
  if (changed.key != current.key) details["renamed_from"] = current.key;
  PONTE_RETURN_IF_ERROR(
      Audit(store, clock, actor, changed.event, "news.update", "news:" + changed.key, details));
  return changed;
}

Result<NewsItem> SetNewsStatus(Store& store, const Clock& clock, const Actor& actor,
                               std::string_view key, NewsStatus status,
                               std::optional<int> if_match) {
  PONTE_ASSIGN_OR_RETURN(NewsItem item, ReadNews(store, &actor, key));
  if (!CanEditNews(actor, item.event)) return Denied(item.event);
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, item));
  const int version = item.version;
  item.status = status;
  item.updated_at = clock.Now();
  PONTE_RETURN_IF_ERROR(store.UpdateNews(item, version));
  PONTE_RETURN_IF_ERROR(Audit(store, clock, actor, item.event,
                              status == NewsStatus::kPublished ? "news.publish" : "news.unpublish",
                              "news:" + item.key, nlohmann::json::object()));
  return item;
}

Status DeleteNews(Store& store, const Clock& clock, const Actor& actor, std::string_view key,
                  std::optional<int> if_match) {
  PONTE_ASSIGN_OR_RETURN(NewsItem item, ReadNews(store, &actor, key));
  if (!CanEditNews(actor, item.event)) return Denied(item.event);
  PONTE_RETURN_IF_ERROR(CheckVersion(if_match, item));
  PONTE_RETURN_IF_ERROR(store.DeleteNews(item.id, if_match.value_or(item.version)));
  return Audit(store, clock, actor, item.event, "news.delete", "news:" + item.key,
               nlohmann::json::object());
}

Result<NewsItem> ReadNews(Store& store, const Actor* actor, std::string_view key) {
  auto item = store.GetNews(key);
  if (!item.ok()) return item.status();
  if (item->status != NewsStatus::kPublished &&
      (actor == nullptr || !CanSeeNewsDrafts(*actor, item->event))) {
    return NotFoundError("no news item '" + std::string(key) + "'");
  }
  return item;
}

Result<std::vector<NewsItem>> ListVisibleNews(Store& store, const Actor* actor, EventId event,
                                              bool include_drafts, int limit) {
  NewsFilter filter;
  filter.event = event;
  filter.published_only = !include_drafts || actor == nullptr;
  filter.limit = limit;
  PONTE_ASSIGN_OR_RETURN(std::vector<NewsItem> items, store.ListNews(filter));
  std::erase_if(items, [&](const NewsItem& n) {
    return n.status != NewsStatus::kPublished &&
           (actor == nullptr || !CanSeeNewsDrafts(*actor, n.event));
  });
  return items;
}

// ---- feeds -----------------------------------------------------------------------------------

std::string NewsToAtom(const std::vector<NewsItem>& items, const FeedOptions& o) {
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + XmlText(o.lang) + "\">\n";
  x += "  <id>" + XmlText(o.base_url + o.page_path) + "</id>\n";
  x += "  <title>" + XmlText(o.title) + "</title>\n";
  x += "  <updated>" + FormatUtc(Updated(items, o.updated)) + "</updated>\n";
  x += "  <author><name>" + XmlText(o.title) + "</name></author>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
       XmlText(o.base_url + o.self_path) + "\" />\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlText(o.base_url + o.page_path) +
       "\" />\n";
  x += "  <generator>ponte</generator>\n";
  for (const NewsItem& item : items) {
    const auto [title, title_lang] = item.title.Best(o.lang);
    x += "  <entry xml:lang=\"" + XmlText(title_lang.empty() ? o.lang : title_lang) + "\">\n";
    x += "    <id>" + XmlText(o.base_url + "/news/" + item.key) + "</id>\n";
    x += "    <title>" + XmlText(title) + "</title>\n";
    x += "    <published>" + FormatUtc(StartOf(item.date)) + "</published>\n";
    x += "    <updated>" + FormatUtc(item.updated_at) + "</updated>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlText(ItemUrl(item, o)) +
         "\" />\n";
    if (!item.summary.empty()) {
      x += "    <summary>" + XmlText(item.summary.Best(o.lang).first) + "</summary>\n";
    }
    x += "    <content type=\"html\">" + XmlText(FeedBody(item, o.lang, o.base_url)) +
         "</content>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

std::string NewsToRss(const std::vector<NewsItem>& items, const FeedOptions& o) {
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n";
  x += "  <title>" + XmlText(o.title) + "</title>\n";
  x += "  <link>" + XmlText(o.base_url + o.page_path) + "</link>\n";
  x += "  <description>" + XmlText(o.title) + "</description>\n";
  x += "  <language>" + XmlText(o.lang) + "</language>\n";
  x += "  <lastBuildDate>" + Rfc822(Updated(items, o.updated)) + "</lastBuildDate>\n";
  x += "  <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"" +
       XmlText(o.base_url + o.self_path) + "\" />\n";
  x += "  <generator>ponte</generator>\n";
  for (const NewsItem& item : items) {
    x += "  <item>\n";
    x += "    <title>" + XmlText(item.title.Best(o.lang).first) + "</title>\n";
    x += "    <link>" + XmlText(ItemUrl(item, o)) + "</link>\n";
    x += "    <guid isPermaLink=\"false\">" + XmlText(o.base_url + "/news/" + item.key) +
         "</guid>\n";
    x += "    <pubDate>" + Rfc822(StartOf(item.date)) + "</pubDate>\n";
    x += "    <description>" + XmlText(FeedBody(item, o.lang, o.base_url)) + "</description>\n";
    x += "  </item>\n";
  }
  x += "</channel>\n</rss>\n";
  return x;
}

}  // namespace ponte::service
