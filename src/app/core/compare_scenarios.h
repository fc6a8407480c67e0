// The Compare scenarios window's data: several scenario files run side by side, their
// KPIs in one month as a table, one series of each as small multiples. No ImGui here.
//
//   CompareScenarios c;
//   listCompareFiles(c, state.scenario_path);   // the library beside the open scenario, all picked
//   runCompare(c);                             // loads and runs the picked files (threads: one per core)
//   (the dashboard: update() does both while the window is open; the window pushes commands)
//   double v = compareKpi(c, scenario, kpi, absMonth);
#pragma once

#include "app/core/explain.h"
#include "engine/results.h"
#include "engine/scenario.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cp::app {

struct CompareScenarios {
  std::vector<std::string> files;  // offered
  std::vector<char> picked;        // parallel to files
  struct Run {
    std::string file, name, error;  // error: could not load or run
    std::shared_ptr<const cp::Scenario> scenario;
    std::shared_ptr<const cp::Results> results;
  };
  std::vector<Run> runs;                           // the picked files, in order, after runCompare
  ExplainTarget series;                            // the small multiples' series
  std::vector<std::vector<double>> series_values;  // per run, of `seriesOf` (refreshCompareSeries)
  std::optional<ExplainTarget> series_of;
  bool listed = false;
  std::string listed_for;  // the open scenario the list was made for
};

void listCompareFiles(CompareScenarios& c, const std::string& open_scenario_path);
// The list was made for this scenario (else update() lists and runs again).
bool compareListedFor(const CompareScenarios& c, const std::string& open_scenario_path);
void runCompare(CompareScenarios& c);
// A KPI of run `run` in absolute month `month` (NaN when missing or outside the run).
double compareKpi(const CompareScenarios& c, size_t run, size_t kpi, int month);
// The series (ExplainTarget) of run `run` over its months (empty when missing).
std::vector<double> compareSeries(const CompareScenarios& c, size_t run, const ExplainTarget& target);
// Fills series_values for `series` unless they are of it already.
void refreshCompareSeries(CompareScenarios& c);
// scenario,file,kpi,month,value for every run and KPI.
std::string compareCsv(const CompareScenarios& c, int month);

}  // namespace cp::app
