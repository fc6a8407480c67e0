// The classroom modes' UI (story bar, workshop panels, handout cards) and the small hooks
// the shared panels call to highlight what a story card names or to veil the future.
// ImGui only; the state and file work are in classroom.h, story_mode.h, workshop_mode.h.
//
//   app_ui.cpp:       drawClassroomFileMenu (File menu), drawStoryBar, drawWorkshopPanel,
//                     drawWorkshopResults (layout), drawHandoutCard (after drawDialogs)
//   panel_charts.cpp: chart::future(classroomFutureFrom(state)); highlightChart(state, ui, id, min, max)
//   panel_levers.cpp: BeginGroup(); drawLever(); EndGroup(); highlightLever(state, ui, id)
//   panel_rules.cpp:  highlightRuleRow(state, rule.id, rowMin, rowMax)
#pragma once

#include "app/core/app_state.h"

#include <imgui.h>

#include <string>

namespace cp::app {

void drawClassroomFileMenu(const AppState& state,
                           UiState& ui);  // File menu items: stories, workshops, sessions, report
// Save workshop session: to the session's file, or through the Save dialog when it has none.
void requestSaveWorkshopSession(AppState& state);
// The grey of a handout card's subtitle and footer: at least 4.5:1 on the light theme's
// window background, so it stays legible when printed.
ImVec4 handoutMutedText();
void drawHandoutCard(const AppState& state, UiState& ui);  // a team card over the window while its picture is taken
// The titles of the charts a story card names, each in the language's quotation marks
// ("'Compute by HQ bloc'", «...» in Ukrainian), for the card's "Look at:" line.
std::string storyChartNames(const cp::StoryCard& card);
void drawStoryBar(const AppState& state, UiState& ui);  // the card, Previous / Next, Try it (story mode)
// A column of `size` with the month slider and the story bar, at a face with which the card fits.
void drawStoryColumn(const AppState& state, UiState& ui, ImVec2 size);
void drawWorkshopPanel(const AppState& state, UiState& ui);    // left column in workshop mode: round, teams, moves
void drawWorkshopResults(const AppState& state, UiState& ui);  // under the charts: scoreboard and moves history
float workshopResultsHeight(const AppState& state);            // what the scoreboard needs, in pixels

// The colour of what a story card points at (charts, levers, rules), on the current theme.
ImVec4 highlightColor(Theme theme);
// Month index from which the charts are veiled (story or workshop), -1 for none.
int classroomFutureFrom(const AppState& state);
// Frame a chart cell (min..max) or the last item (a lever's group) when the story card
// names it; just after the card changed, scroll it into view (ui.view.scrollTo*).
// A named chart is drawn chartHighlightInset() inside its cell (0 when not named), so the
// frame lies outside its title, axis labels and line-end labels.
float chartHighlightInset(const AppState& state, const char* chart_id);
void highlightChart(const AppState& state, UiState& ui, const char* chart_id, ImVec2 min, ImVec2 max);
void highlightLever(const AppState& state, UiState& ui, const std::string& lever_id);
void highlightRuleRow(const AppState& state, const std::string& rule_id, ImVec2 min, ImVec2 max);

}  // namespace cp::app
