// Chips tab: production, deliveries, vendor stock and the grey pool of every chip in the
// scrubber month, and totals since the start of the run. Sortable.
#include "app/panels.h"

#include "app/metric_table.h"
#include "app/ui_probe.h"

namespace chokepoint::app {

void drawChipsTable(AppState& state) {
    drawMetricTable({"##chips", "Chip", "Vendor"}, state.dash.chips, chipColumns(), state.view.month);
    probeItem("table/chips");
}

}  // namespace chokepoint::app
