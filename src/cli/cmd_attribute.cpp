// `attribute`: which lever did what. The difference in one metric at one month between
// two scenarios, split over the levers whose values differ (Shapley values; see
// engine/attribution.h), with what is not a lever as its own row.
#include <cmath>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/analysis_args.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/shared_flags.h"
#include "cli/scenario_args.h"
#include "engine/attribution.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {

struct AttributeArgs {
  std::string base, variant, metric, month;
  std::vector<std::string> levers_a, levers_b;
  int samples = 0;
  std::optional<std::uint64_t> seed;
  AnalysisArgs common;
};

std::string share(double part, double whole) {
  if (part == 0) return humanNumber("0.0%");
  return whole == 0 ? std::string(i18n::tr("n/a")) : humanNumber(fmt::format("{:.1f}%", 100.0 * part / whole));
}

std::string table(const Attribution& a, const AttributeArgs& args, const Scenario& base, const Scenario& variant,
                  const MetricPoint& point) {
  // The labels padded to one width in any language.
  const std::vector<std::string> labels = {i18n::tr("Base"), i18n::tr("Variant"), i18n::tr("Metric")};
  std::size_t w = 0;
  for (const std::string& l : labels) w = std::max(w, displayWidth(l));
  std::string out;
  out += fmt::format("{:<{}}  {}  ({})\n", labels[0], w, args.base, i18n::tr(base.name));
  out += fmt::format("{:<{}}  {}  ({})\n", labels[1], w, args.variant, i18n::tr(variant.name));
  out += fmt::format("{:<{}}  ", labels[2], w) +
         i18n::trf("{} in {}: {} -> {}, difference {}\n\n", point.selector(), humanMonth(point.month),
                   tableNumber(a.base_value), tableNumber(a.variant_value), tableNumber(a.difference(), true));
  std::vector<std::vector<std::string>> rows;
  const double d = a.difference();
  for (const LeverContribution& c : a.levers)
    rows.push_back({c.id, humanLeverValue(c.from), humanLeverValue(c.to), tableNumber(c.value, true), share(c.value, d),
                    a.sampled ? tableNumber(c.std_error) : "-"});
  if (a.other != 0)
    rows.push_back({i18n::tr("(other differences)"), "-", "-", tableNumber(a.other, true), share(a.other, d), "-"});
  rows.push_back({i18n::tr("total"), "", "", tableNumber(a.sum(), true), share(a.sum(), d), ""});
  out += formatTable({i18n::tr("lever"), i18n::tr("from"), i18n::tr("to"), i18n::tr("contribution"), i18n::tr("share"),
                      i18n::tr("std error")},
                     rows, 3);
  out += "\n";
  if (a.levers.empty())
    out += i18n::tr("No lever differs between the two scenarios up to this month.\n");
  else if (a.sampled)
    out += i18n::trf("Sampled: {} random orders of the {} levers ({} runs); std error is that of each mean.\n",
                     a.samples, a.levers.size(), a.runs);
  else
    out +=
        i18n::trf("Exact Shapley values over all 2^{} = {} combinations of the levers.\n", a.levers.size(), a.runs - 1);
  // A share of the difference, not a change: a positive interaction against a negative
  // difference is a negative share, as in the table's share column.
  if (!a.levers.empty())
    out += i18n::trf(
        "Interactions (the difference minus the levers' one-at-a-time effects): {} ({} of the "
        "difference).\n",
        tableNumber(a.interaction, true), share(a.interaction, d));
  if (a.other != 0)
    out += i18n::tr(
        "The variant differs in more than its levers; (other differences) is what remains when all of the\n"
        "variant's lever values are applied to the base.\n");
  return out;
}

