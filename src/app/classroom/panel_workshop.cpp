// Workshop mode's panels. Left column (in place of the lever panel): the round, the
// facilitator's Play round / Step back, a tab per team with its brief, objectives and its
// own levers to move this round; other teams' levers are listed read-only. Under the
// charts: the scoreboard (points per team and round) and the moves played so far.
//
// [SECTION] Helpers
// [SECTION] One lever: the team's move
// [SECTION] drawWorkshopPanel
// [SECTION] drawWorkshopResults: scoreboard and moves

#include "app/classroom/classroom_ui.h"

#include "app/panels/ui_common.h"
#include "app/panels/ui_probe.h"
#include "engine/levers.h"
#include "engine/month.h"
#include "app/core/dashboard_data.h"
#include "app/core/tr.h"
#include "i18n/format.h"
#include "app/charts/chart.h"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace cp::app {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

const cp::Workshop& workshopOf(const AppState& state) { return *state.classroom.workshop.workshop; }

double snapToStep(const cp::Lever& l, double v) {
  if (l.step > 0) v = l.min + std::round((v - l.min) / l.step) * l.step;
  return std::clamp(v, l.min, l.max);
}

int pendingCount(const AppState& state, const std::string& team) {
  const int open = openRound(state);
  int n = 0;
  for (const cp::Move& m : state.classroom.workshop.session.moves) n += m.round == open && m.team == team ? 1 : 0;
  return n;
}

//-----------------------------------------------------------------------------
// [SECTION] One lever: the team's move
//-----------------------------------------------------------------------------

void move(const AppState& state, UiState& ui, const cp::Team& team, const cp::Lever& l, double value) {
  ui.commands.push_back(WorkshopMove{openRound(state), team.id, l.id, cp::formatLeverValue(l, value)});
}

// The lever's widget, showing its value in the open round with every move entered so far.
void drawMoveWidget(const AppState& state, UiState& ui, const cp::Team& team, int index) {
  const cp::Lever& l = workshopOf(state).scenario.levers[static_cast<size_t>(index)];
  const double value = enteredValue(state, index);
  ImGui::SetNextItemWidth(-FLT_MIN);
  switch (l.kind) {
    case cp::LeverKind::Bool: {
      bool on = value > 0.5;
      if (ImGui::Checkbox(on ? tr("on") : tr("off"), &on)) move(state, ui, team, l, on ? 1.0 : 0.0);
      break;
    }
    case cp::LeverKind::Number:
    case cp::LeverKind::Share: {
      const bool percent = l.kind == cp::LeverKind::Share;
      const double scale = percent ? 100.0 : 1.0;
      double shown = value * scale;
      const double lo = l.min * scale, hi = l.max * scale;
      const char* format = percent ? "%.0f%%" : "%.2f";
      if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &shown, &lo, &hi, format, ImGuiSliderFlags_AlwaysClamp))
        move(state, ui, team, l, snapToStep(l, shown / scale));
      break;
    }
    case cp::LeverKind::Month: {
      const cp::Scenario& s = workshopOf(state).scenario;
      bool never = value >= cp::kNever;
      if (ImGui::Checkbox(tr("never"), &never))
        move(state, ui, team, l,
             never ? double(cp::kNever) : double(workshopOf(state).roundFirst(std::max(1, openRound(state)))));
      ImGui::SameLine();
      int month = never ? s.start : std::clamp(static_cast<int>(std::lround(value)), s.start, s.end);
      const std::string label = never ? std::string(tr("never")) : displayMonth(month);
      ImGui::BeginDisabled(never);
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (ImGui::SliderInt("##m", &month, s.start, s.end, label.c_str(), ImGuiSliderFlags_AlwaysClamp) && !never)
        move(state, ui, team, l, month);
      ImGui::EndDisabled();
      break;
    }
    case cp::LeverKind::Choice: {
      const int current = static_cast<int>(std::lround(value));
      if (ImGui::BeginCombo("##c", displayLeverValue(l, current).c_str())) {
        for (size_t o = 0; o < l.options.size(); ++o) {
          ImGui::PushID(static_cast<int>(o));
          if (ImGui::Selectable(l.options[o].c_str(), static_cast<int>(o) == current))
            move(state, ui, team, l, static_cast<double>(o));
          ImGui::PopID();
        }
        ImGui::EndCombo();
      }
      break;
    }
  }
  probeItem(("workshop/lever/" + l.id).c_str());
  if (!l.help.empty()) itemTooltip(tr(l.help));
}

