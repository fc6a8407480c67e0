// Chart colours: the Okabe-Ito palette, designed to stay distinguishable under the common
// colour-vision deficiencies. Order is chosen so the first colours read well on both the
// light and the dark ImGui themes (yellow is weak on white, so it comes late; black is
// replaced by a neutral grey that works on both). Neighbours in the order differ in hue
// and lightness (orange and vermillion, sky blue and blue are kept four apart), since a
// chart's first series are its main ones. A colour too faint on the plot's background (the
// yellow on the light theme's) keeps its hue and gets a thin edge in the text colour
// (chart_lines.cpp: faintEdge), its end label a darker shade.
#pragma once

#include <imgui.h>

#include <cmath>

namespace cp::chart {

inline constexpr ImU32 kPalette[] = {
    IM_COL32(0xE6, 0x9F, 0x00, 0xFF),  // orange
    IM_COL32(0x56, 0xB4, 0xE9, 0xFF),  // sky blue
    IM_COL32(0x00, 0x9E, 0x73, 0xFF),  // bluish green
    IM_COL32(0xCC, 0x79, 0xA7, 0xFF),  // reddish purple
    IM_COL32(0x00, 0x72, 0xB2, 0xFF),  // blue
    IM_COL32(0xD5, 0x5E, 0x00, 0xFF),  // vermillion
    IM_COL32(0xF0, 0xE4, 0x42, 0xFF),  // yellow
    IM_COL32(0x99, 0x99, 0x99, 0xFF),  // grey
};
inline constexpr int kPaletteSize = static_cast<int>(sizeof(kPalette) / sizeof(kPalette[0]));

// Colour i of the palette, wrapping around; negative i is treated as 0.
inline constexpr ImU32 paletteColor(int i) { return kPalette[(i < 0 ? 0 : i) % kPaletteSize]; }

// Same colour with alpha scaled by `a` (0..1): fills of bands and stacked areas.
inline constexpr ImU32 withAlpha(ImU32 col, float a) {
  const ImU32 alpha = static_cast<ImU32>(static_cast<float>((col >> IM_COL32_A_SHIFT) & 0xFF) * a);
  return (col & ~IM_COL32_A_MASK) | ((alpha > 255u ? 255u : alpha) << IM_COL32_A_SHIFT);
}

// WCAG 2 relative luminance of an sRGB colour (0 black to 1 white; alpha ignored).
inline float relativeLuminance(ImU32 col) {
  auto channel = [col](int shift) {
    const float c = static_cast<float>((col >> shift) & 0xFF) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
  };
  return 0.2126f * channel(IM_COL32_R_SHIFT) + 0.7152f * channel(IM_COL32_G_SHIFT) +
         0.0722f * channel(IM_COL32_B_SHIFT);
}

// WCAG 2 contrast ratio of two opaque colours: 1 (the same) to 21 (black on white). Text
// wants 4.5 at least.
inline float contrastRatio(ImU32 a, ImU32 b) {
  const float la = relativeLuminance(a), lb = relativeLuminance(b);
  return (std::fmax(la, lb) + 0.05f) / (std::fmin(la, lb) + 0.05f);
}

// `top` drawn over the opaque `bottom`, as one opaque colour.
inline ImU32 over(ImU32 top, ImU32 bottom) {
  const float a = static_cast<float>((top >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
  auto mix = [&](int shift) {
    const float t = static_cast<float>((top >> shift) & 0xFF), b = static_cast<float>((bottom >> shift) & 0xFF);
    return static_cast<ImU32>(std::lround(t * a + b * (1.0f - a))) << shift;
  };
  return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
}

}  // namespace cp::chart
