// Lever attribution (Shapley values), tornado sensitivity and the scenario matrix.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "engine/attribution.h"
#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/sensitivity.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

namespace {

const Scenario& gates() {
  static const Scenario s = loadScenario(testPath("engine/fixtures/two_gates.json"));
  return s;
}

const MetricPoint& chinaCompute2028() {
  static const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2028-12");
  return p;
}

AnalysisOptions threads(int n) {
  AnalysisOptions o;
  o.threads = n;
  return o;
}

double contributionOf(const Attribution& a, const std::string& id) {
  for (const LeverContribution& c : a.levers)
    if (c.id == id) return c.value;
  ADD_FAILURE() << "no contribution for " << id;
  return std::numeric_limits<double>::quiet_NaN();
}

void expectEfficient(const Attribution& a) {
  const double scale = std::max({std::fabs(a.base_value), std::fabs(a.variant_value), 1.0});
  EXPECT_NEAR(a.sum(), a.difference(), 1e-9 * scale);
}

// The ten levers of the mini world moved away from their defaults.
const std::vector<std::string> kMiniTen = {"us.advanced_chip_controls=off@2025-01",
                                           "us.tpp_threshold=2000",
                                           "us.h20_licence=off",
                                           "us.diffusion_rule=on",
                                           "us.diffusion_tier2_cap_h100e=1000",
                                           "us.remote_access_control=on",
                                           "us.remote_access_compliance=0.6",
                                           "us.export_enforcement=0.9",
                                           "my.enforcement=0.8",
                                           "cn.hbm_access=2"};

}  // namespace

TEST(Attribution, BaselineContributionsSumToTheDifference) {
  // The baseline plus a lever nothing reads: a null player whatever the baseline's numbers.
  Scenario base = baseline();
  Lever unused;
  unused.id = "test.unused";
  unused.kind = LeverKind::Share;
  unused.value = 0.5;
  base.levers.push_back(unused);
  const Scenario variant = with(base, {"us.remote_access_control=on@2026-01", "us.export_enforcement=0.9@2026-01",
                                       "cn.hbm_access=2@2026-01", "sea.tenant_kyc=0.8@2026-06", "test.unused=0.9"});
  const Attribution a = attribute(base, variant, chinaCompute2028(), threads(2));
  ASSERT_FALSE(a.partial);
  EXPECT_FALSE(a.sampled);
  ASSERT_EQ(a.levers.size(), 5u);
  EXPECT_EQ(a.runs, 32 + 1);  // every subset once, plus the variant itself
  EXPECT_EQ(contributionOf(a, "test.unused"), 0.0);
  EXPECT_EQ(a.levers.back().id, "test.unused");
  expectEfficient(a);
  EXPECT_EQ(a.other, 0.0);  // the variant differs in levers only
  EXPECT_NE(a.difference(), 0.0);
  // The base and variant values are what single runs give.
  EXPECT_EQ(a.base_value, metricValue(base, chinaCompute2028()));
  EXPECT_EQ(a.variant_value, metricValue(variant, chinaCompute2028()));
  // Interaction = total minus the one-at-a-time effects.
  double alone = 0;
  for (const LeverContribution& c : a.levers) alone += c.alone;
  EXPECT_NEAR(a.interaction, a.difference() - alone, 1e-9 * std::fabs(a.base_value));
  // Sorted by size.
  for (std::size_t i = 1; i < a.levers.size(); ++i)
    EXPECT_GE(std::fabs(a.levers[i - 1].value), std::fabs(a.levers[i].value));
}

TEST(Attribution, LeversEqualInBothAreNotInTheGame) {
  const Scenario& base = baseline();
  // Same value typed differently, and a change after the month: neither can act.
  const Scenario variant =
      with(base, {"us.export_enforcement=0.5", "us.remote_access_control=on@2029-06", "cn.hbm_access=2@2026-01"});
  EXPECT_EQ(differingLevers(base, variant, chinaCompute2028().month),
            std::vector<int>{base.findLever("cn.hbm_access")});
  const Attribution a = attribute(base, variant, chinaCompute2028());
  ASSERT_EQ(a.levers.size(), 1u);
  EXPECT_EQ(a.levers[0].id, "cn.hbm_access");
  EXPECT_EQ(a.runs, 2 + 1);
  EXPECT_EQ(a.levers[0].value, a.difference());
  EXPECT_EQ(a.levers[0].from, "1");
  EXPECT_EQ(a.levers[0].to, "1; 2@2026-01");
  // Identical scenarios: nothing to attribute, no difference.
  const Attribution same = attribute(base, base, chinaCompute2028());
  EXPECT_TRUE(same.levers.empty());
  EXPECT_EQ(same.difference(), 0.0);
  EXPECT_EQ(same.interactionShare(), 0.0);
}

