// A deterministic parallel loop: workers take chunks of consecutive indices from a shared
// counter, each index's work writes only to its own slot, so results never depend on the
// thread count or on which worker ran an index. Chunks shrink as the work runs out
// (guided scheduling): large at first, so the counter is touched rarely, one index at
// the end, so no worker waits long for another.
//
//   std::vector<Results> out(n);
//   parallelFor(n, threads, cancel, [&](std::size_t i) { out[i] = simulate(variants[i]); });
//
//   // With per-worker scratch state (made once per worker, reused for all its indices):
//   parallelForEach(n, threads, cancel, [] { return Buffers{}; },
//                   [&](Buffers& b, std::size_t i) { ... });
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
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  (void)threads, (void)work;
  return 1;  // WebAssembly without threads: the loop runs on the calling thread
#endif
  const int t = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return static_cast<int>(std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(t), work)));
}

// The next chunk when `left` indices remain: a quarter of a worker's fair share. Only the
// schedule depends on it, never a result.
inline std::size_t chunkSize(std::size_t left, int threads) {
  return std::max<std::size_t>(1, left / (static_cast<std::size_t>(std::max(threads, 1)) * 4));
}

template <class MakeState, class Body>
void parallelForEach(std::size_t n, int threads, const std::atomic<bool>* cancel, MakeState&& make_state, Body&& body) {
  const int t = resolveThreads(threads, n);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    try {
      auto state = make_state();
      for (;;) {
        std::size_t begin = next.load();
        std::size_t end = 0;
        do {
          if (begin >= n) return;
          end = begin + chunkSize(n - begin, t);
        } while (!next.compare_exchange_weak(begin, end));
        for (std::size_t i = begin; i < end; ++i) {
          if (failed.load(std::memory_order_relaxed) || (cancel && cancel->load())) return;
          body(state, i);
        }
      }
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
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

template <class Body>
void parallelFor(std::size_t n, int threads, const std::atomic<bool>* cancel, Body&& body) {
  struct None {};
  parallelForEach(
      n, threads, cancel, [] { return None{}; }, [&](None&, std::size_t i) { body(i); });
}

}  // namespace cp
