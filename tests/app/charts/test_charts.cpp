// Chart module: pure axis helpers, then headless drawing in a private ImGui context.
//
// [SECTION] niceTicks
// [SECTION] formatValue / formatTick
// [SECTION] fitRange
// [SECTION] Headless fixture
// [SECTION] Headless: range fitting, hover, click, robustness, speed

#include "app/charts/chart.h"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "app/panels/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// [SECTION] niceTicks

TEST(ChartTicks, LinearRoundValuesCoverRange) {
  const std::vector<double> t = cp::chart::niceTicks(0, 97, 5, false);
  EXPECT_EQ(t, (std::vector<double>{0, 20, 40, 60, 80, 100}));
}

TEST(ChartTicks, FractionalTicksAreExactDecimals) {
  const std::vector<double> t = cp::chart::niceTicks(0, 1, 5, false);
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[3], 0.6);  // built as 6/10, not 3*0.2 (0.6000000000000001)
  EXPECT_EQ(t.back(), 1.0);
}

TEST(ChartTicks, ManyRangesAreCoveredWithOneTwoFiveSteps) {
  const double ranges[][2] = {{0, 97}, {-3, 7}, {12.5, 13.1}, {0, 1.2e6}, {-4e9, -1e9}, {3, 3.0000001}, {1e-4, 9e-4}};
  for (const auto& r : ranges) {
    const std::vector<double> t = cp::chart::niceTicks(r[0], r[1], 5, false);
    ASSERT_GE(t.size(), 2u) << r[0] << ".." << r[1];
    EXPECT_LE(t.front(), r[0]);
    EXPECT_GE(t.back(), r[1]);
    EXPECT_LE(t.size(), 10u);
    const double step = t[1] - t[0];
    const double norm = step / std::pow(10.0, std::floor(std::log10(step)));
    auto near = [&](double x) { return std::fabs(norm - x) < 1e-6 * x; };  // 10: 0.0999.. = 1e-1
    EXPECT_TRUE(near(1) || near(2) || near(5) || near(10)) << "step " << step << " for " << r[0] << ".." << r[1];
    for (size_t i = 1; i < t.size(); ++i) EXPECT_NEAR(t[i] - t[i - 1], step, step * 1e-6);
  }
}

TEST(ChartTicks, LogTicksAreDecades) {
  const std::vector<double> t = cp::chart::niceTicks(3, 4.2e5, 8, true);
  EXPECT_EQ(t, (std::vector<double>{1, 10, 100, 1e3, 1e4, 1e5, 1e6}));
}

TEST(ChartTicks, LogTicksThinOutOverManyDecades) {
  const std::vector<double> t = cp::chart::niceTicks(1e10, 1e30, 5, true);
  ASSERT_GE(t.size(), 3u);
  EXPECT_LE(t.size(), 7u);
  EXPECT_LE(t.front(), 1e10);
  EXPECT_GE(t.back(), 1e30);
  for (size_t i = 1; i < t.size(); ++i) EXPECT_NEAR(std::log10(t[i] / t[i - 1]), std::log10(t[1] / t[0]), 1e-9);
}

TEST(ChartTicks, DegenerateInputGivesFiniteTicks) {
  for (bool log : {false, true}) {
    for (auto [lo, hi] :
         {std::pair{5.0, 5.0}, {kNaN, kNaN}, {kNaN, 3.0}, {-kInf, kInf}, {0.0, 0.0}, {-5.0, -1.0}, {7.0, 2.0}}) {
      const std::vector<double> t = cp::chart::niceTicks(lo, hi, 5, log);
      ASSERT_GE(t.size(), 2u) << lo << ".." << hi << " log=" << log;
      for (double v : t) EXPECT_TRUE(std::isfinite(v));
      if (log) {
        for (double v : t) EXPECT_GT(v, 0.0);
      }
    }
  }
}

// [SECTION] formatValue / formatTick

TEST(ChartFormat, EachUnit) {
  using cp::chart::Unit;
  EXPECT_EQ(cp::chart::formatValue(1.2e6, Unit::H100e), "1.2M H100e");
  EXPECT_EQ(cp::chart::formatValue(850e3, Unit::H100e), "850k H100e");
  EXPECT_EQ(cp::chart::formatValue(1.5e9, Unit::Usd), "$1.5bn");
  EXPECT_EQ(cp::chart::formatValue(-2.5e8, Unit::Usd), "-$250M");
  EXPECT_EQ(cp::chart::formatValue(3.4, Unit::UsdBn), "$3.4bn");
  EXPECT_EQ(cp::chart::formatValue(1500, Unit::UsdBn), "$1.5tn");
  EXPECT_EQ(cp::chart::formatValue(250, Unit::MW), "250 MW");
  EXPECT_EQ(cp::chart::formatValue(1500, Unit::MW), "1.5 GW");
  EXPECT_EQ(cp::chart::formatValue(14, Unit::Months), "14 mo");
  EXPECT_EQ(cp::chart::formatValue(0.354, Unit::Share), "35%");
  EXPECT_EQ(cp::chart::formatValue(0.035, Unit::Share), "3.5%");
  EXPECT_EQ(cp::chart::formatValue(1200, Unit::Units), "1.2k units");
  EXPECT_EQ(cp::chart::formatValue(3.1e25, Unit::Flop), "3.1e25 FLOP");
  EXPECT_EQ(cp::chart::formatValue(9.96e24, Unit::Flop), "1e25 FLOP");
  EXPECT_EQ(cp::chart::formatValue(42, Unit::None), "42");
  EXPECT_EQ(cp::chart::formatValue(0, Unit::Usd), "$0");
}

