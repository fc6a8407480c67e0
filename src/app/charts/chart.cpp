// Chart drawing. beginChart reserves the item; series calls only copy data into a scratch
// context; endChart fits the y range over everything submitted and draws it all.
//
// The scratch context is in chart_context.h; x ticks, primitives and the legend and
// tooltip are in chart_ticks.cpp, chart_lines.cpp and chart_legend.cpp.
//
// [SECTION] Begin / series submission
// [SECTION] endChart

#include "chart_context.h"
#include "app/core/tr.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cp::chart {

namespace internal {
// One module-level instance (see Ctx).
Ctx g;
}  // namespace internal

using namespace internal;

namespace {

// [SECTION] Begin / series submission

// Series calls outside Begin/End, or with no data, are ignored rather than asserted:
// a missing chart beats an aborted dashboard.
bool accepting(const void* p, int n) { return g.active && p != nullptr && n > 0; }

void addLine(Kind kind, const char* label, const double* ys, int n, ImU32 col) {
  if (!accepting(ys, n)) return;
  Series s;
  s.kind = kind;
  s.col = g.pick(col);
  s.n = n;
  s.label = g.addText(label);
  s.y = g.addData(ys, n);
  g.series.push_back(s);
}

}  // namespace

std::string elided(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  std::string cut = text;
  while (!cut.empty() && ImGui::CalcTextSize((cut + "...").c_str()).x > width) {
    unsigned char c = 0;
    do {  // a whole UTF-8 character: its continuation bytes, then its first byte
      c = static_cast<unsigned char>(cut.back());
      cut.pop_back();
    } while (!cut.empty() && (c & 0xC0) == 0x80);
  }
  return cut + "...";
}

std::vector<std::string> wrapped(const std::string& text, float width, int max_lines) {
  std::vector<std::string> lines;
  std::string rest = text;
  while (static_cast<int>(lines.size()) + 1 < max_lines && ImGui::CalcTextSize(rest.c_str()).x > width) {
    size_t cut = std::string::npos;  // the longest run of whole words that fits a line
    for (size_t sp = rest.find(' '); sp != std::string::npos; sp = rest.find(' ', sp + 1)) {
      if (ImGui::CalcTextSize(rest.substr(0, sp).c_str()).x > width) break;
      cut = sp;
    }
    if (cut == std::string::npos) break;
    lines.push_back(rest.substr(0, cut));
    rest = rest.substr(cut + 1);
  }
  lines.push_back(elided(rest, width));
  return lines;
}

namespace {
float g_pixel_scale = 1.0f;
}  // namespace

void setPixelScale(float scale) { g_pixel_scale = std::isfinite(scale) && scale > 0 ? scale : 1.0f; }
float pixelScale() { return g_pixel_scale; }

bool beginChart(const char* id, const char* title, Unit y_unit, const char* const* x_labels, int n_x,
                const Style& style) {
  if (g.active) return false;  // no nesting: the caller skips endChart, nothing leaks
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return false;

  ImGui::PushID(id != nullptr ? id : "chart");
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 size(std::max(style.width > 0 ? style.width : avail.x, 120.0f), std::max(style.height, 80.0f));
  const ImVec2 pos = window->DC.CursorPos;
  const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  const ImGuiID item_id = ImGui::GetID("##chart");
  ImGui::ItemSize(bb);
  g.info = detail::ChartInfo{};
  g.info.frame_min = bb.Min;
  g.info.frame_max = bb.Max;
  if (!ImGui::ItemAdd(bb, item_id)) {
    ImGui::PopID();
    return false;
  }
  // Button behaviour: a press becomes the active item, so dragging on a chart never moves
  // the window, and "clicked" means press and release both over the chart.
  bool held = false;
  g.pressed = ImGui::ButtonBehavior(bb, item_id, &g.hovered, &held);

  g.active = true;
  g.style = style;
  g.unit = y_unit;
  g.frame = bb;
  g.n_x = std::max(n_x, 0);
  g.has_x_labels = x_labels != nullptr;
  g.text.clear();
  g.pool.clear();
  g.series.clear();
  g.markers.clear();
  g.x_labels.clear();
  g.cursor = g.future = g.projection = -1;
  g.note = -1;
  g.next_col = g.n_stacks = 0;
  g.title = g.addText(title);
  if (x_labels != nullptr)
    for (int i = 0; i < g.n_x; ++i) g.x_labels.push_back(g.addText(x_labels[i]));
  g.info.visible = true;
  return true;
}

