// The dashboard driven through its widgets, headless: levers change results in the
// expected direction, undo restores them, charts enlarge, dialogs save and open.
#include "app/panels/app_ui.h"
#include "app/panels/panels.h"
#include "app/core/scenario_files.h"
#include "engine/loader.h"
#include "engine/month.h"

#include "dashboard_fixture.h"
#include "temp_dir.h"
#include "app/charts/chart.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace cp::app;
using cp::test::DashboardFixture;
using cp::test::ImGuiHarness;
using cp::test::KeyMods;
using cp::test::TempDir;

namespace {

constexpr const char* kLeased = "Leased offshore";

// Press at `from`, move to `to` over a few frames, release.
void drag(DashboardFixture& d, ImVec2 from, ImVec2 to, int steps = 6) {
  ImGuiIO& io = d.ui.io();
  io.MousePos = from;
  d.ui.frame(d.draw);
  io.MouseDown[0] = true;
  d.ui.frame(d.draw);
  for (int i = 1; i <= steps; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(steps);
    io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    d.ui.frame(d.draw);
  }
  io.MouseDown[0] = false;
  d.ui.frame(d.draw);
}

// Replaces the text of the focused field (the dialogs focus their path field).
void replaceText(DashboardFixture& d, const std::string& text) {
  d.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_A), d.draw, KeyMods{.ctrl = true});
  d.ui.typeText(text.c_str(), d.draw);
}

}  // namespace

TEST(Dashboard, RemoteAccessCheckboxCutsChineseLeasing) {
  DashboardFixture d;
  d.state.ui.view.month = d.monthIndex("2027-12");
  d.ui.frame(d.draw);
  const double leased_before = d.chartValue("china_channels", kLeased, "2027-12");
  const double offshore_before = d.kpi("china_offshore");
  const double gap_before = d.kpi("china_gap");
  ASSERT_GT(leased_before, 0.0);

  ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
  const int lever = d.leverIndex("us.remote_access_control");
  EXPECT_TRUE(leverChanged(d.state.doc, lever));
  EXPECT_TRUE(updating(d.state)) << "results on screen are older than the edit";
  d.settle();
  EXPECT_FALSE(updating(d.state));

  const double leased_after = d.chartValue("china_channels", kLeased, "2027-12");
  EXPECT_LT(leased_after, leased_before);
  EXPECT_DOUBLE_EQ(d.chartValue("china_channels", kLeased, "2027-12", /*baseline=*/true), leased_before);
  EXPECT_LT(d.kpi("china_offshore"), offshore_before);
  EXPECT_GE(d.kpi("china_gap"), gap_before);
  // Before the control starts nothing moves.
  EXPECT_DOUBLE_EQ(d.chartValue("china_channels", kLeased, "2025-06"),
                   d.chartValue("china_channels", kLeased, "2025-06", true));
  ASSERT_TRUE(d.ui.itemRect("lever/us.remote_access_control/reset")) << "changed levers offer a reset";
}

TEST(Dashboard, UndoRestoresThePreviousResults) {
  DashboardFixture d;
  const double before = d.chartValue("china_channels", kLeased, "2027-12");
  const auto fingerprint = d.state.runs.current->fingerprint();
  ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
  d.settle();
  ASSERT_LT(d.chartValue("china_channels", kLeased, "2027-12"), before);

  d.ui.pressKey('Z', d.draw, KeyMods{.ctrl = true});
  d.settle();
  EXPECT_EQ(changedLeverCount(d.state.doc), 0);
  EXPECT_DOUBLE_EQ(d.chartValue("china_channels", kLeased, "2027-12"), before);
  EXPECT_EQ(d.state.runs.current->fingerprint(), fingerprint);

  d.ui.pressKey('Y', d.draw, KeyMods{.ctrl = true});
  d.settle();
  EXPECT_LT(d.chartValue("china_channels", kLeased, "2027-12"), before);
}

