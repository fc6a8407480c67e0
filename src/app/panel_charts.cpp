// The chart grid (2-3 columns by width) and the enlarged view of one chart. Each chart
// draws the current run solid over the loaded scenario dashed (same colour), the
// scenario's events as markers and the scrubber month as a cursor. A click enlarges it.
//
// [SECTION] One chart
// [SECTION] Grid
// [SECTION] Enlarged chart window

#include "app/panels.h"

#include "app/classroom_ui.h"
#include "app/ui_common.h"
#include "app/ui_probe.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace chokepoint::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] One chart
//-----------------------------------------------------------------------------

void submitSeries(const ChartSpec& spec, const ChartData& data, int n, const std::vector<BandSeries>* bands) {
    const bool dashed = data.differs;
    if (spec.kind == ChartKind::Stacked) {
        std::vector<const char*> labels;
        std::vector<const double*> ys;
        std::vector<ImU32> cols;
        for (size_t i = 0; i < data.series.size(); ++i) {
            labels.push_back(data.series[i].label.c_str());
            ys.push_back(data.series[i].current.data());
            cols.push_back(chart::paletteColor(static_cast<int>(i)));
        }
        chart::StackedArea(labels.data(), ys.data(), static_cast<int>(ys.size()), n, cols.data());
        if (dashed)
            for (size_t i = 0; i < data.baselineTops.size(); ++i)
                chart::LineDashed("##baseline", data.baselineTops[i].data(), n, chart::paletteColor(static_cast<int>(i)));
        return;
    }
    for (size_t i = 0; i < data.series.size(); ++i) {
        const SeriesData& s = data.series[i];
        const ImU32 col = chart::paletteColor(static_cast<int>(i));
        // p10-p90 of the ensemble, in the line's colour (the chart fills it translucent, under the lines).
        for (size_t b = 0; bands && b < bands->size(); ++b)
            if ((*bands)[b].label == s.label)
                chart::Band("##p10-p90", (*bands)[b].p10.data(), (*bands)[b].p90.data(),
                            std::min(n, static_cast<int>((*bands)[b].p10.size())), col);
        if (dashed && !s.baseline.empty()) chart::LineDashed("##baseline", s.baseline.data(), n, col);
        chart::Line(s.label.c_str(), s.current.data(), n, col);
    }
}

// Draws chart `c` at the cursor; returns true when it was clicked.
bool drawChart(AppState& state, size_t c, float width, float height, bool enlarged) {
    const ChartSpec& spec = chartSpecs()[c];
    const ChartData& data = state.dash.charts[c];
    const MonthAxis& months = state.dash.months;
    bool log = state.view.logScale[c] != 0;
    const std::string probe = std::string("chart/") + spec.id;

    // The log toggle sits at the chart's top right; submitted first so it wins the hover.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (!enlarged) {
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2.0f, 0.0f));
        const float boxW = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("log").x;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + width - boxW - 2.0f, origin.y));
        if (ImGui::Checkbox("log", &log)) state.view.logScale[c] = log ? 1 : 0;
        probeItem((probe + "/log").c_str());
        itemTooltip("Logarithmic y axis");
        ImGui::PopStyleVar();
        ImGui::SetCursorScreenPos(origin);
    }

    chart::Style style;
    style.width = width;
    style.height = height;
    style.log_y = log;
    bool clicked = false;
    if (chart::BeginChart(spec.id, spec.title, spec.unit, months.ptrs.data(), months.count(), style)) {
        submitSeries(spec, data, months.count(), chartBands(state, c));
        // Small charts get the event lines only: labels would cover the data (hover names them).
        const auto& markers = enlarged ? state.dash.markers : state.dash.markerLines;
        chart::Markers(markers.data(), static_cast<int>(markers.size()));
        chart::Cursor(state.view.month);
        chart::Future(classroomFutureFrom(state));  // story / workshop: months not yet told or played
        const chart::ChartResult r = chart::EndChart();
        clicked = r.clicked;
        probeItem(probe.c_str());
        if (enlarged) {
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            state.view.enlargedRect[0] = min.x;
            state.view.enlargedRect[1] = min.y;
            state.view.enlargedRect[2] = max.x;
            state.view.enlargedRect[3] = max.y;
        } else if (ImGui::IsItemHovered() && r.hover_x < 0) {
            itemTooltip("Click to enlarge");
        }
    }
    highlightChart(state, spec.id);  // the story card names this chart (also when scrolled out of view)
    return clicked;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Grid
