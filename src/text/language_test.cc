#include "text/language.h"

#include <gtest/gtest.h>

namespace ponte::text {
namespace {

TEST(Language, DetectsItalianEnglishChinese) {
  EXPECT_EQ(DetectLanguage("Cerchiamo partner per un laboratorio congiunto sulla robotica"),
            Language::kItalian);
  EXPECT_EQ(DetectLanguage("We are looking for partners in the field of battery recycling"),
            Language::kEnglish);
  EXPECT_EQ(DetectLanguage("寻求意大利大学合作建设联合实验室"), Language::kChinese);
  EXPECT_EQ(DetectLanguage("尋求義大利大學合作"), Language::kChinese);  // Traditional
}

TEST(Language, MixedScriptsFollowTheDominantScript) {
  EXPECT_EQ(DetectLanguage("我们的AI平台支持5G网络和IoT设备"), Language::kChinese);
  EXPECT_EQ(DetectLanguage("Università di Padova: trasferimento tecnologico verso 中国"),
            Language::kItalian);
}

TEST(Language, AccentsAndSuffixesDecideShortItalian) {
  EXPECT_EQ(DetectLanguage("Innovazione e sostenibilità"), Language::kItalian);
  EXPECT_EQ(DetectLanguage("Innovation and sustainability"), Language::kEnglish);
}

TEST(Language, EmptyIsUnknown) {
  EXPECT_EQ(DetectLanguage(""), Language::kUnknown);
  EXPECT_EQ(DetectLanguage("  42 ;-) "), Language::kUnknown);
}

TEST(Language, CodesRoundTrip) {
  for (Language l : {Language::kItalian, Language::kEnglish, Language::kChinese}) {
    EXPECT_EQ(ParseLanguage(LanguageCode(l)), l);
  }
  EXPECT_EQ(ParseLanguage("ZH-Hant"), Language::kChinese);
  EXPECT_EQ(ParseLanguage("fr"), std::nullopt);
}

}  // namespace
}  // namespace ponte::text
