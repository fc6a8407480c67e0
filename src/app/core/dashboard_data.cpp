// [SECTION] Month axis and names
// [SECTION] Resolving series patterns against the scenario
// [SECTION] Copying series out of Results
// [SECTION] rebuildDashboard, KPI and table values

#include "app/core/dashboard_data.h"

#include "engine/levers.h"
#include "engine/month.h"
#include "app/core/tr.h"
#include "i18n/format.h"
#include "i18n/i18n.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string_view>

namespace cp::app {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

//-----------------------------------------------------------------------------
// [SECTION] Month axis and names
//-----------------------------------------------------------------------------

MonthAxis makeMonthAxis(int start, int months) {
  MonthAxis axis;
  axis.start = start;
  for (int t = 0; t < months; ++t) axis.labels.push_back(cp::formatMonth(start + t));
  for (const std::string& l : axis.labels) axis.ptrs.push_back(l.c_str());
  return axis;
}

const char* MonthAxis::label(int t) const {
  if (t < 0 || t >= count()) return "";
  return cp::i18n::language() == "en" ? ptrs[static_cast<size_t>(t)] : displayMonth(start + t);
}

const char* displayMonth(int abs_month) {
  // Node-based map: the strings never move, so ImGui can keep the pointers for a frame.
  static std::map<std::pair<std::string, int>, std::string> cache;
  const std::string& lang = cp::i18n::language();
  auto [it, added] = cache.try_emplace({lang, abs_month});
  if (added)
    it->second = lang == "en" || abs_month >= cp::kNever ? cp::formatMonth(abs_month)
                                                         : cp::i18n::formatMonthLabel(abs_month, lang);
  return it->second.c_str();
}

std::string displayLeverValue(const cp::Lever& l, double v) {
  switch (l.kind) {
    case cp::LeverKind::Bool: return v > 0.5 ? tr("on") : tr("off");
    case cp::LeverKind::Month: {
      const int m = static_cast<int>(std::lround(v));
      return m >= cp::kNever ? tr("never") : displayMonth(m);
    }
    case cp::LeverKind::Choice: return tr(cp::formatLeverValue(l, v).c_str());
    default: {
      char buf[256];
      std::snprintf(buf, sizeof buf, leverSliderFormat(l).c_str(), v * leverSliderScale(l));
      return cp::i18n::localizeNumber(buf);
    }
  }
}

namespace {
int decimalsForStep(double step) {
  if (!(step > 0)) return 2;
  return std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 4);
}
}  // namespace

std::string leverSliderFormat(const cp::Lever& l) {
  if (l.kind == cp::LeverKind::Share) return "%." + std::to_string(std::max(0, decimalsForStep(l.step) - 2)) + "f%%";
  std::string unit;
  for (char c : l.unit) {
    unit += c;
    if (c == '%') unit += '%';
  }
  return "%." + std::to_string(decimalsForStep(l.step)) + "f" + (unit.empty() ? "" : " " + unit);
}

double leverSliderScale(const cp::Lever& l) { return l.kind == cp::LeverKind::Share ? 100.0 : 1.0; }

std::string localizedSliderFormat(const std::string& format, double value) {
  if (cp::i18n::numberStyle().decimal == '.') return format;
  char buf[256];
  std::snprintf(buf, sizeof buf, format.c_str(), value);
  std::string out;
  for (char c : cp::i18n::localizeNumber(buf)) {
    out += c;
    if (c == '%') out += '%';
  }
  return out;
}

