// Reports as the API and the portal serve them: the JSON document of a
// service::Report and its XLSX workbook (one sheet per table), and the routes
// (routes_reports.cc).
//
//   Json body = ReportJson(report);
//   PONTE_ASSIGN_OR_RETURN(std::string xlsx, ReportXlsx(report, "zh"));
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "service/reports.h"

namespace ponte::api {

// {scope, title, include_reported, outcomes_counted, tables: [{key, title,
// note, chart, label_header, columns: [{key, label, unit}], rows: [{code,
// label, values, unit?}]}]}; labels as {it, en, zh} objects.
nlohmann::json ReportJson(const service::Report& report);

// Every table as a sheet named by its key, headers and labels in `lang`,
// numbers as numbers (shares as percentages).
Result<std::string> ReportXlsx(const service::Report& report, std::string_view lang);

// "1", "true" or "yes" in ?include_reported=.
bool IncludeReported(std::optional<std::string> query);

}  // namespace ponte::api
