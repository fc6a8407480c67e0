// The document: edit copy of lever settings, change detection, undo/redo, gestures.
#include "app/core/document.h"

#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/month.h"

#include "scenario_paths.h"
#include "shared_baseline.h"

#include <gtest/gtest.h>

#include <memory>

using namespace cp::app;

namespace {

std::shared_ptr<const cp::Scenario> baseline() { return cp::test::sharedBaseline(); }

Document freshDocument() { return openDocument("baseline.json", baseline()); }

int leverIndex(const Document& doc, const char* id) { return doc.loaded->findLever(id); }

}  // namespace

TEST(Document, OpensUnchanged) {
  const Document doc = freshDocument();
  EXPECT_EQ(changedLeverCount(doc), 0);
  EXPECT_FALSE(isDirty(doc));
  EXPECT_FALSE(canUndo(doc));
  const int i = leverIndex(doc, "us.tpp_threshold");
  EXPECT_DOUBLE_EQ(leverValue(doc, i), 4800.0);
  EXPECT_EQ(scheduleText(doc, i), "4800 TPP");  // as the slider shows it
}

TEST(Document, SetChangesAndBackToDefaultIsUnchanged) {
  Document doc = freshDocument();
  const int i = leverIndex(doc, "us.remote_access_control");
  setLeverValue(doc, i, 1.0);
  EXPECT_TRUE(leverChanged(doc, i));
  EXPECT_EQ(changedLeverCount(doc), 1);
  EXPECT_TRUE(isDirty(doc));
  setLeverValue(doc, i, 0.0);
  EXPECT_FALSE(leverChanged(doc, i));
  EXPECT_FALSE(isDirty(doc));
  EXPECT_EQ(doc.undo_stack.size(), 2u);
}

TEST(Document, UndoRedoRestoreEdits) {
  Document doc = freshDocument();
  const int i = leverIndex(doc, "us.export_enforcement");
  const auto rev0 = doc.revision;
  setLeverValue(doc, i, 0.9);
  setLeverValue(doc, i, 0.2);
  EXPECT_GT(doc.revision, rev0);
  undo(doc);
  EXPECT_DOUBLE_EQ(leverValue(doc, i), 0.9);
  undo(doc);
  EXPECT_DOUBLE_EQ(leverValue(doc, i), 0.5);
  EXPECT_FALSE(canUndo(doc));
  redo(doc);
  EXPECT_DOUBLE_EQ(leverValue(doc, i), 0.9);
  setLeverValue(doc, i, 0.7);  // a new edit drops the redo history
  EXPECT_FALSE(canRedo(doc));
}

TEST(Document, GestureIsOneUndoStep) {
  Document doc = freshDocument();
  const int i = leverIndex(doc, "us.export_enforcement");
  beginGesture(doc);
  for (int k = 0; k < 10; ++k) setLeverValue(doc, i, k / 10.0);
  EXPECT_FALSE(canUndo(doc)) << "no undo in the middle of a drag";
  endGesture(doc);
  ASSERT_EQ(doc.undo_stack.size(), 1u);
  undo(doc);
  EXPECT_DOUBLE_EQ(leverValue(doc, i), 0.5);
}

TEST(Document, GestureWithoutChangeLeavesNoStep) {
  Document doc = freshDocument();
  beginGesture(doc);
  endGesture(doc);
  EXPECT_FALSE(canUndo(doc));
}

TEST(Document, ResetLeverAndResetAll) {
  Document doc = freshDocument();
  const int a = leverIndex(doc, "us.h20_licence");
  const int b = leverIndex(doc, "sg.enforcement");
  setLeverValue(doc, a, 0.0);
  setLeverValue(doc, b, 1.0);
  resetLever(doc, a);
  EXPECT_FALSE(leverChanged(doc, a));
  EXPECT_TRUE(leverChanged(doc, b));
  resetAllLevers(doc);
  EXPECT_EQ(changedLeverCount(doc), 0);
  undo(doc);  // Reset all is undoable
  EXPECT_TRUE(leverChanged(doc, b));
}

