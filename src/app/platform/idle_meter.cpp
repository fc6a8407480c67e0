#include "app/platform/idle_meter.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

namespace cp::app {

double processCpuSeconds() {
  rusage u{};
  if (getrusage(RUSAGE_SELF, &u) != 0) return 0.0;
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return seconds(u.ru_utime) + seconds(u.ru_stime);
}

std::string formatIdleReport(double wall_seconds, double cpu_seconds, int frames) {
  const double wall = std::max(wall_seconds, 1e-9);
  char line[160];
  std::snprintf(line, sizeof line,
                "idle: %.1f s after results, CPU %.2f%% of one core, %.2f frames drawn per second (%d frames)",
                wall_seconds, 100.0 * cpu_seconds / wall, static_cast<double>(frames) / wall, frames);
  return line;
}

void IdleMeter::start(Clock::time_point now) {
  started_ = true;
  wallStart_ = now;
  cpuStart_ = processCpuSeconds();
  frames_ = 0;
}

double IdleMeter::elapsed(Clock::time_point now) const {
  return started_ ? std::chrono::duration<double>(now - wallStart_).count() : 0.0;
}

std::string IdleMeter::report(Clock::time_point now) const {
  return formatIdleReport(elapsed(now), processCpuSeconds() - cpuStart_, frames_);
}

}  // namespace cp::app
