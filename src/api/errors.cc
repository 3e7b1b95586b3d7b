#include "api/errors.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace ponte::api {
namespace {

// Uploads of a type the server does not take (service::InspectImage).
bool UnsupportedMediaType(const std::string& message) {
  return message.starts_with("unsupported media type:");
}

bool Malformed(const std::string& message) {
  return message.starts_with("request body:") || message.starts_with("request target:") ||
         message.starts_with("path parameter") || message.starts_with("query parameter") ||
         message.starts_with("If-Match:");
}

std::string CodeName(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      if (UnsupportedMediaType(status.message())) return "unsupported_media_type";
      return Malformed(status.message()) ? "bad_request" : "invalid";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kPermissionDenied:
      return "forbidden";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kAlreadyExists:
      return "already_exists";
    case StatusCode::kAborted:
      return "conflict";
    case StatusCode::kFailedPrecondition:
      return "stale";
    case StatusCode::kResourceExhausted:
      return "too_many_requests";
    case StatusCode::kUnavailable:
    case StatusCode::kDeadlineExceeded:
      return "unavailable";
    case StatusCode::kUnimplemented:
      return "not_implemented";
    default:
      return "internal";
  }
}

HttpResponse Shape(int http, const std::string& code, const std::string& message,
                   nlohmann::json details = nlohmann::json::object()) {
  nlohmann::json body{{"error", {{"code", code}, {"message", message}, {"details", details}}}};
  return HttpResponse::Json(http,
                            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      if (UnsupportedMediaType(status.message())) return 415;
      return Malformed(status.message()) ? 400 : 422;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kAborted:
    case StatusCode::kCancelled:
      return 409;
    case StatusCode::kFailedPrecondition:
      return 412;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kUnavailable:
    case StatusCode::kDeadlineExceeded:
      return 503;
    case StatusCode::kUnimplemented:
      return 501;
    default:
      return 500;
  }
}

HttpResponse ErrorResponse(const Status& status) {
  const int http = HttpStatusOf(status);
  if (http == 500) {
    spdlog::error("internal error: {}", status.ToString());
    return Shape(500, "internal", "internal error (logged on the server)");
  }
  HttpResponse r = Shape(http, CodeName(status), status.message());
  if (http == 429) r.Set("Retry-After", "60");
  if (http == 401) r.Set("WWW-Authenticate", "Bearer realm=\"ponte\"");
  return r;
}

HttpResponse MethodNotAllowed(const std::string& message) {
  HttpResponse r = Shape(405, "method_not_allowed", message);
  const std::size_t use = message.find("use ");
  if (use != std::string::npos) r.Set("Allow", message.substr(use + 4));
  return r;
}

}  // namespace ponte::api
