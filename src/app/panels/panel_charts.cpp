// The chart grid (2-3 columns by width) and the enlarged view of one chart. Each chart
// draws the current run solid over the loaded scenario dashed (same colour), the
// scenario's events as markers, the scrubber month as a cursor and the months after the
// scenario's last recorded event shaded as projection. Series that are zero over the
// whole run are left out (the legend says which). A click enlarges a chart.
//
// Order: a story card's charts come first (their titles on screen). Presenter mode shows
// one row that fills the height: the card's charts, else the charts the edits changed
// most, paged with the arrows above the row; once a lever is changed, the page left of
// the first is the Explain tab's waterfall (the tabs are hidden there).
//
// [SECTION] One chart
// [SECTION] Grid
// [SECTION] Enlarged chart window

#include "app/panels/panels.h"

#include "app/classroom/classroom_ui.h"
#include "app/panels/fonts.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/classroom/story_mode.h"
#include "app/classroom/workshop_mode.h"
#include "app/core/tr.h"
#include "app/charts/chart.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace cp::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] One chart
//-----------------------------------------------------------------------------

bool allZero(const std::vector<double>& v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return !std::isfinite(x) || x == 0.0; });
}

// Zero in every month of both runs: drawing it adds a legend entry and a flat line that
// reads as "none there" when the model books nothing there at all.
bool zeroSeries(const SeriesData& s) { return allZero(s.current) && allZero(s.baseline); }

void submitSeries(const ChartSpec& spec, const ChartData& data, int n, const std::vector<BandSeries>* bands) {
  const bool dashed = data.differs;
  std::string hidden;
  for (const SeriesData& s : data.series)
    if (zeroSeries(s)) hidden += (hidden.empty() ? "" : ", ") + s.label;
  if (!hidden.empty()) {
    hidden = tr("zero throughout, not drawn: ") + hidden;
    chart::note(hidden.c_str());
  }
  if (spec.kind == ChartKind::Stacked) {
    std::vector<const char*> labels;
    std::vector<const double*> ys;
    std::vector<ImU32> cols;
    for (size_t i = 0; i < data.series.size(); ++i) {
      if (zeroSeries(data.series[i])) continue;
      labels.push_back(data.series[i].label.c_str());
      ys.push_back(data.series[i].current.data());
      cols.push_back(chart::paletteColor(static_cast<int>(i)));
    }
    chart::stackedArea(labels.data(), ys.data(), static_cast<int>(ys.size()), n, cols.data());
    if (dashed)
      for (size_t i = 0; i < data.baseline_tops.size(); ++i)
        if (i >= data.series.size() || !zeroSeries(data.series[i]))
          chart::lineDashed("##baseline", data.baseline_tops[i].data(), n, chart::paletteColor(static_cast<int>(i)));
    return;
  }
  for (size_t i = 0; i < data.series.size(); ++i) {
    const SeriesData& s = data.series[i];
    if (zeroSeries(s)) continue;
    const ImU32 col = chart::paletteColor(static_cast<int>(i));
    // p10-p90 of the ensemble, in the line's colour (the chart fills it translucent, under the lines).
    for (size_t b = 0; bands && b < bands->size(); ++b)
      if ((*bands)[b].label == s.label)
        chart::band("##p10-p90", (*bands)[b].p10.data(), (*bands)[b].p90.data(),
                    std::min(n, static_cast<int>((*bands)[b].p10.size())), col);
    if (dashed && !s.baseline.empty()) chart::lineDashed("##baseline", s.baseline.data(), n, col);
    chart::line(s.label.c_str(), s.current.data(), n, col);
  }
}

