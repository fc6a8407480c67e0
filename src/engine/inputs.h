// Values of a scenario's inputs month by month for one run: lever schedules resolved to
// per-month tables and uncertain inputs fixed to their deterministic value or a sample.
//
//   Inputs in(scenario);                 // deterministic run
//   Inputs in(scenario, sampledValues);  // one Monte Carlo member
//   double from = in.at(rule.from, t);   // t = month index from scenario.start
#pragma once
#include <span>
#include <vector>

#include "engine/scenario.h"

namespace cp {

class Inputs {
 public:
  explicit Inputs(const Scenario& s, std::span<const double> uncertain_values = {});

  int months() const { return months_; }
  int absMonth(int t) const { return start_ + t; }

  double at(const Num& n, int t) const {
    if (n.lever >= 0) return lever_values_[static_cast<size_t>(n.lever) * months_ + clampT(t)];
    if (n.uncertain >= 0) return uncertain_[static_cast<size_t>(n.uncertain)];
    return n.value;
  }
  bool flag(const Num& n, int t) const { return at(n, t) > 0.5; }
  // True when month t lies in [from, until).
  bool within(const Num& from, const Num& until, int t) const {
    const double abs = absMonth(t);
    return at(from, t) <= abs && abs < at(until, t);
  }
  double at(const Schedule& s, int t) const;
  double lever(int index, int t) const { return lever_values_[static_cast<size_t>(index) * months_ + clampT(t)]; }
  // Other sampled values for the same scenario (missing ones: deterministic), lever tables kept.
  void setUncertain(const Scenario& s, std::span<const double> uncertain_values);

 private:
  int clampT(int t) const { return t < 0 ? 0 : (t >= months_ ? months_ - 1 : t); }
  int start_ = 0, months_ = 1;
  std::vector<double> lever_values_;  // levers x months
  std::vector<double> uncertain_;
};

}  // namespace cp
