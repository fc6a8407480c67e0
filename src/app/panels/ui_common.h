// Small helpers shared by the panels: theme-aware colours, fonts, tooltips. ImGui only.
#pragma once

#include "app/core/ui_state.h"

#include <imgui.h>

#include <functional>
#include <string>

namespace cp::app {

// Colours that read on the theme (state.ui.theme) (dark, light and presenter backgrounds).
ImVec4 errorColor(Theme theme);
ImVec4 warningColor(Theme theme);
ImVec4 changedColor(Theme theme);  // levers changed from the loaded file
// Good and bad for someone (a team's points, a KPI against a team's objective): bluish
// green and vermillion (Okabe-Ito), apart also for red-green colour blindness; always
// paired with a word or sign, never colour alone.
ImVec4 betterColor(Theme theme);
ImVec4 worseColor(Theme theme);
ImVec4 dimColor();  // the theme's disabled-text colour

// Bold / large faces at the current theme's size (ImGui's current font when none was loaded).
void pushBold(const UiState& ui);
void pushLarge(const UiState& ui);  // KPI values: large bold

// Tooltip with wrapped text, shown when the last item is hovered.
void itemTooltip(const char* text);
float em();  // current font size in pixels

// Before Begin(name): the window's first size is `size` at most the display's work area,
// and a window larger than the display or partly off it (dragged, or saved on a larger
// screen) is shrunk and moved back inside; its content scrolls.
void fitNextWindowToViewport(const char* name, ImVec2 size);
// Before Begin(name) of a window that sizes itself: centred when it appears, and moved back
// inside the display when it grows past an edge (its size is known a frame or two late).
void centreNextWindowOnScreen(const char* name);

std::string fileName(const std::string& path);

// PNG exports of whole pictures (the waterfall, the tornado, the comparison).
// The PNG button: asks the main loop for `path`, cropped to `rect` (last frame's, on screen)
// until drawCapture draws the picture whole, and says so in the status line.
void requestCapture(UiState& ui, Capture which, const std::string& path, const float rect[4]);
// While capture `which` waits to be taken: `draw` draws the picture alone in a window over
// the whole display (in smaller type, down to half, when `need` -- its size in pixels at full
// type, 0 for no limit -- would not fit) and sets its rectangle; the request's crop follows it.
// So the PNG holds the whole picture and nothing else, whatever the window's size or scrolling.
void drawCapture(UiState& ui, Capture which, const std::string& path, ImVec2 need,
                 const std::function<void(float* rect)>& draw);

}  // namespace cp::app
