// ponte export --db FILE [--event KEY] (--dir DIR [--accounts] | --xlsx FILE | --kind KIND
//              [--format csv|jsonl])
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "io/export.h"
#include "store/dataset_export.h"
#include "store/store.h"

namespace ponte::cli {
namespace {

struct ExportCommandOptions {
  std::string db;
  std::string event;
  std::string dir;
  std::string xlsx;
  std::string kind;
  std::string format = "csv";
  std::string out;
  bool accounts = false;
};

Status RunExport(const ExportCommandOptions& options) {
  PONTE_ASSIGN_OR_RETURN(auto store, Store::Open(options.db, {.read_only = true}));
  PONTE_ASSIGN_OR_RETURN(Dataset data, store->Export({.event_key = options.event}));
  const std::string zone = data.event ? data.event->time_zone : "UTC";
  if (!options.dir.empty()) {
    PONTE_RETURN_IF_ERROR(io::WriteDirectory(data, options.dir, zone));
    std::fprintf(stderr, "exported %zu records to %s/\n", data.RecordCount(), options.dir.c_str());
    // What came of the meetings (or the programme's own news) with their
    // images, and the row versions, so that a move loses nothing.
    PONTE_ASSIGN_OR_RETURN(OutcomesExport outcomes, ExportOutcomes(*store, options.event));
    const std::filesystem::path dir(options.dir);
    PONTE_RETURN_IF_ERROR(io::WriteStringToFile((dir / kOutcomesFileName).string(), outcomes.text));
    for (const auto& [file, bytes] : outcomes.media) {
      std::error_code error;
      std::filesystem::create_directories((dir / file).parent_path(), error);
      if (error) {
        return InternalError((dir / file).parent_path().string() + ": " + error.message());
      }
      PONTE_RETURN_IF_ERROR(io::WriteStringToFile((dir / file).string(), bytes));
    }
    PONTE_ASSIGN_OR_RETURN(std::string versions, ExportVersions(*store, options.event));
    PONTE_RETURN_IF_ERROR(io::WriteStringToFile((dir / kVersionsFileName).string(), versions));
    std::fprintf(stderr, "exported outcomes, news and %zu image(s) to %s/%s, versions to %s/%s\n",
                 outcomes.media.size(), options.dir.c_str(), kOutcomesFileName, options.dir.c_str(),
                 kVersionsFileName);
  }
  if (options.accounts) {
    if (options.dir.empty() || options.event.empty()) {
      return InvalidArgumentError("--accounts needs --event KEY and --dir DIR");
    }
    PONTE_ASSIGN_OR_RETURN(
        std::string text,
        ExportEventAccounts(*store, options.event,
                            std::chrono::floor<Seconds>(std::chrono::system_clock::now())));
    const std::string path = (std::filesystem::path(options.dir) / kAccountsFileName).string();
    // Password and token hashes: readable by the owner only.
    const mode_t old_mask = ::umask(077);
    Status written = io::WriteStringToFile(path, text);
    ::umask(old_mask);
    PONTE_RETURN_IF_ERROR(written);
    std::fprintf(stderr,
                 "exported the event's accounts to %s (keep it private: it holds "
                 "password and token hashes)\n",
                 path.c_str());
  }
  if (!options.xlsx.empty()) {
    PONTE_RETURN_IF_ERROR(io::WriteXlsx(data, options.xlsx, zone));
    std::fprintf(stderr, "exported %zu records to %s\n", data.RecordCount(), options.xlsx.c_str());
  }
  if (!options.kind.empty()) {
    PONTE_ASSIGN_OR_RETURN(io::FileKind kind, io::ParseFileKind(options.kind));
    std::string text;
    if (kind == io::FileKind::kEvent) {
      if (!data.event) return InvalidArgumentError("--kind event needs --event KEY");
      text = io::WriteEventJson(*data.event);
    } else if (options.format == "jsonl") {
      text = io::WriteJsonLines(kind, data, zone);
    } else if (options.format == "csv") {
      text = io::WriteCsv(kind, data, zone);
    } else {
      return InvalidArgumentError("--format: expected csv or jsonl, got '" + options.format + "'");
    }
    if (options.out.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
      PONTE_RETURN_IF_ERROR(io::WriteStringToFile(options.out, text));
    }
  }
  if (options.dir.empty() && options.xlsx.empty() && options.kind.empty()) {
    return InvalidArgumentError("say what to export: --dir DIR, --xlsx FILE or --kind KIND");
  }
  return OkStatus();
}

void Setup(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("export", "Export the registry and an event as CSV, JSONL or XLSX");
  auto options = std::make_shared<ExportCommandOptions>();
  cmd->add_option("--db", options->db, "database: a SQLite file or a postgresql:// URI")
      ->required();
  cmd->add_option("--event", options->event, "event key (sessions, requests, meetings)");
  cmd->add_option("--dir", options->dir,
                  "write every kind as DIR/<kind>.csv plus event.json, outcomes.jsonl (outcomes, "
                  "follow-up rounds, news; without --event the programme's own news), the images "
                  "as DIR/media/<sha256>.<ext> and versions.jsonl");
  cmd->add_option("--xlsx", options->xlsx, "write an XLSX workbook, one sheet per kind");
  cmd->add_option("--kind", options->kind, "write one kind to --out or stdout");
  cmd->add_option("--format", options->format, "csv (default) or jsonl, with --kind");
  cmd->add_option("--out", options->out, "output file for --kind (default: stdout)");
  cmd->add_flag("--accounts", options->accounts,
                "with --event and --dir: also write DIR/accounts.jsonl (users with their password "
                "hashes, roles, API and calendar tokens, audit log, feedback) to move the event "
                "to another database");
  BindRun(cmd, [options] { return RunExport(*options); });
}

}  // namespace
PONTE_REGISTER_COMMAND(export, 30, Setup);
}  // namespace ponte::cli
