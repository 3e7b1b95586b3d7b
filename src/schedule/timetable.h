// Timetable: the mutable state the constructive and local-search phases share
// (internal to the schedule component).
//
//   Timetable tt(problem, domains, fairness);
//   if (tt.CanPlace(m, t)) tt.Place(m, t);
//   Cost c = tt.cost();
//
// It keeps, per participant and slot, the meeting held there, the load of each
// slot, the breaks of each participant and their histogram (for the fairness
// spread), so moves evaluate in O(slots of a day). Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "schedule/problem.h"

namespace ponte::schedule {

// Lexicographic cost: lower is better, compared field by field.
struct Cost {
  std::int64_t unscheduled_weight = 0;
  int fairness_excess = 0;  // max(0, spread - d)
  int breaks = 0;
  friend auto operator<=>(const Cost&, const Cost&) = default;
};

class Timetable {
 public:
  Timetable(const Problem& problem, const Domains& domains, std::optional<int> fairness);

  const Problem& problem() const { return problem_; }
  const Domains& domains() const { return domains_; }
  SlotIndex slot_of(MeetingIndex m) const { return slot_of_[Idx(m)]; }
  // The two sides of m, from a compact copy (Meeting is large; big events
  // would miss the cache on every look-up).
  ParticipantIndex side_a(MeetingIndex m) const { return sides_[2 * Idx(m)]; }
  ParticipantIndex side_b(MeetingIndex m) const { return sides_[2 * Idx(m) + 1]; }
  MeetingIndex at(ParticipantIndex p, SlotIndex t) const {
    return occ_[Idx(p) * load_.size() + Idx(t)];
  }
  int load(SlotIndex t) const { return load_[Idx(t)]; }
  // Domains::allowed as one compact bit set (fewer cache misses in big events).
  bool allowed(MeetingIndex m, SlotIndex t) const {
    return (allowed_[Idx(m) * slot_words_ + Idx(t) / 64] >> (Idx(t) % 64) & 1) != 0;
  }
  int capacity(SlotIndex t) const { return capacity_[Idx(t)]; }
  // Meetings above the tables, summed over the slots (0 unless soft capacity
  // let a move overfill a slot).
  int overflow() const { return overflow_; }
  // With soft capacity, CanPlace ignores the tables: the local search then
  // prices overfilled slots instead of refusing them.
  void SetSoftCapacity(bool soft) { soft_capacity_ = soft; }
  int breaks_of(ParticipantIndex p) const { return breaks_[Idx(p)]; }
  int idle_of(ParticipantIndex p) const { return idle_[Idx(p)]; }
  bool has_fairness() const { return fairness_.has_value(); }
  // The participants with at least one break, in no particular order.
  const std::vector<ParticipantIndex>& broken() const { return broken_; }
  // Idle slots inside the participants' day spans (a smoother guide than breaks).
  int total_idle() const { return total_idle_; }
  int slot_count() const { return static_cast<int>(load_.size()); }
  int meeting_count() const { return static_cast<int>(slot_of_.size()); }
  Cost cost() const;

  // Slot t is in m's domain, both sides are free (ignoring `ignore`), the
  // precedences with scheduled meetings hold, and an interpreter is free.
  // Capacity is checked only if `check_capacity`.
  bool CanPlace(MeetingIndex m, SlotIndex t, bool check_capacity = true,
                MeetingIndex ignore = -1) const;
  bool PrecedenceOk(MeetingIndex m, SlotIndex t, MeetingIndex ignore = -1) const;
  bool InterpreterOk(MeetingIndex m, SlotIndex t, MeetingIndex leaving = -1) const;

  void Place(MeetingIndex m, SlotIndex t);
  void Remove(MeetingIndex m);
  // Breaks of p if meetings `leave` left their slots and `enter` entered theirs.
  int BreaksIf(ParticipantIndex p,
               const std::vector<std::pair<MeetingIndex, SlotIndex>>& moves) const;
  // Breaks and idle slots of p after `moves`, from the busy bits alone (no
  // hard-constraint check); false when the days are too long for bit masks.
  bool BreaksAndIdleIf(ParticipantIndex p,
                       const std::vector<std::pair<MeetingIndex, SlotIndex>>& moves, int* breaks,
                       int* idle) const;

  Solution ToSolution() const;
  void Load(const Solution& solution);  // places every scheduled meeting (no checks)

