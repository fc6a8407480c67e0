// The Compare scenarios window says when its columns leave out the open scenario's edits.
#include "app/core/document.h"

#include "dashboard_fixture.h"

#include <gtest/gtest.h>

using cp::test::DashboardFixture;

// Compare runs the files from disk: with a lever changed, the baseline column is the file as
// saved, not what the cards beside it show, and the window says so.
TEST(CompareWindow, SaysItsColumnsLeaveOutTheLeverChanges) {
  DashboardFixture d;
  d.state.ui.windows.compare_scenarios = true;
  d.settle();
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("compare/table"));
  EXPECT_FALSE(d.ui.itemRect("compare/unsaved_note")) << "no edits, nothing to warn about";

  const int lever = d.leverIndex("us.advanced_chip_controls");
  ASSERT_GE(lever, 0);
  const double was = cp::app::leverValue(d.state.doc, lever);
  cp::app::setLeverValue(d.state.doc, lever, was != 0.0 ? 0.0 : 1.0);
  d.settle();
  d.ui.frames(2, d.draw);
  const auto note = d.ui.itemRect("compare/unsaved_note");
  ASSERT_TRUE(note) << "the window must say its columns leave out the lever change";
  const auto table = d.ui.itemRect("compare/table");
  ASSERT_TRUE(table);
  EXPECT_LE(note->max.y, table->min.y) << "the note sits above the table it is about";

  cp::app::resetAllLevers(d.state.doc);
  d.settle();
  d.ui.frames(2, d.draw);
  EXPECT_FALSE(d.ui.itemRect("compare/unsaved_note"));
}

// The small multiples draw the first scenario dashed in every picture: a key names it.
TEST(CompareWindow, NamesItsDashedReference) {
  DashboardFixture d;
  d.state.ui.windows.compare_scenarios = true;
  d.settle();
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("compare/table"));
  const auto key = d.ui.itemRect("compare/key");
  ASSERT_TRUE(key) << "with more than one scenario picked, the key says which line is dashed";
  const auto table = d.ui.itemRect("compare/table");
  EXPECT_GE(key->min.y, table->max.y - 1.0f) << "beside the series picker, under the table";
}
