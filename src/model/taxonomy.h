// The multilingual thematic taxonomy shipped in data/taxonomy/themes.csv:
// codes such as "ai.vision" with it/en/zh labels and a parent.
//
//   const Theme* t = taxonomy.Find("ai.vision");
//   t->label.Best("zh").first;   // "计算机视觉"
//   taxonomy.Root("ai.vision");  // "ai"
//
// Immutable after construction; safe to share between threads. Loaded by
// io::LoadTaxonomy.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/localized_text.h"

namespace ponte {

struct Theme {
  std::string code;
  std::string parent;  // empty for a top-level area
  LocalizedText label;
};

class Taxonomy {
 public:
  Taxonomy() = default;
  explicit Taxonomy(std::vector<Theme> themes);

  const Theme* Find(std::string_view code) const;
  bool Contains(std::string_view code) const { return Find(code) != nullptr; }
  // The top-level ancestor's code ("ai" for "ai.vision"); the code itself if
  // top-level; empty if unknown.
  std::string Root(std::string_view code) const;
  const std::vector<Theme>& themes() const { return themes_; }

 private:
  std::vector<Theme> themes_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace ponte
