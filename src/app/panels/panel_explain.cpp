// The Explain tab (a waterfall from "as loaded" to "your run", one bar per changed lever)
// and the Sensitivity tab (a tornado over every lever; click a bar to set that lever to
// that end). The analyses run in the background (explain.h); this file only draws.
#include "app/panels/panels.h"

#include "app/core/explain.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "engine/levers.h"
#include "engine/results_io.h"
#include "app/core/tr.h"
#include "app/core/status.h"
#include "app/charts/chart.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace cp::app {

namespace {

std::string signedValue(double v, chart::Unit unit) {
  std::string out(v < 0 ? "-" : "+");
  out += chart::formatValue(std::fabs(v), unit);
  return out;
}

chart::Unit targetUnit(const AppState& state) {
  for (const TargetChoice& c : explainTargets(*state.doc.loaded))
    if (c.target == state.ui.explain.target) return c.unit;
  return chart::Unit::None;
}

// The KPI or series picker shared by both tabs.
void drawTargetPicker(const AppState& state, UiState& ui) {
  const auto choices = explainTargets(*state.doc.loaded);
  std::string current = "?";
  for (const TargetChoice& c : choices)
    if (c.target == ui.explain.target) current = c.label;
  ImGui::SetNextItemWidth(em() * 22.0f);
  if (ImGui::BeginCombo("##explainTarget", current.c_str())) {
    for (size_t i = 0; i < choices.size(); ++i) {
      if (i == kpiSpecs().size()) ImGui::Separator();
      if (ImGui::Selectable(choices[i].label.c_str(), choices[i].target == ui.explain.target))
        ui.explain.target = choices[i].target;
    }
    ImGui::EndCombo();
  }
  probeItem("explain/target");
  ImGui::SameLine();
  ImGui::Text(tr("in %s"), state.dash.months.label(ui.view.month));
}

// "Export: [name] [CSV] [PNG]" writing name.csv / name.png; the PNG is cropped to `rect`.
// On the line of the controls when it fits there, else on a line of its own (a 720p
// projector in Ukrainian has no room for it beside them).
void drawExportRow(UiState& ui, std::string* base, const std::string& csv, const float rect[4], const char* probe) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* label = tr("  Export:");
  const float need = ImGui::CalcTextSize(label).x + em() * 10.0f + ImGui::CalcTextSize(tr("CSV")).x +
                     ImGui::CalcTextSize(tr("PNG")).x + style.FramePadding.x * 4.0f + style.ItemSpacing.x * 4.0f;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (right - ImGui::GetItemRectMax().x >= need) ImGui::SameLine();
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em() * 10.0f);
  ImGui::InputText((std::string("##export") + probe).c_str(), base);
  itemTooltip(tr("File name without extension: the buttons write NAME.csv and NAME.png"));
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("CSV"))) {
    const std::string problem = cp::writeFileAtomic(*base + ".csv", csv);
    setStatus(ui, problem.empty() ? tr("Exported ") + *base + ".csv" : problem, !problem.empty());
  }
  probeItem((std::string(probe) + "/csv").c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton(tr("PNG"))) {
    ScreenshotRequest shot{*base + ".png", false, 2};
    std::copy(rect, rect + 4, shot.crop);
    ui.requests.screenshot = shot;
    setStatus(ui, tr("Exported ") + *base + ".png");
  }
  probeItem((std::string(probe) + "/png").c_str());
}

void tooltipLines(const std::string& title, const std::string& from, const std::string& to, const std::string& help) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em() * 30.0f);
  ImGui::TextUnformatted(title.c_str());
  if (!from.empty() || !to.empty()) ImGui::Text(tr("From %s to %s"), from.c_str(), to.c_str());
  if (!help.empty()) ImGui::TextDisabled("%s", help.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

std::string waterfallCsv(const cp::Attribution& a, const std::vector<WaterfallBar>& bars) {
  std::string out = "bar,from,to,value,share\n";
  auto q = [](const std::string& s) { return s.find_first_of(",\"") == std::string::npos ? s : "\"" + s + "\""; };
  out += fmt::format("as loaded,,,{},\n", a.base_value);
  for (const WaterfallBar& b : bars)
    out += fmt::format("{},{},{},{},{}\n", q(b.label), q(b.from), q(b.to), b.value,
                       a.difference() == 0 ? 0.0 : b.value / a.difference());
  out += fmt::format("your run,,,{},\n", a.variant_value);
  return out;
}

std::string tornadoCsv(const cp::Sensitivity& t) {
  std::string out = "lever,low,high,at_low,at_high,swing\n";
  for (const cp::SensitivityRow& r : t.rows)
    out += fmt::format("{},{},{},{},{},{}\n", r.id, r.low_text, r.high_text, r.at_low, r.at_high, r.swing);
  return out;
}

// A bar while an analysis runs (the error, if it failed).
void progressLine(const AppState& state, bool sensitivity) {
  const std::string status = explainStatus(state, sensitivity);
  if (status.rfind(tr("failed: "), 0) == 0) {
    ImGui::TextColored(errorColor(state.ui.theme), "%s", status.c_str());
    return;
  }
  ImGui::ProgressBar(explainProgress(state, sensitivity), ImVec2(em() * 20.0f, 0.0f), status.c_str());
}

}  // namespace

