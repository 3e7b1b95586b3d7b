// Time in ponte: instants are UTC seconds inside; civil time and an IANA zone
// only at the edges (import, display, calendar feeds).
//
//   PONTE_ASSIGN_OR_RETURN(Instant t, FromCivil({2026, 10, 12, 9, 30}, "Asia/Shanghai"));
//   CivilTime local = *ToCivil(t, "Europe/Rome");    // 2026-10-12 03:30
//   std::string iso = FormatUtc(t);                  // "2026-10-12T01:30:00Z"
//
// Zone conversions use ICU's time-zone database; an unknown zone name is an
// InvalidArgument error. All functions are thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ponte {

using Instant = std::chrono::sys_seconds;  // UTC, second resolution
using Minutes = std::chrono::minutes;
using Seconds = std::chrono::seconds;

struct CivilTime {
  int year = 1970;
  int month = 1;   // 1..12
  int day = 1;     // 1..31
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  int second = 0;  // 0..59
  friend bool operator==(const CivilTime&, const CivilTime&) = default;
};

struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  // clang-tidy 14 reports a false modernize-use-nullptr on defaulted <=>.
  // NOLINTNEXTLINE(modernize-use-nullptr)
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// True if `zone` names an IANA zone known to ICU ("Asia/Shanghai", "UTC").
bool IsValidTimeZone(std::string_view zone);

// Civil time in `zone` -> instant. Skipped local times (DST gaps) resolve forward.
Result<Instant> FromCivil(const CivilTime& civil, std::string_view zone);
// Instant -> civil time in `zone`.
Result<CivilTime> ToCivil(Instant instant, std::string_view zone);
// Offset of `zone` from UTC at `instant`, in minutes (Asia/Shanghai: +480).
Result<Minutes> UtcOffset(Instant instant, std::string_view zone);

// "2026-10-12T01:30:00Z"
std::string FormatUtc(Instant instant);
// Parses "2026-10-12T01:30:00Z" (also "+08:00" offsets and a missing seconds field).
Result<Instant> ParseUtc(std::string_view text);
// "2026-10-12" <-> CivilDate; invalid dates are InvalidArgument.
Result<CivilDate> ParseDate(std::string_view text);
std::string FormatDate(const CivilDate& date);
// "09:30" -> minutes after midnight.
Result<Minutes> ParseClock(std::string_view text);
std::string FormatClock(Minutes since_midnight);
// "2026-10-12 09:30" in the given zone's civil time.
std::string FormatCivil(const CivilTime& civil);

// Days from 1970-01-01 (proleptic Gregorian), the calendar arithmetic helper.
std::int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(std::int64_t days);

}  // namespace ponte
