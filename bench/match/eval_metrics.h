// Ranking metrics shared by the match benchmarks (binary relevance).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace ponte::bench {

struct Metrics {
  double precision = 0;  // P@10
  double recall = 0;     // R@10
  double mrr = 0;        // reciprocal rank of the first relevant (0 if none in the list)
  double ndcg = 0;       // nDCG@10
  std::size_t queries = 0;

  void Add(const std::vector<std::string>& ranked, const std::set<std::string>& relevant,
           std::size_t cutoff = 10) {
    if (relevant.empty()) return;
    ++queries;
    std::size_t hits = 0;
    double dcg = 0;
    double rr = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      if (relevant.count(ranked[i]) == 0) continue;
      if (rr == 0) rr = 1.0 / static_cast<double>(i + 1);
      if (i < cutoff) {
        ++hits;
        dcg += 1.0 / std::log2(static_cast<double>(i + 2));
      }
    }
    double ideal = 0;
    for (std::size_t i = 0; i < std::min(cutoff, relevant.size()); ++i) {
      ideal += 1.0 / std::log2(static_cast<double>(i + 2));
    }
    precision += static_cast<double>(hits) / static_cast<double>(cutoff);
    recall += static_cast<double>(hits) / static_cast<double>(relevant.size());
    mrr += rr;
    ndcg += ideal > 0 ? dcg / ideal : 0;
  }

  void PrintRow(const char* direction, const char* pairs, const char* method) const {
    const double q = queries > 0 ? static_cast<double>(queries) : 1.0;
    std::printf("| %s | %s | %s | %zu | %.3f | %.3f | %.3f | %.3f |\n", direction, pairs, method,
                queries, precision / q, recall / q, mrr / q, ndcg / q);
  }
};

}  // namespace ponte::bench
