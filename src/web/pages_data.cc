// The organizers' data pages: uploading import files (organizations, people,
// profiles, sessions, interpreters, requests) with a preview — the file is
// read by `io` record by record and checked by the store in a dry run, so the
// counts, or every error with its file, line, column and field, show before
// anything is saved — then imported for real on confirmation; and the event as an XLSX
// workbook (`io::WriteXlsx`).
//
// The file travels as text in an ordinary form field (portal.js reads the
// chosen file in the browser and refuses non-UTF-8; without JavaScript the
// text can be pasted), so the server needs no multipart parser; it checks the
// size and the encoding again.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <regex>

#include "api/http.h"
#include "core/csv.h"
#include "core/utf8.h"
#include "io/export.h"
#include "io/import.h"
#include "web/render.h"

namespace ponte::web {
namespace {

using api::Access;
using api::HttpResponse;
using api::RequestContext;

constexpr std::size_t kMaxUploadBytes = 4u << 20;  // 4 MiB of text per file
constexpr int kFormShownAgain = 200;
constexpr const char* kUploadKinds[] = {"organizations", "people",       "profiles",
                                        "sessions",      "interpreters", "requests"};

constexpr std::size_t kMaxUploadFiles = 8;
// Errors listed at most per upload (a file in the wrong format would list
// every line otherwise).
constexpr std::size_t kMaxUploadErrors = 100;

struct Upload {
  std::string file_name;
  std::string content;
};

// The files of a form, in order: each `content` field with the `file_name`
// field at the same position (the last component of the name the reader gave;
// "<kind>.csv" for pasted text).
std::vector<Upload> UploadsOf(const api::HttpRequest& request) {
  std::vector<std::string> names, contents;
  for (auto& [k, v] : api::ParseQuery(request.body)) {
    if (k == "file_name") names.push_back(v);
    if (k == "content") contents.push_back(v);
  }
  std::vector<Upload> out;
  for (std::size_t file_idx = 0; file_idx < contents.size(); ++file_idx) {
    std::string name = file_idx < names.size() ? names[file_idx] : "";
    if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) {
      name = name.substr(slash + 1);
    }
    if (name.empty()) name = FormField(request, "kind") + ".csv";
    out.push_back({std::move(name), std::move(contents[file_idx])});
  }
  return out;
}

void Append(Dataset& into, Dataset&& from) {
  if (from.event) into.event = std::move(from.event);
  auto move = [](auto& to, auto& records) {
    for (auto& r : records) to.push_back(std::move(r));
  };
  move(into.organizations, from.organizations);
  move(into.people, from.people);
  move(into.profiles, from.profiles);
  move(into.sessions, from.sessions);
  move(into.interpreters, from.interpreters);
  move(into.requests, from.requests);
  move(into.meetings, from.meetings);
}

// Reads a file record by record, so that a wrong record does not hide the
// ones after it: each record is read on its own behind the header, at its
// own line (blank lines fill the gap), so messages keep the file's line
// numbers. The records read well go to `data`, each refusal to `errors`. A
// file that is not CSV at all (an unterminated quote) gives one error.
void ReadRecords(io::FileKind kind, std::string_view text, const std::string& file_name,
                 const io::ReadOptions& options, Dataset& data, std::vector<Status>& errors) {
  auto read_one = [&](const std::string& piece) {
    if (errors.size() >= kMaxUploadErrors) return;
    Dataset one;
    Status s = io::ReadText(kind, piece, file_name, options, one);
    if (s.ok()) {
      Append(data, std::move(one));
    } else {
      errors.push_back(s);
    }
  };
  if (file_name.ends_with(".jsonl") || file_name.ends_with(".ndjson")) {
    int line = 0;
    for (const std::string& raw : Split(text, '\n')) {
      ++line;
      if (Trim(raw).empty()) continue;
      read_one(std::string(static_cast<std::size_t>(line - 1), '\n') + raw);
    }
    return;
  }
  if (!file_name.ends_with(".csv")) {
    Dataset one;
    if (Status s = io::ReadText(kind, text, file_name, options, one); !s.ok()) {
      errors.push_back(s);
    } else {
      Append(data, std::move(one));
    }
    return;
  }
  auto table = ParseCsv(text, file_name);
  if (!table.ok()) {
    errors.push_back(table.status());
    return;
  }
  if (table->rows.empty()) {  // a header alone: let the reader say what it expects
    read_one(std::string(text));
    return;
  }
  const std::string header = FormatCsvRow(table->header);
  for (const CsvRow& row : table->rows) {
    std::string piece = header;
    for (int gap = 2; gap < row.line; ++gap) piece += "\r\n";
    piece += FormatCsvRow(row.fields);
    read_one(piece);
  }
}

// Drops the record read from `where` ("people.csv:3"); false when none was.
bool DropRecordAt(Dataset& data, std::string_view file, int line) {
  auto drop = [&](auto& records) {
    const std::size_t before = records.size();
    std::erase_if(records,
                  [&](const auto& r) { return r.where.file == file && r.where.line == line; });
    return records.size() != before;
  };
  return drop(data.organizations) | drop(data.people) | drop(data.profiles) | drop(data.sessions) |
         drop(data.interpreters) | drop(data.requests) | drop(data.meetings);
}

// Reads every file into one dataset (so a people file may refer to the
// organizations of another file of the same upload); every refusal names
// the file and what to fix.
Result<Dataset> ReadUploads(const std::vector<Upload>& uploads, std::string_view form_kind,
                            const Site& site, const Event& event, std::vector<Status>& errors) {
  if (uploads.empty()) return InvalidArgumentError("no file was sent");
  if (uploads.size() > kMaxUploadFiles) {
    return InvalidArgumentError("at most " + std::to_string(kMaxUploadFiles) + " files at a time");
  }
  std::size_t total = 0;
  for (const Upload& u : uploads) total += u.content.size();
  if (total > kMaxUploadBytes) {
    return InvalidArgumentError(std::to_string(total) + " bytes, more than the " +
                                std::to_string(kMaxUploadBytes >> 20) +
                                " MiB allowed; split the upload");
  }
  io::ReadOptions options{.taxonomy = &site.taxonomy(), .time_zone = event.time_zone};
  Dataset data;
  for (const Upload& u : uploads) {
    if (u.content.empty()) return InvalidArgumentError(u.file_name + ": the file is empty");
    if (auto bad = FindInvalidUtf8(u.content)) {
      return InvalidArgumentError(u.file_name + ": not UTF-8 text (byte " + std::to_string(*bad) +
                                  "); save the file as CSV UTF-8 and try again");
    }
    auto named = io::KindFromFileName(u.file_name);
    PONTE_ASSIGN_OR_RETURN(io::FileKind kind, named.ok() ? named : io::ParseFileKind(form_kind));
    const bool allowed = std::any_of(std::begin(kUploadKinds), std::end(kUploadKinds),
                                     [&](const char* k) { return io::ToCode(kind) == k; });
    if (!allowed) {
      return InvalidArgumentError(u.file_name +
                                  ": expected one of organizations, people, profiles, "
                                  "sessions, interpreters, requests (.csv or .jsonl)");
    }
    ReadRecords(kind, StripBom(u.content), u.file_name, options, data, errors);
  }
  // Record by record the reader cannot see a key given twice (in one file or
  // two): each repetition is reported with where the key came first, and set
  // aside so that the rest is checked without it.
  for (const io::DuplicateKey& d : io::FindDuplicateKeys(data)) {
    if (errors.size() >= kMaxUploadErrors) break;
    errors.push_back(d.error);
    DropRecordAt(data, d.where.file, d.where.line);
  }
  return data;
}

// The store's dry run names one record at a time ("people.csv:3: ..."): the
// record is set aside and the rest checked again, so that every such error
// shows at once (up to kMaxUploadErrors). Returns the report of the records
// that remain.
Result<ImportReport> CheckAgainstStore(Store& store, Dataset& data, const std::string& event_key,
                                       std::vector<Status>& errors) {
  static const std::regex where(R"(^([^:\s]+):(\d+))");
  while (true) {
    auto report = store.Import(data, {.event_key = event_key, .dry_run = true});
    if (report.ok()) return report;
    errors.push_back(report.status());
    std::smatch m;
    const std::string message(report.status().message());
    if (errors.size() >= kMaxUploadErrors || !std::regex_search(message, m, where) ||
        !DropRecordAt(data, m[1].str(), std::atoi(m[2].str().c_str()))) {
      return report.status();
    }
  }
}

Json Counts(const ImportReport& report, const Site& site, std::string_view locale) {
  Json rows = Json::array();
  auto add = [&](const char* kind, const KindCounts& k) {
    if (k.created == 0 && k.updated == 0) return;
    rows.push_back({{"kind", site.T(locale, std::string("import_kind_") + kind)},
                    {"created", FormatNumber(k.created, locale)},
                    {"updated", FormatNumber(k.updated, locale)}});
  };
  add("organizations", report.organizations);
  add("people", report.people);
  add("profiles", report.profiles);
  add("sessions", report.sessions);
  add("interpreters", report.interpreters);
  add("requests", report.requests);
  return rows;
}

HttpResponse ImportPage(RequestContext& c, const Site& site, Json data) {
  const std::string locale = c.Locale();
  Json kinds = Json::array();
  const std::string chosen = FormField(c.request, "kind");
  for (const char* k : kUploadKinds) {
    kinds.push_back({{"value", k},
                     {"label", site.T(locale, std::string("import_kind_") + k)},
                     {"selected", chosen == k}});
  }
  data["kinds"] = kinds;
  data["max_mib"] = kMaxUploadBytes >> 20;
  data["max_bytes"] = kMaxUploadBytes;
  for (const char* key : {"error", "errors", "has_errors", "truncated", "preview", "imported"}) {
    if (!data.contains(key)) data[key] = false;
  }
  return Page(c, site, "import", "import_title", std::move(data), kFormShownAgain);
}

HttpResponse Preview(RequestContext& c, const Site& site, bool confirm) {
  const std::string locale = c.Locale();
  const std::vector<Upload> uploads = UploadsOf(c.request);
  std::string names;
  Json files = Json::array();
  for (const Upload& u : uploads) {
    names += (names.empty() ? "" : ", ") + u.file_name;
    files.push_back({{"file_name", u.file_name}, {"content", u.content}});
  }
  const std::string kind = FormField(c.request, "kind");
  std::vector<Status> errors;
  auto data = ReadUploads(uploads, kind, site, *c.event, errors);
  if (!data.ok()) {
    return ImportPage(c, site,
                      {{"error", StatusText(site, locale, data.status())}, {"file_name", names}});
  }
  // The records read well are checked against the database too, so that
  // every error of the upload shows at once; nothing is saved while any
  // remains.
  const std::size_t read_errors = errors.size();
  Dataset checked = *data;
  (void)CheckAgainstStore(c.store, checked, c.event->key, errors);
  if (!errors.empty()) {
    Json list = Json::array();
    for (const Status& e : errors) list.push_back(StatusText(site, locale, e));
    std::string summary = site.T(locale, "import_errors_found");
    if (const std::size_t at = summary.find("{count}"); at != std::string::npos) {
      summary.replace(at, 7, FormatNumber(static_cast<double>(errors.size()), locale));
    }
    return ImportPage(c, site,
                      {{"error", summary},
                       {"errors", list},
                       {"has_errors", true},
                       {"truncated", errors.size() >= kMaxUploadErrors},
                       {"read_errors", read_errors},
                       {"file_name", names}});
  }
  auto report = c.store.Import(*data, {.event_key = c.event->key, .dry_run = !confirm});
  if (!report.ok()) {
    return ImportPage(c, site,
                      {{"error", StatusText(site, locale, report.status())}, {"file_name", names}});
  }
  Json counts = Counts(*report, site, locale);
  if (confirm) {
    return ImportPage(c, site, {{"imported", {{"file_name", names}, {"counts", counts}}}});
  }
  return ImportPage(c, site,
                    {{"preview",
                      {{"file_name", names},
                       {"kind", kind},
                       {"files", files},
                       {"records", FormatNumber(static_cast<double>(data->RecordCount()), locale)},
                       {"counts", counts},
                       {"nothing", counts.empty()}}}});
}

// The event as a workbook. WriteXlsx writes a file: a private temporary one,
// read back and removed.
Result<HttpResponse> Xlsx(RequestContext& c) {
  PONTE_ASSIGN_OR_RETURN(Dataset data, c.store.Export({.event_key = c.event->key}));
  static std::atomic<int> counter{0};
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("ponte-export-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".xlsx");
  Status written = io::WriteXlsx(data, path.string(), c.event->time_zone);
  Result<std::string> body =
      written.ok() ? io::ReadFileToString(path.string()) : Result<std::string>(written);
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  if (!body.ok()) return body.status();
  HttpResponse r = HttpResponse::Text(
      200, std::move(*body), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  r.Set("Content-Disposition", "attachment; filename=\"" + c.event->key + ".xlsx\"");
  r.Set("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddDataPages(api::App& app, std::shared_ptr<const Site> site) {
  api::Router& r = app.router();
  const std::vector<Role> organizers{Role::kOrganizer};
  r.Add({"GET", "/events/{event}/import", "Portal: upload import files (organizers)", "portal",
         Access::kEvent, organizers, "", "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> {
          return ImportPage(c, *site, Json::object());
        });
  r.Add({"POST", "/events/{event}/import/preview",
         "Portal: read an import file and check it against the database without saving", "portal",
         Access::kEvent, organizers, "kind, file_name, content", "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> { return Preview(c, *site, false); });
  r.Add({"POST", "/events/{event}/import", "Portal: import a previewed file for real", "portal",
         Access::kEvent, organizers, "kind, file_name, content", "text/html"},
        [site](RequestContext& c) -> Result<HttpResponse> { return Preview(c, *site, true); });
  r.Add({"GET", "/events/{event}/exports/event.xlsx",
         "Portal: the event as an XLSX workbook (one sheet per kind)", "portal", Access::kEvent,
         organizers, "", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        [](RequestContext& c) -> Result<HttpResponse> { return Xlsx(c); });
}

}  // namespace ponte::web
