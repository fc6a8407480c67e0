// The dashboard on the baseline scenario in a headless 1600x900 ImGui, with helpers to
// wait for the worker and read what the panels draw.
//
//   DashboardFixture d;                          // loaded, results in, two frames drawn
//   ASSERT_TRUE(d.ui.clickItem("lever/us.remote_access_control", d.draw));
//   d.settle();                                  // worker done, results on screen
//   double v = d.chartValue("china_channels", "Leased offshore", "2027-12");
#pragma once

#include "app/core/app_state.h"
#include "app/panels/app_ui.h"
#include "engine/month.h"

#include "headless_dashboard.h"
#include "scenario_paths.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace cp::test {

struct DashboardFixture : HeadlessDashboard {
  explicit DashboardFixture(const std::string& scenario = baselinePath()) {
    state.scenario_path = scenario;
    app::loadScenario(state);
    settle();
  }

  int monthIndex(const char* yyyymm) const { return *cp::parseMonth(yyyymm) - state.dash.months.start; }

  const app::SeriesData* series(const std::string& chart_id, const std::string& label) const {
    const auto& specs = app::chartSpecs();
    for (size_t c = 0; c < specs.size() && c < state.dash.charts.size(); ++c) {
      if (chart_id != specs[c].id) continue;
      for (const auto& s : state.dash.charts[c].series)
        if (s.label == label) return &s;
    }
    return nullptr;
  }
  double chartValue(const std::string& chart_id, const std::string& label, const char* month,
                    bool baseline = false) const {
    const app::SeriesData* s = series(chart_id, label);
    if (!s) return NAN;
    const auto& v = baseline ? s->baseline : s->current;
    return v.at(static_cast<size_t>(monthIndex(month)));
  }
  double kpi(const std::string& id, bool baseline = false) const {
    const auto& specs = app::kpiSpecs();
    for (size_t k = 0; k < specs.size(); ++k)
      if (id == specs[k].id)
        return app::kpiValue(specs[k], baseline ? state.dash.kpis[k].baseline : state.dash.kpis[k].current,
                             state.ui.view.month);
    return NAN;
  }
  int leverIndex(const char* id) const { return state.doc.loaded->findLever(id); }
};

}  // namespace cp::test
