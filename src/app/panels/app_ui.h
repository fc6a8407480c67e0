// The whole dashboard UI, drawn from AppState each frame. ImGui only (no GLFW/GL),
// so it runs in headless tests.
//
//   ImGui::NewFrame();
//   update(state);        // the frame's sync with the workers (app_state.h); drawing never syncs
//   drawUi(state);        // may raise requests (state.ui.requests, state.ui.dialogs)
//   ImGui::Render();
//   handleRequests(state);
#pragma once

#include "app/core/app_state.h"

namespace cp::app {

// Keyboard shortcuts use the backend's key codes. GLFW's codes for letters and digits
// are their ASCII codes ('Q' == GLFW_KEY_Q), and the headless harness uses the same.
inline constexpr int kKeyF11 = 300;  // GLFW_KEY_F11

struct Shortcut {
  int key;  // 'Q', '1', kKeyF11 ...
  bool ctrl;
  bool shift;
  const char* label;  // as shown in menus: "Ctrl+Q"
  const char* action;
};

// Whether a key combination (GLFW key code, modifiers) is one of the app's shortcuts: the
// browser build keeps the browser from acting on these (Ctrl+R would reload the page).
bool isAppShortcut(int key, bool ctrl, bool shift, bool alt);

void drawUi(AppState& state);

// One frame's work after ImGui::NewFrame: update(state) (syncing), then drawUi(state).
void updateAndDraw(AppState& state);

// Applies state.ui.theme to ImGui's style (and the presenter font) if it changed since the
// last call. drawUi calls it first thing; exposed for the main loop's first frame.
void applyThemeIfChanged(AppState& state);

}  // namespace cp::app
