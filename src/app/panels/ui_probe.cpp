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

}  // namespace cp::app
