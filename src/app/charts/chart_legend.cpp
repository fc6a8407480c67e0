// Chart legend and tooltip: labels at the lines' ends, the wrapping legend rows, and the
// hover tooltip with every series' value at a month.

#include "chart_context.h"
#include "app/core/tr.h"
#include "i18n/format.h"
#include "i18n/i18n.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace cp::chart::internal {

// Each solid line's label right of the plot at the height of its last value (before any
// veil), nudged apart so labels never overlap; wrapped at words (three lines at most) where one does not
// fit, cut to the chart only past that.
void drawEndLabels(ImDrawList* dl, const Map& m, int n_x, const ImRect& frame, float top) {
  struct Label {
    float y;
    const Series* s;
    std::vector<std::string> lines;
  };
  std::vector<Label> labels;
  const float width = frame.Max.x - m.plot.Max.x - 6.0f;
  const int last_shown = g.future >= 0 ? std::min(g.future, n_x - 1) : n_x - 1;
  for (const Series& s : g.series) {
    if (s.kind != Kind::Line || hiddenLabel(g.str(s.label))) continue;
    const double* v = g.data(s.y);
    for (int i = std::min(last_shown, s.n - 1); i >= 0; --i)
      if (std::isfinite(v[i])) {
        labels.push_back({m.y(v[i]), &s, wrapped(g.str(s.label), width, kEndLabelLines)});
        break;
      }
  }
  std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
  const float h = ImGui::GetTextLineHeight();
  float next = top;
  for (Label& l : labels) {  // top-down: each below the one before
    l.y = std::max(l.y - h * 0.5f, next);
    next = l.y + h * static_cast<float>(l.lines.size());
  }
  // Pushed past the frame's bottom (the x labels' row is free right of the plot): shift all up,
  // to under the title at most (the lines' names overlap only past that).
  const float overflow = next - frame.Max.y;
  g.info.end_labels_overlap = !labels.empty() && overflow > labels.front().y - top + 0.5f;
  dl->PushClipRect(frame.Min, frame.Max, true);
  for (const Label& l : labels) {
    const float y = overflow > 0 ? std::max(top, l.y - overflow) : l.y;
    std::string joined;
    for (size_t i = 0; i < l.lines.size(); ++i) {
      dl->AddText(ImVec2(m.plot.Max.x + 6.0f, y + h * static_cast<float>(i)), legibleText(l.s->col),
                  l.lines[i].c_str());
      joined += (i > 0 ? "\n" : "") + l.lines[i];
    }
    g.info.end_labels.push_back(joined);
  }
  dl->PopClipRect();
}

void drawSwatch(ImDrawList* dl, ImVec2 p, float h, const Series& s) {
  const float w = h * 1.4f, cy = p.y + h * 0.5f;
  if (s.kind == Kind::Fill) {
    dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + w, p.y + h * 0.8f),
                      s.band ? withAlpha(s.col, 0.45f) : s.col);
  } else if (s.kind == Kind::Dashed) {
    for (const ImU32 col : {faintEdge(s.col), s.col}) {  // the line's edge under it, if it has one
      if (col == 0) continue;
      const float thick = (col == s.col ? 2.0f : 4.0f) * pixelScale();
      dl->AddLine(ImVec2(p.x, cy), ImVec2(p.x + w * 0.4f, cy), col, thick);
      dl->AddLine(ImVec2(p.x + w * 0.6f, cy), ImVec2(p.x + w, cy), col, thick);
    }
  } else {
    if (const ImU32 edge = faintEdge(s.col))
      dl->AddLine(ImVec2(p.x - 1.0f, cy), ImVec2(p.x + w + 1.0f, cy), edge, 4.5f * pixelScale());
    dl->AddLine(ImVec2(p.x, cy), ImVec2(p.x + w, cy), s.col, 2.5f * pixelScale());
  }
}

// Legend rows (wrapping) laid out in [x0, x1] from y; returns the height used.
float layoutLegend(ImDrawList* dl, float x0, float x1, float y, bool draw) {
  const float h = ImGui::GetTextLineHeight();
  const float sw = h * 1.4f + 4.0f, gap = 14.0f;
  float x = x0, rows = 0;
  bool any = false;
  for (const Series& s : g.series) {
    const char* label = g.str(s.label);
    if (hiddenLabel(label) || (g.style.end_labels && s.kind == Kind::Line)) continue;
    const float w = sw + ImGui::CalcTextSize(label).x;
    if (!any) rows = 1;
    if (any && x + w > x1) {
      x = x0;
      rows += 1;
    }
    any = true;
    if (draw) {
      const ImVec2 p(x, y + (rows - 1) * h);
      drawSwatch(dl, p, h, s);
      dl->AddText(ImVec2(p.x + sw, p.y), ImGui::GetColorU32(ImGuiCol_Text), label);
    }
    x += w + gap;
  }
  if (g.note >= 0) {  // e.g. series left out: dim, after the entries, wrapped on rows of its own when long
    const char* note = g.str(g.note);
    const float w = ImGui::CalcTextSize(note).x;
    if (!any) rows = 1;
    if (any && x + w > x1) {
      x = x0;
      rows += 1;
    }
    const float wrap = std::max(x1 - x, h);
    const float note_h = ImGui::CalcTextSize(note, nullptr, false, wrap).y;
    if (draw)
      dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, y + (rows - 1) * h),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), note, nullptr, wrap);
    rows += std::max(0.0f, std::round(note_h / h) - 1.0f);
  }
  return rows * h;
}

