#include "synthetic.h"

#include <array>
#include <cmath>
#include <fstream>

#include "core/rng.h"
#include "core/utf8.h"

namespace ponte::bench {
namespace {

struct Term3 {
  std::array<std::vector<std::string>, 3> terms;  // en, it, zh
  std::string theme;
};

// Words that no concept covers, so profiles also carry plain terms.
const std::array<std::vector<std::string>, 3> kFiller = {
    std::vector<std::string>{"advanced", "integrated", "regional", "industrial", "scalable",
                             "modular", "certified", "international", "excellent", "applied"},
    std::vector<std::string>{"avanzati", "integrati", "regionali", "industriali", "scalabili",
                             "modulari", "certificati", "internazionali", "eccellenti",
                             "applicati"},
    std::vector<std::string>{"先进", "集成", "区域", "产业", "规模化", "模块化", "认证", "国际",
                             "一流", "应用"}};

std::string JoinList(const std::vector<std::string>& items, int language) {
  static const std::array<const char*, 3> kAnd = {" and ", " e ", "和"};
  static const std::array<const char*, 3> kComma = {", ", ", ", "、"};
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += (i + 1 == items.size()) ? kAnd[static_cast<std::size_t>(language)]
                                     : kComma[static_cast<std::size_t>(language)];
    out += items[i];
  }
  return out;
}

}  // namespace

Result<std::vector<match::Profile>> GenerateEvent(const std::string& glossary_path,
                                                  std::size_t count, std::uint64_t seed) {
  std::ifstream in(glossary_path);
  if (!in) return NotFoundError("glossary " + glossary_path + " not found");
  std::vector<Term3> concepts;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
    const auto fields = Split(line, '\t');
    if (fields.size() != 5) continue;
    Term3 t;
    for (std::size_t l = 0; l < 3; ++l) t.terms[l] = Split(fields[2 + l], '|');
    const auto tags = Split(fields[1], ' ');
    for (const auto& tag : tags) {
      if (!tag.empty() && tag.rfind("coop:", 0) != 0) t.theme = tag;
    }
    concepts.push_back(std::move(t));
  }
  if (concepts.empty()) return InvalidArgumentError("glossary " + glossary_path + " is empty");

  Rng rng(seed);
  // Zipf-like popularity: concept i drawn with weight 1/(i+1)^0.8 over a
  // seeded permutation, so some topics are crowded and many are niche.
  std::vector<std::size_t> order(concepts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  rng.Shuffle(order);
  std::vector<double> cumulative;
  double total = 0;
  constexpr double kZipf = 0.8;
  for (std::size_t i = 0; i < order.size(); ++i) {
    total += 1.0 / std::pow(static_cast<double>(i + 1), kZipf);
    cumulative.push_back(total);
  }
  auto draw = [&]() -> const Term3& {
    const double u = rng.UniformReal() * total;
    const auto at = std::lower_bound(cumulative.begin(), cumulative.end(), u);
    return concepts[order[static_cast<std::size_t>(at - cumulative.begin())]];
  };
  static const std::array<const char*, 8> kTypes = {"university",  "research", "company",
                                                    "startup",     "district", "government",
                                                    "association", "company"};
  static const std::array<const char*, 3> kCodes = {"en", "it", "zh"};
  std::vector<match::Profile> profiles;
  profiles.reserve(count);
  for (std::size_t n = 0; n < count; ++n) {
    match::Profile p;
    p.id = "p" + std::to_string(n);
    const double c = rng.UniformReal();
    p.country = c < 0.45 ? "IT" : (c < 0.9 ? "CN" : (c < 0.95 ? "DE" : "FR"));
    p.type = match::ParseOrganizationType(kTypes[rng.Index(kTypes.size())]);
    // Italians write Italian or English, Chinese write Chinese or English.
    const bool english = rng.Bernoulli(0.3);
    const std::size_t language = english ? 0 : (p.country == "CN" ? 2 : 1);
    p.languages = {kCodes[language]};
    if (language != 0 && rng.Bernoulli(0.5)) p.languages.push_back("en");
    auto phrase = [&](std::size_t terms, std::string& theme) {
      std::vector<std::string> items;
      for (std::size_t t = 0; t < terms; ++t) {
        const Term3& concept_terms = draw();
        const auto& options = concept_terms.terms[language];
        std::string item = options[rng.Index(options.size())];
        if (rng.Bernoulli(0.3)) {
          const auto& filler = kFiller[language];
          item = language == 2 ? filler[rng.Index(filler.size())] + item
                               : (language == 0 ? filler[rng.Index(filler.size())] + " " + item
                                                : item + " " + filler[rng.Index(filler.size())]);
        }
        items.push_back(item);
        if (!concept_terms.theme.empty()) theme = concept_terms.theme;
      }
      return JoinList(items, static_cast<int>(language));
    };
    std::string theme;
    static const std::array<const char*, 3> kOffer = {"We offer ", "Offriamo ", "我们提供"};
    static const std::array<const char*, 3> kSeek = {"We seek partners for ",
                                                     "Cerchiamo partner per ", "寻求合作："};
    p.offer = std::string(kOffer[language]) + phrase(2 + rng.Index(3), theme) + ".";
    p.seek = std::string(kSeek[language]) + phrase(1 + rng.Index(3), theme) + ".";
    if (!theme.empty()) p.themes.push_back(theme);
    p.name = "Org " + std::to_string(n);
    profiles.push_back(std::move(p));
  }
  return profiles;
}

}  // namespace ponte::bench
