// RFC 4180 CSV reading and writing, UTF-8 only.
//
//   PONTE_ASSIGN_OR_RETURN(CsvTable table, ParseCsv(text, "people.csv"));
//   for (const CsvRow& row : table.rows) Use(row.line, row.fields);
//   std::string out = FormatCsvRow({"it-unibo", "Università di Bologna, \"Alma Mater\""});
//
// Accepted: a leading byte-order mark; CRLF or LF line ends; quoted fields
// holding commas, line breaks and doubled quotes; a missing final line break.
// Rejected with "file:line:column: what was expected": invalid UTF-8, a quote
// inside an unquoted field, text after a closing quote, an unterminated
// quoted field, a row whose field count differs from the header's. Columns
// count code points, from 1. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ponte {

struct CsvRow {
  int line = 0;  // physical line (1-based) where the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string file;  // name used in messages
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
};

// Parses a whole CSV document whose first record is the header. Blank lines
// between records are skipped.
Result<CsvTable> ParseCsv(std::string_view text, std::string_view file_name);

// One record, quoted where needed, terminated by "\r\n" (RFC 4180).
std::string FormatCsvRow(const std::vector<std::string>& fields);

}  // namespace ponte
