#include "model/localized_text.h"

namespace ponte {
namespace {
const std::string& EmptyString() {
  static const std::string empty;
  return empty;
}
}  // namespace

void LocalizedText::Set(std::string lang, std::string text) {
  if (text.empty()) {
    by_lang_.erase(lang);
  } else {
    by_lang_[std::move(lang)] = std::move(text);
  }
}

const std::string& LocalizedText::Get(std::string_view lang) const {
  auto it = by_lang_.find(std::string(lang));
  return it == by_lang_.end() ? EmptyString() : it->second;
}

std::pair<const std::string&, std::string_view> LocalizedText::Best(std::string_view lang) const {
  for (std::string_view candidate :
       {lang, std::string_view("en"), std::string_view("it"), std::string_view("zh")}) {
    auto it = by_lang_.find(std::string(candidate));
    if (it != by_lang_.end()) return {it->second, it->first};
  }
  if (!by_lang_.empty()) return {by_lang_.begin()->second, by_lang_.begin()->first};
  return {EmptyString(), std::string_view()};
}

}  // namespace ponte
