// The Explain tab (waterfall of the edits), the Sensitivity tab (tornado; a click sets a
// lever) and the Compare scenarios window, driven headlessly.
#include "app/platform/cli_args.h"
#include "app/core/chart_specs.h"
#include "app/core/explain.h"
#include "app/panels/panels.h"
#include "dashboard_fixture.h"
#include "explain_fixture.h"
#include "engine/levers.h"
#include "scenario_paths.h"
#include "engine/attribution.h"
#include "engine/loader.h"
#include "engine/month.h"
#include "engine/sensitivity.h"
#include "engine/simulate.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

using namespace cp::app;
using namespace cp::test;

namespace {

const char* kExplainTab = "tab/Explain (which lever did what)";
const char* kSensitivityTab = "tab/Sensitivity";

// Edits, the Explain tab open, the analysis in and drawn.
void openExplain(DashboardFixture& d, const std::vector<std::string>& levers) {
  openAnalysisTab(d, kExplainTab, levers, "2028-01");
}

}  // namespace

TEST(ExplainTab, WaterfallBarsSumToTheKpiDeltaShown) {
  DashboardFixture d;
  openExplain(d, {"us.remote_access_control=on@2026-01", "us.export_enforcement=0.8@2026-01",
                  "cn.hbm_access=1.5@2026-01", "sea.tenant_kyc=0.5@2026-06"});
  const cp::Attribution* a = shownAttribution(d.state);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->levers.size(), 4u);
  const double delta = d.kpi("china_train") - d.kpi("china_train", true);
  ASSERT_NE(delta, 0.0);
  for (bool alone : {false, true}) {
    double sum = 0;
    for (const WaterfallBar& b : waterfallBars(*a, alone)) sum += b.value;
    EXPECT_NEAR(sum, delta, 1e-9 * std::fabs(d.kpi("china_train", true))) << (alone ? "alone" : "fair shares");
  }
  EXPECT_NEAR(a->base_value, d.kpi("china_train", true), 1e-9 * std::fabs(a->base_value));
  // One bar drawn per lever, plus the two ends.
  for (int k = 0; k < 4; ++k) EXPECT_TRUE(d.ui.itemRect("explain/bar/" + std::to_string(k))) << k;
  EXPECT_FALSE(d.ui.itemRect("explain/bar/4"));
  EXPECT_TRUE(d.ui.itemRect("explain/start"));
  EXPECT_TRUE(d.ui.itemRect("explain/end"));

  // "Alone + interactions": the levers' own effects and an interactions bar.
  ASSERT_TRUE(d.ui.clickItem("explain/alone", d.draw));
  d.ui.frame(d.draw);
  EXPECT_TRUE(d.state.ui.explain.one_at_a_time);
  if (a->interaction != 0) {
    EXPECT_TRUE(d.ui.itemRect("explain/bar/4"));
    EXPECT_EQ(waterfallBars(*a, true).back().kind, WaterfallBar::Kind::Interaction);
  }
}

// Levers pulling opposite ways (the licence requirement off raises China's training
// compute, remote-access control lowers it): each bar's share is of all the bars' movement,
// 0..100% and adding up to about 100%, never "640%" and "-483%" of a small net difference.
TEST(ExplainTab, SharesOfOppositeBarsStayBetweenNoneAndAll) {
  DashboardFixture d;
  openExplain(d, {"us.remote_access_control=on", "us.remote_access_from=2025-01", "cn.domestic_subsidy=0.6",
                  "us.h20_licence=off"});
  d.state.ui.view.month = d.monthIndex("2028-06");
  d.ui.frame(d.draw);
  waitForExplain(d.state);
  const cp::Attribution* a = shownAttribution(d.state);
  ASSERT_NE(a, nullptr);
  const std::vector<WaterfallBar> bars = waterfallBars(*a, false);
  bool up = false, down = false;
  double sum = 0, moved = 0;
  for (const WaterfallBar& b : bars) {
    up = up || b.value > 0;
    down = down || b.value < 0;
    moved += std::fabs(b.value);
  }
  ASSERT_TRUE(up && down) << "the case needs bars of both signs";
  ASSERT_GT(moved, 2.0 * std::fabs(a->difference())) << "and a net difference small beside them";
  for (size_t k = 0; k < bars.size(); ++k) {
    const std::string share = waterfallShare(bars, k);
    ASSERT_GE(share.size(), 5u) << k;
    EXPECT_EQ(share.substr(0, 2), " (") << share;
    EXPECT_EQ(share.find('-'), std::string::npos) << share;
    const double pct = share.find('<') != std::string::npos ? 0.0 : std::stod(share.substr(2));
    EXPECT_LE(pct, 100.0) << share;
    EXPECT_NEAR(pct, 100.0 * std::fabs(bars[k].value) / moved, 0.5) << share;
    sum += pct;
  }
  EXPECT_NEAR(sum, 100.0, 0.5 * static_cast<double>(bars.size()));
  EXPECT_EQ(waterfallShare({}, 0), "");
  const std::vector<WaterfallBar> none{WaterfallBar{}};
  EXPECT_EQ(waterfallShare(none, 0), "") << "nothing moved: no share";
}