void drawExplainTab(const AppState& state, UiState& ui) {
  ui.explain.explain_visible = true;  // update() computes what the visible tabs need
  drawTargetPicker(state, ui);
  ImGui::SameLine();
  int split = ui.explain.one_at_a_time ? 1 : 0;
  ImGui::RadioButton(tr("Fair shares"), &split, 0);
  itemTooltip(
      tr("Each lever's Shapley value: its effect averaged over every order in which the changes could be made. "
         "Interactions are shared out between the levers."));
  probeItem("explain/shapley");
  ImGui::SameLine();
  ImGui::RadioButton(tr("Alone + interactions"), &split, 1);
  itemTooltip(tr("Each lever's effect when it alone is changed, and what the levers do together as its own bar."));
  probeItem("explain/alone");
  ui.explain.one_at_a_time = split == 1;

  const cp::Attribution* a = shownAttribution(state);
  if (!a) {
    progressLine(state, false);
    return;
  }
  const chart::Unit unit = targetUnit(state);
  const std::vector<WaterfallBar> bars = waterfallBars(*a, ui.explain.one_at_a_time);
  const double diff = a->difference();
  if (bars.empty()) {
    ImGui::TextDisabled(tr("No lever differs from the file as loaded by %s. Change a lever to see what it does."),
                        state.dash.months.label(ui.view.month));
    return;
  }
  // The export row first, so it stays in view; the PNG crop is last frame's rectangle.
  float* rect = ui.explain.waterfall_rect;
  drawExportRow(ui, &ui.explain.waterfall_export, waterfallCsv(*a, bars), rect, "explain/export");

  // Rows: as loaded, one per bar, your run; they shrink to fit the tab, then scroll.
  ImGui::BeginChild("##waterfall", ImVec2(0, 0), false);
  const int rows = static_cast<int>(bars.size()) + 3;  // + note line
  const float line = ImGui::GetTextLineHeight();
  const float row_h =
      std::round(std::clamp(ImGui::GetContentRegionAvail().y / static_cast<float>(rows), line * 1.1f, line * 1.6f));
  const float width = ImGui::GetContentRegionAvail().x;
  const float label_w = std::min(width * 0.3f, em() * 18.0f);
  const float value_w = em() * 10.0f;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float x0 = top.x + label_w, x1 = top.x + std::max(label_w + em() * 4.0f, width - value_w);
  double lo = std::min(a->base_value, a->variant_value), hi = std::max(a->base_value, a->variant_value);
  double run = a->base_value;
  for (const WaterfallBar& b : bars) {
    run += b.value;
    lo = std::min(lo, run);
    hi = std::max(hi, run);
  }
  const double pad = (hi - lo) * 0.08 + 1e-12 * std::max(1.0, std::fabs(hi));
  lo -= pad;
  hi += pad;
  const auto X = [&](double v) { return x0 + static_cast<float>((v - lo) / (hi - lo)) * (x1 - x0); };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 neutral = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  // Sign, not good or bad (that depends on who is asking): Okabe-Ito sky blue and orange.
  const ImU32 up = IM_COL32(86, 180, 233, 255), down = IM_COL32(230, 159, 0, 255);
  const ImU32 other = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
  auto row = [&](int i, const std::string& label, double from, double to, ImU32 col, const std::string& text,
                 const char* probe) {
    const float y = top.y + row_h * static_cast<float>(i);
    ImGui::SetCursorScreenPos(ImVec2(top.x, y));
    ImGui::InvisibleButton(probe, ImVec2(std::max(1.0f, width), row_h));
    probeItem(probe);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered)
      dl->AddRectFilled(ImVec2(top.x, y), ImVec2(top.x + width, y + row_h),
                        ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
    const float ty = y + (row_h - line) * 0.5f;
    // Cut to its column (the tooltip has it whole), so a long label never runs under the bar.
    dl->AddText(ImVec2(top.x, ty), ImGui::GetColorU32(ImGuiCol_Text),
                chart::elided(label, label_w - em() * 0.5f).c_str());
    const float a0 = X(std::min(from, to)), a1 = std::max(X(std::max(from, to)), a0 + 2.0f);
    dl->AddRectFilled(ImVec2(a0, y + row_h * 0.15f), ImVec2(a1, y + row_h * 0.85f), col, 2.0f);
    dl->AddText(ImVec2(a1 + em() * 0.4f, ty), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    return hovered;
  };
  if (row(0, tr("As loaded"), lo, a->base_value, neutral, chart::formatValue(a->base_value, unit), "explain/start"))
    tooltipLines(tr("The file as loaded"), "", "", "");
  run = a->base_value;
  for (size_t k = 0; k < bars.size(); ++k) {
    const WaterfallBar& b = bars[k];
    const ImU32 col = b.kind == WaterfallBar::Kind::Lever ? (b.value >= 0 ? up : down) : other;
    const std::string share = waterfallShare(bars, k);
    const std::string probe = "explain/bar/" + std::to_string(k);
    if (row(static_cast<int>(k) + 1, tr(b.label), run, run + b.value, col, signedValue(b.value, unit) + share,
            probe.c_str()))
      tooltipLines(tr(b.label) + std::string(": ") + signedValue(b.value, unit) + share, b.from, b.to,
                   tr(b.help) + std::string(share.empty() ? "" : "\n") +
                       (share.empty() ? ""
                                      : tr("The percentage: this bar's part of all the bars' movement, their "
                                           "sizes added whatever their sign.")));
    run += b.value;
  }
  const int last = static_cast<int>(bars.size()) + 1;
  if (row(last, tr("Your run"), lo, a->variant_value, neutral,
          chart::formatValue(a->variant_value, unit) + "  (" + signedValue(diff, unit) + ")", "explain/end"))
    tooltipLines(tr("With your edits"), "", "", "");
  const float bottom = top.y + row_h * static_cast<float>(last + 1);
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
  if (a->sampled)
    ImGui::TextDisabled(tr("Sampled: %d random orders of the levers; each bar is within about 2 standard errors."),
                        a->samples);
  else
    ImGui::TextDisabled(
        tr("Exact: every combination of the changed levers (%d runs). Interactions: %s of the difference."), a->runs,
        diff == 0 ? "0%" : fmt::format("{:.0f}%", 100.0 * a->interactionShare()).c_str());
  rect[0] = top.x - 4.0f;
  rect[1] = top.y - 4.0f;
  rect[2] = top.x + width;
  rect[3] = bottom + line + 4.0f;
  ImGui::EndChild();
}

void drawSensitivityTab(const AppState& state, UiState& ui) {
  ui.explain.sensitivity_visible = true;
  drawTargetPicker(state, ui);
  const cp::Sensitivity* t = shownSensitivity(state);
  if (!t) {
    progressLine(state, true);
    return;
  }
  const chart::Unit unit = targetUnit(state);
  ImGui::SameLine();
  ImGui::TextDisabled(tr("now %s."), chart::formatValue(t->value, unit).c_str());
  itemTooltip(
      tr("Each lever alone at both ends of its declared range for the whole run, the others as they are now. "
         "Click a bar to set that lever to that end; Ctrl+Z undoes it."));
  float* rect = ui.explain.tornado_rect;
  drawExportRow(ui, &ui.explain.tornado_export, tornadoCsv(*t), rect, "sensitivity/export");

  double lo = t->value, hi = t->value;
  for (const cp::SensitivityRow& r : t->rows) {
    lo = std::min({lo, r.at_low, r.at_high});
    hi = std::max({hi, r.at_low, r.at_high});
  }
  const double pad = (hi - lo) * 0.05 + 1e-12 * std::max(1.0, std::fabs(hi));
  lo -= pad;
  hi += pad;
  ImGui::BeginChild("##tornado", ImVec2(0, 0), false);
  const float line = ImGui::GetTextLineHeight();
  const float row_h = std::round(line * 1.3f);
  const float width = ImGui::GetContentRegionAvail().x;
  const float label_w = std::min(width * 0.28f, em() * 17.0f), value_w = em() * 6.0f;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float x0 = top.x + label_w + value_w, x1 = top.x + std::max(label_w + value_w * 2 + em() * 4, width - value_w);
  const auto X = [&](double v) { return x0 + static_cast<float>((v - lo) / (hi - lo)) * (x1 - x0); };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 low_col = chart::paletteColor(1), high_col = chart::paletteColor(0);  // sky blue, orange
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  for (size_t i = 0; i < t->rows.size(); ++i) {
    const cp::SensitivityRow& r = t->rows[i];
    const float y = top.y + row_h * static_cast<float>(i);
    const float ty = y + (row_h - line) * 0.5f;
    const cp::Lever& l = lever(state.doc, r.lever);
    dl->AddText(ImVec2(top.x, ty), text,
                chart::elided(l.label.empty() ? r.id : std::string(tr(l.label)), label_w - em() * 0.5f).c_str());
    const float c = X(t->value);
    const float d[2] = {X(r.at_low) - c, X(r.at_high) - c};
    // The longer bar first, so a shorter one on the same side stays visible on top.
    const int order[2] = {std::fabs(d[0]) >= std::fabs(d[1]) ? 0 : 1, std::fabs(d[0]) >= std::fabs(d[1]) ? 1 : 0};
    for (int end : order) {
      const float de = d[end], other = d[1 - end];
      float a0 = std::min(c, c + de), a1 = std::max(c, c + de);
      // A label at the bar's outer end when it has one of its own; else beside the
      // centre line, away from the other bar.
      const bool outer = std::fabs(de) >= 3.0f && ((de > 0) != (other > 0) || std::fabs(de) >= std::fabs(other));
      const bool left = outer ? de < 0 : (other != 0 ? other > 0 : end == 0);
      if (a1 - a0 < 3.0f) {  // clickable even with no swing
        if (left)
          a0 = a1 - 3.0f;
        else
          a1 = a0 + 3.0f;
      }
      ImGui::SetCursorScreenPos(ImVec2(a0, y));
      const std::string id = fmt::format("sensitivity/{}/{}", end == 0 ? "low" : "high", i);
      const bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(std::max(1.0f, a1 - a0), row_h));
      probeItem(id.c_str());
      const bool hovered = ImGui::IsItemHovered();
      dl->AddRectFilled(ImVec2(a0, y + row_h * 0.15f), ImVec2(a1, y + row_h * 0.85f),
                        (end == 0 ? low_col : high_col) & (hovered ? 0xFFFFFFFFu : 0xC0FFFFFFu), 2.0f);
      const double v = end == 0 ? r.at_low : r.at_high;
      const std::string end_text = sensitivityEndText(*state.doc.loaded, r, end == 1);
      if (hovered)
        tooltipLines(fmt::format("{} = {}: {}", l.label.empty() ? r.id.c_str() : tr(l.label), end_text,
                                 chart::formatValue(v, unit)),
                     "", "", tr("Click to set the lever to this end (Ctrl+Z undoes it). ") + std::string(tr(l.help)));
      if (clicked) ui.commands.push_back(SetLever{r.lever, end == 0 ? r.low : r.high, false});
      const ImVec2 size = ImGui::CalcTextSize(end_text.c_str());
      const float lx = outer ? (left ? a0 - size.x - 4.0f : a1 + 4.0f) : (left ? c - size.x - 6.0f : c + 6.0f);
      dl->AddText(ImVec2(lx, ty), end == 0 ? low_col : high_col, end_text.c_str());
    }
  }
  const float bottom = top.y + row_h * static_cast<float>(t->rows.size());
  dl->AddLine(ImVec2(X(t->value), top.y), ImVec2(X(t->value), bottom), text, 1.0f);
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + 2.0f));
  ImGui::TextDisabled(
      "%s", tr("Blue: the lever at its low end (off, minimum, earliest); orange: its high end (on, maximum, never)."));
  rect[0] = top.x - 4.0f;
  rect[1] = top.y - 4.0f;
  rect[2] = top.x + width;
  rect[3] = bottom + line + 6.0f;
  ImGui::EndChild();
}

}  // namespace cp::app