TEST(Dashboard, SliderDragIsOneUndoStep) {
  DashboardFixture d;
  const auto rect = d.ui.itemRect("lever/us.export_enforcement");
  ASSERT_TRUE(rect);
  const double diverted_before = d.kpi("diverted");
  drag(d, rect->center(), ImVec2(rect->max.x - 2.0f, rect->center().y));
  const int lever = d.leverIndex("us.export_enforcement");
  EXPECT_GT(leverValue(d.state.doc, lever), 0.9);
  EXPECT_EQ(d.state.doc.undo_stack.size(), 1u) << "a drag is one edit";
  d.settle();
  EXPECT_LT(d.kpi("diverted"), diverted_before) << "more enforcement, fewer chips diverted";

  d.ui.pressKey('Z', d.draw, KeyMods{.ctrl = true});
  EXPECT_DOUBLE_EQ(leverValue(d.state.doc, lever), 0.5);
  d.settle();
  EXPECT_DOUBLE_EQ(d.kpi("diverted"), diverted_before);
}

TEST(Dashboard, MonthLeverNeverAndReset) {
  DashboardFixture d;
  const int lever = d.leverIndex("us.h20_licence_from");
  ASSERT_TRUE(d.ui.clickItem("lever/us.h20_licence_from/never", d.draw));
  EXPECT_GE(leverValue(d.state.doc, lever), cp::kNever);
  d.ui.frame(d.draw);
  ASSERT_TRUE(d.ui.clickItem("lever/us.h20_licence_from/reset", d.draw));
  EXPECT_FALSE(leverChanged(d.state.doc, lever));
  EXPECT_EQ(d.state.doc.undo_stack.size(), 2u);
}

TEST(Dashboard, ResetAllButton) {
  DashboardFixture d;
  ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
  ASSERT_TRUE(d.ui.clickItem("lever/us.diffusion_rule", d.draw));
  EXPECT_EQ(changedLeverCount(d.state.doc), 2);
  ASSERT_TRUE(d.ui.clickItem("levers/reset_all", d.draw));
  EXPECT_EQ(changedLeverCount(d.state.doc), 0);
}

TEST(Dashboard, ScrubberMovesTheMonthTheCardsShow) {
  DashboardFixture d;
  const auto rect = d.ui.itemRect("scrubber");
  ASSERT_TRUE(rect);
  d.ui.click(ImVec2(rect->min.x + 3.0f, rect->center().y), d.draw);
  EXPECT_EQ(d.state.ui.view.month, 0);
  EXPECT_DOUBLE_EQ(d.kpi("china_train"), d.state.dash.kpis[0].current[0]);
  ASSERT_TRUE(d.ui.clickItem("scrubber/next", d.draw));
  EXPECT_EQ(d.state.ui.view.month, 1);
}

// The month is written beside the slider, where its handle cannot cover it, wherever it is.
TEST(Dashboard, ScrubberHandleNeverCoversTheMonth) {
  DashboardFixture d;
  for (int month : {0, d.state.dash.months.count() / 2, d.state.dash.months.count() - 1}) {
    d.state.ui.view.month = month;
    d.ui.frame(d.draw);
    const auto label = d.ui.itemRect("scrubber/label"), slider = d.ui.itemRect("scrubber");
    ASSERT_TRUE(label && slider);
    EXPECT_LE(label->max.x, slider->min.x) << "month " << month;
  }
}

// The cards show a month after the record (the default one among them) as a projection:
// the scrubber says so beside the month, as the charts' hatching does (expert review).
TEST(Dashboard, AMonthAfterTheRecordIsMarkedAProjection) {
  DashboardFixture d;
  const int end = recordEndIndex(d.state);
  ASSERT_GT(end, 0);
  ASSERT_LT(end + 1, d.state.dash.months.count());
  EXPECT_GT(d.state.ui.view.month, end) << "the default month is a projection";
  d.state.ui.view.month = end;
  d.ui.frame(d.draw);
  EXPECT_FALSE(d.ui.itemRect("scrubber/projection"));
  d.state.ui.view.month = end + 1;
  d.ui.frame(d.draw);
  const auto mark = d.ui.itemRect("scrubber/projection"), label = d.ui.itemRect("scrubber/label"),
             slider = d.ui.itemRect("scrubber");
  ASSERT_TRUE(mark && label && slider);
  EXPECT_GE(mark->min.x, label->max.x);
  EXPECT_LE(mark->max.x, slider->min.x);
}

