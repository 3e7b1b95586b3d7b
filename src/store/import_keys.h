// Internal to store: how Import, in both backends, turns the keys that a
// Dataset's records name into row ids, counts what it wrote, and says which
// record named a key that is neither in the import nor in the database.
//
//   PONTE_ASSIGN_OR_RETURN(Meeting m, ResolveMeeting(rec, orgs, sessions, requests, interpreters));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"
#include "model/dataset.h"
#include "store/store.h"

namespace ponte::store_internal {

// key -> row id, for one table (or one event's rows of it).
using KeyIds = std::unordered_map<std::string, std::int64_t>;

inline Status Missing(const SourceLocation& where, std::string_view column, std::string_view what,
                      const std::string& key) {
  return InvalidArgumentError(where.ToString() + ": column '" + std::string(column) + "': no " +
                              std::string(what) + " with key '" + key +
                              "' (neither in this import nor in the database)");
}

// The id of `key` in `ids`; else Missing, naming the record's `column`.
inline Result<std::int64_t> Resolve(const KeyIds& ids, const SourceLocation& where,
                                    std::string_view column, std::string_view what,
                                    const std::string& key) {
  auto it = ids.find(key);
  if (it == ids.end()) return Missing(where, column, what, key);
  return it->second;
}

inline void Count(KindCounts& counts, bool existed) {
  ++(existed ? counts.updated : counts.created);
}

// The record's meeting with its organizations, session and (when named)
// request and interpreter resolved to ids.
inline Result<Meeting> ResolveMeeting(const MeetingRecord& rec, const KeyIds& orgs,
                                      const KeyIds& sessions, const KeyIds& requests,
                                      const KeyIds& interpreters) {
  Meeting m = rec.meeting;
  PONTE_ASSIGN_OR_RETURN(std::int64_t a, Resolve(orgs, rec.where, "a", "organization", rec.a_key));
  PONTE_ASSIGN_OR_RETURN(std::int64_t b, Resolve(orgs, rec.where, "b", "organization", rec.b_key));
  PONTE_ASSIGN_OR_RETURN(std::int64_t sid,
                         Resolve(sessions, rec.where, "session", "session", rec.session_key));
  m.a = OrganizationId(a);
  m.b = OrganizationId(b);
  m.session = SessionId(sid);
  if (!rec.request_key.empty()) {
    PONTE_ASSIGN_OR_RETURN(std::int64_t q,
                           Resolve(requests, rec.where, "request", "request", rec.request_key));
    m.request = MeetingRequestId(q);
  }
  if (!rec.interpreter_key.empty()) {
    PONTE_ASSIGN_OR_RETURN(std::int64_t i, Resolve(interpreters, rec.where, "interpreter",
                                                   "interpreter", rec.interpreter_key));
    m.interpreter = InterpreterId(i);
  }
  return m;
}

}  // namespace ponte::store_internal
