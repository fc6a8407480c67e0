// The Compare scenarios window (View > Compare scenarios): pick scenario files (the
// library beside the open scenario by default), see their KPIs in the month slider's month as
// a table and one chosen series of each as small multiples; export CSV and PNG.
#include "app/panels/panels.h"

#include "app/core/chart_specs.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "engine/results_io.h"
#include "app/core/tr.h"
#include "app/core/status.h"
#include "app/charts/chart.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace cp::app {

namespace {

void drawFilePicker(const AppState& state, UiState& ui, const CompareScenarios& c) {
  // As wide as the longest file name (a third of the window at most; longer ones scroll).
  const ImGuiStyle& st = ImGui::GetStyle();
  float names = ImGui::CalcTextSize(tr("Scenarios")).x;
  for (const std::string& f : c.files) names = std::max(names, ImGui::CalcTextSize(fileName(f).c_str()).x);
  const float width =
      ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + names + 2.0f * st.WindowPadding.x + st.ScrollbarSize + 2.0f;
  ImGui::BeginChild("##compareFiles", ImVec2(std::min(width, ImGui::GetContentRegionAvail().x / 3.0f), 0), true,
                    ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::TextDisabled("%s", tr("Scenarios"));
  for (size_t i = 0; i < c.files.size(); ++i) {
    bool on = c.picked[i] != 0;
    if (ImGui::Checkbox(fileName(c.files[i]).c_str(), &on)) ui.commands.push_back(PickCompareFile{i, on});
    itemTooltip(c.files[i].c_str());
  }
  ImGui::Spacing();
  if (ImGui::Button(tr("Compare"))) ui.commands.push_back(RunCompare{});
  probeItem("compare/run");
  (void)state;
  ImGui::EndChild();
}

// Each column's width at the current type, widest text and padding: the KPI names', then
// each scenario's (the picture is drawn unscrolled, so it must know).
std::vector<float> kpiColumnWidths(const CompareScenarios& c, int month) {
  const ImGuiStyle& st = ImGui::GetStyle();
  auto column = [&](float w) { return w + 2.0f * st.CellPadding.x + 1.0f; };
  float kpi = ImGui::CalcTextSize(tr("KPI")).x;
  for (const KpiSpec& k : kpiSpecs()) kpi = std::max(kpi, ImGui::CalcTextSize(tr(k.title)).x);
  std::vector<float> widths{column(kpi)};
  for (size_t i = 0; i < c.runs.size(); ++i) {
    const auto& r = c.runs[i];
    float w = ImGui::CalcTextSize(r.name.empty() ? fileName(r.file).c_str() : tr(r.name)).x;
    for (size_t k = 0; k < kpiSpecs().size(); ++k) {
      const std::string v =
          r.error.empty() ? chart::formatValue(compareKpi(c, i, k, month), kpiSpecs()[k].unit) : tr("error");
      w = std::max(w, ImGui::CalcTextSize(v.c_str()).x);
    }
    widths.push_back(column(w));
  }
  return widths;
}

// The scenario columns [first, last) of each table in the picture: as many beside the KPI
// column as fit `width` (at least one), so a long library wraps into tables one under another.
std::vector<std::pair<size_t, size_t>> columnBlocks(const std::vector<float>& widths, float width, float scale) {
  std::vector<std::pair<size_t, size_t>> blocks;
  float used = 0.0f;
  for (size_t i = 1; i < widths.size(); ++i) {
    if (blocks.empty() || used + widths[i] * scale > width) {
      blocks.emplace_back(i - 1, i - 1);
      used = widths[0] * scale;
    }
    used += widths[i] * scale;
    blocks.back().second = i;
  }
  return blocks;
}

// The scenario columns [first, last) of the table; `picture`: for the PNG, unscrolled and
// probed for tests.
void drawKpiTable(const AppState& state, const CompareScenarios& c, int month, bool picture, size_t first,
                  size_t last) {
  const int cols = 1 + static_cast<int>(last - first);
  // Height for the rows and a horizontal scrollbar: the small multiples go below.
  const float height =
      ImGui::GetFrameHeight() * (static_cast<float>(kpiSpecs().size()) + 1.0f) + ImGui::GetStyle().ScrollbarSize + 4.0f;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                (picture ? ImGuiTableFlags_NoHostExtendX : ImGuiTableFlags_ScrollX);
  const std::string id = picture ? "##compareKpisPng" + std::to_string(first) : std::string("##compareKpis");
  if (cols > 63 || !ImGui::BeginTable(id.c_str(), cols, flags, ImVec2(0.0f, picture ? 0.0f : height))) return;
  ImGui::TableSetupColumn(tr("KPI"));
  for (size_t i = first; i < last; ++i) {
    const auto& r = c.runs[i];
    ImGui::TableSetupColumn(r.name.empty() ? fileName(r.file).c_str() : tr(r.name));
  }
  ImGui::TableHeadersRow();
  for (size_t k = 0; k < kpiSpecs().size(); ++k) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(kpiSpecs()[k].title));
    for (size_t i = first; i < last; ++i) {
      ImGui::TableNextColumn();
      if (!c.runs[i].error.empty()) {
        ImGui::TextColored(errorColor(state.ui.theme), "%s", tr("error"));
        itemTooltip(c.runs[i].error.c_str());
      } else {
        ImGui::TextUnformatted(chart::formatValue(compareKpi(c, i, k, month), kpiSpecs()[k].unit).c_str());
      }
      if (picture && k + 1 == kpiSpecs().size()) probeItem(("compare/png/cell/" + std::to_string(i)).c_str());
    }
  }
  ImGui::EndTable();
  probeItem(picture ? "compare/png/table" : "compare/table");
}

