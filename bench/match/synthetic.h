// Synthetic matchmaking events for the speed benchmark: N organizations from
// Italy, China and elsewhere whose offer/seek texts are written in Italian,
// English or Chinese from the terms of data/text/glossary.tsv, with a skewed
// (Zipf-like) choice of concepts and some filler words no concept covers.
//
//   auto profiles = GenerateEvent(glossary_path, 100000, /*seed=*/1);
//
// Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "match/profile.h"

namespace ponte::bench {

Result<std::vector<match::Profile>> GenerateEvent(const std::string& glossary_path,
                                                  std::size_t count, std::uint64_t seed);

}  // namespace ponte::bench
