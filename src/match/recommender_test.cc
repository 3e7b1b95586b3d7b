#include "match/recommender.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ponte::match {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

std::shared_ptr<const TextModel> Model() {
  static std::shared_ptr<const TextModel> model = [] {
    TextModelOptions options;
    options.data_dir = PONTE_DATA_DIR;
    auto loaded = TextModel::Load(options);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return *loaded;
  }();
  return model;
}

Profile P(std::string id, std::string country, OrganizationType type, std::string offer,
          std::string seek, std::vector<std::string> languages = {}) {
  Profile p;
  p.id = std::move(id);
  p.country = std::move(country);
  p.type = type;
  p.offer = std::move(offer);
  p.seek = std::move(seek);
  p.languages = std::move(languages);
  return p;
}

std::vector<std::string> IdsOf(Recommender& rec, std::string_view id, std::size_t k) {
  std::vector<std::string> ids;
  auto top = rec.TopK(id, k);
  EXPECT_TRUE(top.ok()) << top.status().ToString();
  if (!top.ok()) return ids;
  for (const auto& r : top.value()) ids.push_back(r.id);
  return ids;
}

std::vector<Profile> Event() {
  using T = OrganizationType;
  return {
      P("polimi", "IT", T::kUniversity,
        "Offriamo brevetti e trasferimento tecnologico sulle batterie al litio e l'accumulo di "
        "energia",
        "Cerchiamo imprese per un laboratorio congiunto e un impianto pilota", {"it", "en"}),
      P("catl", "CN", T::kCompany, "我们提供电池中试基地和储能系统制造能力",
        "寻求意大利大学的锂电池专利许可和技术转移", {"zh"}),
      P("tea", "CN", T::kCompany, "我们提供茶叶和茶文化产品", "寻求意大利葡萄酒经销商", {"zh"}),
      P("vino", "IT", T::kCompany, "Produciamo vino e offriamo distribuzione in Italia",
        "Cerchiamo distributori di vino in Cina", {"it"}),
      P("polito", "IT", T::kUniversity, "Robotica industriale e visione artificiale",
        "Cerchiamo aziende di robotica per ricerca congiunta", {"it", "en"}),
      P("siasun", "CN", T::kCompany, "Industrial robots and machine vision systems",
        "We seek joint research with universities on robotics and computer vision", {"zh", "en"}),
  };
}

class RecommenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto built = Recommender::Build(Model(), Event(), {});
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    rec_ = std::move(*built);
  }
  std::vector<std::string> Ids(std::string_view id, std::size_t k = 3) {
    return IdsOf(*rec_, id, k);
  }
  std::unique_ptr<Recommender> rec_;
};

TEST_F(RecommenderTest, ChineseSeekerFindsItalianOfferWithoutEnglish) {
  EXPECT_EQ(Ids("catl").front(), "polimi");
  EXPECT_EQ(Ids("polimi").front(), "catl");
  EXPECT_EQ(Ids("siasun").front(), "polito");
}

TEST_F(RecommenderTest, OnlyOtherCountriesByDefault) {
  for (const std::string& id : Ids("polimi", 10))
    EXPECT_NE(rec_->profile(*rec_->IndexOf(id)).country, "IT");
}

TEST_F(RecommenderTest, ExplainsInTheReadersLanguage) {
  auto top = rec_->TopK("catl", 1);
  ASSERT_TRUE(top.ok());
  ASSERT_FALSE(top->empty());
  const Recommendation& r = top->front();
  EXPECT_EQ(r.language, text::Language::kChinese);
  EXPECT_THAT(r.they_offer, Contains("技术转移"));
  EXPECT_THAT(r.why.front(), HasSubstr("提供您所寻求的"));
  auto italian = rec_->TopK("polimi", 1);
  ASSERT_TRUE(italian.ok());
  EXPECT_THAT(italian->front().why.front(), HasSubstr("Offre ciò che cercate"));
  EXPECT_GT(r.breakdown.need, 0);
  EXPECT_GT(r.breakdown.offer, 0);
  EXPECT_NEAR(r.score, r.breakdown.reciprocal * r.breakdown.organization * r.breakdown.language,
              1e-9);
}

