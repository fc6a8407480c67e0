// What the analyses (attribution.h, sensitivity.h) share: one metric at one month, the
// options of a batch of runs, and how a lever's values are described and bounded.
//
//   MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2028-12");  // throws AnalysisError
//   checkMetricPoint(s, p);              // throws when s has no such series or month
//   double v = metricValue(s, p);        // one run, ended at p.month
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/problems.h"
#include "engine/results.h"
#include "engine/scenario.h"
#include "engine/series_select.h"

namespace cp {

class AnalysisError : public ReasonError {
 public:
  using ReasonError::ReasonError;
};

// One series ("SCOPE/ID/METRIC", no wildcards) read in one absolute month.
struct MetricPoint {
  Scope scope = Scope::Global;
  std::string id, metric;
  int month = 0;
  std::string selector() const;  // "bloc/china/compute_train_h100e"
  std::string str() const;       // "bloc/china/compute_train_h100e in 2028-12"
};

// Throws AnalysisError naming the bad part (scope, empty part, month).
MetricPoint parseMetricPoint(std::string_view selector, std::string_view month);
// The series a run of `s` produces (a one-month run names them).
std::vector<SeriesKey> seriesOf(const Scenario& s);
// Throws AnalysisError when the month lies outside the scenario.
void checkMonth(const Scenario& s, int month);
// Throws AnalysisError when `s` has no such series (listing the ids or metrics it has)
// or the month lies outside the scenario.
void checkMetricPoint(const Scenario& s, const MetricPoint& p);
// Any number read from a run ended at `month` (later months cannot act on it): one series
// in that month (from a MetricPoint), or a sum of series, a 12-month total, ... `read` is
// called from worker threads at once, so it must not touch shared state.
struct Metric {
  std::string label;  // for reports: "bloc/china/compute_train_h100e in 2028-12"
  int month = 0;      // absolute
  std::function<double(const Results&)> read;
  SeriesSelection series;  // the series `read` looks at; the runs record only these (empty = all)
};
Metric toMetric(const MetricPoint& p);  // read throws AnalysisError when the run lacks the series
double metricValue(Scenario s, const Metric& m);
inline double metricValue(Scenario s, const MetricPoint& p) { return metricValue(std::move(s), toMetric(p)); }

// Runs an analysis a few runs at a time, for a front end without threads (the browser
// build): call the analysis again with the same memo until it is no longer partial. The
// values of the runs done so far stay here, so each call does only `budget` new runs and
// the last call gives exactly the result of one call without a memo.
struct AnalysisMemo {
  std::vector<double> values;
  std::vector<char> done;
  int budget = 1;  // new runs per call
  int doneCount() const { return static_cast<int>(std::count(done.begin(), done.end(), 1)); }
};

struct AnalysisOptions {
  int threads = 1;  // <= 0: one per hardware thread; results never depend on it
  // Called after each finished run (serialised under a lock, from worker threads) and
  // once with done = 0 before the first.
  std::function<void(int done, int total)> progress;
  // When it turns true no new run starts and the result comes back with partial = true.
  const std::atomic<bool>* cancel = nullptr;
  int max_exact_levers = 10;  // attribution: exact Shapley up to this many levers
  int samples = 0;            // attribution: permutations when sampling; 0 = automatic
  // attribution: the stream of the sampled orders; unset = the base scenario's seed (as `mc`
  // draws from the scenario's seed), so every front end samples the same orders.
  std::optional<std::uint64_t> seed;
  AnalysisMemo* memo = nullptr;  // run in slices (see AnalysisMemo); threads and cancel unused
};

// body(i) for every i in [0, n) over o.threads workers, reporting o.progress; false when
// o.cancel stopped it before every index ran.
bool runBatch(std::size_t n, const AnalysisOptions& o, const std::function<void(std::size_t)>& body);
// values[i] = value(i) for every i: runBatch, or with o.memo the next budget of the runs not
// yet in the memo (values gets every value known so far). True when every value is in.
bool runValues(std::vector<double>& values, const AnalysisOptions& o, const std::function<double(std::size_t)>& value);

// A lever's values over [from, to] as typed: "off", "0.5; 0.9@2026-01".
std::string describeLever(const Scenario& s, int lever, int from, int to);
// The ends of a lever's declared range for a tornado: bool off/on, number and share
// min/max, month earliest (min) and never, choice first/last option.
std::pair<double, double> leverEnds(const Lever& l);

}  // namespace cp