TEST(Dashboard, ChartClickEnlargesAndEscapeCloses) {
  DashboardFixture d;
  ASSERT_TRUE(d.ui.clickItem("chart/compute_by_bloc", d.draw));
  EXPECT_EQ(d.state.ui.view.enlarged_chart, 0);
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("enlarged/close"));
  ASSERT_TRUE(d.ui.itemRect("chart/compute_by_bloc"));
  EXPECT_GT(d.ui.itemRect("chart/compute_by_bloc")->width(), 1200.0f);
  const char log_before = d.state.ui.view.log_scale[0];
  EXPECT_EQ(log_before, 1) << "compute by bloc spans decades: log by default";
  ASSERT_TRUE(d.ui.clickItem("enlarged/log", d.draw));
  EXPECT_NE(d.state.ui.view.log_scale[0], log_before);
  d.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_Escape), d.draw);
  EXPECT_EQ(d.state.ui.view.enlarged_chart, -1);
}

TEST(Dashboard, LogToggleOnASmallChart) {
  DashboardFixture d;
  ASSERT_TRUE(d.ui.clickItem("chart/china_channels/log", d.draw));
  size_t index = 0;
  while (std::string(chartSpecs()[index].id) != "china_channels") ++index;
  EXPECT_EQ(d.state.ui.view.log_scale[index], 1);
  EXPECT_EQ(d.state.ui.view.enlarged_chart, -1) << "the toggle does not enlarge the chart";
}

TEST(Dashboard, PresenterModeHidesTablesAndComesBack) {
  DashboardFixture d;
  ASSERT_TRUE(d.ui.itemRect("tab/Companies"));
  d.ui.pressKey(kKeyF11, d.draw);
  EXPECT_TRUE(d.state.ui.presenter);
  EXPECT_EQ(d.state.ui.theme, Theme::Presenter);
  d.ui.frame(d.draw);
  EXPECT_FALSE(d.ui.itemRect("tab/Companies"));
  EXPECT_TRUE(d.ui.itemRect("chart/compute_by_bloc"));
  d.ui.pressKey(kKeyF11, d.draw);
  EXPECT_FALSE(d.state.ui.presenter);
  EXPECT_EQ(d.state.ui.theme, Theme::Dark);
}

TEST(Dashboard, WhyPanelListsOptionsAndTheRulesThatDeniedThem) {
  DashboardFixture d;
  d.state.ui.view.month = d.monthIndex("2025-06");
  d.state.ui.view.why_company = d.state.doc.loaded->findCompany("bytedance");
  ASSERT_TRUE(d.ui.clickItem("tab/Why? (options a company weighed)", d.draw));
  d.ui.frame(d.draw);  // the panel asks for a trace at the end of the frame
  d.settle();
  ASSERT_TRUE(d.state.runs.traced);
  EXPECT_EQ(d.state.runs.shown_trace.company, d.state.ui.view.why_company);
  const auto& trace = d.state.runs.traced->trace;
  ASSERT_FALSE(trace.empty());
  bool denied = false, allowed = false;
  for (const auto& o : trace) {
    if (!o.allowed && o.verdict.find("us_2023_10_threshold") != std::string::npos) denied = true;
    if (o.allowed && o.share > 0) allowed = true;
  }
  EXPECT_TRUE(denied);
  EXPECT_TRUE(allowed);
}

