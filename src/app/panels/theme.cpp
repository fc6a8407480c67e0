#include "app/panels/theme.h"

#include <imgui.h>

namespace cp::app {

std::string_view themeName(Theme theme) {
  switch (theme) {
    case Theme::Dark: return "dark";
    case Theme::Light: return "light";
    case Theme::Presenter: return "presenter";
  }
  return "dark";
}

std::optional<Theme> parseTheme(std::string_view name) {
  for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
    if (themeName(t) == name) return t;
  }
  return std::nullopt;
}

const char* themeLabel(Theme theme) {
  switch (theme) {
    case Theme::Dark: return "Dark theme";
    case Theme::Light: return "Light theme";
    case Theme::Presenter: return "Presenter theme (high contrast)";
  }
  return "Dark theme";
}

namespace {

void applyCommonSizes(ImGuiStyle& style) {
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.PopupRounding = 3.0f;
  style.ScrollbarRounding = 6.0f;
  style.TabRounding = 3.0f;
  style.WindowPadding = ImVec2(10.0f, 10.0f);
  style.FramePadding = ImVec2(6.0f, 4.0f);
  style.ItemSpacing = ImVec2(8.0f, 6.0f);
}

// Black background, white text, saturated yellow/cyan accents: readable on a washed-out
// projector from the back of a room.
void applyPresenterColors(ImGuiStyle& style) {
  ImGui::StyleColorsDark(&style);
  ImVec4* c = style.Colors;
  const ImVec4 black(0.00f, 0.00f, 0.00f, 1.00f);
  const ImVec4 white(1.00f, 1.00f, 1.00f, 1.00f);
  const ImVec4 yellow(1.00f, 0.86f, 0.00f, 1.00f);
  const ImVec4 cyan(0.00f, 0.80f, 1.00f, 1.00f);
  const ImVec4 dark_blue(0.00f, 0.22f, 0.45f, 1.00f);
  const ImVec4 mid_blue(0.00f, 0.35f, 0.70f, 1.00f);

  c[ImGuiCol_Text] = white;
  c[ImGuiCol_TextDisabled] = ImVec4(0.75f, 0.75f, 0.75f, 1.00f);
  c[ImGuiCol_WindowBg] = black;
  c[ImGuiCol_ChildBg] = black;
  c[ImGuiCol_PopupBg] = ImVec4(0.05f, 0.05f, 0.05f, 1.00f);
  c[ImGuiCol_Border] = white;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.12f, 0.12f, 1.00f);
  c[ImGuiCol_FrameBgHovered] = dark_blue;
  c[ImGuiCol_FrameBgActive] = mid_blue;
  c[ImGuiCol_TitleBg] = ImVec4(0.10f, 0.10f, 0.10f, 1.00f);
  c[ImGuiCol_TitleBgActive] = dark_blue;
  c[ImGuiCol_MenuBarBg] = ImVec4(0.10f, 0.10f, 0.10f, 1.00f);
  c[ImGuiCol_CheckMark] = yellow;
  c[ImGuiCol_SliderGrab] = yellow;
  c[ImGuiCol_SliderGrabActive] = white;
  c[ImGuiCol_Button] = dark_blue;
  c[ImGuiCol_ButtonHovered] = mid_blue;
  c[ImGuiCol_ButtonActive] = cyan;
  c[ImGuiCol_Header] = dark_blue;
  c[ImGuiCol_HeaderHovered] = mid_blue;
  c[ImGuiCol_HeaderActive] = cyan;
  c[ImGuiCol_Separator] = white;
  c[ImGuiCol_PlotLines] = yellow;
  c[ImGuiCol_PlotHistogram] = yellow;
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.00f, 0.45f, 0.90f, 0.60f);
  c[ImGuiCol_NavHighlight] = yellow;
}

}  // namespace

void applyTheme(Theme theme, ImGuiStyle& style, float scale) {
  style = ImGuiStyle();
  applyCommonSizes(style);
  switch (theme) {
    case Theme::Dark:
      ImGui::StyleColorsDark(&style);
      // ImGui's 0.5 grey is 4.2:1 on the plots; 0.54 makes the 4.5 that text needs.
      style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.54f, 0.54f, 0.54f, 1.00f);
      break;
    case Theme::Light:
      ImGui::StyleColorsLight(&style);
      style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.97f, 1.00f);
      // Frames (slider tracks, check boxes) must stand out from the near-white background.
      style.Colors[ImGuiCol_FrameBg] = ImVec4(0.86f, 0.88f, 0.91f, 1.00f);
      style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.78f, 0.84f, 0.93f, 1.00f);
      // Dim text (KPI titles, notes, units) at 4.5:1 or more on the background and on the
      // plots, where ImGui's 0.6 grey (2.6:1) fades on a washed-out projector.
      style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.40f, 0.40f, 0.40f, 1.00f);
      style.FrameBorderSize = 1.0f;
      break;
    case Theme::Presenter:
      applyPresenterColors(style);
      style.WindowBorderSize = 2.0f;
      style.FrameBorderSize = 1.0f;
      style.ScaleAllSizes(1.25f);
      break;
  }
  if (scale != 1.0f) style.ScaleAllSizes(scale);
  // ImGui's themes leave windows, pop-ups and menus at 94% (light: 98%) opacity, so the text
  // beneath shows through Help > Sources, menus and tooltips; every theme draws them opaque.
  for (ImGuiCol col : {ImGuiCol_WindowBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg}) {
    style.Colors[col].w = 1.0f;
  }
}

}  // namespace cp::app
