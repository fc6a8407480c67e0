// Attribution of a typical workshop edit (8 levers of the baseline changed) against the
// 2^8 single runs it is made of, on 1 and 2 threads; and the tornado over every lever.
//
//   build/chokepoint_bench --benchmark_filter='Attribution|Tornado|Single' --benchmark_repetitions=3 \
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include "engine/attribution.h"
#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/sensitivity.h"
#include "engine/simulate.h"

namespace {

const cp::Scenario& base() {
  static const cp::Scenario s = cp::loadScenario(std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json");
  return s;
}

// Eight levers a workshop team moves in one round.
const cp::Scenario& workshopEdit() {
  static const cp::Scenario v = cp::withLevers(
      base(), cp::parseLeverArgs(
                  {"us.remote_access_control=on@2026-01", "us.export_enforcement=0.8@2026-01",
                   "us.h200_case_by_case_from=never", "us.location_verification_from=2026-07", "cn.nvidia_guidance=0.8",
                   "cn.hbm_access=1.5@2026-01", "my.enforcement=0.7@2026-01", "sea.tenant_kyc=0.5@2026-06"},
                  base()));
  return v;
}

const cp::MetricPoint& point() {
  static const cp::MetricPoint p = cp::parseMetricPoint("bloc/china/compute_train_h100e", "2028-12");
  return p;
}

void BM_Attribution8Levers(benchmark::State& state) {
  cp::AnalysisOptions o;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    cp::Attribution a = cp::attribute(base(), workshopEdit(), point(), o);
    benchmark::DoNotOptimize(a.levers.data());
  }
}
BENCHMARK(BM_Attribution8Levers)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

// What attribution is made of: 2^8 runs of the base (to the same month), one thread.
void BM_Single256Runs(benchmark::State& state) {
  cp::Scenario s = base();
  s.end = point().month;
  for (auto _ : state)
    for (int i = 0; i < 256; ++i) {
      cp::Results r = cp::simulate(s);
      benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_Single256Runs)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TornadoAllLevers(benchmark::State& state) {
  cp::AnalysisOptions o;
  o.threads = 2;
  for (auto _ : state) {
    cp::Sensitivity t = cp::sensitivity(base(), point(), {}, o);
    benchmark::DoNotOptimize(t.rows.data());
  }
}
BENCHMARK(BM_TornadoAllLevers)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