TEST_F(RecommenderTest, ReciprocityNeedsBothSides) {
  auto pair = rec_->Explain("catl", "polimi");
  auto one_sided = rec_->Explain("tea", "polimi");
  ASSERT_TRUE(pair.ok());
  ASSERT_TRUE(one_sided.ok());
  EXPECT_GT(pair->score, one_sided->score);
  EXPECT_NEAR(pair->score, rec_->Explain("polimi", "catl")->score, 1e-9);  // symmetric
}

TEST_F(RecommenderTest, ExclusionsHold) {
  RecommenderOptions options;
  options.excluded_pairs = {{"polimi", "catl"}};
  options.no_thanks = {{"siasun", "polito"}};
  auto built = Recommender::Build(Model(), Event(), options);
  ASSERT_TRUE(built.ok());
  auto ids = [&](std::string_view id) { return IdsOf(**built, id, 10); };
  EXPECT_THAT(ids("polimi"), ::testing::Not(Contains("catl")));
  EXPECT_THAT(ids("catl"), ::testing::Not(Contains("polimi")));
  EXPECT_THAT(ids("siasun"), ::testing::Not(Contains("polito")));
  EXPECT_THAT(ids("polito"), Contains("siasun"));  // "no thanks" is one-directional
  ASSERT_TRUE((*built)->Exclude("polito", "siasun").ok());
  EXPECT_THAT(ids("polito"), ::testing::Not(Contains("siasun")));
}

TEST_F(RecommenderTest, SameOrganizationAndSameCountry) {
  auto profiles = Event();
  profiles[1].organization = "group";
  profiles[0].organization = "group";
  RecommenderOptions options;
  options.same_country = true;
  auto built = Recommender::Build(Model(), profiles, options);
  ASSERT_TRUE(built.ok());
  EXPECT_THAT(IdsOf(**built, "polimi", 10), ::testing::Not(Contains("catl")));
}

TEST_F(RecommenderTest, UpdateMatchesARebuild) {
  rec_->TopKAll(3);
  Profile changed = Event()[2];  // the tea company now wants batteries too
  changed.seek = "寻求锂电池技术转移和专利许可";
  changed.offer = "我们提供储能电池制造";
  ASSERT_TRUE(rec_->Update(changed).ok());
  auto profiles = Event();
  profiles[2] = changed;
  auto rebuilt = Recommender::Build(Model(), profiles, {});
  ASSERT_TRUE(rebuilt.ok());
  for (const Profile& p : profiles) {
    EXPECT_EQ(IdsOf(*rec_, p.id, 3), IdsOf(**rebuilt, p.id, 3)) << p.id;
  }
}

TEST_F(RecommenderTest, UpdateAddsNewProfile) {
  rec_->TopKAll(3);
  ASSERT_TRUE(rec_->Update(P("new", "CN", OrganizationType::kStartup, "酿酒和葡萄酒进口分销",
                             "寻求意大利葡萄酒生产商", {"zh"}))
                  .ok());
  EXPECT_THAT(Ids("vino"), Contains("new"));
}

TEST_F(RecommenderTest, EventCitiesFavourPartnersWhoCanMeet) {
  auto profiles = Event();
  profiles[0].cities = {"Milano"};    // polimi
  profiles[1].cities = {"Shanghai"};  // catl: no common event city with polimi
  RecommenderOptions options;
  options.event_cities = {"Milano", "Shanghai", "Roma"};
  auto built = Recommender::Build(Model(), profiles, options);
  ASSERT_TRUE(built.ok());
  auto apart = (*built)->Explain("polimi", "catl");
  ASSERT_TRUE(apart.ok());
  EXPECT_DOUBLE_EQ(apart->breakdown.city, 0.85);
  profiles[1].cities = {"shanghai", "MILANO"};
  built = Recommender::Build(Model(), profiles, options);
  ASSERT_TRUE(built.ok());
  auto together = (*built)->Explain("polimi", "catl");
  ASSERT_TRUE(together.ok());
  EXPECT_DOUBLE_EQ(together->breakdown.city, 1.0);
  EXPECT_THAT(together->shared_cities, testing::ElementsAre("Milano"));
  EXPECT_THAT(together->why, Contains(HasSubstr("Entrambi presenti a: Milano")));
}

