#include "io/import.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/csv.h"
#include "core/utf8.h"
#include "io/fields.h"
#include "io/schema.h"
#include "model/codes.h"
#include "model/validate.h"

namespace ponte::io {
namespace {

using internal::Fields;
using Json = nlohmann::json;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---- one builder per kind ------------------------------------------------

Status BuildOrganization(const Fields& f, Dataset& data) {
  OrganizationRecord rec;
  rec.where = f.where();
  Organization& org = rec.organization;
  PONTE_ASSIGN_OR_RETURN(org.key, f.Required("key"));
  PONTE_ASSIGN_OR_RETURN(org.name, f.Localized("name"));
  PONTE_ASSIGN_OR_RETURN(std::string type, f.Required("type"));
  auto parsed_type = ParseOrganizationType(AsciiLower(type));
  if (!parsed_type.ok()) return f.Wrap("type", parsed_type.status());
  org.type = *parsed_type;
  PONTE_ASSIGN_OR_RETURN(org.country, f.Required("country"));
  org.region = f.Text("region");
  org.city = f.Text("city");
  org.website = f.Text("website");
  PONTE_ASSIGN_OR_RETURN(auto lat, f.Double("latitude", -90, 90));
  PONTE_ASSIGN_OR_RETURN(auto lon, f.Double("longitude", -180, 180));
  if (lat.has_value() != lon.has_value()) {
    return f.Error(lat ? "longitude" : "latitude", "latitude and longitude go together");
  }
  if (lat) org.location = GeoPoint{*lat, *lon};
  // Consent to a public profile; files from before the column consent.
  PONTE_ASSIGN_OR_RETURN(org.public_profile, f.Bool("public_profile", true));
  PONTE_RETURN_IF_ERROR(f.WrapRecord(Validate(org)));
  data.organizations.push_back(std::move(rec));
  return OkStatus();
}

Status BuildPerson(const Fields& f, Dataset& data) {
  PersonRecord rec;
  rec.where = f.where();
  Person& p = rec.person;
  PONTE_ASSIGN_OR_RETURN(p.key, f.Required("key"));
  PONTE_ASSIGN_OR_RETURN(rec.organization_key, f.Required("organization"));
  p.given_name = f.Text("given_name");
  p.family_name = f.Text("family_name");
  p.name_latin = f.Text("name_latin");
  p.role = f.Text("role");
  p.email = f.Text("email");
  for (std::string& lang : f.List("languages")) p.languages.push_back(AsciiLower(lang));
  PONTE_ASSIGN_OR_RETURN(p.needs_interpreter, f.Bool("needs_interpreter", false));
  rec.session_keys = f.List("sessions");
  PONTE_RETURN_IF_ERROR(f.WrapRecord(Validate(p)));
  data.people.push_back(std::move(rec));
  return OkStatus();
}

Status BuildProfile(const Fields& f, const ReadOptions& options, Dataset& data) {
  ProfileRecord rec;
  rec.where = f.where();
  Profile& p = rec.profile;
  PONTE_ASSIGN_OR_RETURN(p.key, f.Required("key"));
  PONTE_ASSIGN_OR_RETURN(rec.organization_key, f.Required("organization"));
  PONTE_ASSIGN_OR_RETURN(std::string kind, f.Required("kind"));
  auto parsed_kind = ParseProfileKind(AsciiLower(kind));
  if (!parsed_kind.ok()) return f.Wrap("kind", parsed_kind.status());
  p.kind = *parsed_kind;
  PONTE_ASSIGN_OR_RETURN(p.title, f.Localized("title"));
  PONTE_ASSIGN_OR_RETURN(p.text, f.Localized("text"));
  p.themes = f.List("themes");
  p.keywords = f.List("keywords");
  for (const std::string& code : f.List("cooperation")) {
    auto c = ParseCooperationType(AsciiLower(code));
    if (!c.ok()) return f.Wrap("cooperation", c.status());
    p.cooperation.push_back(*c);
  }
  static const Taxonomy kEmpty;
  if (options.taxonomy == nullptr && !p.themes.empty()) {
    return InternalError("no taxonomy given to check profile themes");
  }
  PONTE_RETURN_IF_ERROR(
      f.WrapRecord(Validate(p, options.taxonomy != nullptr ? *options.taxonomy : kEmpty)));
  data.profiles.push_back(std::move(rec));
  return OkStatus();
}

Result<Instant> CivilInstant(const Fields& f, const CivilDate& date, std::string_view column,
                             std::string_view clock_text, std::string_view zone) {
  auto clock = ParseClock(clock_text);
  if (!clock.ok()) return f.Wrap(column, clock.status());
  const auto minutes = static_cast<int>(clock->count());
  auto t = FromCivil({date.year, date.month, date.day, minutes / 60, minutes % 60, 0}, zone);
  if (!t.ok()) return f.Wrap(column, t.status());
  return *t;
}

Status BuildSession(const Fields& f, const ReadOptions& options, Dataset& data) {
  if (options.time_zone.empty()) {
    return InvalidArgumentError(f.where().ToString() +
                                ": sessions need their event: give --event KEY or an event.json");
  }
  SessionRecord rec;
  rec.where = f.where();
  Session& s = rec.session;
  PONTE_ASSIGN_OR_RETURN(s.key, f.Required("key"));
  PONTE_ASSIGN_OR_RETURN(s.city, f.Required("city"));
  s.venue = f.Text("venue");
  PONTE_ASSIGN_OR_RETURN(std::string date_text, f.Required("date"));
  auto date = ParseDate(date_text);
  if (!date.ok()) return f.Wrap("date", date.status());
  s.date = *date;
  PONTE_ASSIGN_OR_RETURN(std::string start, f.Required("start"));
  PONTE_ASSIGN_OR_RETURN(std::string end, f.Required("end"));
  PONTE_ASSIGN_OR_RETURN(s.start, CivilInstant(f, s.date, "start", start, options.time_zone));
  PONTE_ASSIGN_OR_RETURN(s.end, CivilInstant(f, s.date, "end", end, options.time_zone));
  constexpr int kMaxSlotMinutes = 480;
  constexpr int kMaxTables = 100000;
  PONTE_ASSIGN_OR_RETURN(int slot, f.Int("slot_minutes", 1, kMaxSlotMinutes));
  s.slot_length = Minutes(slot);
  PONTE_ASSIGN_OR_RETURN(s.tables, f.Int("tables", 1, kMaxTables));
  for (const std::string& br : f.List("breaks")) {
    const auto dash = br.find('-');
    if (dash == std::string::npos) {
      return f.Error("breaks", "expected HH:MM-HH:MM, got '" + br + "'");
    }
    Interval interval;
    PONTE_ASSIGN_OR_RETURN(
        interval.start, CivilInstant(f, s.date, "breaks", br.substr(0, dash), options.time_zone));
    PONTE_ASSIGN_OR_RETURN(
        interval.end, CivilInstant(f, s.date, "breaks", br.substr(dash + 1), options.time_zone));
    s.breaks.push_back(interval);
  }
  PONTE_RETURN_IF_ERROR(f.WrapRecord(Validate(s)));
  data.sessions.push_back(std::move(rec));
  return OkStatus();
}

Status BuildInterpreter(const Fields& f, Dataset& data) {
  InterpreterRecord rec;
  rec.where = f.where();
  Interpreter& it = rec.interpreter;
  PONTE_ASSIGN_OR_RETURN(it.key, f.Required("key"));
  PONTE_ASSIGN_OR_RETURN(it.name, f.Required("name"));
  for (const std::string& pair : f.List("pairs")) {
    const auto dash = pair.find('-');
    if (dash == std::string::npos) {
      return f.Error("pairs", "expected language pairs like it-zh, got '" + pair + "'");
    }
    std::string a = AsciiLower(pair.substr(0, dash));
    std::string b = AsciiLower(pair.substr(dash + 1));
    if (b < a) std::swap(a, b);
    it.pairs.push_back({a, b});
  }
  rec.session_keys = f.List("sessions");
  PONTE_RETURN_IF_ERROR(f.WrapRecord(Validate(it)));
  data.interpreters.push_back(std::move(rec));
  return OkStatus();
}

Status BuildRequest(const Fields& f, Dataset& data) {
  RequestRecord rec;
  rec.where = f.where();
  MeetingRequest& r = rec.request;
  PONTE_ASSIGN_OR_RETURN(r.key, f.Required("key"));
  PONTE_ASSIGN_OR_RETURN(rec.from_key, f.Required("from"));
  PONTE_ASSIGN_OR_RETURN(rec.to_key, f.Required("to"));
  if (rec.from_key == rec.to_key) {
    return f.Error("to", "an organization cannot request a meeting with itself");
  }
  rec.requested_by_key = f.Text("requested_by");
  PONTE_ASSIGN_OR_RETURN(std::string pref, f.Required("preference"));
  auto p = ParsePreference(AsciiLower(pref));
  if (!p.ok()) return f.Wrap("preference", p.status());
  r.preference = *p;
  const std::string status = f.Text("status");
  if (!status.empty()) {
    auto st = ParseRequestStatus(AsciiLower(status));
    if (!st.ok()) return f.Wrap("status", st.status());
    r.status = *st;
  }
  r.message = f.Text("message");
  const std::string created = f.Text("created_at");
  if (!created.empty()) {
    auto t = ParseUtc(created);
    if (!t.ok()) return f.Wrap("created_at", t.status());
    r.created_at = *t;
    r.updated_at = *t;
  }
  const std::string updated = f.Text("updated_at");
  if (!updated.empty()) {
    auto t = ParseUtc(updated);
    if (!t.ok()) return f.Wrap("updated_at", t.status());
    r.updated_at = *t;
  }
  PONTE_RETURN_IF_ERROR(f.WrapRecord(ValidateKey(r.key)));
  data.requests.push_back(std::move(rec));
  return OkStatus();
}

Status BuildMeeting(const Fields& f, Dataset& data) {
  MeetingRecord rec;
  rec.where = f.where();
  Meeting& m = rec.meeting;
  rec.request_key = f.Text("request");
  PONTE_ASSIGN_OR_RETURN(rec.a_key, f.Required("a"));
  PONTE_ASSIGN_OR_RETURN(rec.b_key, f.Required("b"));
  PONTE_ASSIGN_OR_RETURN(rec.session_key, f.Required("session"));
  constexpr int kMaxIndex = 100000;
  PONTE_ASSIGN_OR_RETURN(m.slot, f.Int("slot", 1, kMaxIndex));
  m.slot -= 1;  // files are 1-based
  PONTE_ASSIGN_OR_RETURN(m.table, f.Int("table", 1, kMaxIndex));
  rec.interpreter_key = f.Text("interpreter");
  const std::string status = f.Text("status");
  if (!status.empty()) {
    auto st = ParseMeetingStatus(AsciiLower(status));
    if (!st.ok()) return f.Wrap("status", st.status());
    m.status = *st;
  }
  data.meetings.push_back(std::move(rec));
  return OkStatus();
}

Status Build(FileKind kind, const Fields& f, const ReadOptions& options, Dataset& data) {
  switch (kind) {
    case FileKind::kOrganizations:
      return BuildOrganization(f, data);
    case FileKind::kPeople:
      return BuildPerson(f, data);
    case FileKind::kProfiles:
      return BuildProfile(f, options, data);
    case FileKind::kSessions:
      return BuildSession(f, options, data);
    case FileKind::kInterpreters:
      return BuildInterpreter(f, data);
    case FileKind::kRequests:
      return BuildRequest(f, data);
    case FileKind::kMeetings:
      return BuildMeeting(f, data);
    case FileKind::kEvent:
      break;
  }
  return InternalError("event files are not record files");
}

// ---- formats -------------------------------------------------------------

Status CheckColumns(FileKind kind, const std::vector<std::string>& header,
                    std::string_view file_name) {
  std::set<std::string> seen;
  for (const std::string& column : header) {
    const std::string where = std::string(file_name) + ":1: column '" + column + "'";
    if (!seen.insert(column).second) return InvalidArgumentError(where + ": appears twice");
    if (!IsKnownColumn(kind, column)) {
      return InvalidArgumentError(where + ": unknown column for " + std::string(ToCode(kind)) +
                                  " (expected: " + ExpectedColumns(kind) + ")");
    }
  }
  for (std::string_view required : RequiredColumns(kind)) {
    if (!seen.contains(std::string(required))) {
      return InvalidArgumentError(std::string(file_name) + ":1: missing column '" +
                                  std::string(required) + "' (expected: " + ExpectedColumns(kind) +
                                  ")");
    }
  }
  return OkStatus();
}

Status ReadCsv(FileKind kind, std::string_view text, std::string_view file_name,
               const ReadOptions& options, Dataset& data) {
  PONTE_ASSIGN_OR_RETURN(CsvTable table, ParseCsv(text, file_name));
  for (std::string& column : table.header) column = AsciiLower(Trim(column));
  PONTE_RETURN_IF_ERROR(CheckColumns(kind, table.header, file_name));
  for (CsvRow& row : table.rows) {
    std::vector<std::pair<std::string, std::string>> values;
    values.reserve(row.fields.size());
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      values.emplace_back(table.header[i], std::move(row.fields[i]));
    }
    PONTE_RETURN_IF_ERROR(
        Build(kind, Fields(SourceLocation{std::string(file_name), row.line}, std::move(values)),
              options, data));
  }
  return OkStatus();
}

Result<std::string> JsonScalar(const Json& value, std::string_view where) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) {
    std::ostringstream out;
    out << value.get<double>();
    return out.str();
  }
  if (value.is_boolean()) return std::string(value.get<bool>() ? "yes" : "no");
  if (value.is_null()) return std::string();
  return InvalidArgumentError(std::string(where) +
                              ": expected a string, number or list of strings");
}

