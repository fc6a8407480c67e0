// Chart colours: the Okabe-Ito palette, designed to stay distinguishable under the common
// colour-vision deficiencies. Order is chosen so the first colours read well on both the
// light and the dark ImGui themes (yellow is weak on white, so it comes late; black is
// replaced by a neutral grey that works on both). Neighbours in the order differ in hue
// and lightness (orange and vermillion, sky blue and blue are kept four apart), since a
// chart's first series are its main ones.
#pragma once

#include <imgui.h>

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

}  // namespace cp::chart
