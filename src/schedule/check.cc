#include "schedule/check.h"

#include <algorithm>
#include <map>

namespace ponte::schedule {
namespace {

std::string MeetingName(const Problem& problem, MeetingIndex m) {
  const Meeting& meeting = problem.meetings[static_cast<std::size_t>(m)];
  return "meeting " + (meeting.label.empty() ? std::to_string(m + 1) : meeting.label);
}

std::string ParticipantName(const Problem& problem, ParticipantIndex p) {
  const Participant& participant = problem.participants[static_cast<std::size_t>(p)];
  return "participant " + (participant.name.empty() ? std::to_string(p + 1) : participant.name);
}

std::string SlotName(SlotIndex t) { return "slot " + std::to_string(t + 1); }

}  // namespace

int CountBreaks(const std::vector<char>& busy_in_day) {
  int breaks = 0;
  bool seen_busy = false;
  bool idle_run = false;
  for (char busy : busy_in_day) {
    if (busy) {
      if (seen_busy && idle_run) ++breaks;
      seen_busy = true;
      idle_run = false;
    } else {
      idle_run = seen_busy;
    }
  }
  return breaks;
}

std::vector<int> BreaksPerParticipant(const Problem& problem, const Domains& domains,
                                      const Solution& solution) {
  const std::size_t slot_count = problem.slots.size();
  std::vector<int> result(problem.participants.size(), 0);
  std::vector<char> busy(slot_count);
  for (std::size_t p = 0; p < problem.participants.size(); ++p) {
    std::fill(busy.begin(), busy.end(), 0);
    for (MeetingIndex m : domains.meetings_of[p]) {
      const SlotIndex t = solution.meetings[static_cast<std::size_t>(m)].slot;
      if (t >= 0 && static_cast<std::size_t>(t) < slot_count) busy[static_cast<std::size_t>(t)] = 1;
    }
    // Days are runs of slots with the same day index (slots are chronological).
    std::size_t start = 0;
    while (start < slot_count) {
      std::size_t end = start;
      while (end < slot_count && domains.day_of_slot[end] == domains.day_of_slot[start]) ++end;
      result[p] += CountBreaks(std::vector<char>(busy.begin() + static_cast<std::ptrdiff_t>(start),
                                                 busy.begin() + static_cast<std::ptrdiff_t>(end)));
      start = end;
    }
  }
  return result;
}

CheckReport Check(const Problem& problem, const Solution& solution, const CheckOptions& options) {
  CheckReport report;
  auto& violations = report.violations;
  Objective& objective = report.objective;
  const std::size_t meeting_count = problem.meetings.size();
  const std::size_t slot_count = problem.slots.size();
  if (solution.meetings.size() != meeting_count) {
    violations.push_back("the schedule has " + std::to_string(solution.meetings.size()) +
                         " meetings, the problem " + std::to_string(meeting_count));
    return report;
  }
  const Domains domains = ComputeDomains(problem);

  // Per meeting: slot range, domain (forbidden, fixed, half-day, session, city).
  std::vector<char> in_range(meeting_count, 0);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    const Meeting& meeting = problem.meetings[m];
    const Assignment& a = solution.meetings[m];
    const auto mi = static_cast<MeetingIndex>(m);
    if (meeting.cancelled && !a.scheduled()) continue;
    objective.total_weight += problem.MeetingWeight(mi);
    if (!a.scheduled()) {
      ++objective.unscheduled;
      if (problem.require_all) violations.push_back(MeetingName(problem, mi) + " is not scheduled");
      continue;
    }
    if (a.slot < 0 || static_cast<std::size_t>(a.slot) >= slot_count) {
      violations.push_back(MeetingName(problem, mi) + " has " + SlotName(a.slot) + ", outside 1.." +
                           std::to_string(slot_count));
      continue;
    }
    in_range[m] = 1;
    ++objective.scheduled;
    objective.scheduled_weight += problem.MeetingWeight(mi);
    const auto t = static_cast<std::size_t>(a.slot);
    if (!domains.allowed[m][t]) {
      std::string why = "is not allowed there";
      const Slot& slot = problem.slots[t];
      for (ParticipantIndex p : {meeting.a, meeting.b}) {
        const auto& forbidden = problem.participants[static_cast<std::size_t>(p)].forbidden_slots;
        if (std::find(forbidden.begin(), forbidden.end(), a.slot) != forbidden.end()) {
          why = "is in a forbidden slot of " + ParticipantName(problem, p);
        }
      }
      if (meeting.cancelled) {
        why = "is cancelled";
      } else if (meeting.fixed_slot && *meeting.fixed_slot != a.slot) {
        why = "is fixed to " + SlotName(*meeting.fixed_slot);
      } else if (meeting.half_day == HalfDay::kMorning && !slot.morning) {
        why = "must be in the morning";
      } else if (meeting.half_day == HalfDay::kAfternoon && slot.morning) {
        why = "must be in the afternoon";
      }
      violations.push_back(MeetingName(problem, mi) + " in " + SlotName(a.slot) + " " + why);
    }
  }

