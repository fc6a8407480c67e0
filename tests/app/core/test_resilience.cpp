// The dashboard survives tiny and empty windows (Debian's ImGui aborts on misuse, so
// drawing is the test), and a missing font shows as a warning in the status bar.
#include "app/core/app_state.h"
#include "app/panels/app_ui.h"
#include "app/panels/fonts.h"
#include "app/core/session.h"

#include "imgui_harness.h"
#include "scenario_paths.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <string>

using namespace cp::app;
using cp::test::baselinePath;
using cp::test::ImGuiHarness;
using cp::test::TempDir;

namespace {

ImGuiHarness::Options sized(float w, float h) {
  ImGuiHarness::Options o;
  o.display_size = ImVec2(w, h);
  return o;
}

struct TinyCase {
  float w, h;
};

class TinyWindow : public ::testing::TestWithParam<TinyCase> {};

// Every part of the UI that lays itself out from the window size, at this size.
void drawEverything(ImGuiHarness& ui, AppState& state) {
  const auto draw = [&] { updateAndDraw(state); };
  ui.frames(3, draw);
  state.uncertainty.runs = 4;
  setUncertainty(state, true);
  waitForUncertainty(state);
  ui.frames(2, draw);  // charts with bands
  state.ui.view.enlarged_chart = 0;
  ui.frames(2, draw);  // the enlarged chart window
  state.ui.view.enlarged_chart = -1;
  requestOpenScenario(state);
  ui.frames(2, draw);  // a modal dialog
  ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_Escape), draw);
  SessionData crashed;
  crashed.scenario = baselinePath();
  crashed.levers = {{"us.remote_access_control", {"on"}}};
  offerSession(state, crashed);
  ui.frames(3, draw);  // the restore prompt
  setPresenter(state, true);
  ui.frames(2, draw);  // presenter mode: larger font, same space
  state.ui.windows.about = state.ui.windows.shortcuts = true;
  ui.frames(2, draw);
}

}  // namespace

TEST_P(TinyWindow, DrawsWithoutImGuiAssertions) {
  const TinyCase size = GetParam();
  ImGuiHarness ui(sized(size.w, size.h));
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  waitForRuns(state);
  drawEverything(ui, state);
  EXPECT_TRUE(state.scenario_loaded);
}

INSTANTIATE_TEST_SUITE_P(Sizes, TinyWindow,
                         ::testing::Values(TinyCase{200, 150}, TinyCase{1, 1}, TinyCase{0, 0}, TinyCase{64, 900},
                                           TinyCase{1600, 40}),
                         [](const auto& info) {
                           return std::to_string(static_cast<int>(info.param.w)) + "x" +
                                  std::to_string(static_cast<int>(info.param.h));
                         });

TEST(TinyWindow, ResizingBackAndForthKeepsWorking) {
  ImGuiHarness ui(sized(1600, 900));
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  waitForRuns(state);
  const auto draw = [&] { updateAndDraw(state); };
  for (const ImVec2 s : {ImVec2(1600, 900), ImVec2(200, 150), ImVec2(1, 1), ImVec2(0, 0), ImVec2(1280, 720)}) {
    ui.io().DisplaySize = s;
    ui.frames(3, draw);
  }
  EXPECT_TRUE(hasScenario(state.doc));
}

TEST(MissingFont, FallsBackAndSaysSoInTheStatusBar) {
  TempDir no_assets;
  FontSet fonts;
  ImGuiHarness ui(ImGuiHarness::Options{.display_size = ImVec2(1600, 900), .add_fonts = [&](ImFontAtlas& atlas) {
                                          fonts = loadFonts(atlas, {no_assets.path()});
                                        }});
  ASSERT_TRUE(fonts.warning);
  AppState state;
  state.ui.fonts = fonts;  // null faces: ImGui's built-in font everywhere
  state.ui.warnings.push_back(*fonts.warning);
  state.scenario_path = baselinePath();
  loadScenario(state);
  waitForRuns(state);
  const auto draw = [&] { updateAndDraw(state); };
  ui.frames(3, draw);
  EXPECT_TRUE(ui.itemRect("status/warning")) << "the fallback is said in the status bar";
  setPresenter(state, true);  // the presenter font falls back too
  ui.frames(2, draw);
  EXPECT_TRUE(ui.itemRect("status/warning"));
}
