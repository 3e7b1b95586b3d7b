// Small hand-built problems shared by the schedule tests.
#pragma once

#include "schedule/problem.h"

namespace ponte::schedule::testing {

// `participants` participants, one session of `tables` tables and `slots` slots,
// and one meeting per pair in `pairs` (0-based participant indices).
inline Problem MakeProblem(int participants, int slots, int tables,
                           const std::vector<std::pair<int, int>>& pairs) {
  Problem problem;
  problem.name = "test";
  problem.require_all = true;
  problem.sessions.push_back(Session{"day 1", 0, 0, tables});
  for (int t = 0; t < slots; ++t) problem.slots.push_back(Slot{0, true, std::to_string(t + 1)});
  problem.participants.resize(static_cast<std::size_t>(participants));
  for (int p = 0; p < participants; ++p) {
    problem.participants[static_cast<std::size_t>(p)].name = std::to_string(p + 1);
  }
  int id = 1;
  for (const auto& [a, b] : pairs) {
    Meeting meeting;
    meeting.label = std::to_string(id++);
    meeting.a = a;
    meeting.b = b;
    problem.meetings.push_back(meeting);
  }
  return problem;
}

// A solution from a list of slots (tables numbered in meeting order per slot).
inline Solution MakeSolution(const std::vector<int>& slots) {
  Solution solution;
  std::vector<int> next_table(64, 0);
  for (int t : slots) {
    Assignment a;
    a.slot = t;
    if (t >= 0) a.table = next_table[static_cast<std::size_t>(t)]++;
    solution.meetings.push_back(a);
  }
  return solution;
}

}  // namespace ponte::schedule::testing
