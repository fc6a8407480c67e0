// Chart primitives: filled bands, solid and dashed polylines, broken at gaps (NaN).

#include "chart_context.h"
#include "app/core/tr.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cp::chart::internal {

namespace {
// Below this contrast with the plot a line is hard to follow on a washed-out projector: the
// light theme's yellow (about 1.1). The other palette colours, about 1.9 and more, stay as
// they are, so that the palette's lightness steps stay as designed.
constexpr float kFaintLine = 1.5f;
// End labels are text: the WCAG minimum for large text and graphics.
constexpr float kLegibleLabel = 3.0f;
}  // namespace

ImU32 plotBackground() {
  return over(ImGui::GetColorU32(ImGuiCol_FrameBg, 0.5f), over(ImGui::GetColorU32(ImGuiCol_WindowBg), IM_COL32_BLACK));
}

ImU32 faintEdge(ImU32 col) {
  if (contrastRatio(over(col, plotBackground()), plotBackground()) >= kFaintLine) return 0;
  return ImGui::GetColorU32(ImGuiCol_Text, 0.6f);
}

ImU32 legibleText(ImU32 col) {
  const ImU32 bg = plotBackground(), text = ImGui::GetColorU32(ImGuiCol_Text);
  ImU32 out = col;
  for (int step = 1; step <= 10 && contrastRatio(out, bg) < kLegibleLabel; ++step)  // towards the text colour
    out = over((text & ~IM_COL32_A_MASK) | (static_cast<ImU32>(step * 255 / 10) << IM_COL32_A_SHIFT), col);
  return out;
}

// Filled band between two edges, as one quad per segment written straight into the vertex
// buffer: no anti-aliasing fringes, so adjacent quads leave no seams.
void drawFill(ImDrawList* dl, const Map& m, const double* lo, const double* hi, int n, ImU32 col) {
  auto ok = [&](int i) { return std::isfinite(lo[i]) && std::isfinite(hi[i]); };
  int segs = 0;
  for (int i = 0; i + 1 < n; ++i) segs += ok(i) && ok(i + 1);
  if (segs == 0) return;
  dl->PrimReserve(segs * 6, segs * 4);
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  for (int i = 0; i + 1 < n; ++i) {
    if (!ok(i) || !ok(i + 1)) continue;
    const float xa = m.x(i), xb = m.x(i + 1);
    dl->PrimQuadUV(ImVec2(xa, m.y(lo[i])), ImVec2(xa, m.y(hi[i])), ImVec2(xb, m.y(hi[i + 1])),
                   ImVec2(xb, m.y(lo[i + 1])), uv, uv, uv, uv, col);
  }
}

// Calls fn(points, count) for each run of finite values: NaN/inf break the line.
template <class Fn>
void forEachRun(const Map& m, const double* ys, int n, Fn&& fn) {
  g.pts.clear();
  for (int i = 0; i <= n; ++i) {
    if (i < n && std::isfinite(ys[i])) {
      g.pts.emplace_back(m.x(i), m.y(ys[i]));
    } else if (!g.pts.empty()) {
      fn(g.pts.data(), static_cast<int>(g.pts.size()));
      g.pts.clear();
    }
  }
}

void drawLine(ImDrawList* dl, const Map& m, const double* ys, int n, ImU32 col, float thick) {
  forEachRun(m, ys, n, [&](const ImVec2* p, int c) {
    if (c == 1)
      dl->AddCircleFilled(p[0], thick + 1.0f, col, 8);  // a lone point stays visible
    else
      dl->AddPolyline(p, c, col, ImDrawFlags_None, thick);
  });
}

// Dashes follow the path (a dash may turn a corner), so steep lines keep an even rhythm.
void drawDashed(ImDrawList* dl, const Map& m, const double* ys, int n, ImU32 col, float thick) {
  constexpr float kOn = 6.0f, kOff = 4.0f;
  std::vector<ImVec2>& dash = g.dash;  // g.pts holds the run being dashed
  forEachRun(m, ys, n, [&](const ImVec2* p, int c) {
    if (c == 1) {
      dl->AddCircleFilled(p[0], thick + 1.0f, col, 8);
      return;
    }
    bool on = true;
    float left = kOn;
    dash.assign(1, p[0]);
    for (int i = 0; i + 1 < c; ++i) {
      const ImVec2 a = p[i], b = p[i + 1];
      const float len = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
      if (!(len > 0)) continue;
      float t = 0;
      while (len - t > left) {
        t += left;
        const ImVec2 q(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len);
        if (on) {
          dash.push_back(q);
          dl->AddPolyline(dash.data(), static_cast<int>(dash.size()), col, ImDrawFlags_None, thick);
          dash.clear();
        } else {
          dash.assign(1, q);
        }
        on = !on;
        left = on ? kOn : kOff;
      }
      left -= len - t;
      if (on) dash.push_back(b);
    }
    if (on && dash.size() >= 2)
      dl->AddPolyline(dash.data(), static_cast<int>(dash.size()), col, ImDrawFlags_None, thick);
  });
}

}  // namespace cp::chart::internal
