// KPI cards for the scrubber month, one row: the title (two lines at most), the value large
// (about twice the title's size, its unit small beside it or below), and the change against
// the scenario as loaded. Every card says the same in every language: lines that do not fit
// wrap, and the row grows to its fullest card. Arrows are neutral: which way is good
// depends on who is asking. In a workshop the team in view colours them by its objectives
// (better / worse, in words too).
// With uncertainty bands on, the value carries its p10-p90 range.
#include "app/panels/panels.h"

#include "app/charts/chart.h"
#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "app/classroom/workshop_mode.h"
#include "app/core/tr.h"
#include "i18n/format.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace cp::app {

namespace {

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
  ImFont* label;  // title, unit, change and range
  ImFont* value;  // the number, about twice the label
};

// Titles in the theme's face when about ten of its em fit a card's line, else in the
// regular face; values about twice the title's size.
CardFonts cardFonts(const AppState& state, float width) {
  ImFont* theme = ImGui::GetFont();
  ImFont* label = theme;
  if (width - ImGui::GetStyle().WindowPadding.x * 2.0f < theme->FontSize * 10.0f && state.ui.fonts.regular)
    label = state.ui.fonts.regular;
  ImFont* value = label->FontSize >= kLargeFontSizePx - 0.5f ? state.ui.fonts.kpi_large : state.ui.fonts.kpi;
  return {label, value ? value : label};
}

float textWidth(ImFont* font, const std::string& text) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
}

