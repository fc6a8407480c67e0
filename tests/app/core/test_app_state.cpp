// AppState without a UI: loading (every problem listed), runs on the worker, requests.
#include "app/core/app_state.h"
#include "app/panels/theme.h"
#include "i18n/i18n.h"

#include "scenario_paths.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace cp::app;
using cp::test::baselinePath;
using cp::test::TempDir;

namespace {
std::filesystem::path writeFile(const TempDir& dir, const std::string& name, const std::string& text) {
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path;
}

bool anyProblemMentions(const AppState& state, const std::string& what) {
  for (const auto& p : state.load_problems)
    if (p.message.find(what) != std::string::npos || p.pointer.find(what) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST(LoadScenario, BaselineLoadsAndRuns) {
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  ASSERT_TRUE(state.scenario_loaded);
  EXPECT_FALSE(state.load_error);
  ASSERT_TRUE(hasScenario(state.doc));
  EXPECT_GE(leverCount(state.doc), 27);
  EXPECT_FALSE(isDirty(state.doc));

  waitForRuns(state);
  ASSERT_TRUE(state.runs.current);
  ASSERT_TRUE(state.runs.baseline);
  EXPECT_FALSE(updating(state));
  EXPECT_EQ(state.runs.current->fingerprint(), state.runs.baseline->fingerprint());
  ASSERT_EQ(state.dash.charts.size(), chartSpecs().size());
  for (size_t c = 0; c < state.dash.charts.size(); ++c)
    EXPECT_FALSE(state.dash.charts[c].series.empty()) << chartSpecs()[c].id;
  for (size_t k = 0; k < state.dash.kpis.size(); ++k) EXPECT_TRUE(state.dash.kpis[k].available) << kpiSpecs()[k].id;
  EXPECT_FALSE(state.dash.companies.empty());
  EXPECT_FALSE(state.dash.chips.empty());
  ASSERT_TRUE(state.runs.rule_active);
  EXPECT_EQ(state.runs.rule_active->size(), state.doc.loaded->rules.size());
}

TEST(LoadScenario, MissingFileIsOneProblem) {
  TempDir dir;
  AppState state;
  state.scenario_path = (dir / "missing.json").string();
  loadScenario(state);
  EXPECT_FALSE(state.scenario_loaded);
  ASSERT_TRUE(state.load_error);
  ASSERT_EQ(state.load_problems.size(), 1u);
  EXPECT_FALSE(hasScenario(state.doc));
}

TEST(LoadScenario, BrokenJsonReportsParserMessage) {
  TempDir dir;
  AppState state;
  state.scenario_path = writeFile(dir, "bad.json", "{\"a\": 1,,}").string();
  loadScenario(state);
  ASSERT_TRUE(state.load_error);
  EXPECT_TRUE(anyProblemMentions(state, "JSON")) << *state.load_error;
}

TEST(LoadScenario, EveryProblemIsListedWithFileAndPointer) {
  TempDir dir;
  const std::string text = std::string(R"({"extends": ")") + baselinePath() +
                           R"(", "seed": "abc", "set": {"no.such_lever": 1, "us.tpp_threshold": "lots"}})";
  AppState state;
  state.scenario_path = writeFile(dir, "variant.json", text).string();
  loadScenario(state);
  ASSERT_TRUE(state.load_error);
  ASSERT_GE(state.load_problems.size(), 2u);
  EXPECT_TRUE(anyProblemMentions(state, "no.such_lever"));
  EXPECT_TRUE(anyProblemMentions(state, "us.tpp_threshold"));
  for (const auto& p : state.load_problems) {
    EXPECT_FALSE(p.file.empty());
    EXPECT_FALSE(p.message.empty());
  }
  EXPECT_NE(state.load_error->find("more"), std::string::npos) << *state.load_error;
}

TEST(LoadScenario, ReloadRecoversAndKeepsEdits) {
  TempDir dir;
  const auto path = writeFile(dir, "s.json", "{");
  AppState state;
  state.scenario_path = path.string();
  loadScenario(state);
  EXPECT_FALSE(state.scenario_loaded);
  ASSERT_TRUE(state.load_error);

  writeFile(dir, "s.json", std::string(R"({"extends": ")") + baselinePath() + "\"}");
  state.ui.requests.reload = true;
  handleRequests(state);
  EXPECT_FALSE(state.ui.requests.reload);
  ASSERT_TRUE(state.scenario_loaded);
  EXPECT_FALSE(state.load_error);

  const int lever = state.doc.loaded->findLever("us.remote_access_control");
  setLeverValue(state.doc, lever, 1.0);
  state.ui.requests.reload = true;
  handleRequests(state);
  ASSERT_TRUE(state.scenario_loaded);
  EXPECT_TRUE(leverChanged(state.doc, lever)) << "reload from disk keeps the user's edits";
  waitForRuns(state);
  EXPECT_EQ(state.runs.shown, version(state.doc));
}

// One immutable snapshot per edit: the run and the Why trace of one version share it.
TEST(Runs, OneSnapshotPerEditIsSharedByTheRunAndTheTrace) {
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  waitForRuns(state);
  state.ui.view.why_visible = true;
  const int lever = state.doc.loaded->findLever("us.export_enforcement");
  setLeverValue(state.doc, lever, 0.25);
  syncRuns(state);
  state.worker.waitIdle();
  auto current = state.worker.take(RunSlot::Current);
  auto trace = state.worker.take(RunSlot::Trace);
  ASSERT_TRUE(current && trace);
  EXPECT_EQ(current->scenario.get(), trace->scenario.get()) << "the edit was copied twice";
  EXPECT_EQ(current->scenario, sharedSnapshot(state.doc));
  ASSERT_EQ(current->scenario->lever_schedules.size(), state.doc.edits.size());
  for (size_t i = 0; i < state.doc.edits.size(); ++i)
    EXPECT_EQ(current->scenario->lever_schedules[i].points, state.doc.edits[i].points);
}

TEST(LoadScenario, NoPathIsNotAnError) {
  AppState state;
  loadScenario(state);
  EXPECT_FALSE(state.scenario_loaded);
  EXPECT_FALSE(state.load_error);
}

TEST(Runs, LatestEditWinsAndResultsFollow) {
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  waitForRuns(state);
  const int lever = state.doc.loaded->findLever("us.export_enforcement");
  for (int i = 0; i <= 10; ++i) {  // many edits in a row, as a drag makes
    setLeverValue(state.doc, lever, i / 10.0);
    syncRuns(state);
  }
  waitForRuns(state);
  EXPECT_EQ(state.runs.shown, version(state.doc));
  EXPECT_FALSE(updating(state));
  EXPECT_NE(state.runs.current->fingerprint(), state.runs.baseline->fingerprint());
  EXPECT_DOUBLE_EQ(leverValue(state.doc, lever), 1.0);
}

TEST(Guard, DirtyDocumentAsksBeforeQuit) {
  AppState state;
  state.scenario_path = baselinePath();
  loadScenario(state);
  requestGuarded(state, PendingAction::Quit);
  EXPECT_TRUE(state.ui.requests.quit) << "nothing unsaved: quit at once";

  state.ui.requests.quit = false;
  setLeverValue(state.doc, 0, 0.0);
  ASSERT_TRUE(isDirty(state.doc));
  requestGuarded(state, PendingAction::Quit);
  EXPECT_FALSE(state.ui.requests.quit);
  EXPECT_TRUE(state.ui.dialogs.confirm_requested);
  performPending(state);  // "Discard changes"
  EXPECT_TRUE(state.ui.requests.quit);
}

TEST(Presenter, SwitchesThemeAndBack) {
  AppState state;
  state.ui.theme = Theme::Light;
  setPresenter(state, true);
  EXPECT_EQ(state.ui.theme, Theme::Presenter);
  setPresenter(state, false);
  EXPECT_EQ(state.ui.theme, Theme::Light);
}

TEST(RecentFiles, MostRecentFirstWithoutDuplicates) {
  AppState state;
  for (int i = 0; i < 12; ++i) addRecentFile(state, "/tmp/s" + std::to_string(i % 10) + ".json");
  EXPECT_EQ(state.ui.recent_files.size(), kMaxRecentFiles);
  EXPECT_EQ(state.ui.recent_files.front(), "/tmp/s1.json");
  EXPECT_EQ(state.ui.recent_files[1], "/tmp/s0.json");
}

TEST(Theme, NamesRoundTrip) {
  for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
    EXPECT_EQ(parseTheme(themeName(t)), t);
  }
  EXPECT_EQ(parseTheme("Dark"), std::nullopt);
  EXPECT_EQ(parseTheme(""), std::nullopt);
}

