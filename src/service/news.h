// News and dissemination: organizers publish multilingual news items with
// images on the public pages of an event or of the whole programme; anyone
// reads the published ones (no account), with Atom and RSS feeds.
//
//   PONTE_ASSIGN_OR_RETURN(Image img, UploadImage(store, clock, organizer, bytes, "image/png",
//                                                 "stand.png"));
//   item.body.Set("zh", "<p>签约仪式</p><img src=\"/media/" + img.sha256 + "\">");
//   PONTE_ASSIGN_OR_RETURN(NewsItem saved, CreateNews(store, clock, organizer, std::move(item)));
//
// What comes in from a browser is never trusted:
//  - bodies go through `SanitizeHtml`, an allow-list of elements and
//    attributes; what is stored (and served) is its output only;
//  - uploads go through `InspectImage`: PNG, JPEG, GIF or WebP recognised by
//    their magic bytes AND a header that parses to sane dimensions; SVG, HTML
//    and anything else are refused. Images are stored under the SHA-256 of
//    their bytes and served from /media/{sha256} with the type recorded here.
//
// Permissions: organizers of an event edit its news; programme-wide news (no
// event) is edited by the organizers of any event. Everybody reads published
// items; drafts are seen by the staff (organizers, support office) who could
// see the event's, or any staff for programme-wide drafts. Every change is
// audited ("news.create", "news.update", "news.publish", "news.unpublish",
// "news.delete", "image.upload").
//
// Errors: InvalidArgument naming the field (422), with the prefix
// "unsupported media type:" for uploads of a type that is not accepted (415);
// PermissionDenied; NotFound (also for drafts the caller may not see);
// AlreadyExists (the key is taken); FailedPrecondition (stale If-Match).
// All functions are thread-compatible: they keep no state of their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/sha256.h"
#include "core/status.h"
#include "core/utf8.h"
#include "model/outcome.h"
#include "service/accounts.h"
#include "store/store.h"

namespace ponte::service {

// ---- HTML ------------------------------------------------------------------------

struct SanitizedHtml {
  std::string html;                 // well-formed: every element closed, text escaped
  std::vector<std::string> images;  // SHA-256 of each /media/ image it shows, in order
};

// Keeps only p, br, strong, b, em, i, u, a (href http/https/mailto, given
// rel="noopener nofollow"), ul, ol, li, h2, h3, h4, blockquote, figure,
// figcaption and img (src="/media/{sha256}" only; alt, width, height).
// Other elements lose their tags but keep their text, except script, style,
// iframe, object, embed, svg, math, template, noscript, textarea, select and
// the like, which are removed with their content. Comments, CDATA, doctypes
// and processing instructions disappear; character references are decoded
// before URLs are checked and text is re-escaped on output. InvalidArgument
// (naming `field` and the byte offset) when `html` is not valid UTF-8.
Result<SanitizedHtml> SanitizeHtml(std::string_view html, std::string_view field = "body");

// Text for HTML and XML: core/utf8.h's EscapeHtml.
using ::ponte::EscapeHtml;

// ---- images ----------------------------------------------------------------------

inline constexpr std::size_t kMaxImageBytes = 5u << 20;  // 5 MiB
inline constexpr int kMaxImageSide = 8000;               // pixels, either side

struct ImageInfo {
  std::string content_type;  // image/png, image/jpeg, image/gif, image/webp
  int width = 0;             // pixels
  int height = 0;
};

// Recognises the image by its magic bytes and parses its header. `declared`
// is the Content-Type the client sent: empty or application/octet-stream
// accept whatever is recognised; one of the four types must match the
// content; anything else (image/svg+xml, text/html, ...) is refused.
Result<ImageInfo> InspectImage(std::string_view bytes, std::string_view declared = {});

// Lower-case hex SHA-256 (libsodium), the images' storage key.
using ::ponte::IsSha256Hex;
using ::ponte::Sha256Hex;

// Organizers of any event; validates, then stores once per SHA-256 (a
// second upload of the same bytes returns the stored record).
Result<Image> UploadImage(Store& store, const Clock& clock, const Actor& actor,
                          std::string_view bytes, std::string_view declared_type,
                          std::string_view file_name);

// ---- news ------------------------------------------------------------------------

// Who may create, edit, publish and delete news of `event` (unset: the
// programme's own news).
bool CanEditNews(const Actor& actor, EventId event);
// Who may see drafts of `event`'s news.
bool CanSeeNewsDrafts(const Actor& actor, EventId event);

// The slug rules: 1..80 characters a-z, 0-9 and '-', not starting or ending
// with '-'. InvalidArgument naming the field otherwise.
Status CheckNewsKey(std::string_view key);

// Validates (key, a title in at least one language, languages it/en/zh,
// date), sanitizes every body, checks that every image exists, then stores.
// `item.author`, timestamps and the version are set here.
Result<NewsItem> CreateNews(Store& store, const Clock& clock, const Actor& actor, NewsItem item);
// Replaces the item named `key` with `changed` (which may move it to another
// key or event: the caller must be allowed on both). If-Match: the version.
Result<NewsItem> UpdateNews(Store& store, const Clock& clock, const Actor& actor,
                            std::string_view key, NewsItem changed, std::optional<int> if_match);
Result<NewsItem> SetNewsStatus(Store& store, const Clock& clock, const Actor& actor,
                               std::string_view key, NewsStatus status,
                               std::optional<int> if_match);
Status DeleteNews(Store& store, const Clock& clock, const Actor& actor, std::string_view key,
                  std::optional<int> if_match);

// `actor` null: an anonymous visitor. NotFound for drafts the reader may not see.
Result<NewsItem> ReadNews(Store& store, const Actor* actor, std::string_view key);
// Published items of `event` (unset: all, every event's and the programme's),
// newest first, plus drafts when `include_drafts` and the reader may see them.
Result<std::vector<NewsItem>> ListVisibleNews(Store& store, const Actor* actor, EventId event,
                                              bool include_drafts, int limit = 50);

// ---- feeds -----------------------------------------------------------------------

struct FeedOptions {
  std::string base_url;   // "https://ponte.example.org", no trailing slash
  std::string self_path;  // "/events/icstiw-2026/news.atom"
  std::string page_path;  // the HTML page the feed mirrors: "/events/icstiw-2026/news"
  std::string lang = "en";
  std::string title;  // the feed's title, already in `lang`
  Instant updated;    // when nothing is in the feed
};

// Atom 1.0 (RFC 4287) and RSS 2.0 of `items` in `lang` (a fallback language
// when an item lacks it). Links are absolute; bodies are HTML escaped into
// the XML, with /media/ references made absolute.
std::string NewsToAtom(const std::vector<NewsItem>& items, const FeedOptions& options);
std::string NewsToRss(const std::vector<NewsItem>& items, const FeedOptions& options);

}  // namespace ponte::service
