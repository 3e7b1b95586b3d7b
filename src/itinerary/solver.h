// The anytime solver: large-neighbourhood search for the team orienteering
// problem with (multiple) time windows.
//
//   itinerary::SolveOptions opts{.seed = 1};
//   itinerary::SolveResult r = itinerary::Solve(problem, opts,
//   Deadline::After(std::chrono::seconds(2)));
//   // r.solution passes itinerary::Check(problem, r.solution); r.value <= r.upper_bound.
//
// Greedy insertion by value^2 / time shift with O(1) window checks (wait /
// maxShift bookkeeping), then iterations of remove (random, segment, related,
// worst) + noisy reinsertion + a replacement move, accepted by
// record-to-record travel, restarting from the best. Mandatory visits are
// inserted first and never removed. Deterministic for a given seed and
// `max_iterations`; with only a deadline, the iteration count (and so the
// answer) depends on machine speed. Returns InvalidArgument if the problem
// does not validate. Thread-safe (no shared state).
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "core/status.h"
#include "itinerary/problem.h"
#include "itinerary/solution.h"

namespace ponte::itinerary {

struct SolveOptions {
  std::uint64_t seed = 1;
  // Stop after this many LNS iterations (0 = only the deadline stops it).
  std::int64_t max_iterations = 0;
  // Stop early when the value reaches the upper bound (proven optimal).
  bool stop_at_bound = true;
};

struct SolveResult {
  Solution solution;
  Value value = 0;
  Value upper_bound = 0;  // no plan can collect more (fractional knapsack bound)
  std::int64_t iterations = 0;
  double seconds = 0;
  std::vector<int> unvisited;  // visit indices left out, ascending
};

Result<SolveResult> Solve(const Problem& problem, const SolveOptions& options,
                          const Deadline& deadline);

// A cheap upper bound on the collectable value: visits that fit alone on some
// tour, as a fractional knapsack of (service + cheapest arrival leg) against
// the tours' total time. Requires Validate().
Value UpperBound(const Problem& problem);

}  // namespace ponte::itinerary