// Draws chart `c` at the cursor; returns true when it was clicked.
bool drawChart(const AppState& state, UiState& ui, size_t c, float width, float height, bool enlarged) {
  const ChartSpec& spec = chartSpecs()[c];
  const ChartData& data = state.dash.charts[c];
  const MonthAxis& months = state.dash.months;
  bool log = ui.view.log_scale[c] != 0;
  const std::string probe = std::string("chart/") + spec.id;

  // A chart the story card names is drawn inside its frame, so the frame covers no text.
  const ImVec2 cell = ImGui::GetCursorScreenPos();
  const ImVec2 cell_max(cell.x + width, cell.y + height);
  const float inset = chartHighlightInset(state, spec.id);
  width -= 2.0f * inset;
  height -= 2.0f * inset;
  ImGui::SetCursorScreenPos(ImVec2(cell.x + inset, cell.y + inset));

  // The log toggle sits at the chart's top right; submitted first so it wins the hover. The
  // title gives it room (a long title, as in Ukrainian, is cut instead of the toggle going;
  // the enlarged view has its own).
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const chart::Unit unit = data.flop ? spec.flop_unit : spec.unit;
  const char* title = tr(chartTitle(spec, data.flop));
  float title_reserve = 0.0f;
  if (!enlarged) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2.0f, 0.0f));
    const float box_w =
        ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr("log")).x;
    title_reserve = box_w + em() * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - box_w - 2.0f, origin.y));
    if (ImGui::Checkbox(tr("log"), &log)) ui.view.log_scale[c] = log ? 1 : 0;
    probeItem((probe + "/log").c_str());
    itemTooltip(tr("Logarithmic y axis"));
    ImGui::PopStyleVar();
    ImGui::SetCursorScreenPos(origin);
  }

  chart::Style style;
  style.width = width;
  style.height = height;
  style.log_y = log;
  style.title_reserve = title_reserve;
  style.marker_labels = enlarged;  // small charts: the event lines only, labels would cover the data (hover names them)
  // Presenter mode: lines named at their ends, where the eye already is; the legend row goes.
  style.end_labels = ui.presenter && spec.kind == ChartKind::Lines;
  // Presenter mode: a crowded legend on a short chart may shrink to the regular face, no smaller.
  if (ui.presenter) style.legend_min_scale = kFontSizePx / kLargeFontSizePx;
  bool clicked = false;
  if (chart::beginChart(spec.id, title, unit, months.ptrs.data(), months.count(), style)) {
    submitSeries(spec, data, months.count(), chartBands(state, c));
    chart::markers(state.dash.markers.data(), static_cast<int>(state.dash.markers.size()));
    chart::cursor(ui.view.month);
    chart::future(classroomFutureFrom(state));  // story / workshop: months not yet told or played
    chart::projection(recordEndIndex(state));
    const chart::ChartResult r = chart::endChart();
    clicked = r.clicked;
    probeItem(probe.c_str());
    if (r.title_cut)  // for tests: a title that ends in "..." (its line, where hovering reads it whole)
      probeRect((probe + "/title_cut").c_str(), ImGui::GetItemRectMin(),
                ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMin().y + ImGui::GetTextLineHeight()));
    if (r.end_label_lost)  // for tests: a presenter end label cut even wrapped, or covered
      probeRect((probe + "/end_label_lost").c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (enlarged) {
      const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
      ui.view.enlarged_rect[0] = min.x;
      ui.view.enlarged_rect[1] = min.y;
      ui.view.enlarged_rect[2] = max.x;
      ui.view.enlarged_rect[3] = max.y;
    } else if (ImGui::IsItemHovered() && r.hover_x < 0) {  // above the plot: what the title leaves out
      const std::string help = spec.help[0] != '\0' ? std::string(tr(spec.help)) + "\n\n" : "";
      itemTooltip((help + tr("Click to enlarge")).c_str());
    }
  }
  if (inset > 0.0f) {                                    // the whole cell, frame included, for the layout
    highlightChart(state, ui, spec.id, cell, cell_max);  // also when scrolled out of view
    ImGui::SetCursorScreenPos(cell);
    ImGui::Dummy(ImVec2(cell_max.x - cell.x, cell_max.y - cell.y));
  }
  return clicked;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Grid
//-----------------------------------------------------------------------------

