#include "app/panels/ui_probe.h"

#include <imgui.h>

namespace cp::app {

namespace {
// The only namespace-scope mutable state in the UI library, and it is test plumbing:
// null in the application.
ItemProbeFn g_probe_fn = nullptr;
void* g_probe_user = nullptr;
}  // namespace

void setItemProbe(ItemProbeFn fn, void* user) {
  g_probe_fn = fn;
  g_probe_user = fn ? user : nullptr;
}

void probeItem(const char* name) {
  if (!g_probe_fn) return;
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  g_probe_fn(g_probe_user, name, min, max);
}

void probeRect(const char* name, const ImVec2& min, const ImVec2& max) {
  if (g_probe_fn) g_probe_fn(g_probe_user, name, min, max);
}

void probeWindow(const char* name) {
  if (!g_probe_fn) return;
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  g_probe_fn(g_probe_user, name, pos, ImVec2(pos.x + size.x, pos.y + size.y));
}

}  // namespace cp::app