Status ReadJsonLines(FileKind kind, std::string_view text, std::string_view file_name,
                     const ReadOptions& options, Dataset& data) {
  text = StripBom(text);
  int line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line;
    if (raw.empty()) continue;
    const std::string where = std::string(file_name) + ":" + std::to_string(line);
    if (auto bad = FindInvalidUtf8(raw)) {
      return InvalidArgumentError(where + ": invalid UTF-8 (save the file as UTF-8)");
    }
    Json object = Json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded() || !object.is_object()) {
      return InvalidArgumentError(where + ": expected one JSON object per line");
    }
    std::vector<std::pair<std::string, std::string>> values;
    for (auto& [name, value] : object.items()) {
      const std::string field_where = where + ": field '" + name + "'";
      if (value.is_object()) {  // {"name": {"it": "...", "zh": "..."}}
        for (auto& [lang, text_value] : value.items()) {
          PONTE_ASSIGN_OR_RETURN(std::string s, JsonScalar(text_value, field_where));
          values.emplace_back(name + "_" + lang, std::move(s));
        }
        continue;
      }
      if (value.is_array()) {
        std::string joined;
        for (const Json& item : value) {
          PONTE_ASSIGN_OR_RETURN(std::string s, JsonScalar(item, field_where));
          if (!joined.empty()) joined += ';';
          joined += s;
        }
        values.emplace_back(name, std::move(joined));
        continue;
      }
      PONTE_ASSIGN_OR_RETURN(std::string s, JsonScalar(value, field_where));
      values.emplace_back(name, std::move(s));
    }
    for (auto& [name, value] : values) {
      if (!IsKnownColumn(kind, name)) {
        return InvalidArgumentError(where + ": unknown field '" + name + "' for " +
                                    std::string(ToCode(kind)) +
                                    " (expected: " + ExpectedColumns(kind) + ")");
      }
    }
    PONTE_RETURN_IF_ERROR(
        Build(kind, Fields(SourceLocation{std::string(file_name), line}, values), options, data));
  }
  return OkStatus();
}

