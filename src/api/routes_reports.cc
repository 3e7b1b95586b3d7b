// Reports: the edition report and the programme report as JSON, each table
// as CSV, and every table as an XLSX workbook. Staff only (the service
// decides); ?include_reported=1 also counts outcomes awaiting validation,
// ?lang= picks the language of CSV and XLSX labels.
#include <memory>

#include "api/app.h"
#include "api/reports.h"
#include "io/export.h"
#include "io/import.h"

namespace ponte::api {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kCsvSuffix = ".csv";
constexpr char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Json Text(const LocalizedText& text) {
  Json out = Json::object();
  for (const auto& [lang, value] : text.all()) out[lang] = value;
  return out;
}

std::string_view UnitCode(service::ReportUnit unit) {
  return unit == service::ReportUnit::kShare ? "share" : "count";
}

HttpResponse Attachment(HttpResponse r, const std::string& file_name) {
  r.Set("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  r.Set("Cache-Control", "private, no-store");
  return r;
}

Result<HttpResponse> TableCsv(const service::Report& report, const RequestContext& c,
                              const std::string& file) {
  if (!file.ends_with(kCsvSuffix)) {
    return NotFoundError("no report file '" + file + "': ask for <table>.csv");
  }
  const std::string key = file.substr(0, file.size() - kCsvSuffix.size());
  const service::ReportTable* table = report.Find(key);
  if (table == nullptr) {
    std::string known;
    for (const service::ReportTable& t : report.tables)
      known += (known.empty() ? "" : ", ") + t.key;
    return NotFoundError("no report table '" + key + "' (tables: " + known + ")");
  }
  return Attachment(HttpResponse::Text(200, service::ReportTableCsv(*table, c.Locale()),
                                       "text/csv; charset=utf-8"),
                    report.scope + "-" + key + ".csv");
}

Result<HttpResponse> Workbook(const service::Report& report, const RequestContext& c) {
  PONTE_ASSIGN_OR_RETURN(std::string bytes, ReportXlsx(report, c.Locale()));
  return Attachment(HttpResponse::Text(200, std::move(bytes), kXlsxType),
                    report.scope + "-report.xlsx");
}

}  // namespace

bool IncludeReported(std::optional<std::string> query) {
  return query && (*query == "1" || *query == "true" || *query == "yes");
}

Json ReportJson(const service::Report& report) {
  Json tables = Json::array();
  for (const service::ReportTable& t : report.tables) {
    Json columns = Json::array();
    for (const service::ReportColumn& col : t.columns) {
      columns.push_back(
          {{"key", col.key}, {"label", Text(col.label)}, {"unit", UnitCode(col.unit)}});
    }
    Json rows = Json::array();
    for (const service::ReportRow& row : t.rows) {
      Json r = {{"code", row.code}, {"label", Text(row.label)}, {"values", row.values}};
      if (row.unit) r["unit"] = UnitCode(*row.unit);
      rows.push_back(std::move(r));
    }
    tables.push_back({{"key", t.key},
                      {"title", Text(t.title)},
                      {"note", Text(t.note)},
                      {"chart", t.chart},
                      {"label_header", Text(t.label_header)},
                      {"columns", std::move(columns)},
                      {"rows", std::move(rows)}});
  }
  return {{"scope", report.scope},
          {"title", Text(report.title)},
          {"include_reported", report.include_reported},
          {"outcomes_counted", report.include_reported ? "validated_and_reported" : "validated"},
          {"tables", std::move(tables)}};
}

Result<std::string> ReportXlsx(const service::Report& report, std::string_view lang) {
  std::vector<io::XlsxSheet> sheets;
  for (const service::ReportTable& t : report.tables) {
    io::XlsxSheet sheet;
    sheet.name = t.key;
    sheet.header = {"code", t.label_header.Best(lang).first};
    for (const service::ReportColumn& col : t.columns) {
      sheet.header.push_back(col.label.Best(lang).first);
    }
    for (const service::ReportRow& row : t.rows) {
      std::vector<io::XlsxCell> cells{{.text = row.code}, {.text = row.label.Best(lang).first}};
      for (std::size_t i = 0; i < row.values.size(); ++i) {
        cells.push_back(
            {.number = row.values[i], .percent = t.UnitOf(row, i) == service::ReportUnit::kShare});
      }
      sheet.rows.push_back(std::move(cells));
    }
    if (!t.note.empty()) {
      sheet.rows.push_back({});
      sheet.rows.push_back({{.text = t.note.Best(lang).first}});
    }
    sheets.push_back(std::move(sheet));
  }
  return io::XlsxSheetsToBytes(sheets);
}

void AddReportRoutes(App& app) {
  Router& r = app.router();
  // Theme labels; without the data folder themes show as codes.
  auto taxonomy = std::make_shared<Taxonomy>();
  if (auto loaded = io::LoadTaxonomy(app.options().data_dir); loaded.ok()) {
    *taxonomy = std::move(*loaded);
  }
  auto event_report = [taxonomy](RequestContext& c) {
    return service::EventReport(
        c.store, *c.actor, *c.event, *taxonomy,
        {.include_reported = IncludeReported(c.request.Query("include_reported"))});
  };
  auto programme_report = [taxonomy](RequestContext& c) {
    return service::ProgrammeReport(
        c.store, *c.actor, *taxonomy,
        {.include_reported = IncludeReported(c.request.Query("include_reported"))});
  };
  r.Add({"GET", "/api/v1/events/{event}/report",
         "The edition's report: every table (participants, requests, meetings, outcomes, "
         "conversion, interpreters, tables) with labels in it/en/zh; ?include_reported=1",
         "reports", Access::kEvent, kStaff},
        [event_report](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(service::Report report, event_report(c));
          return HttpResponse::Json(200, ReportJson(report).dump());
        });
  r.Add({"GET", "/api/v1/events/{event}/report/{file}",
         "One table of the edition's report as CSV ({file} is <table>.csv); ?lang=, "
         "?include_reported=1",
         "reports", Access::kEvent, kStaff, "", "text/csv"},
        [event_report](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(service::Report report, event_report(c));
          return TableCsv(report, c, c.Param("file"));
        });
  r.Add({"GET", "/api/v1/events/{event}/report.xlsx",
         "The edition's report as an XLSX workbook, one sheet per table; ?lang=", "reports",
         Access::kEvent, kStaff, "", kXlsxType},
        [event_report](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(service::Report report, event_report(c));
          return Workbook(report, c);
        });
  r.Add({"GET", "/api/v1/report",
         "The programme's report across editions (staff of any edition): per edition and per "
         "city, returning organizations, pairs that met again; ?include_reported=1",
         "reports", Access::kSignedIn},
        [programme_report](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(service::Report report, programme_report(c));
          return HttpResponse::Json(200, ReportJson(report).dump());
        });
  r.Add({"GET",
         "/api/v1/report/{file}",
         "One table of the programme's report as CSV ({file} is <table>.csv); ?lang=",
         "reports",
         Access::kSignedIn,
         {},
         "",
         "text/csv"},
        [programme_report](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(service::Report report, programme_report(c));
          return TableCsv(report, c, c.Param("file"));
        });
  r.Add({"GET",
         "/api/v1/report.xlsx",
         "The programme's report as an XLSX workbook, one sheet per table; ?lang=",
         "reports",
         Access::kSignedIn,
         {},
         "",
         kXlsxType},
        [programme_report](RequestContext& c) -> Result<HttpResponse> {
          PONTE_ASSIGN_OR_RETURN(service::Report report, programme_report(c));
          return Workbook(report, c);
        });
}

}  // namespace ponte::api
