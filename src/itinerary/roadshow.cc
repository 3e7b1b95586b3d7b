#include "itinerary/roadshow.h"

#include <algorithm>
#include <map>
#include <set>

namespace ponte::itinerary {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kDaysPerWeek = 7;
// 1970-01-01 was a Thursday (Monday = 0).
constexpr std::int64_t kEpochWeekday = 3;
// A day window shorter than this (after travel transfers) holds no tours.
constexpr int kMinUsefulMinutes = 60;

std::string TeamName(int team) { return std::string(1, static_cast<char>('A' + team)); }

int Weekday(const CivilDate& date) {
  return static_cast<int>(((DaysFromCivil(date) + kEpochWeekday) % kDaysPerWeek + kDaysPerWeek) %
                          kDaysPerWeek);
}

Status ValidateRoadshow(const Roadshow& rs) {
  if (rs.stages.empty()) return InvalidArgumentError("roadshow '" + rs.id + "' has no stages");
  if (rs.day_start >= rs.day_end) return InvalidArgumentError("day_start must be before day_end");
  if (rs.lunch.open > rs.lunch.close) return InvalidArgumentError("lunch ends before it starts");
  for (std::size_t s = 0; s < rs.stages.size(); ++s) {
    const RoadshowStage& st = rs.stages[s];
    const std::string where = "stage " + std::to_string(s + 1) + " (" + st.city + ")";
    if (st.city.empty()) return InvalidArgumentError(where + ": empty city");
    if (st.first_day > st.last_day)
      return InvalidArgumentError(where + ": first_day after last_day");
    if (st.teams < 1 || st.teams > 26) return InvalidArgumentError(where + ": teams must be 1..26");
    if (!(st.speed_km_per_hour > 0))
      return InvalidArgumentError(where + ": speed must be positive");
    if (!IsValidTimeZone(st.time_zone)) {
      return InvalidArgumentError(where + ": unknown time zone '" + st.time_zone + "'");
    }
  }
  std::set<std::string> ids;
  for (const RoadshowVisit& v : rs.visits) {
    const std::string where = "visit '" + v.id + "'";
    if (v.id.empty()) return InvalidArgumentError("a visit has an empty id");
    if (!ids.insert(v.id).second) return InvalidArgumentError(where + ": duplicate id");
    if (v.duration_minutes <= 0) return InvalidArgumentError(where + ": duration must be positive");
    if (v.value < 0) return InvalidArgumentError(where + ": negative value");
    for (std::size_t h = 0; h < v.hours.size(); ++h) {
      if (v.hours[h].open >= v.hours[h].close) {
        return InvalidArgumentError(where + ": opening hours end before they start");
      }
      if (h > 0 && v.hours[h].open < v.hours[h - 1].close) {
        return InvalidArgumentError(where + ": opening hours must be sorted and disjoint");
      }
    }
  }
  return OkStatus();
}

}  // namespace

