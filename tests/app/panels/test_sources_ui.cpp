// Sources in the dashboard: the sources file next to the scenario is read with it, and
// Help > Sources lists every id with its title and address, filtered as typed.
#include "app/core/app_state.h"
#include "app/panels/app_ui.h"

#include "dashboard_fixture.h"

#include <gtest/gtest.h>

using namespace cp::app;
using cp::test::DashboardFixture;

TEST(SourcesUi, TheScenariosSourcesAreLoadedAndListed) {
  DashboardFixture d;
  ASSERT_TRUE(d.state.sources_error.empty()) << d.state.sources_error;
  ASSERT_NE(d.state.sources.find("S42"), nullptr);
  EXPECT_NE(d.state.sources.find("S42")->url.find("akingump.com"), std::string::npos);

  ASSERT_TRUE(d.ui.clickItem("menu/Help", d.draw));
  d.ui.frame(d.draw);
  ASSERT_TRUE(d.ui.clickItem("Help/Sources", d.draw));
  d.ui.frames(2, d.draw);
  EXPECT_TRUE(d.state.ui.windows.sources);
  ASSERT_TRUE(d.ui.itemRect("sources/table"));
  EXPECT_EQ(d.state.ui.view.sources_shown, static_cast<int>(d.state.sources.sources.size()));

  ASSERT_TRUE(d.ui.clickItem("sources/filter", d.draw));
  d.ui.typeText("S42", d.draw);
  d.ui.frames(2, d.draw);
  EXPECT_EQ(d.state.ui.view.sources_filter, "S42");
  EXPECT_EQ(d.state.ui.view.sources_shown, 1);  // "S42" is no part of another id ("S142" does not exist)
}
