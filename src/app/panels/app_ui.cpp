// Index of this file:
// [SECTION] Shortcuts
// [SECTION] Main menu bar
// [SECTION] Status bar
// [SECTION] Central area: dashboard layout, error panel, welcome
// [SECTION] Auxiliary windows: About, Keyboard shortcuts, ImGui tools
// [SECTION] drawUi

#include "app/panels/app_ui.h"

#include "app/classroom/classroom_ui.h"
#include "app/panels/panels.h"
#include "app/charts/chart.h"
#include "app/core/chart_specs.h"
#include "app/core/scenario_files.h"
#include "app/core/share_link.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"
#include "i18n/format.h"

#include <imgui.h>
#include <imgui_internal.h>  // BeginViewportSideBar (status bar)

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#ifndef CHOKEPOINT_VERSION
#define CHOKEPOINT_VERSION "unknown"
#endif

namespace cp::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Shortcuts
//-----------------------------------------------------------------------------

constexpr Shortcut kOpen{'O', true, false, "Ctrl+O", N_("Open scenario...")};
constexpr Shortcut kSave{'S', true, false, "Ctrl+S", N_("Save")};
constexpr Shortcut kSaveAs{'S', true, true, "Ctrl+Shift+S", N_("Save as...")};
constexpr Shortcut kReload{'R', true, false, "Ctrl+R", N_("Reload from disk (keeps your changes)")};
constexpr Shortcut kExportCsv{'E', true, false, "Ctrl+E", N_("Export results CSV...")};
constexpr Shortcut kExportPng{'P', true, false, "Ctrl+P", N_("Export window PNG...")};
constexpr Shortcut kQuit{'Q', true, false, "Ctrl+Q", N_("Quit")};
constexpr Shortcut kUndo{'Z', true, false, "Ctrl+Z", N_("Undo lever change")};
constexpr Shortcut kRedo{'Y', true, false, "Ctrl+Y", N_("Redo lever change")};
constexpr Shortcut kRedoAlt{'Z', true, true, "Ctrl+Shift+Z", N_("Redo lever change")};
constexpr Shortcut kPresenter{kKeyF11, false, false, "F11", N_("Presenter mode")};
constexpr Shortcut kLevers{'L', true, false, "Ctrl+L", N_("Lever panel: collapse to a strip / open")};
constexpr Shortcut kThemeDark{'1', true, false, "Ctrl+1", N_("Dark theme")};
constexpr Shortcut kThemeLight{'2', true, false, "Ctrl+2", N_("Light theme")};
constexpr Shortcut kThemePresenter{'3', true, false, "Ctrl+3", N_("Presenter theme (high contrast)")};
constexpr std::array kShortcuts{kOpen,    kSave,      kSaveAs, kReload,    kExportCsv,  kExportPng,      kUndo, kRedo,
                                kRedoAlt, kPresenter, kLevers, kThemeDark, kThemeLight, kThemePresenter, kQuit};

// A browser tab is closed by the browser: the page has no Quit (and Ctrl+Q stays the browser's).
#ifdef __EMSCRIPTEN__
constexpr bool kCanQuit = false;
#else
constexpr bool kCanQuit = true;
#endif
bool offered(const Shortcut& s) { return kCanQuit || s.action != kQuit.action; }

bool pressed(const Shortcut& s) {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyCtrl == s.ctrl && io.KeyShift == s.shift && !io.KeyAlt && ImGui::IsKeyPressed(s.key, /*repeat=*/false);
}

const Shortcut& themeShortcut(Theme theme) {
  switch (theme) {
    case Theme::Dark: return kThemeDark;
    case Theme::Light: return kThemeLight;
    case Theme::Presenter: return kThemePresenter;
  }
  return kThemeDark;
}

// A user action that may drop unsaved edits: asked after the frame (commands.h).
void guarded(UiState& ui, PendingAction action, const std::string& path = "") {
  ui.commands.push_back(Guarded{action, path});
}

