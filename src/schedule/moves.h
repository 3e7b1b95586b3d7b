// Local-search moves (internal). Each move proposes a list of (meeting, new
// slot) changes; TryMoves applies it to a Timetable, checking every hard
// constraint, and undoes it if it is invalid or the caller rejects it.
//
//   MoveList move = KempeChain(tt, m, t);
//   Cost before = tt.cost();
//   if (TryMoves(tt, move, &undo) && tt.cost() > before) Undo(tt, undo);
//
// One move per file: relocate_move.cc, swap_move.cc, kempe_move.cc,
// insert_move.cc. Not thread-safe (they mutate the Timetable).
#pragma once

#include <utility>
#include <vector>

#include "core/rng.h"
#include "schedule/timetable.h"

namespace ponte::schedule {

using MoveList = std::vector<std::pair<MeetingIndex, SlotIndex>>;

// Applies `moves` (kUnscheduled = unschedule); on success fills `undo` with the
// previous slots and returns true; on a hard-constraint violation restores the
// timetable and returns false.
bool TryMoves(Timetable& tt, const MoveList& moves, MoveList* undo);
void Undo(Timetable& tt, const MoveList& undo);

// m to slot t.
MoveList Relocate(const Timetable& tt, MeetingIndex m, SlotIndex t);
// m to the slot with a free table where its two sides get the fewest breaks
// (plus `idle_weight` per idle slot inside their days); random tie-break.
// Empty if no other slot with room can take it.
MoveList RelocateToRoom(const Timetable& tt, MeetingIndex m, double idle_weight, Rng& rng);
// m to slot t and the meetings of m's participants at t to m's slot.
MoveList Swap(const Timetable& tt, MeetingIndex m, SlotIndex t);
// The Kempe chain of m between its slot and t: meetings linked by shared
// participants swap slots together, so nobody is double-booked.
MoveList KempeChain(const Timetable& tt, MeetingIndex m, SlotIndex t);
// Unscheduled m into slot t, unscheduling whatever blocks it (the participants'
// meetings at t and, if the slot is full, one meeting chosen with `rng`).
MoveList EjectInsert(const Timetable& tt, MeetingIndex m, SlotIndex t, Rng& rng);

}  // namespace ponte::schedule
