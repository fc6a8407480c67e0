// Classroom File menu (its dialogs are FileDialogs built in classroom.cpp), the team card
// drawn for the handout pictures, and the highlight hooks the shared panels call.
//
// [SECTION] Highlights and the veil
// [SECTION] File menu
// [SECTION] Handout card

#include "app/classroom/classroom_ui.h"

#include "app/core/scenario_files.h"
#include "app/classroom/workshop_handouts.h"
#include "engine/levers.h"
#include "engine/month.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <filesystem>

namespace cp::app {

//-----------------------------------------------------------------------------
// [SECTION] Highlights and the veil
//-----------------------------------------------------------------------------

ImVec4 highlightColor(Theme theme) {
  if (theme == Theme::Light) return ImVec4(0.00f, 0.42f, 0.75f, 1.0f);
  return ImVec4(0.30f, 0.82f, 1.00f, 1.0f);
}

int classroomFutureFrom(const AppState& state) {
  if (storyActive(state)) return storyFutureFrom(state);
  if (workshopActive(state)) return workshopFutureFrom(state);
  return -1;
}

namespace {
float frameThickness() { return std::max(3.0f, std::round(em() * 0.2f)); }
}  // namespace

float chartHighlightInset(const AppState& state, const char* chart_id) {
  if (!storyHighlightsChart(state, chart_id)) return 0.0f;
  return frameThickness() + std::max(2.0f, std::round(em() * 0.25f));  // the frame and a gap
}

void highlightChart(const AppState& state, UiState& ui, const char* chart_id, ImVec2 min, ImVec2 max) {
  if (!storyHighlightsChart(state, chart_id)) return;
  const float t = frameThickness();
  ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x + t * 0.5f, min.y + t * 0.5f),
                                      ImVec2(max.x - t * 0.5f, max.y - t * 0.5f),
                                      ImGui::ColorConvertFloat4ToU32(highlightColor(state.ui.theme)), t, 0, t);
  probeRect((std::string("chart/") + chart_id + "/frame").c_str(), ImVec2(min.x + t, min.y + t),
            ImVec2(max.x - t, max.y - t));  // the frame's inner edge
  ViewState& v = ui.view;
  if (v.scroll_to_chart &&
      state.runs.frame <= v.scroll_frame + 1) {  // the card's first chart comes into view (the grid may scroll)
    ImGui::SetScrollFromPosY(min.y - ImGui::GetWindowPos().y, 0.0f);
    v.scroll_to_chart = false;
  }
}

void highlightLever(const AppState& state, UiState& ui, const std::string& lever_id) {
  if (!storyHighlightsLever(state, lever_id)) return;
  // The whole width of the list, so every kind of lever (checkbox, slider) gets the same frame.
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float pad = std::round(em() * 0.25f);
  const float x0 = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x;
  const float x1 = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const ImVec2 a(x0, min.y - pad), b(x1, max.y + 1.0f);
  ImVec4 col = highlightColor(state.ui.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  col.w = 0.14f;
  dl->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(col), pad);
  col.w = 1.0f;
  dl->AddRect(a, b, ImGui::ColorConvertFloat4ToU32(col), pad, 0, 2.0f);
  ViewState& v = ui.view;
  // Only just after the card changed: a lever in a group opened later must not pull the list.
  if (v.scroll_to_lever && state.runs.frame <= v.scroll_frame + 1) {  // the card's first lever comes into view
    ImGui::SetScrollFromPosY(a.y - ImGui::GetWindowPos().y, 0.1f);
    v.scroll_to_lever = false;
  }
}

void highlightRuleRow(const AppState& state, const std::string& rule_id, ImVec2 min, ImVec2 max) {
  if (!storyHighlightsRule(state, rule_id)) return;
  ImVec4 col = highlightColor(state.ui.theme);
  col.w = 0.25f;
  ImGui::GetWindowDrawList()->AddRectFilled(min, max, ImGui::ColorConvertFloat4ToU32(col));
}

//-----------------------------------------------------------------------------
// [SECTION] File menu
//-----------------------------------------------------------------------------

void requestSaveWorkshopSession(AppState& state) {
  if (state.classroom.workshop.session_path.empty())
    requestClassroomDialog(state, ClassroomDialog::SaveSessionAs);
  else
    state.classroom.requests.save_session = state.classroom.workshop.session_path;
}

