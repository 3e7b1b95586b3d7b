// Plain HTTP request and response values: what handlers see. The Beast
// transport (server.cc) converts to and from these, so that no other file of
// the server includes Boost.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ponte::api {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded, without the query
  HeaderList query;    // decoded name/value pairs, in order
  HeaderList headers;  // names in lower case
  std::string body;
  std::string remote_address;

  // Empty when absent. `name` in lower case.
  std::string_view Header(std::string_view name) const;
  std::optional<std::string> Query(std::string_view name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  HeaderList headers;
  std::string body;
  // A body shared with a memo (no copy per request); when set it is sent
  // instead of `body`.
  std::shared_ptr<const std::string> shared_body;

  std::string_view Body() const { return shared_body ? *shared_body : body; }

  HttpResponse& Set(std::string name, std::string value);
  std::string_view Get(std::string_view name) const;

  static HttpResponse Json(int status, std::string body);
  static HttpResponse Json(int status, std::shared_ptr<const std::string> body);
  static HttpResponse Html(int status, std::string body);
  static HttpResponse Text(int status, std::string body, std::string content_type = "text/plain");
  static HttpResponse NoContent();
  static HttpResponse Redirect(std::string location, int status = 303);
};

// The client's address. `request.remote_address` (the peer) unless the peer
// is one of `trusted_proxies`; then the nearest hop of `Forwarded` (its
// `for=` parameters) or else `X-Forwarded-For` that is not itself a trusted
// proxy, read from the right (the hops a client wrote on the left can be
// forged). A hop that is not an IP address ("unknown", an obfuscated name)
// stops the walk at the last address known.
std::string ClientAddress(const HttpRequest& request,
                          const std::vector<std::string>& trusted_proxies);

// Splits "a=1&b=x%20y" into decoded pairs ('+' is a space).
HeaderList ParseQuery(std::string_view query);
// Percent-decoding; nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);
std::string PercentEncode(std::string_view text);
// Fills path and query from target; false when the target is malformed.
bool SplitTarget(HttpRequest& request);

}  // namespace ponte::api
