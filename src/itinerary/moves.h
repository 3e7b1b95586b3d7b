// Solver internals (not part of the public API): the search state and the
// moves the LNS combines. One move per file: insertion.cc, removal.cc,
// replace.cc.
//
//   State s = State::Empty(inst);
//   GreedyInsert(inst, {.noise = 0.2}, rng, &s);   // fill
//   RemoveRelated(inst, 5, rng, &s);                // destroy
//
// Every move keeps every route feasible (Route enforces it). Not thread-safe.
#pragma once

#include <vector>

#include "core/rng.h"
#include "itinerary/route.h"

namespace ponte::itinerary::internal {

struct State {
  std::vector<Route> routes;
  std::vector<int> tour_of;  // per visit: its tour, or -1 if unrouted
  // Best insertion of visit v into tour t at [v * m + t], valid while
  // insertion_version matches the route's version (GreedyInsert's cache).
  std::vector<Insertion> insertion;
  std::vector<std::uint64_t> insertion_version;

  static State Empty(const Instance& inst);
  Value value() const;
  Ticks travel_time() const;
  int routed() const;
  // (value, -travel) lexicographic: more value, then less travel.
  bool BetterThan(const State& other) const;
  // Removes the visit at position `p` of tour `t` unless it is mandatory or
  // its removal is infeasible; returns whether it was removed.
  bool TryRemove(const Instance& inst, int t, int p);
};

struct InsertOptions {
  double noise = 0;           // ratio multiplied by 1 + noise * U(-1, 1)
  bool squared_value = true;  // value^2 / shift (Vansteenwegen) or value / shift
  // Visits with blocked[v] != 0 are not inserted (empty: none blocked); the
  // LNS blocks the visits it just removed for one pass, to move elsewhere.
  const std::vector<char>* blocked = nullptr;
};

// Inserts unrouted visits one at a time, best ratio first (mandatory visits
// before all others), each at its cheapest feasible position, until none fits.
void GreedyInsert(const Instance& inst, const InsertOptions& options, Rng& rng, State* state);

// Destroy moves: each removes up to `count` non-mandatory visits.
void RemoveRandom(const Instance& inst, int count, Rng& rng, State* state);
// A run of consecutive visits of one tour.
void RemoveSegment(const Instance& inst, int count, Rng& rng, State* state);
// Visits close in space and time to a random seed visit (Shaw removal).
void RemoveRelated(const Instance& inst, int count, Rng& rng, State* state);
// Visits that bring the least value for the time they take.
void RemoveWorst(const Instance& inst, int count, Rng& rng, State* state);

// Replacement: swaps one planned visit for an unplanned one of higher value
// (in the freed place or anywhere else in that tour). Applies the best swap
// found; returns whether the value grew.
bool ImproveByReplacement(const Instance& inst, State* state);

// Or-opt and 2-opt inside each tour, first improvement, while they shorten
// the travel time without breaking a window (or_opt.cc). Returns whether any
// tour got shorter.
bool ShortenTours(const Instance& inst, State* state);

// 2-opt* between each pair of tours: one tail exchange per pair when it
// shortens travel and keeps both feasible (two_opt_star.cc).
bool ExchangeTails(const Instance& inst, State* state);

}  // namespace ponte::itinerary::internal
