// The window, the OpenGL context and the Dear ImGui platform/renderer backends
// (GLFW + OpenGL 3). Only main.cpp uses this; everything else in src/app is ImGui-only.
//
//   Platform p;
//   if (!p.init({.width = 1600, .height = 900, .title = "Chokepoint"}, &err)) ...
//   ... ImGui context + fonts ...
//   p.initImGuiBackends();
//   while (!p.shouldClose()) {
//       p.waitEvents(policy.waitSeconds(now));   // redraw.h: sleeps while nothing changes
//       const PlatformEvents e = p.takeEvents();  // input? resized?
//       if (p.minimised()) { p.waitEvents(0.1); continue; }
//       p.newFrame(); ImGui::NewFrame(); update(state); drawUi(state); ImGui::Render();
//       p.render(clearColor);
//       p.swap();
//   }
//   p.shutdownImGuiBackends(); ImGui::DestroyContext(); p.shutdown();
#pragma once

#include "app/core/wake.h"
#include "app/panels/fonts.h"

#include <filesystem>
#include <string>

struct GLFWwindow;
struct ImVec4;

namespace cp::app {

struct PlatformConfig {
  int width = 1600;
  int height = 900;
  bool resizable = true;
  bool vsync = true;  // off for --bench-frames: measure the work, not the display
  const char* title = "Chokepoint";
};

// A rectangle of the framebuffer in pixels, top-left origin (PNG rows).
struct PixelRect {
  int x = 0, y = 0, width = 0, height = 0;
};

// What happened since the last takeEvents().
struct PlatformEvents {
  bool input = false;    // mouse, keys, text, scroll, focus, pointer entering or leaving
  bool resized = false;  // framebuffer size changed, or the window needs repainting
};

class Platform {
 public:
  Platform() = default;
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;
  ~Platform();

  // Creates the window (at 0,0) and an OpenGL 3.3 core context with vsync.
  bool init(const PlatformConfig& config, std::string* error);
  // Before initImGuiBackends(): records input and resize events for takeEvents() (the
  // ImGui backend chains to these callbacks).
  // After ImGui::CreateContext(): installs the GLFW and OpenGL 3 backends.
  bool initImGuiBackends(std::string* error);
  void shutdownImGuiBackends();
  void shutdown();

  bool shouldClose() const;
  void requestClose();
  void cancelClose();  // the user closed the window, but we ask first
  void pollEvents();
  void waitEvents(double timeout_seconds);
  PlatformEvents takeEvents();
  // A hook any thread may call to end waitEvents() early (a posted empty event).
  // Valid until shutdown(): clear it from the workers first.
  WakeHook wakeHook() const;
  bool minimised() const;
  bool framebufferEmpty() const;  // 0x0 (some window managers minimise that way): skip the frame

  // The screen's scale: the monitor's content scale (from its DPI), in the browser its
  // devicePixelRatio. 1 on an ordinary screen.
  float contentScale() const;
  // Between frames: when the screen's scale is no longer the fonts' (moved to another
  // screen, a zoomed page), loads the fonts again at it and rebuilds their texture.
  void followScreenScale(FontSet& fonts);
  void newFrame();                   // backends' NewFrame (call before ImGui::NewFrame)
  void render(const ImVec4& clear);  // clear + draw ImGui's draw data into the back buffer
  void swap();

  // Reads the back buffer (call after render(), before swap()) and writes a PNG of the
  // framebuffer size (or of `crop`, clamped to it), top row first, alpha forced to 255.
  bool saveScreenshot(const std::filesystem::path& file, std::string* error, const PixelRect* crop = nullptr) const;

  // Window size in screen coordinates (what settings.json remembers).
  void windowSize(int& width, int& height) const;

 private:
  GLFWwindow* window_ = nullptr;
  bool glfwReady_ = false;
  bool backendsReady_ = false;
  PlatformEvents events_;
};

}  // namespace cp::app