 private:
  static std::size_t Idx(int i) { return static_cast<std::size_t>(i); }
  int ComputeBreaks(ParticipantIndex p, int* idle) const;
  // Breaks and idle slots of a participant's busy bits, one word per day.
  int MaskBreaks(const std::uint64_t* days, int* idle) const;
  std::uint64_t* busy_row(ParticipantIndex p) { return &busy_[Idx(p) * Idx(blocks_)]; }
  const std::uint64_t* free_row(SlotIndex t) const { return &free_[Idx(t) * words_]; }
  const std::uint64_t* can_row(MeetingIndex m) const { return &can_[Idx(m) * words_]; }
  void SetFree(SlotIndex t, InterpreterIndex i, bool free);
  // A free interpreter (or `leaving`'s) that can serve m in t, or kNoInterpreter.
  InterpreterIndex FreeInterpreter(MeetingIndex m, SlotIndex t, MeetingIndex leaving) const;
  void Refresh(ParticipantIndex p);
  void Refresh(ParticipantIndex p, SlotIndex t);  // only t's day changed
  void SetBreaks(ParticipantIndex p, int breaks, int idle);

  const Problem& problem_;
  const Domains& domains_;
  std::optional<int> fairness_;
  std::vector<SlotIndex> slot_of_;
  std::vector<ParticipantIndex> sides_;  // [2 * meeting] = a, [2 * meeting + 1] = b
  std::vector<std::int64_t> weight_;     // Problem::MeetingWeight per meeting
  std::vector<char> ordered_;            // the meeting has a precedence either way
  std::vector<MeetingIndex> occ_;        // [participant * slots + slot]
  std::vector<int> load_;
  std::vector<int> capacity_;
  int overflow_ = 0;
  bool soft_capacity_ = false;
  // Interpreter matching per slot, kept incrementally (one augmenting path per change).
  std::vector<std::vector<MeetingIndex>> owner_;  // [slot][interpreter] -> meeting or -1
  std::vector<InterpreterIndex> interpreter_of_;  // [meeting]
  // Per slot: interpreters serving a meeting, and interpreters available at
  // all. When every available one is busy no augmenting path exists, which the
  // search would only learn after visiting all of them (the common case in
  // large events with scarce interpreters).
  std::vector<int> interpreters_busy_;
  std::vector<int> interpreters_available_;
  // Finds an augmenting path for m in slot t (treating `leaving`'s interpreter
  // as free); records the (interpreter, meeting) pairs to set in `path`.
  bool Augment(MeetingIndex m, SlotIndex t, MeetingIndex leaving,
               std::vector<std::pair<InterpreterIndex, MeetingIndex>>* path,
               std::vector<char>& seen) const;
  bool AugmentApply(MeetingIndex m, SlotIndex t);
  std::vector<std::vector<MeetingIndex>> successors_;
  std::vector<int> breaks_;
  std::vector<ParticipantIndex> broken_;
  std::vector<int> broken_at_;  // per participant: index in broken_, or -1
  std::vector<int> histogram_;  // participants per break count
  int total_breaks_ = 0;
  std::vector<int> idle_;
  int total_idle_ = 0;
  std::int64_t unscheduled_weight_ = 0;
  std::vector<int> day_begin_;  // per slot: first slot of its day
  std::vector<int> day_end_;    // per slot: one past the last slot of its day
  // Busy slots as bits, one 64-bit word per (participant, day) when every day
  // has at most 64 slots (`masks_`); breaks and idle slots then cost a few
  // instructions per day instead of a scan of the participant's row.
  bool masks_ = false;
  int blocks_ = 0;                   // days (maximal runs of slots of one day)
  std::vector<int> block_of_;        // per slot
  std::vector<int> bit_of_;          // per slot: position within its day
  std::vector<std::uint64_t> busy_;  // [participant * blocks_ + block]
  std::vector<int> day_breaks_;      // per (participant, block), as busy_
  std::vector<int> day_idle_;
  mutable std::vector<std::uint64_t> scratch_;
  // Interpreters as bit sets: free_[slot] (available and serving nobody) and
  // can_[meeting] (speaks its pair), `words_` words each.
  std::size_t words_ = 0;
  std::size_t slot_words_ = 0;
  std::vector<std::uint64_t> allowed_;  // [meeting * slot_words_ + slot / 64]
  std::vector<std::uint64_t> free_;
  std::vector<std::uint64_t> can_;
};

// Assigns interpreters to the meetings of one slot (bipartite matching);
// returns false if impossible. `meetings` need interpreters.
bool MatchInterpreters(const Domains& domains, SlotIndex t,
                       const std::vector<MeetingIndex>& meetings,
                       std::vector<InterpreterIndex>* assignment);

}  // namespace ponte::schedule
