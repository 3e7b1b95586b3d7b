#include "schedule/timetable.h"

#include <algorithm>

namespace ponte::schedule {
namespace {

bool TryAugment(const Domains& domains, SlotIndex t, const std::vector<MeetingIndex>& meetings,
                std::size_t i, std::vector<int>& owner, std::vector<char>& seen) {
  for (InterpreterIndex k : domains.can_interpret[static_cast<std::size_t>(meetings[i])]) {
    const auto ki = static_cast<std::size_t>(k);
    if (!domains.interpreter_available[ki][static_cast<std::size_t>(t)] || seen[ki]) continue;
    seen[ki] = 1;
    if (owner[ki] < 0 ||
        TryAugment(domains, t, meetings, static_cast<std::size_t>(owner[ki]), owner, seen)) {
      owner[ki] = static_cast<int>(i);
      return true;
    }
  }
  return false;
}

}  // namespace

bool MatchInterpreters(const Domains& domains, SlotIndex t,
                       const std::vector<MeetingIndex>& meetings,
                       std::vector<InterpreterIndex>* assignment) {
  const std::size_t interpreters = domains.interpreter_available.size();
  std::vector<int> owner(interpreters, -1);
  // Greedy first (any free interpreter), then augmenting paths for the rest:
  // without the greedy pass every path shifts the whole chain of earlier meetings.
  std::vector<char> matched(meetings.size(), 0);
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    for (InterpreterIndex k : domains.can_interpret[static_cast<std::size_t>(meetings[i])]) {
      const auto ki = static_cast<std::size_t>(k);
      if (domains.interpreter_available[ki][static_cast<std::size_t>(t)] && owner[ki] < 0) {
        owner[ki] = static_cast<int>(i);
        matched[i] = 1;
        break;
      }
    }
  }
  std::vector<char> seen(interpreters, 0);
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    if (matched[i]) continue;
    std::fill(seen.begin(), seen.end(), 0);
    if (!TryAugment(domains, t, meetings, i, owner, seen)) return false;
  }
  if (assignment != nullptr) {
    assignment->assign(meetings.size(), kNoInterpreter);
    for (std::size_t k = 0; k < interpreters; ++k) {
      if (owner[k] >= 0) (*assignment)[static_cast<std::size_t>(owner[k])] = static_cast<int>(k);
    }
  }
  return true;
}

Timetable::Timetable(const Problem& problem, const Domains& domains, std::optional<int> fairness)
    : problem_(problem), domains_(domains), fairness_(fairness) {
  const std::size_t slots = problem.slots.size();
  slot_of_.assign(problem.meetings.size(), kUnscheduled);
  occ_.assign(problem.participants.size(), std::vector<MeetingIndex>(slots, -1));
  load_.assign(slots, 0);
  capacity_.assign(slots, 0);
  owner_.assign(slots, std::vector<MeetingIndex>(problem.interpreters.size(), -1));
  interpreter_of_.assign(problem.meetings.size(), kNoInterpreter);
  interpreters_busy_.assign(slots, 0);
  interpreters_available_.assign(slots, 0);
  for (const std::vector<char>& available : domains.interpreter_available) {
    for (std::size_t t = 0; t < slots && t < available.size(); ++t) {
      interpreters_available_[t] += available[t] ? 1 : 0;
    }
  }
  for (std::size_t t = 0; t < slots; ++t) {
    const SessionIndex s = problem.slots[t].session;
    if (s >= 0 && Idx(s) < problem.sessions.size()) capacity_[t] = problem.sessions[Idx(s)].tables;
  }
  successors_.assign(problem.meetings.size(), {});
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    for (MeetingIndex before : problem.meetings[m].after) {
      if (before >= 0 && Idx(before) < problem.meetings.size()) {
        successors_[Idx(before)].push_back(static_cast<MeetingIndex>(m));
      }
    }
    if (!problem.meetings[m].cancelled) {
      unscheduled_weight_ += problem.MeetingWeight(static_cast<MeetingIndex>(m));
    }
  }
  breaks_.assign(problem.participants.size(), 0);
  idle_.assign(problem.participants.size(), 0);
  histogram_.assign(slots + 2, 0);
  histogram_[0] = static_cast<int>(problem.participants.size());
  day_begin_.assign(slots, 0);
  day_end_.assign(slots, 0);
  std::size_t start = 0;
  while (start < slots) {
    std::size_t end = start;
    while (end < slots && domains.day_of_slot[end] == domains.day_of_slot[start]) ++end;
    for (std::size_t t = start; t < end; ++t) {
      day_begin_[t] = static_cast<int>(start);
      day_end_[t] = static_cast<int>(end);
    }
    start = end;
  }
}

