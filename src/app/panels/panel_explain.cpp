// The Explain tab (a waterfall from "as loaded" to "your run", one bar per changed lever),
// the same waterfall as presenter mode's first chart page, and the Sensitivity tab (a
// tornado over every lever; click a bar to set that lever to that end). The analyses run
// in the background (explain.h); this file only draws.
#include "app/panels/panels.h"

#include "app/classroom/workshop_mode.h"
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
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include <fmt/format.h>

namespace cp::app {

namespace {

std::string signedValue(double v, chart::Unit unit) {
  std::string out(v < 0 ? "-" : "+");
  out += chart::formatValue(std::fabs(v), unit);
  return out;
}

const TargetChoice* findTarget(const std::vector<TargetChoice>& choices, const ExplainTarget& target) {
  for (const TargetChoice& c : choices)
    if (c.target == target) return &c;
  return nullptr;
}

chart::Unit targetUnit(const AppState& state) {
  const auto choices = explainTargets(*state.doc.loaded);
  const TargetChoice* c = findTarget(choices, state.ui.explain.target);
  return c ? c->unit : chart::Unit::None;
}

// A value axis for a bar chart of rows: round ticks covering [lo, hi] (its ends are the
// first and last tick), as many as fit about one per 7 em of `pixels`.
std::vector<double> axisTicks(double lo, double hi, float pixels) {
  const int target = std::clamp(static_cast<int>(pixels / (em() * 7.0f)), 2, 6);
  return chart::niceTicks(lo, hi, target, false);
}

// Faint grid lines through the rows and tick labels centred on them at `label_y` (compact
// numbers; the unit is named beside the axis) at every tick, or every 2nd, 3rd... when
// neighbouring labels would come closer than an em (the presenter face and Ukrainian's
// "500 тис." are wide): the axis keeps its range, so bars keep their length, and both its
// ends keep their labels. The k-th label drawn is recorded as "<probe>/tick/<k>" for
// tests. Returns the right end of the last label.
template <class ToX>
float drawValueAxis(ImDrawList* dl, const std::vector<double>& ticks, const ToX& to_x, float grid_top,
                    float grid_bottom, float label_y, chart::Unit unit, const std::string& probe) {
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 0.0;
  const size_t n = ticks.size();
  std::vector<std::string> texts(n);
  std::vector<float> xs(n), widths(n);
  size_t every = 1;
  for (; every < std::max<size_t>(n, 2); ++every) {
    if ((n - 1) % every != 0) continue;  // the last tick labelled too
    for (size_t k = 0; k < n; k += every) {
      xs[k] = std::round(to_x(ticks[k])) + 0.5f;
      texts[k] = chart::formatTick(ticks[k], unit, step * static_cast<double>(every));
      widths[k] = ImGui::CalcTextSize(texts[k].c_str()).x;
    }
    bool apart = true;
    for (size_t k = every; k < n && apart; k += every)
      apart = xs[k - every] + widths[k - every] * 0.5f + em() <= xs[k] - widths[k] * 0.5f;
    if (apart) break;
  }
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.35f);
  const ImU32 label = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float right = 0.0f;
  for (size_t k = 0; k < n; k += every) {
    dl->AddLine(ImVec2(xs[k], grid_top), ImVec2(xs[k], grid_bottom), grid, 1.0f);
    const ImVec2 at(xs[k] - widths[k] * 0.5f, label_y);
    dl->AddText(at, label, texts[k].c_str());
    right = at.x + widths[k];
    probeRect((probe + "/tick/" + std::to_string(k / every)).c_str(), at,
              ImVec2(right, at.y + ImGui::GetTextLineHeight()));
  }
  return right;
}

// "in 2028-06", the month the pickers' analyses are of.
std::string targetMonthText(const AppState& state) {
  char text[96];
  std::snprintf(text, sizeof text, tr("in %s"), state.dash.months.label(state.ui.view.month));
  return text;
}

// The picker and the month after it (the picker is room for the export row beside it at 1280 wide).
float targetPickerWidth(const AppState& state) {
  return em() * 18.0f + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(targetMonthText(state).c_str()).x;
}

// The KPI or series picker shared by both tabs; the month after it, on the next line when
// the line has no room for it.
void drawTargetPicker(const AppState& state, UiState& ui) {
  const auto choices = explainTargets(*state.doc.loaded);
  std::string current = "?";
  for (const TargetChoice& c : choices)
    if (c.target == ui.explain.target) current = c.label;
  ImGui::SetNextItemWidth(em() * 18.0f);
  if (ImGui::BeginCombo("##explainTarget", current.c_str())) {
    for (size_t i = 0; i < choices.size(); ++i) {
      if (i == kpiSpecs().size()) ImGui::Separator();
      if (ImGui::Selectable(choices[i].label.c_str(), choices[i].target == ui.explain.target))
        ui.explain.target = choices[i].target;
    }
    ImGui::EndCombo();
  }
  probeItem("explain/target");
  const std::string month = targetMonthText(state);
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(month.c_str()).x <= right)
    ImGui::SameLine();
  ImGui::TextUnformatted(month.c_str());
  probeItem("explain/month");
}

