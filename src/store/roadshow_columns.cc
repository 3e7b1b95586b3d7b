#include "store/roadshow_columns.h"

#include <nlohmann/json.hpp>

namespace ponte::store_internal {

using Json = nlohmann::json;

RoadshowColumns EncodeRoadshow(const Roadshow& r) {
  const Json settings{{"day_start", r.day_start.count()},
                      {"day_end", r.day_end.count()},
                      {"lunch_start", r.lunch_start.count()},
                      {"lunch_end", r.lunch_end.count()},
                      {"travel_overhead", r.travel_overhead.count()},
                      {"transfer", r.transfer.count()}};
  Json stages = Json::array();
  for (const RoadshowStage& s : r.stages) {
    Json stage{{"city", s.city},
               {"first_day", FormatDate(s.first_day)},
               {"last_day", FormatDate(s.last_day)},
               {"base_name", s.base_name},
               {"teams", s.teams},
               {"speed_km_per_hour", s.speed_km_per_hour},
               {"time_zone", s.time_zone}};
    if (s.base) {
      stage["latitude"] = s.base->latitude;
      stage["longitude"] = s.base->longitude;
    }
    stages.push_back(std::move(stage));
  }
  Json travel = Json::array();
  for (const RoadshowTravel& t : r.travel) {
    travel.push_back({{"date", FormatDate(t.date)},
                      {"from_city", t.from_city},
                      {"to_city", t.to_city},
                      {"mode", t.mode},
                      {"depart", t.depart.count()},
                      {"arrive", t.arrive.count()}});
  }
  return {settings.dump(), stages.dump(), travel.dump()};
}

void DecodeRoadshow(const std::string& settings_text, const std::string& stages_text,
                    const std::string& travel_text, Roadshow& r) {
  const Json settings = Json::parse(settings_text, nullptr, false);
  auto minutes = [&](const char* name, Minutes fallback) {
    return settings.is_object() && settings.contains(name)
               ? Minutes(settings[name].get<std::int64_t>())
               : fallback;
  };
  r.day_start = minutes("day_start", r.day_start);
  r.day_end = minutes("day_end", r.day_end);
  r.lunch_start = minutes("lunch_start", r.lunch_start);
  r.lunch_end = minutes("lunch_end", r.lunch_end);
  r.travel_overhead = minutes("travel_overhead", r.travel_overhead);
  r.transfer = minutes("transfer", r.transfer);
  const Json stages = Json::parse(stages_text, nullptr, false);
  if (stages.is_array()) {
    for (const Json& s : stages) {
      RoadshowStage stage;
      stage.city = s.value("city", "");
      stage.first_day = ParseDate(s.value("first_day", "")).value_or(CivilDate{});
      stage.last_day = ParseDate(s.value("last_day", "")).value_or(CivilDate{});
      stage.base_name = s.value("base_name", "");
      stage.teams = s.value("teams", 1);
      stage.speed_km_per_hour = s.value("speed_km_per_hour", 20.0);
      stage.time_zone = s.value("time_zone", "Asia/Shanghai");
      if (s.contains("latitude")) {
        stage.base = GeoPoint{s["latitude"].get<double>(), s["longitude"].get<double>()};
      }
      r.stages.push_back(std::move(stage));
    }
  }
  const Json travel = Json::parse(travel_text, nullptr, false);
  if (travel.is_array()) {
    for (const Json& t : travel) {
      r.travel.push_back({ParseDate(t.value("date", "")).value_or(CivilDate{}),
                          t.value("from_city", ""), t.value("to_city", ""), t.value("mode", ""),
                          Minutes(t.value("depart", 0)), Minutes(t.value("arrive", 0))});
    }
  }
}

}  // namespace ponte::store_internal
