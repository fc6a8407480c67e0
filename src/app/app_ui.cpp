// Index of this file:
// [SECTION] Shortcuts
// [SECTION] Main menu bar
// [SECTION] Status bar
// [SECTION] Central area: scenario placeholder, error panel, welcome
// [SECTION] Auxiliary windows: About, Keyboard shortcuts, ImGui tools
// [SECTION] drawUi

#include "app/app_ui.h"

#include "app/ui_probe.h"

#include <imgui.h>
#include <imgui_internal.h>  // BeginViewportSideBar (status bar)

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>

#ifndef CHOKEPOINT_VERSION
#define CHOKEPOINT_VERSION "unknown"
#endif

namespace chokepoint::app {

namespace {

const ImVec4 kErrorColor(0.95f, 0.30f, 0.25f, 1.0f);
const ImVec4 kWarningColor(0.95f, 0.75f, 0.20f, 1.0f);

//-----------------------------------------------------------------------------
// [SECTION] Shortcuts
//-----------------------------------------------------------------------------

constexpr Shortcut kReload{'R', "Ctrl+R", "Reload scenario"};
constexpr Shortcut kQuit{'Q', "Ctrl+Q", "Quit"};
constexpr Shortcut kThemeDark{'1', "Ctrl+1", "Dark theme"};
constexpr Shortcut kThemeLight{'2', "Ctrl+2", "Light theme"};
constexpr Shortcut kThemePresenter{'3', "Ctrl+3", "Presenter theme (high contrast)"};
constexpr std::array kShortcuts{kReload, kQuit, kThemeDark, kThemeLight, kThemePresenter};

bool pressedCtrl(const Shortcut& s) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(s.key, /*repeat=*/false);
}

const Shortcut& themeShortcut(Theme theme) {
    switch (theme) {
        case Theme::Dark: return kThemeDark;
        case Theme::Light: return kThemeLight;
        case Theme::Presenter: return kThemePresenter;
    }
    return kThemeDark;
}

void handleShortcuts(AppState& state) {
    if (pressedCtrl(kQuit)) state.quitRequested = true;
    if (pressedCtrl(kReload)) state.reloadRequested = true;
    for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
        if (pressedCtrl(themeShortcut(t))) state.theme = t;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Main menu bar
//-----------------------------------------------------------------------------

void drawFileMenu(AppState& state) {
    const bool open = ImGui::BeginMenu("File");
    probeItem("menu/File");
    if (!open) return;
    if (ImGui::MenuItem(kReload.action, kReload.label, false, !state.scenarioPath.empty())) {
        state.reloadRequested = true;
    }
    probeItem("File/Reload scenario");
    ImGui::Separator();
    if (ImGui::MenuItem(kQuit.action, kQuit.label)) state.quitRequested = true;
    probeItem("File/Quit");
    ImGui::EndMenu();
}

void drawViewMenu(AppState& state) {
    const bool open = ImGui::BeginMenu("View");
    probeItem("menu/View");
    if (!open) return;
    for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
        if (ImGui::MenuItem(themeLabel(t), themeShortcut(t).label, state.theme == t)) state.theme = t;
        const std::string probeName = std::string("View/") + themeLabel(t);
        probeItem(probeName.c_str());
    }
    ImGui::Separator();
    if (ImGui::BeginMenu("Developer tools")) {
        ImGui::MenuItem("Dear ImGui demo", nullptr, &state.windows.imguiDemo);
        ImGui::MenuItem("Dear ImGui metrics", nullptr, &state.windows.imguiMetrics);
        ImGui::EndMenu();
    }
    ImGui::EndMenu();
}

void drawHelpMenu(AppState& state) {
    const bool open = ImGui::BeginMenu("Help");
    probeItem("menu/Help");
    if (!open) return;
    ImGui::MenuItem("Keyboard shortcuts", nullptr, &state.windows.shortcuts);
    probeItem("Help/Keyboard shortcuts");
    ImGui::MenuItem("About Chokepoint", nullptr, &state.windows.about);
    probeItem("Help/About Chokepoint");
    ImGui::EndMenu();
}

void drawMainMenuBar(AppState& state) {
    if (!ImGui::BeginMainMenuBar()) return;  // EndMainMenuBar only when it returned true
    drawFileMenu(state);
    drawViewMenu(state);
    drawHelpMenu(state);
    ImGui::EndMainMenuBar();
}

//-----------------------------------------------------------------------------
// [SECTION] Status bar
//-----------------------------------------------------------------------------

std::string fileName(const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    return name.empty() ? path : name;
}

void drawStatusBar(const AppState& state) {
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar;
    const float height = ImGui::GetFrameHeight();
    // BeginViewportSideBar wraps Begin(): End() is always due, whatever it returned.
    const bool open = ImGui::BeginViewportSideBar("##StatusBar", ImGui::GetMainViewport(), ImGuiDir_Down,
                                                  height, flags);
    if (open && ImGui::BeginMenuBar()) {
        if (state.scenarioPath.empty()) {
            ImGui::TextDisabled("No scenario");
        } else if (state.loadError) {
            ImGui::TextColored(kErrorColor, "Scenario failed to load: %s", fileName(state.scenarioPath).c_str());
        } else {
            ImGui::Text("Scenario: %s", fileName(state.scenarioPath).c_str());
        }
        for (const std::string& warning : state.warnings) {
            ImGui::Separator();
            ImGui::TextColored(kWarningColor, "Warning: %s", warning.c_str());
        }
        ImGui::EndMenuBar();
    }
    ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] Central area: scenario placeholder, error panel, welcome
//-----------------------------------------------------------------------------

// Bold face at the current theme's size (ImGui's current font when none was loaded).
void pushBold(const AppState& state) {
    ImFont* bold = state.theme == Theme::Presenter ? state.fonts.largeBold : state.fonts.bold;
    ImGui::PushFont(bold ? bold : ImGui::GetFont());
}

void drawErrorPanel(AppState& state) {
    ImGui::PushStyleColor(ImGuiCol_Border, kErrorColor);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
    ImGui::BeginChild("##ScenarioError", ImVec2(0, 0), true);
    ImGui::PopStyleVar();    // the border is drawn by BeginChild; widgets inside keep
    ImGui::PopStyleColor();  // the theme's border colour
    pushBold(state);
    ImGui::TextColored(kErrorColor, "The scenario could not be loaded");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextUnformatted("File:");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", state.scenarioPath.c_str());
    ImGui::TextUnformatted("Reason:");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", state.loadError->c_str());
    ImGui::Spacing();
    ImGui::TextWrapped("Fix the file and reload, or start Chokepoint with --scenario pointing at another file.");
    ImGui::Spacing();
    if (ImGui::Button("Reload scenario (Ctrl+R)")) state.reloadRequested = true;
    probeItem("error/Reload");
    ImGui::EndChild();
}

void drawWelcome() {
    ImGui::TextUnformatted("No scenario loaded.");
    ImGui::TextWrapped("Start Chokepoint with --scenario FILE, for example: "
                       "build/chokepoint --scenario scenarios/baseline.json");
}

// Stand-in for the panels later issues add; shows the intended layout.
void drawPanelPlaceholder(const char* id, const char* title, const char* text, ImVec2 size) {
    ImGui::BeginChild(id, size, true);
    ImGui::TextUnformatted(title);
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    ImGui::EndChild();
}

void drawScenarioPlaceholder(const AppState& state) {
    pushBold(state);
    ImGui::TextUnformatted(fileName(state.scenarioPath).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", state.scenarioPath.c_str());
    ImGui::Spacing();

    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float leftWidth = std::max(avail.x * 0.28f, 200.0f);
    const float rightWidth = std::max(avail.x - leftWidth - style.ItemSpacing.x, 1.0f);
    const float topHeight = std::max(avail.y * 0.62f, 100.0f);
    const float bottomHeight = std::max(avail.y - topHeight - style.ItemSpacing.y, 1.0f);

    drawPanelPlaceholder("##Levers", "Policy levers",
                         "Export-rule thresholds, overseas leasing rules and enforcement "
                         "settings will be edited here.",
                         ImVec2(leftWidth, avail.y));
    ImGui::SameLine();
    ImGui::BeginGroup();
    drawPanelPlaceholder("##Results", "Results by month",
                         "Compute available to each company, chip allocations and "
                         "data-centre leases, month by month, will be charted here.",
                         ImVec2(rightWidth, topHeight));
    drawPanelPlaceholder("##Companies", "Companies and data centres",
                         "Per-company tables (home and overseas capacity) will appear here.",
                         ImVec2(rightWidth, bottomHeight));
    ImGui::EndGroup();
}

void drawCentralArea(AppState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("##Central", nullptr, flags)) {
        if (state.loadError) {
            drawErrorPanel(state);
        } else if (state.scenarioLoaded) {
            drawScenarioPlaceholder(state);
        } else {
            drawWelcome();
        }
    }
    ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] Auxiliary windows: About, Keyboard shortcuts, ImGui tools
//-----------------------------------------------------------------------------

void drawAboutWindow(AppState& state) {
    if (!state.windows.about) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("About Chokepoint", &state.windows.about,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        pushBold(state);
        ImGui::Text("Chokepoint %s", CHOKEPOINT_VERSION);
        ImGui::PopFont();
        ImGui::TextUnformatted("An interactive simulator of AI-compute export policy.");
        ImGui::Separator();
        ImGui::Text("Dear ImGui %s", IMGUI_VERSION);
        ImGui::TextUnformatted("Fonts: DejaVu Sans (Bitstream Vera licence, see assets/fonts/LICENSE)");
    }
    ImGui::End();
}

void drawShortcutsWindow(AppState& state) {
    if (!state.windows.shortcuts) return;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Keyboard shortcuts", &state.windows.shortcuts,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTable("##Shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            for (const Shortcut& s : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.label);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.action);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

void drawImGuiTools(AppState& state) {
    if (state.windows.imguiDemo) ImGui::ShowDemoWindow(&state.windows.imguiDemo);
    if (state.windows.imguiMetrics) ImGui::ShowMetricsWindow(&state.windows.imguiMetrics);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] drawUi
//-----------------------------------------------------------------------------

void applyThemeIfChanged(AppState& state) {
    if (state.appliedTheme == state.theme) return;
    applyTheme(state.theme, ImGui::GetStyle());
    // Takes effect from the next NewFrame(); null means the atlas's first font.
    ImGui::GetIO().FontDefault = state.theme == Theme::Presenter ? state.fonts.large : state.fonts.regular;
    state.appliedTheme = state.theme;
}

void drawUi(AppState& state) {
    applyThemeIfChanged(state);
    handleShortcuts(state);
    drawMainMenuBar(state);
    drawStatusBar(state);
    drawCentralArea(state);
    drawAboutWindow(state);
    drawShortcutsWindow(state);
    drawImGuiTools(state);
}

}  // namespace chokepoint::app
