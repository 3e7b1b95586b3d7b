// Leakage-free evaluation on real CORDIS data (../shared/matching_data/cordis_cn):
// profiles of Italian and Chinese organizations are written from their H2020
// projects only (titles, objectives, keywords); the ground truth is the IT-CN
// pairs that co-participate in Horizon Europe projects. Each Italian
// organization ranks the Chinese ones and vice versa; P@10, R@10, MRR and
// nDCG@10 for all pairs and for pairs that never partnered in H2020, beside
// random, popularity and plain BM25 on raw words.
//
//   build/bench/match/match_cordis_bench [--shared DIR]
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/rng.h"
#include "core/utf8.h"
#include "eval_metrics.h"
#include "match/features.h"
#include "match/recommender.h"

namespace {

using ponte::Split;
using ponte::bench::Metrics;

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) rows.push_back(Split(line, '\t'));
  }
  return rows;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

struct Org {
  std::string key;
  std::string country;
  std::string activity;
  std::string text;  // H2020 titles, objectives, keywords
  std::size_t h2020_projects = 0;
};

// Plain BM25 over lower-cased raw words (no stemming, stopwords or concepts).
class PlainBm25 {
 public:
  explicit PlainBm25(const std::vector<Org>& orgs) {
    double total = 0;
    for (const Org& o : orgs) {
      docs_.push_back(Count(o.text));
      double len = 0;
      for (const auto& [w, c] : docs_.back()) len += c;
      lengths_.push_back(len);
      total += len;
      for (const auto& [w, c] : docs_.back()) ++df_[w];
    }
    avg_ = total / static_cast<double>(std::max<std::size_t>(1, orgs.size()));
    n_ = static_cast<double>(orgs.size());
  }
  double Score(std::size_t query, std::size_t doc) const {
    double s = 0;
    for (const auto& [w, qc] : docs_[query]) {
      const auto it = docs_[doc].find(w);
      if (it == docs_[doc].end()) continue;
      const double d = df_.at(w);
      const double idf = std::log(1 + (n_ - d + 0.5) / (d + 0.5));
      const double tf = it->second;
      s += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths_[doc] / avg_));
    }
    return s;
  }

 private:
  static std::unordered_map<std::string, double> Count(const std::string& text) {
    std::unordered_map<std::string, double> counts;
    std::string word;
    for (char ch : text + " ") {
      const auto c = static_cast<unsigned char>(ch);
      if (std::isalnum(c)) {
        word.push_back(static_cast<char>(std::tolower(c)));
      } else if (!word.empty()) {
        counts[word] += 1;
        word.clear();
      }
    }
    return counts;
  }
  std::vector<std::unordered_map<std::string, double>> docs_;
  std::vector<double> lengths_;
  std::unordered_map<std::string, double> df_;
  double avg_ = 1;
  double n_ = 1;
};

}  // namespace

