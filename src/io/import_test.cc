#include "io/import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/export.h"

namespace ponte::io {
namespace {

using ::testing::HasSubstr;

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = LoadTaxonomy(PONTE_DATA_DIR);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    taxonomy_ = std::move(*t);
    options_.taxonomy = &taxonomy_;
    options_.time_zone = "Asia/Shanghai";
  }
  Status Read(FileKind kind, std::string_view text, std::string_view name = "in.csv") {
    return ReadText(kind, text, name, options_, data_);
  }
  Taxonomy taxonomy_;
  ReadOptions options_;
  Dataset data_;
};

constexpr std::string_view kOrganizations =
    "key,name_it,name_en,name_zh,type,country,city,latitude,longitude\n"
    "it-unibo,\"Alma Mater Studiorum – Università di Bologna\",University of Bologna,博洛尼亚大学,"
    "university,IT,Bologna,44.4962,11.3543\n"
    "cn-scu,,Sichuan University,四川大学,university,CN,成都,,\n";

TEST_F(ImportTest, OrganizationsKeepAccentsAndChinese) {
  ASSERT_TRUE(Read(FileKind::kOrganizations, kOrganizations).ok());
  ASSERT_EQ(data_.organizations.size(), 2u);
  const Organization& unibo = data_.organizations[0].organization;
  EXPECT_EQ(unibo.name.Get("it"), "Alma Mater Studiorum – Università di Bologna");
  EXPECT_EQ(unibo.name.Get("zh"), "博洛尼亚大学");
  EXPECT_EQ(unibo.type, OrganizationType::kUniversity);
  ASSERT_TRUE(unibo.location.has_value());
  EXPECT_DOUBLE_EQ(unibo.location->latitude, 44.4962);
  EXPECT_EQ(data_.organizations[1].organization.city, "成都");
  EXPECT_EQ(data_.organizations[1].where.line, 3);
}

TEST_F(ImportTest, UnknownCountryNamesLineAndColumn) {
  Status s = Read(FileKind::kOrganizations,
                  "key,name_en,type,country\nok,Ok,company,IT\nbad,Bad,company,XX\n", "orgs.csv");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("orgs.csv:3: column 'country': unknown country code 'XX'"));
}

TEST_F(ImportTest, UnknownColumnIsCaught) {
  Status s = Read(FileKind::kOrganizations, "key,name_en,type,country,contry\n", "orgs.csv");
  EXPECT_THAT(s.message(), HasSubstr("orgs.csv:1: column 'contry': unknown column"));
  Status missing = Read(FileKind::kOrganizations, "key,name_en,type\n", "orgs.csv");
  EXPECT_THAT(missing.message(), HasSubstr("missing column 'country'"));
}

TEST_F(ImportTest, BadEnumAndLanguage) {
  EXPECT_THAT(Read(FileKind::kOrganizations, "key,name_en,type,country\na,A,univ,IT\n").message(),
              HasSubstr("in.csv:2: column 'type': unknown organization type 'univ'"));
  EXPECT_THAT(
      Read(FileKind::kPeople, "key,organization,given_name,languages\np,a,Marco,it;cn\n").message(),
      HasSubstr("in.csv:2: column 'languages': unknown language code 'cn'"));
}

TEST_F(ImportTest, ProfilesCheckThemes) {
  Status ok =
      Read(FileKind::kProfiles,
           "key,organization,kind,title_zh,themes,cooperation\n"
           "p1,cn-scu,request,寻求意大利文物修复合作伙伴,heritage.restoration,joint_research\n");
  ASSERT_TRUE(ok.ok()) << ok.ToString();
  EXPECT_EQ(data_.profiles[0].profile.title.Get("zh"), "寻求意大利文物修复合作伙伴");
  EXPECT_THAT(Read(FileKind::kProfiles,
                   "key,organization,kind,title_en,themes\np2,a,offer,Robots,robotics\n")
                  .message(),
              HasSubstr("column 'themes': unknown theme code 'robotics'"));
}

TEST_F(ImportTest, SessionsUseTheEventZone) {
  ASSERT_TRUE(Read(FileKind::kSessions,
                   "key,city,date,start,end,slot_minutes,tables,breaks\n"
                   "bj-am,Beijing,2026-11-16,09:00,13:00,30,40,10:30-11:00\n")
                  .ok());
  const Session& s = data_.sessions[0].session;
  EXPECT_EQ(FormatUtc(s.start), "2026-11-16T01:00:00Z");
  EXPECT_EQ(SlotsOf(s).size(), 7u);
  EXPECT_THAT(Read(FileKind::kSessions,
                   "key,city,date,start,end,slot_minutes,tables\nx,Chengdu,2026-11-31,09:00,"
                   "12:00,30,10\n")
                  .message(),
              HasSubstr("in.csv:2: column 'date': expected a date YYYY-MM-DD"));
}