// Greedy lines no wider than `width`: breaks at spaces (dropped) and after an en dash
// (kept); no-break spaces hold "1,5 млрд" together. A piece wider than the line has a
// line of its own.
std::vector<std::string> wrapLines(const std::string& text, ImFont* font, float width) {
  static const std::string kDash = "\xe2\x80\x93";          // –
  std::vector<std::pair<std::string, std::string>> pieces;  // the separator before, the piece
  std::string sep, piece;
  auto flush = [&] {
    if (piece.empty()) return;
    pieces.emplace_back(sep, piece);
    sep.clear();
    piece.clear();
  };
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      flush();
      sep += ' ';
      ++i;
    } else if (text.compare(i, kDash.size(), kDash) == 0) {
      piece += kDash;
      i += kDash.size();
      flush();
    } else {
      piece += text[i++];
    }
  }
  flush();
  std::vector<std::string> lines;
  for (const auto& [before, p] : pieces) {
    if (!lines.empty() && textWidth(font, lines.back() + before + p) <= width)
      lines.back() += before + p;
    else
      lines.push_back(p);
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

// At most two lines; a longer title ends in "..." (the card's tooltip has it whole).
std::vector<std::string> titleLines(const std::string& title, ImFont* font, float width) {
  std::vector<std::string> lines = wrapLines(title, font, width);
  if (lines.size() <= 2) return lines;
  std::string rest = lines[1];
  for (size_t i = 2; i < lines.size(); ++i) rest += " " + lines[i];
  lines.resize(2);
  ImGui::PushFont(font);
  lines[1] = chart::elided(rest, width);
  ImGui::PopFont();
  return lines;
}

// The value's large part and its small rest (unit, or scale word and unit): beside it on
// one line, or as two short lines beside it ("1,4" then "млн" over "H100e"), else on the
// line below; all in the label face only when even a split does not fit.
struct ValueText {
  std::string big;
  std::vector<std::string> small;  // one line, or two stacked beside the value
  bool big_face = true;
  bool below = false;
};

// Between the value and its unit: narrower than a space, the faces tell them apart.
float unitGap(const CardFonts& f) { return std::round(f.label->FontSize * 0.2f); }

std::string joined(const std::string& a, const std::string& b) { return a.empty() || b.empty() ? a + b : a + " " + b; }

ValueText valueText(const std::string& formatted, const CardFonts& f, float width) {
  const std::string number = kpiNumber(formatted);
  std::string unit = formatted.substr(number.size());
  if (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  // "1.4M" + "H100e"; "1,4" + "млн H100e" (the scale word after a no-break space).
  std::vector<std::pair<std::string, std::string>> splits{{number, unit}};
  if (const size_t nb = number.find("\xc2\xa0"); nb != std::string::npos)
    splits.emplace_back(number.substr(0, nb), joined(number.substr(nb + 2), unit));
  const float gap = unitGap(f);
  for (int stack = 1; stack <= 2; ++stack)
    for (const auto& [big, rest] : splits) {
      const float room = width - textWidth(f.value, big) - gap;
      if (rest.empty()) {
        if (room + gap >= 0.0f) return {big, {}};
        continue;
      }
      std::vector<std::string> lines = wrapLines(rest, f.label, room);
      const bool fits =
          std::all_of(lines.begin(), lines.end(), [&](const std::string& l) { return textWidth(f.label, l) <= room; });
      if (fits && static_cast<int>(lines.size()) <= stack) return {big, lines};
    }
  for (const auto& [big, rest] : splits)
    if (textWidth(f.value, big) <= width)
      return {big, rest.empty() ? std::vector<std::string>{} : wrapLines(rest, f.label, width), true, !rest.empty()};
  // A very narrow card: the number in the label face, its unit beside or below.
  if (unit.empty()) return {number, {}, false, false};
  const bool below = textWidth(f.label, joined(number, unit)) > width;
  return {number, below ? wrapLines(unit, f.label, width) : std::vector<std::string>{unit}, false, below};
}

std::string changeText(const KpiSpec& spec, double now, double base) {
  const double delta = now - base;
  const double scale = std::max(std::fabs(base), std::fabs(now));
  if (!std::isfinite(delta)) return "";
  if (std::fabs(delta) <= 1e-9 * std::max(scale, 1.0)) return tr("= as loaded");
  if (negligible(delta, base, spec.unit)) return tr("\xe2\x89\x88 as loaded");  // ≈
  std::string text(delta > 0 ? "\xe2\x96\xb2 " : "\xe2\x96\xbc ");              // ▲ ▼
  text += formatDelta(delta, spec.unit);
  if (std::fabs(base) > 1e-12 && spec.unit != chart::Unit::Share) {
    char pct[32];
    const double relative = 100.0 * delta / std::fabs(base);
    std::snprintf(pct, sizeof pct, std::fabs(relative) < 10.0 ? " %+.1f%%" : " %+.0f%%", relative);
    text += cp::i18n::localizeNumber(pct);
  }
  return text;
}

// "$1.4bn" and "$1.5bn" as "$1.4" and "1.5bn": a sign, currency or scale both ends share
// is written once.
std::pair<std::string, std::string> sharedAffixes(std::string lo, std::string hi) {
  auto digits = [](const std::string& x, size_t* first, size_t* last) {
    *first = x.find_first_of("0123456789");
    *last = x.find_last_of("0123456789");
    return *first != std::string::npos;
  };
  size_t lo0 = 0, lo1 = 0, hi0 = 0, hi1 = 0;
  if (!digits(lo, &lo0, &lo1) || !digits(hi, &hi0, &hi1)) return {lo, hi};
  if (lo.substr(lo1 + 1) == hi.substr(hi1 + 1)) lo.resize(lo1 + 1);
  if (lo0 > 0 && lo.substr(0, lo0) == hi.substr(0, hi0)) hi.erase(0, hi0);
  return {lo, hi};
}

// "range 9-13%"; where both ends print alike, how narrow it is.
std::string rangeText(const KpiSpec& spec, const KpiRange& range, double now) {
  const std::string lo = kpiNumber(chart::formatValue(range.p10, spec.unit));
  const std::string hi = kpiNumber(chart::formatValue(range.p90, spec.unit));
  char buf[160];
  if (lo != hi || !(std::fabs(now) > 0)) {
    const auto [a, b] = sharedAffixes(lo, hi);
    std::snprintf(buf, sizeof buf, tr("range %s\xe2\x80\x93%s"), a.c_str(), b.c_str());
  } else {
    const double half = std::max(std::fabs(range.p90 - now), std::fabs(now - range.p10));
    std::snprintf(buf, sizeof buf, tr("range within \xc2\xb1%.0f%%"),
                  std::max(1.0, std::ceil(100.0 * half / std::fabs(now))));
  }
  return buf;
}

// Everything a card shows, as lines that fit its width, so that the row can be as tall
// as its fullest card and no line is dropped or cut in another language.
KpiCardText cardText(const AppState& state, size_t k, const CardFonts& fonts, float inner, const KpiRange& range) {
  const KpiSpec& spec = kpiSpecs()[k];
  const KpiData& data = state.dash.kpis[k];
  const int t = state.ui.view.month;
  KpiCardText c;
  c.title = titleLines(tr(spec.title), fonts.label, inner);
  c.now = data.available ? kpiValue(spec, data.current, t) : NAN;
  c.base = data.available && !data.baseline.empty() ? kpiValue(spec, data.baseline, t) : NAN;
  const ValueText v = valueText(chart::formatValue(c.now, spec.unit), fonts, inner);
  c.value = v.big;
  c.unit = v.small;
  c.value_large = v.big_face;
  c.unit_below = v.below;
  const double delta = c.now - c.base;
  if (const std::string change = changeText(spec, c.now, c.base); !change.empty()) {
    c.change = wrapLines(change, fonts.label, inner);
    c.moved = !negligible(delta, c.base, spec.unit) &&
              std::fabs(delta) > 1e-9 * std::max({std::fabs(c.base), std::fabs(c.now), 1.0});
    if (c.moved) c.verdict = kpiVerdict(state, k, delta);
  }
  if (range.available) c.range = wrapLines(rangeText(spec, range, c.now), fonts.label, inner);
  return c;
}

// The row's shape, block by block, each block's lines tight as wrapped text: two title
// lines, the value, the units below it (when a card has them), the change, the range. Every
// card of the row puts its blocks at the same heights.
struct RowShape {
  int unit_lines = 0, change_lines = 1, range_lines = 0;
  float pad() const { return ImGui::GetStyle().WindowPadding.y; }
  float gap() const { return ImGui::GetStyle().ItemSpacing.y; }
  float valueY(const CardFonts& f) const { return pad() + 2.0f * f.label->FontSize + gap(); }
  float unitY(const CardFonts& f) const { return valueY(f) + f.value->FontSize + gap(); }
  float changeY(const CardFonts& f) const {
    return unitY(f) + (unit_lines > 0 ? static_cast<float>(unit_lines) * f.label->FontSize + gap() : 0.0f);
  }
  float rangeY(const CardFonts& f) const {
    return changeY(f) + static_cast<float>(change_lines) * f.label->FontSize + gap();
  }
  float height(const CardFonts& f) const {
    const float end = range_lines > 0 ? rangeY(f) + static_cast<float>(range_lines) * f.label->FontSize
                                      : changeY(f) + static_cast<float>(change_lines) * f.label->FontSize;
    return end + pad();
  }
};

// Lines as one block, tight as wrapped text, in `color` (dim when none).
void block(const std::vector<std::string>& lines, const ImVec4* color = nullptr) {
  ImGui::BeginGroup();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
  for (const std::string& l : lines) {
    if (color)
      ImGui::TextColored(*color, "%s", l.c_str());
    else
      ImGui::TextDisabled("%s", l.c_str());
  }
  ImGui::PopStyleVar();
  ImGui::EndGroup();
}

void cardTooltip(const AppState& state, const KpiSpec& spec, const KpiCardText& c, const KpiRange& range) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em() * 28.0f);
  ImGui::TextUnformatted(tr(spec.title));  // whole, where the card cuts it
  ImGui::TextDisabled("%s", tr(spec.help));
  ImGui::Text("%s: %s", state.dash.months.label(state.ui.view.month), chart::formatValue(c.now, spec.unit).c_str());
  ImGui::Text(tr("As loaded: %s"), chart::formatValue(c.base, spec.unit).c_str());
  if (const double delta = c.now - c.base; std::isfinite(delta) && !negligible(delta, c.base, spec.unit))
    ImGui::Text(tr("Change: %s"), formatDelta(delta, spec.unit).c_str());
  if (range.available) {
    ImGui::Text(tr("p10-p90 over the uncertain inputs: %s to %s"), chart::formatValue(range.p10, spec.unit).c_str(),
                chart::formatValue(range.p90, spec.unit).c_str());
    // A real effect, not a fault: the value is one run, the range the spread of the others.
    if (c.now < range.p10 || c.now > range.p90)
      ImGui::TextDisabled("%s", tr("The value lies outside its range: the value is the run with the scenario's own "
                                   "inputs, the range is p10-p90 of the runs with the uncertain inputs drawn at "
                                   "random, and their spread can lie to one side of it."));
  }
  ImGui::TextDisabled("%s", tr(spec.who_gains));
  std::string team;
  if (const cp::Objective* objective = teamObjective(state, spec, &team))
    ImGui::TextDisabled(tr("Coloured for %s: %s is better for them."), team.c_str(),
                        objective->better == cp::Better::Higher ? tr("higher") : tr("lower"));
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void drawCard(const AppState& state, UiState& ui, size_t k, float width, const RowShape& row, const CardFonts& fonts,
              const KpiCardText& c, const KpiRange& range) {
  const KpiSpec& spec = kpiSpecs()[k];
  const std::string id = std::string("kpi/") + spec.id;
  ImGui::BeginChild(spec.id, ImVec2(width, row.height(fonts)), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushFont(fonts.label);
  block(c.title);
  probeItem((id + "/title").c_str());

  ImGui::SetCursorPosY(row.valueY(fonts));
  ImFont* big = c.value_large ? fonts.value : fonts.label;
  ImGui::PushFont(big);
  ImGui::TextUnformatted(c.value.c_str());
  ImGui::PopFont();
  probeItem(id.c_str());
  if (!c.unit.empty()) {
    if (c.unit_below) {
      ImGui::SetCursorPosY(row.unitY(fonts));
    } else {
      ImGui::SameLine(0.0f, unitGap(fonts));
      // One baseline with the value; two stacked lines end on it.
      const float lifted = static_cast<float>(c.unit.size() - 1) * fonts.label->FontSize;
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + big->Ascent - fonts.label->Ascent - lifted);
    }
    block(c.unit);
    probeItem((id + "/unit").c_str());
  }
  ImGui::SetCursorPosY(row.changeY(fonts));
  ImVec4 color = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  if (c.verdict != 0) color = c.verdict > 0 ? betterColor(ui.theme) : worseColor(ui.theme);
  block(c.change.empty() ? std::vector<std::string>{" "} : c.change, c.moved ? &color : nullptr);
  probeItem((id + "/change").c_str());
  if (!c.range.empty()) {
    ImGui::SetCursorPosY(row.rangeY(fonts));
    block(c.range);
    probeItem((id + "/range").c_str());
  }
  ImGui::PopFont();
  ImGui::EndChild();
  probeItem((id + "/card").c_str());
  if (ImGui::IsItemHovered()) cardTooltip(state, spec, c, range);
}

}  // namespace

