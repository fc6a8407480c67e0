// KPI cards for the scrubber month, one row: the title, the value large (about twice the
// title's size, its unit small beside it), and on its own line the change against the
// scenario as loaded. Arrows are neutral: which way is good depends on who is asking. In a
// workshop the team in view colours them by its objectives (better / worse, in words too).
// With uncertainty bands on, the value carries its p10-p90 range.
#include "app/panels/panels.h"

#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/classroom/workshop_mode.h"
#include "app/core/tr.h"
#include "i18n/format.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace cp::app {

namespace {

// Dim text, or its short form when a longer translation would be cut at the card's edge.
void dimFitting(const char* text, const char* short_text) {
  const bool fits = ImGui::CalcTextSize(text).x <= ImGui::GetContentRegionAvail().x;
  ImGui::TextDisabled("%s", fits ? text : short_text);
  if (!fits) itemTooltip(text);
}

// "1.2M H100e" -> "1.2M", "14 mo" -> "14"; "$1.5bn" and "35%" stay whole.
std::string kpiNumber(const std::string& formatted) {
  const size_t space = formatted.find(' ');
  return space == std::string::npos ? formatted : formatted.substr(0, space);
}

// "+1.2k" / "+3.0 pp" (shares change in percentage points); the unit is by the value.
std::string formatDelta(double delta, chart::Unit unit) {
  char buf[64];
  if (unit == chart::Unit::Share) {
    std::snprintf(buf, sizeof buf, tr("%+.1f pp"), delta * 100.0);
    return cp::i18n::localizeNumber(buf);  // "+3,0 в. п."
  }
  std::string out(delta < 0 ? "-" : "+");
  out += kpiNumber(chart::formatValue(std::fabs(delta), unit));
  return out;
}

// Below half a percent (or 0.1 percentage point for shares) a change is noise to a class.
bool negligible(double delta, double base, chart::Unit unit) {
  if (unit == chart::Unit::Share) return std::fabs(delta) < 0.001;
  return std::fabs(base) > 0 && std::fabs(delta) < 0.005 * std::fabs(base);
}

// The open workshop team's objective on this KPI's series, if it has one.
const cp::Objective* teamObjective(const AppState& state, const KpiSpec& spec, std::string* team) {
  if (!workshopActive(state)) return nullptr;
  const auto& w = *state.classroom.workshop.workshop;
  const int t = state.ui.view.workshop_team;
  if (t < 0 || t >= static_cast<int>(w.teams.size())) return nullptr;
  for (const cp::Objective& o : w.teams[static_cast<size_t>(t)].objectives)
    if (o.scope == spec.series.scope && o.id == spec.series.id && o.metric == spec.series.metric) {
      *team = w.teams[static_cast<size_t>(t)].name;
      return &o;
    }
  return nullptr;
}

struct CardFonts {
  ImFont* label;  // title and change
  ImFont* value;  // the number, about twice the label
};

// Titles in the theme's face when about ten of its em fit a card's line, else in the
// regular face (at most two lines either way); values about twice the title's size.
CardFonts cardFonts(const AppState& state, float width) {
  ImFont* theme = ImGui::GetFont();
  ImFont* label = theme;
  if (width - ImGui::GetStyle().WindowPadding.x * 2.0f < theme->FontSize * 10.0f && state.ui.fonts.regular)
    label = state.ui.fonts.regular;
  ImFont* value = label->FontSize >= kLargeFontSizePx - 0.5f ? state.ui.fonts.kpi_large : state.ui.fonts.kpi;
  return {label, value ? value : label};
}

// Two title lines, the value, the change (and the range when bands are on).
float rowHeight(const CardFonts& f, bool ranges) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = f.label->FontSize + style.ItemSpacing.y;
  return line * (ranges ? 4.0f : 3.0f) + f.value->FontSize + style.ItemSpacing.y + style.WindowPadding.y * 2.0f;
}

