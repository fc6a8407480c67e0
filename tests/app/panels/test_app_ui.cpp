// Drives the dashboard UI headlessly through ImGuiHarness.
#include "app/panels/app_ui.h"
#include "app/panels/theme.h"
#include "app/panels/ui_probe.h"

#include "imgui_harness.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>  // FindWindowByName
#include <imgui_stdlib.h>

#include <fstream>

using namespace cp::app;
using cp::test::ImGuiHarness;
using cp::test::KeyMods;
using cp::test::TempDir;

namespace {

// Opens a main-menu-bar menu and clicks one of its items.
void clickMenuItem(ImGuiHarness& ui, const ImGuiHarness::DrawFn& draw, const std::string& menu,
                   const std::string& item) {
  ASSERT_TRUE(ui.clickItem("menu/" + menu, draw)) << "menu/" << menu << " not drawn";
  ui.frame(draw);  // a new popup is laid out in its first frame and shown in the next
  ASSERT_TRUE(ui.clickItem(menu + "/" + item, draw)) << menu << "/" << item << " not drawn";
}

float luminance(const ImVec4& c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; }

}  // namespace

TEST(Harness, ClickTogglesCheckbox) {
  ImGuiHarness ui;
  bool enabled = false;
  const auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::Begin("Test window");
    ImGui::Checkbox("Enable export rule", &enabled);
    probeItem("checkbox");
    ImGui::End();
  };
  ui.frame(draw);
  const auto rect = ui.itemRect("checkbox");
  ASSERT_TRUE(rect);
  EXPECT_GT(rect->width(), 0.0f);

  ui.click(rect->center(), draw);
  EXPECT_TRUE(enabled);
  ui.click(rect->center(), draw);
  EXPECT_FALSE(enabled);
}

TEST(Harness, TypesUtf8IntoTextField) {
  ImGuiHarness ui;
  std::string text;
  const auto draw = [&] {
    ImGui::Begin("Typing");
    ImGui::InputText("Company", &text);
    probeItem("field");
    ImGui::End();
  };
  ui.frame(draw);
  ASSERT_TRUE(ui.clickItem("field", draw));
  ui.typeText("ByteDance Сингапур", draw);
  EXPECT_EQ(text, "ByteDance Сингапур");
}

TEST(Harness, UnknownItemIsNotClicked) {
  ImGuiHarness ui;
  ui.frame([] {});
  EXPECT_FALSE(ui.itemRect("nothing"));
  EXPECT_FALSE(ui.clickItem("nothing", [] {}));
}

TEST(AppUi, DrawsMenusForAnEmptyState) {
  ImGuiHarness ui;
  AppState state;
  const auto draw = [&] { updateAndDraw(state); };
  ui.frames(2, draw);
  EXPECT_TRUE(ui.itemRect("menu/File"));
  EXPECT_TRUE(ui.itemRect("menu/View"));
  EXPECT_TRUE(ui.itemRect("menu/Help"));
  EXPECT_EQ(state.ui.applied_theme, Theme::Dark);
}

TEST(AppUi, ViewMenuSwitchesTheme) {
  ImGuiHarness ui;
  AppState state;
  const auto draw = [&] { updateAndDraw(state); };
  ui.frame(draw);
  const float dark_bg = luminance(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

  clickMenuItem(ui, draw, "View", themeLabel(Theme::Light));
  EXPECT_EQ(state.ui.theme, Theme::Light);
  ui.frame(draw);  // applied at the start of the next frame
  EXPECT_EQ(state.ui.applied_theme, Theme::Light);
  EXPECT_GT(luminance(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]), dark_bg + 0.5f);

  clickMenuItem(ui, draw, "View", themeLabel(Theme::Dark));
  EXPECT_EQ(state.ui.theme, Theme::Dark);
}

// The frame loop syncs once, in update(), before drawing; drawing an edit submits nothing.
TEST(AppUi, DrawingNeverSyncsUpdateDoes) {
  ImGuiHarness ui;
  AppState state;
  state.scenario_path = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json";
  loadScenario(state);
  waitForRuns(state);
  const auto draw_only = [&] { drawUi(state); };
  const auto frame = [&] { updateAndDraw(state); };
  ui.frames(2, frame);
  const Version before = version(state.doc);
  ASSERT_EQ(state.runs.submitted, before);
  const int lever = state.doc.loaded->findLever("us.export_enforcement");
  setLeverValue(state.doc, lever, leverValue(state.doc, lever) > 0.5 ? 0.2 : 0.8);
  const std::uint64_t frame_number = state.runs.frame;
  ui.frames(2, draw_only);
  EXPECT_EQ(state.runs.submitted, before) << "drawUi submitted a run";
  EXPECT_EQ(state.runs.frame, frame_number);
  ui.frame(frame);
  EXPECT_EQ(state.runs.submitted, version(state.doc));
  EXPECT_EQ(state.runs.frame, frame_number + 1);
}

TEST(AppUi, CtrlDigitShortcutsSwitchTheme) {
  ImGuiHarness ui;
  AppState state;
  const auto draw = [&] { updateAndDraw(state); };
  ui.frame(draw);
  ui.pressKey('3', draw, KeyMods{.ctrl = true});
  EXPECT_EQ(state.ui.theme, Theme::Presenter);
  ui.pressKey('2', draw, KeyMods{.ctrl = true});
  EXPECT_EQ(state.ui.theme, Theme::Light);
  ui.pressKey('1', draw);  // no Ctrl: ignored
  EXPECT_EQ(state.ui.theme, Theme::Light);
}

