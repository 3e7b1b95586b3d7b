#include "core/time.h"

#include <gtest/gtest.h>

namespace ponte {
namespace {

TEST(Time, CivilRoundTripInShanghai) {
  auto t = FromCivil({2026, 10, 12, 9, 30, 0}, "Asia/Shanghai");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(FormatUtc(*t), "2026-10-12T01:30:00Z");
  auto back = ToCivil(*t, "Asia/Shanghai");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, (CivilTime{2026, 10, 12, 9, 30, 0}));
}

TEST(Time, RomeObservesDaylightSaving) {
  auto summer = FromCivil({2026, 7, 1, 12, 0, 0}, "Europe/Rome");
  auto winter = FromCivil({2026, 12, 1, 12, 0, 0}, "Europe/Rome");
  EXPECT_EQ(UtcOffset(*summer, "Europe/Rome")->count(), 120);
  EXPECT_EQ(UtcOffset(*winter, "Europe/Rome")->count(), 60);
  EXPECT_EQ(ToCivil(*summer, "Asia/Shanghai")->hour, 18);
}

TEST(Time, UnknownZoneIsInvalidArgument) {
  EXPECT_FALSE(IsValidTimeZone("Mars/Olympus"));
  auto t = FromCivil({2026, 1, 1, 0, 0, 0}, "Mars/Olympus");
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
}

TEST(Time, ParsesAndFormatsUtc) {
  auto t = ParseUtc("2026-10-12T09:30:00+08:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatUtc(*t), "2026-10-12T01:30:00Z");
  EXPECT_EQ(FormatUtc(*ParseUtc("2026-10-12T01:30Z")), "2026-10-12T01:30:00Z");
  EXPECT_FALSE(ParseUtc("12/10/2026").ok());
}

TEST(Time, DatesAndClocks) {
  EXPECT_EQ(FormatDate(*ParseDate("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(ParseDate("2026-02-29").ok());
  EXPECT_EQ(ParseClock("09:30")->count(), 570);
  EXPECT_FALSE(ParseClock("24:00").ok());
  EXPECT_EQ(FormatClock(Minutes(570)), "09:30");
  for (std::int64_t d = -1000; d < 1000; d += 37) EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
}

}  // namespace
}  // namespace ponte
