// KPI cards for the scrubber month, one row: the title (three lines at most), the value large
// (about twice the title's size, its unit small beside it or below), and the change against
// the scenario as loaded. Every card says the same in every language: lines that do not fit
// wrap, and the row grows to its fullest card. Arrows are neutral: which way is good
// depends on who is asking. In a workshop the team in view colours them by its objectives
// and says "better" or "worse" after the change (the tooltip says for whom).
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
#include <climits>
#include <cmath>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cp::app {

namespace {

std::vector<KpiCardText> g_last_row;  // lastKpiCards(); ImGui draws on one thread

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

struct CardStyle {
  ImFont* label;  // title, unit, change and range
  ImFont* value;  // the number, about twice the label
  bool presenter = false;
  ImVec2 padding;    // inside the card's border
  float gap = 0.0f;  // between the title, value, units, change and range blocks
};

// Presenter mode's faces are read from the back of a room: titles, units and changes stay in
// the presenter face and values in the large KPI face, however narrow the card; the title
// wraps to more lines instead, and the card's padding and gaps are tighter so that the row
// leaves the charts their height. Otherwise titles are in the theme's face when about ten of
// its em fit a card's line, else in the regular face; values about twice the title's size.
// `presenting` false: the other faces in presenter mode too (a screen too narrow for its words).
CardStyle cardStyle(const AppState& state, float width, bool presenting = true) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImFont* theme = ImGui::GetFont();
  const float large = kLargeFontSizePx * state.ui.fonts.scale - 0.5f;  // the presenter face, at the UI's scale
  const bool presenter = presenting && state.ui.presenter && theme->FontSize >= large;
  ImFont* label = theme;
  if (!presenter && width - style.WindowPadding.x * 2.0f < theme->FontSize * 10.0f && state.ui.fonts.regular)
    label = state.ui.fonts.regular;
  ImFont* value = label->FontSize >= large ? state.ui.fonts.kpi_large : state.ui.fonts.kpi;
  CardStyle out{label, value ? value : label, presenter, style.WindowPadding, style.ItemSpacing.y};
  if (presenter) {
    out.padding = ImVec2(std::round(theme->FontSize * 0.3f), std::round(theme->FontSize * 0.2f));
    out.gap = std::round(theme->FontSize * 0.1f);
  }
  return out;
}

// A presenter card's title may take this many lines; elsewhere three (a Ukrainian title on a
// 1280-pixel screen: the row grows a line only when a title needs it).
int maxTitleLines(const CardStyle& f) { return f.presenter ? 4 : 3; }

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

