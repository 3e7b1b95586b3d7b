#include "schedule/dzn_reader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <variant>

namespace ponte::schedule {
namespace {

struct Token {
  enum class Kind { kIdent, kInt, kSymbol, kEnd } kind = Kind::kEnd;
  std::string text;
  std::int64_t value = 0;
  int line = 1;
  int column = 1;
};

// A value of a .dzn assignment: an integer, a set of integers, or an array of
// values (a 2-D `[| ... |]` array is an array of rows).
struct Value;
using ValueList = std::vector<Value>;
struct Value {
  enum class Kind { kInt, kSet, kArray } kind = Kind::kInt;
  std::int64_t number = 0;
  std::vector<std::int64_t> set;
  ValueList items;
  int line = 1;
  int column = 1;
};

class Lexer {
 public:
  Lexer(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  Result<std::vector<Token>> Tokenize() {
    std::vector<Token> tokens;
    while (true) {
      SkipSpaceAndComments();
      Token token;
      token.line = line_;
      token.column = column_;
      if (pos_ >= text_.size()) {
        tokens.push_back(token);
        return tokens;
      }
      const char c = text_[pos_];
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        token.kind = Token::Kind::kIdent;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
          token.text.push_back(Advance());
        }
      } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                 (c == '-' && pos_ + 1 < text_.size() &&
                  std::isdigit(static_cast<unsigned char>(text_[pos_ + 1])))) {
        token.kind = Token::Kind::kInt;
        token.text.push_back(Advance());
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
          token.text.push_back(Advance());
        }
        if (token.text.size() > 12) {
          return Error(token, "integer '" + token.text + "' is too large");
        }
        token.value = std::stoll(token.text);
      } else if (c == '.' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '.') {
        token.kind = Token::Kind::kSymbol;
        token.text = "..";
        Advance();
        Advance();
      } else if (std::string_view("=;[]{}|,").find(c) != std::string_view::npos) {
        token.kind = Token::Kind::kSymbol;
        token.text.push_back(Advance());
      } else {
        return Error(token, std::string("unexpected character '") + c + "'");
      }
      tokens.push_back(std::move(token));
    }
  }

  Status Error(const Token& at, const std::string& message) const {
    return InvalidArgumentError(std::string(source_) + ":" + std::to_string(at.line) + ":" +
                                std::to_string(at.column) + ": " + message);
  }

 private:
  char Advance() {
    const char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    return c;
  }
  void SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '%') {
        while (pos_ < text_.size() && text_[pos_] != '\n') Advance();
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        Advance();
      } else {
        return;
      }
    }
  }

  std::string_view text_;
  std::string_view source_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string_view source)
      : tokens_(std::move(tokens)), source_(source) {}

  Status Error(const Token& at, const std::string& message) const {
    return InvalidArgumentError(std::string(source_) + ":" + std::to_string(at.line) + ":" +
                                std::to_string(at.column) + ": " + message);
  }
  Status ErrorAt(const Value& at, const std::string& message) const {
    Token token;
    token.line = at.line;
    token.column = at.column;
    return Error(token, message);
  }

  Result<std::map<std::string, Value>> ParseAssignments() {
    std::map<std::string, Value> values;
    while (Peek().kind != Token::Kind::kEnd) {
      const Token name = Next();
      if (name.kind != Token::Kind::kIdent) return Error(name, "expected a parameter name");
      PONTE_RETURN_IF_ERROR(Expect("="));
      PONTE_ASSIGN_OR_RETURN(Value value, ParseValue());
      PONTE_RETURN_IF_ERROR(Expect(";"));
      if (values.count(name.text) != 0) {
        return Error(name, "parameter '" + name.text + "' is given twice");
      }
      values.emplace(name.text, std::move(value));
    }
    return values;
  }

 private:
  const Token& Peek() const { return tokens_[pos_]; }
  Token Next() {
    const Token& token = tokens_[pos_];
    if (token.kind != Token::Kind::kEnd) ++pos_;
    return token;
  }
  bool IsSymbol(const char* symbol) const {
    return Peek().kind == Token::Kind::kSymbol && Peek().text == symbol;
  }
  Status Expect(const char* symbol) {
    if (!IsSymbol(symbol)) {
      const Token& at = Peek();
      return Error(at, std::string("expected '") + symbol + "', got " + Describe(at));
    }
    Next();
    return OkStatus();
  }
  static std::string Describe(const Token& token) {
    if (token.kind == Token::Kind::kEnd) return "end of file";
    return "'" + token.text + "'";
  }

  Result<Value> ParseValue() {
    const Token& start = Peek();
    Value value;
    value.line = start.line;
    value.column = start.column;
    if (start.kind == Token::Kind::kInt) {
      value.kind = Value::Kind::kInt;
      value.number = Next().value;
      return value;
    }
    if (IsSymbol("{")) return ParseSet();
    if (IsSymbol("[")) {
      Next();
      value.kind = Value::Kind::kArray;
      if (IsSymbol("|")) return ParseMatrix(value);
      while (!IsSymbol("]")) {
        PONTE_ASSIGN_OR_RETURN(Value item, ParseValue());
        value.items.push_back(std::move(item));
        if (IsSymbol(",")) {
          Next();
        } else if (!IsSymbol("]")) {
          return Error(Peek(), "expected ',' or ']', got " + Describe(Peek()));
        }
      }
      Next();
      return value;
    }
    return Error(start, "expected a number, a set or an array, got " + Describe(start));
  }

  Result<Value> ParseSet() {
    Value value;
    value.kind = Value::Kind::kSet;
    value.line = Peek().line;
    value.column = Peek().column;
    Next();  // {
    while (!IsSymbol("}")) {
      const Token item = Next();
      if (item.kind != Token::Kind::kInt) {
        return Error(item, "expected an integer in a set, got " + Describe(item));
      }
      if (IsSymbol("..")) {
        Next();
        const Token last = Next();
        if (last.kind != Token::Kind::kInt) return Error(last, "expected the end of a range");
        for (std::int64_t v = item.value; v <= last.value; ++v) value.set.push_back(v);
      } else {
        value.set.push_back(item.value);
      }
      if (IsSymbol(",")) {
        Next();
      } else if (!IsSymbol("}")) {
        return Error(Peek(), "expected ',' or '}', got " + Describe(Peek()));
      }
    }
    Next();
    return value;
  }

  // After "[": "| a, b, c | d, e, f |]".
  Result<Value> ParseMatrix(Value value) {
    Next();  // |
    while (!IsSymbol("]")) {
      Value row;
      row.kind = Value::Kind::kArray;
      row.line = Peek().line;
      row.column = Peek().column;
      while (!IsSymbol("|")) {
        PONTE_ASSIGN_OR_RETURN(Value item, ParseValue());
        row.items.push_back(std::move(item));
        if (IsSymbol(",")) {
          Next();
        } else if (!IsSymbol("|")) {
          return Error(Peek(), "expected ',' or '|', got " + Describe(Peek()));
        }
      }
      Next();  // |
      value.items.push_back(std::move(row));
    }
    Next();  // ]
    return value;
  }

  std::vector<Token> tokens_;
  std::string_view source_;
  std::size_t pos_ = 0;
};