int kpiVerdict(const AppState& state, size_t kpi, double delta) {
  if (kpi >= kpiSpecs().size() || !std::isfinite(delta) || delta == 0.0) return 0;
  std::string team;
  const cp::Objective* o = teamObjective(state, kpiSpecs()[kpi], &team);
  if (!o) return 0;
  return (delta > 0) == (o->better == cp::Better::Higher) ? 1 : -1;
}

KpiCardText kpiCardText(const AppState& state, size_t kpi, float card_width) {
  if (kpi >= kpiSpecs().size() || kpi >= state.dash.kpis.size()) return {};
  const float inner = std::max(1.0f, card_width - ImGui::GetStyle().WindowPadding.x * 2.0f);
  return cardText(state, kpi, cardFonts(state, card_width), inner, kpiRange(state, kpi));
}

void drawKpiCards(const AppState& state, UiState& ui) {
  const size_t n = std::min(kpiSpecs().size(), state.dash.kpis.size());
  if (n == 0) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  // Always one row: the cards share the width; on narrow cards the titles drop to the
  // regular face. The row is as tall as its fullest card needs.
  const float width =
      std::max(1.0f, std::floor((avail - style.ItemSpacing.x * static_cast<float>(n - 1)) / static_cast<float>(n)));
  const CardFonts fonts = cardFonts(state, width);
  const float inner = std::max(1.0f, width - style.WindowPadding.x * 2.0f);
  std::vector<KpiRange> ranges;
  std::vector<KpiCardText> cards;
  RowShape row;
  for (size_t k = 0; k < n; ++k) {
    ranges.push_back(kpiRange(state, k));
    cards.push_back(cardText(state, k, fonts, inner, ranges.back()));
    if (cards.back().unit_below) row.unit_lines = std::max(row.unit_lines, static_cast<int>(cards.back().unit.size()));
    row.change_lines = std::max(row.change_lines, static_cast<int>(cards.back().change.size()));
    row.range_lines = std::max(row.range_lines, static_cast<int>(cards.back().range.size()));
  }
  for (size_t k = 0; k < n; ++k) {
    if (k != 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(k));
    drawCard(state, ui, k, width, row, fonts, cards[k], ranges[k]);
    ImGui::PopID();
  }
}

}  // namespace cp::app
