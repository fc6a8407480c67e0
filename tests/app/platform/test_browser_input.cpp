#include "app/panels/app_ui.h"
#include "app/platform/browser_input.h"

#include <gtest/gtest.h>

using cp::app::glfwKeyFromDom;
using cp::app::isAppShortcut;
using cp::app::kKeyF11;
using cp::app::kWheelLines;
using cp::app::kWheelPages;
using cp::app::kWheelPixels;
using cp::app::wheelSteps;

TEST(BrowserWheel, OneNotchIsOneStepDownPositiveUp) {
  EXPECT_FLOAT_EQ(wheelSteps(100, kWheelPixels), -1.0f);  // Chrome: a notch down is deltaY 100 px
  EXPECT_FLOAT_EQ(wheelSteps(-100, kWheelPixels), 1.0f);  // up is positive, as ImGui wants
  EXPECT_FLOAT_EQ(wheelSteps(3, kWheelLines), -1.0f);     // Firefox: 3 lines a notch
  EXPECT_FLOAT_EQ(wheelSteps(-3, kWheelLines), 1.0f);
  EXPECT_FLOAT_EQ(wheelSteps(1, kWheelPages), -3.0f);  // a page: a few steps
  EXPECT_FLOAT_EQ(wheelSteps(0, kWheelPixels), 0.0f);
}

TEST(BrowserWheel, TrackpadPixelsAreAFractionOfAStep) {
  const float s = wheelSteps(4, kWheelPixels);
  EXPECT_LT(s, 0.0f);
  EXPECT_GT(s, -0.1f);
}

TEST(BrowserKeys, DomKeyCodesMapToGlfw) {
  EXPECT_EQ(glfwKeyFromDom(82), 'R');
  EXPECT_EQ(glfwKeyFromDom(49), '1');
  EXPECT_EQ(glfwKeyFromDom(122), kKeyF11);
  EXPECT_EQ(glfwKeyFromDom(8), -1);  // Backspace: not a shortcut key
}

TEST(BrowserKeys, TheAppsShortcutsAndOnlyThose) {
  for (int key : {'R', 'O', 'S', 'P', '1', '2', '3'}) EXPECT_TRUE(isAppShortcut(key, true, false, false)) << char(key);
  EXPECT_TRUE(isAppShortcut(kKeyF11, false, false, false));
  EXPECT_TRUE(isAppShortcut('S', true, true, false));     // Save as
  EXPECT_FALSE(isAppShortcut('R', false, false, false));  // typing an r
  EXPECT_FALSE(isAppShortcut('C', true, false, false));   // copy stays the browser's
  EXPECT_FALSE(isAppShortcut('V', true, false, false));
  EXPECT_FALSE(isAppShortcut('R', true, false, true));  // Ctrl+Alt+R
  EXPECT_FALSE(isAppShortcut('R', true, true, false));  // Ctrl+Shift+R: the browser's hard reload
}
