#include "app/core/document_controller.h"

#include "app/core/tr.h"
#include "i18n/i18n.h"

#include <utility>

namespace cp::app {

namespace {

constexpr int kRevisionBits = 40;

// The worker's tag of a run: the document version it simulates, packed in one word.
std::uint64_t runTag(Version v) {
  return (v.generation << kRevisionBits) | (v.revision & ((std::uint64_t{1} << kRevisionBits) - 1));
}
Version tagVersion(std::uint64_t tag) {
  return {tag >> kRevisionBits, tag & ((std::uint64_t{1} << kRevisionBits) - 1)};
}

}  // namespace

void DocumentController::open(const std::string& path, std::shared_ptr<const cp::Scenario> loaded) {
  doc = openDocument(path, loaded);
  runs = RunState{};
  dash = DashboardData{};
  rebuildDashboard(dash, *loaded, nullptr, nullptr);
  worker.submit(RunSlot::Baseline, {std::move(loaded), runTag({doc.generation, 0})});
}

void DocumentController::close() {
  closeDocument(doc);
  runs.current.reset();
  runs.baseline.reset();
  runs.traced.reset();
}

void DocumentController::update(const UiState& ui) {
  ++runs.frame;
  syncRuns(ui);
  syncExplain(explain, doc, dash, ui);  // the tabs drawn last frame
}

void DocumentController::syncRuns(const UiState& ui) {
  if (!hasScenario(doc)) return;
  const Version now = version(doc);

  // Submit first: a newer version cancels the run in progress, and without threads the
  // take() below does the run at once, so an edit still reaches the screen in the next frame.
  if (!runs.submitted_once || now != runs.submitted) {
    worker.submit(RunSlot::Current, {sharedSnapshot(doc), runTag(now)});
    runs.submitted_once = true;
    runs.submitted = now;
    runs.submitted_frame = runs.frame;
  }
  const int company = ui.view.why_company;
  if (ui.view.why_visible && company >= 0 && company < static_cast<int>(doc.loaded->companies.size())) {
    const TraceKey key{now, company, dash.months.start + ui.view.month};
    if (!(key == runs.submitted_trace)) {
      worker.submit(RunSlot::Trace, {sharedSnapshot(doc), runTag(now), key.company, key.month});
      runs.submitted_trace = key;
    }
  }

  bool rebuild = false;
  // Runs of an earlier document (a load since) are dropped.
  const auto of_this_load = [&](const RunOutput& out) { return tagVersion(out.tag).generation == now.generation; };
  if (auto out = worker.take(RunSlot::Current); out && of_this_load(*out)) {
    runs.last_run_ms = out->milliseconds;
    if (out->results) {
      runs.current = out->results;
      runs.rule_active = out->rule_active;
      runs.shown = tagVersion(out->tag);
      runs.error.clear();
      rebuild = true;
      if (runs.shown == runs.submitted) runs.last_latency_frames = static_cast<int>(runs.frame - runs.submitted_frame);
    } else {
      runs.error = out->error;
      runs.shown = tagVersion(out->tag);
    }
  }
  if (auto out = worker.take(RunSlot::Baseline); out && of_this_load(*out)) {
    if (out->results) {
      runs.baseline = out->results;
      runs.baseline_rule_active = out->rule_active;
      rebuild = true;
    } else {
      runs.error = tr("baseline run failed: ") + out->error;
    }
  }
  if (auto out = worker.take(RunSlot::Trace); out && of_this_load(*out)) {
    runs.traced = out->results;
    runs.shown_trace = TraceKey{tagVersion(out->tag), out->trace_company, out->trace_month};
  }
  if (dash.flop_units != ui.view.flop_units) {
    dash.flop_units = ui.view.flop_units;
    rebuild = runs.current != nullptr;
  }
  if (dash.language != cp::i18n::language()) {  // labels built from the scenario's names
    dash.language = cp::i18n::language();
    rebuild = rebuild || runs.current != nullptr;
  }
  if (rebuild) {
    rebuildDashboard(dash, *doc.loaded, runs.current.get(), runs.baseline.get());
    ++runs.data_generation;
  }
  syncUncertainty(uncertainty, doc);  // the ensemble follows the edits too (when switched on)
}

void DocumentController::waitForRuns(const UiState& ui) {
  // A run taken here may have been superseded by a newer submission: loop until quiet.
  for (int i = 0; i < 8; ++i) {
    worker.waitIdle();
    syncRuns(ui);
    if (!worker.busy()) break;
  }
  worker.waitIdle();
  syncRuns(ui);
}

bool DocumentController::updating() const {
  if (!hasScenario(doc)) return false;
  return !runs.current || runs.shown != version(doc) || worker.busy(RunSlot::Current);
}

void DocumentController::setWake(const WakeHook& wake) {
  worker.setWake(wake);
  uncertainty.worker.setWake(wake);
  explain.attribution.worker.setWake(wake);
  explain.sensitivity.worker.setWake(wake);
}

void DocumentController::setSliced(bool on) {
  worker.setSliced(on);
  uncertainty.worker.setSliced(on);
  explain.attribution.worker.setSliced(on);
  explain.sensitivity.worker.setSliced(on);
}

}  // namespace cp::app
