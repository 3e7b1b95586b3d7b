#include "schedule/moves.h"

namespace ponte::schedule {

MoveList Relocate(const Timetable& tt, MeetingIndex m, SlotIndex t) {
  if (tt.slot_of(m) == t) return {};
  return {{m, t}};
}

}  // namespace ponte::schedule
