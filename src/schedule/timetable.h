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
  MeetingIndex at(ParticipantIndex p, SlotIndex t) const { return occ_[Idx(p)][Idx(t)]; }
  int load(SlotIndex t) const { return load_[Idx(t)]; }
  int capacity(SlotIndex t) const { return capacity_[Idx(t)]; }
  int breaks_of(ParticipantIndex p) const { return breaks_[Idx(p)]; }
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

  Solution ToSolution() const;
  void Load(const Solution& solution);  // places every scheduled meeting (no checks)

 private:
  static std::size_t Idx(int i) { return static_cast<std::size_t>(i); }
  int ComputeBreaks(ParticipantIndex p, int* idle) const;
  void Refresh(ParticipantIndex p);

  const Problem& problem_;
  const Domains& domains_;
  std::optional<int> fairness_;
  std::vector<SlotIndex> slot_of_;
  std::vector<std::vector<MeetingIndex>> occ_;  // [participant][slot]
  std::vector<int> load_;
  std::vector<int> capacity_;
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
  std::vector<int> histogram_;  // participants per break count
  int total_breaks_ = 0;
  std::vector<int> idle_;
  int total_idle_ = 0;
  std::int64_t unscheduled_weight_ = 0;
  std::vector<int> day_begin_;  // per slot: first slot of its day
  std::vector<int> day_end_;    // per slot: one past the last slot of its day
};

// Assigns interpreters to the meetings of one slot (bipartite matching);
// returns false if impossible. `meetings` need interpreters.
bool MatchInterpreters(const Domains& domains, SlotIndex t,
                       const std::vector<MeetingIndex>& meetings,
                       std::vector<InterpreterIndex>* assignment);

}  // namespace ponte::schedule
