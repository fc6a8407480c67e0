// The lever panel, generated from the scenario's lever catalogue: nothing here knows a
// particular lever. Groups become collapsing headers in catalogue order; each lever's kind
// picks its widget. Changed levers are coloured and get a Reset button; a slider drag is
// one undo step (the gesture ends in drawUi when no item is active any more). The panel
// reads the document const and pushes its edits as commands (commands.h).
//
// [SECTION] Formatting values for widgets
// [SECTION] One lever: label row, widget, tooltip
// [SECTION] drawLeverPanel

#include "app/panels/panels.h"

#include "app/classroom/classroom_ui.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "engine/month.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace cp::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Formatting values for widgets
//-----------------------------------------------------------------------------

double snapToStep(const cp::Lever& l, double v) {
  if (l.step > 0) v = l.min + std::round((v - l.min) / l.step) * l.step;
  return std::clamp(v, l.min, l.max);
}

std::string probeName(const cp::Lever& l, const char* part = nullptr) {
  std::string name = "lever/" + l.id;
  if (part) name += std::string("/") + part;
  return name;
}

//-----------------------------------------------------------------------------
// [SECTION] One lever: label row, widget, tooltip
//-----------------------------------------------------------------------------

void leverTooltip(const AppState& state, int index) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
  const Document& doc = state.doc;
  const cp::Lever& l = lever(doc, index);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em() * 30.0f);
  pushBold(state.ui);
  ImGui::TextUnformatted(tr(l.label));
  ImGui::PopFont();
  ImGui::TextDisabled("%s (%s)", l.id.c_str(), cp::toString(l.kind));
  if (!l.help.empty()) ImGui::TextUnformatted(tr(l.help));
  drawSourceLines(state, l.source);
  if (!l.changes.empty()) ImGui::Text(tr("Changes: %s"), l.changes.c_str());
  ImGui::Separator();
  ImGui::Text(tr("Now: %s"), scheduleText(doc, index).c_str());
  if (leverChanged(doc, index)) ImGui::Text(tr("In the file: %s"), loadedScheduleText(doc, index).c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// A discrete edit (checkbox, combo, button): one undo step.
void commitValue(UiState& ui, int index, double value) { ui.commands.push_back(SetLever{index, value, false}); }

// A continuous edit (slider): joins the gesture that ends when the mouse is released.
void dragValue(UiState& ui, int index, double value) { ui.commands.push_back(SetLever{index, value, true}); }

void drawNumber(const AppState& state, UiState& ui, int index) {
  const Document& doc = state.doc;
  const cp::Lever& l = lever(doc, index);
  // The same format as displayLeverValue (tornado ends, waterfall tooltips, workshop moves).
  const double scale = leverSliderScale(l);
  double shown = leverValue(doc, index) * scale;
  const double lo = l.min * scale, hi = l.max * scale;
  const std::string format = localizedSliderFormat(leverSliderFormat(l), shown);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::SliderScalar("##value", ImGuiDataType_Double, &shown, &lo, &hi, format.c_str(),
                          ImGuiSliderFlags_AlwaysClamp)) {
    dragValue(ui, index, snapToStep(l, shown / scale));
  }
  probeItem(probeName(l).c_str());
  leverTooltip(state, index);
}

