// Solver internals (not part of the public API): the precomputed instance and
// one tour with its time-window slack bookkeeping.
//
//   Instance inst = Instance::Build(problem);
//   Route r(inst, /*tour=*/0);
//   Insertion ins = r.BestInsertion(visit);      // O(length) with O(1) checks
//   if (ins.feasible) r.Insert(visit, ins.position);
//
// For each position p the route keeps `absorb[p]`: how much later the team may
// arrive there without breaking any later window or the tour's end (wait +
// maxShift of Vansteenwegen et al. 2009). With several windows per visit the
// bound is conservative: a visit never moves into a later window by a shift.
// Not thread-safe; cheap to copy.
#pragma once

#include <cstdint>
#include <vector>

#include "itinerary/problem.h"

namespace ponte::itinerary::internal {

struct Instance {
  int n = 0;  // visits
  int m = 0;  // tours
  int nodes = 0;
  std::vector<Ticks> travel;  // nodes x nodes, row-major
  std::vector<std::vector<TimeWindow>> windows;
  std::vector<Ticks> service;
  std::vector<Value> value;
  std::vector<char> mandatory;
  std::vector<int> start_node, end_node;  // per tour
  std::vector<Ticks> tour_start, tour_end;
  // usable[t * n + v]: v is compatible with t and fits alone in t's budget.
  std::vector<char> usable;

  static Instance Build(const Problem& problem);
  Ticks T(int a, int b) const {
    return travel[static_cast<std::size_t>(a) * static_cast<std::size_t>(nodes) +
                  static_cast<std::size_t>(b)];
  }
  bool Usable(int tour, int v) const {
    return usable[static_cast<std::size_t>(tour) * static_cast<std::size_t>(n) +
                  static_cast<std::size_t>(v)] != 0;
  }
  // Earliest service start at or after `arrive`, or -1 if every window closed.
  Ticks EarliestStart(int v, Ticks arrive) const;
  // Close of the window that contains `start` (for the slack bound).
  Ticks WindowClose(int v, Ticks start) const;
};

struct Insertion {
  bool feasible = false;
  int position = 0;  // insert before seq[position] (== length: before the end base)
  Ticks shift = 0;   // delay caused at the next stop
};

class Route {
 public:
  Route(const Instance& inst, int tour);

  int tour() const { return tour_; }
  const std::vector<int>& seq() const { return seq_; }
  int size() const { return static_cast<int>(seq_.size()); }
  Ticks arrive(int p) const { return arrive_[static_cast<std::size_t>(p)]; }
  Ticks start(int p) const { return start_[static_cast<std::size_t>(p)]; }
  Ticks end_arrive() const { return end_arrive_; }
  Ticks travel_time() const { return travel_time_; }
  Value value() const { return value_; }
  // Changes with every modification (never repeats along one copy's history),
  // so cached insertions into this route can tell they are stale.
  std::uint64_t version() const { return version_; }

  // Feasibility and shift of inserting `v` before position `p`.
  Insertion EvaluateAt(int v, int p) const;
  // Feasibility and shift (at the following stop) of putting `v` in place of
  // the visit at position `p`.
  Insertion EvaluateReplace(int v, int p) const;
  // The feasible position with the smallest shift (ties: earliest position).
  Insertion BestInsertion(int v) const;
  // No insertion (or replacement at p - 1) before this position can fit `v`.
  int FirstUsefulPosition(int v) const;
  void Insert(int v, int p);
  // Replaces the visit at `p` by `v`; requires EvaluateReplace(v, p).feasible.
  void Replace(int v, int p);
  // Removes the visit at `p`; false (route unchanged) in the rare case that
  // the shortcut is longer than the detour (truncated distances).
  bool Erase(int p);
  // Replaces the whole sequence; returns false (and leaves the route
  // unchanged) if the new order is infeasible.
  bool Assign(const std::vector<int>& seq);

 private:
  Insertion EvaluateBefore(int v, int p, int skip) const;
  // Recomputes times and slack; returns false if infeasible.
  bool Recompute();
  static bool Simulate(const Instance& inst, int tour, const std::vector<int>& seq,
                       std::vector<Ticks>* arrive, std::vector<Ticks>* start, Ticks* end_arrive);

  const Instance* inst_;
  int tour_;
  std::vector<int> seq_;
  std::vector<Ticks> arrive_, start_, absorb_;  // absorb_ has size()+1 entries
  std::vector<Ticks> latest_;                   // arrive_ + absorb_, end included
  Ticks end_arrive_ = 0;
  Ticks travel_time_ = 0;
  Value value_ = 0;
  std::uint64_t version_ = 0;
};

}  // namespace ponte::itinerary::internal
