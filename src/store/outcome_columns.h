// What both backends share about outcomes and news: the checks before a
// write, the messages for a taken key, and the JSON column of a news item's
// images.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "model/outcome.h"

namespace ponte::store_internal {

// InvalidArgument when the outcome cannot be stored (no key, no organization).
Status CheckOutcome(const Outcome& outcome);
Status OutcomeConflict(const Outcome& outcome);
Status NewsConflict(const NewsItem& item);

std::string NewsImagesToJson(const std::vector<NewsImage>& images);
std::vector<NewsImage> NewsImagesFromJson(const std::string& text);

}  // namespace ponte::store_internal
