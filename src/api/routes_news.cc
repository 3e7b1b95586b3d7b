// News, images and feeds: organizers write and publish news items (bodies
// sanitized by service::SanitizeHtml) and upload images (checked by
// service::InspectImage); anyone reads published news, the images under
// /media/{hash} and the Atom / RSS feeds of the programme and of each event.
#include <nlohmann/json.hpp>

#include "api/app.h"
#include "api/json.h"
#include "core/utf8.h"
#include "service/news.h"

namespace ponte::api {
namespace {

// Event keys by id, for the JSON of news items (which store the id).
Result<std::map<EventId, std::string>> EventKeys(Store& store) {
  PONTE_ASSIGN_OR_RETURN(std::vector<Event> events, store.ListEvents());
  std::map<EventId, std::string> keys;
  for (const Event& e : events) keys[e.id] = e.key;
  return keys;
}

Json NewsJson(const NewsItem& n, const std::map<EventId, std::string>& events,
              std::string_view locale) {
  Json images = Json::array();
  for (const NewsImage& image : n.images) {
    images.push_back({{"sha256", image.sha256},
                      {"url", "/media/" + image.sha256},
                      {"caption", ToJson(image.caption, locale)}});
  }
  auto event = events.find(n.event);
  return Json{{"key", n.key},
              {"event", event == events.end() ? Json(nullptr) : Json(event->second)},
              {"title", ToJson(n.title, locale)},
              {"summary", ToJson(n.summary, locale)},
              {"body", ToJson(n.body, locale)},
              {"date", FormatDate(n.date)},
              {"status", std::string(ToCode(n.status))},
              {"images", images},
              {"created_at", FormatUtc(n.created_at)},
              {"updated_at", FormatUtc(n.updated_at)},
              {"version", n.version}};
}

Result<LocalizedText> TextField(const Json& body, std::string_view name, bool required) {
  LocalizedText text;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) {
      return InvalidArgumentError("field '" + std::string(name) +
                                  "': expected an object of texts by language, e.g. "
                                  "{\"it\": \"...\", \"zh\": \"...\"}");
    }
    return text;
  }
  if (!it->is_object()) {
    return InvalidArgumentError("field '" + std::string(name) +
                                "': expected an object of texts by language");
  }
  for (const auto& [lang, value] : it->items()) {
    if (!value.is_string()) {
      return InvalidArgumentError("field '" + std::string(name) + "." + lang +
                                  "': expected a string");
    }
    text.Set(lang, value.get<std::string>());
  }
  return text;
}

// The body of POST /news and PUT /news/{key}.
Result<NewsItem> NewsFromJson(RequestContext& c, const Json& body) {
  NewsItem n;
  PONTE_ASSIGN_OR_RETURN(n.key, StringField(body, "key"));
  if (auto e = body.find("event"); e != body.end() && !e->is_null()) {
    if (!e->is_string()) return InvalidArgumentError("field 'event': expected an event key");
    auto event = c.store.GetEvent(e->get<std::string>());
    if (!event.ok()) {
      return InvalidArgumentError("field 'event': no event '" + e->get<std::string>() + "'");
    }
    n.event = event->id;
  }
  PONTE_ASSIGN_OR_RETURN(n.title, TextField(body, "title", true));
  PONTE_ASSIGN_OR_RETURN(n.summary, TextField(body, "summary", false));
  PONTE_ASSIGN_OR_RETURN(n.body, TextField(body, "body", false));
  const std::string date = OptionalString(body, "date");
  if (date.empty()) {
    const auto today = std::chrono::floor<std::chrono::days>(c.clock.Now());
    n.date = CivilFromDays(today.time_since_epoch().count());
  } else {
    auto parsed = ParseDate(date);
    if (!parsed.ok()) return InvalidArgumentError("field 'date': expected YYYY-MM-DD");
    n.date = *parsed;
  }
  auto status = ParseNewsStatus(OptionalString(body, "status", "draft"));
  if (!status.ok()) return InvalidArgumentError("field 'status': expected draft or published");
  n.status = *status;
  if (auto images = body.find("images"); images != body.end() && !images->is_null()) {
    if (!images->is_array()) {
      return InvalidArgumentError("field 'images': expected [{sha256, caption?}]");
    }
    for (const Json& image : *images) {
      if (!image.is_object()) {
        return InvalidArgumentError("field 'images': expected [{sha256, caption?}]");
      }
      NewsImage ni;
      PONTE_ASSIGN_OR_RETURN(ni.sha256, StringField(image, "sha256"));
      PONTE_ASSIGN_OR_RETURN(ni.caption, TextField(image, "caption", false));
      n.images.push_back(std::move(ni));
    }
  }
  return n;
}

