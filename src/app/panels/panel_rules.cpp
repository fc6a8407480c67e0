// Rule timeline: one row per US rule, a bar over the months the rule is in force (from
// the worker's rule_active table), outlined where the loaded scenario differs. ImDrawList.
#include "app/panels/panels.h"

#include "app/classroom/classroom_ui.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "engine/month.h"
#include "app/core/tr.h"
#include "app/charts/chart.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace cp::app {

namespace {

using ActiveTable = std::vector<std::vector<char>>;

// Calls fn(from, to) for each run of months [from, to) where mask is set.
template <class Fn>
void forEachRun(const std::vector<char>& mask, Fn&& fn) {
  const int n = static_cast<int>(mask.size());
  for (int t = 0; t < n;) {
    if (!mask[static_cast<size_t>(t)]) {
      ++t;
      continue;
    }
    int end = t;
    while (end < n && mask[static_cast<size_t>(end)]) ++end;
    fn(t, end);
    t = end;
  }
}

const char* kindName(cp::RuleKind k) {
  switch (k) {
    case cp::RuleKind::Threshold: return tr("performance threshold");
    case cp::RuleKind::NamedProduct: return tr("named chips");
    case cp::RuleKind::CountryCaps: return tr("country caps");
    case cp::RuleKind::EntityList: return tr("entity list");
    case cp::RuleKind::RemoteAccess: return tr("remote access");
    case cp::RuleKind::VolumeCap: return tr("volume cap");
  }
  return "?";
}

std::string periods(const std::vector<char>& mask, const MonthAxis& months) {
  std::string text;
  forEachRun(mask, [&](int from, int to) {
    if (!text.empty()) text += ", ";
    text += months.label(from);
    text += to >= months.count() ? std::string(tr(" onwards")) : tr(" to ") + std::string(months.label(to - 1));
  });
  return text.empty() ? tr("not in force") : text;
}

void ruleTooltip(const AppState& state, const cp::Rule& rule, const std::vector<char>* now,
                 const std::vector<char>* base, const MonthAxis& months) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em() * 32.0f);
  ImGui::TextUnformatted(tr(rule.label));
  ImGui::TextDisabled("%s (%s)", rule.id.c_str(), cp::toString(rule.kind()));
  drawSourceLines(state, rule.source);
  if (now) ImGui::Text(tr("In force: %s"), periods(*now, months).c_str());
  if (base && now && *base != *now) ImGui::Text(tr("As loaded: %s"), periods(*base, months).c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// A swatch and name for each kind of rule the scenario uses.
void drawKindLegend(const cp::Scenario& s) {
  std::vector<cp::RuleKind> kinds;
  for (const cp::Rule& r : s.rules)
    if (std::find(kinds.begin(), kinds.end(), r.kind()) == kinds.end()) kinds.push_back(r.kind());
  std::sort(kinds.begin(), kinds.end());
  const float h = ImGui::GetTextLineHeight();
  for (size_t i = 0; i < kinds.size(); ++i) {
    const cp::RuleKind k = kinds[i];
    const float item_w = h * 2.4f + ImGui::CalcTextSize(kindName(k)).x;
    if (i > 0) {  // the first starts its own line
      ImGui::SameLine(0.0f, h);
      if (ImGui::GetCursorPosX() + item_w > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();  // wrap
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 1.2f, p.y + h * 0.8f),
                                              chart::withAlpha(chart::paletteColor(static_cast<int>(k)), 0.8f), 2.0f);
    ImGui::Dummy(ImVec2(h * 1.2f, h));
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::TextUnformatted(kindName(k));
  }
}

}  // namespace