Result<RoadshowProblem> BuildRoadshowProblem(const Roadshow& rs) {
  PONTE_RETURN_IF_ERROR(ValidateRoadshow(rs));
  RoadshowProblem out;
  Problem& p = out.problem;
  p.name = rs.id;
  p.ticks_per_unit = 1;  // minutes
  std::int64_t origin = DaysFromCivil(rs.stages.front().first_day);
  for (const RoadshowStage& st : rs.stages) origin = std::min(origin, DaysFromCivil(st.first_day));
  auto absolute = [origin](const CivilDate& date, MinuteOfDay minute) -> Ticks {
    return (DaysFromCivil(date) - origin) * kMinutesPerDay + minute;
  };

  // Regions are cities; speeds per city come from their first stage.
  std::map<std::string, int> region_of;
  GreatCircleTravel travel;
  travel.overhead = rs.travel_overhead_minutes;
  double speed_sum = 0;
  for (const RoadshowStage& st : rs.stages) {
    if (region_of.emplace(st.city, static_cast<int>(region_of.size())).second) {
      travel.speed_km_per_hour_by_region.push_back(st.speed_km_per_hour);
    }
    speed_sum += st.speed_km_per_hour;
  }
  travel.default_speed_km_per_hour = speed_sum / static_cast<double>(rs.stages.size());
  p.travel = travel;
  const int no_region = static_cast<int>(region_of.size());

  for (std::size_t s = 0; s < rs.stages.size(); ++s) {
    const RoadshowStage& st = rs.stages[s];
    p.bases.push_back(
        {"base-" + std::to_string(s + 1), {st.base_lon, st.base_lat}, region_of.at(st.city)});
  }

  for (const RoadshowVisit& rv : rs.visits) {
    Visit v;
    v.id = rv.id;
    v.location = {rv.lon, rv.lat};
    v.service = rv.duration_minutes;
    v.value = rv.value;
    v.mandatory = rv.mandatory;
    const auto region = region_of.find(rv.city);
    v.region = region == region_of.end() ? no_region : region->second;
    std::vector<TimeWindow> windows;
    for (const RoadshowStage& st : rs.stages) {
      if (st.city != rv.city) continue;
      for (std::int64_t d = DaysFromCivil(st.first_day); d <= DaysFromCivil(st.last_day); ++d) {
        const CivilDate date = CivilFromDays(d);
        if (((rv.open_days >> Weekday(date)) & 1U) == 0) continue;
        std::vector<TimeWindow> day;
        for (const OpeningHours& h : rv.hours) {
          // Service must end by closing time: latest start = close - duration.
          if (h.close - rv.duration_minutes >= h.open) {
            day.push_back({absolute(date, h.open), absolute(date, h.close - rv.duration_minutes)});
          }
        }
        const TimeWindow day_lunch{absolute(date, rs.lunch.open), absolute(date, rs.lunch.close)};
        for (const TimeWindow& w : CutBreak(day, v.service, day_lunch)) windows.push_back(w);
      }
    }
    std::sort(windows.begin(), windows.end(),
              [](const TimeWindow& a, const TimeWindow& b) { return a.open < b.open; });
    // Two stages in the same city on the same day would repeat a window.
    windows.erase(std::unique(windows.begin(), windows.end(),
                              [](const TimeWindow& a, const TimeWindow& b) {
                                return a.open == b.open && a.close == b.close;
                              }),
                  windows.end());
    if (windows.empty()) {
      // Never open while the delegation is in town: an empty window keeps the
      // visit in the problem (for the report) but unusable.
      windows.push_back({-1, -1});
    }
    v.windows = std::move(windows);
    p.visits.push_back(std::move(v));
  }

  // Tours: every stage day, every team, shortened by inter-city travel.
  struct DayTour {
    CivilDate date;
    int stage;
  };
  std::vector<DayTour> day_tours;
  for (std::size_t s = 0; s < rs.stages.size(); ++s) {
    const RoadshowStage& st = rs.stages[s];
    for (std::int64_t d = DaysFromCivil(st.first_day); d <= DaysFromCivil(st.last_day); ++d) {
      day_tours.push_back({CivilFromDays(d), static_cast<int>(s)});
    }
  }
  std::stable_sort(day_tours.begin(), day_tours.end(),
                   [](const DayTour& a, const DayTour& b) { return a.date < b.date; });
  for (const DayTour& dt : day_tours) {
    const RoadshowStage& st = rs.stages[static_cast<std::size_t>(dt.stage)];
    MinuteOfDay start = rs.day_start;
    MinuteOfDay end = rs.day_end;
    for (const TravelLeg& leg : rs.travel) {
      if (!(leg.date == dt.date)) continue;
      if (leg.to_city == st.city) start = std::max(start, leg.arrive + rs.transfer_minutes);
      if (leg.from_city == st.city) end = std::min(end, leg.depart - rs.transfer_minutes);
    }
    if (end - start < kMinUsefulMinutes) continue;
    for (int team = 0; team < st.teams; ++team) {
      Tour tour;
      tour.label = FormatDate(dt.date) + " " + st.city + " team " + TeamName(team);
      tour.start_base = dt.stage;
      tour.end_base = dt.stage;
      tour.start = absolute(dt.date, start);
      tour.end = absolute(dt.date, end);
      tour.region = region_of.at(st.city);
      p.tours.push_back(tour);
      out.tours.push_back({dt.date, dt.stage, team});
    }
  }
  // The unusable placeholder window [-1, -1] validates (open <= close).
  PONTE_RETURN_IF_ERROR(Validate(p));
  return out;
}

