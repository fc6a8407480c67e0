// `chokepoint-cli workshop score|check`: the scoreboard of a workshop game (moves from a
// saved session and/or --move), and a check of a workshop file.
#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/workshop.h"

namespace cp::cli {

namespace {

struct ScoreArgs {
  std::string workshop, session, save;
  SharedFlags flags;
  std::vector<std::string> moves;
  std::optional<int> rounds;
};

std::optional<Workshop> loadOrReport(const std::string& path, std::ostream& err) {
  try {
    return loadWorkshop(path);
  } catch (const LoadError& e) {
    for (const Problem& p : e.problems()) err << p.str() << "\n";
  }
  return std::nullopt;
}

// Readable for a class: 12.3 bn, 4.56 M, 7.9 k, 0.235; FLOP as 5.39e+26.
std::string human(double v) {
  const double a = std::fabs(v);
  if (a >= 1e13) return fmt::format("{:.3g}", v);
  if (a >= 1e9) return fmt::format("{:.2f} bn", v / 1e9);
  if (a >= 1e6) return fmt::format("{:.2f} M", v / 1e6);
  if (a >= 1e4) return fmt::format("{:.1f} k", v / 1e3);
  if (a >= 100) return fmt::format("{:.0f}", v);
  return fmt::format("{:.3g}", v);
}

std::string objectiveLine(const Objective& o) {
  return fmt::format("{} ({}, {} is better)", o.label, toString(o.aggregate), toString(o.better));
}

void writeText(std::ostream& out, const Workshop& w, const PlayedGame& g, const std::vector<Move>& moves) {
  const Scoreboard& b = g.board;
  out << fmt::format("{}: {} rounds of {} months from {}; {} scored\n", w.name, w.rounds, w.round_months,
                     formatMonth(w.start), b.rounds_played);
  out << "Points = 100 x weight x (played - baseline run) / baseline value (or the objective's scale),\n"
         "         signed so that better is positive, capped at +-100 x weight.\n\n";

  std::vector<const TeamScore*> order;
  for (const TeamScore& t : b.teams) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(),
                   [](const TeamScore* a, const TeamScore* c) { return a->total > c->total; });
  out << "Standings\n";
  for (size_t i = 0; i < order.size(); ++i) {
    const Team& t = w.teams[order[i]->team];
    out << fmt::format("  {}. {:<28} {:>+8.1f}\n", i + 1, fmt::format("{} ({})", t.name, t.id), order[i]->total);
  }

  for (const TeamScore& ts : b.teams) {
    const Team& team = w.teams[ts.team];
    size_t width = 12;
    for (const Objective& o : team.objectives) width = std::max(width, objectiveLine(o).size());
    out << fmt::format("\n{} ({})\n", team.name, team.id);
    for (const RoundScore& rs : ts.rounds) {
      const std::string head =
          fmt::format("  round {} ({}..{})", rs.round, formatMonth(rs.first), formatMonth(rs.last));
      out << fmt::format("{:<{}} {:>12} {:>12} {:>8}\n", head, width + 2, "played", "baseline", "points");
      for (size_t k = 0; k < rs.objectives.size(); ++k) {
        const ObjectiveScore& os = rs.objectives[k];
        out << fmt::format("    {:<{}} {:>12} {:>12} {:>+8.1f}\n", objectiveLine(team.objectives[k]), width - 2,
                           human(os.value), human(os.baseline), os.points);
      }
      out << fmt::format("    {:<{}} {:>12} {:>12} {:>+8.1f}\n", "round points", width - 2, "", "", rs.points);
    }
    out << fmt::format("  total {:+.1f}\n", ts.total);
  }

