// Small helpers shared by the panels: theme-aware colours, fonts, tooltips. ImGui only.
#pragma once

#include "app/core/app_state.h"

#include <imgui.h>

#include <string>

namespace chokepoint::app {

// Colours that read on the current theme (dark, light and presenter backgrounds).
ImVec4 errorColor(const AppState& state);
ImVec4 warningColor(const AppState& state);
ImVec4 changedColor(const AppState& state);  // levers changed from the loaded file
// Good and bad for someone (a team's points, a KPI against a team's objective): bluish
// green and vermillion (Okabe-Ito), apart also for red-green colour blindness; always
// paired with a word or sign, never colour alone.
ImVec4 betterColor(const AppState& state);
ImVec4 worseColor(const AppState& state);
ImVec4 dimColor();  // the theme's disabled-text colour

// Bold / large faces at the current theme's size (ImGui's current font when none was loaded).
void pushBold(const AppState& state);
void pushLarge(const AppState& state);  // KPI values: large bold

// Tooltip with wrapped text, shown when the last item is hovered.
void itemTooltip(const char* text);
float em();  // current font size in pixels

std::string fileName(const std::string& path);

}  // namespace chokepoint::app
