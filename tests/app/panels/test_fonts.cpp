#include "app/panels/fonts.h"

#include "imgui_harness.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace cp::app;
using cp::test::ImGuiHarness;
using cp::test::TempDir;

namespace {
const std::filesystem::path kSourceAssets = std::filesystem::path(CHOKEPOINT_SOURCE_DIR) / "assets";
}

TEST(Fonts, RepositoryShipsDejaVuWithLicence) {
  EXPECT_TRUE(std::filesystem::is_regular_file(kSourceAssets / "fonts/DejaVuSans.ttf"));
  EXPECT_TRUE(std::filesystem::is_regular_file(kSourceAssets / "fonts/DejaVuSans-Bold.ttf"));
  EXPECT_TRUE(std::filesystem::is_regular_file(kSourceAssets / "fonts/LICENSE"));
}

TEST(Fonts, LoadsDejaVuWithCyrillic) {
  FontSet fonts;
  ImGuiHarness ui(
      ImGuiHarness::Options{.add_fonts = [&](ImFontAtlas& atlas) { fonts = loadFonts(atlas, {kSourceAssets}); }});
  ASSERT_NE(fonts.regular, nullptr);
  ASSERT_NE(fonts.bold, nullptr);
  ASSERT_NE(fonts.large, nullptr);
  ASSERT_NE(fonts.large_bold, nullptr);
  EXPECT_FLOAT_EQ(fonts.large_bold->FontSize, kLargeFontSizePx);
  EXPECT_FALSE(fonts.warning);
  EXPECT_FLOAT_EQ(fonts.regular->FontSize, kFontSizePx);
  EXPECT_NE(fonts.regular->FindGlyphNoFallback(0x0416), nullptr);  // Ж
  EXPECT_NE(fonts.regular->FindGlyphNoFallback(0x2014), nullptr);  // em dash
  EXPECT_NE(fonts.regular->FindGlyphNoFallback(0x2265), nullptr);  // >=
  // KPI faces: Ukrainian values read "1,5 млрд" with a no-break space.
  ASSERT_NE(fonts.kpi, nullptr);
  for (ImWchar c : {ImWchar(0x00A0), ImWchar(0x043C), ImWchar(0x0456), ImWchar(0x0442)})
    EXPECT_NE(fonts.kpi->FindGlyphNoFallback(c), nullptr) << c;
}

TEST(Fonts, MissingFontFallsBackWithWarning) {
  TempDir empty;
  FontSet fonts;
  ImGuiHarness ui(
      ImGuiHarness::Options{.add_fonts = [&](ImFontAtlas& atlas) { fonts = loadFonts(atlas, {empty.path()}); }});
  EXPECT_EQ(fonts.regular, nullptr);
  ASSERT_TRUE(fonts.warning);
  EXPECT_NE(fonts.warning->find("DejaVuSans.ttf"), std::string::npos);
  ui.frame([] { ImGui::Text("still draws"); });
}

TEST(Fonts, CorruptFontFallsBackWithWarning) {
  TempDir dir;
  std::filesystem::create_directories(dir / "fonts");
  std::ofstream(dir / "fonts/DejaVuSans.ttf") << "this is not a font file at all";
  FontSet fonts;
  ImGuiHarness ui(
      ImGuiHarness::Options{.add_fonts = [&](ImFontAtlas& atlas) { fonts = loadFonts(atlas, {dir.path()}); }});
  EXPECT_EQ(fonts.regular, nullptr);
  ASSERT_TRUE(fonts.warning);
  EXPECT_NE(fonts.warning->find("not a TrueType font"), std::string::npos) << *fonts.warning;
}

TEST(Fonts, FindAssetUsesFirstMatchingDir) {
  TempDir a;
  TempDir b;
  std::ofstream(b / "x.txt") << "b";
  EXPECT_EQ(findAsset({a.path(), b.path()}, "x.txt"), (b / "x.txt").lexically_normal());
  EXPECT_EQ(findAsset({a.path()}, "x.txt"), std::nullopt);
  EXPECT_FALSE(assetSearchDirs().empty());
}
