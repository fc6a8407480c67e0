// RunOptions::record: a run that records only the chosen series gives exactly those series
// of a full run (selectSeries of it), bit for bit and in the same order, whatever the
// selection leaves out that the chosen series depend on (bloc sums, the frontier leader,
// the concern bloc's vendor shares, cumulative imports).
#include <gtest/gtest.h>

#include <cstring>

#include "engine/ensemble.h"
#include "engine/series_select.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

namespace {

Results runRecording(const Scenario& s, const std::string& selection, std::span<const double> draw = {}) {
  RunOptions o;
  o.check = true;
  o.uncertain = draw;
  o.record = parseSeriesSelection(selection);
  return simulate(s, o);
}

// Same keys in the same order and the same bits in every month.
void expectSameSeries(const Results& got, const Results& want, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  ASSERT_EQ(got.months(), want.months()) << what;
  for (size_t i = 0; i < want.size(); ++i) {
    const SeriesKey& a = got.keys()[i];
    const SeriesKey& b = want.keys()[i];
    ASSERT_TRUE(a.scope == b.scope && a.id == b.id && a.metric == b.metric)
        << what << ": series " << i << " is " << toString(a.scope) << "/" << a.id << "/" << a.metric << ", want "
        << toString(b.scope) << "/" << b.id << "/" << b.metric;
    EXPECT_EQ(std::memcmp(got.series(static_cast<int>(i)), want.series(static_cast<int>(i)),
                          sizeof(double) * static_cast<size_t>(want.months())),
              0)
        << what << ": " << toString(b.scope) << "/" << b.id << "/" << b.metric << " differs";
  }
}

// One metric (attribution), the dashboard's kind of band list, whole scopes, wildcards, and
// series whose inputs the selection leaves out.
const std::vector<std::string> kSelections = {
    "bloc/china/frontier_gap_months",
    "company/deepseek/frontier_gap_months",
    "bloc/*/compute_train_h100e, huawei_share_china",
    "nvidia_flop_share_china",
    "bloc/china/compute_flop_h100e,bloc/us/compute_flop_h100e,bloc/china/effective_compute_flop,"
    "bloc/us/effective_compute_flop,company/deepseek/compute_train_h100e,global/world/huawei_share_china,"
    "global/world/nvidia_share_china,jurisdiction/china/imports_h100e,vendor/nvidia/revenue_china_usd,"
    "chip/h20/delivered_units",
    "imports_cum_h100e",
    "jurisdiction/*/*",
    "jurisdiction/malaysia/*,jurisdiction/singapore/power_mw,lease_price_usd",
    "chip/*/*,vendor/nvidia/*",
    "company/*/spend_usd,company/sg_operators/*",
    "*/*/frontier_gap_months",
    "no_such_metric",
};

void expectEverySelectionMatchesTheFullRun(const Scenario& s, std::span<const double> draw = {}) {
  RunOptions full_options;
  full_options.check = true;
  full_options.uncertain = draw;
  const Results full = simulate(s, full_options);
  ASSERT_TRUE(full.violations.empty());
  for (const std::string& sel : kSelections) {
    const Results got = runRecording(s, sel, draw);
    const Results want = selectSeries(full, parseSeriesSelection(sel));
    expectSameSeries(got, want, s.name + " recording '" + sel + "'");
    EXPECT_TRUE(got.violations.empty()) << sel;
    EXPECT_EQ(got.rule_active, full.rule_active) << sel;
    EXPECT_EQ(got.scenario_name, full.scenario_name);
    EXPECT_EQ(got.seed, full.seed);
  }
}

}  // namespace

TEST(RecordSpec, EverySelectionEqualsTheFilteredFullRunOnTheBaseline) {
  expectEverySelectionMatchesTheFullRun(baseline());
}

