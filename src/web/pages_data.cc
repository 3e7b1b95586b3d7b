// The organizers' data pages: uploading import files (organizations, people,
// profiles, sessions, interpreters, requests) with a preview — the file is
// read by `io` and checked by the store in a dry run, so the counts and the
// first error with its file, line, column and field show before anything is
// saved — then imported for real on confirmation; and the event as an XLSX
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

#include "api/http.h"
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

// Reads every file into one dataset (so a people file may refer to the
// organizations of another file of the same upload); every refusal names
// the file and what to fix.
Result<Dataset> ReadUploads(const std::vector<Upload>& uploads, std::string_view form_kind,
                            const Site& site, const Event& event) {
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
    PONTE_RETURN_IF_ERROR(io::ReadText(kind, StripBom(u.content), u.file_name, options, data));
  }
  return data;
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
  for (const char* key : {"error", "preview", "imported"}) {
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
  auto data = ReadUploads(uploads, kind, site, *c.event);
  if (!data.ok()) {
    return ImportPage(c, site,
                      {{"error", StatusText(site, locale, data.status())}, {"file_name", names}});
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
