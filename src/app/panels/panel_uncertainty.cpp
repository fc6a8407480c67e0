// The row over the chart grid that switches the uncertainty bands on and says how far
// the ensemble has got ("uncertainty: 73/200 runs").
#include "app/panels/panels.h"

#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"

#include <imgui.h>

#include <string>

namespace cp::app {

void drawUncertaintyBar(const AppState& state, UiState& ui) {
  bool on = state.uncertainty.enabled;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 1.0f));
  if (ImGui::Checkbox(tr("Uncertainty"), &on)) ui.commands.push_back(SetUncertainty{on});
  ImGui::PopStyleVar();
  probeItem("uncertainty/toggle");
  itemTooltip(
      tr("Runs the edited scenario many times with its uncertain inputs drawn from their ranges, and "
         "shades the 10th to 90th percentile of each line (same colour). Needs a second or two; "
         "a lever change starts it again."));
  const std::string status = uncertaintyStatus(state);
  if (status.empty()) return;
  ImGui::SameLine();
  const bool ready = status.rfind(tr("bands: p10-p90 of "), 0) == 0;
  if (ready)
    ImGui::TextDisabled("%s", status.c_str());
  else
    ImGui::TextColored(warningColor(ui.theme), "%s", status.c_str());
  probeItem("uncertainty/status");
}

}  // namespace cp::app