TEST(ChartFormat, RoundingMovesUpAScale) {
  EXPECT_EQ(cp::chart::formatValue(999960, cp::chart::Unit::H100e), "1M H100e");
}

// The Chips tab showed MI300X "Produced 92k" beside "Delivered 93k": 92500 and a sum that
// came to 92500.00000000004. Equal values on paper must read alike, half away from zero.
TEST(ChartFormat, FloatingPointNoiseDoesNotTipARoundingBoundary) {
  using cp::chart::Unit;
  EXPECT_EQ(cp::chart::formatValue(92500.0, Unit::Units), "93k units");
  EXPECT_EQ(cp::chart::formatValue(92500.00000000004, Unit::Units), "93k units");
  EXPECT_EQ(cp::chart::formatValue(92499.99999999996, Unit::Units), "93k units");
  EXPECT_EQ(cp::chart::formatValue(-92500.0, Unit::None), "-93k");
  EXPECT_EQ(cp::chart::formatValue(92499.0, Unit::Units), "92k units");      // a real difference still shows
  EXPECT_EQ(cp::chart::formatValue(0.1 + 0.2 + 0.045, Unit::None), "0.35");  // 0.34500000000000003
  EXPECT_EQ(cp::chart::formatValue(0.345, Unit::None), "0.35");              // 0.34499999999999997
  EXPECT_EQ(cp::chart::formatValue(2.5, Unit::Months), "2.5 mo");
  EXPECT_EQ(cp::chart::formatValue(999500.0, Unit::H100e), "1M H100e");
}

TEST(ChartFormat, NonFinite) {
  EXPECT_EQ(cp::chart::formatValue(kNaN, cp::chart::Unit::Usd), "n/a");
  EXPECT_EQ(cp::chart::formatValue(kInf, cp::chart::Unit::H100e), "inf");
}

TEST(ChartFormat, TicksAreShortAndDistinct) {
  EXPECT_EQ(cp::chart::formatTick(0, cp::chart::Unit::H100e, 2e5), "0");
  EXPECT_EQ(cp::chart::formatTick(8e5, cp::chart::Unit::H100e, 2e5), "800k");
  EXPECT_EQ(cp::chart::formatTick(1.2e6, cp::chart::Unit::H100e, 2e5), "1.2M");
  EXPECT_EQ(cp::chart::formatTick(1e25, cp::chart::Unit::Flop, 1e25), "1e25");
  EXPECT_EQ(cp::chart::formatTick(-1e-17, cp::chart::Unit::Share, 0.1), "0%");
  // Fine steps need more digits than formatValue's two: neighbours must differ.
  const std::vector<double> t = cp::chart::niceTicks(1.0e6, 1.1e6, 5, false);
  for (size_t i = 1; i < t.size(); ++i)
    EXPECT_NE(cp::chart::formatTick(t[i], cp::chart::Unit::Usd, t[1] - t[0]),
              cp::chart::formatTick(t[i - 1], cp::chart::Unit::Usd, t[1] - t[0]));
}

// [SECTION] fitRange

TEST(ChartRange, LinearIsZeroBasedWithHeadroom) {
  cp::chart::Style s;
  double lo = 0, hi = 0;
  cp::chart::detail::fitRange(3, 97, s, &lo, &hi);
  EXPECT_EQ(lo, 0);
  EXPECT_EQ(hi, 120);  // 97 + 5% headroom -> next round tick
  cp::chart::detail::fitRange(10, 100, s, &lo, &hi);
  EXPECT_GT(hi, 100);  // the top of the data never touches the frame
}

TEST(ChartRange, NegativeDataExtendsBelowZero) {
  double lo = 0, hi = 0;
  cp::chart::detail::fitRange(-50, 20, cp::chart::Style{}, &lo, &hi);
  EXPECT_LT(lo, -50);
  EXPECT_GT(hi, 20);
}

