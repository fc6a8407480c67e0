// Workshops: the shipped game loads; broken files name file, pointer and reason; moves are
// exactly dated lever settings; sessions round-trip; the scoring rule is the documented one.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include "engine/levers.h"
#include "engine/simulate.h"
#include "engine/workshop.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

namespace {

const Workshop& computeRace() {
  static const Workshop w = loadWorkshop(sourcePath("scenarios/workshops/compute_race.json"));
  return w;
}

std::vector<std::string> problemsOf(const std::string& text) {
  std::vector<std::string> out;
  try {
    loadWorkshopFromString(text, "inline.json", sourcePath("scenarios"));
  } catch (const LoadError& e) {
    for (const Problem& p : e.problems()) out.push_back(p.str());
  }
  return out;
}

// A two-team workshop; `teams` replaces the team list.
std::string workshop(const std::string& teams,
                     const std::string& top = R"("start": "2025-01", "round_months": 12, "rounds": 3)") {
  return R"({"name": "t", "scenario": "baseline.json", )" + top + R"(, "teams": [)" + teams + "]}";
}

const char* kUs = R"({"id": "us", "name": "US", "levers": ["us.export_enforcement"],
  "objectives": [{"label": "gap", "scope": "bloc", "id": "china", "metric": "frontier_gap_months", "better": "higher", "aggregate": "mean"}]})";

std::string tempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("cp_ws_" + std::to_string(::getpid()) + "_" + name)).string();
}

// The scripted game used below: three rounds, three teams.
const std::vector<Move> kMoves = {
    {1, "us_gov", "us.remote_access_control", "on"}, {1, "us_gov", "us.remote_access_from", "2025-01"},
    {2, "cn_gov", "cn.domestic_subsidy", "0.5"},     {2, "us_gov", "us.export_enforcement", "0.8"},
    {3, "malaysia", "my.chip_permit_from", "never"}, {3, "us_gov", "us.remote_access_control", "off"},
};
// The same moves as a user would type them on the command line.
const std::vector<std::string> kLeverArgs = {
    "us.remote_access_control=on@2025-01", "us.remote_access_from=2025-01@2025-01",
    "cn.domestic_subsidy=0.5@2026-01",     "us.export_enforcement=0.8@2026-01",
    "my.chip_permit_from=never@2027-01",   "us.remote_access_control=off@2027-01",
};

// A move check's English sentence; "" when the move is allowed.
std::string said(const std::optional<Message>& why) { return why ? why->text : ""; }

}  // namespace

TEST(Workshop, ComputeRaceLoads) {
  const Workshop& w = computeRace();
  EXPECT_EQ(formatMonth(w.start), "2025-01");
  EXPECT_EQ(w.round_months, 12);
  EXPECT_GE(w.rounds, 4);
  EXPECT_LE(w.roundLast(w.rounds), w.scenario.end);
  ASSERT_EQ(w.teams.size(), 6u);
  std::set<std::string> levers;
  for (const Team& t : w.teams) {
    EXPECT_FALSE(t.brief.empty()) << t.id;
    EXPECT_FALSE(t.objectives.empty()) << t.id;
    double weights = 0;
    for (const Objective& o : t.objectives) weights += o.weight;
    EXPECT_DOUBLE_EQ(weights, 1.0) << t.id;
    for (const std::string& l : t.levers) EXPECT_TRUE(levers.insert(l).second) << l << " belongs to two teams";
  }
  EXPECT_EQ(w.roundFirst(2), *parseMonth("2026-01"));
  EXPECT_EQ(w.roundLast(2), *parseMonth("2026-12"));
  EXPECT_EQ(w.teams[w.teamOfLever("cn.domestic_subsidy")].id, "cn_gov");
  EXPECT_EQ(w.teamOfLever("world.algorithmic_progress"), -1);
}