RoadshowPlan MakePlan(const Roadshow& rs, const RoadshowProblem& built, const Solution& solution) {
  const Problem& p = built.problem;
  RoadshowPlan plan;
  plan.travel = rs.travel;
  const CheckReport check = Check(p, solution);
  plan.feasible = check.feasible;
  plan.violations = check.violations;
  plan.value = check.value;
  const auto matrix = TravelMatrix(p);
  auto leg = [&matrix](int a, int b) {
    return matrix[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
  };
  auto minute_of_day = [](Ticks t) {
    return static_cast<MinuteOfDay>(((t % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay);
  };
  std::vector<char> planned(p.visits.size(), 0);
  for (std::size_t t = 0; t < solution.tours.size() && t < p.tours.size(); ++t) {
    const Tour& tour = p.tours[t];
    const auto& info = built.tours[t];
    const RoadshowStage& st = rs.stages[static_cast<std::size_t>(info.stage)];
    TeamDay day;
    day.date = info.date;
    day.city = st.city;
    day.team = TeamName(info.team);
    day.base_name = st.base_name;
    day.day_end = minute_of_day(tour.end);
    const auto& stops = solution.tours[t];
    const int base = BaseNode(p, tour.start_base);
    // Latest start of each stop that keeps the rest of the day feasible.
    std::vector<Ticks> latest(stops.size());
    Ticks next_latest_arrival = tour.end;
    int next_node = BaseNode(p, tour.end_base);
    for (std::size_t i = stops.size(); i-- > 0;) {
      const Stop& s = stops[i];
      Ticks close = s.start;
      for (const TimeWindow& w : EffectiveWindows(p, s.visit)) {
        if (w.open <= s.start && s.start <= w.close) close = w.close;
      }
      latest[i] = std::min(close, next_latest_arrival - leg(s.visit, next_node) -
                                      p.visits[static_cast<std::size_t>(s.visit)].service);
      next_latest_arrival = latest[i];
      next_node = s.visit;
    }
    int prev = base;
    for (std::size_t i = 0; i < stops.size(); ++i) {
      const Stop& s = stops[i];
      planned[static_cast<std::size_t>(s.visit)] = 1;
      PlannedVisit pv;
      pv.visit_id = p.visits[static_cast<std::size_t>(s.visit)].id;
      pv.name = rs.visits[static_cast<std::size_t>(s.visit)].name;
      pv.travel_minutes = static_cast<int>(leg(prev, s.visit));
      // Leave the base just in time for the first visit (no waiting at the door).
      pv.arrive = minute_of_day(i == 0 ? s.start : s.arrive);
      pv.start = minute_of_day(s.start);
      pv.leave = minute_of_day(s.leave);
      pv.slack_minutes = static_cast<int>(std::max<Ticks>(0, latest[i] - s.start));
      day.visits.push_back(pv);
      prev = s.visit;
    }
    if (stops.empty()) {
      day.depart_base = minute_of_day(tour.start);
      day.back_at_base = minute_of_day(tour.start);
    } else {
      day.depart_base = minute_of_day(stops.front().start - leg(base, stops.front().visit));
      day.return_travel_minutes = static_cast<int>(leg(prev, BaseNode(p, tour.end_base)));
      day.back_at_base = minute_of_day(stops.back().leave + day.return_travel_minutes);
    }
    plan.days.push_back(std::move(day));
  }

  // Why each left-out candidate was left out.
  std::set<std::string> cities;
  for (const RoadshowStage& st : rs.stages) cities.insert(st.city);
  for (std::size_t v = 0; v < p.visits.size(); ++v) {
    if (planned[v]) continue;
    const RoadshowVisit& rv = rs.visits[v];
    UnplannedVisit u{rv.id, rv.name, ""};
    const auto windows = EffectiveWindows(p, static_cast<int>(v));
    bool fits_alone = false;
    for (std::size_t t = 0; t < p.tours.size() && !fits_alone; ++t) {
      if (!Compatible(p, static_cast<int>(v), static_cast<int>(t))) continue;
      const Tour& tour = p.tours[t];
      const Ticks arrive = tour.start + leg(BaseNode(p, tour.start_base), static_cast<int>(v));
      for (const TimeWindow& w : windows) {
        if (w.close < arrive || w.open < 0) continue;
        const Ticks back = std::max(arrive, w.open) + p.visits[v].service +
                           leg(static_cast<int>(v), BaseNode(p, tour.end_base));
        fits_alone = back <= tour.end;
        break;
      }
    }
    if (!cities.count(rv.city)) {
      u.reason = "no stage of the roadshow is in " + rv.city;
    } else if (windows.size() == 1 && windows[0].open < 0) {
      u.reason = "closed whenever the delegation is in " + rv.city +
                 " (opening days and hours, minus the lunch break, too short for the visit)";
    } else if (!fits_alone) {
      u.reason = "cannot fit in any day in " + rv.city +
                 ": travel from the base plus the visit exceed the day's hours while it is open";
    } else {
      u.reason = "left out for visits of higher value in the same time (value " +
                 std::to_string(rv.value) + ")";
    }
    plan.unplanned.push_back(std::move(u));
  }
  return plan;
}

Result<RoadshowPlan> PlanRoadshow(const Roadshow& roadshow, const SolveOptions& options,
                                  const Deadline& deadline) {
  PONTE_ASSIGN_OR_RETURN(RoadshowProblem built, BuildRoadshowProblem(roadshow));
  PONTE_ASSIGN_OR_RETURN(SolveResult result, Solve(built.problem, options, deadline));
  RoadshowPlan plan = MakePlan(roadshow, built, result.solution);
  plan.upper_bound = result.upper_bound;
  return plan;
}

}  // namespace ponte::itinerary
