// Chips tab: production, deliveries, vendor stock and the grey pool of every chip in the
// scrubber month, and totals since the start of the run. Sortable.
#include "app/panels/panels.h"

#include "app/panels/metric_table.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"

#include <imgui.h>

namespace cp::app {

void drawChipsTable(const AppState& state, UiState& ui) {
  ImGui::TextDisabled(tr("%s. Units of each chip; \"all\" columns add up every month since %s."),
                      state.dash.months.label(ui.view.month), state.dash.months.label(0));
  drawMetricTable({"##chips", tr("Chip"), tr("Vendor")}, state.dash.chips, chipColumns(), ui.view.month);
  probeItem("table/chips");
}

}  // namespace cp::app
