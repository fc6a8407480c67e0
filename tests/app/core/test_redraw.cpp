// When the dashboard draws (redraw.h), the workers' wake hook and the idle report format.
#include "app/platform/idle_meter.h"
#include "app/core/redraw.h"

#include "app/core/app_state.h"
#include "app/core/status.h"
#include "engine/loader.h"

#include "dashboard_fixture.h"
#include "imgui_harness.h"
#include "scenario_paths.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <regex>
#include <thread>

using namespace cp::app;

namespace {

// Frames the policy draws over `seconds` of a loop that checks `signals` at every wake-up
// (its own timeouts), starting at `t`; the policy's clock advances with the waits.
int framesOver(RedrawPolicy& p, const RedrawSignals& signals, double& t, double seconds) {
  int frames = 0;
  const double end = t + seconds;
  RedrawSignals s = signals;
  while (t < end) {
    if (p.shouldDraw(s, t)) {
      p.drawn(s, t);
      ++frames;
      t += 0.001;  // drawing takes a moment
    } else {
      t += std::max(p.waitSeconds(t), 1e-6);
    }
    s.input = s.resized = s.changed = s.results_pending = false;  // events are taken once
  }
  return frames;
}

// A policy that has drawn its first frames and sits idle.
RedrawPolicy settled(double& t) {
  RedrawPolicy p;
  framesOver(p, {}, t, 1.0);
  return p;
}

// Frames drawn over `seconds` after one signal reaches a settled, idle policy (a signal
// that lasts, like animating, stays on; events are taken once).
int framesAfterIdle(bool RedrawSignals::*signal, double seconds) {
  double t = 0;
  RedrawPolicy p = settled(t);
  RedrawSignals s;
  s.*signal = true;
  return framesOver(p, s, t, seconds);
}

}  // namespace

TEST(RedrawPolicy, FirstFramesThenNothingWhileIdle) {
  RedrawPolicy p;
  double t = 0;
  EXPECT_EQ(framesOver(p, {}, t, 1.0), RedrawPolicy::kSettleFrames);
  EXPECT_EQ(framesOver(p, {}, t, 60.0), 0);
  EXPECT_EQ(p.waitSeconds(t), RedrawPolicy::kIdleWaitSeconds);
}

TEST(RedrawPolicy, InputDrawsAFewFramesAtOnce) {
  double t = 0;
  RedrawPolicy p = settled(t);
  RedrawSignals s;
  s.input = true;
  EXPECT_TRUE(p.shouldDraw(s, t));  // the edit reaches the screen in the next frame
  EXPECT_EQ(framesOver(p, s, t, 1.0), RedrawPolicy::kSettleFrames);
}

TEST(RedrawPolicy, ResizeDrawsOnce) { EXPECT_EQ(framesAfterIdle(&RedrawSignals::resized, 5.0), 1); }

TEST(RedrawPolicy, PendingResultsDrawAtOnceAndTheLayoutAfter) {
  EXPECT_EQ(framesAfterIdle(&RedrawSignals::results_pending, 5.0), 2);
  double t = 0;
  RedrawPolicy p = settled(t);
  RedrawSignals s;
  s.results_pending = true;
  EXPECT_TRUE(p.shouldDraw(s, t));
  EXPECT_EQ(p.waitSeconds(t), 0.0);
}

TEST(RedrawPolicy, BackgroundWorkDrawsPacedFramesAndOneWhenItStops) {
  double t = 0;
  RedrawPolicy p = settled(t);
  RedrawSignals busy;
  busy.background_busy = true;
  const int frames = framesOver(p, busy, t, 1.0);
  const int paced = static_cast<int>(1.0 / RedrawPolicy::kPacedFrameSeconds);
  EXPECT_GE(frames, paced - 1);
  EXPECT_LE(frames, paced + 1);
  EXPECT_EQ(framesOver(p, {}, t, 5.0), 1);  // the finished state, then quiet
}

TEST(RedrawPolicy, AnimationDrawsLikeBackgroundWork) { EXPECT_GT(framesAfterIdle(&RedrawSignals::animating, 1.0), 10); }

TEST(RedrawPolicy, ABlinkingCursorDrawsAFewFramesASecond) {
  const int frames = framesAfterIdle(&RedrawSignals::blinking, 4.0);
  EXPECT_GE(frames, 9);  // 4 s / 0.4 s, give or take the first
  EXPECT_LE(frames, 11);
}

TEST(RedrawPolicy, ChangeOutsideAFrameDrawsAFewFrames) {
  EXPECT_EQ(framesAfterIdle(&RedrawSignals::changed, 5.0), RedrawPolicy::kSettleFrames);
}

TEST(RedrawSignals, WorkersReportBusyThenPendingResultsAndWakeTheLoop) {
  AppState state;
  std::atomic<int> wakes{0};
  state.worker.setWake([&] { ++wakes; });
  state.scenario_path = cp::test::baselinePath();
  loadScenario(state);  // submits the baseline and the current run
  const RedrawSignals first = backgroundSignals(state);
  EXPECT_TRUE(first.background_busy || first.results_pending);
  state.worker.waitIdle();
  EXPECT_GE(wakes.load(), 1);
  const RedrawSignals done = backgroundSignals(state);
  EXPECT_FALSE(done.background_busy);
  EXPECT_TRUE(done.results_pending);
  syncRuns(state);  // what the next frame does first
  const RedrawSignals shown = backgroundSignals(state);
  EXPECT_FALSE(shown.results_pending);
  EXPECT_FALSE(shown.background_busy);
  EXPECT_FALSE(shown.animating);
  state.worker.setWake({});
}

