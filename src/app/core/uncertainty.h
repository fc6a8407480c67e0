// Uncertainty bands: a Monte Carlo ensemble (engine/ensemble.h) of the edited scenario,
// run on a worker thread of its own (threads = 1, so the UI and the run worker keep a
// core; in the browser build, in slices between frames), summarised as p10 / p50 / p90 per month for every series of
// the line charts. The charts draw p10-p90 as a translucent band under each line, in the line's colour.
//
//   setUncertainty(state, true);         // View > Uncertainty, or the checkbox over the charts
//   ... update() (syncRuns) calls syncUncertainty(): it starts the ensemble; a lever edit cancels
//   ... the one in progress and starts one for the new edits; bands of older edits are hidden
//   ... until it finishes
//   if (const auto* b = chartBands(state, c)) for (const BandSeries& s : *b) chart::band(...);
//
// Seed: the scenario's own (Scenario::seed), so the same edits always give the same bands.
// A series summed from two metrics (train + infer) is summed per member before its quantiles.
#pragma once

#include "app/core/document.h"
#include "app/core/task_runner.h"
#include "app/core/wake.h"
#include "engine/ensemble.h"
#include "engine/scenario.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cp::app {

struct AppState;

inline constexpr int kDefaultUncertaintyRuns = 200;

struct BandSeries {
  std::string label;                  // the chart series it belongs to (SeriesData::label)
  std::vector<double> p10, p50, p90;  // per month index; NaN where no member had a value
};

struct UncertaintyBands {
  int runs = 0;                                 // finished ensemble members
  std::vector<std::vector<BandSeries>> charts;  // parallel to chartSpecs(); stacked charts: none
  std::vector<BandSeries> kpis;                 // parallel to kpiSpecs() (empty label: not produced)
};

// A KPI's p10-p90 in the month on screen, when bands are on and current.
struct KpiRange {
  bool available = false;
  double p10 = 0, p90 = 0;
};

// The ensemble and its bands for every line chart. Pure (no threads of its own besides
// o.threads); throws cp::EnsembleError. o.keep and o.summarize are set here.
UncertaintyBands computeBands(const cp::Scenario& s, cp::EnsembleOptions o);
// computeBands() in two steps, for an ensemble run in shards: the options it runs with
// (o plus keep and summarize), and the bands of the (merged) result.
cp::EnsembleOptions bandEnsembleOptions(const cp::Scenario& s, cp::EnsembleOptions o);
UncertaintyBands bandsFromEnsemble(const cp::Scenario& s, const cp::EnsembleResult& e);

// Runs one ensemble at a time on a TaskRunner; the latest request wins: submitting cancels
// the ensemble in progress (through EnsembleOptions::cancel) and replaces a pending one.
class EnsembleWorker {
 public:
  struct Request {
    std::shared_ptr<const cp::Scenario> scenario;
    std::uint64_t tag = 0;
    int runs = kDefaultUncertaintyRuns;
  };
  struct Output {
    std::uint64_t tag = 0;
    std::shared_ptr<const UncertaintyBands> bands;  // null on error
    std::string error;
  };
  using Progress = TaskRunner::Progress;

  void submit(Request request);
  void cancel() { runner_.cancel(); }                       // stops the running ensemble, drops the pending one
  std::optional<Output> take();                             // the newest finished (complete) ensemble, once
  bool hasResult() const { return runner_.hasFinished(); }  // take() would return one
  // Called (from the worker thread) when an ensemble finishes or stops; see RunWorker::setWake.
  void setWake(WakeHook wake) { runner_.setWake(std::move(wake)); }
  Progress progress() const { return runner_.progress(); }
  bool busy() const { return runner_.busy(); }
  void waitIdle() { runner_.waitIdle(); }
  int cancelledCount() const { return runner_.cancelledCount(); }  // ensembles stopped before they finished
  // Without threads (the browser build; tests switch it on) the ensemble runs in shards of
  // kMembersPerSlice members, one shard per take(), and the shards are merged at the end:
  // the page keeps drawing, and the bands are bit for bit those of one threaded run.
  void setSliced(bool on) { runner_.setSliced(on); }
  static constexpr int kMembersPerSlice = 2;

 private:
  TaskRunner runner_;
};

struct UncertaintyState {
  bool enabled = false;
  int runs = kDefaultUncertaintyRuns;
  EnsembleWorker worker;
  // What was asked for and what the bands belong to: the document's version and the runs.
  struct Key {
    Version version;
    int runs = 0;
    friend bool operator==(const Key&, const Key&) = default;
  };
  std::uint64_t next_tag = 1, submitted_tag = 0;
  Key submitted, shown;
  std::shared_ptr<const UncertaintyBands> bands;  // the last finished ensemble (of `shown`)
  std::string error;
};

// Switches the bands on or off; the next syncUncertainty() starts or stops the ensemble.
void setUncertainty(AppState& state, bool on);
// Takes a finished ensemble and submits one when the edits changed (called by syncRuns).
void syncUncertainty(AppState& state);
void syncUncertainty(UncertaintyState& u, const Document& doc);  // the same, of the model's parts
// Blocks until the bands of the current edits are in (screenshots, tests).
void waitForUncertainty(AppState& state);
// Whether the open scenario has uncertain inputs at all (else there is nothing to draw).
bool scenarioHasUncertainty(const AppState& state);
// The bands of chart `chart` for the edits on screen; null when off, stale or not ready.
const std::vector<BandSeries>* chartBands(const AppState& state, size_t chart);
KpiRange kpiRange(const AppState& state, size_t kpi);
// "uncertainty: 73/200 runs", "p10-p90 of 200 runs", or why there are no bands.
std::string uncertaintyStatus(const AppState& state);

}  // namespace cp::app
