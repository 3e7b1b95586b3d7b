#include "demo/demo.h"

#include <filesystem>

#include "io/import.h"

namespace ponte::demo {

Result<Dataset> LoadDemoDataset(const std::string& data_dir, const Taxonomy& taxonomy) {
  const std::string dir = data_dir + "/demo";
  std::vector<std::string> files;
  for (const char* name : {"event.json", "organizations.csv", "sessions.csv", "people.csv",
                           "profiles.csv", "interpreters.csv", "requests.csv"}) {
    const std::string path = dir + "/" + name;
    if (std::filesystem::exists(path)) files.push_back(path);
  }
  if (files.empty() || !std::filesystem::exists(dir + "/event.json")) {
    return NotFoundError("demo data not found in '" + dir + "' (set PONTE_DATA_DIR?)");
  }
  return io::ReadFiles(files, {.taxonomy = &taxonomy});
}

Result<DemoResult> BuildDemoDatabase(const DemoOptions& options) {
  DemoResult result;
  PONTE_ASSIGN_OR_RETURN(result.taxonomy, io::LoadTaxonomy(options.data_dir));
  PONTE_ASSIGN_OR_RETURN(Dataset data, LoadDemoDataset(options.data_dir, result.taxonomy));

  std::error_code ec;
  if (std::filesystem::exists(options.db_path, ec)) {
    // Refresh: only ever delete a ponte database.
    {
      auto existing = Store::Open(options.db_path, {});
      if (!existing.ok()) {
        return existing.status().WithContext("refusing to replace '" + options.db_path + "'");
      }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(options.db_path + suffix, ec);
    }
  }
  PONTE_ASSIGN_OR_RETURN(result.store, Store::Open(options.db_path, {.create_if_missing = true}));
  PONTE_ASSIGN_OR_RETURN(result.imported, result.store->Import(data, {}));
  PONTE_ASSIGN_OR_RETURN(result.event, result.store->GetEvent(kDemoEventKey));
  PONTE_ASSIGN_OR_RETURN(result.history, BuildDemoHistory(*result.store));
  return result;
}

}  // namespace ponte::demo
