// Builds the compact WordNet bridge (text/wordnet_bridge.h) once:
//   build/bench/match/match_wordnet_index [OUT] [--omw DIR] [--wordnet DIR]
// Default OUT is wordnet_bridge.tsv in the current folder; pass it to
// `ponte recommend --wordnet-index OUT` or TextModelOptions::wordnet_index.
#include <cstdio>
#include <cstring>
#include <string>

#include "text/analyzer.h"
#include "text/lexicon.h"
#include "text/wordnet_bridge.h"

int main(int argc, char** argv) {
  std::string out = "wordnet_bridge.tsv";
  std::string omw = std::string(PONTE_SHARED_DIR) + "/matching_data/lexicon_omw";
  std::string wordnet = "/usr/share/wordnet";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--omw") == 0 && i + 1 < argc) {
      omw = argv[++i];
    } else if (std::strcmp(argv[i], "--wordnet") == 0 && i + 1 < argc) {
      wordnet = argv[++i];
    } else {
      out = argv[i];
    }
  }
  ponte::text::AnalyzerOptions options;
  options.data_dir = PONTE_DATA_DIR;
  auto analyzer = ponte::text::Analyzer::Create(options);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "%s\n", analyzer.status().ToString().c_str());
    return 1;
  }
  // Load the glossary first so its Chinese terms segment the same way.
  ponte::text::LexiconOptions lexicon_options;
  lexicon_options.data_dir = PONTE_DATA_DIR;
  auto lexicon = ponte::text::Lexicon::Load(**analyzer, lexicon_options);
  if (!lexicon.ok()) return 1;
  auto stats = ponte::text::BuildWordnetBridge(**analyzer, omw, wordnet, out);
  if (!stats.ok()) {
    std::fprintf(stderr, "%s\n", stats.status().ToString().c_str());
    return 1;
  }
  std::printf("wrote %s: %zu synsets, %zu phrase keys\n", out.c_str(), stats->synsets, stats->keys);
  return 0;
}
