#include "core/csv.h"

#include "core/utf8.h"

namespace ponte {
namespace {

class Parser {
 public:
  Parser(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  Result<CsvTable> Run() {
    CsvTable table;
    table.file = std::string(file_);
    bool have_header = false;
    while (pos_ < text_.size()) {
      if (AtLineEnd()) {  // blank line
        SkipLineEnd();
        continue;
      }
      CsvRow row;
      row.line = line_;
      PONTE_RETURN_IF_ERROR(ReadRecord(row.fields));
      if (!have_header) {
        table.header = std::move(row.fields);
        have_header = true;
        continue;
      }
      if (row.fields.size() != table.header.size()) {
        return Error(row.line, 1,
                     "expected " + std::to_string(table.header.size()) +
                         " fields as in the header, found " + std::to_string(row.fields.size()) +
                         " (a field with a comma or a line break must be in double quotes)");
      }
      table.rows.push_back(std::move(row));
    }
    if (!have_header) return Error(1, 1, "empty file: expected a header row");
    return table;
  }

 private:
  bool AtLineEnd() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void SkipLineEnd() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  int Column(std::size_t at) const {
    return static_cast<int>(CountCodePoints(text_.substr(line_start_, at - line_start_))) + 1;
  }

  Status Error(int line, int column, const std::string& what) const {
    return InvalidArgumentError(std::string(file_) + ":" + std::to_string(line) + ":" +
                                std::to_string(column) + ": " + what);
  }

  Status ReadRecord(std::vector<std::string>& fields) {
    while (true) {
      std::string field;
      PONTE_RETURN_IF_ERROR(ReadField(field));
      fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return OkStatus();
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      SkipLineEnd();  // ReadField stops only at ',', a line end or the end
      return OkStatus();
    }
  }

  Status ReadField(std::string& out) {
    const std::size_t field_start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') return ReadQuoted(out);
    while (pos_ < text_.size() && text_[pos_] != ',' && !AtLineEnd()) {
      if (text_[pos_] == '"') {
        return Error(line_, Column(pos_),
                     "unexpected '\"' inside an unquoted field (quote the whole field and double "
                     "the quote: \"\")");
      }
      ++pos_;
    }
    return Take(field_start, pos_, out);
  }

  Status ReadQuoted(std::string& out) {
    const int open_line = line_;
    const int open_column = Column(pos_);
    ++pos_;  // opening quote
    std::size_t chunk = pos_;
    while (true) {
      if (pos_ >= text_.size()) {
        return Error(open_line, open_column, "unterminated quoted field (missing closing '\"')");
      }
      const char ch = text_[pos_];
      if (ch == '"') {
        PONTE_RETURN_IF_ERROR(Append(chunk, pos_, out));
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          out += '"';
          pos_ += 2;
          chunk = pos_;
          continue;
        }
        ++pos_;  // closing quote
        if (pos_ < text_.size() && text_[pos_] != ',' && !AtLineEnd()) {
          return Error(
              line_, Column(pos_),
              "unexpected text after a closing '\"' (expected ',' or the end of the line)");
        }
        return OkStatus();
      }
      if (ch == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
        continue;
      }
      ++pos_;
    }
  }

  Status Take(std::size_t from, std::size_t to, std::string& out) {
    out.clear();
    return Append(from, to, out);
  }

  Status Append(std::size_t from, std::size_t to, std::string& out) {
    const std::string_view piece = text_.substr(from, to - from);
    if (auto bad = FindInvalidUtf8(piece)) {
      // Locate the line of the bad byte (quoted fields may span lines).
      int line = line_;
      std::size_t start = line_start_;
      const std::size_t at = from + *bad;
      if (at < line_start_) {
        line = line_;
        for (std::size_t i = at; i < line_start_; ++i) {
          if (text_[i] == '\n') --line;
        }
        start = text_.rfind('\n', at);
        start = start == std::string_view::npos ? 0 : start + 1;
      }
      const int column = static_cast<int>(CountCodePoints(text_.substr(start, at - start))) + 1;
      return Error(line, column, "invalid UTF-8 (save the file as UTF-8)");
    }
    out.append(piece);
    return OkStatus();
  }

  std::string_view text_;
  std::string_view file_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
};

}  // namespace

Result<CsvTable> ParseCsv(std::string_view text, std::string_view file_name) {
  return Parser(StripBom(text), file_name).Run();
}

std::string FormatCsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& f = fields[i];
    // A record that is one empty field must not look like a blank line.
    const bool lone_empty = fields.size() == 1 && f.empty();
    // A field starting with U+FEFF at the start of a file would be read as a
    // byte-order mark.
    const bool starts_with_bom = f.rfind("\xEF\xBB\xBF", 0) == 0;
    const bool quote = lone_empty || starts_with_bom ||
                       f.find_first_of(",\"\r\n") != std::string::npos ||
                       (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    if (!quote) {
      out += f;
      continue;
    }
    out += '"';
    for (char ch : f) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

}  // namespace ponte
