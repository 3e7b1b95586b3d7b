#include <algorithm>

#include "schedule/exact_search.h"
#include "schedule/feasibility.h"
#include "schedule/local_search.h"
#include "schedule/lower_bound.h"
#include "schedule/sat_model.h"
#include "schedule/schedule.h"
#include "schedule/tables.h"

namespace ponte::schedule {
namespace {

// Local-search iterations before the exact model, and between two SAT rounds.
constexpr std::int64_t kFirstIterations = 800'000;
constexpr std::int64_t kSliceIterations = 400'000;
// With loose tables the local search may overfill slots (local_search.cc);
// after a slice that found a better schedule the next one is this long. Always
// 2M against 400k took forum-13crafb and ticf-13crafb from 8.2 and 8.0 to 7.8
// and 6.2 breaks (means over seeds 1-6, 5 s of CPU) but cost the fixed020-Forb
// variants ~1 s (slices that find nothing); only after progress: 7.8 and 6.7.
constexpr std::int64_t kLooseSliceIterations = 2'000'000;
// The first local search hands over to the SAT model once it stalls this long.
constexpr std::int64_t kFirstStall = 200'000;
// SAT rounds in a row after a local-search slice that found nothing better.
constexpr int kRoundsWithoutLocalSearch = 5;
// Total-break bound the SAT model can express when no complete schedule is known yet.
constexpr int kUnboundedCap = 64;
// Share of the table-slots the meetings fill from which the tables count as tight.
constexpr double kTightTables = 0.8;

// The redundant "busy participants per slot" constraints pay off when the
// meetings fill most table-slots (tic-13crafc) and cost time otherwise.
bool TablesAreTight(const Problem& problem) {
  std::size_t capacity = 0;
  for (const Slot& slot : problem.slots) {
    capacity +=
        static_cast<std::size_t>(problem.sessions[static_cast<std::size_t>(slot.session)].tables);
  }
  std::size_t meetings = 0;
  for (const Meeting& meeting : problem.meetings) meetings += meeting.cancelled ? 0 : 1;
  return static_cast<double>(meetings) >= kTightTables * static_cast<double>(capacity);
}

}  // namespace

const char* SolveStatusName(SolveStatus status) {
  switch (status) {
    case SolveStatus::kOptimal:
      return "optimal";
    case SolveStatus::kFeasible:
      return "feasible";
    case SolveStatus::kInfeasible:
      return "infeasible";
    case SolveStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}

SolveResult Solve(const Problem& problem, const SolveOptions& options) {
  Stopwatch watch;
  const Deadline deadline = Deadline::After(std::chrono::duration<double>(options.time_limit_s))
                                .WithCancel(options.cancel);
  SolveResult result;
  const Domains domains = ComputeDomains(problem);
  SolveProgress progress;
  auto report = [&](const char* phase) {
    if (!options.progress) return;
    progress.elapsed_s = watch.Seconds();
    progress.phase = phase;
    options.progress(progress);
  };
  auto finish = [&]() {
    result.time_s = watch.Seconds();
    return result;
  };

  if (problem.require_all) {
    if (std::optional<std::string> why = ExplainInfeasible(problem, domains)) {
      result.status = SolveStatus::kInfeasible;
      result.explanation = *why;
      return finish();
    }
  }

  // Per-participant bounds (every meeting is held when require_all): a target
  // for the local search and facts for the SAT model.
  std::vector<int> participant_bounds;
  int lower_bound = 0;
  if (problem.require_all) {
    participant_bounds = ParticipantBreakBounds(problem, domains, {});
    if (options.fairness) {
      RaiseForFairness(problem, domains, {}, *options.fairness, &participant_bounds);
    }
    for (int bound : participant_bounds) lower_bound += bound;
  }
  progress.lower_bound = lower_bound;

  Rng rng(options.seed);
  Timetable tt(problem, domains, options.fairness);
  report("construct");
  Construct(tt, rng);
  ImproveOptions improve;
  improve.on_improvement = [&](const Cost& cost) {
    progress.best_breaks = cost.breaks;
    report("local search");
  };
  // The first local search and the slices between SAT rounds are sized in
  // iterations (deterministic); the time limit only cuts them short.
  if (options.exact) {
    improve.max_iterations = kFirstIterations;
    improve.stall_iterations = kFirstStall;
  }
  improve.target_breaks = lower_bound;
  Improve(tt, rng, deadline, improve);
  improve.stall_iterations = -1;
  Solution best = tt.ToSolution();
  Cost cost = tt.cost();
  progress.best_breaks = cost.breaks;
  // Every meeting scheduled is the best weight there is, so a schedule at the
  // bound is optimal whether or not the problem requires all meetings.
  bool proven =
      cost.unscheduled_weight == 0 && cost.fairness_excess == 0 && cost.breaks <= lower_bound;
  bool infeasible = false;

  if (options.exact && !proven && !deadline.Expired()) {
    const bool complete = cost.unscheduled_weight == 0 && cost.fairness_excess == 0;
    SatModelOptions model_options;
    model_options.fairness = options.fairness;
    model_options.cap = complete ? cost.breaks : kUnboundedCap;
    if (!problem.require_all) {
      model_options.include.assign(problem.meetings.size(), 0);
      for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
        model_options.include[m] = best.meetings[m].scheduled() ? 1 : 0;
      }
    }
    model_options.participant_bounds = participant_bounds;
    model_options.busy_per_slot = TablesAreTight(problem);
    report("sat");
    std::unique_ptr<SatModel> model = SatModel::Build(problem, domains, model_options, deadline);
    if (model != nullptr) {
      ExactSearch search(problem, tt, *model, rng, deadline);
      int ub = complete ? cost.breaks : -1;
      Solution current = best;
      improve.max_iterations = kSliceIterations;
      int rounds_to_skip = 0;
      while ((ub < 0 || lower_bound < ub) && !deadline.Expired()) {
        if (!search.Round(&current, &ub, &lower_bound)) {
          infeasible = true;
          break;
        }
        progress.lower_bound = lower_bound;
        if (ub >= 0) {
          tt.Load(current);
          if (tt.cost() < cost || cost.unscheduled_weight > 0 || cost.fairness_excess > 0) {
            best = current;
            cost = tt.cost();
          }
          progress.best_breaks = cost.breaks;
        }
        report("sat");
        if (lower_bound >= cost.breaks && cost.unscheduled_weight == 0 &&
            cost.fairness_excess == 0) {
          break;
        }
        // Local search from the best schedule, aiming at the proven bound;
        // after a slice without progress the SAT rounds get the next turns.
        if (rounds_to_skip > 0) {
          --rounds_to_skip;
          continue;
        }
        tt.Load(best);
        improve.target_breaks = lower_bound;
        Improve(tt, rng, deadline, improve);
        if (tt.cost() < cost) {
          best = tt.ToSolution();
          cost = tt.cost();
          current = best;
          ub = cost.breaks;
          if (!model_options.busy_per_slot) improve.max_iterations = kLooseSliceIterations;
        } else {
          rounds_to_skip = kRoundsWithoutLocalSearch;
          improve.max_iterations = kSliceIterations;
        }
      }
      const bool complete_now = cost.unscheduled_weight == 0 && cost.fairness_excess == 0;
      if (!infeasible && complete_now && lower_bound >= cost.breaks) {
        proven = true;
        lower_bound = cost.breaks;
      }
    }
  }
  progress.lower_bound = lower_bound;
  if (infeasible) {
    result.status = SolveStatus::kInfeasible;
    result.lower_bound = lower_bound;
    result.explanation = options.fairness
                             ? "no schedule has every meeting and a break spread of at most d = " +
                                   std::to_string(*options.fairness) + " (proved by the SAT model)"
                             : "no schedule has every meeting (proved by the SAT model)";
    return finish();
  }
  if (!proven && !deadline.Expired()) {
    improve.target_breaks = lower_bound;
    improve.max_iterations = -1;
    Improve(tt, rng, deadline, improve);
    if (tt.cost() < cost) {
      best = tt.ToSolution();
      cost = tt.cost();
    }
    proven = !infeasible && cost.unscheduled_weight == 0 && cost.fairness_excess == 0 &&
             cost.breaks <= lower_bound;
  }
  report("tables");
  AssignTablesAndInterpreters(problem, domains, &best);
  CheckOptions check;
  check.fairness = options.fairness;
  CheckReport checked = Check(problem, best, check);
  result.solution = std::move(best);
  result.objective = checked.objective;
  result.lower_bound = std::min(lower_bound, checked.objective.breaks);
  const bool hard_ok = checked.valid();
  if (!hard_ok) {
    result.status = SolveStatus::kUnknown;
  } else if (proven && (problem.require_all || cost.unscheduled_weight == 0)) {
    result.status = SolveStatus::kOptimal;
  } else {
    result.status = SolveStatus::kFeasible;
  }
  return finish();
}

}  // namespace ponte::schedule
