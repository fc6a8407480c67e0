#include "cli/analysis_args.h"

#include "i18n/problem_text.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cli/human_text.h"
#include "cli/shared_flags.h"
#include "i18n/format.h"

namespace cp::cli {

void addAnalysisFlags(CLI::App& app, AnalysisArgs& a, const std::string& lever_more) {
  addSharedFlags(app, a.flags, kOutFlags | kFormatFlag | kLeverFlag, {"text", "csv", "json"}, lever_more);
  app.add_option("--threads,-j", a.threads,
                 i18n::tr("Worker threads (default: one per core); results do not depend on it"))
      ->check(wholeNumberIn(0, 1024));
}

AnalysisRun::AnalysisRun(std::ostream& err, const AnalysisArgs& a, const char* unit) : bar(err, a.flags.quiet, unit) {
  options.threads = a.threads;
  options.cancel = stop.flag();
  options.progress = [this](int done, int total) { bar.update(done, total); };
}

std::optional<std::vector<MetricPoint>> metricPoints(const std::vector<std::string>& selectors,
                                                     const std::vector<std::string>& months,
                                                     const std::vector<const Scenario*>& scenarios, std::ostream& err) {
  std::vector<MetricPoint> points;
  try {
    for (const std::string& sel : selectors)
      for (const std::string& month : months) {
        points.push_back(parseMetricPoint(sel, month));
        for (const Scenario* s : scenarios) checkMetricPoint(*s, points.back());
      }
  } catch (const AnalysisError& e) {
    err << "chokepoint-cli: " << i18n::messageText(e.why()) << "\n";
    return std::nullopt;
  }
  return points;
}

std::string tableNumber(double v, bool sign) {
  if (!std::isfinite(v)) return "-";
  if (v == 0) return "0";
  if (std::fabs(v) < 1000) return humanNumber(sign ? fmt::format("{:+.4g}", v) : fmt::format("{:.4g}", v));
  // Thousands grouped as the language groups them: "1,191,510" / "1 191 510".
  return (v < 0 ? "-" : sign ? "+" : "") + i18n::formatFixed(std::fabs(v), 0);
}

std::string formatTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                        std::size_t left) {
  std::vector<std::size_t> width(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = displayWidth(header[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], displayWidth(row[c]));
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (std::size_t c = 0; c < cells.size() && c < width.size(); ++c) {
      if (c) l += "  ";
      l += c < left ? fmt::format("{:<{}}", cells[c], width[c]) : fmt::format("{:>{}}", cells[c], width[c]);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(header);
  for (const auto& row : rows) line(row);
  return out;
}

}  // namespace cp::cli
