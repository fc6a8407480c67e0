// AppState: everything the dashboard shows, in one place. The UI is a function of this
// struct each frame (drawUi in app_ui.h); the main loop acts on the requests it holds.
//
//   AppState state;
//   state.scenarioPath = "scenarios/baseline.json";
//   loadScenario(state);          // sets state.loadError on failure, never throws
//   ... each frame: drawUi(state); handleRequests(state);
#pragma once

#include "app/fonts.h"
#include "app/theme.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace chokepoint::app {

// Which auxiliary windows are open. New panels add their flag here, not in a static.
struct WindowVisibility {
    bool about = false;
    bool shortcuts = false;
    bool imguiDemo = false;
    bool imguiMetrics = false;
};

struct AppState {
    // Scenario
    std::string scenarioPath;               // empty: none given
    std::optional<std::string> loadError;   // why the scenario could not be loaded
    bool scenarioLoaded = false;

    // Look
    Theme theme = Theme::Dark;
    std::optional<Theme> appliedTheme;      // what ImGui's style holds now (UI bookkeeping)
    FontSet fonts;                          // null pointers: ImGui default font

    WindowVisibility windows;
    std::vector<std::string> warnings;      // shown in the status bar (e.g. font fallback)

    // Requests from the UI, handled by handleRequests() or the main loop.
    bool quitRequested = false;
    bool reloadRequested = false;
};

// Checks that `path` names a readable scenario. Returns nullopt when it is fine, else
// a human-readable reason. For now: the file exists and parses as JSON. The real
// loader (validation into an immutable Scenario) replaces the body later.
std::optional<std::string> checkScenarioFile(const std::filesystem::path& path);

// Loads state.scenarioPath; fills loadError / scenarioLoaded. Never throws.
void loadScenario(AppState& state);

// Acts on requests the UI raised this frame (reload). Quit is left to the main loop.
void handleRequests(AppState& state);

}  // namespace chokepoint::app
