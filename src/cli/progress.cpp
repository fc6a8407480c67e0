#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

namespace cp::cli {

Progress::Progress(std::ostream& err, bool quiet, std::string unit)
    : err_(err), enabled_(!quiet && ::isatty(2) == 1), unit_(std::move(unit)) {
  begin_ = last_ = std::chrono::steady_clock::now();
}

void Progress::update(int done, int total) {
  if (!enabled_ || total <= 0) return;
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(static_cast<long long>(kWidth) * done / total);
  const double elapsed = std::chrono::duration<double>(now - begin_).count();
  std::string eta;
  if (done > 0 && done < total) eta = fmt::format("  ~{:.0f} s left", elapsed * (total - done) / done);
  err_ << fmt::format("\r[{}{}] {}/{} {}{}\x1b[K", std::string(static_cast<size_t>(filled), '#'),
                      std::string(static_cast<size_t>(kWidth - filled), '.'), done, total, unit_, eta)
       << std::flush;
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (enabled_ && drawn_) err_ << "\n" << std::flush;
  drawn_ = false;
}

}  // namespace cp::cli