void handleShortcuts(const AppState& state, UiState& ui) {
  const bool doc = hasScenario(state.doc);
  // While a text field is active, Ctrl+Z/Y belong to it.
  const bool typing = ImGui::GetIO().WantTextInput;
  if (kCanQuit && pressed(kQuit)) guarded(ui, PendingAction::Quit);
  if (pressed(kReload) && !state.scenario_path.empty()) ui.requests.reload = true;
  if (pressed(kOpen)) requestOpenScenario(state, ui);
  if (doc && pressed(kSave)) ui.requests.save = true;
  if (doc && pressed(kSaveAs)) requestSaveScenarioAs(state, ui);
  if (doc && pressed(kExportCsv)) requestExportCsv(state, ui);
  if (pressed(kExportPng)) requestExportPng(state, ui, /*enlarged_chart=*/false);
  if (doc && !typing && pressed(kUndo)) ui.commands.push_back(Undo{});
  if (doc && !typing && (pressed(kRedo) || pressed(kRedoAlt))) ui.commands.push_back(Redo{});
  if (pressed(kPresenter)) setPresenter(ui, !ui.presenter);
  if (!typing && pressed(kLevers)) toggleLeverPanel(ui);
  for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
    if (pressed(themeShortcut(t))) ui.theme = t;
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Main menu bar
//-----------------------------------------------------------------------------

bool menuItem(const Shortcut& s, bool enabled = true, bool selected = false) {
  return ImGui::MenuItem(tr(s.action), s.label, selected, enabled);
}

void drawRecentMenu(UiState& ui) {
  const bool open = ImGui::BeginMenu(tr("Open recent"), !ui.recent_files.empty());
  probeItem("File/Open recent");
  if (!open) return;
  std::string chosen;
  for (size_t i = 0; i < ui.recent_files.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::MenuItem(ui.recent_files[i].c_str())) chosen = ui.recent_files[i];
    ImGui::PopID();
  }
  ImGui::Separator();
  if (ImGui::MenuItem(tr("Clear list"))) ui.recent_files.clear();
  ImGui::EndMenu();
  if (!chosen.empty()) guarded(ui, PendingAction::Open, chosen);
}

void drawFileMenu(const AppState& state, UiState& ui) {
  const bool open = ImGui::BeginMenu(tr("File"));
  probeItem("menu/File");
  if (!open) return;
  const bool doc = hasScenario(state.doc);
  if (menuItem(kOpen)) requestOpenScenario(state, ui);
  probeItem("File/Open");
  drawRecentMenu(ui);
  ImGui::Separator();
  drawClassroomFileMenu(state, ui);  // stories, workshops, sessions, the workshop report
  ImGui::Separator();
  if (menuItem(kSave, doc)) ui.requests.save = true;
  probeItem("File/Save");
  if (menuItem(kSaveAs, doc)) requestSaveScenarioAs(state, ui);
  probeItem("File/Save as");
  if (ImGui::MenuItem(tr("Revert (discard your changes)"), nullptr, false, doc && isDirty(state.doc)))
    guarded(ui, PendingAction::Revert);
  probeItem("File/Revert");
  if (menuItem(kReload, !state.scenario_path.empty())) ui.requests.reload = true;
  probeItem("File/Reload scenario");
  ImGui::Separator();
  if (menuItem(kExportCsv, doc && state.runs.current)) requestExportCsv(state, ui);
  probeItem("File/Export CSV");
  if (menuItem(kExportPng)) requestExportPng(state, ui, /*enlarged_chart=*/false);
  probeItem("File/Export PNG");
  if (ImGui::MenuItem(tr("Copy link"), nullptr, false, doc)) copyShareLink(state, ui);
  probeItem("File/Copy link");
  if (kCanQuit) {
    ImGui::Separator();
    if (menuItem(kQuit)) guarded(ui, PendingAction::Quit);
    probeItem("File/Quit");
  }
  ImGui::EndMenu();
}

void drawEditMenu(const AppState& state, UiState& ui) {
  const bool open = ImGui::BeginMenu(tr("Edit"));
  probeItem("menu/Edit");
  if (!open) return;
  if (menuItem(kUndo, canUndo(state.doc))) ui.commands.push_back(Undo{});
  probeItem("Edit/Undo");
  if (menuItem(kRedo, canRedo(state.doc))) ui.commands.push_back(Redo{});
  probeItem("Edit/Redo");
  ImGui::Separator();
  if (ImGui::MenuItem(tr("Reset all levers"), nullptr, false, changedLeverCount(state.doc) > 0))
    ui.commands.push_back(ResetAllLevers{});
  probeItem("Edit/Reset all levers");
  ImGui::EndMenu();
}

