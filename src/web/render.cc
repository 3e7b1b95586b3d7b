#include "web/render.h"

#include <spdlog/spdlog.h>
#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>

#include "core/utf8.h"
#include "io/import.h"

namespace ponte::web {
namespace {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

constexpr const char* kLanguages[] = {"it", "en", "zh"};

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// FNV-1a of the content: a short version string for cache-busting URLs.
std::string ContentVersion(std::string_view body) {
  std::uint64_t h = 1469598103934665603ull;
  for (char ch : body) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buffer, 10);
}

std::string ContentType(const fs::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  return "application/octet-stream";
}

data ToData(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: {
      data d{data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, ToData(v));
      return d;
    }
    case Json::value_t::array: {
      data d{data::type::list};
      for (const Json& v : j) d.push_back(ToData(v));
      return d;
    }
    case Json::value_t::string:
      return data(j.get<std::string>());
    case Json::value_t::boolean:
      return data(j.get<bool>());
    case Json::value_t::null:
      return data(false);
    default:
      return data(j.dump());
  }
}

icu::Locale IcuLocale(std::string_view locale) {
  if (locale == "zh") return icu::Locale("zh", "CN");
  if (locale == "it") return icu::Locale("it", "IT");
  return icu::Locale("en", "GB");
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string FormatWith(icu::DateFormat::EStyle date, icu::DateFormat::EStyle time, Instant t,
                       std::string_view zone, std::string_view locale) {
  // Creating an ICU formatter costs far more than using one, and a formatter
  // is not safe to share between threads: one cache per thread.
  thread_local std::map<std::string, std::unique_ptr<icu::DateFormat>> cache;
  std::string key = std::to_string(static_cast<int>(date)) + "/" +
                    std::to_string(static_cast<int>(time)) + "/" + std::string(zone) + "/" +
                    std::string(locale);
  auto it = cache.find(key);
  if (it == cache.end()) {
    std::unique_ptr<icu::DateFormat> f(
        icu::DateFormat::createDateTimeInstance(date, time, IcuLocale(locale)));
    if (!f) return FormatUtc(t);
    f->adoptTimeZone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
        icu::StringPiece(zone.data(), static_cast<int>(zone.size())))));
    it = cache.emplace(std::move(key), std::move(f)).first;
  }
  icu::UnicodeString out;
  it->second->format(static_cast<UDate>(t.time_since_epoch().count()) * 1000.0, out);
  return ToUtf8(out);
}

}  // namespace

Result<std::shared_ptr<const Site>> Site::Load(const std::string& web_dir,
                                               const std::string& node_modules,
                                               const std::string& data_dir) {
  auto site = std::make_shared<Site>();
  if (auto taxonomy = io::LoadTaxonomy(data_dir); taxonomy.ok()) {
    site->taxonomy_ = std::move(*taxonomy);
  } else {
    spdlog::warn("portal: {}", taxonomy.status().message());
  }
  const fs::path root(web_dir);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root / "templates", ec)) {
    if (entry.path().extension() != ".mustache") continue;
    PONTE_ASSIGN_OR_RETURN(std::string text, ReadFile(entry.path()));
    mustache check(text);
    if (!check.is_valid()) {
      return InvalidArgumentError(entry.path().string() + ": " + check.error_message());
    }
    site->templates_[entry.path().stem().string()] = std::move(text);
  }
  if (ec) return NotFoundError("portal templates: " + (root / "templates").string());
  for (const char* lang : kLanguages) {
    const fs::path path = root / "i18n" / (std::string(lang) + ".json");
    PONTE_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    Json j = Json::parse(text, nullptr, false);
    if (!j.is_object()) return InvalidArgumentError(path.string() + ": not a JSON object");
    site->messages_[lang] = std::move(j);
  }
  for (const auto& entry : fs::directory_iterator(root / "static", ec)) {
    PONTE_ASSIGN_OR_RETURN(std::string body, ReadFile(entry.path()));
    Asset a{body, ContentType(entry.path()), ContentVersion(body)};
    site->assets_[entry.path().filename().string()] = std::move(a);
  }
  // The front-end packages, pinned in package-lock.json; served under
  // /static/vendor/<name>.
  const std::pair<const char*, const char*> vendor[] = {
      {"htmx.min.js", "htmx.org/dist/htmx.min.js"},
      {"alpine.min.js", "alpinejs/dist/cdn.min.js"},
      {"chart.umd.min.js", "chart.js/dist/chart.umd.min.js"},
  };
  for (const auto& [name, path] : vendor) {
    auto body = ReadFile(fs::path(node_modules) / path);
    if (!body.ok()) {
      spdlog::warn("portal: {} (run npm ci --ignore-scripts)", body.status().message());
      continue;
    }
    Asset a{*body, "text/javascript; charset=utf-8", ContentVersion(*body)};
    site->vendor_[name] = std::move(a);
  }
  return std::shared_ptr<const Site>(std::move(site));
}

