// `ponte schedule --dzn FILE [--fairness D] [--time-limit SECONDS] [--seed N] [--out FILE]`
// Schedules a B2B event and writes {"status", "breaks", "lower_bound", "time_s",
// "meetings": [{"meeting", "slot", "table"}]} with 1-based ids as in the file.
//
// `ponte schedule --db FILE --event KEY [--publish] [...]` schedules the
// event's accepted meeting requests from the store, writes the timetable as
// JSON with the store's keys, and with --publish saves it as the event's
// timetable.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

#include "cli/command.h"
#include "core/progress.h"
#include "schedule/dzn_reader.h"
#include "schedule/schedule.h"
#include "service/schedule_event.h"
#include "store/store.h"

namespace ponte::cli {
namespace {

struct ScheduleFlags {
  std::string dzn;
  std::string db;
  std::string event;
  bool publish = false;
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

Status WriteOutput(const ScheduleFlags& flags, const std::string& text) {
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

schedule::SolveOptions OptionsFrom(const ScheduleFlags& flags, Progress& progress) {
  schedule::SolveOptions options;
  options.time_limit_s = flags.time_limit_s;
  options.seed = flags.seed;
  options.fairness = flags.fairness;
  options.progress = [&progress](const schedule::SolveProgress& p) {
    char line[160];
    std::snprintf(line, sizeof line, "%s, best %d breaks, bound %d, %.1f s", p.phase.c_str(),
                  p.best_breaks, p.lower_bound, p.elapsed_s);
    progress.Update(line);
  };
  return options;
}

// The timetable of an event in the store's terms (keys, local times).
Status RunEventSchedule(const ScheduleFlags& flags) {
  if (flags.db.empty()) return InvalidArgumentError("--event needs --db FILE");
  PONTE_ASSIGN_OR_RETURN(auto store, Store::Open(flags.db, {.read_only = !flags.publish}));
  PONTE_ASSIGN_OR_RETURN(service::EventData data, service::LoadEventData(*store, flags.event));
  Progress progress("schedule");
  service::EventSchedule plan = service::ScheduleEvent(data, OptionsFrom(flags, progress));
  progress.Done();
  if (flags.publish) PONTE_RETURN_IF_ERROR(service::PublishSchedule(*store, data, plan));

  auto keys = [](const auto& items) {
    std::unordered_map<std::int64_t, std::string> out;
    for (const auto& item : items) out[item.id.value()] = item.key;
    return out;
  };
  const auto org_keys = keys(data.organizations);
  const auto request_keys = keys(data.requests);
  const auto interpreter_keys = keys(data.interpreters);
  std::unordered_map<std::int64_t, const Session*> sessions;
  for (const Session& s : data.sessions) sessions[s.id.value()] = &s;

  nlohmann::ordered_json json = ToJson(plan.result);
  json.erase("meetings");
  json.erase("breaks");
  json["breaks"] = plan.result.objective.breaks;
  json["scheduled"] = plan.result.objective.scheduled;
  json["unscheduled"] = plan.result.objective.unscheduled;
  json["published"] = flags.publish;
  json["time_zone"] = data.event.time_zone;
  nlohmann::ordered_json meetings = nlohmann::ordered_json::array();
  for (const Meeting& m : plan.meetings) {
    const Session& session = *sessions.at(m.session.value());
    const std::vector<ponte::Slot> slots = SlotsOf(session);
    const Instant start = slots.at(static_cast<std::size_t>(m.slot)).start;
    auto local = ToCivil(start, data.event.time_zone);
    nlohmann::ordered_json row;
    row["request"] = request_keys.at(m.request.value());
    row["a"] = org_keys.at(m.a.value());
    row["b"] = org_keys.at(m.b.value());
    row["session"] = session.key;
    row["slot"] = m.slot + 1;
    row["start"] = FormatUtc(start);
    row["local"] = local.ok() ? FormatCivil(*local) : "";
    row["table"] = m.table;
    if (m.interpreter.valid()) row["interpreter"] = interpreter_keys.at(m.interpreter.value());
    meetings.push_back(std::move(row));
  }
  json["meetings"] = std::move(meetings);
  return WriteOutput(flags, json.dump(1) + "\n");
}

Status RunSchedule(const ScheduleFlags& flags) {
  if (!flags.event.empty()) return RunEventSchedule(flags);
  PONTE_ASSIGN_OR_RETURN(schedule::Problem problem, schedule::ReadDznFile(flags.dzn));
  Progress progress("schedule");
  const schedule::SolveResult result = schedule::Solve(problem, OptionsFrom(flags, progress));
  progress.Done();
  if (result.status == schedule::SolveStatus::kInfeasible && !result.explanation.empty()) {
    std::cerr << "ponte schedule: infeasible: " << result.explanation << "\n";
  }
  return WriteOutput(flags, ToJson(result).dump(1) + "\n");
}

void Setup(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "schedule", "Schedule B2B meetings: an event from the store, or a JAIR .dzn file");
  auto flags = std::make_shared<ScheduleFlags>();
  // Exactly one input: a .dzn file or an event in the store (else a usage error).
  auto* input = cmd->add_option_group("input");
  input->add_option("--dzn", flags->dzn, "problem in the JAIR 2022 .dzn format");
  input->add_option("--event", flags->event, "schedule this event's accepted meeting requests");
  input->require_option(1);
  cmd->add_option("--db", flags->db, "database file (with --event)");
  cmd->add_flag("--publish", flags->publish, "save the timetable as the event's (with --event)");
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