void drawMonth(const AppState& state, UiState& ui, int index) {
  const Document& doc = state.doc;
  const cp::Lever& l = lever(doc, index);
  const cp::Scenario& s = *doc.loaded;
  const double value = leverValue(doc, index);
  bool never = value >= cp::kNever;
  if (ImGui::Checkbox(tr("never"), &never)) {
    if (never) {
      commitValue(ui, index, cp::kNever);
    } else {
      // Back to a date: the file's date if it had one, else the month on the scrubber.
      const double file_value = loadedLeverValue(doc, index);
      const int month = file_value < cp::kNever ? static_cast<int>(file_value) : s.start + ui.view.month;
      commitValue(ui, index, std::clamp(month, s.start, s.end));
    }
  }
  probeItem(probeName(l, "never").c_str());
  leverTooltip(state, index);
  ImGui::SameLine();
  int month = never ? s.start : std::clamp(static_cast<int>(std::lround(value)), s.start, s.end);
  const std::string label = never ? std::string(tr("never")) : displayMonth(month);
  ImGui::BeginDisabled(never);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::SliderInt("##month", &month, s.start, s.end, label.c_str(), ImGuiSliderFlags_AlwaysClamp) && !never)
    dragValue(ui, index, month);
  ImGui::EndDisabled();
  probeItem(probeName(l).c_str());
  leverTooltip(state, index);
}

void drawChoice(const AppState& state, UiState& ui, int index) {
  const Document& doc = state.doc;
  const cp::Lever& l = lever(doc, index);
  const int current = static_cast<int>(std::lround(leverValue(doc, index)));
  const std::string preview = displayLeverValue(l, current);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##choice", preview.c_str())) {
    for (size_t o = 0; o < l.options.size(); ++o) {
      ImGui::PushID(static_cast<int>(o));
      if (ImGui::Selectable(l.options[o].c_str(), static_cast<int>(o) == current))
        commitValue(ui, index, static_cast<double>(o));
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  probeItem(probeName(l).c_str());
  leverTooltip(state, index);
}

void drawSchedule(const AppState& state, UiState& ui, int index) {
  const Document& doc = state.doc;
  const cp::Lever& l = lever(doc, index);
  ImGui::PushStyleColor(ImGuiCol_Text, dimColor());
  ImGui::TextWrapped(tr("Schedule: %s"), scheduleText(doc, index).c_str());
  ImGui::PopStyleColor();
  leverTooltip(state, index);
  const int month = doc.loaded->start + ui.view.month;
  if (ImGui::SmallButton(tr("Use one value"))) commitValue(ui, index, leverValueInMonth(doc, index, month));
  probeItem(probeName(l, "flatten").c_str());
  itemTooltip(
      tr("Replace the dated schedule with one value for the whole run: its value in the month on the scrubber."));
}

// Label (coloured when changed) with a Reset button at the right end of its first line.
void drawLabelRow(const AppState& state, UiState& ui, int index, bool as_checkbox) {
  const Document& doc = state.doc;
  const cp::Lever& l = lever(doc, index);
  const bool changed = leverChanged(doc, index);
  const float reset_w = ImGui::CalcTextSize(tr("Reset")).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  const ImVec2 row_start = ImGui::GetCursorScreenPos();
  const float right = row_start.x + ImGui::GetContentRegionAvail().x;

  const float wrap_at = right - (changed ? reset_w + ImGui::GetStyle().ItemSpacing.x : 0.0f);
  if (as_checkbox) {
    // Box and label apart, so a long label wraps before the Reset button; a click on
    // the label toggles, as it would on a checkbox's own label.
    bool on = leverValue(doc, index) > 0.5;
    if (ImGui::Checkbox("##on", &on)) commitValue(ui, index, on ? 1.0 : 0.0);
    probeItem(probeName(l).c_str());
    leverTooltip(state, index);
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
  }
  if (changed) ImGui::PushStyleColor(ImGuiCol_Text, changedColor(ui.theme));
  ImGui::PushTextWrapPos(wrap_at - ImGui::GetWindowPos().x);  // window-local, as ImGui wants it
  ImGui::TextUnformatted(tr(l.label));
  ImGui::PopTextWrapPos();
  if (changed) ImGui::PopStyleColor();
  if (as_checkbox && ImGui::IsItemClicked()) commitValue(ui, index, leverValue(doc, index) > 0.5 ? 0.0 : 1.0);
  leverTooltip(state, index);

  if (changed) {
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(right - reset_w, row_start.y));
    if (ImGui::SmallButton(tr("Reset"))) ui.commands.push_back(ResetLever{index});
    probeItem(probeName(l, "reset").c_str());
    itemTooltip(tr("Back to the value in the scenario file"));
    ImGui::SetCursorScreenPos(after);
  }
}

