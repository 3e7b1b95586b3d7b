// The itinerary planning problem: a team orienteering problem with (multiple)
// time windows, as plain structs.
//
//   itinerary::Problem p;
//   p.bases.push_back({"hotel", {121.47, 31.23}});
//   p.visits.push_back({.id = "fudan", .location = {121.50, 31.30}, .service = 60, .value = 8,
//                       .windows = {{540, 660}, {810, 960}}});
//   p.tours.push_back({.label = "day 1 team A", .start_base = 0, .end_base = 0,
//                      .start = 510, .end = 1110});
//   p.travel = itinerary::GreatCircleTravel{.speed_km_per_hour = 25, .overhead = 10};
//   PONTE_RETURN_IF_ERROR(itinerary::Validate(p));
//
// Times are integer `Ticks` in a unit the problem chooses (minutes for a
// roadshow, 1/10 or 1/100 of a benchmark unit for TOPTW files, see
// `ticks_per_unit`). A visit's window is [open, close] for the *start* of its
// service (service may end after close), as in the OPTW literature; a visit may
// have several windows. A tour is one sub-team on one day: it leaves its start
// base at or after `start` and must be back at its end base by `end`.
// Plain value types; no thread-safety concerns beyond those of std::vector.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/status.h"

namespace ponte::itinerary {

// A time or duration in the problem's ticks (see Problem::ticks_per_unit).
using Ticks = std::int64_t;
// The organizer's value of a visit (a benchmark score, or a matcher score).
using Value = std::int64_t;

// A point: planar (x, y) for benchmarks, or (longitude, latitude) in degrees
// for GreatCircleTravel.
struct Point {
  double x = 0;
  double y = 0;
};

// Service may start in [open, close].
struct TimeWindow {
  Ticks open = 0;
  Ticks close = 0;
};

struct Visit {
  std::string id;  // stable, unique within the problem
  Point location;
  Ticks service = 0;                // duration of the visit
  Value value = 0;                  // >= 0
  std::vector<TimeWindow> windows;  // sorted, disjoint; at least one
  bool mandatory = false;           // must be in the plan (the solver tries first)
  // Visits and tours with a region (>= 0) only combine when the regions are
  // equal (a Chengdu visit is never planned on a Shanghai day); -1 = any.
  int region = -1;
};

struct Base {
  std::string id;  // e.g. a hotel
  Point location;
  int region = -1;
};

struct Tour {
  std::string label;   // e.g. "2026-10-12 team A"
  int start_base = 0;  // index into Problem::bases
  int end_base = 0;
  Ticks start = 0;  // earliest departure from the start base
  Ticks end = 0;    // latest arrival at the end base
  int region = -1;
};

// Euclidean distance in the plane, truncated (floored) to 1/ticks_per_unit:
// travel time in ticks = floor(ticks_per_unit * distance). Coordinates are
// rounded to 1/1000 first so the result is exact integer arithmetic.
struct EuclideanTravel {};

// Great-circle distance over (lon, lat) in degrees, at a speed per region (km/h,
// index = region; `default_speed_km_per_hour` for region -1 or a mismatch),
// plus a fixed `overhead` per leg (parking, finding the door). Ticks = minutes.
struct GreatCircleTravel {
  double default_speed_km_per_hour = 25;
  std::vector<double> speed_km_per_hour_by_region;
  Ticks overhead = 0;
};

// A supplied matrix over nodes: visits 0..n-1 then bases n..n+b-1.
struct MatrixTravel {
  std::vector<std::vector<Ticks>> ticks;
};

using TravelModel = std::variant<EuclideanTravel, GreatCircleTravel, MatrixTravel>;

struct Problem {
  std::string name;
  std::vector<Visit> visits;
  std::vector<Base> bases;
  std::vector<Tour> tours;
  TravelModel travel = EuclideanTravel{};
  // Ticks per unit shown to people (10 for Solomon files, 100 for Cordeau, 1
  // for a roadshow in minutes). Only used for printing and by EuclideanTravel.
  Ticks ticks_per_unit = 1;
  // A lunch break: no service may overlap [lunch->open, lunch->close) on any
  // tour (travel may). Applied to the windows by EffectiveWindows().
  std::optional<TimeWindow> lunch;
};

// Node numbering of the travel matrix: visits first, then bases.
inline int VisitNode(int visit) { return visit; }
inline int BaseNode(const Problem& p, int base) { return static_cast<int>(p.visits.size()) + base; }

// Checks indices, windows (sorted, disjoint, open <= close), non-negative
// durations and values, unique visit ids, matrix shape. InvalidArgument with
// the offending visit/tour on failure.
Status Validate(const Problem& problem);

// The full travel-time matrix (ticks) over all nodes. Requires Validate().
std::vector<std::vector<Ticks>> TravelMatrix(const Problem& problem);

// True if visit `v` may be planned on tour `t` (regions agree).
bool Compatible(const Problem& problem, int visit, int tour);

// A visit's windows with the lunch break cut out: service [s, s+service) must
// not overlap [lunch.open, lunch.close).
std::vector<TimeWindow> EffectiveWindows(const Problem& problem, int visit);

// Cuts a break out of start windows: a service of length `service` starting at
// s is allowed if it ends by brk.open or starts at or after brk.close.
std::vector<TimeWindow> CutBreak(const std::vector<TimeWindow>& windows, Ticks service,
                                 TimeWindow brk);

// Great-circle distance in km between two (lon, lat) points in degrees.
double HaversineKm(Point a, Point b);

}  // namespace ponte::itinerary
