// UiState: what the user is looking at and how, apart from the model of the open document
// (app_state.h): the view (month, tabs, charts), which windows are open, the file dialogs,
// theme and fonts, the interface language, recent files, the status line and the requests
// the UI raised this frame and the edits it asked for (commands.h). Panels read the model
// and write here; no ImGui here.
#pragma once

#include "app/core/commands.h"
#include "app/core/dialogs.h"
#include "app/panels/fonts.h"
#include "app/panels/theme.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cp::app {

// Which auxiliary windows and panels are open. New panels add their flag here, not in a static.
struct WindowVisibility {
  bool about = false;
  bool shortcuts = false;
  bool imgui_demo = false;
  bool imgui_metrics = false;
  bool tables = true;              // the tabs under the charts (hidden in presenter mode)
  bool sources = false;            // Help > Sources
  bool compare_scenarios = false;  // the Compare scenarios window (panel_compare.cpp)
};

inline constexpr int kExplainTableTab = 4;  // ViewState::table_tab of the Explain tab

// What the user is looking at (not the model).
struct ViewState {
  int month = 0;                      // scrubber: month index into the run
  bool month_set = false;             // false: pick a default on load
  int why_company = -1;               // company index for the Why panel
  int enlarged_chart = -1;            // chart index shown large, -1 none
  std::vector<char> log_scale;        // per chart (parallel to chartSpecs())
  int table_tab = 0;                  // 0 companies, 1 chips, 2 rules, 3 why, 4 explain, 5 sensitivity
  int select_tab = -1;                // select this table tab on the next frame (--tab), -1 none
  float charts_fraction = 0.6f;       // share of the centre's height the charts get over the tables
  float charts_fraction_tall = 0.4f;  // the same while a tall tab (Rule timeline, Why, Explain, Sensitivity) is open
  bool why_visible = false;           // the Why tab was drawn this frame (tracing on demand)
  float enlarged_rect[4] = {0, 0, 0, 0};  // chart rect in the enlarged window (screen px)
  bool levers_collapsed = false;          // Ctrl+L: the lever (or workshop) panel is a narrow strip
  bool flop_units = false;                // View > Compute in FLOP-H100e
  bool presenter_levers_open = false;     // presenter mode collapses it; Ctrl+L opens it there
  int chart_page = 0;                     // presenter mode: which page of the chart order is shown (-1: the waterfall)
  std::string sources_filter;             // Sources window
  std::string source_selected;
  int sources_shown = 0;  // rows the filter let through (last frame)
  // A story card changed: bring its first lever and chart into view (only just after, so a
  // lever in a group opened later does not pull the list).
  bool scroll_to_lever = false;
  bool scroll_to_chart = false;
  std::uint64_t scroll_frame = 0;            // runs.frame when the card changed (later frames ignore the flags)
  std::string compare_export = "scenarios";  // Compare scenarios: export file name (no extension)
  int workshop_team = 0;                     // the workshop team whose tab is open (0 again when a workshop opens)
  float workshop_results_h = 0.0f;           // the scoreboard's height as last drawn (px), for the charts' share
};

// What to explain: a KPI card (chart < 0) or series `series` of chart `chart`.
struct ExplainTarget {
  int kpi = 0;
  int chart = -1;
  int series = 0;
  friend bool operator==(const ExplainTarget&, const ExplainTarget&) = default;
};

// The Explain and Sensitivity tabs as the user set them (the analyses: explain.h).
struct ExplainView {
  ExplainTarget target;
  bool one_at_a_time = false;    // waterfall split (see waterfallBars)
  bool explain_visible = false;  // the tabs were drawn this frame: update() computes on demand
  bool sensitivity_visible = false;
  std::string waterfall_export = "waterfall", tornado_export = "tornado";  // export file names (no extension)
  float waterfall_rect[4] = {0, 0, 0, 0}, tornado_rect[4] = {0, 0, 0, 0};  // last drawn (PNG export crops)
};

// A PNG export under way: that picture is drawn whole, on its own over the display, until the
// main loop has taken it (requestCapture / drawCapture, ui_common.h).
enum class Capture { None, Waterfall, Tornado, Compare };

// Screenshot of the window (or a crop of it) for the main loop: it is taken after the
// UI has been drawn `delay_frames` more times, so menus and dialogs have closed.
struct ScreenshotRequest {
  std::string path;
  bool crop_to_enlarged_chart = false;
  int delay_frames = 2;
  float crop[4] = {0, 0, 0, 0};  // else a screen rectangle (min x, min y, max x, max y); all 0 = none
};

// Requests from the UI, handled by handleRequests() or the main loop.
struct Requests {
  bool quit = false;  // confirmed: the main loop closes the window
  bool reload = false;
  bool revert = false;
  bool save = false;
  std::optional<std::string> open;        // path
  std::optional<std::string> save_as;     // path
  std::string save_as_name;               // the scenario name written with it
  std::optional<std::string> export_csv;  // path
  std::optional<ScreenshotRequest> screenshot;
};

struct UiState {
  ViewState view;
  ExplainView explain;
  WindowVisibility windows;
  Dialogs dialogs;

  // Look
  Theme theme = Theme::Dark;
  std::optional<Theme> applied_theme;  // what ImGui's style holds now (UI bookkeeping)
  float applied_scale = 1.0f;          // the interface scale the style was sized for
  FontSet fonts;                       // null pointers: ImGui default font
  bool presenter = false;              // F11: large font, high contrast, fewer panels
  Theme theme_before_presenter = Theme::Dark;
  std::string language = "en";                      // View > Language (the catalogue in force: cp::i18n)
  std::vector<std::filesystem::path> locale_roots;  // where catalogues are looked for

  std::vector<std::string> recent_files;  // most recent first (kept in settings.json)

  // The status line (status.h)
  std::vector<std::string> warnings;  // shown in the status bar (e.g. font fallback)
  std::string status_message;         // last action's outcome ("Saved ...")
  bool status_is_error = false;

  Requests requests;
  Capture capture = Capture::None;  // the PNG export drawn whole for its picture, if any
  Commands commands;                // edits of the document the panels asked for this frame (commands.h)
};

inline constexpr std::size_t kMaxRecentFiles = 8;

}  // namespace cp::app
