#include "store/store.h"

#include "store/migrations.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace ponte {

int ImportReport::total() const {
  int sum = 0;
  for (const KindCounts* k : {&events, &organizations, &people, &profiles, &sessions, &interpreters,
                              &requests, &meetings}) {
    sum += k->created + k->updated;
  }
  return sum;
}

namespace store_internal {

std::string_view VersionedTable(VersionedKind kind) {
  switch (kind) {
    case VersionedKind::kOrganization:
      return "organizations";
    case VersionedKind::kPerson:
      return "people";
    case VersionedKind::kRequest:
      return "meeting_requests";
    case VersionedKind::kMeeting:
      return "meetings";
    case VersionedKind::kOutcome:
      return "outcomes";
    case VersionedKind::kNews:
      return "news";
  }
  return "organizations";
}

}  // namespace store_internal

int Store::CurrentSchemaVersion() { return store_internal::SqliteMigrations().back().version; }

Result<std::unique_ptr<Store>> Store::Open(std::string_view uri, const OpenOptions& options) {
  if (uri.starts_with("postgresql://") || uri.starts_with("postgres://")) {
    return store_internal::OpenPostgresStore(std::string(uri), options);
  }
  if (uri.empty()) return InvalidArgumentError("no database given (--db FILE)");
  return store_internal::OpenSqliteStore(std::string(uri), options);
}

}  // namespace ponte
