// `chokepoint-cli calibrate [SCENARIO] [--targets FILE]`: run a scenario and compare it
// with the published figures in a targets file (scenarios/calibration/targets.json).
#include <algorithm>
#include "i18n/problem_text.h"
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/csv.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/calibration.h"
#include "engine/calibration_params.h"
#include "engine/loader.h"
#include "engine/simulate.h"
#include "paths/data_dirs.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {

namespace fs = std::filesystem;

struct CalibrateArgs {
  std::string scenario, targets;
  SharedFlags flags;
  double min_share = 0.85;
  bool notes = false;
};

// Targets beside the scenario first (<scenario dir>/calibration/targets.json), then the
// working directory's scenarios/, then the shipped library's (paths/data_dirs.h).
std::vector<fs::path> defaultTargetPaths(const std::string& scenario) {
  std::vector<fs::path> v{fs::path(scenario).parent_path() / "calibration" / "targets.json",
                          fs::path("scenarios") / "calibration" / "targets.json"};
  for (const fs::path& dir : paths::dataDirs("scenarios")) v.push_back(dir / "calibration" / "targets.json");
  return v;
}

std::string entities(const Target& t) {
  std::string s;
  for (const std::string& e : t.entities) s += (s.empty() ? "" : "+") + e;
  return s;
}

// formatTargetValue() in the --lang language: "$9,0 млрд", "1,17 млн", "12,5 міс.".
std::string targetValue(double v, const std::string& unit) {
  if (unit == "months" && !i18n::english()) return humanNumber(fmt::format("{:.1f}", v)) + i18n::tr(" months");
  return humanScaled(formatTargetValue(v, unit));
}

std::string verdict(const TargetRow& row) {
  if (row.inside) return i18n::tr("in");
  return row.value < row.target.low ? i18n::tr("OUT (low)") : i18n::tr("OUT (high)");
}

std::string summary(const Calibration& c) {
  return i18n::trf("{} of {} targets inside ({:.0f}%)", c.inside, c.rows.size(), c.share() * 100);
}

std::string text(const Calibration& c, const std::string& scenario_name, const std::string& scenario_path,
                 const std::string& targets_path, bool notes) {
  struct Line {
    std::string label, period, model, range, in, source;
  };
  std::vector<Line> lines;
  lines.push_back({i18n::tr("target"), i18n::tr("period"), i18n::tr("model"), i18n::tr("published range"),
                   i18n::tr("in/out"), i18n::tr("source")});
  for (const TargetRow& row : c.rows) {
    const Target& t = row.target;
    lines.push_back({i18n::tr(t.label), humanSpan(t.from, t.to), targetValue(row.value, t.unit),
                     targetValue(t.low, t.unit) + " .. " + targetValue(t.high, t.unit), verdict(row), t.source});
  }
  size_t w[5] = {0, 0, 0, 0, 0};
  for (const Line& l : lines) {
    w[0] = std::max(w[0], displayWidth(l.label));
    w[1] = std::max(w[1], displayWidth(l.period));
    w[2] = std::max(w[2], displayWidth(l.model));
    w[3] = std::max(w[3], displayWidth(l.range));
    w[4] = std::max(w[4], displayWidth(l.in));
  }
  std::string s =
      i18n::trf("Calibration of \"{}\" ({})\nagainst {}\n\n", i18n::tr(scenario_name), scenario_path, targets_path);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    s += fmt::format("{:<{}}  {:<{}}  {:>{}}  {:<{}}  {:<{}}  {}\n", l.label, w[0], l.period, w[1], l.model, w[2],
                     l.range, w[3], l.in, w[4], l.source);
    if (notes && i > 0 && !c.rows[i - 1].target.note.empty())
      s += fmt::format("{:<{}}  {}{}\n", "", w[0], i18n::tr("note: "), i18n::tr(c.rows[i - 1].target.note));
  }
  s += "\n" + summary(c) + "\n";
  return s;
}

// With --notes a last column holds each target's note (the text report prints it under the row).
std::string csv(const Calibration& c, bool notes) {
  std::string s = "id,label,scope,entity,metric,period,aggregate,value,low,high,unit,inside,source";
  s += notes ? ",note\n" : "\n";
  for (const TargetRow& row : c.rows) {
    const Target& t = row.target;
    s += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}", t.id, csvField(t.label), toString(t.scope), entities(t),
                     t.metric, formatPeriod(t), toString(t.aggregate), row.value, t.low, t.high, t.unit,
                     row.inside ? 1 : 0, csvField(t.source));
    s += notes ? "," + csvField(t.note) + "\n" : "\n";
  }
  return s;
}