void drawViewMenu(const AppState& state, UiState& ui) {
  const bool open = ImGui::BeginMenu(tr("View"));
  probeItem("menu/View");
  if (!open) return;
  if (menuItem(kPresenter, true, ui.presenter)) setPresenter(ui, !ui.presenter);
  probeItem("View/Presenter mode");
  if (menuItem(kLevers, hasScenario(state.doc), !leverPanelCollapsed(ui))) toggleLeverPanel(ui);
  probeItem("View/Lever panel");
  ImGui::MenuItem(tr("Tables and Why panel"), nullptr, &ui.windows.tables, !ui.presenter);
  probeItem("View/Tables");
  ImGui::MenuItem(tr("Compute in FLOP-H100e"), nullptr, &ui.view.flop_units);
  probeItem("View/FLOP units");
  if (ImGui::IsItemHovered()) itemTooltip(flopViewHelp().c_str());  // names the charts it switches
  if (ImGui::MenuItem(tr("Uncertainty bands (p10-p90)"), nullptr, state.uncertainty.enabled, hasScenario(state.doc)))
    ui.commands.push_back(SetUncertainty{!state.uncertainty.enabled});
  probeItem("View/Uncertainty");
  ImGui::MenuItem(tr("Compare scenarios..."), nullptr, &ui.windows.compare_scenarios, hasScenario(state.doc));
  probeItem("View/Compare scenarios");
  ImGui::Separator();
  for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
    if (ImGui::MenuItem(tr(themeLabel(t)), themeShortcut(t).label, ui.theme == t)) ui.theme = t;
    const std::string probe_name = std::string("View/") + themeLabel(t);
    probeItem(probe_name.c_str());
  }
  ImGui::Separator();
  const bool language_open = ImGui::BeginMenu(trId("Language", "###Language"));
  probeItem("View/Language");
  if (language_open) {
    // Each language in its own name, so a reader can find theirs whatever is shown now.
    for (const cp::i18n::Language& l : cp::i18n::languages()) {
      if (ImGui::MenuItem(l.name, nullptr, ui.language == l.code)) ui.commands.push_back(SetLanguage{l.code});
      probeItem((std::string("Language/") + l.code).c_str());
    }
    ImGui::EndMenu();
  }
  ImGui::Separator();
  if (ImGui::BeginMenu(tr("Developer tools"))) {
    ImGui::MenuItem(tr("Dear ImGui demo"), nullptr, &ui.windows.imgui_demo);
    ImGui::MenuItem(tr("Dear ImGui metrics"), nullptr, &ui.windows.imgui_metrics);
    ImGui::EndMenu();
  }
  ImGui::EndMenu();
}

void drawHelpMenu(UiState& ui) {
  const bool open = ImGui::BeginMenu(tr("Help"));
  probeItem("menu/Help");
  if (!open) return;
  ImGui::MenuItem(tr("Sources"), nullptr, &ui.windows.sources);
  probeItem("Help/Sources");
  ImGui::MenuItem(tr("Keyboard shortcuts"), nullptr, &ui.windows.shortcuts);
  probeItem("Help/Keyboard shortcuts");
  ImGui::MenuItem(tr("About Chokepoint"), nullptr, &ui.windows.about);
  probeItem("Help/About Chokepoint");
  ImGui::EndMenu();
}

void drawMainMenuBar(const AppState& state, UiState& ui) {
  if (!ImGui::BeginMainMenuBar()) return;  // EndMainMenuBar only when it returned true
  drawFileMenu(state, ui);
  drawEditMenu(state, ui);
  drawViewMenu(state, ui);
  drawHelpMenu(ui);
  ImGui::EndMainMenuBar();
}

//-----------------------------------------------------------------------------
// [SECTION] Status bar
//-----------------------------------------------------------------------------

