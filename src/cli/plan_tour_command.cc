// `ponte plan-tour`: plans tours with the itinerary engine.
//
//   ponte plan-tour --toptw FILE --tours M [--time-limit SECONDS] [--seed N] [--out FILE]
//     -> {"score": N, "tours": [[{"node": I, "arrive": T, "start": T, "leave": T}, ...], ...]}
//   ponte plan-tour --roadshow-dir DIR [--time-limit SECONDS] [--seed N] [--html FILE] [--ics FILE]
//     -> the day-by-day plan of the roadshow described by DIR's CSV files
//   ponte plan-tour --db FILE --roadshow KEY [...]
//     -> plans a roadshow kept in the store and saves the plan with it
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/command.h"
#include "core/clock.h"
#include "itinerary/roadshow.h"
#include "itinerary/roadshow_csv.h"
#include "itinerary/solver.h"
#include "itinerary/toptw_reader.h"
#include "service/plan_roadshow.h"
#include "store/store.h"

namespace ponte::cli {
namespace {

struct PlanTourOptions {
  std::string toptw;
  std::string roadshow_dir;
  std::string roadshow;
  std::string db;
  int tours = 1;
  double time_limit = 2.0;  // seconds
  std::uint64_t seed = 1;
  std::string out;
  std::string html;
  std::string ics;
};

Status WriteText(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  if (!file) return NotFoundError("cannot write '" + path + "'");
  file << text;
  if (!file.flush()) return InternalError("failed writing '" + path + "'");
  return OkStatus();
}

Status RunToptw(const PlanTourOptions& opts) {
  PONTE_ASSIGN_OR_RETURN(itinerary::Problem problem,
                         itinerary::ReadToptwFile(opts.toptw, opts.tours));
  itinerary::SolveOptions solve;
  solve.seed = opts.seed;
  PONTE_ASSIGN_OR_RETURN(
      itinerary::SolveResult result,
      itinerary::Solve(problem, solve,
                       Deadline::After(std::chrono::duration<double>(opts.time_limit))));
  const itinerary::CheckReport check = itinerary::Check(problem, result.solution);
  if (!check.feasible) {
    return InternalError("the solver produced an infeasible plan: " + check.violations.front());
  }
  const auto unit = static_cast<double>(problem.ticks_per_unit);
  nlohmann::ordered_json tours = nlohmann::ordered_json::array();
  for (const auto& tour : result.solution.tours) {
    nlohmann::ordered_json stops = nlohmann::ordered_json::array();
    for (const itinerary::Stop& stop : tour) {
      stops.push_back({{"node", std::stoi(problem.visits[static_cast<std::size_t>(stop.visit)].id)},
                       {"arrive", static_cast<double>(stop.arrive) / unit},
                       {"start", static_cast<double>(stop.start) / unit},
                       {"leave", static_cast<double>(stop.leave) / unit}});
    }
    tours.push_back(std::move(stops));
  }
  const nlohmann::ordered_json out = {{"score", check.value}, {"tours", std::move(tours)}};
  if (opts.out.empty()) {
    std::cout << out.dump() << "\n";
    return OkStatus();
  }
  PONTE_RETURN_IF_ERROR(WriteText(opts.out, out.dump() + "\n"));
  std::cout << problem.name << " m=" << opts.tours << ": score " << check.value << " (upper bound "
            << result.upper_bound << "), " << result.iterations << " iterations, " << result.seconds
            << " s\n";
  return OkStatus();
}

// Prints the plan and writes the requested exports.
Status EmitPlan(const PlanTourOptions& opts, const itinerary::Roadshow& roadshow,
                const itinerary::RoadshowPlan& plan) {
  std::cout << itinerary::FormatPlanText(roadshow, plan);
  if (!opts.html.empty())
    PONTE_RETURN_IF_ERROR(WriteText(opts.html, itinerary::ExportHtml(roadshow, plan)));
  if (!opts.ics.empty()) {
    PONTE_ASSIGN_OR_RETURN(std::string ics,
                           itinerary::ExportICalendar(roadshow, plan, SystemClock().Now()));
    PONTE_RETURN_IF_ERROR(WriteText(opts.ics, ics));
  }
  return OkStatus();
}

Status RunRoadshowDir(const PlanTourOptions& opts) {
  PONTE_ASSIGN_OR_RETURN(itinerary::Roadshow roadshow,
                         itinerary::ReadRoadshowDir(opts.roadshow_dir));
  itinerary::SolveOptions solve;
  solve.seed = opts.seed;
  PONTE_ASSIGN_OR_RETURN(
      itinerary::RoadshowPlan plan,
      itinerary::PlanRoadshow(roadshow, solve,
                              Deadline::After(std::chrono::duration<double>(opts.time_limit))));
  return EmitPlan(opts, roadshow, plan);
}

Status RunStoredRoadshow(const PlanTourOptions& opts) {
  if (opts.db.empty()) return InvalidArgumentError("--roadshow needs --db FILE");
  PONTE_ASSIGN_OR_RETURN(auto store, Store::Open(opts.db, {}));
  itinerary::SolveOptions solve;
  solve.seed = opts.seed;
  PONTE_ASSIGN_OR_RETURN(
      service::PlannedRoadshow planned,
      service::PlanStoredRoadshow(*store, opts.roadshow, solve,
                                  Deadline::After(std::chrono::duration<double>(opts.time_limit))));
  return EmitPlan(opts, planned.roadshow, planned.plan);
}

void Setup(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("plan-tour", "Plan roadshow tours (team orienteering with time windows)");
  auto opts = std::make_shared<PlanTourOptions>();
  // Exactly one input: a benchmark file or a roadshow folder (else a usage error).
  auto* input = cmd->add_option_group("input");
  input->add_option("--toptw", opts->toptw, "OPTW/TOPTW benchmark file to solve");
  input->add_option("--roadshow-dir", opts->roadshow_dir,
                    "folder with settings.csv, stages.csv, visits.csv, travel.csv "
                    "(see docs/itinerary.md)");
  input->add_option("--roadshow", opts->roadshow,
                    "key of a roadshow in the database given with --db (the plan is saved)");
  input->require_option(1);
  cmd->add_option("--db", opts->db, "database file (with --roadshow)");
  cmd->add_option("--tours", opts->tours, "number of tours m (with --toptw)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--time-limit", opts->time_limit, "search time in seconds (default 2)")
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_option("--seed", opts->seed, "random seed (default 1)");
  cmd->add_option("--out", opts->out, "write the JSON plan here instead of stdout (with --toptw)");
  cmd->add_option("--html", opts->html,
                  "also write a printable HTML plan (with --roadshow-dir or --roadshow)");
  cmd->add_option("--ics", opts->ics,
                  "also write an iCalendar file (with --roadshow-dir or --roadshow)");
  BindRun(cmd, [opts]() -> Status {
    if (!opts->toptw.empty()) return RunToptw(*opts);
    if (!opts->roadshow.empty()) return RunStoredRoadshow(*opts);
    return RunRoadshowDir(*opts);
  });
}

PONTE_REGISTER_COMMAND(plan_tour, 60, Setup);

}  // namespace
}  // namespace ponte::cli
