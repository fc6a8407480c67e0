// [SECTION] Loading
// [SECTION] Runs: submitting and taking results
// [SECTION] Guarded actions, presenter mode, recent files
// [SECTION] handleRequests

#include "app/core/app_state.h"
#include "i18n/problem_text.h"

#include "app/panels/panels.h"
#include "app/core/scenario_files.h"
#include "app/core/status.h"
#include "engine/loader.h"
#include "paths/data_dirs.h"
#include "i18n/i18n.h"
#include "app/core/tr.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace cp::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Loading
//-----------------------------------------------------------------------------

// The month the cards show after loading: two years after the last event (the story's
// consequences), within the run.
int defaultMonth(const cp::Scenario& s) {
  int last = s.start;
  for (const cp::Event& e : s.events) last = std::max(last, e.month);
  return std::clamp(last + 24, s.start, s.end) - s.start;
}

int defaultWhyCompany(const cp::Scenario& s) {
  for (size_t i = 0; i < s.companies.size(); ++i) {
    const cp::Company& c = s.companies[i];
    if (c.kind != cp::CompanyKind::Operator && s.jurisdictions[static_cast<size_t>(c.hq)].country_of_concern)
      return static_cast<int>(i);
  }
  return s.companies.empty() ? -1 : 0;
}

void startDocument(AppState& state, std::shared_ptr<const cp::Scenario> loaded) {
  const int old_months = state.dash.months.count();
  const int old_start = state.dash.months.start;
  state.open(state.scenario_path, loaded);  // the document; its baseline run starts
  loadSourcesNear(state, state.scenario_path);
  state.ui.view.log_scale.clear();
  for (const ChartSpec& c : chartSpecs()) state.ui.view.log_scale.push_back(c.log ? 1 : 0);
  if (!state.ui.view.month_set || old_months != loaded->months() || old_start != loaded->start) {
    state.ui.view.month = defaultMonth(*loaded);
    state.ui.view.month_set = true;
  }
  state.ui.view.month = std::clamp(state.ui.view.month, 0, std::max(0, loaded->months() - 1));
  if (state.ui.view.why_company < 0 || state.ui.view.why_company >= static_cast<int>(loaded->companies.size()))
    state.ui.view.why_company = defaultWhyCompany(*loaded);
  state.ui.view.enlarged_chart = -1;
  syncRuns(state);  // submits the current run
}

}  // namespace

void loadScenario(AppState& state) {
  state.scenario_loaded = false;
  state.load_error.reset();
  state.load_problems.clear();
  if (state.scenario_path.empty()) return;
  try {
    auto loaded = std::make_shared<const cp::Scenario>(cp::loadScenario(state.scenario_path));
    state.scenario_loaded = true;
    startDocument(state, std::move(loaded));
    addRecentFile(state, state.scenario_path);
    return;
  } catch (const cp::LoadError& e) {
    state.load_problems = e.problems();
  } catch (const std::exception& e) {
    state.load_problems.push_back(
        {state.scenario_path, "", cp::Message::plain(std::string(tr("unexpected error: ")) + e.what())});
  }
  if (state.load_problems.empty())
    state.load_problems.push_back({state.scenario_path, "", cp::Message::plain(tr("unknown problem"))});
  const cp::Problem& first = state.load_problems.front();
  state.load_error =
      first.pointer.empty() ? cp::i18n::problemReason(first) : first.pointer + ": " + cp::i18n::problemReason(first);
  if (state.load_problems.size() > 1)
    *state.load_error += tr(" (and ") + std::to_string(state.load_problems.size() - 1) + tr(" more)");
  state.close();
}

void openLoadedScenario(AppState& state, const std::string& path, std::shared_ptr<const cp::Scenario> loaded) {
  state.scenario_path = path;
  state.load_error.reset();
  state.load_problems.clear();
  state.scenario_loaded = true;
  startDocument(state, std::move(loaded));
}