void drawStatusBar(const AppState& state) {
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar;
  const float height = ImGui::GetFrameHeight();
  // BeginViewportSideBar wraps Begin(): End() is always due, whatever it returned.
  const bool open = ImGui::BeginViewportSideBar("##StatusBar", ImGui::GetMainViewport(), ImGuiDir_Down, height, flags);
  if (open && ImGui::BeginMenuBar()) {
    if (state.scenario_path.empty()) {
      ImGui::TextDisabled("%s", tr("No scenario"));
    } else if (state.load_error) {
      ImGui::TextColored(errorColor(state.ui.theme), tr("Scenario failed to load: %s"),
                         fileName(state.scenario_path).c_str());
    } else {
      ImGui::Text(tr("Scenario: %s%s"), fileName(state.scenario_path).c_str(),
                  isDirty(state.doc) ? tr("  (unsaved changes)") : "");
      if (!state.doc.saved_path.empty()) {
        ImGui::Separator();
        ImGui::Text(tr("Saved as: %s"), fileName(state.doc.saved_path).c_str());
      }
      if (state.runs.current) {
        ImGui::Separator();
        ImGui::TextDisabled(tr("run %s ms"), cp::i18n::formatFixed(state.runs.last_run_ms, 1).c_str());
      }
    }
    if (!state.runs.error.empty()) {
      ImGui::Separator();
      ImGui::TextColored(errorColor(state.ui.theme), tr("Run failed: %s"), state.runs.error.c_str());
    }
    if (!state.ui.status_message.empty()) {
      ImGui::Separator();
      if (state.ui.status_is_error)
        ImGui::TextColored(errorColor(state.ui.theme), "%s", state.ui.status_message.c_str());
      else
        ImGui::TextUnformatted(state.ui.status_message.c_str());
    }
    for (const std::string& warning : state.ui.warnings) {
      ImGui::Separator();
      ImGui::TextColored(warningColor(state.ui.theme), tr("Warning: %s"), warning.c_str());
      probeItem("status/warning");
    }
    ImGui::EndMenuBar();
  }
  ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] Central area: dashboard layout, error panel, welcome
//-----------------------------------------------------------------------------

void drawWelcome(const AppState& state, UiState& ui) {
  ImGui::TextUnformatted(tr("No scenario loaded."));
  ImGui::TextWrapped("%s",
                     tr("Open one with File > Open (Ctrl+O), or start Chokepoint with --scenario FILE, for example: "
                        "build/chokepoint --scenario scenarios/baseline.json"));
  if (ImGui::Button(tr("Open a scenario..."))) requestOpenScenario(state, ui);
  probeItem("welcome/Open");
}

void drawHeader(const AppState& state, UiState& ui) {
  pushBold(ui);
  ImGui::TextUnformatted(tr(state.doc.loaded->name));
  ImGui::PopFont();
  if (!ui.presenter) {  // the room needs the scenario's name, not its file
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", fileName(state.doc.path).c_str());
  }
  ImGui::SameLine();
  if (updating(state)) {
    ImGui::TextColored(warningColor(ui.theme), "%s", tr("updating..."));
  } else {
    ImGui::TextDisabled("%s", tr("up to date"));
  }
  probeItem("header/status");
  if (ui.presenter) return;  // the chart row's own line says it (presenter: no line to spare)
  // How to read the charts: at the right end of the line, or on a line of its own.
  const char* legend = tr("solid: with your changes   dashed: as loaded   thin lines: events");
  const float w = ImGui::CalcTextSize(legend).x;
  ImGui::SameLine();
  const float x = ImGui::GetWindowContentRegionMax().x - w;
  if (x > ImGui::GetCursorPosX() + em())
    ImGui::SameLine(x);
  else
    ImGui::NewLine();
  ImGui::TextDisabled("%s", legend);
}

void drawTableTabs(const AppState& state, UiState& ui) {
  if (!ImGui::BeginTabBar("##tables")) return;
  struct Tab {
    const char* label;
    void (*draw)(const AppState&, UiState&);  // reads the model, writes the view and commands
  };
  const Tab tabs[] = {{N_("Companies"), drawCompaniesTable},
                      {N_("Chips"), drawChipsTable},
                      {N_("Rule timeline"), drawRuleTimeline},
                      {N_("Why? (options a company weighed)"), drawWhyPanel},
                      {N_("Explain (which lever did what)"), drawExplainTab},
                      {N_("Sensitivity"), drawSensitivityTab}};
  for (int i = 0; i < static_cast<int>(std::size(tabs)); ++i) {
    const bool open = ImGui::BeginTabItem(trId(tabs[i].label, (std::string("###") + tabs[i].label).c_str()), nullptr,
                                          ui.view.select_tab == i ? ImGuiTabItemFlags_SetSelected : 0);
    probeItem((std::string("tab/") + tabs[i].label).c_str());
    if (open) {
      ui.view.table_tab = i;
      tabs[i].draw(state, ui);
      ImGui::EndTabItem();
    }
  }
  ImGui::EndTabBar();
  ui.view.select_tab = -1;
}

