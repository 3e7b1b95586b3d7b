// Internal to store: how ReplaceMeetings carries an event's timetable over to
// a new one, the same in both backends. A new meeting continues the old
// meeting of its request, else of its pair of organizations (each old meeting
// at most once, the first new meeting in order that asks for it); it keeps
// that meeting's id, and its version unless its place, interpreter or status
// changed. Old meetings that nothing continues are withdrawn.
//
//   const MeetingCarryOver carry = CarryOver(old, meetings);
//   if (carry.continues[i]) ContinueMeeting(old[*carry.continues[i]], event, meetings[i]);
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "model/model.h"

namespace ponte::store_internal {

// A meeting that is not cancelled holds its seats and its table.
inline bool Live(MeetingStatus s) { return s != MeetingStatus::kCancelled; }

inline bool SamePlace(const Meeting& x, const Meeting& y) {
  return x.session == y.session && x.slot == y.slot && x.table == y.table &&
         x.interpreter == y.interpreter && x.status == y.status;
}

struct MeetingCarryOver {
  // Per new meeting: the index of the old meeting it continues, if any.
  std::vector<std::optional<std::size_t>> continues;
  // Per old meeting: whether a new one continues it.
  std::vector<bool> kept;
};

inline MeetingCarryOver CarryOver(const std::vector<Meeting>& old,
                                  const std::vector<Meeting>& meetings) {
  using PairKey = std::tuple<std::int64_t, std::int64_t, std::int64_t>;
  auto key_of = [](const Meeting& m) {
    if (m.request.valid()) return PairKey{m.request.value(), 0, 0};
    return PairKey{0, std::min(m.a.value(), m.b.value()), std::max(m.a.value(), m.b.value())};
  };
  std::map<PairKey, std::size_t> by_key;
  for (std::size_t i = 0; i < old.size(); ++i) by_key.emplace(key_of(old[i]), i);
  MeetingCarryOver out{.continues = {}, .kept = std::vector<bool>(old.size(), false)};
  out.continues.reserve(meetings.size());
  for (const Meeting& m : meetings) {
    auto it = by_key.find(key_of(m));
    if (it == by_key.end() || out.kept[it->second]) {
      out.continues.emplace_back();
      continue;
    }
    out.kept[it->second] = true;
    out.continues.emplace_back(it->second);
  }
  return out;
}

// Makes `m` the continuation of `before` in `event`: its id, and its version
// (a new one when the meeting moved).
inline void ContinueMeeting(const Meeting& before, EventId event, Meeting& m) {
  m.id = before.id;
  m.event = event;
  m.version = SamePlace(before, m) ? before.version : before.version + 1;
}

}  // namespace ponte::store_internal
