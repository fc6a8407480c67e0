// Workshop mode: team play (engine/workshop.h) on the dashboard. Opening a workshop opens
// its scenario; the document's levers then hold the moves of the rounds played (dated lever
// settings, applyMoves), so the worker runs the played world as the current run and the
// scenario as loaded (nobody moved) as the baseline, and score() compares the two. Moves
// entered for the open round wait in the session until the facilitator plays the round.
// No ImGui here (panel_workshop.cpp draws the panels).
//
//   openWorkshop(state, "scenarios/workshops/compute_race.json");    // problems, empty = opened
//   enterMove(state, {1, "us_gov", "us.remote_access_control", "on"}); // "" or why not (checkMove)
//   playRound(state);            // round 1 played: its moves reach the levers, the worker runs
//   waitForRuns(state); syncWorkshop(state);
//   const cp::Scoreboard* board = workshopBoard(state);   // null while the run is on its way
//   stepBackRound(state);        // undo the last round (stepBack)
//   saveWorkshopSession(state, "class_3b.session.json");  // atomic; "" or why not
//
// Report: requestWorkshopReport(state, "out/report.md") writes the Markdown (moves per round,
// scoreboard) and then, one per frame sequence, asks the main loop for a PNG of each chart
// enlarged (the same capture as Export PNG), written next to the .md.
#pragma once

#include "app/core/document.h"
#include "app/panels/theme.h"
#include "engine/problems.h"
#include "engine/workshop.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cp::app {

struct AppState;

// The report's chart pictures, taken one at a time by the main loop's screenshot request.
struct ReportExport {
  std::vector<int> charts;            // chart indices still to capture (front = next)
  std::vector<std::string> files;     // PNG path per entry of `charts`
  bool waiting = false;               // a capture request is out
  int restore_enlarged = -1;          // the enlarged chart before the export
  Theme restore_theme = Theme::Dark;  // the pictures use the light theme (for printing)
};

struct WorkshopState {
  std::shared_ptr<const cp::Workshop> workshop;  // null: no workshop open
  cp::WorkshopSession session;                   // moves so far and rounds played
  cp::WorkshopSession saved_session;             // as last saved or loaded (the "unsaved" mark)
  std::string session_path;                      // where Save writes ("" = not saved yet)
  Version applied;                               // document version holding the played moves (its load: the workshop's)
  std::vector<cp::Move> undone;                  // moves of the round last stepped back, offered again
  // Every move applied (played and entered): the levers' values in the open round.
  std::shared_ptr<const cp::Scenario> entered;
  // Scoreboard of the results on screen, and what it was computed from.
  std::optional<cp::Scoreboard> board;
  std::uint64_t board_data = 0;
  int board_rounds = -1;
  std::string error;  // the last action that failed (shown in the panel)
  ReportExport report;
};

std::vector<cp::Problem> openWorkshop(AppState& state, const std::string& path);
void closeWorkshop(AppState& state);
bool workshopActive(const AppState& state);

// The round moves go into now (rounds_played + 1), or 0 when every round is played.
int openRound(const AppState& state);
// Records a move for the open round, replacing the same team's earlier move of that lever
// in that round. "" or why not (checkMove's message, or a round that is not open).
std::string enterMove(AppState& state, const cp::Move& move);
// Drops the open round's move of `lever` by `team`, if any.
void removeMove(AppState& state, const std::string& team, const std::string& lever);
// The move entered this round for the lever, if any.
const cp::Move* pendingMove(const AppState& state, const std::string& team, const std::string& lever);
// A lever's value in the open round's first month with every move so far (played and entered).
double enteredValue(const AppState& state, int lever);

// Plays the open round: rounds_played + 1, the played moves reach the levers and the
// worker runs them. False when every round is played.
bool playRound(AppState& state);
// Undoes the last round played (stepBack); its moves are offered again (reenterUndone).
bool stepBackRound(AppState& state);
void reenterUndone(AppState& state);

// Takes the scoreboard from the results on screen once they hold the played moves, and
// puts the played moves back on the levers if something else changed them (update() calls
// it once per frame; drawing never does).
void syncWorkshop(AppState& state);
const cp::Scoreboard* workshopBoard(const AppState& state);  // null while updating
// Month index from which the charts are veiled: after the last round played.
int workshopFutureFrom(const AppState& state);
bool workshopDirty(const AppState& state);

// Sessions: atomic save (workshop_path relative to the session file); load opens the
// workshop the session names unless it is the one open. "" or why not.
std::string saveWorkshopSession(AppState& state, const std::string& path);
std::vector<cp::Problem> loadWorkshopSession(AppState& state, const std::string& path);
// Crash recovery (session.h): reopens the workshop file `progress.workshop_path` (absolute)
// with the moves and rounds of `progress`; `session_path` is where Save writes ("" = none).
// It counts as unsaved unless that file holds the same progress. Problems name `name`.
std::vector<cp::Problem> resumeWorkshop(AppState& state, const cp::WorkshopSession& progress,
                                        const std::string& session_path, const std::string& name);

// An objective's value for people, its unit read from the metric's name: "$2.10 bn",
// "4.20e+26 FLOP", "13.1 months", "45.0%", "462k H100e"; other metrics as plain numbers.
std::string formatObjectiveValue(double v, const std::string& metric = "");
// A round's months in the language: "2027-01 to 2027-12", "січ. 2027 – груд. 2027".
std::string roundMonths(const cp::Workshop& w, int round);
// A move's value as the lever panel shows it in the language: "on" / "увімк.", "2025-01" /
// "січ. 2025", "0,5"; as typed when it does not parse.
std::string moveValueText(const cp::Workshop& w, const cp::Move& m);
// The board's teams by total, best first (ties keep the workshop's order).
std::vector<const cp::TeamScore*> rankedTeams(const cp::Scoreboard& board);
// One line on what moved a team's points most in `round`: the objective with the most
// points either way, its value against the run where nobody moved, and whether the team
// itself moved ("" when the round is not scored).
std::string roundDriver(const cp::Workshop& w, const cp::WorkshopSession& s, const cp::TeamScore& ts, int round);
// Its short form for a projector: the objective's name only, or what roundDriver says when
// none moved.
std::string roundDriverName(const cp::Workshop& w, const cp::WorkshopSession& s, const cp::TeamScore& ts, int round);

// The report as Markdown: standings, points per objective and round, moves per round with
// the equivalent command line, and the chart pictures (`images`: chart title, file name).
std::string workshopReportMarkdown(const cp::Workshop& w, const cp::WorkshopSession& s, const cp::Scoreboard& board,
                                   const std::vector<std::pair<std::string, std::string>>& images);
// Writes the .md now and queues the chart pictures. "" or why not.
std::string requestWorkshopReport(AppState& state, const std::string& md_path);
// Moves the picture queue on (after each frame; handleClassroomRequests calls it).
void tickWorkshopReport(AppState& state);
bool reportInProgress(const AppState& state);

}  // namespace cp::app