//-----------------------------------------------------------------------------
// [SECTION] Runs: submitting and taking results
//-----------------------------------------------------------------------------

void syncRuns(AppState& state) { state.syncRuns(state.ui); }

namespace {
// The Compare scenarios window's files: listed and run when it opens (or another scenario
// was opened since), the small multiples' series refreshed.
void syncCompare(AppState& state) {
  if (!state.ui.windows.compare_scenarios || !hasScenario(state.doc)) return;
  CompareScenarios& c = state.compare;
  if (!compareListedFor(c, state.scenario_path)) {
    listCompareFiles(c, state.scenario_path);
    runCompare(c);
  }
  refreshCompareSeries(c);
}
}  // namespace

void update(AppState& state) {
  applyCommands(state);    // any edit a frame drawn without updateAndDraw left in the queue
  state.update(state.ui);  // runs, bands, the Explain tabs (document_controller.h)
  syncWorkshop(state);     // after the runs: the board scores results taken this frame
  syncStoryToScrubber(state);
  syncCompare(state);
}

void waitForRuns(AppState& state) { state.waitForRuns(state.ui); }

bool updating(const AppState& state) { return state.updating(); }

//-----------------------------------------------------------------------------
// [SECTION] Guarded actions, presenter mode, recent files
//-----------------------------------------------------------------------------

std::vector<std::filesystem::path> localeRoots() { return cp::paths::dataRoots(); }

bool setAppLanguage(AppState& state, const std::string& code) {
  std::string error;
  const auto roots = state.ui.locale_roots.empty() ? localeRoots() : state.ui.locale_roots;
  if (!cp::i18n::setLanguage(code, roots, &error)) {
    setStatus(state, tr("Language not changed: ") + error, true);
    return false;
  }
  state.ui.language = code;
  state.runs.submitted_trace = TraceKey{};  // the Why trace is written in the language: run it again
  if (!error.empty()) setStatus(state, tr("Catalogue problems: ") + error, true);
  return true;
}

void setPresenter(AppState& state, bool on) { setPresenter(state.ui, on); }

void setPresenter(UiState& ui, bool on) {
  if (on == ui.presenter) return;
  ui.presenter = on;
  if (on) {
    ui.theme_before_presenter = ui.theme;
    ui.theme = Theme::Presenter;
    if (ui.view.table_tab == kExplainTableTab) ui.view.chart_page = -1;  // the tab's waterfall, the pager's first page
  } else {
    ui.theme = ui.theme_before_presenter;
  }
}

bool leverPanelCollapsed(const UiState& ui) {
  return ui.presenter ? !ui.view.presenter_levers_open : ui.view.levers_collapsed;
}

void toggleLeverPanel(UiState& ui) {
  if (ui.presenter)
    ui.view.presenter_levers_open = !ui.view.presenter_levers_open;
  else
    ui.view.levers_collapsed = !ui.view.levers_collapsed;
}

void addRecentFile(AppState& state, const std::string& path) {
  if (path.empty()) return;
  const std::string shown = displayPath(path);
  auto& r = state.ui.recent_files;
  r.erase(std::remove(r.begin(), r.end(), shown), r.end());
  r.insert(r.begin(), shown);
  if (r.size() > kMaxRecentFiles) r.resize(kMaxRecentFiles);
}

void requestGuarded(AppState& state, PendingAction action, const std::string& path) {
  state.ui.dialogs.pending = action;
  state.ui.dialogs.pending_path = path;
  if (isDirty(state.doc) || workshopDirty(state)) {  // unsaved levers, or an unsaved workshop game
    state.ui.dialogs.confirm_requested = true;
    return;
  }
  performPending(state);
}

