#include "text/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ponte::text {
namespace {

AnalyzerOptions Options(const char* data_dir, SegmenterKind kind = SegmenterKind::kJieba) {
  AnalyzerOptions options;
  options.data_dir = data_dir;
  options.segmenter = kind;
  return options;
}

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

std::vector<std::string> Terms(const AnalyzedText& analyzed) {
  std::vector<std::string> out;
  for (const Token& t : analyzed.tokens) out.push_back(t.term);
  return out;
}

class AnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto created = Analyzer::Create(Options(PONTE_DATA_DIR));
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    analyzer_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() { delete analyzer_; }
  static Analyzer* analyzer_;
};
Analyzer* AnalyzerTest::analyzer_ = nullptr;

TEST_F(AnalyzerTest, StemsItalianAndDropsStopwords) {
  const AnalyzedText a = analyzer_->Analyze("Offriamo i nostri BREVETTI sulle batterie");
  EXPECT_EQ(a.language, Language::kItalian);
  EXPECT_THAT(Terms(a), ElementsAre("brevett", "batter"));
}

TEST_F(AnalyzerTest, StemsEnglish) {
  const AnalyzedText a = analyzer_->Analyze("We seek licensing of patented batteries");
  EXPECT_EQ(a.language, Language::kEnglish);
  EXPECT_THAT(Terms(a), ElementsAre("licens", "patent", "batteri"));
}

TEST_F(AnalyzerTest, ItalianElisionAndAccents) {
  const AnalyzedText a = analyzer_->Analyze("L'Università dell'Aquila e l'innovazione");
  EXPECT_EQ(a.language, Language::kItalian);
  EXPECT_THAT(Terms(a), ElementsAre("univers", "aquil", "innov"));
}

TEST_F(AnalyzerTest, SegmentsChineseAndConvertsTraditional) {
  const AnalyzedText simplified = analyzer_->Analyze("我们寻求人工智能和机器人领域的合作");
  const AnalyzedText traditional = analyzer_->Analyze("我們尋求人工智慧和機器人領域的合作");
  EXPECT_EQ(simplified.language, Language::kChinese);
  EXPECT_THAT(Terms(simplified), Contains("人工智能"));
  EXPECT_THAT(Terms(simplified), Contains("机器人"));
  EXPECT_THAT(Terms(simplified), Not(Contains("的")));
  EXPECT_THAT(Terms(traditional), Contains("机器人"));
}

TEST_F(AnalyzerTest, MixedScriptsKeepEachTokenLanguage) {
  const AnalyzedText a = analyzer_->Analyze("Robotics 机器人 laboratory");
  ASSERT_EQ(a.tokens.size(), 3U);
  EXPECT_EQ(a.tokens[0].language, Language::kEnglish);
  EXPECT_EQ(a.tokens[1].language, Language::kChinese);
  EXPECT_EQ(a.tokens[1].term, "机器人");
  EXPECT_EQ(a.tokens[2].term, "laboratori");
}

TEST_F(AnalyzerTest, AddedChineseWordStaysWhole) {
  analyzer_->AddChineseWord("中试基地");
  EXPECT_THAT(Terms(analyzer_->Analyze("建设中试基地")), Contains("中试基地"));
}

TEST_F(AnalyzerTest, ForkAnalyzesTheSame) {
  auto fork = analyzer_->Fork();
  const std::string text = "Trasferimento tecnologico e 技术转移";
  EXPECT_EQ(Terms(fork->Analyze(text)), Terms(analyzer_->Analyze(text)));
}

TEST(Analyzer, MissingDataIsNotFound) {
  auto created = Analyzer::Create(Options("/nonexistent"));
  EXPECT_EQ(created.status().code(), StatusCode::kNotFound);
}

TEST(Analyzer, IcuSegmenterAlsoWorks) {
  auto created = Analyzer::Create(Options(PONTE_DATA_DIR, SegmenterKind::kIcu));
  ASSERT_TRUE(created.ok());
  EXPECT_THAT(Terms((*created)->Analyze("人工智能")), Not(testing::IsEmpty()));
}

}  // namespace
}  // namespace ponte::text