// Without threads (the browser) the frame's update() submits the edit and does its run in
// the same call: the edit is on screen in the next frame, as with threads.
TEST(Runs, SlicedAnEditIsShownByTheNextUpdate) {
  AppState state;
  state.worker.setSliced(true);
  state.scenario_path = baselinePath();
  loadScenario(state);
  ASSERT_TRUE(state.runs.current && state.runs.baseline) << "a load runs both at once";
  const std::uint64_t before = state.runs.current->fingerprint();
  setLeverValue(state.doc, state.doc.loaded->findLever("us.export_enforcement"), 0.25);
  update(state);
  EXPECT_EQ(state.runs.shown, version(state.doc));
  EXPECT_EQ(state.runs.last_latency_frames, 0);
  EXPECT_NE(state.runs.current->fingerprint(), before);
  EXPECT_FALSE(state.worker.busy());
  EXPECT_FALSE(updating(state));
}

// In Ukrainian the status line gives the file's first problem in Ukrainian (the error panel
// shows every one the same way); the problems keep the English for logs and tests.
TEST(LoadScenario, TheFirstProblemReadsInTheLanguage) {
  TempDir dir;
  const std::string text = std::string(R"({"extends": ")") + baselinePath() + R"(", "colour": "red"})";
  std::string error;
  ASSERT_TRUE(cp::i18n::setLanguage("uk", {CHOKEPOINT_SOURCE_DIR}, &error)) << error;
  AppState state;
  state.scenario_path = writeFile(dir, "variant.json", text).string();
  loadScenario(state);
  cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  ASSERT_TRUE(state.load_error);
  EXPECT_EQ(*state.load_error, "/colour: невідоме поле");
  ASSERT_EQ(state.load_problems.size(), 1u);
  EXPECT_EQ(state.load_problems.front().message, "unknown field");
}