// The series' name (the picker's choices) and unit.
const TargetChoice* seriesChoice(const std::vector<TargetChoice>& choices, const CompareScenarios& c) {
  for (const TargetChoice& t : choices)
    if (t.target == c.series) return &t;
  return nullptr;
}

// Small multiples this wide at least: how many go in a row of `avail` pixels.
int multiplesPerRow(float avail) { return std::max(1, static_cast<int>(avail / (em() * 18.0f))); }

void drawSmallMultiples(const AppState& state, UiState& ui, const CompareScenarios& c, bool picture) {
  const auto choices = explainTargets(*state.doc.loaded);
  const TargetChoice* chosen = seriesChoice(choices, c);
  const std::string current = chosen ? chosen->label : "?";
  const chart::Unit unit = chosen ? chosen->unit : chart::Unit::None;
  if (picture) {
    ImGui::TextUnformatted(current.c_str());
  } else {
    ImGui::SetNextItemWidth(em() * 22.0f);
    if (ImGui::BeginCombo(trId("Series", "##compare"), current.c_str())) {
      for (const TargetChoice& t : choices)
        if (ImGui::Selectable(t.label.c_str(), t.target == c.series))
          ui.commands.push_back(SetCompareSeries{t.target.kpi, t.target.chart, t.target.series});
      ImGui::EndCombo();
    }
  }
  // The key: each picture's own scenario solid, the first one dashed for reference.
  if (c.runs.size() > 1 && c.runs[0].results) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(tr("solid: each scenario   dashed: %s"), tr(c.runs[0].name));
    probeItem(picture ? "compare/png/key" : "compare/key");
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_row = multiplesPerRow(avail);
  const float w = std::floor((avail - ImGui::GetStyle().ItemSpacing.x * static_cast<float>(per_row - 1)) /
                             static_cast<float>(per_row));
  // One y range for all, so the pictures compare.
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& v : c.series_values)
    for (double x : v)
      if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
  for (size_t i = 0; i < c.runs.size() && i < c.series_values.size(); ++i) {
    if (i % static_cast<size_t>(per_row) != 0) ImGui::SameLine();
    const auto& r = c.runs[i];
    const std::string probe = "compare/png/chart/" + std::to_string(i);
    if (!r.results) {
      ImGui::BeginChild(static_cast<ImGuiID>((picture ? 2000 : 1000) + i), ImVec2(w, em() * 10.0f), true);
      ImGui::TextColored(errorColor(ui.theme), "%s: %s", fileName(r.file).c_str(), r.error.c_str());
      ImGui::EndChild();
      if (picture) probeItem(probe.c_str());
      continue;
    }
    const MonthAxis axis = makeMonthAxis(r.results->start(), r.results->months());
    chart::Style style;
    style.width = w;
    style.height = em() * 10.0f;
    style.show_legend = false;
    if (std::isfinite(lo)) style.y_min = std::min(0.0, lo), style.y_max = hi;
    const std::string id = (picture ? "comparePng" : "compare") + std::to_string(i);
    if (chart::beginChart(id.c_str(), tr(r.name), unit, axis.ptrs.data(), axis.count(), style)) {
      // The first picked scenario dashed in every picture, as the reference.
      if (i > 0 && c.runs[0].results && c.runs[0].results->start() == r.results->start())
        chart::lineDashed(tr(c.runs[0].name), c.series_values[0].data(), static_cast<int>(c.series_values[0].size()),
                          chart::paletteColor(1));
      chart::line(tr(r.name), c.series_values[i].data(), static_cast<int>(c.series_values[i].size()),
                  chart::paletteColor(0));
      chart::cursor(state.dash.months.start + ui.view.month - r.results->start());
      chart::endChart();
    }
    if (picture) probeItem(probe.c_str());
  }
}

