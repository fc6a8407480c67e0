// `workshop score|check` and `story check`, driven in-process as a facilitator would; a
// scripted game scores the same as `run --lever id=value@YYYY-MM` with the same moves.
#include <gtest/gtest.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "cli/cli.h"
#include "cli_support.h"
#include "engine/levers.h"
#include "engine/simulate.h"
#include "engine/workshop.h"

using namespace cp;
using namespace cp::cli;

using Out = cp::cli::test::Out;
const auto call = cp::cli::test::cli;

namespace {
std::string src(const std::string& rel) { return std::string(CHOKEPOINT_SOURCE_DIR) + "/" + rel; }
std::string race() { return src("scenarios/workshops/compute_race.json"); }
std::string tempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("cp_wscli_" + std::to_string(::getpid()) + "_" + name)).string();
}

// The long CSV of `run` back into Results: same keys in the same order, the same doubles
// (values are written shortest-round-trip), so the fingerprint is comparable.
Results fromCsv(const std::string& csv, int start) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::tuple<Scope, std::string, std::string>> keys;
  std::map<std::string, int> index;
  std::vector<std::vector<double>> values;
  std::string first_month;
  int months = 0;
  std::string month;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    if (f.size() != 5) continue;
    if (f[0] != month) {
      month = f[0];
      ++months;
    }
    const std::string key = f[1] + "/" + f[2] + "/" + f[3];
    auto it = index.find(key);
    if (it == index.end()) {
      Scope sc{};
      parseScope(f[1], sc);
      it = index.emplace(key, static_cast<int>(keys.size())).first;
      keys.emplace_back(sc, f[2], f[3]);
      values.emplace_back();
    }
    double v = 0;
    std::from_chars(f[4].data(), f[4].data() + f[4].size(), v);
    values[it->second].push_back(v);
  }
  Results r(start, months);
  for (size_t i = 0; i < keys.size(); ++i) {
    double* s = r.series(r.add(std::get<0>(keys[i]), std::get<1>(keys[i]), std::get<2>(keys[i])));
    std::copy(values[i].begin(), values[i].end(), s);
  }
  return r;
}

const std::vector<std::string> kMoveArgs = {
    "1:us_gov:us.remote_access_control=on", "1:us_gov:us.remote_access_from=2025-01",
    "2:cn_gov:cn.domestic_subsidy=0.5", "2:nvidia:us.china_blackwell_from=2026-01", "3:singapore:sea.tenant_kyc=0.8"};
const std::vector<std::string> kLeverArgs = {"us.remote_access_control=on@2025-01",
                                             "us.remote_access_from=2025-01@2025-01", "cn.domestic_subsidy=0.5@2026-01",
                                             "us.china_blackwell_from=2026-01@2026-01", "sea.tenant_kyc=0.8@2027-01"};
}  // namespace

TEST(CliWorkshop, ScoreMatchesRunWithTheSameLevers) {
  std::vector<std::string> args = {"workshop", "score", race(), "--rounds", "3", "--format", "csv"};
  for (const auto& m : kMoveArgs) args.insert(args.end(), {"--move", m});
  const Out board = call(args);
  ASSERT_EQ(board.code, kOk) << board.err;

  // The same game as plain `run --lever` calls, read back and scored.
  const Workshop w = loadWorkshop(race());
  std::vector<std::string> run = {"run", w.scenario_file};
  for (const auto& l : kLeverArgs) run.insert(run.end(), {"--lever", l});
  const Out played = call(run);
  const Out base = call({"run", w.scenario_file});
  ASSERT_EQ(played.code, kOk) << played.err;
  ASSERT_EQ(base.code, kOk) << base.err;
  const Results rp = fromCsv(played.out, w.scenario.start), rb = fromCsv(base.out, w.scenario.start);

  std::vector<Move> moves;
  for (const auto& m : kMoveArgs) moves.push_back(parseMoveArg(m));
  const Results engine = simulate(applyMoves(w.scenario, w, moves));
  EXPECT_EQ(rp.fingerprint(), engine.fingerprint());
  EXPECT_EQ(rb.fingerprint(), simulate(w.scenario).fingerprint());

  std::ostringstream expected;
  writeScoreboardCsv(expected, score(rp, rb, w, 3), w);
  EXPECT_EQ(board.out, expected.str());
  EXPECT_NE(board.out.find(
                "\nnvidia,2,2026-01,2026-12,Nvidia revenue from China,vendor,nvidia,revenue_china_usd,sum,higher,0.5,"),
            std::string::npos);
}

