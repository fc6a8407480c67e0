// Theme colours read on a washed-out projector: text and dim text at the WCAG minimum for
// text (4.5:1) on every background they are drawn on, in every theme.
#include "app/charts/palette.h"
#include "app/panels/theme.h"

#include <gtest/gtest.h>

#include <imgui.h>

#include <string>

using namespace cp::app;
using cp::chart::contrastRatio;
using cp::chart::over;

namespace {

ImU32 u32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

}  // namespace

TEST(Theme, TextAndDimTextReadOnEveryBackground) {
  for (Theme theme : {Theme::Dark, Theme::Light, Theme::Presenter}) {
    ImGuiStyle style;
    applyTheme(theme, style);
    const ImU32 window = over(u32(style.Colors[ImGuiCol_WindowBg]), IM_COL32_BLACK);
    ImVec4 frame = style.Colors[ImGuiCol_FrameBg];
    frame.w *= 0.5f;  // the charts' plot background
    const struct {
      const char* name;
      ImU32 col;
    } backgrounds[] = {{"window", window},
                       {"child", over(u32(style.Colors[ImGuiCol_ChildBg]), window)},
                       {"pop-up", over(u32(style.Colors[ImGuiCol_PopupBg]), window)},
                       {"plot", over(u32(frame), window)}};
    for (const auto& bg : backgrounds)
      for (ImGuiCol text : {ImGuiCol_Text, ImGuiCol_TextDisabled}) {
        const float ratio = contrastRatio(over(u32(style.Colors[text]), bg.col), bg.col);
        EXPECT_GE(ratio, 4.5f) << themeName(theme) << ": " << (text == ImGuiCol_Text ? "text" : "dim text")
                               << " on the " << bg.name << " background, " << ratio << ":1";
      }
  }
}

TEST(Theme, ContrastRatioIsWcags) {
  EXPECT_NEAR(contrastRatio(IM_COL32_BLACK, IM_COL32_WHITE), 21.0f, 0.01f);
  EXPECT_NEAR(contrastRatio(IM_COL32_WHITE, IM_COL32_WHITE), 1.0f, 1e-6f);
  // ImGui's own light theme: 0.6 grey on 0.97, the 2.66:1 a projector washes out.
  EXPECT_NEAR(contrastRatio(IM_COL32(153, 153, 153, 255), IM_COL32(247, 247, 247, 255)), 2.66f, 0.01f);
}
