// Store: the repository every front end (CLI, server) uses to keep the
// programme's data. One interface, several backends: SQLite (embedded, the
// default: a file path) and, later, PostgreSQL (a postgresql:// URI).
//
//   PONTE_ASSIGN_OR_RETURN(auto store, Store::Open("demo.db", {.create_if_missing = true}));
//   PONTE_ASSIGN_OR_RETURN(ImportReport report, store->Import(dataset, {}));
//   PONTE_ASSIGN_OR_RETURN(Event event, store->GetEvent("icstiw-2026"));
//
// Every write is one transaction: it happens whole or not at all. Opening a
// database written by a newer ponte fails with FailedPrecondition and changes
// nothing; an older schema is migrated forward inside a transaction. A Store
// object is used from one thread at a time; open one per thread (SQLite in WAL
// mode lets readers and one writer work concurrently).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/dataset.h"
#include "model/model.h"

namespace ponte {

struct OpenOptions {
  bool create_if_missing = false;  // else a missing database is NotFound
  bool read_only = false;
};

struct ImportOptions {
  // Event the event-scoped records belong to, when the dataset has no event.
  std::string event_key;
  bool dry_run = false;  // validate everything, write nothing
};

struct KindCounts {
  int created = 0;
  int updated = 0;
};

struct ImportReport {
  KindCounts events, organizations, people, profiles, sessions, interpreters, requests, meetings;
  int total() const;
};

struct ExportOptions {
  std::string event_key;  // empty: organizations, people and profiles only
};

struct StoreSummary {
  int events = 0;
  int organizations = 0;
  int people = 0;
  int profiles = 0;
  int requests = 0;
  int meetings = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // A path (SQLite) or a postgresql:// URI.
  static Result<std::unique_ptr<Store>> Open(std::string_view uri, const OpenOptions& options);

  // The schema version this ponte writes and understands.
  static int CurrentSchemaVersion();
  virtual int schema_version() const = 0;

  // Upserts every record by key, resolving references by key against the
  // dataset and the database. All or nothing; errors name the record's file
  // and line.
  virtual Result<ImportReport> Import(const Dataset& data, const ImportOptions& options) = 0;
  // Everything needed to re-import losslessly.
  virtual Result<Dataset> Export(const ExportOptions& options) = 0;

  virtual Result<std::vector<Event>> ListEvents() = 0;
  virtual Result<Event> GetEvent(std::string_view key) = 0;
  virtual Result<std::vector<Organization>> ListOrganizations() = 0;
  virtual Result<std::vector<Person>> ListPeople() = 0;
  virtual Result<std::vector<Profile>> ListProfiles() = 0;
  virtual Result<std::vector<Session>> ListSessions(EventId event) = 0;
  virtual Result<std::vector<Interpreter>> ListInterpreters(EventId event) = 0;
  virtual Result<std::vector<MeetingRequest>> ListRequests(EventId event) = 0;
  virtual Result<std::vector<Meeting>> ListMeetings(EventId event) = 0;

  // Adds meeting requests (new keys only); AlreadyExists on a duplicate key.
  virtual Status AddRequests(EventId event, std::vector<MeetingRequest>& requests) = 0;
  // Replaces the event's timetable in one transaction (a published
  // schedule). The database refuses an organization in two meetings of the
  // same slot or two meetings at one table: Aborted, nothing written.
  virtual Status ReplaceMeetings(EventId event, std::vector<Meeting>& meetings) = 0;

  virtual Status PutRoadshow(Roadshow& roadshow) = 0;
  virtual Result<Roadshow> GetRoadshow(std::string_view key) = 0;

  virtual Result<StoreSummary> Summary() = 0;
};

}  // namespace ponte
