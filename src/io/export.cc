#include "io/export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/csv.h"
#include "core/utf8.h"
#include "io/schema.h"

namespace ponte::io {
namespace {

using Json = nlohmann::json;

// A kind rendered as text cells: the common form behind CSV, JSONL and XLSX.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::set<std::string> list_columns;  // written as arrays in JSON
};

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

std::string FormatNumber(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", value);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string ClockIn(Instant t, std::string_view zone) {
  auto civil = ToCivil(t, zone);
  if (!civil.ok()) return FormatUtc(t);
  return FormatClock(Minutes(civil->hour * 60 + civil->minute));
}

// Languages used by a localized column across all records, en/it/zh first.
template <typename Records, typename Get>
std::vector<std::string> LanguagesOf(const Records& records, Get get) {
  std::set<std::string> langs;
  for (const auto& rec : records) {
    for (const auto& [lang, text] : get(rec).all()) langs.insert(lang);
  }
  std::vector<std::string> out;
  for (const char* first : {"en", "it", "zh"}) {
    if (langs.erase(first) > 0) out.emplace_back(first);
  }
  out.insert(out.end(), langs.begin(), langs.end());
  return out;
}

// Builds header and rows from a column list; `cell(rec, column, lang)`
// returns the text of one cell.
template <typename Records, typename Cell, typename Localized>
Table Render(FileKind kind, const Records& records, Cell cell, Localized localized) {
  Table table;
  std::vector<std::pair<std::string, std::string>> columns;  // (column, lang)
  for (std::string_view c : Columns(kind)) {
    if (c.ends_with("_*")) {
      const std::string prefix(c.substr(0, c.size() - 2));
      for (const std::string& lang : LanguagesOf(
               records,
               [&](const auto& rec) -> const LocalizedText& { return localized(rec, prefix); })) {
        columns.emplace_back(prefix, lang);
        table.header.push_back(prefix + "_" + lang);
      }
    } else {
      columns.emplace_back(std::string(c), "");
      table.header.emplace_back(c);
    }
  }
  for (const auto& rec : records) {
    std::vector<std::string> row;
    row.reserve(columns.size());
    for (const auto& [column, lang] : columns) {
      row.push_back(lang.empty() ? cell(rec, column) : localized(rec, column).Get(lang));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

const LocalizedText& NoText() {
  static const LocalizedText empty;
  return empty;
}

Table BuildTable(FileKind kind, const Dataset& data, std::string_view zone) {
  switch (kind) {
    case FileKind::kOrganizations:
      return Render(
          kind, data.organizations,
          [](const OrganizationRecord& r, const std::string& c) -> std::string {
            const Organization& o = r.organization;
            if (c == "key") return o.key;
            if (c == "type") return std::string(ToCode(o.type));
            if (c == "country") return o.country;
            if (c == "region") return o.region;
            if (c == "city") return o.city;
            if (c == "website") return o.website;
            if (c == "latitude") return o.location ? FormatNumber(o.location->latitude) : "";
            if (c == "longitude") return o.location ? FormatNumber(o.location->longitude) : "";
            if (c == "public_profile") return o.public_profile ? "yes" : "no";
            return "";
          },
          [](const OrganizationRecord& r, const std::string&) -> const LocalizedText& {
            return r.organization.name;
          });
    case FileKind::kPeople: {
      Table t = Render(
          kind, data.people,
          [](const PersonRecord& r, const std::string& c) -> std::string {
            const Person& p = r.person;
            if (c == "key") return p.key;
            if (c == "organization") return r.organization_key;
            if (c == "given_name") return p.given_name;
            if (c == "family_name") return p.family_name;
            if (c == "name_latin") return p.name_latin;
            if (c == "role") return p.role;
            if (c == "email") return p.email;
            if (c == "languages") return Join(p.languages);
            if (c == "needs_interpreter") return p.needs_interpreter ? "yes" : "no";
            if (c == "sessions") return Join(r.session_keys);
            return "";
          },
          [](const PersonRecord&, const std::string&) -> const LocalizedText& { return NoText(); });
      t.list_columns = {"languages", "sessions"};
      return t;
    }
    case FileKind::kProfiles: {
      Table t = Render(
          kind, data.profiles,
          [](const ProfileRecord& r, const std::string& c) -> std::string {
            const Profile& p = r.profile;
            if (c == "key") return p.key;
            if (c == "organization") return r.organization_key;
            if (c == "kind") return std::string(ToCode(p.kind));
            if (c == "themes") return Join(p.themes);
            if (c == "keywords") return Join(p.keywords);
            if (c == "cooperation") {
              std::vector<std::string> codes;
              for (CooperationType ct : p.cooperation) codes.emplace_back(ToCode(ct));
              return Join(codes);
            }
            return "";
          },
          [](const ProfileRecord& r, const std::string& prefix) -> const LocalizedText& {
            return prefix == "title" ? r.profile.title : r.profile.text;
          });
      t.list_columns = {"themes", "keywords", "cooperation"};
      return t;
    }
    case FileKind::kSessions: {
      Table t = Render(
          kind, data.sessions,
          [zone](const SessionRecord& r, const std::string& c) -> std::string {
            const Session& s = r.session;
            if (c == "key") return s.key;
            if (c == "city") return s.city;
            if (c == "venue") return s.venue;
            if (c == "date") return FormatDate(s.date);
            if (c == "start") return ClockIn(s.start, zone);
            if (c == "end") return ClockIn(s.end, zone);
            if (c == "slot_minutes") return std::to_string(s.slot_length.count());
            if (c == "tables") return std::to_string(s.tables);
            if (c == "breaks") {
              std::vector<std::string> items;
              for (const Interval& br : s.breaks) {
                items.push_back(ClockIn(br.start, zone) + "-" + ClockIn(br.end, zone));
              }
              return Join(items);
            }
            return "";
          },
          [](const SessionRecord&, const std::string&) -> const LocalizedText& {
            return NoText();
          });
      t.list_columns = {"breaks"};
      return t;
    }
    case FileKind::kInterpreters: {
      Table t = Render(
          kind, data.interpreters,
          [](const InterpreterRecord& r, const std::string& c) -> std::string {
            const Interpreter& i = r.interpreter;
            if (c == "key") return i.key;
            if (c == "name") return i.name;
            if (c == "pairs") {
              std::vector<std::string> items;
              for (const LanguagePair& p : i.pairs) items.push_back(p.a + "-" + p.b);
              return Join(items);
            }
            if (c == "sessions") return Join(r.session_keys);
            return "";
          },
          [](const InterpreterRecord&, const std::string&) -> const LocalizedText& {
            return NoText();
          });
      t.list_columns = {"pairs", "sessions"};
      return t;
    }
    case FileKind::kRequests:
      return Render(
          kind, data.requests,
          [](const RequestRecord& r, const std::string& c) -> std::string {
            const MeetingRequest& q = r.request;
            if (c == "key") return q.key;
            if (c == "from") return r.from_key;
            if (c == "to") return r.to_key;
            if (c == "requested_by") return r.requested_by_key;
            if (c == "preference") return std::string(ToCode(q.preference));
            if (c == "status") return std::string(ToCode(q.status));
            if (c == "message") return q.message;
            if (c == "created_at") {
              return q.created_at.time_since_epoch().count() == 0 ? "" : FormatUtc(q.created_at);
            }
            // Only when the request changed after it was sent (an answer).
            if (c == "updated_at") {
              return q.updated_at == q.created_at || q.updated_at.time_since_epoch().count() == 0
                         ? ""
                         : FormatUtc(q.updated_at);
            }
            return "";
          },
          [](const RequestRecord&, const std::string&) -> const LocalizedText& {
            return NoText();
          });
    case FileKind::kMeetings:
      return Render(
          kind, data.meetings,
          [](const MeetingRecord& r, const std::string& c) -> std::string {
            const Meeting& m = r.meeting;
            if (c == "request") return r.request_key;
            if (c == "a") return r.a_key;
            if (c == "b") return r.b_key;
            if (c == "session") return r.session_key;
            if (c == "slot") return std::to_string(m.slot + 1);
            if (c == "table") return std::to_string(m.table);
            if (c == "interpreter") return r.interpreter_key;
            if (c == "status") return std::string(ToCode(m.status));
            return "";
          },
          [](const MeetingRecord&, const std::string&) -> const LocalizedText& {
            return NoText();
          });
    case FileKind::kEvent:
      break;
  }
  return {};
}

constexpr FileKind kRecordKinds[] = {
    FileKind::kOrganizations, FileKind::kPeople,   FileKind::kProfiles, FileKind::kSessions,
    FileKind::kInterpreters,  FileKind::kRequests, FileKind::kMeetings};

bool IsEmpty(FileKind kind, const Dataset& data) {
  switch (kind) {
    case FileKind::kOrganizations:
      return data.organizations.empty();
    case FileKind::kPeople:
      return data.people.empty();
    case FileKind::kProfiles:
      return data.profiles.empty();
    case FileKind::kSessions:
      return data.sessions.empty();
    case FileKind::kInterpreters:
      return data.interpreters.empty();
    case FileKind::kRequests:
      return data.requests.empty();
    case FileKind::kMeetings:
      return data.meetings.empty();
    case FileKind::kEvent:
      return !data.event.has_value();
  }
  return true;
}

}  // namespace

std::string WriteCsv(FileKind kind, const Dataset& data, std::string_view time_zone) {
  const Table table = BuildTable(kind, data, time_zone);
  std::string out = FormatCsvRow(table.header);
  for (const auto& row : table.rows) out += FormatCsvRow(row);
  return out;
}

std::string WriteJsonLines(FileKind kind, const Dataset& data, std::string_view time_zone) {
  const Table table = BuildTable(kind, data, time_zone);
  std::string out;
  for (const auto& row : table.rows) {
    Json object = Json::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i].empty()) continue;
      if (table.list_columns.contains(table.header[i])) {
        Json items = Json::array();
        std::size_t start = 0;
        while (start <= row[i].size()) {
          std::size_t end = row[i].find(';', start);
          if (end == std::string::npos) end = row[i].size();
          items.push_back(row[i].substr(start, end - start));
          start = end + 1;
        }
        object[table.header[i]] = std::move(items);
      } else {
        object[table.header[i]] = row[i];
      }
    }
    out += object.dump();
    out += '\n';
  }
  return out;
}

