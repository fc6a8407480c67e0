// Monte Carlo ensembles: many runs of one scenario, each with its uncertain inputs
// (Scenario::uncertain) drawn from their distributions, summarised per series per month
// as p10 / p50 / p90 / mean (docs/DESIGN.md; determinism: src/engine/README.md "Determinism").
//
//   EnsembleOptions o;
//   o.runs = 1000; o.seed = s.seed; o.threads = 4;
//   EnsembleResult e = runEnsemble(s, o);
//   double median = e.stats.p50[e.cell(series, t)];
//
//   // Scale-out: each shard runs the members with run % shard_n == shard_k ...
//   o.shard_k = 0; o.shard_n = 2; EnsembleResult a = runEnsemble(s, o);
//   o.shard_k = 1;                 EnsembleResult b = runEnsemble(s, o);
//   EnsembleResult all = mergeEnsembles({a, b});   // == runEnsemble with shard_n = 1, bit for bit
//
// [SECTION] Determinism
// Member `run` samples its inputs from the stream streamSeed(seed, run) (rng.h), so a
// member's draws and results depend only on (scenario, seed, run), never on the thread or
// the shard that ran it. Workers take run indices from a shared counter and store each
// member's values at its own slot; every reduction happens after the join, in run-index
// order. So any thread count and any sharding give the same bits.
//
// [SECTION] Statistics
// Over the finished members of a (series, month): mean = the values summed in ascending
// run index, divided by their count. Quantiles use linear interpolation between order
// statistics (Hyndman-Fan type 7, the default of R and NumPy): with the n values sorted
// ascending x[0..n-1] and h = (n-1)p, q(p) = x[floor h] + (h - floor h)(x[floor h + 1] -
// x[floor h]). NaN sorts last. With no finished member every statistic is NaN.
//
// [SECTION] Memory
// Exact percentiles of a shard-merged ensemble need every member's value, so a result keeps
// them all as float64: members x kept series x months x 8 bytes, laid out run-major
// ([member][series][month]). The baseline (648 series x 108 months) costs 0.56 MB a run,
// 560 MB for 1,000 runs; the statistics add 4 x series x months x 8 bytes (2.2 MB); each
// worker also holds a simulator (simulator.h) with one run's Results (~0.6 MB; runs record
// only the kept series, so less with EnsembleOptions::keep) and a sorting buffer of members
// x months doubles per series. Peak for the 1,000-run baseline is therefore ~0.6 GB.
// runEnsemble refuses (EnsembleError) when the member values would exceed max_value_bytes
// (2 GiB by default): keep fewer series (EnsembleOptions::keep) or split the runs into shards.
// mergeEnsembles peaks at about twice the values: the shards plus the merged copy.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/results.h"
#include "engine/scenario.h"
#include "engine/series_select.h"

namespace cp {

class EnsembleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One value per Scenario::uncertain entry, in order, for ensemble member `run`:
// triangular by inverse CDF, lognormal as median * exp(sigma * z). One uniform per entry.
std::vector<double> sampleUncertain(const Scenario& s, std::uint64_t seed, std::uint64_t run);

struct EnsembleOptions {
  int runs = 100;                // ensemble size, all shards together
  std::uint64_t seed = 0;        // usually Scenario::seed
  int threads = 1;               // <= 0: one per hardware thread
  int shard_k = 0, shard_n = 1;  // this result holds the members with run % shard_n == shard_k
  // Called after each finished member (done counts this shard's members), serialised
  // under a lock but from worker threads; and once with done = 0 before the first run.
  std::function<void(int done, int total)> progress;
  // When it turns true, workers start no new member; finished ones are kept and the
  // result is partial().
  const std::atomic<bool>* cancel = nullptr;
  SeriesSelection keep;   // series to keep (empty = all)
  bool summarize = true;  // fill EnsembleResult::stats
  std::size_t max_value_bytes = std::size_t{2} << 30;
};

// Per (series, month) statistics, indexed by EnsembleResult::cell().
struct EnsembleStats {
  std::vector<double> p10, p50, p90, mean;
};

struct EnsembleResult {
  // Echo (written into output files; merged shards must agree on all of it).
  std::string scenario_name, version;
  std::vector<std::pair<std::string, std::string>> lever_values;  // id, value as typed
  std::uint64_t seed = 0;
  int runs = 0;                  // ensemble size, all shards
  int shard_k = 0, shard_n = 1;  // merged results have shard_n == 1

  int start = 0, months = 0;    // absolute month of the first value
  std::vector<SeriesKey> keys;  // the kept series, in simulate()'s order

  std::vector<int> run_ids;            // members this result is responsible for, ascending
  std::vector<std::uint8_t> finished;  // per member: 1 when its values are present
  std::vector<double> values;          // [member][series][month]
  EnsembleStats stats;                 // over the finished members (if summarized)

  std::size_t cell(std::size_t series, int t) const { return series * static_cast<std::size_t>(months) + t; }
  const double* memberSeries(std::size_t member, std::size_t series) const {
    return values.data() + (member * keys.size() + series) * static_cast<std::size_t>(months);
  }
  double* memberSeries(std::size_t member, std::size_t series) {
    return values.data() + (member * keys.size() + series) * static_cast<std::size_t>(months);
  }
  int finishedRuns() const;
  // Fewer finished members than this result is responsible for (cancelled, or a partial shard).
  bool partial() const { return finishedRuns() < static_cast<int>(run_ids.size()); }
};

// The members of shard k of n for an ensemble of `runs`: k, k + n, k + 2n, ...
std::vector<int> shardRuns(int runs, int shard_k, int shard_n);

// Throws EnsembleError on bad options or when the values would exceed max_value_bytes.
EnsembleResult runEnsemble(const Scenario& s, const EnsembleOptions& o);

// Statistics over the finished members (see [SECTION] Statistics); threads only split the
// series between workers and never change a bit.
EnsembleStats summarize(const EnsembleResult& e, int threads = 1);

// Quantile p of sorted values by the type 7 rule; NaN for an empty range.
double quantileSorted(const double* sorted, std::size_t n, double p);

// Combines all shards of one ensemble (any order) into the result an unsharded run gives,
// with statistics. Throws EnsembleError when the shards disagree on their echo, months or
// series, when a shard is missing or given twice.
EnsembleResult mergeEnsembles(std::vector<EnsembleResult> shards, int threads = 1);

}  // namespace cp
