// Runs simulations off the UI thread: one std::thread, one condition variable, and a slot
// per kind of run in which the latest request wins (older pending requests are dropped).
// Finished runs wait in their slot until the UI thread takes them, so the UI keeps
// showing the last results until new ones arrive.
//
//   RunWorker worker;
//   worker.submit(RunSlot::Current, {.scenario = snap, .tag = revision});
//   ... each frame:
//   if (auto done = worker.take(RunSlot::Current)) show(done->results);
//
// Tests call waitIdle() to block until every submitted run has finished. setWake() gives
// the worker a hook it calls after each finished run (wake.h), so a main loop that waits
// for events draws the results at once.
#pragma once

#include "app/core/wake.h"
#include "engine/results.h"
#include "engine/scenario.h"

#include <array>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cp::app {

enum class RunSlot { Current = 0, Baseline = 1, Trace = 2 };
inline constexpr int kRunSlots = 3;

struct RunRequest {
  std::shared_ptr<const cp::Scenario> scenario;
  std::uint64_t tag = 0;   // the caller's id of this request (e.g. document revision)
  int trace_company = -1;  // record the options of this company...
  int trace_month = -1;    // ...in this absolute month (RunOptions)
};

struct RunOutput {
  std::shared_ptr<const cp::Results> results;
  std::shared_ptr<const cp::Scenario> scenario;  // what was run
  // rule_active[r][t]: rule r in force in month index t (the rule timeline).
  std::shared_ptr<const std::vector<std::vector<char>>> rule_active;
  std::uint64_t tag = 0;
  int trace_company = -1, trace_month = -1;  // echo of the request
  std::string error;                         // non-empty: the run threw; results is null
  double milliseconds = 0;
};

class RunWorker {
 public:
  RunWorker() = default;
  ~RunWorker();
  RunWorker(const RunWorker&) = delete;
  RunWorker& operator=(const RunWorker&) = delete;

  // Queues a run (starting the thread on first use). Replaces a pending request of
  // the same slot; a run already in progress finishes and is delivered.
  void submit(RunSlot slot, RunRequest request);
  // The newest finished run of a slot, once.
  std::optional<RunOutput> take(RunSlot slot);
  // True when a slot holds a finished run that take() has not taken yet.
  bool hasResults() const;
  // Called (from the worker thread) after each finished run; empty: none. Once
  // setWake({}) has returned the old hook is never called again.
  void setWake(WakeHook wake);
  // True while a request of the slot is pending or running.
  bool busy(RunSlot slot) const;
  bool busy() const;
  void waitIdle();

 private:
  void loop();
  static RunOutput run(const RunRequest& request);

  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::array<std::optional<RunRequest>, kRunSlots> pending_;
  std::array<std::optional<RunOutput>, kRunSlots> done_;
  std::array<bool, kRunSlots> running_{};
  bool stop_ = false;
  WakeHook wakeHook_;
  std::thread thread_;
};

}  // namespace cp::app
