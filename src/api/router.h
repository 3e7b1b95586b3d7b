// Routes: method + path pattern ("/api/v1/events/{event}/requests/{id}") →
// handler, with the metadata the OpenAPI document and the access check are
// generated from, so the document cannot drift from the routes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http.h"
#include "core/clock.h"
#include "core/status.h"
#include "model/account.h"
#include "model/model.h"
#include "service/accounts.h"
#include "store/store.h"

namespace ponte::api {

class App;

enum class Access {
  kPublic,    // anyone
  kSignedIn,  // any signed-in user
  kEvent,     // a member of the event named by {event}, with one of `roles`
};

struct RouteSpec {
  std::string method;
  std::string pattern;
  std::string summary;  // one line, for the OpenAPI document
  std::string tag;      // groups operations in the document
  Access access = Access::kSignedIn;
  std::vector<Role> roles;  // kEvent: empty means any member
  std::string body;         // what the JSON body holds (OpenAPI); empty: none
  std::string produces = "application/json";
};

// What a handler gets: the request, its path parameters, a store connection
// for this request, the caller and the event named by {event} (resolved and
// access-checked before the handler runs).
struct RequestContext {
  HttpRequest& request;
  std::vector<std::pair<std::string, std::string>> params;
  Store& store;
  const Clock& clock;
  // Shared with the server's memo of callers and events (read-only).
  std::shared_ptr<const service::Actor> actor;
  std::shared_ptr<const Event> event;
  std::string request_id;
  App* app = nullptr;
  // The store's ChangeStamp when the request came in (nullopt: the store has
  // none); read once per request, before the handler runs.
  std::optional<std::uint64_t> stamp;

  const std::string& Param(std::string_view name) const;
  // A positive integer path parameter; InvalidArgument otherwise.
  Result<std::int64_t> IdParam(std::string_view name) const;
  // The body as a JSON object; InvalidArgument naming the problem.
  Result<nlohmann::json> JsonBody() const;
  // The If-Match version ("\"v3\"" or "3"); nullopt when absent.
  Result<std::optional<int>> IfMatch() const;
  // The caller's language: ?lang=, then the account's, then Accept-Language.
  std::string Locale() const;
};

using RouteHandler = std::function<Result<HttpResponse>(RequestContext&)>;

struct Route {
  RouteSpec spec;
  RouteHandler handler;
  std::vector<std::string> segments;  // "{name}" for parameters
};

class Router {
 public:
  void Add(RouteSpec spec, RouteHandler handler);
  // The route for method and path; NotFound, or FailedPrecondition listing the
  // allowed methods when the path exists with other methods (405).
  Result<const Route*> Find(std::string_view method, std::string_view path,
                            std::vector<std::pair<std::string, std::string>>& params) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// "v3" quoted, the ETag of version 3.
std::string ETag(int version);
// `r` with the ETag of `version`.
HttpResponse WithETag(HttpResponse r, int version);

// `body` as JSON with `status`; invalid UTF-8 in strings is replaced (U+FFFD),
// never thrown on.
HttpResponse JsonOk(const nlohmann::json& body, int status = 200);

// The role lists routes and portal pages declare most often.
inline const std::vector<Role> kStaff{Role::kOrganizer, Role::kSupport};
inline const std::vector<Role> kParticipantsAndStaff{Role::kOrganizer, Role::kSupport,
                                                     Role::kParticipant};

}  // namespace ponte::api
