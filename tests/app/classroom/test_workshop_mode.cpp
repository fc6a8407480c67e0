// Workshop mode driven through the dashboard, headless: a scripted three-round game played
// with the panel's move API and the real "Play round" button scores exactly like the
// engine's playGame (which tests/engine shows equals the CLI's --lever path); sessions
// round-trip; Step back undoes a round; the report lists the moves and asks for pictures.
#include "app/classroom/classroom_ui.h"
#include "app/platform/cli_args.h"
#include "app/panels/panels.h"
#include "app/classroom/workshop_handouts.h"
#include "app/classroom/workshop_mode.h"
#include "app/core/session.h"
#include "app/core/tr.h"
#include "engine/month.h"
#include "engine/workshop.h"

#include "classroom_fixture.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cp::app;
using cp::test::ClassroomFixture;
using cp::test::TempDir;
using cp::test::workshopPath;

namespace {

// The engine test's scripted game: three rounds, three teams.
const std::vector<cp::Move> kMoves = {
    {1, "us_gov", "us.remote_access_control", "on"}, {1, "us_gov", "us.remote_access_from", "2025-01"},
    {2, "cn_gov", "cn.domestic_subsidy", "0.5"},     {2, "us_gov", "us.export_enforcement", "0.8"},
    {3, "malaysia", "my.chip_permit_from", "never"}, {3, "us_gov", "us.remote_access_control", "off"},
};

std::string csv(const cp::Scoreboard& b, const cp::Workshop& w) {
  std::ostringstream out;
  cp::writeScoreboardCsv(out, b, w);
  return out.str();
}

const cp::Workshop& workshopOf(const ClassroomFixture& f) { return *f.state.classroom.workshop.workshop; }

void openComputeRace(ClassroomFixture& f) {
  const auto problems = openWorkshop(f.state, workshopPath("compute_race.json"));
  ASSERT_TRUE(problems.empty()) << problems.front().str();
  f.settle();
  ASSERT_TRUE(workshopActive(f.state));
}

// Enters the round's moves through the API the panel calls, then clicks "Play round".
void playScriptedRound(ClassroomFixture& f, int round) {
  ASSERT_EQ(openRound(f.state), round);
  for (const cp::Move& m : kMoves) {
    if (m.round == round) {
      ASSERT_EQ(enterMove(f.state, m), "") << cp::formatMoveArg(m);
    }
  }
  ASSERT_TRUE(f.ui.clickItem("workshop/play", f.draw));
  EXPECT_EQ(f.state.classroom.workshop.session.rounds_played, round);
  f.settle();
}

}  // namespace

TEST(WorkshopMode, ThreeRoundsPlayedInTheUiScoreLikePlayGame) {
  ClassroomFixture f;
  openComputeRace(f);
  ASSERT_NE(workshopBoard(f.state), nullptr) << "nothing played: every team at zero";
  EXPECT_EQ(workshopBoard(f.state)->rounds_played, 0);
  for (int round = 1; round <= 3; ++round) {
    playScriptedRound(f, round);
    const cp::Workshop& w = workshopOf(f);
    // The world ran to the round's end: the scrubber is there and the charts veil what follows.
    EXPECT_EQ(f.state.ui.view.month, w.roundLast(round) - f.state.dash.months.start);
    EXPECT_EQ(classroomFutureFrom(f.state), f.state.ui.view.month);
    ASSERT_NE(workshopBoard(f.state), nullptr) << "round " << round;
    EXPECT_TRUE(f.ui.itemRect("workshop/board"));
  }
  const cp::Workshop& w = workshopOf(f);
  const cp::PlayedGame game = cp::playGame(w, kMoves, 3);
  const cp::Scoreboard& board = *workshopBoard(f.state);
  EXPECT_EQ(board.rounds_played, 3);
  EXPECT_EQ(csv(board, w), csv(game.board, w));
  EXPECT_EQ(f.state.runs.current->fingerprint(), game.played.fingerprint());
  EXPECT_EQ(f.state.runs.baseline->fingerprint(), game.baseline.fingerprint());
  EXPECT_EQ(f.state.classroom.workshop.session.moves, kMoves);
}

