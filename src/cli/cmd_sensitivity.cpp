// `sensitivity`: a tornado. Each lever alone at the low and the high end of its declared
// range, the metric at both ends and the swing between them, largest swing first.
#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/analysis_args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/scenario_args.h"
#include "engine/sensitivity.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {

struct SensitivityArgs {
  std::string scenario, metric, month, only;
  AnalysisArgs common;
};

std::optional<std::vector<int>> leverIndices(const Scenario& s, const std::string& list, std::ostream& err) {
  std::vector<int> out;
  std::stringstream in(list);
  std::string id;
  while (std::getline(in, id, ',')) {
    if (id.empty()) continue;
    const int i = s.findLever(id);
    if (i < 0) {
      err << i18n::trf("chokepoint-cli: --levers: unknown lever '{}' (see `chokepoint-cli levers {}`)\n", id, s.file);
      return std::nullopt;
    }
    out.push_back(i);
  }
  return out;
}

std::string text(const Sensitivity& t, const SensitivityArgs& a, const Scenario& s, const MetricPoint& point) {
  const std::string scenario = i18n::tr("Scenario"), metric = i18n::tr("Metric");
  const std::size_t w = std::max(displayWidth(scenario), displayWidth(metric));
  std::string out = fmt::format("{:<{}}  {}  ({})\n", scenario, w, a.scenario, i18n::tr(s.name));
  out += fmt::format("{:<{}}  ", metric, w) +
         i18n::trf("{} in {}: {} as given\n\n", point.selector(), humanMonth(point.month), tableNumber(t.value));
  std::vector<std::vector<std::string>> rows;
  for (const SensitivityRow& r : t.rows)
    rows.push_back({r.id, humanLeverValue(r.low_text), humanLeverValue(r.high_text), tableNumber(r.at_low),
                    tableNumber(r.at_high), tableNumber(r.swing)});
  out += formatTable({i18n::tr("lever"), i18n::tr("low"), i18n::tr("high"), i18n::tr("metric at low"),
                      i18n::tr("metric at high"), i18n::tr("swing")},
                     rows, 3);
  out += i18n::tr("\nEach lever alone at the ends of its range for the whole run, the others as given.\n");
  return out;
}

}  // namespace

Command addSensitivity(CLI::App& app) {
  auto a = std::make_shared<SensitivityArgs>();
  app.add_option("scenario", a->scenario, i18n::tr("Scenario file (JSON)"))->required();
  app.add_option("--metric", a->metric, i18n::tr("The series: SCOPE/ID/METRIC, e.g. bloc/china/compute_train_h100e"))
      ->required();
  app.add_option("--month,-m", a->month, i18n::tr("The month (YYYY-MM)"))->required();
  app.add_option("--levers", a->only, i18n::tr("Only these levers: ID,ID,... (default: all)"));
  addAnalysisFlags(app, a->common);
  return [a](std::ostream& out, std::ostream& err) -> int {
    auto s = loadWithLevers(a->scenario, a->common.flags.levers, err);
    if (!s) return kUsage;
    auto points = metricPoints({a->metric}, {a->month}, {&*s}, err);
    if (!points) return kUsage;
    auto chosen = leverIndices(*s, a->only, err);
    if (!chosen) return kUsage;
    AnalysisRun run(err, a->common, "runs");
    Sensitivity t;
    if (auto code = runAnalysis(run, err, t,
                                [&](const AnalysisOptions& o) { return sensitivity(*s, points->front(), *chosen, o); }))
      return *code;
    std::string body;
    if (a->common.flags.format == "csv") {
      body = csvLine({"lever", "label", "low", "high", "at_low", "at_high", "swing"});
      for (const SensitivityRow& r : t.rows)
        body += csvLine({r.id, r.label, r.low_text, r.high_text, fmt::format("{}", r.at_low),
                         fmt::format("{}", r.at_high), fmt::format("{}", r.swing)});
    } else if (a->common.flags.format == "json") {
      nlohmann::json j{{"scenario", a->scenario},
                       {"metric", a->metric},
                       {"month", formatMonth(t.month)},
                       {"value", t.value},
                       {"levers", nlohmann::json::array()}};
      for (const SensitivityRow& r : t.rows)
        j["levers"].push_back({{"id", r.id},
                               {"label", r.label},
                               {"low", r.low_text},
                               {"high", r.high_text},
                               {"at_low", r.at_low},
                               {"at_high", r.at_high},
                               {"swing", r.swing}});
      body = j.dump(2) + "\n";
    } else {
      body = text(t, *a, *s, points->front());
    }
    return emit(a->common.flags.out, body, out, err);
  };
}

}  // namespace cp::cli
