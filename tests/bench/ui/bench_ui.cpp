// UI build time per frame (NewFrame + drawUi + Render on the CPU; no rasterising) of the
// dashboard on the baseline at 1920x1080 in the headless harness, with the shipped fonts,
// the tables, the uncertainty bands and one table tab per case open (the tabs share one
// place, so each case opens another: companies, chips, rule timeline, Why).
#include <benchmark/benchmark.h>

#include "app/core/app_state.h"
#include "app/panels/app_ui.h"
#include "app/panels/fonts.h"

#include "../../app/imgui_harness.h"
#include "../../common/scenario_paths.h"

#include <string>

namespace {

using namespace cp;

void BM_UiFrame1080p(benchmark::State& state) {
  test::ImGuiHarness::Options options;
  options.display_size = ImVec2(1920.0f, 1080.0f);
  app::AppState s;
  options.add_fonts = [&](ImFontAtlas& atlas) {
    s.ui.fonts = app::loadFonts(atlas, {std::string(CHOKEPOINT_SOURCE_DIR) + "/assets"});
  };
  test::ImGuiHarness ui(options);
  if (s.ui.fonts.warning) {
    state.SkipWithError(s.ui.fonts.warning->c_str());
    return;
  }
  const test::ImGuiHarness::DrawFn draw = [&] {
    app::update(s);
    app::drawUi(s);
  };
  s.scenario_path = test::baselinePath();
  app::loadScenario(s);
  app::setUncertainty(s, true);
  app::waitForRuns(s);
  app::waitForUncertainty(s);
  ui.frames(2, draw);
  static const char* const kTabs[] = {"tab/Companies", "tab/Chips", "tab/Rule timeline",
                                      "tab/Why? (options a company weighed)"};
  const int tab = static_cast<int>(state.range(0));
  if (!ui.clickItem(kTabs[tab], draw)) {
    state.SkipWithError("table tab not found");
    return;
  }
  app::waitForRuns(s);  // the Why tab asks for a traced run
  ui.frames(3, draw);
  if (!s.runs.current || !app::chartBands(s, 0)) {
    state.SkipWithError("results or bands missing");
    return;
  }
  for (auto _ : state) ui.frame(draw);
  state.counters["vertices"] = static_cast<double>(ui.io().MetricsRenderVertices);
}
BENCHMARK(BM_UiFrame1080p)->DenseRange(0, 3)->ArgName("tab")->Unit(benchmark::kMillisecond);

}  // namespace
