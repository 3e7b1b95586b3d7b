// The exact mode (internal): the time assignment as a SAT model on CaDiCaL,
// searched upward on "total breaks <= k" with assumptions, so every UNSAT
// answer raises a proven lower bound and the first SAT answer is optimal.
//
//   SatOutcome out = SolveExact(problem, domains, {.fairness = 2, .upper_bound = 5}, deadline);
//
// Variables: x[m][t] (meeting m in slot t), u[p][t] (p busy), a[p][t] (p busy
// at some later slot of the day), b[p][t] (a break starts at t, exact), z[m][t][i]
// (interpreter i serves m). Cardinalities use sequential counters (tables per
// slot) and totalizers (breaks per participant, total breaks). Not thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "core/clock.h"
#include "schedule/problem.h"

namespace ponte::schedule {

struct SatRequest {
  std::optional<int> fairness;
  int lower_bound = 0;             // known lower bound on breaks
  int upper_bound = -1;            // breaks of a known schedule of the same meetings, -1 = none
  const Solution* hint = nullptr;  // phases for the solver
  std::vector<char> include;  // meetings to schedule (all others stay unscheduled); empty = all
  std::size_t max_variables = 4'000'000;  // give up (kUnknown) above this
};

struct SatOutcome {
  enum class Kind { kOptimal, kInfeasible, kBound, kTooLarge } kind = Kind::kBound;
  std::optional<Solution> solution;  // best schedule found (time assignment only)
  int lower_bound = 0;
  int breaks = -1;
};

SatOutcome SolveExact(const Problem& problem, const Domains& domains, const SatRequest& request,
                      const Deadline& deadline);

}  // namespace ponte::schedule