TEST(Dashboard, RuleTimelineFollowsTheLevers) {
  DashboardFixture d;
  ASSERT_TRUE(d.ui.clickItem("tab/Rule timeline", d.draw));
  d.ui.frame(d.draw);
  EXPECT_TRUE(d.ui.itemRect("rule/us_remote_access"));
  const int rule = [&] {
    for (size_t r = 0; r < d.state.doc.loaded->rules.size(); ++r)
      if (d.state.doc.loaded->rules[r].id == "us_remote_access") return static_cast<int>(r);
    return -1;
  }();
  ASSERT_GE(rule, 0);
  const auto active_months = [&](const auto& table) {
    int n = 0;
    for (char c : (*table)[static_cast<size_t>(rule)]) n += c;
    return n;
  };
  EXPECT_EQ(active_months(d.state.runs.rule_active), 0);
  ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
  d.settle();
  EXPECT_GT(active_months(d.state.runs.rule_active), 12);
  EXPECT_EQ(active_months(d.state.runs.baseline_rule_active), 0);
}

TEST(Dashboard, TablesDraw) {
  DashboardFixture d;
  EXPECT_TRUE(d.ui.itemRect("table/companies"));
  ASSERT_TRUE(d.ui.clickItem("tab/Chips", d.draw));
  d.ui.frame(d.draw);
  EXPECT_TRUE(d.ui.itemRect("table/chips"));
  for (const auto& row : d.state.dash.companies) EXPECT_NE(row.id, "sg_operators") << "operators are not listed";
}

TEST(Dashboard, QuitWithUnsavedChangesAsksFirst) {
  DashboardFixture d;
  ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
  d.ui.pressKey('Q', d.draw, KeyMods{.ctrl = true});
  EXPECT_FALSE(d.state.ui.requests.quit);
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.clickItem("confirm/discard", d.draw));
  EXPECT_TRUE(d.state.ui.requests.quit);
}

TEST(Dashboard, SaveAsAndOpenThroughTheDialogs) {
  TempDir dir;
  DashboardFixture d;
  ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
  ASSERT_TRUE(d.ui.clickItem("lever/us.h20_licence", d.draw));
  const cp::Scenario edited = snapshot(d.state.doc);
  const std::string path = (dir / "workshop.json").string();

  d.ui.pressKey('S', d.draw, KeyMods{.ctrl = true, .shift = true});
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("saveas/path")) << "Save As dialog not open";
  replaceText(d, path);
  ASSERT_TRUE(d.ui.clickItem("saveas/ok", d.draw));
  handleRequests(d.state);
  ASSERT_TRUE(std::filesystem::exists(path)) << d.state.ui.status_message;
  EXPECT_FALSE(isDirty(d.state.doc));

  resetAllLevers(d.state.doc);  // make the open below observable
  d.ui.pressKey('O', d.draw, KeyMods{.ctrl = true});
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("open/path")) << "Open dialog not open";
  replaceText(d, path);
  ASSERT_TRUE(d.ui.clickItem("open/ok", d.draw));
  d.ui.frames(2, d.draw);
  if (d.ui.itemRect("confirm/discard")) {
    ASSERT_TRUE(d.ui.clickItem("confirm/discard", d.draw));
  }
  handleRequests(d.state);
  ASSERT_TRUE(d.state.scenario_loaded) << (d.state.load_error ? *d.state.load_error : "");
  EXPECT_EQ(std::filesystem::path(d.state.doc.path), std::filesystem::path(path));
  for (int i = 0; i < leverCount(d.state.doc); ++i)
    for (int m = edited.start; m <= edited.end; m += 6)
      ASSERT_DOUBLE_EQ(cp::leverValueAt(snapshot(d.state.doc), i, m), cp::leverValueAt(edited, i, m))
          << lever(d.state.doc, i).id << " in " << cp::formatMonth(m);
  d.settle();
}