TEST(Workshop, BrokenFilesNameFilePointerAndReason) {
  const std::string thief =
      R"({"id": "thief", "name": "T", "levers": ["us.export_enforcement", "us.nope", "sg.enforcement", "sg.enforcement"],
    "objectives": [{"label": "a", "scope": "blok", "id": "china", "metric": "x", "better": "up", "aggregate": "median"},
                   {"label": "b", "scope": "bloc", "id": "mars", "metric": "frontier_gap_months", "better": "lower", "aggregate": "sum"},
                   {"label": "c", "scope": "bloc", "id": "china", "metric": "happiness", "better": "lower", "aggregate": "sum", "weight": -1}]})";
  EXPECT_EQ(problemsOf(workshop(std::string(kUs) + ", " + thief)),
            (std::vector<std::string>{
                "inline.json: /teams/1/levers/0: lever 'us.export_enforcement' already belongs to team 'us'",
                "inline.json: /teams/1/levers/1: unknown lever 'us.nope'",
                "inline.json: /teams/1/levers/3: lever 'sg.enforcement' is listed twice",
                "inline.json: /teams/1/objectives/0/better: expected \"higher\" or \"lower\", got \"up\"",
                "inline.json: /teams/1/objectives/0/aggregate: expected \"last\" or \"mean\" or \"sum\" or \"max\" or "
                "\"change\", got \"median\"",
                "inline.json: /teams/1/objectives/0/scope: expected company, bloc, jurisdiction, vendor, chip or "
                "global, got 'blok'",
                "inline.json: /teams/1/objectives/1/id: unknown bloc 'mars'",
                "inline.json: /teams/1/objectives/2/weight: must be > 0, got -1",
                "inline.json: /teams/1/objectives/2/metric: no metric 'happiness' for bloc 'china' in a run of the "
                "scenario"}));
}

TEST(Workshop, RoundsMustFitTheScenario) {
  EXPECT_EQ(problemsOf(workshop(kUs, R"("start": "2027-01", "round_months": 12, "rounds": 5)")),
            (std::vector<std::string>{"inline.json: /rounds: 5 rounds of 12 months from 2027-01 end in 2031-12, after "
                                      "the scenario's end 2030-12"}));
  EXPECT_EQ(
      problemsOf(workshop(kUs, R"("start": "2020-01", "round_months": 0, "rounds": 2, "teams_": 1)")),
      (std::vector<std::string>{"inline.json: /teams_: unknown field",
                                "inline.json: /round_months: expected a whole number 1..120, got 0",
                                "inline.json: /start: 2020-01 is outside the scenario's months 2022-01..2030-12"}));
  EXPECT_EQ(
      problemsOf(R"({"name": "t", "scenario": "baseline.json", "start": "2025-01", "round_months": 12, "rounds": 2,
                           "teams": [{"id": "US", "name": "x", "levers": [], "objectives": []}]})"),
      (std::vector<std::string>{
          "inline.json: /teams/0/id: id 'US' must be lower-case letters, digits, '_' or '.' (at most 64)",
          "inline.json: /teams/0/objectives: a team needs at least one objective"}));
}

TEST(Workshop, AMoveOnAnotherTeamsLeverIsRejectedNamingTeamAndLever) {
  const Workshop& w = computeRace();
  const Move steal{2, "nvidia", "us.h20_licence", "off"};
  EXPECT_EQ(said(checkMove(w, steal)),
            "round 2, team 'nvidia', lever 'us.h20_licence': team 'nvidia' does not control lever 'us.h20_licence' "
            "(it belongs to team 'us_gov')");
  try {
    applyMoves(w.scenario, w, {kMoves[0], steal});
    FAIL() << "expected MoveError";
  } catch (const MoveError& e) {
    EXPECT_EQ(std::string(e.what()), said(checkMove(w, steal)));
  }
  EXPECT_EQ(said(checkMove(w, {1, "nvidia", "world.algorithmic_progress", "5"})),
            "round 1, team 'nvidia', lever 'world.algorithmic_progress': team 'nvidia' does not control lever "
            "'world.algorithmic_progress' (no team controls it in this workshop)");
  EXPECT_EQ(said(checkMove(w, {5, "us_gov", "us.h20_licence", "off"})),
            "round 5, team 'us_gov', lever 'us.h20_licence': round 5 is outside 1..4");
  EXPECT_EQ(said(checkMove(w, {1, "eu", "us.h20_licence", "off"})),
            "round 1, team 'eu', lever 'us.h20_licence': no team 'eu' in this workshop");
  EXPECT_EQ(said(checkMove(w, {1, "us_gov", "us.export_enforcement", "lots"})),
            "round 1, team 'us_gov', lever 'us.export_enforcement': expected a number, got 'lots'");
  EXPECT_EQ(said(checkMove(w, {1, "us_gov", "us.h20_licence", "off@2026-01"})),
            "round 1, team 'us_gov', lever 'us.h20_licence': write the value without @MONTH: a move takes effect when "
            "its round starts");
}

