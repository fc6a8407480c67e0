// [SECTION] Targets and bars
// [SECTION] AnalysisWorker
// [SECTION] App state: sync, cache, status
#include "app/core/explain.h"

#include "app/core/app_state.h"
#include "app/core/chart_specs.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"
#include "engine/levers.h"
#include "engine/month.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace cp::app {

//-----------------------------------------------------------------------------
// [SECTION] Targets and bars
//-----------------------------------------------------------------------------

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<ResolvedSeries> chartSeries(const cp::Scenario& s, const ChartSpec& c) {
  std::vector<ResolvedSeries> out;
  for (const SeriesSpec& spec : c.series)
    for (ResolvedSeries& r : resolveSeries(spec, s)) out.push_back(std::move(r));
  return out;
}

std::optional<ResolvedSeries> targetSeries(const cp::Scenario& s, const ExplainTarget& t) {
  if (t.chart < 0) {
    if (t.kpi < 0 || t.kpi >= static_cast<int>(kpiSpecs().size())) return std::nullopt;
    auto r = resolveSeries(kpiSpecs()[static_cast<size_t>(t.kpi)].series, s);
    if (r.empty()) return std::nullopt;
    return r.front();
  }
  if (t.chart >= static_cast<int>(chartSpecs().size())) return std::nullopt;
  auto r = chartSeries(s, chartSpecs()[static_cast<size_t>(t.chart)]);
  if (t.series < 0 || t.series >= static_cast<int>(r.size())) return std::nullopt;
  return r[static_cast<size_t>(t.series)];
}

// The sum of the series' metrics in month index i (NaN when one is missing).
double seriesAt(const cp::Results& r, const ResolvedSeries& s, int i) {
  double sum = 0;
  for (const std::string& m : s.metrics) {
    const double* v = r.find(s.scope, s.id, m);
    if (!v || i < 0 || i >= r.months()) return kNaN;
    sum += v[i];
  }
  return sum;
}

}  // namespace

std::vector<TargetChoice> explainTargets(const cp::Scenario& s) {
  std::vector<TargetChoice> out;
  for (size_t k = 0; k < kpiSpecs().size(); ++k) {
    ExplainTarget t;
    t.kpi = static_cast<int>(k);
    if (targetSeries(s, t)) out.push_back({t, tr(kpiSpecs()[k].title), kpiSpecs()[k].unit});
  }
  for (size_t c = 0; c < chartSpecs().size(); ++c) {
    const auto series = chartSeries(s, chartSpecs()[c]);
    for (size_t i = 0; i < series.size(); ++i) {
      ExplainTarget t;
      t.chart = static_cast<int>(c);
      t.series = static_cast<int>(i);
      out.push_back({t, std::string(tr(chartSpecs()[c].title)) + ": " + series[i].label, chartSpecs()[c].unit});
    }
  }
  return out;
}

cp::Metric explainMetric(const cp::Scenario& s, const ExplainTarget& target, int month) {
  cp::Metric m;
  m.month = month;
  const auto series = targetSeries(s, target);
  const bool sum12 = target.chart < 0 && target.kpi >= 0 && target.kpi < static_cast<int>(kpiSpecs().size()) &&
                     kpiSpecs()[static_cast<size_t>(target.kpi)].aggregate == KpiAggregate::Sum12;
  m.label = series ? series->label : "?";
  // The analysis' runs record only what `read` looks at (the same bits as a full run).
  if (series)
    for (const std::string& metric : series->metrics)
      m.series.patterns.push_back(std::string(cp::toString(series->scope)) + "/" + series->id + "/" + metric);
  m.read = [series, sum12, month](const cp::Results& r) {
    if (!series) return kNaN;
    const int t = r.monthIndex(month);
    if (!sum12) return seriesAt(r, *series, t);
    double sum = 0;
    for (int i = std::max(0, t - 11); i <= t; ++i) sum += seriesAt(r, *series, i);
    return sum;
  };
  return m;
}

std::vector<WaterfallBar> waterfallBars(const cp::Attribution& a, bool one_at_a_time) {
  std::vector<WaterfallBar> bars;
  for (const cp::LeverContribution& c : a.levers)
    bars.push_back({WaterfallBar::Kind::Lever, c.lever, c.label.empty() ? c.id : c.label, c.from, c.to, c.help,
                    one_at_a_time ? c.alone : c.value});
  std::stable_sort(bars.begin(), bars.end(), [](const WaterfallBar& x, const WaterfallBar& y) {
    return std::fabs(x.value) > std::fabs(y.value);
  });
  if (one_at_a_time && a.interaction != 0)
    bars.push_back({WaterfallBar::Kind::Interaction, -1, N_("Interactions"), "", "",
                    N_("What the levers do together beyond the sum of their effects alone."), a.interaction});
  if (a.other != 0)
    bars.push_back({WaterfallBar::Kind::Other, -1, N_("Other differences"), "", "",
                    N_("The scenario differs from the file as loaded in more than its levers."), a.other});
  return bars;
}

