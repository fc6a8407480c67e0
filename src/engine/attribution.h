// Which lever did what: the difference in one metric between two scenarios, split over
// the levers whose values differ (src/engine/README.md "Analyses").
//
//   MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2028-12");
//   Attribution a = attribute(base, variant, p, {.threads = 2});
//   for (const LeverContribution& c : a.levers) ... c.id, c.value, c.std_error
//   // base_value + sum(c.value) + other == variant_value
//
// [SECTION] The game
// A lever differs when its value in some month from the start to m.month differs between
// the two scenarios (levers are matched by id; a changed schedule is one lever). For a set
// S of differing levers, v(S) = the metric in the base scenario with the variant's
// schedules of the levers in S, minus the metric in the base. A lever's contribution is
// its Shapley value: the average of v(S + i) - v(S) over the orders in which the levers
// could be switched. Levers that do not differ are never run and contribute nothing.
//
// [SECTION] Exact and sampled
// Up to max_exact_levers (10) levers every subset is run once (2^k runs) and the Shapley
// values are computed from those values. Beyond, `samples` random orders are drawn from
// the seed (AnalysisOptions::seed, by default the base scenario's `seed`; each order's runs are shared with other
// orders through a cache of subsets), and each contribution is the mean of its marginal effects with the standard error
// of that mean. In both modes the contributions sum to v(all levers) up to rounding.
//
// [SECTION] Other differences
// The variant may differ in more than levers (other data, levers the base lacks). What
// the variant's own run differs from the base with all its lever schedules is reported as
// `other`, so base_value + contributions + other == variant_value.
#pragma once
#include <string>
#include <vector>

#include "engine/analysis.h"

namespace cp {

struct LeverContribution {
  int lever = -1;  // index in the base scenario
  std::string id, label, help;
  std::string from, to;  // values as typed over the compared months (describeLever)
  double value = 0;      // Shapley value
  double std_error = 0;  // 0 when exact
  double alone = 0;      // v({i}): the effect of this lever switched on its own
};

struct Attribution {
  std::string metric;  // Metric::label
  int month = 0;
  double base_value = 0, variant_value = 0;
  std::vector<LeverContribution> levers;  // by |value|, largest first
  double interaction = 0;                 // v(all) - sum of the one-at-a-time effects
  double other = 0;                       // variant_value - metric of base with all the variant's levers
  bool sampled = false;
  int samples = 0;       // permutations drawn (sampled only)
  int runs = 0;          // simulations done
  bool partial = false;  // cancelled: contributions are missing

  double difference() const { return variant_value - base_value; }
  // interaction / difference, 0 when the difference is 0.
  double interactionShare() const;
  double sum() const;  // contributions + other
};

// Indices (in `base`) of the levers whose values differ over [base.start, month].
std::vector<int> differingLevers(const Scenario& base, const Scenario& variant, int month);
// `base` with the variant's values of these levers (indices in `base`).
Scenario withVariantLevers(const Scenario& base, const Scenario& variant, const std::vector<int>& levers);

// Throws AnalysisError for a month outside the base, a metric point either scenario
// lacks (checkMetricPoint) or more than 64 differing levers.
Attribution attribute(const Scenario& base, const Scenario& variant, const Metric& m, const AnalysisOptions& o = {});
Attribution attribute(const Scenario& base, const Scenario& variant, const MetricPoint& p,
                      const AnalysisOptions& o = {});

}  // namespace cp
