// The Explain and Sensitivity tabs' analyses (engine/attribution.h, engine/sensitivity.h)
// for the selected KPI or chart series in the scrubber's month, computed on a worker
// thread of their own. Like runs, the latest request wins (an edit cancels the analysis in
// progress); finished analyses are cached per (load, lever settings, target, month), so
// stepping back with undo shows them at once.
//
//   syncExplain(state);                     // each frame in update(), for the tabs drawn last frame
//   if (const cp::Attribution* a = shownAttribution(state)) bars = waterfallBars(*a, split);
//
// No ImGui here; the drawing is panel_explain.cpp.
#pragma once

#include "app/charts/chart_units.h"
#include "app/core/task_runner.h"
#include "app/core/ui_state.h"
#include "engine/attribution.h"
#include "engine/sensitivity.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cp::app {

struct AppState;
struct DashboardData;
struct Document;

// Every target there is for a scenario, with its label ("China training compute",
// "Training compute: China") and unit, KPIs first.
struct TargetChoice {
  ExplainTarget target;
  std::string label;
  chart::Unit unit = chart::Unit::None;
};
std::vector<TargetChoice> explainTargets(const cp::Scenario& s);
// The target's value in absolute month `month` of a run: the KPI's aggregate (a sum of
// metrics, a 12-month total) or the chart series (a sum of metrics). NaN when missing.
cp::Metric explainMetric(const cp::Scenario& s, const ExplainTarget& target, int month);

// One bar of the waterfall from "as loaded" to "your run".
struct WaterfallBar {
  enum class Kind { Lever, Other, Interaction };
  Kind kind = Kind::Lever;
  int lever = -1;  // Lever: index in the scenario
  std::string label, from, to, help;
  double value = 0;
};
// Shapley split (default): one bar per lever, plus "other differences" when non-zero.
// One at a time: each lever's effect alone, plus an "interactions" bar when non-zero.
// Either way the bars sum to the difference. Sorted by size, largest first.
std::vector<WaterfallBar> waterfallBars(const cp::Attribution& a, bool one_at_a_time);
// A bar's part of all the bars' movement, their sizes added whatever their sign: " (39%)".
// The shares are 0..100% and add up to 100% even when levers pull opposite ways (a share
// of the net difference would read "640%" and "-483%" then). Empty when nothing moved.
std::string waterfallShare(const std::vector<WaterfallBar>& bars, size_t k);
// The interactions' part of the difference for the waterfall's note: "13%", "-4%", and "0%"
// (never "-0%") for a part that rounds to nothing.
std::string interactionsShareText(double share);

// A tornado bar's end as the lever panel shows it in the language ("on", "2022-01";
// "увімк.", "січ. 2022"), not as the analysis typed it.
std::string sensitivityEndText(const cp::Scenario& s, const cp::SensitivityRow& r, bool high);
// A waterfall bar's from/to as the lever panel shows it: the analysis types a schedule as
// "0.5; 0.9@2026-01", this reads "50%, 90% from 2026-01". Text it cannot read is returned
// as it is (Interactions and Other differences have none).
std::string waterfallEndText(const cp::Scenario& s, const WaterfallBar& b, bool to);

// Runs one analysis at a time on a TaskRunner; submitting cancels the one in progress.
class AnalysisWorker {
 public:
  using Job = std::function<void(const cp::AnalysisOptions&)>;  // writes its own result
  using Progress = TaskRunner::Progress;

  // The job runs on the worker thread with AnalysisOptions whose cancel flag a later
  // submit() sets; it stores its own result (and catches its own errors).
  void submit(std::uint64_t tag, Job job);
  // Tag of the newest finished job, once (0: none).
  std::uint64_t takeFinished();
  // Called (from the worker thread) when an analysis finishes or stops (wake.h).
  void setWake(WakeHook wake) { runner_.setWake(std::move(wake)); }
  Progress progress() const { return runner_.progress(); }
  bool busy() const { return runner_.busy(); }
  void waitIdle() { runner_.waitIdle(); }
  // Without threads (the browser build; tests switch it on) the job runs a few runs at a
  // time through cp::AnalysisMemo, one slice per takeFinished(): the page keeps drawing.
  void setSliced(bool on) { runner_.setSliced(on); }
  static constexpr int kRunsPerSlice = 2;

 private:
  TaskRunner runner_;
};

struct ExplainState {
  // What is explained, the split and which tabs are drawn are view state: state.ui.explain.
  int threads = 0;  // analysis worker threads (0: one per core)

  struct Key {
    std::uint64_t generation = 0;
    std::vector<std::vector<std::pair<int, double>>> edits;  // the lever schedules: undo finds its analysis again
    ExplainTarget target;
    int month = 0;  // absolute
    friend bool operator==(const Key&, const Key&) = default;
  };
  template <class T>
  struct Pending {  // written by the job, read once it has finished
    T value;
    std::string error;
  };
  template <class T>
  struct Slot {
    AnalysisWorker worker;
    std::uint64_t next_tag = 1, submitted_tag = 0;
    Key submitted;
    std::shared_ptr<Pending<T>> pending;                          // the job of submitted_tag, until it is taken
    std::string error;                                            // the job of `submitted` threw
    std::vector<std::pair<Key, std::shared_ptr<const T>>> cache;  // most recent last
  };
  Slot<cp::Attribution> attribution;
  Slot<cp::Sensitivity> sensitivity;
};

inline constexpr std::size_t kExplainCacheSize = 16;

// Takes finished analyses and submits the visible tabs' ones when the key changed
// (called by update() each frame and by waitForExplain).
void syncExplain(AppState& state);
void syncExplain(ExplainState& e, const Document& doc, const DashboardData& dash, const UiState& ui);  // the same
// Blocks until the visible tabs' analyses are in (tests, screenshots).
void waitForExplain(AppState& state);
// The analyses of the current key; null while computing.
const cp::Attribution* shownAttribution(const AppState& state);
const cp::Sensitivity* shownSensitivity(const AppState& state);
// "computing: 120/257 runs" or the error; empty when shown.
std::string explainStatus(const AppState& state, bool sensitivity);
// Runs done of the analysis in progress for the current key, as a fraction 0..1.
float explainProgress(const AppState& state, bool sensitivity);
// The current key (target, scrubber month, edits).
ExplainState::Key explainKey(const AppState& state);
ExplainState::Key explainKey(const Document& doc, const DashboardData& dash, const UiState& ui);

}  // namespace cp::app
