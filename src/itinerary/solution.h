// A plan for an itinerary::Problem, and the checker every producer is held to.
//
//   itinerary::Solution s = Schedule(problem, {{3, 7, 1}, {}});   // visit orders per tour
//   itinerary::CheckReport r = itinerary::Check(problem, s);
//   if (!r.feasible) std::cerr << r.violations.front();
//   Value v = r.value;                                           // recomputed
//
// Check() trusts nothing in the solution: it recomputes travel times, verifies
// every window, budget and lunch break, that each visit appears at most once
// and only on compatible tours, and recomputes the total value. Missing
// mandatory visits are reported as violations too. Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "itinerary/problem.h"

namespace ponte::itinerary {

struct Stop {
  int visit = 0;     // index into Problem::visits
  Ticks arrive = 0;  // arrival at the visit
  Ticks start = 0;   // start of service (>= arrive, inside a window)
  Ticks leave = 0;   // start + service
};

struct Solution {
  // One list per Problem::tours entry, in visiting order (bases excluded).
  std::vector<std::vector<Stop>> tours;
};

struct CheckReport {
  bool feasible = true;
  Value value = 0;                      // sum of the values of distinct planned visits
  std::vector<std::string> violations;  // one line per problem, empty when feasible
};

CheckReport Check(const Problem& problem, const Solution& solution);

// Earliest-start times for given visit orders (each tour leaves its base at
// Tour::start, waits for windows as needed). The result may be infeasible (a
// window missed, a budget exceeded); Check() says so.
Solution Schedule(const Problem& problem, const std::vector<std::vector<int>>& orders);

// Sum of the values of the visits in `solution` (no feasibility check).
Value TotalValue(const Problem& problem, const Solution& solution);

}  // namespace ponte::itinerary
