// AppState: the model of what the dashboard shows (the document, its runs, dashboard data,
// workers and analyses: DocumentController, document_controller.h, which AppState extends;
// sources, session, classroom) plus its view state in `ui` (ui_state.h). The UI is a
// function of this struct each frame (drawUi in app_ui.h): panels read it const, write only
// `ui`, raise requests that handleRequests() acts on after the frame (file I/O, loading) and
// push commands (commands.h) that applyCommands() carries out after the frame's drawing.
//
//   AppState state;
//   state.scenario_path = "scenarios/baseline.json";
//   loadScenario(state);          // fills load_problems on failure, never throws
//   ... each frame: updateAndDraw(state) (update, drawUi, applyCommands); handleRequests(state);
//
// update() is the one place that syncs background work with the document, once per frame
// before drawing (drawing never syncs): the controller's update() submits runs when the
// document's version changed and takes finished ones, then the bands and the analyses;
// the workshop's levers and the story's card follow. Tests call waitForRuns() to block
// until the results are in. syncRuns, waitForRuns and updating forward to the controller.
#pragma once

#include "app/classroom/classroom.h"
#include "app/core/compare_scenarios.h"
#include "app/core/dashboard_data.h"
#include "app/core/document.h"
#include "app/core/explain.h"
#include "app/core/file_watch.h"
#include "app/core/document_controller.h"
#include "app/core/session.h"
#include "app/core/ui_state.h"
#include "app/core/uncertainty.h"
#include "engine/problems.h"
#include "engine/sources.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cp::app {

// The model (the document, its runs and background work: DocumentController) plus what
// is shown and how.
struct AppState : DocumentController {
  // Scenario
  std::string scenario_path;               // empty: none given
  std::optional<std::string> load_error;   // one line: why the scenario could not be loaded
  std::vector<cp::Problem> load_problems;  // every problem the loader found
  bool scenario_loaded = false;
  cp::SourceList sources;     // sources.json next to the scenario (empty: none)
  std::string sources_error;  // it exists but could not be read

  // View and UI state: windows, dialogs, theme, fonts, language, status line, requests
  UiState ui;

  // No lost work (session.h, file_watch.h)
  SessionState session;
  ScenarioWatch watch;
  CompareScenarios compare;  // the Compare scenarios window (compare_scenarios.h)

  // Story mode and workshop team play (classroom.h)
  ClassroomState classroom;

  AppState() = default;
  AppState(const AppState&) = delete;
  AppState& operator=(const AppState&) = delete;
};

// Loads state.scenario_path; fills load_error / load_problems / scenario_loaded, opens the
// document and starts the baseline run. Never throws.
void loadScenario(AppState& state);
// Opens a scenario loaded elsewhere (a story's or a workshop's, levers already set) as if
// loaded from `path`: document, baseline and current runs.
void openLoadedScenario(AppState& state, const std::string& path, std::shared_ptr<const cp::Scenario> loaded);

// Acts on requests the UI raised this frame (open, save, reload, export CSV). Quit and
// screenshots are left to the main loop.
void handleRequests(AppState& state);

// The frame's sync, called by the frame loop before drawUi(): takes finished runs, bands and
// analyses, submits what the document's version (and the panels drawn last frame) ask for,
// puts a workshop's played moves back on the levers and moves a story's card with the scrubber.
void update(AppState& state);
// Takes finished runs from the worker; submits a run when the edits (or the Why panel's
// company and month) changed.
void syncRuns(AppState& state);
// Blocks until the worker is idle, then syncs: for tests and screenshots.
void waitForRuns(AppState& state);
// True while results on screen are older than the edits.
bool updating(const AppState& state);

// Switches the interface language ("en", "uk") at once: texts, numbers and the chart and
// table labels built from the scenario. On failure the language stays and the status bar
// says why. `roots`: where assets/ and scenarios/ are looked for (localeRoots()).
bool setAppLanguage(AppState& state, const std::string& code);
// Directories holding assets/ and scenarios/ beside the executable, installed, or in the
// source tree (the parents of assetSearchDirs()).
std::vector<std::filesystem::path> localeRoots();

// Switches presenter mode (F11) on or off.
void setPresenter(UiState& ui, bool on);
void setPresenter(AppState& state, bool on);
// The lever (or workshop) panel as a narrow strip: by default in presenter mode, else when
// folded; Ctrl+L toggles it in the mode on screen.
bool leverPanelCollapsed(const UiState& ui);
void toggleLeverPanel(UiState& ui);
void addRecentFile(AppState& state, const std::string& path);

// A user action that would drop unsaved edits goes through here: it happens now when
// nothing is unsaved, else the "discard changes?" dialog asks first.
void requestGuarded(AppState& state, PendingAction action, const std::string& path = "");
void performPending(AppState& state);

}  // namespace cp::app