// The note under the waterfall: a tiny negative part of interactions reads "0%", not "-0%"
// (one lever changed: the exact split leaves -0.001% of rounding).
TEST(ExplainTab, InteractionsShareNeverReadsMinusZero) {
  EXPECT_EQ(interactionsShareText(-0.00001), "0%");
  EXPECT_EQ(interactionsShareText(0.0), "0%");
  EXPECT_EQ(interactionsShareText(0.131), "13%");
  EXPECT_EQ(interactionsShareText(-0.04), "-4%");
  EXPECT_EQ(interactionsShareText(std::nan("")), "0%");
}

// The browser build's way: the analysis runs two runs per takeFinished(), between frames.
TEST(ExplainTab, SlicedWorkerFinishesAfterEnoughTakesWithProgress) {
  AnalysisWorker w;
  w.setSliced(true);
  const cp::Scenario base = cp::loadScenario(cp::test::baselinePath());
  const cp::Scenario variant = cp::withLevers(
      base, cp::parseLeverArgs({"us.remote_access_control=on@2026-01", "cn.hbm_access=1.5@2026-01"}, base));
  const cp::MetricPoint p = cp::parseMetricPoint("bloc/china/compute_train_h100e", "2027-12");
  auto result = std::make_shared<cp::Attribution>();
  w.submit(7, [&](const cp::AnalysisOptions& o) { *result = cp::attribute(base, variant, p, o); });
  EXPECT_TRUE(w.busy());
  int takes = 0;
  std::uint64_t finished = 0;
  while (finished == 0 && takes < 50) {
    finished = w.takeFinished();
    ++takes;
    if (finished == 0) {
      EXPECT_TRUE(result->partial);
      EXPECT_EQ(w.progress().done, takes * AnalysisWorker::kRunsPerSlice);
    }
  }
  EXPECT_EQ(finished, 7u);
  EXPECT_FALSE(w.busy());
  EXPECT_EQ(takes, 3);  // 4 subsets + the variant's own run, two per slice
  ASSERT_FALSE(result->partial);
  const cp::Attribution whole = cp::attribute(base, variant, p, {});
  ASSERT_EQ(result->levers.size(), whole.levers.size());
  for (size_t i = 0; i < whole.levers.size(); ++i) EXPECT_EQ(result->levers[i].value, whole.levers[i].value);
}

TEST(ExplainTab, AnEditCancelsTheOldAnalysisAndCachesEachOne) {
  DashboardFixture d;
  openExplain(d, {"us.remote_access_control=on@2026-01"});
  ASSERT_NE(shownAttribution(d.state), nullptr);
  // A second edit: a new analysis of two levers replaces the one shown.
  applyLeverSettings(d.state.doc, cp::parseLeverArgs({"cn.hbm_access=1.5"}, *d.state.doc.loaded));
  d.settle();
  EXPECT_EQ(shownAttribution(d.state), nullptr);  // not yet computed for these edits
  EXPECT_NE(explainStatus(d.state, false).find("computing"), std::string::npos);
  waitForExplain(d.state);
  ASSERT_NE(shownAttribution(d.state), nullptr);
  EXPECT_EQ(shownAttribution(d.state)->levers.size(), 2u);
  // Undo: the first edit's analysis is shown at once from the cache.
  undo(d.state.doc);
  d.ui.frame(d.draw);
  ASSERT_NE(shownAttribution(d.state), nullptr);
  EXPECT_EQ(shownAttribution(d.state)->levers.size(), 1u);
}