Cost Timetable::cost() const {
  Cost c;
  c.unscheduled_weight = unscheduled_weight_;
  c.breaks = total_breaks_;
  if (fairness_) {
    int lo = 0;
    while (lo < static_cast<int>(histogram_.size()) && histogram_[Idx(lo)] == 0) ++lo;
    int hi = static_cast<int>(histogram_.size()) - 1;
    while (hi > 0 && histogram_[Idx(hi)] == 0) --hi;
    c.fairness_excess = std::max(0, hi - lo - *fairness_);
  }
  return c;
}

bool Timetable::PrecedenceOk(MeetingIndex m, SlotIndex t, MeetingIndex ignore) const {
  for (MeetingIndex before : problem_.meetings[Idx(m)].after) {
    if (before == ignore || before < 0 || Idx(before) >= slot_of_.size()) continue;
    const SlotIndex s = slot_of_[Idx(before)];
    if (s != kUnscheduled && s >= t) return false;
  }
  for (MeetingIndex after : successors_[Idx(m)]) {
    if (after == ignore) continue;
    const SlotIndex s = slot_of_[Idx(after)];
    if (s != kUnscheduled && s <= t) return false;
  }
  return true;
}

bool Timetable::Augment(MeetingIndex m, SlotIndex t, MeetingIndex leaving,
                        std::vector<std::pair<InterpreterIndex, MeetingIndex>>* path,
                        std::vector<char>& seen) const {
  const auto& owners = owner_[Idx(t)];
  for (InterpreterIndex i : domains_.can_interpret[Idx(m)]) {
    if (!domains_.interpreter_available[Idx(i)][Idx(t)] || seen[Idx(i)]) continue;
    const MeetingIndex holder = owners[Idx(i)];
    if (holder == -1 || holder == leaving) {
      if (path != nullptr) path->emplace_back(i, m);
      return true;
    }
  }
  for (InterpreterIndex i : domains_.can_interpret[Idx(m)]) {
    if (!domains_.interpreter_available[Idx(i)][Idx(t)] || seen[Idx(i)]) continue;
    seen[Idx(i)] = 1;
    const MeetingIndex holder = owners[Idx(i)];
    if (Augment(holder, t, leaving, path, seen)) {
      if (path != nullptr) path->emplace_back(i, m);
      return true;
    }
  }
  return false;
}

bool Timetable::InterpreterOk(MeetingIndex m, SlotIndex t, MeetingIndex leaving) const {
  if (!domains_.needs_interpreter[Idx(m)]) return true;
  if (slot_of_[Idx(m)] == t) return true;
  const bool frees_one = leaving >= 0 && slot_of_[Idx(leaving)] == t &&
                         interpreter_of_[Idx(leaving)] != kNoInterpreter;
  if (interpreters_busy_[Idx(t)] - (frees_one ? 1 : 0) >= interpreters_available_[Idx(t)]) {
    return false;
  }
  std::vector<char> seen(problem_.interpreters.size(), 0);
  return Augment(m, t, leaving, nullptr, seen);
}

bool Timetable::AugmentApply(MeetingIndex m, SlotIndex t) {
  std::vector<char> seen(problem_.interpreters.size(), 0);
  std::vector<std::pair<InterpreterIndex, MeetingIndex>> path;
  if (!Augment(m, t, -1, &path, seen)) return false;
  for (const auto& [i, meeting] : path) {
    owner_[Idx(t)][Idx(i)] = meeting;
    interpreter_of_[Idx(meeting)] = i;
  }
  ++interpreters_busy_[Idx(t)];
  return true;
}

bool Timetable::CanPlace(MeetingIndex m, SlotIndex t, bool check_capacity,
                         MeetingIndex ignore) const {
  if (!domains_.allowed[Idx(m)][Idx(t)]) return false;
  const Meeting& meeting = problem_.meetings[Idx(m)];
  const MeetingIndex at_a = occ_[Idx(meeting.a)][Idx(t)];
  const MeetingIndex at_b = occ_[Idx(meeting.b)][Idx(t)];
  if (at_a != -1 && at_a != ignore && at_a != m) return false;
  if (at_b != -1 && at_b != ignore && at_b != m) return false;
  if (check_capacity && slot_of_[Idx(m)] != t && load_[Idx(t)] >= capacity_[Idx(t)]) return false;
  return PrecedenceOk(m, t, ignore) && InterpreterOk(m, t, ignore);
}

