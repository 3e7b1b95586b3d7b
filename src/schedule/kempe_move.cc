#include <algorithm>

#include "schedule/moves.h"

namespace ponte::schedule {

MoveList KempeChain(const Timetable& tt, MeetingIndex m, SlotIndex t) {
  const SlotIndex from = tt.slot_of(m);
  if (from == kUnscheduled || from == t) return {};
  MoveList moves = {{m, t}};
  // Breadth-first over meetings: a participant of a moved meeting pulls in its
  // meeting in the other slot.
  for (std::size_t next = 0; next < moves.size(); ++next) {
    const auto [current, target] = moves[next];
    for (ParticipantIndex p : {tt.side_a(current), tt.side_b(current)}) {
      const MeetingIndex other = tt.at(p, target);
      if (other == -1) continue;
      const bool seen = std::any_of(moves.begin(), moves.end(),
                                    [other](const auto& move) { return move.first == other; });
      if (!seen) moves.emplace_back(other, target == t ? from : t);
    }
  }
  return moves;
}

}  // namespace ponte::schedule
