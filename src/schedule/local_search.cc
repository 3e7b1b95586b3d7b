#include "schedule/local_search.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "schedule/moves.h"

namespace ponte::schedule {
namespace {

constexpr double kStartTemperature = 0.6;
constexpr double kEndTemperature = 0.05;
constexpr int kDeadlineCheckEvery = 256;
// Weight of an idle slot inside a day span relative to a break in the
// annealing energy, and share of the moves aimed at a participant with a
// break. Two settings, measured: small events (the JAIR instances, <= 302
// meetings) do best with 0.15 and 80 % (CPU median over the 20 originals
// 0.83 s against 1.49 s with the large setting); large ones with 0.5 and
// 60 % (6,000 meetings in 10 s: ~30 breaks with the small setting, 3-5 with
// this one) -- a gap that shrinks is progress while the break remains, and
// random moves keep a big search moving.
constexpr double kIdleWeight = 0.15;
constexpr double kTargetShare = 0.8;
constexpr double kLargeIdleWeight = 0.5;
constexpr double kLargeTargetShare = 0.6;
// Share of the aimed moves that pull the first or last meeting of one of the
// participant's days (that shortens a span without opening a new gap).
constexpr double kEndShare = 0.5;
constexpr bool kGroupByParticipant = true;
// Small events (the JAIR instances) let the annealing overfill a slot's
// tables at this price per meeting above them (a break costs 1), and aim this
// share of the moves, while a slot is overfilled, at taking a meeting out of
// it. Full middle slots are what keeps forum-13crafb and ticf-13crafb above
// their optimum (without the tables the local search reaches 2-6 breaks):
// passing through overfilled schedules, 5 s of Solve end at 7.8 and 6.0
// breaks instead of 10.5 and 8.2 (means over seeds 1-6, with solve.cc's longer
// slices). Measured 1.5 against 0.3 (never fits), 1.0, 2.0 and adaptive weights.
constexpr double kOverflowWeight = 1.5;
constexpr double kOverflowShare = 0.3;
// Share of the table-slots the meetings fill from which the tables count as
// tight (as in solve.cc) and stay hard.
constexpr double kTightTables = 0.8;
// Iterations from the start to the end temperature; then the search reheats.
// Large events cool more slowly (per meeting), up to a cap; the JAIR
// instances (<= 302 meetings) keep the minimum. 1,000 per meeting, measured
// with the pre-evaluation: 6,000 meetings optimal after 5.2-8.5 s of CPU
// (seeds 1-3) against 10.2-12.2 s with 1,300.
constexpr std::int64_t kCoolingCycle = 400'000;
constexpr std::int64_t kCoolingPerMeeting = 1'000;
constexpr std::int64_t kMaxCoolingCycle = 8'000'000;

std::size_t Idx(int i) { return static_cast<std::size_t>(i); }

int Adjacent(const Timetable& tt, ParticipantIndex p, SlotIndex t) {
  int n = 0;
  const auto& days = tt.domains().day_of_slot;
  if (t > 0 && days[Idx(t - 1)] == days[Idx(t)] && tt.at(p, t - 1) != -1) ++n;
  if (t + 1 < tt.slot_count() && days[Idx(t + 1)] == days[Idx(t)] && tt.at(p, t + 1) != -1) ++n;
  return n;
}

// The meetings fill most table-slots (forumt-14, tic-13crafc): overfilled
// schedules are then most of the space, and soft tables slowed these down
// (forumt-14: 0.01 s to 1.3 s; tic-13crafc: 5 breaks instead of 4 after 2M
// iterations).
bool TablesAreTight(const Timetable& tt) {
  std::int64_t capacity = 0;
  for (SlotIndex t = 0; t < tt.slot_count(); ++t) capacity += tt.capacity(t);
  std::int64_t meetings = 0;
  for (const Meeting& meeting : tt.problem().meetings) meetings += meeting.cancelled ? 0 : 1;
  return static_cast<double>(meetings) >= kTightTables * static_cast<double>(capacity);
}

// Extended cost for repair: moved meetings rank between fairness and breaks.
struct Score {
  Cost cost;
  int moved = 0;
  friend bool operator<(const Score& x, const Score& y) {
    if (x.cost.unscheduled_weight != y.cost.unscheduled_weight) {
      return x.cost.unscheduled_weight < y.cost.unscheduled_weight;
    }
    if (x.cost.fairness_excess != y.cost.fairness_excess) {
      return x.cost.fairness_excess < y.cost.fairness_excess;
    }
    if (x.moved != y.moved) return x.moved < y.moved;
    return x.cost.breaks < y.cost.breaks;
  }
};

}  // namespace

void Construct(Timetable& tt, Rng& rng) {
  const Problem& problem = tt.problem();
  const Domains& domains = tt.domains();
  const int meetings = tt.meeting_count();
  std::vector<int> freedom(Idx(meetings), 0);
  std::vector<int> degree(Idx(meetings), 0);
  for (int m = 0; m < meetings; ++m) {
    for (char allowed : domains.allowed[Idx(m)]) freedom[Idx(m)] += allowed ? 1 : 0;
    const Meeting& meeting = problem.meetings[Idx(m)];
    degree[Idx(m)] = static_cast<int>(domains.meetings_of[Idx(meeting.a)].size() +
                                      domains.meetings_of[Idx(meeting.b)].size());
  }
  std::vector<MeetingIndex> order(Idx(meetings));
  std::iota(order.begin(), order.end(), 0);
  rng.Shuffle(order);
  std::stable_sort(order.begin(), order.end(), [&](MeetingIndex x, MeetingIndex y) {
    if (freedom[Idx(x)] != freedom[Idx(y)]) return freedom[Idx(x)] < freedom[Idx(y)];
    return degree[Idx(x)] > degree[Idx(y)];
  });
  if (kGroupByParticipant) {
    // Busiest participants first, each with all its meetings in a row, so the
    // adjacency term can build one block per participant.
    std::vector<ParticipantIndex> people(problem.participants.size());
    std::iota(people.begin(), people.end(), 0);
    std::stable_sort(people.begin(), people.end(), [&](ParticipantIndex x, ParticipantIndex y) {
      return domains.meetings_of[Idx(x)].size() > domains.meetings_of[Idx(y)].size();
    });
    std::vector<int> rank(Idx(meetings), 0);
    for (std::size_t i = 0; i < order.size(); ++i) rank[Idx(order[i])] = static_cast<int>(i);
    std::vector<char> taken(Idx(meetings), 0);
    std::vector<MeetingIndex> grouped;
    grouped.reserve(order.size());
    for (ParticipantIndex p : people) {
      std::vector<MeetingIndex> mine = domains.meetings_of[Idx(p)];
      std::sort(mine.begin(), mine.end(),
                [&](MeetingIndex x, MeetingIndex y) { return rank[Idx(x)] < rank[Idx(y)]; });
      for (MeetingIndex m : mine) {
        if (!taken[Idx(m)]) {
          taken[Idx(m)] = 1;
          grouped.push_back(m);
        }
      }
    }
    for (MeetingIndex m : order) {
      if (!taken[Idx(m)]) grouped.push_back(m);
    }
    order = std::move(grouped);
  }
  for (MeetingIndex m : order) {
    if (tt.slot_of(m) != kUnscheduled) continue;
    const Meeting& meeting = problem.meetings[Idx(m)];
    SlotIndex best = kUnscheduled;
    double best_score = 0;
    for (SlotIndex t = 0; t < tt.slot_count(); ++t) {
      if (!tt.CanPlace(m, t)) continue;
      const MoveList move = {{m, t}};
      const int added = tt.BreaksIf(meeting.a, move) - tt.breaks_of(meeting.a) +
                        tt.BreaksIf(meeting.b, move) - tt.breaks_of(meeting.b);
      const double score = 4.0 * added - Adjacent(tt, meeting.a, t) - Adjacent(tt, meeting.b, t) +
                           0.5 * tt.load(t) / std::max(1, tt.capacity(t)) +
                           0.01 * rng.UniformReal();
      if (best == kUnscheduled || score < best_score) {
        best = t;
        best_score = score;
      }
    }
    if (best != kUnscheduled) tt.Place(m, best);
  }
}

void Improve(Timetable& tt, Rng& rng, const Deadline& deadline, const ImproveOptions& options) {
  const int meetings = tt.meeting_count();
  const int slots = tt.slot_count();
  if (meetings == 0 || slots == 0) return;
  auto moved_count = [&]() {
    if (options.anchor == nullptr) return 0;
    int moved = 0;
    for (int m = 0; m < meetings; ++m) {
      const SlotIndex anchor = (*options.anchor)[Idx(m)];
      if (anchor != kUnscheduled && tt.slot_of(m) != anchor) ++moved;
    }
    return moved;
  };
  // A cooling cycle longer than the minimum marks a large event.
  const bool large = kCoolingPerMeeting * meetings > kCoolingCycle;
  const double idle_weight = large ? kLargeIdleWeight : kIdleWeight;
  const double target_share = large ? kLargeTargetShare : kTargetShare;
  // Pre-evaluation (below) only in large events: in small ones the SAT
  // rounds bound the local search by iterations, and it only changed their
  // random trajectory (300 meetings: 1 break in 10 s without, 5 with).
  const bool presolve_ok = large && options.anchor == nullptr && !tt.has_fairness();
  // Soft tables (small events, not repair): a move may overfill a slot, at a
  // price per meeting above the tables, and a share of the moves then takes a
  // meeting out of an overfilled slot; only schedules that fit become the best.
  const bool soft_tables =
      !large && options.anchor == nullptr && tt.overflow() == 0 && !TablesAreTight(tt);
  const double overflow_weight = soft_tables ? kOverflowWeight : 0.0;
  tt.SetSoftCapacity(soft_tables);
  std::vector<SlotIndex> overfilled;
  std::vector<MeetingIndex> in_slot;
  auto energy = [&]() {
    return tt.cost().breaks + idle_weight * tt.total_idle() + overflow_weight * tt.overflow();
  };
  Score current{tt.cost(), moved_count()};
  double current_energy = energy();
  Score best = current;
  Solution best_solution = tt.ToSolution();
  // The best schedule is copied lazily: while `best_is_current`, the timetable
  // itself holds it, and it is copied only before a move leaves it (copying
  // every meeting on each improvement dominated large events).
  bool best_is_current = false;
  MoveList applied;
  auto done = [&]() {
    return best.cost.unscheduled_weight == 0 && best.cost.fairness_excess == 0 && best.moved == 0 &&
           best.cost.breaks <= options.target_breaks;
  };
  const Domains& domains = tt.domains();
  std::int64_t iteration = 0;
  std::int64_t last_better = 0;
  double temperature = kStartTemperature;
  const std::int64_t cooling_cycle =
      std::clamp(kCoolingPerMeeting * meetings, kCoolingCycle, kMaxCoolingCycle);
  MoveList undo;
  std::vector<MeetingIndex> unscheduled;
  std::vector<SlotIndex> gaps;
  std::vector<MeetingIndex> neighbours;
  std::vector<MeetingIndex> ends;
  std::vector<ParticipantIndex> people;
  while (!done()) {
    if (options.max_iterations >= 0 && iteration >= options.max_iterations) break;
    if (options.stall_iterations >= 0 && iteration - last_better >= options.stall_iterations) break;
    if (iteration % kDeadlineCheckEvery == 0) {
      if (deadline.Expired()) break;
      // Cooling by iterations, not time, so a seed gives the same run on any machine.
      const double fraction =
          static_cast<double>(iteration % cooling_cycle) / static_cast<double>(cooling_cycle);
      temperature = kStartTemperature * std::pow(kEndTemperature / kStartTemperature, fraction);
    }
    ++iteration;
    MoveList move;
    if (current.cost.unscheduled_weight > 0 && rng.Bernoulli(0.3)) {
      unscheduled.clear();
      for (int m = 0; m < meetings; ++m) {
        if (tt.slot_of(m) == kUnscheduled) unscheduled.push_back(m);
      }
      const MeetingIndex m = rng.Pick(unscheduled);
      const auto t = static_cast<SlotIndex>(rng.Index(Idx(slots)));
      if (!tt.allowed(m, t)) continue;
      move = tt.CanPlace(m, t) ? Relocate(tt, m, t) : EjectInsert(tt, m, t, rng);
    } else if (soft_tables && tt.overflow() > 0 && rng.Bernoulli(kOverflowShare)) {
      // Out of an overfilled slot (scanning is cheap: soft tables only in small events).
      overfilled.clear();
      for (SlotIndex s = 0; s < slots; ++s) {
        if (tt.load(s) > tt.capacity(s)) overfilled.push_back(s);
      }
      const SlotIndex from = rng.Pick(overfilled);
      in_slot.clear();
      for (int m = 0; m < meetings; ++m) {
        if (tt.slot_of(m) == from) in_slot.push_back(m);
      }
      // ... into the slot with room where it costs its sides the least.
      move = RelocateToRoom(tt, rng.Pick(in_slot), idle_weight, rng);
    } else {
      // Aim at a participant with a break: pull one of its meetings into a
      // gap, mostly the first or last meeting of a day (that shortens a span
      // without opening a new gap).
      ParticipantIndex target = -1;
      if (!tt.broken().empty() && rng.Bernoulli(target_share)) target = rng.Pick(tt.broken());
      MeetingIndex m = -1;
      SlotIndex t = kUnscheduled;
      if (target >= 0) {
        gaps.clear();
        neighbours.clear();
        ends.clear();
        const auto& days = domains.day_of_slot;
        SlotIndex last = -1;
        for (SlotIndex s = 0; s < slots; ++s) {
          const MeetingIndex here = tt.at(target, s);
          if (here == -1) continue;
          neighbours.push_back(here);
          if (last >= 0 && days[Idx(last)] == days[Idx(s)]) {
            for (SlotIndex g = last + 1; g < s; ++g) gaps.push_back(g);
          } else {
            if (last >= 0) ends.push_back(tt.at(target, last));
            ends.push_back(here);
          }
          last = s;
        }
        if (last >= 0) ends.push_back(tt.at(target, last));
        if (gaps.empty() || neighbours.empty()) continue;
        t = rng.Pick(gaps);
        m = rng.Bernoulli(kEndShare) ? rng.Pick(ends) : rng.Pick(neighbours);
      } else {
        m = static_cast<MeetingIndex>(rng.Index(Idx(meetings)));
        if (tt.slot_of(m) == kUnscheduled) continue;
        t = static_cast<SlotIndex>(rng.Index(Idx(slots)));
      }
      if (t == tt.slot_of(m) || !tt.allowed(m, t)) continue;
      const std::uint64_t kind = rng.Index(3);
      move = kind == 0 ? Relocate(tt, m, t) : kind == 1 ? Swap(tt, m, t) : KempeChain(tt, m, t);
    }
    // Pre-evaluation: when only breaks and idle slots can change (every
    // meeting stays scheduled, no fairness bound, no anchor), the energy
    // change follows from the participants' busy bits, so a move the
    // annealing rejects is never applied and undone (most moves, at low
    // temperature).
    bool decided = false;
    if (presolve_ok && current.cost.unscheduled_weight == 0 && current.cost.fairness_excess == 0) {
      people.clear();
      bool fast = true;
      for (const auto& [mm, slot] : move) {
        if (slot == kUnscheduled) fast = false;
        for (ParticipantIndex p : {tt.side_a(mm), tt.side_b(mm)}) {
          if (std::find(people.begin(), people.end(), p) == people.end()) people.push_back(p);
        }
      }
      if (fast) {
        int breaks_delta = 0;
        int idle_delta = 0;
        for (ParticipantIndex p : people) {
          int breaks = 0;
          int idle = 0;
          if (!tt.BreaksAndIdleIf(p, move, &breaks, &idle)) {
            fast = false;
            break;
          }
          breaks_delta += breaks - tt.breaks_of(p);
          idle_delta += idle - tt.idle_of(p);
        }
        if (fast) {
          const double delta = breaks_delta + idle_weight * idle_delta;
          if (delta > 0 && !(rng.UniformReal() < std::exp(-delta / temperature))) continue;
          decided = true;
        }
      }
    }
    if (!TryMoves(tt, move, &undo)) continue;
    // Ejection chain: meetings pushed out find the best other slot at once.
    for (const auto& [ejected, slot] : move) {
      if (slot != kUnscheduled) continue;
      SlotIndex target = kUnscheduled;
      int target_breaks = 0;
      const Meeting& em = tt.problem().meetings[Idx(ejected)];
      for (SlotIndex t = 0; t < slots; ++t) {
        if (!tt.CanPlace(ejected, t)) continue;
        const MoveList place = {{ejected, t}};
        const int added = tt.BreaksIf(em.a, place) + tt.BreaksIf(em.b, place);
        if (target == kUnscheduled || added < target_breaks) {
          target = t;
          target_breaks = added;
        }
      }
      if (target != kUnscheduled) tt.Place(ejected, target);
    }
    Score next{tt.cost(), options.anchor == nullptr ? 0 : moved_count()};
    const double next_energy = energy();
    bool accept;
    if (decided && next.cost.unscheduled_weight == current.cost.unscheduled_weight &&
        next.cost.fairness_excess == current.cost.fairness_excess) {
      accept = true;
    } else if (next.cost.unscheduled_weight != current.cost.unscheduled_weight ||
               next.cost.fairness_excess != current.cost.fairness_excess ||
               next.moved != current.moved) {
      accept = next < current;
    } else {
      const double delta = next_energy - current_energy;
      accept = delta <= 0 || rng.UniformReal() < std::exp(-delta / temperature);
    }
    if (!accept) {
      Undo(tt, undo);
      continue;
    }
    const bool fits = tt.overflow() == 0;
    if (best_is_current && !(fits && next < best)) {
      // Leaving the best schedule: step back, copy it, step forward again.
      applied.clear();
      for (const auto& [m, slot] : undo) applied.emplace_back(m, tt.slot_of(m));
      Undo(tt, undo);
      best_solution = tt.ToSolution();
      best_is_current = false;
      TryMoves(tt, applied, &undo);
    }
    current = next;
    current_energy = next_energy;
    if (fits && current < best) {
      last_better = iteration;
      best = current;
      best_is_current = true;
      if (options.on_improvement) options.on_improvement(best.cost);
    }
  }
  tt.SetSoftCapacity(false);
  if (best_is_current) return;  // the timetable holds the best schedule
  tt.Load(best_solution);
}

}  // namespace ponte::schedule
