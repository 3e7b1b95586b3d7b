// ponte init --db FILE: creates a database (or migrates an older one).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "store/store.h"

namespace ponte::cli {
namespace {

struct InitOptions {
  std::string db;
};

Status RunInit(const InitOptions& options) {
  PONTE_ASSIGN_OR_RETURN(auto store, Store::Open(options.db, {.create_if_missing = true}));
  std::printf("ponte database ready: %s (schema version %d)\n", options.db.c_str(),
              store->schema_version());
  return OkStatus();
}

void Setup(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("init", "Create a ponte database, or bring an older one up to date");
  auto options = std::make_shared<InitOptions>();
  cmd->add_option("--db", options->db, "database: a SQLite file or a postgresql:// URI")
      ->required();
  BindRun(cmd, [options] { return RunInit(*options); });
}

}  // namespace
PONTE_REGISTER_COMMAND(init, 10, Setup);
}  // namespace ponte::cli
