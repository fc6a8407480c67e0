// Session autosave and crash recovery (session.h): debounced atomic writes, the clean-exit
// mark, the Restore / Discard prompt after an unclean exit, restoring levers as typed.
#include "app/core/session.h"

#include "app/core/app_state.h"
#include "app/core/settings.h"

#include "dashboard_fixture.h"
#include "scenario_paths.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

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

SessionData sessionWith(const std::string& scenario, LeverStrings levers, bool clean) {
  SessionData s;
  s.scenario = scenario;
  s.levers = std::move(levers);
  s.clean_exit = clean;
  return s;
}

void writeText(const std::filesystem::path& file, const std::string& text) { std::ofstream(file) << text; }

std::string readText(const std::filesystem::path& file) { return readTextFile(file).value_or(""); }

}  // namespace

TEST(SessionJson, RoundTripsLeversAsTyped) {
  SessionData s =
      sessionWith("/x/baseline.json", {{kRemote, {"on"}}, {"cn.nvidia_guidance", {"0.5", "0.9@2026-01"}}}, false);
  s.saved_path = "/x/mine.json";
  s.saved_name = "Mine";
  const std::string json = sessionToJson(s);
  EXPECT_NE(json.find("\"clean_exit\": false"), std::string::npos) << json;
  EXPECT_NE(json.find("\"us.remote_access_control\": \"on\""), std::string::npos) << json;
  const auto back = sessionFromJson(json);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->scenario, s.scenario);
  EXPECT_EQ(back->levers, s.levers);
  EXPECT_EQ(back->saved_path, s.saved_path);
  EXPECT_EQ(back->saved_name, s.saved_name);
  EXPECT_FALSE(back->clean_exit);
}

TEST(SessionJson, RoundTripsAWorkshopInProgress) {
  SessionData s = sessionWith("/x/baseline.json", {}, false);
  s.workshop = cp::WorkshopSession{"/x/workshops/race.json", {{1, "us_gov", kRemote, "on"}}, 1};
  s.workshop_saved_to = "/x/class.session.json";
  const auto back = sessionFromJson(sessionToJson(s));
  ASSERT_TRUE(back);
  ASSERT_TRUE(back->workshop);
  EXPECT_EQ(*back->workshop, *s.workshop);
  EXPECT_EQ(back->workshop_saved_to, s.workshop_saved_to);
  EXPECT_FALSE(sessionFromJson(sessionToJson(sessionWith("/x/baseline.json", {}, false)))->workshop);

  std::string error;
  std::string bad = sessionToJson(s);
  bad.replace(bad.find("\"round\": 1"), 10, "\"round\": \"x\"");
  EXPECT_FALSE(sessionFromJson(bad, &error)) << bad;
  EXPECT_NE(error.find("/workshop/moves/0"), std::string::npos) << error;
}

TEST(SessionJson, MalformedFilesNameTheProblem) {
  std::string error;
  EXPECT_FALSE(sessionFromJson("{", &error));
  EXPECT_NE(error.find("JSON"), std::string::npos);
  EXPECT_FALSE(sessionFromJson(R"({"format": "other"})", &error));
  EXPECT_NE(error.find("/format"), std::string::npos) << error;
  EXPECT_FALSE(sessionFromJson(
      R"({"format": "chokepoint-session/1", "clean_exit": false, "scenario": "a.json", "levers": {"x": 3}})", &error));
  EXPECT_NE(error.find("/levers/x"), std::string::npos) << error;
}

TEST(SessionFile, OnlyUncleanSessionsWithLeverChangesAreOffered) {
  TempDir dir;
  const auto file = dir / kSessionFile;
  EXPECT_FALSE(readUncleanSession(file)) << "no file, no offer";
  writeText(file, sessionToJson(sessionWith(baselinePath(), {{kRemote, {"on"}}}, false)));
  EXPECT_TRUE(readUncleanSession(file));
  writeText(file, sessionToJson(sessionWith(baselinePath(), {{kRemote, {"on"}}}, true)));
  EXPECT_FALSE(readUncleanSession(file)) << "clean exit";
  writeText(file, sessionToJson(sessionWith(baselinePath(), {}, false)));
  EXPECT_FALSE(readUncleanSession(file)) << "nothing to restore";
  writeText(file, "garbage");
  std::string warning;
  EXPECT_FALSE(readUncleanSession(file, &warning));
  EXPECT_NE(warning.find(kSessionFile), std::string::npos) << warning;
}