// ---- uploads ------------------------------------------------------------------------------

struct Upload {
  std::string content_type;
  std::string file_name;
  std::string_view bytes;
};

// The parameter `name` of a header value like `form-data; name="file";
// filename="a.png"` (quoted or not).
std::string HeaderParameter(std::string_view value, std::string_view name) {
  std::size_t at = 0;
  while (at < value.size()) {
    const std::size_t semi = value.find(';', at);
    std::string_view part =
        Trim(value.substr(at, semi == std::string_view::npos ? std::string_view::npos : semi - at));
    at = semi == std::string_view::npos ? value.size() : semi + 1;
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos || AsciiLower(Trim(part.substr(0, eq))) != name) continue;
    std::string_view v = Trim(part.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return std::string(v);
  }
  return {};
}

// A raw body with its Content-Type, or the part named "file" (or the first
// with a file name) of a multipart/form-data body.
Result<Upload> UploadOf(const HttpRequest& request) {
  const std::string_view type = request.Header("content-type");
  if (!AsciiLower(type).starts_with("multipart/form-data")) {
    return Upload{std::string(type),
                  HeaderParameter(request.Header("content-disposition"), "filename"), request.body};
  }
  const std::string boundary = HeaderParameter(type, "boundary");
  if (boundary.empty()) return InvalidArgumentError("request body: multipart without a boundary");
  const std::string delimiter = "--" + boundary;
  const std::string_view body = request.body;
  std::size_t at = body.find(delimiter);
  while (at != std::string_view::npos) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") break;  // the closing delimiter
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string_view::npos) break;
    Upload part;
    std::string name;
    for (const std::string& line : Split(body.substr(at, headers_end - at), '\n')) {
      const std::string_view l = Trim(line);
      const std::size_t colon = l.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string header = AsciiLower(Trim(l.substr(0, colon)));
      const std::string_view value = Trim(l.substr(colon + 1));
      if (header == "content-disposition") {
        name = HeaderParameter(value, "name");
        part.file_name = HeaderParameter(value, "filename");
      } else if (header == "content-type") {
        part.content_type = std::string(value);
      }
    }
    const std::size_t content = headers_end + 4;
    const std::size_t end = body.find("\r\n" + delimiter, content);
    if (end == std::string_view::npos) break;
    part.bytes = body.substr(content, end - content);
    if (name == "file" || !part.file_name.empty()) return part;
    at = end + 2;
  }
  return InvalidArgumentError("request body: no file part in the multipart form (field 'file')");
}

// ---- feeds -------------------------------------------------------------------------------

std::string_view NewsWord(std::string_view lang) {
  if (lang == "it") return "Notizie";
  if (lang == "zh") return "新闻";
  return "News";
}

Result<HttpResponse> Feed(RequestContext& c, bool atom) {
  const std::string lang = c.Locale();
  const EventId event = c.event ? c.event->id : EventId();
  PONTE_ASSIGN_OR_RETURN(std::vector<NewsItem> items,
                         service::ListVisibleNews(c.store, nullptr, event, false));
  service::FeedOptions o;
  o.base_url = c.app->options().base_url;
  while (o.base_url.ends_with('/')) o.base_url.pop_back();
  const std::string prefix = c.event ? "/events/" + c.event->key : std::string();
  o.self_path = prefix + (atom ? "/news.atom" : "/news.rss") + "?lang=" + lang;
  o.page_path = prefix + "/news";
  o.lang = lang;
  o.title = c.event ? c.event->name.Best(lang).first + " — " + std::string(NewsWord(lang))
                    : "ponte — " + std::string(NewsWord(lang));
  o.updated = c.event ? Instant(std::chrono::days(DaysFromCivil(c.event->start_date)))
                      : Instant(Seconds(0));
  HttpResponse r = atom ? HttpResponse::Text(200, service::NewsToAtom(items, o),
                                             "application/atom+xml; charset=utf-8")
                        : HttpResponse::Text(200, service::NewsToRss(items, o),
                                             "application/rss+xml; charset=utf-8");
  r.Set("Cache-Control", "public, max-age=300");
  return r;
}

