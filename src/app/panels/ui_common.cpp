#include "app/panels/ui_common.h"

#include "app/core/status.h"
#include "app/core/tr.h"

#include <imgui_internal.h>  // FindWindowByName: the window's size and place last frame

#include <algorithm>
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

namespace {
// Before Begin: `w` (last frame's), `size` wide and high, moved back inside [lo, lo + room].
void clampNextWindowPos(const ImGuiWindow& w, ImVec2 size, ImVec2 lo, ImVec2 room) {
  const ImVec2 pos(std::clamp(w.Pos.x, lo.x, std::max(lo.x, lo.x + room.x - size.x)),
                   std::clamp(w.Pos.y, lo.y, std::max(lo.y, lo.y + room.y - size.y)));
  if (pos.x != w.Pos.x || pos.y != w.Pos.y) ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
}
}  // namespace

void fitNextWindowToViewport(const char* name, ImVec2 size) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 lo = vp->WorkPos, room = ImMax(vp->WorkSize, ImVec2(1.0f, 1.0f));
  const float margin = std::min(em(), std::min(room.x, room.y) * 0.05f);
  ImGui::SetNextWindowPos(ImVec2(lo.x + margin, lo.y + margin), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImMin(size, ImVec2(room.x - 2.0f * margin, room.y - 2.0f * margin)), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), room);  // resizing stops at the display's edges
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  if (!w) return;
  const ImVec2 fit = ImMin(w->SizeFull, room);
  if (fit.x != w->SizeFull.x || fit.y != w->SizeFull.y) ImGui::SetNextWindowSize(fit, ImGuiCond_Always);
  clampNextWindowPos(*w, fit, lo, room);
}

void centreNextWindowOnScreen(const char* name) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  if (w && w->WasActive) clampNextWindowPos(*w, w->SizeFull, vp->WorkPos, vp->WorkSize);
}

std::string fileName(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

void requestCapture(UiState& ui, Capture which, const std::string& path, const float rect[4]) {
  ScreenshotRequest shot{path, false, 2};
  std::copy(rect, rect + 4, shot.crop);  // until drawCapture draws the whole picture
  ui.requests.screenshot = shot;
  ui.capture = which;
  setStatus(ui, tr("Exported ") + path);
}

void drawCapture(UiState& ui, Capture which, const std::string& path, ImVec2 need,
                 const std::function<void(float* rect)>& draw) {
  if (ui.capture != which) return;
  if (!ui.requests.screenshot || ui.requests.screenshot->path != path) {  // taken, or another picture
    ui.capture = Capture::None;
    return;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::SetNextWindowFocus();        // over everything, the status bar too
  ImGui::SetNextWindowBgAlpha(1.0f);  // nothing from underneath shows through in the picture
  ImGui::Begin("##png_capture", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  float scale = 1.0f;
  if (need.x > 0.0f) scale = std::min(scale, avail.x / need.x);
  if (need.y > 0.0f) scale = std::min(scale, avail.y / need.y);
  ImGui::SetWindowFontScale(std::clamp(scale, 0.5f, 1.0f));
  const ImVec2 start = ImGui::GetCursorScreenPos();
  float rect[4] = {0, 0, 0, 0};
  draw(rect);
  float* crop = ui.requests.screenshot->crop;
  crop[0] = std::min(rect[0], start.x - 4.0f);
  crop[1] = start.y - 4.0f;
  crop[2] = std::min(std::max(rect[2], crop[0] + 1.0f), vp->Pos.x + vp->Size.x);
  crop[3] = std::min(rect[3], vp->Pos.y + vp->Size.y);
  ImGui::End();
}

}  // namespace cp::app