class Builder {
 public:
  Builder(const std::map<std::string, Value>& values, const Parser& parser)
      : values_(values), parser_(parser) {}

  Result<std::int64_t> Int(const std::string& name, std::int64_t min_value) {
    PONTE_ASSIGN_OR_RETURN(const Value* value, Find(name));
    if (value->kind != Value::Kind::kInt)
      return parser_.ErrorAt(*value, name + ": expected a number");
    if (value->number < min_value) {
      return parser_.ErrorAt(*value, name + ": expected at least " + std::to_string(min_value) +
                                         ", got " + std::to_string(value->number));
    }
    return value->number;
  }

  Result<const Value*> Array(const std::string& name, std::size_t size) {
    PONTE_ASSIGN_OR_RETURN(const Value* value, Find(name));
    if (value->kind != Value::Kind::kArray)
      return parser_.ErrorAt(*value, name + ": expected an array");
    if (value->items.size() != size) {
      return parser_.ErrorAt(*value, name + ": expected " + std::to_string(size) +
                                         " entries, got " + std::to_string(value->items.size()));
    }
    return value;
  }

  Result<const Value*> Find(const std::string& name) {
    auto it = values_.find(name);
    if (it == values_.end()) {
      return InvalidArgumentError(std::string("missing parameter '") + name + "'");
    }
    return &it->second;
  }

  const Parser& parser() const { return parser_; }

 private:
  const std::map<std::string, Value>& values_;
  const Parser& parser_;
};