void line(const char* label, const double* ys, int n, ImU32 col) { addLine(Kind::Line, label, ys, n, col); }

void lineDashed(const char* label, const double* ys, int n, ImU32 col) { addLine(Kind::Dashed, label, ys, n, col); }

void stackedArea(const char* const* labels, const double* const* ys, int n_series, int n, const ImU32* cols) {
  if (!accepting(ys, n) || n_series <= 0) return;
  const int stack = g.n_stacks++;
  // Running total; NaN/inf layers count as 0 so one gap doesn't tear the layers above.
  std::vector<double>& base = g.base;
  std::vector<double>& top = g.top;
  base.assign(static_cast<size_t>(n), 0.0);
  top.resize(static_cast<size_t>(n));
  for (int s = 0; s < n_series; ++s) {
    const double* y = ys[s];
    for (int i = 0; i < n; ++i) {
      const double v = y != nullptr ? y[i] : 0.0;
      top[static_cast<size_t>(i)] = base[static_cast<size_t>(i)] + (std::isfinite(v) ? v : 0.0);
    }
    Series rec;
    rec.kind = Kind::Fill;
    rec.col = g.pick(cols != nullptr ? cols[s] : 0);
    rec.n = n;
    rec.label = g.addText(labels != nullptr ? labels[s] : "");
    rec.y = y != nullptr ? g.addData(y, n) : -1;
    rec.lo = g.addData(base.data(), n);
    rec.hi = g.addData(top.data(), n);
    rec.stack = stack;
    rec.last_in_stack = s == n_series - 1;
    g.series.push_back(rec);
    base.swap(top);
  }
}

void band(const char* label, const double* lo, const double* hi, int n, ImU32 col) {
  if (!accepting(lo, n) || hi == nullptr) return;
  Series s;
  s.kind = Kind::Fill;
  s.band = true;
  s.col = g.pick(col);
  s.n = n;
  s.label = g.addText(label);
  s.lo = g.addData(lo, n);
  s.hi = g.addData(hi, n);
  g.series.push_back(s);
}

void markers(const Marker* m, int n) {
  if (!accepting(m, n)) return;
  for (int i = 0; i < n; ++i) g.markers.push_back({m[i].x, g.addText(m[i].label), m[i].col});
}

void cursor(int x) {
  if (g.active) g.cursor = x;
}

void future(int x_from) {
  if (g.active) g.future = x_from;
}

void projection(int x_from) {
  if (g.active) g.projection = x_from;
}

void note(const char* text) {
  if (g.active && text != nullptr && text[0] != '\0') g.note = g.addText(text);
}

// [SECTION] endChart

