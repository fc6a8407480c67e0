// `chokepoint-cli workshop score|check`: the scoreboard of a workshop game (moves from a
// saved session and/or --move), and a check of a workshop file.
#include <algorithm>
#include "i18n/problem_text.h"
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/workshop.h"
#include "i18n/trf.h"

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
    for (const Problem& p : e.problems()) err << i18n::problemLine(p) << "\n";
  }
  return std::nullopt;
}

// "" when the workshop given on the command line is the one the session names (or none was
// given), else why they cannot be scored together.
std::string sameWorkshop(const std::string& given, const std::string& named, const std::string& session) {
  if (given.empty()) return {};
  std::error_code ec;
  if (std::filesystem::equivalent(given, named, ec) && !ec) return {};
  return fmt::format("the workshop {} is not the one the session {} names ({}); give that one or leave it out", given,
                     session, named);
}

// The move a checkSession problem is about ("/moves/3" or "/moves/3/round" -> 3), or npos.
std::size_t moveIndex(const std::string& pointer) {
  constexpr std::string_view kMoves = "/moves/";
  if (pointer.rfind(kMoves, 0) != 0) return std::string::npos;
  return std::strtoul(pointer.c_str() + kMoves.size(), nullptr, 10);
}

// Readable for a class: 12.3 bn, 4.56 M, 7.9 k, 0.235; FLOP as 5.39e+26 (12,30 млрд,
// 4,56 млн in Ukrainian).
std::string human(double v) {
  const double a = std::fabs(v);
  auto scaled = [&](double x, const char* fmt_text, int scale, const char* english) {
    return humanNumber(fmt::format(fmt::runtime(fmt_text), x)) + (i18n::english() ? english : scaleSuffix(scale));
  };
  if (a >= 1e13) return humanNumber(fmt::format("{:.3g}", v));
  if (a >= 1e9) return scaled(v / 1e9, "{:.2f}", 3, " bn");
  if (a >= 1e6) return scaled(v / 1e6, "{:.2f}", 2, " M");
  if (a >= 1e4) return scaled(v / 1e3, "{:.1f}", 1, " k");
  if (a >= 100) return fmt::format("{:.0f}", v);
  return humanNumber(fmt::format("{:.3g}", v));
}

// The aggregate words of an objective, for the catalogue (toString(Aggregate) gives them).
[[maybe_unused]] constexpr const char* kAggregateWords[] = {N_("sum"), N_("mean"), N_("last"), N_("max"), N_("change")};

std::string objectiveLine(const Objective& o) {
  return i18n::trf("{} ({}, {} is better)", i18n::tr(o.label), i18n::tr(toString(o.aggregate)),
                   i18n::tr(toString(o.better)));
}

std::string points(double p) { return humanNumber(fmt::format("{:+.1f}", p)); }

void writeText(std::ostream& out, const Workshop& w, const PlayedGame& g, const std::vector<Move>& moves) {
  const Scoreboard& b = g.board;
  out << i18n::trf("{}: {} rounds of {} months from {}; {} scored\n", i18n::tr(w.name), w.rounds, w.round_months,
                   humanMonth(w.start), b.rounds_played);
  out << i18n::tr(
      "Points = 100 x weight x (played - baseline run) / baseline value (or the objective's scale),\n"
      "         signed so that better is positive, capped at +-100 x weight.\n\n");

  std::vector<const TeamScore*> order;
  for (const TeamScore& t : b.teams) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(),
                   [](const TeamScore* a, const TeamScore* c) { return a->total > c->total; });
  out << i18n::tr("Standings") << "\n";
  auto team_name = [&](const TeamScore* ts) {
    const Team& t = w.teams[ts->team];
    return fmt::format("{} ({})", i18n::tr(t.name), t.id);
  };
  size_t name_width = 28;
  for (const TeamScore* ts : order) name_width = std::max(name_width, displayWidth(team_name(ts)));
  for (size_t i = 0; i < order.size(); ++i)
    out << fmt::format("  {}. {:<{}} {:>8}\n", i + 1, team_name(order[i]), name_width, points(order[i]->total));

  for (const TeamScore& ts : b.teams) {
    const Team& team = w.teams[ts.team];
    size_t width = 12;
    for (const Objective& o : team.objectives) width = std::max(width, displayWidth(objectiveLine(o)));
    out << fmt::format("\n{} ({})\n", i18n::tr(team.name), team.id);
    for (const RoundScore& rs : ts.rounds) {
      const std::string head = "  " + i18n::trf("round {} ({})", rs.round, humanSpan(rs.first, rs.last));
      out << fmt::format("{:<{}} {:>12} {:>12} {:>8}\n", head, width + 2, i18n::tr("played"), i18n::tr("baseline"),
                         i18n::tr("points"));
      for (size_t k = 0; k < rs.objectives.size(); ++k) {
        const ObjectiveScore& os = rs.objectives[k];
        out << fmt::format("    {:<{}} {:>12} {:>12} {:>8}\n", objectiveLine(team.objectives[k]), width - 2,
                           human(os.value), human(os.baseline), points(os.points));
      }
      out << fmt::format("    {:<{}} {:>12} {:>12} {:>8}\n", i18n::tr("round points"), width - 2, "", "",
                         points(rs.points));
    }
    out << "  " << i18n::trf("total {}", points(ts.total)) << "\n";
  }

  out << "\n" << i18n::tr("Moves") << "\n";
  if (moves.empty()) out << i18n::tr("  (none: every team kept the baseline)\n");
  for (const Move& m : moves) out << "  " << formatMoveArg(m) << "\n";
  out << i18n::tr("The same run from the command line:") << "\n  chokepoint-cli run " << w.scenario_file;
  for (const std::string& a : leverArgs(w, moves)) out << " --lever " << a;
  out << "\n";
}

