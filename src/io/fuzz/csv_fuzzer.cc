// Fuzz target for the CSV parser and the record readers behind `ponte import`.
// Invariants: never crash, never hang; a successful parse re-formats and
// re-parses to the same fields (round trip).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/csv.h"
#include "io/import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = ponte::ParseCsv(text, "fuzz.csv");
  if (table.ok()) {
    std::string again = ponte::FormatCsvRow(table->header);
    for (const auto& row : table->rows) again += ponte::FormatCsvRow(row.fields);
    auto reparsed = ponte::ParseCsv(again, "again.csv");
    if (!reparsed.ok() || reparsed->header != table->header ||
        reparsed->rows.size() != table->rows.size()) {
      std::abort();
    }
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
      if (reparsed->rows[i].fields != table->rows[i].fields) std::abort();
    }
  }
  // The record readers on top of the parser must also fail cleanly.
  ponte::Dataset dataset;
  ponte::io::ReadOptions options;
  options.time_zone = "Asia/Shanghai";
  (void)ponte::io::ReadText(ponte::io::FileKind::kOrganizations, text, "fuzz.csv", options,
                            dataset);
  (void)ponte::io::ReadText(ponte::io::FileKind::kSessions, text, "fuzz.csv", options, dataset);
  (void)ponte::io::ReadText(ponte::io::FileKind::kRequests, text, "fuzz.jsonl", options, dataset);
  return 0;
}
