#include "schedule/exact_search.h"

#include <algorithm>

namespace ponte::schedule {
namespace {

constexpr long kNeighbourhoodConflicts = 1000;
constexpr double kMinShare = 0.1;
constexpr double kMaxShare = 0.8;
// Smallest share of the core step's budget the neighbourhood steps get.
constexpr double kMinNeighbourhoodWeight = 1.0 / 16;

std::size_t Idx(int i) { return static_cast<std::size_t>(i); }

}  // namespace

int ExactSearch::BreaksOf(const Solution& solution) {
  tt_.Load(solution);
  return tt_.cost().breaks;
}

std::vector<std::pair<MeetingIndex, SlotIndex>> ExactSearch::Neighbourhood(const Solution& current,
                                                                           double share) {
  const int meetings = static_cast<int>(problem_.meetings.size());
  const int target = std::max(2, static_cast<int>(share * meetings));
  std::vector<char> free(Idx(meetings), 0);
  int freed = 0;
  const Domains& domains = tt_.domains();
  const std::uint64_t kind = rng_.Index(3);
  if (kind == 0) {
    // Participants with breaks, then their partners, breadth first.
    tt_.Load(current);
    std::vector<ParticipantIndex> queue;
    std::vector<char> seen(problem_.participants.size(), 0);
    std::vector<ParticipantIndex> with_breaks;
    for (std::size_t p = 0; p < problem_.participants.size(); ++p) {
      if (tt_.breaks_of(static_cast<ParticipantIndex>(p)) > 0) {
        with_breaks.push_back(static_cast<ParticipantIndex>(p));
      }
    }
    if (with_breaks.empty())
      with_breaks.push_back(
          static_cast<ParticipantIndex>(rng_.Index(problem_.participants.size())));
    rng_.Shuffle(with_breaks);
    queue.push_back(with_breaks.front());
    seen[Idx(with_breaks.front())] = 1;
    for (std::size_t head = 0; head < queue.size() && freed < target; ++head) {
      std::vector<MeetingIndex> mine = domains.meetings_of[Idx(queue[head])];
      rng_.Shuffle(mine);
      for (MeetingIndex m : mine) {
        if (!free[Idx(m)]) {
          free[Idx(m)] = 1;
          ++freed;
        }
        const Meeting& meeting = problem_.meetings[Idx(m)];
        for (ParticipantIndex other : {meeting.a, meeting.b}) {
          if (!seen[Idx(other)]) {
            seen[Idx(other)] = 1;
            queue.push_back(other);
          }
        }
      }
      if (head + 1 == queue.size() && freed < target && with_breaks.size() > 1) {
        const ParticipantIndex next = with_breaks[rng_.Index(with_breaks.size())];
        if (!seen[Idx(next)]) {
          seen[Idx(next)] = 1;
          queue.push_back(next);
        }
      }
    }
  } else if (kind == 1) {
    // A window of consecutive slots.
    const int slots = static_cast<int>(problem_.slots.size());
    const int width = std::max(2, static_cast<int>(share * slots + 0.5));
    const auto first = static_cast<SlotIndex>(rng_.Index(Idx(std::max(1, slots - width + 1))));
    for (int m = 0; m < meetings; ++m) {
      const SlotIndex t = current.meetings[Idx(m)].slot;
      if (t >= first && t < first + width) free[Idx(m)] = 1;
    }
  } else {
    for (int m = 0; m < meetings; ++m) free[Idx(m)] = rng_.Bernoulli(share) ? 1 : 0;
  }
  std::vector<std::pair<MeetingIndex, SlotIndex>> fixed;
  for (int m = 0; m < meetings; ++m) {
    const SlotIndex t = current.meetings[Idx(m)].slot;
    if (!free[Idx(m)] && t != kUnscheduled) fixed.emplace_back(m, t);
  }
  return fixed;
}

bool ExactSearch::Round(Solution* best, int* best_breaks, int* lower_bound) {
  int& ub = *best_breaks;
  int& lb = *lower_bound;
  if (ub < 0) {
    // No complete schedule yet: finding one comes first, for as long as it takes.
    const SatModel::Answer answer = model_.Solve(-1, {}, -1);
    if (answer == SatModel::Answer::kUnsat) return false;
    if (answer == SatModel::Answer::kUnknown) {
      lb_conflicts_ += lb_conflicts_ / 2;
      return true;
    }
    *best = model_.Extract();
    ub = BreaksOf(*best);
  }
  lb = std::max(lb, model_.core_bound());
  if (lb >= ub || deadline_.Expired()) return true;
  // Core-guided step: every participant at its bound; a core raises the bound by one.
  const SatModel::Answer answer = model_.SolveCores(lb_conflicts_);
  if (answer == SatModel::Answer::kSat) {
    *best = model_.Extract();
    ub = BreaksOf(*best);
    lb = std::max(lb, model_.core_bound());
    return true;
  }
  if (answer == SatModel::Answer::kUnsat) {
    if (!model_.BoundUsed()) return false;
    lb = std::max(lb, model_.core_bound());
    return true;
  }
  lb_conflicts_ += lb_conflicts_ / 2;
  // Large-neighbourhood steps: keep most of the best schedule, ask for one break fewer.
  // As many as the core-guided step's conflict budget pays for: most end
  // quickly (no better schedule in the neighbourhood), so two per round starved them.
  // A round whose steps found nothing halves the next round's share (the best
  // may well be optimal already, e.g. tic-13crafc, and then only the bound moves).
  const long steps =
      std::max(1L, static_cast<long>(static_cast<double>(lb_conflicts_ / kNeighbourhoodConflicts) *
                                     neighbourhood_weight_));
  const int ub_before = ub;
  for (long step = 0; step < steps && lb < ub && !deadline_.Expired(); ++step) {
    const auto fixed = Neighbourhood(*best, share_);
    const SatModel::Answer local = model_.Solve(ub - 1, fixed, kNeighbourhoodConflicts);
    if (local == SatModel::Answer::kSat) {
      *best = model_.Extract();
      ub = BreaksOf(*best);
    } else if (local == SatModel::Answer::kUnsat) {
      share_ = std::min(kMaxShare, share_ * 1.2);
    } else {
      share_ = std::max(kMinShare, share_ / 1.2);
    }
  }
  neighbourhood_weight_ =
      ub < ub_before ? 1.0 : std::max(kMinNeighbourhoodWeight, neighbourhood_weight_ / 2);
  return true;
}

ExactSearch::Outcome ExactSearch::Run(const Solution& start, int start_breaks,
                                      const std::function<void(int, int)>& on_bounds) {
  Outcome out;
  Solution best = start;
  int ub = start_breaks;
  int lb = 0;
  if (ub >= 0) out.best = best;
  while ((ub < 0 || lb < ub) && !deadline_.Expired()) {
    if (!Round(&best, &ub, &lb)) {
      out.infeasible = true;
      return out;
    }
    if (ub >= 0) out.best = best;
    if (on_bounds) on_bounds(lb, ub);
  }
  out.lower_bound = lb;
  out.optimal = ub >= 0 && lb >= ub;
  return out;
}

}  // namespace ponte::schedule
