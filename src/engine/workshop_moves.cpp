// Workshop moves (checks, lever settings) and sessions (JSON save/load, undo).
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/scenario_ref.h"
#include "engine/levers.h"
#include "engine/results_io.h"
#include "engine/workshop.h"

namespace cp {

// [SECTION] moves

namespace {
// "round R, team 'T', lever 'L': " before the reason.
Message atMove(const Move& m, const Message& why) {
  return reason("round {}, team '{}', lever '{}': {}", m.round, m.team, m.lever, why);
}
}  // namespace

std::optional<Message> checkMove(const Workshop& w, const Move& m) {
  const int team = w.findTeam(m.team);
  if (team < 0) return atMove(m, reason("no team '{}' in this workshop", m.team));
  if (m.round < 1 || m.round > w.rounds) return atMove(m, reason("round {} is outside 1..{}", m.round, w.rounds));
  const int lever = w.scenario.findLever(m.lever);
  if (lever < 0) return atMove(m, reason("no lever '{}' in the scenario", m.lever));
  const int owner = w.teamOfLever(m.lever);
  if (owner < 0)
    return atMove(
        m, reason("team '{}' does not control lever '{}' (no team controls it in this workshop)", m.team, m.lever));
  if (owner != team)
    return atMove(m, reason("team '{}' does not control lever '{}' (it belongs to team '{}')", m.team, m.lever,
                            w.teams[owner].id));
  if (m.value.find('@') != std::string::npos)
    return atMove(m, reason("write the value without @MONTH: a move takes effect when its round starts"));
  Message msg;
  if (!parseLeverValue(w.scenario.levers[lever], m.value, &msg))
    return atMove(m, msg.parts.empty() ? msg : msg.parts.back());  // the move names the lever already
  return std::nullopt;
}

std::optional<Message> checkMoveCount(const Workshop& w, const std::vector<Move>& earlier, const Move& m) {
  int same_round = 0;
  for (const Move& e : earlier) {
    if (e.round != m.round || e.team != m.team) continue;
    if (e.lever == m.lever)
      return atMove(m, reason("a second move on this lever in round {} (the first sets it to '{}'); one move per "
                              "lever and round",
                              m.round, e.value));
    ++same_round;
  }
  if (w.max_moves > 0 && same_round >= w.max_moves)
    return atMove(m, reason("move {} of team '{}' in round {}; the workshop allows {} per team and round",
                            same_round + 1, m.team, m.round, w.max_moves));
  return std::nullopt;
}

Move parseMoveArg(const std::string& text) {
  const auto bad = [&] {
    return MoveError(
        reason("move '{}': {}", text, reason("expected ROUND:TEAM:ID=VALUE, e.g. 2:us_gov:us.export_enforcement=0.8")));
  };
  const auto c1 = text.find(':');
  const auto c2 = c1 == std::string::npos ? std::string::npos : text.find(':', c1 + 1);
  const auto eq = c2 == std::string::npos ? std::string::npos : text.find('=', c2 + 1);
  if (eq == std::string::npos || c1 == 0 || c2 == c1 + 1 || eq == c2 + 1) throw bad();
  const std::string round = text.substr(0, c1);
  if (round.size() > 4 || !std::all_of(round.begin(), round.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw bad();
  return Move{std::stoi(round), text.substr(c1 + 1, c2 - c1 - 1), text.substr(c2 + 1, eq - c2 - 1),
              text.substr(eq + 1)};
}

std::string formatMoveArg(const Move& m) { return fmt::format("{}:{}:{}={}", m.round, m.team, m.lever, m.value); }

std::vector<std::string> leverArgs(const Workshop& w, const std::vector<Move>& moves) {
  std::vector<std::string> args;
  std::vector<Message> problems;
  for (const Move& m : moves) {
    if (auto why = checkMove(w, m))
      problems.push_back(std::move(*why));
    else
      args.push_back(fmt::format("{}={}@{}", m.lever, m.value, formatMonth(w.roundFirst(m.round))));
  }
  if (!problems.empty()) throw MoveError(lines(problems));
  return args;
}

Scenario applyMoves(const Scenario& s, const Workshop& w, const std::vector<Move>& moves) {
  return withLevers(s, parseLeverArgs(leverArgs(w, moves), s));
}

// [SECTION] sessions

// One move per line, so a facilitator can read and edit a session by hand.
std::string sessionToJson(const WorkshopSession& s) {
  using nlohmann::json;
  std::string out = fmt::format("{{\n  \"workshop_path\": {},\n  \"rounds_played\": {},\n  \"moves\": [",
                                json(s.workshop_path).dump(), s.rounds_played);
  for (size_t i = 0; i < s.moves.size(); ++i) {
    const Move& m = s.moves[i];
    out += fmt::format("{}\n    {{\"round\": {}, \"team\": {}, \"lever\": {}, \"value\": {}}}", i ? "," : "", m.round,
                       json(m.team).dump(), json(m.lever).dump(), json(m.value).dump());
  }
  out += s.moves.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

namespace {
WorkshopSession readSession(const nlohmann::json& doc, JsonReader& r) {
  WorkshopSession s;
  r.object(doc, "", {"workshop_path", "rounds_played", "moves"});
  s.workshop_path = r.str(doc, "workshop_path", "", true);
  s.rounds_played = r.integer(doc, "rounds_played", "", true, 0, 1000).value_or(0);
  const nlohmann::json* moves = r.list(doc, "moves", "", true);
  for (size_t i = 0; moves && i < moves->size(); ++i) {
    const std::string p = fmt::format("/moves/{}", i);
    const nlohmann::json& m = (*moves)[i];
    if (!r.object(m, p, {"round", "team", "lever", "value"})) continue;
    Move mv;
    mv.round = r.integer(m, "round", p, true, 1, 1000).value_or(1);
    mv.team = r.str(m, "team", p, true);
    mv.lever = r.str(m, "lever", p, true);
    mv.value = r.str(m, "value", p, true);
    s.moves.push_back(std::move(mv));
  }
  if (!r.problems.empty()) throw LoadError(r.problems);
  return s;
}
}  // namespace

WorkshopSession sessionFromJson(const std::string& text, const std::string& name) {
  JsonReader r(name);
  const nlohmann::json doc = r.parseOrThrow(text);
  return readSession(doc, r);
}

WorkshopSession loadSession(const std::string& path) {
  JsonReader r(path);
  const nlohmann::json doc = r.readFileOrThrow(path);
  return readSession(doc, r);
}

std::string saveSession(const std::string& path, const WorkshopSession& s) {
  return writeFileAtomic(path, sessionToJson(s));
}

std::string sessionWorkshopFile(const WorkshopSession& s, const std::string& session_path) {
  return resolveBeside(session_path, s.workshop_path);
}

std::string workshopPathFor(const std::string& workshop_file, const std::string& session_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path abs = fs::absolute(workshop_file, ec);
  if (ec) return workshop_file;
  const fs::path rel = fs::proximate(abs, fs::absolute(session_path, ec).parent_path(), ec);
  return ec ? abs.generic_string() : rel.generic_string();
}

std::vector<Problem> checkSession(const WorkshopSession& s, const Workshop& w, const std::string& name) {
  std::vector<Problem> out;
  if (s.rounds_played > w.rounds)
    out.push_back({name, "/rounds_played", reason("{} rounds played, the workshop has {}", s.rounds_played, w.rounds)});
  for (size_t i = 0; i < s.moves.size(); ++i) {
    const Move& m = s.moves[i];
    const std::string p = fmt::format("/moves/{}", i);
    if (auto why = checkMove(w, m))
      out.push_back({name, p, std::move(*why)});  // the move checker's words (shared with --move)
    else if (auto count = checkMoveCount(w, {s.moves.begin(), s.moves.begin() + static_cast<std::ptrdiff_t>(i)}, m))
      out.push_back({name, p, std::move(*count)});
    else if (m.round > s.rounds_played + 1)
      out.push_back({name, p + "/round",
                     reason("round {} is not open: {} rounds played, so moves go into round {} at the latest", m.round,
                            s.rounds_played, s.rounds_played + 1)});
  }
  return out;
}

std::vector<Move> stepBack(WorkshopSession& s) {
  const int from = std::max(1, s.rounds_played);
  std::vector<Move> dropped;
  std::vector<Move> kept;
  for (Move& m : s.moves) (m.round >= from ? dropped : kept).push_back(std::move(m));
  s.moves = std::move(kept);
  s.rounds_played = std::max(0, s.rounds_played - 1);
  return dropped;
}

}  // namespace cp
