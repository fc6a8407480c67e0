// [SECTION] Which levers differ
// [SECTION] Exact Shapley values
// [SECTION] Sampled permutations
#include "engine/attribution.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "engine/levers.h"
#include "engine/rng.h"

namespace cp {

double Attribution::interactionShare() const { return difference() == 0 ? 0 : interaction / difference(); }

double Attribution::sum() const {
  double total = other;
  for (const LeverContribution& c : levers) total += c.value;
  return total;
}

// ---------------------------------------------------------------- [SECTION] Which levers differ

std::vector<int> differingLevers(const Scenario& base, const Scenario& variant, int month) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(base.levers.size()); ++i) {
    const int j = variant.findLever(base.levers[i].id);
    if (j < 0) continue;  // the variant has no such lever: an "other" difference
    // Values only change at schedule points, so comparing at the start and at every
    // point of either schedule covers every month.
    std::vector<int> months{base.start};
    for (const Scenario* s : {&base, &variant}) {
      const int k = s == &base ? i : j;
      if (k < static_cast<int>(s->lever_schedules.size()))
        for (const auto& pt : s->lever_schedules[k].points)
          if (pt.first > base.start && pt.first <= month) months.push_back(pt.first);
    }
    for (int m : months)
      if (leverValueAt(base, i, m) != leverValueAt(variant, j, m)) {
        out.push_back(i);
        break;
      }
  }
  return out;
}

Scenario withVariantLevers(const Scenario& base, const Scenario& variant, const std::vector<int>& levers) {
  Scenario s = base;
  s.lever_schedules.resize(s.levers.size());
  for (int i : levers) {
    const int j = variant.findLever(base.levers[i].id);
    if (j < 0) continue;
    LeverSchedule sch;
    sch.points.emplace_back(0, variant.levers[j].value);  // the variant's default, from the start
    if (j < static_cast<int>(variant.lever_schedules.size()))
      for (const auto& pt : variant.lever_schedules[j].points) sch.points.push_back(pt);
    s.lever_schedules[i] = std::move(sch);
  }
  return s;
}

namespace {

Scenario combination(const Scenario& base, const Scenario& variant, const std::vector<int>& levers,
                     std::uint64_t mask) {
  std::vector<int> on;
  for (std::size_t b = 0; b < levers.size(); ++b)
    if (mask >> b & 1u) on.push_back(levers[b]);
  return withVariantLevers(base, variant, on);
}

// ---------------------------------------------------------------- [SECTION] Exact Shapley values

// phi_i = sum over S without i of |S|! (k-|S|-1)! / k! * (v(S + i) - v(S)).
std::vector<double> exactShapley(const std::vector<double>& v, int k) {
  std::vector<double> weight(static_cast<std::size_t>(k));
  for (int s = 0; s < k; ++s) {
    double binom = 1;  // C(k-1, s)
    for (int t = 1; t <= s; ++t) binom = binom * (k - 1 - s + t) / t;
    weight[static_cast<std::size_t>(s)] = 1.0 / (k * binom);
  }
  std::vector<double> phi(static_cast<std::size_t>(k), 0.0);
  const std::uint64_t all = std::uint64_t{1} << k;
  for (int i = 0; i < k; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    double sum = 0;
    for (std::uint64_t S = 0; S < all; ++S) {
      if (S & bit) continue;
      sum += weight[static_cast<std::size_t>(__builtin_popcountll(S))] * (v[S | bit] - v[S]);
    }
    phi[static_cast<std::size_t>(i)] = sum;
  }
  return phi;
}

// ---------------------------------------------------------------- [SECTION] Sampled permutations

std::vector<std::vector<int>> drawOrders(int k, int samples, std::uint64_t seed) {
  std::vector<std::vector<int>> orders(static_cast<std::size_t>(samples));
  for (int p = 0; p < samples; ++p) {
    Rng rng(streamSeed(seed, static_cast<std::uint64_t>(p)));
    std::vector<int>& order = orders[static_cast<std::size_t>(p)];
    order.resize(static_cast<std::size_t>(k));
    for (int i = 0; i < k; ++i) order[static_cast<std::size_t>(i)] = i;
    for (int i = k - 1; i > 0; --i) {  // Fisher-Yates
      const auto j = static_cast<int>(rng.uniform() * (i + 1));
      std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(std::min(j, i))]);
    }
  }
  return orders;
}

}  // namespace

Attribution attribute(const Scenario& base, const Scenario& variant, const MetricPoint& p, const AnalysisOptions& o) {
  checkMetricPoint(base, p);
  checkMetricPoint(variant, p);
  return attribute(base, variant, toMetric(p), o);
}

