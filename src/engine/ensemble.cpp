// [SECTION] Sampling
// [SECTION] Running the members
// [SECTION] Statistics
// [SECTION] Merging shards
#include "engine/ensemble.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>

#include <fmt/format.h>

#include "engine/levers.h"
#include "engine/month.h"
#include "engine/parallel.h"
#include "engine/rng.h"
#include "engine/simulate.h"
#include "engine/simulator.h"

namespace cp {

// ---------------------------------------------------------------- [SECTION] Sampling

namespace {
// Into a buffer a worker reuses for all its members.
void sampleInto(const Scenario& s, std::uint64_t seed, std::uint64_t run, std::vector<double>& out) {
  Rng rng(streamSeed(seed, run));
  out.clear();
  for (const Uncertain& u : s.uncertain) {
    switch (u.dist) {
      case Dist::Triangular: out.push_back(triangular(rng.uniform(), u.a, u.b, u.c)); break;
      case Dist::Lognormal: out.push_back(lognormal(rng.uniformOpen(), u.a, u.b)); break;
    }
  }
}

bool sameKey(const SeriesKey& a, const SeriesKey& b) {
  return a.scope == b.scope && a.id == b.id && a.metric == b.metric;
}

// Where each of e's kept series sits in run r: usually where the probe found it, else the
// series with its key in order. Fewer than e.keys when r lacks one or has other months.
std::vector<std::size_t> keptAt(const Results& r, const EnsembleResult& e, std::size_t probe_series,
                                const std::vector<std::size_t>& probe_at) {
  std::vector<std::size_t> at;
  if (r.months() != e.months) return at;
  bool as_probed = r.size() == probe_series;
  for (std::size_t j = 0; as_probed && j < probe_at.size(); ++j) as_probed = sameKey(r.keys()[probe_at[j]], e.keys[j]);
  if (as_probed) return probe_at;
  for (std::size_t i = 0; i < r.size() && at.size() < e.keys.size(); ++i)
    if (sameKey(r.keys()[i], e.keys[at.size()])) at.push_back(i);
  return at;
}
}  // namespace

std::vector<double> sampleUncertain(const Scenario& s, std::uint64_t seed, std::uint64_t run) {
  std::vector<double> out;
  out.reserve(s.uncertain.size());
  sampleInto(s, seed, run, out);
  return out;
}

// ---------------------------------------------------------------- [SECTION] Running the members

int EnsembleResult::finishedRuns() const {
  return static_cast<int>(std::count(finished.begin(), finished.end(), std::uint8_t{1}));
}

std::vector<int> shardRuns(int runs, int shard_k, int shard_n) {
  std::vector<int> ids;
  if (shard_n < 1 || shard_k < 0 || shard_k >= shard_n) return ids;
  for (int r = shard_k; r < runs; r += shard_n) ids.push_back(r);
  return ids;
}

EnsembleResult runEnsemble(const Scenario& s, const EnsembleOptions& o) {
  if (o.runs < 1) throw EnsembleError(fmt::format("an ensemble needs at least 1 run, got {}", o.runs));
  if (o.shard_n < 1 || o.shard_k < 0 || o.shard_k >= o.shard_n)
    throw EnsembleError(
        fmt::format("shard {} of {} does not exist (shards are 0..{})", o.shard_k, o.shard_n, o.shard_n - 1));

  EnsembleResult e;
  e.seed = o.seed;
  e.runs = o.runs;
  e.shard_k = o.shard_k;
  e.shard_n = o.shard_n;
  e.run_ids = shardRuns(o.runs, o.shard_k, o.shard_n);
  e.finished.assign(e.run_ids.size(), 0);
  for (std::size_t i = 0; i < s.levers.size(); ++i) {
    const auto typed = leverScheduleStrings(s, static_cast<int>(i));
    if (typed.empty()) continue;
    std::string joined;
    for (const auto& v : typed) joined += (joined.empty() ? "" : ";") + v;
    e.lever_values.emplace_back(s.levers[i].id, joined);
  }

  // The series a run produces are fixed when the simulation is set up; a one-month run
  // names them cheaply. Runs record only the kept series (RunOptions::record), so kept
  // series j is series j of a member's run; kept_at and the key check below guard that.
  std::vector<std::size_t> kept_at;
  std::size_t probe_series = 0;
  RunOptions recording;
  recording.record = o.keep;
  {
    Scenario probe = s;
    probe.end = probe.start;
    const Results r = simulate(probe, recording);
    e.scenario_name = r.scenario_name;
    e.version = r.version;
    probe_series = r.size();
    for (std::size_t i = 0; i < r.size(); ++i)
      if (o.keep.matches(r.keys()[i])) {
        e.keys.push_back(r.keys()[i]);
        kept_at.push_back(i);
      }
  }
  e.start = s.start;
  e.months = std::max(1, s.months());

  const std::size_t members = e.run_ids.size();
  const std::size_t per_member = e.keys.size() * static_cast<std::size_t>(e.months);
  const double bytes = 8.0 * static_cast<double>(per_member) * static_cast<double>(members);
  if (bytes > static_cast<double>(o.max_value_bytes))
    throw EnsembleError(fmt::format(
        "{} runs x {} series x {} months need {:.2f} GB of memory (limit {:.2f} GB): keep fewer series or split "
        "the runs into shards",
        members, e.keys.size(), e.months, bytes / 1e9, static_cast<double>(o.max_value_bytes) / 1e9));
  e.values.assign(per_member * members, 0.0);

  std::mutex progress_mutex;
  int done = 0;
  const int total = static_cast<int>(members);
  if (o.progress) o.progress(0, total);

  // Each worker keeps its draw buffer and a simulator for all its members (their series are
  // laid out alike, so where each kept series sits is found once); a member writes only its
  // own values and flag.
  struct Worker {
    std::vector<double> draw;
    Simulator sim;
    std::vector<std::size_t> at;  // kept series j is series at[j] of a member's run
  };
  parallelForEach(
      members, o.threads, o.cancel,
      [&] {
        return Worker{{}, Simulator(s, recording), {}};
      },
      [&](Worker& w, std::size_t m) {
        sampleInto(s, o.seed, static_cast<std::uint64_t>(e.run_ids[m]), w.draw);
        const Results& r = w.sim.run(w.draw);
        if (w.at.empty() && !e.keys.empty()) w.at = keptAt(r, e, probe_series, kept_at);
        if (w.at.size() != e.keys.size())
          throw EnsembleError(
              fmt::format("run {} produced a different set of series than the first run", e.run_ids[m]));
        for (std::size_t j = 0; j < w.at.size(); ++j)
          std::copy_n(r.series(static_cast<int>(w.at[j])), e.months, e.memberSeries(m, j));
        e.finished[m] = 1;
        if (!o.progress) return;
        std::lock_guard lock(progress_mutex);
        o.progress(++done, total);
      });

  if (o.summarize) e.stats = summarize(e, o.threads);
  return e;
}

// ---------------------------------------------------------------- [SECTION] Statistics

namespace {
// Type 7 from the two order statistics around h = (n-1)p; shared by both paths below so
// they give the same bits.
double interpolate(double lo_value, double hi_value, double frac) {
  return frac == 0 ? lo_value : lo_value + frac * (hi_value - lo_value);
}

struct QuantilePlan {
  std::size_t lo = 0;
  double frac = 0;
  bool needs_hi = false;
};

QuantilePlan plan(std::size_t n, double p) {
  const double h = static_cast<double>(n - 1) * p;
  QuantilePlan q;
  q.lo = static_cast<std::size_t>(std::floor(h));
  if (q.lo + 1 >= n) {
    q.lo = n - 1;
    return q;
  }
  q.frac = h - static_cast<double>(q.lo);
  q.needs_hi = q.frac != 0;
  return q;
}

// Moves the value of rank k of a[0..n) (no NaN) to a[k], the ones before it <= and the ones
// after >= it: quickselect with a branch-free partition (random data defeats the branch
// predictor in std::nth_element). Ties move as a block, so the range always shrinks; far
// more rounds than expected hand over to std::nth_element.
void selectRank(double* a, std::size_t n, std::size_t k) {
  std::size_t lo = 0, hi = n;
  for (int rounds = 0; hi - lo > 16; ++rounds) {
    if (rounds > 64) break;
    const double x = a[lo], y = a[lo + (hi - lo) / 2], z = a[hi - 1];
    const double pivot = std::max(std::min(x, y), std::min(std::max(x, y), z));  // median of three
    std::size_t store = lo;                                                      // [lo, store) < pivot <= [store, i)
    for (std::size_t i = lo; i < hi; ++i) {
      const double v = a[i];
      a[i] = a[store];
      a[store] = v;
      store += v < pivot;
    }
    if (k < store) {
      hi = store;
      continue;
    }
    if (store > lo) {
      lo = store;
      continue;
    }
    // Nothing below the pivot: split off the values equal to it (the pivot is one of them).
    for (std::size_t i = lo; i < hi; ++i) {
      const double v = a[i];
      a[i] = a[store];
      a[store] = v;
      store += !(pivot < v);
    }
    if (k < store) return;  // a[lo..store) all equal the pivot
    lo = store;
  }
  std::nth_element(a + lo, a + k, a + hi);
}

// p10, p50, p90 of row[0..n) (n > 0) by selection instead of a full sort: the value of
// rank k (ascending, NaN last) is the same whichever way it is found, and so are its bits
// unless a row holds both -0.0 and +0.0 (equal, but either may land at rank k): such rows
// keep std::nth_element, which the results were first pinned with. Reorders row.
void quantiles3(double* row, std::size_t n, double out[3], bool fast_select) {
  const auto m = static_cast<std::size_t>(std::partition(row, row + n, [](double v) { return !std::isnan(v); }) -
                                          row);  // ranks >= m are NaN
  static constexpr double ps[3] = {0.1, 0.5, 0.9};
  // From the highest rank down. Invariant: [0, end) holds exactly the ranks 0..end-1, and
  // row[end] holds rank end (selected before, or the first NaN when end == m).
  std::size_t end = m;
  for (int i = 2; i >= 0; --i) {
    const QuantilePlan q = plan(n, ps[i]);
    if (q.lo < end) {
      if (fast_select)
        selectRank(row, end, q.lo);
      else
        std::nth_element(row, row + q.lo, row + end);
      if (q.needs_hi && q.lo + 1 < end)  // rank lo+1 = the least of (lo, end); keep it at lo+1
        std::iter_swap(row + q.lo + 1, std::min_element(row + q.lo + 1, row + end));
      end = q.lo;
    }
    // Otherwise rank lo is already in place (== end) or NaN (>= m), and so is rank lo+1.
    out[i] = interpolate(row[q.lo], q.needs_hi ? row[q.lo + 1] : row[q.lo], q.frac);
  }
}
// Members lie a whole run's values apart, too far for the hardware to guess the next one:
// ask for a member's series a few members ahead of the copy.
constexpr std::size_t kPrefetchAhead = 4;
void prefetch(const double* p, std::size_t count) {
#if defined(__GNUC__)
  for (std::size_t i = 0; i < count; i += 64 / sizeof(double)) __builtin_prefetch(p + i);
#else
  (void)p;
  (void)count;
#endif
}

// Every value has the same bits, and is not NaN.
bool allSame(const double* row, std::size_t n) {
  if (std::isnan(row[0])) return false;
  std::uint64_t first = 0;
  std::memcpy(&first, row, sizeof first);
  for (std::size_t j = 1; j < n; ++j) {
    std::uint64_t b = 0;
    std::memcpy(&b, row + j, sizeof b);
    if (b != first) return false;
  }
  return true;
}

// quantiles3 of n copies of v, by the same arithmetic (so the same bits) without selecting.
void sameQuantiles3(double v, std::size_t n, double out[3]) {
  static constexpr double ps[3] = {0.1, 0.5, 0.9};
  for (int i = 0; i < 3; ++i) out[i] = interpolate(v, v, plan(n, ps[i]).frac);
}
}  // namespace

double quantileSorted(const double* sorted, std::size_t n, double p) {
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const QuantilePlan q = plan(n, p);
  return interpolate(sorted[q.lo], q.needs_hi ? sorted[q.lo + 1] : sorted[q.lo], q.frac);
}

EnsembleStats summarize(const EnsembleResult& e, int threads) {
  const std::size_t S = e.keys.size();
  const auto T = static_cast<std::size_t>(e.months);
  EnsembleStats st;
  st.p10.assign(S * T, 0.0);
  st.p50.assign(S * T, 0.0);
  st.p90.assign(S * T, 0.0);
  st.mean.assign(S * T, 0.0);
  std::vector<std::size_t> members;  // finished, in ascending run index (run_ids is sorted)
  for (std::size_t m = 0; m < e.run_ids.size(); ++m)
    if (e.finished[m]) members.push_back(m);
  const std::size_t n = members.size();

  // One series per task: gather its months x members block (contiguous reads per member;
  // the block is the worker's, reused), then select each month's quantiles.
  parallelForEach(
      S, threads, nullptr, [&] { return std::vector<double>(T * n); },
      [&](std::vector<double>& block, std::size_t s) {
        for (std::size_t j = 0; j < n; ++j) {
          if (j + kPrefetchAhead < n) prefetch(e.memberSeries(members[j + kPrefetchAhead], s), T);
          const double* src = e.memberSeries(members[j], s);
          for (std::size_t t = 0; t < T; ++t) block[t * n + j] = src[t];
        }
        for (std::size_t t = 0; t < T; ++t) {
          double* row = block.data() + t * n;
          double sum = 0;
          bool neg_zero = false, pos_zero = false;
          for (std::size_t j = 0; j < n; ++j) {
            sum += row[j];  // run-index order
            if (row[j] == 0) (std::signbit(row[j]) ? neg_zero : pos_zero) = true;
          }
          const std::size_t c = s * T + t;
          st.mean[c] = n ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
          if (n == 0) {
            st.p10[c] = st.p50[c] = st.p90[c] = std::numeric_limits<double>::quiet_NaN();
            continue;
          }
          double q[3];
          if (allSame(row, n))  // common: a series the uncertain inputs do not reach (yet)
            sameQuantiles3(row[0], n, q);
          else
            quantiles3(row, n, q, !(neg_zero && pos_zero));
          st.p10[c] = q[0];
          st.p50[c] = q[1];
          st.p90[c] = q[2];
        }
      });
  return st;
}

// ---------------------------------------------------------------- [SECTION] Merging shards

namespace {
bool sameKeys(const std::vector<SeriesKey>& a, const std::vector<SeriesKey>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!sameKey(a[i], b[i])) return false;
  return true;
}
}  // namespace

