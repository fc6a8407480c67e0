// The task runner behind the background workers: the latest request wins, cancel stops
// the task in progress, sliced mode advances a task one step per take(), and a task gives
// the same result sliced and threaded.
#include "app/core/task_runner.h"

#include "wait_until.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <thread>

using namespace cp::app;
using cp::test::waitUntil;

namespace {

// A hash chain over `n` items: sliced, one item per step; threaded, all in one step (as the
// real tasks do). Any lost, repeated or reordered item changes the value.
std::uint64_t mix(std::uint64_t h, int i) { return (h ^ static_cast<std::uint64_t>(i + 1)) * 1099511628211ull; }

std::uint64_t chain(int n) {
  std::uint64_t h = 14695981039346656037ull;
  for (int i = 0; i < n; ++i) h = mix(h, i);
  return h;
}

struct ChainTask : Task {
  explicit ChainTask(int n) : n(n) {}
  bool step(const TaskContext& ctx) override {
    ++steps;
    do {
      value = mix(value, next++);
      if (ctx.progress) ctx.progress(next, n);
    } while (!ctx.sliced && next < n);
    return next >= n;
  }
  int n, next = 0, steps = 0;
  std::uint64_t value = 14695981039346656037ull;
};

// Runs until cancelled (or 10 s, so that a runner that never cancels fails rather than
// hangs); complete only when not cancelled.
struct GateTask : Task {
  bool step(const TaskContext& ctx) override {
    started = true;
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!ctx.cancelled() && std::chrono::steady_clock::now() < end)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    stopped = ctx.cancelled();
    return !stopped;
  }
  std::atomic<bool> started{false}, stopped{false};
};

struct ThrowingTask : Task {
  bool step(const TaskContext&) override { throw std::runtime_error("broken"); }
};

}  // namespace

TEST(TaskRunner, ThreadedTaskCompletesWithItsTagAndWakesTheLoop) {
  TaskRunner runner;
  runner.setSliced(false);
  std::atomic<int> wakes{0};
  runner.setWake([&] { ++wakes; });
  auto task = std::make_shared<ChainTask>(50);
  runner.submit(7, task);
  runner.waitIdle();
  EXPECT_EQ(wakes.load(), 1);
  EXPECT_TRUE(runner.hasFinished());
  const auto done = runner.take();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->tag, 7u);
  EXPECT_EQ(done->task, task);
  EXPECT_EQ(task->value, chain(50));
  EXPECT_EQ(task->steps, 1) << "threaded, the task may do all its work in one step";
  EXPECT_FALSE(runner.take()) << "taken once";
  EXPECT_FALSE(runner.busy());
  EXPECT_EQ(runner.cancelledCount(), 0);
  runner.setWake({});
}

TEST(TaskRunner, ThreadedLatestRequestWins) {
  TaskRunner runner;
  runner.setSliced(false);
  auto first = std::make_shared<GateTask>();
  runner.submit(1, first);
  ASSERT_TRUE(waitUntil([&] { return first->started.load(); }));
  EXPECT_TRUE(runner.progress().running);
  EXPECT_EQ(runner.progress().tag, 1u);
  auto second = std::make_shared<GateTask>();
  runner.submit(2, second);  // cancels the first
  auto last = std::make_shared<ChainTask>(10);
  runner.submit(3, last);  // replaces (or cancels) the second
  runner.waitIdle();
  EXPECT_TRUE(first->stopped) << "the task in progress is cancelled, not run to the end";
  EXPECT_FALSE(second->started && !second->stopped);
  const auto done = runner.take();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->tag, 3u) << "only the newest request is delivered";
  EXPECT_EQ(last->value, chain(10));
  EXPECT_FALSE(runner.take());
  EXPECT_GE(runner.cancelledCount(), 1);
}

TEST(TaskRunner, CancelStopsTheTaskInProgressAndDeliversNothing) {
  TaskRunner runner;
  runner.setSliced(false);
  std::atomic<int> wakes{0};
  runner.setWake([&] { ++wakes; });
  auto task = std::make_shared<GateTask>();
  runner.submit(1, task);
  ASSERT_TRUE(waitUntil([&] { return task->started.load(); }));
  EXPECT_TRUE(runner.busy());
  runner.cancel();
  runner.waitIdle();
  EXPECT_TRUE(task->stopped);
  EXPECT_FALSE(runner.busy());
  EXPECT_FALSE(runner.take());
  EXPECT_EQ(runner.cancelledCount(), 1);
  EXPECT_EQ(wakes.load(), 1) << "a stopped task wakes the loop too";
  runner.setWake({});
}

