// Timing of one deterministic baseline run (fresh, and on a reused Simulator), of the same
// run recording only 10 series (as uncertainty bands do) or one (as attribution does), of
// the same run in a synthetic world ten times the companies and three times the chips and
// sites (synthetic_world.h), and of a 1,000-run Monte Carlo ensemble of the baseline on 1
// and 2 threads (results are identical; only the wall time differs). Memory per run: bytes
// of Results and the peak heap allocation.
//
//   build/tests/chokepoint_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include "alloc_count.h"
#include "synthetic_world.h"

#include "engine/ensemble.h"
#include "engine/loader.h"
#include "engine/simulate.h"
#include "engine/simulator.h"

#include <sys/resource.h>

namespace {

const cp::Scenario& baseline() {
  static const cp::Scenario s = cp::loadScenario(std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json");
  return s;
}

const cp::Scenario& synthetic() {
  static const cp::Scenario s = cp::test::syntheticWorld(baseline(), 10, 3);
  return s;
}

// Each dimension alone: the cost should grow about linearly in it.
const cp::Scenario& syntheticCompanies() {
  static const cp::Scenario s = cp::test::syntheticWorld(baseline(), 10, 1);
  return s;
}

const cp::Scenario& syntheticChipsSites() {
  static const cp::Scenario s = cp::test::syntheticWorld(baseline(), 1, 3);
  return s;
}

// The values and the keys' strings a Results holds.
double resultsBytes(const cp::Results& r) {
  double bytes = static_cast<double>(r.size()) * r.months() * sizeof(double);
  for (const cp::SeriesKey& k : r.keys()) bytes += sizeof(k) + k.id.capacity() + k.metric.capacity();
  return bytes;
}

// One untimed run: what it keeps and the most it had allocated at once.
void memoryCounters(benchmark::State& state, const cp::Scenario& s, const cp::RunOptions& o) {
  cp::bench::resetHeapPeak();
  const std::size_t before = cp::bench::liveHeapBytes();
  double kept = 0, series = 0;
  {
    const cp::Results r = cp::simulate(s, o);
    kept = resultsBytes(r);
    series = static_cast<double>(r.size());
  }
  const double peak = static_cast<double>(cp::bench::peakHeapBytesSinceReset() - before);
  state.counters["results_MB"] = kept / 1e6;
  state.counters["peak_alloc_MB"] = peak / 1e6;
  state.counters["series"] = series;
}

void runBench(benchmark::State& state, const cp::Scenario& s, const cp::RunOptions& o = {}) {
  memoryCounters(state, s, o);
  for (auto _ : state) {
    cp::Results r = cp::simulate(s, o);
    benchmark::DoNotOptimize(r);
  }
}

void BM_BaselineRun(benchmark::State& state) { runBench(state, baseline()); }
BENCHMARK(BM_BaselineRun)->Unit(benchmark::kMillisecond);

// The same run on a Simulator kept between runs (as each ensemble worker keeps one): the
// series are laid out and the buffers allocated once.
void BM_BaselineRunReused(benchmark::State& state) {
  cp::Simulator sim(baseline());
  for (auto _ : state) benchmark::DoNotOptimize(sim.run().size());
}
BENCHMARK(BM_BaselineRunReused)->Unit(benchmark::kMillisecond);

// RunOptions::record: the same baseline run recording few series (bit-identical to those of
// the full run). Ten like a dashboard's bands; one like an attribution's metric.
cp::RunOptions recording(const char* selection) {
  cp::RunOptions o;
  o.record = cp::parseSeriesSelection(selection);
  return o;
}

// Ten series like the ones a dashboard's bands keep.
constexpr const char* kTenSeries =
    "bloc/china/compute_flop_h100e,bloc/us/compute_flop_h100e,bloc/china/frontier_gap_months,"
    "bloc/us/effective_compute_flop,company/deepseek/frontier_gap_months,global/world/huawei_share_china,"
    "global/world/nvidia_share_china,jurisdiction/china/imports_h100e,vendor/nvidia/revenue_china_usd,"
    "chip/h20/delivered_units";

void BM_BaselineRunRecording10(benchmark::State& state) {
  static const cp::RunOptions o = recording(kTenSeries);
  runBench(state, baseline(), o);
}
BENCHMARK(BM_BaselineRunRecording10)->Unit(benchmark::kMillisecond);

void BM_BaselineRunRecording1(benchmark::State& state) {
  static const cp::RunOptions o = recording("bloc/china/compute_train_h100e");
  runBench(state, baseline(), o);
}
BENCHMARK(BM_BaselineRunRecording1)->Unit(benchmark::kMillisecond);

void BM_SyntheticRun(benchmark::State& state) { runBench(state, synthetic()); }
BENCHMARK(BM_SyntheticRun)->Unit(benchmark::kMillisecond);

void BM_SyntheticCompanies10(benchmark::State& state) { runBench(state, syntheticCompanies()); }
BENCHMARK(BM_SyntheticCompanies10)->Unit(benchmark::kMillisecond);

void BM_SyntheticChipsSites3(benchmark::State& state) { runBench(state, syntheticChipsSites()); }
BENCHMARK(BM_SyntheticChipsSites3)->Unit(benchmark::kMillisecond);

// CPU seconds of the whole process (every thread), from getrusage.
double processCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  const auto sec = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return sec(u.ru_utime) + sec(u.ru_stime);
}

// On a machine shared with other work the wall time cannot show the speed-up; the CPU
// time of all threads shows what running on more threads costs in extra work.
// range(0): threads; range(1): 1 keeps the ten series bands keep, 0 every series (915).
void BM_Ensemble1000(benchmark::State& state) {
  const cp::Scenario& s = baseline();
  cp::EnsembleOptions o;
  o.runs = 1000;
  o.seed = s.seed;
  o.threads = static_cast<int>(state.range(0));
  if (state.range(1) == 1) o.keep = cp::parseSeriesSelection(kTenSeries);
  const double cpu0 = processCpuSeconds();
  for (auto _ : state) {
    cp::EnsembleResult e = cp::runEnsemble(s, o);
    benchmark::DoNotOptimize(e.stats.p50.data());
  }
  state.counters["cpu_s_all_threads"] = (processCpuSeconds() - cpu0) / static_cast<double>(state.iterations());
  state.counters["runs_per_s"] =
      benchmark::Counter(1000.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Ensemble1000)
    ->Args({1, 0})
    ->Args({2, 0})
    ->Args({1, 1})
    ->Args({2, 1})
    ->ArgNames({"threads", "bands"})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