// A bar between charts and tables; dragging it moves the share of height the charts get.
void drawSplitter(float& fraction, float total, float height) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton("##splitter", ImVec2(w, height));
  probeItem("splitter");
  const bool active = ImGui::IsItemActive();
  if (active || ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
  if (active && total > 0) fraction = std::clamp(fraction + ImGui::GetIO().MouseDelta.y / total, 0.2f, 0.9f);
  const ImU32 col = ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_Separator);
  const float y = p.y + height * 0.5f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, y), ImVec2(p.x + w, y), col, active ? 2.0f : 1.0f);
}

// The lever (or workshop) panel folded away: a strip with the button that opens it, how
// many levers are changed, and in a workshop the open round with its Play button. Play is a
// word on a tinted button, a line and a rule below the open arrow: a slip of the mouse on
// the strip must not play the round.
void drawLeverStrip(const AppState& state, UiState& ui, float height) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const int round = workshopActive(state) ? openRound(state) : 0;
  // TRANSLATORS: the open workshop round in the folded panel's narrow strip ("R3": round 3); a letter or two.
  const std::string round_label = round > 0 ? trf("R{}", round) : "";
  // TRANSLATORS: the button that plays the open workshop round, in the folded panel's narrow strip; one short word.
  const char* play = tr("Play");
  float inner = ImGui::GetFrameHeight();
  if (round > 0)
    inner = std::max(
        {inner, ImGui::CalcTextSize(play).x + style.FramePadding.x * 2.0f, ImGui::CalcTextSize(round_label.c_str()).x});
  ImGui::BeginChild("##leverStrip", ImVec2(inner + style.WindowPadding.x * 2.0f, height), true,
                    ImGuiWindowFlags_NoScrollbar);
  if (ImGui::ArrowButton("##openLevers", ImGuiDir_Right)) toggleLeverPanel(ui);
  probeItem("levers/open");
  itemTooltip(workshopActive(state) ? tr("Open the workshop panel (Ctrl+L)") : tr("Open the lever panel (Ctrl+L)"));
  if (const int changed = changedLeverCount(state.doc); changed > 0 && !workshopActive(state)) {
    ImGui::TextColored(changedColor(ui.theme), "%d", changed);
    itemTooltip(tr("levers changed from the scenario as loaded"));
  }
  if (round > 0) {
    ImGui::Dummy(ImVec2(inner, em()));
    ImGui::Separator();
    ImGui::TextUnformatted(round_label.c_str());
    itemTooltip(tr("The round open for moves"));
    ImVec4 tint = highlightColor(ui.theme);
    tint.w = 0.35f;
    ImGui::PushStyleColor(ImGuiCol_Button, tint);
    ImGui::BeginDisabled(updating(state));
    if (ImGui::Button(play, ImVec2(inner, 0.0f))) ui.commands.push_back(PlayRound{});
    ImGui::EndDisabled();
    ImGui::PopStyleColor();
    probeItem("levers/play");
    itemTooltip(tr("Play the open round with the moves entered"));
  }
  ImGui::EndChild();
}

