// Or-opt inside one tour: move a run of 1..kMaxRun consecutive visits to
// another place in the same tour when that shortens the travel time and keeps
// every window (checked by re-simulating the tour only for shortening moves).
#include <algorithm>

#include "itinerary/moves.h"

namespace ponte::itinerary::internal {
namespace {

constexpr int kMaxRun = 3;

// Node at position p of `seq` with the bases at -1 and seq.size().
int NodeAt(const Instance& inst, int tour, const std::vector<int>& seq, int p) {
  if (p < 0) return inst.start_node[static_cast<std::size_t>(tour)];
  if (p >= static_cast<int>(seq.size())) return inst.end_node[static_cast<std::size_t>(tour)];
  return seq[static_cast<std::size_t>(p)];
}

bool TryOrOptOnce(const Instance& inst, Route* route) {
  const std::vector<int>& seq = route->seq();
  const int len = route->size();
  const int t = route->tour();
  for (int run = 1; run <= kMaxRun && run < len; ++run) {
    for (int from = 0; from + run <= len; ++from) {
      const int first = seq[static_cast<std::size_t>(from)];
      const int last = seq[static_cast<std::size_t>(from + run - 1)];
      const int before = NodeAt(inst, t, seq, from - 1);
      const int after = NodeAt(inst, t, seq, from + run);
      const Ticks removed_gain =
          inst.T(before, first) + inst.T(last, after) - inst.T(before, after);
      // Insert between positions q-1 and q of the sequence without the run.
      for (int q = 0; q <= len; ++q) {
        if (q >= from && q <= from + run) continue;
        const int a = NodeAt(inst, t, seq, q - 1);
        const int b = NodeAt(inst, t, seq, q);
        const Ticks added = inst.T(a, first) + inst.T(last, b) - inst.T(a, b);
        if (added >= removed_gain) continue;
        std::vector<int> moved;
        moved.reserve(seq.size());
        for (int p = 0; p <= len; ++p) {
          if (p == q) {
            for (int k = from; k < from + run; ++k)
              moved.push_back(seq[static_cast<std::size_t>(k)]);
          }
          if (p < len && (p < from || p >= from + run))
            moved.push_back(seq[static_cast<std::size_t>(p)]);
        }
        if (route->Assign(moved)) return true;
      }
    }
  }
  return false;
}

bool TryTwoOptOnce(const Instance& inst, Route* route) {
  const std::vector<int>& seq = route->seq();
  const int len = route->size();
  const int t = route->tour();
  for (int i = 0; i + 1 < len; ++i) {
    for (int j = i + 1; j < len; ++j) {
      // Reverse seq[i..j]; travel inside the run may differ if asymmetric.
      const int a = NodeAt(inst, t, seq, i - 1);
      const int b = NodeAt(inst, t, seq, j + 1);
      Ticks before =
          inst.T(a, seq[static_cast<std::size_t>(i)]) + inst.T(seq[static_cast<std::size_t>(j)], b);
      Ticks after =
          inst.T(a, seq[static_cast<std::size_t>(j)]) + inst.T(seq[static_cast<std::size_t>(i)], b);
      for (int k = i; k < j; ++k) {
        before += inst.T(seq[static_cast<std::size_t>(k)], seq[static_cast<std::size_t>(k + 1)]);
        after += inst.T(seq[static_cast<std::size_t>(k + 1)], seq[static_cast<std::size_t>(k)]);
      }
      if (after >= before) continue;
      std::vector<int> reversed = seq;
      std::reverse(reversed.begin() + i, reversed.begin() + j + 1);
      if (route->Assign(reversed)) return true;
    }
  }
  return false;
}

}  // namespace

bool ShortenTours(const Instance& inst, State* state) {
  bool improved = false;
  for (Route& route : state->routes) {
    while (TryOrOptOnce(inst, &route) || TryTwoOptOnce(inst, &route)) improved = true;
  }
  return improved;
}

}  // namespace ponte::itinerary::internal