TEST(Workshop, OneMovePerLeverAndAtMostMaxMovesPerTeamAndRound) {
  const Workshop& w = computeRace();
  EXPECT_EQ(w.max_moves, 2) << "the guide and the move slips say two moves per team and round";
  const Move first{1, "us_gov", "us.export_enforcement", "0.9"};
  EXPECT_EQ(said(checkMoveCount(w, {first}, {1, "us_gov", "us.export_enforcement", "0.2"})),
            "round 1, team 'us_gov', lever 'us.export_enforcement': a second move on this lever in round 1 (the first "
            "sets it to '0.9'); one move per lever and round");
  EXPECT_EQ(said(checkMoveCount(w, {first}, {2, "us_gov", "us.export_enforcement", "0.2"})), "") << "a new round";
  EXPECT_EQ(said(checkMoveCount(w, {first}, {1, "cn_gov", "cn.domestic_subsidy", "0.2"})), "") << "another team";
  const std::vector<Move> two = {first, {1, "us_gov", "us.remote_access_control", "on"}};
  EXPECT_EQ(said(checkMoveCount(w, two, {1, "us_gov", "us.remote_access_from", "2025-01"})),
            "round 1, team 'us_gov', lever 'us.remote_access_from': move 3 of team 'us_gov' in round 1; the workshop "
            "allows 2 per team and round");
  Workshop unlimited = w;
  unlimited.max_moves = 0;
  EXPECT_EQ(said(checkMoveCount(unlimited, two, {1, "us_gov", "us.remote_access_from", "2025-01"})), "");

  const WorkshopSession s{"compute_race.json", {first, {1, "us_gov", "us.export_enforcement", "0.2"}}, 1};
  std::vector<std::string> got;
  for (const Problem& p : checkSession(s, w, "s.json")) got.push_back(p.str());
  EXPECT_EQ(got, std::vector<std::string>{"s.json: /moves/1: " + said(checkMoveCount(w, {first}, s.moves[1]))});
  const std::vector<std::string> bad = problemsOf(workshop(kUs, R"("start": "2025-01", "round_months": 12, "rounds": 2,
                                                                 "max_moves": 0)"));
  EXPECT_EQ(bad, std::vector<std::string>{"inline.json: /max_moves: expected a whole number 1..100, got 0"});
}

TEST(Workshop, MovesAreDatedLeverSettings) {
  const Workshop& w = computeRace();
  EXPECT_EQ(leverArgs(w, kMoves), kLeverArgs);
  const Scenario moved = applyMoves(w.scenario, w, kMoves);
  const Scenario typed = withLevers(w.scenario, parseLeverArgs(kLeverArgs, w.scenario));
  for (size_t i = 0; i < moved.levers.size(); ++i)
    EXPECT_EQ(leverScheduleStrings(moved, static_cast<int>(i)), leverScheduleStrings(typed, static_cast<int>(i)));
  const int ra = moved.findLever("us.remote_access_control");
  EXPECT_EQ(leverValueAt(moved, ra, *parseMonth("2024-12")), 0.0);
  EXPECT_EQ(leverValueAt(moved, ra, *parseMonth("2025-01")), 1.0);
  EXPECT_EQ(leverValueAt(moved, ra, *parseMonth("2027-01")), 0.0);
  EXPECT_EQ(simulate(moved).fingerprint(), simulate(typed).fingerprint());
}

TEST(Workshop, ScriptedThreeRoundsScoreLikeTheSameLeversTypedByHand) {
  const Workshop& w = computeRace();
  const PlayedGame g = playGame(w, kMoves, 3);
  const Results typed = simulate(withLevers(w.scenario, parseLeverArgs(kLeverArgs, w.scenario)));
  EXPECT_EQ(g.played.fingerprint(), typed.fingerprint());
  EXPECT_EQ(g.baseline.fingerprint(), simulate(w.scenario).fingerprint());
  const Scoreboard again = score(typed, g.baseline, w, 3);
  ASSERT_EQ(again.teams.size(), g.board.teams.size());
  std::ostringstream a, b;
  writeScoreboardCsv(a, g.board, w);
  writeScoreboardCsv(b, again, w);
  EXPECT_EQ(a.str(), b.str());
  EXPECT_NE(g.played.fingerprint(), g.baseline.fingerprint());

  // Shape: every team, rounds 1..3, every objective; a round's points sum its objectives.
  for (const TeamScore& ts : g.board.teams) {
    ASSERT_EQ(ts.rounds.size(), 3u);
    double total = 0;
    for (const RoundScore& rs : ts.rounds) {
      ASSERT_EQ(rs.objectives.size(), w.teams[ts.team].objectives.size());
      double sum = 0;
      for (const ObjectiveScore& os : rs.objectives) {
        sum += os.points;
        EXPECT_LE(std::fabs(os.points), 100.0);
      }
      EXPECT_DOUBLE_EQ(rs.points, sum);
      total += rs.points;
    }
    EXPECT_DOUBLE_EQ(ts.total, total);
  }
  // Rounds are the documented windows, and the moves show up in the scores.
  const int us = w.findTeam("us_gov");
  EXPECT_EQ(g.board.teams[us].rounds[0].first, *parseMonth("2025-01"));
  EXPECT_EQ(g.board.teams[us].rounds[2].last, *parseMonth("2027-12"));
  bool moved = false;
  for (const TeamScore& ts : g.board.teams)
    for (const ObjectiveScore& os : ts.rounds[1].objectives) moved = moved || os.value != os.baseline;
  EXPECT_TRUE(moved);
}

TEST(Workshop, LaterMovesDoNotChangeEarlierRounds) {
  const Workshop& w = computeRace();
  const PlayedGame g = playGame(w, {{3, "cn_gov", "cn.domestic_subsidy", "0.9"}}, 3);
  for (const TeamScore& ts : g.board.teams) {
    EXPECT_EQ(ts.rounds[0].points, 0.0) << w.teams[ts.team].id;
    EXPECT_EQ(ts.rounds[1].points, 0.0) << w.teams[ts.team].id;
  }
}

TEST(Workshop, ScoringRuleIsTheDocumentedOne) {
  Objective up;
  up.weight = 0.5;
  EXPECT_DOUBLE_EQ(objectivePoints(up, 110, 100), 5.0);  // +10% x 0.5 x 100
  EXPECT_DOUBLE_EQ(objectivePoints(up, 90, 100), -5.0);
  EXPECT_DOUBLE_EQ(objectivePoints(up, 500, 100), 50.0);  // capped at +-100 x weight
  EXPECT_DOUBLE_EQ(objectivePoints(up, -5, -10), 25.0);   // relative to |baseline|
  EXPECT_DOUBLE_EQ(objectivePoints(up, 3, 0), 50.0);      // zero baseline: any gain is full points
  EXPECT_DOUBLE_EQ(objectivePoints(up, 0, 0), 0.0);
  Objective down = up;
  down.better = Better::Lower;
  EXPECT_DOUBLE_EQ(objectivePoints(down, 90, 100), 5.0);
  Objective scaled = up;
  scaled.scale = 1e9;
  EXPECT_DOUBLE_EQ(objectivePoints(scaled, 2.5e8, 0), 12.5);  // $250M of a $1bn scale

  Results r(*parseMonth("2025-01"), 24);
  double* v = r.series(r.add(Scope::Global, "world", "x"));
  for (int t = 0; t < 24; ++t) v[t] = t + 1;
  Objective o;
  o.scope = Scope::Global;
  o.id = "world";
  o.metric = "x";
  const int a = *parseMonth("2025-01"), b = *parseMonth("2025-12");
  o.aggregate = Aggregate::Last;
  EXPECT_EQ(aggregate(r, o, a, b), 12);
  o.aggregate = Aggregate::Sum;
  EXPECT_EQ(aggregate(r, o, a, b), 78);
  o.aggregate = Aggregate::Mean;
  EXPECT_EQ(aggregate(r, o, a, b), 6.5);
  o.aggregate = Aggregate::Max;
  EXPECT_EQ(aggregate(r, o, a, b), 12);
  o.aggregate = Aggregate::Change;
  EXPECT_EQ(aggregate(r, o, a + 12, b + 12), 12);
  EXPECT_THROW(aggregate(r, o, a, b), std::invalid_argument);  // change needs the month before
  o.metric = "y";
  EXPECT_THROW(aggregate(r, o, a, b), std::invalid_argument);
}

TEST(Workshop, SessionRoundTripsExactly) {
  WorkshopSession s{"compute_race.json", kMoves, 2};
  s.moves.push_back({3, "cn_labs", "cn.offshore_training_cap", "0.25"});
  const std::string path = tempPath("session.json");
  ASSERT_EQ(saveSession(path, s), "");
  const WorkshopSession back = loadSession(path);
  EXPECT_EQ(back, s);
  EXPECT_EQ(sessionToJson(back), sessionToJson(s));
  std::ifstream in(path);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes, sessionToJson(s));
  EXPECT_EQ(sessionWorkshopFile(back, path),
            (std::filesystem::path(path).parent_path() / "compute_race.json").string());
  EXPECT_EQ(workshopPathFor("/a/b/workshops/race.json", "/a/b/classes/3b.json"), "../workshops/race.json");
  EXPECT_EQ(workshopPathFor("/a/b/race.json", "/a/b/3b.json"), "race.json");
  // Odd but legal strings survive too; an empty game is valid.
  const WorkshopSession odd{"Klasse 3b/\"race\" \u00fc.json", {{1, "us_gov", "us.export_enforcement", " 0.5"}}, 0};
  EXPECT_EQ(sessionFromJson(sessionToJson(odd), "odd.json"), odd);
  const WorkshopSession empty{"w.json", {}, 0};
  EXPECT_EQ(sessionFromJson(sessionToJson(empty), "empty.json"), empty);
  std::filesystem::remove(path);
}