void drawLever(const AppState& state, UiState& ui, int index) {
  const Document& doc = state.doc;
  const cp::Lever& l = lever(doc, index);
  const bool dated = hasDatedSchedule(doc, index);
  const bool checkbox = l.kind == cp::LeverKind::Bool && !dated;
  drawLabelRow(state, ui, index, checkbox);
  if (dated) {
    drawSchedule(state, ui, index);
  } else {
    switch (l.kind) {
      case cp::LeverKind::Bool: break;  // the label row is the checkbox
      case cp::LeverKind::Number:
      case cp::LeverKind::Share: drawNumber(state, ui, index); break;
      case cp::LeverKind::Month: drawMonth(state, ui, index); break;
      case cp::LeverKind::Choice: drawChoice(state, ui, index); break;
    }
  }
  ImGui::Spacing();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] drawLeverPanel
//-----------------------------------------------------------------------------

void drawLeverPanel(const AppState& state, UiState& ui) {
  const Document& doc = state.doc;
  pushBold(ui);
  ImGui::TextUnformatted(tr("Policy levers"));
  ImGui::PopFont();
  const int changed = changedLeverCount(doc);
  const std::string status = changed > 0 ? std::to_string(changed) + tr(" changed") : tr("as in the file");
  const float reset_all_w = ImGui::CalcTextSize(tr("Reset all")).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  // The status goes between title and button when it fits, else it is left out (the
  // group headers still count the changes).
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(status.c_str()).x + spacing + reset_all_w <=
      ImGui::GetWindowContentRegionMax().x) {
    if (changed > 0)
      ImGui::TextColored(changedColor(ui.theme), "%s", status.c_str());
    else
      ImGui::TextDisabled("%s", status.c_str());
    ImGui::SameLine();
  }
  // Where the title leaves no room (a longer language), the button goes on a line of its own.
  if (ImGui::GetCursorPosX() > ImGui::GetWindowContentRegionMax().x - reset_all_w) ImGui::NewLine();
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - reset_all_w));
  ImGui::BeginDisabled(changed == 0);
  if (ImGui::SmallButton(tr("Reset all"))) ui.commands.push_back(ResetAllLevers{});
  ImGui::EndDisabled();
  probeItem("levers/reset_all");
  itemTooltip(tr("Every lever back to its value in the scenario file (Ctrl+Z undoes it)"));
  ImGui::Separator();

  ImGui::BeginChild("##leverList", ImVec2(0, 0), false);
  // Groups in the order they first appear in the catalogue.
  std::vector<std::string> groups;
  for (int i = 0; i < leverCount(doc); ++i)
    if (std::find(groups.begin(), groups.end(), lever(doc, i).group) == groups.end())
      groups.push_back(lever(doc, i).group);
  for (const std::string& group : groups) {
    ImGui::PushID(group.c_str());
    int changed_here = 0;
    for (int i = 0; i < leverCount(doc); ++i)
      if (lever(doc, i).group == group && leverChanged(doc, i)) ++changed_here;
    const std::string header = changed_here > 0 ? tr(group) + std::string("  (") + std::to_string(changed_here) +
                                                      tr(" changed)") + std::string("###g")
                                                : tr(group) + std::string("###g");
    const bool open = ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    probeItem(("levers/group/" + group).c_str());
    if (open) {
      for (int i = 0; i < leverCount(doc); ++i) {
        if (lever(doc, i).group != group) continue;
        ImGui::PushID(i);
        ImGui::BeginGroup();
        drawLever(state, ui, i);
        ImGui::EndGroup();
        highlightLever(state, ui, lever(doc, i).id);  // the story card names this lever
        ImGui::PopID();
      }
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace cp::app