TEST(Autosave, WritesOnceTwoSecondsAfterTheLastChange) {
  TempDir dir;
  AppState state;
  state.session.file = dir / "data" / kSessionFile;  // the directory is created on the first write
  state.scenario_path = baselinePath();
  loadScenario(state);
  waitForRuns(state);
  const Clock::time_point t0 = Clock::now();
  autosaveTick(state, t0);  // the load is a change too
  autosaveTick(state, t0 + 2100ms);
  ASSERT_EQ(state.session.writes, 1);
  EXPECT_NE(readText(state.session.file).find("\"levers\": {}"), std::string::npos);

  const int lever = state.doc.loaded->findLever(kRemote);
  setLeverValue(state.doc, lever, 1.0);
  autosaveTick(state, t0 + 3000ms);
  autosaveTick(state, t0 + 4000ms);
  EXPECT_EQ(state.session.writes, 1) << "not yet: 2 s after the edit";
  setLeverValue(state.doc, state.doc.loaded->findLever("us.export_enforcement"), 0.8);
  autosaveTick(state, t0 + 4500ms);
  autosaveTick(state, t0 + 5200ms);
  EXPECT_EQ(state.session.writes, 1) << "a second edit pushes the write back (debounce)";
  autosaveTick(state, t0 + 6600ms);
  ASSERT_EQ(state.session.writes, 2);

  const auto written = sessionFromJson(readText(state.session.file));
  ASSERT_TRUE(written);
  EXPECT_FALSE(written->clean_exit);
  EXPECT_EQ(written->scenario, std::filesystem::absolute(baselinePath()).lexically_normal().string());
  const LeverStrings expected{{kRemote, {"on"}}, {"us.export_enforcement", {"0.8"}}};
  EXPECT_EQ(written->levers, expected);
  // No leftover temp files beside it (written atomically: temp + fsync + rename).
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(state.session.file.parent_path())) ++files;
  EXPECT_EQ(files, 1);

  autosaveTick(state, t0 + 20s);
  EXPECT_EQ(state.session.writes, 2) << "no change, no write";
  EXPECT_TRUE(writeSessionAtExit(state));
  EXPECT_TRUE(sessionFromJson(readText(state.session.file))->clean_exit);
}

TEST(Autosave, KeepsEditingStillSavesWithinTenSeconds) {
  TempDir dir;
  AppState state;
  state.session.file = dir / kSessionFile;
  state.scenario_path = baselinePath();
  loadScenario(state);
  const int lever = state.doc.loaded->findLever("us.export_enforcement");
  const Clock::time_point t0 = Clock::now();
  for (int i = 0; i <= 12; ++i) {
    setLeverValue(state.doc, lever, 0.5 + 0.01 * (i + 1));
    autosaveTick(state, t0 + std::chrono::seconds(i));
  }
  EXPECT_GE(state.session.writes, 1);
}

TEST(Autosave, OffWithoutAFileAndWhileARestoreOfferWaits) {
  TempDir dir;
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  autosaveTick(state, Clock::now() + 1h);
  EXPECT_EQ(state.session.writes, 0) << "screenshot mode: no file, nothing written";
  EXPECT_FALSE(writeSessionAtExit(state));

  state.session.file = dir / kSessionFile;
  const std::string crashed = sessionToJson(sessionWith(baselinePath(), {{kRemote, {"on"}}}, false));
  writeText(state.session.file, crashed);
  offerSession(state, *readUncleanSession(state.session.file));
  autosaveTick(state, Clock::now());
  autosaveTick(state, Clock::now() + 1h);
  EXPECT_FALSE(writeSessionAtExit(state));
  EXPECT_EQ(readText(state.session.file), crashed) << "the crashed session survives until the user chooses";

  discardSessionOffer(state);
  autosaveTick(state, Clock::now());
  autosaveTick(state, Clock::now() + 3s);
  EXPECT_FALSE(readUncleanSession(state.session.file)) << "Discard: the old session is gone";
}