TEST(RecordSpec, EverySelectionEqualsTheFilteredFullRunInOtherScenarios) {
  for (const char* name : {"china_shuns_nvidia", "smuggling_crackdown", "remote_access_2027"})
    expectEverySelectionMatchesTheFullRun(loadScenario(sourcePath(std::string("scenarios/") + name + ".json")));
}

TEST(RecordSpec, EverySelectionEqualsTheFilteredFullRunForAMonteCarloMember) {
  const std::vector<double> draw = sampleUncertain(baseline(), baseline().seed, 7);
  ASSERT_FALSE(draw.empty());
  expectEverySelectionMatchesTheFullRun(baseline(), draw);
}

TEST(RecordSpec, AnEmptySelectionRecordsEverySeriesLikeTheDefault) {
  const Results all = runRecording(baseline(), "");
  EXPECT_EQ(all.fingerprint(), simulate(baseline()).fingerprint());
  EXPECT_GT(all.size(), 500u);
}

TEST(RecordSpec, ARunRecordsOnlyTheChosenSeries) {
  const Results one = runRecording(baseline(), "bloc/china/frontier_gap_months");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one.keys()[0].id, "china");
  // The gap is measured against the US leader, which this run did not record: it must still be
  // a real gap (China behind for part of the decade), not the 240-month cap of a zero leader.
  const double* gap = one.series(0);
  double most = 0;
  for (int t = 0; t < one.months(); ++t) most = std::max(most, gap[t]);
  EXPECT_GT(most, 0.0);
  EXPECT_LT(most, 240.0);
  EXPECT_EQ(runRecording(baseline(), "no_such_metric").size(), 0u);
}

namespace {

// Each series of a full run recorded on its own: the run must work out everything that one
// series depends on (planRecording's plan) and nothing it leaves out may change its bits. In
// a debug build (sanitizers) only every 7th of the series asked for, so the suite stays quick there.
void expectEverySeriesAloneMatchesTheFullRun(const Scenario& s, size_t first, size_t stride,
                                             std::span<const double> draw = {}) {
#ifndef NDEBUG
  stride *= 7;
#endif
  RunOptions full_options;
  full_options.uncertain = draw;
  const Results full = simulate(s, full_options);
  ASSERT_GT(full.size(), 100u);
  for (size_t i = first; i < full.size(); i += stride) {
    const SeriesKey& k = full.keys()[i];
    const std::string sel = std::string(toString(k.scope)) + "/" + k.id + "/" + k.metric;
    RunOptions o;
    o.uncertain = draw;
    o.record = parseSeriesSelection(sel);
    const Results got = simulate(s, o);
    ASSERT_EQ(got.size(), 1u) << sel;
    EXPECT_EQ(std::memcmp(got.series(0), full.series(static_cast<int>(i)), sizeof(double) * full.months()), 0)
        << s.name << ": " << sel << " recorded alone differs from the full run";
  }
}

}  // namespace

TEST(RecordSpec, EverySeriesOfTheBaselineRecordedAloneEqualsTheFullRun) {
  expectEverySeriesAloneMatchesTheFullRun(baseline(), 0, 1);
}

TEST(RecordSpec, EverySecondSeriesRecordedAloneEqualsTheFullRunForAMonteCarloMember) {
  const std::vector<double> draw = sampleUncertain(baseline(), baseline().seed, 11);
  ASSERT_FALSE(draw.empty());
  expectEverySeriesAloneMatchesTheFullRun(baseline(), 1, 2, draw);
}

TEST(RecordSpec, EveryThirdSeriesRecordedAloneEqualsTheFullRunInOtherScenarios) {
  // Each scenario starts at another series, so a metric count that is a multiple of 3 (a
  // jurisdiction has 9) does not leave the same metrics out of all three.
  size_t first = 0;
  for (const char* name : {"china_shuns_nvidia", "smuggling_crackdown", "remote_access_2027"})
    expectEverySeriesAloneMatchesTheFullRun(loadScenario(sourcePath(std::string("scenarios/") + name + ".json")),
                                            first++, 3);
}
