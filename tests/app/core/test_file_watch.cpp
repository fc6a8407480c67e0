// The open scenario changed on disk (file_watch.h): polled about once a second; the user
// chooses Reload (keeping or dropping edits) or Keep mine; deleted and broken files are
// reported without losing the document.
#include "app/core/file_watch.h"

#include "app/core/app_state.h"

#include "dashboard_fixture.h"
#include "scenario_paths.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

using namespace cp::app;
using cp::test::baselinePath;
using cp::test::DashboardFixture;
using cp::test::TempDir;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kRemote = "us.remote_access_control";

std::string baselineText() {
  std::ifstream in(baselinePath());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The baseline under another name (a longer name changes the size, so the stamp differs
// even where mtime is coarse).
void writeScenario(const std::filesystem::path& file, const std::string& name) {
  std::string text = baselineText();
  const std::string key = "\"name\": \"";
  const auto at = text.find(key);
  const auto end = text.find('"', at + key.size());
  text.replace(at + key.size(), end - at - key.size(), name);
  std::ofstream(file) << text;
}

// A dashboard on a copy of the baseline in a temp dir, already watched.
struct WatchedDashboard {
  TempDir dir;
  std::filesystem::path file = dir / "scenario.json";
  std::unique_ptr<DashboardFixture> d;
  Clock::time_point now = Clock::now();

  WatchedDashboard() {
    writeScenario(file, "Original");
    d = std::make_unique<DashboardFixture>(file.string());
    pollScenarioFile(d->state, now);  // takes the stamp after the load
  }
  void poll(std::chrono::milliseconds later) {
    now += later;
    pollScenarioFile(d->state, now);
  }
  // handleRequests + runs + two frames, as the main loop does after a frame.
  void afterFrame() {
    handleRequests(d->state);
    d->settle();
    poll(0ms);
  }
};

}  // namespace

TEST(FileWatch, StampNoticesSizeAndMissingFiles) {
  TempDir dir;
  EXPECT_FALSE(stampOf(dir / "none.json").exists);
  std::ofstream(dir / "a.json") << "{}";
  const FileStamp a = stampOf(dir / "a.json");
  EXPECT_TRUE(a.exists);
  EXPECT_EQ(a.size, 2u);
  std::ofstream(dir / "a.json") << "{ }";
  EXPECT_NE(stampOf(dir / "a.json"), a);
}

TEST(FileWatch, ChangePromptsAndReloadKeepsEdits) {
  WatchedDashboard w;
  DashboardFixture& d = *w.d;
  ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
  d.settle();
  const int polls_before = d.state.watch.polls;
  writeScenario(w.file, "Changed by another program");
  w.poll(300ms);
  EXPECT_EQ(d.state.watch.polls, polls_before) << "polled about once a second, not every frame";
  EXPECT_FALSE(d.state.watch.prompt_requested);
  w.poll(800ms);
  EXPECT_TRUE(d.state.watch.prompt_requested);

  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("changed/reload")) << "the prompt is shown";
  ASSERT_TRUE(d.ui.itemRect("changed/discard"));
  ASSERT_TRUE(d.ui.itemRect("changed/keep"));
  ASSERT_TRUE(d.ui.clickItem("changed/reload", d.draw));
  w.afterFrame();
  EXPECT_EQ(d.state.doc.loaded->name, "Changed by another program");
  EXPECT_EQ(leverValue(d.state.doc, d.leverIndex(kRemote)), 1.0) << "edits re-applied";
  EXPECT_FALSE(d.state.watch.prompting);
  w.poll(1100ms);
  EXPECT_FALSE(d.state.watch.prompt_requested) << "the reload itself is no change";
}

TEST(FileWatch, ReloadCanDropEdits) {
  WatchedDashboard w;
  DashboardFixture& d = *w.d;
  setLeverValue(d.state.doc, d.leverIndex(kRemote), 1.0);
  writeScenario(w.file, "Changed again");
  w.poll(1100ms);
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.clickItem("changed/discard", d.draw));
  w.afterFrame();
  EXPECT_EQ(d.state.doc.loaded->name, "Changed again");
  EXPECT_EQ(changedLeverCount(d.state.doc), 0);
}

TEST(FileWatch, KeepMineAsksAgainOnlyForTheNextChange) {
  WatchedDashboard w;
  DashboardFixture& d = *w.d;
  setLeverValue(d.state.doc, d.leverIndex(kRemote), 1.0);
  writeScenario(w.file, "Theirs");
  w.poll(1100ms);
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.clickItem("changed/keep", d.draw));
  w.afterFrame();
  EXPECT_EQ(d.state.doc.loaded->name, "Original");
  EXPECT_EQ(changedLeverCount(d.state.doc), 1);
  w.poll(1100ms);
  EXPECT_FALSE(d.state.watch.prompt_requested);
  writeScenario(w.file, "Theirs, second edit");
  w.poll(1100ms);
  EXPECT_TRUE(d.state.watch.prompt_requested);
}

TEST(FileWatch, DeletedFileIsReportedAndWorkGoesOn) {
  WatchedDashboard w;
  DashboardFixture& d = *w.d;
  setLeverValue(d.state.doc, d.leverIndex(kRemote), 1.0);
  std::filesystem::remove(w.file);
  w.poll(1100ms);
  EXPECT_FALSE(d.state.watch.prompt_requested);
  ASSERT_EQ(d.state.ui.warnings.size(), 1u);
  EXPECT_NE(d.state.ui.warnings[0].find("deleted"), std::string::npos);
  w.poll(1100ms);
  EXPECT_EQ(d.state.ui.warnings.size(), 1u) << "said once";
  d.ui.frames(2, d.draw);
  EXPECT_TRUE(d.ui.itemRect("status/warning")) << "shown in the status bar";
  EXPECT_TRUE(hasScenario(d.state.doc));
  EXPECT_EQ(changedLeverCount(d.state.doc), 1);

  writeScenario(w.file, "Back again");
  w.poll(1100ms);
  EXPECT_TRUE(d.state.watch.prompt_requested) << "a file that comes back is a change";
  EXPECT_TRUE(d.state.ui.warnings.empty());
}

TEST(FileWatch, ABrokenChangeIsReportedNotOffered) {
  WatchedDashboard w;
  DashboardFixture& d = *w.d;
  std::ofstream(w.file) << "{ \"half\": ";
  w.poll(1100ms);
  EXPECT_FALSE(d.state.watch.prompt_requested);
  EXPECT_TRUE(d.state.ui.status_is_error);
  EXPECT_NE(d.state.ui.status_message.find("no longer loads"), std::string::npos) << d.state.ui.status_message;
  EXPECT_TRUE(d.state.scenario_loaded);
}

TEST(FileWatch, AScenarioThatFailedToLoadIsRetriedWhenItChanges) {
  TempDir dir;
  const auto file = dir / "fix_me.json";
  std::ofstream(file) << "{ broken";
  AppState state;
  state.scenario_path = file.string();
  loadScenario(state);
  ASSERT_FALSE(state.scenario_loaded);
  const Clock::time_point t0 = Clock::now();
  pollScenarioFile(state, t0);
  writeScenario(file, "Fixed");
  pollScenarioFile(state, t0 + 1100ms);
  EXPECT_TRUE(state.ui.requests.reload);
  handleRequests(state);
  EXPECT_TRUE(state.scenario_loaded);
}

TEST(FileWatch, OffInScreenshotMode) {
  WatchedDashboard w;
  w.d->state.watch.enabled = false;
  writeScenario(w.file, "Changed");
  w.poll(5s);
  EXPECT_FALSE(w.d->state.watch.prompt_requested);
}
