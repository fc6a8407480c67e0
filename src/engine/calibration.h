// Calibration targets: published figures a run should reproduce, and how a run compares
// with them. A target names one series (or several, summed month by month), a period and
// an aggregate, and the range the published sources allow (scenarios/calibration/).
//
//   std::vector<Target> ts = loadTargets("scenarios/calibration/targets.json");  // throws LoadError
//   Calibration c = evaluateTargets(ts, simulate(scenario));
//   for (const TargetRow& row : c.rows) fmt::print("{} {}\n", row.target.id, row.inside);
//   c.inside, c.share()      // how many targets the run hits
//   c.problems               // targets that name a series or period the run does not have
#pragma once
#include <string>
#include <vector>

#include "engine/problems.h"
#include "engine/results.h"

namespace cp {

// How the monthly values over [from, to] become one number.
//   sum, mean, last, max: over the months of the period;
//   change: value at `to` minus value in the month before `from` (e.g. a fleet's growth).
enum class Aggregate { Sum, Mean, Last, Max, Change };
const char* toString(Aggregate a);

struct Target {
  std::string id, label;
  Scope scope = Scope::Global;
  std::vector<std::string> entities;  // series summed month by month ("entity": "x" or ["x", "y"])
  std::string metric;
  int from = 0, to = 0;  // absolute months, inclusive
  Aggregate aggregate = Aggregate::Sum;
  double low = 0, high = 0;  // the published range, in the metric's own unit
  std::string unit;          // display unit: usd, units, h100e, mw, flop, share, months
  std::string source, note;
  std::string pointer;  // "/targets/3", for messages
};

struct TargetRow {
  Target target;
  double value = 0;
  bool inside = false;
};

struct Calibration {
  std::vector<TargetRow> rows;    // one per target the run can answer, in file order
  std::vector<Problem> problems;  // targets it cannot (unknown series, period outside the run)
  int inside = 0;
  double share() const { return rows.empty() ? 0.0 : static_cast<double>(inside) / static_cast<double>(rows.size()); }
};

// Display units a target may declare.
const std::vector<std::string>& targetUnits();

std::vector<Target> loadTargets(const std::string& path);
// `name` is used in messages.
std::vector<Target> loadTargetsFromString(const std::string& text, const std::string& name);

// `file` names the targets file in the problems it reports.
Calibration evaluateTargets(const std::vector<Target>& targets, const Results& r, const std::string& file = "");

// "2023-02..2024-01", or "2024-12" for a single month.
std::string formatPeriod(const Target& t);
// Human units: "$10.3bn", "562k", "608 MW", "3.27e25", "42%".
std::string formatTargetValue(double v, const std::string& unit);

}  // namespace cp