TEST(Attribution, TwoGatesSplitTheirInteractionEvenly) {
  // The chip reaches China only with both gates open: alone each lever does nothing, so
  // by symmetry each gets half the difference and all of it is interaction. The third
  // lever differs but moves nothing (null player): exactly 0.
  const Scenario& base = gates();
  const Scenario variant = with(base, {"gate.controls=off", "gate.chip_from=2024-03", "gate.unused=0.9"});
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2025-12");
  const Attribution a = attribute(base, variant, p);
  ASSERT_EQ(a.levers.size(), 3u);
  ASSERT_GT(a.difference(), 0.0);
  EXPECT_NEAR(contributionOf(a, "gate.controls"), a.difference() / 2, 1e-12 * a.difference());
  EXPECT_NEAR(contributionOf(a, "gate.chip_from"), a.difference() / 2, 1e-12 * a.difference());
  EXPECT_EQ(contributionOf(a, "gate.unused"), 0.0);
  for (const LeverContribution& c : a.levers) EXPECT_EQ(c.alone, 0.0) << c.id;
  EXPECT_NEAR(a.interaction, a.difference(), 1e-12 * a.difference());
  EXPECT_NEAR(a.interactionShare(), 1.0, 1e-12);
  EXPECT_EQ(a.levers.back().id, "gate.unused");
  expectEfficient(a);
}

TEST(Attribution, SampledOrdersAgreeWithTheExactValuesWithinTheirError) {
  const Scenario& base = mini();
  const Scenario variant = with(base, kMiniTen);
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2026-12");
  ASSERT_EQ(differingLevers(base, variant, p.month).size(), 10u);
  const Attribution exact = attribute(base, variant, p, threads(2));
  EXPECT_FALSE(exact.sampled);
  EXPECT_EQ(exact.runs, 1024 + 1);
  expectEfficient(exact);

  AnalysisOptions o;
  o.threads = 2;
  o.max_exact_levers = 0;
  o.samples = 300;
  o.seed = 11;
  const Attribution sampled = attribute(base, variant, p, o);
  ASSERT_TRUE(sampled.sampled);
  EXPECT_EQ(sampled.samples, 300);
  expectEfficient(sampled);
  EXPECT_EQ(sampled.base_value, exact.base_value);
  EXPECT_EQ(sampled.variant_value, exact.variant_value);
  EXPECT_NEAR(sampled.interaction, exact.interaction, 1e-9 * std::fabs(exact.base_value));
  bool some_error = false;
  for (const LeverContribution& c : sampled.levers) {
    const double want = contributionOf(exact, c.id);
    EXPECT_LE(std::fabs(c.value - want), 4 * c.std_error + 1e-9 * std::fabs(exact.base_value)) << c.id;
    some_error = some_error || c.std_error > 0;
  }
  EXPECT_TRUE(some_error);  // the levers interact, so orders disagree
}

TEST(Attribution, SampledOrdersDrawFromTheBaseScenariosSeedUnlessOneIsGiven) {
  Scenario base = mini();
  base.seed = 5;
  const Scenario variant = with(base, {kMiniTen.begin(), kMiniTen.begin() + 6});
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2026-06");
  AnalysisOptions o;
  o.max_exact_levers = 0;
  o.samples = 6;
  o.threads = 1;
  auto values = [&](std::optional<std::uint64_t> seed) {
    o.seed = seed;
    std::vector<double> v;
    for (const LeverContribution& c : attribute(base, variant, p, o).levers) v.push_back(c.value);
    return v;
  };
  const std::vector<double> by_default = values(std::nullopt);
  EXPECT_EQ(by_default, values(5));
  EXPECT_NE(by_default, values(6));
}

