// Cross-lingual invariance on data/eval/crosslingual_triples.jsonl: 60
// organizations (30 designed Italian-Chinese complementary pairs), each
// described in Chinese, Italian and English.
//   1. Invariance: every version of every organization is in one event; the
//      top-10 partner organizations of an organization's Chinese version and
//      of its Italian / English version should overlap (issue anchor: >= 6).
//   2. No English: Italian organizations only in Italian, Chinese ones only in
//      Chinese; does a seeker find its designed partner? Beside the same
//      event written all in English and a random ranking.
//
//   build/bench/match/match_crosslingual_bench [--triples FILE] [--heldout FILE]
//                                              [--segmenter jieba|icu] [--wordnet-index FILE]
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "match/features.h"
#include "match/recommender.h"

namespace {

using nlohmann::json;
using ponte::match::Profile;

struct Org {
  std::string id;
  std::string partner;
  json record;
  bool query = true;  // evaluated (false: only a candidate)
};

Profile Version(const Org& org, const std::string& lang, bool suffix) {
  Profile p;
  p.id = suffix ? org.id + ":" + lang : org.id;
  p.organization = org.id;
  p.country = org.record["country"].get<std::string>();
  p.type = ponte::match::ParseOrganizationType(org.record["type"].get<std::string>());
  p.languages = org.record["languages"].get<std::vector<std::string>>();
  const json& v = org.record[lang];
  p.name = v["name"].get<std::string>();
  p.offer = v["offer"].get<std::string>();
  p.seek = v["seek"].get<std::string>();
  return p;
}

std::vector<std::string> TopOrgs(ponte::match::Recommender& rec, const std::string& id,
                                 std::size_t n) {
  std::vector<std::string> orgs;
  auto top = rec.TopK(id, 3 * n);
  if (!top.ok()) return orgs;
  for (const auto& r : top.value()) {
    const std::string org = r.id.substr(0, r.id.find(':'));
    if (std::find(orgs.begin(), orgs.end(), org) == orgs.end()) orgs.push_back(org);
    if (orgs.size() == n) break;
  }
  return orgs;
}

std::size_t Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t n = 0;
  for (const auto& x : a) n += std::find(b.begin(), b.end(), x) != b.end() ? 1U : 0U;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::string wordnet_index;  // optional WordNet bridge (match_wordnet_index)
  std::string path = std::string(PONTE_DATA_DIR) + "/eval/crosslingual_triples.jsonl";
  auto segmenter = ponte::text::SegmenterKind::kJieba;
  std::string heldout;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--triples") == 0) path = argv[i + 1];
    if (std::strcmp(argv[i], "--heldout") == 0) heldout = argv[i + 1];
    if (std::strcmp(argv[i], "--wordnet-index") == 0) wordnet_index = argv[i + 1];
    if (std::strcmp(argv[i], "--segmenter") == 0 && std::strcmp(argv[i + 1], "icu") == 0) {
      segmenter = ponte::text::SegmenterKind::kIcu;
    }
  }
  std::ifstream in(path);
  std::vector<Org> orgs;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    json record = json::parse(line);
    orgs.push_back(
        {record["org"].get<std::string>(), record["partner"].get<std::string>(), record});
  }
  // --heldout FILE: organizations never looked at while developing; they are
  // the only queries, the main set stays as candidates.
  if (!heldout.empty()) {
    for (Org& o : orgs) o.query = false;
    std::ifstream extra(heldout);
    for (std::string line; std::getline(extra, line);) {
      if (line.empty()) continue;
      json record = json::parse(line);
      orgs.push_back(
          {record["org"].get<std::string>(), record["partner"].get<std::string>(), record, true});
    }
  }
  if (orgs.empty()) {
    std::fprintf(stderr, "no triples in %s\n", path.c_str());
    return 1;
  }
  ponte::match::TextModelOptions model_options;
  model_options.data_dir = PONTE_DATA_DIR;
  model_options.segmenter = segmenter;
  model_options.wordnet_index = wordnet_index;
  auto model = ponte::match::TextModel::Load(model_options);
  if (!model.ok()) return 1;

  // 1. Invariance.
  std::vector<Profile> all;
  for (const Org& o : orgs) {
    for (const char* lang : {"zh", "it", "en"}) all.push_back(Version(o, lang, true));
  }
  auto rec = ponte::match::Recommender::Build(*model, all, {});
  if (!rec.ok()) {
    std::fprintf(stderr, "%s\n", rec.status().ToString().c_str());
    return 1;
  }
  constexpr std::size_t kTop = 10;
  double zh_it = 0;
  double zh_en = 0;
  double it_en = 0;
  double random_expected = 0;
  double queries_total = 0;
  for (const Org& o : orgs) {
    if (!o.query) continue;
    queries_total += 1;
    const auto zh = TopOrgs(**rec, o.id + ":zh", kTop);
    const auto it = TopOrgs(**rec, o.id + ":it", kTop);
    const auto en = TopOrgs(**rec, o.id + ":en", kTop);
    zh_it += static_cast<double>(Overlap(zh, it));
    zh_en += static_cast<double>(Overlap(zh, en));
    it_en += static_cast<double>(Overlap(it, en));
    std::size_t candidates = 0;
    for (const Org& c : orgs) candidates += c.record["country"] != o.record["country"] ? 1U : 0U;
    random_expected += static_cast<double>(kTop * kTop) / static_cast<double>(candidates);
  }
  const double n = queries_total;
  std::printf(
      "Cross-lingual invariance: %zu organizations x {zh, it, en} in one event, %.0f queries; "
      "mean overlap of the top-10 partner organizations (anchor >= 6)\n\n",
      orgs.size(), queries_total);
  std::printf(
      "| versions compared | mean overlap@10 | random ranking (expected) |\n|---|---:|---:|\n");
  std::printf(
      "| zh vs it | %.2f | %.2f |\n| zh vs en | %.2f | %.2f |\n| it vs en | %.2f | %.2f |\n\n",
      zh_it / n, random_expected / n, zh_en / n, random_expected / n, it_en / n,
      random_expected / n);

  // 2. Designed partners, with and without English.
  std::printf(
      "Designed partner found (designed IT-CN pairs; candidates: the %zu organizations of the "
      "other country)\n\n",
      orgs.size() / 2);
  std::printf(
      "| event languages | direction | hit@1 | hit@3 | hit@10 | MRR "
      "|\n|---|---|---:|---:|---:|---:|\n");
  for (const char* setting : {"native (it / zh, no English)", "all English"}) {
    const bool english = setting[0] == 'a';
    std::vector<Profile> event;
    for (const Org& o : orgs) {
      const std::string lang = english ? "en" : (o.record["country"] == "CN" ? "zh" : "it");
      event.push_back(Version(o, lang, false));
    }
    auto built = ponte::match::Recommender::Build(*model, event, {});
    if (!built.ok()) return 1;
    for (const char* from : {"CN", "IT"}) {
      double hit1 = 0;
      double hit3 = 0;
      double hit10 = 0;
      double mrr = 0;
      double queries = 0;
      for (const Org& o : orgs) {
        if (o.record["country"] != from || !o.query) continue;
        queries += 1;
        auto top = (*built)->TopK(o.id, 30);
        if (!top.ok()) continue;
        for (std::size_t r = 0; r < top->size(); ++r) {
          if ((*top)[r].id != o.partner) continue;
          hit1 += r < 1 ? 1 : 0;
          hit3 += r < 3 ? 1 : 0;
          hit10 += r < 10 ? 1 : 0;
          mrr += 1.0 / static_cast<double>(r + 1);
        }
      }
      std::printf("| %s | %s → %s | %.2f | %.2f | %.2f | %.2f |\n", setting, from,
                  from[0] == 'C' ? "IT" : "CN", hit1 / queries, hit3 / queries, hit10 / queries,
                  mrr / queries);
    }
  }
  const double pool = static_cast<double>(orgs.size()) / 2;  // candidates of the other country
  double random_mrr = 0;
  for (double r = 1; r <= pool; ++r) random_mrr += 1.0 / r;
  std::printf("| random ranking (expected) | either | %.2f | %.2f | %.2f | %.2f |\n", 1 / pool,
              3 / pool, 10 / pool, random_mrr / pool);

  // One explanation per language, to see what a reader sees.
  std::printf("\nExample explanations (event in native languages):\n");
  std::vector<Profile> event;
  for (const Org& o : orgs) {
    event.push_back(Version(o, o.record["country"] == "CN" ? "zh" : "it", false));
  }
  auto built = ponte::match::Recommender::Build(*model, event, {});
  if (!built.ok()) return 1;
  for (const char* id : {"cn01", "it04"}) {
    auto top = (*built)->TopK(id, 1);
    if (!top.ok() || top->empty()) continue;
    std::printf("%s -> %s (%.3f)\n", id, (*top)[0].id.c_str(), (*top)[0].score);
    for (const auto& why : (*top)[0].why) std::printf("    %s\n", why.c_str());
  }
  return 0;
}
