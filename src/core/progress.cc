#include "core/progress.h"

#include <unistd.h>

#include <cstdio>

namespace ponte {
namespace {
constexpr auto kMinInterval = std::chrono::milliseconds(100);
}  // namespace

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string label) : Progress(std::move(label), StderrIsTerminal()) {}
Progress::Progress(std::string label, bool enabled) : label_(std::move(label)), enabled_(enabled) {}
Progress::~Progress() { Done(); }

void Progress::Update(std::string_view text) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_ < kMinInterval) return;
  last_ = now;
  shown_ = true;
  std::fprintf(stderr, "\r\033[K%s: %.*s", label_.c_str(), static_cast<int>(text.size()),
               text.data());
  std::fflush(stderr);
}

void Progress::Done() {
  if (!enabled_ || !shown_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace ponte