TEST(ExplainTab, NoEditsSayWhatToDo) {
  DashboardFixture d;
  ASSERT_TRUE(d.ui.clickItem(kExplainTab, d.draw));
  d.ui.frame(d.draw);
  waitForExplain(d.state);
  d.ui.frame(d.draw);
  ASSERT_NE(shownAttribution(d.state), nullptr);
  EXPECT_TRUE(shownAttribution(d.state)->levers.empty());
  EXPECT_FALSE(d.ui.itemRect("explain/bar/0"));
}

TEST(SensitivityTab, ClickingABarSetsThatLeverToThatEndUndoably) {
  DashboardFixture d;
  d.state.ui.view.month = d.monthIndex("2027-12");
  ASSERT_TRUE(d.ui.clickItem(kSensitivityTab, d.draw));
  d.ui.frame(d.draw);
  waitForExplain(d.state);
  d.ui.frames(2, d.draw);
  const cp::Sensitivity* t = shownSensitivity(d.state);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), d.state.doc.loaded->levers.size());
  for (size_t i = 1; i < t->rows.size(); ++i) EXPECT_GE(t->rows[i - 1].swing, t->rows[i].swing);
  // The widest bar's low end.
  const cp::SensitivityRow row = t->rows.front();
  ASSERT_TRUE(d.ui.itemRect("sensitivity/low/0"));
  ASSERT_TRUE(d.ui.clickItem("sensitivity/low/0", d.draw));
  EXPECT_EQ(leverValue(d.state.doc, row.lever), row.low);
  EXPECT_TRUE(leverChanged(d.state.doc, row.lever));
  undo(d.state.doc);
  EXPECT_FALSE(leverChanged(d.state.doc, row.lever));
}

TEST(CompareScenarios, KpisOfEachPickedFileAndCsv) {
  DashboardFixture d;
  CompareScenarios& c = d.state.compare;
  listCompareFiles(c, d.state.scenario_path);
  ASSERT_GE(c.files.size(), 3u);  // the library beside the baseline
  std::fill(c.picked.begin(), c.picked.end(), 0);
  for (size_t i = 0; i < c.files.size(); ++i) {
    const auto name = std::filesystem::path(c.files[i]).filename().string();
    if (name == "baseline.json" || name == "h200_blocked.json") c.picked[i] = 1;
  }
  runCompare(c);
  ASSERT_EQ(c.runs.size(), 2u);
  const int month = *cp::parseMonth("2027-12");
  // The baseline column is what the dashboard shows as loaded.
  d.state.ui.view.month = d.monthIndex("2027-12");
  size_t base = std::filesystem::path(c.runs[0].file).filename() == "baseline.json" ? 0 : 1;
  EXPECT_DOUBLE_EQ(compareKpi(c, base, 0, month), d.kpi("china_train", true));
  EXPECT_NE(compareKpi(c, 0, 0, month), compareKpi(c, 1, 0, month));
  const std::string csv = compareCsv(c, month);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), static_cast<long>(1 + 2 * kpiSpecs().size()));
  // The window draws its table.
  d.state.ui.windows.compare_scenarios = true;
  d.ui.frames(2, d.draw);
  EXPECT_TRUE(d.ui.itemRect("compare/table"));
  refreshCompareSeries(c);
  ASSERT_EQ(c.series_values.size(), 2u);
  EXPECT_EQ(c.series_values[base].at(static_cast<size_t>(d.monthIndex("2027-12"))), d.kpi("china_train", true));
}