std::vector<size_t> chartOrder(const AppState& state) {
  const size_t n = std::min(chartSpecs().size(), state.dash.charts.size());
  std::vector<size_t> order;
  if (const cp::StoryCard* card = storyActive(state) ? storyCard(state) : nullptr)
    for (const std::string& id : card->charts)
      for (size_t c = 0; c < n; ++c)
        if (id == chartSpecs()[c].id && std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
  if (state.ui.presenter && state.uncertainty.enabled) {  // bands on: the charts where they are widest
    std::vector<std::pair<double, size_t>> wide;
    for (size_t c = 0; c < n; ++c)
      if (const auto* bands = chartBands(state, c); bands && std::find(order.begin(), order.end(), c) == order.end())
        wide.emplace_back(-bandWidth(*bands), c);
    std::stable_sort(wide.begin(), wide.end());
    for (const auto& [score, c] : wide)
      if (score < -0.02) order.push_back(c);  // narrower than 2% of the value: hardly a band
  }
  if (state.ui.presenter) {  // the charts the edits moved most, so a changed lever's effect is on screen
    std::vector<std::pair<double, size_t>> changed;
    for (size_t c = 0; c < n; ++c)
      if (std::find(order.begin(), order.end(), c) == order.end() && state.dash.charts[c].differs)
        changed.emplace_back(-chartChange(state.dash.charts[c]), c);
    std::stable_sort(changed.begin(), changed.end());
    for (const auto& [score, c] : changed)
      if (score < -0.005) order.push_back(c);  // below half a percent: not worth a slot
  }
  for (size_t c = 0; c < n; ++c)
    if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
  return order;
}

double chartChange(const ChartData& data) {
  double diff = 0, base = 0;
  for (const SeriesData& s : data.series)
    for (size_t t = 0; t < s.current.size() && t < s.baseline.size(); ++t)
      if (std::isfinite(s.current[t]) && std::isfinite(s.baseline[t])) {
        diff += std::fabs(s.current[t] - s.baseline[t]);
        base += std::fabs(s.baseline[t]);
      }
  return base > 0 ? diff / base : (diff > 0 ? 1.0 : 0.0);
}

double bandWidth(const std::vector<BandSeries>& bands) {
  double sum = 0;
  int count = 0;
  for (const BandSeries& b : bands)
    for (size_t t = 0; t < b.p10.size() && t < b.p90.size() && t < b.p50.size(); ++t)
      if (std::isfinite(b.p10[t]) && std::isfinite(b.p90[t]) && std::isfinite(b.p50[t]) &&
          std::fabs(b.p50[t]) > 1e-12) {
        sum += (b.p90[t] - b.p10[t]) / std::fabs(b.p50[t]);
        ++count;
      }
  return count > 0 ? sum / count : 0.0;
}

int recordEndIndex(const AppState& state) {
  if (!hasScenario(state.doc)) return -1;
  int last = -1;
  for (const cp::Event& e : state.doc.loaded->events) last = std::max(last, e.month);
  return last < 0 ? -1 : last - state.dash.months.start;
}

namespace {

void drawChartCell(const AppState& state, UiState& ui, size_t c, float width, float height) {
  ImGui::PushID(static_cast<int>(c));
  ImGui::BeginGroup();
  if (drawChart(state, ui, c, width, height, false)) ui.view.enlarged_chart = static_cast<int>(c);
  ImGui::EndGroup();
  ImGui::PopID();
}

// Presenter mode: one row of charts as tall as the area, and arrows to page through the rest.
void drawPresenterRow(const AppState& state, UiState& ui, const std::vector<size_t>& order) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 area = ImGui::GetContentRegionAvail();
  const int per_row = std::clamp(static_cast<int>((area.x + style.ItemSpacing.x) / (em() * 22.0f)), 1, 3);
  const cp::StoryCard* card = storyActive(state) ? storyCard(state) : nullptr;
  const bool card_charts = card && !card->charts.empty();
  int shown = per_row;
  if (card_charts)
    shown = std::clamp(static_cast<int>(card->charts.size()), 1, 3);  // exactly what the card names
  else if (workshopActive(state))
    shown = 1;  // the scoreboard needs the height; one chart, wide
  // Narrow areas stack the charts, as many as keep ~7 lines of height each (the rest page).
  const int cols = std::min(shown, per_row);
  const int max_rows = std::max(1, static_cast<int>(area.y / (em() * 7.0f)));
  const int rows = std::min(max_rows, (shown + cols - 1) / cols);
  shown = std::min(shown, cols * rows);
  const int n = static_cast<int>(order.size());
  const int pages = std::max(1, (n + shown - 1) / shown);
  // Page -1, left of the charts once a lever is changed: which lever did what (--tab explain opens on it).
  const int first_page = waterfallPageOffered(state) ? -1 : 0;
  int& page = ui.view.chart_page;
  if (first_page < 0 && ui.view.select_tab == kExplainTableTab) {
    page = -1;
    ui.view.select_tab = -1;
  }
  page = std::clamp(page, first_page, pages - 1);
  const int first = std::max(0, page) * shown, last = std::min(n, first + shown);

  ImGui::SameLine(0.0f, em() * 1.5f);  // on the Uncertainty line: every row goes to the charts
  ImGui::BeginDisabled(page == first_page);
  if (ImGui::ArrowButton("##prevCharts", ImGuiDir_Left)) --page;
  ImGui::EndDisabled();
  probeItem("charts/prev");
  if (page == 0 && first_page < 0) itemTooltip(tr("Which lever did what"));
  ImGui::SameLine();
  ImGui::BeginDisabled(page + 1 >= pages);
  if (ImGui::ArrowButton("##nextCharts", ImGuiDir_Right)) ++page;
  ImGui::EndDisabled();
  probeItem("charts/next");
  if (page < 0) {
    drawWaterfallPage(state, ui);
    return;
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  bool bands = false;
  for (size_t c = 0; c < state.dash.charts.size() && !bands; ++c) bands = chartBands(state, c) != nullptr;
  const char* why = card_charts ? tr(" (the card's)")
                    : page > 0  ? ""
                    : bands     ? tr(", widest bands first")
                                : tr(", changed most first");
  // Which charts, with why they come first when the line has room for it.
  char page_text[160];
  for (const char* reason : {why, ""}) {
    if (last - first > 1)
      std::snprintf(page_text, sizeof page_text, tr("charts %d-%d of %d%s"), first + 1, last, n, reason);
    else
      std::snprintf(page_text, sizeof page_text, tr("chart %d of %d%s"), first + 1, n, reason);
    if (ImGui::CalcTextSize(page_text).x <= ImGui::GetContentRegionAvail().x) break;
  }
  ImGui::TextDisabled("%s", page_text);
  probeItem("charts/page");
  // How to read them (the header leaves it out here): at the line's right end when it fits,
  // else, once a lever is changed (Try it) and lines come in pairs, on a line of its own.
  const char* legend = tr("solid: your changes   dashed: as loaded");
  const float legend_w = ImGui::CalcTextSize(legend).x;
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + em() + legend_w <= ImGui::GetWindowContentRegionMax().x) {
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - legend_w);
    ImGui::TextDisabled("%s", legend);
    probeItem("charts/legend");
  } else {
    ImGui::NewLine();
    if (changedLeverCount(state.doc) > 0) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("%s", legend);
      ImGui::PopTextWrapPos();
      probeItem("charts/legend");
    }
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float width = std::max(em() * 6.0f, std::floor((avail.x - style.ItemSpacing.x * static_cast<float>(cols - 1)) /
                                                       static_cast<float>(cols)));
  const float height = std::max(
      em() * 7.0f,
      std::floor((avail.y - 1.0f - style.ItemSpacing.y * static_cast<float>(rows - 1)) / static_cast<float>(rows)));
  // Titles, legends and axis labels in the presenter face like the rest of the screen: the
  // back row reads them. Short charts give up y ticks for it (the chart fits them to its height).
  for (int i = first; i < last; ++i) {
    if ((i - first) % cols != 0) ImGui::SameLine();
    drawChartCell(state, ui, order[static_cast<size_t>(i)], width, height);
  }
}

}  // namespace

