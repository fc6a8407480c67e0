// Timing of one deterministic baseline run and of a 1,000-run Monte Carlo ensemble of the
// baseline on 1 and 2 threads (results are identical; only the wall time differs).
//
//   build/chokepoint_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include "engine/ensemble.h"
#include "engine/loader.h"
#include "engine/simulate.h"

namespace {

const cp::Scenario& baseline() {
  static const cp::Scenario s = cp::loadScenario(std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json");
  return s;
}

void BM_BaselineRun(benchmark::State& state) {
  const cp::Scenario& s = baseline();
  for (auto _ : state) {
    cp::Results r = cp::simulate(s);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_BaselineRun)->Unit(benchmark::kMillisecond);

void BM_Ensemble1000(benchmark::State& state) {
  const cp::Scenario& s = baseline();
  cp::EnsembleOptions o;
  o.runs = 1000;
  o.seed = s.seed;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    cp::EnsembleResult e = cp::runEnsemble(s, o);
    benchmark::DoNotOptimize(e.stats.p50.data());
  }
  state.counters["runs_per_s"] = benchmark::Counter(1000.0 * static_cast<double>(state.iterations()),
                                                   benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Ensemble1000)->Arg(1)->Arg(2)->ArgName("threads")->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
