// Fonts and asset lookup.
//
//   std::vector<std::filesystem::path> dirs = assetSearchDirs();
//   FontSet fonts = loadFonts(*ImGui::GetIO().Fonts, dirs);   // before the atlas is built
//   if (fonts.warning) show it to the user;
//
// DejaVu Sans is loaded with Latin, Cyrillic and common symbol ranges (em dash, arrows,
// <=, >=, currency). If the font file is missing or unreadable, ImGui's built-in font is
// used and `warning` says why; the app never aborts over a font.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace cp::app {

inline constexpr float kFontSizePx = 18.0f;
inline constexpr float kLargeFontSizePx = 26.0f;  // presenter theme
// KPI values: about twice the text around them, digits and units only (ASCII).
inline constexpr float kKpiFontSizePx = 34.0f;
inline constexpr float kKpiLargeFontSizePx = 50.0f;  // presenter theme

// Fonts owned by the ImGui atlas. Pointers are null when the default font is used.
struct FontSet {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;       // presenter theme
  ImFont* large_bold = nullptr;  // presenter theme headings
  ImFont* kpi = nullptr;         // KPI values (bold, ASCII only)
  ImFont* kpi_large = nullptr;   // KPI values in the presenter theme
  float scale = 1.0f;            // the sizes above times this (a high-DPI screen: 2)
  std::optional<std::string> warning;
};

// Where assets are looked for, in order: assets/ under each data root (paths/data_dirs.h:
// installed, beside the program, the source tree), then <cwd>/assets.
std::vector<std::filesystem::path> assetSearchDirs();

// First `<dir>/<relative>` that is a regular file, or nullopt.
std::optional<std::filesystem::path> findAsset(const std::vector<std::filesystem::path>& dirs,
                                               const std::filesystem::path& relative);

// Adds the fonts to `atlas` (which must not be built or locked yet). Falls back to the
// ImGui default font when assets/fonts/DejaVuSans.ttf cannot be found or read.
// `scale` multiplies every size: the interface's scale on a high-DPI screen (the
// browser's devicePixelRatio, the monitor's content scale), clamped to 0.5..4.
FontSet loadFonts(ImFontAtlas& atlas, const std::vector<std::filesystem::path>& asset_dirs, float scale = 1.0f);

// The scale to use for a screen reporting `scale` (NaN or absurd values: 1).
float clampUiScale(float scale);

// Between frames: clears ImGui's font atlas and loads the fonts again at `scale`; the
// caller then rebuilds the font texture (Platform::followScreenScale does both) and the theme
// sizes itself to fonts.scale (applyThemeIfChanged).
void reloadFonts(FontSet& fonts, float scale);

}  // namespace cp::app