void drawTeamLever(const AppState& state, UiState& ui, const cp::Team& team, int index) {
  const cp::Lever& l = workshopOf(state).scenario.levers[static_cast<size_t>(index)];
  const bool moved = pendingMove(state, team.id, l.id) != nullptr;
  ImGui::PushTextWrapPos(0.0f);
  if (moved)
    ImGui::TextColored(changedColor(ui.theme), "%s", tr(l.label));
  else
    ImGui::TextUnformatted(tr(l.label));
  ImGui::PopTextWrapPos();
  if (!l.help.empty()) itemTooltip(tr(l.help));
  drawMoveWidget(state, ui, team, index);
  if (const cp::Move* pending = pendingMove(state, team.id, l.id)) {  // after the widget: it may move
    ImGui::TextColored(changedColor(ui.theme), tr("Move: %s = %s"), l.id.c_str(), pending->value.c_str());
    ImGui::SameLine();
    const std::string lever_id = l.id;  // `pending` dies with the move
    if (ImGui::SmallButton(tr("Take back"))) ui.commands.push_back(TakeBackMove{team.id, lever_id});
    probeItem(("workshop/take_back/" + lever_id).c_str());
  }
  ImGui::Spacing();
}

// Every lever no team of this tab controls: read-only, with the value the played rounds leave.
void drawOtherLevers(const AppState& state, const cp::Team& team) {
  const cp::Workshop& w = workshopOf(state);
  const std::string header = std::string(tr("Other levers (read-only)")) + "###others";
  if (!ImGui::CollapsingHeader(header.c_str())) return;
  const int month = w.roundFirst(std::max(1, openRound(state) == 0 ? w.rounds : openRound(state)));
  ImGui::PushStyleColor(ImGuiCol_Text, dimColor());
  ImGui::PushTextWrapPos(0.0f);
  for (int i = 0; i < static_cast<int>(w.scenario.levers.size()); ++i) {
    const cp::Lever& l = w.scenario.levers[static_cast<size_t>(i)];
    const int owner = w.teamOfLever(l.id);
    if (owner >= 0 && w.teams[static_cast<size_t>(owner)].id == team.id) continue;
    ImGui::PushID(i);
    const std::string value = displayLeverValue(l, leverValueInMonth(state.doc, i, month));
    ImGui::Text("%s: %s%s%s", tr(l.label), value.c_str(), owner >= 0 ? "  (" : "",
                owner >= 0 ? (std::string(tr(w.teams[static_cast<size_t>(owner)].name)) + ")").c_str() : "");
    ImGui::PopID();
  }
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

// Team tabs as a wrapping row of buttons (six team names do not fit one tab bar).
void drawTeamTabs(const AppState& state, UiState& ui) {
  const cp::Workshop& w = workshopOf(state);
  int& active = ui.view.workshop_team;
  active = std::clamp(active, 0, static_cast<int>(w.teams.size()) - 1);
  const float right = ImGui::GetWindowContentRegionMax().x;
  for (size_t t = 0; t < w.teams.size(); ++t) {
    const cp::Team& team = w.teams[t];
    const int n = pendingCount(state, team.id);
    const std::string label =
        n > 0 ? fmt::format("{} ({})###t", tr(team.name), n) : std::string(tr(team.name)) + "###t";
    const float bw =
        ImGui::CalcTextSize(label.substr(0, label.find("###")).c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (t > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + bw > right) ImGui::NewLine();
    }
    ImGui::PushID(static_cast<int>(t));
    const bool on = static_cast<int>(t) == active;
    ImVec4 col = highlightColor(ui.theme);
    col.w = 0.55f;
    ImGui::PushStyleColor(ImGuiCol_Button,
                          on ? ImGui::ColorConvertFloat4ToU32(col) : ImGui::GetColorU32(ImGuiCol_FrameBg));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, on ? 2.0f : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, highlightColor(ui.theme));
    if (ImGui::Button(label.c_str())) active = static_cast<int>(t);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    probeItem(("workshop/team/" + team.id).c_str());
    ImGui::PopID();
  }
}

