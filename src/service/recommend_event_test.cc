#include "service/recommend_event.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ponte::service {
namespace {

EventData SmallRegistry() {
  EventData d;
  d.event.id = EventId(1);
  d.event.key = "week";
  for (int i = 1; i <= 3; ++i) {
    Organization o;
    o.id = OrganizationId(i);
    o.key = "org" + std::to_string(i);
    o.country = i == 1 ? "IT" : "CN";
    o.type = i == 1 ? OrganizationType::kUniversity : OrganizationType::kCompany;
    o.name.Set("en", "Org " + std::to_string(i));
    d.organizations.push_back(o);
  }
  d.people.push_back(
      {.id = PersonId(1), .organization = OrganizationId(1), .languages = {"it", "en"}});
  d.people.push_back({.id = PersonId(2), .organization = OrganizationId(2), .languages = {"zh"}});
  MeetingRequest met;
  met.key = "r1";
  met.from = OrganizationId(1);
  met.to = OrganizationId(2);
  d.requests.push_back(met);
  MeetingRequest declined = met;
  declined.key = "r2";
  declined.from = OrganizationId(3);
  declined.to = OrganizationId(1);
  declined.preference = Preference::kNoThanks;
  d.requests.push_back(declined);
  return d;
}

TEST(BuildMatchProfiles, OneProfilePerOrganizationWithItsTextsMerged) {
  EventData d = SmallRegistry();
  std::vector<Profile> profiles(3);
  profiles[0].organization = OrganizationId(1);
  profiles[0].kind = ProfileKind::kOffer;
  profiles[0].title.Set("it", "Laboratorio di restauro");
  profiles[0].themes = {"heritage.restoration"};
  profiles[1].organization = OrganizationId(1);
  profiles[1].kind = ProfileKind::kRequest;
  profiles[1].title.Set("en", "Partners in museum digitisation");
  profiles[1].text.Set("zh", "寻求博物馆数字化合作伙伴");
  profiles[2].organization = OrganizationId(2);
  profiles[2].kind = ProfileKind::kCooperation;
  profiles[2].title.Set("zh", "联合实验室");
  const std::vector<match::Profile> out = BuildMatchProfiles(d, profiles);
  ASSERT_EQ(out.size(), 2u) << "org3 has no profile";
  EXPECT_EQ(out[0].id, "org1");
  EXPECT_EQ(out[0].offer, "Laboratorio di restauro");
  EXPECT_NE(out[0].seek.find("Partners in museum digitisation"), std::string::npos);
  EXPECT_NE(out[0].seek.find("寻求博物馆数字化合作伙伴"), std::string::npos);
  EXPECT_EQ(out[0].languages, (std::vector<std::string>{"en", "it"}));
  EXPECT_EQ(out[0].type, match::OrganizationType::kUniversity);
  EXPECT_EQ(out[1].about, "联合实验室");
}

TEST(EventRecommenderOptions, ExcludesRequestedPairsAndKeepsNoThanks) {
  const match::RecommenderOptions o = EventRecommenderOptions(SmallRegistry());
  ASSERT_EQ(o.excluded_pairs.size(), 1u);
  EXPECT_EQ(o.excluded_pairs[0], (std::pair<std::string, std::string>{"org1", "org2"}));
  ASSERT_EQ(o.no_thanks.size(), 1u);
  EXPECT_EQ(o.no_thanks[0], (std::pair<std::string, std::string>{"org3", "org1"}));
  EXPECT_FALSE(o.interpreters_available);
}

}  // namespace
}  // namespace ponte::service
