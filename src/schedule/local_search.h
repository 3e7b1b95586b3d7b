// Construction and local search for the time assignment (internal).
//
//   Timetable tt(problem, domains, fairness);
//   Construct(tt, rng);
//   Improve(tt, rng, deadline, {}, &best);
//
// Construct places meetings greedily, hardest first, each in the slot that
// adds the fewest breaks. Improve runs a simulated-annealing local search over
// relocate, swap, Kempe-chain and eject-insert moves on the lexicographic Cost
// (unscheduled weight, fairness excess, breaks); in small events with loose
// tables it may pass through schedules that overfill a slot, at a price, and
// keeps only schedules that fit. Deterministic for a seed.
#pragma once

#include <functional>

#include "core/clock.h"
#include "core/rng.h"
#include "schedule/timetable.h"

namespace ponte::schedule {

void Construct(Timetable& tt, Rng& rng);

struct ImproveOptions {
  int target_breaks = 0;  // stop when reached (a proven lower bound) with nothing unscheduled
  std::int64_t max_iterations = -1;  // -1 = until the deadline
  // Stop after this many iterations without a better schedule (-1 = never).
  std::int64_t stall_iterations = -1;
  std::function<void(const Cost&)> on_improvement;
  // Optional per-meeting penalty for leaving a published slot (repair): the
  // cost compared is then (unscheduled weight, fairness, moved, breaks).
  const std::vector<SlotIndex>* anchor = nullptr;
};

// Improves `tt` in place and leaves it at the best solution found.
void Improve(Timetable& tt, Rng& rng, const Deadline& deadline, const ImproveOptions& options);

}  // namespace ponte::schedule
