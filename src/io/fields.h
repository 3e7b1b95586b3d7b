// Internal to io: one input record as column -> text, wherever it came from
// (a CSV row or a JSON Lines object), with helpers that produce errors naming
// the file, the line and the column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "core/time.h"
#include "model/dataset.h"
#include "model/localized_text.h"

namespace ponte::io::internal {

class Fields {
 public:
  Fields(SourceLocation where, std::vector<std::pair<std::string, std::string>> values)
      : where_(std::move(where)), values_(std::move(values)) {}

  const SourceLocation& where() const { return where_; }
  const std::vector<std::pair<std::string, std::string>>& values() const { return values_; }

  // Trimmed text of a column; empty when absent.
  std::string Text(std::string_view column) const;
  Result<std::string> Required(std::string_view column) const;
  // ';'-separated list, items trimmed, empties dropped.
  std::vector<std::string> List(std::string_view column) const;
  // All <prefix>_<lang> columns, e.g. name_it, name_zh.
  Result<LocalizedText> Localized(std::string_view prefix) const;
  Result<bool> Bool(std::string_view column, bool fallback) const;
  Result<int> Int(std::string_view column, int min, int max) const;
  Result<std::optional<double>> Double(std::string_view column, double min, double max) const;

  // "file:line: column 'x': message"
  Status Error(std::string_view column, std::string_view message) const;
  // Wraps a field-level Status (from Parse* or Validate) with the location.
  Status Wrap(std::string_view column, const Status& status) const;
  Status WrapRecord(const Status& status) const;

 private:
  const std::string* Find(std::string_view column) const;
  SourceLocation where_;
  std::vector<std::pair<std::string, std::string>> values_;
};

}  // namespace ponte::io::internal
