// KPI cards for the scrubber month: value, and change against the scenario as loaded
// (absolute and %), green with an up arrow when higher, red with a down arrow when lower.
#include "app/panels.h"

#include "app/ui_common.h"
#include "app/ui_probe.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace chokepoint::app {

namespace {

// "+1.2k units" / "+3.0 pp" (shares change in percentage points).
std::string formatDelta(double delta, chart::Unit unit) {
    char buf[64];
    if (unit == chart::Unit::Share) {
        std::snprintf(buf, sizeof buf, "%+.1f pp", delta * 100.0);
        return buf;
    }
    std::string out(delta < 0 ? "-" : "+");
    out += chart::formatValue(std::fabs(delta), unit);
    return out;
}

// Below half a percent (or 0.1 percentage point for shares) a change is noise to a class.
bool negligible(double delta, double base, chart::Unit unit) {
    if (unit == chart::Unit::Share) return std::fabs(delta) < 0.001;
    return std::fabs(base) > 0 && std::fabs(delta) < 0.005 * std::fabs(base);
}

void drawCard(AppState& state, size_t k, float width, float height) {
    const KpiSpec& spec = kpiSpecs()[k];
    const KpiData& data = state.dash.kpis[k];
    const int t = state.view.month;
    ImGui::BeginChild(spec.id, ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", spec.title);
    ImGui::PopTextWrapPos();

    const double now = data.available ? kpiValue(spec, data.current, t) : NAN;
    const double base = data.available && !data.baseline.empty() ? kpiValue(spec, data.baseline, t) : NAN;
    const std::string value = chart::formatValue(now, spec.unit);
    pushLarge(state);
    if (ImGui::CalcTextSize(value.c_str()).x > ImGui::GetContentRegionAvail().x) {  // narrow card: smaller face
        ImGui::PopFont();
        pushBold(state);
    }
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    probeItem((std::string("kpi/") + spec.id).c_str());

    const double delta = now - base;
    const double scale = std::max(std::fabs(base), std::fabs(now));
    if (!std::isfinite(delta)) {
        ImGui::TextDisabled(" ");
    } else if (std::fabs(delta) <= 1e-9 * std::max(scale, 1.0)) {
        ImGui::TextDisabled("= as loaded");
    } else if (negligible(delta, base, spec.unit)) {
        ImGui::TextDisabled("\xe2\x89\x88 as loaded");  // ≈
    } else {
        std::string text(delta > 0 ? "\xe2\x96\xb2 " : "\xe2\x96\xbc ");  // ▲ ▼
        text += formatDelta(delta, spec.unit);
        if (std::fabs(base) > 1e-12) {
            char pct[32];
            const double relative = 100.0 * delta / std::fabs(base);
            std::snprintf(pct, sizeof pct, std::fabs(relative) < 10.0 ? " (%+.1f%%)" : " (%+.0f%%)", relative);
            text += pct;
        }
        ImGui::TextColored(delta > 0 ? upColor(state) : downColor(state), "%s", text.c_str());
    }
    ImGui::EndChild();
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(em() * 28.0f);
        ImGui::TextUnformatted(spec.help);
        ImGui::Text("%s: %s", state.dash.months.label(t), chart::formatValue(now, spec.unit).c_str());
        ImGui::Text("As loaded: %s", chart::formatValue(base, spec.unit).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace

void drawKpiCards(AppState& state) {
    const size_t n = std::min(kpiSpecs().size(), state.dash.kpis.size());
    if (n == 0) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    // One row when each card gets ~8 em of width; else two rows (large fonts, narrow windows).
    const auto cardWidth = [&](size_t cols) {
        return std::floor((avail - style.ItemSpacing.x * static_cast<float>(cols - 1)) / static_cast<float>(cols));
    };
    const size_t cols = cardWidth(n) >= em() * 8.0f ? n : (n + 1) / 2;
    const float width = std::max(1.0f, cardWidth(cols));  // tiny windows: never a negative child size
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float large = state.fonts.largeBold ? state.fonts.largeBold->FontSize : ImGui::GetFontSize();
    // Titles may wrap to two lines on narrow cards.
    const bool twoLineTitles = width < em() * 14.0f;
    const float height = line * (twoLineTitles ? 3.0f : 2.0f) + large + style.WindowPadding.y * 2.0f + 4.0f;
    for (size_t k = 0; k < n; ++k) {
        if (k % cols != 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(k));
        drawCard(state, k, width, height);
        ImGui::PopID();
    }
}

}  // namespace chokepoint::app
