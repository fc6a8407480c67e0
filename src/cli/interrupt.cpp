#include "cli/interrupt.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <unistd.h>

namespace cp::cli {

namespace {
// Everything the handler touches is lock-free or written before it is published.
std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signals{0};  // signals received during the current scope
std::atomic<int> g_scopes{0};
std::atomic<bool> g_installed{false};
bool g_stderr_tty = false;
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

struct Slot {
  std::atomic<bool> claimed{false}, ready{false};
  char path[4096] = {};
};
Slot g_slots[8];

void say(const char* text) {
  const ssize_t n = ::write(2, text, std::strlen(text));
  (void)n;
}

extern "C" void onSignal(int sig) {
  const int saved_errno = errno;
  if (g_scopes.load() > 0) {
    const int n = g_signals.fetch_add(1) + 1;
    if (n <= 2) {
      if (n == 1) {
        g_interrupted.store(true);
        say(g_stderr_tty ? "\nchokepoint-cli: stopping...\n" : "chokepoint-cli: stopping...\n");
      } else {
        say("chokepoint-cli: finishing the output; press Ctrl+C again to abandon it\n");
      }
      errno = saved_errno;
      return;
    }
  }
  for (Slot& s : g_slots)
    if (s.ready.load()) ::unlink(s.path);
  if (g_scopes.load() > 0) say("chokepoint-cli: abandoned; the output is not written\n");
  // Die of the signal, as without a handler, so that a calling shell script stops too.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  ::raise(sig);  // blocked until this handler returns
}

}  // namespace

void installSignalHandlers() {
  if (g_installed.exchange(true)) return;
  g_stderr_tty = ::isatty(2) == 1;
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    // nohup's ignored hang-up stays ignored. Ctrl+C is caught even when ignored at start
    // (`cmd &` in a script), so `kill -INT` stops a background job cleanly too.
    struct sigaction old {};
    if (sig == SIGHUP && sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;  // writes in progress go on
    sigaction(sig, &sa, nullptr);
  }
}

void requestInterrupt() { g_interrupted.store(true); }

InterruptScope::InterruptScope() {
  installSignalHandlers();
  g_interrupted.store(false);
  g_signals.store(0);
  g_scopes.fetch_add(1);
}

InterruptScope::~InterruptScope() { g_scopes.fetch_sub(1); }

const std::atomic<bool>* InterruptScope::flag() const { return &g_interrupted; }

int registerTemporaryFile(const std::string& path) {
  if (path.size() >= sizeof(Slot::path)) return -1;
  for (int i = 0; i < static_cast<int>(std::size(g_slots)); ++i) {
    Slot& s = g_slots[i];
    bool expected = false;
    if (!s.claimed.compare_exchange_strong(expected, true)) continue;
    std::memcpy(s.path, path.c_str(), path.size() + 1);
    s.ready.store(true);
    return i;
  }
  return -1;
}

void releaseTemporaryFile(int slot) {
  if (slot < 0) return;
  g_slots[slot].ready.store(false);
  g_slots[slot].claimed.store(false);
}

}  // namespace cp::cli