// The calibrated parameters against the ranges their sources allow.
std::string parameterTable(const std::vector<ParameterCheck>& rows, const std::string& file) {
  std::string t = i18n::trf("\nCalibrated parameters ({}): value and the range its sources allow\n\n", file);
  t += fmt::format("{:<52} {:>12}  {:<28} {:<8} {}\n", i18n::tr("parameter"), i18n::tr("value"),
                   i18n::tr("sourced range"), i18n::tr("in/out"), i18n::tr("source"));
  int inside = 0;
  for (const ParameterCheck& r : rows) {
    const CalibratedParameter& p = r.parameter;
    const std::string range = humanNumber(fmt::format("{:g} .. {:g}", p.low, p.high));
    const std::string value = r.found ? humanNumber(fmt::format("{:g}", r.value)) : i18n::tr("n/a");
    const char* verdict = !r.found ? i18n::tr("MISSING") : (r.inside ? i18n::tr("in") : i18n::tr("OUT"));
    t += fmt::format("{:<52} {:>12}  {:<28} {:<8} {}\n", i18n::tr(p.label), value, range, verdict, p.source);
    if (!r.error.empty()) t += fmt::format("{:<52} {}\n", "", r.error);
    if (!p.note.empty()) t += fmt::format("{:<52} {}{}\n", "", i18n::tr("note: "), i18n::tr(p.note));
    inside += r.inside ? 1 : 0;
  }
  t += i18n::trf("\n{} of {} parameters inside their sourced ranges\n", inside, rows.size());
  return t;
}

}  // namespace

Command addCalibrate(CLI::App& app) {
  auto a = std::make_shared<CalibrateArgs>();
  app.add_option(
      "scenario", a->scenario,
      i18n::tr("Scenario file (JSON); default scenarios/baseline.json (working directory, then the source tree)"));
  app.add_option(
      "--targets,-t", a->targets,
      i18n::tr(
          "Targets file; default <scenario dir>/calibration/targets.json, then scenarios/calibration/targets.json"));
  app.add_option("--min-share", a->min_share,
                 i18n::tr("Exit 1 when fewer than this share of targets are inside (0..1)"))
      ->check(CLI::Validator(
          [](const std::string& text) -> std::string {
            // CLI::Range lets "nan" through (no comparison with it is false), and a gate in CI
            // that can never fail is no gate.
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0' || !std::isfinite(v) || v < 0.0 || v > 1.0)
              return i18n::trf("expected a share from 0 to 1, got '{}'", text);
            return "";
          },
          "FLOAT in [0 - 1]"))
      ->capture_default_str();
  addSharedFlags(app, a->flags, kOutFlags | kFormatFlag | kLeverFlag, {"text", "csv"});
  app.add_flag(
      "--notes", a->notes,
      i18n::tr("Print each target's note (how its range was derived) under it, then the calibrated parameters "
               "(calibration/parameters.json) against their sourced ranges; with --format csv, a last column `note`"));
  return [a](std::ostream& out, std::ostream& err) -> int {
    const std::string scenario_path = a->scenario.empty() ? defaultBaselinePath() : a->scenario;
    auto s = loadWithLevers(scenario_path, a->flags.levers, err);
    if (!s) return kUsage;
    const std::string targets_path = a->targets.empty() ? firstExisting(defaultTargetPaths(scenario_path)) : a->targets;
    std::vector<Target> targets;
    try {
      targets = loadTargets(targets_path);
    } catch (const LoadError& e) {
      for (const Problem& p : e.problems()) err << i18n::problemLine(p) << "\n";
      return kUsage;
    }
    const Results r = simulate(*s);
    const Calibration c = evaluateTargets(targets, r, targets_path);
    if (!c.problems.empty()) {
      for (const Problem& p : c.problems) err << i18n::problemLine(p) << "\n";
      return kUsage;
    }
    std::string body =
        a->flags.format == "csv" ? csv(c, a->notes) : text(c, s->name, scenario_path, targets_path, a->notes);
    if (a->notes && a->flags.format != "csv") {
      const std::string params_path = (std::filesystem::path(targets_path).parent_path() / "parameters.json").string();
      if (std::filesystem::exists(params_path)) {
        try {
          body += parameterTable(checkParameters(loadParameters(params_path), loadScenarioJson(scenario_path)),
                                 params_path);
        } catch (const LoadError& e) {
          for (const Problem& p : e.problems()) err << i18n::problemLine(p) << "\n";
          return kUsage;
        }
      }
    }
    const int code = emit(a->flags.out, body, out, err);
    if (code != kOk) return code;
    if (c.share() + 1e-12 < a->min_share) {
      err << fmt::format("chokepoint-cli: {}, fewer than --min-share {:.0f}%\n", summary(c), a->min_share * 100);
      return kFailure;
    }
    return kOk;
  };
}

}  // namespace cp::cli
