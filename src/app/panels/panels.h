// The dashboard's panels, one file each (panel_<name>.cpp). Each draws into the current
// window from the model (AppState, const) and writes only the view (UiState); changes to the
// model are commands (commands.h), file work goes through requests. app_ui.cpp lays them out
// (the file dialogs still take the whole AppState).
#pragma once

#include "app/core/app_state.h"

#include <string>
#include <vector>

namespace cp::app {

void drawLeverPanel(const AppState& state, UiState& ui);  // panel_levers.cpp: the lever catalogue (edits: commands)
void drawKpiCards(const AppState& state, UiState& ui);    // panel_kpis.cpp: KPI cards for the scrubber month
// panel_kpis.cpp: how a KPI's change reads for the workshop team whose tab is open: +1
// better, -1 worse (the team has an objective on that series), 0 neutral (no such team).
int kpiVerdict(const AppState& state, size_t kpi, double delta);
// panel_kpis.cpp: what a KPI card `card_width` pixels wide shows in the current theme and
// language, line by line (measured in the current ImGui frame): the drawing uses it.
struct KpiCardText {
  std::vector<std::string> title;   // at most two lines; a longer title ends in "..."
  std::string value;                // the value's large part: "1.4M", "1,4"
  std::vector<std::string> unit;    // the small rest, beside it: "H100e"; or stacked: "млн", "H100e"
  bool value_large = true;          // in the value face (else, on a very narrow card, the label's)
  bool unit_below = false;          // the small rest on the line below instead
  std::vector<std::string> change;  // "▼ -0,43" "-2,1%" when it wraps; empty: no run to compare
  bool moved = false;               // an arrow, not "= as loaded"
  int verdict = 0;                  // kpiVerdict()
  std::vector<std::string> range;   // with uncertainty bands on
  double now = 0, base = 0;
};
KpiCardText kpiCardText(const AppState& state, size_t kpi, float card_width);
// The cards drawKpiCards drew last, in kpiSpecs() order, as laid out (presenter mode shares
// the row's width by need, or falls back to the small faces where its words do not fit).
const std::vector<KpiCardText>& lastKpiCards();
// panel_scrubber.cpp: month slider; `uncertainty`: the bands toggle at the row's end (a short screen)
void drawScrubber(const AppState& state, UiState& ui, bool uncertainty = false);
// panel_charts.cpp: grid of charts, under the bands toggle unless the scrubber has it
void drawChartGrid(const AppState& state, UiState& ui, bool uncertainty_bar = true);
// panel_charts.cpp: pages of one row (or column) of charts that fill the area, as presenter mode shows them
void drawChartPages(const AppState& state, UiState& ui);
void drawEnlargedChart(const AppState& state, UiState& ui);  // panel_charts.cpp: one chart, large (own window)
// panel_charts.cpp: chart indices in the order drawn (a story card's first; in presenter
// mode then the most changed), how much the edits moved a chart (sum |current - loaded|
// over sum |loaded|), and the month index after which the charts show projection (the
// scenario's last recorded event), -1 for none.
std::vector<size_t> chartOrder(const AppState& state);
double chartChange(const ChartData& data);
// The mean width of a chart's p10-p90 bands relative to their median (0 when none).
double bandWidth(const std::vector<BandSeries>& bands);
int recordEndIndex(const AppState& state);
void drawCompaniesTable(const AppState& state, UiState& ui);  // panel_companies.cpp
void drawChipsTable(const AppState& state, UiState& ui);      // panel_chips.cpp
void drawRuleTimeline(const AppState& state, UiState& ui);    // panel_rules.cpp
void drawWhyPanel(const AppState& state, UiState& ui);        // panel_why.cpp
void drawErrorPanel(const AppState& state, UiState& ui);      // panel_error.cpp: every load problem
void drawDialogs(const AppState& state, UiState& ui);         // panel_dialogs.cpp: open, save as, export, confirm
void drawRecoveryDialogs(const AppState& state,
                         UiState& ui);  // panel_recovery.cpp: restore session, file changed on disk
void drawUncertaintyBar(const AppState& state, UiState& ui);  // panel_uncertainty.cpp: bands toggle and progress
// panel_sources.cpp: the sources file next to a scenario (state.sources), the "Source: S42"
// lines of tooltips with each id's title, publisher, date and address, Help > Sources.
void loadSourcesNear(AppState& state, const std::string& scenario_path);
void drawSourceLines(const AppState& state, const std::string& text, const char* caption = "Source");
void drawSourcesWindow(const AppState& state, UiState& ui);
void drawExplainTab(const AppState& state, UiState& ui);  // panel_explain.cpp: waterfall of the edits
// panel_explain.cpp: presenter mode offers the Explain tab's waterfall as the charts' first
// page once a lever is changed (outside a workshop); drawn on the pager's line and below it.
bool waterfallPageOffered(const AppState& state);
void drawWaterfallPage(const AppState& state, UiState& ui);
void drawSensitivityTab(const AppState& state, UiState& ui);  // panel_explain.cpp: tornado over every lever
void drawCompareWindow(const AppState& state, UiState& ui);   // panel_compare.cpp: scenarios side by side

}  // namespace cp::app