Result<CivilDate> JsonDate(const Json& object, const char* name, std::string_view where) {
  if (!object.contains(name) || !object[name].is_string()) {
    return InvalidArgumentError(std::string(where) + ": field '" + name +
                                "': required, a date YYYY-MM-DD");
  }
  auto d = ParseDate(object[name].get<std::string>());
  if (!d.ok()) return d.status().WithContext(std::string(where) + ": field '" + name + "'");
  return *d;
}

Status ReadEventJson(std::string_view text, std::string_view file_name, Dataset& data) {
  text = StripBom(text);
  const std::string where(file_name);
  if (FindInvalidUtf8(text)) return InvalidArgumentError(where + ": invalid UTF-8");
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidArgumentError(where + ": expected a JSON object describing the event");
  }
  Event event;
  auto text_field = [&](const char* name) -> std::string {
    return j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : std::string();
  };
  event.key = text_field("key");
  if (j.contains("name") && j["name"].is_object()) {
    for (auto& [lang, value] : j["name"].items()) {
      if (value.is_string()) event.name.Set(lang, value.get<std::string>());
    }
  } else if (j.contains("name") && j["name"].is_string()) {
    event.name.Set("en", j["name"].get<std::string>());
  }
  event.time_zone = text_field("time_zone");
  PONTE_ASSIGN_OR_RETURN(event.start_date, JsonDate(j, "start_date", where));
  PONTE_ASSIGN_OR_RETURN(event.end_date, JsonDate(j, "end_date", where));
  if (j.contains("themes") && j["themes"].is_array()) {
    for (const Json& t : j["themes"]) {
      if (t.is_string()) event.themes.push_back(t.get<std::string>());
    }
  }
  if (j.contains("venues") && j["venues"].is_array()) {
    for (const Json& v : j["venues"]) {
      if (!v.is_object()) return InvalidArgumentError(where + ": field 'venues': expected objects");
      Venue venue;
      venue.key = v.value("key", "");
      venue.city = v.value("city", "");
      venue.name = v.value("name", "");
      if (v.contains("latitude") && v.contains("longitude") && v["latitude"].is_number() &&
          v["longitude"].is_number()) {
        venue.location = GeoPoint{v["latitude"].get<double>(), v["longitude"].get<double>()};
      }
      event.venues.push_back(std::move(venue));
    }
  }
  if (j.contains("follow_up_days")) {
    if (!j["follow_up_days"].is_array()) {
      return InvalidArgumentError(where + ": field 'follow_up_days': expected a list of days");
    }
    event.follow_up_days.clear();
    for (const Json& d : j["follow_up_days"]) {
      if (!d.is_number_integer()) {
        return InvalidArgumentError(where +
                                    ": field 'follow_up_days': expected whole numbers of days");
      }
      event.follow_up_days.push_back(d.get<int>());
    }
  }
  Status valid = Validate(event);
  if (!valid.ok()) return InvalidArgumentError(where + ": " + valid.message());
  data.event = std::move(event);
  return OkStatus();
}