//-----------------------------------------------------------------------------

void drawChartGrid(AppState& state) {
    const size_t n = std::min(chartSpecs().size(), state.dash.charts.size());
    if (n == 0) return;
    for (size_t c = state.view.logScale.size(); c < chartSpecs().size(); ++c)
        state.view.logScale.push_back(chartSpecs()[c].log ? 1 : 0);
    drawUncertaintyBar(state);
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float minChartW = em() * 21.0f;
    const int cols = std::clamp(static_cast<int>((avail.x + style.ItemSpacing.x) / minChartW), 1, 3);
    // Scrollbar space is reserved so the columns don't jump when it appears.
    const float usable = avail.x - style.ScrollbarSize - style.ItemSpacing.x * static_cast<float>(cols - 1);
    const float width = std::max(em() * 6.0f, std::floor(usable / static_cast<float>(cols)));  // tiny windows
    // Whole rows fill the area: one tall row when space is short, else two.
    const int rows = std::clamp(static_cast<int>(std::lround(avail.y / (em() * 20.0f))), 1, 2);
    const float height =
        std::max(em() * 12.0f, std::floor((avail.y - style.ItemSpacing.y * static_cast<float>(rows)) / static_cast<float>(rows)));

    ImGui::BeginChild("##charts", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
    for (size_t c = 0; c < n; ++c) {
        if (c % static_cast<size_t>(cols) != 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(c));
        ImGui::BeginGroup();
        if (drawChart(state, c, width, height, false)) state.view.enlargedChart = static_cast<int>(c);
        ImGui::EndGroup();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

//-----------------------------------------------------------------------------
// [SECTION] Enlarged chart window
//-----------------------------------------------------------------------------

void drawEnlargedChart(AppState& state) {
    const int c = state.view.enlargedChart;
    if (c < 0 || c >= static_cast<int>(std::min(chartSpecs().size(), state.dash.charts.size()))) {
        state.view.enlargedChart = -1;
        return;
    }
    const ChartSpec& spec = chartSpecs()[static_cast<size_t>(c)];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.9f, vp->WorkSize.y * 0.9f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f);  // the dashboard must not show through the plot
    bool open = true;
    const std::string title = std::string(spec.title) + "###EnlargedChart";
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove;
    if (ImGui::Begin(title.c_str(), &open, flags)) {
        if (ImGui::IsWindowAppearing()) ImGui::SetWindowFocus();
        bool log = state.view.logScale[static_cast<size_t>(c)] != 0;
        if (ImGui::Checkbox("Log scale", &log)) state.view.logScale[static_cast<size_t>(c)] = log ? 1 : 0;
        probeItem("enlarged/log");
        ImGui::SameLine();
        if (ImGui::Button("Export PNG...")) {
            state.dialogs.exportPngRequested = true;
            state.dialogs.pngOfChart = true;
        }
        probeItem("enlarged/export");
        ImGui::SameLine();
        if (ImGui::Button("Close (Esc)")) open = false;
        probeItem("enlarged/close");
        ImGui::SameLine();
        ImGui::TextDisabled("solid: with your changes   dashed: scenario as loaded   vertical line: %s%s",
                            state.dash.months.label(state.view.month),
                            chartBands(state, static_cast<size_t>(c)) ? "   shaded: p10-p90 of the uncertain inputs" : "");
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        ImGui::PushID(c);
        drawChart(state, static_cast<size_t>(c), avail.x, avail.y, true);
        ImGui::PopID();
        const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
        if (escape && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) open = false;
    }
    ImGui::End();
    if (!open) state.view.enlargedChart = -1;
}

}  // namespace chokepoint::app