const Json& Site::Messages(std::string_view locale) const {
  auto it = messages_.find(locale);
  if (it == messages_.end()) it = messages_.find("en");
  return it->second;
}

std::string Site::T(std::string_view locale, std::string_view key) const {
  const Json& m = Messages(locale);
  if (auto it = m.find(std::string(key)); it != m.end() && it->is_string()) return *it;
  const Json& en = Messages("en");
  if (auto it = en.find(std::string(key)); it != en.end() && it->is_string()) return *it;
  return std::string(key);
}

std::string Site::Render(std::string_view name, const Json& d) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return "<p>missing template " + std::string(name) + "</p>";
  mustache tmpl(it->second);
  return tmpl.render(ToData(d));
}

std::string Site::ThemeLabel(std::string_view code, std::string_view locale) const {
  const Theme* theme = taxonomy_.Find(code);
  return theme ? theme->label.Best(locale).first : std::string(code);
}

const Asset* Site::FindAsset(std::string_view name, bool vendor) const {
  const auto& map = vendor ? vendor_ : assets_;
  auto it = map.find(name);
  return it == map.end() ? nullptr : &it->second;
}

std::string Site::AssetUrl(std::string_view name, bool vendor) const {
  const Asset* a = FindAsset(name, vendor);
  return std::string(vendor ? "/static/vendor/" : "/static/") + std::string(name) +
         (a ? "?v=" + a->version : std::string());
}

std::string FormatDateTime(Instant t, std::string_view zone, std::string_view locale) {
  return FormatWith(icu::DateFormat::kMedium, icu::DateFormat::kShort, t, zone, locale);
}

std::string FormatDay(Instant t, std::string_view zone, std::string_view locale) {
  return FormatWith(icu::DateFormat::kFull, icu::DateFormat::kNone, t, zone, locale);
}

std::string FormatTime(Instant t, std::string_view zone, std::string_view locale) {
  return FormatWith(icu::DateFormat::kNone, icu::DateFormat::kShort, t, zone, locale);
}

std::string FormatNumber(double value, std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberFormat> f(
      icu::NumberFormat::createInstance(IcuLocale(locale), status));
  if (U_FAILURE(status) || !f) return std::to_string(value);
  icu::UnicodeString out;
  f->format(value, out);
  return ToUtf8(out);
}

std::string FormatPercent(double fraction, std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberFormat> f(
      icu::NumberFormat::createPercentInstance(IcuLocale(locale), status));
  if (U_FAILURE(status) || !f) return std::to_string(fraction * 100) + "%";
  icu::UnicodeString out;
  f->format(fraction, out);
  return ToUtf8(out);
}