TEST(ChartRange, PinnedEndsWin) {
  cp::chart::Style s;
  s.y_min = 10;
  s.y_max = 50;
  double lo = 0, hi = 0;
  cp::chart::detail::fitRange(0, 1000, s, &lo, &hi);
  EXPECT_EQ(lo, 10);
  EXPECT_EQ(hi, 50);
}

TEST(ChartRange, LogSnapsToDecadesAndSurvivesNoData) {
  cp::chart::Style s;
  s.log_y = true;
  double lo = 0, hi = 0;
  cp::chart::detail::fitRange(2e23, 3e25, s, &lo, &hi);
  EXPECT_EQ(lo, 1e23);
  EXPECT_EQ(hi, 1e26);
  cp::chart::detail::fitRange(kNaN, kNaN, s, &lo, &hi);
  EXPECT_GT(lo, 0);
  EXPECT_GT(hi, lo);
  EXPECT_TRUE(std::isfinite(hi));
}

// [SECTION] Headless fixture

// A private ImGui context per test; the previous context (if any) is restored.
class ChartUi : public ::testing::Test {
 protected:
  void SetUp() override {
    prev_ = ImGui::GetCurrentContext();
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 720);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  }
  void TearDown() override {
    ImGui::DestroyContext(ctx_);
    ImGui::SetCurrentContext(prev_);
  }

  // One frame: a fixed window holding whatever `body` draws.
  template <class F>
  void frame(F&& body) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 600));
    ImGui::Begin("charts", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    body();
    ImGui::End();
    ImGui::Render();
  }

  // Every vertex ImGui produced this frame is a finite position.
  static bool allVerticesFinite() {
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int l = 0; l < dd->CmdListsCount; ++l)
      for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer)
        if (!std::isfinite(v.pos.x) || !std::isfinite(v.pos.y)) return false;
    return true;
  }

  ImGuiContext* prev_ = nullptr;
  ImGuiContext* ctx_ = nullptr;
};

std::vector<std::string> monthLabels(int year, int month, int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year + (month - 1 + i) / 12, (month - 1 + i) % 12 + 1);
    out.emplace_back(buf);
  }
  return out;
}

std::vector<const char*> cstrs(const std::vector<std::string>& v) {
  std::vector<const char*> out;
  for (const std::string& s : v) out.push_back(s.c_str());
  return out;
}

// [SECTION] Headless: range fitting, hover, click, robustness, speed

TEST_F(ChartUi, YRangeIncludesStackTotalsAndBands) {
  const int n = 12;
  std::vector<double> a(n, 30), b(n, 30), c(n, 30), line(n, 5), lo(n, -200), hi(n, 500);
  const double* layers[] = {a.data(), b.data(), c.data()};
  const char* names[] = {"A", "B", "C"};
  frame([&] {
    if (cp::chart::beginChart("stack", "Stack", cp::chart::Unit::H100e, nullptr, n)) {
      cp::chart::stackedArea(names, layers, 3, n);
      cp::chart::endChart();
    }
  });
  EXPECT_GE(cp::chart::detail::lastChart().y_max, 90.0);  // total, not the 30 of one layer
  EXPECT_EQ(cp::chart::detail::lastChart().y_min, 0.0);
  EXPECT_EQ(cp::chart::detail::lastChart().n_series, 3);

  frame([&] {
    if (cp::chart::beginChart("band", "Band", cp::chart::Unit::Usd, nullptr, n)) {
      cp::chart::line("mid", line.data(), n);
      cp::chart::band("p10-p90", lo.data(), hi.data(), n);
      cp::chart::endChart();
    }
  });
  EXPECT_GE(cp::chart::detail::lastChart().y_max, 500.0);
  EXPECT_LE(cp::chart::detail::lastChart().y_min, -200.0);
}

TEST_F(ChartUi, HoverAtPlotMiddleReportsMiddleIndex) {
  const int n = 25;
  const std::vector<std::string> labels = monthLabels(2025, 1, n);
  const std::vector<const char*> xl = cstrs(labels);
  std::vector<double> ys(n);
  for (int i = 0; i < n; ++i) ys[static_cast<size_t>(i)] = i * i;
  cp::chart::ChartResult r;
  auto draw = [&] {
    if (cp::chart::beginChart("hover", "Hover", cp::chart::Unit::H100e, xl.data(), n)) {
      cp::chart::line("y", ys.data(), n);
      r = cp::chart::endChart();
    }
  };
  frame(draw);
  EXPECT_FALSE(r.hovered);
  EXPECT_EQ(r.hover_x, -1);
  const cp::chart::detail::ChartInfo info = cp::chart::detail::lastChart();
  ASSERT_GT(info.plot_max.x, info.plot_min.x + 100);
  ImGui::GetIO().MousePos =
      ImVec2((info.plot_min.x + info.plot_max.x) * 0.5f, (info.plot_min.y + info.plot_max.y) * 0.5f);
  frame(draw);
  frame(draw);  // hover state settles one frame after the mouse moves
  EXPECT_TRUE(r.hovered);
  EXPECT_EQ(r.hover_x, 12);
  EXPECT_FALSE(r.clicked);
  EXPECT_TRUE(allVerticesFinite());

  ImGui::GetIO().MousePos = ImVec2(info.plot_max.x - 1, info.plot_min.y + 5);
  frame(draw);
  EXPECT_EQ(r.hover_x, n - 1);
}

