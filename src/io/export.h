// Writing a Dataset back out: CSV (the import format, so exports re-import
// losslessly), JSON Lines, the event JSON, and an XLSX workbook with one sheet
// per kind for organizers who live in spreadsheets.
//
//   std::string csv = WriteCsv(FileKind::kOrganizations, data, "Asia/Shanghai");
//   PONTE_RETURN_IF_ERROR(WriteXlsx(data, "icstiw-2026.xlsx", "Asia/Shanghai"));
//
// Session times are written in `time_zone` (the event's). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "io/import.h"
#include "model/dataset.h"

namespace ponte::io {

std::string WriteCsv(FileKind kind, const Dataset& data, std::string_view time_zone);
std::string WriteJsonLines(FileKind kind, const Dataset& data, std::string_view time_zone);
std::string WriteEventJson(const Event& event);

// One sheet per non-empty kind, header row in bold, frozen, columns sized.
Status WriteXlsx(const Dataset& data, const std::string& path, std::string_view time_zone);

// The workbook writer WriteXlsx uses, for any tables (the reports use it):
// one sheet each, header row in bold and frozen, columns sized to the text.
// A cell with a number is written as a number (a percentage format when
// `percent`), else as text; empty text and no number leave the cell blank.
// Sheet names must be unique, at most 31 characters, without []:*?/\.
struct XlsxCell {
  std::string text;
  std::optional<double> number;
  bool percent = false;
};
struct XlsxSheet {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<XlsxCell>> rows;
};
Status WriteXlsxSheets(const std::vector<XlsxSheet>& sheets, const std::string& path);
// The same workbook as bytes (written through a temporary file).
Result<std::string> XlsxSheetsToBytes(const std::vector<XlsxSheet>& sheets);

// Writes every non-empty kind as <dir>/<kind>.csv (and event.json).
Status WriteDirectory(const Dataset& data, const std::string& dir, std::string_view time_zone);

Status WriteStringToFile(const std::string& path, std::string_view contents);

}  // namespace ponte::io