TEST(CliWorkshop, TextScoreboardListsTeamsRoundsAndTheEquivalentRun) {
  const Out r = call({"workshop", "score", race(), "--move", "1:us_gov:us.export_enforcement=0.9", "--rounds", "2"});
  ASSERT_EQ(r.code, kOk) << r.err;
  for (const char* s : {"Standings", "US government (us_gov)", "China's AI labs (cn_labs)",
                        "round 1 (2025-01..2025-12)", "round 2 (2026-01..2026-12)", "round points",
                        "1:us_gov:us.export_enforcement=0.9", "--lever us.export_enforcement=0.9@2025-01"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
  EXPECT_EQ(r.out.find("round 3 ("), std::string::npos);
}

TEST(CliWorkshop, SessionsSaveAndReplay) {
  const std::string path = tempPath("session.json");
  const Out first = call({"workshop", "score", race(), "--move", "1:malaysia:sea.power_growth=1.5", "--rounds", "1",
                          "--save", path, "--format", "csv"});
  ASSERT_EQ(first.code, kOk) << first.err;
  const WorkshopSession s = loadSession(path);
  EXPECT_EQ(s.rounds_played, 1);
  EXPECT_TRUE(std::filesystem::equivalent(sessionWorkshopFile(s, path), race())) << s.workshop_path;
  EXPECT_EQ(s.moves, (std::vector<Move>{{1, "malaysia", "sea.power_growth", "1.5"}}));
  const Out replay = call({"workshop", "score", race(), "--session", path, "--format", "csv"});
  ASSERT_EQ(replay.code, kOk) << replay.err;
  EXPECT_EQ(replay.out, first.out);
  // A move for round 2 opens round 2.
  const Out next = call(
      {"workshop", "score", race(), "--session", path, "--move", "2:singapore:sg.enforcement=0.9", "--format", "csv"});
  ASSERT_EQ(next.code, kOk) << next.err;
  EXPECT_NE(next.out.find("\nsingapore,2,2026-01,"), std::string::npos);
  EXPECT_EQ(next.out.find(",3,2027-01,"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(CliWorkshop, BadMovesAndFilesExitTwoWithMessages) {
  Out r = call({"workshop", "score", race(), "--move", "1:nvidia:us.h20_licence=off"});
  EXPECT_EQ(r.code, kUsage);
  // Like every other flag error: the program, the flag and the value as typed, then the reason.
  EXPECT_EQ(r.err,
            "chokepoint-cli: --move 1:nvidia:us.h20_licence=off: round 1, team 'nvidia', lever 'us.h20_licence': team "
            "'nvidia' does not control lever 'us.h20_licence' (it belongs to team 'us_gov')\n");
  r = call({"workshop", "score", race(), "--move", "nvidia=1"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_EQ(r.err,
            "chokepoint-cli: --move nvidia=1: expected ROUND:TEAM:ID=VALUE, e.g. 2:us_gov:us.export_enforcement=0.8\n");
  r = call({"workshop", "score", race(), "--rounds", "9"});
  EXPECT_EQ(r.code, kUsage);
  r = call({"workshop", "score", race(), "--format", "xml"});
  EXPECT_EQ(r.code, kUsage);

  const std::string broken = tempPath("broken.json");
  std::ofstream(broken)
      << R"({"name": "b", "scenario": "nope.json", "start": "2025-01", "round_months": 12, "rounds": 1, "teams": []})";
  r = call({"workshop", "check", broken});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find(broken + ": /scenario: scenario 'nope.json' not found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(broken + ": /teams: a workshop needs at least one team"), std::string::npos) << r.err;
  std::filesystem::remove(broken);
  r = call({"workshop", "score", race(), "--session", broken});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find(broken + ": (document): file not found"), std::string::npos) << r.err;
}

TEST(CliWorkshop, ASecondMoveOnALeverOrOneMoveTooManyIsRefused) {
  Out r = call({"workshop", "score", race(), "--move", "1:us_gov:us.export_enforcement=0.9", "--move",
                "1:us_gov:us.export_enforcement=0.2"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_EQ(r.err,
            "chokepoint-cli: --move 1:us_gov:us.export_enforcement=0.2: round 1, team 'us_gov', lever "
            "'us.export_enforcement': a second move on this lever in round 1 (the first sets it to '0.9'); one move "
            "per lever and round\n");
  // compute_race.json allows two moves per team and round (max_moves), as its guide and slips say.
  r = call({"workshop", "score", race(), "--move", "1:us_gov:us.export_enforcement=0.9", "--move",
            "1:us_gov:us.remote_access_control=on", "--move", "1:us_gov:us.remote_access_from=2025-01"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("chokepoint-cli: --move 1:us_gov:us.remote_access_from=2025-01: round 1, team 'us_gov', "
                       "lever 'us.remote_access_from': move 3 of team 'us_gov' in round 1; the workshop allows 2 per "
                       "team and round"),
            std::string::npos)
      << r.err;
  // The same lever in another round is a new move.
  r = call({"workshop", "score", race(), "--move", "1:us_gov:us.export_enforcement=0.9", "--move",
            "2:us_gov:us.export_enforcement=0.2"});
  EXPECT_EQ(r.code, kOk) << r.err;

  // A saved session with a repeated lever names the file and the JSON pointer.
  const std::string session = tempPath("dup.session.json");
  std::ofstream(session) << R"({"workshop_path": ")" << race() << R"(", "rounds_played": 1, "moves": [
    {"round": 1, "team": "cn_gov", "lever": "cn.domestic_subsidy", "value": "0.5"},
    {"round": 1, "team": "cn_gov", "lever": "cn.domestic_subsidy", "value": "0.1"}]})";
  r = call({"workshop", "score", race(), "--session", session});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find(session + ": /moves/1: round 1, team 'cn_gov', lever 'cn.domestic_subsidy': a second move"),
            std::string::npos)
      << r.err;
  // A --move added to that session is named as typed, the session's own move by pointer.
  r = call({"workshop", "score", "--session", session, "--move", "2:nvidia:us.h20_licence=off"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find(session + ": /moves/1: round 1, team 'cn_gov'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("chokepoint-cli: --move 2:nvidia:us.h20_licence=off: round 2, team 'nvidia'"), std::string::npos)
      << r.err;
  std::filesystem::remove(session);
}

TEST(CliWorkshop, ASessionNamesItsWorkshopSoTheArgumentIsOptional) {
  const std::string path = tempPath("named.session.json");
  const Out first = call({"workshop", "score", race(), "--move", "1:malaysia:sea.power_growth=1.5", "--rounds", "1",
                          "--save", path, "--format", "csv"});
  ASSERT_EQ(first.code, kOk) << first.err;
  // The session alone scores the same game as with its workshop given.
  const Out alone = call({"workshop", "score", "--session", path, "--format", "csv"});
  ASSERT_EQ(alone.code, kOk) << alone.err;
  EXPECT_EQ(alone.out, first.out);
  // ... and --save keeps pointing at the workshop the session names.
  const std::string copy = tempPath("copy.session.json");
  ASSERT_EQ(call({"workshop", "score", "--session", path, "--save", copy, "-q"}).code, kOk);
  EXPECT_TRUE(std::filesystem::equivalent(sessionWorkshopFile(loadSession(copy), copy), race()));
  // Another workshop than the session's is refused, naming both.
  const std::string other = src("scenarios/baseline.json");
  const Out clash = call({"workshop", "score", other, "--session", path});
  EXPECT_EQ(clash.code, kUsage);
  EXPECT_EQ(clash.err, "chokepoint-cli: the workshop " + other + " is not the one the session " + path + " names (" +
                           sessionWorkshopFile(loadSession(path), path) + "); give that one or leave it out\n");
  // Neither a workshop nor a session: say what is needed.
  const Out none = call({"workshop", "score"});
  EXPECT_EQ(none.code, kUsage);
  EXPECT_NE(none.err.find("needs the workshop file, or --session FILE"), std::string::npos) << none.err;
  std::filesystem::remove(path);
  std::filesystem::remove(copy);
}

TEST(CliWorkshop, CheckInUkrainianWritesTheScaleInWords) {
  const Out r = call({"--lang", "uk", "workshop", "check", race()});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_EQ(r.out.find("e+09"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("5,00\u00a0млрд"), std::string::npos) << r.out;
}

TEST(CliWorkshop, CheckListsTeamsLeversAndObjectives) {
  const Out r = call({"workshop", "check", race()});
  ASSERT_EQ(r.code, kOk) << r.err;
  for (const char* s :
       {"ok. 4 rounds of 12 months, 2025-01..2028-12", "Malaysia (malaysia)", "levers: my.chip_permit_from",
        "objective: Chips diverted from Singapore: sum over the round of jurisdiction singapore diverted_units, "
        "lower is better, weight 0.5"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
}

TEST(CliStory, CheckListsCardsOrExitsTwo) {
  Out r = call({"story", "check", src("scenarios/stories/history_2022_2025.json")});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("2022-10  The first US controls on AI chips\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2025-12  The H200 is approved, with a 25% cut\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2026-11  Where things stand today\n"), std::string::npos) << r.out;
  r = call({"story", "check", src("scenarios/stories/what_if_loophole_closed.json")});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("scenarios/remote_access_2027.json\n"), std::string::npos) << r.out;

  r = call({"story", "check", src("scenarios/stories/history_2022_2025.json"), "--charts", "us_fees,frontier_gap"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("history_2022_2025.json: /cards/0/charts/0: unknown chart 'china_channels'"), std::string::npos)
      << r.err;
  r = call({"story", "check", src("scenarios/stories/nope.json")});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("nope.json: (document): file not found"), std::string::npos) << r.err;
  r = call({"story"});
  EXPECT_EQ(r.code, kUsage);
}
