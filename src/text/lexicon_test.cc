#include "text/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace ponte::text {
namespace {

AnalyzerOptions Options(const char* data_dir, SegmenterKind kind = SegmenterKind::kJieba) {
  AnalyzerOptions options;
  options.data_dir = data_dir;
  options.segmenter = kind;
  return options;
}

LexiconOptions LexOptions(const char* wordnet_index) {
  LexiconOptions options;
  options.data_dir = PONTE_DATA_DIR;
  options.wordnet_index = wordnet_index;
  return options;
}

class LexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = Analyzer::Create(Options(PONTE_DATA_DIR));
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
    analyzer_ = std::move(analyzer).value().release();
    auto lexicon = Lexicon::Load(*analyzer_, LexOptions(""));
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
    lexicon_ = std::move(lexicon).value().release();
  }
  static void TearDownTestSuite() {
    delete lexicon_;
    delete analyzer_;
  }

  static std::set<std::string> Keys(std::string_view text) {
    std::set<std::string> keys;
    for (const ConceptMatch& m : lexicon_->Match(analyzer_->Analyze(text).tokens)) {
      keys.insert(lexicon_->GetConcept(m.concept_id).key);
    }
    return keys;
  }

  static Analyzer* analyzer_;
  static Lexicon* lexicon_;
};
Analyzer* LexiconTest::analyzer_ = nullptr;
Lexicon* LexiconTest::lexicon_ = nullptr;

TEST_F(LexiconTest, SameConceptInThreeLanguages) {
  const auto zh = Keys("我们提供技术转移服务");
  const auto it = Keys("Offriamo servizi di trasferimento tecnologico");
  const auto en = Keys("We offer technology transfer services");
  EXPECT_THAT(zh, testing::Contains("g:technology_transfer"));
  EXPECT_THAT(it, testing::Contains("g:technology_transfer"));
  EXPECT_THAT(en, testing::Contains("g:technology_transfer"));
}

TEST_F(LexiconTest, SynonymsAndTraditionalChinese) {
  EXPECT_THAT(Keys("Cerchiamo un laboratorio comune"), testing::Contains("g:joint_laboratory"));
  EXPECT_THAT(Keys("共建聯合實驗室"), testing::Contains("g:joint_laboratory"));
  EXPECT_THAT(Keys("spin-off universitari"), testing::Contains("g:spin_off"));
}

TEST_F(LexiconTest, LongestPhraseWins) {
  // "pilot plant" is one entry, not "plant" (the organism) plus "pilot".
  const auto keys = Keys("We run a pilot plant for biofuels");
  EXPECT_THAT(keys, testing::Contains("g:pilot_plant"));
}

TEST_F(LexiconTest, LabelsInReaderLanguage) {
  const auto id = lexicon_->Find("g:technology_transfer");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(lexicon_->Label(*id, Language::kChinese), "技术转移");
  EXPECT_EQ(lexicon_->Label(*id, Language::kItalian), "trasferimento tecnologico");
}

TEST_F(LexiconTest, TaxonomyThemesAreConcepts) {
  EXPECT_THAT(Keys("Computer vision per l'industria"), testing::Contains("t:ai.vision"));
  EXPECT_THAT(Keys("中医药"), testing::Contains("t:health.tcm"));
}

TEST(Lexicon, MissingGlossaryIsNotFound) {
  auto analyzer = Analyzer::Create(Options(PONTE_DATA_DIR));
  ASSERT_TRUE(analyzer.ok());
  auto lexicon = Lexicon::Load(**analyzer, LexOptions("/x"));
  EXPECT_EQ(lexicon.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace ponte::text