TEST(Document, DatedSettingsFromCliAreASchedule) {
  Document doc = freshDocument();
  const auto settings = cp::parseLeverArgs({"cn.nvidia_guidance=0.5", "cn.nvidia_guidance=0.9@2026-01"}, *doc.loaded);
  applyLeverSettings(doc, settings);
  const int i = leverIndex(doc, "cn.nvidia_guidance");
  EXPECT_TRUE(hasDatedSchedule(doc, i));
  EXPECT_TRUE(leverChanged(doc, i));
  EXPECT_EQ(scheduleText(doc, i), "50%, then 90% from 2026-01");  // a share, as the slider shows it
  EXPECT_DOUBLE_EQ(leverValueInMonth(doc, i, *cp::parseMonth("2025-12")), 0.5);
  EXPECT_DOUBLE_EQ(leverValueInMonth(doc, i, *cp::parseMonth("2027-01")), 0.9);
  EXPECT_EQ(doc.undo_stack.size(), 1u);

  const cp::Scenario snap = snapshot(doc);
  EXPECT_DOUBLE_EQ(cp::leverValueAt(snap, i, *cp::parseMonth("2027-01")), 0.9);
  EXPECT_EQ(cp::leverScheduleStrings(snap, i), (std::vector<std::string>{"0.5", "0.9@2026-01"}));
}

TEST(Document, StepFunctionIgnoresRedundantPoints) {
  const cp::Lever& l = baseline()->levers[0];
  cp::LeverSchedule same;
  same.points = {{0, l.value}, {2026 * 12, l.value}};
  EXPECT_EQ(stepFunction(l, same), stepFunction(l, cp::LeverSchedule{}));
}

TEST(Document, VersionIsNewPerOpenAndPerEditAndSurvivesAFailedLoad) {
  Document a = freshDocument();
  const Document b = freshDocument();
  EXPECT_FALSE(version(a).sameLoad(version(b))) << "two opens of the same file are two loads";
  const Version v0 = version(a);
  setLeverValue(a, leverIndex(a, "us.export_enforcement"), 0.9);
  EXPECT_NE(version(a), v0);
  EXPECT_TRUE(version(a).sameLoad(v0));
  undo(a);
  EXPECT_NE(version(a), v0) << "undo is an edit too: results of the old revision are not reused blindly";
  closeDocument(a);
  EXPECT_FALSE(hasScenario(a));
  EXPECT_TRUE(version(a).sameLoad(v0)) << "a failed load gives no generation an earlier load had";
}

TEST(Document, SharedSnapshotIsBuiltOncePerVersion) {
  Document doc = freshDocument();
  const auto first = sharedSnapshot(doc);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(sharedSnapshot(doc), first) << "the run, the trace and the bands of one edit share one copy";
  const int i = leverIndex(doc, "us.export_enforcement");
  setLeverValue(doc, i, 0.9);
  const auto second = sharedSnapshot(doc);
  EXPECT_NE(second, first);
  EXPECT_EQ(first->lever_schedules[static_cast<size_t>(i)].points,
            baseline()->lever_schedules[static_cast<size_t>(i)].points)
      << "a snapshot handed out is never changed";
  EXPECT_EQ(second->lever_schedules[static_cast<size_t>(i)].points,
            snapshot(doc).lever_schedules[static_cast<size_t>(i)].points);
  EXPECT_EQ(sharedSnapshot(Document{}), nullptr);
}

TEST(Document, ReplaceEditsForgetsHistoryAndMarksSavedOnlyWhenAsked) {
  Document doc = freshDocument();
  const int i = leverIndex(doc, "us.export_enforcement");
  setLeverValue(doc, i, 0.9);
  LeverEdits edits = doc.edits;
  const Version before = version(doc);
  replaceEdits(doc, edits, /*as_saved=*/false);
  EXPECT_NE(version(doc), before);
  EXPECT_FALSE(canUndo(doc));
  EXPECT_TRUE(isDirty(doc));
  replaceEdits(doc, edits, /*as_saved=*/true);
  EXPECT_FALSE(isDirty(doc));
  setLeverValue(doc, i, 0.1);
  setSaveTarget(doc, "variant.json", "Variant");
  markSaved(doc);
  EXPECT_FALSE(isDirty(doc));
  EXPECT_EQ(doc.saved_path, "variant.json");
}
