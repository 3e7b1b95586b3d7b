#include "itinerary/toptw_reader.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

namespace ponte::itinerary {
namespace {

constexpr Ticks kSolomonTicksPerUnit = 10;
constexpr Ticks kCordeauTicksPerUnit = 100;
constexpr int kHeaderTokens = 6;  // k v N t D Q
// i x y d S f a O C, plus `a` list entries.
constexpr std::size_t kFixedVertexTokens = 9;

struct Line {
  int number = 0;  // 1-based
  std::vector<std::string_view> tokens;
};

std::vector<Line> Tokenize(std::string_view text) {
  std::vector<Line> lines;
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    Line line{number, {}};
    std::string_view row = text.substr(pos, end - pos);
    std::size_t i = 0;
    while (i < row.size()) {
      while (i < row.size() && (row[i] == ' ' || row[i] == '\t' || row[i] == '\r')) ++i;
      std::size_t j = i;
      while (j < row.size() && row[j] != ' ' && row[j] != '\t' && row[j] != '\r') ++j;
      if (j > i) line.tokens.push_back(row.substr(i, j - i));
      i = j;
    }
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

Result<long long> ParseInteger(std::string_view token) {
  long long v = 0;
  auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (ec != std::errc() || ptr != token.data() + token.size()) {
    return InvalidArgumentError("expected an integer, got '" + std::string(token) + "'");
  }
  return v;
}

Result<double> ParseReal(std::string_view token) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (ec != std::errc() || ptr != token.data() + token.size()) {
    return InvalidArgumentError("expected a number, got '" + std::string(token) + "'");
  }
  return v;
}

bool EndsWithFolder(std::string_view name, std::string_view folder) {
  return name.find(std::string(folder) + "/") != std::string_view::npos;
}

std::string BaseName(std::string_view name) {
  const auto slash = name.find_last_of('/');
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

}  // namespace

Result<Ticks> ParseScaledDecimal(std::string_view token, Ticks ticks_per_unit) {
  const std::string bad = "expected a decimal number, got '" + std::string(token) + "'";
  if (token.empty()) return InvalidArgumentError(bad);
  bool negative = false;
  std::size_t i = 0;
  if (token[0] == '-' || token[0] == '+') {
    negative = token[0] == '-';
    ++i;
  }
  Ticks whole = 0;
  bool digits = false;
  constexpr Ticks kLimit = Ticks{1} << 50;
  for (; i < token.size() && token[i] != '.'; ++i) {
    if (token[i] < '0' || token[i] > '9') return InvalidArgumentError(bad);
    whole = whole * 10 + (token[i] - '0');
    if (whole > kLimit)
      return InvalidArgumentError("number too large: '" + std::string(token) + "'");
    digits = true;
  }
  Ticks frac = 0;
  Ticks unit = ticks_per_unit;  // ticks per current decimal digit * 10
  if (i < token.size()) {
    ++i;  // the '.'
    for (; i < token.size(); ++i) {
      if (token[i] < '0' || token[i] > '9') return InvalidArgumentError(bad);
      digits = true;
      const int d = token[i] - '0';
      if (unit % 10 == 0) {
        unit /= 10;
        frac += d * unit;
      } else if (d != 0) {
        return InvalidArgumentError("'" + std::string(token) + "' has more decimals than 1/" +
                                    std::to_string(ticks_per_unit));
      }
    }
  }
  if (!digits) return InvalidArgumentError(bad);
  const Ticks v = whole * ticks_per_unit + frac;
  return negative ? -v : v;
}

Result<Problem> ParseToptw(std::string_view text, std::string_view name, int tours,
                           ToptwPrecision precision) {
  const std::string file(name);
  auto at = [&file](int line, const std::string& what) {
    return InvalidArgumentError(file + ":" + std::to_string(line) + ": " + what);
  };
  if (tours < 1) return InvalidArgumentError("the number of tours must be at least 1");
  Problem p;
  p.name = BaseName(name);
  if (const auto dot = p.name.rfind('.'); dot != std::string::npos) p.name.resize(dot);
  if (precision == ToptwPrecision::kAuto) {
    const bool cordeau = p.name.rfind("pr", 0) == 0 || EndsWithFolder(name, "cordeau");
    precision = cordeau ? ToptwPrecision::kCordeau : ToptwPrecision::kSolomon;
  }
  p.ticks_per_unit =
      precision == ToptwPrecision::kCordeau ? kCordeauTicksPerUnit : kSolomonTicksPerUnit;

  const std::vector<Line> lines = Tokenize(text);
  // Header: the first six tokens, wherever the line breaks fall.
  std::vector<std::string_view> header;
  std::size_t li = 0;
  int header_line = 1;
  for (; li < lines.size() && header.size() < kHeaderTokens; ++li) {
    for (auto tok : lines[li].tokens) header.push_back(tok);
    header_line = lines[li].number;
  }
  if (header.size() < kHeaderTokens) {
    return at(header_line,
              "the header needs 6 numbers (k v N t D Q), found " + std::to_string(header.size()));
  }
  if (header.size() > kHeaderTokens) {
    return at(header_line, "unexpected token '" + std::string(header[kHeaderTokens]) +
                               "' after the 6 header numbers (k v N t D Q)");
  }
  auto n_or = ParseInteger(header[2]);
  if (!n_or.ok()) return at(header_line, "N (3rd header number): " + n_or.status().message());
  const long long n = *n_or;
  if (n < 0 || n > 1'000'000) return at(header_line, "N (3rd header number) out of range");

  p.bases.push_back({"0", {}, -1});
  long long vertex = 0;
  for (; li < lines.size(); ++li) {
    const Line& line = lines[li];
    if (line.tokens.empty()) continue;
    if (vertex > n)
      return at(line.number, "more vertex lines than N + 1 = " + std::to_string(n + 1));
    if (line.tokens.size() < kFixedVertexTokens) {
      return at(line.number, "a vertex line needs at least 9 numbers (i x y d S f a O C), found " +
                                 std::to_string(line.tokens.size()));
    }
    auto id = ParseInteger(line.tokens[0]);
    if (!id.ok()) return at(line.number, "vertex id: " + id.status().message());
    if (*id != vertex) {
      return at(line.number,
                "expected vertex " + std::to_string(vertex) + ", found " + std::to_string(*id));
    }
    auto list_len = ParseInteger(line.tokens[6]);
    if (!list_len.ok()) return at(line.number, "a (field 7): " + list_len.status().message());
    if (*list_len < 0 ||
        static_cast<std::size_t>(*list_len) + kFixedVertexTokens != line.tokens.size()) {
      return at(line.number, "a = " + std::to_string(*list_len) + " promises " +
                                 std::to_string(*list_len + 9) + " numbers on the line, found " +
                                 std::to_string(line.tokens.size()));
    }
    auto x = ParseReal(line.tokens[1]);
    auto y = ParseReal(line.tokens[2]);
    if (!x.ok()) return at(line.number, "x: " + x.status().message());
    if (!y.ok()) return at(line.number, "y: " + y.status().message());
    auto service = ParseScaledDecimal(line.tokens[3], p.ticks_per_unit);
    if (!service.ok()) {
      return at(line.number, "service duration d (field 4): " + service.status().message());
    }
    auto score = ParseScaledDecimal(line.tokens[4], 1);
    if (!score.ok()) return at(line.number, "score S (field 5): " + score.status().message());
    const std::size_t last = line.tokens.size() - 1;
    auto open = ParseScaledDecimal(line.tokens[last - 1], p.ticks_per_unit);
    auto close = ParseScaledDecimal(line.tokens[last], p.ticks_per_unit);
    if (!open.ok()) return at(line.number, "opening time O: " + open.status().message());
    if (!close.ok()) return at(line.number, "closing time C: " + close.status().message());
    if (*open > *close) return at(line.number, "opening time O is after closing time C");
    if (*service < 0 || *score < 0) return at(line.number, "negative service duration or score");
    if (vertex == 0) {
      p.bases[0].location = {*x, *y};
      for (int t = 0; t < tours; ++t) {
        p.tours.push_back({"tour " + std::to_string(t + 1), 0, 0, *open, *close, -1});
      }
    } else {
      Visit v;
      v.id = std::to_string(vertex);
      v.location = {*x, *y};
      v.service = *service;
      v.value = *score;
      v.windows = {{*open, *close}};
      p.visits.push_back(std::move(v));
    }
    ++vertex;
  }
  if (vertex != n + 1) {
    const int last_line = lines.empty() ? 1 : lines.back().number;
    return at(last_line, "expected N + 1 = " + std::to_string(n + 1) + " vertex lines, found " +
                             std::to_string(vertex));
  }
  return p;
}

Result<Problem> ReadToptwFile(const std::string& path, int tours, ToptwPrecision precision) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open TOPTW file '" + path + "'");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return ParseToptw(buffer.str(), path, tours, precision);
}

}  // namespace ponte::itinerary
