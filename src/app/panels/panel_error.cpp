// Error panel: a scenario that failed to load, with every problem the loader found
// (file, JSON pointer, reason), so a user can fix the file in one pass.
#include "app/panels/panels.h"
#include "i18n/problem_text.h"

#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"

#include <imgui.h>

namespace cp::app {

void drawErrorPanel(const AppState& state, UiState& ui) {
  const ImVec4 red = errorColor(ui.theme);
  ImGui::PushStyleColor(ImGuiCol_Border, red);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
  ImGui::BeginChild("##ScenarioError", ImVec2(0, 0), true);
  ImGui::PopStyleVar();    // the border is drawn by BeginChild; widgets inside keep
  ImGui::PopStyleColor();  // the theme's border colour
  pushBold(ui);
  ImGui::TextColored(red, "%s", tr("The scenario could not be loaded"));
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("File:"));
  ImGui::SameLine();
  ImGui::TextWrapped("%s", state.scenario_path.c_str());
  ImGui::Text(tr("%d problem%s:"), static_cast<int>(state.load_problems.size()),
              state.load_problems.size() == 1 ? "" : "s");
  ImGui::Spacing();
  if (ImGui::Button(tr("Reload scenario (Ctrl+R)"))) ui.requests.reload = true;
  probeItem("error/Reload");
  ImGui::SameLine();
  if (ImGui::Button(tr("Open another... (Ctrl+O)"))) requestOpenScenario(state, ui);
  probeItem("error/Open");
  ImGui::Spacing();

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  if (ImGui::BeginTable("##problems", 3, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("File"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Where (JSON pointer)"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Problem"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableHeadersRow();
    int row = 0;
    for (const cp::Problem& p : state.load_problems) {
      ImGui::TableNextRow();
      ImGui::PushID(row++);
      ImGui::TableSetColumnIndex(0);
      ImGui::TextWrapped("%s", fileName(p.file).c_str());
      itemTooltip(p.file.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextWrapped("%s", p.pointer.empty() ? tr("(whole file)") : p.pointer.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextWrapped("%s", cp::i18n::problemReason(p).c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  probeItem("error/problems");
  ImGui::EndChild();
}

}  // namespace cp::app