Command addScore(CLI::App& app) {
  auto a = std::make_shared<ScoreArgs>();
  app.add_option("workshop", a->workshop,
                 i18n::tr("Workshop file (JSON); optional with --session, which names its workshop"));
  app.add_option("--session", a->session, i18n::tr("Saved session (JSON): its workshop, moves and rounds played"));
  app.add_option("--move", a->moves,
                 i18n::tr("A move ROUND:TEAM:ID=VALUE, e.g. 1:us_gov:us.export_enforcement=0.8 (repeatable)"));
  app.add_option("--rounds", a->rounds,
                 i18n::tr("Rounds to score (default: the session's rounds played, or all rounds without a session; "
                          "at least the latest round moved in)"));
  addSharedFlags(app, a->flags, kOutFlags | kFormatFlag, {"text", "csv"});
  app.add_option("--save", a->save, i18n::tr("Write the session (all moves, rounds scored) to this file, atomically"));
  return [a](std::ostream& out, std::ostream& err) -> int {
    WorkshopSession ses{a->workshop, {}, 0};
    std::string workshop_file = a->workshop;
    if (!a->session.empty()) {
      try {
        ses = loadSession(a->session);
      } catch (const LoadError& e) {
        for (const Problem& p : e.problems()) err << i18n::problemLine(p) << "\n";
        return kUsage;
      }
      workshop_file = sessionWorkshopFile(ses, a->session);
      if (const std::string why = sameWorkshop(a->workshop, workshop_file, a->session); !why.empty()) {
        err << "chokepoint-cli: " << why << "\n";
        return kUsage;
      }
    } else if (a->workshop.empty()) {
      err << i18n::trf(
          "chokepoint-cli: workshop score needs the workshop file, or --session FILE (a session names its workshop)\n");
      return kUsage;
    }
    auto w = loadOrReport(workshop_file, err);
    if (!w) return kUsage;
    if (a->session.empty()) ses.rounds_played = w->rounds;
    // The session's own moves come first; problems with them name the file and JSON pointer,
    // problems with a --move name the flag as typed.
    const std::size_t from_session = ses.moves.size();
    for (const std::string& text : a->moves) {
      try {
        ses.moves.push_back(parseMoveArg(text));
      } catch (const MoveError& e) {
        const Message& why = e.why().parts.empty() ? e.why() : e.why().parts.back();  // the flag names the move
        err << i18n::trf("chokepoint-cli: --move {}: {}\n", text, i18n::messageText(why));
        return kUsage;
      }
    }
    int latest = 0;
    for (const Move& m : ses.moves) latest = std::max(latest, m.round);
    if (a->rounds && (*a->rounds < 0 || *a->rounds > w->rounds)) {
      err << fmt::format("chokepoint-cli: --rounds {} is outside 0..{}\n", *a->rounds, w->rounds);
      return kUsage;
    }
    ses.rounds_played = a->rounds ? *a->rounds : std::min(w->rounds, std::max(ses.rounds_played, latest));
    const auto problems = checkSession(ses, *w, a->session);
    for (const Problem& p : problems) {
      const std::size_t move = moveIndex(p.pointer);
      if (move >= from_session && move - from_session < a->moves.size())
        err << i18n::trf("chokepoint-cli: --move {}: {}\n", a->moves[move - from_session], i18n::problemReason(p));
      else
        err << i18n::problemLine(p) << "\n";
    }
    if (!problems.empty()) return kUsage;

    const PlayedGame g = playGame(*w, ses.moves, ses.rounds_played);
    if (!a->save.empty()) {
      ses.workshop_path = workshopPathFor(workshop_file, a->save);
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
  app.add_option("workshop", *path, i18n::tr("Workshop file (JSON)"))->required();
  return [path](std::ostream& out, std::ostream& err) -> int {
    auto w = loadOrReport(*path, err);
    if (!w) return kUsage;
    out << i18n::trf("{}: ok. {} rounds of {} months, {}; scenario {}\n", i18n::tr(w->name), w->rounds, w->round_months,
                     humanSpan(w->roundFirst(1), w->roundLast(w->rounds)), w->scenario_file);
    for (const Team& t : w->teams) {
      out << fmt::format("\n{} ({})\n  {}", i18n::tr(t.name), t.id, i18n::tr("levers:"));
      for (const std::string& l : t.levers) out << " " << l;
      out << (t.levers.empty() ? i18n::tr(" (none: this team plays by negotiating)\n") : "\n");
      for (const Objective& o : t.objectives)
        out << i18n::trf("  objective: {}: {} over the round of {} {} {}, {} is better, weight {}{}\n",
                         i18n::tr(o.label), i18n::tr(toString(o.aggregate)), toString(o.scope), o.id, o.metric,
                         i18n::tr(toString(o.better)), humanNumber(fmt::format("{:g}", o.weight)),
                         o.scale > 0
                             ? i18n::trf(", scale {}", i18n::english() ? fmt::format("{:g}", o.scale) : human(o.scale))
                             : std::string());
    }
    return kOk;
  };
}

}  // namespace

Command addWorkshop(CLI::App& app) {
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, Command>> subs;
  CLI::App* score = app.add_subcommand(
      "score", i18n::tr("Scoreboard of a game: teams x rounds x objectives, against the baseline run"));
  subs.emplace_back(score, addScore(*score));
  CLI::App* check =
      app.add_subcommand("check", i18n::tr("Check a workshop file and list its teams, levers and objectives"));
  subs.emplace_back(check, addCheck(*check));
  return [subs](std::ostream& out, std::ostream& err) -> int {
    for (const auto& [sub, cmd] : subs)
      if (sub->parsed()) return cmd(out, err);
    return kUsage;
  };
}

}  // namespace cp::cli
