// Internal to store: the schema, as an ordered list of migrations. Version N
// is reached by applying migrations 1..N in order, each in the transaction
// that records it in ponte_meta. Never edit a released migration: add one.
#pragma once

#include <span>
#include <string_view>

namespace ponte::store_internal {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

std::span<const Migration> SqliteMigrations();

}  // namespace ponte::store_internal