TEST(Attribution, SameBitsForAnyThreadCount) {
  const Scenario& base = mini();
  const Scenario variant = with(base, {kMiniTen.begin(), kMiniTen.begin() + 6});
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2026-06");
  for (int max_exact : {10, 0}) {
    AnalysisOptions o;
    o.max_exact_levers = max_exact;
    o.samples = 40;
    o.threads = 1;
    const Attribution one = attribute(base, variant, p, o);
    o.threads = 3;
    const Attribution three = attribute(base, variant, p, o);
    ASSERT_EQ(one.levers.size(), three.levers.size());
    for (std::size_t i = 0; i < one.levers.size(); ++i) {
      EXPECT_EQ(one.levers[i].id, three.levers[i].id);
      EXPECT_EQ(one.levers[i].value, three.levers[i].value);
      EXPECT_EQ(one.levers[i].std_error, three.levers[i].std_error);
    }
    EXPECT_EQ(one.interaction, three.interaction);
  }
}

// A front end without threads runs an analysis a few runs per call through a memo; the
// last call gives the bits of one call without it.
TEST(Attribution, InSlicesWithAMemoGivesTheSameBits) {
  const Scenario& base = mini();
  const Scenario variant = with(base, {kMiniTen.begin(), kMiniTen.begin() + 4});
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2026-06");
  const Attribution whole = attribute(base, variant, p, threads(1));
  AnalysisMemo memo;
  memo.budget = 3;
  AnalysisOptions o;
  o.memo = &memo;
  int calls = 0, last_done = 0;
  o.progress = [&](int done, int total) {
    EXPECT_EQ(total, whole.runs);
    EXPECT_EQ(done, std::min(total, last_done + 3));  // budget new runs each call
    last_done = done;
  };
  Attribution a;
  do {
    a = attribute(base, variant, p, o);
    ++calls;
  } while (a.partial && calls < 100);
  ASSERT_FALSE(a.partial);
  EXPECT_EQ(calls, (whole.runs + 2) / 3);
  ASSERT_EQ(a.levers.size(), whole.levers.size());
  for (std::size_t i = 0; i < a.levers.size(); ++i) {
    EXPECT_EQ(a.levers[i].id, whole.levers[i].id);
    EXPECT_EQ(a.levers[i].value, whole.levers[i].value);
  }
  EXPECT_EQ(a.interaction, whole.interaction);

  const Sensitivity t = sensitivity(variant, p, {}, threads(1));
  AnalysisMemo tmemo;
  tmemo.budget = 5;
  AnalysisOptions to;
  to.memo = &tmemo;
  Sensitivity sliced;
  calls = 0;
  do {
    sliced = sensitivity(variant, p, {}, to);
    ++calls;
  } while (sliced.partial && calls < 100);
  ASSERT_FALSE(sliced.partial);
  EXPECT_GT(calls, 1);
  ASSERT_EQ(sliced.rows.size(), t.rows.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) EXPECT_EQ(sliced.rows[r].swing, t.rows[r].swing);
}

TEST(Attribution, OtherDifferencesAreTheirOwnRow) {
  const Scenario& base = mini();
  Scenario variant = with(base, {"us.export_enforcement=0.9"});
  variant.companies[static_cast<std::size_t>(variant.findCompany("cnlab"))].budget_usd_per_year.points[0].second =
      Num::constant(6e9);  // not a lever
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2026-12");
  const Attribution a = attribute(base, variant, p);
  ASSERT_EQ(a.levers.size(), 1u);
  EXPECT_NE(a.other, 0.0);
  expectEfficient(a);
}

TEST(Attribution, ProgressCountsEveryRunAndCancelStops) {
  const Scenario& base = gates();
  const Scenario variant = with(base, {"gate.controls=off", "gate.chip_from=2024-03"});
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2025-12");
  int last = -1, total = -1;
  AnalysisOptions o;
  o.progress = [&](int d, int t) { last = d, total = t; };
  attribute(base, variant, p, o);
  EXPECT_EQ(total, 5);
  EXPECT_EQ(last, 5);
  std::atomic<bool> cancel{true};
  o.cancel = &cancel;
  const Attribution a = attribute(base, variant, p, o);
  EXPECT_TRUE(a.partial);
  EXPECT_TRUE(a.levers.empty());
}