// The folded panel's strip (presenter mode folds it): Play is a word on its own button, well
// apart from the arrow that opens the panel, not a second arrow under it (a slip of a cheap
// mouse played the round early). Each button does its own thing.
TEST(WorkshopMode, TheFoldedStripsPlayButtonIsAWordApartFromTheOpenArrow) {
  ClassroomFixture f;
  openComputeRace(f);
  setPresenter(f.state, true);
  f.ui.frames(2, f.draw);
  ASSERT_TRUE(leverPanelCollapsed(f.state.ui));
  const auto open = f.ui.itemRect("levers/open");
  const auto play = f.ui.itemRect("levers/play");
  ASSERT_TRUE(open && play);
  EXPECT_GE(play->width(), open->width() * 1.5f) << "a labelled button, wider than the arrow";
  EXPECT_GE(play->min.y - open->max.y, open->height() * 1.5f) << "apart from the open arrow";
  ASSERT_TRUE(f.ui.clickItem("levers/play", f.draw));
  EXPECT_EQ(f.state.classroom.workshop.session.rounds_played, 1);
  f.settle();
  EXPECT_TRUE(leverPanelCollapsed(f.state.ui)) << "playing leaves the strip as it was";
  ASSERT_TRUE(f.ui.clickItem("levers/open", f.draw));
  f.ui.frame(f.draw);
  EXPECT_FALSE(leverPanelCollapsed(f.state.ui));
  EXPECT_EQ(f.state.classroom.workshop.session.rounds_played, 1) << "opening the panel plays nothing";
}

TEST(WorkshopMode, ATeamMovesOnlyItsOwnLeversAndOnlyInTheOpenRound) {
  ClassroomFixture f;
  openComputeRace(f);
  const std::string other = enterMove(f.state, {1, "us_gov", "cn.domestic_subsidy", "0.5"});
  EXPECT_NE(other.find("does not control"), std::string::npos) << other;
  EXPECT_NE(enterMove(f.state, {2, "us_gov", "us.export_enforcement", "0.8"}).find("not open"), std::string::npos);
  EXPECT_NE(enterMove(f.state, {1, "us_gov", "us.export_enforcement", "lots"}), "");
  EXPECT_TRUE(f.state.classroom.workshop.session.moves.empty());

  // The panel: the US team's tab is open; its checkbox enters a move, typed as on the command line.
  ASSERT_TRUE(f.ui.clickItem("workshop/lever/us.remote_access_control", f.draw));
  ASSERT_EQ(f.state.classroom.workshop.session.moves.size(), 1u);
  EXPECT_EQ(f.state.classroom.workshop.session.moves[0], (cp::Move{1, "us_gov", "us.remote_access_control", "on"}));
  EXPECT_FALSE(f.ui.itemRect("workshop/lever/cn.domestic_subsidy")) << "another team's lever is not editable here";
  ASSERT_TRUE(f.ui.clickItem("workshop/team/cn_gov", f.draw));
  f.ui.frame(f.draw);
  EXPECT_TRUE(f.ui.itemRect("workshop/lever/cn.domestic_subsidy"));
  EXPECT_FALSE(f.ui.itemRect("workshop/lever/us.remote_access_control"));
  // A second move of the same lever in the same round replaces the first; Take back drops it.
  EXPECT_EQ(enterMove(f.state, {1, "us_gov", "us.remote_access_control", "off"}), "");
  EXPECT_EQ(f.state.classroom.workshop.session.moves.size(), 1u);
  removeMove(f.state, "us_gov", "us.remote_access_control");
  EXPECT_TRUE(f.state.classroom.workshop.session.moves.empty());
  // Entered moves wait for the round: the levers on screen do not move yet.
  EXPECT_EQ(enterMove(f.state, {1, "cn_gov", "cn.domestic_subsidy", "0.5"}), "");
  EXPECT_EQ(changedLeverCount(f.state.doc), 0);
  EXPECT_DOUBLE_EQ(enteredValue(f.state, f.state.doc.loaded->findLever("cn.domestic_subsidy")), 0.5);
}

