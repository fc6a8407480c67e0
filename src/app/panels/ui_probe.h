// Test hook: lets headless tests find widgets drawn deep inside the UI.
//
//   ImGui::MenuItem("Dark theme");
//   probeItem("View/Dark theme");   // records ImGui's last item rectangle, if a recorder is set
//
// Debian's Dear ImGui 1.86 is built without the test-engine item hooks, so the UI
// names the widgets tests need. The real app installs no recorder: a call is one
// pointer test. Tests install one with setItemProbe (tests/app/imgui_harness.h does).
#pragma once

struct ImVec2;

namespace cp::app {

using ItemProbeFn = void (*)(void* user, const char* name, const ImVec2& min, const ImVec2& max);

// Installs (or with fn == nullptr removes) the recorder. Not thread-safe; UI thread only.
void setItemProbe(ItemProbeFn fn, void* user);

// Reports ImGui's last item (GetItemRectMin/Max) under `name` to the recorder.
void probeItem(const char* name);
// Reports a rectangle that is no item (a window, a frame drawn around an item) under `name`.
void probeRect(const char* name, const ImVec2& min, const ImVec2& max);
// Reports the current window's (or child's) rectangle: what of its content can be seen.
void probeWindow(const char* name);

}  // namespace cp::app