TEST(Dashboard, ErrorPanelListsEveryProblem) {
  TempDir dir;
  const auto path = dir / "broken.json";
  std::ofstream(path) << R"({"extends": ")" << cp::test::baselinePath()
                      << R"(", "set": {"no.such_lever": 1, "us.tpp_threshold": "lots"}})";
  DashboardFixture d(path.string());
  ASSERT_TRUE(d.state.load_error);
  EXPECT_GE(d.state.load_problems.size(), 2u);
  EXPECT_TRUE(d.ui.itemRect("error/problems"));
  EXPECT_TRUE(d.ui.itemRect("error/Reload"));
}

TEST(Dashboard, EveryPanelAndThemeDrawsWithoutAsserting) {
  DashboardFixture d;
  d.state.ui.windows = WindowVisibility{.about = true, .shortcuts = true, .imgui_demo = false, .imgui_metrics = false};
  d.state.ui.view.enlarged_chart = 1;
  applyLeverSettings(d.state.doc, cp::parseLeverArgs({"cn.nvidia_guidance=0.9@2026-01"}, *d.state.doc.loaded));
  for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
    d.state.ui.theme = t;
    for (const char* tab :
         {"tab/Companies", "tab/Chips", "tab/Rule timeline", "tab/Why? (options a company weighed)"}) {
      d.ui.frame(d.draw);
      if (auto r = d.ui.itemRect(tab)) d.ui.click(r->center(), d.draw);
      d.settle();
    }
  }
  EXPECT_TRUE(hasDatedSchedule(d.state.doc, d.leverIndex("cn.nvidia_guidance")));
}

TEST(Dashboard, ZeroSeriesAreLeftOutAndTheProjectionIsShaded) {
  DashboardFixture d;
  size_t bloc = 0;
  while (std::string(chartSpecs()[bloc].id) != "compute_by_bloc") ++bloc;
  // The baseline books compute by headquarters: some blocs are zero throughout.
  size_t non_zero = 0;
  for (const SeriesData& s : d.state.dash.charts[bloc].series)
    non_zero += std::any_of(s.current.begin(), s.current.end(), [](double v) { return v != 0.0; }) ? 1 : 0;
  ASSERT_LT(non_zero, d.state.dash.charts[bloc].series.size()) << "the test needs a zero series";
  d.state.ui.view.enlarged_chart = static_cast<int>(bloc);  // drawn last: lastChart() describes it
  d.ui.frames(2, d.draw);
  EXPECT_EQ(cp::chart::detail::lastChart().n_series, static_cast<int>(non_zero));
  int last_event = -1;
  for (const cp::Event& e : d.state.doc.loaded->events) last_event = std::max(last_event, e.month);
  EXPECT_EQ(recordEndIndex(d.state), last_event - d.state.dash.months.start);
  EXPECT_EQ(cp::chart::detail::lastChart().projection, recordEndIndex(d.state));
}

TEST(Dashboard, ViewMenuShowsComputeInFlopH100e) {
  DashboardFixture d;
  d.settle();
  const double purpose = d.chartValue("compute_by_bloc", "China", "2026-12");
  const double* flop = d.state.runs.current->find(cp::Scope::Bloc, "china", "compute_flop_h100e");
  ASSERT_TRUE(flop);
  const double want = flop[d.monthIndex("2026-12")];
  ASSERT_NE(purpose, want) << "the two units differ (H20s count 0.15 in FLOP terms)";
  ASSERT_TRUE(d.ui.clickItem("menu/View", d.draw));
  ASSERT_TRUE(d.ui.clickItem("View/FLOP units", d.draw));
  d.settle();
  EXPECT_TRUE(d.state.ui.view.flop_units);
  EXPECT_DOUBLE_EQ(d.chartValue("compute_by_bloc", "China", "2026-12"), want);
  // The vendor chart follows; the KPI already reads FLOP-H100e in both views.
  const double* share = d.state.runs.current->find(cp::Scope::Global, "world", "huawei_flop_share_china");
  ASSERT_TRUE(share);
  EXPECT_DOUBLE_EQ(d.chartValue("vendor_share_china", "Huawei", "2026-12"), share[d.monthIndex("2026-12")]);
  d.state.ui.view.month = d.monthIndex("2026-12");
  d.ui.frame(d.draw);
  EXPECT_DOUBLE_EQ(d.kpi("huawei_share"), share[d.monthIndex("2026-12")]);
}