std::string waterfallShare(const std::vector<WaterfallBar>& bars, size_t k) {
  double moved = 0;
  for (const WaterfallBar& b : bars) moved += std::fabs(b.value);
  if (k >= bars.size() || !(moved > 0)) return "";
  const double pct = 100.0 * std::fabs(bars[k].value) / moved;
  return pct < 0.5 ? std::string(" (<1%)") : fmt::format(" ({:.0f}%)", pct);
}

std::string interactionsShareText(double share) {
  const double pct = std::round(100.0 * share);
  return fmt::format("{:.0f}%", pct == 0.0 || !std::isfinite(pct) ? 0.0 : pct);  // -0 rounds to "0%"
}

std::string sensitivityEndText(const cp::Scenario& s, const cp::SensitivityRow& r, bool high) {
  if (r.lever < 0 || r.lever >= static_cast<int>(s.levers.size())) return high ? r.high_text : r.low_text;
  return displayLeverValue(s.levers[static_cast<size_t>(r.lever)], high ? r.high : r.low);
}

std::string waterfallEndText(const cp::Scenario& s, const WaterfallBar& b, bool to) {
  const std::string& typed = to ? b.to : b.from;
  if (b.lever < 0 || b.lever >= static_cast<int>(s.levers.size())) return typed;
  const cp::Lever& l = s.levers[static_cast<size_t>(b.lever)];
  std::string out;
  for (size_t start = 0; start <= typed.size();) {
    const size_t end = std::min(typed.find("; ", start), typed.size());
    const std::string part = typed.substr(start, end - start);
    const size_t at = part.rfind('@');
    const auto v = cp::parseLeverValue(l, part.substr(0, std::min(at, part.size())), nullptr);
    const auto m = at == std::string::npos ? std::nullopt : cp::parseMonth(part.substr(at + 1));
    if (!v || (at != std::string::npos && !m)) return typed;
    out += (out.empty() ? "" : ", ") + displayLeverValue(l, *v);
    if (m) out += tr(" from ") + std::string(displayMonth(*m));
    start = end + 2;
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] AnalysisWorker
//-----------------------------------------------------------------------------

namespace {

// Natively the whole analysis in one step (on its own threads, cancellable); sliced,
// kRunsPerSlice runs per step through the memo, the last step computing as one call.
class AnalysisTask final : public Task {
 public:
  explicit AnalysisTask(AnalysisWorker::Job job) : job_(std::move(job)) {
    memo_.budget = AnalysisWorker::kRunsPerSlice;
  }
  bool step(const TaskContext& ctx) override {
    cp::AnalysisOptions o;
    o.progress = ctx.progress;
    if (!ctx.sliced) {
      o.cancel = ctx.cancel;
      job_(o);  // catches its own errors
      return true;
    }
    o.memo = &memo_;
    job_(o);
    // Complete when every run is in, or when the job ran none (it failed before its runs).
    return memo_.values.empty() || memo_.doneCount() >= static_cast<int>(memo_.values.size());
  }

 private:
  AnalysisWorker::Job job_;
  cp::AnalysisMemo memo_;
};

}  // namespace

void AnalysisWorker::submit(std::uint64_t tag, Job job) {
  runner_.submit(tag, std::make_shared<AnalysisTask>(std::move(job)));
}

std::uint64_t AnalysisWorker::takeFinished() {
  const auto done = runner_.take();
  return done ? done->tag : 0;
}

//-----------------------------------------------------------------------------
// [SECTION] App state: sync, cache, status
//-----------------------------------------------------------------------------

namespace {

template <class T>
const T* cached(const ExplainState::Slot<T>& slot, const ExplainState::Key& key) {
  for (const auto& [k, v] : slot.cache)
    if (k == key) return v.get();
  return nullptr;
}

template <class T>
void takeFinished(ExplainState::Slot<T>& slot) {
  const std::uint64_t tag = slot.worker.takeFinished();
  if (tag == 0 || tag != slot.submitted_tag || !slot.pending) return;
  slot.error = slot.pending->error;
  if (slot.error.empty() && !slot.pending->value.partial) {
    slot.cache.emplace_back(slot.submitted, std::shared_ptr<const T>(slot.pending, &slot.pending->value));
    if (slot.cache.size() > kExplainCacheSize) slot.cache.erase(slot.cache.begin());
  }
  slot.pending.reset();
}

// Neither cached nor on its way (nor failed) for this key.
template <class T>
bool needed(const ExplainState::Slot<T>& slot, const ExplainState::Key& key) {
  return !cached(slot, key) &&
         !(slot.submitted_tag != 0 && slot.submitted == key && (slot.pending || !slot.error.empty()));
}

// Submits `compute` for the key (when needed() said so).
template <class T, class Compute>
void request(ExplainState::Slot<T>& slot, const ExplainState::Key& key, int threads, Compute compute) {
  auto result = std::make_shared<ExplainState::Pending<T>>();
  slot.submitted = key;
  slot.submitted_tag = slot.next_tag++;
  slot.pending = result;
  slot.error.clear();
  slot.worker.submit(slot.submitted_tag, [result, compute, threads](cp::AnalysisOptions o) {
    o.threads = threads;
    try {
      result->value = compute(o);
    } catch (const std::exception& e) {
      result->error = e.what();
    }
  });
}

}  // namespace

ExplainState::Key explainKey(const AppState& state) { return explainKey(state.doc, state.dash, state.ui); }

ExplainState::Key explainKey(const Document& doc, const DashboardData& dash, const UiState& ui) {
  ExplainState::Key key;
  key.generation = version(doc).generation;
  for (const cp::LeverSchedule& s : doc.edits) key.edits.push_back(s.points);
  key.target = ui.explain.target;
  key.month = dash.months.start + ui.view.month;
  return key;
}

void syncExplain(AppState& state) { syncExplain(state.explain, state.doc, state.dash, state.ui); }

void syncExplain(ExplainState& e, const Document& doc, const DashboardData& dash, const UiState& ui) {
  takeFinished(e.attribution);
  takeFinished(e.sensitivity);
  if (!hasScenario(doc) || dash.months.count() == 0) return;
  const ExplainState::Key key = explainKey(doc, dash, ui);
  if (ui.explain.explain_visible && needed(e.attribution, key)) {  // the snapshots only when a run is due
    auto base = doc.loaded;
    auto variant = sharedSnapshot(doc);
    request(e.attribution, key, e.threads, [base, variant, key](const cp::AnalysisOptions& o) {
      return cp::attribute(*base, *variant, explainMetric(*base, key.target, key.month), o);
    });
  }
  if (ui.explain.sensitivity_visible && needed(e.sensitivity, key)) {
    auto s = sharedSnapshot(doc);
    request(e.sensitivity, key, e.threads, [s, key](const cp::AnalysisOptions& o) {
      return cp::sensitivity(*s, explainMetric(*s, key.target, key.month), {}, o);
    });
  }
}

void waitForExplain(AppState& state) {
  for (int i = 0; i < 8; ++i) {
    syncExplain(state);
    state.explain.attribution.worker.waitIdle();
    state.explain.sensitivity.worker.waitIdle();
    syncExplain(state);
    if (!state.explain.attribution.worker.busy() && !state.explain.sensitivity.worker.busy()) break;
  }
}

const cp::Attribution* shownAttribution(const AppState& state) {
  return cached(state.explain.attribution, explainKey(state));
}

const cp::Sensitivity* shownSensitivity(const AppState& state) {
  return cached(state.explain.sensitivity, explainKey(state));
}

float explainProgress(const AppState& state, bool sensitivity) {
  const auto fraction = [](const auto& slot) {
    const AnalysisWorker::Progress p = slot.worker.progress();
    return p.running && p.tag == slot.submitted_tag && p.total > 0
               ? static_cast<float>(p.done) / static_cast<float>(p.total)
               : 0.0f;
  };
  return sensitivity ? fraction(state.explain.sensitivity) : fraction(state.explain.attribution);
}

std::string explainStatus(const AppState& state, bool sensitivity) {
  const auto status = [&](const auto& slot, bool shown) -> std::string {
    if (shown) return "";
    if (!slot.error.empty() && slot.submitted == explainKey(state)) return tr("failed: ") + slot.error;
    const AnalysisWorker::Progress p = slot.worker.progress();
    const int done = p.running && p.tag == slot.submitted_tag ? p.done : 0;
    const int total = p.running && p.tag == slot.submitted_tag ? p.total : 0;
    return tr("computing: ") + std::to_string(done) + "/" + std::to_string(total) + tr(" runs");
  };
  return sensitivity ? status(state.explain.sensitivity, shownSensitivity(state) != nullptr)
                     : status(state.explain.attribution, shownAttribution(state) != nullptr);
}

}  // namespace cp::app
