// The dashboard's panels, one file each (panel_<name>.cpp). Each draws into the current
// window from AppState and edits only the document (levers) and the view; file work goes
// through requests. app_ui.cpp lays them out.
#pragma once

#include "app/app_state.h"

namespace chokepoint::app {

void drawLeverPanel(AppState& state);        // panel_levers.cpp: the lever catalogue
void drawKpiCards(AppState& state);          // panel_kpis.cpp: KPI cards for the scrubber month
void drawScrubber(AppState& state);          // panel_scrubber.cpp: month slider
void drawChartGrid(AppState& state);         // panel_charts.cpp: grid of charts
void drawEnlargedChart(AppState& state);     // panel_charts.cpp: one chart, large (own window)
void drawCompaniesTable(AppState& state);    // panel_companies.cpp
void drawChipsTable(AppState& state);        // panel_chips.cpp
void drawRuleTimeline(AppState& state);      // panel_rules.cpp
void drawWhyPanel(AppState& state);          // panel_why.cpp
void drawErrorPanel(AppState& state);        // panel_error.cpp: every load problem
void drawDialogs(AppState& state);           // panel_dialogs.cpp: open, save as, export, confirm
void drawRecoveryDialogs(AppState& state);   // panel_recovery.cpp: restore session, file changed on disk
void drawUncertaintyBar(AppState& state);    // panel_uncertainty.cpp: bands toggle and progress
void drawExplainTab(AppState& state);        // panel_explain.cpp: waterfall of the edits
void drawSensitivityTab(AppState& state);    // panel_explain.cpp: tornado over every lever
void drawCompareWindow(AppState& state);     // panel_compare.cpp: scenarios side by side

}  // namespace chokepoint::app