  // Precedences.
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (!in_range[m]) continue;
    for (MeetingIndex before : problem.meetings[m].after) {
      if (before < 0 || static_cast<std::size_t>(before) >= meeting_count) continue;
      if (!in_range[static_cast<std::size_t>(before)]) continue;
      if (solution.meetings[static_cast<std::size_t>(before)].slot >= solution.meetings[m].slot) {
        violations.push_back(MeetingName(problem, static_cast<MeetingIndex>(m)) + " in " +
                             SlotName(solution.meetings[m].slot) + " must come after " +
                             MeetingName(problem, before) + " in " +
                             SlotName(solution.meetings[static_cast<std::size_t>(before)].slot));
      }
    }
  }

  // One meeting per participant per slot.
  for (std::size_t p = 0; p < problem.participants.size(); ++p) {
    std::map<SlotIndex, MeetingIndex> used;
    for (MeetingIndex m : domains.meetings_of[p]) {
      if (!in_range[static_cast<std::size_t>(m)]) continue;
      const SlotIndex t = solution.meetings[static_cast<std::size_t>(m)].slot;
      auto [it, inserted] = used.emplace(t, m);
      if (!inserted) {
        violations.push_back(ParticipantName(problem, static_cast<ParticipantIndex>(p)) + " has " +
                             MeetingName(problem, it->second) + " and " + MeetingName(problem, m) +
                             " in " + SlotName(t));
      }
    }
  }

  // Table capacity per slot, and distinct valid tables.
  std::vector<std::vector<MeetingIndex>> in_slot(slot_count);
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (in_range[m])
      in_slot[static_cast<std::size_t>(solution.meetings[m].slot)].push_back(
          static_cast<MeetingIndex>(m));
  }
  for (std::size_t t = 0; t < slot_count; ++t) {
    const SessionIndex session = problem.slots[t].session;
    if (session < 0 || static_cast<std::size_t>(session) >= problem.sessions.size()) continue;
    const int tables = problem.sessions[static_cast<std::size_t>(session)].tables;
    if (static_cast<int>(in_slot[t].size()) > tables) {
      violations.push_back(SlotName(static_cast<SlotIndex>(t)) + " has " +
                           std::to_string(in_slot[t].size()) + " meetings but only " +
                           std::to_string(tables) + " tables");
    }
    if (options.check_tables) {
      std::map<TableIndex, MeetingIndex> used;
      for (MeetingIndex m : in_slot[t]) {
        const TableIndex table = solution.meetings[static_cast<std::size_t>(m)].table;
        if (table < 0 || table >= tables) {
          violations.push_back(MeetingName(problem, m) + " has table " + std::to_string(table + 1) +
                               ", outside 1.." + std::to_string(tables));
          continue;
        }
        auto [it, inserted] = used.emplace(table, m);
        if (!inserted) {
          violations.push_back(MeetingName(problem, it->second) + " and " +
                               MeetingName(problem, m) + " share table " +
                               std::to_string(table + 1) + " in " +
                               SlotName(static_cast<SlotIndex>(t)));
        }
      }
    }
    if (options.check_interpreters) {
      std::map<InterpreterIndex, MeetingIndex> used;
      for (MeetingIndex m : in_slot[t]) {
        const auto mi = static_cast<std::size_t>(m);
        const InterpreterIndex interpreter = solution.meetings[mi].interpreter;
        if (!domains.needs_interpreter[mi]) {
          if (interpreter != kNoInterpreter) {
            violations.push_back(MeetingName(problem, m) + " has an interpreter it does not need");
          }
          continue;
        }
        const auto& can = domains.can_interpret[mi];
        if (std::find(can.begin(), can.end(), interpreter) == can.end()) {
          violations.push_back(MeetingName(problem, m) + " needs an interpreter for its languages");
          continue;
        }
        if (!domains.interpreter_available[static_cast<std::size_t>(interpreter)][t]) {
          violations.push_back("interpreter " + std::to_string(interpreter + 1) +
                               " is not available in " + SlotName(static_cast<SlotIndex>(t)));
        }
        auto [it, inserted] = used.emplace(interpreter, m);
        if (!inserted) {
          violations.push_back("interpreter " + std::to_string(interpreter + 1) + " has " +
                               MeetingName(problem, it->second) + " and " +
                               MeetingName(problem, m) + " in " +
                               SlotName(static_cast<SlotIndex>(t)));
        }
      }
    }
  }

  // Objective: breaks, fairness, table changes.
  Solution in_range_only = solution;
  for (std::size_t m = 0; m < meeting_count; ++m) {
    if (!in_range[m]) in_range_only.meetings[m].slot = kUnscheduled;
  }
  objective.breaks_per_participant = BreaksPerParticipant(problem, domains, in_range_only);
  for (int b : objective.breaks_per_participant) objective.breaks += b;
  if (!objective.breaks_per_participant.empty()) {
    const auto [lo, hi] = std::minmax_element(objective.breaks_per_participant.begin(),
                                              objective.breaks_per_participant.end());
    objective.min_breaks = *lo;
    objective.max_breaks = *hi;
    objective.spread = *hi - *lo;
  }
  if (options.fairness && objective.spread > *options.fairness) {
    violations.push_back("fairness: breaks per participant range from " +
                         std::to_string(objective.min_breaks) + " to " +
                         std::to_string(objective.max_breaks) +
                         ", more than d = " + std::to_string(*options.fairness) + " apart");
  }
  for (std::size_t p = 0; p < problem.participants.size(); ++p) {
    std::vector<std::pair<SlotIndex, TableIndex>> visits;
    for (MeetingIndex m : domains.meetings_of[p]) {
      if (!in_range[static_cast<std::size_t>(m)]) continue;
      const Assignment& a = solution.meetings[static_cast<std::size_t>(m)];
      visits.emplace_back(a.slot, a.table);
    }
    std::sort(visits.begin(), visits.end());
    for (std::size_t i = 1; i < visits.size(); ++i) {
      const auto previous = static_cast<std::size_t>(visits[i - 1].first);
      const auto current = static_cast<std::size_t>(visits[i].first);
      if (domains.day_of_slot[previous] == domains.day_of_slot[current] &&
          problem.slots[previous].session == problem.slots[current].session &&
          visits[i - 1].second != visits[i].second) {
        ++objective.table_changes;
      }
    }
  }
  return report;
}

