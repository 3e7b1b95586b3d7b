// A generator of bipartite Italy–China B2B events for the scale benchmark.
//
//   GeneratorOptions options;
//   options.meetings = 6000;
//   schedule::Problem problem = GenerateItalyChinaEvent(options);
//
// Two countries; meetings only across them; demand is skewed (a few popular
// organisations get many requests, Zipf-like); each participant arrives late or
// leaves early on some days (forbidden slots at the start or end of a day);
// tables are scarce (a few percent above the meetings per slot) and so are
// interpreters (Italian–Chinese pairs for the meetings without a shared
// language). Participants stay in one city per day. Deterministic per seed.
#pragma once

#include <cstdint>

#include "schedule/problem.h"

namespace ponte::schedule {

struct GeneratorOptions {
  int meetings = 6000;
  int participants = 0;  // 0 = meetings / 6
  int days = 2;
  int slots_per_day = 16;
  double table_slack = 1.1;  // tables = slack * meetings / slots
  std::uint64_t seed = 1;
};

Problem GenerateItalyChinaEvent(const GeneratorOptions& options);

}  // namespace ponte::schedule
