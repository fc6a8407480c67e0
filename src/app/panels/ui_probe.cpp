#include "app/panels/ui_probe.h"

#include <imgui.h>

namespace chokepoint::app {

namespace {
// The only namespace-scope mutable state in the UI library, and it is test plumbing:
// null in the application.
ItemProbeFn g_probeFn = nullptr;
void* g_probeUser = nullptr;
}  // namespace

void setItemProbe(ItemProbeFn fn, void* user) {
  g_probeFn = fn;
  g_probeUser = fn ? user : nullptr;
}

void probeItem(const char* name) {
  if (!g_probeFn) return;
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  g_probeFn(g_probeUser, name, min, max);
}

}  // namespace chokepoint::app
