// Internal to store: export through the Store interface, shared by every
// backend so that the files written from any of them are identical.
#pragma once

#include "store/store.h"

namespace ponte::store_internal {

// Everything needed to re-import losslessly: the registry, and with an event
// key its sessions, interpreters, requests and meetings, references by key.
Result<Dataset> ExportDataset(Store& store, const ExportOptions& options);

}  // namespace ponte::store_internal
