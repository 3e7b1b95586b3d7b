#include "model/model.h"

#include <gtest/gtest.h>

#include "model/codes.h"
#include "model/enums.h"
#include "model/regions.h"
#include "model/validate.h"

namespace ponte {
namespace {

TEST(Enums, RoundTripAndHelpfulErrors) {
  for (OrganizationType t : AllOrganizationTypes()) {
    EXPECT_EQ(*ParseOrganizationType(ToCode(t)), t);
  }
  auto bad = ParseOrganizationType("univ");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("university"), std::string::npos);
  EXPECT_EQ(*ParsePreference("no_thanks"), Preference::kNoThanks);
}

TEST(LocalizedText, BestFallsBackAndSaysWhichLanguage) {
  LocalizedText name{{"it", "Università di Bologna"}, {"zh", "博洛尼亚大学"}};
  EXPECT_EQ(name.Best("zh").first, "博洛尼亚大学");
  auto [text, lang] = name.Best("en");
  EXPECT_EQ(text, "Università di Bologna");
  EXPECT_EQ(lang, "it");
}

TEST(Codes, CountriesAndLanguages) {
  EXPECT_TRUE(IsCountryCode("IT"));
  EXPECT_TRUE(IsCountryCode("CN"));
  EXPECT_FALSE(IsCountryCode("XX"));
  EXPECT_FALSE(IsCountryCode("it"));
  EXPECT_TRUE(IsLanguageCode("zh"));
  EXPECT_FALSE(IsLanguageCode("cn"));
}

TEST(Validate, OrganizationNamesTheField) {
  Organization org;
  org.key = "cn-scu";
  org.name.Set("zh", "四川大学");
  org.country = "ZZ";
  Status s = Validate(org);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("field 'country'"), std::string::npos);
  org.country = "CN";
  EXPECT_TRUE(Validate(org).ok());
  org.key = "cn scu";
  EXPECT_NE(Validate(org).message().find("field 'key'"), std::string::npos);
}

TEST(Validate, PersonEmailAndLanguages) {
  Person p;
  p.key = "p1";
  p.given_name = "伟";
  p.family_name = "王";
  p.languages = {"zh", "en"};
  EXPECT_TRUE(Validate(p).ok());
  p.email = "wang.wei@scu";
  EXPECT_NE(Validate(p).message().find("email"), std::string::npos);
  p.email = "wang.wei@scu.edu.cn";
  p.languages = {"cn"};
  EXPECT_NE(Validate(p).message().find("'cn'"), std::string::npos);
}

TEST(Session, SlotsSkipBreaks) {
  Session s;
  s.start = Instant(Seconds(0));
  s.end = Instant(Seconds(4 * 3600));
  s.slot_length = Minutes(30);
  s.breaks.push_back({Instant(Seconds(3600 + 1800)), Instant(Seconds(2 * 3600))});
  auto slots = SlotsOf(s);
  // 4 h = 8 slots of 30 min, minus the one in the break.
  ASSERT_EQ(slots.size(), 7u);
  EXPECT_EQ(slots[3].start, Instant(Seconds(2 * 3600)));
  EXPECT_EQ(slots[3].index, 3);
}

TEST(Regions, NamedInEveryLanguageWhateverLanguageTheyWereTypedIn) {
  const std::optional<LocalizedText> lombardy = RegionName("IT", "lombardy");
  ASSERT_TRUE(lombardy.has_value());
  EXPECT_EQ(lombardy->Best("it").first, "Lombardia");
  EXPECT_EQ(lombardy->Best("zh").first, "伦巴第");
  const std::optional<LocalizedText> sichuan = RegionName("CN", " 四川省 ");
  ASSERT_TRUE(sichuan.has_value());
  EXPECT_EQ(sichuan->Best("en").first, "Sichuan");
  EXPECT_EQ(RegionName("CN", "Pechino")->Best("zh").first, "北京");
  // An Italian consulate in Chongqing: the region is found in China's list.
  EXPECT_EQ(RegionName("IT", "Chongqing")->Best("zh").first, "重庆");
  EXPECT_FALSE(RegionName("CN", "Atlantis").has_value());
  EXPECT_FALSE(RegionName("IT", "").has_value());
  // One spelling per region for grouping: Italian for Italy, pinyin for China.
  EXPECT_EQ(CanonicalRegion("IT", "伦巴第"), "Lombardia");
  EXPECT_EQ(CanonicalRegion("IT", "Lombardia"), "Lombardia");
  EXPECT_EQ(CanonicalRegion("CN", "广东省"), "Guangdong");
  EXPECT_EQ(CanonicalRegion("CN", "北京市"), "Beijing");
  EXPECT_EQ(CanonicalRegion("CN", " Atlantis "), "Atlantis");
}

}  // namespace
}  // namespace ponte