// A projector's 1280x720 (here a display smaller than the window's first size) shows the
// whole window: it is sized and moved inside the display and scrolls inside instead.
TEST(CompareScenarios, WindowStaysInsideTheDisplay) {
  ImGuiHarness::Options small;
  small.display_size = ImVec2(800.0f, 480.0f);  // smaller than its first size both ways
  ImGuiHarness ui(small);
  AppState state;
  const ImGuiHarness::DrawFn draw = [&] { updateAndDraw(state); };
  state.scenario_path = baselinePath();
  loadScenario(state);
  waitForRuns(state);
  state.ui.windows.compare_scenarios = true;
  ui.frames(3, draw);
  auto inside = [&](const char* when) {
    const auto w = ui.itemRect("compare/window");
    ASSERT_TRUE(w) << when;
    EXPECT_GE(w->min.x, 0.0f) << when;
    EXPECT_GE(w->min.y, 0.0f) << when;
    EXPECT_LE(w->max.x, small.display_size.x) << when << ": right edge " << w->max.x;
    EXPECT_LE(w->max.y, small.display_size.y) << when << ": bottom edge " << w->max.y;
    // Its export buttons too, beside the heading or under it when that is long.
    for (const char* button : {"compare/csv", "compare/png"}) {
      const auto b = ui.itemRect(button);
      ASSERT_TRUE(b) << when << ": " << button;
      EXPECT_LE(b->max.x, w->max.x) << when << ": " << button << " is cut by the window's right edge";
    }
  };
  inside("first use");
  ui.frame([&] {
    ImGui::SetWindowPos("###Compare scenarios", ImVec2(500.0f, 300.0f));  // dragged off the right bottom
    draw();
  });
  ui.frames(2, draw);
  inside("dragged off");
}

// At 1366x768 the window shows a few small multiples and table columns; its PNG held only
// those. While the picture waits the comparison is drawn whole on its own over the display
// (smaller type if need be): every column's last cell and every small multiple lie inside
// the crop, the crop inside the display, and only until the picture is taken.
TEST(CompareScenarios, PngHoldsEveryColumnAndSmallMultiple) {
  DashboardFixture d;
  d.ui.setDisplaySize(ImVec2(1366.0f, 768.0f));
  d.state.ui.windows.compare_scenarios = true;
  d.ui.frames(2, d.draw);
  CompareScenarios& c = d.state.compare;
  std::fill(c.picked.begin(), c.picked.end(), 1);
  runCompare(c);
  ASSERT_GE(c.runs.size(), 12u) << "the test needs the whole library";
  d.ui.frames(3, d.draw);
  d.state.ui.view.compare_export = "unused";
  ASSERT_TRUE(d.ui.clickItem("compare/png", d.draw));
  EXPECT_EQ(d.state.ui.capture, Capture::Compare);
  for (int frame = 0; frame < 2; ++frame) {  // every frame while the main loop waits to take it
    d.ui.frame(d.draw);
    ASSERT_TRUE(d.state.ui.requests.screenshot);
    EXPECT_EQ(d.state.ui.requests.screenshot->path, "unused.png");
    const float* crop = d.state.ui.requests.screenshot->crop;
    EXPECT_GE(crop[0], -4.0f);
    EXPECT_GE(crop[1], -4.0f);
    EXPECT_LE(crop[2], 1366.0f);
    EXPECT_LE(crop[3], 768.0f);
    for (size_t i = 0; i < c.runs.size(); ++i)
      for (const std::string& name :
           {"compare/png/chart/" + std::to_string(i), "compare/png/cell/" + std::to_string(i)}) {
        const auto r = d.ui.itemRect(name);
        ASSERT_TRUE(r) << name;
        EXPECT_GE(r->min.x, crop[0]) << name;
        EXPECT_GE(r->min.y, crop[1]) << name;
        EXPECT_LE(r->max.x, crop[2]) << name;
        EXPECT_LE(r->max.y, crop[3]) << name;
      }
  }
  // Taken: the comparison is back in its window only.
  d.state.ui.requests.screenshot.reset();
  d.ui.frames(2, d.draw);
  EXPECT_EQ(d.state.ui.capture, Capture::None);
  EXPECT_FALSE(d.ui.itemRect("compare/png/table"));
}

