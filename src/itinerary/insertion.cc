// Greedy insertion with a cache of each candidate's best position per tour:
// after an insertion only the changed tour's column is re-evaluated.
#include <limits>

#include "itinerary/moves.h"

namespace ponte::itinerary::internal {

State State::Empty(const Instance& inst) {
  State s;
  for (int t = 0; t < inst.m; ++t) s.routes.emplace_back(inst, t);
  s.tour_of.assign(static_cast<std::size_t>(inst.n), -1);
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
  // cache[c * m + t]: best insertion of candidates[c] into tour t.
  std::vector<Insertion> cache(candidates.size() * m);
  auto refresh = [&](std::size_t c, int t) {
    const int v = candidates[c];
    cache[c * m + static_cast<std::size_t>(t)] =
        inst.Usable(t, v) ? state->routes[static_cast<std::size_t>(t)].BestInsertion(v)
                          : Insertion{};
  };
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    for (int t = 0; t < inst.m; ++t) refresh(c, t);
  }
  while (!candidates.empty()) {
    double best_ratio = -1;
    std::size_t best_c = 0;
    int best_t = -1;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      int tour = -1;
      Ticks shift = std::numeric_limits<Ticks>::max();
      for (std::size_t t = 0; t < m; ++t) {
        const Insertion& ins = cache[c * m + t];
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
    route.Insert(v, cache[best_c * m + static_cast<std::size_t>(best_t)].position);
    state->tour_of[static_cast<std::size_t>(v)] = best_t;
    // Drop the inserted candidate (swap with the last, cache rows too).
    const std::size_t last = candidates.size() - 1;
    candidates[best_c] = candidates[last];
    for (std::size_t t = 0; t < m; ++t) cache[best_c * m + t] = cache[last * m + t];
    candidates.pop_back();
    cache.resize(candidates.size() * m);
    // An insertion only consumes slack in its tour, so a candidate that did
    // not fit there before cannot fit now (up to truncation noise): skip it.
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (cache[c * m + static_cast<std::size_t>(best_t)].feasible) refresh(c, best_t);
    }
  }
}

}  // namespace ponte::itinerary::internal
