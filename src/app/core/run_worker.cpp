#include "app/core/run_worker.h"

#include "app/core/no_threads.h"

#include "engine/simulate.h"
#include "engine/text.h"
#include "i18n/i18n.h"

#include <chrono>
#include <exception>

namespace cp::app {

RunWorker::~RunWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RunWorker::submit(RunSlot slot, RunRequest request) {
  if constexpr (!kHasThreads) {  // the browser: run now, between frames
    done_[static_cast<size_t>(slot)] = run(request);
    if (wakeHook_) wakeHook_();
    return;
  }
  {
    std::lock_guard lock(mutex_);
    pending_[static_cast<size_t>(slot)] = std::move(request);
    if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
  }
  wake_.notify_one();
}

std::optional<RunOutput> RunWorker::take(RunSlot slot) {
  std::lock_guard lock(mutex_);
  std::optional<RunOutput> out;
  out.swap(done_[static_cast<size_t>(slot)]);
  return out;
}

bool RunWorker::hasResults() const {
  std::lock_guard lock(mutex_);
  for (const auto& d : done_)
    if (d) return true;
  return false;
}

void RunWorker::setWake(WakeHook wake) {
  std::lock_guard lock(mutex_);
  wakeHook_ = std::move(wake);
}

bool RunWorker::busy(RunSlot slot) const {
  std::lock_guard lock(mutex_);
  const auto i = static_cast<size_t>(slot);
  return pending_[i].has_value() || running_[i];
}

bool RunWorker::busy() const {
  for (int s = 0; s < kRunSlots; ++s)
    if (busy(static_cast<RunSlot>(s))) return true;
  return false;
}

void RunWorker::waitIdle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] {
    for (int s = 0; s < kRunSlots; ++s)
      if (pending_[static_cast<size_t>(s)] || running_[static_cast<size_t>(s)]) return false;
    return true;
  });
}

void RunWorker::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    int slot = -1;
    wake_.wait(lock, [&] {
      if (stop_) return true;
      for (int s = 0; s < kRunSlots && slot < 0; ++s)  // Current first: it is on screen
        if (pending_[static_cast<size_t>(s)]) slot = s;
      return slot >= 0;
    });
    if (stop_) return;
    const auto i = static_cast<size_t>(slot);
    RunRequest request = std::move(*pending_[i]);
    pending_[i].reset();
    running_[i] = true;
    lock.unlock();
    RunOutput output = run(request);
    lock.lock();
    running_[i] = false;
    done_[i] = std::move(output);
    idle_.notify_all();
    if (wakeHook_) wakeHook_();  // under the lock: setWake({}) cannot race with it
  }
}

RunOutput RunWorker::run(const RunRequest& request) {
  RunOutput out;
  out.tag = request.tag;
  out.trace_company = request.trace_company;
  out.trace_month = request.trace_month;
  out.scenario = request.scenario;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    const cp::Scenario& s = *request.scenario;
    cp::RunOptions options;
    options.trace_company = request.trace_company;
    options.trace_month = request.trace_month;
    // The Why trace's sentences in the interface language (tr() is safe on this thread).
    const cp::Text text{static_cast<const char* (*)(const char*)>(&cp::i18n::tr)};
    out.results = std::make_shared<const cp::Results>(cp::simulate(s, options, text));

    // The rule timeline comes with the results (no copy: it shares their lifetime).
    out.rule_active = std::shared_ptr<const std::vector<std::vector<char>>>(out.results, &out.results->rule_active);
  } catch (const std::exception& e) {
    out.results.reset();
    out.error = e.what();
  }
  out.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace cp::app
