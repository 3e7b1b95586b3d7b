#include "core/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ponte {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(Csv, QuotedFieldsCommasNewlinesAndDoubledQuotes) {
  auto t =
      ParseCsv("key,text\r\na,\"uno, due\"\r\nb,\"riga 1\nriga 2 \"\"citata\"\"\"\r\n", "x.csv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_THAT(t->header, ElementsAre("key", "text"));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_THAT(t->rows[0].fields, ElementsAre("a", "uno, due"));
  EXPECT_THAT(t->rows[1].fields, ElementsAre("b", "riga 1\nriga 2 \"citata\""));
  EXPECT_EQ(t->rows[0].line, 2);
  EXPECT_EQ(t->rows[1].line, 3);
}

TEST(Csv, BomAndMissingFinalNewlineAndChinese) {
  auto t = ParseCsv("\xEF\xBB\xBFkey,name\ncn-scu,四川大学", "x.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->header[0], "key");
  EXPECT_THAT(t->rows[0].fields, ElementsAre("cn-scu", "四川大学"));
}

TEST(Csv, LineNumbersCountLinesInsideQuotedFields) {
  auto t = ParseCsv("a,b\n1,\"x\ny\"\n2,\"oops\n", "f.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(t.status().message(), HasSubstr("f.csv:4:3: unterminated quoted field"));
}

TEST(Csv, BareQuoteIsAnErrorWithColumn) {
  auto t = ParseCsv("a,b\nCittà,ab\"c\n", "f.csv");
  ASSERT_FALSE(t.ok());
  // Columns count code points: "Città," is 6, so the quote is at column 9.
  EXPECT_THAT(t.status().message(), HasSubstr("f.csv:2:9: unexpected '\"'"));
}

TEST(Csv, TextAfterClosingQuote) {
  auto t = ParseCsv("a,b\n\"x\"y,z\n", "f.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("f.csv:2:4: unexpected text after a closing"));
}

TEST(Csv, InvalidUtf8NamesLine) {
  auto t = ParseCsv("a,b\nok,ok\nbad,\xC3\x28\n", "f.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("f.csv:3:5: invalid UTF-8"));
}

TEST(Csv, WrongFieldCount) {
  auto t = ParseCsv("a,b\n1,2\n1,2,3\n", "f.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("f.csv:3:1: expected 2 fields"));
}

TEST(Csv, FormatRoundTrips) {
  const std::vector<std::string> fields{
      "plain", "with, comma", "with \"quote\"", "two\nlines", "  padded ", "", "博洛尼亚"};
  auto t = ParseCsv(FormatCsvRow(fields) + FormatCsvRow(fields), "x.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->header, fields);
  EXPECT_EQ(t->rows[0].fields, fields);
}

TEST(Csv, LoneEmptyFieldIsNotABlankLine) {
  // Found by the fuzzer: a one-column record holding "" was written as an
  // empty line, which reading then skipped.
  EXPECT_EQ(FormatCsvRow({""}), "\"\"\r\n");
  auto t = ParseCsv(FormatCsvRow({"a"}) + FormatCsvRow({""}), "x.csv");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].fields, std::vector<std::string>{""});
}

}  // namespace
}  // namespace ponte
