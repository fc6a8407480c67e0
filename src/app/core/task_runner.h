// One piece of background work at a time, the latest request winning: submitting a task
// cancels the one in progress and replaces one still waiting. A task is done in steps
// (Task::step returns true once complete); the runner
//   - natively, steps it on a thread of its own until it is complete or cancelled;
//   - sliced (no threads: the browser build; tests switch it on), steps it once per take(),
//     so the frame loop advances the work a little each frame and the page keeps drawing.
// A task that knows it has a thread may do all its work in its first step (TaskContext::sliced
// says which); either way the result must be the same bits.
//
//   runner.submit(tag, std::make_shared<MyTask>(...));
//   ... each frame:
//   if (auto done = runner.take()) show(static_cast<MyTask&>(*done->task).result);
//
// setWake() gives the runner a hook it calls when a task finishes or stops (wake.h), so a
// main loop that waits for events draws the result at once.
#pragma once

#include "app/core/no_threads.h"
#include "app/core/wake.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace cp::app {

// What a task's step is given.
struct TaskContext {
  bool sliced = false;                                // do a small part of the work and return
  const std::atomic<bool>* cancel = nullptr;          // turns true when superseded or cancelled (threaded)
  std::function<void(int done, int total)> progress;  // safe from any thread
  bool cancelled() const { return cancel && cancel->load(); }
};

class Task {
 public:
  virtual ~Task() = default;
  // Does the next part of the work; true once it is complete. Catches its own errors
  // (an exception ends the task unfinished, like a cancel).
  virtual bool step(const TaskContext& ctx) = 0;
};

class TaskRunner {
 public:
  struct Progress {
    std::uint64_t tag = 0;
    int done = 0, total = 0;
    bool running = false;
  };
  struct Finished {
    std::uint64_t tag = 0;
    std::shared_ptr<Task> task;  // holds its result
  };

  TaskRunner() = default;
  ~TaskRunner();
  TaskRunner(const TaskRunner&) = delete;
  TaskRunner& operator=(const TaskRunner&) = delete;

  // Starts the task (tagged by the caller), superseding the one in progress; `total` is
  // the progress total shown until the task reports its own.
  void submit(std::uint64_t tag, std::shared_ptr<Task> task, int total = 0);
  void cancel();  // stops the task in progress, drops the waiting one
  // The newest complete task, once. Sliced: first advances the task in progress a step.
  std::optional<Finished> take();
  bool hasFinished() const;  // take() would return one (without a step)
  Progress progress() const;
  bool busy() const;           // a task is in progress or waiting
  void waitIdle();             // sliced: steps until it is done
  int cancelledCount() const;  // tasks stopped before they completed
  // Called (from the runner's thread, under its lock) when a task finishes or stops.
  // Once setWake({}) has returned the old hook is never called again.
  void setWake(WakeHook wake);
  void setSliced(bool on) { sliced_ = on; }
  bool sliced() const { return sliced_; }

 private:
  struct Job {
    std::uint64_t tag = 0;
    std::shared_ptr<Task> task;
    int total = 0;
  };
  void loop();
  void step();                        // sliced: one step of slice_
  void begin(const Job& job);         // under the lock: progress of a starting job
  void end(Job& job, bool complete);  // under the lock: deliver or count it, wake
  TaskContext context(bool sliced);

  bool sliced_ = !kHasThreads;
  std::optional<Job> slice_;  // sliced: the task in progress
  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<Job> pending_;
  std::optional<Finished> finished_;
  bool running_ = false, stop_ = false;
  std::uint64_t runningTag_ = 0;
  int cancelled_ = 0;
  std::atomic<bool> cancel_{false};
  std::atomic<int> progressDone_{0}, progressTotal_{0};
  WakeHook wakeHook_;
  std::thread thread_;
};

}  // namespace cp::app
