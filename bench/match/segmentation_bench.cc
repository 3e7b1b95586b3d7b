// Chinese word segmentation quality: cppjieba (dictionary + HMM, as shipped by
// npm nodejieba) against ICU's dictionary word break iterator, on the
// hand-segmented sentences of data/text/zh_segmentation_gold.txt. Word-level
// precision, recall and F1 (a word counts when both its boundaries match).
//
//   build/bench/match/match_segmentation_bench
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "text/segmenter.h"

namespace {

using Spans = std::set<std::pair<std::size_t, std::size_t>>;

Spans ToSpans(const std::vector<std::string>& words) {
  Spans spans;
  std::size_t at = 0;
  for (const auto& w : words) {
    spans.insert({at, at + w.size()});
    at += w.size();
  }
  return spans;
}

}  // namespace

int main() {
  std::ifstream in(std::string(PONTE_DATA_DIR) + "/text/zh_segmentation_gold.txt");
  std::vector<std::vector<std::string>> gold;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    gold.emplace_back();
    for (std::string w; words >> w;) gold.back().push_back(w);
  }
  if (gold.empty()) {
    std::fprintf(stderr, "no gold sentences\n");
    return 1;
  }
  std::size_t gold_words = 0;
  for (const auto& g : gold) gold_words += g.size();
  std::printf("Chinese segmentation on %zu hand-segmented sentences (%zu words)\n\n", gold.size(),
              gold_words);
  std::printf("| segmenter | precision | recall | F1 |\n|---|---:|---:|---:|\n");
  for (auto kind : {ponte::text::SegmenterKind::kJieba, ponte::text::SegmenterKind::kIcu}) {
    auto seg = ponte::text::ChineseSegmenter::Create(kind);
    if (!seg.ok()) {
      std::fprintf(stderr, "%s\n", seg.status().ToString().c_str());
      return 1;
    }
    double correct = 0;
    double produced = 0;
    double expected = 0;
    for (const auto& g : gold) {
      std::string sentence;
      for (const auto& w : g) sentence += w;
      const Spans want = ToSpans(g);
      const Spans got = ToSpans((*seg)->Cut(sentence));
      for (const auto& s : got) correct += want.count(s) != 0 ? 1 : 0;
      produced += static_cast<double>(got.size());
      expected += static_cast<double>(want.size());
    }
    const double p = correct / produced;
    const double r = correct / expected;
    std::printf("| %s | %.3f | %.3f | %.3f |\n",
                kind == ponte::text::SegmenterKind::kJieba ? "cppjieba (nodejieba 3.5.8 dict, HMM)"
                                                           : "ICU 72 dictionary word break",
                p, r, 2 * p * r / (p + r));
  }
  return 0;
}