std::string WriteEventJson(const Event& event) {
  Json j;
  j["key"] = event.key;
  j["name"] = Json::object();
  for (const auto& [lang, text] : event.name.all()) j["name"][lang] = text;
  j["time_zone"] = event.time_zone;
  j["start_date"] = FormatDate(event.start_date);
  j["end_date"] = FormatDate(event.end_date);
  j["themes"] = event.themes;
  j["venues"] = Json::array();
  for (const Venue& v : event.venues) {
    Json venue{{"key", v.key}, {"city", v.city}, {"name", v.name}};
    if (v.location) {
      venue["latitude"] = v.location->latitude;
      venue["longitude"] = v.location->longitude;
    }
    j["venues"].push_back(std::move(venue));
  }
  j["follow_up_days"] = event.follow_up_days;
  return j.dump(2) + "\n";
}

Status WriteStringToFile(const std::string& path, std::string_view contents) {
  // Write to a temporary file and rename, so a crash never leaves half a file.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return NotFoundError("cannot write '" + path + "'");
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out) return InternalError("writing '" + path + "' failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return InternalError("cannot rename '" + tmp + "': " + ec.message());
  return OkStatus();
}

Status WriteDirectory(const Dataset& data, const std::string& dir, std::string_view time_zone) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return NotFoundError("cannot create directory '" + dir + "': " + ec.message());
  if (data.event)
    PONTE_RETURN_IF_ERROR(WriteStringToFile(dir + "/event.json", WriteEventJson(*data.event)));
  for (FileKind kind : kRecordKinds) {
    if (IsEmpty(kind, data)) continue;
    PONTE_RETURN_IF_ERROR(WriteStringToFile(dir + "/" + std::string(ToCode(kind)) + ".csv",
                                            WriteCsv(kind, data, time_zone)));
  }
  return OkStatus();
}

