#include "app/core/compare_scenarios.h"
#include "i18n/problem_text.h"

#include "app/core/chart_specs.h"
#include "app/core/dashboard_data.h"
#include "app/core/scenario_files.h"
#include "engine/loader.h"
#include "engine/parallel.h"
#include "engine/simulate.h"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace cp::app {

void listCompareFiles(CompareScenarios& c, const std::string& open_scenario_path) {
  const auto dirs = scenarioDirs(open_scenario_path);
  c.files = listScenarioFiles({dirs.front()});
  c.picked.assign(c.files.size(), 1);
  c.listed = true;
  c.listed_for = open_scenario_path;
}

bool compareListedFor(const CompareScenarios& c, const std::string& open_scenario_path) {
  return c.listed && c.listed_for == open_scenario_path;
}

void runCompare(CompareScenarios& c) {
  std::vector<CompareScenarios::Run> runs;
  for (size_t i = 0; i < c.files.size(); ++i)
    if (c.picked[i]) runs.push_back({c.files[i], "", "", nullptr, nullptr});
  cp::parallelFor(runs.size(), 0, nullptr, [&](size_t i) {
    CompareScenarios::Run& r = runs[i];
    try {
      auto s = std::make_shared<const cp::Scenario>(cp::loadScenario(r.file));
      r.name = s->name;
      r.results = std::make_shared<const cp::Results>(cp::simulate(*s));
      r.scenario = std::move(s);
    } catch (const cp::LoadError& e) {
      r.error = e.problems().empty() ? e.what() : cp::i18n::problemLine(e.problems().front());
    } catch (const std::exception& e) {
      r.error = e.what();
    }
  });
  c.runs = std::move(runs);
  c.series_of.reset();
}

void refreshCompareSeries(CompareScenarios& c) {
  if (c.series_of == c.series) return;
  c.series_values.clear();
  for (size_t i = 0; i < c.runs.size(); ++i) c.series_values.push_back(compareSeries(c, i, c.series));
  c.series_of = c.series;
}

std::vector<double> compareSeries(const CompareScenarios& c, size_t run, const ExplainTarget& target) {
  const CompareScenarios::Run& r = c.runs[run];
  if (!r.results) return {};
  std::vector<double> out(static_cast<size_t>(r.results->months()));
  for (int t = 0; t < r.results->months(); ++t)
    out[static_cast<size_t>(t)] = explainMetric(*r.scenario, target, r.results->start() + t).read(*r.results);
  return out;
}

double compareKpi(const CompareScenarios& c, size_t run, size_t kpi, int month) {
  const CompareScenarios::Run& r = c.runs[run];
  if (!r.results || month < r.results->start() || month >= r.results->start() + r.results->months())
    return std::numeric_limits<double>::quiet_NaN();
  ExplainTarget t;
  t.kpi = static_cast<int>(kpi);
  return explainMetric(*r.scenario, t, month).read(*r.results);
}

std::string compareCsv(const CompareScenarios& c, int month) {
  std::string out = "scenario,file,kpi,month,value\n";
  auto q = [](const std::string& s) { return s.find_first_of(",\"") == std::string::npos ? s : "\"" + s + "\""; };
  for (size_t i = 0; i < c.runs.size(); ++i)
    for (size_t k = 0; k < kpiSpecs().size(); ++k) {
      const double v = compareKpi(c, i, k, month);
      out += fmt::format("{},{},{},{},{}\n", q(c.runs[i].name), q(c.runs[i].file), kpiSpecs()[k].id,
                         cp::formatMonth(month), std::isnan(v) ? std::string() : fmt::format("{}", v));
    }
  return out;
}

}  // namespace cp::app
