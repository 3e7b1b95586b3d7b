// Kernel benchmark: CSV parsing and organization import throughput on a
// synthetic multilingual file (Italian accents, Chinese, quoted fields).
#include <benchmark/benchmark.h>

#include <string>

#include "core/csv.h"
#include "io/import.h"

namespace ponte::io {
namespace {

std::string MakeOrganizations(int rows) {
  std::string text = "key,name_it,name_zh,type,country,city,website\n";
  for (int i = 0; i < rows; ++i) {
    text += "org-" + std::to_string(i) + ",\"Università degli Studi, Dipartimento di Ingegneria " +
            std::to_string(i) + "\",四川大学第" + std::to_string(i) + "研究所,university," +
            (i % 2 == 0 ? "IT" : "CN") + ",Città di Castello,https://example.org/" +
            std::to_string(i) + "\n";
  }
  return text;
}

void BM_ParseCsv(benchmark::State& state) {
  const std::string text = MakeOrganizations(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto table = ParseCsv(text, "bench.csv");
    benchmark::DoNotOptimize(table);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseCsv)->Arg(1000)->Arg(100000);

void BM_ReadOrganizations(benchmark::State& state) {
  const std::string text = MakeOrganizations(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Dataset data;
    Status s = ReadText(FileKind::kOrganizations, text, "bench.csv", {}, data);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ReadOrganizations)->Arg(1000)->Arg(100000);

}  // namespace
}  // namespace ponte::io

BENCHMARK_MAIN();
