#include <algorithm>

#include "schedule/moves.h"

namespace ponte::schedule {

MoveList EjectInsert(const Timetable& tt, MeetingIndex m, SlotIndex t, Rng& rng) {
  const Meeting& meeting = tt.problem().meetings[static_cast<std::size_t>(m)];
  MoveList moves;
  for (ParticipantIndex p : {meeting.a, meeting.b}) {
    const MeetingIndex other = tt.at(p, t);
    if (other != -1 && other != m &&
        std::none_of(moves.begin(), moves.end(),
                     [other](const auto& mv) { return mv.first == other; })) {
      moves.emplace_back(other, kUnscheduled);
    }
  }
  if (tt.load(t) - static_cast<int>(moves.size()) >= tt.capacity(t)) {
    // The slot is full: eject one of its meetings at random (by scanning a
    // random participant's row is not possible, so sample meetings).
    std::vector<MeetingIndex> in_slot;
    for (MeetingIndex other = 0; other < tt.meeting_count(); ++other) {
      if (tt.slot_of(other) == t &&
          std::none_of(moves.begin(), moves.end(),
                       [other](const auto& mv) { return mv.first == other; })) {
        in_slot.push_back(other);
      }
    }
    if (!in_slot.empty()) moves.emplace_back(rng.Pick(in_slot), kUnscheduled);
  }
  moves.emplace_back(m, t);
  return moves;
}

}  // namespace ponte::schedule