void drawRuleTimeline(const AppState& state, UiState& ui) {
  if (!hasScenario(state.doc)) return;
  const cp::Scenario& s = *state.doc.loaded;
  const MonthAxis& months = state.dash.months;
  const ActiveTable* now = state.runs.rule_active.get();
  const ActiveTable* base = state.runs.baseline_rule_active.get();
  if (months.count() == 0) return;

  drawKindLegend(s);
  // The year header stays above the scrolled rows, so rows far down still have their dates.
  // Both share one geometry: the rows' width leaves room for their scrollbar either way.
  const float row_h = ImGui::GetTextLineHeightWithSpacing() + 4.0f;
  const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize);
  // The label column is as wide as the longest rule name, up to 45% of the width: the names
  // read whole where there is room, and the months keep the rest.
  float longest = 0.0f;
  for (const cp::Rule& rule : s.rules) longest = std::max(longest, ImGui::CalcTextSize(tr(rule.label)).x);
  const float label_w = std::min(width * 0.45f, std::max(longest + 12.0f, em() * 12.0f));
  const float left = ImGui::GetCursorScreenPos().x;
  const float x0 = left + label_w, x1 = left + width - 4.0f;
  const auto x_of = [&](int t) { return x0 + (x1 - x0) * static_cast<float>(t) / static_cast<float>(months.count()); };
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 dim_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 grid_col = ImGui::GetColorU32(ImGuiCol_Text, 0.12f);

  // Year labels, and in the label column beside them what bars and outlines mean (a line
  // saved for the rows: a 720-line screen showed one and a half rules).
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
  probeItem("rules/years");
  ImDrawList* header = ImGui::GetWindowDrawList();
  const char* note = tr("Bars: in force with your changes; outlines: as loaded.");
  const std::string note_shown = chart::elided(note, label_w - 8.0f);
  header->AddText(top, dim_col, note_shown.c_str());
  if (note_shown != note && ImGui::IsMouseHoveringRect(top, ImVec2(x0, top.y + ImGui::GetTextLineHeight())))
    ImGui::SetTooltip("%s", note);
  if (note_shown != note) probeRect("rules/note_cut", top, ImVec2(x0, top.y + ImGui::GetTextLineHeight()));
  const float year_w = ImGui::CalcTextSize("2025").x + 8.0f;
  const int year_step = (x1 - x0) / std::max(1.0f, static_cast<float>(months.count()) / 12.0f) >= year_w ? 1 : 2;
  for (int t = 0; t < months.count(); ++t) {
    const int abs = months.start + t;
    if (cp::monthOf(abs) != 1 || cp::yearOf(abs) % year_step != 0) continue;
    header->AddText(ImVec2(x_of(t) + 2.0f, top.y), dim_col, std::to_string(cp::yearOf(abs)).c_str());
  }
  const float cx = x_of(ui.view.month) + 0.5f * (x_of(1) - x_of(0));
  header->AddLine(ImVec2(cx, top.y), ImVec2(cx, top.y + ImGui::GetTextLineHeight()),
                  ImGui::GetColorU32(ImGuiCol_Text, 0.8f), 1.5f);

  ImGui::BeginChild("##ruleRows", ImVec2(0, 0), false);
  probeWindow("rules/rows");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rows_top = ImGui::GetCursorScreenPos().y;

  for (size_t r = 0; r < s.rules.size(); ++r) {
    const cp::Rule& rule = s.rules[r];
    ImGui::PushID(static_cast<int>(r));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##row", ImVec2(width, row_h));
    const bool hovered = ImGui::IsItemHovered();
    const std::vector<char>* row_now = now && r < now->size() ? &(*now)[r] : nullptr;
    const std::vector<char>* row_base = base && r < base->size() ? &(*base)[r] : nullptr;
    if (hovered)
      dl->AddRectFilled(p, ImVec2(p.x + width, p.y + row_h), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.5f));
    highlightRuleRow(state, rule.id, p, ImVec2(p.x + width, p.y + row_h));  // the story card names this rule

    // Label, then the id, in the label column: a label too long ends in "..." (the tooltip
    // has it whole) rather than being clipped through a letter; the id shows as far as it fits.
    const float ty = p.y + (row_h - ImGui::GetTextLineHeight()) * 0.5f;
    const float column_w = x0 - 6.0f - p.x;
    const char* name = tr(rule.label);
    const std::string label = chart::elided(name, column_w);
    const bool whole = label == name;
    dl->AddText(ImVec2(p.x, ty), text_col, label.c_str());
    const float id_x = p.x + ImGui::CalcTextSize(label.c_str()).x + 8.0f;
    if (whole && x0 - 6.0f - id_x >= ImGui::CalcTextSize("W...").x)
      dl->AddText(ImVec2(id_x, ty), dim_col, chart::elided(rule.id, x0 - 6.0f - id_x).c_str());
    else if (!whole)
      probeRect(("rule/" + rule.id + "/label_cut").c_str(), p, ImVec2(x0, p.y + row_h));

    const ImU32 col = chart::paletteColor(static_cast<int>(rule.kind()));
    const float by0 = p.y + 3.0f, by1 = p.y + row_h - 3.0f;
    if (row_now)
      forEachRun(*row_now, [&](int a, int b) {
        dl->AddRectFilled(ImVec2(x_of(a), by0), ImVec2(x_of(b), by1), chart::withAlpha(col, 0.8f), 2.0f);
      });
    if (row_base && row_now && *row_base != *row_now)
      forEachRun(*row_base, [&](int a, int b) {
        dl->AddRect(ImVec2(x_of(a), by0), ImVec2(x_of(b), by1), text_col, 2.0f, 0, 2.0f);
      });
    if (hovered) ruleTooltip(state, rule, row_now, row_base, months);
    probeItem(("rule/" + rule.id).c_str());
    ImGui::PopID();
  }

  // Grid at each January and the scrubber month, over all rows.
  const float rows_bottom = ImGui::GetCursorScreenPos().y;
  for (int t = 0; t < months.count(); ++t)
    if (cp::monthOf(months.start + t) == 1)
      dl->AddLine(ImVec2(x_of(t), rows_top), ImVec2(x_of(t), rows_bottom), grid_col);
  dl->AddLine(ImVec2(cx, rows_top), ImVec2(cx, rows_bottom), ImGui::GetColorU32(ImGuiCol_Text, 0.8f), 1.5f);
  ImGui::EndChild();
}

}  // namespace cp::app
