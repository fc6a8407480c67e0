// The month scrubber: which month the KPI cards and tables show (charts draw a cursor there).
#include "app/panels/panels.h"

#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"
#include "app/core/uncertainty.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace cp::app {

void drawScrubber(const AppState& state, UiState& ui, bool uncertainty) {
  const MonthAxis& months = state.dash.months;
  if (months.count() == 0) return;
  int& t = ui.view.month;
  t = std::clamp(t, 0, months.count() - 1);

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("Month"));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) t = std::max(0, t - 1);
  probeItem("scrubber/prev");
  ImGui::SameLine();
  // The month beside the slider, not on it: the handle (wide in presenter mode) would cover
  // it as it passes. A fixed width, so the slider does not jump from month to month.
  // A month after the record is a projection: the cards say so too (the charts hatch it).
  const int record_end = recordEndIndex(state);
  const char* projected = tr("(projection)");
  float label_w = 0.0f;
  for (int i = 0; i < months.count(); ++i) label_w = std::max(label_w, ImGui::CalcTextSize(months.label(i)).x);
  if (record_end >= 0 && record_end < months.count() - 1)
    label_w += ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(projected).x;
  const float label_x = ImGui::GetCursorPosX();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(months.label(t));
  probeItem("scrubber/label");
  if (record_end >= 0 && t > record_end) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", projected);
    probeItem("scrubber/projection");
    itemTooltip(tr("After the scenario's last recorded event: the model's projection, not the record."));
  }
  ImGui::SameLine(label_x + label_w + em() * 0.5f);
  const ImGuiStyle& style = ImGui::GetStyle();
  float next_w = ImGui::GetFrameHeight();
  if (uncertainty) {  // room for the bands toggle and its progress after the next-month arrow
    next_w += style.ItemSpacing.x + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
              ImGui::CalcTextSize(tr("Uncertainty")).x;
    if (const std::string status = uncertaintyStatus(state); !status.empty())
      next_w += style.ItemSpacing.x + ImGui::CalcTextSize(status.c_str()).x;
  }
  ImGui::SetNextItemWidth(std::max(em() * 6.0f, ImGui::GetContentRegionAvail().x - next_w - style.ItemSpacing.x));
  ImGui::SliderInt("##month", &t, 0, months.count() - 1, "", ImGuiSliderFlags_AlwaysClamp);
  probeItem("scrubber");
  itemTooltip(
      tr("The month the cards and tables show; charts mark it with a vertical line. "
         "Ctrl+click to type a month index."));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) t = std::min(months.count() - 1, t + 1);
  probeItem("scrubber/next");
  if (uncertainty) {
    ImGui::SameLine();
    drawUncertaintyBar(state, ui);
  }
}

}  // namespace cp::app
