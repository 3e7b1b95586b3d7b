// Fuzz target for the news inputs that come from browsers: the HTML
// sanitizer and the image inspector. Invariants: never crash or hang; the
// sanitizer's output is valid UTF-8, only has tags of the allow-list, and is
// a fixed point (sanitizing it again changes nothing); an accepted image has
// sides within the limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "service/news.h"

namespace {

bool OnlyAllowedTags(const std::string& html) {
  static const std::set<std::string, std::less<>> kAllowed{
      "p",  "br", "strong", "b",  "em", "i",   "u",      "a",          "ul",
      "ol", "li", "h2",     "h3", "h4", "img", "figure", "figcaption", "blockquote"};
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    std::size_t from = at + 1;
    if (from < html.size() && html[from] == '/') ++from;
    const std::size_t end = html.find_first_of(" >", from);
    if (end == std::string::npos) return false;
    if (!kAllowed.contains(std::string_view(html).substr(from, end - from))) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto clean = ponte::service::SanitizeHtml(input);
  if (clean.ok()) {
    if (!ponte::IsValidUtf8(clean->html) || !OnlyAllowedTags(clean->html)) std::abort();
    auto again = ponte::service::SanitizeHtml(clean->html);
    if (!again.ok() || again->html != clean->html) std::abort();
  }
  for (std::string_view type : {"", "image/png", "image/jpeg", "image/gif", "image/webp"}) {
    auto image = ponte::service::InspectImage(input, type);
    if (image.ok() &&
        (image->width < 1 || image->height < 1 || image->width > ponte::service::kMaxImageSide ||
         image->height > ponte::service::kMaxImageSide)) {
      std::abort();
    }
  }
  return 0;
}
