#include "engine/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "engine/levers.h"
#include "engine/simulate.h"

namespace cp {

Sensitivity sensitivity(const Scenario& s, const MetricPoint& p, const std::vector<int>& levers,
                        const AnalysisOptions& o) {
  checkMetricPoint(s, p);
  return sensitivity(s, toMetric(p), levers, o);
}

Sensitivity sensitivity(const Scenario& s, const Metric& p, const std::vector<int>& levers, const AnalysisOptions& o) {
  checkMonth(s, p.month);
  Sensitivity t;
  t.metric = p.label;
  t.month = p.month;
  std::vector<int> chosen = levers;
  if (chosen.empty())
    for (int i = 0; i < static_cast<int>(s.levers.size()); ++i) chosen.push_back(i);
  for (int i : chosen)
    if (i < 0 || i >= static_cast<int>(s.levers.size()))
      throw AnalysisError(reason("lever index {} does not exist in '{}'", i, s.name));

  t.rows.resize(chosen.size());
  for (std::size_t r = 0; r < chosen.size(); ++r) {
    SensitivityRow& row = t.rows[r];
    const Lever& l = s.levers[chosen[r]];
    row.lever = chosen[r];
    row.id = l.id;
    row.label = l.label;
    row.help = l.help;
    std::tie(row.low, row.high) = leverEnds(l);
    row.low_text = formatLeverValue(l, row.low);
    row.high_text = formatLeverValue(l, row.high);
  }
  // Run 0 is the scenario as given; then low and high of each row.
  std::vector<double> values(1 + 2 * chosen.size(), 0.0);
  const bool complete = runValues(values, o, [&](std::size_t i) {
    if (i == 0) return metricValue(s, p);
    const SensitivityRow& row = t.rows[(i - 1) / 2];
    const double v = (i - 1) % 2 == 0 ? row.low : row.high;
    return metricValue(withLevers(s, {LeverSetting{row.lever, v, -1}}), p);
  });
  t.runs = static_cast<int>(values.size());
  if (!complete) {
    t.partial = true;
    t.rows.clear();
    return t;
  }
  t.value = values[0];
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    SensitivityRow& row = t.rows[r];
    row.at_low = values[1 + 2 * r];
    row.at_high = values[2 + 2 * r];
    row.swing = std::fabs(row.at_high - row.at_low);
  }
  std::stable_sort(t.rows.begin(), t.rows.end(),
                   [](const SensitivityRow& a, const SensitivityRow& b) { return a.swing > b.swing; });
  return t;
}

ScenarioMatrix scenarioMatrix(const std::vector<Scenario>& scenarios, const std::vector<MetricPoint>& points,
                              const AnalysisOptions& o) {
  ScenarioMatrix m;
  m.points = points;
  for (const Scenario& s : scenarios) m.scenarios.push_back(s.name);
  m.values.assign(scenarios.size() * points.size(), std::numeric_limits<double>::quiet_NaN());
  int last = 0;
  for (const MetricPoint& p : points) last = std::max(last, p.month);
  RunOptions recording;  // the runs record only the points' series
  for (const MetricPoint& p : points) recording.record.patterns.push_back(p.selector());
  const bool complete = runBatch(scenarios.size(), o, [&](std::size_t i) {
    Scenario s = scenarios[i];
    s.end = std::min(s.end, last);
    if (s.end < s.start) return;
    const Results r = simulate(s, recording);
    for (std::size_t j = 0; j < points.size(); ++j) {
      const MetricPoint& p = points[j];
      const double* v = r.find(p.scope, p.id, p.metric);
      if (v && p.month >= r.start() && p.month < r.start() + r.months())
        m.values[i * points.size() + j] = v[r.monthIndex(p.month)];
    }
  });
  m.partial = !complete;
  if (complete)
    for (std::size_t j = 0; j < points.size(); ++j) {
      bool any = false;
      for (std::size_t i = 0; i < scenarios.size(); ++i) any = any || !std::isnan(m.at(i, j));
      if (!any && !scenarios.empty()) {
        checkMetricPoint(scenarios.front(), points[j]);  // throws the specific reason
        throw AnalysisError(reason("no scenario has a value of {}", points[j].str()));
      }
    }
  return m;
}

}  // namespace cp