// The hover tooltip lists every value: a line's, and the scenario as loaded (its unnamed
// dashed twin of the same colour) where that differs.
TEST_F(ChartUi, TooltipGivesTheAsLoadedValueWhereItDiffers) {
  const int n = 3;
  const std::vector<double> run = {1e6, 2e6, 3e6}, loaded = {1e6, 2e6, 4e6}, other = {5e6, 5e6, 5e6};
  auto draw = [&] {
    if (cp::chart::beginChart("loaded", "Loaded", cp::chart::Unit::H100e, nullptr, n)) {
      cp::chart::lineDashed("##baseline", loaded.data(), n, cp::chart::paletteColor(0));
      cp::chart::line("China", run.data(), n, cp::chart::paletteColor(0));
      cp::chart::line("Other", other.data(), n, cp::chart::paletteColor(1));
      cp::chart::endChart();
    }
  };
  frame(draw);
  const cp::chart::detail::ChartInfo info = cp::chart::detail::lastChart();
  const float y = (info.plot_min.y + info.plot_max.y) * 0.5f;
  const auto rows = [] { return cp::chart::detail::lastChart().tooltip_rows; };
  ImGui::GetIO().MousePos = ImVec2(info.plot_max.x - 1, y);  // the last month: they differ
  frame(draw);
  frame(draw);
  EXPECT_EQ(rows(), (std::vector<std::string>{"China: 3M H100e  (as loaded 4M H100e)", "Other: 5M H100e"}));
  ImGui::GetIO().MousePos = ImVec2(info.plot_min.x + 1, y);  // the first month: the same value
  frame(draw);
  EXPECT_EQ(rows(), (std::vector<std::string>{"China: 1M H100e", "Other: 5M H100e"}));
}

// A chart that draws its events as bare lines (small charts) still names them on hover,
// under the month as the language writes it; no bare "|" rows (classroom review).
TEST_F(ChartUi, TooltipNamesTheMonthAndEventsWhereLabelsAreNotDrawn) {
  const int n = 12;
  const std::vector<std::string> labels = monthLabels(2025, 1, n);
  const std::vector<const char*> xl = cstrs(labels);
  const std::vector<double> y(n, 1e6);
  const cp::chart::Marker marks[] = {{7, "H20 production halted"}, {7, ""}};
  auto draw = [&] {
    cp::chart::Style style;
    style.marker_labels = false;
    if (cp::chart::beginChart("events", "Events", cp::chart::Unit::H100e, xl.data(), n, style)) {
      cp::chart::line("China", y.data(), n);
      cp::chart::markers(marks, 2);
      cp::chart::endChart();
    }
  };
  frame(draw);
  const cp::chart::detail::ChartInfo info = cp::chart::detail::lastChart();
  const float x = info.plot_min.x + (info.plot_max.x - info.plot_min.x) * 7.0f / 11.0f;
  ImGui::GetIO().MousePos = ImVec2(x, (info.plot_min.y + info.plot_max.y) * 0.5f);
  frame(draw);
  frame(draw);
  EXPECT_EQ(cp::chart::detail::lastChart().tooltip_head,
            (std::vector<std::string>{"2025-08", "| H20 production halted"}));
  cp::i18n::setLanguage("uk", cp::i18n::Catalogue{});
  frame(draw);
  const std::vector<std::string> uk = cp::chart::detail::lastChart().tooltip_head;
  cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  ASSERT_EQ(uk.size(), 2u);
  EXPECT_EQ(uk[0], cp::i18n::formatMonthLabel(2025 * 12 + 7, "uk"));
  EXPECT_NE(uk[0], "2025-08");
}