namespace {

// Charts to draw (0: none yet); the log toggles sized to the specs.
size_t prepareCharts(const AppState& state, UiState& ui) {
  const size_t n = std::min(chartSpecs().size(), state.dash.charts.size());
  for (size_t c = ui.view.log_scale.size(); c < chartSpecs().size(); ++c)
    ui.view.log_scale.push_back(chartSpecs()[c].log ? 1 : 0);
  return n;
}

}  // namespace

void drawChartPages(const AppState& state, UiState& ui) {
  if (prepareCharts(state, ui) == 0) return;
  drawUncertaintyBar(state, ui);
  drawPresenterRow(state, ui, chartOrder(state));
}

void drawChartGrid(const AppState& state, UiState& ui, bool uncertainty_bar) {
  if (ui.presenter) {
    drawChartPages(state, ui);
    return;
  }
  if (prepareCharts(state, ui) == 0) return;
  if (uncertainty_bar) drawUncertaintyBar(state, ui);
  const std::vector<size_t> order = chartOrder(state);
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float min_chart_w = em() * 21.0f;
  const int cols = std::clamp(static_cast<int>((avail.x + style.ItemSpacing.x) / min_chart_w), 1, 3);
  // Scrollbar space is reserved so the columns don't jump when it appears.
  const float usable = avail.x - style.ScrollbarSize - style.ItemSpacing.x * static_cast<float>(cols - 1);
  const float width = std::max(em() * 6.0f, std::floor(usable / static_cast<float>(cols)));  // tiny windows
  // Whole rows fill the area: one tall row when space is short, else two.
  const int rows = std::clamp(static_cast<int>(std::lround(avail.y / (em() * 20.0f))), 1, 2);
  const float height = std::max(
      em() * 12.0f, std::floor((avail.y - style.ItemSpacing.y * static_cast<float>(rows)) / static_cast<float>(rows)));

  ImGui::BeginChild("##charts", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
  for (size_t i = 0; i < order.size(); ++i) {
    if (i % static_cast<size_t>(cols) != 0) ImGui::SameLine();
    drawChartCell(state, ui, order[i], width, height);
  }
  ImGui::EndChild();
}

//-----------------------------------------------------------------------------
// [SECTION] Enlarged chart window
//-----------------------------------------------------------------------------

void drawEnlargedChart(const AppState& state, UiState& ui) {
  const int c = ui.view.enlarged_chart;
  if (c < 0 || c >= static_cast<int>(std::min(chartSpecs().size(), state.dash.charts.size()))) {
    ui.view.enlarged_chart = -1;
    return;
  }
  const ChartSpec& spec = chartSpecs()[static_cast<size_t>(c)];
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.9f, vp->WorkSize.y * 0.9f), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(1.0f);  // the dashboard must not show through the plot
  bool open = true;
  const bool flop = state.dash.charts[static_cast<size_t>(c)].flop;
  const std::string title = std::string(tr(chartTitle(spec, flop))) + "###EnlargedChart";
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove;
  if (ImGui::Begin(title.c_str(), &open, flags)) {
    if (ImGui::IsWindowAppearing()) ImGui::SetWindowFocus();
    bool log = ui.view.log_scale[static_cast<size_t>(c)] != 0;
    if (ImGui::Checkbox(tr("Log scale"), &log)) ui.view.log_scale[static_cast<size_t>(c)] = log ? 1 : 0;
    probeItem("enlarged/log");
    ImGui::SameLine();
    if (ImGui::Button(tr("Export PNG..."))) {
      requestExportPng(state, ui, /*enlarged_chart=*/true);
    }
    probeItem("enlarged/export");
    ImGui::SameLine();
    if (ImGui::Button(tr("Close (Esc)"))) open = false;
    probeItem("enlarged/close");
    ImGui::SameLine();
    ImGui::TextDisabled(
        tr("solid: with your changes   dashed: scenario as loaded   vertical line: %s%s"),
        state.dash.months.label(ui.view.month),
        chartBands(state, static_cast<size_t>(c)) ? tr("   shaded: p10-p90 of the uncertain inputs") : "");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::PushID(c);
    drawChart(state, ui, static_cast<size_t>(c), avail.x, avail.y, true);
    ImGui::PopID();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (escape && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) open = false;
  }
  ImGui::End();
  if (!open) ui.view.enlarged_chart = -1;
}

}  // namespace cp::app
