// Greedy insertion with a cache of each candidate's best position per tour:
// after an insertion only the changed tour's column is re-evaluated.
#include <limits>
#include <vector>

#include "itinerary/moves.h"

namespace ponte::itinerary::internal {

State State::Empty(const Instance& inst) {
  State s;
  for (int t = 0; t < inst.m; ++t) s.routes.emplace_back(inst, t);
  s.tour_of.assign(static_cast<std::size_t>(inst.n), -1);
  const std::size_t cells = static_cast<std::size_t>(inst.n) * static_cast<std::size_t>(inst.m);
  s.insertion.assign(cells, Insertion{});
  s.insertion_version.assign(cells, 0);  // route versions start at 1
  return s;
}

Value State::value() const {
  Value v = 0;
  for (const Route& r : routes) v += r.value();
  return v;
}

Ticks State::travel_time() const {
  Ticks t = 0;
  for (const Route& r : routes) t += r.travel_time();
  return t;
}

int State::routed() const {
  int k = 0;
  for (const Route& r : routes) k += r.size();
  return k;
}

bool State::BetterThan(const State& other) const {
  const Value a = value();
  const Value b = other.value();
  if (a != b) return a > b;
  return travel_time() < other.travel_time();
}

bool State::TryRemove(const Instance& inst, int t, int p) {
  Route& r = routes[static_cast<std::size_t>(t)];
  const int v = r.seq()[static_cast<std::size_t>(p)];
  if (inst.mandatory[static_cast<std::size_t>(v)]) return false;
  if (!r.Erase(p)) return false;
  tour_of[static_cast<std::size_t>(v)] = -1;
  return true;
}

void GreedyInsert(const Instance& inst, const InsertOptions& options, Rng& rng, State* state) {
  std::vector<int> candidates;
  for (int v = 0; v < inst.n; ++v) {
    if (state->tour_of[static_cast<std::size_t>(v)] >= 0) continue;
    if (options.blocked && (*options.blocked)[static_cast<std::size_t>(v)]) continue;
    for (int t = 0; t < inst.m; ++t) {
      if (inst.Usable(t, v)) {
        candidates.push_back(v);
        break;
      }
    }
  }
  const auto m = static_cast<std::size_t>(inst.m);
  auto cell = [m](int v, std::size_t t) { return static_cast<std::size_t>(v) * m + t; };
  // Brings the cached best insertion of v into tour t up to date.
  auto refresh = [&](int v, std::size_t t) {
    const Route& route = state->routes[t];
    const std::size_t k = cell(v, t);
    if (state->insertion_version[k] == route.version()) return;
    state->insertion[k] =
        inst.Usable(static_cast<int>(t), v) ? route.BestInsertion(v) : Insertion{};
    state->insertion_version[k] = route.version();
  };
  auto fits_somewhere = [&](int v) {
    for (std::size_t t = 0; t < m; ++t) {
      if (state->insertion[cell(v, t)].feasible) return true;
    }
    return false;
  };
  for (int v : candidates) {
    for (std::size_t t = 0; t < m; ++t) refresh(v, t);
  }
  // Insertions only take slack away, so a candidate that fits nowhere now
  // will not fit later in this call: drop it from the scan.
  std::erase_if(candidates, [&](int v) { return !fits_somewhere(v); });
  while (!candidates.empty()) {
    double best_ratio = -1;
    std::size_t best_c = 0;
    int best_t = -1;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      int tour = -1;
      Ticks shift = std::numeric_limits<Ticks>::max();
      for (std::size_t t = 0; t < m; ++t) {
        const Insertion& ins = state->insertion[cell(candidates[c], t)];
        if (ins.feasible && ins.shift < shift) {
          shift = ins.shift;
          tour = static_cast<int>(t);
        }
      }
      if (tour < 0) continue;
      const auto v = static_cast<std::size_t>(candidates[c]);
      const double value = static_cast<double>(inst.value[v]);
      double ratio = (options.squared_value ? value * value : value) /
                     (static_cast<double>(std::max<Ticks>(shift, 0)) + 1.0);
      if (options.noise > 0) ratio *= 1.0 + options.noise * (2.0 * rng.UniformReal() - 1.0);
      // Mandatory visits come before everything else.
      if (inst.mandatory[v]) ratio += 1e30;
      if (ratio > best_ratio) {
        best_ratio = ratio;
        best_c = c;
        best_t = tour;
      }
    }
    if (best_t < 0) break;
    const int v = candidates[best_c];
    Route& route = state->routes[static_cast<std::size_t>(best_t)];
    const auto bt = static_cast<std::size_t>(best_t);
    const std::uint64_t old_version = route.version();
    route.Insert(v, state->insertion[cell(v, bt)].position);
    state->tour_of[static_cast<std::size_t>(v)] = best_t;
    candidates[best_c] = candidates.back();
    candidates.pop_back();
    // An insertion only consumes slack in its tour, so a candidate that did
    // not fit there before cannot fit now (up to truncation noise): its
    // "infeasible" entry stays valid for the new version.
    for (int c : candidates) {
      const std::size_t k = cell(c, bt);
      if (state->insertion_version[k] == old_version && !state->insertion[k].feasible) {
        state->insertion_version[k] = route.version();
      } else {
        refresh(c, bt);
      }
    }
    std::erase_if(candidates, [&](int c) { return !fits_somewhere(c); });
  }
}

}  // namespace ponte::itinerary::internal
