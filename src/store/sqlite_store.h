// Internal to store: the SQLite backend. Use Store::Open with a file path.
#pragma once

#include <memory>
#include <string>

#include "store/sqlite.h"
#include "store/store.h"

namespace ponte::store_internal {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const OpenOptions& options);

}  // namespace ponte::store_internal
