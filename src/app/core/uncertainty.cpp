// [SECTION] Bands from an ensemble
// [SECTION] EnsembleWorker
// [SECTION] App state: toggle, sync, status

#include "app/core/uncertainty.h"

#include "app/core/app_state.h"
#include "app/core/chart_specs.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <set>

namespace cp::app {

//-----------------------------------------------------------------------------
// [SECTION] Bands from an ensemble
//-----------------------------------------------------------------------------

namespace {

std::string keyText(cp::Scope scope, const std::string& id, const std::string& metric) {
  return std::string(cp::toString(scope)) + "/" + id + "/" + metric;
}

struct Wanted {
  size_t chart;
  std::string label;
  std::vector<std::string> keys;  // summed
};

// The line-chart series to band, and every key the ensemble must keep for them and the KPIs.
std::vector<Wanted> wantedSeries(const cp::Scenario& s, std::set<std::string>& patterns) {
  std::vector<Wanted> wanted;
  const auto& specs = chartSpecs();
  for (size_t c = 0; c < specs.size(); ++c) {
    if (specs[c].kind != ChartKind::Lines) continue;  // a band per stack layer would be unreadable
    for (const SeriesSpec& ss : specs[c].series) {
      for (const ResolvedSeries& r : resolveSeries(ss, s)) {
        Wanted w{c, r.label, {}};
        for (const std::string& m : r.metrics) w.keys.push_back(keyText(r.scope, r.id, m));
        patterns.insert(w.keys.begin(), w.keys.end());
        wanted.push_back(std::move(w));
      }
    }
  }
  for (const KpiSpec& k : kpiSpecs()) patterns.insert(keyText(k.series.scope, k.series.id, k.series.metric));
  return wanted;
}

}  // namespace

cp::EnsembleOptions bandEnsembleOptions(const cp::Scenario& s, cp::EnsembleOptions o) {
  std::set<std::string> patterns;
  wantedSeries(s, patterns);
  o.keep.patterns.assign(patterns.begin(), patterns.end());
  o.summarize = false;
  return o;
}

UncertaintyBands computeBands(const cp::Scenario& s, cp::EnsembleOptions o) {
  return bandsFromEnsemble(s, cp::runEnsemble(s, bandEnsembleOptions(s, std::move(o))));
}

UncertaintyBands bandsFromEnsemble(const cp::Scenario& s, const cp::EnsembleResult& e) {
  std::set<std::string> patterns;
  const std::vector<Wanted> wanted = wantedSeries(s, patterns);
  const auto& specs = chartSpecs();
  const auto& kpis = kpiSpecs();

  std::map<std::string, size_t> index;
  for (size_t k = 0; k < e.keys.size(); ++k) index[keyText(e.keys[k].scope, e.keys[k].id, e.keys[k].metric)] = k;
  std::vector<size_t> members;
  for (size_t m = 0; m < e.finished.size(); ++m)
    if (e.finished[m]) members.push_back(m);

  UncertaintyBands out;
  out.runs = static_cast<int>(members.size());
  out.charts.resize(specs.size());
  const auto months = static_cast<size_t>(e.months);
  std::vector<double> values;
  for (const Wanted& w : wanted) {
    std::vector<size_t> series;
    for (const std::string& k : w.keys)
      if (auto it = index.find(k); it != index.end()) series.push_back(it->second);
    if (series.size() != w.keys.size()) continue;  // a metric this scenario does not produce
    BandSeries band{w.label, std::vector<double>(months), std::vector<double>(months), std::vector<double>(months)};
    for (size_t t = 0; t < months; ++t) {
      values.clear();
      for (size_t m : members) {
        double v = 0;
        for (size_t k : series) v += e.memberSeries(m, k)[t];
        if (std::isfinite(v)) values.push_back(v);
      }
      std::sort(values.begin(), values.end());
      band.p10[t] = cp::quantileSorted(values.data(), values.size(), 0.10);
      band.p50[t] = cp::quantileSorted(values.data(), values.size(), 0.50);
      band.p90[t] = cp::quantileSorted(values.data(), values.size(), 0.90);
    }
    out.charts[w.chart].push_back(std::move(band));
  }
  // KPI ranges: each member's KPI value (a 12-month sum is summed per member first).
  out.kpis.resize(kpis.size());
  std::vector<double> member(months);
  for (size_t k = 0; k < kpis.size(); ++k) {
    const auto it = index.find(keyText(kpis[k].series.scope, kpis[k].series.id, kpis[k].series.metric));
    if (it == index.end()) continue;
    std::vector<std::vector<double>> per_month(months);
    for (size_t m : members) {
      const double* v = e.memberSeries(m, it->second);
      member.assign(v, v + months);
      for (size_t t = 0; t < months; ++t)
        if (const double x = kpiValue(kpis[k], member, static_cast<int>(t)); std::isfinite(x))
          per_month[t].push_back(x);
    }
    BandSeries& band = out.kpis[k];
    band.label = kpis[k].id;
    band.p10.assign(months, NAN);
    band.p50.assign(months, NAN);
    band.p90.assign(months, NAN);
    for (size_t t = 0; t < months; ++t) {
      std::sort(per_month[t].begin(), per_month[t].end());
      band.p10[t] = cp::quantileSorted(per_month[t].data(), per_month[t].size(), 0.10);
      band.p50[t] = cp::quantileSorted(per_month[t].data(), per_month[t].size(), 0.50);
      band.p90[t] = cp::quantileSorted(per_month[t].data(), per_month[t].size(), 0.90);
    }
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] EnsembleWorker
//-----------------------------------------------------------------------------

namespace {

// Natively the whole ensemble in one step (cancellable); sliced, a shard of kMembersPerSlice
// members per step, merged after the last: the same bits either way.
class BandsTask final : public Task {
 public:
  explicit BandsTask(EnsembleWorker::Request request) : request_(std::move(request)) {
    options_.runs = request_.runs;
    options_.seed = request_.scenario->seed;
    options_.threads = 1;
    out.tag = request_.tag;
  }
  bool step(const TaskContext& ctx) override {
    try {
      if (ctx.sliced) return shard(ctx);
      cp::EnsembleOptions o = options_;
      o.cancel = ctx.cancel;
      o.progress = ctx.progress;
      out.bands = std::make_shared<UncertaintyBands>(computeBands(*request_.scenario, o));
    } catch (const std::exception& e) {
      out.bands.reset();
      out.error = e.what();
    }
    return true;
  }
  EnsembleWorker::Output out;

 private:
  bool shard(const TaskContext& ctx) {
    if (shards_ == 0) {
      options_ = bandEnsembleOptions(*request_.scenario, options_);
      shards_ = std::max(1, (request_.runs + EnsembleWorker::kMembersPerSlice - 1) / EnsembleWorker::kMembersPerSlice);
    }
    cp::EnsembleOptions o = options_;
    o.shard_k = next_;
    o.shard_n = shards_;
    parts_.push_back(cp::runEnsemble(*request_.scenario, o));
    // This shard's members: the runs r < runs with r % shards == next.
    done_ += (request_.runs - next_ + shards_ - 1) / shards_;
    ctx.progress(done_, request_.runs);
    if (++next_ < shards_) return false;
    const cp::EnsembleResult all = cp::mergeEnsembles(std::move(parts_));
    out.bands = std::make_shared<UncertaintyBands>(bandsFromEnsemble(*request_.scenario, all));
    return true;
  }

  EnsembleWorker::Request request_;
  cp::EnsembleOptions options_;
  int shards_ = 0, next_ = 0, done_ = 0;
  std::vector<cp::EnsembleResult> parts_;
};

}  // namespace

void EnsembleWorker::submit(Request request) {
  const int runs = request.runs;
  runner_.submit(request.tag, std::make_shared<BandsTask>(std::move(request)), runs);
}

std::optional<EnsembleWorker::Output> EnsembleWorker::take() {
  auto done = runner_.take();
  if (!done) return std::nullopt;
  return static_cast<const BandsTask&>(*done->task).out;
}

//-----------------------------------------------------------------------------
// [SECTION] App state: toggle, sync, status
//-----------------------------------------------------------------------------

namespace {

UncertaintyState::Key currentKey(const UncertaintyState& u, const Document& doc) { return {version(doc), u.runs}; }
UncertaintyState::Key currentKey(const AppState& state) { return currentKey(state.uncertainty, state.doc); }

}  // namespace

bool scenarioHasUncertainty(const AppState& state) {
  return hasScenario(state.doc) && !state.doc.loaded->uncertain.empty();
}

void setUncertainty(AppState& state, bool on) {
  state.uncertainty.enabled = on;  // called while drawing: the next update() starts or stops the ensemble
}

void syncUncertainty(AppState& state) { syncUncertainty(state.uncertainty, state.doc); }

void syncUncertainty(UncertaintyState& u, const Document& doc) {
  if (auto out = u.worker.take(); out && out->tag == u.submitted_tag) {
    u.error = out->error;
    if (out->bands) {
      u.bands = out->bands;
      u.shown = u.submitted;
    }
  }
  if (!u.enabled || !hasScenario(doc) || doc.loaded->uncertain.empty()) {
    if (u.submitted_tag != 0) u.worker.cancel();
    u.submitted_tag = 0;
    return;
  }
  const UncertaintyState::Key key = currentKey(u, doc);
  if (u.submitted_tag != 0 && u.submitted == key) return;
  if (u.bands && u.shown == key) return;  // toggled off and on again: still current
  u.submitted = key;
  u.submitted_tag = u.next_tag++;
  u.error.clear();
  u.worker.submit({sharedSnapshot(doc), u.submitted_tag, u.runs});
}

void waitForUncertainty(AppState& state) {
  for (int i = 0; i < 8; ++i) {
    state.uncertainty.worker.waitIdle();
    syncUncertainty(state);
    if (!state.uncertainty.worker.busy()) break;
  }
}

const std::vector<BandSeries>* chartBands(const AppState& state, size_t chart) {
  const UncertaintyState& u = state.uncertainty;
  if (!u.enabled || !u.bands || !(u.shown == currentKey(state)) || chart >= u.bands->charts.size()) return nullptr;
  // Bands are computed for the charts' default unit; a chart shown in FLOP-H100e has none.
  if (chart < state.dash.charts.size() && state.dash.charts[chart].flop) return nullptr;
  const auto& bands = u.bands->charts[chart];
  return bands.empty() ? nullptr : &bands;
}

KpiRange kpiRange(const AppState& state, size_t kpi) {
  const UncertaintyState& u = state.uncertainty;
  if (!u.enabled || !u.bands || !(u.shown == currentKey(state)) || kpi >= u.bands->kpis.size()) return {};
  const BandSeries& b = u.bands->kpis[kpi];
  const auto t = static_cast<size_t>(std::max(state.ui.view.month, 0));
  if (t >= b.p10.size() || !std::isfinite(b.p10[t]) || !std::isfinite(b.p90[t])) return {};
  return {true, b.p10[t], b.p90[t]};
}

std::string uncertaintyStatus(const AppState& state) {
  const UncertaintyState& u = state.uncertainty;
  if (!u.enabled) return "";
  if (!scenarioHasUncertainty(state)) return tr("this scenario has no uncertain inputs");
  if (!u.error.empty()) return tr("uncertainty failed: ") + u.error;
  if (u.bands && u.shown == currentKey(state))
    return tr("bands: p10-p90 of ") + std::to_string(u.bands->runs) + tr(" runs");
  const EnsembleWorker::Progress p = u.worker.progress();
  const int done = p.running && p.tag == u.submitted_tag ? p.done : 0;
  return tr("uncertainty: ") + std::to_string(done) + "/" + std::to_string(u.runs) + tr(" runs");
}

}  // namespace cp::app