void drawCard(const AppState& state, UiState& ui, size_t k, float width, float height, const CardFonts& fonts,
              const KpiRange& range) {
  const KpiSpec& spec = kpiSpecs()[k];
  const KpiData& data = state.dash.kpis[k];
  const int t = ui.view.month;
  ImGui::BeginChild(spec.id, ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushFont(fonts.label);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", tr(spec.title));
  ImGui::PopTextWrapPos();
  probeItem((std::string("kpi/") + spec.id + "/title").c_str());

  const double now = data.available ? kpiValue(spec, data.current, t) : NAN;
  const double base = data.available && !data.baseline.empty() ? kpiValue(spec, data.baseline, t) : NAN;
  const std::string formatted = chart::formatValue(now, spec.unit);
  const std::string number = kpiNumber(formatted), suffix = formatted.substr(number.size());
  // Leave the title's last line room below; the value sits at a fixed height in every card.
  // The value's line sits at the same height in every card, below the longest title.
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetCursorPosY(
      std::max(ImGui::GetCursorPosY(), style.WindowPadding.y + 2.0f * (fonts.label->FontSize + style.ItemSpacing.y)));
  ImGui::PushFont(fonts.value);
  const bool fits = ImGui::CalcTextSize(number.c_str()).x <= ImGui::GetContentRegionAvail().x;
  if (!fits) {  // a narrow card: never clip the value
    ImGui::PopFont();
    ImGui::PushFont(fonts.label);
  }
  ImGui::TextUnformatted(number.c_str());
  ImGui::PopFont();
  probeItem((std::string("kpi/") + spec.id).c_str());
  const float below_value = ImGui::GetCursorPosY();
  if (!suffix.empty() && ImGui::GetItemRectMax().x + ImGui::CalcTextSize(suffix.c_str()).x <
                             ImGui::GetWindowPos().x + width - ImGui::GetStyle().WindowPadding.x) {
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (fits ? fonts.value->Ascent - fonts.label->Ascent : 0.0f));  // one baseline
    ImGui::TextDisabled("%s", suffix.c_str());
    probeItem((std::string("kpi/") + spec.id + "/unit").c_str());
    ImGui::SetCursorPosY(below_value);  // the change line at the same height in every card
  }

  std::string team;
  const cp::Objective* objective = teamObjective(state, spec, &team);
  const double delta = now - base;
  const double scale = std::max(std::fabs(base), std::fabs(now));
  if (!std::isfinite(delta)) {
    ImGui::TextDisabled(" ");
  } else if (std::fabs(delta) <= 1e-9 * std::max(scale, 1.0)) {
    dimFitting(tr("= as loaded"), "=");
  } else if (negligible(delta, base, spec.unit)) {
    dimFitting(tr("\xe2\x89\x88 as loaded"), "\xe2\x89\x88");  // ≈
  } else {
    std::string text(delta > 0 ? "\xe2\x96\xb2 " : "\xe2\x96\xbc ");  // ▲ ▼
    text += formatDelta(delta, spec.unit);
    if (std::fabs(base) > 1e-12 && spec.unit != chart::Unit::Share) {
      char pct[32];
      const double relative = 100.0 * delta / std::fabs(base);
      std::snprintf(pct, sizeof pct, std::fabs(relative) < 10.0 ? " %+.1f%%" : " %+.0f%%", relative);
      const std::string shown = cp::i18n::localizeNumber(pct);
      if (ImGui::CalcTextSize((text + shown).c_str()).x <= ImGui::GetContentRegionAvail().x) text += shown;
    }
    if (const int verdict = kpiVerdict(state, k, delta); verdict != 0) {
      ImGui::TextColored(verdict > 0 ? betterColor(ui.theme) : worseColor(ui.theme), "%s", text.c_str());
    } else {
      ImGui::TextUnformatted(text.c_str());
    }
  }
  probeItem((std::string("kpi/") + spec.id + "/change").c_str());
  if (range.available) {  // "range 9-13%"; where both ends print alike, how narrow it is
    const std::string lo = kpiNumber(chart::formatValue(range.p10, spec.unit));
    const std::string hi = kpiNumber(chart::formatValue(range.p90, spec.unit));
    const double half = std::max(std::fabs(range.p90 - now), std::fabs(now - range.p10));
    if (lo != hi || !(std::fabs(now) > 0))
      ImGui::TextDisabled(tr("range %s\xe2\x80\x93%s"), lo.c_str(), hi.c_str());
    else
      ImGui::TextDisabled(tr("range within \xc2\xb1%.0f%%"), std::max(1.0, std::ceil(100.0 * half / std::fabs(now))));
    probeItem((std::string("kpi/") + spec.id + "/range").c_str());
  }
  ImGui::PopFont();
  ImGui::EndChild();
  probeItem((std::string("kpi/") + spec.id + "/card").c_str());
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(em() * 28.0f);
    ImGui::TextUnformatted(tr(spec.help));
    ImGui::Text("%s: %s", state.dash.months.label(t), chart::formatValue(now, spec.unit).c_str());
    ImGui::Text(tr("As loaded: %s"), chart::formatValue(base, spec.unit).c_str());
    if (std::isfinite(delta) && !negligible(delta, base, spec.unit))
      ImGui::Text(tr("Change: %s"), formatDelta(delta, spec.unit).c_str());
    if (range.available)
      ImGui::Text(tr("p10-p90 over the uncertain inputs: %s to %s"), chart::formatValue(range.p10, spec.unit).c_str(),
                  chart::formatValue(range.p90, spec.unit).c_str());
    ImGui::TextDisabled("%s", tr(spec.who_gains));
    if (objective)
      ImGui::TextDisabled(tr("Coloured for %s: %s is better for them."), team.c_str(),
                          objective->better == cp::Better::Higher ? tr("higher") : tr("lower"));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace

int kpiVerdict(const AppState& state, size_t kpi, double delta) {
  if (kpi >= kpiSpecs().size() || !std::isfinite(delta) || delta == 0.0) return 0;
  std::string team;
  const cp::Objective* o = teamObjective(state, kpiSpecs()[kpi], &team);
  if (!o) return 0;
  return (delta > 0) == (o->better == cp::Better::Higher) ? 1 : -1;
}

void drawKpiCards(const AppState& state, UiState& ui) {
  const size_t n = std::min(kpiSpecs().size(), state.dash.kpis.size());
  if (n == 0) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  // Always one row: the cards share the width; on narrow cards the titles drop to the
  // regular face so that they take at most two lines.
  const float width =
      std::max(1.0f, std::floor((avail - style.ItemSpacing.x * static_cast<float>(n - 1)) / static_cast<float>(n)));
  const CardFonts fonts = cardFonts(state, width);
  bool ranges = false;
  for (size_t k = 0; k < n; ++k) ranges = ranges || kpiRange(state, k).available;
  const float height = rowHeight(fonts, ranges);
  for (size_t k = 0; k < n; ++k) {
    if (k != 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(k));
    drawCard(state, ui, k, width, height, fonts, kpiRange(state, k));
    ImGui::PopID();
  }
}

}  // namespace cp::app
