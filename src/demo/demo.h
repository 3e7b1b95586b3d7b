// The demo event: a China–Italy Science, Technology & Innovation Week shipped
// in data/demo/, and the main job `ponte demo` runs on it.
//
//   DemoOptions options{.db_path = "ponte-demo.db", .data_dir = "data"};
//   PONTE_ASSIGN_OR_RETURN(DemoResult result, BuildDemoDatabase(options));
//
// Building refreshes the database from scratch (it refuses to delete a file
// that is not a ponte database). Deterministic: the same files give the same
// database.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "demo/history.h"
#include "model/dataset.h"
#include "model/taxonomy.h"
#include "store/store.h"

namespace ponte::demo {

inline constexpr char kDemoEventKey[] = "icstiw-2026";

struct DemoOptions {
  std::string db_path = "ponte-demo.db";
  std::string data_dir;  // ponte's data folder (taxonomy, demo)
};

struct DemoResult {
  std::unique_ptr<Store> store;
  Taxonomy taxonomy;
  Event event;
  ImportReport imported;
  DemoHistory history;  // the two past editions (history.h)
};

// Reads data/demo/*.csv and event.json into a Dataset (checked).
Result<Dataset> LoadDemoDataset(const std::string& data_dir, const Taxonomy& taxonomy);

// (Re)creates the demo database at options.db_path, imports the demo and adds
// the programme's two past editions with their follow-up (history.h).
Result<DemoResult> BuildDemoDatabase(const DemoOptions& options);

}  // namespace ponte::demo
