// The document controller on its own, without the rest of the app: opening a scenario runs
// it and its baseline, an edit is run by the next update() and a newer edit supersedes an
// older one; what it shows is always the document's version.
#include "app/core/document_controller.h"

#include "engine/loader.h"
#include "engine/simulate.h"

#include "scenario_paths.h"
#include "shared_baseline.h"

#include <gtest/gtest.h>

using namespace cp::app;

namespace {
std::shared_ptr<const cp::Scenario> baseline() { return cp::test::sharedBaseline(); }
}  // namespace

TEST(DocumentController, OpenRunsTheScenarioAndItsBaseline) {
  DocumentController model;
  UiState ui;
  model.open("baseline.json", baseline());
  EXPECT_TRUE(model.updating());
  model.waitForRuns(ui);
  ASSERT_TRUE(model.runs.current && model.runs.baseline);
  EXPECT_FALSE(model.updating());
  EXPECT_EQ(model.runs.current->fingerprint(), cp::simulate(*baseline()).fingerprint());
  EXPECT_EQ(model.runs.baseline->fingerprint(), model.runs.current->fingerprint());
  EXPECT_EQ(model.dash.months.count(), baseline()->months());
  model.close();
  EXPECT_FALSE(model.runs.current);
  EXPECT_FALSE(model.updating()) << "no document, nothing to wait for";
}

// Sliced (the browser), two edits between frames: one update() runs only the newest and
// shows it; the older was never run.
TEST(DocumentController, SlicedUpdateShowsTheNewestEditOnly) {
  DocumentController model;
  model.setSliced(true);
  UiState ui;
  model.open("baseline.json", baseline());
  model.update(ui);
  ASSERT_TRUE(model.runs.current);
  const int lever = baseline()->findLever("us.export_enforcement");
  setLeverValue(model.doc, lever, 0.25);
  model.update(ui);
  setLeverValue(model.doc, lever, 0.5);
  model.worker.submit(RunSlot::Current, {sharedSnapshot(model.doc), 0});  // an older request still waiting...
  model.update(ui);                                                       // ...is superseded by this frame's
  EXPECT_EQ(model.runs.shown, version(model.doc));
  EXPECT_FALSE(model.updating());
  EXPECT_EQ(model.runs.current->fingerprint(), cp::simulate(*sharedSnapshot(model.doc)).fingerprint());
  EXPECT_EQ(model.worker.cancelledCount(RunSlot::Current), 1);
}