void drawDashboard(const AppState& state, UiState& ui) {
  // Tiny windows: never hand BeginChild a negative size (ImGui reads it as "all but").
  const ImVec2 avail = ImMax(ImGui::GetContentRegionAvail(), ImVec2(1.0f, 1.0f));
  // Workshop mode: the round, the teams and their moves take the lever panel's place, a little wider.
  const bool workshop = workshopActive(state);
  if (leverPanelCollapsed(ui)) {
    drawLeverStrip(state, ui, avail.y);
  } else {
    const float left_share = (ui.presenter ? 0.27f : 0.235f) + (workshop ? 0.04f : 0.0f);
    const float left_w = std::clamp(avail.x * left_share, em() * 16.0f, em() * (workshop ? 30.0f : 26.0f));
    ImGui::BeginChild("##leverPanel", ImVec2(left_w, avail.y), true);
    if (ImGui::ArrowButton("##closeLevers", ImGuiDir_Left)) toggleLeverPanel(ui);
    probeItem("levers/close");
    itemTooltip(tr("Fold the panel into a strip: more room for the charts (Ctrl+L)"));
    ImGui::SameLine();
    if (workshop)
      drawWorkshopPanel(state, ui);
    else
      drawLeverPanel(state, ui);
    ImGui::EndChild();
  }
  ImGui::SameLine();

  ImGui::BeginChild("##centre", ImVec2(0, avail.y), false);
  // A short screen (1280x720; presenter mode's faces are larger, its em counts fewer): a
  // story shows the card beside its charts, paged as the card names them. A workshop keeps
  // the KPI cards (coloured for the team in view) down to a laptop's 768 lines; below that,
  // and in presenter mode, it leaves them out (its scoreboard is below), so the charts keep
  // their height.
  const bool short_centre = ImGui::GetContentRegionAvail().y < em() * (ui.presenter ? 30.0f : 46.0f);
  if (storyActive(state) && short_centre) {
    const ImVec2 a = ImMax(ImGui::GetContentRegionAvail(), ImVec2(1.0f, 1.0f));
    drawStoryColumn(state, ui, ImVec2(std::floor(a.x * 0.45f), a.y));
    ImGui::SameLine();
    ImGui::BeginChild("##chartArea", ImVec2(0, a.y), false, ImGuiWindowFlags_NoScrollbar);
    probeWindow("charts/area");
    drawChartPages(state, ui);
    ImGui::EndChild();
    ImGui::EndChild();
    return;
  }
  drawHeader(state, ui);
  drawStoryBar(state, ui);
  const bool cramped = ImGui::GetContentRegionAvail().y < em() * 36.0f;
  const bool kpis = workshop ? !(ui.presenter || cramped) : !(storyActive(state) && (ui.presenter || short_centre));
  if (kpis) drawKpiCards(state, ui);  // else the charts take their room
  // A short screen: the bands toggle ends the month row, a line more for the scoreboard or
  // the tables.
  const bool toggle_on_scrubber = short_centre && !ui.presenter;
  drawScrubber(state, ui, toggle_on_scrubber);
  const bool tables = workshop || (ui.windows.tables && !ui.presenter);  // the scoreboard stays in presenter mode
  const float rest = ImGui::GetContentRegionAvail().y;
  // The rule timeline, Why, Explain and Sensitivity are lists read top to bottom: they get
  // more of the height (their own share, which the splitter moves), so a 720-line screen
  // shows several rows (classroom review: the timeline showed one and a half rules).
  const bool tall_tab = !workshop && ui.view.table_tab >= 2;
  float& fraction = tall_tab ? ui.view.charts_fraction_tall : ui.view.charts_fraction;
  const float splitter_h = std::round(em() * 0.4f);
  // A tall tab leaves the charts one whole row (12 em, and the toggle's line where it is not
  // on the month row), as a workshop does, where the tables still get their 8 em.
  const float row_em = toggle_on_scrubber ? 12.0f : 14.0f;
  const float min_charts = tall_tab ? std::clamp(rest - em() * 8.0f, em() * 10.0f, em() * row_em) : em() * 10.0f;
  float charts_h =
      tables ? std::clamp(std::floor(rest * fraction), min_charts, std::max(min_charts, rest - em() * 8.0f)) : rest;
  // A workshop: the whole scoreboard, while a row of charts stays whole (the grid's rows are
  // 12 em at least, presenter mode's 7 under a line).
  if (workshop)
    charts_h = std::max(em() * (ui.presenter ? 9.0f : 14.0f),
                        std::min(charts_h, rest - splitter_h - workshopResultsHeight(state)));
  ImGui::BeginChild("##chartArea", ImVec2(0, charts_h), false, ImGuiWindowFlags_NoScrollbar);
  probeWindow("charts/area");
  drawChartGrid(state, ui, !toggle_on_scrubber);
  ImGui::EndChild();
  if (tables) {
    drawSplitter(fraction, rest, splitter_h);
    if (workshop)
      drawWorkshopResults(state, ui);
    else
      drawTableTabs(state, ui);
  }
  ImGui::EndChild();
}

void drawCentralArea(const AppState& state, UiState& ui) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("##Central", nullptr, flags)) {
    if (state.load_error) {
      drawErrorPanel(state, ui);
    } else if (state.scenario_loaded && hasScenario(state.doc)) {
      drawDashboard(state, ui);
    } else {
      drawWelcome(state, ui);
    }
  }
  ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] Auxiliary windows: About, Keyboard shortcuts, ImGui tools
//-----------------------------------------------------------------------------

