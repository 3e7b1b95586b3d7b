// Replacement move: one planned visit out, one more valuable unplanned visit in
// at the same place (O(1) check with the route's slack bookkeeping).
#include <algorithm>

#include "itinerary/moves.h"

namespace ponte::itinerary::internal {

bool ImproveByReplacement(const Instance& inst, State* state) {
  Value best_gain = 0;
  Ticks best_shift = 0;
  int best_tour = -1, best_pos = -1, best_visit = -1;
  for (int u = 0; u < inst.n; ++u) {
    if (state->tour_of[static_cast<std::size_t>(u)] >= 0) continue;
    const Value gain_base = inst.value[static_cast<std::size_t>(u)];
    for (const Route& r : state->routes) {
      if (!inst.Usable(r.tour(), u)) continue;
      const Ticks last_close = inst.windows[static_cast<std::size_t>(u)].back().close;
      // Replacing the visit at p means arriving by the latest arrival at p + 1.
      for (int p = std::max(0, r.FirstUsefulPosition(u) - 1); p < r.size(); ++p) {
        if (p > 0 && r.start(p - 1) > last_close) break;
        const auto out = static_cast<std::size_t>(r.seq()[static_cast<std::size_t>(p)]);
        if (inst.mandatory[out]) continue;
        const Value gain = gain_base - inst.value[out];
        if (gain < best_gain || gain <= 0) continue;
        const Insertion ins = r.EvaluateReplace(u, p);
        if (!ins.feasible) continue;
        if (gain > best_gain || ins.shift < best_shift) {
          best_gain = gain;
          best_shift = ins.shift;
          best_tour = r.tour();
          best_pos = p;
          best_visit = u;
        }
      }
    }
  }
  if (best_tour < 0) return false;
  Route& r = state->routes[static_cast<std::size_t>(best_tour)];
  const int out = r.seq()[static_cast<std::size_t>(best_pos)];
  r.Replace(best_visit, best_pos);
  state->tour_of[static_cast<std::size_t>(out)] = -1;
  state->tour_of[static_cast<std::size_t>(best_visit)] = best_tour;
  return true;
}

}  // namespace ponte::itinerary::internal