TEST(WorkshopMode, ATeamMakesAtMostTheWorkshopsMovesPerRound) {
  ClassroomFixture f;
  openComputeRace(f);
  ASSERT_EQ(enterMove(f.state, {1, "us_gov", "us.export_enforcement", "0.9"}), "");
  ASSERT_EQ(enterMove(f.state, {1, "us_gov", "us.remote_access_control", "on"}), "");
  EXPECT_EQ(enterMove(f.state, {1, "us_gov", "us.remote_access_from", "2025-01"}),
            "round 1, team 'us_gov', lever 'us.remote_access_from': move 3 of team 'us_gov' in round 1; the workshop "
            "allows 2 per team and round");
  EXPECT_EQ(enterMove(f.state, {1, "us_gov", "us.export_enforcement", "0.7"}), "") << "moving a lever again replaces";
  EXPECT_EQ(enterMove(f.state, {1, "cn_gov", "cn.domestic_subsidy", "0.5"}), "") << "other teams have their own";
  EXPECT_EQ(f.state.classroom.workshop.session.moves.size(), 3u);
  EXPECT_EQ(f.state.classroom.workshop.session.moves[0].value, "0.7");
}

TEST(WorkshopMode, SaveThenLoadRoundTripsTheGame) {
  TempDir dir;
  const std::string path = (dir / "class 3b" / "game.session.json").string();
  std::string board;
  cp::WorkshopSession saved;
  {
    ClassroomFixture f;
    openComputeRace(f);
    playScriptedRound(f, 1);
    playScriptedRound(f, 2);
    ASSERT_EQ(enterMove(f.state, kMoves[4]), "");  // entered for round 3, not played
    EXPECT_TRUE(workshopDirty(f.state));
    std::filesystem::create_directories(dir / "class 3b");
    ASSERT_EQ(saveWorkshopSession(f.state, path), "");
    EXPECT_FALSE(workshopDirty(f.state));
    saved = f.state.classroom.workshop.session;
    board = csv(*workshopBoard(f.state), workshopOf(f));
  }
  const cp::WorkshopSession on_disk = cp::loadSession(path);
  EXPECT_EQ(cp::sessionWorkshopFile(on_disk, path), cp::sessionWorkshopFile(saved, path));
  EXPECT_FALSE(std::filesystem::path(on_disk.workshop_path).is_absolute()) << "relative to the session file";

  ClassroomFixture g;
  const auto problems = loadWorkshopSession(g.state, path);
  ASSERT_TRUE(problems.empty()) << problems.front().str();
  g.settle();
  ASSERT_TRUE(workshopActive(g.state));
  EXPECT_EQ(g.state.classroom.workshop.session.moves, saved.moves);
  EXPECT_EQ(g.state.classroom.workshop.session.rounds_played, 2);
  EXPECT_EQ(openRound(g.state), 3);
  ASSERT_NE(workshopBoard(g.state), nullptr);
  EXPECT_EQ(csv(*workshopBoard(g.state), workshopOf(g)), board);
  EXPECT_FALSE(workshopDirty(g.state));
}

// Crash recovery: the autosave notices a move entered (no lever changes until the round is
// played), and Restore after an unclean exit reopens the game where it stood, unsaved.
TEST(WorkshopMode, ACrashLosesNoRoundsOrEnteredMoves) {
  TempDir dir;
  const auto file = dir / kSessionFile;
  std::string board;
  cp::WorkshopSession before;
  {
    ClassroomFixture f;
    f.state.session.file = file;
    openComputeRace(f);
    playScriptedRound(f, 1);
    const auto t0 = std::chrono::steady_clock::now();
    autosaveTick(f.state, t0);
    autosaveTick(f.state, t0 + std::chrono::hours(1));
    const int writes = f.state.session.writes;
    ASSERT_EQ(enterMove(f.state, kMoves[2]), "");  // entered for round 2, not played
    autosaveTick(f.state, t0 + std::chrono::hours(2));
    autosaveTick(f.state, t0 + std::chrono::hours(3));
    EXPECT_EQ(f.state.session.writes, writes + 1) << "a move entered is written, though no lever moved";
    before = f.state.classroom.workshop.session;
    board = csv(*workshopBoard(f.state), workshopOf(f));
  }  // no clean exit
  const auto last = readUncleanSession(file);
  ASSERT_TRUE(last) << "a game in progress is offered back";
  ASSERT_TRUE(last->workshop);
  EXPECT_EQ(last->workshop->rounds_played, 1);

  ClassroomFixture g;
  restoreSession(g.state, *last);
  g.settle();
  ASSERT_TRUE(workshopActive(g.state)) << g.state.ui.status_message;
  EXPECT_EQ(g.state.classroom.workshop.session.moves, before.moves);
  EXPECT_EQ(g.state.classroom.workshop.session.rounds_played, 1);
  EXPECT_EQ(openRound(g.state), 2);
  ASSERT_NE(workshopBoard(g.state), nullptr);
  EXPECT_EQ(csv(*workshopBoard(g.state), workshopOf(g)), board) << "the played round scores as before";
  EXPECT_TRUE(workshopDirty(g.state)) << "never saved: Save is still asked for";
  EXPECT_FALSE(g.state.ui.status_is_error) << g.state.ui.status_message;

  SessionData broken = *last;
  broken.workshop->moves.push_back({1, "nobody", "us.export_enforcement", "0.5"});
  ClassroomFixture h;
  restoreSession(h.state, broken);
  EXPECT_FALSE(workshopActive(h.state));
  EXPECT_TRUE(h.state.ui.status_is_error);
  EXPECT_NE(h.state.ui.status_message.find("/moves/3"), std::string::npos) << h.state.ui.status_message;
}

