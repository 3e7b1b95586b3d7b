// `ponte schedule --dzn FILE [--fairness D] [--time-limit SECONDS] [--seed N] [--out FILE]`
// Schedules a B2B event and writes {"status", "breaks", "lower_bound", "time_s",
// "meetings": [{"meeting", "slot", "table"}]} with 1-based ids as in the file.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/command.h"
#include "core/progress.h"
#include "schedule/dzn_reader.h"
#include "schedule/schedule.h"

namespace ponte::cli {
namespace {

struct ScheduleFlags {
  std::string dzn;
  std::optional<int> fairness;
  double time_limit_s = 10;
  std::uint64_t seed = 1;
  std::string out;
};

nlohmann::ordered_json ToJson(const schedule::SolveResult& result) {
  nlohmann::ordered_json json;
  json["status"] = schedule::SolveStatusName(result.status);
  const bool has_schedule = result.status == schedule::SolveStatus::kOptimal ||
                            result.status == schedule::SolveStatus::kFeasible;
  json["breaks"] = has_schedule ? result.objective.breaks : -1;
  json["lower_bound"] = result.lower_bound;
  json["time_s"] =
      static_cast<double>(static_cast<long long>(result.time_s * 1000.0 + 0.5)) / 1000.0;
  nlohmann::ordered_json meetings = nlohmann::ordered_json::array();
  if (has_schedule) {
    for (std::size_t m = 0; m < result.solution.meetings.size(); ++m) {
      const schedule::Assignment& a = result.solution.meetings[m];
      if (!a.scheduled()) continue;
      nlohmann::ordered_json row;
      row["meeting"] = m + 1;
      row["slot"] = a.slot + 1;
      row["table"] = a.table + 1;
      meetings.push_back(std::move(row));
    }
  }
  json["meetings"] = std::move(meetings);
  if (!result.explanation.empty()) json["explanation"] = result.explanation;
  return json;
}

Status RunSchedule(const ScheduleFlags& flags) {
  PONTE_ASSIGN_OR_RETURN(schedule::Problem problem, schedule::ReadDznFile(flags.dzn));
  schedule::SolveOptions options;
  options.time_limit_s = flags.time_limit_s;
  options.seed = flags.seed;
  options.fairness = flags.fairness;
  Progress progress("schedule");
  options.progress = [&progress](const schedule::SolveProgress& p) {
    char line[160];
    std::snprintf(line, sizeof line, "%s, best %d breaks, bound %d, %.1f s", p.phase.c_str(),
                  p.best_breaks, p.lower_bound, p.elapsed_s);
    progress.Update(line);
  };
  const schedule::SolveResult result = schedule::Solve(problem, options);
  progress.Done();
  if (result.status == schedule::SolveStatus::kInfeasible && !result.explanation.empty()) {
    std::cerr << "ponte schedule: infeasible: " << result.explanation << "\n";
  }
  const std::string text = ToJson(result).dump(1) + "\n";
  if (flags.out.empty()) {
    std::cout << text;
    return OkStatus();
  }
  std::ofstream out(flags.out, std::ios::binary | std::ios::trunc);
  if (!out) return NotFoundError("cannot write " + flags.out);
  out << text;
  if (!out.flush()) return InternalError("cannot write " + flags.out);
  return OkStatus();
}

void Setup(CLI::App& app) {
  auto* cmd = app.add_subcommand("schedule", "Schedule B2B meetings (JAIR .dzn input)");
  auto flags = std::make_shared<ScheduleFlags>();
  cmd->add_option("--dzn", flags->dzn, "problem in the JAIR 2022 .dzn format")->required();
  cmd->add_option("--fairness", flags->fairness,
                  "d: breaks per participant may differ by at most d (default: no bound)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--time-limit", flags->time_limit_s, "seconds (default 10)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", flags->seed, "random seed (default 1)");
  cmd->add_option("--out", flags->out, "write the JSON here instead of stdout");
  BindRun(cmd, [flags] { return RunSchedule(*flags); });
}

PONTE_REGISTER_COMMAND(schedule, 40, Setup);

}  // namespace
}  // namespace ponte::cli