TEST(ExplainTab, ExportsWriteCsvAndAskForACroppedPng) {
  DashboardFixture d;
  openExplain(d, {"us.remote_access_control=on@2026-01", "cn.hbm_access=1.5@2026-01"});
  const auto base = std::filesystem::temp_directory_path() / ("cp_waterfall_" + std::to_string(::getpid()));
  d.state.ui.explain.waterfall_export = base.string();
  ASSERT_TRUE(d.ui.clickItem("explain/export/csv", d.draw));
  std::ifstream in(base.string() + ".csv");
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(base.string() + ".csv");
  const std::string csv = text.str();
  EXPECT_EQ(csv.rfind("bar,from,to,value,share\nas loaded,", 0), 0u) << csv;
  EXPECT_NE(csv.find("your run,"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 + 2);  // header, ends, two levers

  ASSERT_TRUE(d.ui.clickItem("explain/export/png", d.draw));
  ASSERT_TRUE(d.state.ui.requests.screenshot);
  const ScreenshotRequest& shot = *d.state.ui.requests.screenshot;
  EXPECT_EQ(shot.path, base.string() + ".png");
  const auto bar = d.ui.itemRect("explain/bar/0");
  ASSERT_TRUE(bar);
  // The crop holds the waterfall's rows.
  EXPECT_LE(shot.crop[0], bar->min.x);
  EXPECT_LE(shot.crop[1], bar->min.y);
  EXPECT_GE(shot.crop[2], bar->max.x - 1.0f);
  EXPECT_GE(shot.crop[3], bar->max.y);
}

TEST(ExplainCliArgs, TabAndCompare) {
  const auto r = parseCliArgs({"--tab", "explain", "--compare"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.args.tab, 4);
  EXPECT_TRUE(r.args.compare);
  EXPECT_EQ(parseCliArgs({"--tab=sensitivity"}).args.tab, 5);
  EXPECT_EQ(parseCliArgs({}).args.tab, -1);
  EXPECT_NE(parseCliArgs({"--tab", "nope"}).error.find("explain or sensitivity"), std::string::npos);
  EXPECT_FALSE(parseCliArgs({"--compare=yes"}).ok());
}

// The dashboard's analyses record only the series their metric reads (Metric::series), and
// what they read is bit for bit what a full run gives: every KPI (a 12-month sum or a
// month's value) and every chart series, then an attribution and a tornado of a KPI.
TEST(ExplainMetric, RecordsOnlyTheSeriesItReadsWithTheSameBits) {
  const cp::Scenario base = cp::loadScenario(cp::test::baselinePath());
  const int month = *cp::parseMonth("2028-01");
  cp::Scenario ended = base;
  ended.end = month;
  const cp::Results full = cp::simulate(ended);
  const auto targets = explainTargets(base);
  ASSERT_GT(targets.size(), 10u);
  for (const TargetChoice& t : targets) {
    const cp::Metric m = explainMetric(base, t.target, month);
    ASSERT_FALSE(m.series.all()) << t.label;
    cp::RunOptions o;
    o.record = m.series;
    const cp::Results recorded = cp::simulate(ended, o);
    EXPECT_LT(recorded.keys().size(), full.keys().size()) << t.label;
    const double a = m.read(recorded), b = m.read(full);
    EXPECT_FALSE(std::isnan(b)) << t.label;
    EXPECT_EQ(std::memcmp(&a, &b, sizeof a), 0) << t.label << ": " << a << " vs " << b;
  }

  const cp::Scenario variant = cp::withLevers(
      base, cp::parseLeverArgs({"us.remote_access_control=on@2026-01", "cn.hbm_access=1.5@2026-01"}, base));
  ExplainTarget kpi;
  kpi.kpi = 4;  // a 12-month sum
  ASSERT_EQ(kpiSpecs()[4].aggregate, KpiAggregate::Sum12);
  const cp::Metric m = explainMetric(base, kpi, month);
  cp::Metric whole = m;
  whole.series = {};  // the full runs of before
  const cp::Attribution a = cp::attribute(base, variant, m), a_full = cp::attribute(base, variant, whole);
  ASSERT_EQ(a.levers.size(), 2u);
  EXPECT_EQ(a.base_value, a_full.base_value);
  EXPECT_EQ(a.variant_value, a_full.variant_value);
  for (size_t i = 0; i < a.levers.size(); ++i) {
    EXPECT_EQ(a.levers[i].value, a_full.levers[i].value);
    EXPECT_EQ(a.levers[i].alone, a_full.levers[i].alone);
  }
  const std::vector<int> levers = {0, 1, 2};
  const cp::Sensitivity s = cp::sensitivity(variant, m, levers), s_full = cp::sensitivity(variant, whole, levers);
  ASSERT_EQ(s.rows.size(), s_full.rows.size());
  EXPECT_EQ(s.value, s_full.value);
  for (size_t i = 0; i < s.rows.size(); ++i) {
    EXPECT_EQ(s.rows[i].at_low, s_full.rows[i].at_low);
    EXPECT_EQ(s.rows[i].at_high, s_full.rows[i].at_high);
  }
}