Attribution attribute(const Scenario& base, const Scenario& variant, const Metric& p, const AnalysisOptions& o) {
  checkMonth(base, p.month);
  Attribution a;
  a.metric = p.label;
  a.month = p.month;
  const std::vector<int> levers = differingLevers(base, variant, p.month);
  const int k = static_cast<int>(levers.size());
  if (k > 64) throw AnalysisError(reason("{} levers differ; attribution handles at most 64", k));
  a.sampled = k > std::min(o.max_exact_levers, 20);  // 2^20 runs is already too many
  const std::uint64_t full = k == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << k) - 1;

  // The subsets to run: every one (exact), or those on the drawn orders' paths (sampled).
  std::vector<std::vector<int>> orders;
  std::vector<std::uint64_t> masks;
  if (!a.sampled) {
    for (std::uint64_t m = 0; m <= full; ++m) masks.push_back(m);
  } else {
    a.samples = o.samples > 0 ? o.samples : std::max(50, 2048 / std::max(1, k));
    orders = drawOrders(k, a.samples, o.seed.value_or(base.seed));
    for (const auto& order : orders) {
      std::uint64_t m = 0;
      masks.push_back(m);
      for (int b : order) masks.push_back(m |= std::uint64_t{1} << b);
    }
    std::sort(masks.begin(), masks.end());
    masks.erase(std::unique(masks.begin(), masks.end()), masks.end());
    // One-at-a-time effects for the interaction share.
    for (int b = 0; b < k; ++b) masks.push_back(std::uint64_t{1} << b);
    std::sort(masks.begin(), masks.end());
    masks.erase(std::unique(masks.begin(), masks.end()), masks.end());
  }

  // The last slot is the variant's own run (for "other differences").
  std::vector<double> values(masks.size() + 1, 0.0);
  const bool complete = runValues(values, o, [&](std::size_t i) {
    return i == masks.size() ? metricValue(variant, p) : metricValue(combination(base, variant, levers, masks[i]), p);
  });
  a.runs = static_cast<int>(values.size());
  if (!complete) {
    a.partial = true;
    return a;
  }
  auto value = [&](std::uint64_t m) {
    const auto it = std::lower_bound(masks.begin(), masks.end(), m);
    return values[static_cast<std::size_t>(it - masks.begin())];
  };
  a.base_value = value(0);
  a.variant_value = values.back();
  a.other = a.variant_value - value(full);

  std::vector<double> phi(static_cast<std::size_t>(k), 0.0), se(static_cast<std::size_t>(k), 0.0);
  if (!a.sampled) {
    std::vector<double> v(values.begin(), values.end() - 1);
    for (double& x : v) x -= a.base_value;
    phi = exactShapley(v, k);
  } else {
    // Welford over the orders, in draw order, per lever.
    std::vector<double> mean(static_cast<std::size_t>(k), 0.0), m2(static_cast<std::size_t>(k), 0.0);
    int n = 0;
    for (const auto& order : orders) {
      ++n;
      std::uint64_t m = 0;
      double before = 0;
      for (int b : order) {
        m |= std::uint64_t{1} << b;
        const double after = value(m) - a.base_value;
        const double x = after - before;
        before = after;
        const auto bi = static_cast<std::size_t>(b);
        const double d = x - mean[bi];
        mean[bi] += d / n;
        m2[bi] += d * (x - mean[bi]);
      }
    }
    phi = mean;
    for (int b = 0; b < k; ++b)
      se[static_cast<std::size_t>(b)] = n > 1 ? std::sqrt(m2[static_cast<std::size_t>(b)] / (n - 1) / n) : 0.0;
  }

  double alone_sum = 0;
  for (int b = 0; b < k; ++b) {
    const int i = levers[static_cast<std::size_t>(b)];
    const int j = variant.findLever(base.levers[static_cast<std::size_t>(i)].id);
    LeverContribution c;
    c.lever = i;
    c.id = base.levers[i].id;
    c.label = base.levers[i].label;
    c.help = base.levers[i].help;
    c.from = describeLever(base, i, base.start, p.month);
    c.to = describeLever(variant, j, base.start, p.month);
    c.value = phi[static_cast<std::size_t>(b)];
    c.std_error = se[static_cast<std::size_t>(b)];
    c.alone = value(std::uint64_t{1} << b) - a.base_value;
    alone_sum += c.alone;
    a.levers.push_back(std::move(c));
  }
  a.interaction = k == 0 ? 0 : (value(full) - a.base_value) - alone_sum;
  std::stable_sort(a.levers.begin(), a.levers.end(), [](const LeverContribution& x, const LeverContribution& y) {
    return std::fabs(x.value) > std::fabs(y.value);
  });
  return a;
}

}  // namespace cp
