#include "itinerary/toptw_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "itinerary/solution.h"

namespace ponte::itinerary {
namespace {

using ::testing::HasSubstr;

const std::string kShared = PONTE_SHARED_DIR;

constexpr char kTiny[] =
    "4 1 2 1\n"
    "0 200\n"
    "  0 0.00 0.00 0.00 0.00 0 0 0 100\n"
    "  1 3.00 4.00 10.00 7.00 1 1 1 0 50\n"
    "  2 0.55 0.00 0.00 3.00 1 1 1 20 30\n";

TEST(ToptwReader, ParsesTinyFileWithScaledTicks) {
  Result<Problem> p = ParseToptw(kTiny, "solomon/tiny.txt", 2);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->name, "tiny");
  EXPECT_EQ(p->ticks_per_unit, 10);
  ASSERT_EQ(p->visits.size(), 2u);
  EXPECT_EQ(p->visits[0].id, "1");
  EXPECT_EQ(p->visits[0].service, 100);
  EXPECT_EQ(p->visits[0].value, 7);
  EXPECT_EQ(p->visits[1].windows[0].open, 200);
  EXPECT_EQ(p->visits[1].windows[0].close, 300);
  ASSERT_EQ(p->tours.size(), 2u);
  EXPECT_EQ(p->tours[1].end, 1000);  // Tmax = depot closing time
  const auto m = TravelMatrix(*p);
  EXPECT_EQ(m[2][0], 50);  // depot -> vertex 1: distance 5.0
  EXPECT_EQ(m[2][1], 5);   // depot -> vertex 2: 0.55 truncated to 0.5
}

TEST(ToptwReader, HeaderIsATokenStream) {
  // The 2008 c204 header is split as "2 " / "4 100 1 0 700".
  const std::string split =
      "4 \n1 2 1 0 200\n"
      "  0 0.00 0.00 0.00 0.00 0 0 0 100\n"
      "  1 3.00 4.00 10.00 7.00 1 1 1 0 50\n"
      "  2 0.55 0.00 0.00 3.00 1 1 1 20 30\n";
  Result<Problem> p = ParseToptw(split, "x.txt", 1);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->visits.size(), 2u);
}

TEST(ToptwReader, CordeauPrecisionAndCrlf) {
  const std::string text =
      "5 1 1 4\r\n500 200\r\n 0 0.000 0.000 0 0 0 0 0 1000\r\n 1 1.005 0.000 2 12 4 1 15 354 "
      "509\r\n";
  Result<Problem> p = ParseToptw(text, "cordeau/pr99.txt", 1);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->ticks_per_unit, 100);
  EXPECT_EQ(TravelMatrix(*p)[1][0], 100);  // 1.005 truncated to 1.00
  EXPECT_EQ(p->visits[0].windows[0].open, 35400);
}

TEST(ToptwReader, ReportsTheLineOfAWrongListLength) {
  const std::string text = "4 1 1 1\n0 200\n  0 0 0 0 0 0 0 0 100\n  1 3 4 10 7 1 2 1 0 50\n";
  Result<Problem> p = ParseToptw(text, "bad.txt", 1);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(p.status().message(), HasSubstr("bad.txt:4:"));
  EXPECT_THAT(p.status().message(), HasSubstr("a = 2"));
}

