// The dashboard in a headless 1600x900 ImGui: the state, its draw function and settle().
// DashboardFixture (a scenario loaded) and ClassroomFixture (nothing loaded) build on it.
#pragma once

#include "app/core/app_state.h"
#include "app/panels/app_ui.h"

#include "imgui_harness.h"

namespace cp::test {

struct HeadlessDashboard {
  ImGuiHarness ui{options()};
  app::AppState state;
  ImGuiHarness::DrawFn draw = [this] { app::updateAndDraw(state); };  // syncing, then drawing

  static ImGuiHarness::Options options() {
    ImGuiHarness::Options o;
    o.display_size = ImVec2(1600.0f, 900.0f);
    return o;
  }

  // Waits for every run, then draws two frames (results taken, then laid out).
  void settle() {
    app::waitForRuns(state);
    ui.frames(2, draw);
  }
};

}  // namespace cp::test
