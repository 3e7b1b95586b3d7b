#include "core/clock.h"

namespace ponte {
namespace {

class RealClock final : public Clock {
 public:
  Instant Now() const override {
    return std::chrono::time_point_cast<Seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace

const Clock& SystemClock() {
  static const RealClock clock;
  return clock;
}

}  // namespace ponte
