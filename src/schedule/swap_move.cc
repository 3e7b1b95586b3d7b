#include "schedule/moves.h"

namespace ponte::schedule {

MoveList Swap(const Timetable& tt, MeetingIndex m, SlotIndex t) {
  const SlotIndex from = tt.slot_of(m);
  if (from == kUnscheduled || from == t) return {};
  MoveList moves = {{m, t}};
  for (ParticipantIndex p : {tt.side_a(m), tt.side_b(m)}) {
    const MeetingIndex other = tt.at(p, t);
    if (other == -1) continue;
    bool seen = false;
    for (const auto& [done, slot] : moves) seen = seen || done == other;
    if (!seen) moves.emplace_back(other, from);
  }
  return moves;
}

}  // namespace ponte::schedule
