// A deterministic parallel loop: workers pull indices from a shared counter, each index's
// work writes only to its own slot, so results never depend on the thread count.
//
//   std::vector<Results> out(n);
//   parallelFor(n, threads, cancel, [&](std::size_t i) { out[i] = simulate(variants[i]); });
//
// With `cancel` set, workers start no new index (finished ones stay done). The first
// exception thrown by `body` stops the workers and is rethrown after they have joined.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cp {

// threads <= 0: one per hardware thread; never more workers than items, never fewer than 1.
inline int resolveThreads(int threads, std::size_t work) {
  const int t = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return static_cast<int>(std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(t), work)));
}

template <class Body>
void parallelFor(std::size_t n, int threads, const std::atomic<bool>* cancel, Body&& body) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (;;) {
      if (failed.load() || (cancel && cancel->load())) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= n) return;
      try {
        body(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  const int t = resolveThreads(threads, n);
  if (t == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(t));
    for (int i = 0; i < t; ++i) pool.emplace_back(worker);
    for (auto& th : pool) th.join();
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace cp
