// The benchmarks' main: Google Benchmark's console output, then the ratios the
// performance targets are stated in (from the medians when --benchmark_repetitions > 1).
// Also counts heap bytes (alloc_count.h) for the memory-per-run figures.
#include "alloc_count.h"

#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <new>
#include <string>

namespace {

std::atomic<std::size_t> g_live{0}, g_peak{0};

void noteAlloc(void* p) {
  if (!p) return;
  const std::size_t live = g_live.fetch_add(malloc_usable_size(p), std::memory_order_relaxed) + malloc_usable_size(p);
  std::size_t peak = g_peak.load(std::memory_order_relaxed);
  while (live > peak && !g_peak.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {}
}

void* allocate(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  noteAlloc(p);
  return p;
}

void release(void* p) noexcept {
  if (!p) return;
  g_live.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }

namespace cp::bench {

std::size_t liveHeapBytes() { return g_live.load(); }
void resetHeapPeak() { g_peak.store(g_live.load()); }
std::size_t peakHeapBytesSinceReset() { return g_peak.load(); }

}  // namespace cp::bench

namespace {

// Console output as usual; remembers each benchmark's median real and CPU time (seconds) and counters.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  // Colours only on a terminal (a file or a pipe gets plain text).
  RatioReporter() : ConsoleReporter(isatty(fileno(stdout)) ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      const bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      if (r.run_type == Run::RT_Aggregate && !median) continue;
      std::string name = r.run_name.str();
      if (median || !seconds_.count(name)) {
        seconds_[name] = r.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(r.time_unit);
        cpu_seconds_[name] = r.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(r.time_unit);
        for (const auto& [key, counter] : r.counters) counters_[name + ":" + key] = counter.value;
      }
    }
  }

  void printRatios() const {
    if (seconds_.empty()) return;
    std::printf("\nratios (medians of the runs above; none when a side was not run):\n");
    ratio("ensemble of 1,000 runs keeping every series, speed-up of 2 threads over 1",
          find("BM_Ensemble1000/threads:1/bands:0"), find("BM_Ensemble1000/threads:2/bands:0"));
    ratio("ensemble of 1,000 runs keeping every series, CPU time of all threads, 2 threads / 1",
          counter("BM_Ensemble1000/threads:2/bands:0", "cpu_s_all_threads"),
          counter("BM_Ensemble1000/threads:1/bands:0", "cpu_s_all_threads"));
    ratio("ensemble of 1,000 runs keeping ten series (bands), speed-up of 2 threads over 1",
          find("BM_Ensemble1000/threads:1/bands:1"), find("BM_Ensemble1000/threads:2/bands:1"));
    ratio("ensemble of 1,000 runs keeping ten series (bands), CPU time of all threads, 2 threads / 1",
          counter("BM_Ensemble1000/threads:2/bands:1", "cpu_s_all_threads"),
          counter("BM_Ensemble1000/threads:1/bands:1", "cpu_s_all_threads"));
    ratio("baseline run, recording every series / recording 10 (RunOptions::record)", exact(seconds_, "BM_BaselineRun"),
          exact(seconds_, "BM_BaselineRunRecording10"));
    ratio("baseline run, recording every series / recording 1 (RunOptions::record)", exact(seconds_, "BM_BaselineRun"),
          exact(seconds_, "BM_BaselineRunRecording1"));
    ratio("baseline run, CPU time, recording every series / recording 10", exact(cpu_seconds_, "BM_BaselineRun"),
          exact(cpu_seconds_, "BM_BaselineRunRecording10"));
    ratio("baseline run, CPU time, recording every series / recording 1", exact(cpu_seconds_, "BM_BaselineRun"),
          exact(cpu_seconds_, "BM_BaselineRunRecording1"));
    ratio("baseline run, CPU time, fresh simulate() / on a reused Simulator", exact(cpu_seconds_, "BM_BaselineRun"),
          exact(cpu_seconds_, "BM_BaselineRunReused"));
    ratio("synthetic world (10x companies, 3x chips and sites) / baseline, time of one run", find("BM_SyntheticRun"),
          exact(seconds_, "BM_BaselineRun"));
    ratio("10x the companies / baseline, time of one run (aim <= 11x)", find("BM_SyntheticCompanies10"),
          exact(seconds_, "BM_BaselineRun"));
    ratio("3x the chips and sites / baseline, time of one run (aim <= 4x)", find("BM_SyntheticChipsSites3"),
          exact(seconds_, "BM_BaselineRun"));
    ratio("10x the companies / baseline, peak allocation of one run",
          counter("BM_SyntheticCompanies10", "peak_alloc_MB"), exact(counters_, "BM_BaselineRun:peak_alloc_MB"));
    ratio("3x the chips and sites / baseline, peak allocation of one run",
          counter("BM_SyntheticChipsSites3", "peak_alloc_MB"), exact(counters_, "BM_BaselineRun:peak_alloc_MB"));
    ratio("synthetic world / baseline, peak allocation of one run", counter("BM_SyntheticRun", "peak_alloc_MB"),
          exact(counters_, "BM_BaselineRun:peak_alloc_MB"));
    ratio("synthetic world / baseline, bytes of Results", counter("BM_SyntheticRun", "results_MB"),
          exact(counters_, "BM_BaselineRun:results_MB"));
  }

 private:
  // The first benchmark whose name starts with `prefix`; < 0 when none ran.
  double find(const std::string& prefix) const {
    for (const auto& [name, s] : seconds_)
      if (name.rfind(prefix, 0) == 0) return s;
    return -1;
  }
  // The benchmark of exactly this name (BM_BaselineRun is also the start of other names).
  static double exact(const std::map<std::string, double>& m, const std::string& name) {
    const auto it = m.find(name);
    return it == m.end() ? -1 : it->second;
  }
  double counter(const std::string& prefix, const std::string& key) const {
    for (const auto& [name, v] : counters_)
      if (name.rfind(prefix, 0) == 0 && name.size() > key.size() &&
          name.compare(name.size() - key.size() - 1, std::string::npos, ":" + key) == 0)
        return v;
    return -1;
  }
  static void ratio(const char* what, double a, double b) {
    if (a <= 0 || b <= 0) return;  // not run (filtered out)
    std::printf("  %s: %.2fx\n", what, a / b);
  }

  std::map<std::string, double> seconds_, cpu_seconds_, counters_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.printRatios();
  benchmark::Shutdown();
  return 0;
}
