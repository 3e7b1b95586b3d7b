// Internal to store: a roadshow's settings, stages and travel legs as the JSON
// columns every backend keeps them in (one encoding, so that backends agree).
#pragma once

#include <string>
#include <string_view>

#include "model/model.h"

namespace ponte::store_internal {

struct RoadshowColumns {
  std::string settings;  // day and lunch times, overheads
  std::string stages;
  std::string travel;
};

RoadshowColumns EncodeRoadshow(const Roadshow& roadshow);
// Fills settings, stages and travel of `roadshow`; missing values keep their
// defaults, malformed JSON reads as empty.
void DecodeRoadshow(const std::string& settings, const std::string& stages,
                    const std::string& travel, Roadshow& roadshow);

}  // namespace ponte::store_internal
