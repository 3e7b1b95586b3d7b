#include "schedule/feasibility.h"

#include <map>

namespace ponte::schedule {
namespace {
std::size_t Idx(int i) { return static_cast<std::size_t>(i); }

std::string Name(const Problem& problem, ParticipantIndex p) {
  const std::string& name = problem.participants[Idx(p)].name;
  return "participant " + (name.empty() ? std::to_string(p + 1) : name);
}
std::string MeetingName(const Problem& problem, MeetingIndex m) {
  const std::string& label = problem.meetings[Idx(m)].label;
  return "meeting " + (label.empty() ? std::to_string(m + 1) : label);
}
}  // namespace

std::optional<std::string> ExplainInfeasible(const Problem& problem, const Domains& domains) {
  const std::size_t slot_count = problem.slots.size();
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    if (problem.meetings[m].cancelled) continue;
    bool any = false;
    for (char allowed : domains.allowed[m]) any = any || allowed;
    if (!any) {
      const Meeting& meeting = problem.meetings[m];
      return MeetingName(problem, static_cast<MeetingIndex>(m)) + " (" + Name(problem, meeting.a) +
             " with " + Name(problem, meeting.b) +
             ") has no slot where both sides are available and its restrictions hold";
    }
  }
  for (std::size_t p = 0; p < problem.participants.size(); ++p) {
    const auto& mine = domains.meetings_of[p];
    std::vector<char> usable(slot_count, 0);
    int slots = 0;
    for (MeetingIndex m : mine) {
      for (std::size_t t = 0; t < slot_count; ++t) {
        if (domains.allowed[Idx(m)][t] && !usable[t]) {
          usable[t] = 1;
          ++slots;
        }
      }
    }
    if (static_cast<int>(mine.size()) > slots) {
      return Name(problem, static_cast<ParticipantIndex>(p)) + " has " +
             std::to_string(mine.size()) + " meetings but only " + std::to_string(slots) +
             " allowed slots";
    }
    std::map<SlotIndex, MeetingIndex> fixed;
    for (MeetingIndex m : mine) {
      const auto& slot = problem.meetings[Idx(m)].fixed_slot;
      if (!slot) continue;
      auto [it, inserted] = fixed.emplace(*slot, m);
      if (!inserted) {
        return Name(problem, static_cast<ParticipantIndex>(p)) + " has " +
               MeetingName(problem, it->second) + " and " + MeetingName(problem, m) +
               " both fixed to slot " + std::to_string(*slot + 1);
      }
    }
  }
  std::vector<int> fixed_in_slot(slot_count, 0);
  for (const Meeting& meeting : problem.meetings) {
    if (meeting.cancelled) continue;
    if (meeting.fixed_slot && *meeting.fixed_slot >= 0 && Idx(*meeting.fixed_slot) < slot_count) {
      ++fixed_in_slot[Idx(*meeting.fixed_slot)];
    }
  }
  long capacity = 0;
  for (std::size_t t = 0; t < slot_count; ++t) {
    const int tables = problem.sessions[Idx(problem.slots[t].session)].tables;
    capacity += tables;
    if (fixed_in_slot[t] > tables) {
      return std::to_string(fixed_in_slot[t]) + " meetings are fixed to slot " +
             std::to_string(t + 1) + " but it has only " + std::to_string(tables) + " tables";
    }
  }
  long active = 0;
  for (const Meeting& meeting : problem.meetings) active += meeting.cancelled ? 0 : 1;
  if (active > capacity) {
    return std::to_string(active) + " meetings but only " + std::to_string(capacity) +
           " table-slots in the whole event";
  }
  for (std::size_t m = 0; m < problem.meetings.size(); ++m) {
    for (MeetingIndex before : problem.meetings[m].after) {
      if (before == static_cast<MeetingIndex>(m)) {
        return MeetingName(problem, before) + " must come before itself";
      }
    }
  }
  return std::nullopt;
}

}  // namespace ponte::schedule