// The palette's yellow (Okabe-Ito) all but vanishes on the light theme's plot: there it runs
// on a thin edge of the text colour, and its end label is a darker shade; the other colours,
// and every colour on the dark theme, are drawn as they are.
TEST_F(ChartUi, FaintLinesGetAnEdgeOnTheLightPlot) {
  const int n = 12;
  std::vector<double> a(n, 1.0), b(n, 2.0);
  const ImU32 yellow = cp::chart::paletteColor(6), blue = cp::chart::paletteColor(4);
  int edged = -1;
  auto draw = [&](ImU32 col) {
    frame([&] {
      cp::chart::Style style;
      style.end_labels = true;
      if (cp::chart::beginChart("edge", "Edge", cp::chart::Unit::None, nullptr, n, style)) {
        cp::chart::lineDashed("##loaded", a.data(), n, col);
        cp::chart::line("Gulf", b.data(), n, col);
        cp::chart::endChart();
      }
    });
    edged = cp::chart::detail::lastChart().edged;
  };
  // Vertices in a colour: the line's own, or its edge (the text colour, 60% opaque).
  auto drawn = [](ImU32 col) {
    int count = 0;
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int l = 0; l < dd->CmdListsCount; ++l)
      for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer) count += v.col == col ? 1 : 0;
    return count;
  };
  cp::app::applyTheme(cp::app::Theme::Light, ImGui::GetStyle());
  const ImU32 edge = ImGui::GetColorU32(ImGuiCol_Text, 0.6f);
  draw(yellow);
  EXPECT_EQ(edged, 2) << "the yellow line and its dashed twin";
  EXPECT_GT(drawn(edge), 0);
  EXPECT_GT(drawn(yellow), 0) << "the line keeps its colour";
  draw(blue);
  EXPECT_EQ(edged, 0);
  EXPECT_EQ(drawn(edge), 0);
  cp::app::applyTheme(cp::app::Theme::Dark, ImGui::GetStyle());
  draw(yellow);
  EXPECT_EQ(edged, 0) << "yellow reads on the dark plot";
  EXPECT_EQ(drawn(ImGui::GetColorU32(ImGuiCol_Text, 0.6f)), 0);
}

// Presenter mode names lines at their right ends: a long name wraps at words instead of
// ending in "...", and when the names cannot all fit the chart's height that is reported (the
// dashboard's tests look for it), never hidden.
TEST_F(ChartUi, EndLabelsWrapAtWordsAndReportWhenTheyCannotFit) {
  const int n = 12;
  std::vector<std::vector<double>> ys;
  for (int i = 0; i < 30; ++i) ys.emplace_back(n, 1.0 + i);
  auto draw = [&](int lines, float height) {
    frame([&] {
      cp::chart::Style style;
      style.width = 420.0f;
      style.height = height;
      style.end_labels = true;
      if (cp::chart::beginChart("ends", "Ends", cp::chart::Unit::None, nullptr, n, style)) {
        for (int i = 0; i < lines; ++i) {
          const std::string name = i == 0 ? "Countries of the Persian Gulf" : "Line " + std::to_string(i);
          cp::chart::line(name.c_str(), ys[i].data(), n);
        }
        cp::chart::endChart();
      }
    });
    return cp::chart::detail::lastChart();
  };
  const auto fits = draw(4, 300.0f);
  ASSERT_EQ(fits.end_labels.size(), 4u);
  const std::string& gulf = fits.end_labels.back();  // the first line is the lowest value: the last label
  EXPECT_NE(gulf.find('\n'), std::string::npos) << gulf;
  EXPECT_EQ(gulf.find("..."), std::string::npos) << gulf;
  std::string joined = gulf;
  std::replace(joined.begin(), joined.end(), '\n', ' ');
  EXPECT_EQ(joined, "Countries of the Persian Gulf");
  EXPECT_FALSE(fits.end_labels_overlap);
  EXPECT_TRUE(draw(30, 200.0f).end_labels_overlap) << "30 names in 200 pixels";
}

// A title too long for one line (longer in Ukrainian; three charts to a row in a 1600x900
// browser) takes a second line at a word, the unit after it, and the plot starts a line lower;
// it is not cut.
TEST_F(ChartUi, ALongTitleWrapsToASecondLineBeforeItIsCut) {
  const int n = 12;
  const std::vector<double> y(n, 1.0);
  std::string title = "Short";
  auto draw = [&] {
    cp::chart::Style style;
    style.width = 300.0f;
    if (cp::chart::beginChart("wrap", title.c_str(), cp::chart::Unit::H100e, nullptr, n, style)) {
      cp::chart::line("China", y.data(), n);
      cp::chart::endChart();
    }
  };
  frame(draw);
  const cp::chart::detail::ChartInfo one_line = cp::chart::detail::lastChart();
  EXPECT_EQ(one_line.title_lines, 1);
  title = "Потужності за штаб-квартирою (трен. + інф.)";
  ASSERT_GT(ImGui::CalcTextSize(title.c_str()).x, 300.0f) << "the title must not fit one line";
  frame(draw);
  const cp::chart::detail::ChartInfo two_lines = cp::chart::detail::lastChart();
  EXPECT_EQ(two_lines.title_lines, 2);
  EXPECT_FALSE(two_lines.title_cut);
  EXPECT_FLOAT_EQ(two_lines.plot_min.y - one_line.plot_min.y, ImGui::GetTextLineHeight());
}

