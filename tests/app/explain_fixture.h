// Opening the Explain or Sensitivity tab headlessly with the analysis in and drawn.
#pragma once

#include "app/core/explain.h"
#include "engine/levers.h"

#include "dashboard_fixture.h"

#include <string>
#include <vector>

namespace cp::test {

// Applies `levers` (as the CLI types them), moves the slider to `month`, opens `tab` and
// waits for its analysis, then draws it.
inline void openAnalysisTab(DashboardFixture& d, const char* tab, const std::vector<std::string>& levers,
                            const char* month) {
  app::applyLeverSettings(d.state.doc, cp::parseLeverArgs(levers, *d.state.doc.loaded));
  d.settle();
  d.state.ui.view.month = d.monthIndex(month);
  ASSERT_TRUE(d.ui.clickItem(tab, d.draw)) << tab;
  d.ui.frame(d.draw);
  app::waitForExplain(d.state);
  d.ui.frames(2, d.draw);
}

}  // namespace cp::test
