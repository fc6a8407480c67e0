// chart: what the chart module's callers describe without drawing: units and their labels,
// tick values, event markers. No ImGui here, so the app's model (chart specs, dashboard
// data) can name a unit without pulling in the drawing (chart.h).
#pragma once

#include <string>
#include <vector>

namespace cp::chart {

// Units, tick values, labels (pure functions, see chart_axes.cpp)

enum class Unit { None, H100e, Usd, UsdBn, MW, Months, Share, Units, Flop, FlopH100e };

// Compact human label, ~2 significant digits:
//   1.2e6 H100e -> "1.2M H100e", 1.5e9 Usd -> "$1.5bn", 3.4 UsdBn -> "$3.4bn",
//   250 MW -> "250 MW" (1500 -> "1.5 GW"), 14 Months -> "14 mo", 0.354 Share -> "35%",
//   3.1e25 Flop -> "3.1e25 FLOP", 1200 Units -> "1.2k units". NaN -> "n/a".
std::string formatValue(double v, Unit u);

// Axis label for tick value v on an axis with tick spacing `step`: enough decimals to
// tell neighbouring ticks apart, no long unit word (the unit name sits by the title).
std::string formatTick(double v, Unit u, double step);

// Short unit name for axis captions: "H100e", "USD", "MW", "months", "share", "FLOP"...
const char* unitName(Unit u);

// Round tick values covering [lo, hi]: first <= lo, last >= hi, about `target` intervals,
// spacing 1, 2 or 5 x 10^k (0..97, 5 -> 0,20,...,100). log: powers of ten (every
// decade, or every 2nd/3rd/... when there are many); lo <= 0 is clamped to a floor.
// Degenerate input (lo == hi, NaN, inf) still gives at least two finite ticks.
std::vector<double> niceTicks(double lo, double hi, int target, bool log);

// Vertical labelled event line at month index x. Keep labels short (~12 chars).
struct Marker {
  int x = 0;
  const char* label = "";
  unsigned int col = 0;  // an ImU32; 0 = text colour, faint
};

}  // namespace cp::chart
