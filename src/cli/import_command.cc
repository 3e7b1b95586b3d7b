// ponte import --db FILE [--event KEY] [--kind KIND] [--dry-run] FILES...
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "io/import.h"
#include "store/dataset_export.h"
#include "store/store.h"

namespace ponte::cli {
namespace {

struct ImportCommandOptions {
  std::string db;
  std::string event;
  std::string kind;
  bool dry_run = false;
  std::vector<std::string> files;
};

void PrintCounts(const char* what, const KindCounts& c) {
  if (c.created + c.updated == 0) return;
  std::printf("  %-14s %5d new, %5d updated\n", what, c.created, c.updated);
}

Status RunImport(const ImportCommandOptions& options) {
  // Everything is read and checked before the database is opened, so a bad
  // file never gets near it.
  PONTE_ASSIGN_OR_RETURN(Taxonomy taxonomy, io::LoadTaxonomy(DataDir()));
  std::vector<io::FileKind> kinds;
  if (!options.kind.empty()) {
    PONTE_ASSIGN_OR_RETURN(io::FileKind kind, io::ParseFileKind(options.kind));
    kinds.assign(options.files.size(), kind);
  }
  PONTE_ASSIGN_OR_RETURN(auto store, Store::Open(options.db, {}));
  io::ReadOptions read_options{.taxonomy = &taxonomy};
  if (!options.event.empty()) {
    PONTE_ASSIGN_OR_RETURN(Event event, store->GetEvent(options.event));
    read_options.time_zone = event.time_zone;
  }
  // accounts.jsonl (`ponte export --accounts`) goes in after the event.
  std::vector<std::string> files;
  std::vector<std::string> accounts_files;
  for (const std::string& f : options.files) {
    (std::filesystem::path(f).filename() == kAccountsFileName ? accounts_files : files)
        .push_back(f);
  }
  if (!kinds.empty()) kinds.resize(files.size());
  PONTE_ASSIGN_OR_RETURN(Dataset data, io::ReadFiles(files, read_options, kinds));
  PONTE_ASSIGN_OR_RETURN(ImportReport report, store->Import(data, {.event_key = options.event,
                                                                   .dry_run = options.dry_run}));
  std::printf("%s %d records from %zu file(s)%s\n", options.dry_run ? "checked" : "imported",
              report.total(), options.files.size(),
              options.dry_run ? " (dry run: nothing written)" : "");
  PrintCounts("events", report.events);
  PrintCounts("organizations", report.organizations);
  PrintCounts("people", report.people);
  PrintCounts("profiles", report.profiles);
  PrintCounts("sessions", report.sessions);
  PrintCounts("interpreters", report.interpreters);
  PrintCounts("requests", report.requests);
  PrintCounts("meetings", report.meetings);
  for (const std::string& path : accounts_files) {
    const std::string event = !options.event.empty() ? options.event
                              : data.event           ? data.event->key
                                                     : std::string();
    if (event.empty()) {
      return InvalidArgumentError(path +
                                  ": accounts belong to an event: give --event KEY or "
                                  "the event's event.json");
    }
    PONTE_ASSIGN_OR_RETURN(std::string text, io::ReadFileToString(path));
    if (options.dry_run && !store->GetEvent(event).ok()) {
      // The event is not in the database yet: nothing to check references against.
      std::printf("skipped %s: the event %s is not in the database yet (dry run)\n", path.c_str(),
                  event.c_str());
      continue;
    }
    PONTE_ASSIGN_OR_RETURN(AccountsReport r, ImportEventAccounts(*store, event, text, path,
                                                                 {.dry_run = options.dry_run}));
    std::printf(
        "%s accounts of %s from %s: %d users new, %d kept; %d memberships; %d tokens new, "
        "%d kept; %d audit entries new, %d kept; %d feedback\n",
        options.dry_run ? "checked" : "imported", event.c_str(), path.c_str(), r.users_created,
        r.users_kept, r.memberships, r.credentials_created, r.credentials_kept, r.audit_appended,
        r.audit_kept, r.feedback);
  }
  return OkStatus();
}

void Setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "import",
      "Import organizations, people, profiles, sessions, interpreters, requests (CSV, JSONL) and "
      "event.json, all or nothing");
  auto options = std::make_shared<ImportCommandOptions>();
  cmd->add_option("--db", options->db, "database: a SQLite file or a postgresql:// URI")
      ->required();
  cmd->add_option("--event", options->event,
                  "key of the event that sessions, interpreters and "
                  "requests belong to (unless an event.json is given)");
  cmd->add_option("--kind", options->kind,
                  "what the files hold, when their names do not say (organizations, people, ...)");
  cmd->add_flag("--dry-run", options->dry_run, "check everything, write nothing");
  cmd->add_option("files", options->files, "files to import (organizations.csv, people.jsonl, ...)")
      ->required()
      ->check(CLI::ExistingFile);
  BindRun(cmd, [options] { return RunImport(*options); });
}

}  // namespace
PONTE_REGISTER_COMMAND(import, 20, Setup);
}  // namespace ponte::cli
