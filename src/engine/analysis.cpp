#include "engine/analysis.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include <fmt/format.h>

#include "engine/levers.h"
#include "engine/parallel.h"
#include "engine/simulate.h"

namespace cp {

std::string MetricPoint::selector() const { return fmt::format("{}/{}/{}", toString(scope), id, metric); }
std::string MetricPoint::str() const { return fmt::format("{} in {}", selector(), formatMonth(month)); }

MetricPoint parseMetricPoint(std::string_view selector, std::string_view month) {
  MetricPoint p;
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t slash = selector.find('/', begin);
    parts.push_back(selector.substr(begin, slash == std::string_view::npos ? slash : slash - begin));
    if (slash == std::string_view::npos) break;
    begin = slash + 1;
  }
  if (parts.size() != 3)
    throw AnalysisError(reason("metric '{}': expected SCOPE/ID/METRIC, e.g. bloc/china/compute_train_h100e", selector));
  for (std::string_view part : parts)
    if (part.empty() || part == "*")
      throw AnalysisError(reason("metric '{}': every part must be named (no empty part, no '*')", selector));
  if (!parseScope(parts[0], p.scope))
    throw AnalysisError(reason("metric '{}': unknown scope '{}' (company, bloc, jurisdiction, vendor, chip or global)",
                               selector, parts[0]));
  p.id = parts[1];
  p.metric = parts[2];
  const auto m = parseMonth(month);
  if (!m || *m == kNever) throw AnalysisError(reason("month: expected a month YYYY-MM, got '{}'", month));
  p.month = *m;
  return p;
}

std::vector<SeriesKey> seriesOf(const Scenario& s) {
  Scenario probe = s;
  probe.end = probe.start;
  return simulate(probe).keys();
}

void checkMonth(const Scenario& s, int month) {
  if (month < s.start || month > s.end)
    throw AnalysisError(reason("month {} is outside scenario '{}' ({}..{})", formatMonth(month), s.name,
                               formatMonth(s.start), formatMonth(s.end)));
}

void checkMetricPoint(const Scenario& s, const MetricPoint& p) {
  checkMonth(s, p.month);
  const std::vector<SeriesKey> keys = seriesOf(s);
  std::vector<std::string> ids, metrics;
  for (const SeriesKey& k : keys) {
    if (k.scope != p.scope) continue;
    if (k.id == p.id && k.metric == p.metric) return;
    if (std::find(ids.begin(), ids.end(), k.id) == ids.end()) ids.push_back(k.id);
    if (k.id == p.id && std::find(metrics.begin(), metrics.end(), k.metric) == metrics.end())
      metrics.push_back(k.metric);
  }
  if (!metrics.empty())
    throw AnalysisError(reason("metric '{}': {} {} has no metric '{}' (it has {})", p.selector(), toString(p.scope),
                               p.id, p.metric, fmt::format("{}", fmt::join(metrics, ", "))));
  if (ids.empty())
    throw AnalysisError(reason("metric '{}': scenario '{}' has no {} '{}' (it has none)", p.selector(), s.name,
                               toString(p.scope), p.id));
  throw AnalysisError(reason("metric '{}': scenario '{}' has no {} '{}' (it has {})", p.selector(), s.name,
                             toString(p.scope), p.id, fmt::format("{}", fmt::join(ids, ", "))));
}

Metric toMetric(const MetricPoint& p) {
  Metric m;
  m.label = p.str();
  m.month = p.month;
  m.series.patterns = {p.selector()};
  m.read = [p](const Results& r) {
    const double* v = r.find(p.scope, p.id, p.metric);
    if (!v || p.month < r.start() || p.month >= r.start() + r.months())
      throw AnalysisError(reason("scenario '{}' has no value of {}", r.scenario_name, p.str()));
    return v[r.monthIndex(p.month)];
  };
  return m;
}

double metricValue(Scenario s, const Metric& m) {
  s.end = std::min(s.end, m.month);
  RunOptions o;
  o.record = m.series;
  return m.read(simulate(s, o));
}

bool runBatch(std::size_t n, const AnalysisOptions& o, const std::function<void(std::size_t)>& body) {
  std::mutex progress_mutex;
  int done = 0;
  const int total = static_cast<int>(n);
  if (o.progress) o.progress(0, total);
  parallelFor(n, o.threads, o.cancel, [&](std::size_t i) {
    body(i);
    std::lock_guard lock(progress_mutex);
    ++done;
    if (o.progress) o.progress(done, total);
  });
  return done == total;
}

bool runValues(std::vector<double>& values, const AnalysisOptions& o, const std::function<double(std::size_t)>& value) {
  if (!o.memo) return runBatch(values.size(), o, [&](std::size_t i) { values[i] = value(i); });
  AnalysisMemo& m = *o.memo;
  if (m.values.size() != values.size()) {  // a new analysis
    m.values.assign(values.size(), 0.0);
    m.done.assign(values.size(), 0);
  }
  const int total = static_cast<int>(values.size());
  int budget = std::max(1, m.budget);
  for (std::size_t i = 0; i < values.size() && budget > 0; ++i) {
    if (m.done[i]) continue;
    m.values[i] = value(i);
    m.done[i] = 1;
    --budget;
  }
  values = m.values;
  const int done = m.doneCount();
  if (o.progress) o.progress(done, total);
  return done == total;
}

std::string describeLever(const Scenario& s, int lever, int from, int to) {
  const Lever& l = s.levers[lever];
  double v = leverValueAt(s, lever, from);
  std::string out = formatLeverValue(l, v);
  if (lever < static_cast<int>(s.lever_schedules.size()))
    for (const auto& [month, value] : s.lever_schedules[lever].points) {
      if (month <= from || month > to) continue;
      const double now = leverValueAt(s, lever, month);
      if (now == v) continue;
      v = now;
      out += fmt::format("; {}@{}", formatLeverValue(l, v), formatMonth(month));
    }
  return out;
}

std::pair<double, double> leverEnds(const Lever& l) {
  switch (l.kind) {
    case LeverKind::Bool: return {0.0, 1.0};
    case LeverKind::Month: return {l.min, static_cast<double>(kNever)};
    case LeverKind::Choice: return {0.0, static_cast<double>(std::max<std::size_t>(1, l.options.size()) - 1)};
    case LeverKind::Number:
    case LeverKind::Share: return {l.min, l.max};
  }
  return {l.min, l.max};
}

}  // namespace cp