// A title too long even for two lines ends in "..." and reads whole when the title is
// hovered (classroom review); a title that fits is not repeated.
TEST_F(ChartUi, ACutTitleReadsWholeOnHover) {
  const int n = 12;
  const std::vector<double> y(n, 1.0);
  const std::string long_title =
      "Потужності за блоком штаб-квартири (трен. + інф.), за країною розміщення, за постачальником і ще довше";
  std::string title = long_title;
  auto draw = [&] {
    cp::chart::Style style;
    style.width = 300.0f;
    if (cp::chart::beginChart("cut", title.c_str(), cp::chart::Unit::H100e, nullptr, n, style)) {
      cp::chart::line("China", y.data(), n);
      cp::chart::endChart();
    }
  };
  frame(draw);
  const cp::chart::detail::ChartInfo info = cp::chart::detail::lastChart();
  ASSERT_TRUE(info.title_cut);
  ImGui::GetIO().MousePos = ImVec2(info.frame_min.x + 20.0f, info.frame_min.y + 4.0f);  // on the title row
  frame(draw);
  frame(draw);
  EXPECT_EQ(cp::chart::detail::lastChart().tooltip_head, (std::vector<std::string>{long_title}));
  title = "Short";
  frame(draw);
  EXPECT_FALSE(cp::chart::detail::lastChart().title_cut);
  EXPECT_TRUE(cp::chart::detail::lastChart().tooltip_head.empty());
}

TEST_F(ChartUi, ClickIsReportedOnRelease) {
  const int n = 10;
  std::vector<double> ys(n, 1.0);
  cp::chart::ChartResult r;
  auto draw = [&] {
    if (cp::chart::beginChart("click", "Click", cp::chart::Unit::None, nullptr, n)) {
      cp::chart::line("y", ys.data(), n);
      r = cp::chart::endChart();
    }
  };
  frame(draw);
  const cp::chart::detail::ChartInfo info = cp::chart::detail::lastChart();
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((info.plot_min.x + info.plot_max.x) * 0.5f, (info.plot_min.y + info.plot_max.y) * 0.5f);
  frame(draw);
  EXPECT_FALSE(r.clicked);
  io.MouseDown[0] = true;
  frame(draw);
  EXPECT_FALSE(r.clicked);
  io.MouseDown[0] = false;
  frame(draw);
  EXPECT_TRUE(r.clicked);
  frame(draw);
  EXPECT_FALSE(r.clicked);
}

TEST_F(ChartUi, DrawsVerticesAndDashesAreSegments) {
  const int n = 2;
  const double flat[] = {1.0, 1.0};
  int solid = 0, dashed = 0, empty = 0;
  frame([&] {
    if (cp::chart::beginChart("empty", "", cp::chart::Unit::None, nullptr, n)) {
      cp::chart::endChart();
      empty = cp::chart::detail::lastChart().vtx_drawn;
    }
    if (cp::chart::beginChart("solid", "", cp::chart::Unit::None, nullptr, n)) {
      cp::chart::line("##s", flat, n);
      cp::chart::endChart();
      solid = cp::chart::detail::lastChart().vtx_drawn;
    }
    if (cp::chart::beginChart("dashed", "", cp::chart::Unit::None, nullptr, n)) {
      cp::chart::lineDashed("##d", flat, n);
      cp::chart::endChart();
      dashed = cp::chart::detail::lastChart().vtx_drawn;
    }
  });
  EXPECT_GT(empty, 0);  // axes and grid alone draw something
  EXPECT_GT(solid, empty);
  EXPECT_GT(dashed - empty, 10 * (solid - empty));  // ~80 dashes vs one polyline
}

TEST_F(ChartUi, BadInputDoesNotCrashOrDrawNonFinite) {
  const int n = 30;
  std::vector<double> nan(n, kNaN), inf(n, kInf), mixed(n), zeros(n, 0.0), neg(n, -5.0);
  for (int i = 0; i < n; ++i) mixed[static_cast<size_t>(i)] = (i % 3 == 0) ? kNaN : (i % 3 == 1 ? -kInf : 1e300 * i);
  const double* layers[] = {nan.data(), nullptr, mixed.data()};
  const cp::chart::Marker marks[] = {{-3, "before"}, {n + 4, "after"}, {5, nullptr}, {5, "same"}, {6, "next"}};
  cp::chart::ChartResult r;
  ImGui::GetIO().MousePos = ImVec2(450, 120);
  for (bool log : {false, true}) {
    cp::chart::Style st;
    st.log_y = log;
    for (int f = 0; f < 3; ++f) {
      frame([&] {
        if (cp::chart::beginChart("bad", nullptr, cp::chart::Unit::Flop, nullptr, n, st)) {
          cp::chart::line("nan", nan.data(), n);
          cp::chart::line("inf", inf.data(), n);
          cp::chart::lineDashed("mixed", mixed.data(), n);
          cp::chart::line("zeros", zeros.data(), n);
          cp::chart::line("neg", neg.data(), n);
          cp::chart::line("empty", nullptr, 0);
          cp::chart::line("short", zeros.data(), 1);
          cp::chart::stackedArea(nullptr, layers, 3, n);
          cp::chart::band("band", nan.data(), mixed.data(), n);
          cp::chart::markers(marks, 5);
          cp::chart::cursor(-7);
          cp::chart::future(2);
          r = cp::chart::endChart();
        }
        if (cp::chart::beginChart("nolabels", "n_x = 0", cp::chart::Unit::Share, nullptr, 0, st)) {
          cp::chart::line("y", zeros.data(), n);
          cp::chart::endChart();
        }
        if (cp::chart::beginChart("nothing", "", cp::chart::Unit::None, nullptr, 0, st)) cp::chart::endChart();
        cp::chart::line("outside", zeros.data(), n);  // ignored: no chart open
        cp::chart::endChart();                        // ignored
      });
      const cp::chart::detail::ChartInfo& info = cp::chart::detail::lastChart();
      EXPECT_TRUE(std::isfinite(info.y_min) && std::isfinite(info.y_max));
      EXPECT_LT(info.y_min, info.y_max);
      EXPECT_TRUE(allVerticesFinite());
    }
  }
  EXPECT_TRUE(r.hovered);  // the tooltip path ran over the bad data too
}