// Help > Keyboard shortcuts lists the story's card keys beside the menus' shortcuts: the
// classroom reviewer looked there for the arrows and did not find them.
TEST(AppUi, KeyboardShortcutsWindowListsTheStorysCardKeys) {
  ImGuiHarness ui;
  AppState state;
  const auto draw = [&] { updateAndDraw(state); };
  ui.frame(draw);
  clickMenuItem(ui, draw, "Help", "Keyboard shortcuts");
  ui.frames(2, draw);
  ASSERT_TRUE(state.ui.windows.shortcuts);
  ImGuiWindow* window = ImGui::FindWindowByName("###Keyboard shortcuts");
  ASSERT_NE(window, nullptr);
  for (const char* keys : {"Esc", "Page Up / Page Down", "Left / Right arrows"}) {
    const auto rect = ui.itemRect(std::string("shortcuts/") + keys);
    ASSERT_TRUE(rect) << keys << " is not listed";
    EXPECT_TRUE(window->Rect().Contains(ImRect(rect->min, rect->max))) << keys << " is cut off";
  }
}

TEST(AppUi, QuitFromMenuAndShortcut) {
  ImGuiHarness ui;
  AppState state;
  const auto draw = [&] { updateAndDraw(state); };
  ui.frame(draw);
  clickMenuItem(ui, draw, "File", "Quit");
  EXPECT_TRUE(state.ui.requests.quit);

  AppState other;
  const auto draw_other = [&] { updateAndDraw(other); };
  ui.frame(draw_other);
  ui.pressKey('Q', draw_other, KeyMods{.ctrl = true});
  EXPECT_TRUE(other.ui.requests.quit);
}

// The menu bar reads the state const: what would drop unsaved edits (Quit) is a command,
// carried out after the frame's drawing.
TEST(AppUi, MenuQuitIsACommandAppliedAfterTheFrame) {
  ImGuiHarness ui;
  AppState state;
  const auto draw_only = [&] {
    update(state);
    drawUi(state);  // no applyCommands: the queue stays for the test to see
  };
  ui.frame(draw_only);
  clickMenuItem(ui, draw_only, "File", "Quit");
  EXPECT_FALSE(state.ui.requests.quit) << "acted while drawing";
  ASSERT_EQ(state.ui.commands.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<Guarded>(state.ui.commands.front()));
  EXPECT_EQ(std::get<Guarded>(state.ui.commands.front()).action, PendingAction::Quit);
  applyCommands(state);
  EXPECT_TRUE(state.ui.requests.quit);
}

TEST(AppUi, ShortcutWorksWhileMenuIsOpen) {
  ImGuiHarness ui;
  AppState state;
  const auto draw = [&] { updateAndDraw(state); };
  ui.frame(draw);
  ASSERT_TRUE(ui.clickItem("menu/View", draw));
  ui.frame(draw);
  ASSERT_TRUE(ui.itemRect("View/Dark theme")) << "menu did not open";
  ui.pressKey('Q', draw, KeyMods{.ctrl = true});
  EXPECT_TRUE(state.ui.requests.quit);
}

TEST(AppUi, HelpOpensAboutWindow) {
  ImGuiHarness ui;
  AppState state;
  const auto draw = [&] { updateAndDraw(state); };
  ui.frame(draw);
  clickMenuItem(ui, draw, "Help", "About Chokepoint");
  EXPECT_TRUE(state.ui.windows.about);
  ui.frame(draw);
  // The window keeps one id in every language: "###About Chokepoint".
  const ImGuiWindow* about = ImGui::FindWindowByName("###About Chokepoint");
  ASSERT_NE(about, nullptr);
  EXPECT_TRUE(about->Active);
}

TEST(AppUi, ErrorPanelOffersReloadThatRecovers) {
  TempDir dir;
  const auto path = dir / "broken.json";
  std::ofstream(path) << "{ not json";

  AppState state;
  state.scenario_path = path.string();
  loadScenario(state);
  ASSERT_TRUE(state.load_error);

  ImGuiHarness ui;
  const auto draw = [&] { updateAndDraw(state); };
  ui.frames(2, draw);
  ASSERT_TRUE(ui.itemRect("error/Reload")) << "error panel not drawn";

  std::ofstream(path) << R"({"extends": ")" << CHOKEPOINT_SOURCE_DIR << R"(/scenarios/baseline.json"})";
  ASSERT_TRUE(ui.clickItem("error/Reload", draw));
  EXPECT_TRUE(state.ui.requests.reload);
  handleRequests(state);
  EXPECT_FALSE(state.load_error);
  EXPECT_TRUE(state.scenario_loaded);
  ui.frame(draw);
  EXPECT_FALSE(ui.itemRect("error/Reload"));
}

TEST(AppUi, WarningsAndEveryWindowDrawWithoutAsserting) {
  ImGuiHarness ui;
  AppState state;
  state.scenario_path = "scenario.json";
  state.scenario_loaded = true;  // no document: the welcome text
  state.ui.warnings.push_back("font missing");
  state.ui.windows = WindowVisibility{.about = true, .shortcuts = true, .imgui_demo = true, .imgui_metrics = true};
  const auto draw = [&] { updateAndDraw(state); };
  for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
    state.ui.theme = t;
    ui.frames(3, draw);
  }
  SUCCEED();
}

// Menus, pop-ups, tooltips and windows hide what is beneath them in every theme: the
// reviewer read the tab names through Help > Sources at ImGui's default 0.94 alpha.
TEST(AppUi, EveryThemeDrawsWindowsAndPopupsOpaque) {
  for (Theme theme : {Theme::Dark, Theme::Light, Theme::Presenter}) {
    ImGuiStyle style;
    applyTheme(theme, style);
    for (ImGuiCol col : {ImGuiCol_WindowBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg}) {
      EXPECT_EQ(style.Colors[col].w, 1.0f) << themeName(theme) << " " << ImGui::GetStyleColorName(col);
    }
  }
}
