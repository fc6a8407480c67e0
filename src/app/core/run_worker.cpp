#include "app/core/run_worker.h"

#include "engine/simulate.h"
#include "engine/text.h"
#include "i18n/i18n.h"

#include <chrono>
#include <exception>

namespace cp::app {

namespace {

// A run is one step: the engine cannot stop a run half way, so a superseded run finishes
// and the runner drops it.
class RunTask : public Task {
 public:
  RunTask(RunRequest request, const RunWorker::RunFunction& run) : request_(std::move(request)), run_(run) {}
  bool step(const TaskContext&) override {
    output = run_(request_);
    return true;
  }
  RunOutput output;

 private:
  RunRequest request_;
  const RunWorker::RunFunction& run_;  // the worker's: it outlives its runners' tasks
};

}  // namespace

void RunWorker::submit(RunSlot slot, RunRequest request) {
  runner(slot).submit(request.tag, std::make_shared<RunTask>(std::move(request), run_));
}

std::optional<RunOutput> RunWorker::take(RunSlot slot) {
  auto done = runner(slot).take();
  if (!done) return std::nullopt;
  return std::move(static_cast<RunTask&>(*done->task).output);
}

bool RunWorker::hasResults() const {
  for (const TaskRunner& r : runners_)
    if (r.hasFinished()) return true;
  return false;
}

void RunWorker::setWake(const WakeHook& wake) {
  for (TaskRunner& r : runners_) r.setWake(wake);
}

bool RunWorker::busy(RunSlot slot) const { return runner(slot).busy(); }

bool RunWorker::busy() const {
  for (const TaskRunner& r : runners_)
    if (r.busy()) return true;
  return false;
}

void RunWorker::waitIdle() {
  for (TaskRunner& r : runners_) r.waitIdle();
}

int RunWorker::cancelledCount(RunSlot slot) const { return runner(slot).cancelledCount(); }

void RunWorker::setSliced(bool on) {
  for (TaskRunner& r : runners_) r.setSliced(on);
}

RunOutput runRequest(const RunRequest& request) {
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
