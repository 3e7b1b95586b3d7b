// The one error shape of the API, {"error": {"code", "message", "details"}},
// and the one place where Status codes become HTTP statuses.
#pragma once

#include <string>

#include "api/http.h"
#include "core/status.h"

namespace ponte::api {

// InvalidArgument → 400 when the request itself is malformed (body, path or
// query), 415 when it starts "unsupported media type:" (an upload of a type
// that is not accepted), else 422; Unauthenticated 401; PermissionDenied 403; NotFound 404;
// AlreadyExists and Aborted 409 (conflicts with the current state);
// FailedPrecondition 412 (the version you read is stale); ResourceExhausted
// 429 with Retry-After; Unavailable and DeadlineExceeded 503; Unimplemented
// 501; everything else 500 (the message is logged, not shown).
int HttpStatusOf(const Status& status);
HttpResponse ErrorResponse(const Status& status);
HttpResponse MethodNotAllowed(const std::string& message);

}  // namespace ponte::api
