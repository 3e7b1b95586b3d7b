#include "core/time.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <charconv>
#include <cstdio>
#include <map>
#include <memory>

namespace ponte {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kSecondsPerMinute = 60;

// ICU builds a zone from its resource data, which costs tens of
// microseconds; each thread keeps the zones it has used and hands out clones.
std::unique_ptr<icu::TimeZone> LoadZone(std::string_view zone) {
  thread_local std::map<std::string, std::unique_ptr<icu::TimeZone>, std::less<>> cache;
  auto it = cache.find(zone);
  if (it == cache.end()) {
    icu::UnicodeString id = icu::UnicodeString::fromUTF8(
        icu::StringPiece(zone.data(), static_cast<int32_t>(zone.size())));
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(id));
    if (tz && *tz == icu::TimeZone::getUnknown()) tz.reset();
    it = cache.emplace(std::string(zone), std::move(tz)).first;
  }
  if (!it->second) return nullptr;
  return std::unique_ptr<icu::TimeZone>(it->second->clone());
}

bool ParseInt(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ValidDate(const CivilDate& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

}  // namespace

std::int64_t DaysFromCivil(const CivilDate& date) {
  // Howard Hinnant's days_from_civil.
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (date.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

bool IsValidTimeZone(std::string_view zone) { return LoadZone(zone) != nullptr; }

Result<Minutes> UtcOffset(Instant instant, std::string_view zone) {
  auto tz = LoadZone(zone);
  if (!tz) return InvalidArgumentError("unknown time zone '" + std::string(zone) + "'");
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0;
  int32_t dst = 0;
  const auto millis = static_cast<UDate>(instant.time_since_epoch().count()) * 1000.0;
  tz->getOffset(millis, /*local=*/false, raw, dst, status);
  if (U_FAILURE(status)) return InternalError("ICU getOffset failed");
  return Minutes((raw + dst) / 60000);
}

Result<Instant> FromCivil(const CivilTime& civil, std::string_view zone) {
  if (!ValidDate({civil.year, civil.month, civil.day}) || civil.hour < 0 || civil.hour > 23 ||
      civil.minute < 0 || civil.minute > 59 || civil.second < 0 || civil.second > 59) {
    return InvalidArgumentError("invalid civil time " + FormatCivil(civil));
  }
  auto tz = LoadZone(zone);
  if (!tz) return InvalidArgumentError("unknown time zone '" + std::string(zone) + "'");
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar cal(tz.release(), status);
  if (U_FAILURE(status)) return InternalError("ICU calendar failed");
  cal.clear();
  cal.set(civil.year, civil.month - 1, civil.day, civil.hour, civil.minute, civil.second);
  const UDate millis = cal.getTime(status);
  if (U_FAILURE(status)) return InternalError("ICU getTime failed");
  return Instant(Seconds(static_cast<std::int64_t>(millis / 1000.0)));
}

namespace {

// The civil time `seconds` after 1970-01-01 00:00 (of any zone's clock).
CivilTime CivilFromSeconds(std::int64_t seconds) {
  std::int64_t days = seconds / kSecondsPerDay;
  std::int64_t rest = seconds % kSecondsPerDay;
  if (rest < 0) {
    rest += kSecondsPerDay;
    --days;
  }
  const CivilDate date = CivilFromDays(days);
  return CivilTime{date.year,
                   date.month,
                   date.day,
                   static_cast<int>(rest / 3600),
                   static_cast<int>(rest / 60 % 60),
                   static_cast<int>(rest % 60)};
}

}  // namespace

Result<CivilTime> ToCivil(Instant instant, std::string_view zone) {
  PONTE_ASSIGN_OR_RETURN(Minutes offset, UtcOffset(instant, zone));
  return CivilFromSeconds(instant.time_since_epoch().count() + offset.count() * kSecondsPerMinute);
}

std::string FormatUtc(Instant instant) {
  const CivilTime c = CivilFromSeconds(instant.time_since_epoch().count());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  return buf;
}

std::string FormatCivil(const CivilTime& c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour,
                c.minute);
  return buf;
}

std::string FormatDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Result<CivilDate> ParseDate(std::string_view text) {
  CivilDate d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !ParseInt(text.substr(0, 4), d.year) || !ParseInt(text.substr(5, 2), d.month) ||
      !ParseInt(text.substr(8, 2), d.day) || !ValidDate(d)) {
    return InvalidArgumentError("expected a date YYYY-MM-DD, got '" + std::string(text) + "'");
  }
  return d;
}

Result<Minutes> ParseClock(std::string_view text) {
  int h = 0;
  int m = 0;
  if (text.size() != 5 || text[2] != ':' || !ParseInt(text.substr(0, 2), h) ||
      !ParseInt(text.substr(3, 2), m) || h > 23 || m > 59 || h < 0 || m < 0) {
    return InvalidArgumentError("expected a time HH:MM, got '" + std::string(text) + "'");
  }
  return Minutes(h * 60 + m);
}

std::string FormatClock(Minutes since_midnight) {
  char buf[48];
  const auto total = since_midnight.count();
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(total / 60),
                static_cast<long long>(total % 60));
  return buf;
}

Result<Instant> ParseUtc(std::string_view text) {
  auto fail = [&] {
    return InvalidArgumentError("expected an ISO 8601 instant like 2026-10-12T09:30:00Z, got '" +
                                std::string(text) + "'");
  };
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return fail();
  auto date = ParseDate(text.substr(0, 10));
  if (!date.ok()) return fail();
  auto clock = ParseClock(text.substr(11, 5));
  if (!clock.ok()) return fail();
  std::string_view rest = text.substr(16);
  int second = 0;
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !ParseInt(rest.substr(1, 2), second) || second > 59) return fail();
    rest = rest.substr(3);
  }
  std::int64_t offset_seconds = 0;
  if (rest == "Z" || rest == "z") {
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    auto off = ParseClock(rest.substr(1, 5));
    if (!off.ok()) return fail();
    offset_seconds = off->count() * kSecondsPerMinute * (rest[0] == '-' ? -1 : 1);
  } else {
    return fail();
  }
  const std::int64_t seconds = DaysFromCivil(*date) * kSecondsPerDay +
                               clock->count() * kSecondsPerMinute + second - offset_seconds;
  return Instant(Seconds(seconds));
}

}  // namespace ponte
