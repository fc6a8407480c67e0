// What the dashboard charts and KPI cards show, as data: one table row per chart or card
// (chart_specs.cpp), so adding a chart is one line there. Series name results by
// (scope, id, metric) — the names in src/engine/README.md "Metrics" — with a few patterns so that lists of blocs
// and jurisdictions come from the scenario, not from C++:
//
//   id      "*"      every entity of the scope in the scenario (blocs, jurisdictions, ...)
//           "*in:B"  every jurisdiction (or company) in bloc B, e.g. "*in:sea"
//   metric  "{j}"    one series per jurisdiction, e.g. "revenue_to_{j}_usd"
//           "a+b"    the sum of two metrics (e.g. training + inference compute)
//   label   "{name}" the entity's (or {j}'s jurisdiction's) short name from the scenario
//
// Tables list their columns here too: company and chip metrics in the month shown.
#pragma once

#include "app/charts/chart_units.h"
#include "engine/results.h"

#include <string>
#include <vector>

namespace cp::app {

struct SeriesSpec {
  cp::Scope scope = cp::Scope::Global;
  const char* id = "world";
  const char* metric = "";
  const char* label = "{name}";
};

enum class ChartKind { Lines, Stacked };

struct ChartSpec {
  const char* id;  // stable, for probes and exported file names
  const char* title;
  chart::Unit unit;
  ChartKind kind;
  std::vector<SeriesSpec> series;
  bool log = false;  // log y axis by default (values spanning decades)
  // What the short title leaves out (the chart's tooltip above the plot); empty: nothing.
  const char* help = "";
  // The same chart in FLOP-H100e (View > Compute in FLOP-H100e); empty: no FLOP view.
  std::vector<SeriesSpec> flop_series = {};
  chart::Unit flop_unit = chart::Unit::FlopH100e;
  // The title in the FLOP view when it counts something else (shares of chips vs of FLOP).
  const char* flop_title = nullptr;
};

enum class KpiAggregate { Month, Sum12 };  // value in the month, or sum of the 12 months ending there

struct KpiSpec {
  const char* id;
  const char* title;
  chart::Unit unit;
  SeriesSpec series;
  KpiAggregate aggregate;
  const char* help;  // tooltip
  // Who gains when it moves: KPI colours are neutral unless a workshop team's objective
  // says which way is better for that team (then better / worse for the team in view).
  const char* who_gains = "";
};

struct ColumnSpec {
  const char* header;
  const char* metric;
  chart::Unit unit;
  bool cumulative = false;  // sum from the first month up to the month shown
  const char* help = "";
};

const std::vector<ChartSpec>& chartSpecs();
// The chart's (untranslated) title in the view shown: flop = View > Compute in FLOP-H100e.
const char* chartTitle(const ChartSpec& spec, bool flop);
// View > Compute in FLOP-H100e's tooltip (translated): which charts it switches, by name,
// and that the KPI cards, tables and other charts stay as they are.
std::string flopViewHelp();
const std::vector<ColumnSpec>& companyColumns();  // company scope
const std::vector<ColumnSpec>& chipColumns();     // chip scope
const std::vector<KpiSpec>& kpiSpecs();

}  // namespace cp::app
