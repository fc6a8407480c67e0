// The run worker: results equal a direct simulate() call; the latest request wins.
#include "app/core/run_worker.h"

#include "engine/loader.h"
#include "engine/month.h"
#include "engine/simulate.h"

#include "scenario_paths.h"

#include <gtest/gtest.h>

using namespace cp::app;

namespace {
std::shared_ptr<const cp::Scenario> baseline() {
  static const auto s = std::make_shared<const cp::Scenario>(cp::loadScenario(cp::test::baselinePath()));
  return s;
}
}  // namespace

TEST(RunWorker, ResultsAndTraceEqualADirectRun) {
  RunWorker worker;
  const int company = baseline()->findCompany("alibaba");
  const int month = *cp::parseMonth("2028-01");
  worker.submit(RunSlot::Trace, {baseline(), 7, company, month});
  worker.waitIdle();
  const auto out = worker.take(RunSlot::Trace);
  ASSERT_TRUE(out);
  ASSERT_TRUE(out->results) << out->error;
  EXPECT_EQ(out->tag, 7u);
  EXPECT_EQ(out->trace_company, company);

  cp::RunOptions options;
  options.trace_company = company;
  options.trace_month = month;
  const cp::Results direct = cp::simulate(*baseline(), options);
  EXPECT_EQ(out->results->fingerprint(), direct.fingerprint());
  ASSERT_EQ(out->results->trace.size(), direct.trace.size());
  for (size_t i = 0; i < direct.trace.size(); ++i) {
    EXPECT_EQ(out->results->trace[i].label, direct.trace[i].label);
    EXPECT_DOUBLE_EQ(out->results->trace[i].share, direct.trace[i].share);
  }
  EXPECT_FALSE(worker.take(RunSlot::Trace)) << "taken once";
}

TEST(RunWorker, LatestPendingRequestWins) {
  RunWorker worker;
  for (std::uint64_t tag = 1; tag <= 20; ++tag) worker.submit(RunSlot::Current, {baseline(), tag});
  worker.waitIdle();
  std::uint64_t last = 0;
  while (auto out = worker.take(RunSlot::Current)) last = out->tag;
  EXPECT_EQ(last, 20u) << "the newest request is always run";
  EXPECT_FALSE(worker.busy());
}

TEST(RunWorker, RuleActivityTableHasARowPerRule) {
  RunWorker worker;
  worker.submit(RunSlot::Baseline, {baseline(), 1});
  worker.waitIdle();
  const auto out = worker.take(RunSlot::Baseline);
  ASSERT_TRUE(out && out->rule_active);
  ASSERT_EQ(out->rule_active->size(), baseline()->rules.size());
  for (const auto& row : *out->rule_active) EXPECT_EQ(row.size(), static_cast<size_t>(baseline()->months()));
}
