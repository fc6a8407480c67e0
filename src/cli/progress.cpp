#include "cli/progress.h"

#include <csignal>

#include <fmt/format.h>
#include <unistd.h>

namespace cp::cli {

namespace {
// Lock-free, so touching it from a signal handler is safe.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onSigint(int) { g_interrupted.store(true); }

struct sigaction g_previous {};
}  // namespace

void requestInterrupt() { g_interrupted.store(true); }

InterruptScope::InterruptScope() {
  g_interrupted.store(false);
  struct sigaction sa {};
  sa.sa_handler = onSigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // one-shot: a second Ctrl+C terminates
  sigaction(SIGINT, &sa, &g_previous);
}

InterruptScope::~InterruptScope() { sigaction(SIGINT, &g_previous, nullptr); }

const std::atomic<bool>* InterruptScope::flag() const { return &g_interrupted; }

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
