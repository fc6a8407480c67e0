// chart: small time-series charts drawn on ImDrawList (ImPlot-shaped; ImPlot isn't packaged).
//
// Usage, inside any ImGui window, once per frame:
//
//     if (chart::beginChart("compute", "Frontier compute", chart::Unit::H100e,
//                           month_labels, n_months)) {            // "2025-04" per index
//         chart::band("p10-p90", p10, p90, n_months);              // fills first...
//         chart::lineDashed("Baseline", base, n_months, chart::paletteColor(0));
//         chart::line("Scenario", scen, n_months, chart::paletteColor(0));
//         chart::markers(events, n_events);                        // {x, "Export rule"}
//         chart::cursor(selected_month);
//         chart::ChartResult r = chart::endChart();                // ...everything is drawn here
//         if (r.clicked) open_big_view = true;
//         if (r.hover_x >= 0) status_month = r.hover_x;
//     }
//
// Rules:
// - Call endChart() only when beginChart() returned true (false = scrolled out of view;
//   layout space is still reserved). Charts don't nest.
// - Data goes in as pointer + count and is copied, so temporaries are fine. x is the
//   month index 0..n_x-1; points at or beyond n_x are ignored. NaN/inf break a line.
// - Nothing is drawn until endChart(): it fits the y range over every series submitted
//   (stack totals, band edges included), then draws fills, dashed lines, solid lines,
//   markers, the story-mode veil, the cursor, and the hover crosshair + tooltip.
// - col = 0 picks the next palette colour. To pair a dashed baseline with its scenario
//   line, pass the same paletteColor(i) to both. Labels starting with "##" are hidden
//   from legend and tooltip.
// - Not thread-safe: one module-level scratch context, reset by each beginChart().
#pragma once

#include <imgui.h>

#include <limits>
#include <string>
#include <vector>

#include "chart_units.h"
#include "palette.h"

namespace cp::chart {

// [SECTION] Units, tick values, labels: chart_units.h

// `text` cut to fit `width` pixels in the current font, ending in "..." when it had to be
// cut (whole UTF-8 characters: a Cyrillic letter is never split).
std::string elided(const std::string& text, float width);
// `text` in `width` pixels on at most `max_lines` lines broken at words; the last line ends
// in "..." only when the rest still does not fit (a word longer than the width, or more lines).
std::vector<std::string> wrapped(const std::string& text, float width, int max_lines);

// [SECTION] Drawing API (chart.cpp)

struct Style {
  bool log_y = false;
  bool show_legend = true;
  bool end_labels = false;     // name solid lines at their right end (a margin) instead of in the legend
  bool zero_based = true;      // linear y axis includes 0 (unless the data says otherwise)
  float height = 220.0f;       // whole chart incl. title, legend, x labels (pixels)
  float width = 0.0f;          // 0 = all available width
  float title_reserve = 0.0f;  // px kept free at the title row's right end (a control drawn there)
  bool marker_labels = true;   // event labels on the plot (else the lines only; the tooltip names them)
  double y_min = std::numeric_limits<double>::quiet_NaN();  // NaN = auto; set to pin an end
  double y_max = std::numeric_limits<double>::quiet_NaN();
  int y_ticks = 5;  // target number of y intervals
  // Below 1: a legend that would leave the plot under three lines is drawn smaller, at most
  // down to this fraction of the font (1 = always the current font).
  float legend_min_scale = 1.0f;
};

struct ChartResult {
  bool clicked = false;  // left click released over the chart (e.g. enlarge it)
  bool hovered = false;
  int hover_x = -1;             // month index under the mouse, -1 if none
  bool title_cut = false;       // the title did not fit in two lines and ends in "..." (hover shows it whole)
  bool end_label_lost = false;  // an end label ends in "..." even wrapped, or is drawn over another
};

bool beginChart(const char* id, const char* title, Unit y_unit, const char* const* x_labels, int n_x,
                const Style& style = Style());
// Line widths in pixels are these many screen pixels each: the interface's scale, so a
// high-DPI screen (2) draws lines as thick as an ordinary one does. Default 1.
void setPixelScale(float scale);
float pixelScale();
void line(const char* label, const double* ys, int n, ImU32 col = 0);
void lineDashed(const char* label, const double* ys, int n, ImU32 col = 0);
// n_series layers stacked bottom-up from 0; ys[s] points at n values of layer s.
// cols may be null (palette); the tooltip also lists the stack's total.
void stackedArea(const char* const* labels, const double* const* ys, int n_series, int n, const ImU32* cols = nullptr);
void band(const char* label, const double* lo, const double* hi, int n, ImU32 col = 0);
void markers(const Marker* m, int n);
void cursor(int x);           // the selected month (scrubber)
void future(int x_from);      // story mode: veil everything after x_from; tooltip hides values there
void projection(int x_from);  // shade and label the months after x_from as projection (not record)
void note(const char* text);  // dim text after the legend entries (e.g. which series are left out)
ChartResult endChart();

// [SECTION] Introspection for tests

namespace detail {
struct ChartInfo {
  ImVec2 frame_min, frame_max;  // whole chart item
  ImVec2 plot_min, plot_max;    // data area
  double y_min = 0, y_max = 1;  // fitted y range (axis ends)
  int n_x = 0;
  int n_series = 0;      // series submitted (each stack layer counts)
  int vtx_drawn = 0;     // vertices endChart added to the window draw list
  int edged = 0;         // lines drawn on a thin edge (too faint on the plot alone)
  bool visible = false;  // beginChart returned true
  int future = -1;       // future(x_from) of the chart, -1 when none
  int projection = -1;   // projection(x_from), -1 when none
  struct Box {
    ImVec2 min, max;
  };
  std::vector<Box> axis_labels;           // every y and x label drawn, for tests that they do not collide
  std::vector<std::string> tooltip_rows;  // the hover tooltip's "label: value" rows, for tests
  std::vector<std::string> tooltip_head;  // lines above the values (month, events) or a cut title, for tests
  bool title_cut = false;                 // the title was cut to the chart's width (hover shows it whole)
  int title_lines = 1;                    // lines the title took (a long one wraps before it is cut)
  std::vector<std::string> end_labels;    // presenter end labels as drawn, lines joined by '\n', for tests
  bool end_labels_overlap = false;        // the labels did not fit the plot's height and overlap
};
// The most recent chart's layout and range (updated by endChart, or by a clipped beginChart).
const ChartInfo& lastChart();
struct XTick {
  int i;          // month index
  char text[16];  // "2025-04", "2025", ...
};
const std::vector<XTick>& lastXTicks();  // labelled x positions of the most recent chart
// Y range for data spanning [lo, hi] (NaN = no data): headroom, zero base, log floor.
void fitRange(double lo, double hi, const Style& style, double* out_lo, double* out_hi);
}  // namespace detail

}  // namespace cp::chart