// "Export: [name] [CSV] [PNG]" writing name.csv / name.png; the PNG is of the chart drawn
// whole for it (drawCapture, ui_common.h), `rect` (last frame's on screen) until then.
// On the line of the controls when it fits there, else on a line of its own (a 720p
// projector in Ukrainian has no room for it beside them).
void drawExportRow(UiState& ui, std::string* base, const std::string& csv, const float rect[4], Capture capture,
                   const char* probe) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* label = tr("  Export:");
  const float field_w = em() * 7.0f;  // the name of a file, not a path: 720 lines keep it beside the picker
  const float need = ImGui::CalcTextSize(label).x + field_w + ImGui::CalcTextSize(tr("CSV")).x +
                     ImGui::CalcTextSize(tr("PNG")).x + style.FramePadding.x * 4.0f + style.ItemSpacing.x * 4.0f;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (right - ImGui::GetItemRectMax().x >= need) ImGui::SameLine();
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(field_w);
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
    requestCapture(ui, capture, *base + ".png", rect);
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

// "■ low end  ■ high end" in the bars' colours at `at`, within `width`; hovering it gives
// the whole legend.
void drawTornadoKey(ImVec2 at, float width, ImU32 low_col, ImU32 high_col) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight(), box = std::round(line * 0.7f);
  float x = at.x;
  const char* names[2] = {tr("low end"), tr("high end")};
  for (int end = 0; end < 2; ++end) {
    const ImU32 col = end == 0 ? low_col : high_col;
    const float y = at.y + (line - box) * 0.5f;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + box, y + box), col, 2.0f);
    x += box + em() * 0.3f;
    const std::string text = chart::elided(names[end], std::max(0.0f, at.x + width - x));
    dl->AddText(ImVec2(x, at.y), col, text.c_str());
    x += ImGui::CalcTextSize(text.c_str()).x + em() * 0.8f;
  }
  const ImVec2 max(std::min(x, at.x + width), at.y + line);
  probeRect("sensitivity/key", at, max);
  if (ImGui::IsMouseHoveringRect(at, max)) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(
        tr("Blue: the lever at its low end (off, minimum, earliest); orange: its high end (on, maximum, never)."));
    ImGui::EndTooltip();
  }
}

void drawTornadoLegend() {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled(
      "%s", tr("Blue: the lever at its low end (off, minimum, earliest); orange: its high end (on, maximum, never)."));
  ImGui::PopTextWrapPos();
  probeItem("sensitivity/legend");
}

// A picture's first line: what is measured and when (the tab has the picker for it); the
// tornado adds its centre value.
void drawCaptureTitle(const AppState& state, const UiState& ui, const std::string& now) {
  const auto choices = explainTargets(*state.doc.loaded);
  const TargetChoice* target = findTarget(choices, ui.explain.target);
  ImGui::TextUnformatted(target ? target->label.c_str() : "");
  ImGui::SameLine();
  ImGui::Text(tr("in %s"), state.dash.months.label(ui.view.month));
  if (!now.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled(tr("now %s."), now.c_str());
  }
}

