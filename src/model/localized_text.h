// LocalizedText: one piece of text in several languages, keyed by ISO 639-1
// code ("it", "en", "zh"). Authors write in their own language; readers get
// their language when the author provided it, else a fallback that is marked.
//
//   LocalizedText name{{"it", "Università di Bologna"}, {"zh", "博洛尼亚大学"}};
//   auto [text, lang] = name.Best("zh");   // "博洛尼亚大学", "zh"
//   auto [t2, l2] = name.Best("en");       // falls back: en, it, zh, then any
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace ponte {

class LocalizedText {
 public:
  LocalizedText() = default;
  LocalizedText(std::initializer_list<std::pair<const std::string, std::string>> items)
      : by_lang_(items) {}

  bool empty() const { return by_lang_.empty(); }
  void Set(std::string lang, std::string text);
  // Exact language or empty string.
  const std::string& Get(std::string_view lang) const;
  bool Has(std::string_view lang) const {
    return by_lang_.find(std::string(lang)) != by_lang_.end();
  }

  // The text in `lang` if present, else English, Italian, Chinese, then any;
  // returns the text and the language it is in ("" when empty).
  std::pair<const std::string&, std::string_view> Best(std::string_view lang) const;

  const std::map<std::string, std::string>& all() const { return by_lang_; }
  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;

 private:
  std::map<std::string, std::string> by_lang_;
};

}  // namespace ponte
