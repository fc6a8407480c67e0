// The panels' command queue (commands.h): edits wait in state.ui.commands until applied,
// in order; a drag and its end are one undo step; a lever that is not there is ignored.
#include "app/core/app_state.h"
#include "app/core/commands.h"

#include "scenario_paths.h"

#include <gtest/gtest.h>

using namespace cp::app;

namespace {
struct Loaded {
  AppState state;
  int lever = -1;
  Loaded() {
    state.scenario_path = cp::test::baselinePath();
    loadScenario(state);
    lever = state.doc.loaded->findLever("us.export_enforcement");
  }
};
}  // namespace

TEST(Commands, WaitInTheQueueUntilApplied) {
  Loaded l;
  ASSERT_GE(l.lever, 0);
  const double before = leverValue(l.state.doc, l.lever);
  const Version v = version(l.state.doc);
  l.state.ui.commands.push_back(SetLever{l.lever, 0.9, false});
  EXPECT_EQ(leverValue(l.state.doc, l.lever), before) << "pushing does not edit";
  EXPECT_EQ(version(l.state.doc), v);
  applyCommands(l.state);
  EXPECT_DOUBLE_EQ(leverValue(l.state.doc, l.lever), 0.9);
  EXPECT_NE(version(l.state.doc), v);
  EXPECT_TRUE(l.state.ui.commands.empty());
}

TEST(Commands, DragThenEndIsOneUndoStepAndUndoRestores) {
  Loaded l;
  const double before = leverValue(l.state.doc, l.lever);
  for (double x : {0.6, 0.7, 0.8}) l.state.ui.commands.push_back(SetLever{l.lever, x, true});
  EXPECT_TRUE(dragPending(l.state.ui.commands));
  l.state.ui.commands.push_back(EndGesture{});
  applyCommands(l.state);
  EXPECT_DOUBLE_EQ(leverValue(l.state.doc, l.lever), 0.8);
  EXPECT_EQ(l.state.doc.undo_stack.size(), 1u);
  EXPECT_FALSE(gestureOpen(l.state.doc));
  l.state.ui.commands.push_back(Undo{});
  applyCommands(l.state);
  EXPECT_DOUBLE_EQ(leverValue(l.state.doc, l.lever), before);
  l.state.ui.commands.push_back(Redo{});
  l.state.ui.commands.push_back(ResetAllLevers{});
  applyCommands(l.state);
  EXPECT_EQ(changedLeverCount(l.state.doc), 0);
  EXPECT_EQ(l.state.doc.undo_stack.size(), 2u) << "redo, then reset all as its own step";
}

TEST(Commands, UpdateAppliesWhatIsLeftAndSubmitsItThatFrame) {
  Loaded l;
  waitForRuns(l.state);
  l.state.ui.commands.push_back(SetLever{l.lever, 0.95, false});
  update(l.state);
  EXPECT_EQ(l.state.runs.submitted, version(l.state.doc)) << "the edit is submitted by the same update";
}

TEST(Commands, ALeverThatIsNotThereIsIgnored) {
  Loaded l;
  const Version v = version(l.state.doc);
  l.state.ui.commands.push_back(SetLever{leverCount(l.state.doc), 1.0, false});
  l.state.ui.commands.push_back(ResetLever{-1});
  applyCommands(l.state);
  EXPECT_EQ(version(l.state.doc), v);
  AppState empty;  // no scenario: nothing to edit, nothing thrown
  empty.ui.commands.push_back(SetLever{0, 1.0, false});
  empty.ui.commands.push_back(Undo{});
  applyCommands(empty);
  EXPECT_TRUE(empty.ui.commands.empty());
}