// A waterfall row's most height, in lines: the tab's rows stay compact under the charts;
// the presenter page's rows grow into the height it has (a 1080p projector's page is tall),
// their bars no thicker than kBarLines (then the rows are spaced out).
constexpr float kTabRowLines = 1.6f, kPageRowLines = 8.0f, kBarLines = 2.5f;

// The waterfall at the cursor: rows (as loaded, one per bar, your run) sharing the
// window's height, from 1.1 lines each up to `max_row_lines`, the value axis, the note.
// `rect` gets its rectangle (screen px).
void drawWaterfall(const AppState& state, const cp::Attribution& a, const std::vector<WaterfallBar>& bars,
                   chart::Unit unit, float max_row_lines, float* rect) {
  const double diff = a.difference();
  const float line = ImGui::GetTextLineHeight();
  const float width = ImGui::GetContentRegionAvail().x;
  char note[320];
  if (a.sampled)
    std::snprintf(note, sizeof note,
                  tr("Sampled: %d random orders of the levers; each bar is within about 2 standard errors."),
                  a.samples);
  else
    std::snprintf(note, sizeof note,
                  tr("Exact: every combination of the changed levers (%d runs). Interactions: %s of the difference."),
                  a.runs, interactionsShareText(diff == 0 ? 0.0 : a.interactionShare()).c_str());
  const float below = line + 4.0f + ImGui::CalcTextSize(note, nullptr, false, width).y + 4.0f;
  // The columns as wide as their words (presenter mode's face and Ukrainian are wider),
  // the labels' up to 45% of the width (then cut, the tooltip has them whole).
  const std::string end_text = chart::formatValue(a.variant_value, unit) + "  (" + signedValue(diff, unit) + ")";
  float label_w = ImGui::CalcTextSize(tr("Your run")).x;
  float value_w = std::max(ImGui::CalcTextSize(end_text.c_str()).x,
                           ImGui::CalcTextSize(chart::formatValue(a.base_value, unit).c_str()).x);
  label_w = std::max(label_w, ImGui::CalcTextSize(tr("As loaded")).x);
  for (size_t k = 0; k < bars.size(); ++k) {
    label_w = std::max(label_w, ImGui::CalcTextSize(tr(bars[k].label)).x);
    value_w =
        std::max(value_w, ImGui::CalcTextSize((signedValue(bars[k].value, unit) + waterfallShare(bars, k)).c_str()).x);
  }
  label_w = std::min(label_w + em() * 1.0f, width * 0.45f);
  value_w += em() * 1.0f;
  // The rows (as loaded, the bars, your run) share what the axis labels and the note leave;
  // a label too long for its column takes two lines, and its row their height, where the
  // others keep 1.1 lines (presenter mode), else it is cut (the tooltip has it whole).
  std::vector<std::string> labels = {tr("As loaded")};
  for (const WaterfallBar& b : bars) labels.emplace_back(tr(b.label));
  labels.emplace_back(tr("Your run"));
  const float rows_room = ImGui::GetContentRegionAvail().y - below, label_room = label_w - em() * 0.5f;
  std::vector<std::vector<std::string>> lines(labels.size());
  int two = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    lines[i] = chart::wrapped(labels[i], label_room, 2);
    two += lines[i].size() > 1 ? 1 : 0;
  }
  const int rows = static_cast<int>(labels.size());
  const bool wrap = two > 0 && (rows_room - two * line * 2.0f) / static_cast<float>(rows - two) >= line * 1.1f;
  const float row_h = std::floor(
      std::clamp((rows_room - (wrap ? two * line * 2.0f : 0.0f)) / static_cast<float>(wrap ? rows - two : rows),
                 line * 1.1f, line * std::max(1.1f, max_row_lines)));
  std::vector<float> row_y(labels.size() + 1), row_hs(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    if (!wrap && lines[i].size() > 1) lines[i] = chart::wrapped(labels[i], label_room, 1);  // no room: cut
    row_hs[i] = lines[i].size() > 1 ? std::max(row_h, line * 2.0f) : row_h;
    row_y[i + 1] = row_y[i] + row_hs[i];
  }
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float x0 = top.x + label_w, x1 = top.x + std::max(label_w + em() * 4.0f, width - value_w);
  // Bar lengths are values: the scale starts at zero (the totals are drawn from it), so
  // -7% looks like -7%. Small steps keep a visible minimum width; their labels say how much.
  double lo = std::min({0.0, a.base_value, a.variant_value}), hi = std::max({0.0, a.base_value, a.variant_value});
  double run = a.base_value;
  for (const WaterfallBar& b : bars) {
    run += b.value;
    lo = std::min(lo, run);
    hi = std::max(hi, run);
  }
  const std::vector<double> ticks = axisTicks(lo, hi, x1 - x0);
  lo = ticks.front();
  hi = ticks.back();
  const auto X = [&](double v) { return x0 + static_cast<float>((v - lo) / (hi - lo)) * (x1 - x0); };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int last = static_cast<int>(bars.size()) + 1;
  const float rows_bottom = top.y + row_y[static_cast<size_t>(last) + 1];
  const float ticks_right = drawValueAxis(dl, ticks, X, top.y, rows_bottom, rows_bottom + 2.0f, unit, "explain");
  // The unit beside the axis's end, after the last tick's label however wide that is.
  if (const char* name = chart::unitName(unit); unit != chart::Unit::Share && name[0]) {
    const ImVec2 at(std::max(x1 + em() * 1.5f, ticks_right + em() * 0.6f), rows_bottom + 2.0f);
    dl->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), name);
    probeRect("explain/unit", at, ImVec2(at.x + ImGui::CalcTextSize(name).x, at.y + line));
  }
  const ImU32 neutral = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  // Sign, not good or bad (that depends on who is asking): Okabe-Ito sky blue and orange.
  const ImU32 up = IM_COL32(86, 180, 233, 255), down = IM_COL32(230, 159, 0, 255);
  const ImU32 other = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
  const float min_w = std::max(3.0f, std::round(em() * 0.25f));
  auto row = [&](int i, double from, double to, ImU32 col, const std::string& text, const char* probe) {
    const float y = top.y + row_y[static_cast<size_t>(i)], row_h = row_hs[static_cast<size_t>(i)];
    ImGui::SetCursorScreenPos(ImVec2(top.x, y));
    ImGui::InvisibleButton(probe, ImVec2(std::max(1.0f, width), row_h));
    probeItem(probe);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered)
      dl->AddRectFilled(ImVec2(top.x, y), ImVec2(top.x + width, y + row_h),
                        ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
    const float ty = y + (row_h - line) * 0.5f;
    const std::vector<std::string>& label = lines[static_cast<size_t>(i)];
    float label_right = top.x;
    const float ly = y + (row_h - line * static_cast<float>(label.size())) * 0.5f;
    for (size_t l = 0; l < label.size(); ++l) {
      dl->AddText(ImVec2(top.x, ly + line * static_cast<float>(l)), ImGui::GetColorU32(ImGuiCol_Text),
                  label[l].c_str());
      label_right = std::max(label_right, top.x + ImGui::CalcTextSize(label[l].c_str()).x);
    }
    probeRect((std::string(probe) + "/label").c_str(), ImVec2(top.x, ly),
              ImVec2(label_right, ly + line * static_cast<float>(label.size())));
    if (label.back().ends_with("...") && !labels[static_cast<size_t>(i)].ends_with("..."))
      probeRect((std::string(probe) + "/label_cut").c_str(), ImVec2(top.x, ly), ImVec2(label_right, ly + line));
    float a0 = X(std::min(from, to)), a1 = X(std::max(from, to));
    if (a1 - a0 < min_w && from != to) {  // grows the way the value moves
      if (to > from)
        a1 = a0 + min_w;
      else
        a0 = a1 - min_w;
    }
    const float bar_h = std::min(row_h * 0.7f, line * kBarLines), bar_y = y + (row_h - bar_h) * 0.5f;
    const ImVec2 bar_min(a0, bar_y), bar_max(std::max(a1, a0 + 1.0f), bar_y + bar_h);
    dl->AddRectFilled(bar_min, bar_max, col, 2.0f);
    probeRect((std::string(probe) + "/bar").c_str(), bar_min, bar_max);
    const ImVec2 value_at(bar_max.x + em() * 0.4f, ty), value_size = ImGui::CalcTextSize(text.c_str());
    dl->AddText(value_at, ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    probeRect((std::string(probe) + "/value").c_str(), value_at,
              ImVec2(value_at.x + value_size.x, value_at.y + value_size.y));
    return hovered;
  };
  if (row(0, 0.0, a.base_value, neutral, chart::formatValue(a.base_value, unit), "explain/start"))
    tooltipLines(tr("The file as loaded"), "", "", "");
  run = a.base_value;
  for (size_t k = 0; k < bars.size(); ++k) {
    const WaterfallBar& b = bars[k];
    const ImU32 col = b.kind == WaterfallBar::Kind::Lever ? (b.value >= 0 ? up : down) : other;
    const std::string share = waterfallShare(bars, k);
    const std::string probe = "explain/bar/" + std::to_string(k);
    if (row(static_cast<int>(k) + 1, run, run + b.value, col, signedValue(b.value, unit) + share, probe.c_str()))
      tooltipLines(tr(b.label) + std::string(": ") + signedValue(b.value, unit) + share,
                   waterfallEndText(*state.doc.loaded, b, false), waterfallEndText(*state.doc.loaded, b, true),
                   tr(b.help) + std::string(share.empty() ? "" : "\n") +
                       (share.empty() ? ""
                                      : tr("The percentage: this bar's part of all the bars' movement, their "
                                           "sizes added whatever their sign.")));
    run += b.value;
  }
  if (row(last, 0.0, a.variant_value, neutral, end_text, "explain/end"))
    tooltipLines(tr("With your edits"), "", "", "");
  const float bottom = rows_bottom + line + 4.0f;  // under the axis labels
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
  ImGui::PushTextWrapPos(0.0f);  // the presenter face needs two lines at 720p
  ImGui::TextDisabled("%s", note);
  ImGui::PopTextWrapPos();
  probeItem("explain/note");
  rect[0] = top.x - 4.0f;
  rect[1] = top.y - 4.0f;
  rect[2] = top.x + width;
  rect[3] = ImGui::GetItemRectMax().y + 4.0f;
}

