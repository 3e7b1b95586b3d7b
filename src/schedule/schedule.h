// The B2B meeting scheduler: public entry points.
//
//   schedule::SolveOptions options;
//   options.time_limit_s = 5;
//   options.fairness = 2;
//   schedule::SolveResult result = schedule::Solve(problem, options);
//   if (result.status == schedule::SolveStatus::kInfeasible) std::cerr << result.explanation;
//
// Solve assigns every meeting a slot (lexicographically: scheduled weight first,
// then fewest breaks under the fairness bound), then a table per meeting so
// that participants change tables as little as possible, and an interpreter to
// meetings whose sides share no language. It is anytime (stops at the time
// limit with the best schedule found) and deterministic for a given seed and
// thread count. Small problems also go through an exact SAT model (CaDiCaL)
// that proves optimality or infeasibility; `lower_bound` is the best proven
// lower bound on breaks. Repair re-plans a published schedule after a change,
// moving as few meetings as it can. Every returned solution passes Check().
// Functions are thread-safe (no shared state); the progress callback is called
// from the calling thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "schedule/check.h"
#include "schedule/problem.h"

namespace ponte::schedule {

struct SolveProgress {
  double elapsed_s = 0;
  std::int64_t best_weight = 0;  // scheduled weight of the best schedule so far
  int best_breaks = -1;          // -1 before the first schedule
  int lower_bound = 0;           // proven lower bound on breaks
  std::string phase;             // "construct", "local search", "sat", "tables"
};

struct SolveOptions {
  double time_limit_s = 10;
  std::uint64_t seed = 1;
  int threads = 1;              // the engine runs on one thread today
  std::optional<int> fairness;  // d: spread of breaks per participant <= d (hard)
  bool exact = true;            // try the SAT model when the problem is small enough
  std::function<void(const SolveProgress&)> progress;  // optional, throttled by the caller
  // Optional: when it becomes true the search stops as at its time limit and
  // returns the best schedule so far (a user cancelled the run).
  const std::atomic<bool>* cancel = nullptr;
};

enum class SolveStatus { kOptimal, kFeasible, kInfeasible, kUnknown };
const char* SolveStatusName(SolveStatus status);  // "optimal", "feasible", ...

struct SolveResult {
  SolveStatus status = SolveStatus::kUnknown;
  Solution solution;    // valid unless the status is kInfeasible / kUnknown
  Objective objective;  // recomputed by Check()
  int lower_bound = 0;  // proven lower bound on breaks (given the scheduled weight)
  double time_s = 0;
  std::string explanation;  // for kInfeasible, when a cheap reason is known
};

SolveResult Solve(const Problem& problem, const SolveOptions& options);

// A change to a published schedule (0-based indices into the NEW problem for
// added things; cancelled meetings and lost tables refer to the old problem).
struct Change {
  std::vector<MeetingIndex> cancelled;  // meetings dropped (stay in the problem, unscheduled)
  std::vector<Meeting> added;           // new requests, appended to the problem
  std::vector<Participant> registered;  // late registrations, appended to the participants
  std::vector<std::pair<SessionIndex, int>> tables;                 // a session's new table count
  std::vector<std::pair<ParticipantIndex, SlotIndex>> unavailable;  // newly forbidden slots
};

struct RepairResult {
  Problem problem;      // the problem after the change
  SolveResult result;   // the repaired schedule for `problem`
  int moved = 0;        // meetings of the published schedule that changed slot
  int table_moves = 0;  // meetings that kept their slot but changed table
  int dropped = 0;      // meetings of the published schedule now unscheduled
  std::vector<MeetingIndex> moved_meetings;
};

// Keeps `published` as stable as possible: meetings stay where they are unless
// the change makes that invalid; displaced and new meetings are placed by local
// search that penalises every moved meeting. The search ends after a number of
// iterations without progress (so a seed gives the same repair on any
// machine) or at `options.time_limit_s`, whichever comes first.
RepairResult Repair(const Problem& problem, const Solution& published, const Change& change,
                    const SolveOptions& options);

}  // namespace ponte::schedule
