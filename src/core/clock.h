// Clock and Deadline: injected time, so engines and the server can be tested
// with a fake clock and time limits stay honest.
//
//   Deadline deadline = Deadline::After(std::chrono::seconds(5));
//   while (!deadline.Expired()) Improve();
//
// SystemClock() is thread-safe; a FakeClock is for tests on one thread.
#pragma once

#include <atomic>
#include <chrono>

#include "core/time.h"

namespace ponte {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;  // wall clock, UTC
};

// The real wall clock.
const Clock& SystemClock();

// A clock that only moves when told to.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : now_(start) {}
  Instant Now() const override { return now_; }
  void Advance(Seconds by) { now_ += by; }

 private:
  Instant now_;
};

// A monotonic time budget. Deadline::Never() never expires.
class Deadline {
 public:
  using SteadyClock = std::chrono::steady_clock;

  static Deadline After(std::chrono::duration<double> budget) {
    return Deadline(SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(budget));
  }
  static Deadline Never() { return Deadline(SteadyClock::time_point::max()); }

  // The same deadline, also expired as soon as `*cancel` becomes true (a user
  // stopped the work). `cancel` may be null and must outlive the deadline.
  Deadline WithCancel(const std::atomic<bool>* cancel) const {
    Deadline d = *this;
    d.cancel_ = cancel;
    return d;
  }

  bool Expired() const {
    return (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) ||
           SteadyClock::now() >= end_;
  }
  // Seconds left (0 if expired).
  double Remaining() const {
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) return 0.0;
    if (end_ == SteadyClock::time_point::max()) return 1e18;
    const auto left = std::chrono::duration<double>(end_ - SteadyClock::now()).count();
    return left > 0 ? left : 0.0;
  }

 private:
  explicit Deadline(SteadyClock::time_point end) : end_(end) {}
  SteadyClock::time_point end_;
  const std::atomic<bool>* cancel_ = nullptr;
};

// Seconds since construction, for reporting.
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace ponte
