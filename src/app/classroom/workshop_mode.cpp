// [SECTION] Opening and the levers of the rounds played
// [SECTION] Moves and rounds
// [SECTION] Scoreboard
// [SECTION] Sessions
// [SECTION] Report

#include "app/classroom/workshop_mode.h"

#include "app/core/app_state.h"
#include "app/core/chart_specs.h"
#include "app/core/dashboard_data.h"
#include "app/core/scenario_files.h"
#include "app/core/settings.h"
#include "app/classroom/workshop_handouts.h"
#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/month.h"
#include "app/core/tr.h"
#include "i18n/format.h"
#include "i18n/problem_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

namespace cp::app {

namespace {

namespace fs = std::filesystem;

WorkshopState& ws(AppState& state) { return state.classroom.workshop; }
const WorkshopState& ws(const AppState& state) { return state.classroom.workshop; }

//-----------------------------------------------------------------------------
// [SECTION] Opening and the levers of the rounds played
//-----------------------------------------------------------------------------

std::vector<cp::Move> playedMoves(const WorkshopState& w) {
  std::vector<cp::Move> out;
  for (const cp::Move& m : w.session.moves)
    if (m.round <= w.session.rounds_played) out.push_back(m);
  return out;
}

void refreshEntered(WorkshopState& w) {
  try {
    w.entered =
        std::make_shared<const cp::Scenario>(cp::applyMoves(w.workshop->scenario, *w.workshop, w.session.moves));
  } catch (const cp::MoveError& e) {
    w.error = cp::i18n::messageText(e.why());
  }
}

// The document's levers become the scenario with the played moves (no undo: Step back
// undoes rounds). The game is saved as a session, so the document never counts as unsaved.
void applyPlayed(AppState& state) {
  WorkshopState& w = ws(state);
  cp::Scenario played;
  try {
    played = cp::applyMoves(w.workshop->scenario, *w.workshop, playedMoves(w));
  } catch (const cp::MoveError& e) {
    w.error = cp::i18n::messageText(e.why());
    played = w.workshop->scenario;
  }
  replaceEdits(state.doc, std::move(played.lever_schedules), /*as_saved=*/true);
  w.applied = version(state.doc);
}

void showPlayedMonths(AppState& state) {
  state.ui.view.month = workshopFutureFrom(state);
  state.ui.view.month_set = true;
}

void startWorkshop(AppState& state, std::shared_ptr<const cp::Workshop> workshop, const cp::WorkshopSession& session,
                   const std::string& session_path) {
  state.classroom.story = StoryState{};
  openLoadedScenario(state, workshop->scenario_file, std::make_shared<const cp::Scenario>(workshop->scenario));
  WorkshopState& w = ws(state);
  w = WorkshopState{};
  state.ui.view.workshop_team = 0;
  w.workshop = std::move(workshop);
  w.session = session;
  w.saved_session = session;
  w.session_path = session_path;
  refreshEntered(w);
  applyPlayed(state);
  showPlayedMonths(state);
}

std::vector<cp::Problem> problemsOf(const std::string& path, const std::exception& e) {
  if (const auto* le = dynamic_cast<const cp::LoadError*>(&e); le && !le->problems().empty()) return le->problems();
  return {{path, "", cp::Message::plain(e.what())}};
}

bool sameFile(const std::string& a, const std::string& b) {
  std::error_code ec1, ec2;
  const fs::path pa = fs::weakly_canonical(a, ec1), pb = fs::weakly_canonical(b, ec2);
  return !ec1 && !ec2 && pa == pb;
}

}  // namespace

std::vector<cp::Problem> openWorkshop(AppState& state, const std::string& path) {
  std::shared_ptr<const cp::Workshop> w;
  try {
    w = std::make_shared<const cp::Workshop>(cp::loadWorkshop(path));
  } catch (const std::exception& e) {
    return problemsOf(path, e);
  }
  startWorkshop(state, std::move(w), cp::WorkshopSession{}, "");
  return {};
}

void closeWorkshop(AppState& state) {
  const bool was = workshopActive(state);
  ws(state) = WorkshopState{};
  state.ui.view.workshop_team = 0;
  if (was) {
    markSaved(state.doc);  // the played levers stay, as a plain scenario
  }
}

bool workshopActive(const AppState& state) {
  const WorkshopState& w = ws(state);
  return w.workshop && w.applied.sameLoad(version(state.doc)) && hasScenario(state.doc);
}

//-----------------------------------------------------------------------------
// [SECTION] Moves and rounds
//-----------------------------------------------------------------------------

int openRound(const AppState& state) {
  if (!workshopActive(state)) return 0;
  const WorkshopState& w = ws(state);
  return w.session.rounds_played < w.workshop->rounds ? w.session.rounds_played + 1 : 0;
}

std::string enterMove(AppState& state, const cp::Move& move) {
  if (!workshopActive(state)) return tr("no workshop is open");
  WorkshopState& w = ws(state);
  const int open = openRound(state);
  if (open == 0) return tr("every round has been played");
  if (move.round != open)
    return cp::i18n::messageText(
        cp::reason("round {}, team '{}', lever '{}': {}", move.round, move.team, move.lever,
                   cp::reason("round {} is not open; moves go into round {}", move.round, open)));
  if (auto why = cp::checkMove(*w.workshop, move)) return cp::i18n::messageText(*why);
  auto& moves = w.session.moves;
  const auto same = std::find_if(moves.begin(), moves.end(), [&](const cp::Move& m) {
    return m.round == move.round && m.team == move.team && m.lever == move.lever;
  });
  if (same != moves.end()) {
    *same = move;  // moving the same lever again in the dashboard replaces its move
  } else {
    if (auto why = cp::checkMoveCount(*w.workshop, moves, move)) return cp::i18n::messageText(*why);
    moves.push_back(move);
  }
  w.error.clear();
  refreshEntered(w);
  return "";
}

void removeMove(AppState& state, const std::string& team, const std::string& lever) {
  if (!workshopActive(state)) return;
  WorkshopState& w = ws(state);
  const int open = openRound(state);
  auto& moves = w.session.moves;
  moves.erase(std::remove_if(moves.begin(), moves.end(),
                             [&](const cp::Move& m) { return m.round == open && m.team == team && m.lever == lever; }),
              moves.end());
  refreshEntered(w);
}

const cp::Move* pendingMove(const AppState& state, const std::string& team, const std::string& lever) {
  const int open = openRound(state);
  if (open == 0) return nullptr;
  for (const cp::Move& m : ws(state).session.moves)
    if (m.round == open && m.team == team && m.lever == lever) return &m;
  return nullptr;
}

double enteredValue(const AppState& state, int lever) {
  const WorkshopState& w = ws(state);
  const cp::Scenario& s = w.entered ? *w.entered : w.workshop->scenario;
  const int round = std::max(1, openRound(state) == 0 ? w.workshop->rounds : openRound(state));
  return cp::leverValueAt(s, lever, w.workshop->roundFirst(round));
}

bool playRound(AppState& state) {
  if (openRound(state) == 0) return false;
  WorkshopState& w = ws(state);
  ++w.session.rounds_played;
  w.undone.clear();
  w.error.clear();
  applyPlayed(state);
  showPlayedMonths(state);
  return true;
}

bool stepBackRound(AppState& state) {
  if (!workshopActive(state)) return false;
  WorkshopState& w = ws(state);
  if (w.session.rounds_played == 0 && w.session.moves.empty()) return false;
  std::vector<cp::Move> dropped = cp::stepBack(w.session);
  w.undone.clear();
  for (cp::Move& m : dropped)
    if (m.round == w.session.rounds_played + 1) w.undone.push_back(std::move(m));
  w.error.clear();
  refreshEntered(w);
  applyPlayed(state);
  showPlayedMonths(state);
  return true;
}

void reenterUndone(AppState& state) {
  if (!workshopActive(state)) return;
  std::vector<cp::Move> moves = std::move(ws(state).undone);
  ws(state).undone.clear();
  for (const cp::Move& m : moves) (void)enterMove(state, m);
}

//-----------------------------------------------------------------------------
// [SECTION] Scoreboard
//-----------------------------------------------------------------------------

void syncWorkshop(AppState& state) {
  if (!workshopActive(state)) return;
  WorkshopState& w = ws(state);
  // Something else changed the levers (Edit > Reset all levers): the game decides them.
  if (version(state.doc) != w.applied) applyPlayed(state);
  const RunState& r = state.runs;
  if (!r.current || !r.baseline || updating(state)) return;
  if (w.board && w.board_data == r.data_generation && w.board_rounds == w.session.rounds_played) return;
  try {
    w.board = cp::score(*r.current, *r.baseline, *w.workshop, w.session.rounds_played);
    w.board_data = r.data_generation;
    w.board_rounds = w.session.rounds_played;
  } catch (const std::exception& e) {
    w.error = std::string("scoring failed: ") + e.what();
    w.board.reset();
  }
}

const cp::Scoreboard* workshopBoard(const AppState& state) {
  if (!workshopActive(state)) return nullptr;
  const WorkshopState& w = ws(state);
  if (!w.board || updating(state) || w.board_data != state.runs.data_generation ||
      w.board_rounds != w.session.rounds_played)
    return nullptr;
  return &*w.board;
}

int workshopFutureFrom(const AppState& state) {
  if (!workshopActive(state)) return -1;
  const cp::Workshop& w = *ws(state).workshop;
  const int played = ws(state).session.rounds_played;
  const int last = played > 0 ? w.roundLast(played) : w.start - 1;
  return std::clamp(last - state.dash.months.start, 0, std::max(0, state.dash.months.count() - 1));
}

bool workshopDirty(const AppState& state) {
  return workshopActive(state) && !(ws(state).session == ws(state).saved_session);
}

//-----------------------------------------------------------------------------
// [SECTION] Sessions
//-----------------------------------------------------------------------------

std::string saveWorkshopSession(AppState& state, const std::string& path) {
  if (!workshopActive(state)) return tr("no workshop is open");
  WorkshopState& w = ws(state);
  cp::WorkshopSession s = w.session;
  s.workshop_path = cp::workshopPathFor(w.workshop->file, path);
  if (std::string error = cp::saveSession(path, s); !error.empty()) return error;
  w.session.workshop_path = s.workshop_path;
  w.saved_session = w.session;
  w.session_path = path;
  return "";
}

std::vector<cp::Problem> loadWorkshopSession(AppState& state, const std::string& path) {
  cp::WorkshopSession s;
  try {
    s = cp::loadSession(path);
  } catch (const std::exception& e) {
    return problemsOf(path, e);
  }
  const std::string file = cp::sessionWorkshopFile(s, path);
  std::shared_ptr<const cp::Workshop> w;
  if (workshopActive(state) && sameFile(ws(state).workshop->file, file)) {
    w = ws(state).workshop;
  } else {
    try {
      w = std::make_shared<const cp::Workshop>(cp::loadWorkshop(file));
    } catch (const std::exception& e) {
      return problemsOf(file, e);
    }
  }
  if (std::vector<cp::Problem> problems = cp::checkSession(s, *w, path); !problems.empty()) return problems;
  startWorkshop(state, std::move(w), s, path);
  return {};
}

std::vector<cp::Problem> resumeWorkshop(AppState& state, const cp::WorkshopSession& progress,
                                        const std::string& session_path, const std::string& name) {
  std::shared_ptr<const cp::Workshop> w;
  try {
    w = std::make_shared<const cp::Workshop>(cp::loadWorkshop(progress.workshop_path));
  } catch (const std::exception& e) {
    return problemsOf(progress.workshop_path, e);
  }
  if (std::vector<cp::Problem> problems = cp::checkSession(progress, *w, name); !problems.empty()) return problems;
  cp::WorkshopSession s = progress;
  s.workshop_path = session_path.empty() ? "" : cp::workshopPathFor(progress.workshop_path, session_path);
  startWorkshop(state, std::move(w), s, session_path);
  // Unsaved unless the session file still holds this game (a crash after the last Save).
  cp::WorkshopSession on_disk;
  try {
    if (!session_path.empty()) on_disk = cp::loadSession(session_path);
  } catch (const std::exception&) {}
  if (session_path.empty() || !(on_disk == s)) ws(state).saved_session = cp::WorkshopSession{};
  return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Report
//-----------------------------------------------------------------------------

namespace {

bool endsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// 3 significant digits with k / M / bn / trn (in Ukrainian тис. / млн / млрд / трлн and a
// decimal comma); `whole` for counts below 10k (chips are not split).
std::string scaled(double v, bool whole = false) {
  const cp::i18n::NumberStyle& st = cp::i18n::numberStyle();
  const bool english = st.decimal == '.';
  const double a = std::fabs(v);
  const auto sig = [&](double x, const char* suffix, int k) {
    const double ax = std::fabs(x);
    const int decimals = ax >= 100 ? 0 : ax >= 10 ? 1 : 2;
    return cp::i18n::localizeNumber(fmt::format("{:.{}f}", x, decimals)) + (english ? suffix : st.scales[k]);
  };
  if (a >= 1e12) return sig(v / 1e12, " trn", 4);
  if (a >= 1e9) return sig(v / 1e9, " bn", 3);
  if (a >= 1e6) return sig(v / 1e6, "M", 2);
  if (a >= 1e4) return sig(v / 1e3, "k", 1);
  return cp::i18n::localizeNumber(whole ? fmt::format("{:.0f}", v) : fmt::format("{:.4g}", v));
}

}  // namespace

std::string roundMonths(const cp::Workshop& w, int round) {
  return std::string(displayMonth(w.roundFirst(round))) + tr(" to ") + displayMonth(w.roundLast(round));
}

std::string moveValueText(const cp::Workshop& w, const cp::Move& m) {
  const int l = w.scenario.findLever(m.lever);
  if (l < 0) return m.value;
  const cp::Lever& lever = w.scenario.levers[static_cast<size_t>(l)];
  const auto v = cp::parseLeverValue(lever, m.value, nullptr);
  return v ? displayLeverValue(lever, *v) : m.value;
}

std::vector<const cp::TeamScore*> rankedTeams(const cp::Scoreboard& board) {
  std::vector<const cp::TeamScore*> out;
  for (const cp::TeamScore& ts : board.teams) out.push_back(&ts);
  std::stable_sort(out.begin(), out.end(),
                   [](const cp::TeamScore* a, const cp::TeamScore* b) { return a->total > b->total; });
  return out;
}

namespace {

// What moved a team's points most in a round: the objective (or none) and whether it moved.
struct Driver {
  const cp::Objective* objective = nullptr;  // null: no objective moved by 0.05 points
  const cp::ObjectiveScore* score = nullptr;
  bool moved = false;
  const char* none() const { return moved ? tr("no change on its objectives yet") : tr("no move, no change"); }
};

std::optional<Driver> roundDriverOf(const cp::Workshop& w, const cp::WorkshopSession& s, const cp::TeamScore& ts,
                                    int round) {
  if (round < 1 || round > static_cast<int>(ts.rounds.size())) return std::nullopt;
  const cp::Team& team = w.teams[static_cast<size_t>(ts.team)];
  const cp::RoundScore& rs = ts.rounds[static_cast<size_t>(round - 1)];
  size_t best = rs.objectives.size();
  for (size_t o = 0; o < rs.objectives.size() && o < team.objectives.size(); ++o)
    if (best == rs.objectives.size() || std::fabs(rs.objectives[o].points) > std::fabs(rs.objectives[best].points))
      best = o;
  Driver d;
  d.moved = std::any_of(s.moves.begin(), s.moves.end(),
                        [&](const cp::Move& m) { return m.round == round && m.team == team.id; });
  if (best < rs.objectives.size() && std::fabs(rs.objectives[best].points) >= 0.05) {
    d.objective = &team.objectives[best];
    d.score = &rs.objectives[best];
  }
  return d;
}

}  // namespace

std::string roundDriver(const cp::Workshop& w, const cp::WorkshopSession& s, const cp::TeamScore& ts, int round) {
  const std::optional<Driver> d = roundDriverOf(w, s, ts, round);
  if (!d) return "";
  if (!d->objective) return d->none();
  const cp::Objective& obj = *d->objective;
  const cp::ObjectiveScore& os = *d->score;
  return trf("{}: {} vs {} ({}{})", tr(obj.label), formatObjectiveValue(os.value, obj.metric),
             formatObjectiveValue(os.baseline, obj.metric), cp::i18n::localizeNumber(fmt::format("{:+.1f}", os.points)),
             d->moved ? "" : tr(", no move of its own"));
}

std::string roundDriverName(const cp::Workshop& w, const cp::WorkshopSession& s, const cp::TeamScore& ts, int round) {
  const std::optional<Driver> d = roundDriverOf(w, s, ts, round);
  if (!d) return "";
  return d->objective ? tr(d->objective->label) : d->none();
}

std::string formatObjectiveValue(double v, const std::string& metric) {
  if (!std::isfinite(v)) return "n/a";
  if (endsWith(metric, "_flop")) return cp::i18n::localizeNumber(fmt::format("{:.2e} FLOP", v));
  if (metric.find("share") != std::string::npos) return cp::i18n::localizeNumber(fmt::format("{:.1f}%", v * 100.0));
  if (endsWith(metric, "_usd")) return (v < 0 ? "-$" : "$") + scaled(std::fabs(v));
  if (endsWith(metric, "_h100e")) return scaled(v) + " H100e";
  if (endsWith(metric, "_months")) return cp::i18n::localizeNumber(trf("{:.1f} months", v));
  if (endsWith(metric, "_mw")) return scaled(v) + " " + tr("MW");
  if (endsWith(metric, "_units")) return scaled(v, true) + tr(" units");
  return scaled(v);
}

namespace {

std::string leverLabel(const cp::Workshop& w, const std::string& id) {
  const int i = w.scenario.findLever(id);
  return i < 0 ? id : tr(w.scenario.levers[static_cast<size_t>(i)].label);
}

void writeMoves(std::string& md, const cp::Workshop& w, const std::vector<cp::Move>& moves, int round) {
  bool any = false;
  for (const cp::Move& m : moves) {
    if (m.round != round) continue;
    if (!any) md += tr("| Team | Lever | Value |\n|---|---|---|\n");
    any = true;
    const int t = w.findTeam(m.team);
    md += fmt::format("| {} | {} (`{}`) | {} |\n",
                      markdownCell(t < 0 ? m.team : std::string(tr(w.teams[static_cast<size_t>(t)].name))),
                      markdownCell(leverLabel(w, m.lever)), m.lever, markdownCell(moveValueText(w, m)));
  }
  md += any ? "\n" : tr("No moves.\n\n");
}

}  // namespace

std::string workshopReportMarkdown(const cp::Workshop& w, const cp::WorkshopSession& s, const cp::Scoreboard& board,
                                   const std::vector<std::pair<std::string, std::string>>& images) {
  const int played = board.rounds_played;
  std::string md = trf("# {}: workshop report\n\n", tr(w.name));
  if (!w.description.empty()) md += tr(w.description) + std::string("\n\n");
  md += trf("Scenario `{}`; {} of {} rounds played, {} months each from {}.\n\n", displayPath(w.scenario_file), played,
            w.rounds, w.round_months, displayMonth(w.start));

  md += tr("## Standings\n\n| Team |");
  for (int r = 1; r <= played; ++r)
    md += trf(" Round {} ({} to {}) |", r, displayMonth(w.roundFirst(r)), displayMonth(w.roundLast(r)));
  md += tr(" Total |\n|---|");
  for (int r = 0; r <= played; ++r) md += "---:|";
  md += "\n";
  for (const cp::TeamScore* ts : rankedTeams(board)) {
    md += "| " + markdownCell(tr(w.teams[static_cast<size_t>(ts->team)].name)) + " |";
    for (const cp::RoundScore& rs : ts->rounds) md += cp::i18n::localizeNumber(fmt::format(" {:+.1f} |", rs.points));
    md += cp::i18n::localizeNumber(fmt::format(" **{:+.1f}** |\n", ts->total));
  }
  md +=
      tr("\nRanked by total. A round's points are the sum over the team's objectives; each scores its change "
         "against the baseline run (nobody moved) in proportion, up to its full points and down to minus them, "
         "as each team's Objectives list says.\n\n");
  if (played > 0) {
    md += trf("What moved each team's points most in round {}:\n\n", played);
    for (const cp::TeamScore* ts : rankedTeams(board))
      md += "- " + std::string(tr(w.teams[static_cast<size_t>(ts->team)].name)) + ": " +
            roundDriver(w, s, *ts, played) + "\n";
    md += "\n";
  }
  md += tr("## Objectives\n\n");
  for (const cp::TeamScore& ts : board.teams) {
    const cp::Team& team = w.teams[static_cast<size_t>(ts.team)];
    md += "### " + std::string(tr(team.name)) + "\n\n";
    for (const cp::Objective& o : team.objectives) md += "- " + objectiveInWords(o) + "\n";
    md += tr("\n\n| Objective | Round | Played | Baseline | Points |\n|---|---:|---:|---:|---:|\n");
    for (const cp::RoundScore& rs : ts.rounds)
      for (size_t o = 0; o < rs.objectives.size() && o < team.objectives.size(); ++o) {
        const cp::Objective& obj = team.objectives[o];
        const cp::ObjectiveScore& os = rs.objectives[o];
        md += cp::i18n::localizeNumber(trf("| {} ({} is better, weight {:g}) | {} | {} | {} | {:+.1f} |\n",
                                           markdownCell(tr(obj.label)), tr(cp::toString(obj.better)), obj.weight,
                                           rs.round, formatObjectiveValue(os.value, obj.metric),
                                           formatObjectiveValue(os.baseline, obj.metric), os.points));
      }
    md += "\n";
  }

  md += tr("## Moves\n\n");
  for (int r = 1; r <= played; ++r) {
    md += trf("### Round {} ({} to {})\n\n", r, displayMonth(w.roundFirst(r)), displayMonth(w.roundLast(r)));
    writeMoves(md, w, s.moves, r);
  }
  if (played < w.rounds &&
      std::any_of(s.moves.begin(), s.moves.end(), [&](const cp::Move& m) { return m.round > played; })) {
    md += trf("### Entered for round {} (not played yet)\n\n", played + 1);
    writeMoves(md, w, s.moves, played + 1);
  }
  md += tr("The same game on the command line:\n\n```sh\nchokepoint-cli workshop score ") + displayPath(w.file);
  for (const cp::Move& m : s.moves)
    if (m.round <= played) md += " \\\n    --move " + cp::formatMoveArg(m);
  md += fmt::format(" \\\n    --rounds {}\n```\n\n", played);

  if (!images.empty()) {
    md +=
        trf("## Charts\n\nAs shown after round {}: solid with the moves, dashed as if nobody had moved; "
            "months after {} are greyed.\n\n",
            played, displayMonth(played > 0 ? w.roundLast(played) : w.start - 1));
    for (const auto& [title, file] : images) md += fmt::format("![{}]({})\n\n", title, file);
  }
  return md;
}

std::string requestWorkshopReport(AppState& state, const std::string& md_path) {
  if (!workshopActive(state)) return tr("no workshop is open");
  const cp::Scoreboard* board = workshopBoard(state);
  if (!board) return tr("the scoreboard is still being computed; try again in a moment");
  if (reportInProgress(state)) return tr("a report is being written");
  const fs::path md(md_path);
  const std::string stem = md.stem().string();
  std::vector<std::pair<std::string, std::string>> images;
  ReportExport queue;
  const size_t charts = std::min(chartSpecs().size(), state.dash.charts.size());
  for (size_t c = 0; c < charts; ++c) {
    const std::string file = stem + "_" + chartSpecs()[c].id + ".png";
    images.emplace_back(tr(chartTitle(chartSpecs()[c], state.dash.charts[c].flop)), file);
    queue.charts.push_back(static_cast<int>(c));
    queue.files.push_back((md.parent_path() / file).string());
  }
  std::string error;
  if (!writeFileAtomically(md, workshopReportMarkdown(*ws(state).workshop, ws(state).session, *board, images), &error))
    return error;
  queue.restore_enlarged = state.ui.view.enlarged_chart;
  queue.restore_theme = state.ui.theme;
  if (!queue.charts.empty()) state.ui.theme = Theme::Light;  // printable pictures; restored after the last one
  ws(state).report = std::move(queue);
  return "";
}

void tickWorkshopReport(AppState& state) {
  ReportExport& r = ws(state).report;
  if (r.charts.empty()) return;
  if (state.ui.requests.screenshot) return;  // the main loop has not taken the last picture yet
  if (r.waiting) {
    r.charts.erase(r.charts.begin());
    r.files.erase(r.files.begin());
    r.waiting = false;
    if (r.charts.empty()) {
      state.ui.view.enlarged_chart = r.restore_enlarged;
      state.ui.theme = r.restore_theme;
      return;
    }
  }
  state.ui.view.enlarged_chart = r.charts.front();
  state.ui.requests.screenshot = ScreenshotRequest{r.files.front(), /*crop_to_enlarged_chart=*/true, 2};
  r.waiting = true;
}

bool reportInProgress(const AppState& state) { return !ws(state).report.charts.empty(); }

}  // namespace cp::app
