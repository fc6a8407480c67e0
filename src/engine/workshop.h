// Workshop team play. A workshop file (scenarios/workshops/*.json, format in
// scenarios/workshops/README.md) splits a scenario's levers among teams and gives each team
// objectives. Play runs in rounds of `round_months` from `start`: in round r (counted from
// 1) teams make moves, each move sets one of their levers from the round's first month,
// then the facilitator runs the scenario and shows the scoreboard.
//
//   Workshop w = loadWorkshop("scenarios/workshops/compute_race.json");  // throws LoadError
//   WorkshopSession ses;                                               // a new game
//   Move m{1, "us_gov", "us.remote_access_control", "on"};           // round 1, value as typed
//   if (!checkMove(w, m)) ses.moves.push_back(m);
//   Results base = simulate(w.scenario);                               // once per workshop
//   Results played = simulate(applyMoves(w.scenario, w, ses.moves));  // throws MoveError
//   ses.rounds_played = 1;                                             // "play round 1"
//   Scoreboard board = score(played, base, w, ses.rounds_played);
//   ses.workshop_path = workshopPathFor(w.file, "class_3b.session.json");
//   saveSession("class_3b.session.json", ses);                        // atomic; "" or why not
//   std::vector<Move> undone = stepBack(ses);                          // undo the last round
//
// A move is exactly the command-line lever setting "id=value@YYYY-MM" with the month of
// its round's start (leverArgs shows them): applyMoves(s, w, moves) equals
// withLevers(s, parseLeverArgs(leverArgs(w, moves), s)), so `chokepoint-cli run --lever`
// reproduces any game. A move holds until the same team moves that lever again (or the
// scenario's own next dated setting of it, if it has one). Moves in later rounds never
// change earlier rounds: the model runs month by month.
//
// Scoring (score): for each team, round and objective, the objective's metric is
// aggregated over the round's months ("last", "mean", "sum", "max" or "change") in the
// played run and in the baseline run (no moves). Then
//   points = 100 x weight x clamp(s x (played - baseline) / ref, -1, 1)
// where s = +1 if higher is better, -1 if lower is better, and ref = the objective's
// `scale` if given, else |baseline|: the percentage by which the team beat the baseline,
// capped at 100%, times the weight. With a zero baseline and no scale any gain earns
// 100 x weight. A team's round points are the sum over its objectives (weights summing to
// 1 keep them within -100..+100); its total is the sum over the rounds played.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calibration.h"
#include "engine/loader.h"
#include "engine/problems.h"
#include "engine/results.h"
#include "engine/scenario.h"

namespace cp {

// [SECTION] the workshop file

enum class Better { Higher, Lower };
const char* toString(Better b);
// Objectives aggregate like calibration targets (calibration.h): last, mean, sum over the
// round's months; also max, and change (last month minus the month before the round).

struct Objective {
  std::string label;
  Scope scope = Scope::Global;
  std::string id, metric;  // a Results series (src/engine/README.md "Metrics")
  double weight = 1;
  Better better = Better::Higher;
  Aggregate aggregate = Aggregate::Mean;  // over the round's months
  double scale = 0;                       // > 0: the change worth full points; 0: |baseline|
};

struct Team {
  std::string id, name;
  std::string brief;                // what the team reads at the start (plain words)
  std::vector<std::string> levers;  // lever ids only this team may move
  std::vector<Objective> objectives;
};

struct Workshop {
  std::string name, description;
  std::string file;           // the workshop file as given
  std::string scenario_file;  // resolved path of its scenario
  Scenario scenario;
  int start = 0;  // absolute month of round 1's first month
  int round_months = 12, rounds = 1;
  int max_moves = 0;  // moves per team and round; 0: any number
  std::vector<Team> teams;