// Appends one DuplicateKey per record of `records` whose key an earlier one gave.
template <typename Records, typename KeyOf>
void FindRepeated(const Records& records, KeyOf key_of, std::string_view what,
                  std::vector<DuplicateKey>& out) {
  std::unordered_map<std::string, const SourceLocation*> first;
  for (const auto& rec : records) {
    auto [at, inserted] = first.emplace(key_of(rec), &rec.where);
    if (inserted) continue;
    const SourceLocation& earlier = *at->second;
    const std::string first_at = earlier.file == rec.where.file && earlier.line > 0
                                     ? "line " + std::to_string(earlier.line)
                                     : earlier.ToString();
    out.push_back({.where = rec.where,
                   .error = InvalidArgumentError(
                       rec.where.ToString() + ": column 'key': duplicate " + std::string(what) +
                       " key '" + at->first + "', first at " + first_at)});
  }
}

}  // namespace

std::string_view ToCode(FileKind kind) {
  switch (kind) {
    case FileKind::kEvent:
      return "event";
    case FileKind::kOrganizations:
      return "organizations";
    case FileKind::kPeople:
      return "people";
    case FileKind::kProfiles:
      return "profiles";
    case FileKind::kSessions:
      return "sessions";
    case FileKind::kInterpreters:
      return "interpreters";
    case FileKind::kRequests:
      return "requests";
    case FileKind::kMeetings:
      return "meetings";
  }
  return "event";
}

