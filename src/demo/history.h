// The demo programme's past: two earlier editions of the Week before the demo
// event, so that follow-up, reports and "met before" have something real to
// show.
//
//   PONTE_ASSIGN_OR_RETURN(DemoHistory history, BuildDemoHistory(*store, /*seed=*/2024));
//   std::puts(FormatHistorySummary(history).c_str());
//
// icstiw-2024 was held in Beijing and Shanghai (Asia/Shanghai), icstiw-2025
// in Rome and Milan (Europe/Rome): the Week alternates between the two
// countries. Each edition has its sessions, interpreters, requests (accepted,
// declined, expired, cancelled), a timetable whose meetings were held, missed
// or cancelled, and outcomes reported afterwards at every stage of the
// follow-up ladder, of every kind and in every review state — most from
// meetings, some from expressions of interest (requests that never became a
// held meeting). About half of the 2024 organizations came back in 2025, and
// a few pairs met in both editions. Three news items are published.
//
// Needs the demo registry (organizations) already imported. Deterministic for
// a given seed and registry; refuses (AlreadyExists) a database that already
// has the past editions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace ponte::demo {

inline constexpr char kDemoEdition2024[] = "icstiw-2024";
inline constexpr char kDemoEdition2025[] = "icstiw-2025";

struct EditionSummary {
  std::string key;
  std::string cities;  // "Beijing, Shanghai"
  std::string dates;   // "2024-11-18 → 2024-11-19"
  int organizations = 0;
  int requests = 0;
  int accepted = 0;
  int meetings = 0;
  int held = 0;
  int no_shows = 0;
  int cancelled = 0;
  int outcomes = 0;
  int validated = 0;
  int agreements = 0;  // validated outcomes at stage agreement
};

struct DemoHistory {
  std::vector<EditionSummary> editions;
  int returning = 0;        // 2024 organizations that came back in 2025
  int pairs_met_again = 0;  // pairs with a held meeting in both editions
  int news = 0;
};

Result<DemoHistory> BuildDemoHistory(Store& store, std::uint64_t seed = 2024);

// Gives the staff (organizers and support office) of `event` the same role in
// the past editions, so that the demo's organizer sees the programme's reports.
Status ShareStaffWithPastEditions(Store& store, EventId event);

// A few lines for `ponte demo`'s output.
std::string FormatHistorySummary(const DemoHistory& history);

}  // namespace ponte::demo
