// `matrix`: many scenarios x chosen metrics at chosen months, one table.
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/analysis_args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/scenario_files.h"
#include "cli/scenario_args.h"
#include "engine/sensitivity.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {
struct MatrixArgs {
  std::vector<std::string> scenarios, metrics, months;
  AnalysisArgs common;
};
}  // namespace

Command addMatrix(CLI::App& app) {
  auto a = std::make_shared<MatrixArgs>();
  app.add_option("scenarios", a->scenarios,
                 i18n::tr("Scenario files (JSON; a schema, the source list or a folder is skipped)"))
      ->required();
  app.add_option("--metric", a->metrics, i18n::tr("A series SCOPE/ID/METRIC (repeatable)"))->required();
  app.add_option("--month,-m", a->months, i18n::tr("A month YYYY-MM (repeatable); every metric is read in every month"))
      ->required();
  addAnalysisFlags(app, a->common, N_("in every scenario"));
  return [a](std::ostream& out, std::ostream& err) -> int {
    // `matrix scenarios/*.json` meets the schema and the source list: skipped with a word.
    const std::vector<std::string> files = scenarioFilesOnly(a->scenarios, err);
    if (files.empty()) {
      err << i18n::trf("chokepoint-cli: none of the files is a scenario\n");
      return kUsage;
    }
    std::vector<Scenario> scenarios;
    for (const std::string& path : files) {
      auto s = loadWithLevers(path, a->common.flags.levers, err);
      if (!s) return kUsage;
      scenarios.push_back(std::move(*s));
    }
    auto points = metricPoints(a->metrics, a->months, {}, err);
    if (!points) return kUsage;
    AnalysisRun run(err, a->common, "scenarios");
    ScenarioMatrix m;
    if (auto code =
            runAnalysis(run, err, m, [&](const AnalysisOptions& o) { return scenarioMatrix(scenarios, *points, o); }))
      return *code;
    auto num = [](double v, bool table) {
      return std::isnan(v) ? std::string(table ? "-" : "") : table ? tableNumber(v) : fmt::format("{}", v);
    };
    std::string body;
    if (a->common.flags.format == "csv") {
      body = csvLine({"scenario", "file", "scope", "id", "metric", "month", "value"});
      for (std::size_t i = 0; i < scenarios.size(); ++i)
        for (std::size_t j = 0; j < m.points.size(); ++j) {
          const MetricPoint& p = m.points[j];
          body += csvLine({m.scenarios[i], files[i], toString(p.scope), p.id, p.metric, formatMonth(p.month),
                           num(m.at(i, j), false)});
        }
    } else if (a->common.flags.format == "json") {
      nlohmann::json j{{"points", nlohmann::json::array()}, {"scenarios", nlohmann::json::array()}};
      for (const MetricPoint& p : m.points)
        j["points"].push_back({{"metric", p.selector()}, {"month", formatMonth(p.month)}});
      for (std::size_t i = 0; i < scenarios.size(); ++i) {
        nlohmann::json values = nlohmann::json::array();
        for (std::size_t k = 0; k < m.points.size(); ++k)
          values.push_back(std::isnan(m.at(i, k)) ? nlohmann::json(nullptr) : nlohmann::json(m.at(i, k)));
        j["scenarios"].push_back({{"name", m.scenarios[i]}, {"file", files[i]}, {"values", values}});
      }
      body = j.dump(2) + "\n";
    } else {
      std::vector<std::string> header{i18n::tr("scenario")};
      for (const MetricPoint& p : m.points) header.push_back(i18n::trf("{} in {}", p.selector(), humanMonth(p.month)));
      std::vector<std::vector<std::string>> rows;
      for (std::size_t i = 0; i < scenarios.size(); ++i) {
        rows.push_back({i18n::tr(m.scenarios[i])});
        for (std::size_t j = 0; j < m.points.size(); ++j) rows.back().push_back(num(m.at(i, j), true));
      }
      body = formatTable(header, rows);
      body += i18n::tr("\n- = the scenario has no such series or month.\n");
    }
    return emit(a->common.flags.out, body, out, err);
  };
}

}  // namespace cp::cli
