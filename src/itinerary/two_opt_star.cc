// 2-opt* between two tours: swap their tails (A = a1..ai | tail A, B = b1..bj |
// tail B becomes a1..ai + tail B and b1..bj + tail A) when that shortens the
// total travel time and both tours stay feasible. Frees time for insertions
// when m >= 2; tours must share their end base for the tails to be swappable.
#include <vector>

#include "itinerary/moves.h"

namespace ponte::itinerary::internal {
namespace {

int NodeOr(const std::vector<int>& seq, int p, int base) {
  return p < static_cast<int>(seq.size()) ? seq[static_cast<std::size_t>(p)] : base;
}

bool TryTwoOptStarOnce(const Instance& inst, Route* a, Route* b) {
  const auto ta = static_cast<std::size_t>(a->tour());
  const auto tb = static_cast<std::size_t>(b->tour());
  if (inst.end_node[ta] != inst.end_node[tb]) return false;
  const int end = inst.end_node[ta];
  const std::vector<int>& sa = a->seq();
  const std::vector<int>& sb = b->seq();
  // Cut after position i of A (i = -1: before the first visit) and j of B.
  for (int i = -1; i < a->size(); ++i) {
    const int a_last = i < 0 ? inst.start_node[ta] : sa[static_cast<std::size_t>(i)];
    const int a_next = NodeOr(sa, i + 1, end);
    for (int j = -1; j < b->size(); ++j) {
      if (i + 1 == a->size() && j + 1 == b->size()) continue;  // both tails empty
      const int b_last = j < 0 ? inst.start_node[tb] : sb[static_cast<std::size_t>(j)];
      const int b_next = NodeOr(sb, j + 1, end);
      const Ticks before = inst.T(a_last, a_next) + inst.T(b_last, b_next);
      const Ticks after = inst.T(a_last, b_next) + inst.T(b_last, a_next);
      if (after >= before) continue;
      // Tails only move to tours their visits may use (regions).
      bool allowed = true;
      for (std::size_t k = static_cast<std::size_t>(i + 1); k < sa.size() && allowed; ++k) {
        allowed = inst.Usable(b->tour(), sa[k]);
      }
      for (std::size_t k = static_cast<std::size_t>(j + 1); k < sb.size() && allowed; ++k) {
        allowed = inst.Usable(a->tour(), sb[k]);
      }
      if (!allowed) continue;
      std::vector<int> na(sa.begin(), sa.begin() + (i + 1));
      na.insert(na.end(), sb.begin() + (j + 1), sb.end());
      std::vector<int> nb(sb.begin(), sb.begin() + (j + 1));
      nb.insert(nb.end(), sa.begin() + (i + 1), sa.end());
      Route trial_a = *a;
      if (!trial_a.Assign(na)) continue;
      Route trial_b = *b;
      if (!trial_b.Assign(nb)) continue;
      *a = std::move(trial_a);
      *b = std::move(trial_b);
      return true;
    }
  }
  return false;
}

}  // namespace

bool ExchangeTails(const Instance& inst, State* state) {
  bool improved = false;
  for (std::size_t x = 0; x < state->routes.size(); ++x) {
    for (std::size_t y = x + 1; y < state->routes.size(); ++y) {
      Route& a = state->routes[x];
      Route& b = state->routes[y];
      if (TryTwoOptStarOnce(inst, &a, &b)) {
        improved = true;
        for (int v : a.seq()) state->tour_of[static_cast<std::size_t>(v)] = a.tour();
        for (int v : b.seq()) state->tour_of[static_cast<std::size_t>(v)] = b.tour();
      }
    }
  }
  return improved;
}

}  // namespace ponte::itinerary::internal
