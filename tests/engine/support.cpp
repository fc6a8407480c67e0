#include "support.h"

#include <cmath>
#include <stdexcept>

namespace cp::test {

const Scenario& baseline() {
  static const Scenario s = loadScenario(sourcePath("scenarios/baseline.json"));
  return s;
}

const Scenario& mini() {
  static const Scenario s = loadScenario(testPath("engine/fixtures/mini.json"));
  return s;
}

Scenario with(const Scenario& s, const std::vector<std::string>& levers) {
  return withLevers(s, parseLeverArgs(levers, s));
}

Results run(const Scenario& s, const std::vector<std::string>& levers, bool check) {
  RunOptions o;
  o.check = check;
  Results r = simulate(with(s, levers), o);
  if (!r.violations.empty()) {
    const Violation& v = r.violations.front();
    throw std::runtime_error("invariant violated in " + formatMonth(v.month) + " at " + v.entity + ": " + v.what);
  }
  return r;
}

int month(const char* yyyy_mm) {
  auto m = parseMonth(yyyy_mm);
  if (!m) throw std::invalid_argument(yyyy_mm);
  return *m;
}

double at(const Results& r, Scope scope, const char* id, const char* metric, const char* yyyy_mm) {
  const double* s = r.find(scope, id, metric);
  if (!s) throw std::invalid_argument(std::string("no series ") + id + "/" + metric);
  const int t = r.monthIndex(month(yyyy_mm));
  if (t < 0 || t >= r.months()) throw std::invalid_argument(std::string("month outside run ") + yyyy_mm);
  return s[t];
}

double sum(const Results& r, Scope scope, const char* id, const char* metric, const char* from, const char* to) {
  double total = 0;
  for (int m = month(from); m <= month(to); ++m) total += at(r, scope, id, metric, formatMonth(m).c_str());
  return total;
}

double mean(const Results& r, Scope scope, const char* id, const char* metric, const char* from, const char* to) {
  return sum(r, scope, id, metric, from, to) / (month(to) - month(from) + 1);
}

bool allFinite(const Results& r) {
  for (size_t i = 0; i < r.size(); ++i)
    for (int t = 0; t < r.months(); ++t)
      if (!std::isfinite(r.series(static_cast<int>(i))[t])) return false;
  return true;
}

}  // namespace cp::test
