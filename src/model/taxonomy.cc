#include "model/taxonomy.h"

namespace ponte {

Taxonomy::Taxonomy(std::vector<Theme> themes) : themes_(std::move(themes)) {
  for (std::size_t i = 0; i < themes_.size(); ++i) index_.emplace(themes_[i].code, i);
}

const Theme* Taxonomy::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &themes_[it->second];
}

std::string Taxonomy::Root(std::string_view code) const {
  const Theme* theme = Find(code);
  // Parents are checked at load time, so the chain is finite; the bound is a guard.
  for (int depth = 0; theme != nullptr && !theme->parent.empty() && depth < 16; ++depth) {
    theme = Find(theme->parent);
  }
  return theme == nullptr ? std::string() : theme->code;
}

}  // namespace ponte