// The PNG: the heading, the whole table (wrapped into tables one under another when its
// columns are wider than the display) and every small multiple, alone over the display, in
// the largest type (down to half) at which all of it fits.
void drawComparePicture(const AppState& state, UiState& ui, const CompareScenarios& c, int month) {
  if (ui.capture != Capture::Compare) return;  // measured only while a picture waits
  const ImGuiStyle& st = ImGui::GetStyle();
  const ImVec2 avail(ImGui::GetMainViewport()->Size.x - 2.0f * st.WindowPadding.x,
                     ImGui::GetMainViewport()->Size.y - 2.0f * st.WindowPadding.y);
  const std::vector<float> widths = kpiColumnWidths(c, month);  // at full type
  const float rows = static_cast<float>(kpiSpecs().size()) + 1.0f;
  auto height = [&](float scale) {  // the picture's height in this type
    const float blocks = static_cast<float>(columnBlocks(widths, avail.x, scale).size());
    const float per_row = std::max(1.0f, std::floor(avail.x / (em() * scale * 18.0f)));
    const float multiples = std::ceil(static_cast<float>(c.runs.size()) / per_row);
    return scale *
               (2.0f * ImGui::GetFrameHeight() + blocks * rows * ImGui::GetFrameHeight() + multiples * em() * 10.0f) +
           (blocks + multiples + 3.0f) * st.ItemSpacing.y * 2.0f;
  };
  float scale = 1.0f;
  while (scale > 0.5f && height(scale) > avail.y) scale -= 0.025f;
  drawCapture(ui, Capture::Compare, ui.view.compare_export + ".png", ImVec2(0.0f, avail.y / std::max(scale, 0.5f)),
              [&](float* rect) {
                ImGui::BeginGroup();
                ImGui::Text(tr("KPIs in %s"), state.dash.months.label(ui.view.month));
                for (const auto& [first, last] :
                     columnBlocks(kpiColumnWidths(c, month), ImGui::GetContentRegionAvail().x, 1.0f))
                  drawKpiTable(state, c, month, true, first, last);
                ImGui::Spacing();
                drawSmallMultiples(state, ui, c, true);
                ImGui::EndGroup();
                const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
                rect[0] = lo.x - 4.0f, rect[1] = lo.y - 4.0f, rect[2] = hi.x + 4.0f, rect[3] = hi.y + 4.0f;
              });
}

}  // namespace

void drawCompareWindow(const AppState& state, UiState& ui) {
  if (!ui.windows.compare_scenarios || !hasScenario(state.doc)) return;
  const CompareScenarios& c = state.compare;
  if (!compareListedFor(c, state.scenario_path)) return;  // update() lists and runs the files first
  fitNextWindowToViewport("###Compare scenarios", ImVec2(em() * 70.0f, em() * 44.0f));
  ImGui::SetNextWindowBgAlpha(1.0f);  // a window of its own, not a veil over the charts
  if (!ImGui::Begin(trId("Compare scenarios", "###Compare scenarios"), &ui.windows.compare_scenarios)) {
    ImGui::End();
    return;
  }
  const ImVec2 win_min = ImGui::GetWindowPos(), win_size = ImGui::GetWindowSize();
  probeWindow("compare/window");
  drawFilePicker(state, ui, c);
  ImGui::SameLine();
  ImGui::BeginChild("##compareBody", ImVec2(0, 0), false);
  const int month = state.dash.months.start + ui.view.month;
  ImGui::Text(tr("KPIs in %s (move the month slider to change)"), state.dash.months.label(ui.view.month));
  // The export line beside the heading when it fits (longer in some languages), else under it.
  const ImGuiStyle& st = ImGui::GetStyle();
  const float export_w = ImGui::CalcTextSize(tr("  Export:")).x + em() * 9.0f + ImGui::CalcTextSize(tr("CSV")).x +
                         ImGui::CalcTextSize(tr("PNG")).x + 4.0f * (st.ItemSpacing.x + st.FramePadding.x * 2.0f);
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < export_w) ImGui::NewLine();
  ImGui::TextDisabled("%s", tr("  Export:"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em() * 9.0f);
  ImGui::InputText("##compareExport", &ui.view.compare_export);
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("CSV"))) {
    const std::string problem = cp::writeFileAtomic(ui.view.compare_export + ".csv", compareCsv(c, month));
    setStatus(ui, problem.empty() ? tr("Exported ") + ui.view.compare_export + ".csv" : problem, !problem.empty());
  }
  probeItem("compare/csv");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("PNG"))) {
    const float rect[4] = {win_min.x, win_min.y, win_min.x + win_size.x, win_min.y + win_size.y};
    requestCapture(ui, Capture::Compare, ui.view.compare_export + ".png", rect);  // drawn whole: drawComparePicture
  }
  probeItem("compare/png");
  // The columns run the files from disk; the lever panel's edits are in none of them.
  if (changedLeverCount(state.doc) > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, changedColor(ui.theme));
    ImGui::TextWrapped("%s", tr("The columns are the scenario files as saved, without your lever changes to the "
                                "open scenario (the dashboard's charts and cards show those)."));
    ImGui::PopStyleColor();
    probeItem("compare/unsaved_note");
  }
  drawKpiTable(state, c, month, false, 0, c.runs.size());
  ImGui::Spacing();
  drawSmallMultiples(state, ui, c, false);
  ImGui::EndChild();
  ImGui::End();
  drawComparePicture(state, ui, c, month);
}

}  // namespace cp::app
