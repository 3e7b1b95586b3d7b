#include "api/router.h"

#include <charconv>

#include "core/utf8.h"

namespace ponte::api {
namespace {

std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  for (std::string& s : Split(path, '/')) {
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

// Longer paths match no route (the longest pattern has far fewer segments).
constexpr std::size_t kMaxSegments = 32;

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

const std::string& RequestContext::Param(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return kEmpty;
}

Result<std::int64_t> RequestContext::IdParam(std::string_view name) const {
  const std::string& text = Param(name);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) {
    return InvalidArgumentError("path parameter '" + std::string(name) +
                                "': expected a positive integer id, got '" + text + "'");
  }
  return value;
}

Result<nlohmann::json> RequestContext::JsonBody() const {
  if (request.body.empty()) return nlohmann::json::object();
  if (!IsValidUtf8(request.body)) {
    return InvalidArgumentError("request body: not valid UTF-8");
  }
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return InvalidArgumentError("request body: not valid JSON");
  if (!body.is_object()) return InvalidArgumentError("request body: expected a JSON object");
  return body;
}

Result<std::optional<int>> RequestContext::IfMatch() const {
  std::string_view value = Trim(request.Header("if-match"));
  if (value.empty() || value == "*") return std::optional<int>();
  if (value.starts_with("W/")) value.remove_prefix(2);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  if (!value.empty() && value.front() == 'v') value.remove_prefix(1);
  int version = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return InvalidArgumentError("If-Match: expected an ETag this server gave, like \"v3\"");
  }
  return std::optional<int>(version);
}

std::string RequestContext::Locale() const {
  auto supported = [](std::string_view l) { return l == "it" || l == "en" || l == "zh"; };
  if (auto lang = request.Query("lang"); lang && supported(*lang)) return *lang;
  if (auto cookie = request.Cookie("ponte_lang"); cookie && supported(*cookie)) return *cookie;
  if (actor && supported(actor->user.locale)) return actor->user.locale;
  const std::string_view accept = request.Header("accept-language");
  for (std::string_view part : Split(accept, ',')) {
    part = Trim(part);
    const std::string lang = AsciiLower(part.substr(0, 2));
    if (supported(lang)) return lang;
  }
  return "en";
}

void Router::Add(RouteSpec spec, RouteHandler handler) {
  Route route{std::move(spec), std::move(handler), {}};
  route.segments = Segments(route.spec.pattern);
  routes_.push_back(std::move(route));
}

Result<const Route*> Router::Find(std::string_view method, std::string_view path,
                                  std::vector<std::pair<std::string, std::string>>& params) const {
  // Views into `path`: matching allocates nothing; only the route that
  // matches copies its parameters.
  std::string_view parts[kMaxSegments];
  std::size_t count = 0;
  for (std::size_t begin = 0; begin <= path.size();) {
    std::size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    if (end > begin) {
      if (count == kMaxSegments) return NotFoundError("no such resource: " + std::string(path));
      parts[count++] = path.substr(begin, end - begin);
    }
    begin = end + 1;
  }
  std::string allowed;
  for (const Route& route : routes_) {
    if (route.segments.size() != count) continue;
    bool match = true;
    for (std::size_t i = 0; i < count && match; ++i) {
      const std::string& seg = route.segments[i];
      match = IsParameter(seg) || seg == parts[i];
    }
    if (!match) continue;
    if (route.spec.method == method || (method == "HEAD" && route.spec.method == "GET")) {
      params.clear();
      for (std::size_t i = 0; i < count; ++i) {
        const std::string& seg = route.segments[i];
        if (IsParameter(seg)) params.emplace_back(seg.substr(1, seg.size() - 2), parts[i]);
      }
      return &route;
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += route.spec.method;
  }
  if (!allowed.empty()) {
    return FailedPreconditionError("method " + std::string(method) + " not allowed here; use " +
                                   allowed);
  }
  return NotFoundError("no such resource: " + std::string(path));
}

std::string ETag(int version) { return "\"v" + std::to_string(version) + "\""; }

HttpResponse WithETag(HttpResponse r, int version) {
  r.Set("ETag", ETag(version));
  return r;
}

HttpResponse JsonOk(const nlohmann::json& body, int status) {
  return HttpResponse::Json(status,
                            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace ponte::api