void drawAboutWindow(UiState& ui) {
  if (!ui.windows.about) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin(trId("About Chokepoint", "###About Chokepoint"), &ui.windows.about,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    pushBold(ui);
    ImGui::Text(tr("Chokepoint %s"), CHOKEPOINT_VERSION);
    ImGui::PopFont();
    ImGui::TextUnformatted(tr("An interactive simulator of AI-compute export policy."));
    ImGui::Separator();
    ImGui::Text(tr("Dear ImGui %s"), IMGUI_VERSION);
    ImGui::TextUnformatted(tr("Fonts: DejaVu Sans (Bitstream Vera licence, see assets/fonts/LICENSE)"));
  }
  ImGui::End();
}

void drawShortcutsWindow(UiState& ui) {
  if (!ui.windows.shortcuts) return;
  centreNextWindowOnScreen("###Keyboard shortcuts");
  if (ImGui::Begin(trId("Keyboard shortcuts", "###Keyboard shortcuts"), &ui.windows.shortcuts,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    if (ImGui::BeginTable("##Shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
      for (const Shortcut& s : kShortcuts) {
        if (!offered(s)) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.label);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(s.action));
      }
      // Keys that are no menu item's: Esc, and the story's card keys (panel_story.cpp).
      const auto row = [](const char* keys, const char* action, const char* note = nullptr) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(keys);
        probeItem((std::string("shortcuts/") + keys).c_str());
        ImGui::TableNextColumn();
        ImGui::BeginGroup();
        ImGui::TextUnformatted(action);
        if (note) ImGui::TextDisabled("%s", note);
        ImGui::EndGroup();
        probeItem((std::string("shortcuts/") + keys + "/action").c_str());
      };
      row(tr("Esc"), tr("Close the enlarged chart or a dialog"));
      row(tr("Page Up / Page Down"), tr("Story: previous / next card"));
      row(tr("Left / Right arrows"), tr("Story: previous / next card"),
          tr("once the keyboard focus is shown, they move it"));
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

void drawImGuiTools(UiState& ui) {
  if (ui.windows.imgui_demo) ImGui::ShowDemoWindow(&ui.windows.imgui_demo);
  if (ui.windows.imgui_metrics) ImGui::ShowMetricsWindow(&ui.windows.imgui_metrics);
}

}  // namespace

bool isAppShortcut(int key, bool ctrl, bool shift, bool alt) {
  return !alt && std::any_of(kShortcuts.begin(), kShortcuts.end(), [&](const Shortcut& s) {
    return offered(s) && s.key == key && s.ctrl == ctrl && s.shift == shift;
  });
}

//-----------------------------------------------------------------------------
// [SECTION] drawUi
//-----------------------------------------------------------------------------

void applyThemeIfChanged(AppState& state) {
  if (state.ui.applied_theme == state.ui.theme && state.ui.applied_scale == state.ui.fonts.scale) return;
  applyTheme(state.ui.theme, ImGui::GetStyle(), state.ui.fonts.scale);
  // Takes effect from the next NewFrame(); null means the atlas's first font.
  ImGui::GetIO().FontDefault = state.ui.theme == Theme::Presenter ? state.ui.fonts.large : state.ui.fonts.regular;
  state.ui.applied_theme = state.ui.theme;
  state.ui.applied_scale = state.ui.fonts.scale;
  chart::setPixelScale(state.ui.fonts.scale);
}

void drawUi(AppState& state) {
  applyThemeIfChanged(state);
  // From here on the model is read only: every panel writes the view state and pushes commands.
  const AppState& model = state;
  UiState& ui = state.ui;
  handleShortcuts(model, ui);
  drawMainMenuBar(model, ui);
  drawStatusBar(model);
  ui.view.why_visible = false;                                          // set again by the Why panel if it is drawn
  ui.explain.explain_visible = ui.explain.sensitivity_visible = false;  // likewise the Explain tabs
  drawCentralArea(model, ui);
  drawEnlargedChart(model, ui);
  drawCompareWindow(model, ui);
  drawDialogs(model, ui);
  drawHandoutCard(model, ui);
  drawRecoveryDialogs(model, ui);
  drawAboutWindow(ui);
  drawSourcesWindow(model, ui);
  drawShortcutsWindow(ui);
  drawImGuiTools(ui);
  // A slider drag is one undo step: it ends when nothing is held any more.
  if ((gestureOpen(model.doc) || dragPending(ui.commands)) && !ImGui::IsAnyItemActive())
    ui.commands.push_back(EndGesture{});
}

void updateAndDraw(AppState& state) {
  update(state);
  drawUi(state);
  applyCommands(state);  // the frame's edits, submitted by the next frame's update()
}

}  // namespace cp::app
