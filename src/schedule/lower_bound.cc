#include "schedule/lower_bound.h"

#include <algorithm>
#include <cstdint>

namespace ponte::schedule {
namespace {

// Runs tried per participant; a participant that needs more gets this many breaks as its bound.
constexpr int kMaxRuns = 4;
// Busy-slot sets examined per participant before giving up on a tighter bound.
constexpr long kLeafBudget = 20'000;

using Mask = std::uint64_t;

std::size_t Idx(int i) { return static_cast<std::size_t>(i); }

bool Included(const Problem& problem, const std::vector<char>& include, MeetingIndex m) {
  return !problem.meetings[Idx(m)].cancelled && (include.empty() || include[Idx(m)]);
}

// Enumerates the sets of `runs` separated intervals of total length `length`
// inside `usable` and asks for a perfect matching of the meetings into one.
class RunSearch {
 public:
  RunSearch(std::vector<Mask> meetings, Mask usable, int width)
      : meetings_(std::move(meetings)), usable_(usable), width_(width) {}

  // 1: some set with `runs` runs works; 0: none; -1: budget exhausted.
  int Fits(int runs) {
    exhausted_ = false;
    const bool found = Place(runs, 0, static_cast<int>(meetings_.size()), 0);
    if (found) return 1;
    return exhausted_ ? -1 : 0;
  }

 private:
  bool Place(int runs, int from, int length, Mask chosen) {
    if (exhausted_) return false;
    if (runs == 0) {
      if (length != 0) return false;
      if (++leaves_ > kLeafBudget) {
        exhausted_ = true;
        return false;
      }
      return Matches(chosen);
    }
    for (int start = from; start < width_; ++start) {
      Mask run = 0;
      for (int len = 1; len <= length - (runs - 1) && start + len <= width_; ++len) {
        const Mask bit = Mask{1} << (start + len - 1);
        if ((usable_ & bit) == 0) break;
        run |= bit;
        if (Place(runs - 1, start + len + 1, length - len, chosen | run)) return true;
        if (exhausted_) return false;
      }
    }
    return false;
  }

  // Kuhn's augmenting paths: every meeting gets its own slot of `slots`.
  bool Matches(Mask slots) {
    owner_.assign(Idx(width_), -1);
    for (std::size_t m = 0; m < meetings_.size(); ++m) {
      visited_ = 0;
      if (!Augment(static_cast<int>(m), slots)) return false;
    }
    return true;
  }
  bool Augment(int m, Mask slots) {
    const Mask options = meetings_[Idx(m)] & slots & ~visited_;
    for (int t = 0; t < width_; ++t) {
      const Mask bit = Mask{1} << t;
      if ((options & bit) == 0 || (visited_ & bit) != 0) continue;
      visited_ |= bit;
      if (owner_[Idx(t)] < 0 || Augment(owner_[Idx(t)], slots)) {
        owner_[Idx(t)] = m;
        return true;
      }
    }
    return false;
  }

  std::vector<Mask> meetings_;
  Mask usable_;
  int width_;
  long leaves_ = 0;
  bool exhausted_ = false;
  std::vector<int> owner_;
  Mask visited_ = 0;
};

}  // namespace

std::vector<int> ParticipantBreakBounds(const Problem& problem, const Domains& domains,
                                        const std::vector<char>& include) {
  const std::size_t slot_count = problem.slots.size();
  std::vector<int> bounds(problem.participants.size(), 0);
  for (std::size_t p = 0; p < problem.participants.size(); ++p) {
    std::vector<MeetingIndex> mine;
    for (MeetingIndex m : domains.meetings_of[p]) {
      if (Included(problem, include, m)) mine.push_back(m);
    }
    if (mine.size() < 2) continue;
    // All of p's meetings must be confined to one day of at most 64 slots.
    int first = -1;
    int last = -1;
    for (MeetingIndex m : mine) {
      for (std::size_t t = 0; t < slot_count; ++t) {
        if (!domains.allowed[Idx(m)][t]) continue;
        if (first < 0 || static_cast<int>(t) < first) first = static_cast<int>(t);
        last = std::max(last, static_cast<int>(t));
      }
    }
    if (first < 0) continue;  // a meeting without slots: the feasibility check reports it
    if (domains.day_of_slot[Idx(first)] != domains.day_of_slot[Idx(last)]) continue;
    const int width = last - first + 1;
    if (width > 64 || static_cast<int>(mine.size()) > width) continue;
    std::vector<Mask> masks;
    Mask usable = 0;
    for (MeetingIndex m : mine) {
      Mask mask = 0;
      for (int t = first; t <= last; ++t) {
        if (domains.allowed[Idx(m)][Idx(t)]) mask |= Mask{1} << (t - first);
      }
      masks.push_back(mask);
      usable |= mask;
    }
    RunSearch search(std::move(masks), usable, width);
    int runs = 1;
    for (; runs <= kMaxRuns; ++runs) {
      const int fits = search.Fits(runs);
      if (fits != 0) break;  // fits, or unknown: p may manage with `runs` runs
    }
    bounds[p] = runs - 1;
  }
  return bounds;
}

void RaiseForFairness(const Problem& problem, const Domains& domains,
                      const std::vector<char>& include, int fairness, std::vector<int>* bounds) {
  const int most = bounds->empty() ? 0 : *std::max_element(bounds->begin(), bounds->end());
  const int floor = most - fairness;
  if (floor <= 0) return;
  for (std::size_t p = 0; p < bounds->size(); ++p) {
    int count = 0;
    for (MeetingIndex m : domains.meetings_of[p]) count += Included(problem, include, m) ? 1 : 0;
    if (count >= 2) (*bounds)[p] = std::max((*bounds)[p], floor);
  }
}

}  // namespace ponte::schedule
