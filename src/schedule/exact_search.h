// The exact search (internal): alternates core-guided lower-bound steps (is
// there a schedule with every participant at its current bound? a core raises
// the bound by one, a model is optimal) and SAT-based large-neighbourhood steps
// (keep most meetings in place, ask for fewer breaks than the best) on one
// incremental SatModel, until the bounds meet or the deadline passes.
//
//   ExactSearch search(problem, tt, model, rng, deadline);
//   ExactSearch::Outcome out = search.Run(start, start_breaks, on_bounds);
//
// Deterministic for a seed (conflict limits, not time, size each step). Not thread-safe.
#pragma once

#include <functional>
#include <optional>

#include "core/clock.h"
#include "core/rng.h"
#include "schedule/sat_model.h"
#include "schedule/timetable.h"

namespace ponte::schedule {

class ExactSearch {
 public:
  struct Outcome {
    std::optional<Solution> best;  // best time assignment found (may be the start)
    int lower_bound = 0;
    bool optimal = false;     // lower_bound == breaks of best
    bool infeasible = false;  // the model has no solution at all
  };

  ExactSearch(const Problem& problem, Timetable& tt, SatModel& model, Rng& rng,
              const Deadline& deadline)
      : problem_(problem),
        tt_(tt),
        model_(model),
        rng_(rng),
        deadline_(deadline),
        lb_conflicts_(kFirstConflicts),
        share_(kStartShare) {}

  // `start_breaks` < 0: `start` is not a complete schedule.
  Outcome Run(const Solution& start, int start_breaks,
              const std::function<void(int lower_bound, int best_breaks)>& on_bounds);

  // One round: a lower-bound step (growing conflict budget) and a few
  // neighbourhood steps. Updates `best`/`best_breaks` (-1 = none yet) and `lower_bound`.
  // Returns false if the model is infeasible.
  bool Round(Solution* best, int* best_breaks, int* lower_bound);

 private:
  static constexpr long kFirstConflicts = 10'000;  // first core-guided step
  static constexpr double kStartShare = 0.3;       // share of meetings a neighbourhood frees
  std::vector<std::pair<MeetingIndex, SlotIndex>> Neighbourhood(const Solution& current,
                                                                double share);
  int BreaksOf(const Solution& solution);

  const Problem& problem_;
  Timetable& tt_;
  SatModel& model_;
  Rng& rng_;
  const Deadline& deadline_;
  long lb_conflicts_;
  double share_;
  double neighbourhood_weight_ = 1.0;  // neighbourhood conflicts per core-step conflict
};

}  // namespace ponte::schedule
