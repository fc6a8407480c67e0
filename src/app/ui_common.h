// Small helpers shared by the panels: theme-aware colours, fonts, tooltips. ImGui only.
#pragma once

#include "app/app_state.h"

#include <imgui.h>

#include <string>

namespace chokepoint::app {

// Colours that read on the current theme (dark, light and presenter backgrounds).
ImVec4 errorColor(const AppState& state);
ImVec4 warningColor(const AppState& state);
ImVec4 changedColor(const AppState& state);   // levers changed from the loaded file
ImVec4 upColor(const AppState& state);        // KPI higher than the loaded scenario
ImVec4 downColor(const AppState& state);      // KPI lower
ImVec4 dimColor();                            // the theme's disabled-text colour

// Bold / large faces at the current theme's size (ImGui's current font when none was loaded).
void pushBold(const AppState& state);
void pushLarge(const AppState& state);        // KPI values: large bold

// Tooltip with wrapped text, shown when the last item is hovered.
void itemTooltip(const char* text);
float em();                                   // current font size in pixels

std::string fileName(const std::string& path);

}  // namespace chokepoint::app
