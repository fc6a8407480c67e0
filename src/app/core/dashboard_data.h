// Display data for the panels, picked out of Results once when new results arrive (not
// every frame): the month axis, each chart's series (current and baseline), KPI series,
// table rows. Values are copied from Results as they are; the only arithmetic is the
// display-level kind the specs name (sums of two metrics, 12-month and running totals).
//
//   DashboardData d;
//   rebuildDashboard(d, scenario, current.get(), baseline.get());
//   const ChartData& c = d.charts[i];   // parallel to chartSpecs()
#pragma once

#include "app/core/chart_specs.h"
#include "app/charts/chart_units.h"
#include "engine/results.h"
#include "engine/scenario.h"

#include <string>
#include <vector>

namespace cp::app {

// "YYYY-MM" for each month of a run, with C-string pointers for chart::beginChart.
struct MonthAxis {
  int start = 0;  // absolute month of index 0
  std::vector<std::string> labels;
  std::vector<const char*> ptrs;
  int count() const { return static_cast<int>(labels.size()); }
  // "2028-06" in English, "черв. 2028" in Ukrainian (the language at the time of the call).
  const char* label(int t) const;
};
MonthAxis makeMonthAxis(int start, int months);
// A month as people read it in the current language: ISO "2028-06" in English (as the CLI
// writes it), "черв. 2028" in Ukrainian. The pointer stays valid for the program's life.
const char* displayMonth(int abs_month);
// A lever value as people read it, as the lever panel shows it: "on"/"off" and months in
// the current language, a share as a percentage ("25%"), a number with its unit and the
// step's decimals ("0.50 x per year"), in the language's decimal mark. Not for ids or
// files: cp::formatLeverValue() is.
std::string displayLeverValue(const cp::Lever& l, double v);
// The lever panel's slider for a number or share lever: the printf format ("%.0f%%" for a
// share, "%.2f x per year" for a number; '%' escaped) and the factor its value is shown at
// (100 for a share, else 1).
std::string leverSliderFormat(const cp::Lever& l);
double leverSliderScale(const cp::Lever& l);
// A slider's printf format ("%.2f x") with `value` already written in the language's style
// ("1,00 x"), '%' escaped: Dear ImGui prints a format without a directive as it is. English
// (a decimal point) gets the format back unchanged.
std::string localizedSliderFormat(const std::string& format, double value);

struct SeriesData {
  std::string label;
  std::vector<double> current, baseline;  // baseline empty when there is none
};

struct ChartData {
  std::vector<SeriesData> series;
  bool flop = false;     // drawn from the spec's flop_series (View > Compute in FLOP-H100e)
  bool differs = false;  // current differs from baseline somewhere (draw the dashed lines)
  // Stacked charts: top edge of each baseline layer (running sum), drawn dashed.
  std::vector<std::vector<double>> baseline_tops;
};

struct KpiData {
  bool available = false;  // the series exists in the results
  std::vector<double> current, baseline;
};

struct TableRow {
  std::string id, name, full_name, group;    // group: HQ (companies) or vendor (chips)
  std::vector<std::vector<double>> columns;  // one monthly series per column spec
};

struct DashboardData {
  MonthAxis months;
  std::vector<std::string> marker_labels;
  std::vector<chart::Marker> markers;  // scenario events (labels point into marker_labels)
  std::vector<ChartData> charts;       // parallel to chartSpecs()
  std::vector<KpiData> kpis;           // parallel to kpiSpecs()
  std::vector<TableRow> companies;     // companies that are not operators
  std::vector<TableRow> chips;
  bool have_baseline = false;
  bool flop_units = false;  // input: charts with a FLOP view use it
  std::string language;     // the interface language the labels were built in
};

// Display name: the part before " (" ("Alibaba (Qwen)" -> "Alibaba").
std::string shortName(const std::string& name);

// A series pattern resolved against a scenario: one labelled series, the sum of `metrics`
// of entity (scope, id). Charts list theirs in this order (the uncertainty bands too).
struct ResolvedSeries {
  std::string label;
  cp::Scope scope;
  std::string id;
  std::vector<std::string> metrics;  // summed
};
std::vector<ResolvedSeries> resolveSeries(const SeriesSpec& spec, const cp::Scenario& s);

void rebuildDashboard(DashboardData& d, const cp::Scenario& s, const cp::Results* current, const cp::Results* baseline);

// A KPI's value in month index t (NaN when unavailable).
double kpiValue(const KpiSpec& spec, const std::vector<double>& series, int t);
// A table cell: the column's value in month t (a running total for cumulative columns).
double columnValue(const ColumnSpec& spec, const std::vector<double>& series, int t);

}  // namespace cp::app
