// Runs simulations in the background: one task runner (task_runner.h) per kind of run, so
// each kind is latest-wins on its own: a new request replaces a waiting one and cancels the
// run in progress, whose results are then dropped, never delivered. Finished runs wait
// until the UI thread takes them, so the UI keeps showing the last results until new ones
// arrive. Natively each runner has a thread of its own; without threads (the browser build,
// or setSliced(true) in tests) a run is done when take() is called, between frames.
//
//   RunWorker worker;
//   worker.submit(RunSlot::Current, {.scenario = snap, .tag = revision});
//   ... each frame:
//   if (auto done = worker.take(RunSlot::Current)) show(done->results);
//
// Tests call waitIdle() to block until every submitted run has finished. setWake() gives
// the worker a hook it calls after each finished or cancelled run (wake.h), so a main loop
// that waits for events draws the results at once.
#pragma once

#include "app/core/task_runner.h"
#include "app/core/wake.h"
#include "engine/results.h"
#include "engine/scenario.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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

// One run: simulate() with the request's trace, the Why sentences in the interface
// language. Never throws (an error is in RunOutput::error).
RunOutput runRequest(const RunRequest& request);

class RunWorker {
 public:
  using RunFunction = std::function<RunOutput(const RunRequest&)>;

  // `run` does one run (tests pass one they can hold back); by default runRequest.
  explicit RunWorker(RunFunction run = runRequest) : run_(std::move(run)) {}
  RunWorker(const RunWorker&) = delete;
  RunWorker& operator=(const RunWorker&) = delete;

  // Queues a run of the slot, superseding its waiting request and cancelling its run in
  // progress (which is then not delivered).
  void submit(RunSlot slot, RunRequest request);
  // The newest finished run of a slot, once. Sliced: does the slot's waiting run first.
  std::optional<RunOutput> take(RunSlot slot);
  // True when a slot holds a finished run that take() has not taken yet.
  bool hasResults() const;
  // Called (from a runner's thread) after each finished or cancelled run; empty: none.
  // Once setWake({}) has returned the old hook is never called again.
  void setWake(const WakeHook& wake);
  // True while a request of the slot is pending or running.
  bool busy(RunSlot slot) const;
  bool busy() const;
  void waitIdle();
  int cancelledCount(RunSlot slot) const;  // runs superseded before they were delivered
  // Without threads (the browser build; tests switch it on) a run is done in take().
  void setSliced(bool on);

 private:
  TaskRunner& runner(RunSlot slot) { return runners_[static_cast<size_t>(slot)]; }
  const TaskRunner& runner(RunSlot slot) const { return runners_[static_cast<size_t>(slot)]; }

  RunFunction run_;
  std::array<TaskRunner, kRunSlots> runners_;
};

}  // namespace cp::app