std::string shortName(const std::string& name) {
  const auto cut = name.find(" (");
  return cut == std::string::npos || cut == 0 ? name : name.substr(0, cut);
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Resolving series patterns against the scenario
//-----------------------------------------------------------------------------

struct Entity {
  std::string id, name;
  int bloc = -1;
};

std::vector<Entity> entities(const cp::Scenario& s, cp::Scope scope) {
  std::vector<Entity> out;
  switch (scope) {
    case cp::Scope::Company:
      for (const auto& c : s.companies)
        out.push_back({c.id, tr(c.name), s.jurisdictions[static_cast<size_t>(c.hq)].bloc});
      break;
    case cp::Scope::Bloc:
      for (size_t i = 0; i < s.blocs.size(); ++i)
        out.push_back({s.blocs[i].id, tr(s.blocs[i].name), static_cast<int>(i)});
      break;
    case cp::Scope::Jurisdiction:
      for (const auto& j : s.jurisdictions) out.push_back({j.id, tr(j.name), j.bloc});
      break;
    case cp::Scope::Vendor:
      for (const auto& v : s.vendors) out.push_back({v.id, tr(v.name), -1});
      break;
    case cp::Scope::Chip:
      for (const auto& c : s.chips) out.push_back({c.id, tr(c.name), -1});
      break;
    case cp::Scope::Global: out.push_back({"world", tr("World"), -1}); break;
  }
  return out;
}

using Resolved = ResolvedSeries;

std::vector<std::string> splitPlus(std::string_view text) {
  std::vector<std::string> out;
  size_t from = 0;
  for (;;) {
    const size_t plus = text.find('+', from);
    out.emplace_back(text.substr(from, plus == std::string_view::npos ? std::string_view::npos : plus - from));
    if (plus == std::string_view::npos) return out;
    from = plus + 1;
  }
}

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

std::vector<ResolvedSeries> resolveSeries(const SeriesSpec& spec, const cp::Scenario& s) {
  const std::vector<Entity> all = entities(s, spec.scope);
  std::vector<Entity> picked;
  const std::string_view id(spec.id);
  if (id == "*") {
    picked = all;
  } else if (id.substr(0, 4) == "*in:") {
    const int bloc = s.findBloc(id.substr(4));
    for (const Entity& e : all)
      if (bloc >= 0 && e.bloc == bloc) picked.push_back(e);
  } else {
    for (const Entity& e : all)
      if (e.id == id) picked.push_back(e);
  }
  std::vector<Resolved> out;
  const std::string metric(spec.metric);
  // "{name}" alone is a placeholder, not text to translate.
  const std::string label(std::string_view(spec.label) == "{name}" ? spec.label : tr(spec.label));
  for (const Entity& e : picked) {
    if (metric.find("{j}") == std::string::npos) {
      out.push_back({replaceAll(label, "{name}", shortName(e.name)), spec.scope, e.id, splitPlus(metric)});
      continue;
    }
    for (const auto& j : s.jurisdictions)
      out.push_back({replaceAll(label, "{name}", shortName(tr(j.name))), spec.scope, e.id,
                     splitPlus(replaceAll(metric, "{j}", j.id))});
  }
  return out;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Copying series out of Results
//-----------------------------------------------------------------------------

// The (summed) series, or empty when a metric is missing from the results.
std::vector<double> values(const cp::Results* r, cp::Scope scope, const std::string& id,
                           const std::vector<std::string>& metrics) {
  if (r == nullptr) return {};
  std::vector<double> out(static_cast<size_t>(r->months()), 0.0);
  for (const std::string& m : metrics) {
    const double* v = r->find(scope, id, m);
    if (v == nullptr) return {};
    for (size_t t = 0; t < out.size(); ++t) out[t] += v[t];
  }
  return out;
}

bool allZero(const std::vector<double>& v) {
  for (double x : v)
    if (x != 0.0) return false;
  return true;
}

void buildCharts(DashboardData& d, const cp::Scenario& s, const cp::Results* cur, const cp::Results* base) {
  d.charts.clear();
  for (const ChartSpec& spec : chartSpecs()) {
    ChartData chart;
    chart.flop = d.flop_units && !spec.flop_series.empty();
    for (const SeriesSpec& ss : chart.flop ? spec.flop_series : spec.series) {
      for (const Resolved& r : resolveSeries(ss, s)) {
        SeriesData data{r.label, values(cur, r.scope, r.id, r.metrics), values(base, r.scope, r.id, r.metrics)};
        // Layers that are zero throughout (e.g. AMD in a country it never sells to)
        // only crowd the legend.
        if (spec.kind == ChartKind::Stacked && allZero(data.current) && allZero(data.baseline)) continue;
        if (!data.current.empty()) chart.series.push_back(std::move(data));
      }
    }
    for (const SeriesData& sd : chart.series)
      if (!sd.baseline.empty() && sd.baseline != sd.current) chart.differs = true;
    if (spec.kind == ChartKind::Stacked && chart.differs) {
      std::vector<double> top;
      for (const SeriesData& sd : chart.series) {
        if (sd.baseline.empty()) break;
        top.resize(sd.baseline.size(), 0.0);
        for (size_t t = 0; t < top.size(); ++t) top[t] += std::isfinite(sd.baseline[t]) ? sd.baseline[t] : 0.0;
        chart.baseline_tops.push_back(top);
      }
    }
    d.charts.push_back(std::move(chart));
  }
}

void buildKpis(DashboardData& d, const cp::Scenario& s, const cp::Results* cur, const cp::Results* base) {
  d.kpis.clear();
  for (const KpiSpec& spec : kpiSpecs()) {
    KpiData k;
    const auto resolved = resolveSeries(spec.series, s);
    if (!resolved.empty()) {
      const Resolved& r = resolved.front();
      k.current = values(cur, r.scope, r.id, r.metrics);
      k.baseline = values(base, r.scope, r.id, r.metrics);
      k.available = !k.current.empty();
    }
    d.kpis.push_back(std::move(k));
  }
}

TableRow tableRow(const cp::Results* r, cp::Scope scope, const std::string& id, const std::string& name,
                  const std::string& group, const std::vector<ColumnSpec>& columns) {
  TableRow row{id, shortName(name), name, group, {}};
  for (const ColumnSpec& c : columns) row.columns.push_back(values(r, scope, id, {c.metric}));
  return row;
}

void buildTables(DashboardData& d, const cp::Scenario& s, const cp::Results* cur) {
  d.companies.clear();
  d.chips.clear();
  for (const auto& c : s.companies) {
    if (c.kind == cp::CompanyKind::Operator) continue;
    d.companies.push_back(tableRow(cur, cp::Scope::Company, c.id, tr(c.name),
                                   shortName(tr(s.jurisdictions[static_cast<size_t>(c.hq)].name)), companyColumns()));
  }
  for (const auto& c : s.chips)
    d.chips.push_back(tableRow(cur, cp::Scope::Chip, c.id, tr(c.name),
                               shortName(tr(s.vendors[static_cast<size_t>(c.vendor)].name)), chipColumns()));
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] rebuildDashboard, KPI and table values
//-----------------------------------------------------------------------------

void rebuildDashboard(DashboardData& d, const cp::Scenario& s, const cp::Results* current,
                      const cp::Results* baseline) {
  d.months = makeMonthAxis(s.start, s.months());
  d.marker_labels.clear();
  d.markers.clear();
  for (const cp::Event& e : s.events) d.marker_labels.push_back(tr(e.label));
  for (size_t i = 0; i < s.events.size(); ++i)
    d.markers.push_back({s.events[i].month - s.start, d.marker_labels[i].c_str(), 0});
  d.have_baseline = baseline != nullptr;
  buildCharts(d, s, current, baseline);
  buildKpis(d, s, current, baseline);
  buildTables(d, s, current);
}

double kpiValue(const KpiSpec& spec, const std::vector<double>& series, int t) {
  if (t < 0 || t >= static_cast<int>(series.size())) return kNaN;
  if (spec.aggregate == KpiAggregate::Month) return series[static_cast<size_t>(t)];
  double sum = 0;
  for (int i = std::max(0, t - 11); i <= t; ++i) sum += series[static_cast<size_t>(i)];
  return sum;
}

double columnValue(const ColumnSpec& spec, const std::vector<double>& series, int t) {
  if (t < 0 || t >= static_cast<int>(series.size())) return kNaN;
  if (!spec.cumulative) return series[static_cast<size_t>(t)];
  double sum = 0;
  for (int i = 0; i <= t; ++i) sum += series[static_cast<size_t>(i)];
  return sum;
}

}  // namespace cp::app