Result<FileKind> ParseFileKind(std::string_view code) {
  for (FileKind k :
       {FileKind::kEvent, FileKind::kOrganizations, FileKind::kPeople, FileKind::kProfiles,
        FileKind::kSessions, FileKind::kInterpreters, FileKind::kRequests, FileKind::kMeetings}) {
    if (ToCode(k) == code) return k;
  }
  return InvalidArgumentError("unknown kind '" + std::string(code) +
                              "' (expected event, organizations, people, profiles, sessions, "
                              "interpreters, requests or meetings)");
}

Result<FileKind> KindFromFileName(std::string_view path) {
  std::string_view name = path.substr(
      path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
  const auto dot = name.find('.');
  auto kind = ParseFileKind(AsciiLower(name.substr(0, dot)));
  if (!kind.ok()) {
    return InvalidArgumentError(std::string(path) +
                                ": cannot tell what the file holds from its name; name it "
                                "organizations.csv, people.csv, … or give --kind");
  }
  return kind;
}

Status ReadText(FileKind kind, std::string_view text, std::string_view file_name,
                const ReadOptions& options, Dataset& data) {
  if (kind == FileKind::kEvent) return ReadEventJson(text, file_name, data);
  if (EndsWith(file_name, ".jsonl") || EndsWith(file_name, ".ndjson")) {
    return ReadJsonLines(kind, text, file_name, options, data);
  }
  return ReadCsv(kind, text, file_name, options, data);
}

Result<std::string> ReadFileToString(std::string_view path) {
  std::ifstream in{std::string(path), std::ios::binary};
  if (!in) return NotFoundError("cannot open '" + std::string(path) + "'");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Result<Dataset> ReadFiles(const std::vector<std::string>& paths, const ReadOptions& options,
                          const std::vector<FileKind>& kinds) {
  std::vector<std::pair<FileKind, std::string>> files;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    FileKind kind{};
    if (i < kinds.size()) {
      kind = kinds[i];
    } else {
      PONTE_ASSIGN_OR_RETURN(kind, KindFromFileName(paths[i]));
    }
    files.emplace_back(kind, paths[i]);
  }
  // Event first (sessions need its zone), then in dependency order.
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Dataset data;
  ReadOptions effective = options;
  for (const auto& [kind, path] : files) {
    PONTE_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
    PONTE_RETURN_IF_ERROR(ReadText(kind, text, path, effective, data));
    if (kind == FileKind::kEvent && data.event) effective.time_zone = data.event->time_zone;
  }
  PONTE_RETURN_IF_ERROR(CheckReferences(data));
  return data;
}

std::vector<DuplicateKey> FindDuplicateKeys(const Dataset& data) {
  std::vector<DuplicateKey> out;
  FindRepeated(
      data.organizations, [](const OrganizationRecord& r) { return r.organization.key; },
      "organization", out);
  FindRepeated(
      data.people, [](const PersonRecord& r) { return r.person.key; }, "person", out);
  FindRepeated(
      data.profiles, [](const ProfileRecord& r) { return r.profile.key; }, "profile", out);
  FindRepeated(
      data.sessions, [](const SessionRecord& r) { return r.session.key; }, "session", out);
  FindRepeated(
      data.interpreters, [](const InterpreterRecord& r) { return r.interpreter.key; },
      "interpreter", out);
  FindRepeated(
      data.requests, [](const RequestRecord& r) { return r.request.key; }, "request", out);
  return out;
}

Status CheckReferences(const Dataset& data) {
  const std::vector<DuplicateKey> repeated = FindDuplicateKeys(data);
  return repeated.empty() ? OkStatus() : repeated.front().error;
}

Result<Taxonomy> LoadTaxonomy(std::string_view data_dir) {
  const std::string path = std::string(data_dir) + "/taxonomy/themes.csv";
  PONTE_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  PONTE_ASSIGN_OR_RETURN(CsvTable table, ParseCsv(text, path));
  std::vector<Theme> themes;
  std::unordered_set<std::string> codes;
  for (const CsvRow& row : table.rows) {
    Theme theme;
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      const std::string& column = table.header[i];
      if (column == "code") {
        theme.code = row.fields[i];
      } else if (column == "parent") {
        theme.parent = row.fields[i];
      } else if (IsLanguageCode(column)) {
        theme.label.Set(column, row.fields[i]);
      }
    }
    if (theme.code.empty() || !codes.insert(theme.code).second) {
      return InvalidArgumentError(path + ":" + std::to_string(row.line) +
                                  ": column 'code': missing or duplicate");
    }
    themes.push_back(std::move(theme));
  }
  for (const Theme& theme : themes) {
    if (!theme.parent.empty() && !codes.contains(theme.parent)) {
      return InvalidArgumentError(path + ": theme '" + theme.code + "' has unknown parent '" +
                                  theme.parent + "'");
    }
  }
  return Taxonomy(std::move(themes));
}

}  // namespace ponte::io