std::string csv(const Attribution& a) {
  std::string out = csvLine({"lever", "label", "from", "to", "contribution", "share", "std_error", "alone"});
  const double d = a.difference();
  auto num = [](double v) { return fmt::format("{}", v); };
  for (const LeverContribution& c : a.levers)
    out += csvLine(
        {c.id, c.label, c.from, c.to, num(c.value), d == 0 ? "" : num(c.value / d), num(c.std_error), num(c.alone)});
  if (a.other != 0)
    out += csvLine({"(other differences)", "", "", "", num(a.other), d == 0 ? "" : num(a.other / d), "0", ""});
  return out;
}

std::string json(const Attribution& a, const AttributeArgs& args) {
  nlohmann::json j;
  j["base"] = args.base;
  j["variant"] = args.variant;
  j["metric"] = args.metric;
  j["month"] = formatMonth(a.month);
  j["base_value"] = a.base_value;
  j["variant_value"] = a.variant_value;
  j["difference"] = a.difference();
  j["exact"] = !a.sampled;
  j["samples"] = a.samples;
  j["runs"] = a.runs;
  j["interaction"] = a.interaction;
  j["interaction_share"] = a.interactionShare();
  j["other_differences"] = a.other;
  j["levers"] = nlohmann::json::array();
  for (const LeverContribution& c : a.levers)
    j["levers"].push_back({{"id", c.id},
                           {"label", c.label},
                           {"from", c.from},
                           {"to", c.to},
                           {"contribution", c.value},
                           {"std_error", c.std_error},
                           {"alone", c.alone}});
  return j.dump(2) + "\n";
}

}  // namespace

Command addAttribute(CLI::App& app) {
  auto a = std::make_shared<AttributeArgs>();
  app.add_option("base", a->base, i18n::tr("Base scenario (JSON)"))->required();
  app.add_option("variant", a->variant, i18n::tr("Variant scenario (JSON); may be the base file with --lever-b"))
      ->required();
  app.add_option("--metric", a->metric, i18n::tr("The series: SCOPE/ID/METRIC, e.g. bloc/china/compute_train_h100e"))
      ->required();
  app.add_option("--month,-m", a->month, i18n::tr("The month (YYYY-MM)"))->required();
  addAnalysisFlags(app, a->common, N_("here for both the base and the variant"));
  app.add_option("--lever-a", a->levers_a, i18n::tr("Lever for the base only (repeatable)"));
  app.add_option("--lever-b", a->levers_b, i18n::tr("Lever for the variant only (repeatable)"));
  app.add_option("--samples", a->samples,
                 i18n::tr("Random orders when more than 10 levers differ (default: about 2048 runs' worth)"))
      ->check(wholeNumberIn(2, 1'000'000));
  addSeedFlag(app, a->seed, N_("the random orders of the levers (sampled mode, more than 10 levers)"),
              N_("the base's"));
  return [a](std::ostream& out, std::ostream& err) -> int {
    std::vector<std::string> la = a->common.flags.levers, lb = a->common.flags.levers;
    la.insert(la.end(), a->levers_a.begin(), a->levers_a.end());
    lb.insert(lb.end(), a->levers_b.begin(), a->levers_b.end());
    auto base = loadWithLevers(a->base, la, err);
    if (!base) return kUsage;
    auto variant = loadWithLevers(a->variant, lb, err);
    if (!variant) return kUsage;
    auto points = metricPoints({a->metric}, {a->month}, {&*base, &*variant}, err);
    if (!points) return kUsage;
    AnalysisRun run(err, a->common, "runs");
    run.options.samples = a->samples;
    run.options.seed = a->seed.value_or(base->seed);
    Attribution result;
    if (auto code = runAnalysis(
            run, err, result, [&](const AnalysisOptions& o) { return attribute(*base, *variant, points->front(), o); }))
      return *code;
    const std::string text = a->common.flags.format == "csv"    ? csv(result)
                             : a->common.flags.format == "json" ? json(result, *a)
                                                                : table(result, *a, *base, *variant, points->front());
    return emit(a->common.flags.out, text, out, err);
  };
}

}  // namespace cp::cli
