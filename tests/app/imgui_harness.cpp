#include "imgui_harness.h"

#include "app/panels/ui_probe.h"

namespace cp::test {

namespace {
constexpr int kNamedKeyBase = 256;  // io.KeysDown has 512 slots; GLFW's named keys don't matter here
}

ImGuiHarness::ImGuiHarness() : ImGuiHarness(Options{}) {}

ImGuiHarness::ImGuiHarness(Options options) : options_(std::move(options)) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = options_.display_size;
  io.DeltaTime = options_.delta_time;
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = kNamedKeyBase + k;
  if (options_.add_fonts) options_.add_fonts(*io.Fonts);
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  app::setItemProbe(&ImGuiHarness::record, this);
}

ImGuiHarness::~ImGuiHarness() {
  app::setItemProbe(nullptr, nullptr);
  ImGui::DestroyContext(context_);
}

ImGuiIO& ImGuiHarness::io() {
  ImGui::SetCurrentContext(context_);
  return ImGui::GetIO();
}

void ImGuiHarness::record(void* self, const char* name, const ImVec2& min, const ImVec2& max) {
  static_cast<ImGuiHarness*>(self)->items_[name] = ItemRect{min, max};
}

void ImGuiHarness::frame(const DrawFn& draw) {
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = options_.display_size;
  io.DeltaTime = options_.delta_time;
  items_.clear();
  ImGui::NewFrame();
  if (draw) draw();
  ImGui::Render();
  ++frameCount_;
}

void ImGuiHarness::frames(int count, const DrawFn& draw) {
  for (int i = 0; i < count; ++i) frame(draw);
}

void ImGuiHarness::moveMouse(ImVec2 pos, const DrawFn& draw) {
  io().MousePos = pos;
  frame(draw);
}

void ImGuiHarness::click(ImVec2 pos, const DrawFn& draw) {
  ImGuiIO& io = this->io();
  io.MousePos = pos;
  io.MouseDown[0] = false;
  frame(draw);
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
}

bool ImGuiHarness::clickItem(std::string_view name, const DrawFn& draw) {
  const auto rect = itemRect(name);
  if (!rect) return false;
  click(rect->center(), draw);
  return true;
}

void ImGuiHarness::typeText(const char* utf8, const DrawFn& draw) {
  io().AddInputCharactersUTF8(utf8);
  frame(draw);
}

void ImGuiHarness::pressKey(int key, const DrawFn& draw, KeyMods mods) {
  ImGuiIO& io = this->io();
  IM_ASSERT(key >= 0 && key < IM_ARRAYSIZE(io.KeysDown));
  io.KeyCtrl = mods.ctrl;
  io.KeyShift = mods.shift;
  io.KeyAlt = mods.alt;
  io.KeysDown[key] = true;
  frame(draw);
  io.KeysDown[key] = false;
  io.KeyCtrl = io.KeyShift = io.KeyAlt = false;
  frame(draw);
}

int ImGuiHarness::namedKey(ImGuiKey key) { return kNamedKeyBase + key; }

std::optional<ItemRect> ImGuiHarness::itemRect(std::string_view name) const {
  const auto it = items_.find(name);
  if (it == items_.end()) return std::nullopt;
  return it->second;
}

}  // namespace cp::test
