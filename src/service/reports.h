// Reports: what an edition of the Week and the whole programme achieved, for
// the organizers' dashboards, the printable edition report (for a ministry),
// and the CSV and XLSX exports. One structure feeds all of them: a report is
// a list of tables, each with its rows labelled in it/en/zh (codes get their
// translated labels), so a chart, an HTML table, a CSV file and an XLSX sheet
// all show the same numbers.
//
//   PONTE_ASSIGN_OR_RETURN(Report r, EventReport(store, actor, event, taxonomy, {}));
//   const ReportTable* t = r.Find("outcomes_by_stage");
//   std::string csv = ReportTableCsv(*t, "zh");
//
// Outcomes count only when the support office validated them, unless
// `include_reported` also counts those still waiting (rejected ones never
// count); the report says which (Report::include_reported).
//
// Permissions: an event report for the event's organizers and support office;
// the programme report for the staff of any event. Everyone else gets
// PermissionDenied (participants see nothing of others here). Pure reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/localized_text.h"
#include "model/model.h"
#include "model/taxonomy.h"
#include "service/accounts.h"
#include "store/store.h"

namespace ponte::service {

// How a column's (or a row's) numbers read.
enum class ReportUnit {
  kCount,  // whole numbers
  kShare,  // 0..1, shown as a percentage
};

struct ReportColumn {
  std::string key;  // "meetings"; CSV header
  LocalizedText label;
  ReportUnit unit = ReportUnit::kCount;
};

struct ReportRow {
  std::string code;  // stable code ("agreement", "IT", "icstiw-2025")
  LocalizedText label;
  std::vector<double> values;      // one per column
  std::optional<ReportUnit> unit;  // overrides every column's unit (key figures)
};

struct ReportTable {
  std::string key;  // "outcomes_by_stage": the CSV file and the XLSX sheet name
  LocalizedText title;
  LocalizedText note;          // how it is counted; may be empty
  std::string chart = "bar";   // "bar", "doughnut", "line", or "" (table only)
  LocalizedText label_header;  // header of the label column
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;

  ReportUnit UnitOf(const ReportRow& row, std::size_t column) const;
};

struct Report {
  std::string scope;  // the event's key, or "programme"
  LocalizedText title;
  bool include_reported = false;
  std::vector<ReportTable> tables;

  const ReportTable* Find(std::string_view key) const;
};

struct ReportOptions {
  // Count outcomes still waiting for validation too.
  bool include_reported = false;
};

// One edition: key figures; participants by country, organization type and
// theme; requests by status and the acceptance rate; meetings by status;
// outcomes by stage, kind, theme and region; conversion of held meetings into
// outcomes at negotiation or better and at agreement; interpreter
// utilisation per session; tables used per slot.
Result<Report> EventReport(Store& store, const Actor& actor, const Event& event,
                           const Taxonomy& taxonomy, const ReportOptions& options = {});

// Every edition, oldest first: participants, meetings and outcomes per
// edition and per city; outcomes by stage per edition; returning
// organizations; pairs that met again; meetings that led to agreements.
Result<Report> ProgrammeReport(Store& store, const Actor& actor, const Taxonomy& taxonomy,
                               const ReportOptions& options = {});

// A country's name in `lang` ("Italia", "中国"), from ICU; the code when unknown.
std::string CountryName(std::string_view code, std::string_view lang);

// A value as the CSV and XLSX cells carry it: counts as integers, shares as
// fractions with four decimals ("0.6250").
std::string ReportValueText(double value, ReportUnit unit);

// One table as RFC 4180 CSV (UTF-8, labels in `lang`; the first columns are
// the code and the label).
std::string ReportTableCsv(const ReportTable& table, std::string_view lang);

}  // namespace ponte::service
