#include "itinerary/route.h"

#include <algorithm>
#include <limits>

namespace ponte::itinerary::internal {

Instance Instance::Build(const Problem& problem) {
  Instance inst;
  inst.n = static_cast<int>(problem.visits.size());
  inst.m = static_cast<int>(problem.tours.size());
  inst.nodes = inst.n + static_cast<int>(problem.bases.size());
  const auto matrix = TravelMatrix(problem);
  inst.travel.reserve(static_cast<std::size_t>(inst.nodes) * static_cast<std::size_t>(inst.nodes));
  for (const auto& row : matrix) inst.travel.insert(inst.travel.end(), row.begin(), row.end());
  for (int v = 0; v < inst.n; ++v) {
    const Visit& visit = problem.visits[static_cast<std::size_t>(v)];
    inst.windows.push_back(EffectiveWindows(problem, v));
    inst.service.push_back(visit.service);
    inst.value.push_back(visit.value);
    inst.mandatory.push_back(visit.mandatory ? 1 : 0);
  }
  for (int t = 0; t < inst.m; ++t) {
    const Tour& tour = problem.tours[static_cast<std::size_t>(t)];
    inst.start_node.push_back(BaseNode(problem, tour.start_base));
    inst.end_node.push_back(BaseNode(problem, tour.end_base));
    inst.tour_start.push_back(tour.start);
    inst.tour_end.push_back(tour.end);
  }
  inst.usable.assign(static_cast<std::size_t>(inst.m) * static_cast<std::size_t>(inst.n), 0);
  for (int t = 0; t < inst.m; ++t) {
    const auto ut = static_cast<std::size_t>(t);
    // A tour that cannot even go from its start base to its end base stays empty.
    if (inst.tour_start[ut] + inst.T(inst.start_node[ut], inst.end_node[ut]) > inst.tour_end[ut]) {
      continue;
    }
    for (int v = 0; v < inst.n; ++v) {
      if (!Compatible(problem, v, t)) continue;
      const Ticks arrive = inst.tour_start[static_cast<std::size_t>(t)] +
                           inst.T(inst.start_node[static_cast<std::size_t>(t)], v);
      const Ticks start = inst.EarliestStart(v, arrive);
      if (start < 0) continue;
      const Ticks back = start + inst.service[static_cast<std::size_t>(v)] +
                         inst.T(v, inst.end_node[static_cast<std::size_t>(t)]);
      if (back > inst.tour_end[static_cast<std::size_t>(t)]) continue;
      inst.usable[static_cast<std::size_t>(t) * static_cast<std::size_t>(inst.n) +
                  static_cast<std::size_t>(v)] = 1;
    }
  }
  return inst;
}

Ticks Instance::EarliestStart(int v, Ticks arrive) const {
  for (const TimeWindow& w : windows[static_cast<std::size_t>(v)]) {
    if (w.close >= arrive) return std::max(arrive, w.open);
  }
  return -1;
}

Ticks Instance::WindowClose(int v, Ticks start) const {
  for (const TimeWindow& w : windows[static_cast<std::size_t>(v)]) {
    if (w.close >= start) return w.close;
  }
  return start;
}

Route::Route(const Instance& inst, int tour) : inst_(&inst), tour_(tour) { Recompute(); }

bool Route::Simulate(const Instance& inst, int tour, const std::vector<int>& seq,
                     std::vector<Ticks>* arrive, std::vector<Ticks>* start, Ticks* end_arrive) {
  const auto t = static_cast<std::size_t>(tour);
  arrive->resize(seq.size());
  start->resize(seq.size());
  Ticks time = inst.tour_start[t];
  int prev = inst.start_node[t];
  for (std::size_t p = 0; p < seq.size(); ++p) {
    const int v = seq[p];
    const Ticks arr = time + inst.T(prev, v);
    const Ticks st = inst.EarliestStart(v, arr);
    if (st < 0) return false;
    (*arrive)[p] = arr;
    (*start)[p] = st;
    time = st + inst.service[static_cast<std::size_t>(v)];
    prev = v;
  }
  *end_arrive = time + inst.T(prev, inst.end_node[t]);
  return *end_arrive <= inst.tour_end[t];
}

bool Route::Recompute() {
  ++version_;
  const std::size_t len = seq_.size();
  if (!Simulate(*inst_, tour_, seq_, &arrive_, &start_, &end_arrive_)) {
    // Only an empty tour that cannot even go from base to base gets here
    // (moves never make a route infeasible): nothing fits into it.
    constexpr Ticks kNoRoom = std::numeric_limits<Ticks>::min() / 4;
    arrive_.assign(len, 0);
    start_.assign(len, 0);
    absorb_.assign(len + 1, kNoRoom);
    latest_.assign(len + 1, kNoRoom);
    travel_time_ = 0;
    value_ = 0;
    return false;
  }
  absorb_.resize(len + 1);
  absorb_[len] = inst_->tour_end[static_cast<std::size_t>(tour_)] - end_arrive_;
  travel_time_ = 0;
  value_ = 0;
  int prev = inst_->start_node[static_cast<std::size_t>(tour_)];
  for (std::size_t p = 0; p < len; ++p) {
    travel_time_ += inst_->T(prev, seq_[p]);
    value_ += inst_->value[static_cast<std::size_t>(seq_[p])];
    prev = seq_[p];
  }
  travel_time_ += inst_->T(prev, inst_->end_node[static_cast<std::size_t>(tour_)]);
  for (std::size_t p = len; p-- > 0;) {
    const Ticks wait = start_[p] - arrive_[p];
    const Ticks room = inst_->WindowClose(seq_[p], start_[p]) - start_[p];
    absorb_[p] = wait + std::min(room, absorb_[p + 1]);
  }
  latest_.resize(len + 1);
  for (std::size_t p = 0; p < len; ++p) latest_[p] = arrive_[p] + absorb_[p];
  latest_[len] = end_arrive_ + absorb_[len];
  return true;
}

// Puts `v` at position `p`, followed by the stop that is now at `p + skip`
// (skip = 0: an insertion; skip = 1: `v` replaces the visit at `p`).
Insertion Route::EvaluateBefore(int v, int p, int skip) const {
  const auto t = static_cast<std::size_t>(tour_);
  const auto up = static_cast<std::size_t>(p);
  const int prev = p == 0 ? inst_->start_node[t] : seq_[up - 1];
  const Ticks prev_leave =
      p == 0 ? inst_->tour_start[t]
             : start_[up - 1] + inst_->service[static_cast<std::size_t>(seq_[up - 1])];
  const Ticks arr = prev_leave + inst_->T(prev, v);
  const Ticks st = inst_->EarliestStart(v, arr);
  if (st < 0) return {};
  const int after = p + skip;
  const auto uafter = static_cast<std::size_t>(after);
  const int next = after == size() ? inst_->end_node[t] : seq_[uafter];
  const Ticks old_next = after == size() ? end_arrive_ : arrive_[uafter];
  const Ticks shift =
      st + inst_->service[static_cast<std::size_t>(v)] + inst_->T(v, next) - old_next;
  if (shift > absorb_[uafter]) return {};
  return {true, p, shift};
}

Insertion Route::EvaluateAt(int v, int p) const { return EvaluateBefore(v, p, 0); }

Insertion Route::EvaluateReplace(int v, int p) const { return EvaluateBefore(v, p, 1); }

int Route::FirstUsefulPosition(int v) const {
  // latest_ never decreases along the route, and a visit needs its service
  // done before the next stop's latest arrival.
  const Ticks need = inst_->windows[static_cast<std::size_t>(v)].front().open +
                     inst_->service[static_cast<std::size_t>(v)];
  return static_cast<int>(std::lower_bound(latest_.begin(), latest_.end(), need) - latest_.begin());
}

Insertion Route::BestInsertion(int v) const {
  Insertion best;
  best.shift = std::numeric_limits<Ticks>::max();
  const Ticks last_close = inst_->windows[static_cast<std::size_t>(v)].back().close;
  for (int p = FirstUsefulPosition(v); p <= size(); ++p) {
    // Departures only get later along the route: past the last window, stop.
    if (p > 0 && start_[static_cast<std::size_t>(p - 1)] > last_close) break;
    const Insertion ins = EvaluateAt(v, p);
    if (ins.feasible && ins.shift < best.shift) best = ins;
  }
  return best.feasible ? best : Insertion{};
}

void Route::Insert(int v, int p) {
  seq_.insert(seq_.begin() + p, v);
  Recompute();
}

void Route::Replace(int v, int p) {
  seq_[static_cast<std::size_t>(p)] = v;
  Recompute();
}

bool Route::Erase(int p) {
  const int v = seq_[static_cast<std::size_t>(p)];
  seq_.erase(seq_.begin() + p);
  // Truncated distances may break the triangle inequality by a tick, so a
  // removal can (rarely) make the rest late: then undo it.
  if (Recompute()) return true;
  seq_.insert(seq_.begin() + p, v);
  Recompute();
  return false;
}

bool Route::Assign(const std::vector<int>& seq) {
  std::vector<Ticks> arrive, start;
  Ticks end_arrive = 0;
  if (!Simulate(*inst_, tour_, seq, &arrive, &start, &end_arrive)) return false;
  seq_ = seq;
  Recompute();
  return true;
}

}  // namespace ponte::itinerary::internal
