// Polls a condition set by a worker thread, with a limit so a broken worker fails the test
// rather than hanging it.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace cp::test {

inline bool waitUntil(const std::function<bool()>& done, std::chrono::seconds limit = std::chrono::seconds(60)) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

}  // namespace cp::test