std::string ZoneName(std::string_view zone, std::string_view locale) {
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(
      icu::UnicodeString::fromUTF8(icu::StringPiece(zone.data(), static_cast<int>(zone.size())))));
  icu::UnicodeString out;
  tz->getDisplayName(false, icu::TimeZone::EDisplayType::LONG_GENERIC, IcuLocale(locale), out);
  return ToUtf8(out) + " (" + std::string(zone) + ")";
}

std::string LanguageName(std::string_view code, std::string_view locale) {
  const icu::Locale language(std::string(code).c_str());
  icu::UnicodeString out;
  language.getDisplayLanguage(IcuLocale(locale), out);
  std::string name = ToUtf8(out);
  return name.empty() || name == code ? std::string(code) : name;
}

std::string ReaderZone(const api::RequestContext& c) {
  auto tz = c.request.Cookie("ponte_tz");
  if (!tz) return "";
  const auto decoded = api::PercentDecode(*tz, false);
  const std::string zone = decoded ? *decoded : *tz;
  return IsValidTimeZone(zone) ? zone : "";
}

Json Localized(const LocalizedText& text, std::string_view locale) {
  auto [value, lang] = text.Best(locale);
  return {{"text", value}, {"lang", std::string(lang)}, {"other", !lang.empty() && lang != locale}};
}

std::string FormField(const api::HttpRequest& request, std::string_view name) {
  for (const auto& [k, v] : api::ParseQuery(request.body)) {
    if (k == name) return v;
  }
  return "";
}

std::string EscapeHtml(std::string_view text) {
  return kainjow::mustache::html_escape<std::string>(std::string(text));
}

void EventPages::operator()(std::string method, std::string pattern, std::string_view summary,
                            std::vector<Role> roles, api::RouteHandler handler) const {
  router_.Add({std::move(method), std::move(pattern), "Portal: " + std::string(summary), "portal",
               api::Access::kEvent, std::move(roles), "", "text/html"},
              std::move(handler));
}

void OpenPages::operator()(std::string method, std::string pattern, std::string_view summary,
                           std::string fields, api::RouteHandler handler) const {
  router_.Add({std::move(method),
               std::move(pattern),
               "Portal: " + std::string(summary),
               "portal",
               api::Access::kPublic,
               {},
               std::move(fields),
               "text/html"},
              std::move(handler));
}

bool IsHtmx(const api::HttpRequest& request) { return request.Header("hx-request") == "true"; }

std::string SafeNext(std::string_view next) {
  if (next.empty() || next[0] != '/' || next.starts_with("//") ||
      next.find('\\') != std::string_view::npos) {
    return "/";
  }
  return std::string(next);
}

std::optional<api::HttpResponse> RequireSignIn(api::RequestContext& c) {
  if (c.actor) return std::nullopt;
  return api::HttpResponse::Redirect("/login?next=" + api::PercentEncode(c.request.target));
}