std::vector<DayStatistics> StatisticsPerDay(const Problem& problem, const Solution& solution) {
  const Domains domains = ComputeDomains(problem);
  const int days = problem.days();
  std::vector<DayStatistics> stats(static_cast<std::size_t>(std::max(days, 0)));
  for (int d = 0; d < days; ++d) stats[static_cast<std::size_t>(d)].day = d;
  const std::size_t slot_count = problem.slots.size();
  std::vector<int> load(slot_count, 0);
  for (const Assignment& a : solution.meetings) {
    if (!a.scheduled() || static_cast<std::size_t>(a.slot) >= slot_count) continue;
    ++load[static_cast<std::size_t>(a.slot)];
    DayStatistics& s =
        stats[static_cast<std::size_t>(domains.day_of_slot[static_cast<std::size_t>(a.slot)])];
    ++s.meetings;
    if (a.interpreter != kNoInterpreter) ++s.interpreted;
  }
  for (std::size_t t = 0; t < slot_count; ++t) {
    DayStatistics& s = stats[static_cast<std::size_t>(domains.day_of_slot[t])];
    s.tables_used = std::max(s.tables_used, load[t]);
    const SessionIndex session = problem.slots[t].session;
    s.tables_available =
        std::max(s.tables_available, problem.sessions[static_cast<std::size_t>(session)].tables);
    for (const auto& available : domains.interpreter_available)
      s.interpreter_slots += available[t] ? 1 : 0;
  }
  // Breaks and participants per day: count each day separately.
  for (std::size_t p = 0; p < problem.participants.size(); ++p) {
    std::vector<char> busy(slot_count, 0);
    for (MeetingIndex m : domains.meetings_of[p]) {
      const SlotIndex t = solution.meetings[static_cast<std::size_t>(m)].slot;
      if (t >= 0 && static_cast<std::size_t>(t) < slot_count) busy[static_cast<std::size_t>(t)] = 1;
    }
    std::size_t start = 0;
    while (start < slot_count) {
      std::size_t end = start;
      while (end < slot_count && domains.day_of_slot[end] == domains.day_of_slot[start]) ++end;
      const std::vector<char> day(busy.begin() + static_cast<std::ptrdiff_t>(start),
                                  busy.begin() + static_cast<std::ptrdiff_t>(end));
      DayStatistics& s = stats[static_cast<std::size_t>(domains.day_of_slot[start])];
      s.breaks += CountBreaks(day);
      if (std::find(day.begin(), day.end(), 1) != day.end()) ++s.participants;
      start = end;
    }
  }
  return stats;
}

}  // namespace ponte::schedule
