#include "app/panels/ui_common.h"

#include <filesystem>

namespace chokepoint::app {

namespace {
bool lightBackground(const AppState& state) { return state.theme == Theme::Light; }
}  // namespace

ImVec4 errorColor(const AppState& state) {
  return lightBackground(state) ? ImVec4(0.75f, 0.10f, 0.08f, 1.0f) : ImVec4(1.00f, 0.38f, 0.32f, 1.0f);
}

ImVec4 warningColor(const AppState& state) {
  return lightBackground(state) ? ImVec4(0.60f, 0.40f, 0.00f, 1.0f) : ImVec4(0.95f, 0.75f, 0.20f, 1.0f);
}

ImVec4 changedColor(const AppState& state) {
  if (lightBackground(state)) return ImVec4(0.80f, 0.35f, 0.00f, 1.0f);
  if (state.theme == Theme::Presenter) return ImVec4(1.00f, 0.86f, 0.00f, 1.0f);
  return ImVec4(1.00f, 0.66f, 0.20f, 1.0f);
}

ImVec4 betterColor(const AppState& state) {
  return lightBackground(state) ? ImVec4(0.00f, 0.45f, 0.33f, 1.0f) : ImVec4(0.20f, 0.80f, 0.62f, 1.0f);
}

ImVec4 worseColor(const AppState& state) {
  return lightBackground(state) ? ImVec4(0.72f, 0.32f, 0.00f, 1.0f) : ImVec4(0.98f, 0.50f, 0.18f, 1.0f);
}

ImVec4 dimColor() { return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled); }

void pushBold(const AppState& state) {
  ImFont* bold = state.theme == Theme::Presenter ? state.fonts.largeBold : state.fonts.bold;
  ImGui::PushFont(bold ? bold : ImGui::GetFont());
}

void pushLarge(const AppState& state) {
  ImFont* f = state.fonts.largeBold ? state.fonts.largeBold : state.fonts.bold;
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

}  // namespace chokepoint::app