void drawClassroomFileMenu(const AppState& state, UiState& ui) {
  const bool story = storyActive(state), workshop = workshopActive(state);
  if (ImGui::MenuItem(tr("Open story..."))) requestClassroomDialog(state, ui, ClassroomDialog::OpenStory);
  probeItem("File/Open story");
  if (ImGui::MenuItem(tr("Open workshop..."))) requestClassroomDialog(state, ui, ClassroomDialog::OpenWorkshop);
  probeItem("File/Open workshop");
  if (ImGui::MenuItem(tr("Open workshop session..."))) requestClassroomDialog(state, ui, ClassroomDialog::OpenSession);
  probeItem("File/Open workshop session");
  if (ImGui::MenuItem(tr("Save workshop session"), nullptr, false, workshop))
    ui.commands.push_back(SaveWorkshopSession{});
  probeItem("File/Save workshop session");
  if (ImGui::MenuItem(tr("Save workshop session as..."), nullptr, false, workshop))
    requestClassroomDialog(state, ui, ClassroomDialog::SaveSessionAs);
  probeItem("File/Save workshop session as");
  if (ImGui::MenuItem(tr("Export workshop report..."), nullptr, false,
                      workshop && workshopBoard(state) && !reportInProgress(state)))
    requestClassroomDialog(state, ui, ClassroomDialog::ExportReport);
  probeItem("File/Export workshop report");
  if (ImGui::MenuItem(tr("Export workshop handouts..."), nullptr, false, workshop))
    requestClassroomDialog(state, ui, ClassroomDialog::ExportHandouts);
  probeItem("File/Export workshop handouts");
  if (story && ImGui::MenuItem(tr("Close story"))) ui.commands.push_back(CloseStory{});
  if (workshop && ImGui::MenuItem(tr("Close workshop (keep the played levers)")))
    ui.commands.push_back(CloseWorkshop{});
}

//-----------------------------------------------------------------------------
// [SECTION] Handout card
//-----------------------------------------------------------------------------

// A team card over the whole window while its picture is taken (File > Export workshop handouts).
ImVec4 handoutMutedText() { return ImVec4(0.33f, 0.33f, 0.33f, 1.0f); }  // #545454: 7:1 on #F7F7F7

void drawHandoutCard(const AppState& state, UiState& ui) {
  const int t = state.classroom.handout_pictures.showing;
  if (t < 0 || !workshopActive(state)) return;
  const cp::Workshop& w = *state.classroom.workshop.workshop;
  if (t >= static_cast<int>(w.teams.size())) return;
  const cp::Team& team = w.teams[static_cast<size_t>(t)];
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowBgAlpha(1.0f);
  ImGui::SetNextWindowFocus();  // over the menu bar and the dashboard
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
  if (ImGui::Begin("##handoutCard", nullptr, flags)) {
    pushLarge(ui);
    ImGui::TextUnformatted(tr(team.name));
    ImGui::PopFont();
    // Printed on paper: the light theme's disabled grey is too faint, so the card's muted lines
    // use a darker grey (see handoutMutedText).
    ImGui::PushStyleColor(ImGuiCol_TextDisabled, handoutMutedText());
    ImGui::TextDisabled(tr("%s: %d rounds of %d months from %s"), tr(w.name), w.rounds, w.round_months,
                        displayMonth(w.start));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Separator();
    pushBold(ui);
    ImGui::TextUnformatted(tr("Your brief"));
    ImGui::PopFont();
    ImGui::TextUnformatted(tr(team.brief));
    pushBold(ui);
    ImGui::TextUnformatted(tr("Your objectives"));
    ImGui::PopFont();
    for (const cp::Objective& o : team.objectives) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", objectiveInWords(o).c_str());
    }
    pushBold(ui);
    ImGui::TextUnformatted(tr("Your levers"));
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    if (ImGui::BeginTable("##handoutLevers", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
      ImGui::TableSetupColumn(tr("Lever"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn(tr("Range"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
      ImGui::TableSetupColumn(tr("In the scenario"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
      ImGui::TableHeadersRow();
      for (const std::string& id : team.levers) {
        const int i = w.scenario.findLever(id);
        if (i < 0) continue;
        const cp::Lever& l = w.scenario.levers[static_cast<size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", tr(l.label));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", leverRangeInWords(l).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", displayLeverValue(l, l.value).c_str());
      }
      ImGui::EndTable();
    }
    ImGui::TextDisabled(
        "%s", tr("Each round your points compare the world you played with the same world in which nobody moved."));
    ImGui::PopStyleColor();
    probeItem("handout/card");
  }
  ImGui::End();
}

}  // namespace cp::app
