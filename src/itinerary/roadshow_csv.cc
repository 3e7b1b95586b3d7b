#include "itinerary/roadshow_csv.h"

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "core/csv.h"
#include "core/utf8.h"

namespace ponte::itinerary {
namespace {

const char* const kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr unsigned kAllDays = 0x7F;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open '" + path + "'");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A CSV table with named columns.
class Table {
 public:
  static Result<Table> Load(const std::string& dir, const std::string& file, bool required) {
    Table t;
    t.name_ = file;
    Result<std::string> text = ReadFile(dir + "/" + file);
    if (!text.ok()) {
      if (!required && text.status().code() == StatusCode::kNotFound) return t;
      return text.status();
    }
    PONTE_ASSIGN_OR_RETURN(CsvTable table, ParseCsv(*text, file));
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      t.columns_[AsciiLower(Trim(table.header[c]))] = c;
    }
    t.rows_ = std::move(table.rows);
    return t;
  }

  Status Require(std::initializer_list<const char*> columns) const {
    for (const char* c : columns) {
      if (!columns_.count(c)) {
        return InvalidArgumentError(name_ + ":1: missing column '" + std::string(c) + "'");
      }
    }
    return OkStatus();
  }
  const std::vector<CsvRow>& rows() const { return rows_; }

  // The trimmed cell, or "" if the column is absent or the row short.
  std::string Get(const CsvRow& row, const char* column) const {
    const auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= row.fields.size()) return "";
    return std::string(Trim(row.fields[it->second]));
  }
  Status Error(const CsvRow& row, const char* column, const std::string& what) const {
    return InvalidArgumentError(name_ + ":" + std::to_string(row.line) + ": column '" + column +
                                "': " + what);
  }
  Result<double> Number(const CsvRow& row, const char* column) const {
    const std::string v = Get(row, column);
    double out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (v.empty() || ec != std::errc() || ptr != v.data() + v.size()) {
      return Error(row, column, "expected a number, got '" + v + "'");
    }
    return out;
  }
  Result<int> Integer(const CsvRow& row, const char* column, int fallback) const {
    const std::string v = Get(row, column);
    if (v.empty()) return fallback;
    int out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || ptr != v.data() + v.size()) {
      return Error(row, column, "expected an integer, got '" + v + "'");
    }
    return out;
  }
  Result<CivilDate> Date(const CsvRow& row, const char* column) const {
    const std::string v = Get(row, column);
    Result<CivilDate> d = ParseDate(v);
    if (!d.ok()) return Error(row, column, "expected a date YYYY-MM-DD, got '" + v + "'");
    return *d;
  }
  Result<MinuteOfDay> Clock(const CsvRow& row, const char* column) const {
    const std::string v = Get(row, column);
    Result<Minutes> m = ParseClock(v);
    if (!m.ok()) return Error(row, column, "expected a time HH:MM, got '" + v + "'");
    return static_cast<MinuteOfDay>(m->count());
  }

 private:
  std::string name_;
  std::map<std::string, std::size_t> columns_;
  std::vector<CsvRow> rows_;
};

Result<MinuteOfDay> ClockValue(std::string_view text, const std::string& where) {
  Result<Minutes> m = ParseClock(Trim(text));
  if (!m.ok()) {
    return InvalidArgumentError(where + ": expected a time HH:MM, got '" + std::string(text) + "'");
  }
  return static_cast<MinuteOfDay>(m->count());
}

}  // namespace

Result<std::vector<OpeningHours>> ParseOpeningHours(std::string_view text) {
  std::vector<OpeningHours> out;
  if (Trim(text).empty()) return InvalidArgumentError("no opening hours");
  for (std::string_view part : Split(text, ';')) {
    const auto range = Split(part, '-');
    if (range.size() != 2) {
      return InvalidArgumentError("expected HH:MM-HH:MM, got '" + std::string(part) + "'");
    }
    PONTE_ASSIGN_OR_RETURN(MinuteOfDay open, ClockValue(range[0], "opening hours"));
    PONTE_ASSIGN_OR_RETURN(MinuteOfDay close, ClockValue(range[1], "opening hours"));
    if (close <= open) {
      return InvalidArgumentError("opening hours '" + std::string(part) +
                                  "' end before they start");
    }
    if (!out.empty() && open < out.back().close) {
      return InvalidArgumentError("opening hours must be in order and not overlap");
    }
    out.push_back({open, close});
  }
  return out;
}

