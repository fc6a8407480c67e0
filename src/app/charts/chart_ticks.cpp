// Chart x axis: which month labels become ticks, so they fit without crowding.

#include "chart_context.h"
#include "app/core/tr.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cp::chart::internal {

// "2025-04" -> year 2025, month 4.
bool parseYearMonth(const char* s, int* year, int* month) {
  if (std::strlen(s) < 7 || s[4] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6})
    if (s[i] < '0' || s[i] > '9') return false;
  *year = std::atoi(s);
  *month = std::atoi(s + 5);
  return *month >= 1 && *month <= 12;
}

namespace {

void pushTick(int i, const char* text) {
  detail::XTick t;
  t.i = i;
  std::snprintf(t.text, sizeof t.text, "%s", text);
  g.xticks.push_back(t);
}

}  // namespace

// Month labels when they fit (<= 3 years, aligned to quarters/halves), otherwise years at
// each January (every 2nd/5th/... year when even those crowd). Non-date labels: every k-th.
void computeXTicks(const Map& m) {
  g.xticks.clear();
  const int n = m.n_x;
  if (n <= 0) return;
  const float px_per = n > 1 ? m.plot.GetWidth() / static_cast<float>(n - 1) : m.plot.GetWidth();
  const float pad = 14.0f;
  int y0 = 0, m0 = 0, y1 = 0, m1 = 0;
  const bool dated = g.has_x_labels && parseYearMonth(g.str(g.x_labels[0]), &y0, &m0) &&
                     parseYearMonth(g.str(g.x_labels[static_cast<size_t>(n - 1)]), &y1, &m1);
  if (dated) {
    const float month_w = ImGui::CalcTextSize("2025-04").x + pad;
    if (n <= 37) {
      for (int step : {1, 2, 3, 6}) {
        if (static_cast<float>(step) * px_per < month_w) continue;
        for (int i = 0; i < n; ++i) {
          int yy = 0, mm = 0;
          if (parseYearMonth(g.str(g.x_labels[static_cast<size_t>(i)]), &yy, &mm) && (mm - 1) % step == 0)
            pushTick(i, g.str(g.x_labels[static_cast<size_t>(i)]));
        }
        if (!g.xticks.empty()) return;
      }
    }
    const float year_w = ImGui::CalcTextSize("2025").x + pad;
    int ystep = 1;
    for (int s : {1, 2, 5, 10, 20, 50, 100}) {
      ystep = s;
      if (static_cast<float>(s) * 12.0f * px_per >= year_w) break;
    }
    for (int i = 0; i < n; ++i) {
      int yy = 0, mm = 0;
      if (parseYearMonth(g.str(g.x_labels[static_cast<size_t>(i)]), &yy, &mm) && mm == 1 && yy % ystep == 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%d", yy);
        pushTick(i, buf);
      }
    }
    if (g.xticks.empty()) {  // short span without a January: name the first year
      char buf[16];
      std::snprintf(buf, sizeof buf, "%d", y0);
      pushTick(0, buf);
    }
    return;
  }
  // Generic labels (or indices): widest of a few samples decides the spacing.
  char buf[16];
  float w = 0;
  for (int i : {0, n / 2, n - 1}) {
    const char* s = g.has_x_labels ? g.str(g.x_labels[static_cast<size_t>(i)]) : nullptr;
    if (s == nullptr) {
      std::snprintf(buf, sizeof buf, "%d", i);
      s = buf;
    }
    w = std::max(w, ImGui::CalcTextSize(s).x);
  }
  auto fits = [&](int step) { return static_cast<float>(step) * px_per >= w + pad; };
  int step = 1;
  for (int k = 1; !fits(step) && step < n; k *= 10)
    for (int f : {1, 2, 5})
      if (!fits(step)) step = k * f;
  for (int i = 0; i < n; i += step) {
    if (g.has_x_labels) {
      pushTick(i, g.str(g.x_labels[static_cast<size_t>(i)]));
    } else {
      std::snprintf(buf, sizeof buf, "%d", i);
      pushTick(i, buf);
    }
  }
}

}  // namespace cp::chart::internal
