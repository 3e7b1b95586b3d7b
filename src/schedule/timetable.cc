#include "schedule/timetable.h"

#include <algorithm>
#include <bit>

namespace ponte::schedule {
namespace {

// Bits set in x. std::popcount becomes a library call without -mpopcnt,
// which the default build flags do not give; this is a few instructions.
int PopCount(std::uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

struct MeetingSides {
  ParticipantIndex a;
  ParticipantIndex b;
};

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
  occ_.assign(problem.participants.size() * slots, -1);
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
  sides_.resize(2 * problem.meetings.size());
  weight_.resize(problem.meetings.size());
  ordered_.assign(problem.meetings.size(), 0);
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    sides_[2 * m] = problem.meetings[m].a;
    sides_[2 * m + 1] = problem.meetings[m].b;
    weight_[m] = problem.MeetingWeight(static_cast<MeetingIndex>(m));
  }
  successors_.assign(problem.meetings.size(), {});
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    for (MeetingIndex before : problem.meetings[m].after) {
      if (before >= 0 && Idx(before) < problem.meetings.size()) {
        successors_[Idx(before)].push_back(static_cast<MeetingIndex>(m));
        ordered_[Idx(before)] = 1;
        ordered_[m] = 1;
      }
    }
    if (!problem.meetings[m].cancelled) {
      unscheduled_weight_ += problem.MeetingWeight(static_cast<MeetingIndex>(m));
    }
  }
  breaks_.assign(problem.participants.size(), 0);
  broken_at_.assign(problem.participants.size(), -1);
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
  blocks_ = 0;
  masks_ = true;
  block_of_.assign(slots, 0);
  bit_of_.assign(slots, 0);
  for (std::size_t t = 0; t < slots; ++t) {
    if (t > 0 && day_begin_[t] != day_begin_[t - 1]) ++blocks_;
    block_of_[t] = blocks_;
    bit_of_[t] = static_cast<int>(t) - day_begin_[t];
    if (bit_of_[t] >= 64) masks_ = false;
  }
  if (slots > 0) ++blocks_;
  busy_.assign(problem.participants.size() * Idx(blocks_), 0);
  day_breaks_.assign(busy_.size(), 0);
  day_idle_.assign(busy_.size(), 0);
  scratch_.assign(Idx(blocks_), 0);
  const std::size_t interpreters = problem.interpreters.size();
  words_ = (interpreters + 63) / 64;
  free_.assign(slots * words_, 0);
  for (std::size_t i = 0; i < interpreters; ++i) {
    for (std::size_t t = 0; t < slots && t < domains.interpreter_available[i].size(); ++t) {
      if (domains.interpreter_available[i][t])
        free_[t * words_ + i / 64] |= std::uint64_t{1} << (i % 64);
    }
  }
  slot_words_ = (slots + 63) / 64;
  allowed_.assign(problem.meetings.size() * slot_words_, 0);
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    for (std::size_t t = 0; t < slots && t < domains.allowed[m].size(); ++t) {
      if (domains.allowed[m][t]) allowed_[m * slot_words_ + t / 64] |= std::uint64_t{1} << (t % 64);
    }
  }
  can_.assign(problem.meetings.size() * words_, 0);
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    for (InterpreterIndex i : domains.can_interpret[m]) {
      can_[m * words_ + Idx(i) / 64] |= std::uint64_t{1} << (Idx(i) % 64);
    }
  }
}

void Timetable::SetFree(SlotIndex t, InterpreterIndex i, bool free) {
  std::uint64_t& word = free_[Idx(t) * words_ + Idx(i) / 64];
  const std::uint64_t bit = std::uint64_t{1} << (Idx(i) % 64);
  word = free ? (word | bit) : (word & ~bit);
}

