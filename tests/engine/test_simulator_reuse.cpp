// Simulator: run after run on the same buffers gives, for every run, the bits of a fresh
// simulate() with the same values, whatever ran before it (no state leaks between runs).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/ensemble.h"
#include "engine/simulator.h"
#include "support.h"

using namespace cp;
using cp::test::baseline;

namespace {

// Every key, value, rule-timeline month, trace row and violation, bit for bit.
void expectSameRun(const Results& got, const Results& want, const std::string& what) {
  ASSERT_EQ(got.start(), want.start()) << what;
  ASSERT_EQ(got.months(), want.months()) << what;
  ASSERT_EQ(got.size(), want.size()) << what;
  int differing = 0;
  std::string first;
  for (size_t i = 0; i < want.size(); ++i) {
    const SeriesKey& a = got.keys()[i];
    const SeriesKey& b = want.keys()[i];
    ASSERT_TRUE(a.scope == b.scope && a.id == b.id && a.metric == b.metric) << what << ": series " << i;
    const auto n = sizeof(double) * static_cast<size_t>(want.months());
    if (std::memcmp(got.series(static_cast<int>(i)), want.series(static_cast<int>(i)), n) != 0) {
      if (differing++ == 0) first = b.id + "/" + b.metric;
    }
  }
  EXPECT_EQ(differing, 0) << what << ": first differing series " << first;
  EXPECT_EQ(got.rule_active, want.rule_active) << what;
  EXPECT_EQ(got.fingerprint(), want.fingerprint()) << what;
  ASSERT_EQ(got.trace.size(), want.trace.size()) << what;
  for (size_t i = 0; i < want.trace.size(); ++i) {
    const OptionTrace& a = got.trace[i];
    const OptionTrace& b = want.trace[i];
    EXPECT_EQ(a.label, b.label) << what;
    EXPECT_EQ(a.verdict, b.verdict) << what;
    EXPECT_EQ(a.purpose, b.purpose) << what;
    EXPECT_EQ(a.allowed, b.allowed) << what;
    EXPECT_EQ(std::memcmp(&a.cost_usd_per_h100e_month, &b.cost_usd_per_h100e_month, sizeof(double)), 0) << what;
    EXPECT_EQ(std::memcmp(&a.share, &b.share, sizeof(double)), 0) << what;
    EXPECT_EQ(std::memcmp(&a.spend_usd, &b.spend_usd, sizeof(double)), 0) << what;
    EXPECT_EQ(std::memcmp(&a.paid_usd, &b.paid_usd, sizeof(double)), 0) << what;
  }
  ASSERT_EQ(got.violations.size(), want.violations.size()) << what;
  for (size_t i = 0; i < want.violations.size(); ++i) {
    EXPECT_EQ(got.violations[i].month, want.violations[i].month) << what;
    EXPECT_EQ(got.violations[i].what, want.violations[i].what) << what;
  }
  EXPECT_EQ(got.scenario_name, want.scenario_name) << what;
  EXPECT_EQ(got.partial, want.partial) << what;
}

Results fresh(const Scenario& s, RunOptions o, const std::vector<double>& draw) {
  o.uncertain = draw;
  return simulate(s, o);
}

// Runs the draws, in this order, on one simulator; each must equal its fresh run.
void expectReuseMatchesFresh(const Scenario& s, const RunOptions& o, const std::vector<std::vector<double>>& draws,
                             const std::vector<int>& order) {
  std::vector<Results> want;
  for (const auto& d : draws) want.push_back(fresh(s, o, d));
  Simulator sim(s, o);
  for (size_t i = 0; i < order.size(); ++i) {
    const Results& got = sim.run(draws[static_cast<size_t>(order[i])]);
    expectSameRun(got, want[static_cast<size_t>(order[i])],
                  "run " + std::to_string(i) + " (draw " + std::to_string(order[i]) + ")");
  }
}

double lastMonthSum(const Results& r, Scope scope, const char* metric) {
  double sum = 0;
  for (size_t i = 0; i < r.size(); ++i)
    if (r.keys()[i].scope == scope && r.keys()[i].metric == metric)
      sum += r.series(static_cast<int>(i))[r.months() - 1];
  return sum;
}

bool differ(const Results& a, const Results& b) { return a.fingerprint() != b.fingerprint(); }

}  // namespace

// The baseline ends with chips in the grey pool, leases running and budgets in backlog: a
// reused run that started from any of them would differ from a fresh one.
TEST(SimulatorReuse, BaselineDrawsInAnyOrderMatchFreshRunsBitForBit) {
  const Scenario& s = baseline();
  const std::vector<std::vector<double>> draws = {sampleUncertain(s, 7, 0), sampleUncertain(s, 7, 1), {}};
  const Results a = fresh(s, {}, draws[0]), b = fresh(s, {}, draws[1]), det = fresh(s, {}, draws[2]);
  ASSERT_TRUE(differ(a, b) && differ(a, det) && differ(b, det));  // the draws reach the results
  EXPECT_GT(lastMonthSum(a, Scope::Chip, "grey_pool_units"), 0.0);
  EXPECT_GT(lastMonthSum(a, Scope::Company, "backlog_usd"), 0.0);
  EXPECT_GT(lastMonthSum(a, Scope::Jurisdiction, "leased_h100e"), 0.0);
  expectReuseMatchesFresh(s, {}, draws, {0, 1, 0, 2, 1, 1});
}

