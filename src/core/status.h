// Status and Result<T>: how every ponte library reports an expected failure.
//
//   Result<Event> e = store.GetEvent(id);
//   if (!e.ok()) return e.status();          // or PONTE_ASSIGN_OR_RETURN(Event ev,
//   store.GetEvent(id)); Use(*e);
//
// A Status is a code plus a message meant for a person ("people.csv:12: column
// 'email': expected an e-mail address, got 'n/a'"). Codes follow the canonical
// set (Abseil / googleapis); the CLI maps them to exit codes and the HTTP layer
// to status codes, each in one place. Status and Result are value types; they
// are not thread-safe to mutate concurrently but safe to copy across threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ponte {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input is wrong (bad file, bad field)
  kNotFound,            // the thing asked for does not exist
  kAlreadyExists,       // creating something that is there already
  kFailedPrecondition,  // the system is not in a state that allows this
  kAborted,             // a concurrent change won: retry (optimistic locking)
  kResourceExhausted,   // rate limit, quota, size limit
  kUnavailable,         // try later (database busy, server starting)
  kPermissionDenied,    // authenticated but not allowed
  kUnauthenticated,     // who are you?
  kDeadlineExceeded,    // a time limit ran out before any answer
  kCancelled,           // the caller asked to stop
  kUnimplemented,       // not supported by this build or backend
  kInternal,            // a bug: an invariant does not hold
};

// "invalid_argument", "not_found", ...: the stable name used in JSON and logs.
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "not_found: event 7 does not exist"
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status AlreadyExistsError(std::string message);
Status FailedPreconditionError(std::string message);
Status AbortedError(std::string message);
Status ResourceExhaustedError(std::string message);
Status UnavailableError(std::string message);
Status PermissionDeniedError(std::string message);
Status UnauthenticatedError(std::string message);
Status DeadlineExceededError(std::string message);
Status CancelledError(std::string message);
Status UnimplementedError(std::string message);
Status InternalError(std::string message);

// Result<T> holds either a T or a non-OK Status. Accessing the value of an
// error Result is a programming error (it aborts in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (std::get<Status>(data_).ok()) data_ = InternalError("Result constructed from OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  Status status() const { return ok() ? OkStatus() : std::get<Status>(data_); }

  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }

 private:
  std::variant<Status, T> data_;
};

namespace internal {
inline Status AsStatus(const Status& s) { return s; }
template <typename T>
Status AsStatus(const Result<T>& r) {
  return r.status();
}
}  // namespace internal

}  // namespace ponte

#define PONTE_CONCAT_INNER(a, b) a##b
#define PONTE_CONCAT(a, b) PONTE_CONCAT_INNER(a, b)

// Returns from the enclosing function if `expr` (a Status or Result) is not OK.
#define PONTE_RETURN_IF_ERROR(expr)                                      \
  do {                                                                   \
    ::ponte::Status ponte_status_ = ::ponte::internal::AsStatus((expr)); \
    if (!ponte_status_.ok()) return ponte_status_;                       \
  } while (false)

// PONTE_ASSIGN_OR_RETURN(auto x, MakeX());  declares/assigns x or returns the error.
#define PONTE_ASSIGN_OR_RETURN(lhs, expr) \
  PONTE_ASSIGN_OR_RETURN_IMPL(PONTE_CONCAT(ponte_result_, __LINE__), lhs, expr)
#define PONTE_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
