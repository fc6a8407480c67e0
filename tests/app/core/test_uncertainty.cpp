// Uncertainty bands (uncertainty.h): an ensemble of the edited scenario on its own worker,
// p10 <= p50 <= p90 per chart series, cancelled and restarted when levers change.
#include "app/core/uncertainty.h"

#include "app/core/app_state.h"
#include "engine/loader.h"

#include "dashboard_fixture.h"
#include "scenario_paths.h"
#include "wait_until.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <thread>

using namespace cp::app;
using cp::test::baselinePath;
using cp::test::DashboardFixture;
using cp::test::waitUntil;

namespace {

size_t chartIndex(const char* id) {
  const auto& specs = chartSpecs();
  for (size_t c = 0; c < specs.size(); ++c)
    if (std::string(specs[c].id) == id) return c;
  return specs.size();
}

// p10 <= p50 <= p90 wherever defined, and the band is not flat everywhere.
void expectOrderedBand(const BandSeries& b, size_t months) {
  ASSERT_EQ(b.p10.size(), months);
  ASSERT_EQ(b.p50.size(), months);
  ASSERT_EQ(b.p90.size(), months);
  for (size_t t = 0; t < months; ++t) {
    if (std::isnan(b.p50[t])) continue;
    EXPECT_LE(b.p10[t], b.p50[t]) << b.label << " month " << t;
    EXPECT_LE(b.p50[t], b.p90[t]) << b.label << " month " << t;
  }
}

}  // namespace

TEST(Bands, OrderedPercentilesForEveryLineChart) {
  const cp::Scenario s = cp::loadScenario(baselinePath());
  cp::EnsembleOptions o;
  o.runs = 8;
  o.seed = s.seed;
  const UncertaintyBands bands = computeBands(s, o);
  EXPECT_EQ(bands.runs, 8);
  ASSERT_EQ(bands.charts.size(), chartSpecs().size());
  for (size_t c = 0; c < chartSpecs().size(); ++c) {
    if (chartSpecs()[c].kind == ChartKind::Stacked) {
      EXPECT_TRUE(bands.charts[c].empty()) << chartSpecs()[c].id;
      continue;
    }
    EXPECT_FALSE(bands.charts[c].empty()) << chartSpecs()[c].id;
    for (const BandSeries& b : bands.charts[c]) expectOrderedBand(b, static_cast<size_t>(s.months()));
  }
  // The uncertain inputs move China's compute: its band has width somewhere.
  const auto& bloc = bands.charts[chartIndex("compute_by_bloc")];
  bool wide = false;
  for (const BandSeries& b : bloc)
    if (b.label == "China")
      for (size_t t = 0; t < b.p10.size(); ++t) wide |= b.p90[t] > b.p10[t];
  EXPECT_TRUE(wide);
}

TEST(Bands, SameSeedSameBands) {
  const cp::Scenario s = cp::loadScenario(baselinePath());
  cp::EnsembleOptions o;
  o.runs = 4;
  o.seed = s.seed;
  const UncertaintyBands a = computeBands(s, o);
  const UncertaintyBands b = computeBands(s, o);
  const size_t c = chartIndex("frontier_gap");
  ASSERT_FALSE(a.charts[c].empty());
  EXPECT_EQ(a.charts[c][0].p90, b.charts[c][0].p90);
}

// The browser build's way: shards of a few members, one per take(), merged at the end.
TEST(Bands, SlicedWorkerGivesTheBandsOfOneRunAShardPerTake) {
  auto s = std::make_shared<const cp::Scenario>(cp::loadScenario(baselinePath()));
  cp::EnsembleOptions o;
  o.runs = 7;
  o.seed = s->seed;
  const UncertaintyBands whole = computeBands(*s, o);

  EnsembleWorker w;
  w.setSliced(true);
  w.submit({s, 42, 7});
  EXPECT_TRUE(w.busy());
  std::optional<EnsembleWorker::Output> out;
  int takes = 0;
  while (!out && takes < 100) {
    out = w.take();
    ++takes;
    if (!out) {
      const EnsembleWorker::Progress p = w.progress();
      EXPECT_TRUE(p.running);
      EXPECT_EQ(p.done, std::min(7, takes * EnsembleWorker::kMembersPerSlice));
    }
  }
  ASSERT_TRUE(out && out->bands) << (out ? out->error : "no result");
  EXPECT_EQ(takes, 4);  // ceil(7 / 2) shards, the bands with the last
  EXPECT_EQ(out->tag, 42u);
  EXPECT_FALSE(w.busy());
  EXPECT_EQ(out->bands->runs, 7);
  ASSERT_EQ(out->bands->charts.size(), whole.charts.size());
  for (size_t c = 0; c < whole.charts.size(); ++c) {
    ASSERT_EQ(out->bands->charts[c].size(), whole.charts[c].size());
    for (size_t i = 0; i < whole.charts[c].size(); ++i) {
      EXPECT_EQ(out->bands->charts[c][i].p10, whole.charts[c][i].p10);
      EXPECT_EQ(out->bands->charts[c][i].p90, whole.charts[c][i].p90);
    }
  }
  // A new request replaces the one in progress.
  w.submit({s, 43, 7});
  EXPECT_FALSE(w.take());
  w.submit({s, 44, 4});
  w.waitIdle();
  const auto last = w.take();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->tag, 44u);
  EXPECT_EQ(w.cancelledCount(), 1);
}