const std::vector<Role> kAnyRole{};
// News items read for one list (pages are cut from them).
constexpr int kMaxListed = 5000;

}  // namespace

void AddNewsRoutes(App& app) {
  Router& r = app.router();

  r.Add({"GET", "/api/v1/news",
         "Published news of the programme, or of one event with ?event=; staff add drafts with "
         "?drafts=1; texts in ?lang=; newest first, paginated",
         "news", Access::kPublic},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Page page,
                                 PageOf(c.request.Query("limit"), c.request.Query("offset")));
          EventId event;
          if (auto key = c.request.Query("event"); key && !key->empty()) {
            auto found = c.store.GetEvent(*key);
            if (!found.ok()) return NotFoundError("no event '" + *key + "'");
            event = found->id;
          }
          const bool drafts = c.request.Query("drafts").value_or("") == "1";
          PONTE_ASSIGN_OR_RETURN(std::vector<NewsItem> items,
                                 service::ListVisibleNews(c.store, c.actor ? &*c.actor : nullptr,
                                                          event, drafts, kMaxListed));
          PONTE_ASSIGN_OR_RETURN(auto events, EventKeys(c.store));
          Json out = Json::array();
          for (const NewsItem& n : items) out.push_back(NewsJson(n, events, c.Locale()));
          return JsonOk(Paged(std::move(out), page));
        });
  r.Add({"GET", "/api/v1/news/{key}", "One news item (drafts only for staff)", "news",
         Access::kPublic},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(
              NewsItem n,
              service::ReadNews(c.store, c.actor ? &*c.actor : nullptr, c.Param("key")));
          PONTE_ASSIGN_OR_RETURN(auto events, EventKeys(c.store));
          HttpResponse out = JsonOk(NewsJson(n, events, c.Locale()));
          out.Set("ETag", ETag(n.version));
          return out;
        });
  r.Add({"POST", "/api/v1/news",
         "Write a news item (organizers of its event; any organizer for programme-wide news)",
         "news", Access::kSignedIn, kAnyRole,
         "{key, event?, title: {it?, en?, zh?}, summary?, body? (HTML, sanitized), date?, "
         "status?: draft|published, images?: [{sha256, caption?}]}"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(NewsItem n, NewsFromJson(c, body));
          PONTE_ASSIGN_OR_RETURN(n, service::CreateNews(c.store, c.clock, *c.actor, std::move(n)));
          PONTE_ASSIGN_OR_RETURN(auto events, EventKeys(c.store));
          HttpResponse out = JsonOk(NewsJson(n, events, c.Locale()), 201);
          out.Set("ETag", ETag(n.version));
          out.Set("Location", "/api/v1/news/" + n.key);
          return out;
        });
  r.Add({"PUT", "/api/v1/news/{key}", "Replace a news item (organizers; If-Match)", "news",
         Access::kSignedIn, kAnyRole, "as POST /api/v1/news"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Json body, c.JsonBody());
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          PONTE_ASSIGN_OR_RETURN(NewsItem n, NewsFromJson(c, body));
          PONTE_ASSIGN_OR_RETURN(n, service::UpdateNews(c.store, c.clock, *c.actor, c.Param("key"),
                                                        std::move(n), if_match));
          PONTE_ASSIGN_OR_RETURN(auto events, EventKeys(c.store));
          HttpResponse out = JsonOk(NewsJson(n, events, c.Locale()));
          out.Set("ETag", ETag(n.version));
          return out;
        });
  for (const bool publish : {true, false}) {
    r.Add({"POST", publish ? "/api/v1/news/{key}/publish" : "/api/v1/news/{key}/unpublish",
           publish ? "Publish a news item (organizers; If-Match)"
                   : "Take a news item back to draft (organizers; If-Match)",
           "news", Access::kSignedIn},
          [publish](RequestContext& c) -> Result<HttpResponse> {
            PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
            PONTE_ASSIGN_OR_RETURN(
                NewsItem n, service::SetNewsStatus(
                                c.store, c.clock, *c.actor, c.Param("key"),
                                publish ? NewsStatus::kPublished : NewsStatus::kDraft, if_match));
            PONTE_ASSIGN_OR_RETURN(auto events, EventKeys(c.store));
            HttpResponse out = JsonOk(NewsJson(n, events, c.Locale()));
            out.Set("ETag", ETag(n.version));
            return out;
          });
  }
  r.Add({"DELETE", "/api/v1/news/{key}", "Delete a news item (organizers; If-Match)", "news",
         Access::kSignedIn},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(std::optional<int> if_match, c.IfMatch());
          PONTE_RETURN_IF_ERROR(
              service::DeleteNews(c.store, c.clock, *c.actor, c.Param("key"), if_match));
          HttpResponse out;
          out.status = 204;
          return out;
        });

  r.Add({"POST", "/api/v1/images",
         "Upload an image (organizers): PNG, JPEG, GIF or WebP up to 5 MiB and 8000 px a side, as "
         "the raw body with its Content-Type or as the field 'file' of a multipart form; SVG, "
         "HTML and anything else are refused (415)",
         "news", Access::kSignedIn, kAnyRole, "the image bytes"},
        [](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(Upload upload, UploadOf(c.request));
          PONTE_ASSIGN_OR_RETURN(Image image,
                                 service::UploadImage(c.store, c.clock, *c.actor, upload.bytes,
                                                      upload.content_type, upload.file_name));
          return JsonOk({{"sha256", image.sha256},
                         {"url", "/media/" + image.sha256},
                         {"content_type", image.content_type},
                         {"bytes", image.bytes},
                         {"width", image.width},
                         {"height", image.height},
                         {"file_name", image.file_name}},
                        201);
        });
  r.Add({"GET", "/api/v1/images", "The uploaded images (organizers), for the news editor", "news",
         Access::kSignedIn},
        [](RequestContext& c) -> Result<HttpResponse> {
          if (!service::CanEditNews(*c.actor, EventId())) {
            return PermissionDeniedError("only organizers list the uploaded images");
          }
          PONTE_ASSIGN_OR_RETURN(std::vector<Image> images, c.store.ListImages());
          Json out = Json::array();
          for (const Image& i : images) {
            out.push_back({{"sha256", i.sha256},
                           {"url", "/media/" + i.sha256},
                           {"content_type", i.content_type},
                           {"bytes", i.bytes},
                           {"width", i.width},
                           {"height", i.height},
                           {"file_name", i.file_name},
                           {"created_at", FormatUtc(i.created_at)}});
          }
          return JsonOk({{"items", out}});
        });
  r.Add({"GET",
         "/media/{hash}",
         "An uploaded image by the SHA-256 of its bytes (public; cached for a year, immutable)",
         "news",
         Access::kPublic,
         {},
         "",
         "image/*"},
        [](RequestContext& c) -> Result<HttpResponse> {
          const std::string& sha = c.Param("hash");
          if (!service::IsSha256Hex(sha)) return NotFoundError("no image '" + sha + "'");
          const std::string etag = "\"" + sha + "\"";
          const std::string_view if_none_match = c.request.Header("if-none-match");
          std::string bytes;
          Image image;
          if (if_none_match.find(etag) != std::string_view::npos) {
            PONTE_ASSIGN_OR_RETURN(image, c.store.GetImage(sha, nullptr));
          } else {
            PONTE_ASSIGN_OR_RETURN(image, c.store.GetImage(sha, &bytes));
          }
          HttpResponse out = HttpResponse::Text(200, std::move(bytes), image.content_type);
          if (if_none_match.find(etag) != std::string_view::npos) out.status = 304;
          out.Set("ETag", etag);
          out.Set("Cache-Control", "public, max-age=31536000, immutable");
          out.Set("Content-Disposition", "inline");
          out.Set("Content-Security-Policy", "default-src 'none'; sandbox");
          out.Set("Cross-Origin-Resource-Policy", "same-site");
          return out;
        });

  for (const bool atom : {true, false}) {
    const std::string ext = atom ? ".atom" : ".rss";
    const std::string type = atom ? "application/atom+xml" : "application/rss+xml";
    r.Add({"GET",
           "/news" + ext,
           std::string(atom ? "Atom 1.0" : "RSS 2.0") +
               " feed of all published news (?lang=it|en|zh)",
           "news",
           Access::kPublic,
           {},
           "",
           type},
          [atom](RequestContext& c) { return Feed(c, atom); });
    r.Add({"GET",
           "/events/{event}/news" + ext,
           std::string(atom ? "Atom 1.0" : "RSS 2.0") +
               " feed of an event's published news (?lang=it|en|zh)",
           "news",
           Access::kPublic,
           {},
           "",
           type},
          [atom](RequestContext& c) { return Feed(c, atom); });
  }
}

}  // namespace ponte::api