TEST(RedrawSignals, EnsembleWorkerWakesWhenItFinishes) {
  EnsembleWorker worker;
  std::atomic<int> wakes{0};
  worker.setWake([&] { ++wakes; });
  auto s = std::make_shared<const cp::Scenario>(cp::loadScenario(cp::test::baselinePath()));
  worker.submit({s, 1, 4});
  worker.waitIdle();
  EXPECT_EQ(wakes.load(), 1);
  EXPECT_TRUE(worker.hasResult());
  EXPECT_TRUE(worker.take());
  EXPECT_FALSE(worker.hasResult());
}

// An Explain analysis in progress draws frames; when it ends it wakes the loop for the
// frame that shows it.
TEST(RedrawSignals, AnalysisWorkerIsBusyWorkAndWakesWhenItFinishes) {
  AppState state;
  AnalysisWorker& worker = state.explain.sensitivity.worker;
  worker.setSliced(false);
  std::atomic<int> wakes{0};
  std::atomic<bool> release{false};
  worker.setWake([&] { ++wakes; });
  worker.submit(3, [&](const cp::AnalysisOptions&) {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  EXPECT_TRUE(backgroundSignals(state).background_busy);
  EXPECT_EQ(wakes.load(), 0);
  release = true;
  worker.waitIdle();
  EXPECT_EQ(wakes.load(), 1);
  EXPECT_FALSE(backgroundSignals(state).background_busy);
  EXPECT_EQ(worker.takeFinished(), 3u);
  worker.setWake({});
}

TEST(RedrawSignals, TextFieldBlinksAndOpenDialogRequestsAnimate) {
  cp::test::ImGuiHarness ui;
  AppState state;
  EXPECT_FALSE(backgroundSignals(state).animating);
  state.ui.requests.screenshot = ScreenshotRequest{"x.png"};
  EXPECT_TRUE(backgroundSignals(state).animating);
  state.ui.requests.screenshot.reset();
  requestOpenScenario(state);
  EXPECT_TRUE(backgroundSignals(state).animating);
  state.ui.dialogs.requested.reset();

  static char text[32] = "";
  bool focus = false;
  const auto draw = [&] {
    ImGui::Begin("w");
    if (focus) ImGui::SetKeyboardFocusHere();
    ImGui::InputText("##t", text, sizeof text);
    ImGui::End();
  };
  ui.frames(2, draw);
  EXPECT_FALSE(backgroundSignals(state).blinking);
  focus = true;
  ui.frame(draw);
  focus = false;
  ui.frames(2, draw);
  EXPECT_TRUE(backgroundSignals(state).blinking);  // the cursor blinks while typing
  EXPECT_FALSE(backgroundSignals(state).animating);
}

TEST(RedrawSignals, TickStampSeesWarningsStatusAndReloads) {
  AppState state;
  const TickStamp before = tickStamp(state);
  state.ui.warnings.push_back("file deleted");
  EXPECT_FALSE(tickStamp(state) == before);
  state.ui.warnings.clear();
  EXPECT_TRUE(tickStamp(state) == before);
  setStatus(state, "Saved");
  EXPECT_FALSE(tickStamp(state) == before);
  clearStatus(state);
  state.ui.requests.reload = true;
  EXPECT_FALSE(tickStamp(state) == before);
}

// Frames without new results draw from the chart data built when the results came in.
TEST(RedrawSignals, FramesWithoutNewResultsDoNotRebuildChartData) {
  cp::test::DashboardFixture d;
  const std::uint64_t built = d.state.runs.data_generation;
  const double* data = d.state.dash.charts.at(0).series.at(0).current.data();
  d.ui.frames(10, d.draw);
  EXPECT_EQ(d.state.runs.data_generation, built);
  EXPECT_EQ(d.state.dash.charts.at(0).series.at(0).current.data(), data);
  EXPECT_FALSE(backgroundSignals(d.state).background_busy);
  setLeverValue(d.state.doc, 0, leverValue(d.state.doc, 0) > 0.5 ? 0.0 : 1.0);  // an edit: a new run
  d.ui.frame(d.draw);
  d.settle();
  EXPECT_GT(d.state.runs.data_generation, built);
}

TEST(IdleMeter, ReportFormat) {
  EXPECT_EQ(formatIdleReport(10.0, 0.05, 0),
            "idle: 10.0 s after results, CPU 0.50% of one core, 0.00 frames drawn per second (0 frames)");
  EXPECT_EQ(formatIdleReport(2.0, 1.0, 3),
            "idle: 2.0 s after results, CPU 50.00% of one core, 1.50 frames drawn per second (3 frames)");
}

TEST(IdleMeter, CountsCpuOfBusyWork) {
  IdleMeter m;
  const auto t0 = IdleMeter::Clock::now();
  m.start(t0);
  volatile double x = 0;
  const double cpu0 = processCpuSeconds();
  while (processCpuSeconds() - cpu0 < 0.05) x = x + 1;  // burn at least 50 ms of CPU
  m.countFrame();
  const std::string r = m.report(IdleMeter::Clock::now());
  std::smatch match;
  ASSERT_TRUE(std::regex_search(r, match, std::regex(R"(CPU ([0-9.]+)% of one core.*\(1 frames\))"))) << r;
  EXPECT_GT(std::stod(match[1]), 0.0);
}
