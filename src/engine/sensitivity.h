// One lever at a time (a tornado) and many scenarios side by side (a matrix).
//
//   Sensitivity t = sensitivity(s, p, {}, o);   // every lever, largest swing first
//   ScenarioMatrix m = scenarioMatrix({a, b, c}, {p1, p2}, o);
//   double v = m.at(1, 0);                      // scenario b, point p1 (NaN when b lacks it)
//
// A tornado row sets one lever alone to each end of its declared range for the whole run
// (leverEnds in analysis.h: bool off/on, number and share min/max, month earliest/never,
// choice first/last) and reads the metric; swing = |at high - at low|. Rows sort by swing,
// largest first; ties keep the scenario's lever order.
#pragma once
#include <string>
#include <vector>

#include "engine/analysis.h"

namespace cp {

struct SensitivityRow {
  int lever = -1;
  std::string id, label, help;
  double low = 0, high = 0;         // lever values at the two ends
  std::string low_text, high_text;  // as typed
  double at_low = 0, at_high = 0, swing = 0;
};

struct Sensitivity {
  std::string metric;  // Metric::label
  int month = 0;
  double value = 0;  // the metric in the scenario as given
  std::vector<SensitivityRow> rows;
  int runs = 0;
  bool partial = false;  // cancelled: rows are missing
};

// `levers`: indices into s.levers; empty = all. Throws AnalysisError for a bad point or
// a month outside the scenario.
Sensitivity sensitivity(const Scenario& s, const Metric& m, const std::vector<int>& levers = {},
                        const AnalysisOptions& o = {});
Sensitivity sensitivity(const Scenario& s, const MetricPoint& p, const std::vector<int>& levers = {},
                        const AnalysisOptions& o = {});

struct ScenarioMatrix {
  std::vector<std::string> scenarios;  // names
  std::vector<MetricPoint> points;
  std::vector<double> values;  // [scenario][point]; NaN where a scenario lacks the series or month
  double at(std::size_t scenario, std::size_t point) const { return values[scenario * points.size() + point]; }
  bool partial = false;
};

// One run per scenario (ended at the latest month asked). Throws AnalysisError when a
// point's series exists in none of the scenarios.
ScenarioMatrix scenarioMatrix(const std::vector<Scenario>& scenarios, const std::vector<MetricPoint>& points,
                              const AnalysisOptions& o = {});

}  // namespace cp
