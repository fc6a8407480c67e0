// Shared by the analysis commands (attribute, sensitivity, matrix): the flags they have
// in common with `run` and `mc` (shared_flags.h: --format, --out, --quiet, --lever; and
// --threads as `mc` has it), turning
// --metric/--month into metric points, and the fixed-width table they print.
#pragma once
#include "i18n/problem_text.h"
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/csv.h"
#include "cli/interrupt.h"
#include "cli/progress.h"
#include "cli/shared_flags.h"
#include "engine/analysis.h"

namespace cp::cli {

struct AnalysisArgs {
  SharedFlags flags;  // format (text = a table, csv, json), out, quiet, levers
  int threads = 0;
};

// Registers the shared --lever, --format text|csv|json, --out/-o, --quiet/-q, and
// --threads/-j; `lever_more` extends --lever's help.
void addAnalysisFlags(CLI::App& app, AnalysisArgs& a, const std::string& lever_more = "");
// Options with threads and a progress bar; the bar lives as long as the returned object.
struct AnalysisRun {
  AnalysisRun(std::ostream& err, const AnalysisArgs& a, const char* unit);
  InterruptScope stop;
  Progress bar;
  AnalysisOptions options;
};

// Every selector at every month; each checked against each scenario. Prints the problem
// and returns nullopt on a bad selector, month or a series a scenario lacks.
std::optional<std::vector<MetricPoint>> metricPoints(const std::vector<std::string>& selectors,
                                                     const std::vector<std::string>& months,
                                                     const std::vector<const Scenario*>& scenarios, std::ostream& err);

// The first `left` columns left-aligned (text), the rest right-aligned (numbers).
std::string formatTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                        std::size_t left = 1);
// For reading, not parsing: "1,191,510" from 1000 up, else 4 significant digits; "+" with sign.
std::string tableNumber(double v, bool sign = false);
// Runs one analysis: on AnalysisError prints it and returns kUsage; when interrupted says
// so and returns kFailure; else stores the result and returns nullopt (go on).
template <class Result, class Compute>
std::optional<int> runAnalysis(AnalysisRun& run, std::ostream& err, Result& out, Compute&& compute) {
  try {
    out = compute(run.options);
  } catch (const AnalysisError& e) {
    run.bar.finish();
    err << "chokepoint-cli: " << i18n::messageText(e.why()) << "\n";
    return kUsage;
  }
  run.bar.finish();
  if (out.partial) {
    err << "chokepoint-cli: interrupted before every run finished; nothing written\n";
    return kFailure;
  }
  return std::nullopt;
}

}  // namespace cp::cli
