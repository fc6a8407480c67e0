// Colour themes for the dashboard.
//
//   applyTheme(Theme::Presenter, ImGui::GetStyle());
//
// Dark is the default. Light suits bright rooms and print-outs. Presenter is a
// high-contrast theme with larger spacing for projectors in workshops and classrooms
// (the UI also switches to the large font while it is active).
#pragma once

#include <optional>
#include <string_view>

struct ImGuiStyle;

namespace cp::app {

enum class Theme { Dark, Light, Presenter };

// Stable names used in settings.json: "dark", "light", "presenter".
std::string_view themeName(Theme theme);
std::optional<Theme> parseTheme(std::string_view name);
// Human-readable label for menus.
const char* themeLabel(Theme theme);

// Resets `style` to ImGui defaults, then applies the theme's colours and sizes, the sizes
// times `scale` (the interface's scale on a high-DPI screen, as the fonts: FontSet::scale).
void applyTheme(Theme theme, ImGuiStyle& style, float scale = 1.0f);

}  // namespace cp::app
