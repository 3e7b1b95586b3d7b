#include "schedule/moves.h"

namespace ponte::schedule {

void Undo(Timetable& tt, const MoveList& undo) {
  for (const auto& [m, slot] : undo) tt.Remove(m);
  for (const auto& [m, slot] : undo) {
    if (slot != kUnscheduled) tt.Place(m, slot);
  }
}

bool TryMoves(Timetable& tt, const MoveList& moves, MoveList* undo) {
  if (moves.empty()) return false;
  undo->clear();
  for (const auto& [m, slot] : moves) undo->emplace_back(m, tt.slot_of(m));
  for (const auto& [m, slot] : moves) tt.Remove(m);
  for (const auto& [m, slot] : moves) {
    if (slot == kUnscheduled) continue;
    if (!tt.CanPlace(m, slot)) {
      Undo(tt, *undo);
      return false;
    }
    tt.Place(m, slot);
  }
  return true;
}

}  // namespace ponte::schedule
