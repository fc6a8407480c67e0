#include "app/panels/ui_common.h"

#include <filesystem>

namespace cp::app {

namespace {
bool lightBackground(Theme theme) { return theme == Theme::Light; }
}  // namespace

ImVec4 errorColor(Theme theme) {
  return lightBackground(theme) ? ImVec4(0.75f, 0.10f, 0.08f, 1.0f) : ImVec4(1.00f, 0.38f, 0.32f, 1.0f);
}

ImVec4 warningColor(Theme theme) {
  return lightBackground(theme) ? ImVec4(0.60f, 0.40f, 0.00f, 1.0f) : ImVec4(0.95f, 0.75f, 0.20f, 1.0f);
}

ImVec4 changedColor(Theme theme) {
  if (lightBackground(theme)) return ImVec4(0.80f, 0.35f, 0.00f, 1.0f);
  if (theme == Theme::Presenter) return ImVec4(1.00f, 0.86f, 0.00f, 1.0f);
  return ImVec4(1.00f, 0.66f, 0.20f, 1.0f);
}

ImVec4 betterColor(Theme theme) {
  return lightBackground(theme) ? ImVec4(0.00f, 0.45f, 0.33f, 1.0f) : ImVec4(0.20f, 0.80f, 0.62f, 1.0f);
}

ImVec4 worseColor(Theme theme) {
  return lightBackground(theme) ? ImVec4(0.72f, 0.32f, 0.00f, 1.0f) : ImVec4(0.98f, 0.50f, 0.18f, 1.0f);
}

ImVec4 dimColor() { return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled); }

void pushBold(const UiState& ui) {
  ImFont* bold = ui.theme == Theme::Presenter ? ui.fonts.large_bold : ui.fonts.bold;
  ImGui::PushFont(bold ? bold : ImGui::GetFont());
}

void pushLarge(const UiState& ui) {
  ImFont* f = ui.fonts.large_bold ? ui.fonts.large_bold : ui.fonts.bold;
  ImGui::PushFont(f ? f : ImGui::GetFont());
}

void itemTooltip(const char* text) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em() * 32.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

float em() { return ImGui::GetFontSize(); }

std::string fileName(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

}  // namespace cp::app
