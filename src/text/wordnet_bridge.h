// Builds the compact WordNet bridge that Lexicon can load
// (LexiconOptions::wordnet_index): noun synsets of Princeton WordNet 3.0 that
// have Chinese (Chinese Open Wordnet) and Italian (MultiWordNet, ItalWordNet)
// or English lemmas, each lemma already analyzed into the phrase keys the
// Lexicon looks up, so loading it is a plain file read.
//
//   PONTE_RETURN_IF_ERROR(BuildWordnetBridge(analyzer, "/work/shared/matching_data/lexicon_omw",
//                                            "/usr/share/wordnet", "build/wordnet_bridge.tsv"));
//
// Inputs: the OMW tab files (see ../shared/matching_data/lexicon_omw/README)
// and Debian wordnet-base's data.noun. The output is derived from those
// wordnets: keep their licence notices with it. Fails with kNotFound for a
// missing input and kInternal when the output cannot be written.
#pragma once

#include <string>

#include "core/status.h"
#include "text/analyzer.h"

namespace ponte::text {

struct WordnetBridgeStats {
  std::size_t synsets = 0;  // written
  std::size_t keys = 0;
};

Result<WordnetBridgeStats> BuildWordnetBridge(Analyzer& analyzer, const std::string& omw_dir,
                                              const std::string& wordnet_dir,
                                              const std::string& out_path);

}  // namespace ponte::text
