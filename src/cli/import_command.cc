// ponte import --db FILE [--event KEY] [--kind KIND] [--dry-run] FILES...
#include <fmt/format.h>

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
  // accounts.jsonl, outcomes.jsonl and versions.jsonl (`ponte export --dir`)
  // go in after the event's files, in that order; media/ is read through
  // outcomes.jsonl.
  std::vector<std::string> files;
  std::vector<std::string> accounts_files, outcomes_files, versions_files;
  for (const std::string& f : options.files) {
    const std::filesystem::path path(f);
    const std::string name = path.filename().string();
    if (std::filesystem::is_directory(path)) {
      if (name == kMediaDirName) continue;
      return InvalidArgumentError(f + ": a folder; give the files in it");
    }
    (name == kAccountsFileName   ? accounts_files
     : name == kOutcomesFileName ? outcomes_files
     : name == kVersionsFileName ? versions_files
                                 : files)
        .push_back(f);
  }
  if (!kinds.empty()) kinds.resize(files.size());
  PONTE_ASSIGN_OR_RETURN(Dataset data, io::ReadFiles(files, read_options, kinds));
  const std::string event = !options.event.empty() ? options.event
                            : data.event           ? data.event->key
                                                   : std::string();
  if (event.empty() && !accounts_files.empty()) {
    return InvalidArgumentError(accounts_files.front() +
                                ": accounts belong to an event: give --event KEY or the event's "
                                "event.json");
  }
  // One transaction for everything: an error (or a kill) part-way leaves
  // nothing written. A dry run does it all and rolls it back.
  ImportReport report;
  std::vector<std::string> lines;
  Status imported = store->Transact(
      options.dry_run ? TransactEnd::kRollBack : TransactEnd::kCommit, [&]() -> Status {
        PONTE_ASSIGN_OR_RETURN(VersionsBefore before, ReadVersionsBefore(*store, event));
        PONTE_ASSIGN_OR_RETURN(report, store->Import(data, {.event_key = options.event}));
        for (const std::string& path : accounts_files) {
          PONTE_ASSIGN_OR_RETURN(std::string text, io::ReadFileToString(path));
          PONTE_ASSIGN_OR_RETURN(AccountsReport r,
                                 ImportEventAccounts(*store, event, text, path, {}));
          lines.push_back(fmt::format(
              "accounts of {} from {}: {} users new, {} kept; {} memberships; {} tokens new, {} "
              "kept; {} audit entries new, {} kept; {} feedback",
              event, path, r.users_created, r.users_kept, r.memberships, r.credentials_created,
              r.credentials_kept, r.audit_appended, r.audit_kept, r.feedback));
        }
        for (const std::string& path : outcomes_files) {
          PONTE_ASSIGN_OR_RETURN(std::string text, io::ReadFileToString(path));
          const std::filesystem::path dir = std::filesystem::path(path).parent_path();
          PONTE_ASSIGN_OR_RETURN(
              OutcomesReport r,
              ImportOutcomes(*store, event, text, path, [&](std::string_view file) {
                return io::ReadFileToString((dir / std::string(file)).string());
              }));
          lines.push_back(fmt::format(
              "outcomes{} from {}: {} images new, {} kept; {} outcomes new, {} updated, {} kept; "
              "{} follow-up rounds; {} news new, {} updated, {} kept",
              event.empty() ? " and news of the programme" : " of " + event, path, r.images_created,
              r.images_kept, r.outcomes_created, r.outcomes_updated, r.outcomes_kept, r.follow_ups,
              r.news_created, r.news_updated, r.news_kept));
        }
        for (const std::string& path : versions_files) {
          PONTE_ASSIGN_OR_RETURN(std::string text, io::ReadFileToString(path));
          PONTE_ASSIGN_OR_RETURN(int restored, ImportVersions(*store, event, before, text, path));
          lines.push_back(fmt::format("versions from {}: {} rows took the file's", path, restored));
        }
        return OkStatus();
      });
  PONTE_RETURN_IF_ERROR(imported.WithContext("nothing was imported"));
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
  for (const std::string& line : lines) {
    std::printf("%s %s\n", options.dry_run ? "checked" : "imported", line.c_str());
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
  cmd->add_option(
         "files", options->files,
         "files to import (organizations.csv, people.jsonl, ..., accounts.jsonl, outcomes.jsonl, "
         "versions.jsonl; a media/ folder beside outcomes.jsonl is read through it)")
      ->required()
      ->check(CLI::ExistingPath);
  BindRun(cmd, [options] { return RunImport(*options); });
}

}  // namespace
PONTE_REGISTER_COMMAND(import, 20, Setup);
}  // namespace ponte::cli