// The tornado at the cursor: the axis row (what is measured, its unit and month, tick
// values), then a row per lever. `rect` gets its rectangle (screen px).
void drawTornado(const AppState& state, UiState& ui, const cp::Sensitivity& t, chart::Unit unit, float* rect) {
  double lo = t.value, hi = t.value;
  for (const cp::SensitivityRow& r : t.rows) {
    lo = std::min({lo, r.at_low, r.at_high});
    hi = std::max({hi, r.at_low, r.at_high});
  }
  const double pad = (hi - lo) * 0.05 + 1e-12 * std::max(1.0, std::fabs(hi));
  const float line = ImGui::GetTextLineHeight();
  const float row_h = std::round(line * 1.3f);
  // A row whose two bars point the same way gets a lane for each, so each bar's label
  // sits at its own end without covering the other bar.
  const float lane_h = std::round(line * 1.15f);
  const float width = ImGui::GetContentRegionAvail().x;
  const float label_w = std::min(width * 0.28f, em() * 17.0f), value_w = em() * 6.0f;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float x0 = top.x + label_w + value_w, x1 = top.x + std::max(label_w + value_w * 2 + em() * 4, width - value_w);
  const std::vector<double> ticks = axisTicks(lo - pad, hi + pad, x1 - x0);
  lo = ticks.front();
  hi = ticks.back();
  const auto X = [&](double v) { return x0 + static_cast<float>((v - lo) / (hi - lo)) * (x1 - x0); };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 low_col = chart::paletteColor(1), high_col = chart::paletteColor(0);  // sky blue, orange
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const float c = X(t.value);
  // The axis row: the colour key (what is measured and when is the line above), then the
  // tick values. One line, so a 720-line screen keeps its rows for the levers.
  drawTornadoKey(ImVec2(top.x, top.y), label_w + value_w - em() * 0.5f, low_col, high_col);
  const float rows_top = top.y + row_h;
  std::vector<float> row_y(t.rows.size() + 1, rows_top);
  std::vector<std::array<float, 2>> d(t.rows.size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    d[i] = {X(t.rows[i].at_low) - c, X(t.rows[i].at_high) - c};
    const bool split = std::fabs(d[i][0]) >= 3.0f && std::fabs(d[i][1]) >= 3.0f && (d[i][0] > 0) == (d[i][1] > 0);
    row_y[i + 1] = row_y[i] + (split ? lane_h * 2.0f : row_h);
  }
  const float bottom = row_y.back();
  drawValueAxis(dl, ticks, X, rows_top, bottom, top.y, unit, "sensitivity");
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const cp::SensitivityRow& r = t.rows[i];
    const float y = row_y[i], h = row_y[i + 1] - row_y[i];
    const bool split = h != row_h;
    const cp::Lever& l = lever(state.doc, r.lever);
    dl->AddText(ImVec2(top.x, y + (h - line) * 0.5f), text,
                chart::elided(l.label.empty() ? r.id : std::string(tr(l.label)), label_w - em() * 0.5f).c_str());
    // The longer bar first, so in a shared lane a shorter one on the same side stays on top.
    const int order[2] = {std::fabs(d[i][0]) >= std::fabs(d[i][1]) ? 0 : 1,
                          std::fabs(d[i][0]) >= std::fabs(d[i][1]) ? 1 : 0};
    for (int end : order) {
      const float de = d[i][end], other = d[i][1 - end];
      const float by = split ? y + lane_h * static_cast<float>(end) : y, bh = split ? lane_h : row_h;
      float a0 = std::min(c, c + de), a1 = std::max(c, c + de);
      // The label at the bar's outer end; a bar with no swing points away from the other.
      const bool left = std::fabs(de) >= 3.0f ? de < 0 : (std::fabs(other) >= 3.0f ? other > 0 : end == 0);
      if (a1 - a0 < 3.0f) {  // clickable even with no swing
        if (left)
          a0 = a1 - 3.0f;
        else
          a1 = a0 + 3.0f;
      }
      ImGui::SetCursorScreenPos(ImVec2(a0, by));
      const std::string id = fmt::format("sensitivity/{}/{}", end == 0 ? "low" : "high", i);
      const bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(std::max(1.0f, a1 - a0), bh));
      probeItem(id.c_str());
      const bool hovered = ImGui::IsItemHovered();
      dl->AddRectFilled(ImVec2(a0, by + bh * 0.15f), ImVec2(a1, by + bh * 0.85f),
                        (end == 0 ? low_col : high_col) & (hovered ? 0xFFFFFFFFu : 0xC0FFFFFFu), 2.0f);
      const double v = end == 0 ? r.at_low : r.at_high;
      const std::string end_text = sensitivityEndText(*state.doc.loaded, r, end == 1);
      if (hovered)
        tooltipLines(fmt::format("{} = {}: {}", l.label.empty() ? r.id.c_str() : tr(l.label), end_text,
                                 chart::formatValue(v, unit)),
                     "", "", tr("Click to set the lever to this end (Ctrl+Z undoes it). ") + std::string(tr(l.help)));
      if (clicked) ui.commands.push_back(SetLever{r.lever, end == 0 ? r.low : r.high, false});
      const ImVec2 size = ImGui::CalcTextSize(end_text.c_str());
      const ImVec2 at(left ? a0 - size.x - 4.0f : a1 + 4.0f, by + (bh - line) * 0.5f);
      dl->AddText(at, end == 0 ? low_col : high_col, end_text.c_str());
      probeRect((id + "/label").c_str(), at, ImVec2(at.x + size.x, at.y + size.y));
    }
  }
  dl->AddLine(ImVec2(c, rows_top), ImVec2(c, bottom), text, 1.0f);
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
  ImGui::Dummy(ImVec2(1.0f, line * 0.5f));
  rect[0] = top.x - 4.0f;
  rect[1] = top.y - 4.0f;
  rect[2] = top.x + width;
  rect[3] = bottom + 6.0f;
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
  if (bars.empty()) {
    ImGui::TextDisabled(tr("No lever differs from the file as loaded by %s. Change a lever to see what it does."),
                        state.dash.months.label(ui.view.month));
    return;
  }
  // The export row first, so it stays in view; the PNG crop is last frame's rectangle.
  float* rect = ui.explain.waterfall_rect;
  drawExportRow(ui, &ui.explain.waterfall_export, waterfallCsv(*a, bars), rect, Capture::Waterfall, "explain/export");

  ImGui::BeginChild("##waterfall", ImVec2(0, 0), false);
  drawWaterfall(state, *a, bars, unit, kTabRowLines, ui.explain.waterfall_rect);
  ImGui::EndChild();
  const float lines = static_cast<float>(bars.size()) * 1.1f + 6.5f;
  drawCapture(ui, Capture::Waterfall, ui.explain.waterfall_export + ".png",
              ImVec2(0.0f, lines * ImGui::GetTextLineHeight()), [&](float* out) {
                drawCaptureTitle(state, ui, "");
                drawWaterfall(state, *a, bars, unit, kTabRowLines, out);
              });
}

