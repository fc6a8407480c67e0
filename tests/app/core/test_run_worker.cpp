// The run worker: results equal a direct simulate() call; the latest request wins and a
// superseded run in progress is cancelled, not delivered; the browser's sliced mode.
#include "app/core/run_worker.h"

#include "engine/loader.h"
#include "engine/month.h"
#include "engine/simulate.h"

#include "scenario_paths.h"
#include "shared_baseline.h"
#include "wait_until.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace cp::app;

namespace {
std::shared_ptr<const cp::Scenario> baseline() { return cp::test::sharedBaseline(); }
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

// A run in progress when a newer request of its slot arrives is dropped: the screen never
// shows an edit that was already superseded. The run function holds run 1 until run 2 has
// been submitted, and run 2 until the test has looked for run 1.
TEST(RunWorker, SupersededRunInProgressIsCancelledNotDelivered) {
  std::atomic<int> started{0};
  std::atomic<bool> release1{false}, release2{false};
  RunWorker worker([&](const RunRequest& r) {
    started = static_cast<int>(r.tag);
    auto& release = r.tag == 1 ? release1 : release2;
    while (!release) std::this_thread::yield();
    RunOutput out;
    out.tag = r.tag;
    return out;
  });
  worker.submit(RunSlot::Current, {baseline(), 1});
  ASSERT_TRUE(cp::test::waitUntil([&] { return started == 1; }));
  worker.submit(RunSlot::Current, {baseline(), 2});
  release1 = true;
  ASSERT_TRUE(cp::test::waitUntil([&] { return started == 2; }));  // run 1 has ended by now
  EXPECT_FALSE(worker.take(RunSlot::Current)) << "the superseded run was delivered";
  EXPECT_EQ(worker.cancelledCount(RunSlot::Current), 1);
  EXPECT_TRUE(worker.busy(RunSlot::Current));
  release2 = true;
  worker.waitIdle();
  const auto out = worker.take(RunSlot::Current);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->tag, 2u);
  EXPECT_FALSE(worker.busy());
}

// Each kind of run is latest-wins on its own: a new current run does not cancel the
// baseline or the Why trace.
TEST(RunWorker, SlotsDoNotSupersedeEachOther) {
  RunWorker worker;
  worker.submit(RunSlot::Baseline, {baseline(), 1});
  worker.submit(RunSlot::Trace, {baseline(), 2, 0, baseline()->start});
  for (std::uint64_t tag = 3; tag <= 5; ++tag) worker.submit(RunSlot::Current, {baseline(), tag});
  worker.waitIdle();
  const auto b = worker.take(RunSlot::Baseline);
  const auto t = worker.take(RunSlot::Trace);
  ASSERT_TRUE(b && t);
  EXPECT_EQ(b->tag, 1u);
  EXPECT_EQ(t->tag, 2u);
  EXPECT_EQ(worker.cancelledCount(RunSlot::Baseline), 0);
  EXPECT_EQ(worker.cancelledCount(RunSlot::Trace), 0);
}

// Without threads (the browser) nothing runs until take(), which does the newest request
// only; its results are those of a threaded run.
TEST(RunWorker, SlicedRunsTheNewestRequestInTake) {
  RunWorker worker;
  worker.setSliced(true);
  worker.submit(RunSlot::Current, {baseline(), 1});
  worker.submit(RunSlot::Current, {baseline(), 2});
  EXPECT_TRUE(worker.busy(RunSlot::Current));
  EXPECT_FALSE(worker.hasResults()) << "nothing runs before take()";
  const auto out = worker.take(RunSlot::Current);
  ASSERT_TRUE(out && out->results) << (out ? out->error : "no run");
  EXPECT_EQ(out->tag, 2u);
  EXPECT_EQ(worker.cancelledCount(RunSlot::Current), 1);
  EXPECT_FALSE(worker.busy());
  EXPECT_EQ(out->results->fingerprint(), cp::simulate(*baseline()).fingerprint());
}