// A reviewer took the menu item for a switch of every number: its tooltip names exactly the
// charts that change (and says the cards and tables stay), checked against what they draw.
TEST(Dashboard, FlopMenuTooltipNamesExactlyTheChartsItSwitches) {
  DashboardFixture d;
  d.state.ui.view.flop_units = true;
  d.settle();
  const std::string help = flopViewHelp();
  EXPECT_NE(help.find("KPI cards"), std::string::npos) << help;
  EXPECT_NE(help.find("tables"), std::string::npos) << help;
  int switched = 0;
  for (size_t c = 0; c < chartSpecs().size(); ++c) {
    const std::string quoted = "\"" + std::string(chartSpecs()[c].title) + "\"";
    const bool flop = d.state.dash.charts[c].flop;
    switched += flop ? 1 : 0;
    EXPECT_EQ(help.find(quoted) != std::string::npos, flop) << quoted << " in: " << help;
  }
  EXPECT_GE(switched, 1);
}

// The card "Huawei share (FLOP)" read 59% where the vendor chart's Huawei line read 48% (chips):
// the chart's title says what it counts in each view, so they do not look like a contradiction.
TEST(Dashboard, VendorChartTitleSaysWhetherItCountsChipsOrFlop) {
  const auto& charts = chartSpecs();
  const auto vendor = std::find_if(charts.begin(), charts.end(),
                                   [](const ChartSpec& c) { return c.id == std::string("vendor_share_china"); });
  ASSERT_NE(vendor, charts.end());
  EXPECT_NE(std::string(chartTitle(*vendor, false)).find("chip count"), std::string::npos)
      << chartTitle(*vendor, false);
  EXPECT_NE(std::string(chartTitle(*vendor, true)).find("FLOP"), std::string::npos) << chartTitle(*vendor, true);
  for (const KpiSpec& k : kpiSpecs())
    if (k.id == std::string("huawei_share")) {
      EXPECT_NE(std::string(k.title).find("FLOP"), std::string::npos);
    }
  // Charts without a FLOP view keep one title.
  for (const ChartSpec& c : charts)
    if (c.flop_series.empty()) {
      EXPECT_STREQ(chartTitle(c, true), c.title);
    }
}

// Scrolled down the rule timeline, the rows still have their years above them.
TEST(Dashboard, RuleTimelineKeepsItsYearsInViewWhenScrolled) {
  DashboardFixture d;
  ASSERT_TRUE(d.ui.clickItem("tab/Rule timeline", d.draw));
  d.ui.frame(d.draw);
  const auto rows = d.ui.itemRect("rules/rows");
  ASSERT_TRUE(rows);
  const std::string first = "rule/" + d.state.doc.loaded->rules.front().id;
  const auto before = d.ui.itemRect(first);
  const auto years_before = d.ui.itemRect("rules/years");
  ASSERT_TRUE(before && years_before);
  d.ui.io().MouseWheel = -30.0f;  // scroll the rows as far down as they go
  d.ui.moveMouse(rows->center(), d.draw);
  d.ui.frames(2, d.draw);
  const auto after = d.ui.itemRect(first);
  ASSERT_TRUE(after);
  ASSERT_LT(after->min.y, before->min.y - 1.0f) << "the rows did not scroll: too few for the test";
  const auto years = d.ui.itemRect("rules/years");
  const auto rows_now = d.ui.itemRect("rules/rows");
  ASSERT_TRUE(years && rows_now);
  EXPECT_EQ(years->min.y, years_before->min.y) << "the year header scrolled away with the rows";
  EXPECT_LE(years->max.y, rows_now->min.y + 0.5f) << "the year header is above the rows, not over them";
}