TEST(Workshop, BrokenSessionsAndSessionChecks) {
  try {
    sessionFromJson(
        R"({"workshop_path": 3, "rounds_played": -1, "moves": [{"round": 1, "team": "x", "lever": "y"}], "extra": 1})",
        "s.json");
    FAIL() << "expected LoadError";
  } catch (const LoadError& e) {
    std::vector<std::string> got;
    for (const Problem& p : e.problems()) got.push_back(p.str());
    EXPECT_EQ(got, (std::vector<std::string>{"s.json: /extra: unknown field",
                                             "s.json: /workshop_path: expected a string, got number",
                                             "s.json: /rounds_played: expected a whole number 0..1000, got -1",
                                             "s.json: /moves/0/value: missing required field"}));
  }
  const Workshop& w = computeRace();
  const WorkshopSession s{"compute_race.json",
                          {kMoves[0], {3, "us_gov", "us.h20_licence", "off"}, {1, "nvidia", "sg.enforcement", "1"}},
                          1};
  std::vector<std::string> got;
  for (const Problem& p : checkSession(s, w, "s.json")) got.push_back(p.str());
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "s.json: /moves/1/round: round 3 is not open: 1 rounds played, so moves go into round 2 at the latest",
                "s.json: /moves/2: round 1, team 'nvidia', lever 'sg.enforcement': team 'nvidia' does not control "
                "lever 'sg.enforcement' (it belongs to team 'singapore')"}));
}

