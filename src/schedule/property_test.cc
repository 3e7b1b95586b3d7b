// Property tests (rapidcheck): every schedule the engine produces passes the
// checker, on random small problems with every kind of constraint.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "core/rng.h"
#include "schedule/schedule.h"

namespace ponte::schedule {
namespace {

Problem RandomProblem(std::uint64_t seed) {
  Rng rng(seed);
  Problem problem;
  problem.require_all = rng.Bernoulli(0.5);
  const int days = static_cast<int>(rng.UniformInt(1, 2));
  const int slots_per_day = static_cast<int>(rng.UniformInt(2, 6));
  for (int day = 0; day < days; ++day) {
    problem.sessions.push_back(Session{"day", day, static_cast<CityIndex>(rng.UniformInt(0, 1)),
                                       static_cast<int>(rng.UniformInt(1, 4))});
    for (int k = 0; k < slots_per_day; ++k) {
      problem.slots.push_back(Slot{day, k < slots_per_day / 2, ""});
    }
  }
  const int slots = days * slots_per_day;
  const int participants = static_cast<int>(rng.UniformInt(2, 8));
  const std::vector<std::string> languages = {"it", "zh", "en"};
  for (int p = 0; p < participants; ++p) {
    Participant participant;
    participant.name = std::to_string(p + 1);
    for (int t = 0; t < slots; ++t) {
      if (rng.Bernoulli(0.15)) participant.forbidden_slots.push_back(t);
    }
    if (rng.Bernoulli(0.5)) participant.languages = {rng.Pick(languages)};
    if (rng.Bernoulli(0.3)) {
      for (int day = 0; day < days; ++day) {
        participant.city_by_day.push_back(
            rng.Bernoulli(0.8) ? kAnyCity : static_cast<CityIndex>(rng.UniformInt(0, 1)));
      }
    }
    problem.participants.push_back(std::move(participant));
  }
  const int meetings = static_cast<int>(rng.UniformInt(0, 14));
  for (int m = 0; m < meetings; ++m) {
    Meeting meeting;
    meeting.label = std::to_string(m + 1);
    meeting.a = static_cast<ParticipantIndex>(rng.Index(static_cast<std::size_t>(participants)));
    do {
      meeting.b = static_cast<ParticipantIndex>(rng.Index(static_cast<std::size_t>(participants)));
    } while (meeting.b == meeting.a);
    meeting.priority = static_cast<Priority>(rng.UniformInt(0, 2));
    if (rng.Bernoulli(0.1))
      meeting.fixed_slot = static_cast<SlotIndex>(rng.Index(static_cast<std::size_t>(slots)));
    if (rng.Bernoulli(0.1))
      meeting.half_day = rng.Bernoulli(0.5) ? HalfDay::kMorning : HalfDay::kAfternoon;
    if (m > 0 && rng.Bernoulli(0.1))
      meeting.after.push_back(static_cast<MeetingIndex>(rng.Index(static_cast<std::size_t>(m))));
    problem.meetings.push_back(std::move(meeting));
  }
  const int interpreters = static_cast<int>(rng.UniformInt(0, 2));
  for (int i = 0; i < interpreters; ++i) {
    Interpreter interpreter;
    interpreter.pairs.push_back({"it", "zh"});
    if (rng.Bernoulli(0.5)) interpreter.pairs.push_back({"en", "zh"});
    for (int t = 0; t < slots; ++t) {
      if (rng.Bernoulli(0.2)) interpreter.unavailable_slots.push_back(t);
    }
    problem.interpreters.push_back(std::move(interpreter));
  }
  return problem;
}

RC_GTEST_PROP(ScheduleProperty, EverySchedulePassesTheChecker, (std::uint64_t seed)) {
  const Problem problem = RandomProblem(seed);
  SolveOptions options;
  options.time_limit_s = 0.05;
  options.seed = seed;
  if (seed % 3 == 0) options.fairness = static_cast<int>(seed % 2);
  const SolveResult result = Solve(problem, options);
  if (result.status == SolveStatus::kOptimal || result.status == SolveStatus::kFeasible) {
    CheckOptions check;
    check.fairness = options.fairness;
    const CheckReport report = Check(problem, result.solution, check);
    RC_ASSERT(report.valid());
    RC_ASSERT(report.objective.breaks == result.objective.breaks);
    RC_ASSERT(result.lower_bound <= result.objective.breaks);
    if (result.status == SolveStatus::kOptimal)
      RC_ASSERT(result.lower_bound == result.objective.breaks);
  } else {
    RC_ASSERT(problem.require_all || options.fairness.has_value() ||
              result.status == SolveStatus::kUnknown);
  }
}

RC_GTEST_PROP(ScheduleProperty, EveryRepairPassesTheChecker, (std::uint64_t seed)) {
  const Problem problem = RandomProblem(seed);
  SolveOptions options;
  options.time_limit_s = 0.03;
  options.seed = seed;
  const SolveResult published = Solve(problem, options);
  RC_PRE(published.status == SolveStatus::kOptimal || published.status == SolveStatus::kFeasible);
  Rng rng(seed ^ 0x9e3779b97f4a7c15ULL);
  Change change;
  if (!problem.meetings.empty()) {
    change.cancelled.push_back(static_cast<MeetingIndex>(rng.Index(problem.meetings.size())));
  }
  const auto session = static_cast<SessionIndex>(rng.Index(problem.sessions.size()));
  change.tables.emplace_back(
      session, std::max(1, problem.sessions[static_cast<std::size_t>(session)].tables - 1));
  Meeting added;
  added.a = 0;
  added.b = 1;
  change.added.push_back(added);
  RepairResult repaired = Repair(problem, published.solution, change, options);
  // A repair may leave meetings unscheduled; it never breaks a hard constraint
  // other than "every meeting" of require_all problems.
  repaired.problem.require_all = false;
  const CheckReport report = Check(repaired.problem, repaired.result.solution);
  RC_ASSERT(report.valid());
}

}  // namespace
}  // namespace ponte::schedule
