// `ponte check-schedule --dzn FILE --schedule FILE.json [--fairness D]`
// Validates a schedule (the JSON `ponte schedule` writes) against its problem,
// prints the recomputed objective and every violation; exit 2 when invalid.
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "cli/command.h"
#include "schedule/check.h"
#include "schedule/dzn_reader.h"

namespace ponte::cli {
namespace {

struct CheckFlags {
  std::string dzn;
  std::string schedule;
  std::optional<int> fairness;
};

Result<schedule::Solution> ReadSchedule(const std::string& path, std::size_t meeting_count) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return InvalidArgumentError(path + ": not valid JSON");
  if (!json.is_object() || !json.contains("meetings") || !json["meetings"].is_array()) {
    return InvalidArgumentError(path + ": expected an object with a \"meetings\" array");
  }
  schedule::Solution solution;
  solution.meetings.resize(meeting_count);
  std::size_t index = 0;
  for (const nlohmann::json& row : json["meetings"]) {
    const std::string where = path + ": meetings[" + std::to_string(index++) + "]";
    for (const char* field : {"meeting", "slot"}) {
      if (!row.is_object() || !row.contains(field) || !row[field].is_number_integer()) {
        return InvalidArgumentError(where + ": expected an integer \"" + field + "\"");
      }
    }
    const auto id = row["meeting"].get<long long>();
    if (id < 1 || static_cast<std::size_t>(id) > meeting_count) {
      return InvalidArgumentError(where + ": meeting " + std::to_string(id) + " is outside 1.." +
                                  std::to_string(meeting_count));
    }
    schedule::Assignment& a = solution.meetings[static_cast<std::size_t>(id - 1)];
    if (a.scheduled()) {
      return InvalidArgumentError(where + ": meeting " + std::to_string(id) + " appears twice");
    }
    const auto slot = row["slot"].get<long long>();
    if (slot < 1 || slot > 1'000'000) {
      return InvalidArgumentError(where + ": slot " + std::to_string(slot) + " is not a slot");
    }
    a.slot = static_cast<schedule::SlotIndex>(slot - 1);
    if (row.contains("table")) {
      if (!row["table"].is_number_integer()) {
        return InvalidArgumentError(where + ": expected an integer \"table\"");
      }
      a.table = static_cast<schedule::TableIndex>(row["table"].get<long long>() - 1);
    }
  }
  return solution;
}

Status RunCheck(const CheckFlags& flags) {
  PONTE_ASSIGN_OR_RETURN(schedule::Problem problem, schedule::ReadDznFile(flags.dzn));
  PONTE_ASSIGN_OR_RETURN(schedule::Solution solution,
                         ReadSchedule(flags.schedule, problem.meetings.size()));
  schedule::CheckOptions options;
  options.fairness = flags.fairness;
  const schedule::CheckReport report = schedule::Check(problem, solution, options);
  const schedule::Objective& o = report.objective;
  std::cout << "scheduled: " << o.scheduled << "/" << problem.meetings.size() << "\n"
            << "breaks: " << o.breaks << "\n"
            << "breaks per participant: min " << o.min_breaks << ", max " << o.max_breaks
            << ", spread " << o.spread << "\n"
            << "table changes: " << o.table_changes << "\n";
  if (report.valid()) {
    std::cout << "valid\n";
    return OkStatus();
  }
  for (const std::string& violation : report.violations)
    std::cout << "violation: " << violation << "\n";
  return InvalidArgumentError(std::to_string(report.violations.size()) +
                              " violation(s): the schedule is invalid");
}

void Setup(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("check-schedule", "Validate a schedule and recompute its objective");
  auto flags = std::make_shared<CheckFlags>();
  cmd->add_option("--dzn", flags->dzn, "problem in the JAIR 2022 .dzn format")->required();
  cmd->add_option("--schedule", flags->schedule, "schedule JSON (as written by ponte schedule)")
      ->required();
  cmd->add_option("--fairness", flags->fairness, "d: also check the break spread is at most d")
      ->check(CLI::NonNegativeNumber);
  BindRun(cmd, [flags] { return RunCheck(*flags); });
}

PONTE_REGISTER_COMMAND(check_schedule, 41, Setup);

}  // namespace
}  // namespace ponte::cli