// The browser build has no folders: the session, the report and the handouts written are
// offered as downloads through the same hook as a saved scenario (Dialogs::download).
TEST(WorkshopMode, WhatIsWrittenIsOfferedAsADownload) {
  TempDir dir;
  ClassroomFixture f;
  std::vector<std::string> downloaded;
  f.state.ui.dialogs.download = [&](const std::string& path) { downloaded.push_back(path); };
  openComputeRace(f);
  playScriptedRound(f, 1);
  const std::string session = (dir / "game.session.json").string();
  const std::string report = (dir / "report.md").string();
  f.state.classroom.requests.save_session = session;
  f.state.classroom.requests.export_report = report;
  f.state.classroom.requests.export_handouts = (dir / "handouts").string();
  handleRequests(f.state);
  const auto offered = [&](const std::string& path) {
    return std::find(downloaded.begin(), downloaded.end(), path) != downloaded.end();
  };
  EXPECT_TRUE(offered(session));
  EXPECT_TRUE(offered(report));
  int markdown = 0;
  for (const std::string& p : downloaded) {
    EXPECT_TRUE(std::filesystem::is_regular_file(p)) << p;
    if (p.find("handouts") != std::string::npos && p.ends_with(".md")) ++markdown;
  }
  EXPECT_GE(markdown, 2) << "the handout index, brief and slips";
}

TEST(WorkshopMode, StepBackUndoesTheLastRoundAndOffersItsMovesAgain) {
  ClassroomFixture f;
  openComputeRace(f);
  playScriptedRound(f, 1);
  playScriptedRound(f, 2);
  ASSERT_TRUE(f.ui.clickItem("workshop/step_back", f.draw));
  f.settle();
  const WorkshopState& ws = f.state.classroom.workshop;
  EXPECT_EQ(ws.session.rounds_played, 1);
  EXPECT_EQ(openRound(f.state), 2);
  EXPECT_EQ(ws.undone, (std::vector<cp::Move>{kMoves[2], kMoves[3]}));
  const cp::Workshop& w = workshopOf(f);
  const std::vector<cp::Move> round1(kMoves.begin(), kMoves.begin() + 2);
  EXPECT_EQ(csv(*workshopBoard(f.state), w), csv(cp::playGame(w, round1, 1).board, w));
  EXPECT_EQ(f.state.ui.view.month, w.roundLast(1) - f.state.dash.months.start);
  ASSERT_TRUE(f.ui.clickItem("workshop/reenter", f.draw));
  EXPECT_EQ(ws.session.moves, (std::vector<cp::Move>{kMoves[0], kMoves[1], kMoves[2], kMoves[3]}));
  EXPECT_TRUE(ws.undone.empty());
}