Status WriteXlsx(const Dataset& data, const std::string& path, std::string_view time_zone) {
  std::vector<XlsxSheet> sheets;
  for (FileKind kind : kRecordKinds) {
    if (IsEmpty(kind, data)) continue;
    Table table = BuildTable(kind, data, time_zone);
    XlsxSheet sheet{.name = std::string(ToCode(kind)), .header = std::move(table.header)};
    for (std::vector<std::string>& row : table.rows) {
      std::vector<XlsxCell> cells;
      cells.reserve(row.size());
      for (std::string& text : row) cells.push_back({.text = std::move(text)});
      sheet.rows.push_back(std::move(cells));
    }
    sheets.push_back(std::move(sheet));
  }
  return WriteXlsxSheets(sheets, path);
}

Status WriteXlsxSheets(const std::vector<XlsxSheet>& sheets, const std::string& path) {
  const std::string tmp = path + ".tmp";
  lxw_workbook* workbook = workbook_new(tmp.c_str());
  if (workbook == nullptr) return NotFoundError("cannot create '" + path + "'");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0.0%");
  constexpr std::size_t kMinWidth = 8;
  constexpr std::size_t kMaxWidth = 60;
  for (const XlsxSheet& s : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, s.name.c_str());
    if (sheet == nullptr) {
      workbook_close(workbook);
      std::filesystem::remove(tmp);
      return InvalidArgumentError("sheet name '" + s.name +
                                  "': at most 31 characters, unique, without []:*?/\\");
    }
    std::vector<std::size_t> widths(s.header.size(), kMinWidth);
    auto widen = [&](std::size_t c, std::size_t chars) {
      if (c >= widths.size()) widths.resize(c + 1, kMinWidth);
      widths[c] = std::max(widths[c], std::min<std::size_t>(chars + 2, kMaxWidth));
    };
    for (std::size_t c = 0; c < s.header.size(); ++c) {
      if (s.header[c].empty()) continue;
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), s.header[c].c_str(), bold);
      widen(c, CountCodePoints(s.header[c]));
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        const XlsxCell& cell = s.rows[r][c];
        const auto col = static_cast<lxw_col_t>(c);
        if (cell.number) {
          worksheet_write_number(sheet, row, col, *cell.number, cell.percent ? percent : nullptr);
          widen(c, kMinWidth);
        } else if (!cell.text.empty()) {
          worksheet_write_string(sheet, row, col, cell.text.c_str(), nullptr);
          widen(c, CountCodePoints(cell.text));
        }
      }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c]), nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
  }
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    return InternalError("writing '" + path + "' failed: " + lxw_strerror(error));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return InternalError("cannot rename '" + tmp + "': " + ec.message());
  return OkStatus();
}

Result<std::string> XlsxSheetsToBytes(const std::vector<XlsxSheet>& sheets) {
  static std::atomic<std::uint64_t> counter{0};
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("ponte-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".xlsx");
  Status written = WriteXlsxSheets(sheets, path.string());
  if (!written.ok()) return written;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  std::string bytes(ec ? 0 : size, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const bool complete = !ec && in && !bytes.empty();
  in.close();
  std::filesystem::remove(path, ec);
  if (!complete) return InternalError("reading the workbook '" + path.string() + "' failed");
  return bytes;
}

}  // namespace ponte::io