void drawFacilitator(const AppState& state, UiState& ui) {
  const WorkshopState& ws = state.classroom.workshop;
  const cp::Workshop& w = workshopOf(state);
  const int open = openRound(state);
  if (open > 0) {
    pushBold(ui);
    ImGui::Text(tr("Round %d of %d"), open, w.rounds);
    ImGui::PopFont();
    ImGui::SameLine(0.0f, 0.0f);
    ImGui::TextDisabled(": %s", roundMonths(w, open).c_str());
  } else {
    pushBold(ui);
    ImGui::Text(tr("All %d rounds played"), w.rounds);
    ImGui::PopFont();
  }
  ImGui::BeginDisabled(open == 0 || updating(state));
  const std::string play = open > 0 ? trf("Play round {}", open) : std::string(tr("Play round"));
  if (ImGui::Button(play.c_str())) ui.commands.push_back(PlayRound{});
  ImGui::EndDisabled();
  probeItem("workshop/play");
  itemTooltip(
      tr("The moves entered for this round take effect from its first month; the model runs to its "
         "last month and the scoreboard adds the round."));
  ImGui::SameLine();
  ImGui::BeginDisabled(ws.session.rounds_played == 0 && ws.session.moves.empty());
  if (ImGui::Button(tr("Step back"))) ui.commands.push_back(StepBackRound{});
  ImGui::EndDisabled();
  probeItem("workshop/step_back");
  itemTooltip(tr("Undo the last round played: its moves (and any entered since) are taken back and offered again."));
  if (workshopDirty(state)) {
    ImGui::SameLine();
    if (ImGui::CalcTextSize(tr("unsaved")).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();  // no room: below
    ImGui::TextColored(warningColor(ui.theme), "%s", tr("unsaved"));
    itemTooltip(tr("File > Save workshop session keeps the game (moves and rounds played)."));
  }
  if (!ws.undone.empty()) {
    ImGui::TextDisabled(tr("%zu move(s) of round %d taken back."), ws.undone.size(), ws.session.rounds_played + 1);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Enter them again"))) ui.commands.push_back(ReenterUndone{});
    probeItem("workshop/reenter");
  }
  if (!ws.error.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(errorColor(ui.theme), "%s", ws.error.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] drawWorkshopPanel
//-----------------------------------------------------------------------------

void drawWorkshopPanel(const AppState& state, UiState& ui) {
  if (!workshopActive(state)) return;
  const cp::Workshop& w = workshopOf(state);
  pushBold(ui);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(tr(w.name));
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  drawFacilitator(state, ui);
  ImGui::Separator();
  drawTeamTabs(state, ui);
  ImGui::Separator();

  ImGui::BeginChild("##team", ImVec2(0, 0), false);
  const cp::Team& team = w.teams[static_cast<size_t>(ui.view.workshop_team)];
  ImGui::PushID(team.id.c_str());
  const int open = openRound(state);
  pushBold(ui);
  if (open > 0)
    ImGui::Text(tr("%s: moves for round %d"), tr(team.name), open);
  else
    ImGui::Text(tr("%s: levers (the game is over)"), tr(team.name));
  ImGui::PopFont();
  if (open > 0) ImGui::TextDisabled(tr("Each move holds from %s on."), displayMonth(w.roundFirst(open)));
  if (team.levers.empty()) ImGui::TextDisabled("%s", tr("No levers: this team plays by negotiating."));
  ImGui::BeginDisabled(open == 0);
  for (const std::string& id : team.levers) {
    const int index = w.scenario.findLever(id);
    if (index < 0) continue;
    ImGui::PushID(index);
    drawTeamLever(state, ui, team, index);
    ImGui::PopID();
  }
  ImGui::EndDisabled();
  if (ImGui::CollapsingHeader(trId("Brief and objectives", "###brief"), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::PushTextWrapPos(0.0f);
    if (!team.brief.empty()) ImGui::TextUnformatted(tr(team.brief));
    for (size_t o = 0; o < team.objectives.size(); ++o) {
      const cp::Objective& obj = team.objectives[o];
      ImGui::Bullet();
      ImGui::TextWrapped(tr("%s (%s is better, %.0f%% of the points)"), tr(obj.label), tr(cp::toString(obj.better)),
                         obj.weight * 100.0);
    }
    ImGui::PopTextWrapPos();
  }
  drawOtherLevers(state, team);
  ImGui::PopID();
  ImGui::EndChild();
}

//-----------------------------------------------------------------------------
// [SECTION] drawWorkshopResults: scoreboard and moves
//-----------------------------------------------------------------------------

namespace {

// "+1.5" / "+1,5" in the language's style; no "-0.0".
std::string signedPoints(double v) {
  return cp::i18n::localizeNumber(fmt::format("{:+.1f}", std::fabs(v) < 0.05 ? 0.0 : v));
}

void scoreCell(const AppState& state, const cp::Team& team, const cp::RoundScore& rs) {
  const ImVec4 col = rs.points >= 0.05    ? betterColor(state.ui.theme)
                     : rs.points <= -0.05 ? worseColor(state.ui.theme)
                                          : dimColor();
  ImGui::TextColored(col, "%s", signedPoints(rs.points).c_str());
  if (!ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::Text(tr("%s, round %d"), tr(team.name), rs.round);
  for (size_t o = 0; o < rs.objectives.size() && o < team.objectives.size(); ++o) {
    const cp::ObjectiveScore& os = rs.objectives[o];
    ImGui::Text(tr("%s: %s (nobody moved: %s) -> %s"), tr(team.objectives[o].label),
                formatObjectiveValue(os.value, team.objectives[o].metric).c_str(),
                formatObjectiveValue(os.baseline, team.objectives[o].metric).c_str(), signedPoints(os.points).c_str());
  }
  ImGui::EndTooltip();
}

// `full_drivers`: the last column says what moved each team with its figures, wrapped (else
// the objective's name, the figures on hover).
void drawScoreboard(const AppState& state, UiState& ui, bool full_drivers) {
  const cp::Workshop& w = workshopOf(state);
  const WorkshopState& ws = state.classroom.workshop;
  const cp::Scoreboard* board = workshopBoard(state);
  pushBold(ui);
  ImGui::TextUnformatted(tr("Scoreboard"));
  ImGui::PopFont();
  ImGui::SameLine();
  if (ws.session.rounds_played == 0) {
    ImGui::TextDisabled("%s", tr("play round 1 to score it"));
  } else if (!board) {
    ImGui::TextColored(warningColor(ui.theme), "%s", tr("updating..."));
  } else {
    ImGui::TextDisabled("%s", tr("points vs. nobody moving"));
    itemTooltip(
        tr("Per objective: points in proportion to the change against the run in which nobody moved, up to "
           "100 x weight for a change as large as the objective's scale (or as that run's value). Hover a score "
           "for each objective."));
  }
  const cp::Scoreboard* shown = board ? board : (ws.board ? &*ws.board : nullptr);
  const int played = shown ? shown->rounds_played : 0;
  const int cols = 4 + w.rounds;  // rank, team, rounds, total, what moved it
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##board", cols, flags)) return;
  float team_w = 0.0f;  // the longest team name, whole
  for (const cp::Team& t : w.teams) team_w = std::max(team_w, ImGui::CalcTextSize(tr(t.name)).x);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("#9").x);
  ImGui::TableSetupColumn(tr("Team"), ImGuiTableColumnFlags_WidthFixed, team_w);
  const float score_w = ImGui::CalcTextSize("+100.0").x;
  for (int r = 1; r <= w.rounds; ++r) {
    // Yearly rounds from January read best as years; others as R1, R2...
    const bool years = w.round_months == 12 && cp::monthOf(w.start) == 1;
    const std::string h = years ? std::to_string(cp::yearOf(w.roundFirst(r))) : fmt::format("R{}", r);
    ImGui::TableSetupColumn(h.c_str(), ImGuiTableColumnFlags_WidthFixed, score_w);
  }
  ImGui::TableSetupColumn(tr("Total"), ImGuiTableColumnFlags_WidthFixed, score_w);
  // The round first: a narrow column cuts the end of its heading.
  const std::string driver_head =
      played > 0 ? trf("Round {}: what moved it most", played) : std::string(tr("What moved it most"));
  ImGui::TableSetupColumn(driver_head.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  // Ranked by total once a round is played; before that in the workshop's order.
  std::vector<int> rows;
  if (shown && played > 0)
    for (const cp::TeamScore* ts : rankedTeams(*shown)) rows.push_back(ts->team);
  for (int t = 0; t < static_cast<int>(w.teams.size()); ++t)
    if (std::find(rows.begin(), rows.end(), t) == rows.end()) rows.push_back(t);
  for (size_t rank = 0; rank < rows.size(); ++rank) {
    const size_t t = static_cast<size_t>(rows[rank]);
    ImGui::PushID(static_cast<int>(t));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (played > 0)
      ImGui::Text("%zu", rank + 1);
    else
      ImGui::TextDisabled("-");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(w.teams[t].name));
    const cp::TeamScore* ts = nullptr;
    if (shown)
      for (const cp::TeamScore& s : shown->teams)
        if (s.team == static_cast<int>(t)) ts = &s;
    for (int r = 1; r <= w.rounds; ++r) {
      ImGui::TableNextColumn();
      if (ts && r <= static_cast<int>(ts->rounds.size()))
        scoreCell(state, w.teams[t], ts->rounds[static_cast<size_t>(r - 1)]);
      else
        ImGui::TextDisabled("-");
    }
    ImGui::TableNextColumn();
    if (ts && played == 0) {
      ImGui::TextDisabled("-");
    } else if (ts) {
      if (rank == 0) pushBold(ui);
      ImGui::Text("%s", signedPoints(ts->total).c_str());
      if (rank == 0) ImGui::PopFont();
    }
    ImGui::TableNextColumn();
    if (ts && played > 0) {
      const std::string driver = roundDriver(w, ws.session, *ts, played);
      const bool name_only = !full_drivers || ImGui::GetContentRegionAvail().x < em() * 16.0f;
      const std::string shown = name_only ? roundDriverName(w, ws.session, *ts, played) : driver;
      ImGui::PushStyleColor(ImGuiCol_Text, dimColor());
      if (ui.presenter)  // one line a team, so the board fits beside a chart
        ImGui::TextUnformatted(chart::elided(shown, ImGui::GetContentRegionAvail().x).c_str());
      else
        ImGui::TextWrapped("%s", shown.c_str());
      ImGui::PopStyleColor();
      probeItem("workshop/driver");
      if (name_only) itemTooltip(driver.c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  probeItem("workshop/board");
  ImGui::PushStyleColor(ImGuiCol_Text, dimColor());                               // wrapped: longer in some languages
  ImFont* small = ui.presenter && ui.fonts.regular ? ui.fonts.regular : nullptr;  // a note, not for the room
  if (small) ImGui::PushFont(small);
  ImGui::TextWrapped("%s",
                     tr("Ranked by total; points vs. the run where nobody moved; hover a score for each objective."));
  if (small) ImGui::PopFont();
  ImGui::PopStyleColor();
  probeItem("workshop/board_legend");
}

void drawMoveHistory(const AppState& state, UiState& ui) {
  const cp::Workshop& w = workshopOf(state);
  const WorkshopState& ws = state.classroom.workshop;
  pushBold(ui);
  ImGui::TextUnformatted(tr("Moves"));
  ImGui::PopFont();
  if (ws.session.moves.empty()) ImGui::TextDisabled("%s", tr("No moves yet."));
  for (int r = 1; r <= ws.session.rounds_played; ++r) {
    ImGui::PushID(r);
    ImGui::PushStyleColor(ImGuiCol_Text, dimColor());  // wrapped: a narrow column in some languages
    ImGui::TextWrapped(tr("Round %d (%s)"), r, roundMonths(w, r).c_str());
    ImGui::PopStyleColor();
    bool any = false;
    for (const cp::Move& m : ws.session.moves) {
      if (m.round != r) continue;
      any = true;
      const int t = w.findTeam(m.team);
      const int l = w.scenario.findLever(m.lever);
      ImGui::Bullet();
      ImGui::TextWrapped("%s: %s = %s", t < 0 ? m.team.c_str() : tr(w.teams[static_cast<size_t>(t)].name),
                         l < 0 ? m.lever.c_str() : tr(w.scenario.levers[static_cast<size_t>(l)].label),
                         moveValueText(w, m).c_str());
    }
    if (!any) ImGui::TextDisabled("%s", tr("  nobody moved"));
    ImGui::PopID();
  }
  const int open = openRound(state);
  int pending = 0;
  for (const cp::Move& m : ws.session.moves) pending += m.round == open ? 1 : 0;
  if (open > 0 && pending > 0)
    ImGui::TextColored(changedColor(ui.theme), tr("Round %d: %d move(s) entered, not played yet"), open, pending);
}

}  // namespace

float workshopResultsHeight(const AppState& state) {
  if (!workshopActive(state)) return 0.0f;
  const int rows = static_cast<int>(workshopOf(state).teams.size()) + 5;  // title, header, teams, legend, margins
  const float estimate =
      (ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2.0f) * static_cast<float>(rows);
  // Wrapped explanations and a wrapped footnote (longer languages) take more: as last drawn.
  return std::max(estimate, state.ui.view.workshop_results_h);
}

void drawWorkshopResults(const AppState& state, UiState& ui) {
  if (!workshopActive(state)) return;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Presenter mode: the scoreboard takes the width (its last column says what moved each team).
  if (ui.presenter) {
    const float top = ImGui::GetCursorPosY();
    drawScoreboard(state, ui, false);  // no height for more lines
    ui.view.workshop_results_h = ImGui::GetCursorPosY() - top + ImGui::GetStyle().ItemSpacing.y;
    return;
  }
  // What the board's columns need (long team names in some languages) with `driver` for
  // its last one, what moved each team.
  const cp::Workshop& w = workshopOf(state);
  float team_w = 0.0f;
  for (const cp::Team& t : w.teams) team_w = std::max(team_w, ImGui::CalcTextSize(tr(t.name)).x);
  const int cols = 4 + w.rounds;
  const auto need = [&](float driver) {
    return ImGui::CalcTextSize("#9").x + team_w + static_cast<float>(w.rounds + 1) * ImGui::CalcTextSize("+100.0").x +
           driver + ImGui::GetStyle().CellPadding.x * 2.0f * static_cast<float>(cols) + ImGui::GetStyle().ScrollbarSize;
  };
  // Beside the moves (which keep 14 em) when the last column keeps 10 em there, else above them.
  const bool side_by_side = need(em() * 10.0f) <= avail.x - em() * 14.0f;
  const float board_w =
      side_by_side ? std::floor(std::clamp(need(em() * 26.0f), avail.x * 0.6f, avail.x - em() * 14.0f)) : 0.0f;
  // Above the moves: every team on one line each, as high as that needs (up to 85%: on a
  // laptop's 768 lines, under the KPI cards, the moves keep their title and scroll).
  constexpr float kBoardShare = 0.85f;
  const float board_h = side_by_side ? 0.0f : std::min(avail.y * kBoardShare, workshopResultsHeight(state));
  ImGui::BeginChild("##board", ImVec2(board_w, board_h), false);
  probeWindow("workshop/board_area");
  drawScoreboard(state, ui, side_by_side);
  // The height the board took (wrapped rows): the next frame's charts leave it room.
  const float board_content = ImGui::GetCursorPosY() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::EndChild();
  ui.view.workshop_results_h = side_by_side ? board_content : board_content / kBoardShare;
  if (side_by_side) ImGui::SameLine();
  ImGui::BeginChild("##moves", ImVec2(0, 0), true);
  drawMoveHistory(state, ui);
  ImGui::EndChild();
}

}  // namespace cp::app
