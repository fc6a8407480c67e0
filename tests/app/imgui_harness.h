// Headless Dear ImGui harness for UI tests: no window, no GPU.
//
//   ImGuiHarness ui;                                  // 1280x720, default font
//   AppState state;
//   auto draw = [&] { update(state); drawUi(state); };  // as the frame loop does
//   ui.frame(draw);                                   // lay out once
//   ASSERT_TRUE(ui.clickItem("menu/View", draw));     // hover, press, release
//   ui.frame(draw);                                   // let the popup settle
//   ASSERT_TRUE(ui.clickItem("View/Light theme", draw));
//   EXPECT_EQ(state.ui.theme, Theme::Light);
//
// Widgets are found by name: the UI calls probeItem("name") after a widget
// (src/app/panels/ui_probe.h) and the harness records its rectangle for the frame. A test's own
// draw function can do the same. Each frame() clears the record, so itemRect() answers
// for the last frame drawn. Debian's ImGui aborts on API misuse (assertions are on).
#pragma once

#include <imgui.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cp::test {

struct ItemRect {
  ImVec2 min;
  ImVec2 max;
  ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
};

struct KeyMods {
  bool ctrl = false;
  bool shift = false;
  bool alt = false;
};

class ImGuiHarness {
 public:
  using DrawFn = std::function<void()>;

  struct Options {
    ImVec2 display_size = ImVec2(1280.0f, 720.0f);
    float delta_time = 1.0f / 60.0f;
    // Adds fonts to the atlas before it is built; none: ImGui's default font.
    std::function<void(ImFontAtlas&)> add_fonts;
  };

  ImGuiHarness();
  explicit ImGuiHarness(Options options);
  ~ImGuiHarness();
  ImGuiHarness(const ImGuiHarness&) = delete;
  ImGuiHarness& operator=(const ImGuiHarness&) = delete;

  // One frame: NewFrame(), draw(), Render().
  void frame(const DrawFn& draw);
  void frames(int count, const DrawFn& draw);

  // One frame with the mouse at `pos`.
  void moveMouse(ImVec2 pos, const DrawFn& draw);
  // Three frames: hover at `pos`, press the left button, release it.
  void click(ImVec2 pos, const DrawFn& draw);
  // Clicks the centre of the item recorded under `name` in the last frame.
  // Returns false (and clicks nothing) when no such item was recorded.
  bool clickItem(std::string_view name, const DrawFn& draw);

  // One frame with `utf8` queued as typed characters (goes to the active text field).
  void typeText(const char* utf8, const DrawFn& draw);
  // Two frames: key down (with modifiers), then key up. `key` indexes io.KeysDown:
  // letters and digits as their ASCII codes ('Q', '1'), like GLFW; named keys via
  // namedKey(ImGuiKey_Enter).
  void pressKey(int key, const DrawFn& draw, KeyMods mods = {});
  static int namedKey(ImGuiKey key);

  // Rectangle of the item recorded under `name` (probeItem) in the last frame.
  std::optional<ItemRect> itemRect(std::string_view name) const;

  ImGuiIO& io();
  // The display's size from the next frame on (a window resized, a smaller screen).
  void setDisplaySize(ImVec2 size) { options_.display_size = size; }
  ImGuiContext* context() const { return context_; }
  int frameCount() const { return frameCount_; }

 private:
  static void record(void* self, const char* name, const ImVec2& min, const ImVec2& max);

  ImGuiContext* context_ = nullptr;
  Options options_;
  std::map<std::string, ItemRect, std::less<>> items_;
  int frameCount_ = 0;
};

}  // namespace cp::test
