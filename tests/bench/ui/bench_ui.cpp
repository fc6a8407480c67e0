// UI build time per frame (NewFrame + drawUi + Render on the CPU; no rasterising) of the
// dashboard on the baseline at 1920x1080 in the headless harness, with the shipped fonts,
// the tables, the uncertainty bands and one table tab per case open (the tabs share one
// place, so each case opens another: companies, chips, rule timeline, Why).
#include <benchmark/benchmark.h>

#include "app/charts/chart.h"
#include "app/core/app_state.h"
#include "app/panels/app_ui.h"
#include "app/panels/fonts.h"

#include "../../app/imgui_harness.h"
#include "../../common/scenario_paths.h"

#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <imgui.h>

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

// One chart of 300 months and 8 series (4 dashed), 3 event markers, hovered (the tooltip
// path included): the chart library's own cost, once a timed assertion in the chart tests.
void BM_Chart300Months8Series(benchmark::State& state) {
  test::ImGuiHarness ui(test::ImGuiHarness::Options{});
  const int n = 300, k = 8;
  std::vector<std::string> labels;
  for (int i = 0; i < n; ++i) labels.push_back(fmt::format("{:04d}-{:02d}", 2020 + i / 12, i % 12 + 1));
  std::vector<const char*> xl;
  for (const std::string& l : labels) xl.push_back(l.c_str());
  std::vector<std::vector<double>> ys(k, std::vector<double>(n));
  for (int s = 0; s < k; ++s)
    for (int i = 0; i < n; ++i)
      ys[static_cast<size_t>(s)][static_cast<size_t>(i)] = (s + 1) * 1e5 * (1 + std::sin(i * 0.05 + s));
  const chart::Marker marks[] = {{40, "Rule A", 0}, {45, "Rule B", 0}, {200, "Deal", 0}};
  const test::ImGuiHarness::DrawFn draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 600));
    ImGui::Begin("charts", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    if (chart::beginChart("perf", "Perf", chart::Unit::H100e, xl.data(), n)) {
      for (int s = 0; s < k; ++s) {
        if (s % 2)
          chart::lineDashed("dashed", ys[static_cast<size_t>(s)].data(), n);
        else
          chart::line("line", ys[static_cast<size_t>(s)].data(), n);
      }
      chart::markers(marks, 3);
      chart::cursor(150);
      chart::endChart();
    }
    ImGui::End();
  };
  ui.io().MousePos = ImVec2(450, 150);
  ui.frames(2, draw);
  for (auto _ : state) ui.frame(draw);
}
BENCHMARK(BM_Chart300Months8Series)->Unit(benchmark::kMicrosecond);

}  // namespace