namespace {
std::string leverText(const std::vector<std::pair<std::string, std::string>>& levers) {
  if (levers.empty()) return "none";
  std::string s;
  for (const auto& [id, value] : levers) s += fmt::format("{}{}={}", s.empty() ? "" : " ", id, value);
  return s;
}
std::string monthsText(int start, int months) {
  return fmt::format("{}..{}", formatMonth(start), formatMonth(start + std::max(months, 1) - 1));
}
}  // namespace

EnsembleResult mergeEnsembles(std::vector<EnsembleResult> shards, int threads) {
  if (shards.empty()) throw EnsembleError("nothing to merge");
  const EnsembleResult& first = shards.front();
  const int n = first.shard_n;
  std::vector<const EnsembleResult*> by_k(static_cast<std::size_t>(std::max(n, 0)), nullptr);
  const EnsembleResult* keys_of = &first;
  for (const EnsembleResult& sh : shards)
    if (sh.finishedRuns() > 0) {
      keys_of = &sh;
      break;
    }
  for (const EnsembleResult& sh : shards) {
    auto differs = [&](const char* what, const std::string& a, const std::string& b) {
      return EnsembleError(fmt::format("shard {}/{} has {} {}, shard {}/{} has {}", sh.shard_k + 1, sh.shard_n, what, b,
                                       first.shard_k + 1, first.shard_n, a));
    };
    if (sh.shard_n != n) throw differs("shard count", std::to_string(n), std::to_string(sh.shard_n));
    if (sh.runs != first.runs) throw differs("runs", std::to_string(first.runs), std::to_string(sh.runs));
    if (sh.seed != first.seed) throw differs("seed", std::to_string(first.seed), std::to_string(sh.seed));
    if (sh.scenario_name != first.scenario_name) throw differs("scenario", first.scenario_name, sh.scenario_name);
    if (sh.version != first.version) throw differs("version", first.version, sh.version);
    if (sh.lever_values != first.lever_values)
      throw differs("lever settings", leverText(first.lever_values), leverText(sh.lever_values));
    if (sh.start != first.start || sh.months != first.months)
      throw EnsembleError(
          fmt::format("shard {}/{} has months {}, shard {}/{} has {} (were they run with other "
                      "--from/--to?)",
                      sh.shard_k + 1, sh.shard_n, monthsText(sh.start, sh.months), first.shard_k + 1, first.shard_n,
                      monthsText(first.start, first.months)));
    if (!sameKeys(sh.keys, keys_of->keys) && sh.finishedRuns() > 0)  // a shard stopped before its first run lists none
      throw EnsembleError(fmt::format(
          "shard {}/{} keeps {} series, shard {}/{} {} (were they run with other --metrics?)", sh.shard_k + 1,
          sh.shard_n, sh.keys.size(), keys_of->shard_k + 1, keys_of->shard_n,
          sh.keys.size() == keys_of->keys.size() ? "others as many" : std::to_string(keys_of->keys.size())));
    if (sh.shard_k < 0 || sh.shard_k >= n)
      throw EnsembleError(fmt::format("shard {}/{} does not exist", sh.shard_k + 1, n));
    if (by_k[sh.shard_k]) throw EnsembleError(fmt::format("shard {}/{} is given twice", sh.shard_k + 1, n));
    if (sh.run_ids != shardRuns(sh.runs, sh.shard_k, sh.shard_n))
      throw EnsembleError(fmt::format("shard {}/{} holds runs that are not its own", sh.shard_k + 1, n));
    by_k[sh.shard_k] = &sh;
  }
  std::string missing;
  for (int k = 0; k < n; ++k)
    if (!by_k[k]) missing += fmt::format("{}{}/{}", missing.empty() ? "" : ", ", k + 1, n);
  if (!missing.empty()) throw EnsembleError(fmt::format("missing shard(s) {}", missing));

  EnsembleResult out;
  out.scenario_name = first.scenario_name;
  out.version = first.version;
  out.lever_values = first.lever_values;
  out.seed = first.seed;
  out.runs = first.runs;
  out.start = first.start;
  out.months = first.months;
  out.keys = keys_of->keys;
  out.run_ids = shardRuns(out.runs, 0, 1);
  out.finished.assign(out.run_ids.size(), 0);
  const std::size_t per_member = out.keys.size() * static_cast<std::size_t>(out.months);
  out.values.assign(per_member * out.run_ids.size(), 0.0);
  for (EnsembleResult& sh : shards) {
    for (std::size_t m = 0; m < sh.run_ids.size(); ++m) {
      if (!sh.finished[m]) continue;
      const auto r = static_cast<std::size_t>(sh.run_ids[m]);
      std::copy_n(sh.values.data() + m * per_member, per_member, out.values.data() + r * per_member);
      out.finished[r] = 1;
    }
    sh.values = {};  // release as we go: peak is the merged values plus the shards still to copy
  }
  out.stats = summarize(out, threads);
  return out;
}

}  // namespace cp