  int roundFirst(int round) const { return start + (round - 1) * round_months; }
  int roundLast(int round) const { return roundFirst(round) + round_months - 1; }
  int findTeam(std::string_view id) const;
  int teamOfLever(std::string_view lever) const;  // -1 when no team controls it
};

// Checks everything, including that each objective names a series a run of the scenario
// produces (it runs the scenario once). Throws LoadError with every problem.
Workshop loadWorkshop(const std::string& path, const LoadLimits& limits = {});
Workshop loadWorkshopFromString(const std::string& text, const std::string& name, const std::string& base_dir,
                                const LoadLimits& limits = {});
std::vector<Problem> validateWorkshopFile(const std::string& path, const LoadLimits& limits = {});

// [SECTION] moves

struct Move {
  int round = 1;                   // 1..Workshop::rounds
  std::string team, lever, value;  // value as typed: "on", "0.3", "2026-07", "never"
  bool operator==(const Move&) const = default;
};

// A move that is not allowed; the message starts "round R, team 'T', lever 'L': ".
class MoveError : public LeverError {
 public:
  using LeverError::LeverError;
};

// Nothing when the move is allowed: known team, round in range, the team controls the lever,
// the value parses for the lever (without "@MONTH": the round sets the month).
std::optional<Message> checkMove(const Workshop& w, const Move& m);
// Nothing when `m` may join `earlier` (the moves entered before it): one move per lever, team
// and round, and at most Workshop::max_moves per team and round. Does not run checkMove.
std::optional<Message> checkMoveCount(const Workshop& w, const std::vector<Move>& earlier, const Move& m);
// "ROUND:TEAM:ID=VALUE" (the CLI's --move); throws MoveError.
Move parseMoveArg(const std::string& text);
std::string formatMoveArg(const Move& m);
// The moves as command-line lever settings "id=value@YYYY-MM", in the same order.
// Throws MoveError naming every move that is not allowed.
std::vector<std::string> leverArgs(const Workshop& w, const std::vector<Move>& moves);
// The scenario with the moves applied (dated lever settings). Throws MoveError.
Scenario applyMoves(const Scenario& s, const Workshop& w, const std::vector<Move>& moves);

// [SECTION] sessions: a game in progress, saved between rounds or after class

struct WorkshopSession {
  std::string workshop_path;  // as written; relative to the session file's folder
  std::vector<Move> moves;    // every move so far, rounds 1..rounds_played+1
  int rounds_played = 0;      // rounds whose results have been shown
  bool operator==(const WorkshopSession&) const = default;
};

std::string sessionToJson(const WorkshopSession& s);
WorkshopSession sessionFromJson(const std::string& text, const std::string& name);  // throws LoadError
WorkshopSession loadSession(const std::string& path);                               // throws LoadError
// Writes atomically (writeFileAtomic); returns an error message, or empty on success.
std::string saveSession(const std::string& path, const WorkshopSession& s);
// The workshop file a session refers to, resolved against the session file's folder.
std::string sessionWorkshopFile(const WorkshopSession& s, const std::string& session_path);
// What to store as workshop_path when saving to `session_path`: the workshop file relative
// to the session file's folder (absolute when no relative path exists).
std::string workshopPathFor(const std::string& workshop_file, const std::string& session_path);
// Problems of a session against its workshop: moves not allowed, a second move on a lever
// in a round, more than max_moves per team and round, moves beyond the next round,
// rounds_played beyond the workshop's rounds. `name` is used in messages.
std::vector<Problem> checkSession(const WorkshopSession& s, const Workshop& w, const std::string& name);
// Undo: drops the moves of the last round played (and any entered after it) and steps
// rounds_played back by one; with nothing played, drops the moves entered for round 1.
// Returns the dropped moves, in order, so a UI can offer them again.
std::vector<Move> stepBack(WorkshopSession& s);

// [SECTION] scoring

struct ObjectiveScore {
  double value = 0, baseline = 0, points = 0;
};

struct RoundScore {
  int round = 1, first = 0, last = 0;      // absolute months of the round's window
  std::vector<ObjectiveScore> objectives;  // in the team's objective order
  double points = 0;
};

struct TeamScore {
  int team = 0;                    // index into Workshop::teams
  std::vector<RoundScore> rounds;  // rounds 1..rounds_played
  double total = 0;
};

struct Scoreboard {
  int rounds_played = 0;
  std::vector<TeamScore> teams;  // in the workshop's team order
};

// An objective's metric aggregated over [first, last] (absolute months).
// Throws std::invalid_argument when the series is missing or the months are outside the run.
double aggregate(const Results& r, const Objective& o, int first, int last);
double objectivePoints(const Objective& o, double value, double baseline);
Scoreboard score(const Results& played, const Results& baseline, const Workshop& w, int rounds_played);
// Long CSV: team,round,first,last,objective,scope,id,metric,aggregate,better,weight,scale,value,baseline,points
void writeScoreboardCsv(std::ostream& out, const Scoreboard& b, const Workshop& w);

// Both runs and the scoreboard in one call (for the CLI and tests; a dashboard keeps the
// baseline run and simulates on its worker instead). Throws MoveError.
struct PlayedGame {
  Results baseline, played;
  Scoreboard board;
};
PlayedGame playGame(const Workshop& w, const std::vector<Move>& moves, int rounds_played);

}  // namespace cp
