#include "engine/inputs.h"

#include <algorithm>

namespace cp {

Inputs::Inputs(const Scenario& s, std::span<const double> uncertain_values)
    : start_(s.start), months_(std::max(1, s.months())) {
  lever_values_.resize(s.levers.size() * static_cast<size_t>(months_));
  for (size_t i = 0; i < s.levers.size(); ++i) {
    const LeverSchedule* sched = i < s.lever_schedules.size() ? &s.lever_schedules[i] : nullptr;
    size_t next = 0;
    double v = s.levers[i].value;
    for (int t = 0; t < months_; ++t) {
      while (sched && next < sched->points.size() && sched->points[next].first <= start_ + t) {
        v = sched->points[next].second;
        ++next;
      }
      lever_values_[i * months_ + t] = v;
    }
  }
  setUncertain(s, uncertain_values);
}

void Inputs::setUncertain(const Scenario& s, std::span<const double> uncertain_values) {
  uncertain_.resize(s.uncertain.size());
  for (size_t i = 0; i < s.uncertain.size(); ++i)
    uncertain_[i] = i < uncertain_values.size() ? uncertain_values[i] : s.uncertain[i].deterministic();
}

double Inputs::at(const Schedule& s, int t) const {
  const auto& p = s.points;
  if (p.empty()) return 0.0;
  const int abs = absMonth(t);
  if (abs <= p.front().first) return at(p.front().second, t);
  if (abs >= p.back().first) return at(p.back().second, t);
  size_t i = 1;
  while (p[i].first < abs) ++i;
  const double x0 = p[i - 1].first, x1 = p[i].first;
  const double y0 = at(p[i - 1].second, t), y1 = at(p[i].second, t);
  return y0 + (y1 - y0) * (abs - x0) / (x1 - x0);
}

}  // namespace cp
