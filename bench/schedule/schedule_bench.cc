// The B2B scheduling benchmark: prints markdown tables beside the anchors.
//
//   schedule_bench jair  [--time-limit S] [--all] [--fairness D] [--no-cbc] [--only NAME]
//                        [--clock cpu|wall]
//   schedule_bench scale [--time-limit S] [--linear] [--sizes 300,1000,6000] [--seed N]
//                        [--clock cpu|wall]
//
// `jair` runs the 20 original JAIR 2022 instances (all 140 files with --all)
// through ponte and, beside it, through an exact MIP in CBC under the same time
// limit; `known` is the optimum from known_optima.csv. `scale` runs generated
// Italy–China events (see generator.h). One core. The time limit is CPU time
// of the solving thread by default (--clock cpu; CBC's limit is CPU time too),
// so a loaded shared machine does not shrink the budget; --clock wall uses the
// engine's own wall-clock limit. The tables show wall and CPU seconds.
#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "generator.h"
#include "schedule/dzn_reader.h"
#include "schedule/schedule.h"

#ifdef PONTE_HAVE_CBC
#include "cbc_baseline.h"
#endif

namespace ponte::schedule {
namespace {

// CPU seconds of this thread: on a shared machine the wall time also counts
// the time other processes held the core, so the table shows both.
double CpuSeconds(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}
double ThreadCpuSeconds() { return CpuSeconds(CLOCK_THREAD_CPUTIME_ID); }

// Solves with a budget of `limit` CPU seconds of the calling thread (the
// engine's own limit is wall clock; on a loaded machine the same run would get
// a fraction of a core). A watcher thread raises the cancel flag once the
// solving thread has used its budget; the wall limit is a generous backstop.
SolveResult SolveOnCpuBudget(const Problem& problem, SolveOptions options, double limit) {
  clockid_t clock{};
  pthread_getcpuclockid(pthread_self(), &clock);
  const double start = CpuSeconds(clock);
  std::atomic<bool> cancel{false};
  std::atomic<bool> done{false};
  std::thread watcher([&] {
    while (!done.load()) {
      if (CpuSeconds(clock) - start >= limit) cancel.store(true);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  options.cancel = &cancel;
  options.time_limit_s = 20 * limit;
  SolveResult result = Solve(problem, options);
  done.store(true);
  watcher.join();
  return result;
}

struct Known {
  std::map<std::string, std::string> by_variant;  // "original" -> "6", "prec25" -> "UNSAT"
};

std::map<std::string, Known> ReadKnown(const std::string& path) {
  std::map<std::string, Known> known;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  {
    std::stringstream s(line);
    std::string cell;
    while (std::getline(s, cell, ',')) header.push_back(cell);
  }
  while (std::getline(in, line)) {
    std::stringstream s(line);
    std::string cell;
    std::vector<std::string> cells;
    while (std::getline(s, cell, ',')) cells.push_back(cell);
    if (cells.empty()) continue;
    Known& k = known[cells[0]];
    for (std::size_t i = 1; i < cells.size() && i < header.size(); ++i) {
      const std::string& h = header[i];
      if (h == "opt_breaks_d2") k.by_variant["original"] = cells[i];
      if (h == "opt_forb0003") k.by_variant["forb0003"] = cells[i];
      if (h == "opt_forb0007") k.by_variant["forb0007"] = cells[i];
      if (h == "opt_fixed020") k.by_variant["fixed020-Forb"] = cells[i];
      if (h == "opt_fixed040") k.by_variant["fixed040-Forb"] = cells[i];
      if (h == "opt_prec15") k.by_variant["prec15"] = cells[i];
      if (h == "opt_prec25") k.by_variant["prec25"] = cells[i];
      if (h == "mip_best_d2") k.by_variant["mip_best"] = cells[i];
      if (h == "mip_s_d2") k.by_variant["mip_s"] = cells[i];
    }
  }
  return known;
}

std::string Arg(const std::vector<std::string>& args, const std::string& name,
                const std::string& fallback) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == name) return args[i + 1];
  }
  return fallback;
}
bool Flag(const std::vector<std::string>& args, const std::string& name) {
  return std::find(args.begin(), args.end(), name) != args.end();
}

int RunJair(const std::vector<std::string>& args) {
  const std::string shared = Arg(args, "--shared", PONTE_SHARED_DIR);
  const double limit = std::stod(Arg(args, "--time-limit", "5"));
  const int fairness = std::stoi(Arg(args, "--fairness", "2"));
  const bool all = Flag(args, "--all");
  const bool cbc = !Flag(args, "--no-cbc");
  const bool exact = !Flag(args, "--no-exact");
  const std::string only = Arg(args, "--only", "");
  const bool cpu_clock = Arg(args, "--clock", "cpu") == "cpu";
  const auto known = ReadKnown(shared + "/b2b_instances/known_optima.csv");
  std::vector<std::string> variants = {"original"};
  if (all) {
    variants = {"original",      "forb0003", "forb0007", "fixed020-Forb",
                "fixed040-Forb", "prec15",   "prec25"};
  }
  std::printf(
      "| instance | known | ponte breaks | lower bound | status | time s | cpu s | match |");
#ifdef PONTE_HAVE_CBC
  if (cbc) std::printf(" CBC breaks | CBC bound | CBC status | CBC time s | CBC cpu s |");
#endif
  std::printf("\n|---|---|---|---|---|---|---|---|");
#ifdef PONTE_HAVE_CBC
  if (cbc) std::printf("---|---|---|---|---|");
#endif
  std::printf("\n");
  int matches = 0;
  int proven = 0;
  int rows = 0;
  std::vector<double> times;
  std::vector<double> cpus;
  // Per variant: files, match, proven optimal, paper UNSAT, proven infeasible, schedule found.
  std::map<std::string, std::array<int, 6>> summary;
  for (const std::string& variant : variants) {
    for (const auto& [instance, k] : known) {
      if (!only.empty() && instance != only) continue;
      const std::string name = instance + "." + variant;
      const std::string path = shared + "/b2b_instances/jair2022/" + name + ".dzn";
      Result<Problem> problem = ReadDznFile(path);
      if (!problem.ok()) {
        std::printf("| %s | error: %s |\n", name.c_str(), problem.status().ToString().c_str());
        continue;
      }
      SolveOptions options;
      options.time_limit_s = limit;
      options.fairness = fairness;
      options.exact = exact;
      const double cpu_start = ThreadCpuSeconds();
      const SolveResult result =
          cpu_clock ? SolveOnCpuBudget(*problem, options, limit) : Solve(*problem, options);
      const double cpu = ThreadCpuSeconds() - cpu_start;
      const auto it = k.by_variant.find(variant);
      const std::string expected = it == k.by_variant.end() ? "?" : it->second;
      const bool has =
          result.status == SolveStatus::kOptimal || result.status == SolveStatus::kFeasible;
      const std::string breaks = has ? std::to_string(result.objective.breaks) : "-";
      bool match = false;
      if (expected == "UNSAT") {
        match = result.status == SolveStatus::kInfeasible;
      } else if (has) {
        match = breaks == expected;
      }
      matches += match ? 1 : 0;
      std::array<int, 6>& row = summary[variant];
      row[0] += 1;
      row[1] += match ? 1 : 0;
      row[2] += result.status == SolveStatus::kOptimal ? 1 : 0;
      row[3] += expected == "UNSAT" ? 1 : 0;
      row[4] += result.status == SolveStatus::kInfeasible ? 1 : 0;
      row[5] += has ? 1 : 0;
      proven +=
          (result.status == SolveStatus::kOptimal || result.status == SolveStatus::kInfeasible) ? 1
                                                                                                : 0;
      ++rows;
      times.push_back(result.time_s);
      cpus.push_back(cpu);
      std::printf("| %s | %s | %s | %d | %s | %.2f | %.2f | %s |", name.c_str(), expected.c_str(),
                  breaks.c_str(), result.lower_bound, SolveStatusName(result.status), result.time_s,
                  cpu, match ? "yes" : "no");
#ifdef PONTE_HAVE_CBC
      if (cbc) {
        const CbcOutcome mip = SolveWithCbc(*problem, fairness, limit);
        // ponte's schedule passed the checker: a CBC "infeasible" beside it is wrong.
        const std::string mip_status =
            mip.status == "infeasible" && has ? "infeasible (contradicted)" : mip.status;
        std::printf(" %s | %s | %s | %.2f | %.2f |",
                    mip.breaks >= 0 ? std::to_string(mip.breaks).c_str() : "-",
                    mip.bound >= 0 ? std::to_string(mip.bound).c_str() : "-", mip_status.c_str(),
                    mip.time_s, mip.cpu_s);
      }
#endif
      std::printf("\n");
      std::fflush(stdout);
    }
  }
  std::sort(times.begin(), times.end());
  const double median = times.empty() ? 0 : times[times.size() / 2];
  std::sort(cpus.begin(), cpus.end());
  const double cpu_median = cpus.empty() ? 0 : cpus[cpus.size() / 2];
  const double cpu_worst = cpus.empty() ? 0 : cpus.back();
  const double worst = times.empty() ? 0 : times.back();
  std::printf(
      "\nponte: %d/%d match the known result, %d/%d proven (optimal or infeasible), "
      "median %.2f s, max %.2f s (cpu: median %.2f s, max %.2f s), limit %.1f s, d = %d\n",
      matches, rows, proven, rows, median, worst, cpu_median, cpu_worst, limit, fairness);
  if (variants.size() > 1) {
    std::printf(
        "\n| variant | files | match known | proven optimal | paper UNSAT | proven infeasible | "
        "schedule found |\n|---|---|---|---|---|---|---|\n");
    for (const std::string& variant : variants) {
      const std::array<int, 6>& row = summary[variant];
      std::printf("| %s | %d | %d | %d | %d | %d | %d |\n", variant.c_str(), row[0], row[1], row[2],
                  row[3], row[4], row[5]);
    }
  }
  return 0;
}

constexpr double kLinearUnit = 6000;  // meetings per --time-limit with --linear

int RunScale(const std::vector<std::string>& args) {
  const double limit = std::stod(Arg(args, "--time-limit", "10"));
  const std::uint64_t seed = std::stoull(Arg(args, "--seed", "1"));
  const bool cpu_clock = Arg(args, "--clock", "cpu") == "cpu";
  // --linear: the limit is per 6,000 meetings and grows with the size, so a
  // cost that grows linearly shows as constant breaks per meeting.
  const bool linear = Flag(args, "--linear");
  std::vector<int> sizes;
  {
    std::stringstream s(Arg(args, "--sizes", "300,1000,3000,6000,10000,30000"));
    std::string cell;
    while (std::getline(s, cell, ',')) sizes.push_back(std::stoi(cell));
  }
  std::printf(
      "| meetings | participants | days x slots | tables/session | interpreters | scheduled | "
      "breaks | breaks per participant | breaks per 100 meetings | lower bound | status | limit s "
      "| time s | cpu s |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (int meetings : sizes) {
    GeneratorOptions gen;
    gen.meetings = meetings;
    gen.seed = seed;
    const Problem problem = GenerateItalyChinaEvent(gen);
    const double budget = linear ? limit * meetings / kLinearUnit : limit;
    SolveOptions options;
    options.time_limit_s = budget;
    options.seed = seed;
    const double cpu_start = ThreadCpuSeconds();
    const SolveResult result =
        cpu_clock ? SolveOnCpuBudget(problem, options, budget) : Solve(problem, options);
    const double cpu = ThreadCpuSeconds() - cpu_start;
    const CheckReport check = Check(problem, result.solution);
    const int breaks = result.objective.breaks;
    const double per_participant =
        static_cast<double>(breaks) /
        static_cast<double>(std::max<std::size_t>(1, problem.participants.size()));
    std::printf(
        "| %d | %zu | %d x %zu | %d | %zu | %d/%zu%s | %d | %.2f | %.2f | %d | %s | %.1f | %.2f | "
        "%.2f |\n",
        meetings, problem.participants.size(), problem.days(),
        problem.slots.size() / static_cast<std::size_t>(std::max(1, problem.days())),
        problem.sessions.empty() ? 0 : problem.sessions[0].tables, problem.interpreters.size(),
        result.objective.scheduled, problem.meetings.size(), check.valid() ? "" : " INVALID",
        breaks, per_participant, 100.0 * breaks / std::max(1, meetings), result.lower_bound,
        SolveStatusName(result.status), budget, result.time_s, cpu);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace ponte::schedule

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::printf(
        "usage: schedule_bench jair  [--time-limit S] [--all] [--fairness D] [--no-cbc] "
        "[--no-exact] [--only INSTANCE] [--clock cpu|wall]\n"
        "       schedule_bench scale [--time-limit S] [--linear] [--sizes 300,1000,...] [--seed N] "
        "[--clock cpu|wall]\n"
        "       (--linear: S per 6,000 meetings, growing with the size)\n");
    return args.empty() ? 1 : 0;
  }
  if (args[0] == "jair") return ponte::schedule::RunJair(args);
  if (args[0] == "scale") return ponte::schedule::RunScale(args);
  std::fprintf(stderr, "unknown mode %s\n", args[0].c_str());
  return 1;
}
