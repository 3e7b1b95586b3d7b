// Progress: one status line for long work, shown only when stderr is a
// terminal, silent when piped or redirected (so logs and CI stay clean).
//
//   Progress progress("importing");
//   for (...) progress.Update(fmt::format("{}/{} rows", i, n));
//   progress.Done();
//
// Updates are throttled to about 10 per second. Thread-compatible, not
// thread-safe: report from one thread.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace ponte {

class Progress {
 public:
  explicit Progress(std::string label);
  // Forces the terminal check (for tests and --progress / --quiet flags).
  Progress(std::string label, bool enabled);
  ~Progress();

  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }
  void Update(std::string_view text);
  // Clears the line.
  void Done();

 private:
  std::string label_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// True if stderr is an interactive terminal.
bool StderrIsTerminal();

}  // namespace ponte
