#include "demo/summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/utf8.h"
#include "model/enums.h"
#include "text/language.h"

namespace ponte::demo {
namespace {

// Pads to a display width, counting CJK characters as two columns.
std::string Pad(const std::string& text, std::size_t width) {
  std::size_t display = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    display += len >= 3 ? 2 : 1;
    i += len;
  }
  return display >= width ? text : text + std::string(width - display, ' ');
}

}  // namespace

RegistrySummary SummarizeRegistry(const std::vector<Organization>& organizations,
                                  const std::vector<Person>& people,
                                  const std::vector<Profile>& profiles, const Taxonomy& taxonomy) {
  RegistrySummary s;
  s.organizations = static_cast<int>(organizations.size());
  s.people = static_cast<int>(people.size());
  s.profiles = static_cast<int>(profiles.size());
  std::unordered_map<std::int64_t, std::string> country_of;
  for (const Organization& o : organizations) {
    ++s.by_country_and_type[o.country][std::string(ToCode(o.type))];
    country_of[o.id.value()] = o.country;
  }
  for (const Profile& p : profiles) {
    std::set<std::string> roots;
    for (const std::string& theme : p.themes) roots.insert(taxonomy.Root(theme));
    for (const std::string& root : roots) {
      if (!root.empty()) ++s.profiles_by_theme[root];
    }
    std::set<std::string> langs;
    for (const auto& [lang, text] : p.title.all()) langs.insert(lang);
    for (const auto& [lang, text] : p.text.all()) langs.insert(lang);
    for (const std::string& lang : langs) ++s.profiles_by_language[lang];
  }
  for (const Person& p : people) {
    std::vector<std::string> langs = p.languages;
    std::sort(langs.begin(), langs.end());
    std::string label;
    for (const std::string& l : langs) label += (label.empty() ? "" : "+") + l;
    ++s.languages_by_country[country_of[p.organization.value()]][label];
    if (p.needs_interpreter) ++s.people_needing_interpreter;
  }
  return s;
}

std::string FormatRegistrySummary(const RegistrySummary& s, const Taxonomy& taxonomy) {
  std::string out;
  out += fmt::format("Organizations: {}   people: {}   profiles: {}\n\n", s.organizations, s.people,
                     s.profiles);

  // Organizations by country (rows) and type (columns).
  std::vector<std::string> types;
  for (OrganizationType t : AllOrganizationTypes()) types.emplace_back(ToCode(t));
  out += fmt::format("{:<8}", "country");
  for (const std::string& t : types) out += fmt::format(" {:>12}", t);
  out += fmt::format(" {:>7}\n", "total");
  for (const auto& [country, counts] : s.by_country_and_type) {
    int total = 0;
    out += fmt::format("{:<8}", country);
    for (const std::string& t : types) {
      auto it = counts.find(t);
      const int n = it == counts.end() ? 0 : it->second;
      total += n;
      out += fmt::format(" {:>12}", n);
    }
    out += fmt::format(" {:>7}\n", total);
  }

  out += "\nProfiles by thematic area\n";
  for (const Theme& theme : taxonomy.themes()) {
    if (!theme.parent.empty()) continue;
    auto it = s.profiles_by_theme.find(theme.code);
    const int n = it == s.profiles_by_theme.end() ? 0 : it->second;
    out += fmt::format("  {:>4}  {}{}{}\n", n, Pad(theme.label.Get("en"), 46),
                       Pad(theme.label.Get("it"), 52), theme.label.Get("zh"));
  }

  out += "\nProfiles written in: ";
  bool first = true;
  for (const auto& [lang, n] : s.profiles_by_language) {
    out += fmt::format("{}{} {}", first ? "" : ", ", lang, n);
    first = false;
  }
  out += "\n\nLanguages spoken by participants\n";
  for (const auto& [country, counts] : s.languages_by_country) {
    std::vector<std::pair<int, std::string>> sorted;
    for (const auto& [label, n] : counts) sorted.emplace_back(-n, label);
    std::sort(sorted.begin(), sorted.end());
    out += fmt::format("  {:<4}", country);
    for (const auto& [neg, label] : sorted) out += fmt::format("  {} {}", label, -neg);
    out += "\n";
  }
  out += fmt::format("  people who asked for an interpreter: {}\n", s.people_needing_interpreter);
  return out;
}

std::string FormatScheduleSummary(const service::EventSchedule& plan) {
  const schedule::SolveResult& r = plan.result;
  const schedule::Objective& o = r.objective;
  std::string out = fmt::format(
      "Timetable: {} — {} of {} accepted meetings scheduled (weight {}/{}), {} breaks "
      "(proven lower bound {}), {:.2f} s\n",
      schedule::SolveStatusName(r.status), o.scheduled, o.scheduled + o.unscheduled,
      o.scheduled_weight, o.total_weight, o.breaks, r.lower_bound, r.time_s);
  if (!r.explanation.empty()) out += "  " + r.explanation + "\n";
  out += fmt::format("  {:<10} {:<16} {:>5} {:>8} {:>12} {:>6} {:>13} {:>12}\n", "day", "city",
                     "slots", "meetings", "participants", "breaks", "peak tables", "interpreted");
  for (const service::DayStatistics& d : plan.days) {
    out += fmt::format("  {:<10} {:<16} {:>5} {:>8} {:>12} {:>6} {:>7}/{:<5} {:>5} ({:>3.0f}%)\n",
                       FormatDate(d.date), d.city, d.slots, d.meetings, d.participants, d.breaks,
                       d.peak_tables, d.tables, d.interpreted, 100.0 * d.interpreter_load);
  }
  return out;
}

std::string FormatRecommendations(const service::EventData& data,
                                  service::EventRecommendations& recs, std::size_t index,
                                  text::Language lang, std::size_t k) {
  std::unordered_map<std::string, const Organization*> by_key;
  for (const Organization& o : data.organizations) by_key[o.key] = &o;
  const std::string reader_key = recs.recommender->profile(index).id;
  const std::string_view code = text::LanguageCode(lang);
  auto name = [&](const std::string& key) -> std::string {
    auto it = by_key.find(key);
    if (it == by_key.end()) return key;
    const auto [text, in_lang] = it->second->name.Best(code);
    return text + " (" + it->second->city + ", " + it->second->country + ")";
  };
  std::string out = fmt::format("{} [{}]\n", name(reader_key), code);
  auto top = recs.recommender->TopK(reader_key, k, lang);
  if (!top.ok()) return out + "  " + top.status().message() + "\n";
  int rank = 0;
  for (const match::Recommendation& r : *top) {
    out += fmt::format("  {}. {}  {:.2f}\n", ++rank, name(r.id), r.score);
    for (const std::string& line : r.why) out += "       " + line + "\n";
  }
  return out;
}

}  // namespace ponte::demo
