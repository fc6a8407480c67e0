// Companies tab: every company that is not a data-centre operator, by channel, largest
// run, frontier gap and offshore share in the scrubber month. Sortable.
#include "app/panels/panels.h"

#include "app/panels/metric_table.h"
#include "app/panels/ui_probe.h"
#include "app/core/tr.h"

#include <imgui.h>

namespace cp::app {

void drawCompaniesTable(const AppState& state, UiState& ui) {
  ImGui::TextDisabled(tr("%s. Compute in H100-equivalents, largest run in FLOP. Click a header to sort; hover it "
                         "for its meaning."),
                      state.dash.months.label(ui.view.month));
  drawMetricTable({"##companies", tr("Company"), tr("HQ")}, state.dash.companies, companyColumns(), ui.view.month);
  probeItem("table/companies");
}

}  // namespace cp::app
