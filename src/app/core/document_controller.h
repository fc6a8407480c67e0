// DocumentController: the open document and everything computed from it in the background.
// It owns the Document (document.h; its Version is the one "is this stale?" key), the run
// worker (the current run, the baseline and the Why panel's trace), the dashboard data
// built from the runs, the uncertainty bands' ensemble and the Explain and Sensitivity
// analyses. update() is the frame's sync with that work: it submits what the document's
// version and the view ask for and takes what has finished.
//
//   DocumentController& model = state;      // AppState is the controller plus the view state
//   model.open(path, scenario);             // a new document; its baseline and current runs start
//   ... each frame, before drawing:
//   model.update(state.ui);                 // runs, bands, Explain follow the edits
//
// The panels read it const (through AppState); only document.h writes the document, and
// only the controller's own functions submit or take background work.
#pragma once

#include "app/core/dashboard_data.h"
#include "app/core/document.h"
#include "app/core/explain.h"
#include "app/core/run_worker.h"
#include "app/core/ui_state.h"
#include "app/core/uncertainty.h"
#include "app/core/wake.h"
#include "engine/scenario.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cp::app {

// Which Why-panel trace a run answers.
struct TraceKey {
  Version version;
  int company = -1, month = -1;  // company index, absolute month
  friend bool operator==(const TraceKey&, const TraceKey&) = default;
};

// The latest results and what is being computed.
struct RunState {
  std::shared_ptr<const cp::Results> current;   // the edit copy's run (what is drawn solid)
  std::shared_ptr<const cp::Results> baseline;  // the file as loaded (drawn dashed)
  std::shared_ptr<const cp::Results> traced;    // the Why panel's run
  std::shared_ptr<const std::vector<std::vector<char>>> rule_active, baseline_rule_active;
  bool submitted_once = false;
  Version submitted;  // document version last sent to the worker
  Version shown;      // version of `current` (runs of another load are dropped)
  TraceKey submitted_trace, shown_trace;
  std::string error;  // the last run failed
  // Latency: frames from submitting a revision to showing its results.
  std::uint64_t frame = 0, submitted_frame = 0;
  int last_latency_frames = -1;
  double last_run_ms = 0;
  std::uint64_t data_generation = 0;  // bumps whenever `dash` is rebuilt
};

class DocumentController {
 public:
  // The model the panels read (const, through AppState).
  Document doc;
  RunWorker worker;  // current, baseline and Why-trace runs (run_worker.h)
  RunState runs;
  DashboardData dash;            // what the charts, cards and tables draw, built from the runs
  UncertaintyState uncertainty;  // the bands' ensemble (uncertainty.h)
  ExplainState explain;          // the Explain and Sensitivity tabs' analyses (explain.h)

  DocumentController() = default;
  DocumentController(const DocumentController&) = delete;
  DocumentController& operator=(const DocumentController&) = delete;

  // Opens `loaded` (read from `path`) as the document: runs and dashboard data start
  // afresh, the baseline run is submitted; the current run follows in the next syncRuns().
  void open(const std::string& path, std::shared_ptr<const cp::Scenario> loaded);
  // No document (a load failed): its results are dropped.
  void close();

  // The frame's sync, before drawing: syncRuns(), then the Explain tabs drawn last frame.
  void update(const UiState& ui);
  // Submits a run when the document's version (or the Why panel's company and month)
  // changed, takes finished runs (rebuilding the dashboard data), then the bands.
  void syncRuns(const UiState& ui);
  // Blocks until the runs are in and shown: for tests and screenshots.
  void waitForRuns(const UiState& ui);
  // True while results on screen are older than the edits.
  bool updating() const;

  // Every worker's wake hook (wake.h) and, for tests, the browser's sliced mode.
  void setWake(const WakeHook& wake);
  void setSliced(bool on);
};

}  // namespace cp::app
