// The checker: validates any schedule against its problem and recomputes the
// objective. Tests, property tests, the CLI (`ponte check-schedule`) and the
// solvers all use this one implementation.
//
//   schedule::CheckReport report = schedule::Check(problem, solution, {.fairness = 2});
//   if (!report.valid()) for (const auto& v : report.violations) std::cerr << v << "\n";
//   std::cout << report.objective.breaks;
//
// Definitions (as in Bofill et al., JAIR 74, 2022): a break is a maximal run of
// idle slots between two meetings of the same participant on the same day; it
// counts once whatever its length; idle slots before the first and after the
// last meeting of a day do not count. The fairness spread is the largest minus
// the smallest number of breaks over all participants (participants without
// meetings have 0 breaks). A table change is two consecutive meetings of a
// participant on one day at different tables. Pure function, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schedule/problem.h"

namespace ponte::schedule {

struct Objective {
  std::int64_t scheduled_weight = 0;  // maximised first
  std::int64_t total_weight = 0;      // of all meetings
  int scheduled = 0;
  int unscheduled = 0;
  int breaks = 0;  // minimised second
  std::vector<int> breaks_per_participant;
  int max_breaks = 0;
  int min_breaks = 0;
  int spread = 0;  // max_breaks - min_breaks, bounded by the fairness d
  int table_changes = 0;
};

struct CheckOptions {
  std::optional<int> fairness;  // d: spread <= d is a hard constraint when set
  bool check_tables = true;     // false: ignore tables (time assignment only)
  bool check_interpreters = true;
};

struct CheckReport {
  std::vector<std::string> violations;  // human-readable, 1-based ids as in the files
  Objective objective;
  bool valid() const { return violations.empty(); }
};

CheckReport Check(const Problem& problem, const Solution& solution,
                  const CheckOptions& options = {});

// Per-day figures for reports and the demo.
struct DayStatistics {
  DayIndex day = 0;
  int meetings = 0;           // scheduled that day
  int breaks = 0;             // breaks that day, over all participants
  int participants = 0;       // with at least one meeting that day
  int tables_used = 0;        // most tables in use at once in any slot of the day
  int tables_available = 0;   // most tables of any session that day
  int interpreted = 0;        // meetings with an interpreter
  int interpreter_slots = 0;  // interpreter-slots available that day
};
std::vector<DayStatistics> StatisticsPerDay(const Problem& problem, const Solution& solution);

// Breaks per participant of a timetable (tables ignored). `domains` must come
// from ComputeDomains(problem).
std::vector<int> BreaksPerParticipant(const Problem& problem, const Domains& domains,
                                      const Solution& solution);

// Breaks in one day's busy pattern: the number of maximal idle runs between two busy slots.
int CountBreaks(const std::vector<char>& busy_in_day);

}  // namespace ponte::schedule
