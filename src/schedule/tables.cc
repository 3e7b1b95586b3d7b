#include "schedule/tables.h"

#include <algorithm>

#include "schedule/timetable.h"

namespace ponte::schedule {
namespace {
std::size_t Idx(int i) { return static_cast<std::size_t>(i); }
}  // namespace

bool AssignTablesAndInterpreters(const Problem& problem, const Domains& domains, Solution* solution,
                                 const Solution* keep) {
  const std::size_t slot_count = problem.slots.size();
  std::vector<std::vector<MeetingIndex>> in_slot(slot_count);
  for (std::size_t m = 0; m < solution->meetings.size(); ++m) {
    Assignment& a = solution->meetings[m];
    a.table = kNoTable;
    a.interpreter = kNoInterpreter;
    if (a.scheduled()) in_slot[Idx(a.slot)].push_back(static_cast<MeetingIndex>(m));
  }
  // last_table[p]: table of p's latest meeting in the current session, or -1.
  std::vector<TableIndex> last_table(problem.participants.size(), kNoTable);
  std::vector<SessionIndex> last_session(problem.participants.size(), -1);
  bool ok = true;
  for (std::size_t t = 0; t < slot_count; ++t) {
    const SessionIndex session = problem.slots[t].session;
    const int tables = problem.sessions[Idx(session)].tables;
    auto& meetings = in_slot[t];
    if (static_cast<int>(meetings.size()) > tables) return false;
    std::vector<char> taken(Idx(tables), 0);
    // Tables someone will return to (their last table in this session).
    std::vector<int> claimed(Idx(tables), 0);
    for (std::size_t p = 0; p < problem.participants.size(); ++p) {
      if (last_session[p] == session && last_table[p] >= 0 && last_table[p] < tables) {
        ++claimed[Idx(last_table[p])];
      }
    }
    auto preferred = [&](ParticipantIndex p) {
      return last_session[Idx(p)] == session ? last_table[Idx(p)] : kNoTable;
    };
    // Meetings whose busier side has a preference go first.
    std::vector<std::pair<int, MeetingIndex>> order;
    for (MeetingIndex m : meetings) {
      const Meeting& meeting = problem.meetings[Idx(m)];
      const int load = static_cast<int>(std::max(domains.meetings_of[Idx(meeting.a)].size(),
                                                 domains.meetings_of[Idx(meeting.b)].size()));
      order.emplace_back(-load, m);
    }
    std::sort(order.begin(), order.end());
    std::vector<MeetingIndex> pending;
    std::vector<char> kept(problem.meetings.size(), 0);
    if (keep != nullptr) {
      for (const auto& [key, m] : order) {
        if (Idx(m) >= keep->meetings.size()) continue;
        const Assignment& before = keep->meetings[Idx(m)];
        if (before.slot != static_cast<SlotIndex>(t) || before.table < 0 ||
            before.table >= tables || taken[Idx(before.table)]) {
          continue;
        }
        taken[Idx(before.table)] = 1;
        solution->meetings[Idx(m)].table = before.table;
        kept[Idx(m)] = 1;
      }
    }
    for (const auto& [key, m] : order) {
      if (kept[Idx(m)]) continue;
      const Meeting& meeting = problem.meetings[Idx(m)];
      ParticipantIndex first = meeting.a;
      ParticipantIndex second = meeting.b;
      if (domains.meetings_of[Idx(second)].size() > domains.meetings_of[Idx(first)].size()) {
        std::swap(first, second);
      }
      TableIndex chosen = kNoTable;
      for (ParticipantIndex p : {first, second}) {
        const TableIndex k = preferred(p);
        if (chosen == kNoTable && k >= 0 && k < tables && !taken[Idx(k)]) chosen = k;
      }
      if (chosen == kNoTable) {
        pending.push_back(m);
        continue;
      }
      taken[Idx(chosen)] = 1;
      solution->meetings[Idx(m)].table = chosen;
    }
    for (MeetingIndex m : pending) {
      TableIndex chosen = kNoTable;
      for (int k = 0; k < tables; ++k) {
        if (taken[Idx(k)]) continue;
        if (chosen == kNoTable || claimed[Idx(k)] < claimed[Idx(chosen)]) chosen = k;
      }
      taken[Idx(chosen)] = 1;
      solution->meetings[Idx(m)].table = chosen;
    }
    for (MeetingIndex m : meetings) {
      const Meeting& meeting = problem.meetings[Idx(m)];
      for (ParticipantIndex p : {meeting.a, meeting.b}) {
        last_table[Idx(p)] = solution->meetings[Idx(m)].table;
        last_session[Idx(p)] = session;
      }
    }
    std::vector<MeetingIndex> needing;
    for (MeetingIndex m : meetings) {
      if (domains.needs_interpreter[Idx(m)]) needing.push_back(m);
    }
    if (!needing.empty()) {
      std::vector<InterpreterIndex> assignment;
      if (!MatchInterpreters(domains, static_cast<SlotIndex>(t), needing, &assignment)) {
        ok = false;
        continue;
      }
      for (std::size_t i = 0; i < needing.size(); ++i) {
        solution->meetings[Idx(needing[i])].interpreter = assignment[i];
      }
    }
  }
  return ok;
}

}  // namespace ponte::schedule
