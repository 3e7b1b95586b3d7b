#include <algorithm>

#include "schedule/local_search.h"
#include "schedule/schedule.h"
#include "schedule/tables.h"
#include "schedule/timetable.h"

namespace ponte::schedule {
namespace {
std::size_t Idx(int i) { return static_cast<std::size_t>(i); }

// The local search of a repair stops after this many iterations without a
// better schedule (at least; more in large problems): sized in iterations,
// not seconds, so that a change gives the same repair for a seed however
// loaded the machine is. The time limit only caps it.
constexpr std::int64_t kRepairStall = 100'000;
constexpr std::int64_t kRepairStallPerMeeting = 200;
}  // namespace

RepairResult Repair(const Problem& problem, const Solution& published, const Change& change,
                    const SolveOptions& options) {
  Stopwatch watch;
  const Deadline deadline = Deadline::After(std::chrono::duration<double>(options.time_limit_s));
  RepairResult out;
  Problem& next = out.problem;
  next = problem;
  for (const Participant& participant : change.registered) next.participants.push_back(participant);
  for (const Meeting& meeting : change.added) {
    next.meetings.push_back(meeting);
    if (next.meetings.back().label.empty()) {
      next.meetings.back().label = std::to_string(next.meetings.size());
    }
  }
  for (MeetingIndex m : change.cancelled) {
    if (m >= 0 && Idx(m) < next.meetings.size()) next.meetings[Idx(m)].cancelled = true;
  }
  for (const auto& [session, tables] : change.tables) {
    if (session >= 0 && Idx(session) < next.sessions.size())
      next.sessions[Idx(session)].tables = tables;
  }
  for (const auto& [p, t] : change.unavailable) {
    if (p >= 0 && Idx(p) < next.participants.size())
      next.participants[Idx(p)].forbidden_slots.push_back(t);
  }

  const Domains domains = ComputeDomains(next);
  Timetable tt(next, domains, options.fairness);
  std::vector<SlotIndex> anchor(next.meetings.size(), kUnscheduled);
  Solution keep;
  keep.meetings.resize(next.meetings.size());
  for (std::size_t m = 0; m < published.meetings.size() && m < next.meetings.size(); ++m) {
    keep.meetings[m] = published.meetings[m];
    if (next.meetings[m].cancelled) continue;
    anchor[m] = published.meetings[m].slot;
  }
  // Keep every published meeting that is still valid where it is.
  for (std::size_t m = 0; m < next.meetings.size(); ++m) {
    const SlotIndex t = anchor[m];
    if (t != kUnscheduled && t < tt.slot_count() && tt.CanPlace(static_cast<MeetingIndex>(m), t)) {
      tt.Place(static_cast<MeetingIndex>(m), t);
    }
  }
  // Displaced and new meetings: greedy, then local search that counts moves.
  Rng rng(options.seed);
  Construct(tt, rng);
  ImproveOptions improve;
  improve.anchor = &anchor;
  improve.stall_iterations = std::max(
      kRepairStall, kRepairStallPerMeeting * static_cast<std::int64_t>(next.meetings.size()));
  Improve(tt, rng, deadline, improve);

  Solution solution = tt.ToSolution();
  AssignTablesAndInterpreters(next, domains, &solution, &keep);
  CheckOptions check;
  check.fairness = options.fairness;
  const CheckReport report = Check(next, solution, check);
  for (std::size_t m = 0; m < next.meetings.size(); ++m) {
    if (anchor[m] == kUnscheduled) continue;
    const Assignment& now = solution.meetings[m];
    if (!now.scheduled()) {
      ++out.dropped;
      out.moved_meetings.push_back(static_cast<MeetingIndex>(m));
    } else if (now.slot != anchor[m]) {
      ++out.moved;
      out.moved_meetings.push_back(static_cast<MeetingIndex>(m));
    } else if (now.table != keep.meetings[m].table) {
      ++out.table_moves;
    }
  }
  SolveResult& result = out.result;
  result.solution = std::move(solution);
  result.objective = report.objective;
  result.status = report.valid() ? SolveStatus::kFeasible : SolveStatus::kUnknown;
  result.lower_bound = 0;
  result.time_s = watch.Seconds();
  return out;
}

}  // namespace ponte::schedule
