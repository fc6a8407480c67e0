// The chart's scratch context (what beginChart and the series calls copy, endChart draws)
// and the drawing steps endChart runs, shared by chart.cpp (Begin, series, endChart),
// chart_ticks.cpp (x ticks), chart_lines.cpp (fills, lines, dashes) and chart_legend.cpp
// (end labels, legend, tooltip). Internal to the chart module; callers use chart.h.
#pragma once

#include "chart.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace cp::chart::internal {

enum class Kind { Fill, Dashed, Line };

struct Series {
  Kind kind = Kind::Line;
  ImU32 col = 0;
  int n = 0;
  int label = 0;         // offset into Ctx::text
  int y = -1;            // own values in Ctx::pool (lines, stack layers), -1 = none
  int lo = -1, hi = -1;  // fill edges in Ctx::pool (band or stack layer)
  int stack = -1;        // stack id; the last layer of a stack shows the total
  bool last_in_stack = false;
  bool band = false;
};

struct MarkerRec {
  int x;
  int label;  // offset into Ctx::text
  ImU32 col;
};

// Everything one chart needs between beginChart and endChart. One module-level instance:
// ImGui is single-threaded and charts don't nest, so reuse keeps its buffers warm.
struct Ctx {
  bool active = false;
  Style style;
  Unit unit = Unit::None;
  ImRect frame;
  bool hovered = false, pressed = false;
  int n_x = 0;
  bool has_x_labels = false;
  int title = -1;
  std::vector<int> x_labels;  // offsets into text
  std::vector<char> text;     // copied strings, '\0'-separated
  std::vector<double> pool;   // copied series data
  std::vector<Series> series;
  std::vector<MarkerRec> markers;
  int cursor = -1, future = -1, projection = -1;
  int note = -1;  // offset into text: a line at the legend's end, -1 none
  int next_col = 0, n_stacks = 0;
  std::vector<ImVec2> pts;  // polyline scratch
  std::vector<ImVec2> dash;
  std::vector<double> base, top;  // stacking scratch
  std::vector<detail::XTick> xticks;
  std::vector<double> yticks;
  detail::ChartInfo info;

  int addText(const char* s) {
    const int off = static_cast<int>(text.size());
    if (s == nullptr) s = "";
    text.insert(text.end(), s, s + std::strlen(s) + 1);
    return off;
  }
  const char* str(int off) const { return off < 0 ? "" : text.data() + off; }
  int addData(const double* v, int n) {
    const int off = static_cast<int>(pool.size());
    pool.insert(pool.end(), v, v + n);
    return off;
  }
  const double* data(int off) const { return pool.data() + off; }
  ImU32 pick(ImU32 col) { return col != 0 ? col : paletteColor(next_col++); }
};

extern Ctx g;

// "2025-04" -> year 2025, month 4 (chart_ticks.cpp); false if not a month.
bool parseYearMonth(const char* s, int* year, int* month);
inline bool hiddenLabel(const char* s) { return s[0] == '\0' || (s[0] == '#' && s[1] == '#'); }

// Plot-space mapping: month index and value to pixels (log or linear).
struct Map {
  ImRect plot;
  int n_x = 1;
  double y0 = 0, y1 = 1;  // log: log10 of the range ends
  double floor_v = 0;     // log: the range bottom, where non-positive values sit
  bool log = false;

  float x(int i) const {
    const float w = plot.GetWidth();
    return n_x > 1 ? plot.Min.x + w * static_cast<float>(i) / static_cast<float>(n_x - 1) : plot.Min.x + 0.5f * w;
  }
  float y(double v) const {
    // Log: non-positive values sit on the floor; huge values are clamped so they stay
    // finite floats (the clip rect hides the overshoot).
    double t = log ? (std::log10(std::max(v, floor_v)) - y0) / (y1 - y0) : (v - y0) / (y1 - y0);
    t = std::clamp(t, -2.0, 3.0);
    return plot.Max.y - static_cast<float>(t) * plot.GetHeight();
  }
  int index(float px) const {
    if (n_x <= 1) return 0;
    const float t = (px - plot.Min.x) / std::max(plot.GetWidth(), 1.0f);
    return std::clamp(static_cast<int>(std::lround(t * static_cast<float>(n_x - 1))), 0, n_x - 1);
  }
};

// chart_ticks.cpp
void computeXTicks(const Map& m);

// chart_lines.cpp
// The plot's background as drawn: the frame colour at half opacity over the window's.
ImU32 plotBackground();
// The thin edge drawn under a line of `col` that alone would be too faint on the plot (the
// yellow on the light theme), 0 for none; and `col` as legible text there (darker or lighter).
ImU32 faintEdge(ImU32 col);
ImU32 legibleText(ImU32 col);
void drawFill(ImDrawList* dl, const Map& m, const double* lo, const double* hi, int n, ImU32 col);
void drawLine(ImDrawList* dl, const Map& m, const double* ys, int n, ImU32 col, float thick);
void drawDashed(ImDrawList* dl, const Map& m, const double* ys, int n, ImU32 col, float thick);

// chart_legend.cpp
// `top`: the highest a label may sit (under the chart's title).
void drawEndLabels(ImDrawList* dl, const Map& m, int n_x, const ImRect& frame, float top);
// An end label wraps at words to this many lines before it is cut.
inline constexpr int kEndLabelLines = 3;
// A chart's title wraps at words to this many lines before it is cut.
inline constexpr int kTitleLines = 2;
float layoutLegend(ImDrawList* dl, float x0, float x1, float y, bool draw);
void tooltip(int hx);

}  // namespace cp::chart::internal