  out << "\nMoves\n";
  if (moves.empty()) out << "  (none: every team kept the baseline)\n";
  for (const Move& m : moves) out << "  " << formatMoveArg(m) << "\n";
  out << "The same run from the command line:\n  chokepoint-cli run " << w.scenario_file;
  for (const std::string& a : leverArgs(w, moves)) out << " --lever " << a;
  out << "\n";
}

Command addScore(CLI::App& app) {
  auto a = std::make_shared<ScoreArgs>();
  app.add_option("workshop", a->workshop, "Workshop file (JSON)")->required();
  app.add_option("--session", a->session, "Saved session (JSON): its moves and rounds played");
  app.add_option("--move", a->moves,
                 "A move ROUND:TEAM:ID=VALUE, e.g. 1:us_gov:us.export_enforcement=0.8 (repeatable)");
  app.add_option("--rounds", a->rounds,
                 "Rounds to score (default: the session's rounds played, or all rounds without a session; "
                 "at least the latest round moved in)");
  addSharedFlags(app, a->flags, kOutFlags | kFormatFlag, {"text", "csv"});
  app.add_option("--save", a->save, "Write the session (all moves, rounds scored) to this file, atomically");
  return [a](std::ostream& out, std::ostream& err) -> int {
    auto w = loadOrReport(a->workshop, err);
    if (!w) return kUsage;
    WorkshopSession ses{a->workshop, {}, w->rounds};
    if (!a->session.empty()) {
      try {
        ses = loadSession(a->session);
      } catch (const LoadError& e) {
        for (const Problem& p : e.problems()) err << p.str() << "\n";
        return kUsage;
      }
    }
    try {
      for (const std::string& text : a->moves) ses.moves.push_back(parseMoveArg(text));
    } catch (const MoveError& e) {
      err << "chokepoint-cli: " << e.what() << "\n";
      return kUsage;
    }
    int latest = 0;
    for (const Move& m : ses.moves) latest = std::max(latest, m.round);
    if (a->rounds && (*a->rounds < 0 || *a->rounds > w->rounds)) {
      err << fmt::format("chokepoint-cli: --rounds {} is outside 0..{}\n", *a->rounds, w->rounds);
      return kUsage;
    }
    ses.rounds_played = a->rounds ? *a->rounds : std::min(w->rounds, std::max(ses.rounds_played, latest));
    const auto problems = checkSession(ses, *w, a->session.empty() ? std::string("--move") : a->session);
    for (const Problem& p : problems) err << p.str() << "\n";
    if (!problems.empty()) return kUsage;

    const PlayedGame g = playGame(*w, ses.moves, ses.rounds_played);
    if (!a->save.empty()) {
      ses.workshop_path = workshopPathFor(a->workshop, a->save);
      if (const std::string why = saveSession(a->save, ses); !why.empty()) {
        err << "chokepoint-cli: " << why << "\n";
        return kFailure;
      }
    }
    std::ostringstream buf;
    if (a->flags.format == "csv")
      writeScoreboardCsv(buf, g.board, *w);
    else
      writeText(buf, *w, g, ses.moves);
    return emit(a->flags.out, buf.str(), out, err);
  };
}

Command addCheck(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  app.add_option("workshop", *path, "Workshop file (JSON)")->required();
  return [path](std::ostream& out, std::ostream& err) -> int {
    auto w = loadOrReport(*path, err);
    if (!w) return kUsage;
    out << fmt::format("{}: ok. {} rounds of {} months, {}..{}; scenario {}\n", w->name, w->rounds, w->round_months,
                       formatMonth(w->roundFirst(1)), formatMonth(w->roundLast(w->rounds)), w->scenario_file);
    for (const Team& t : w->teams) {
      out << fmt::format("\n{} ({})\n  levers:", t.name, t.id);
      for (const std::string& l : t.levers) out << " " << l;
      out << (t.levers.empty() ? " (none: this team plays by negotiating)\n" : "\n");
      for (const Objective& o : t.objectives)
        out << fmt::format("  objective: {}: {} over the round of {} {} {}, {} is better, weight {:g}{}\n", o.label,
                           toString(o.aggregate), toString(o.scope), o.id, o.metric, toString(o.better), o.weight,
                           o.scale > 0 ? fmt::format(", scale {:g}", o.scale) : std::string());
    }
    return kOk;
  };
}

}  // namespace

Command addWorkshop(CLI::App& app) {
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, Command>> subs;
  CLI::App* score =
      app.add_subcommand("score", "Scoreboard of a game: teams x rounds x objectives, against the baseline run");
  subs.emplace_back(score, addScore(*score));
  CLI::App* check = app.add_subcommand("check", "Check a workshop file and list its teams, levers and objectives");
  subs.emplace_back(check, addCheck(*check));
  return [subs](std::ostream& out, std::ostream& err) -> int {
    for (const auto& [sub, cmd] : subs)
      if (sub->parsed()) return cmd(out, err);
    return kUsage;
  };
}

}  // namespace cp::cli