TEST_F(RecommenderTest, PairsThatMetBeforeAreExplainedAndAdjustedByTheirResult) {
  const auto base = Recommender::Build(Model(), Event(), {});
  ASSERT_TRUE(base.ok());
  auto before = (*base)->Explain("polimi", "catl");
  ASSERT_TRUE(before.ok());
  ASSERT_GT(before->score, 0);
  EXPECT_DOUBLE_EQ(before->breakdown.history, 1.0);
  EXPECT_TRUE(before->met_before.empty());

  auto with = [&](PastResult result) {
    RecommenderOptions options;
    options.met_before.push_back({.a = "catl",
                                  .b = "polimi",
                                  .edition_name = {{"it", "Settimana Italia–Cina 2025"},
                                                   {"en", "Italy–China Week 2025"},
                                                   {"zh", "中意创新合作周 2025"}},
                                  .result = result});
    auto built = Recommender::Build(Model(), Event(), options);
    EXPECT_TRUE(built.ok());
    return std::move(*built);
  };
  // Nothing came of it: demoted, and said so in the reader's language.
  auto no_contact = with(PastResult::kNoContact);
  auto demoted = no_contact->Explain("polimi", "catl");
  ASSERT_TRUE(demoted.ok());
  EXPECT_DOUBLE_EQ(demoted->breakdown.history, PastMeetingFactor(PastResult::kNoContact));
  EXPECT_NEAR(demoted->score, before->score * 0.6, 1e-9);
  EXPECT_EQ(demoted->met_before,
            "Vi siete incontrati a Settimana Italia–Cina 2025 — nessun contatto in seguito");
  EXPECT_THAT(demoted->why, Contains(demoted->met_before));
  EXPECT_THAT(demoted->why, Contains(HasSubstr("× incontri precedenti 0,60")));
  // Symmetric, and in Chinese for the Chinese side.
  auto other_side = no_contact->Explain("catl", "polimi", text::Language::kChinese);
  ASSERT_TRUE(other_side.ok());
  EXPECT_EQ(other_side->met_before, "曾在中意创新合作周 2025会面——此后未再联系");
  auto english = no_contact->Explain("catl", "polimi", text::Language::kEnglish);
  EXPECT_EQ(english->met_before, "Met at Italy–China Week 2025 — no contact since");

  // An open negotiation is slightly favoured (never above 1); an agreement
  // or an unreported meeting keeps the score.
  auto negotiation = with(PastResult::kNegotiation)->Explain("polimi", "catl");
  EXPECT_NEAR(negotiation->score, std::min(1.0, before->score * 1.1), 1e-9);
  EXPECT_EQ(negotiation->met_before,
            "Vi siete incontrati a Settimana Italia–Cina 2025 — trattativa in corso");
  auto agreement = with(PastResult::kAgreement)->Explain("polimi", "catl");
  EXPECT_NEAR(agreement->score, before->score, 1e-9);
  EXPECT_THAT(agreement->why, Contains(HasSubstr("accordo raggiunto")));
  EXPECT_THAT(agreement->why, Not(Contains(HasSubstr("incontri precedenti"))));

  // The ranking follows: demoted below its unmet peers in the top list.
  auto top = no_contact->TopK("polimi", 5);
  ASSERT_TRUE(top.ok());
  for (const Recommendation& r : *top) {
    if (r.id == "catl") {
      EXPECT_NEAR(r.score, demoted->score, 1e-9);
    }
  }
}

TEST_F(RecommenderTest, ErrorsAreValues) {
  EXPECT_EQ(rec_->TopK("nobody", 3).status().code(), StatusCode::kNotFound);
  auto profiles = Event();
  profiles.push_back(profiles.front());
  EXPECT_EQ(Recommender::Build(Model(), profiles, {}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(RecommenderTest, MutualPairsAreInEachOthersTopK) {
  const auto mutual = rec_->MutualTopK(1);
  ASSERT_GE(mutual.size(), 2U);
  EXPECT_EQ(mutual.front().a, "catl");
  EXPECT_EQ(mutual.front().b, "polimi");
  for (const auto& m : mutual) {
    EXPECT_EQ(IdsOf(*rec_, m.a, 1).front(), m.b);
    EXPECT_EQ(IdsOf(*rec_, m.b, 1).front(), m.a);
  }
}

TEST_F(RecommenderTest, TopKAllEqualsTopK) {
  const auto all = rec_->TopKAll(2);
  for (std::size_t i = 0; i < rec_->size(); ++i) {
    auto one = rec_->TopK(rec_->profile(i).id, 2);
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(all[i].size(), one->size());
    for (std::size_t j = 0; j < one->size(); ++j) EXPECT_EQ(all[i][j].id, (*one)[j].id);
  }
}

}  // namespace
}  // namespace ponte::match
