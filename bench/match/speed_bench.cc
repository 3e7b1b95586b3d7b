// Speed of the match engine on synthetic events (bench/match/synthetic.h):
// text model load, build (analysis + index), top-20 for every profile, one
// profile update, peak memory. Prints a table beside the anchors.
//
//   build/bench/match/match_speed_bench [--sizes 400,10000,100000] [--threads 2]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "match/features.h"
#include "match/recommender.h"
#include "synthetic.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  constexpr double kMicro = 1e-6;
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         kMicro * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

double PeakRssGb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  constexpr double kKbPerGb = 1024.0 * 1024.0;
  return static_cast<double>(usage.ru_maxrss) / kKbPerGb;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes = {400, 10000, 100000};
  std::size_t threads = 2;
  constexpr std::size_t kTop = 20;
  constexpr std::size_t kUpdates = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--sizes") == 0) {
      sizes.clear();
      std::string list = argv[i + 1];
      std::size_t start = 0;
      while (start < list.size()) {
        const std::size_t end = list.find(',', start);
        sizes.push_back(std::stoul(list.substr(start, end - start)));
        if (end == std::string::npos) break;
        start = end + 1;
      }
    } else if (std::strcmp(argv[i], "--threads") == 0) {
      threads = std::stoul(argv[i + 1]);
    }
  }
  const std::string data = PONTE_DATA_DIR;
  auto start = std::chrono::steady_clock::now();
  ponte::match::TextModelOptions model_options;
  model_options.data_dir = data;
  auto model = ponte::match::TextModel::Load(model_options);
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 1;
  }
  const double load = Seconds(start);
  std::printf("text model load: %.3f s (jieba dictionary, glossary, taxonomy); %zu threads\n\n",
              load, threads);
  std::printf(
      "| profiles | build s | top-%zu all s (CPU s) | total s | anchor | update ms (mean / max of "
      "%zu) | anchor | peak RSS GB | anchor |\n",
      kTop, kUpdates);
  std::printf("|---:|---:|---:|---:|---|---:|---|---:|---|\n");
  for (std::size_t n : sizes) {
    auto profiles = ponte::bench::GenerateEvent(data + "/text/glossary.tsv", n, /*seed=*/7);
    if (!profiles.ok()) {
      std::fprintf(stderr, "%s\n", profiles.status().ToString().c_str());
      return 1;
    }
    // Updates: the same organizations rewritten by another seed's texts.
    auto rewrites = ponte::bench::GenerateEvent(data + "/text/glossary.tsv", kUpdates, /*seed=*/99);
    ponte::match::RecommenderOptions options;
    options.threads = threads;
    start = std::chrono::steady_clock::now();
    auto rec = ponte::match::Recommender::Build(*model, std::move(*profiles), options);
    if (!rec.ok()) {
      std::fprintf(stderr, "%s\n", rec.status().ToString().c_str());
      return 1;
    }
    const double build = Seconds(start);
    start = std::chrono::steady_clock::now();
    const double cpu_start = CpuSeconds();
    std::size_t empty = 0;
    (*rec)->ForEachTopK(kTop,
                        [&empty](std::size_t, std::vector<ponte::match::Recommendation> recs) {
                          empty += recs.empty() ? 1U : 0U;
                        });
    const double topk = Seconds(start);
    const double topk_cpu = CpuSeconds() - cpu_start;
    double update_sum = 0;
    double update_max = 0;
    double update_cpu = 0;
    for (std::size_t u = 0; u < kUpdates; ++u) {
      ponte::match::Profile changed = (*rewrites)[u];
      changed.id = "p" + std::to_string((u * 7919) % n);
      changed.country = (*rec)->profile((u * 7919) % n).country;
      start = std::chrono::steady_clock::now();
      const double cpu_before = CpuSeconds();
      const auto status = (*rec)->Update(changed);
      auto top = (*rec)->TopK(changed.id, kTop);
      const double ms = Seconds(start) * 1000;
      update_cpu += (CpuSeconds() - cpu_before) * 1000;
      if (!status.ok() || !top.ok()) return 1;
      update_sum += ms;
      update_max = std::max(update_max, ms);
    }
    const char* total_anchor = n <= 1000 ? "< 1 s incl. load" : (n >= 100000 ? "< 60 s" : "");
    std::printf(
        "| %zu | %.2f | %.2f (%.2f) | %.2f | %s | %.2f / %.2f; %.2f | < 50 | %.2f | < 4 |\n", n,
        build, topk, topk_cpu, build + topk + (n <= 1000 ? load : 0), total_anchor,
        update_sum / kUpdates, update_max, update_cpu / kUpdates, PeakRssGb());
    if (empty > 0) std::printf("(%zu profiles got no recommendation)\n", empty);
    std::fflush(stdout);
  }
  return 0;
}
