#include "io/fields.h"

#include <charconv>
#include <cstdlib>

#include "core/utf8.h"

namespace ponte::io::internal {

const std::string* Fields::Find(std::string_view column) const {
  for (const auto& [name, value] : values_) {
    if (name == column) return &value;
  }
  return nullptr;
}

std::string Fields::Text(std::string_view column) const {
  const std::string* v = Find(column);
  return v == nullptr ? std::string() : std::string(Trim(*v));
}

Result<std::string> Fields::Required(std::string_view column) const {
  std::string v = Text(column);
  if (v.empty()) return Error(column, "required, found nothing");
  return v;
}

std::vector<std::string> Fields::List(std::string_view column) const {
  std::vector<std::string> out;
  const std::string text = Text(column);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string_view item = Trim(std::string_view(text).substr(start, end - start));
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

Result<LocalizedText> Fields::Localized(std::string_view prefix) const {
  LocalizedText text;
  const std::string head = std::string(prefix) + "_";
  for (const auto& [name, value] : values_) {
    if (name.size() > head.size() && name.compare(0, head.size(), head) == 0) {
      std::string_view v = Trim(value);
      if (!v.empty()) text.Set(name.substr(head.size()), std::string(v));
    }
  }
  return text;
}

Result<bool> Fields::Bool(std::string_view column, bool fallback) const {
  const std::string v = AsciiLower(Text(column));
  if (v.empty()) return fallback;
  if (v == "yes" || v == "true" || v == "1" || v == "y") return true;
  if (v == "no" || v == "false" || v == "0" || v == "n") return false;
  return Error(column, "expected yes or no, got '" + Text(column) + "'");
}

Result<int> Fields::Int(std::string_view column, int min, int max) const {
  const std::string v = Text(column);
  int out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || out < min || out > max) {
    return Error(column, "expected a whole number from " + std::to_string(min) + " to " +
                             std::to_string(max) + ", got '" + v + "'");
  }
  return out;
}

Result<std::optional<double>> Fields::Double(std::string_view column, double min,
                                             double max) const {
  const std::string v = Text(column);
  if (v.empty()) return std::optional<double>();
  char* end = nullptr;
  const double out = std::strtod(v.c_str(), &end);
  if (end != v.c_str() + v.size() || out < min || out > max) {
    return Error(column, "expected a decimal number from " + std::to_string(min) + " to " +
                             std::to_string(max) + ", got '" + v + "'");
  }
  return std::optional<double>(out);
}

Status Fields::Error(std::string_view column, std::string_view message) const {
  return InvalidArgumentError(where_.ToString() + ": column '" + std::string(column) +
                              "': " + std::string(message));
}

Status Fields::Wrap(std::string_view column, const Status& status) const {
  if (status.ok()) return status;
  return Error(column, status.message());
}

Status Fields::WrapRecord(const Status& status) const {
  if (status.ok()) return status;
  std::string message = status.message();
  // Validate() says "field 'x': ..."; in a file that is a column.
  if (message.rfind("field '", 0) == 0) message.replace(0, 5, "column");
  return Status(status.code(), where_.ToString() + ": " + message);
}

}  // namespace ponte::io::internal
