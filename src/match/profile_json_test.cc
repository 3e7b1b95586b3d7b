#include "match/profile_json.h"

#include <gtest/gtest.h>

#include <sstream>

namespace ponte::match {
namespace {

TEST(ProfileJson, ParsesAllFields) {
  auto p = ParseProfileJson(
      R"({"id":"a","country":"it","name":"Uni","type":"university","languages":["it","en"],)"
      R"("offer":"o","seek":"s","about":"x","themes":["ai"],"keywords":["k1","k2"]})");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->country, "IT");
  EXPECT_EQ(p->type, OrganizationType::kUniversity);
  EXPECT_EQ(p->languages.size(), 2U);
  EXPECT_EQ(p->keywords.size(), 2U);
}

TEST(ProfileJson, OnlyIdAndCountryRequired) {
  EXPECT_TRUE(ParseProfileJson(R"({"id":"a","country":"CN"})").ok());
  EXPECT_EQ(ParseProfileJson(R"({"id":"a"})").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseProfileJson(R"({"country":"IT"})").status().code(), StatusCode::kInvalidArgument);
}

TEST(ProfileJson, MalformedLineNamesTheLine) {
  std::istringstream in("{\"id\":\"a\",\"country\":\"IT\"}\n\n{\"id\":\"b\",\"country\":7}\n");
  auto profiles = ReadProfilesJsonl(in, "p.jsonl");
  ASSERT_FALSE(profiles.ok());
  EXPECT_EQ(profiles.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(profiles.status().message(), "p.jsonl:3: field 'country': expected a string");
}

TEST(ProfileJson, BrokenJsonIsAnError) {
  std::istringstream in("{\"id\":\"a\",\n");
  auto profiles = ReadProfilesJsonl(in, "p.jsonl");
  EXPECT_EQ(profiles.status().message(), "p.jsonl:1: not valid JSON");
}

TEST(ProfileJson, WritesMatches) {
  Recommendation r;
  r.id = "b";
  r.score = 0.123456;
  r.why = {"x"};
  EXPECT_EQ(RecommendationsJson("a", {r}),
            R"({"id":"a","matches":[{"id":"b","score":0.1235,"why":["x"]}]})");
}

}  // namespace
}  // namespace ponte::match
