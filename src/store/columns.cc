#include "store/columns.h"

namespace ponte::store_internal {

std::string VenuesToJson(const std::vector<Venue>& venues) {
  Json out = Json::array();
  for (const Venue& v : venues) {
    Json venue{{"key", v.key}, {"city", v.city}, {"name", v.name}};
    if (v.location) {
      venue["latitude"] = v.location->latitude;
      venue["longitude"] = v.location->longitude;
    }
    out.push_back(std::move(venue));
  }
  return out.dump();
}

std::vector<Venue> VenuesFromJson(const std::string& text) {
  std::vector<Venue> out;
  const Json venues = Json::parse(text, nullptr, false);
  if (venues.is_array()) {
    for (const Json& v : venues) {
      Venue venue;
      venue.key = v.value("key", "");
      venue.city = v.value("city", "");
      venue.name = v.value("name", "");
      if (v.contains("latitude")) {
        venue.location = GeoPoint{v["latitude"].get<double>(), v["longitude"].get<double>()};
      }
      out.push_back(std::move(venue));
    }
  }
  return out;
}

}  // namespace ponte::store_internal