bool waterfallPageOffered(const AppState& state) {
  return state.ui.presenter && !workshopActive(state) && changedLeverCount(state.doc) > 0;
}

void drawWaterfallPage(const AppState& state, UiState& ui) {
  ui.explain.explain_visible = true;  // the same analysis the tab shows, computed once for both
  ImGui::SameLine();
  // What the page is, when the line has room for it beside the picker and its month (a
  // 720p projector in Ukrainian has not: then the picker's tooltip says it).
  const char* caption = tr("which lever did what:");
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const bool captioned = ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(caption).x +
                             ImGui::GetStyle().ItemSpacing.x + targetPickerWidth(state) <=
                         right;
  ImGui::BeginGroup();
  if (captioned) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", caption);
    ImGui::SameLine();
  }
  drawTargetPicker(state, ui);
  ImGui::EndGroup();
  probeItem("explain/page");
  if (!captioned) itemTooltip(tr("Which lever did what"));
  const cp::Attribution* a = shownAttribution(state);
  if (!a) {
    progressLine(state, false);
    return;
  }
  const std::vector<WaterfallBar> bars = waterfallBars(*a, ui.explain.one_at_a_time);
  ImGui::BeginChild("##waterfallPage", ImVec2(0, 0), false);
  float rect[4];
  drawWaterfall(state, *a, bars, targetUnit(state), kPageRowLines, rect);
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
  drawExportRow(ui, &ui.explain.tornado_export, tornadoCsv(*t), rect, Capture::Tornado, "sensitivity/export");
  // The colour key is on the axis row (the PNG has the whole legend line).
  ImGui::BeginChild("##tornado", ImVec2(0, 0), false);
  probeWindow("sensitivity/rows");
  drawTornado(state, ui, *t, unit, ui.explain.tornado_rect);
  ImGui::EndChild();
  int same_side = 0;
  for (const cp::SensitivityRow& r : t->rows) same_side += (r.at_low - t->value) * (r.at_high - t->value) > 0 ? 1 : 0;
  const float lines = static_cast<float>(t->rows.size()) * 1.3f + static_cast<float>(same_side) + 7.0f;
  drawCapture(ui, Capture::Tornado, ui.explain.tornado_export + ".png",
              ImVec2(0.0f, lines * ImGui::GetTextLineHeight()), [&](float* out) {
                drawCaptureTitle(state, ui, chart::formatValue(t->value, unit));
                drawTornadoLegend();
                drawTornado(state, ui, *t, unit, out);
              });
}

}  // namespace cp::app
