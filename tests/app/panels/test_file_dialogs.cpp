// The one file-dialog system (app/core/dialogs.h): the scenario's and the classroom's
// dialogs are FileDialogs drawn by the same function, with the same keys, and a failed
// save or open comes back in the same dialog with what was typed and why.
#include "app/classroom/classroom_ui.h"
#include "app/core/app_state.h"
#include "app/core/redraw.h"

#include "dashboard_fixture.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

namespace {

using namespace cp;
using namespace cp::app;
using cp::test::DashboardFixture;
using cp::test::ImGuiHarness;
using cp::test::TempDir;

TEST(FileDialogs, ClassroomAndScenarioRequestsGoThroughOneSlotAndAskForFrames) {
  DashboardFixture d;
  requestClassroomDialog(d.state, ClassroomDialog::OpenWorkshop);
  ASSERT_TRUE(d.state.ui.dialogs.requested);
  EXPECT_STREQ(d.state.ui.dialogs.requested->title, "Open workshop");
  EXPECT_EQ(d.state.ui.dialogs.requested->kind, FileDialogKind::Open);
  EXPECT_FALSE(d.state.ui.dialogs.requested->files.empty());
  EXPECT_TRUE(backgroundSignals(d.state).animating);  // the dialog opens without waiting for input
  requestExportCsv(d.state);                          // a later request replaces it
  EXPECT_STREQ(d.state.ui.dialogs.requested->title, "Export results (CSV)");
  d.ui.frames(2, d.draw);
  EXPECT_FALSE(d.state.ui.dialogs.requested);
  ASSERT_TRUE(d.state.ui.dialogs.shown);
  EXPECT_TRUE(d.ui.itemRect("export/path"));
  EXPECT_FALSE(d.ui.itemRect("classroom/path"));
}

TEST(FileDialogs, EnterInThePathFieldIsOkAndRaisesTheRequest) {
  DashboardFixture d;
  requestExportCsv(d.state);
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("export/path"));
  d.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_Enter), d.draw);  // the path field has the focus
  EXPECT_FALSE(d.state.ui.dialogs.shown);
  ASSERT_TRUE(d.state.ui.requests.export_csv);
  EXPECT_EQ(*d.state.ui.requests.export_csv, "baseline_results.csv");
}

TEST(FileDialogs, EscapeInEitherSaveDialogDropsTheActionWaitingForTheSave) {
  DashboardFixture d;
  for (int which = 0; which < 2; ++which) {
    d.state.ui.dialogs.pending = PendingAction::Open;  // as after "Save..." in the unsaved-changes question
    d.state.ui.dialogs.continue_after_save = true;
    if (which == 0)
      requestSaveScenarioAs(d.state);
    else
      requestClassroomDialog(d.state, ClassroomDialog::SaveSessionAs);
    d.ui.frames(2, d.draw);
    ASSERT_TRUE(d.state.ui.dialogs.shown) << which;
    d.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_Escape), d.draw);
    EXPECT_FALSE(d.state.ui.dialogs.shown) << which;
    EXPECT_EQ(d.state.ui.dialogs.pending, PendingAction::None) << which;
    EXPECT_FALSE(d.state.ui.dialogs.continue_after_save) << which;
    EXPECT_FALSE(d.state.ui.requests.save_as) << which;
    EXPECT_FALSE(d.state.classroom.requests.save_session) << which;
  }
}

TEST(FileDialogs, AFailedClassroomOpenComesBackWithWhatWasTypedAndWhy) {
  DashboardFixture d;
  requestClassroomDialog(d.state, ClassroomDialog::OpenStory);
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.itemRect("classroom/path"));
  const std::string typed = "no_such_folder/no_such_story.json";
  d.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_A), d.draw,
                test::KeyMods{.ctrl = true});  // the path field has the focus
  d.ui.typeText(typed.c_str(), d.draw);
  ASSERT_TRUE(d.ui.clickItem("classroom/ok", d.draw));
  EXPECT_FALSE(d.state.ui.dialogs.shown);
  handleRequests(d.state);
  ASSERT_TRUE(d.state.ui.dialogs.requested);
  EXPECT_STREQ(d.state.ui.dialogs.requested->title, "Open story");
  EXPECT_EQ(d.state.ui.dialogs.requested->path, typed);
  EXPECT_NE(d.state.ui.dialogs.requested->error.find("no_such_story"), std::string::npos)
      << d.state.ui.dialogs.requested->error;
  EXPECT_TRUE(d.state.ui.status_is_error);
  EXPECT_EQ(d.state.ui.status_message.rfind("Story not opened: ", 0), 0u) << d.state.ui.status_message;
  d.ui.frames(2, d.draw);
  EXPECT_TRUE(d.ui.itemRect("classroom/path"));
}

// Save onto an existing file asks first; OK again replaces it, another name asks nothing.
TEST(FileDialogs, SavingOntoAnExistingFileAsksBeforeReplacingIt) {
  TempDir dir;
  const auto existing = dir / "results.csv";
  std::ofstream(existing) << "keep me";
  DashboardFixture d;
  requestExportCsv(d.state);
  d.state.ui.dialogs.requested->path = existing.string();
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.clickItem("export/ok", d.draw));
  ASSERT_TRUE(d.state.ui.dialogs.shown) << "asked, not written";
  EXPECT_FALSE(d.state.ui.requests.export_csv);
  EXPECT_EQ(d.state.ui.dialogs.shown->replace_asked, existing.string());
  d.ui.frames(1, d.draw);
  ASSERT_TRUE(d.ui.clickItem("export/ok", d.draw));  // now "Replace"
  EXPECT_FALSE(d.state.ui.dialogs.shown);
  ASSERT_TRUE(d.state.ui.requests.export_csv);
  EXPECT_EQ(*d.state.ui.requests.export_csv, existing.string());

  requestExportCsv(d.state);
  d.state.ui.dialogs.requested->path = (dir / "new.csv").string();
  d.ui.frames(2, d.draw);
  ASSERT_TRUE(d.ui.clickItem("export/ok", d.draw));
  EXPECT_FALSE(d.state.ui.dialogs.shown) << "a new file needs no question";
}

TEST(FileDialogs, AFailedSaveAsComesBackWithTheNameAndPathTypedAndWhy) {
  DashboardFixture d;
  d.state.ui.requests.save_as = "no_such_folder/variant.json";
  d.state.ui.requests.save_as_name = "My variant";
  handleRequests(d.state);
  ASSERT_TRUE(d.state.ui.dialogs.requested);
  EXPECT_STREQ(d.state.ui.dialogs.requested->title, "Save scenario as");
  EXPECT_EQ(d.state.ui.dialogs.requested->path, "no_such_folder/variant.json");
  EXPECT_EQ(d.state.ui.dialogs.requested->name, "My variant");
  EXPECT_FALSE(d.state.ui.dialogs.requested->error.empty());
  EXPECT_TRUE(d.state.ui.status_is_error);
  d.ui.frames(2, d.draw);
  EXPECT_TRUE(d.ui.itemRect("saveas/name"));
  EXPECT_TRUE(d.ui.itemRect("saveas/path"));
}

}  // namespace
