#include "store/outcome_columns.h"

#include "store/columns.h"

namespace ponte::store_internal {

Status CheckOutcome(const Outcome& outcome) {
  if (outcome.key.empty()) return InvalidArgumentError("outcome: field 'key': required");
  if (outcome.organizations.empty()) {
    return InvalidArgumentError("outcome '" + outcome.key +
                                "': field 'organizations': at least one organization is required");
  }
  return OkStatus();
}

Status OutcomeConflict(const Outcome& outcome) {
  return AlreadyExistsError("an outcome with key '" + outcome.key +
                            "' already exists, or a reference (event, request, user, "
                            "organization) is unknown");
}

Status NewsConflict(const NewsItem& item) {
  return AlreadyExistsError("a news item with key '" + item.key +
                            "' already exists, or its event or author is unknown");
}

std::string NewsImagesToJson(const std::vector<NewsImage>& images) {
  Json out = Json::array();
  for (const NewsImage& image : images) {
    out.push_back({{"sha256", image.sha256}, {"caption", Json::parse(ToJson(image.caption))}});
  }
  return out.dump();
}

std::vector<NewsImage> NewsImagesFromJson(const std::string& text) {
  std::vector<NewsImage> out;
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const Json& item : j) {
    if (!item.is_object()) continue;
    NewsImage image;
    image.sha256 = item.value("sha256", "");
    if (item.contains("caption")) image.caption = LocalizedFromJson(item["caption"].dump());
    out.push_back(std::move(image));
  }
  return out;
}

}  // namespace ponte::store_internal