// At most `max_lines` lines; a longer title ends in "..." (the card's tooltip has it whole).
std::vector<std::string> titleLines(const std::string& title, ImFont* font, float width, int max_lines) {
  std::vector<std::string> lines = wrapLines(title, font, width);
  const size_t n = static_cast<size_t>(std::max(1, max_lines));
  if (lines.size() <= n) return lines;
  std::string rest = lines[n - 1];
  for (size_t i = n; i < lines.size(); ++i) rest += " " + lines[i];
  lines.resize(n);
  ImGui::PushFont(font);
  lines[n - 1] = chart::elided(rest, width);
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
float unitGap(const CardStyle& f) { return std::round(f.label->FontSize * 0.2f); }

std::string joined(const std::string& a, const std::string& b) { return a.empty() || b.empty() ? a + b : a + " " + b; }

ValueText valueText(const std::string& formatted, const CardStyle& f, float width) {
  const std::string number = kpiNumber(formatted);
  std::string unit = formatted.substr(number.size());
  if (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  // "1.4M" + "H100e"; "1,4" + "млн H100e" (the scale word after a no-break space); "$1.3" +
  // "bn" (the scale suffix after the last digit) where "$1.3bn" is too wide for the value
  // face, and in presenter mode "1.4" + "M H100e" stacked beside it rather than a line below
  // ("61%" stays whole where it fits).
  std::vector<std::pair<std::string, std::string>> splits{{number, unit}};
  const size_t last = number.find_last_of("0123456789");
  if (const size_t nb = number.find("\xc2\xa0"); nb != std::string::npos)
    splits.emplace_back(number.substr(0, nb), joined(number.substr(nb + 2), unit));
  else if (last != std::string::npos && last + 1 < number.size() &&
           ((f.presenter && !unit.empty()) || textWidth(f.value, number) > width))
    splits.emplace_back(number.substr(0, last + 1), joined(number.substr(last + 1), unit));
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
KpiCardText cardText(const AppState& state, size_t k, const CardStyle& fonts, float inner, const KpiRange& range) {
  const KpiSpec& spec = kpiSpecs()[k];
  const KpiData& data = state.dash.kpis[k];
  const int t = state.ui.view.month;
  KpiCardText c;
  c.title = titleLines(tr(spec.title), fonts.label, inner, maxTitleLines(fonts));
  c.now = data.available ? kpiValue(spec, data.current, t) : NAN;
  c.base = data.available && !data.baseline.empty() ? kpiValue(spec, data.baseline, t) : NAN;
  const ValueText v = valueText(chart::formatValue(c.now, spec.unit), fonts, inner);
  c.value = v.big;
  c.unit = v.small;
  c.value_large = v.big_face;
  c.unit_below = v.below;
  const double delta = c.now - c.base;
  if (std::string change = changeText(spec, c.now, c.base); !change.empty()) {
    c.moved = !negligible(delta, c.base, spec.unit) &&
              std::fabs(delta) > 1e-9 * std::max({std::fabs(c.base), std::fabs(c.now), 1.0});
    if (c.moved) c.verdict = kpiVerdict(state, k, delta);
    // The team's colour says it, and a word for whoever cannot tell the colours apart.
    if (c.verdict != 0) change += std::string(" ") + (c.verdict > 0 ? tr("better") : tr("worse"));
    c.change = wrapLines(change, fonts.label, inner);
  }
  if (range.available) c.range = wrapLines(rangeText(spec, range, c.now), fonts.label, inner);
  return c;
}

// The row's shape, block by block, each block's lines tight as wrapped text: two title
// lines (three when a title needs them), the value, the units below it (when a card has them), the change, the range.
// Every card of the row puts its blocks at the same heights.
struct RowShape {
  int title_lines = 2, unit_lines = 0, change_lines = 1, range_lines = 0;
  float valueY(const CardStyle& f) const {
    return f.padding.y + static_cast<float>(title_lines) * f.label->FontSize + f.gap;
  }
  float unitY(const CardStyle& f) const { return valueY(f) + f.value->FontSize + f.gap; }
  float changeY(const CardStyle& f) const {
    return unitY(f) + (unit_lines > 0 ? static_cast<float>(unit_lines) * f.label->FontSize + f.gap : 0.0f);
  }
  float rangeY(const CardStyle& f) const {
    return changeY(f) + static_cast<float>(change_lines) * f.label->FontSize + f.gap;
  }
  float height(const CardStyle& f) const {
    const float end = range_lines > 0 ? rangeY(f) + static_cast<float>(range_lines) * f.label->FontSize
                                      : changeY(f) + static_cast<float>(change_lines) * f.label->FontSize;
    return end + f.padding.y;
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

void drawCard(const AppState& state, UiState& ui, size_t k, float width, const RowShape& row, const CardStyle& fonts,
              const KpiCardText& c, const KpiRange& range) {
  const KpiSpec& spec = kpiSpecs()[k];
  const std::string id = std::string("kpi/") + spec.id;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, fonts.padding);
  ImGui::BeginChild(spec.id, ImVec2(width, row.height(fonts)), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar();
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

// The narrowest card width (whole pixels, up to `most`) for which `fits(inner width)` holds,
// or `most` + 1 when none does; `fits` holds for every width above one it holds for.
float narrowest(float most, float pad_x, const std::function<bool(float)>& fits) {
  float lo = 1.0f, hi = std::floor(most) + 1.0f;  // fits(hi) is taken as true
  while (lo < hi) {
    const float mid = std::floor((lo + hi) * 0.5f);
    if (fits(mid - 2.0f * pad_x))
      hi = mid;
    else
      lo = mid + 1.0f;
  }
  return lo;
}

// Presenter mode: the cards share the row's width by need rather than equally, so that the
// row is as few lines tall as it can be: the title in T lines and the change in C, with the
// smallest T + C (fewer title lines first) whose widths add up to at most `total`; the
// width left over is shared equally. Empty when even the longest wrapping does not fit.
std::vector<float> shareByNeed(const std::vector<std::string>& titles, const std::vector<std::string>& changes,
                               const std::vector<std::string>& values, const CardStyle& f, float total);

std::vector<float> widthsByNeed(const AppState& state, size_t n, const CardStyle& f, float total) {
  std::vector<std::string> titles, changes, values;
  for (size_t k = 0; k < n; ++k) {  // each text on one unbounded line
    const KpiCardText whole = cardText(state, k, f, FLT_MAX, KpiRange{});
    titles.push_back(whole.title.empty() ? "" : whole.title.front());
    changes.push_back(whole.change.empty() ? "" : whole.change.front());
    values.push_back(chart::formatValue(whole.now, kpiSpecs()[k].unit));
  }
  // The same texts in the same faces and width share out alike: most frames redo nothing.
  static std::string last_key;
  static std::vector<float> last_widths;
  std::string key = std::to_string(total) + '|' + std::to_string(f.label->FontSize) + '|' +
                    std::to_string(f.value->FontSize) + '|' + std::to_string(f.padding.x);
  for (size_t k = 0; k < n; ++k) key += '\n' + titles[k] + '\t' + changes[k] + '\t' + values[k];
  if (key == last_key) return last_widths;
  last_key = key;
  last_widths = shareByNeed(titles, changes, values, f, total);
  return last_widths;
}

// widthsByNeed's work: the narrowest widths for the texts, then the row that fits.
std::vector<float> shareByNeed(const std::vector<std::string>& titles, const std::vector<std::string>& changes,
                               const std::vector<std::string>& values, const CardStyle& f, float total) {
  const size_t n = titles.size();
  // Lines of `text` at `inner`, or more than any when a word is wider than the line.
  auto linesAt = [&](const std::string& text, float inner) {
    const std::vector<std::string> lines = wrapLines(text, f.label, inner);
    for (const std::string& l : lines)
      if (textWidth(f.label, l) > inner) return INT_MAX;
    return static_cast<int>(lines.size());
  };
  // The value beside its rest; first choice, "61%" and "$1.3bn" whole rather than "61" "%".
  std::vector<float> value_w(n), whole_w(n);
  std::vector<std::vector<float>> title_w(n), change_w(n);  // by lines - 1
  const int most_title = maxTitleLines(f), most_change = 2;
  for (size_t k = 0; k < n; ++k) {
    const std::string number = kpiNumber(values[k]);
    const bool split_anyway = number.size() < values[k].size() || number.find("\xc2\xa0") != std::string::npos;
    for (const bool whole : {false, true})
      (whole ? whole_w : value_w)[k] = narrowest(total, f.padding.x, [&](float inner) {
        const ValueText v = valueText(values[k], f, inner);
        return v.big_face && !v.below && (!whole || split_anyway || v.big == number);
      });
    for (int lines = 1; lines <= most_title; ++lines)
      title_w[k].push_back(
          narrowest(total, f.padding.x, [&](float inner) { return linesAt(titles[k], inner) <= lines; }));
    for (int lines = 1; lines <= most_change; ++lines)
      change_w[k].push_back(
          narrowest(total, f.padding.x, [&](float inner) { return linesAt(changes[k], inner) <= lines; }));
  }
  for (int height = 2; height <= most_title + most_change; ++height)
    for (int title = std::max(1, height - most_change); title <= std::min(most_title, height - 1); ++title)
      for (const std::vector<float>* value : {&whole_w, &value_w}) {
        std::vector<float> widths(n);
        float sum = 0.0f;
        for (size_t k = 0; k < n; ++k) {
          const auto c = static_cast<size_t>(height - title - 1), l = static_cast<size_t>(title - 1);
          widths[k] = std::max({(*value)[k], title_w[k][l], change_w[k][c]});
          sum += widths[k];
        }
        if (sum > total) continue;
        const float extra = std::floor((total - sum) / static_cast<float>(n));
        for (float& w : widths) w += extra;
        return widths;
      }
  return {};
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
  const CardStyle style = cardStyle(state, card_width);
  const float inner = std::max(1.0f, card_width - style.padding.x * 2.0f);
  return cardText(state, kpi, style, inner, kpiRange(state, kpi));
}

void drawKpiCards(const AppState& state, UiState& ui) {
  const size_t n = std::min(kpiSpecs().size(), state.dash.kpis.size());
  if (n == 0) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  // Always one row: the cards share the width (in presenter mode by need); on narrow cards
  // outside presenter mode the titles drop to the regular face. The row is as tall as its
  // fullest card needs.
  const float total = std::max(1.0f, avail - style.ItemSpacing.x * static_cast<float>(n - 1));
  const float equal = std::max(1.0f, std::floor(total / static_cast<float>(n)));
  CardStyle fonts = cardStyle(state, equal);
  std::vector<float> widths = fonts.presenter ? widthsByNeed(state, n, fonts, total) : std::vector<float>{};
  if (widths.size() != n) {
    // Too narrow for the presenter face's longest words (1024 pixels in Ukrainian): as
    // outside presenter mode, rather than words cut at the cards' edges.
    if (fonts.presenter) fonts = cardStyle(state, equal, false);
    widths.assign(n, equal);
  }
  std::vector<KpiRange> ranges;
  std::vector<KpiCardText> cards;
  RowShape row;
  if (fonts.presenter) row.title_lines = 1;  // the titles' own lines: no blank one on a wide screen
  for (size_t k = 0; k < n; ++k) {
    ranges.push_back(kpiRange(state, k));
    const float inner = std::max(1.0f, widths[k] - fonts.padding.x * 2.0f);
    cards.push_back(cardText(state, k, fonts, inner, ranges.back()));
    row.title_lines = std::max(row.title_lines, static_cast<int>(cards.back().title.size()));
    if (cards.back().unit_below) row.unit_lines = std::max(row.unit_lines, static_cast<int>(cards.back().unit.size()));
    row.change_lines = std::max(row.change_lines, static_cast<int>(cards.back().change.size()));
    row.range_lines = std::max(row.range_lines, static_cast<int>(cards.back().range.size()));
  }
  for (size_t k = 0; k < n; ++k) {
    if (k != 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(k));
    drawCard(state, ui, k, widths[k], row, fonts, cards[k], ranges[k]);
    ImGui::PopID();
  }
  g_last_row = std::move(cards);
}

const std::vector<KpiCardText>& lastKpiCards() { return g_last_row; }

}  // namespace cp::app
