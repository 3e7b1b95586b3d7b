// Registry statistics: who is taking part, from where, in which themes and
// speaking which languages. Used by `ponte demo` and, later, the dashboards.
//
//   RegistrySummary s = SummarizeRegistry(orgs, people, profiles, taxonomy);
//   std::fputs(FormatRegistrySummary(s, taxonomy).c_str(), stdout);
//
// Pure functions over plain values; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/taxonomy.h"
#include "service/recommend_event.h"
#include "service/schedule_event.h"

namespace ponte::demo {

struct RegistrySummary {
  int organizations = 0;
  int people = 0;
  int profiles = 0;
  // country -> organization type code -> count
  std::map<std::string, std::map<std::string, int>> by_country_and_type;
  // top-level theme code -> number of profiles tagged with it (or a child)
  std::map<std::string, int> profiles_by_theme;
  // profile text language -> profiles written (also) in it
  std::map<std::string, int> profiles_by_language;
  // country -> "languages spoken" label ("it+en", "zh") -> people
  std::map<std::string, std::map<std::string, int>> languages_by_country;
  int people_needing_interpreter = 0;
};

RegistrySummary SummarizeRegistry(const std::vector<Organization>& organizations,
                                  const std::vector<Person>& people,
                                  const std::vector<Profile>& profiles, const Taxonomy& taxonomy);

// Plain-text tables for a terminal.
std::string FormatRegistrySummary(const RegistrySummary& summary, const Taxonomy& taxonomy);

// The scheduler's result for an event: status, objective and a line per day
// (meetings, breaks, peak tables in use, interpreter load).
std::string FormatScheduleSummary(const service::EventSchedule& schedule);

// One organization's best partners with their explanations, in `lang`.
std::string FormatRecommendations(const service::EventData& data,
                                  service::EventRecommendations& recs, std::size_t index,
                                  text::Language lang, std::size_t k);

}  // namespace ponte::demo