TEST_F(ChartUi, IdStackBalancedWhenVisibleOrClipped) {
  const double ys[] = {1, 2, 3};
  ImGuiID before = 0, after_visible = 0, after_clipped = 0;
  bool clipped_visible = true;
  frame([&] {
    before = ImGui::GetID("probe");
    if (cp::chart::beginChart("a", "A", cp::chart::Unit::None, nullptr, 3)) {
      cp::chart::line("y", ys, 3);
      cp::chart::endChart();
    }
    after_visible = ImGui::GetID("probe");
    ImGui::Dummy(ImVec2(10, 2000));  // push the next chart far below the window
    if (cp::chart::beginChart("b", "B", cp::chart::Unit::None, nullptr, 3)) cp::chart::endChart();
    clipped_visible = cp::chart::detail::lastChart().visible;
    after_clipped = ImGui::GetID("probe");
  });
  EXPECT_EQ(before, after_visible);
  EXPECT_EQ(before, after_clipped);
  EXPECT_FALSE(clipped_visible);
}

TEST_F(ChartUi, XAxisShowsYearsForLongSpansAndMonthsForShort) {
  const std::vector<std::string> long_labels = monthLabels(2023, 4, 96);
  const std::vector<const char*> xl = cstrs(long_labels);
  std::vector<double> ys(96, 1.0);
  std::vector<cp::chart::detail::XTick> ticks;
  frame([&] {
    if (cp::chart::beginChart("years", "", cp::chart::Unit::None, xl.data(), 96)) {
      cp::chart::line("y", ys.data(), 96);
      cp::chart::endChart();
      ticks = cp::chart::detail::lastXTicks();
    }
  });
  ASSERT_FALSE(ticks.empty());
  EXPECT_EQ(ticks[0].i, 9);  // 2024-01
  EXPECT_STREQ(ticks[0].text, "2024");
  for (const auto& t : ticks) EXPECT_EQ(std::string(xl[static_cast<size_t>(t.i)]).substr(5), "01");

  frame([&] {
    if (cp::chart::beginChart("months", "", cp::chart::Unit::None, xl.data(), 12)) {
      cp::chart::line("y", ys.data(), 12);
      cp::chart::endChart();
      ticks = cp::chart::detail::lastXTicks();
    }
  });
  ASSERT_GE(ticks.size(), 2u);
  EXPECT_STREQ(ticks[0].text, xl[static_cast<size_t>(ticks[0].i)]);  // full "YYYY-MM"
}

// A run starting in January puts the first x label under the y gutter: the lowest y label
// ("0", "10k" on a log axis) must stay above it, at every height a chart gets.
TEST_F(ChartUi, AxisLabelsNeverOverlap) {
  const std::vector<std::string> labels = monthLabels(2022, 1, 108);
  const std::vector<const char*> xl = cstrs(labels);
  std::vector<double> ys(108);
  for (size_t i = 0; i < ys.size(); ++i) ys[i] = 1e4 * (1.0 + static_cast<double>(i));
  for (bool log : {false, true})
    for (float height : {120.0f, 200.0f, 400.0f}) {
      std::vector<cp::chart::detail::ChartInfo::Box> boxes;
      frame([&] {
        cp::chart::Style style;
        style.height = height;
        style.log_y = log;
        if (cp::chart::beginChart("ticks", "Compute", cp::chart::Unit::None, xl.data(), 108, style)) {
          cp::chart::line("y", ys.data(), 108);
          cp::chart::endChart();
          boxes = cp::chart::detail::lastChart().axis_labels;
        }
      });
      ASSERT_GE(boxes.size(), 4u);
      for (size_t a = 0; a < boxes.size(); ++a)
        for (size_t b = a + 1; b < boxes.size(); ++b) {
          const auto &p = boxes[a], &q = boxes[b];
          const bool overlap = p.min.x < q.max.x && q.min.x < p.max.x && p.min.y < q.max.y && q.min.y < p.max.y;
          EXPECT_FALSE(overlap) << (log ? "log" : "linear") << " height " << height << ": labels " << a << " and " << b
                                << " at x " << p.min.x << ".." << p.max.x << " y " << p.min.y << ".." << p.max.y
                                << " and x " << q.min.x << ".." << q.max.x << " y " << q.min.y << ".." << q.max.y;
        }
    }
}