ChartResult endChart() {
  ChartResult res;
  if (!g.active) return res;
  g.active = false;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int vtx0 = dl->VtxBuffer.Size;
  const ImGuiStyle& st = ImGui::GetStyle();
  const float line_h = ImGui::GetTextLineHeight();
  const float px = g_pixel_scale;  // a line 1 px wide at the interface's scale
  const ImU32 col_text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 col_dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 col_grid = ImGui::GetColorU32(ImGuiCol_Text, 0.10f);
  const ImRect fr = g.frame;

  // Domain: the labels' count, or the longest series when no labels were given.
  int n_x = g.n_x;
  if (n_x == 0)
    for (const Series& s : g.series) n_x = std::max(n_x, s.n);

  // Fit y over every value that will be drawn (band edges, stack tops, lines).
  const bool log = g.style.log_y;
  double lo = INFINITY, hi = -INFINITY;
  auto take = [&](const double* v, int n) {
    for (int i = 0; i < std::min(n, n_x); ++i) {
      const double x = v[i];
      if (!std::isfinite(x) || (log && x <= 0)) continue;
      const double c = std::clamp(x, -1e300, 1e300);  // keep the span finite
      lo = std::min(lo, c);
      hi = std::max(hi, c);
    }
  };
  for (const Series& s : g.series) {
    if (s.kind == Kind::Fill) {
      take(g.data(s.lo), s.n);
      take(g.data(s.hi), s.n);
    } else {
      take(g.data(s.y), s.n);
    }
  }
  if (!(lo <= hi)) lo = hi = NAN;
  Map m;
  m.n_x = std::max(n_x, 1);
  m.log = log;
  double ylo = 0, yhi = 1;
  // Short charts get fewer y intervals, so their labels (a line high) do not overlap:
  // the plot's height roughly, less the title, a legend row and the x labels.
  Style fit = g.style;
  const float plot_h = fr.GetHeight() - 3.0f * (line_h + st.ItemSpacing.y) - 4.0f;
  fit.y_ticks = std::clamp(static_cast<int>(plot_h / (line_h * 1.6f)), 1, std::max(1, g.style.y_ticks));
  // A share that never passes 100% (sums can land a rounding error above) ends at 100%:
  // headroom would label the top 120%, 150% or, with one interval, 200%.
  if (g.unit == Unit::Share && !log && hi <= 1.0 + 1e-9 && !std::isfinite(fit.y_max)) fit.y_max = 1.0;
  detail::fitRange(lo, hi, fit, &ylo, &yhi);
  g.yticks = niceTicks(ylo, yhi, fit.y_ticks, log);
  const double ystep = g.yticks.size() >= 2 ? g.yticks[1] - g.yticks[0] : 0.0;
  m.y0 = log ? std::log10(ylo) : ylo;
  m.y1 = log ? std::log10(yhi) : yhi;
  m.floor_v = ylo;

  // Layout: [title + unit] [legend rows] [plot with y labels on the left] [x labels].
  char lab[48];
  float gutter = 0;
  for (double t : g.yticks) {
    std::snprintf(lab, sizeof lab, "%s", formatTick(t, g.unit, log ? t : ystep).c_str());
    gutter = std::max(gutter, ImGui::CalcTextSize(lab).x);
  }
  gutter += 8.0f;
  float top = fr.Min.y;
  const char* title = g.str(g.title);
  const bool has_title = title[0] != '\0' || unitName(g.unit)[0] != '\0';
  if (has_title) {
    dl->PushClipRect(fr.Min, fr.Max, true);  // a long title never runs into the next chart
    const char* un = unitName(g.unit);
    lab[0] = '\0';
    if (un[0] != '\0') std::snprintf(lab, sizeof lab, title[0] != '\0' ? "  (%s)" : "(%s)", un);
    // A title too long for the chart (longer in some languages) takes a second line, and
    // beyond that is cut, so the unit stays in view after its last line: the y labels do not
    // repeat it.
    const float title_w = fr.GetWidth() - g.style.title_reserve;
    const float unit_w = ImGui::CalcTextSize(lab).x;
    std::vector<std::string> lines{title};
    if (ImGui::CalcTextSize(title).x + unit_w > title_w) lines = wrapped(title, title_w - unit_w, kTitleLines);
    float y = top;
    for (size_t i = 0; i < lines.size(); ++i, y += line_h) {
      dl->AddText(ImVec2(fr.Min.x, y), col_text, lines[i].c_str());
      if (i + 1 == lines.size() && lab[0] != '\0')
        dl->AddText(ImVec2(fr.Min.x + ImGui::CalcTextSize(lines[i].c_str()).x, y), col_dim, lab);
    }
    dl->PopClipRect();
    const float title_h = line_h * static_cast<float>(lines.size());
    // A cut title reads whole on hover (a class at the back cannot guess the rest).
    std::string joined = lines[0];
    for (size_t i = 1; i < lines.size(); ++i) joined += ' ' + lines[i];
    g.info.title_cut = joined != title;
    g.info.title_lines = static_cast<int>(lines.size());
    if (g.info.title_cut && g.hovered && ImGui::IsMouseHoveringRect(fr.Min, ImVec2(fr.Max.x, top + title_h))) {
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(title);
      ImGui::EndTooltip();
      g.info.tooltip_head.push_back(title);
    }
    top += title_h - line_h;
    top += line_h + st.ItemSpacing.y;
  }
  // End labels: a right margin as wide as the longest line label (at most a third of the chart;
  // a longer label takes more lines), a column from under the title to the frame's bottom that
  // the legend keeps out of.
  float right_margin = 4.0f;
  const float labels_top = top;
  if (g.style.end_labels) {
    const float cap = fr.GetWidth() / 3.0f;
    for (const Series& s : g.series)
      if (s.kind == Kind::Line && !hiddenLabel(g.str(s.label)))
        for (const std::string& l : wrapped(g.str(s.label), cap - 8.0f, kEndLabelLines))
          right_margin = std::max(right_margin, ImGui::CalcTextSize(l.c_str()).x + 8.0f);
    right_margin = std::min(right_margin, cap);
  }
  const float legend_x1 = fr.Max.x - (g.style.end_labels ? right_margin : 0.0f);
  if (g.style.show_legend) {
    // A crowded legend that would leave the plot under three lines is drawn smaller, down to
    // legend_min_scale (short charts in a large face: a story card's three in presenter mode).
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float scale0 = window->FontWindowScale;
    const float room = fr.Max.y - line_h - 4.0f - top - 3.0f * line_h;
    for (float s = 1.0f;
         s > g.style.legend_min_scale + 1e-3f && layoutLegend(dl, fr.Min.x + gutter, legend_x1, top, false) > room;) {
      s = std::max(s - 0.1f, g.style.legend_min_scale);
      ImGui::SetWindowFontScale(scale0 * s);
    }
    const float lh = layoutLegend(dl, fr.Min.x + gutter, legend_x1, top, true);
    ImGui::SetWindowFontScale(scale0);
    if (lh > 0) top += lh + st.ItemSpacing.y;
  }
  const float bottom = fr.Max.y - line_h - 4.0f;
  m.plot = ImRect(fr.Min.x + gutter, top, fr.Max.x - right_margin, std::max(bottom, top + 10.0f));
  const ImRect& pr = m.plot;

  // Background, grid and axis labels.
  dl->AddRectFilled(pr.Min, pr.Max, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.5f));
  for (double t : g.yticks) {
    const double tol = log ? ylo * 1e-9 : (yhi - ylo) * 1e-9;  // pinned ranges cut ticks
    if (t < ylo - tol || t > yhi + tol) continue;
    const float y = m.y(t);
    dl->AddLine(ImVec2(pr.Min.x, y), ImVec2(pr.Max.x, y), col_grid, px);
    std::snprintf(lab, sizeof lab, "%s", formatTick(t, g.unit, log ? t : ystep).c_str());
    const ImVec2 ts = ImGui::CalcTextSize(lab);
    // Not below the plot's bottom edge: the first x label sits there, under the gutter.
    const float ty = std::max(fr.Min.y, std::min(y - ts.y * 0.5f, pr.Max.y - ts.y));
    dl->AddText(ImVec2(pr.Min.x - 4.0f - ts.x, ty), col_dim, lab);
    g.info.axis_labels.push_back({ImVec2(pr.Min.x - 4.0f - ts.x, ty), ImVec2(pr.Min.x - 4.0f, ty + ts.y)});
  }
  computeXTicks(m);
  for (const detail::XTick& t : g.xticks) {
    const float x = m.x(t.i);
    dl->AddLine(ImVec2(x, pr.Min.y), ImVec2(x, pr.Max.y), col_grid, px);
    const float w = ImGui::CalcTextSize(t.text).x;
    const float tx = std::clamp(x - w * 0.5f, fr.Min.x, fr.Max.x - w);
    dl->AddText(ImVec2(tx, pr.Max.y + 2.0f), col_dim, t.text);
    g.info.axis_labels.push_back({ImVec2(tx, pr.Max.y + 2.0f), ImVec2(tx + w, pr.Max.y + 2.0f + line_h)});
  }

  // Data, clipped to the plot. Fills first, then dashed lines under solid ones.
  dl->PushClipRect(pr.Min, pr.Max, true);
  // Projection: months after the record, hatched lightly under the data and labelled.
  if (g.projection >= 0 && g.projection < n_x - 1) {
    const float x0 = m.x(g.projection);
    dl->AddRectFilled(ImVec2(x0, pr.Min.y), pr.Max, ImGui::GetColorU32(ImGuiCol_Text, 0.06f));
    const ImU32 hatch = ImGui::GetColorU32(ImGuiCol_Text, 0.07f);
    const float step = line_h;
    for (float x = x0 - pr.GetHeight(); x < pr.Max.x; x += step)
      dl->AddLine(ImVec2(x, pr.Max.y), ImVec2(x + pr.GetHeight(), pr.Min.y), hatch, px);
    dl->AddLine(ImVec2(x0, pr.Min.y), ImVec2(x0, pr.Max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.45f), px);
    const char* label = tr("projection \xe2\x86\x92");  // →
    const ImVec2 ts = ImGui::CalcTextSize(label);
    if (x0 + 4.0f + ts.x < pr.Max.x) dl->AddText(ImVec2(x0 + 4.0f, pr.Max.y - ts.y - 2.0f), col_dim, label);
  }
  for (const Series& s : g.series) {
    if (s.kind != Kind::Fill) continue;
    const int n = std::min(s.n, n_x);
    drawFill(dl, m, g.data(s.lo), g.data(s.hi), n, withAlpha(s.col, s.band ? 0.40f : 0.55f));
    if (!s.band) {
      drawLine(dl, m, g.data(s.hi), n, s.col, px);  // crisp layer edge
    } else {  // dashed edges mark the band even where it is a few pixels wide (log axes)
      drawDashed(dl, m, g.data(s.lo), n, withAlpha(s.col, 0.9f), px);
      drawDashed(dl, m, g.data(s.hi), n, withAlpha(s.col, 0.9f), px);
    }
  }
  // A line too faint on the plot alone runs on a thin edge of the text colour.
  for (const Series& s : g.series)
    if (s.kind == Kind::Dashed) {
      if (const ImU32 edge = faintEdge(s.col)) {
        drawDashed(dl, m, g.data(s.y), std::min(s.n, n_x), edge, 3.5f * px);
        ++g.info.edged;
      }
      drawDashed(dl, m, g.data(s.y), std::min(s.n, n_x), s.col, 1.5f * px);
    }
  for (const Series& s : g.series)
    if (s.kind == Kind::Line) {
      if (const ImU32 edge = faintEdge(s.col)) {
        drawLine(dl, m, g.data(s.y), std::min(s.n, n_x), edge, 4.0f * px);
        ++g.info.edged;
      }
      drawLine(dl, m, g.data(s.y), std::min(s.n, n_x), s.col, 2.0f * px);
    }

  // Event markers: labels near the top, staggered over up to three rows.
  std::sort(g.markers.begin(), g.markers.end(), [](const MarkerRec& a, const MarkerRec& b) { return a.x < b.x; });
  float row_end[3] = {-1e30f, -1e30f, -1e30f};
  for (const MarkerRec& mk : g.markers) {
    if (mk.x < 0 || mk.x >= n_x) continue;
    const float x = m.x(mk.x);
    dl->AddLine(ImVec2(x, pr.Min.y), ImVec2(x, pr.Max.y),
                mk.col != 0 ? mk.col : ImGui::GetColorU32(ImGuiCol_Text, 0.35f), px);
    const char* label = g.str(mk.label);
    if (label[0] == '\0' || !g.style.marker_labels) continue;
    const ImVec2 ts = ImGui::CalcTextSize(label);
    float lx = x + 3.0f;
    if (lx + ts.x > pr.Max.x) lx = std::max(pr.Min.x, x - 3.0f - ts.x);
    // First row with room; when all three are taken the label is left out (the line
    // stays, and the hover tooltip names the event) rather than drawn over another.
    int row = -1;
    for (int r = 0; r < 3 && row < 0; ++r)
      if (lx > row_end[r] + 4.0f) row = r;
    if (row < 0) continue;
    row_end[row] = lx + ts.x;
    const ImVec2 p(lx, pr.Min.y + 2.0f + static_cast<float>(row) * line_h);
    dl->AddRectFilled(ImVec2(p.x - 1, p.y), ImVec2(p.x + ts.x + 1, p.y + ts.y),
                      ImGui::GetColorU32(ImGuiCol_WindowBg, 0.75f));
    dl->AddText(p, col_text, label);
  }

  // Story mode veil over the future, then the scrubber cursor on top.
  if (g.future >= 0 && g.future < n_x - 1) {
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    bg.w = 0.7f;
    dl->AddRectFilled(ImVec2(m.x(g.future), pr.Min.y), pr.Max, ImGui::ColorConvertFloat4ToU32(bg));
  }
  if (g.cursor >= 0 && g.cursor < n_x)
    dl->AddLine(ImVec2(m.x(g.cursor), pr.Min.y), ImVec2(m.x(g.cursor), pr.Max.y),
                ImGui::GetColorU32(ImGuiCol_Text, 0.8f), 1.5f * px);

  // Hover: crosshair at the nearest month, dots on the lines, tooltip with every value.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  res.hovered = g.hovered;
  res.clicked = g.pressed;
  res.title_cut = g.info.title_cut;
  if (g.hovered && n_x > 0 && mouse.x >= pr.Min.x && mouse.x <= pr.Max.x) {
    res.hover_x = m.index(mouse.x);
    const float x = m.x(res.hover_x);
    dl->AddLine(ImVec2(x, pr.Min.y), ImVec2(x, pr.Max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.35f), px);
    for (const Series& s : g.series) {
      const double* v = s.kind == Kind::Fill ? (s.band ? nullptr : g.data(s.hi)) : g.data(s.y);
      if (v != nullptr && res.hover_x < s.n && std::isfinite(v[res.hover_x]))
        dl->AddCircleFilled(ImVec2(x, m.y(v[res.hover_x])), 3.5f, s.col, 10);
    }
  }
  dl->PopClipRect();
  dl->AddRect(pr.Min, pr.Max, ImGui::GetColorU32(ImGuiCol_Border));
  if (g.style.end_labels) drawEndLabels(dl, m, n_x, fr, labels_top);
  for (const std::string& l : g.info.end_labels)
    res.end_label_lost |= l.size() >= 3 && l.compare(l.size() - 3, 3, "...") == 0;
  res.end_label_lost |= g.info.end_labels_overlap;
  if (res.hover_x >= 0) tooltip(res.hover_x);

  g.info.plot_min = pr.Min;
  g.info.plot_max = pr.Max;
  g.info.y_min = ylo;
  g.info.y_max = yhi;
  g.info.n_x = n_x;
  g.info.n_series = static_cast<int>(g.series.size());
  g.info.future = g.future;
  g.info.projection = g.projection;
  g.info.vtx_drawn = dl->VtxBuffer.Size - vtx0;
  ImGui::PopID();
  return res;
}

const detail::ChartInfo& detail::lastChart() { return g.info; }
const std::vector<detail::XTick>& detail::lastXTicks() { return g.xticks; }

}  // namespace cp::chart