int main(int argc, char** argv) {
  std::string wordnet_index;  // optional WordNet bridge (match_wordnet_index)
  std::string shared = PONTE_SHARED_DIR;
  // --validation: the tuning split inside H2020 alone (profiles from projects
  // starting up to 2018, ground truth from those starting 2019 or later);
  // Horizon Europe is never looked at then.
  bool validation = false;
  std::string data_dir = PONTE_DATA_DIR;
  ponte::match::Weights weights;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--validation") == 0) validation = true;
    if (i + 1 >= argc) continue;
    if (std::strcmp(argv[i], "--shared") == 0) shared = argv[i + 1];
    if (std::strcmp(argv[i], "--data") == 0) data_dir = argv[i + 1];
    if (std::strcmp(argv[i], "--wordnet-index") == 0) wordnet_index = argv[i + 1];
    if (std::strcmp(argv[i], "--k3") == 0) weights.query_saturation = std::stod(argv[i + 1]);
    if (std::strcmp(argv[i], "--boost") == 0) weights.concept_boost = std::stod(argv[i + 1]);
    if (std::strcmp(argv[i], "--text") == 0) {
      weights.text = std::stod(argv[i + 1]);
      weights.themes = weights.cooperation = (1 - weights.text) / 2;
    }
  }
  const std::string dir = shared + "/matching_data/cordis_cn/";
  const auto projects = ReadTsv(dir + "projects.tsv");
  const auto participations = ReadTsv(dir + "participations.tsv");
  if (projects.empty() || participations.empty()) {
    std::fprintf(stderr, "cannot read %s\n", dir.c_str());
    return 1;
  }
  std::map<std::string, std::string> programme;  // project -> H2020 / HORIZON
  std::map<std::string, std::string> project_text;
  for (const auto& p : projects) {
    if (p.size() < 15) continue;
    programme[p[0]] = p[4];
    if (validation) {
      // "H2020" = the profile years, "HORIZON" = the held-out years; real
      // Horizon Europe projects are dropped.
      const int year = std::atoi(p[7].substr(0, 4).c_str());
      programme[p[0]] = p[4] != "H2020" ? "DROP" : (year <= 2018 ? "H2020" : "HORIZON");
    }
    project_text[p[0]] = p[2] + ". " + p[3] + ". " + p[14];
  }
  std::map<std::string, Org> orgs;
  std::map<std::string, std::set<std::string>> members;  // project -> org keys (IT, CN)
  for (const auto& row : participations) {
    if (row.size() < 5) continue;
    const std::string& country = row[2];
    if (country != "IT" && country != "CN") continue;
    if (programme[row[0]] == "DROP") continue;
    const std::string key = Upper(row[1]);
    Org& org = orgs[key];
    org.key = key;
    org.country = country;
    if (org.activity.empty()) org.activity = row[4];
    members[row[0]].insert(key);
    if (programme[row[0]] == "H2020") {
      org.text += project_text[row[0]] + "\n";
      ++org.h2020_projects;
    }
  }
  // Pairs per programme.
  std::map<std::string, std::set<std::string>> h2020_partners;
  std::map<std::string, std::set<std::string>> he_partners;
  for (const auto& [project, keys] : members) {
    if (programme[project] == "DROP") continue;
    const bool h2020 = programme[project] == "H2020";
    for (const auto& a : keys) {
      for (const auto& b : keys) {
        if (orgs[a].country == orgs[b].country) continue;
        (h2020 ? h2020_partners : he_partners)[a].insert(b);
      }
    }
  }
  // Profiles: organizations with at least one H2020 project.
  std::vector<Org> profiled;
  std::vector<ponte::match::Profile> profiles;
  for (const auto& [key, org] : orgs) {
    if (org.h2020_projects == 0) continue;
    profiled.push_back(org);
    ponte::match::Profile p;
    p.id = key;
    p.country = org.country;
    p.name = key;
    p.about = org.text;
    p.languages = {"en"};
    p.type = org.activity == "HES"   ? ponte::match::OrganizationType::kUniversity
             : org.activity == "REC" ? ponte::match::OrganizationType::kResearch
             : org.activity == "PRC" ? ponte::match::OrganizationType::kCompany
             : org.activity == "PUB" ? ponte::match::OrganizationType::kGovernment
                                     : ponte::match::OrganizationType::kOther;
    profiles.push_back(std::move(p));
  }
  std::size_t he_pairs = 0;
  std::size_t he_pairs_profiled = 0;
  std::set<std::string> profiled_keys;
  for (const Org& o : profiled) profiled_keys.insert(o.key);
  for (const auto& [a, partners] : he_partners) {
    if (orgs[a].country != "IT") continue;
    for (const auto& b : partners) {
      ++he_pairs;
      if (profiled_keys.count(a) != 0 && profiled_keys.count(b) != 0) ++he_pairs_profiled;
    }
  }
  std::printf(
      "CORDIS: %zu projects (H2020 + Horizon Europe), %zu IT/CN organizations, %zu with "
      "H2020 profiles; Horizon Europe IT-CN pairs: %zu, of which both sides profiled: %zu\n\n",
      projects.size(), orgs.size(), profiled.size(), he_pairs, he_pairs_profiled);

  ponte::match::TextModelOptions model_options;
  model_options.data_dir = data_dir;
  model_options.wordnet_index = wordnet_index;
  auto model = ponte::match::TextModel::Load(model_options);
  if (!model.ok()) return 1;
  ponte::match::RecommenderOptions options;
  options.max_candidates = 1000;
  options.weights = weights;
  std::printf("%s; k3 %.1f, concept boost %.1f, text weight %.2f\n\n",
              validation ? "VALIDATION split inside H2020 (2015-18 profiles -> 2019-22 pairs)"
                         : "TEST: H2020 profiles -> Horizon Europe pairs",
              weights.query_saturation, weights.concept_boost, weights.text);
  auto rec = ponte::match::Recommender::Build(*model, profiles, options);
  if (!rec.ok()) {
    std::fprintf(stderr, "%s\n", rec.status().ToString().c_str());
    return 1;
  }
  const PlainBm25 bm25(profiled);
  constexpr std::size_t kList = 100;
  ponte::Rng rng(2026);

  std::printf("| direction | pairs | method | queries | P@10 | R@10 | MRR | nDCG@10 |\n");
  std::printf("|---|---|---|---:|---:|---:|---:|---:|\n");
  for (const char* from : {"IT", "CN"}) {
    for (bool only_new : {false, true}) {
      std::map<std::string, Metrics> metrics;
      for (std::size_t q = 0; q < profiled.size(); ++q) {
        const Org& a = profiled[q];
        if (a.country != from) continue;
        const auto& past = h2020_partners[a.key];
        std::set<std::string> relevant;
        for (const auto& b : he_partners[a.key]) {
          if (profiled_keys.count(b) == 0) continue;
          if (only_new && past.count(b) != 0) continue;
          relevant.insert(b);
        }
        if (relevant.empty()) continue;
        std::vector<std::size_t> candidates;
        for (std::size_t c = 0; c < profiled.size(); ++c) {
          if (profiled[c].country == a.country) continue;
          if (only_new && past.count(profiled[c].key) != 0) continue;
          candidates.push_back(c);
        }
        auto keep = [&](std::vector<std::string> ranked) {
          if (only_new) {
            ranked.erase(std::remove_if(ranked.begin(), ranked.end(),
                                        [&](const std::string& k) { return past.count(k) != 0; }),
                         ranked.end());
          }
          if (ranked.size() > kList) ranked.resize(kList);
          return ranked;
        };
        // ponte
        {
          auto top = (*rec)->TopK(a.key, kList + past.size());
          std::vector<std::string> ranked;
          if (top.ok()) {
            for (const auto& r : top.value()) ranked.push_back(r.id);
          }
          metrics["ponte"].Add(keep(ranked), relevant);
        }
        // plain BM25 on raw words
        {
          std::vector<std::pair<double, std::size_t>> scored;
          for (std::size_t c : candidates) scored.emplace_back(-bm25.Score(q, c), c);
          std::sort(scored.begin(), scored.end());
          std::vector<std::string> ranked;
          for (const auto& [s, c] : scored) ranked.push_back(profiled[c].key);
          metrics["plain BM25"].Add(keep(ranked), relevant);
        }
        // popularity: most H2020 projects first
        {
          std::vector<std::pair<long, std::size_t>> scored;
          for (std::size_t c : candidates) {
            scored.emplace_back(-static_cast<long>(profiled[c].h2020_projects), c);
          }
          std::sort(scored.begin(), scored.end());
          std::vector<std::string> ranked;
          for (const auto& [s, c] : scored) ranked.push_back(profiled[c].key);
          metrics["popularity"].Add(keep(ranked), relevant);
        }
        // random
        {
          std::vector<std::size_t> shuffled = candidates;
          rng.Shuffle(shuffled);
          std::vector<std::string> ranked;
          for (std::size_t c : shuffled) ranked.push_back(profiled[c].key);
          metrics["random"].Add(keep(ranked), relevant);
        }
      }
      const std::string direction = std::string(from) + (from[0] == 'I' ? " → CN" : " → IT");
      for (const char* method : {"ponte", "plain BM25", "popularity", "random"}) {
        metrics[method].PrintRow(direction.c_str(), only_new ? "new only" : "all", method);
      }
    }
  }
  return 0;
}