InterpreterIndex Timetable::FreeInterpreter(MeetingIndex m, SlotIndex t,
                                            MeetingIndex leaving) const {
  if (leaving >= 0 && slot_of_[Idx(leaving)] == t) {
    const InterpreterIndex held = interpreter_of_[Idx(leaving)];
    if (held != kNoInterpreter && (can_row(m)[Idx(held) / 64] >> (Idx(held) % 64) & 1) != 0) {
      return held;
    }
  }
  const std::uint64_t* can = can_row(m);
  const std::uint64_t* free = free_row(t);
  for (std::size_t w = 0; w < words_; ++w) {
    const std::uint64_t both = can[w] & free[w];
    if (both != 0) return static_cast<InterpreterIndex>(w * 64 + Idx(std::countr_zero(both)));
  }
  return kNoInterpreter;
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
  if (!ordered_[Idx(m)]) return true;
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
  // Interpreters on the path (`seen`) all serve someone, so a free one is never seen.
  const InterpreterIndex free = FreeInterpreter(m, t, leaving);
  if (free != kNoInterpreter) {
    if (path != nullptr) path->emplace_back(free, m);
    return true;
  }
  const auto& owners = owner_[Idx(t)];
  for (InterpreterIndex i : domains_.can_interpret[Idx(m)]) {
    if (!domains_.interpreter_available[Idx(i)][Idx(t)] || seen[Idx(i)]) continue;
    seen[Idx(i)] = 1;
    const MeetingIndex holder = owners[Idx(i)];
    if (holder < 0) continue;
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
  if (FreeInterpreter(m, t, leaving) != kNoInterpreter) return true;
  std::vector<char> seen(problem_.interpreters.size(), 0);
  return Augment(m, t, leaving, nullptr, seen);
}

bool Timetable::AugmentApply(MeetingIndex m, SlotIndex t) {
  std::vector<std::pair<InterpreterIndex, MeetingIndex>> path;
  const InterpreterIndex free = FreeInterpreter(m, t, -1);
  if (free != kNoInterpreter) {
    path.emplace_back(free, m);
  } else {
    std::vector<char> seen(problem_.interpreters.size(), 0);
    if (!Augment(m, t, -1, &path, seen)) return false;
  }
  // The path's first entry is the interpreter that was free; the others change hands.
  SetFree(t, path.front().first, false);
  for (const auto& [i, meeting] : path) {
    owner_[Idx(t)][Idx(i)] = meeting;
    interpreter_of_[Idx(meeting)] = i;
  }
  ++interpreters_busy_[Idx(t)];
  return true;
}

bool Timetable::CanPlace(MeetingIndex m, SlotIndex t, bool check_capacity,
                         MeetingIndex ignore) const {
  if (!allowed(m, t)) return false;
  const MeetingIndex at_a = occ_[Idx(side_a(m)) * load_.size() + Idx(t)];
  const MeetingIndex at_b = occ_[Idx(side_b(m)) * load_.size() + Idx(t)];
  if (at_a != -1 && at_a != ignore && at_a != m) return false;
  if (at_b != -1 && at_b != ignore && at_b != m) return false;
  if (check_capacity && !soft_capacity_ && slot_of_[Idx(m)] != t &&
      load_[Idx(t)] >= capacity_[Idx(t)]) {
    return false;
  }
  return PrecedenceOk(m, t, ignore) && InterpreterOk(m, t, ignore);
}

int Timetable::MaskBreaks(const std::uint64_t* days, int* idle_inside) const {
  int breaks = 0;
  int idle = 0;
  for (int b = 0; b < blocks_; ++b) {
    const std::uint64_t busy = days[b];
    if (busy == 0) continue;
    // Runs of busy slots: bits whose lower neighbour is idle.
    breaks += PopCount(busy & ~(busy << 1)) - 1;
    idle += 64 - std::countl_zero(busy) - std::countr_zero(busy) - PopCount(busy);
  }
  *idle_inside = idle;
  return breaks;
}

int Timetable::ComputeBreaks(ParticipantIndex p, int* idle_inside) const {
  if (masks_) return MaskBreaks(&busy_[Idx(p) * Idx(blocks_)], idle_inside);
  const MeetingIndex* row = &occ_[Idx(p) * load_.size()];
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

void Timetable::Refresh(ParticipantIndex p, SlotIndex t) {
  if (!masks_) {
    Refresh(p);
    return;
  }
  // Only t's day changed: recompute its word and adjust the participant's sums.
  const std::size_t k = Idx(p) * Idx(blocks_) + Idx(block_of_[Idx(t)]);
  const std::uint64_t busy = busy_[k];
  int breaks = 0;
  int idle = 0;
  if (busy != 0) {
    const int count = PopCount(busy);
    breaks = PopCount(busy & ~(busy << 1)) - 1;
    idle = 64 - std::countl_zero(busy) - std::countr_zero(busy) - count;
  }
  SetBreaks(p, breaks_[Idx(p)] + breaks - day_breaks_[k], idle_[Idx(p)] + idle - day_idle_[k]);
  day_breaks_[k] = breaks;
  day_idle_[k] = idle;
}

void Timetable::Refresh(ParticipantIndex p) {
  int idle = 0;
  const int now = ComputeBreaks(p, &idle);
  if (masks_) {
    for (int b = 0; b < blocks_; ++b) {
      const std::size_t k = Idx(p) * Idx(blocks_) + Idx(b);
      const std::uint64_t busy = busy_[k];
      day_breaks_[k] = busy == 0 ? 0 : PopCount(busy & ~(busy << 1)) - 1;
      day_idle_[k] =
          busy == 0 ? 0 : 64 - std::countl_zero(busy) - std::countr_zero(busy) - PopCount(busy);
    }
  }
  SetBreaks(p, now, idle);
}

void Timetable::SetBreaks(ParticipantIndex p, int now, int idle) {
  total_idle_ += idle - idle_[Idx(p)];
  idle_[Idx(p)] = idle;
  int& old = breaks_[Idx(p)];
  if (now == old) return;
  --histogram_[Idx(old)];
  ++histogram_[Idx(now)];
  if (old == 0) {
    broken_at_[Idx(p)] = static_cast<int>(broken_.size());
    broken_.push_back(p);
  } else if (now == 0) {
    const ParticipantIndex last = broken_.back();
    broken_[Idx(broken_at_[Idx(p)])] = last;
    broken_at_[Idx(last)] = broken_at_[Idx(p)];
    broken_.pop_back();
    broken_at_[Idx(p)] = -1;
  }
  total_breaks_ += now - old;
  old = now;
}

void Timetable::Place(MeetingIndex m, SlotIndex t) {
  if (slot_of_[Idx(m)] != kUnscheduled) Remove(m);
  const MeetingSides meeting{side_a(m), side_b(m)};
  slot_of_[Idx(m)] = t;
  occ_[Idx(meeting.a) * load_.size() + Idx(t)] = m;
  occ_[Idx(meeting.b) * load_.size() + Idx(t)] = m;
  if (masks_) {
    const std::uint64_t bit = std::uint64_t{1} << bit_of_[Idx(t)];
    busy_row(meeting.a)[block_of_[Idx(t)]] |= bit;
    busy_row(meeting.b)[block_of_[Idx(t)]] |= bit;
  }
  if (++load_[Idx(t)] > capacity_[Idx(t)]) ++overflow_;
  if (domains_.needs_interpreter[Idx(m)]) AugmentApply(m, t);
  unscheduled_weight_ -= weight_[Idx(m)];
  Refresh(meeting.a, t);
  Refresh(meeting.b, t);
}

void Timetable::Remove(MeetingIndex m) {
  const SlotIndex t = slot_of_[Idx(m)];
  if (t == kUnscheduled) return;
  const MeetingSides meeting{side_a(m), side_b(m)};
  slot_of_[Idx(m)] = kUnscheduled;
  const std::uint64_t bit = std::uint64_t{1} << bit_of_[Idx(t)];
  for (ParticipantIndex p : {meeting.a, meeting.b}) {
    if (occ_[Idx(p) * load_.size() + Idx(t)] != m) continue;
    occ_[Idx(p) * load_.size() + Idx(t)] = -1;
    if (masks_) busy_row(p)[block_of_[Idx(t)]] &= ~bit;
  }
  if (load_[Idx(t)]-- > capacity_[Idx(t)]) --overflow_;
  if (interpreter_of_[Idx(m)] != kNoInterpreter) {
    owner_[Idx(t)][Idx(interpreter_of_[Idx(m)])] = -1;
    SetFree(t, interpreter_of_[Idx(m)], true);
    interpreter_of_[Idx(m)] = kNoInterpreter;
    --interpreters_busy_[Idx(t)];
  }
  unscheduled_weight_ += weight_[Idx(m)];
  Refresh(meeting.a, t);
  Refresh(meeting.b, t);
}

bool Timetable::BreaksAndIdleIf(ParticipantIndex p,
                                const std::vector<std::pair<MeetingIndex, SlotIndex>>& moves,
                                int* breaks, int* idle) const {
  if (!masks_) return false;
  const MeetingIndex* row = &occ_[Idx(p) * load_.size()];
  std::copy_n(&busy_[Idx(p) * Idx(blocks_)], blocks_, scratch_.begin());
  for (const auto& [m, t] : moves) {
    const MeetingSides meeting{side_a(m), side_b(m)};
    if (meeting.a != p && meeting.b != p) continue;
    const SlotIndex from = slot_of_[Idx(m)];
    if (from != kUnscheduled && row[Idx(from)] == m) {
      scratch_[Idx(block_of_[Idx(from)])] &= ~(std::uint64_t{1} << bit_of_[Idx(from)]);
    }
  }
  for (const auto& [m, t] : moves) {
    const MeetingSides meeting{side_a(m), side_b(m)};
    if ((meeting.a == p || meeting.b == p) && t != kUnscheduled) {
      scratch_[Idx(block_of_[Idx(t)])] |= std::uint64_t{1} << bit_of_[Idx(t)];
    }
  }
  *breaks = MaskBreaks(scratch_.data(), idle);
  return true;
}

int Timetable::BreaksIf(ParticipantIndex p,
                        const std::vector<std::pair<MeetingIndex, SlotIndex>>& moves) const {
  int mask_breaks = 0;
  int mask_idle = 0;
  if (BreaksAndIdleIf(p, moves, &mask_breaks, &mask_idle)) return mask_breaks;
  const MeetingIndex* row = &occ_[Idx(p) * load_.size()];
  // Busy pattern of p after the moves: start from the current row.
  std::vector<char> busy(load_.size());
  for (std::size_t t = 0; t < busy.size(); ++t) busy[t] = row[t] != -1;
  for (const auto& [m, t] : moves) {
    const MeetingSides meeting{side_a(m), side_b(m)};
    if (meeting.a != p && meeting.b != p) continue;
    const SlotIndex from = slot_of_[Idx(m)];
    if (from != kUnscheduled && row[Idx(from)] == m) busy[Idx(from)] = 0;
  }
  for (const auto& [m, t] : moves) {
    const MeetingSides meeting{side_a(m), side_b(m)};
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