TEST(AnalysisErrors, NameTheBadPart) {
  auto message = [](auto&& f) {
    try {
      f();
    } catch (const AnalysisError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message([] { parseMetricPoint("planet/china/x", "2026-01"); }).find("unknown scope 'planet'"),
            std::string::npos);
  EXPECT_NE(message([] { parseMetricPoint("bloc/china", "2026-01"); }).find("SCOPE/ID/METRIC"), std::string::npos);
  EXPECT_NE(message([] { parseMetricPoint("bloc/*/x", "2026-01"); }).find("no '*'"), std::string::npos);
  EXPECT_NE(message([] {
              parseMetricPoint("bloc/china/x", "2026-13");
            }).find("month: expected a month YYYY-MM, got '2026-13'"),
            std::string::npos);
  const Scenario& s = mini();
  EXPECT_NE(message([&] {
              checkMetricPoint(s, parseMetricPoint("bloc/mars/compute_train_h100e", "2025-01"));
            }).find("no bloc 'mars' (it has us, china, sea)"),
            std::string::npos);
  EXPECT_NE(message([&] {
              checkMetricPoint(s, parseMetricPoint("bloc/china/nope", "2025-01"));
            }).find("has no metric 'nope'"),
            std::string::npos);
  EXPECT_NE(message([&] {
              checkMetricPoint(s, parseMetricPoint("bloc/china/compute_train_h100e", "2031-01"));
            }).find("outside scenario"),
            std::string::npos);
}

TEST(Sensitivity, ALeverThatCannotActRanksLastWithNoSwing) {
  const Scenario s = with(gates(), {"gate.controls=off", "gate.chip_from=2024-06"});
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2025-12");
  const Sensitivity t = sensitivity(s, p, {}, threads(2));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.runs, 7);
  EXPECT_EQ(t.rows.back().id, "gate.unused");
  EXPECT_EQ(t.rows.back().swing, 0.0);
  EXPECT_GT(t.rows[0].swing, 0.0);
  EXPECT_GT(t.rows[1].swing, 0.0);
  EXPECT_GE(t.rows[0].swing, t.rows[1].swing);
  EXPECT_EQ(t.value, metricValue(s, p));
  for (const SensitivityRow& r : t.rows) {
    if (r.id == "gate.chip_from") {
      EXPECT_EQ(r.low_text, "2024-01");  // its declared earliest: the scenario start
      EXPECT_EQ(r.high_text, "never");
      EXPECT_EQ(r.at_high, metricValue(with(s, {"gate.chip_from=never"}), p));
    }
    if (r.id == "gate.controls") {
      EXPECT_EQ(r.low_text, "off");
      EXPECT_EQ(r.high_text, "on");
      EXPECT_EQ(r.swing, std::fabs(r.at_high - r.at_low));
    }
  }
}

TEST(Sensitivity, ChosenLeversOnly) {
  const Scenario& s = mini();
  const MetricPoint p = parseMetricPoint("bloc/china/compute_train_h100e", "2025-12");
  const Sensitivity t = sensitivity(s, p, {s.findLever("cn.hbm_access"), s.findLever("us.h20_licence")});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.runs, 5);
  EXPECT_THROW(sensitivity(s, p, {99}), AnalysisError);
}

TEST(ScenarioMatrix, OneValuePerScenarioAndPoint) {
  const Scenario& a = mini();
  const Scenario b = with(a, {"us.h20_licence=off"});
  const std::vector<MetricPoint> points = {parseMetricPoint("bloc/china/compute_train_h100e", "2025-06"),
                                           parseMetricPoint("bloc/us/compute_train_h100e", "2026-12")};
  const ScenarioMatrix m = scenarioMatrix({a, b}, points, threads(2));
  ASSERT_EQ(m.values.size(), 4u);
  EXPECT_EQ(m.at(0, 0), metricValue(a, points[0]));
  EXPECT_EQ(m.at(1, 0), metricValue(b, points[0]));
  EXPECT_EQ(m.at(1, 1), metricValue(b, points[1]));
  // A series only one scenario has: NaN for the other; none has it: an error.
  const ScenarioMatrix g = scenarioMatrix({a, gates()}, {parseMetricPoint("bloc/sea/compute_train_h100e", "2025-06")});
  EXPECT_FALSE(std::isnan(g.at(0, 0)));
  EXPECT_TRUE(std::isnan(g.at(1, 0)));
  EXPECT_THROW(scenarioMatrix({a}, {parseMetricPoint("bloc/mars/compute_train_h100e", "2025-06")}), AnalysisError);
}
