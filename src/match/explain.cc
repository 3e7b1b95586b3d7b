#include "match/explain.h"

#include <cstdio>

namespace ponte::match {
namespace {

struct Phrases {
  const char* they_offer;
  const char* they_seek;
  const char* themes;
  const char* cities;
  const char* common_language;
  const char* interpreter;
  const char* no_language;
  const char* score;
  const char* separator;  // between list items
  const char* colon;
  char decimal_point;
};

const Phrases& PhrasesFor(text::Language language) {
  static const Phrases kEnglish = {
      "Offers what you seek",
      "Seeks what you offer",
      "Shared themes",
      "Both can meet in",
      "Common language",
      "Different languages: an interpreter is available",
      "No common language: plan an interpreter",
      "Score %s = both sides (yours %s, theirs %s) × organization fit %s × language %s",
      ", ",
      ": ",
      '.'};
  static const Phrases kItalian = {
      "Offre ciò che cercate",
      "Cerca ciò che offrite",
      "Temi comuni",
      "Entrambi presenti a",
      "Lingua comune",
      "Lingue diverse: è disponibile un interprete",
      "Nessuna lingua comune: prevedere un interprete",
      "Punteggio %s = entrambe le parti (vostra %s, loro %s) × tipo di ente %s × lingua %s",
      ", ",
      ": ",
      ','};
  static const Phrases kChinese = {"提供您所寻求的",
                                   "寻求您所提供的",
                                   "共同主题",
                                   "均可会面的城市",
                                   "共同语言",
                                   "语言不同：活动提供翻译",
                                   "无共同语言：请安排翻译",
                                   "得分 %s = 双方匹配（您方 %s，对方 %s）× 机构类型 %s × 语言 %s",
                                   "、",
                                   "：",
                                   '.'};
  switch (language) {
    case text::Language::kItalian:
      return kItalian;
    case text::Language::kChinese:
      return kChinese;
    default:
      return kEnglish;
  }
}

std::string Number(double value, char decimal_point) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string out(buffer);
  for (char& c : out) {
    if (c == '.') c = decimal_point;
  }
  return out;
}

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string_view CodeOf(text::Language language) {
  switch (language) {
    case text::Language::kItalian:
      return "it";
    case text::Language::kChinese:
      return "zh";
    default:
      return "en";
  }
}

}  // namespace

std::string MetBeforeLine(const PastMeeting& past, text::Language language) {
  const std::string_view code = CodeOf(language);
  std::string edition;
  for (std::string_view want : {code, std::string_view("en")}) {
    for (const auto& [lang, name] : past.edition_name) {
      if (edition.empty() && lang == want) edition = name;
    }
  }
  if (edition.empty() && !past.edition_name.empty()) edition = past.edition_name.front().second;
  struct Labels {
    const char* en;
    const char* it;
    const char* zh;
  };
  static const Labels kResults[] = {
      {"no outcome reported", "nessun risultato segnalato", "未报告成果"},
      {"no contact since", "nessun contatto in seguito", "此后未再联系"},
      {"contact kept", "contatto mantenuto", "保持联系"},
      {"valuable exchange", "scambio proficuo", "有价值的交流"},
      {"negotiation under way", "trattativa in corso", "正在洽谈"},
      {"agreement reached", "accordo raggiunto", "已达成协议"},
  };
  const Labels& r = kResults[static_cast<int>(past.result)];
  switch (language) {
    case text::Language::kItalian:
      return "Vi siete incontrati a " + edition + " — " + r.it;
    case text::Language::kChinese:
      return "曾在" + edition + "会面——" + r.zh;
    default:
      return "Met at " + edition + " — " + r.en;
  }
}

std::string LanguageName(std::string_view code, text::Language in) {
  struct Names {
    std::string_view code;
    const char* en;
    const char* it;
    const char* zh;
  };
  static const Names kNames[] = {{"it", "Italian", "italiano", "意大利语"},
                                 {"en", "English", "inglese", "英语"},
                                 {"zh", "Chinese", "cinese", "中文"}};
  for (const Names& n : kNames) {
    if (n.code != code) continue;
    switch (in) {
      case text::Language::kItalian:
        return n.it;
      case text::Language::kChinese:
        return n.zh;
      default:
        return n.en;
    }
  }
  return std::string(code);
}

std::vector<std::string> ExplainLines(const Recommendation& rec, text::Language language,
                                      std::string_view shared_language, bool interpreters) {
  const Phrases& p = PhrasesFor(language);
  std::vector<std::string> lines;
  if (!rec.they_offer.empty()) {
    lines.push_back(std::string(p.they_offer) + p.colon + Join(rec.they_offer, p.separator));
  }
  if (!rec.they_seek.empty()) {
    lines.push_back(std::string(p.they_seek) + p.colon + Join(rec.they_seek, p.separator));
  }
  if (!rec.shared_themes.empty()) {
    lines.push_back(std::string(p.themes) + p.colon + Join(rec.shared_themes, p.separator));
  }
  if (!rec.shared_cities.empty()) {
    lines.push_back(std::string(p.cities) + p.colon + Join(rec.shared_cities, p.separator));
  }
  if (!shared_language.empty()) {
    lines.push_back(std::string(p.common_language) + p.colon +
                    LanguageName(shared_language, language));
  } else {
    lines.emplace_back(interpreters ? p.interpreter : p.no_language);
  }
  const ScoreBreakdown& b = rec.breakdown;
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, p.score, Number(b.total, p.decimal_point).c_str(),
                Number(b.reader_side, p.decimal_point).c_str(),
                Number(b.candidate_side, p.decimal_point).c_str(),
                Number(b.organization, p.decimal_point).c_str(),
                Number(b.language, p.decimal_point).c_str());
  std::string score_line(buffer);
  if (b.city < 1) {
    // Only shown when it matters: the pair shares none of the event's cities.
    const char* city = language == text::Language::kItalian   ? " × città "
                       : language == text::Language::kChinese ? " × 城市 "
                                                              : " × city ";
    score_line += city + Number(b.city, p.decimal_point);
  }
  if (b.history != 1) {
    // Only for pairs that met before and whose result changes the score.
    const char* history = language == text::Language::kItalian   ? " × incontri precedenti "
                          : language == text::Language::kChinese ? " × 往届会面 "
                                                                 : " × earlier meeting ";
    score_line += history + Number(b.history, p.decimal_point);
  }
  if (!rec.met_before.empty()) lines.push_back(rec.met_before);
  lines.push_back(std::move(score_line));
  return lines;
}

}  // namespace ponte::match