// A short chart with a legend of many long names: with legend_min_scale below 1 the legend
// is drawn smaller so the plot keeps three lines; by default it keeps the font (and the plot
// is what gives way).
TEST_F(ChartUi, ACrowdedLegendShrinksOnlyWhenAllowed) {
  const int n = 24;
  std::vector<std::vector<double>> data(8, std::vector<double>(n, 10.0));
  std::vector<const double*> layers;
  for (const auto& d : data) layers.push_back(d.data());
  const char* names[] = {"United States", "China mainland", "Singapore",   "Malaysia",
                         "Thailand",      "Indonesia",      "Gulf states", "Allied countries"};
  auto plotHeight = [&](float min_scale) {
    float h = -1;
    frame([&] {
      cp::chart::Style style;
      style.height = 130.0f;
      style.width = 220.0f;
      style.legend_min_scale = min_scale;
      if (cp::chart::beginChart("crowded", "Sales", cp::chart::Unit::Usd, nullptr, n, style)) {
        cp::chart::stackedArea(names, layers.data(), 8, n);
        cp::chart::endChart();
        h = cp::chart::detail::lastChart().plot_max.y - cp::chart::detail::lastChart().plot_min.y;
      }
      EXPECT_EQ(ImGui::GetCurrentWindow()->FontWindowScale, 1.0f) << "the window's font scale is restored";
    });
    return h;
  };
  const float line_h = 13.0f;  // ImGui's built-in font
  const float kept = plotHeight(1.0f), shrunk = plotHeight(0.5f);
  EXPECT_LT(kept, 3.0f * line_h) << "the legend's rows crowd the plot at full size";
  EXPECT_GT(shrunk, kept + line_h) << "a smaller legend gives the plot its lines back";
}

// "Chip vendors in China" topped out at 150% when one vendor held all of the market.
TEST_F(ChartUi, AShareChartEndsAtAHundredPercent) {
  const std::vector<std::string> labels = monthLabels(2022, 1, 108);
  const std::vector<const char*> xl = cstrs(labels);
  std::vector<double> all(108, 1.0), some(108);
  all[50] = 1.0 + 1e-15;  // a sum of shares a rounding error above 1
  for (size_t i = 0; i < some.size(); ++i) some[i] = 0.8 * static_cast<double>(i) / 107.0;
  for (float height : {120.0f, 200.0f, 400.0f}) {
    double top = 0;
    frame([&] {
      cp::chart::Style style;
      style.height = height;
      if (cp::chart::beginChart("share", "Chip vendors", cp::chart::Unit::Share, xl.data(), 108, style)) {
        cp::chart::line("Nvidia", all.data(), 108);
        cp::chart::line("Huawei", some.data(), 108);
        cp::chart::endChart();
        top = cp::chart::detail::lastChart().y_max;
      }
    });
    EXPECT_DOUBLE_EQ(top, 1.0) << "height " << height;
  }
}

}  // namespace

TEST(ChartFormat, UkrainianNumbersUseCommaAndScaleWords) {
  using cp::chart::Unit;
  cp::i18n::Catalogue uk;
  uk.add(" mo", " міс.");
  cp::i18n::setLanguage("uk", std::move(uk));
  EXPECT_EQ(cp::chart::formatValue(1.5e9, Unit::Usd), "$1,5\u00A0млрд");
  EXPECT_EQ(cp::chart::formatValue(1.2e6, Unit::H100e), "1,2\u00A0млн H100e");
  EXPECT_EQ(cp::chart::formatValue(35e3, Unit::None), "35\u00A0тис.");
  EXPECT_EQ(cp::chart::formatValue(0.25, Unit::Share), "25%");
  EXPECT_EQ(cp::chart::formatValue(9.3, Unit::Months), "9,3 міс.");
  EXPECT_EQ(cp::chart::formatTick(2.5e6, Unit::None, 5e5), "2,5\u00A0млн");
  cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  EXPECT_EQ(cp::chart::formatValue(1.5e9, Unit::Usd), "$1.5bn");
  EXPECT_EQ(cp::chart::formatValue(9.3, Unit::Months), "9.3 mo");
}
