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

namespace chokepoint::app {

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
        std::vector<std::vector<double>> perMonth(months);
        for (size_t m : members) {
            const double* v = e.memberSeries(m, it->second);
            member.assign(v, v + months);
            for (size_t t = 0; t < months; ++t)
                if (const double x = kpiValue(kpis[k], member, static_cast<int>(t)); std::isfinite(x)) perMonth[t].push_back(x);
        }
        BandSeries& band = out.kpis[k];
        band.label = kpis[k].id;
        band.p10.assign(months, NAN);
        band.p50.assign(months, NAN);
        band.p90.assign(months, NAN);
        for (size_t t = 0; t < months; ++t) {
            std::sort(perMonth[t].begin(), perMonth[t].end());
            band.p10[t] = cp::quantileSorted(perMonth[t].data(), perMonth[t].size(), 0.10);
            band.p50[t] = cp::quantileSorted(perMonth[t].data(), perMonth[t].size(), 0.50);
            band.p90[t] = cp::quantileSorted(perMonth[t].data(), perMonth[t].size(), 0.90);
        }
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] EnsembleWorker
//-----------------------------------------------------------------------------

EnsembleWorker::~EnsembleWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        cancel_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void EnsembleWorker::submit(Request request) {
    if (sliced_) {
        std::lock_guard lock(mutex_);
        if (slices_) ++cancelled_;  // latest request wins
        Slices sl;
        cp::EnsembleOptions o;
        o.runs = request.runs;
        o.seed = request.scenario->seed;
        o.threads = 1;
        sl.options = bandEnsembleOptions(*request.scenario, o);
        sl.shards = std::max(1, (request.runs + kMembersPerSlice - 1) / kMembersPerSlice);
        running_ = true;
        runningTag_ = request.tag;
        progressDone_ = 0;
        progressTotal_ = request.runs;
        sl.request = std::move(request);
        slices_ = std::move(sl);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(request);
        if (running_) cancel_ = true;  // latest request wins
        if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
    }
    wake_.notify_one();
}

void EnsembleWorker::cancel() {
    std::lock_guard lock(mutex_);
    if (slices_) {
        slices_.reset();
        running_ = false;
        ++cancelled_;
    }
    pending_.reset();
    if (running_) cancel_ = true;
}

void EnsembleWorker::step() {
    std::lock_guard lock(mutex_);
    if (!slices_) return;
    Slices& sl = *slices_;
    try {
        cp::EnsembleOptions o = sl.options;
        o.shard_k = sl.next;
        o.shard_n = sl.shards;
        sl.parts.push_back(cp::runEnsemble(*sl.request.scenario, o));
        // This shard's members: the runs r < runs with r % shards == next.
        progressDone_ += (sl.request.runs - sl.next + sl.shards - 1) / sl.shards;
        if (++sl.next < sl.shards) return;
        const cp::EnsembleResult all = cp::mergeEnsembles(std::move(sl.parts));
        done_ = Output{sl.request.tag, std::make_shared<UncertaintyBands>(bandsFromEnsemble(*sl.request.scenario, all)), ""};
    } catch (const std::exception& e) {
        done_ = Output{sl.request.tag, nullptr, e.what()};
    }
    slices_.reset();
    running_ = false;
    if (wakeHook_) wakeHook_();
}

std::optional<EnsembleWorker::Output> EnsembleWorker::take() {
    if (sliced_) step();
    std::lock_guard lock(mutex_);
    std::optional<Output> out;
    out.swap(done_);
    return out;
}

EnsembleWorker::Progress EnsembleWorker::progress() const {
    std::lock_guard lock(mutex_);
    return Progress{runningTag_, progressDone_.load(), progressTotal_.load(), running_};
}

bool EnsembleWorker::busy() const {
    std::lock_guard lock(mutex_);
    return running_ || pending_.has_value();
}

void EnsembleWorker::waitIdle() {
    while (sliced_) {
        {
            std::lock_guard lock(mutex_);
            if (!slices_) return;
        }
        step();
    }
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return !running_ && !pending_; });
}

bool EnsembleWorker::hasResult() const {
    std::lock_guard lock(mutex_);
    return done_.has_value();
}

void EnsembleWorker::setWake(WakeHook wake) {
    std::lock_guard lock(mutex_);
    wakeHook_ = std::move(wake);
}

int EnsembleWorker::cancelledCount() const {
    std::lock_guard lock(mutex_);
    return cancelled_;
}

void EnsembleWorker::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stop_ || pending_.has_value(); });
        if (stop_) return;
        Request request = std::move(*pending_);
        pending_.reset();
        running_ = true;
        runningTag_ = request.tag;
        cancel_ = false;
        progressDone_ = 0;
        progressTotal_ = request.runs;
        lock.unlock();

        Output out;
        out.tag = request.tag;
        bool complete = false;
        try {
            cp::EnsembleOptions o;
            o.runs = request.runs;
            o.seed = request.scenario->seed;
            o.threads = 1;
            o.cancel = &cancel_;
            o.progress = [this](int done, int total) {
                progressDone_ = done;
                progressTotal_ = total;
            };
            auto bands = std::make_shared<UncertaintyBands>(computeBands(*request.scenario, o));
            complete = bands->runs == request.runs && !cancel_;
            out.bands = std::move(bands);
        } catch (const std::exception& e) {
            out.error = e.what();
            complete = true;  // deliver the error
        }

        lock.lock();
        running_ = false;
        if (complete)
            done_ = std::move(out);
        else
            ++cancelled_;
        idle_.notify_all();
        if (wakeHook_) wakeHook_();  // under the lock: setWake({}) cannot race with it
    }
}

//-----------------------------------------------------------------------------
// [SECTION] App state: toggle, sync, status
//-----------------------------------------------------------------------------

namespace {

UncertaintyState::Key currentKey(const AppState& state) {
    return {state.runs.generation, state.doc.revision, state.uncertainty.runs};
}

}  // namespace

bool scenarioHasUncertainty(const AppState& state) {
    return hasScenario(state.doc) && !state.doc.loaded->uncertain.empty();
}

void setUncertainty(AppState& state, bool on) {
    state.uncertainty.enabled = on;
    syncUncertainty(state);
}

void syncUncertainty(AppState& state) {
    UncertaintyState& u = state.uncertainty;
    if (auto out = u.worker.take(); out && out->tag == u.submittedTag) {
        u.error = out->error;
        if (out->bands) {
            u.bands = out->bands;
            u.shown = u.submitted;
        }
    }
    if (!u.enabled || !scenarioHasUncertainty(state)) {
        if (u.submittedTag != 0) u.worker.cancel();
        u.submittedTag = 0;
        return;
    }
    const UncertaintyState::Key key = currentKey(state);
    if (u.submittedTag != 0 && u.submitted == key) return;
    if (u.bands && u.shown == key) return;  // toggled off and on again: still current
    u.submitted = key;
    u.submittedTag = u.nextTag++;
    u.error.clear();
    u.worker.submit({std::make_shared<const cp::Scenario>(snapshot(state.doc)), u.submittedTag, u.runs});
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
    const auto t = static_cast<size_t>(std::max(state.view.month, 0));
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
    const int done = p.running && p.tag == u.submittedTag ? p.done : 0;
    return tr("uncertainty: ") + std::to_string(done) + "/" + std::to_string(u.runs) + tr(" runs");
}

}  // namespace chokepoint::app
