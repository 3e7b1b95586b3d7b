#include "core/clock.h"

#include <gtest/gtest.h>

#include <atomic>

namespace ponte {
namespace {

TEST(Deadline, NeverDoesNotExpire) {
  const Deadline d = Deadline::Never();
  EXPECT_FALSE(d.Expired());
  EXPECT_GT(d.Remaining(), 1e9);
}

TEST(Deadline, CancelFlagExpiresItAtOnce) {
  std::atomic<bool> cancel{false};
  const Deadline d = Deadline::After(std::chrono::hours(1)).WithCancel(&cancel);
  EXPECT_FALSE(d.Expired());
  EXPECT_GT(d.Remaining(), 3000.0);
  cancel = true;
  EXPECT_TRUE(d.Expired());
  EXPECT_EQ(d.Remaining(), 0.0);
}

TEST(Deadline, NullCancelFlagIsIgnored) {
  const Deadline d = Deadline::Never().WithCancel(nullptr);
  EXPECT_FALSE(d.Expired());
}

}  // namespace
}  // namespace ponte