Result<unsigned> ParseOpenDays(std::string_view text) {
  const std::string t = AsciiLower(Trim(text));
  if (t.empty() || t == "mon-fri" || t == "weekdays") return kWeekdays;
  if (t == "daily") return kAllDays;
  auto day_index = [](std::string_view d) -> int {
    for (int i = 0; i < 7; ++i) {
      if (d == kDayNames[i]) return i;
    }
    return -1;
  };
  unsigned mask = 0;
  for (std::string_view part : Split(t, ';')) {
    const auto range = Split(part, '-');
    const int from = day_index(Trim(range[0]));
    const int to = range.size() == 2 ? day_index(Trim(range[1])) : from;
    if (range.size() > 2 || from < 0 || to < 0 || to < from) {
      return InvalidArgumentError("expected days like 'Mon-Fri', 'daily' or 'Mon;Wed', got '" +
                                  std::string(text) + "'");
    }
    for (int d = from; d <= to; ++d) mask |= 1U << d;
  }
  return mask;
}

Result<Roadshow> ReadRoadshowDir(const std::string& dir) {
  Roadshow rs;
  // settings.csv: key,value
  PONTE_ASSIGN_OR_RETURN(Table settings, Table::Load(dir, "settings.csv", true));
  PONTE_RETURN_IF_ERROR(settings.Require({"key", "value"}));
  for (const CsvRow& row : settings.rows()) {
    const std::string key = settings.Get(row, "key");
    const std::string value = settings.Get(row, "value");
    const std::string where = "settings.csv:" + std::to_string(row.line) + ": " + key;
    if (key == "id") {
      rs.id = value;
    } else if (key == "title") {
      rs.title = value;
    } else if (key == "day_start") {
      PONTE_ASSIGN_OR_RETURN(rs.day_start, ClockValue(value, where));
    } else if (key == "day_end") {
      PONTE_ASSIGN_OR_RETURN(rs.day_end, ClockValue(value, where));
    } else if (key == "lunch_start") {
      PONTE_ASSIGN_OR_RETURN(rs.lunch.open, ClockValue(value, where));
    } else if (key == "lunch_end") {
      PONTE_ASSIGN_OR_RETURN(rs.lunch.close, ClockValue(value, where));
    } else if (key == "travel_overhead_minutes" || key == "transfer_minutes") {
      int minutes = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), minutes);
      if (ec != std::errc() || ptr != value.data() + value.size() || minutes < 0) {
        return InvalidArgumentError(where + ": expected minutes, got '" + value + "'");
      }
      (key == "transfer_minutes" ? rs.transfer_minutes : rs.travel_overhead_minutes) = minutes;
    } else {
      return InvalidArgumentError(where + ": unknown setting");
    }
  }
  if (rs.id.empty()) return InvalidArgumentError("settings.csv: missing 'id'");

  PONTE_ASSIGN_OR_RETURN(Table stages, Table::Load(dir, "stages.csv", true));
  PONTE_RETURN_IF_ERROR(
      stages.Require({"city", "first_day", "last_day", "base_name", "base_lat", "base_lon"}));
  for (const CsvRow& row : stages.rows()) {
    RoadshowStage st;
    st.city = stages.Get(row, "city");
    PONTE_ASSIGN_OR_RETURN(st.first_day, stages.Date(row, "first_day"));
    PONTE_ASSIGN_OR_RETURN(st.last_day, stages.Date(row, "last_day"));
    st.base_name = stages.Get(row, "base_name");
    PONTE_ASSIGN_OR_RETURN(st.base_lat, stages.Number(row, "base_lat"));
    PONTE_ASSIGN_OR_RETURN(st.base_lon, stages.Number(row, "base_lon"));
    PONTE_ASSIGN_OR_RETURN(st.teams, stages.Integer(row, "teams", 1));
    if (!stages.Get(row, "speed_kmh").empty()) {
      PONTE_ASSIGN_OR_RETURN(st.speed_km_per_hour, stages.Number(row, "speed_kmh"));
    }
    if (!stages.Get(row, "time_zone").empty()) st.time_zone = stages.Get(row, "time_zone");
    rs.stages.push_back(std::move(st));
  }

  PONTE_ASSIGN_OR_RETURN(Table visits, Table::Load(dir, "visits.csv", true));
  PONTE_RETURN_IF_ERROR(
      visits.Require({"id", "name", "city", "lat", "lon", "duration_min", "value", "hours"}));
  for (const CsvRow& row : visits.rows()) {
    RoadshowVisit v;
    v.id = visits.Get(row, "id");
    v.name = visits.Get(row, "name");
    v.city = visits.Get(row, "city");
    v.kind = visits.Get(row, "kind");
    v.notes = visits.Get(row, "notes");
    PONTE_ASSIGN_OR_RETURN(v.lat, visits.Number(row, "lat"));
    PONTE_ASSIGN_OR_RETURN(v.lon, visits.Number(row, "lon"));
    if (v.lat < -90 || v.lat > 90) return visits.Error(row, "lat", "must be within -90..90");
    if (v.lon < -180 || v.lon > 180) return visits.Error(row, "lon", "must be within -180..180");
    PONTE_ASSIGN_OR_RETURN(v.duration_minutes, visits.Integer(row, "duration_min", 0));
    int value = 0;
    PONTE_ASSIGN_OR_RETURN(value, visits.Integer(row, "value", 0));
    v.value = value;
    const std::string mandatory = AsciiLower(visits.Get(row, "mandatory"));
    if (mandatory == "yes" || mandatory == "true" || mandatory == "1") {
      v.mandatory = true;
    } else if (!(mandatory.empty() || mandatory == "no" || mandatory == "false" ||
                 mandatory == "0")) {
      return visits.Error(row, "mandatory", "expected yes or no, got '" + mandatory + "'");
    }
    Result<unsigned> days = ParseOpenDays(visits.Get(row, "days"));
    if (!days.ok()) return visits.Error(row, "days", days.status().message());
    v.open_days = *days;
    Result<std::vector<OpeningHours>> hours = ParseOpeningHours(visits.Get(row, "hours"));
    if (!hours.ok()) return visits.Error(row, "hours", hours.status().message());
    v.hours = *hours;
    rs.visits.push_back(std::move(v));
  }

  PONTE_ASSIGN_OR_RETURN(Table travel, Table::Load(dir, "travel.csv", false));
  if (!travel.rows().empty()) {
    PONTE_RETURN_IF_ERROR(travel.Require({"date", "from_city", "to_city", "depart", "arrive"}));
  }
  for (const CsvRow& row : travel.rows()) {
    TravelLeg leg;
    PONTE_ASSIGN_OR_RETURN(leg.date, travel.Date(row, "date"));
    leg.from_city = travel.Get(row, "from_city");
    leg.to_city = travel.Get(row, "to_city");
    leg.mode = travel.Get(row, "mode");
    PONTE_ASSIGN_OR_RETURN(leg.depart, travel.Clock(row, "depart"));
    PONTE_ASSIGN_OR_RETURN(leg.arrive, travel.Clock(row, "arrive"));
    rs.travel.push_back(std::move(leg));
  }
  // Structural checks (dates, teams, ids) with the builder's messages.
  PONTE_RETURN_IF_ERROR(BuildRoadshowProblem(rs).status());
  return rs;
}

}  // namespace ponte::itinerary
