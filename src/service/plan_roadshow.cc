#include "service/plan_roadshow.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace ponte::service {
namespace {

constexpr int kDaysPerWeek = 7;
constexpr std::int64_t kThursday = 3;  // 1970-01-01, counting Monday = 0

unsigned WeekdayBit(const CivilDate& date) {
  const std::int64_t days = DaysFromCivil(date) + kThursday;
  const auto weekday = static_cast<unsigned>(((days % kDaysPerWeek) + kDaysPerWeek) % kDaysPerWeek);
  return 1u << weekday;
}

std::string Clock(int minutes) { return FormatClock(Minutes(minutes)); }

}  // namespace

itinerary::Roadshow ToItinerary(const Roadshow& r) {
  itinerary::Roadshow out;
  out.id = r.key;
  out.title = r.name.Best("en").first;
  out.day_start = static_cast<int>(r.day_start.count());
  out.day_end = static_cast<int>(r.day_end.count());
  out.lunch = {static_cast<int>(r.lunch_start.count()), static_cast<int>(r.lunch_end.count())};
  out.travel_overhead_minutes = static_cast<int>(r.travel_overhead.count());
  out.transfer_minutes = static_cast<int>(r.transfer.count());
  for (const RoadshowStage& s : r.stages) {
    out.stages.push_back({.city = s.city,
                          .first_day = s.first_day,
                          .last_day = s.last_day,
                          .base_name = s.base_name,
                          .base_lat = s.base ? s.base->latitude : 0,
                          .base_lon = s.base ? s.base->longitude : 0,
                          .teams = s.teams,
                          .speed_km_per_hour = s.speed_km_per_hour,
                          .time_zone = s.time_zone});
  }
  for (const RoadshowVisit& v : r.visits) {
    itinerary::RoadshowVisit iv;
    iv.id = v.key;
    iv.name = v.name.Best("en").first;
    iv.city = v.city;
    iv.kind = v.kind;
    iv.lat = v.location ? v.location->latitude : 0;
    iv.lon = v.location ? v.location->longitude : 0;
    iv.duration_minutes = static_cast<int>(v.duration.count());
    iv.value = static_cast<itinerary::Value>(v.value);
    iv.mandatory = v.mandatory;
    iv.notes = v.notes;
    iv.open_days = 0;
    std::set<std::pair<int, int>> hours;
    for (const VisitWindow& w : v.windows) {
      iv.open_days |= WeekdayBit(w.date);
      hours.emplace(static_cast<int>(w.open.count()), static_cast<int>(w.close.count()));
    }
    for (const auto& [open, close] : hours) iv.hours.push_back({open, close});
    out.visits.push_back(std::move(iv));
  }
  for (const RoadshowTravel& t : r.travel) {
    out.travel.push_back({t.date, t.from_city, t.to_city, t.mode,
                          static_cast<int>(t.depart.count()), static_cast<int>(t.arrive.count())});
  }
  return out;
}

Roadshow FromItinerary(const itinerary::Roadshow& r) {
  Roadshow out;
  out.key = r.id;
  out.name.Set("en", r.title);
  out.day_start = Minutes(r.day_start);
  out.day_end = Minutes(r.day_end);
  out.lunch_start = Minutes(r.lunch.open);
  out.lunch_end = Minutes(r.lunch.close);
  out.travel_overhead = Minutes(r.travel_overhead_minutes);
  out.transfer = Minutes(r.transfer_minutes);
  for (const itinerary::RoadshowStage& s : r.stages) {
    out.stages.push_back({.city = s.city,
                          .first_day = s.first_day,
                          .last_day = s.last_day,
                          .base_name = s.base_name,
                          .base = GeoPoint{s.base_lat, s.base_lon},
                          .teams = s.teams,
                          .speed_km_per_hour = s.speed_km_per_hour,
                          .time_zone = s.time_zone});
  }
  for (const itinerary::RoadshowVisit& v : r.visits) {
    RoadshowVisit mv;
    mv.key = v.id;
    mv.name.Set("en", v.name);
    mv.city = v.city;
    mv.kind = v.kind;
    mv.notes = v.notes;
    mv.location = GeoPoint{v.lat, v.lon};
    mv.duration = Minutes(v.duration_minutes);
    mv.value = static_cast<double>(v.value);
    mv.mandatory = v.mandatory;
    // Dated windows on every open day of the stages in the visit's city.
    for (const itinerary::RoadshowStage& s : r.stages) {
      if (s.city != v.city) continue;
      for (std::int64_t d = DaysFromCivil(s.first_day); d <= DaysFromCivil(s.last_day); ++d) {
        const CivilDate date = CivilFromDays(d);
        if ((v.open_days & WeekdayBit(date)) == 0) continue;
        for (const itinerary::OpeningHours& h : v.hours) {
          mv.windows.push_back({date, Minutes(h.open), Minutes(h.close)});
        }
      }
    }
    out.visits.push_back(std::move(mv));
  }
  for (const itinerary::TravelLeg& t : r.travel) {
    out.travel.push_back(
        {t.date, t.from_city, t.to_city, t.mode, Minutes(t.depart), Minutes(t.arrive)});
  }
  return out;
}

std::string PlanToJson(const itinerary::RoadshowPlan& plan) {
  using Json = nlohmann::json;
  Json days = Json::array();
  for (const itinerary::TeamDay& d : plan.days) {
    Json visits = Json::array();
    for (const itinerary::PlannedVisit& v : d.visits) {
      visits.push_back({{"visit", v.visit_id},
                        {"name", v.name},
                        {"travel_minutes", v.travel_minutes},
                        {"arrive", Clock(v.arrive)},
                        {"start", Clock(v.start)},
                        {"leave", Clock(v.leave)},
                        {"slack_minutes", v.slack_minutes}});
    }
    days.push_back({{"date", FormatDate(d.date)},
                    {"city", d.city},
                    {"team", d.team},
                    {"base", d.base_name},
                    {"depart_base", Clock(d.depart_base)},
                    {"back_at_base", Clock(d.back_at_base)},
                    {"visits", std::move(visits)}});
  }
  Json unplanned = Json::array();
  for (const itinerary::UnplannedVisit& u : plan.unplanned) {
    unplanned.push_back({{"visit", u.visit_id}, {"name", u.name}, {"reason", u.reason}});
  }
  Json out{{"value", plan.value},
           {"upper_bound", plan.upper_bound},
           {"feasible", plan.feasible},
           {"days", std::move(days)},
           {"unplanned", std::move(unplanned)}};
  return out.dump();
}

Result<PlannedRoadshow> PlanStoredRoadshow(Store& store, std::string_view key,
                                           const itinerary::SolveOptions& options,
                                           const Deadline& deadline) {
  PONTE_ASSIGN_OR_RETURN(Roadshow stored, store.GetRoadshow(key));
  PlannedRoadshow out;
  out.roadshow = ToItinerary(stored);
  PONTE_ASSIGN_OR_RETURN(out.plan, itinerary::PlanRoadshow(out.roadshow, options, deadline));
  stored.plan = PlanToJson(out.plan);
  PONTE_RETURN_IF_ERROR(store.PutRoadshow(stored));
  return out;
}

}  // namespace ponte::service
