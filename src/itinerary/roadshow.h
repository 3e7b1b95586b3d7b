// Roadshows and delegation missions: several cities (stages) over several
// days, sub-teams, candidate visits with opening hours, a lunch break and
// inter-city travel days, planned with the itinerary solver.
//
//   PONTE_ASSIGN_OR_RETURN(itinerary::Roadshow rs,
//   itinerary::ReadRoadshowDir("data/demo/roadshow"));
//   PONTE_ASSIGN_OR_RETURN(itinerary::RoadshowPlan plan,
//                          itinerary::PlanRoadshow(rs, {.seed = 1}, Deadline::After(2s)));
//   std::cout << itinerary::FormatPlanText(rs, plan);   // or ExportHtml / ExportICalendar
//
// Times of day are minutes after local midnight in the stage's IANA zone;
// dates are civil dates. Each (day, sub-team) becomes one tour that leaves the
// stage's base at `day_start` (or after the arrival transfer on an arrival
// day) and is back by `day_end` (or before the departure transfer). Visits take
// place inside their opening hours (a visit must *end* by closing time) on the
// weekdays they are open, never overlapping the lunch break. Travel is the
// great-circle distance at the stage's effective speed plus a fixed overhead.
// Plain value types; all functions are pure and thread-safe. Failures are
// InvalidArgument with the offending stage/visit named.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "core/time.h"
#include "core/utf8.h"
#include "itinerary/problem.h"
#include "itinerary/solver.h"

namespace ponte::itinerary {

// Minutes after local midnight.
using MinuteOfDay = int;

struct OpeningHours {
  MinuteOfDay open = 0;
  MinuteOfDay close = 0;  // the visit must be over by then
};

struct RoadshowStage {
  std::string city;  // "Shanghai": visits name their city the same way
  CivilDate first_day;
  CivilDate last_day;
  std::string base_name;  // hotel or office where each day starts and ends
  double base_lat = 0;
  double base_lon = 0;
  int teams = 1;  // sub-teams the delegation may split into on a day
  // Effective door-to-door speed over the straight-line distance (km/h).
  double speed_km_per_hour = 20;
  std::string time_zone = "Asia/Shanghai";
};

struct RoadshowVisit {
  std::string id;  // stable: used in UIDs and by the store
  std::string name;
  std::string city;
  std::string kind;  // "university", "science park", "innovation district", ...
  double lat = 0;
  double lon = 0;
  int duration_minutes = 60;
  Value value = 1;
  bool mandatory = false;
  // Weekdays open, Monday = bit 0 ... Sunday = bit 6 (kWeekdays by default).
  unsigned open_days = 0x1F;
  std::vector<OpeningHours> hours;  // sorted, disjoint
  std::string notes;
};

// An inter-city trip (train, flight); the day's tours in both cities shrink.
struct TravelLeg {
  CivilDate date;
  std::string from_city;
  std::string to_city;
  std::string mode;  // "high-speed train G1234", "flight MU5401"
  MinuteOfDay depart = 0;
  MinuteOfDay arrive = 0;
};

struct Roadshow {
  std::string id;  // e.g. "roadshow-2026"
  std::string title;
  std::vector<RoadshowStage> stages;
  std::vector<RoadshowVisit> visits;
  std::vector<TravelLeg> travel;
  MinuteOfDay day_start = 8 * 60 + 30;
  MinuteOfDay day_end = 18 * 60 + 30;
  OpeningHours lunch{12 * 60, 13 * 60 + 30};
  int travel_overhead_minutes = 10;  // per leg: parking, gate, finding the room
  // Time between arriving at the station/airport and the base (and back).
  int transfer_minutes = 60;
};

constexpr unsigned kWeekdays = 0x1F;

// One planned visit of a team day.
struct PlannedVisit {
  std::string visit_id;
  std::string name;
  int travel_minutes = 0;  // leg from the previous stop (base or visit)
  MinuteOfDay arrive = 0;
  MinuteOfDay start = 0;  // start - arrive = waiting
  MinuteOfDay leave = 0;
  int slack_minutes = 0;  // how much later this visit could start, keeping the rest of the day
};

struct TeamDay {
  CivilDate date;
  std::string city;
  std::string team;  // "A", "B", ...
  std::string base_name;
  MinuteOfDay depart_base = 0;
  MinuteOfDay back_at_base = 0;
  MinuteOfDay day_end = 0;  // latest return
  int return_travel_minutes = 0;
  std::vector<PlannedVisit> visits;
};

struct UnplannedVisit {
  std::string visit_id;
  std::string name;
  std::string reason;
};

struct RoadshowPlan {
  std::vector<TeamDay> days;  // by date, then team
  std::vector<TravelLeg> travel;
  std::vector<UnplannedVisit> unplanned;
  Value value = 0;
  Value upper_bound = 0;
  bool feasible = true;  // false if the checker found a problem (e.g. a mandatory visit missing)
  std::vector<std::string> violations;
};

// The TOPTW problem behind a roadshow: visits in order, one base per stage,
// tours by date then team; time axis = minutes since the first stage day's
// midnight. Also returns each tour's (date, stage index, team index).
struct RoadshowProblem {
  Problem problem;
  struct TourInfo {
    CivilDate date;
    int stage = 0;
    int team = 0;
  };
  std::vector<TourInfo> tours;
};
Result<RoadshowProblem> BuildRoadshowProblem(const Roadshow& roadshow);

Result<RoadshowPlan> PlanRoadshow(const Roadshow& roadshow, const SolveOptions& options,
                                  const Deadline& deadline);

// Turns a solution of BuildRoadshowProblem(roadshow) back into team days.
RoadshowPlan MakePlan(const Roadshow& roadshow, const RoadshowProblem& built,
                      const Solution& solution);

// Plain text, day by day (for the terminal).
std::string FormatPlanText(const Roadshow& roadshow, const RoadshowPlan& plan);
// A printable standalone HTML page (every text escaped).
std::string ExportHtml(const Roadshow& roadshow, const RoadshowPlan& plan);
// RFC 5545 calendar, one VEVENT per visit and per inter-city trip, times in
// UTC, stable UIDs "<roadshow id>-<date>-<team>-<visit id>@ponte", CRLF lines
// folded at 75 octets on UTF-8 boundaries. `stamp` becomes DTSTAMP.
Result<std::string> ExportICalendar(const Roadshow& roadshow, const RoadshowPlan& plan,
                                    Instant stamp = Instant{});

// Helpers shared with tests: text escaping for iCalendar TEXT values and HTML.
std::string EscapeICalText(std::string_view text);
std::string FoldICalLine(std::string_view line);
using ::ponte::EscapeHtml;  // core/utf8.h

}  // namespace ponte::itinerary