void tooltip(int hx) {
  // BeginTooltip is a window of its own; keep IsItemHovered() etc. after endChart about us.
  ImGuiContext& ctx = *GImGui;
  const ImGuiLastItemData saved = ctx.LastItemData;
  ImGui::BeginTooltip();
  int year = 0, month = 0;
  std::string head = "#" + std::to_string(hx);
  if (g.has_x_labels && hx < static_cast<int>(g.x_labels.size())) {
    head = g.str(g.x_labels[static_cast<size_t>(hx)]);
    // A month as the language writes it ("серп. 2025"); English keeps the ISO label.
    if (!i18n::english() && parseYearMonth(head.c_str(), &year, &month))
      head = i18n::formatMonthLabel(year * 12 + month - 1);
  }
  ImGui::TextUnformatted(head.c_str());
  g.info.tooltip_head.push_back(head);
  for (const MarkerRec& mk : g.markers)
    if (mk.x == hx && !hiddenLabel(g.str(mk.label))) {
      ImGui::TextDisabled("| %s", g.str(mk.label));
      g.info.tooltip_head.push_back(std::string("| ") + g.str(mk.label));
    }
  if (g.future >= 0 && hx > g.future) {
    ImGui::TextDisabled("%s", tr("(not yet revealed)"));
  } else {
    const float h = ImGui::GetTextLineHeight();
    float label_w = ImGui::CalcTextSize(tr("Total")).x;
    for (const Series& s : g.series)
      if (!hiddenLabel(g.str(s.label))) label_w = std::max(label_w, ImGui::CalcTextSize(g.str(s.label)).x);
    const float value_x = ImGui::GetCursorPosX() + h * 1.4f + 6.0f + label_w + 16.0f;
    double total = 0;
    for (const Series& s : g.series) {
      const char* label = g.str(s.label);
      if (s.stack >= 0 && hx < s.n) total = g.data(s.hi)[hx];
      if (hiddenLabel(label) || hx >= s.n) continue;
      char value[96];
      if (s.band)
        std::snprintf(value, sizeof value, "[%s, %s]", formatValue(g.data(s.lo)[hx], g.unit).c_str(),
                      formatValue(g.data(s.hi)[hx], g.unit).c_str());
      else
        std::snprintf(value, sizeof value, "%s", s.y >= 0 ? formatValue(g.data(s.y)[hx], g.unit).c_str() : "n/a");
      // The unnamed dashed line of the same colour is the scenario as loaded: its value
      // follows where it differs (in the value's text, so both read the same way).
      std::string loaded;
      if (s.kind == Kind::Line && s.y >= 0)
        for (const Series& d : g.series)
          if (d.kind == Kind::Dashed && d.col == s.col && d.y >= 0 && hx < d.n && hiddenLabel(g.str(d.label))) {
            const std::string mine = formatValue(g.data(s.y)[hx], g.unit),
                              theirs = formatValue(g.data(d.y)[hx], g.unit);
            if (theirs != mine) loaded = trf("  (as loaded {})", theirs);
            break;
          }
      drawSwatch(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), h, s);
      ImGui::Dummy(ImVec2(h * 1.4f, h));
      ImGui::SameLine();
      ImGui::TextUnformatted(label);
      ImGui::SameLine(value_x);
      ImGui::TextUnformatted(value);
      if (!loaded.empty()) {
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::TextDisabled("%s", loaded.c_str());
      }
      g.info.tooltip_rows.push_back(std::string(label) + ": " + value + loaded);
      if (s.last_in_stack) {
        ImGui::Dummy(ImVec2(h * 1.4f, h));
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("Total"));
        ImGui::SameLine(value_x);
        ImGui::TextUnformatted(formatValue(total, g.unit).c_str());
      }
    }
  }
  ImGui::EndTooltip();
  ctx.LastItemData = saved;
}

}  // namespace cp::chart::internal