// Drawing never syncs: a lever edit made during a round (Edit > Reset all levers, drawn
// before the workshop panels) is what the rest of that frame draws and what the frame ends
// with; the next frame's update() puts the played moves back, since the game decides the
// levers, and the board is scored from the played world again.
TEST(WorkshopMode, ALeverEditDuringARoundSurvivesItsFrameThenTheGameDecides) {
  ClassroomFixture f;
  openComputeRace(f);
  playScriptedRound(f, 1);
  ASSERT_NE(workshopBoard(f.state), nullptr);
  const std::string board = csv(*workshopBoard(f.state), workshopOf(f));
  const auto points = [](const LeverEdits& e) {
    std::vector<std::vector<std::pair<int, double>>> out;
    for (const cp::LeverSchedule& s : e) out.push_back(s.points);
    return out;
  };
  const auto played = points(f.state.doc.edits);
  ASSERT_GT(changedLeverCount(f.state.doc), 0) << "round 1 moved levers";

  ASSERT_TRUE(f.ui.clickItem("menu/Edit", f.draw));
  f.ui.frame(f.draw);  // the menu is laid out in its first frame and shown in the next
  ASSERT_TRUE(f.ui.clickItem("Edit/Reset all levers", f.draw));
  EXPECT_EQ(changedLeverCount(f.state.doc), 0) << "the edit was overwritten while the frame was drawn";
  EXPECT_NE(version(f.state.doc), f.state.classroom.workshop.applied);

  f.ui.frame(f.draw);  // the next frame's update(): the game's levers again
  EXPECT_EQ(points(f.state.doc.edits), played);
  EXPECT_EQ(version(f.state.doc), f.state.classroom.workshop.applied);
  f.settle();
  ASSERT_NE(workshopBoard(f.state), nullptr);
  EXPECT_EQ(csv(*workshopBoard(f.state), workshopOf(f)), board);
}

TEST(WorkshopMode, ReportListsMovesAndScoresAndAsksForEachChartPicture) {
  TempDir dir;
  ClassroomFixture f;
  openComputeRace(f);
  playScriptedRound(f, 1);
  const std::string md = (dir / "report" / "class.md").string();
  ASSERT_EQ(requestWorkshopReport(f.state, md), "");
  std::ifstream in(md);
  std::stringstream text;
  text << in.rdbuf();
  const std::string report = text.str();
  for (const char* part : {"# Compute race 2025-2028: workshop report", "## Standings", "| US government |",
                           "### Round 1 (2025-01 to 2025-12)", "(`us.remote_access_control`) | on |",
                           "--move 1:us_gov:us.remote_access_control=on",
                           "![Compute by HQ bloc (train + infer)](class_compute_by_bloc.png)", "Ranked by total",
                           "What moved each team's points most in round 1:"})
    EXPECT_NE(report.find(part), std::string::npos) << part << "\n" << report;
  // How each objective scores, in its own words: a fixed scale is not a share of the baseline.
  EXPECT_EQ(report.find("the share by which"), std::string::npos) << report;
  for (const cp::Team& t : workshopOf(f).teams)
    for (const cp::Objective& o : t.objectives)
      EXPECT_NE(report.find("- " + objectiveInWords(o) + "\n"), std::string::npos) << o.label;
  EXPECT_NE(report.find("(full points for $5.00 bn more than if nobody moved)"), std::string::npos) << report;

  // The main loop takes one capture at a time, of the enlarged chart.
  std::vector<std::string> shots;
  for (int i = 0; i < 40 && reportInProgress(f.state); ++i) {
    f.ui.frame(f.draw);
    handleRequests(f.state);
    if (f.state.ui.requests.screenshot) {
      EXPECT_TRUE(f.state.ui.requests.screenshot->crop_to_enlarged_chart);
      EXPECT_GE(f.state.ui.view.enlarged_chart, 0);
      EXPECT_EQ(f.state.ui.theme, Theme::Light) << "report pictures are for printing";
      shots.push_back(f.state.ui.requests.screenshot->path);
      f.state.ui.requests.screenshot.reset();  // as the main loop does once it has saved the PNG
    }
  }
  EXPECT_FALSE(reportInProgress(f.state));
  ASSERT_EQ(shots.size(), chartSpecs().size());
  EXPECT_EQ(shots.front(), (dir / "report" / "class_compute_by_bloc.png").string());
  EXPECT_EQ(f.state.ui.view.enlarged_chart, -1) << "the view is back as it was";
  EXPECT_EQ(f.state.ui.theme, Theme::Dark);
}