TEST(Workshop, StepBackDropsTheLastRoundsMoves) {
  WorkshopSession s{"w.json", kMoves, 3};
  const std::vector<Move> dropped = stepBack(s);
  EXPECT_EQ(s.rounds_played, 2);
  EXPECT_EQ(dropped, (std::vector<Move>{kMoves[4], kMoves[5]}));
  EXPECT_EQ(s.moves, (std::vector<Move>(kMoves.begin(), kMoves.begin() + 4)));
  // Moves entered for the next round go too: the game is back at the start of round 2.
  s.moves.push_back({3, "us_gov", "us.h20_licence", "off"});
  stepBack(s);
  EXPECT_EQ(s.rounds_played, 1);
  EXPECT_EQ(s.moves, (std::vector<Move>(kMoves.begin(), kMoves.begin() + 2)));
  stepBack(s);
  stepBack(s);
  EXPECT_EQ(s.rounds_played, 0);
  EXPECT_TRUE(s.moves.empty());
}

TEST(Workshop, MoveArgumentsParseAndFormat) {
  const Move m = parseMoveArg("2:us_gov:us.export_enforcement=0.8");
  EXPECT_EQ(m, (Move{2, "us_gov", "us.export_enforcement", "0.8"}));
  EXPECT_EQ(formatMoveArg(m), "2:us_gov:us.export_enforcement=0.8");
  for (const char* bad : {"us_gov:us.x=1", "x:us_gov:us.x=1", "2:us_gov:us.x", "2::us.x=1", "2:us_gov:=1", ""})
    EXPECT_THROW(parseMoveArg(bad), MoveError) << bad;
}

// Each refused move is a line of its own and a reason of its own (a front end translates it),
// however many there are: a Message marks 32 reasons, so lines() groups them beyond that.
TEST(Workshop, EveryRefusedMoveIsALineAndAReasonOfItsOwn) {
  const Workshop& w = computeRace();
  std::vector<Move> moves;
  for (int i = 0; i < 40; ++i) moves.push_back({1, "team" + std::to_string(i), "us.h20_licence", "off"});
  try {
    (void)leverArgs(w, moves);
    FAIL() << "expected MoveError";
  } catch (const MoveError& e) {
    const std::string text = e.what();
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 39);
    EXPECT_NE(text.find("no team 'team39' in this workshop"), std::string::npos);
    const Message& why = e.why();
    ASSERT_EQ(why.parts.size(), 2u);  // 32 + 8
    EXPECT_EQ(why.nested, 3u);
    ASSERT_EQ(why.parts[0].parts.size(), 32u);
    EXPECT_EQ(why.parts[0].nested, 0xFFFFFFFFu);
    EXPECT_EQ(why.parts[1].parts.back().text, said(checkMove(w, moves.back())));
  }
}