TEST(TaskRunner, DestroyingTheRunnerStopsItsTask) {
  auto task = std::make_shared<GateTask>();
  {
    TaskRunner runner;
    runner.setSliced(false);
    runner.submit(1, task);
    ASSERT_TRUE(waitUntil([&] { return task->started.load(); }));
  }
  EXPECT_TRUE(task->stopped);
}

TEST(TaskRunner, SlicedAdvancesOneStepPerTakeWithProgress) {
  TaskRunner runner;
  runner.setSliced(true);
  std::atomic<int> wakes{0};
  runner.setWake([&] { ++wakes; });
  auto task = std::make_shared<ChainTask>(5);
  runner.submit(9, task, 5);
  EXPECT_TRUE(runner.busy());
  EXPECT_EQ(task->steps, 0) << "nothing runs before the frame loop asks";
  EXPECT_EQ(runner.progress().total, 5);
  for (int k = 1; k < 5; ++k) {
    EXPECT_FALSE(runner.take());
    EXPECT_EQ(task->steps, k);
    const TaskRunner::Progress p = runner.progress();
    EXPECT_TRUE(p.running);
    EXPECT_EQ(p.tag, 9u);
    EXPECT_EQ(p.done, k);
    EXPECT_EQ(wakes.load(), 0);
  }
  const auto done = runner.take();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->tag, 9u);
  EXPECT_EQ(task->value, chain(5));
  EXPECT_FALSE(runner.busy());
  EXPECT_FALSE(runner.progress().running);
  EXPECT_EQ(wakes.load(), 1);
  runner.setWake({});
}

TEST(TaskRunner, SlicedLatestRequestWinsAndCancelDrops) {
  TaskRunner runner;
  runner.setSliced(true);
  auto first = std::make_shared<ChainTask>(5);
  runner.submit(1, first);
  EXPECT_FALSE(runner.take());
  auto second = std::make_shared<ChainTask>(3);
  runner.submit(2, second);
  runner.waitIdle();
  EXPECT_EQ(first->steps, 1) << "the superseded task gets no more steps";
  EXPECT_EQ(second->steps, 3);
  const auto done = runner.take();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->tag, 2u);
  EXPECT_EQ(runner.cancelledCount(), 1);

  auto third = std::make_shared<ChainTask>(5);
  runner.submit(3, third);
  EXPECT_FALSE(runner.take());
  runner.cancel();
  EXPECT_FALSE(runner.busy());
  EXPECT_FALSE(runner.take());
  EXPECT_EQ(third->steps, 1);
  EXPECT_EQ(runner.cancelledCount(), 2);
}

TEST(TaskRunner, SameResultSlicedAndThreaded) {
  std::uint64_t values[2] = {0, 0};
  int steps[2] = {0, 0};
  for (int sliced = 0; sliced < 2; ++sliced) {
    TaskRunner runner;
    runner.setSliced(sliced == 1);
    auto task = std::make_shared<ChainTask>(37);
    runner.submit(1, task);
    runner.waitIdle();
    ASSERT_TRUE(runner.take());
    values[sliced] = task->value;
    steps[sliced] = task->steps;
  }
  EXPECT_EQ(values[0], chain(37));
  EXPECT_EQ(values[1], values[0]);
  EXPECT_EQ(steps[0], 1);
  EXPECT_EQ(steps[1], 37);
}

TEST(TaskRunner, ATaskThatThrowsEndsUnfinishedAndTheRunnerGoesOn) {
  for (bool sliced : {false, true}) {
    TaskRunner runner;
    runner.setSliced(sliced);
    runner.submit(1, std::make_shared<ThrowingTask>());
    runner.waitIdle();
    EXPECT_FALSE(runner.take()) << "sliced " << sliced;
    EXPECT_EQ(runner.cancelledCount(), 1);
    auto task = std::make_shared<ChainTask>(4);
    runner.submit(2, task);
    runner.waitIdle();
    const auto done = runner.take();
    ASSERT_TRUE(done);
    EXPECT_EQ(done->tag, 2u);
    EXPECT_EQ(task->value, chain(4));
  }
}