Json LayoutData(api::RequestContext& c, const Site& site) {
  const std::string locale = c.Locale();
  Json d;
  d["lang"] = locale;
  d["t"] = site.Messages(locale);
  // After a refused form (a POST shown again) the language switch goes back
  // to the page the form was on: the POST's address has no GET.
  d["next"] = c.request.target;
  if (c.request.method != "GET") {
    std::string_view referer = c.request.Header("referer");
    if (const std::size_t scheme = referer.find("://"); scheme != std::string_view::npos) {
      const std::size_t path = referer.find('/', scheme + 3);
      referer = path == std::string_view::npos ? std::string_view("/") : referer.substr(path);
    }
    d["next"] = SafeNext(referer);
  }
  Json langs = Json::array();
  for (const char* l : kLanguages) {
    langs.push_back({{"code", l}, {"label", site.T(l, "language_name")}, {"current", l == locale}});
  }
  d["langs"] = langs;
  d["css"] = site.AssetUrl("portal.css", false);
  d["js"] = site.AssetUrl("portal.js", false);
  d["icon"] = site.AssetUrl("favicon.svg", false);
  d["htmx"] = site.AssetUrl("htmx.min.js", true);
  d["alpine"] = site.AssetUrl("alpine.min.js", true);
  d["user"] = false;
  d["csrf"] = "";
  d["nav"] = Json::array();
  d["has_nav"] = false;
  if (!c.actor) return d;
  d["user"] = {{"name", c.actor->user.name}, {"email", c.actor->user.email}};
  d["csrf"] = c.actor->csrf_token;
  // The event in the path, or the user's first.
  std::optional<Event> event = c.event ? std::optional<Event>(*c.event) : std::nullopt;
  if (!event && !c.actor->memberships.empty()) {
    if (auto events = c.store.ListEvents(); events.ok()) {
      for (const Event& e : *events) {
        if (e.id == c.actor->memberships.front().event) event = e;
      }
    }
  }
  if (!event) return d;
  const std::string base = "/events/" + event->key;
  d["event"] = {{"key", event->key}, {"name", Localized(event->name, locale)}};
  Json nav = Json::array();
  auto add = [&](const std::string& href, std::string_view key) {
    const std::string_view path = c.request.path;
    nav.push_back({{"href", href}, {"label", site.T(locale, key)}, {"current", path == href}});
  };
  add(base, "nav_home");
  const bool staff = c.actor->IsStaff(event->id);
  const bool participant = c.actor->OrganizationIn(event->id).valid();
  if (participant) {
    add(base + "/recommendations", "nav_recommendations");
    add(base + "/catalogue", "nav_catalogue");
    add(base + "/requests", "nav_requests");
  }
  if (participant || c.actor->InterpreterIn(event->id).valid()) add(base + "/agenda", "nav_agenda");
  if (participant) {
    add(base + "/organization", "nav_organization");
    add(base + "/people", "nav_people");
  }
  if (participant || staff) add(base + "/outcomes", "nav_outcomes");
  if (staff) {
    add(base + "/participants", "nav_participants");
    add(base + "/schedule", "nav_schedule");
    add(base + "/stats", "nav_stats");
  }
  if (c.actor->IsOrganizer(event->id)) {
    add(base + "/setup", "nav_setup");
    add(base + "/matching", "nav_matching");
    add(base + "/import", "nav_import");
    add(base + "/invitations", "nav_invite");
  }
  d["has_nav"] = !nav.empty();
  d["nav"] = nav;
  return d;
}

api::HttpResponse Page(api::RequestContext& c, const Site& site, std::string_view page,
                       std::string_view title_key, Json data, int status) {
  Json layout = LayoutData(c, site);
  for (auto& [k, v] : layout.items()) {
    if (!data.contains(k)) data[k] = v;
  }
  const std::string locale = c.Locale();
  layout["title"] = site.T(locale, title_key);
  layout["content"] = site.Render(page, data);
  api::HttpResponse out = api::HttpResponse::Html(status, site.Render("layout", layout));
  out.Set("Content-Language", locale == "zh" ? "zh-Hans" : locale);
  return out;
}

std::string StatusText(const Site& site, std::string_view locale, const Status& status) {
  std::string key = "error_" + std::string(StatusCodeName(status.code()));
  return site.T(locale, key) + " — " + status.message();
}

api::HttpResponse ErrorPage(api::RequestContext& c, const Site& site, const Status& status) {
  int code = 500;
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      code = 400;
      break;
    case StatusCode::kNotFound:
      code = 404;
      break;
    case StatusCode::kPermissionDenied:
      code = 403;
      break;
    case StatusCode::kAborted:
    case StatusCode::kAlreadyExists:
      code = 409;
      break;
    case StatusCode::kFailedPrecondition:
      code = 412;
      break;
    case StatusCode::kResourceExhausted:
      code = 429;
      break;
    default:
      break;
  }
  return Page(c, site, "error", "error_title", {{"message", StatusText(site, c.Locale(), status)}},
              code);
}

}  // namespace ponte::web