TEST(WorkshopMode, CommandLinePlaysTheRoundsAsked) {
  ClassroomFixture f;
  CliArgs args;
  args.workshop = workshopPath("compute_race.json");
  for (const cp::Move& m : kMoves) args.moves.push_back(cp::formatMoveArg(m));
  args.workshop_rounds = 2;
  ASSERT_EQ(applyClassroomArgs(f.state, args), "");
  f.settle();
  EXPECT_EQ(f.state.classroom.workshop.session.rounds_played, 2);
  EXPECT_EQ(f.state.classroom.workshop.session.moves, kMoves) << "round 3's moves wait, entered";
  const cp::Workshop& w = workshopOf(f);
  EXPECT_EQ(csv(*workshopBoard(f.state), w), csv(cp::playGame(w, kMoves, 2).board, w));

  // A second --move on the same lever and round is refused, not silently replaced.
  ClassroomFixture g;
  CliArgs dup;
  dup.workshop = workshopPath("compute_race.json");
  dup.moves = {"1:us_gov:us.export_enforcement=0.9", "1:us_gov:us.export_enforcement=0.2"};
  EXPECT_EQ(applyClassroomArgs(g.state, dup),
            "--move 1:us_gov:us.export_enforcement=0.2: round 1, team 'us_gov', lever 'us.export_enforcement': a "
            "second move on this lever in round 1 (the first sets it to '0.9'); one move per lever and round");
  EXPECT_TRUE(g.state.classroom.workshop.session.moves.empty());

  args.workshop_rounds = 1;  // round 3's moves cannot be entered after one round
  EXPECT_NE(applyClassroomArgs(f.state, args).find("not open"), std::string::npos);
  const auto parsed =
      parseCliArgs({"--workshop", "w.json", "--move", "1:us_gov:us.export_enforcement=0.8", "--workshop-rounds", "1"});
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  EXPECT_EQ(parsed.args.moves, std::vector<std::string>{"1:us_gov:us.export_enforcement=0.8"});
  EXPECT_FALSE(parseCliArgs({"--move", "nonsense"}).ok());
  EXPECT_EQ(parseCliArgs({"--workshop-report", "r.md"}).args.workshop_report, "r.md");
  CliArgs report;
  report.workshop_report = "r.md";
  EXPECT_NE(applyClassroomArgs(f.state, report).find("needs --workshop"), std::string::npos);
}

TEST(WorkshopMode, AnUnsavedGameIsNotDroppedWithoutAsking) {
  TempDir dir;
  ClassroomFixture f;
  openComputeRace(f);
  ASSERT_EQ(enterMove(f.state, kMoves[0]), "");
  const std::string story = cp::test::storyPath("history_2022_2025.json");
  requestGuarded(f.state, PendingAction::OpenStory, story);
  f.ui.frames(2, f.draw);
  EXPECT_TRUE(workshopActive(f.state));
  ASSERT_TRUE(f.ui.clickItem("confirm/discard", f.draw));
  handleRequests(f.state);
  f.settle();
  EXPECT_TRUE(storyActive(f.state));
  EXPECT_FALSE(workshopActive(f.state));

  // "Save..." saves the session first (to its file), then goes on.
  openComputeRace(f);
  const std::string path = (dir / "game.session.json").string();
  ASSERT_EQ(saveWorkshopSession(f.state, path), "");
  ASSERT_EQ(enterMove(f.state, kMoves[0]), "");
  requestGuarded(f.state, PendingAction::OpenStory, story);
  f.ui.frames(2, f.draw);
  ASSERT_TRUE(f.ui.clickItem("confirm/save", f.draw));
  handleRequests(f.state);  // saves, then asks for the story
  handleRequests(f.state);  // opens it
  f.settle();
  EXPECT_TRUE(storyActive(f.state));
  EXPECT_EQ(cp::loadSession(path).moves, std::vector<cp::Move>{kMoves[0]});
}

