#include "app/panels/fonts.h"

#include "paths/data_dirs.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>

namespace cp::app {

namespace {

// Glyph ranges: the atlas keeps a pointer, so the table must outlive it (constant data).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x0100, 0x017F,  // Latin Extended-A
    0x0400, 0x052F,  // Cyrillic + Cyrillic Supplement
    0x2000, 0x206F,  // General Punctuation (en/em dash, ellipsis, quotes)
    0x20A0, 0x20CF,  // Currency symbols
    0x2190, 0x21FF,  // Arrows
    0x2200, 0x22FF,  // Mathematical operators (<=, >=, approx.)
    0x25A0, 0x25FF,  // Geometric shapes (triangles, circles for markers)
    0,
};

// Reads a TrueType file into memory owned by ImGui (IM_ALLOC), so the atlas can free it.
// Reading it ourselves avoids ImGui's assertion on unreadable files.
void* readFontFile(const std::filesystem::path& path, int& size, std::string& error) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    error = "cannot open " + path.string();
    return nullptr;
  }
  const std::streamsize n = in.tellg();
  if (n < 12 || n > (64 << 20)) {
    error = path.string() + " has an implausible size for a font (" + std::to_string(n) + " bytes)";
    return nullptr;
  }
  in.seekg(0);
  void* data = IM_ALLOC(static_cast<size_t>(n));
  if (!in.read(static_cast<char*>(data), n)) {
    IM_FREE(data);
    error = "cannot read " + path.string();
    return nullptr;
  }
  const unsigned char* b = static_cast<const unsigned char*>(data);
  const bool true_type = b[0] == 0x00 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00;
  if (!true_type && std::memcmp(b, "true", 4) != 0) {
    IM_FREE(data);
    error = path.string() + " is not a TrueType font";
    return nullptr;
  }
  size = static_cast<int>(n);
  return data;
}

// KPI values need digits, letters for units and "$%.-+", and in Ukrainian the no-break
// space and Cyrillic scale words ("1,5 млрд"): no more, which keeps the large faces cheap.
const ImWchar kAsciiRanges[] = {0x0020, 0x007E, 0x00A0, 0x00A0, 0x0400, 0x045F, 0};

ImFont* addFont(ImFontAtlas& atlas, const std::filesystem::path& path, float size_px, std::string& error,
                const ImWchar* ranges = kGlyphRanges) {
  int size = 0;
  void* data = readFontFile(path, size, error);
  if (!data) return nullptr;
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = true;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  std::snprintf(cfg.Name, sizeof(cfg.Name), "%s, %.0fpx", path.filename().string().c_str(), size_px);
  return atlas.AddFontFromMemoryTTF(data, size, size_px, &cfg, ranges);
}

}  // namespace

std::vector<std::filesystem::path> assetSearchDirs() {
  std::vector<std::filesystem::path> dirs = cp::paths::dataDirs("assets");
  std::error_code ec;
  const auto cwd = std::filesystem::current_path(ec);
  if (!ec) dirs.push_back(cwd / "assets");
  return dirs;
}

std::optional<std::filesystem::path> findAsset(const std::vector<std::filesystem::path>& dirs,
                                               const std::filesystem::path& relative) {
  for (const auto& dir : dirs) {
    std::error_code ec;
    const auto candidate = dir / relative;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate.lexically_normal();
  }
  return std::nullopt;
}

float clampUiScale(float scale) { return std::isfinite(scale) && scale > 0 ? std::clamp(scale, 0.5f, 4.0f) : 1.0f; }

void reloadFonts(FontSet& fonts, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.FontDefault = nullptr;  // the atlas's first font until the theme names one again
  io.Fonts->Clear();
  fonts = loadFonts(*io.Fonts, assetSearchDirs(), scale);
}

FontSet loadFonts(ImFontAtlas& atlas, const std::vector<std::filesystem::path>& asset_dirs, float scale) {
  FontSet fonts;
  fonts.scale = clampUiScale(scale);
  const float s = fonts.scale;
  const auto regular_path = findAsset(asset_dirs, "fonts/DejaVuSans.ttf");
  std::string error;
  if (regular_path) fonts.regular = addFont(atlas, *regular_path, kFontSizePx * s, error);
  if (!fonts.regular) {
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * s;  // ImGui's own size, scaled like the others
    atlas.AddFontDefault(&cfg);
    fonts.warning = regular_path ? "Font problem (" + error +
                                       "); using ImGui's built-in font, "
                                       "which has no Cyrillic glyphs."
                                 : std::string(
                                       "Font assets/fonts/DejaVuSans.ttf not found; using ImGui's "
                                       "built-in font, which has no Cyrillic glyphs.");
    return fonts;
  }
  fonts.large = addFont(atlas, *regular_path, kLargeFontSizePx * s, error);
  if (const auto bold_path = findAsset(asset_dirs, "fonts/DejaVuSans-Bold.ttf")) {
    fonts.bold = addFont(atlas, *bold_path, kFontSizePx * s, error);
    fonts.large_bold = addFont(atlas, *bold_path, kLargeFontSizePx * s, error);
    fonts.kpi = addFont(atlas, *bold_path, kKpiFontSizePx * s, error, kAsciiRanges);
    fonts.kpi_large = addFont(atlas, *bold_path, kKpiLargeFontSizePx * s, error, kAsciiRanges);
  }
  // A missing bold or large face is cosmetic: stand in with what loaded, no warning.
  if (!fonts.large) fonts.large = fonts.regular;
  if (!fonts.bold) fonts.bold = fonts.regular;
  if (!fonts.large_bold) fonts.large_bold = fonts.large;
  if (!fonts.kpi) fonts.kpi = fonts.large_bold;
  if (!fonts.kpi_large) fonts.kpi_large = fonts.kpi;
  return fonts;
}

}  // namespace cp::app