Status CheckRange(const Parser& parser, const Value& at, const std::string& what, std::int64_t v,
                  std::int64_t lo, std::int64_t hi) {
  if (v < lo || v > hi) {
    return parser.ErrorAt(at, what + ": " + std::to_string(v) + " is outside " +
                                  std::to_string(lo) + ".." + std::to_string(hi));
  }
  return OkStatus();
}

}  // namespace

Result<Problem> ParseDzn(std::string_view text, std::string_view source_name) {
  Lexer lexer(text, source_name);
  PONTE_ASSIGN_OR_RETURN(std::vector<Token> tokens, lexer.Tokenize());
  Parser parser(std::move(tokens), source_name);
  PONTE_ASSIGN_OR_RETURN(auto values, parser.ParseAssignments());
  Builder in(values, parser);
  const std::string source(source_name);
  auto with_source = [&](Status s) {
    if (s.ok() || s.message().rfind(source + ":", 0) == 0) return s;
    return s.WithContext(source);
  };
  auto int_or = [&](const std::string& name, std::int64_t min) -> Result<int> {
    Result<std::int64_t> v = in.Int(name, min);
    if (!v.ok()) return with_source(v.status());
    return static_cast<int>(*v);
  };
  PONTE_ASSIGN_OR_RETURN(const int n_business, int_or("nBusiness", 0));
  PONTE_ASSIGN_OR_RETURN(const int n_meetings, int_or("nMeetings", 0));
  PONTE_ASSIGN_OR_RETURN(const int n_tables, int_or("nTables", 1));
  PONTE_ASSIGN_OR_RETURN(const int n_slots, int_or("nTotalSlots", 1));
  PONTE_ASSIGN_OR_RETURN(const int n_morning, int_or("nMorningSlots", 0));
  if (n_morning > n_slots) {
    return with_source(InvalidArgumentError("nMorningSlots (" + std::to_string(n_morning) +
                                            ") exceeds nTotalSlots (" + std::to_string(n_slots) +
                                            ")"));
  }

  Problem problem;
  problem.name = source;
  problem.require_all = true;
  problem.sessions.push_back(Session{"day 1", 0, 0, n_tables});
  for (int t = 0; t < n_slots; ++t) {
    problem.slots.push_back(Slot{0, t < n_morning, std::to_string(t + 1)});
  }
  problem.participants.resize(static_cast<std::size_t>(n_business));
  for (int p = 0; p < n_business; ++p) {
    problem.participants[static_cast<std::size_t>(p)].name = std::to_string(p + 1);
  }

  auto array = [&](const std::string& name, int size) -> Result<const Value*> {
    Result<const Value*> v = in.Array(name, static_cast<std::size_t>(size));
    if (!v.ok()) return with_source(v.status());
    return *v;
  };

  PONTE_ASSIGN_OR_RETURN(const Value* requested, array("requested", n_meetings));
  for (int m = 0; m < n_meetings; ++m) {
    const Value& row = requested->items[static_cast<std::size_t>(m)];
    if (row.kind != Value::Kind::kArray || row.items.size() != 3) {
      return parser.ErrorAt(row, "requested row " + std::to_string(m + 1) +
                                     ": expected 3 columns (participant, participant, 1|2|3)");
    }
    for (const Value& cell : row.items) {
      if (cell.kind != Value::Kind::kInt)
        return parser.ErrorAt(cell, "requested: expected a number");
    }
    Meeting meeting;
    meeting.label = std::to_string(m + 1);
    PONTE_RETURN_IF_ERROR(CheckRange(parser, row.items[0], "requested participant",
                                     row.items[0].number, 1, n_business));
    PONTE_RETURN_IF_ERROR(CheckRange(parser, row.items[1], "requested participant",
                                     row.items[1].number, 1, n_business));
    PONTE_RETURN_IF_ERROR(CheckRange(parser, row.items[2],
                                     "requested session (1 = morning, 2 = afternoon, 3 = any)",
                                     row.items[2].number, 1, 3));
    if (row.items[0].number == row.items[1].number) {
      return parser.ErrorAt(row.items[1], "requested row " + std::to_string(m + 1) +
                                              ": a participant cannot meet itself");
    }
    meeting.a = static_cast<ParticipantIndex>(row.items[0].number - 1);
    meeting.b = static_cast<ParticipantIndex>(row.items[1].number - 1);
    const std::int64_t half = row.items[2].number;
    meeting.half_day = half == 1   ? HalfDay::kMorning
                       : half == 2 ? HalfDay::kAfternoon
                                   : HalfDay::kAny;
    problem.meetings.push_back(std::move(meeting));
  }

  // meetingsxBusiness: shifted ids with the dummy 1; must agree with `requested`.
  PONTE_ASSIGN_OR_RETURN(const Value* per_business, array("meetingsxBusiness", n_business));
  std::vector<std::vector<int>> expected(static_cast<std::size_t>(n_business));
  for (int m = 0; m < n_meetings; ++m) {
    const Meeting& meeting = problem.meetings[static_cast<std::size_t>(m)];
    expected[static_cast<std::size_t>(meeting.a)].push_back(m);
    expected[static_cast<std::size_t>(meeting.b)].push_back(m);
  }
  for (int p = 0; p < n_business; ++p) {
    const Value& set = per_business->items[static_cast<std::size_t>(p)];
    if (set.kind != Value::Kind::kSet)
      return parser.ErrorAt(set, "meetingsxBusiness: expected a set");
    std::vector<int> got;
    for (std::int64_t id : set.set) {
      if (id == 1) continue;  // the dummy "no meeting"
      PONTE_RETURN_IF_ERROR(
          CheckRange(parser, set, "meetingsxBusiness (ids shifted by +1)", id, 2, n_meetings + 1));
      got.push_back(static_cast<int>(id - 2));
    }
    std::sort(got.begin(), got.end());
    if (got != expected[static_cast<std::size_t>(p)]) {
      return parser.ErrorAt(set, "meetingsxBusiness: participant " + std::to_string(p + 1) +
                                     " does not match the rows of 'requested'");
    }
  }

  PONTE_ASSIGN_OR_RETURN(const Value* forbidden, array("forbidden", n_business));
  for (int p = 0; p < n_business; ++p) {
    const Value& set = forbidden->items[static_cast<std::size_t>(p)];
    if (set.kind != Value::Kind::kSet) return parser.ErrorAt(set, "forbidden: expected a set");
    for (std::int64_t t : set.set) {
      if (t == 0) continue;  // the dummy
      PONTE_RETURN_IF_ERROR(CheckRange(parser, set, "forbidden slot", t, 1, n_slots));
      problem.participants[static_cast<std::size_t>(p)].forbidden_slots.push_back(
          static_cast<SlotIndex>(t - 1));
    }
  }

  PONTE_ASSIGN_OR_RETURN(const Value* fixed, array("fixed", n_meetings));
  for (int m = 0; m < n_meetings; ++m) {
    const Value& cell = fixed->items[static_cast<std::size_t>(m)];
    if (cell.kind != Value::Kind::kInt) return parser.ErrorAt(cell, "fixed: expected a number");
    PONTE_RETURN_IF_ERROR(CheckRange(parser, cell, "fixed slot", cell.number, 0, n_slots));
    if (cell.number > 0) {
      problem.meetings[static_cast<std::size_t>(m)].fixed_slot =
          static_cast<SlotIndex>(cell.number - 1);
    }
  }

  PONTE_ASSIGN_OR_RETURN(const Value* precedences, array("precedences", n_meetings));
  for (int m = 0; m < n_meetings; ++m) {
    const Value& set = precedences->items[static_cast<std::size_t>(m)];
    if (set.kind != Value::Kind::kSet) return parser.ErrorAt(set, "precedences: expected a set");
    for (std::int64_t before : set.set) {
      PONTE_RETURN_IF_ERROR(CheckRange(parser, set, "precedence meeting", before, 1, n_meetings));
      problem.meetings[static_cast<std::size_t>(m)].after.push_back(
          static_cast<MeetingIndex>(before - 1));
    }
  }

  if (values.count("nMeetingsBusiness") != 0) {
    PONTE_ASSIGN_OR_RETURN(const Value* counts, array("nMeetingsBusiness", n_business));
    for (int p = 0; p < n_business; ++p) {
      const Value& cell = counts->items[static_cast<std::size_t>(p)];
      const auto want = static_cast<std::int64_t>(expected[static_cast<std::size_t>(p)].size());
      if (cell.kind != Value::Kind::kInt || cell.number != want) {
        return parser.ErrorAt(cell, "nMeetingsBusiness: participant " + std::to_string(p + 1) +
                                        " has " + std::to_string(want) +
                                        " meetings in 'requested'");
      }
    }
  }
  return problem;
}

Result<Problem> ReadDznFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ParseDzn(text.str(), path);
}

}  // namespace ponte::schedule
