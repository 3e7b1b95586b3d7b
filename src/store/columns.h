// Internal to store: how values are kept in columns, the same in both
// backends (SQLite and PostgreSQL): localized text, lists, days and an event's
// venues as JSON text, instants as seconds since the epoch; and the one
// message for a row that changed since it was read. Malformed JSON reads as
// empty.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"
#include "model/localized_text.h"
#include "model/model.h"

namespace ponte::store_internal {

using Json = nlohmann::json;

inline std::string ToJson(const LocalizedText& text) {
  Json j = Json::object();
  for (const auto& [lang, value] : text.all()) j[lang] = value;
  return j.dump();
}

inline LocalizedText LocalizedFromJson(const std::string& text) {
  LocalizedText out;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_object()) {
    for (auto& [lang, value] : j.items()) {
      if (value.is_string()) out.Set(lang, value.get<std::string>());
    }
  }
  return out;
}

inline std::string ToJson(const std::vector<std::string>& items) { return Json(items).dump(); }

inline std::vector<std::string> ListFromJson(const std::string& text) {
  std::vector<std::string> out;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_array()) {
    for (const Json& item : j) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

inline std::vector<int> DaysFromJson(const std::string& text) {
  std::vector<int> out;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_array()) {
    for (const Json& item : j) {
      if (item.is_number_integer()) out.push_back(item.get<int>());
    }
  }
  return out;
}

// An event's venues as the JSON array column both backends keep them in:
// objects with key, city and name, and latitude/longitude when located.
std::string VenuesToJson(const std::vector<Venue>& venues);
std::vector<Venue> VenuesFromJson(const std::string& text);

// Optimistic concurrency: the row changed since the caller read it.
inline Status StaleError(std::string_view what, std::int64_t id, int expected, int actual) {
  return FailedPreconditionError(std::string(what) + " " + std::to_string(id) +
                                 " changed since it was read (version " + std::to_string(expected) +
                                 ", now " + std::to_string(actual) + "): reload it and try again");
}

inline std::int64_t EpochSeconds(Instant t) { return t.time_since_epoch().count(); }
inline Instant FromEpochSeconds(std::int64_t s) { return Instant(ponte::Seconds(s)); }

}  // namespace ponte::store_internal
