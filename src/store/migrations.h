// Internal to store: the schema, as an ordered list of migrations. Version N
// is reached by applying migrations 1..N in order, each in the transaction
// that records it in ponte_meta. Never edit a released migration: add one.
#pragma once

#include <span>
#include <string_view>

#include "store/store.h"

namespace ponte::store_internal {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

std::span<const Migration> SqliteMigrations();

// The table whose `version` column a VersionedKind is (the same on both
// backends), e.g. "meeting_requests".
std::string_view VersionedTable(VersionedKind kind);

}  // namespace ponte::store_internal