TEST(RestorePrompt, RestoreReappliesLeversWithFreshUndoHistory) {
  TempDir dir;
  const auto file = dir / kSessionFile;
  writeText(file, sessionToJson(sessionWith(baselinePath(),
                                            {{kRemote, {"on"}}, {"cn.nvidia_guidance", {"0.9@2026-01"}}}, false)));

  DashboardFixture d;
  d.state.session.file = file;
  auto last = readUncleanSession(file);
  ASSERT_TRUE(last) << "an unclean exit with changes is offered";
  offerSession(d.state, *last);
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("restore/restore")) << "the Restore / Discard prompt is shown";
  ASSERT_TRUE(d.ui.itemRect("restore/discard"));
  const double leased_before = d.chartValue("china_channels", "Leased offshore", "2027-12");

  ASSERT_TRUE(d.ui.clickItem("restore/restore", d.draw));
  EXPECT_TRUE(d.state.session.restore_requested) << "no loading inside the frame";
  handleRequests(d.state);
  d.settle();
  EXPECT_FALSE(d.state.session.offer);
  EXPECT_FALSE(d.ui.itemRect("restore/restore")) << "prompt closed";
  EXPECT_EQ(leverValue(d.state.doc, d.leverIndex(kRemote)), 1.0);
  EXPECT_EQ(scheduleText(d.state.doc, d.leverIndex("cn.nvidia_guidance")).find("90% from 2026-01") != std::string::npos,
            true)
      << scheduleText(d.state.doc, d.leverIndex("cn.nvidia_guidance"));
  EXPECT_EQ(changedLeverCount(d.state.doc), 2);
  EXPECT_TRUE(isDirty(d.state.doc)) << "restored edits are unsaved";
  EXPECT_FALSE(canUndo(d.state.doc)) << "undo history starts fresh";
  EXPECT_LT(d.chartValue("china_channels", "Leased offshore", "2027-12"), leased_before) << "results follow";
  EXPECT_NE(d.state.ui.status_message.find("Restored"), std::string::npos);
}

TEST(RestorePrompt, DiscardKeepsWhatIsOpen) {
  DashboardFixture d;
  offerSession(d.state, sessionWith(baselinePath(), {{kRemote, {"on"}}}, false));
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.clickItem("restore/discard", d.draw));
  d.settle();
  EXPECT_FALSE(d.state.session.offer);
  EXPECT_EQ(changedLeverCount(d.state.doc), 0);
}

TEST(RestoreSession, SkipsLeversThatNoLongerExistAndSaysSo) {
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  restoreSession(
      state, sessionWith(baselinePath(),
                         {{kRemote, {"on"}}, {"no.such_lever", {"on"}}, {"us.export_enforcement", {"banana"}}}, false));
  EXPECT_EQ(changedLeverCount(state.doc), 1);
  EXPECT_TRUE(state.ui.status_is_error);
  EXPECT_NE(state.ui.status_message.find("no.such_lever"), std::string::npos) << state.ui.status_message;
  EXPECT_NE(state.ui.status_message.find("us.export_enforcement"), std::string::npos) << state.ui.status_message;
}

TEST(RestoreSession, ABrokenScenarioLeavesTheOpenOneAlone) {
  TempDir dir;
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  restoreSession(state, sessionWith((dir / "gone.json").string(), {{kRemote, {"on"}}}, false));
  EXPECT_TRUE(state.scenario_loaded);
  EXPECT_EQ(state.scenario_path, baselinePath());
  EXPECT_TRUE(state.ui.status_is_error);
  EXPECT_NE(state.ui.status_message.find("gone.json"), std::string::npos);
}

TEST(RestoreSession, PrintsLeversAsTyped) {
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  restoreSession(
      state, sessionWith(baselinePath(), {{kRemote, {"on"}}, {"cn.nvidia_guidance", {"0.5", "0.9@2026-01"}}}, false));
  const std::string lines = leverSettingLines(state);
  EXPECT_NE(lines.find("us.remote_access_control=on\n"), std::string::npos) << lines;
  EXPECT_NE(lines.find("cn.nvidia_guidance=0.9@2026-01\n"), std::string::npos) << lines;
}
