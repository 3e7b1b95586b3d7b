// Dataset: a batch of records as they travel between files and the store, with
// references by external key (a person names its organization's key, not its
// row id) and the file/line each record came from, so that a failure found
// late (e.g. a key missing from the database) still points at the line.
//
//   Dataset data;                           // filled by io::ReadFiles
//   PONTE_RETURN_IF_ERROR(store.Import(data, {.dry_run = true}));
//
// Plain value type. Importing a dataset is all-or-nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace ponte {

struct SourceLocation {
  std::string file;
  int line = 0;  // 0 = unknown
  // "people.csv:14" (or "people.csv" when the line is unknown)
  std::string ToString() const;
};

struct OrganizationRecord {
  Organization organization;
  SourceLocation where;
};

struct PersonRecord {
  Person person;
  std::string organization_key;
  std::vector<std::string> session_keys;
  SourceLocation where;
};

struct ProfileRecord {
  Profile profile;
  std::string organization_key;
  SourceLocation where;
};

struct SessionRecord {
  Session session;
  SourceLocation where;
};

struct InterpreterRecord {
  Interpreter interpreter;
  std::vector<std::string> session_keys;
  SourceLocation where;
};

struct RequestRecord {
  MeetingRequest request;
  std::string from_key;
  std::string to_key;
  std::string requested_by_key;  // optional
  SourceLocation where;
};

struct MeetingRecord {
  Meeting meeting;
  std::string request_key;  // optional
  std::string a_key;
  std::string b_key;
  std::string session_key;
  std::string interpreter_key;  // optional
  SourceLocation where;
};

struct Dataset {
  std::optional<Event> event;  // the event the event-scoped records belong to
  std::vector<OrganizationRecord> organizations;
  std::vector<PersonRecord> people;
  std::vector<ProfileRecord> profiles;
  std::vector<SessionRecord> sessions;
  std::vector<InterpreterRecord> interpreters;
  std::vector<RequestRecord> requests;
  std::vector<MeetingRecord> meetings;

  bool HasEventScopedRecords() const {
    return !sessions.empty() || !interpreters.empty() || !requests.empty() || !meetings.empty();
  }
  std::size_t RecordCount() const {
    return organizations.size() + people.size() + profiles.size() + sessions.size() +
           interpreters.size() + requests.size() + meetings.size() + (event ? 1 : 0);
  }
};

}  // namespace ponte