TEST(UncertaintyUi, CheckboxRunsTheEnsembleAndChartsGetBands) {
  DashboardFixture d;
  d.state.uncertainty.runs = 12;
  const size_t c = chartIndex("offshore_share");
  EXPECT_EQ(chartBands(d.state, c), nullptr) << "off by default";
  ASSERT_TRUE(d.ui.clickItem("uncertainty/toggle", d.draw));
  EXPECT_TRUE(d.state.uncertainty.enabled);
  // "uncertainty: 3/12 runs" while it runs (or already "bands: ... of 12 runs" on a fast machine).
  EXPECT_NE(uncertaintyStatus(d.state).find("12 runs"), std::string::npos) << uncertaintyStatus(d.state);

  waitForUncertainty(d.state);
  d.ui.frames(2, d.draw);
  const auto* bands = chartBands(d.state, c);
  ASSERT_NE(bands, nullptr);
  ASSERT_FALSE(bands->empty());
  for (const BandSeries& b : *bands) expectOrderedBand(b, static_cast<size_t>(d.state.dash.months.count()));
  // Each band belongs to a line of the chart (same label, drawn in its colour).
  for (const BandSeries& b : *bands) EXPECT_NE(d.series("offshore_share", b.label), nullptr) << b.label;
  EXPECT_EQ(uncertaintyStatus(d.state), "bands: p10-p90 of 12 runs");
  EXPECT_EQ(chartBands(d.state, chartIndex("china_channels")), nullptr) << "no bands on stacked charts";

  // The View menu switches them off again.
  ASSERT_TRUE(d.ui.clickItem("menu/View", d.draw));
  d.ui.frame(d.draw);
  ASSERT_TRUE(d.ui.clickItem("View/Uncertainty", d.draw));
  EXPECT_FALSE(d.state.uncertainty.enabled);
  EXPECT_EQ(chartBands(d.state, c), nullptr);
}

TEST(UncertaintyUi, LeverChangeCancelsAndRestarts) {
  DashboardFixture d;
  d.state.uncertainty.runs = 400;  // long enough to be caught in progress
  setUncertainty(d.state, true);
  d.ui.frame(d.draw);  // update() starts the ensemble
  ASSERT_TRUE(waitUntil([&] { return d.state.uncertainty.worker.progress().done >= 1; }));

  ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
  d.ui.frame(d.draw);  // the next frame's update() resubmits
  EXPECT_EQ(chartBands(d.state, chartIndex("frontier_gap")), nullptr) << "old bands hidden";
  ASSERT_TRUE(waitUntil([&] { return d.state.uncertainty.worker.cancelledCount() >= 1; }))
      << "the first ensemble is stopped, not run to the end";

  d.state.uncertainty.runs = 10;  // finish the test quickly: a new size is a new request too
  d.settle();
  waitForUncertainty(d.state);
  const auto* bands = chartBands(d.state, chartIndex("frontier_gap"));
  ASSERT_NE(bands, nullptr);
  EXPECT_EQ(d.state.uncertainty.shown.version, version(d.state.doc)) << "bands of the edited levers";
  EXPECT_EQ(d.state.uncertainty.bands->runs, 10);
  for (const BandSeries& b : *bands) expectOrderedBand(b, static_cast<size_t>(d.state.dash.months.count()));
}

TEST(UncertaintyUi, ScenarioWithoutUncertainInputsSaysSo) {
  DashboardFixture d(std::string(CHOKEPOINT_TEST_DIR) + "/engine/fixtures/mini.json");
  setUncertainty(d.state, true);
  EXPECT_FALSE(d.state.uncertainty.worker.busy());
  EXPECT_EQ(uncertaintyStatus(d.state), "this scenario has no uncertain inputs");
  d.ui.frames(2, d.draw);
  EXPECT_TRUE(d.ui.itemRect("uncertainty/status"));
}