TEST(WorkshopMode, ScoresReadWithUnitsAndSayWhatMovedThem) {
  EXPECT_EQ(formatObjectiveValue(4.1968801829434906e26, "largest_run_flop"), "4.20e+26 FLOP");
  EXPECT_EQ(formatObjectiveValue(2.1e9, "lease_revenue_usd"), "$2.10 bn");
  EXPECT_EQ(formatObjectiveValue(0.4512, "huawei_share_china"), "45.1%");
  EXPECT_EQ(formatObjectiveValue(13.08, "frontier_gap_months"), "13.1 months");
  EXPECT_EQ(formatObjectiveValue(461600, "compute_train_h100e"), "462k H100e");
  EXPECT_EQ(formatObjectiveValue(347.8, "diverted_units"), "348 units") << "chips are whole";

  ClassroomFixture f;
  openComputeRace(f);
  playScriptedRound(f, 1);
  const cp::Workshop& w = workshopOf(f);
  const cp::Scoreboard& board = *workshopBoard(f.state);
  const auto ranked = rankedTeams(board);
  ASSERT_EQ(ranked.size(), w.teams.size());
  for (size_t i = 1; i < ranked.size(); ++i) EXPECT_GE(ranked[i - 1]->total, ranked[i]->total);
  for (const cp::TeamScore* ts : ranked) {
    const cp::Team& team = w.teams[static_cast<size_t>(ts->team)];
    const bool moved =
        std::any_of(kMoves.begin(), kMoves.end(), [&](const cp::Move& m) { return m.round == 1 && m.team == team.id; });
    const std::string driver = roundDriver(w, f.state.classroom.workshop.session, *ts, 1);
    ASSERT_FALSE(driver.empty()) << team.id;
    if (std::fabs(ts->rounds[0].points) >= 0.05 && !moved) {
      EXPECT_NE(driver.find("no move of its own"), std::string::npos) << team.id << ": " << driver;
    }
    if (moved) {
      EXPECT_EQ(driver.find("no move of its own"), std::string::npos) << team.id << ": " << driver;
    }
  }
  EXPECT_TRUE(f.ui.itemRect("workshop/board_legend"));
}

// The colours say better or worse for the team in view; so do words, for pupils who cannot
// tell the colours apart.
TEST(WorkshopMode, KpiCardsSayBetterOrWorseInWordsToo) {
  ClassroomFixture f;
  openComputeRace(f);
  playScriptedRound(f, 1);
  playScriptedRound(f, 2);
  const cp::Workshop& w = workshopOf(f);
  int judged = 0;
  for (const char* team : {"us_gov", "cn_labs"}) {
    f.state.ui.view.workshop_team = w.findTeam(team);
    for (size_t k = 0; k < kpiSpecs().size(); ++k) {
      KpiCardText c;
      f.ui.frame([&] {
        f.draw();
        c = kpiCardText(f.state, k, 400.0f);
      });
      std::string change;
      for (const std::string& l : c.change) change += l + " ";
      const bool better = change.find(tr("better")) != std::string::npos;
      const bool worse = change.find(tr("worse")) != std::string::npos;
      EXPECT_EQ(better, c.verdict > 0) << team << ", " << kpiSpecs()[k].id << ": " << change;
      EXPECT_EQ(worse, c.verdict < 0) << team << ", " << kpiSpecs()[k].id << ": " << change;
      judged += c.verdict != 0 ? 1 : 0;
    }
  }
  EXPECT_GE(judged, 2) << "the edits move some team's objectives";
  closeWorkshop(f.state);
  KpiCardText c;
  f.ui.frame([&] {
    f.draw();
    c = kpiCardText(f.state, 2, 400.0f);
  });
  for (const std::string& l : c.change) {
    EXPECT_EQ(l.find(tr("better")), std::string::npos) << "outside a workshop the change is neutral: " << l;
    EXPECT_EQ(l.find(tr("worse")), std::string::npos) << l;
  }
}

TEST(WorkshopMode, KpiColoursFollowTheObjectivesOfTheTeamInView) {
  ClassroomFixture f;
  openComputeRace(f);
  const auto kpi = [](const char* id) {
    for (size_t k = 0; k < kpiSpecs().size(); ++k)
      if (std::string(id) == kpiSpecs()[k].id) return k;
    return kpiSpecs().size();
  };
  const size_t gap = kpi("china_gap"), diverted = kpi("diverted");
  const cp::Workshop& w = workshopOf(f);
  f.state.ui.view.workshop_team = w.findTeam("us_gov");
  EXPECT_EQ(kpiVerdict(f.state, gap, +2.0), 1) << "a wider gap is better for the US government";
  EXPECT_EQ(kpiVerdict(f.state, gap, -2.0), -1);
  EXPECT_EQ(kpiVerdict(f.state, diverted, -100.0), 0) << "not one of its objectives: neutral";
  f.state.ui.view.workshop_team = w.findTeam("cn_labs");
  EXPECT_EQ(kpiVerdict(f.state, gap, +2.0), -1) << "China's labs want the gap smaller";
  closeWorkshop(f.state);
  EXPECT_EQ(kpiVerdict(f.state, gap, +2.0), 0) << "outside a workshop the arrows are neutral";
}
