#include "schedule/moves.h"

namespace ponte::schedule {

MoveList Relocate(const Timetable& tt, MeetingIndex m, SlotIndex t) {
  if (tt.slot_of(m) == t) return {};
  return {{m, t}};
}

MoveList RelocateToRoom(const Timetable& tt, MeetingIndex m, double idle_weight, Rng& rng) {
  // Ties are broken by a small random term, well below any idle-slot weight.
  constexpr double kTieBreak = 0.01;
  const SlotIndex from = tt.slot_of(m);
  SlotIndex best = kUnscheduled;
  double best_delta = 0;
  for (SlotIndex t = 0; t < tt.slot_count(); ++t) {
    if (t == from || tt.load(t) >= tt.capacity(t) || !tt.CanPlace(m, t)) continue;
    const MoveList move = {{m, t}};
    double delta = kTieBreak * rng.UniformReal();
    for (ParticipantIndex p : {tt.side_a(m), tt.side_b(m)}) {
      int breaks = 0;
      int idle = tt.idle_of(p);
      if (!tt.BreaksAndIdleIf(p, move, &breaks, &idle)) breaks = tt.BreaksIf(p, move);
      delta += breaks - tt.breaks_of(p) + idle_weight * (idle - tt.idle_of(p));
    }
    if (best == kUnscheduled || delta < best_delta) {
      best = t;
      best_delta = delta;
    }
  }
  if (best == kUnscheduled) return {};
  return {{m, best}};
}

}  // namespace ponte::schedule
