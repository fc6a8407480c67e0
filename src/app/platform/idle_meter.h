// Measures what an idle dashboard costs: the process's CPU time (all threads, user +
// system, from getrusage) and the frames drawn over a stretch of wall time. Used by
// --bench-idle SECONDS and by the idle phase of --bench-frames.
//
//   IdleMeter m;
//   m.start(now);                    // once the results are in
//   ... each frame drawn: m.countFrame();
//   if (m.elapsed(now) >= seconds) std::puts(m.report(now).c_str());
#pragma once

#include <chrono>
#include <string>

namespace cp::app {

// CPU seconds this process has used so far (every thread, user + system).
double processCpuSeconds();

// "idle: 10.0 s after results, CPU 0.4% of one core, 0.10 frames drawn per second (1 frames)"
std::string formatIdleReport(double wall_seconds, double cpu_seconds, int frames);

class IdleMeter {
 public:
  using Clock = std::chrono::steady_clock;

  void start(Clock::time_point now);
  bool started() const { return started_; }
  void countFrame() {
    if (started_) ++frames_;
  }
  double elapsed(Clock::time_point now) const;
  std::string report(Clock::time_point now) const;

 private:
  bool started_ = false;
  Clock::time_point wallStart_;
  double cpuStart_ = 0;
  int frames_ = 0;
};

}  // namespace cp::app