void performPending(AppState& state) {
  Dialogs& d = state.ui.dialogs;
  switch (d.pending) {
    case PendingAction::None: break;
    case PendingAction::Open: state.ui.requests.open = d.pending_path; break;
    case PendingAction::Revert: state.ui.requests.revert = true; break;
    case PendingAction::Reload: state.ui.requests.reload = true; break;
    case PendingAction::Quit: state.ui.requests.quit = true; break;
    case PendingAction::OpenStory: state.classroom.requests.open_story = d.pending_path; break;
    case PendingAction::OpenWorkshop: state.classroom.requests.open_workshop = d.pending_path; break;
    case PendingAction::OpenSession: state.classroom.requests.open_session = d.pending_path; break;
  }
  d.pending = PendingAction::None;
  d.pending_path.clear();
  d.continue_after_save = false;
}

//-----------------------------------------------------------------------------
// [SECTION] handleRequests
//-----------------------------------------------------------------------------

namespace {

// Re-reads the file and re-applies the edits to levers that still exist (by id).
void reloadKeepingEdits(AppState& state) {
  std::map<std::string, cp::LeverSchedule> kept;
  if (hasScenario(state.doc))
    for (int i = 0; i < leverCount(state.doc); ++i)
      if (leverChanged(state.doc, i)) kept[lever(state.doc, i).id] = state.doc.edits[static_cast<size_t>(i)];
  loadScenario(state);
  if (!hasScenario(state.doc) || kept.empty()) return;
  LeverEdits edits = state.doc.edits;
  for (int i = 0; i < leverCount(state.doc); ++i)
    if (auto it = kept.find(lever(state.doc, i).id); it != kept.end()) edits[static_cast<size_t>(i)] = it->second;
  replaceEdits(state.doc, std::move(edits), /*as_saved=*/false);  // the next update() runs them
}

void saveTo(AppState& state, const std::string& path, const std::string& name) {
  const std::string error = saveVariant(state.doc, path, name);
  if (!error.empty()) {
    requestSaveScenarioAs(state, path, name, error);  // show the dialog again, with the reason
    setStatus(state, tr("Not saved: ") + error, true);
    return;
  }
  setSaveTarget(state.doc, path, name);
  markSaved(state.doc);
  setStatus(state, tr("Saved ") + displayPath(path), false);
  if (state.ui.dialogs.download) state.ui.dialogs.download(path);
  addRecentFile(state, path);
  if (state.ui.dialogs.continue_after_save) performPending(state);
}

}  // namespace

void handleRequests(AppState& state) {
  handleSessionRequests(state);  // Restore chosen in the recovery prompt
  Requests& r = state.ui.requests;
  if (r.reload) {
    r.reload = false;
    reloadKeepingEdits(state);
  }
  if (r.revert) {
    r.revert = false;
    loadScenario(state);
    if (state.scenario_loaded) setStatus(state, tr("Reverted to ") + displayPath(state.scenario_path), false);
  }
  if (r.open) {
    state.scenario_path = *r.open;
    r.open.reset();
    loadScenario(state);
    if (state.scenario_loaded) setStatus(state, tr("Opened ") + displayPath(state.scenario_path), false);
  }
  if (r.save) {
    r.save = false;
    if (state.doc.saved_path.empty()) {
      requestSaveScenarioAs(state);
    } else {
      saveTo(state, state.doc.saved_path, state.doc.saved_name);
    }
  }
  if (r.save_as) {
    const std::string path = *r.save_as;
    r.save_as.reset();
    saveTo(state, path, r.save_as_name);
  }
  if (r.export_csv) {
    const std::string path = *r.export_csv;
    r.export_csv.reset();
    if (!state.runs.current) {
      setStatus(state, tr("No results to export yet"), true);
    } else if (const std::string error = exportResultsCsv(*state.runs.current, path); error.empty()) {
      setStatus(state, tr("Exported results to ") + displayPath(path), false);
      if (state.ui.dialogs.download) state.ui.dialogs.download(path);
    } else {
      setStatus(state, tr("Export failed: ") + error, true);
    }
  }
  handleClassroomRequests(state);  // stories, workshops, sessions, the workshop report
}

}  // namespace cp::app
