// The Explain waterfall and the Sensitivity tornado as drawn: bar lengths to scale, a value
// axis, labels at their own bar's end, the legend above the rows, lever values written as
// the lever panel writes them.
#include "app/core/dashboard_data.h"
#include "app/core/explain.h"
#include "app/panels/panels.h"
#include "engine/levers.h"
#include "i18n/i18n.h"

#include "dashboard_fixture.h"
#include "explain_fixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace cp::app;
using namespace cp::test;

namespace {

std::string scenario(const char* name) { return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/" + name; }

void openTab(DashboardFixture& d, const char* tab, const std::vector<std::string>& levers) {
  openAnalysisTab(d, tab, levers, "2028-06");
}

std::vector<ItemRect> ticks(const DashboardFixture& d, const std::string& probe) {
  std::vector<ItemRect> out;
  while (auto r = d.ui.itemRect(probe + "/tick/" + std::to_string(out.size()))) out.push_back(*r);
  return out;
}

}  // namespace

// The reviewer's case: remote-access control costs -6.8%. "As loaded" and "Your run" are
// drawn from zero, so their lengths differ by 6.8%, not by 90%; an axis from 0 says so.
TEST(ExplainChart, WaterfallTotalsAreDrawnToScaleFromZeroOnAnAxis) {
  DashboardFixture d(scenario("h200_blocked.json"));
  openTab(d, "tab/Explain (which lever did what)", {"us.remote_access_control=on@2026-01"});
  const cp::Attribution* a = shownAttribution(d.state);
  ASSERT_NE(a, nullptr);
  ASSERT_GT(a->base_value, 0.0);
  ASSERT_LT(a->variant_value, a->base_value);
  const auto start = d.ui.itemRect("explain/start/bar"), end = d.ui.itemRect("explain/end/bar");
  const auto step = d.ui.itemRect("explain/bar/0/bar");
  ASSERT_TRUE(start && end && step);
  EXPECT_FLOAT_EQ(start->min.x, end->min.x);
  EXPECT_NEAR(end->width() / start->width(), a->variant_value / a->base_value, 0.01);
  // The step runs from where "As loaded" ends back to where "Your run" ends.
  EXPECT_NEAR(step->max.x, start->max.x, 1.0f);
  EXPECT_NEAR(step->min.x, end->max.x, 1.0f);
  // An axis of at least three ticks under the rows, the first at zero where the totals start.
  const std::vector<ItemRect> axis = ticks(d, "explain");
  ASSERT_GE(axis.size(), 3u);
  EXPECT_NEAR(axis.front().center().x, start->min.x, 1.0f);
  EXPECT_GE(axis.front().min.y, end->max.y);
  for (size_t k = 1; k < axis.size(); ++k) EXPECT_GT(axis[k].min.x, axis[k - 1].max.x) << k;
  EXPECT_GE(axis.back().center().x, start->max.x - 1.0f);  // the axis reaches the longest bar
}

// A step far smaller than the totals still shows as a bar a few pixels wide.
TEST(ExplainChart, ATinyStepKeepsAVisibleWidth) {
  DashboardFixture d;
  openTab(d, "tab/Explain (which lever did what)",
          {"us.remote_access_control=on@2026-01", "sea.tenant_kyc=0.5@2026-06"});
  const cp::Attribution* a = shownAttribution(d.state);
  ASSERT_NE(a, nullptr);
  const auto bars = waterfallBars(*a, false);
  for (size_t k = 0; k < bars.size(); ++k) {
    if (bars[k].value == 0) continue;
    const auto bar = d.ui.itemRect("explain/bar/" + std::to_string(k) + "/bar");
    ASSERT_TRUE(bar) << k;
    EXPECT_GE(bar->width(), 3.0f) << bars[k].label;
  }
}

// Each end's label sits beyond its own bar's outer end, on that bar's side of the centre
// line and in its lane; the two labels of a row never overlap.
TEST(SensitivityChart, EachLabelSitsAtItsOwnBarsEnd) {
  DashboardFixture d;
  openTab(d, "tab/Sensitivity", {});
  const cp::Sensitivity* t = shownSensitivity(d.state);
  ASSERT_NE(t, nullptr);
  const double span = std::fabs(t->value) + 1.0;
  int same_side = 0, checked = 0;
  for (size_t i = 0; i < t->rows.size(); ++i) {
    const cp::SensitivityRow& r = t->rows[i];
    std::optional<ItemRect> label[2];
    for (int end = 0; end < 2; ++end) {
      const std::string id = std::string("sensitivity/") + (end == 0 ? "low/" : "high/") + std::to_string(i);
      const auto bar = d.ui.itemRect(id);
      label[end] = d.ui.itemRect(id + "/label");
      if (!bar || !label[end]) break;  // scrolled out of the tab
      ++checked;
      const double at = end == 0 ? r.at_low : r.at_high;
      EXPECT_GE(label[end]->center().y, bar->min.y) << r.id;
      EXPECT_LE(label[end]->center().y, bar->max.y) << r.id;
      if (bar->width() <= 3.5f) continue;  // no swing: either side will do
      if (at > t->value)
        EXPECT_GE(label[end]->min.x, bar->max.x) << r.id << (end ? " high" : " low");
      else
        EXPECT_LE(label[end]->max.x, bar->min.x) << r.id << (end ? " high" : " low");
    }
    if (!label[0] || !label[1]) continue;
    const bool apart = label[0]->max.x <= label[1]->min.x || label[1]->max.x <= label[0]->min.x ||
                       label[0]->max.y <= label[1]->min.y || label[1]->max.y <= label[0]->min.y;
    EXPECT_TRUE(apart) << r.id;
    same_side += (r.at_low - t->value) * (r.at_high - t->value) > 1e-6 * span * span ? 1 : 0;
  }
  EXPECT_GT(checked, 10);
  EXPECT_GT(same_side, 0);  // the case the review found is among the drawn rows
}

// The colour key shares the value axis's row, above the rows, in view without scrolling.
TEST(SensitivityChart, KeyAndAxisAboveTheRows) {
  DashboardFixture d;
  openTab(d, "tab/Sensitivity", {});
  const auto key = d.ui.itemRect("sensitivity/key");
  const auto first = d.ui.itemRect("sensitivity/high/0");
  ASSERT_TRUE(key && first);
  EXPECT_LE(key->max.y, first->min.y);
  const std::vector<ItemRect> axis = ticks(d, "sensitivity");
  ASSERT_GE(axis.size(), 2u);
  EXPECT_NEAR(axis.front().center().y, key->center().y, 2.0f);
  EXPECT_LE(key->max.x, axis.front().min.x);
  EXPECT_LE(axis.front().max.y, first->min.y);
  for (size_t k = 1; k < axis.size(); ++k) EXPECT_GT(axis[k].min.x, axis[k - 1].max.x) << k;
}

// A 1280x720 screen (a classroom projector) shows several levers of the tornado without
// scrolling, while the charts above keep one whole row; the tab left one row (review).
TEST(SensitivityChart, SeveralRowsInViewAt720Lines) {
  DashboardFixture d;
  d.ui.setDisplaySize(ImVec2(1280.0f, 720.0f));
  openTab(d, "tab/Sensitivity", {});
  const cp::Sensitivity* t = shownSensitivity(d.state);
  ASSERT_NE(t, nullptr);
  const auto view = d.ui.itemRect("sensitivity/rows");
  ASSERT_TRUE(view);
  int whole = 0;
  for (size_t i = 0; i < t->rows.size(); ++i) {
    const auto bar = d.ui.itemRect("sensitivity/high/" + std::to_string(i));
    if (bar && bar->min.y >= view->min.y && bar->max.y <= view->max.y) ++whole;
  }
  EXPECT_GE(whole, 3);
  // The export row sits beside the picker rather than taking a line of its own.
  const auto png = d.ui.itemRect("sensitivity/export/png");
  ASSERT_TRUE(png);
  EXPECT_LE(png->max.y, view->min.y);
  const auto area = d.ui.itemRect("charts/area");
  ASSERT_TRUE(area);
  EXPECT_GE(area->height(), ImGui::GetFontSize() * 14.0f - 1.0f);
  // Back on a short tab the charts have their own share again.
  ASSERT_TRUE(d.ui.clickItem("tab/Companies", d.draw));
  d.ui.frames(2, d.draw);
  const auto wide = d.ui.itemRect("charts/area");
  ASSERT_TRUE(wide);
  EXPECT_GT(wide->height(), area->height() + ImGui::GetFontSize() * 2.0f);
}

// Numbers read as the lever panel's sliders write them: a share as a percentage, a number
// with its step's decimals and unit; the tornado's ends and the waterfall's from/to too.
TEST(LeverValueText, SharesAndNumbersAsTheLeverPanelShowsThem) {
  cp::Lever share, number;
  share.kind = cp::LeverKind::Share;
  share.step = 0.01;
  number.kind = cp::LeverKind::Number;
  number.step = 0.1;
  number.unit = "x";
  EXPECT_EQ(displayLeverValue(share, 0.25), "25%");
  EXPECT_EQ(displayLeverValue(number, 1.5), "1.5 x");

  DashboardFixture d;
  const cp::Scenario& s = *d.state.doc.loaded;
  cp::SensitivityRow row;
  row.lever = s.findLever("us.h200_revenue_share");
  ASSERT_GE(row.lever, 0);
  row.low = 0.0;
  row.high = 1.0;
  EXPECT_EQ(sensitivityEndText(s, row, false), "0%");
  EXPECT_EQ(sensitivityEndText(s, row, true), "100%");

  WaterfallBar bar;
  bar.lever = s.findLever("us.export_enforcement");
  ASSERT_GE(bar.lever, 0);
  bar.from = "0.5";
  bar.to = "0.5; 0.8@2026-01";
  EXPECT_EQ(waterfallEndText(s, bar, false), "50%");
  EXPECT_EQ(waterfallEndText(s, bar, true), "50%, 80% from 2026-01");
  bar.to = "not a value";
  EXPECT_EQ(waterfallEndText(s, bar, true), "not a value");
}

// The PNG export pictures the whole chart: while the picture waits, the chart is drawn on
// its own over the display and the crop follows it, so every row (the tornado's legend
// and axis too) is inside the crop, the crop inside the display, whatever the tab scrolls.
TEST(ExplainChart, PngExportsCropTheWholeChart) {
  struct Case {
    const char* tab;
    std::vector<std::string> levers;
    const char* png;
  };
  for (const float height : {900.0f, 420.0f})  // 420: the rows fit only in smaller type
    for (const Case& c : {Case{"tab/Explain (which lever did what)",
                               {"us.remote_access_control=on@2026-01", "us.export_enforcement=0.8@2026-01",
                                "cn.hbm_access=1.5@2026-01", "sea.tenant_kyc=0.5@2026-06"},
                               "explain/export/png"},
                          Case{"tab/Sensitivity", {}, "sensitivity/export/png"}}) {
      DashboardFixture d;
      d.ui.setDisplaySize(ImVec2(1366.0f, height));
      openTab(d, c.tab, c.levers);
      const bool tornado = std::string(c.tab) == "tab/Sensitivity";
      std::vector<std::string> rows;
      if (tornado) {
        const cp::Sensitivity* t = shownSensitivity(d.state);
        ASSERT_NE(t, nullptr);
        for (size_t i = 0; i < t->rows.size(); ++i)
          for (const char* end : {"low/", "high/"})
            rows.push_back(std::string("sensitivity/") + end + std::to_string(i));
        rows.push_back("sensitivity/legend");
        rows.push_back("sensitivity/tick/0");
      } else {
        const cp::Attribution* a = shownAttribution(d.state);
        ASSERT_NE(a, nullptr);
        rows = {"explain/start", "explain/end", "explain/tick/0"};
        for (size_t k = 0; k < waterfallBars(*a, false).size(); ++k) rows.push_back("explain/bar/" + std::to_string(k));
      }
      d.state.ui.explain.waterfall_export = d.state.ui.explain.tornado_export = "unused";
      ASSERT_TRUE(d.ui.clickItem(c.png, d.draw)) << c.png;
      for (int frame = 0; frame < 2; ++frame) {  // every frame while the main loop waits to take it
        d.ui.frame(d.draw);
        ASSERT_TRUE(d.state.ui.requests.screenshot) << c.tab;
        const float* crop = d.state.ui.requests.screenshot->crop;
        const ImVec2 display = d.ui.io().DisplaySize;
        EXPECT_GE(crop[0], -4.0f);
        EXPECT_GE(crop[1], -4.0f);
        EXPECT_LE(crop[2], display.x);
        EXPECT_LE(crop[3], display.y);
        for (const std::string& name : rows) {
          const auto r = d.ui.itemRect(name);
          ASSERT_TRUE(r) << name << " at height " << height;
          EXPECT_GE(r->min.y, crop[1]) << name;
          EXPECT_LE(r->max.y, crop[3]) << name;
          EXPECT_GE(r->min.x, crop[0] - 1.0f) << name;
          EXPECT_LE(r->min.x, crop[2]) << name;
        }
      }
      // Taken: the chart is back in its tab only.
      d.state.ui.requests.screenshot.reset();
      d.ui.frames(2, d.draw);
      EXPECT_EQ(d.state.ui.capture, Capture::None) << c.tab;
    }
}
