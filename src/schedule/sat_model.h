// The exact mode (internal): the time assignment as an incremental SAT model on
// CaDiCaL. Breaks bounds and "meeting m stays in slot t" are assumptions, so
// one model serves both the lower bound (core-guided, OLL: every participant at
// its bound; each core raises the total by one) and SAT-based large-neighbourhood
// search (fix most meetings, ask for fewer breaks than the best), and learnt
// clauses carry over between calls.
//
//   auto model = SatModel::Build(problem, domains, {.fairness = 2, .cap = 10}, deadline);
//   if (model && model->Solve(/*bound=*/3, {}, -1) == SatModel::Answer::kSat)
//   use(model->Extract());
//
// Variables: x[m][t] (meeting m in slot t), u[p][t] (p busy), a[p][t] (p busy
// at some later slot of the day), b[p][t] (a break starts at t, exact), z[m][t][i]
// (interpreter i serves m), st[p][s] (p busy exactly in [s, s + k_p): no break).
// Tables per slot use a totalizer of busy participants <= 2 x tables (the same
// constraint when every meeting has two distinct sides) when the tables are
// tight or in sessions of 20+ tables; else they are added lazily, when a model
// first overfills a slot: sequential counters on x, or the busy totalizer when
// the participants' break-free blocks alone nearly fill some slot's tables.
// Breaks per participant and the total use totalizers. Redundant: p busy in
// exactly k_p slots; busy at t and at t + k_p or later implies a break.
// Not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "schedule/problem.h"

namespace CaDiCaL {
class Solver;
}

namespace ponte::schedule {

struct SatModelOptions {
  std::optional<int> fairness;
  int cap = 64;               // largest total-break bound that can be asked for
  std::vector<char> include;  // meetings to schedule (others stay unscheduled); empty = all
  // Proven lower bounds on each participant's breaks (lower_bound.h); empty = none.
  std::vector<int> participant_bounds;
  // Tight tables: every slot's table count up front (on the busy sides when
  // every meeting has two distinct sides, else on x) and CaDiCaL's default
  // configuration; loose: lazy counters on x and the "sat" configuration.
  bool busy_per_slot = false;
  std::size_t max_variables = 1'000'000;
};

class SatModel {
 public:
  enum class Answer { kSat, kUnsat, kUnknown };

  // nullptr if the model would be too large or the deadline passed while building.
  static std::unique_ptr<SatModel> Build(const Problem& problem, const Domains& domains,
                                         const SatModelOptions& options, const Deadline& deadline);
  ~SatModel();

  // Asks for a schedule with at most `bound` breaks (bound < 0: any) that keeps
  // each (meeting, slot) of `fixed`. conflict_limit < 0: none. The deadline
  // given to Build also stops the search (kUnknown).
  Answer Solve(int bound, const std::vector<std::pair<MeetingIndex, SlotIndex>>& fixed,
               long conflict_limit);
  // After kUnsat: true if the break bound took part in the refutation (false
  // means the constraints alone, with `fixed`, are unsatisfiable).
  bool BoundUsed() const { return bound_used_; }
  // Core-guided lower bound (OLL): asks for a schedule with every participant
  // at its current bound. kUnsat with BoundUsed(): the bound rose by one (the
  // core is relaxed); kUnsat without: no schedule at all; kSat: the schedule
  // has exactly core_bound() breaks, an optimum.
  Answer SolveCores(long conflict_limit);
  int core_bound() const { return core_bound_; }
  Solution Extract() const;  // after kSat: the time assignment
  int cap() const { return static_cast<int>(total_.size()); }

 private:
  explicit SatModel(const Deadline& deadline);
  // solve() under `assumptions`, adding the counters of overfilled loose slots
  // until a model respects every table count. CaDiCaL's result code.
  int Run(const std::vector<int>& assumptions, long conflict_limit);
  struct LazyTables {
    std::vector<int> literals;  // x[m][t] of the slot; empty once encoded
    std::vector<int> busy;      // u[p][t] of the slot
    int tables = 0;
  };
  // "counter[level] is false" is assumed: at most `level` of the counted breaks.
  struct Soft {
    std::vector<int> counter;
    std::size_t level = 0;
  };

  const Deadline& deadline_;
  std::unique_ptr<CaDiCaL::Solver> solver_;
  std::unique_ptr<class DeadlineTerminatorImpl> terminator_;
  std::unique_ptr<class SatCnf> cnf_;
  std::vector<std::vector<int>> x_;  // [meeting][slot], 0 = no variable
  std::vector<int> total_;           // total_[k]: at least k+1 breaks
  bool bound_used_ = false;
  int bound_literal_ = 0;
  std::vector<Soft> softs_;
  std::vector<LazyTables> lazy_tables_;
  bool lazy_on_busy_ = false;  // lazy counters count the busy sides (no-break pressure)
  int core_bound_ = 0;
};

}  // namespace ponte::schedule
