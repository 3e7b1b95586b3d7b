// Planning a roadshow kept in the registry: converts between the domain
// model and the itinerary engine, plans, and stores the plan with the
// roadshow so the server and portal can show it. Used by
// `ponte plan-tour --roadshow` and `ponte demo`.
//
//   PONTE_ASSIGN_OR_RETURN(PlannedRoadshow p,
//                          PlanStoredRoadshow(store, "roadshow-2026", {.seed = 1}, deadline));
//   std::fputs(itinerary::FormatPlanText(p.roadshow, p.plan).c_str(), stdout);
//
// Opening hours: the model keeps dated windows (what the host said for each
// day); the engine takes weekly hours, so windows are expanded over each
// stage's days and folded back by weekday.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "itinerary/roadshow.h"
#include "model/model.h"
#include "store/store.h"

namespace ponte::service {

itinerary::Roadshow ToItinerary(const Roadshow& roadshow);
Roadshow FromItinerary(const itinerary::Roadshow& roadshow);

// The plan as JSON: {"value", "upper_bound", "days": [{"date", "city", "team",
// "visits": [{"visit", "name", "arrive", "start", "leave", "travel_minutes"}]}],
// "unplanned": [{"visit", "reason"}]} with times as "HH:MM" local.
std::string PlanToJson(const itinerary::RoadshowPlan& plan);

struct PlannedRoadshow {
  itinerary::Roadshow roadshow;
  itinerary::RoadshowPlan plan;
};

// Plans the stored roadshow `key` and saves the plan with it.
Result<PlannedRoadshow> PlanStoredRoadshow(Store& store, std::string_view key,
                                           const itinerary::SolveOptions& options,
                                           const Deadline& deadline);

}  // namespace ponte::service
