#include "app/core/task_runner.h"

#include <utility>

namespace cp::app {

TaskRunner::~TaskRunner() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    cancel_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void TaskRunner::submit(std::uint64_t tag, std::shared_ptr<Task> task, int total) {
  {
    std::lock_guard lock(mutex_);
    Job job{tag, std::move(task), total};
    if (sliced_) {
      if (slice_) ++cancelled_;  // latest request wins
      begin(job);
      slice_ = std::move(job);
      return;
    }
    pending_ = std::move(job);
    if (running_) cancel_ = true;  // latest request wins
    if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
  }
  wake_.notify_one();
}

void TaskRunner::cancel() {
  std::lock_guard lock(mutex_);
  if (slice_) {
    slice_.reset();
    running_ = false;
    ++cancelled_;
  }
  pending_.reset();
  if (running_) cancel_ = true;
}

std::optional<TaskRunner::Finished> TaskRunner::take() {
  if (sliced_) step();
  std::lock_guard lock(mutex_);
  std::optional<Finished> out;
  out.swap(finished_);
  return out;
}

bool TaskRunner::hasFinished() const {
  std::lock_guard lock(mutex_);
  return finished_.has_value();
}

TaskRunner::Progress TaskRunner::progress() const {
  std::lock_guard lock(mutex_);
  return Progress{runningTag_, progressDone_.load(), progressTotal_.load(), running_};
}

bool TaskRunner::busy() const {
  std::lock_guard lock(mutex_);
  return running_ || pending_.has_value();
}

void TaskRunner::waitIdle() {
  while (sliced_) {
    {
      std::lock_guard lock(mutex_);
      if (!slice_) return;
    }
    step();
  }
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return !running_ && !pending_; });
}

int TaskRunner::cancelledCount() const {
  std::lock_guard lock(mutex_);
  return cancelled_;
}

void TaskRunner::setWake(WakeHook wake) {
  std::lock_guard lock(mutex_);
  wakeHook_ = std::move(wake);
}

TaskContext TaskRunner::context(bool sliced) {
  TaskContext ctx;
  ctx.sliced = sliced;
  ctx.cancel = sliced ? nullptr : &cancel_;  // sliced, a cancel drops the task between steps
  ctx.progress = [this](int done, int total) {
    progressDone_ = done;
    progressTotal_ = total;
  };
  return ctx;
}

void TaskRunner::begin(const Job& job) {
  running_ = true;
  runningTag_ = job.tag;
  progressDone_ = 0;
  progressTotal_ = job.total;
}

void TaskRunner::end(Job& job, bool complete) {
  running_ = false;
  if (complete)
    finished_ = Finished{job.tag, std::move(job.task)};
  else
    ++cancelled_;
  idle_.notify_all();
  if (wakeHook_) wakeHook_();  // under the lock: setWake({}) cannot race with it
}

void TaskRunner::step() {
  std::lock_guard lock(mutex_);  // single-threaded here; the lock keeps progress() consistent
  if (!slice_) return;
  bool complete = false;
  try {
    if (!slice_->task->step(context(true))) return;
    complete = true;
  } catch (...) {  // a task that throws ends unfinished
  }
  Job job = std::move(*slice_);
  slice_.reset();
  end(job, complete);
}

void TaskRunner::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || pending_.has_value(); });
    if (stop_) return;
    Job job = std::move(*pending_);
    pending_.reset();
    begin(job);
    cancel_ = false;
    lock.unlock();

    bool complete = false;
    try {
      const TaskContext ctx = context(false);
      while (!complete && !cancel_) complete = job.task->step(ctx);
    } catch (...) {  // a task that throws ends unfinished
    }

    lock.lock();
    end(job, complete && !cancel_);
  }
}

}  // namespace cp::app
