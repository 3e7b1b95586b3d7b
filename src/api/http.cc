#include "api/http.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"

namespace ponte::api {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "192.0.2.7", "192.0.2.7:4711", "[2001:db8::1]:4711", "\"[2001:db8::1]\"" → the
// address in canonical text form; nullopt when the hop is not an IP address.
std::optional<std::string> HopAddress(std::string_view hop) {
  hop = Trim(hop);
  if (hop.size() >= 2 && hop.front() == '"' && hop.back() == '"') {
    hop = hop.substr(1, hop.size() - 2);
  }
  if (!hop.empty() && hop.front() == '[') {
    const std::size_t close = hop.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    hop = hop.substr(1, close - 1);
  } else if (std::count(hop.begin(), hop.end(), ':') == 1) {
    hop = hop.substr(0, hop.find(':'));  // IPv4 with a port
  }
  if (hop.empty() || hop.size() > 45) return std::nullopt;
  bool digits_and_dots = true;
  for (const char c : hop) {
    const bool hex = std::isxdigit(static_cast<unsigned char>(c)) != 0;
    if (!hex && c != '.' && c != ':') return std::nullopt;
    if (c == ':' || (hex && !std::isdigit(static_cast<unsigned char>(c)))) {
      digits_and_dots = false;
    }
  }
  if (digits_and_dots && std::count(hop.begin(), hop.end(), '.') != 3) return std::nullopt;
  if (!digits_and_dots && hop.find(':') == std::string_view::npos) return std::nullopt;
  return AsciiLower(hop);
}

// The hops of Forwarded (for= of each element) or X-Forwarded-For, left to
// right, over every occurrence of the header.
std::vector<std::string> ForwardedHops(const HttpRequest& request) {
  std::vector<std::string> hops;
  for (const auto& [name, value] : request.headers) {
    if (name != "forwarded") continue;
    for (std::string_view element : Split(value, ',')) {
      std::string hop = "unknown";  // an element without for= hides its client
      for (std::string_view pair : Split(element, ';')) {
        pair = Trim(pair);
        const std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && AsciiLower(Trim(pair.substr(0, eq))) == "for") {
          hop = std::string(Trim(pair.substr(eq + 1)));
        }
      }
      hops.push_back(std::move(hop));
    }
  }
  if (!hops.empty()) return hops;
  for (const auto& [name, value] : request.headers) {
    if (name != "x-forwarded-for") continue;
    for (std::string& hop : Split(value, ',')) hops.push_back(std::move(hop));
  }
  return hops;
}

}  // namespace

std::string ClientAddress(const HttpRequest& request,
                          const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](const std::string& address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
           trusted_proxies.end();
  };
  std::string client = request.remote_address;
  if (trusted_proxies.empty() || !trusted(client)) return client;
  const std::vector<std::string> hops = ForwardedHops(request);
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    std::optional<std::string> address = HopAddress(*hop);
    if (!address) break;
    client = std::move(*address);
    if (!trusted(client)) break;
  }
  return client;
}

std::string_view HttpRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

std::optional<std::string> HttpRequest::Query(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::optional<std::string> HttpRequest::Cookie(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k != "cookie") continue;
    for (std::string_view part : Split(v, ';')) {
      part = Trim(part);
      const std::size_t eq = part.find('=');
      if (eq == std::string_view::npos) continue;
      if (Trim(part.substr(0, eq)) == name) return std::string(Trim(part.substr(eq + 1)));
    }
  }
  return std::nullopt;
}

HttpResponse& HttpResponse::Set(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (k == name) {
      v = std::move(value);
      return *this;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::string_view HttpResponse::Get(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

HttpResponse HttpResponse::Json(int status, std::string body) {
  return Text(status, std::move(body), "application/json; charset=utf-8");
}

HttpResponse HttpResponse::Json(int status, std::shared_ptr<const std::string> body) {
  HttpResponse r = Text(status, std::string(), "application/json; charset=utf-8");
  r.shared_body = std::move(body);
  return r;
}

HttpResponse HttpResponse::Html(int status, std::string body) {
  return Text(status, std::move(body), "text/html; charset=utf-8");
}

HttpResponse HttpResponse::Text(int status, std::string body, std::string content_type) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  if (content_type == "text/plain") content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back("Content-Type", std::move(content_type));
  return r;
}

HttpResponse HttpResponse::NoContent() {
  HttpResponse r;
  r.status = 204;
  return r;
}

HttpResponse HttpResponse::Redirect(std::string location, int status) {
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = HexValue(text[i + 1]);
      const int lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

HeaderList ParseQuery(std::string_view query) {
  HeaderList out;
  for (std::string_view part : Split(query, '&')) {
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    auto name = PercentDecode(part.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                              : PercentDecode(part.substr(eq + 1), true);
    if (!name || !value) continue;
    out.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

bool SplitTarget(HttpRequest& request) {
  std::string_view target = request.target;
  if (target.empty() || target.front() != '/') return false;
  const std::size_t q = target.find('?');
  auto path = PercentDecode(target.substr(0, q), false);
  if (!path || FindInvalidUtf8(*path).has_value()) return false;
  if (path->find('\0') != std::string::npos) return false;
  request.path = std::move(*path);
  request.query = q == std::string_view::npos ? HeaderList{} : ParseQuery(target.substr(q + 1));
  return true;
}

}  // namespace ponte::api