int Timetable::ComputeBreaks(ParticipantIndex p, int* idle_inside) const {
  const auto& row = occ_[Idx(p)];
  int breaks = 0;
  *idle_inside = 0;
  const int slots = slot_count();
  int t = 0;
  while (t < slots) {
    const int end = day_end_[Idx(t)];
    bool seen = false;
    bool idle = false;
    int run = 0;
    for (; t < end; ++t) {
      if (row[Idx(t)] != -1) {
        if (seen && idle) {
          ++breaks;
          *idle_inside += run;
        }
        seen = true;
        idle = false;
        run = 0;
      } else {
        idle = seen;
        ++run;
      }
    }
  }
  return breaks;
}

void Timetable::Refresh(ParticipantIndex p) {
  int idle = 0;
  const int now = ComputeBreaks(p, &idle);
  total_idle_ += idle - idle_[Idx(p)];
  idle_[Idx(p)] = idle;
  int& old = breaks_[Idx(p)];
  if (now == old) return;
  --histogram_[Idx(old)];
  ++histogram_[Idx(now)];
  total_breaks_ += now - old;
  old = now;
}

void Timetable::Place(MeetingIndex m, SlotIndex t) {
  if (slot_of_[Idx(m)] != kUnscheduled) Remove(m);
  const Meeting& meeting = problem_.meetings[Idx(m)];
  slot_of_[Idx(m)] = t;
  occ_[Idx(meeting.a)][Idx(t)] = m;
  occ_[Idx(meeting.b)][Idx(t)] = m;
  ++load_[Idx(t)];
  if (domains_.needs_interpreter[Idx(m)]) AugmentApply(m, t);
  unscheduled_weight_ -= problem_.MeetingWeight(m);
  Refresh(meeting.a);
  Refresh(meeting.b);
}

void Timetable::Remove(MeetingIndex m) {
  const SlotIndex t = slot_of_[Idx(m)];
  if (t == kUnscheduled) return;
  const Meeting& meeting = problem_.meetings[Idx(m)];
  slot_of_[Idx(m)] = kUnscheduled;
  if (occ_[Idx(meeting.a)][Idx(t)] == m) occ_[Idx(meeting.a)][Idx(t)] = -1;
  if (occ_[Idx(meeting.b)][Idx(t)] == m) occ_[Idx(meeting.b)][Idx(t)] = -1;
  --load_[Idx(t)];
  if (interpreter_of_[Idx(m)] != kNoInterpreter) {
    owner_[Idx(t)][Idx(interpreter_of_[Idx(m)])] = -1;
    interpreter_of_[Idx(m)] = kNoInterpreter;
    --interpreters_busy_[Idx(t)];
  }
  unscheduled_weight_ += problem_.MeetingWeight(m);
  Refresh(meeting.a);
  Refresh(meeting.b);
}

int Timetable::BreaksIf(ParticipantIndex p,
                        const std::vector<std::pair<MeetingIndex, SlotIndex>>& moves) const {
  // Busy pattern of p after the moves: start from the current row.
  const auto& row = occ_[Idx(p)];
  std::vector<char> busy(row.size());
  for (std::size_t t = 0; t < row.size(); ++t) busy[t] = row[t] != -1;
  for (const auto& [m, t] : moves) {
    const Meeting& meeting = problem_.meetings[Idx(m)];
    if (meeting.a != p && meeting.b != p) continue;
    const SlotIndex from = slot_of_[Idx(m)];
    if (from != kUnscheduled && row[Idx(from)] == m) busy[Idx(from)] = 0;
  }
  for (const auto& [m, t] : moves) {
    const Meeting& meeting = problem_.meetings[Idx(m)];
    if ((meeting.a == p || meeting.b == p) && t != kUnscheduled) busy[Idx(t)] = 1;
  }
  int breaks = 0;
  std::size_t t = 0;
  while (t < busy.size()) {
    const auto end = Idx(day_end_[t]);
    bool seen = false;
    bool idle = false;
    for (; t < end; ++t) {
      if (busy[t]) {
        if (seen && idle) ++breaks;
        seen = true;
        idle = false;
      } else {
        idle = seen;
      }
    }
  }
  return breaks;
}

Solution Timetable::ToSolution() const {
  Solution solution;
  solution.meetings.resize(slot_of_.size());
  for (std::size_t m = 0; m < slot_of_.size(); ++m) solution.meetings[m].slot = slot_of_[m];
  return solution;
}

void Timetable::Load(const Solution& solution) {
  for (std::size_t m = 0; m < slot_of_.size(); ++m) {
    if (slot_of_[m] != kUnscheduled) Remove(static_cast<MeetingIndex>(m));
  }
  for (std::size_t m = 0; m < slot_of_.size() && m < solution.meetings.size(); ++m) {
    if (solution.meetings[m].scheduled()) {
      Place(static_cast<MeetingIndex>(m), solution.meetings[m].slot);
    }
  }
}

}  // namespace ponte::schedule