// Installed chips stop when a restriction starts (no grandfathering): the restriction
// memory (was_restricted_, was_allowed_) must start afresh each run.
TEST(SimulatorReuse, WithoutGrandfatheringDrawsMatchFreshRuns) {
  const Scenario s = cp::test::with(baseline(), {"us.installed_chips_grandfathered=off"});
  const std::vector<std::vector<double>> draws = {sampleUncertain(s, 11, 0), sampleUncertain(s, 11, 1)};
  expectReuseMatchesFresh(s, {}, draws, {0, 1, 0});
}

// Grandfathering itself drawn: a run with it (off) must not leave it off for the next.
TEST(SimulatorReuse, GrandfatheringOnAndOffInTurnMatchFreshRuns) {
  Scenario s = baseline();
  Uncertain u;
  u.pointer = "/params/installed_chips_grandfathered";
  u.a = 0, u.b = 1, u.c = 1;
  s.params.installed_chips_grandfathered = Num{1, -1, static_cast<int>(s.uncertain.size())};
  s.uncertain.push_back(u);
  std::vector<double> on = sampleUncertain(s, 3, 0), off = on;
  on.back() = 1.0;
  off.back() = 0.0;
  ASSERT_TRUE(differ(fresh(s, {}, on), fresh(s, {}, off)));  // grandfathering matters here
  expectReuseMatchesFresh(s, {}, {on, off}, {1, 0, 1, 0});
}

// Every shipped scenario (volume caps, import gates, leases, host rules...): two draws in
// turn and the first again, each equal to its fresh run.
TEST(SimulatorReuse, EveryShippedScenarioMatchesFreshRuns) {
  int scenarios = 0;
  for (const auto& f : std::filesystem::directory_iterator(cp::test::sourcePath("scenarios"))) {
    const std::string name = f.path().stem().string();
    if (f.path().extension() != ".json" || name == "schema" || name == "sources") continue;
    SCOPED_TRACE(name);
    Scenario s = loadScenario(f.path().string());
    s.end = std::min(s.end, 2027 * 12 + 11);  // past the 2025-26 draws, short enough to stay quick
    expectReuseMatchesFresh(s, {}, {sampleUncertain(s, 21, 0), sampleUncertain(s, 21, 1)}, {0, 1, 0});
    ++scenarios;
  }
  EXPECT_GE(scenarios, 15);
}

// Recording a few series (as bands do), with the frontier gap worked out after the run.
TEST(SimulatorReuse, RecordingFewSeriesMatchesFreshRuns) {
  const Scenario& s = baseline();
  RunOptions o;
  o.record = parseSeriesSelection(
      "bloc/china/frontier_gap_months,company/deepseek/frontier_gap_months,global/world/huawei_share_china,"
      "chip/h20/delivered_units,jurisdiction/china/imports_cum_h100e");
  const std::vector<std::vector<double>> draws = {sampleUncertain(s, 5, 2), sampleUncertain(s, 5, 3)};
  expectReuseMatchesFresh(s, o, draws, {0, 1, 0});
}

// The "why" trace and the conservation check: trace rows are written again, not appended.
TEST(SimulatorReuse, TraceAndCheckMatchFreshRuns) {
  const Scenario& s = baseline();
  RunOptions o;
  o.trace_company = s.findCompany("bytedance");
  o.trace_month = cp::test::month("2025-06");
  o.check = true;
  const std::vector<std::vector<double>> draws = {sampleUncertain(s, 9, 0), sampleUncertain(s, 9, 1)};
  ASSERT_FALSE(fresh(s, o, draws[0]).trace.empty());
  expectReuseMatchesFresh(s, o, draws, {0, 1, 0});
}

// A run of the deterministic values (empty span) after a draw is the deterministic run.
TEST(SimulatorReuse, EmptyDrawAfterADrawIsTheDeterministicRun) {
  const Scenario& s = baseline();
  Simulator sim(s);
  sim.run(sampleUncertain(s, 1, 0));
  EXPECT_EQ(sim.run().fingerprint(), simulate(s).fingerprint());
}

// Results::resetValues: a fresh run's state with the same series.
TEST(SimulatorReuse, ResetValuesZeroesEverythingButTheKeys) {
  Results r(2024 * 12, 3);
  const int a = r.add(Scope::Global, "world", "x");
  r.add(Scope::Chip, "h100", "y");
  r.series(a)[2] = 5.0;
  r.trace.push_back({});
  r.violations.push_back({});
  r.rule_active = {{1, 1, 0}};
  r.partial = true;
  r.resetValues();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.keys()[1].metric, "y");
  EXPECT_EQ(r.series(a)[2], 0.0);
  EXPECT_TRUE(r.trace.empty());
  EXPECT_TRUE(r.violations.empty());
  EXPECT_EQ(r.rule_active, (std::vector<std::vector<char>>{{0, 0, 0}}));
  EXPECT_FALSE(r.partial);
  Results zero(2024 * 12, 3);
  zero.add(Scope::Global, "world", "x");
  zero.add(Scope::Chip, "h100", "y");
  EXPECT_EQ(r.fingerprint(), zero.fingerprint());
  EXPECT_EQ(r.add(Scope::Global, "world", "x"), a);
}