TEST_F(ImportTest, JsonLinesWithLineNumbers) {
  ASSERT_TRUE(
      Read(FileKind::kRequests,
           "{\"key\":\"r1\",\"from\":\"it-unibo\",\"to\":\"cn-scu\",\"preference\":\"must\","
           "\"message\":\"Vorremmo incontrarvi — 期待合作\"}\n",
           "req.jsonl")
          .ok());
  EXPECT_EQ(data_.requests[0].request.message, "Vorremmo incontrarvi — 期待合作");
  EXPECT_THAT(Read(FileKind::kRequests, "\n{\"key\": \"r2\",\n", "req.jsonl").message(),
              HasSubstr("req.jsonl:2: expected one JSON object per line"));
}

TEST_F(ImportTest, DuplicateKeysNameWhereTheKeyCameFirst) {
  ASSERT_TRUE(Read(FileKind::kOrganizations,
                   "key,name_en,type,country\na,A,company,IT\nb,B,company,IT\n"
                   "a,A again,company,IT\n")
                  .ok());
  EXPECT_THAT(CheckReferences(data_).message(),
              HasSubstr("in.csv:4: column 'key': duplicate organization key 'a', first at line 2"));
  // Across files the first one is named by file and line; every repetition is listed.
  ASSERT_TRUE(Read(FileKind::kOrganizations,
                   "key,name_en,type,country\nb,B,company,IT\nc,C,company,IT\n", "more.csv")
                  .ok());
  const std::vector<DuplicateKey> repeated = FindDuplicateKeys(data_);
  ASSERT_EQ(repeated.size(), 2u);
  EXPECT_EQ(repeated[1].where.file, "more.csv");
  EXPECT_EQ(repeated[1].where.line, 2);
  EXPECT_THAT(
      repeated[1].error.message(),
      HasSubstr("more.csv:2: column 'key': duplicate organization key 'b', first at in.csv:3"));
}

TEST_F(ImportTest, CsvRoundTripKeepsEverything) {
  ASSERT_TRUE(Read(FileKind::kOrganizations, kOrganizations).ok());
  const std::string csv = WriteCsv(FileKind::kOrganizations, data_, "Asia/Shanghai");
  Dataset again;
  ASSERT_TRUE(ReadText(FileKind::kOrganizations, csv, "again.csv", options_, again).ok());
  ASSERT_EQ(again.organizations.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(again.organizations[i].organization, data_.organizations[i].organization);
  }
  EXPECT_EQ(WriteCsv(FileKind::kOrganizations, again, "Asia/Shanghai"), csv);
}

TEST_F(ImportTest, PublicProfileConsentSurvivesExportAndImport) {
  ASSERT_TRUE(
      Read(FileKind::kOrganizations,
           "key,name_en,type,country,public_profile\n"
           "open,Open,company,IT,yes\nprivate,Private,company,CN,no\nunsaid,Unsaid,company,IT,\n")
          .ok());
  ASSERT_EQ(data_.organizations.size(), 3u);
  EXPECT_TRUE(data_.organizations[0].organization.public_profile);
  EXPECT_FALSE(data_.organizations[1].organization.public_profile);
  EXPECT_TRUE(data_.organizations[2].organization.public_profile);  // empty: the default
  const std::string csv = WriteCsv(FileKind::kOrganizations, data_, "Asia/Shanghai");
  EXPECT_THAT(csv, HasSubstr("public_profile"));
  Dataset again;
  ASSERT_TRUE(ReadText(FileKind::kOrganizations, csv, "again.csv", options_, again).ok());
  ASSERT_EQ(again.organizations.size(), 3u);
  EXPECT_TRUE(again.organizations[0].organization.public_profile);
  EXPECT_FALSE(again.organizations[1].organization.public_profile);
  EXPECT_TRUE(again.organizations[2].organization.public_profile);

  // Files written before the column: everyone consents, as before.
  Dataset old;
  ASSERT_TRUE(ReadText(FileKind::kOrganizations, "key,name_en,type,country\na,A,company,IT\n",
                       "old.csv", options_, old)
                  .ok());
  EXPECT_TRUE(old.organizations[0].organization.public_profile);

  Status bad = Read(FileKind::kOrganizations,
                    "key,name_en,type,country,public_profile\nx,X,company,IT,maybe\n", "o.csv");
  EXPECT_THAT(bad.message(),
              HasSubstr("o.csv:2: column 'public_profile': expected yes or no, got 'maybe'"));
}

}  // namespace
}  // namespace ponte::io