TEST(ToptwReader, ReportsBadNumbersAndMissingLines) {
  Result<Problem> bad =
      ParseToptw("4 1 1 1\n0 200\n 0 0 0 0 0 0 0 0 100\n 1 3 x 10 7 1 1 1 0 50\n", "b.txt", 1);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("b.txt:4: y"));
  Result<Problem> short_file = ParseToptw("4 1 3 1\n0 200\n 0 0 0 0 0 0 0 0 100\n", "s.txt", 1);
  ASSERT_FALSE(short_file.ok());
  EXPECT_THAT(short_file.status().message(), HasSubstr("expected N + 1 = 4 vertex lines"));
  Result<Problem> header = ParseToptw("4 1", "h.txt", 1);
  ASSERT_FALSE(header.ok());
  EXPECT_THAT(header.status().message(), HasSubstr("h.txt:1: the header needs 6 numbers"));
  Result<Problem> wrong_id =
      ParseToptw("4 1 1 1\n0 200\n 0 0 0 0 0 0 0 0 100\n 7 3 4 10 7 1 1 1 0 50\n", "w.txt", 1);
  ASSERT_FALSE(wrong_id.ok());
  EXPECT_THAT(wrong_id.status().message(), HasSubstr("w.txt:4: expected vertex 1, found 7"));
  Result<Problem> precise =
      ParseToptw("4 1 1 1\n0 200\n 0 0 0 0 0 0 0 0 100\n 1 3 4 10.05 7 1 1 1 0 50\n", "p.txt", 1);
  ASSERT_FALSE(precise.ok());
  EXPECT_THAT(precise.status().message(), HasSubstr("more decimals"));
}

TEST(ToptwReader, MissingFileIsNotFound) {
  Result<Problem> p = ReadToptwFile("/nonexistent/c101.txt", 1);
  EXPECT_EQ(p.status().code(), StatusCode::kNotFound);
}

TEST(ToptwReader, ScaledDecimal) {
  EXPECT_EQ(*ParseScaledDecimal("12.50", 10), 125);
  EXPECT_EQ(*ParseScaledDecimal("-3", 100), -300);
  EXPECT_EQ(*ParseScaledDecimal("0.07", 100), 7);
  EXPECT_FALSE(ParseScaledDecimal("1.25", 10).ok());
  EXPECT_FALSE(ParseScaledDecimal("", 10).ok());
  EXPECT_FALSE(ParseScaledDecimal("1e3", 10).ok());
}

// Every benchmark file reads, with Tmax and the score totals of the README.
TEST(ToptwReader, ReadsAllBenchmarkFiles) {
  const char* solomon[] = {"c101", "c109", "c201",  "c204",  "r101",  "r112",
                           "r201", "r211", "rc101", "rc108", "rc201", "rc208"};
  for (const char* name : solomon) {
    Result<Problem> p = ReadToptwFile(kShared + "/toptw_instances/solomon/" + name + ".txt", 1);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    EXPECT_EQ(p->visits.size(), 100u) << name;
    Value total = 0;
    for (const Visit& v : p->visits) total += v.value;
    const std::string n = name;
    const Value expected = n[0] == 'c' ? 1810 : (n[1] == 'c' ? 1724 : 1458);
    EXPECT_EQ(total, expected) << name;
  }
  for (int i = 1; i <= 20; ++i) {
    const std::string name = (i < 10 ? "pr0" : "pr") + std::to_string(i);
    Result<Problem> p = ReadToptwFile(kShared + "/toptw_instances/cordeau/" + name + ".txt", 1);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    EXPECT_EQ(p->ticks_per_unit, 100);
    EXPECT_EQ(p->tours[0].end, 100000) << name;  // Tmax 1000
  }
}

// The Righini-Salani optimal route for c101 (m = 1, evidence/righini_salani_logs)
// replays with the logged service-start times and score 320.
TEST(ToptwReader, ReplaysTheLoggedOptimumOfC101) {
  Result<Problem> p = ReadToptwFile(kShared + "/toptw_instances/solomon/c101.txt", 1);
  ASSERT_TRUE(p.ok());
  const std::vector<int> vertices = {57, 63, 62, 74, 93, 97, 12, 2, 21, 75};
  const std::vector<Ticks> starts = {350, 1710, 2660, 3590, 5004, 5954, 7204, 8354, 9488, 10586};
  std::vector<int> order;
  for (int v : vertices) order.push_back(v - 1);
  const Solution s = Schedule(*p, {order});
  const CheckReport r = Check(*p, s);
  EXPECT_TRUE(r.feasible) << r.violations.front();
  EXPECT_EQ(r.value, 320);
  for (std::size_t i = 0; i < starts.size(); ++i) EXPECT_EQ(s.tours[0][i].start, starts[i]) << i;
}

}  // namespace
}  // namespace ponte::itinerary
