// Long commands: a progress bar on stderr, and a clean stop on Ctrl+C (interrupt.h).
//
//   InterruptScope stop;                       // Ctrl+C sets a flag while it lives
//   Progress bar(err, quiet, "runs");          // draws only when stderr is a terminal
//   o.cancel = stop.flag();
//   o.progress = [&](int done, int total) { bar.update(done, total); };
//   ... run ...
//   bar.finish();
//   if (stop.interrupted()) -> write what finished, mark the output partial, exit 1
#pragma once
#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

namespace cp::cli {

class Progress {
 public:
  // Draws when !quiet and file descriptor 2 is a terminal; otherwise stays silent.
  Progress(std::ostream& err, bool quiet, std::string unit);
  ~Progress() { finish(); }
  // Thread-safe; redraws at most ten times a second (and at the end).
  void update(int done, int total);
  // Ends the bar's line. Safe to call twice.
  void finish();
  bool enabled() const { return enabled_; }

 private:
  std::ostream& err_;
  bool enabled_ = false, drawn_ = false;
  std::string unit_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point begin_, last_;
};

}  // namespace cp::cli
