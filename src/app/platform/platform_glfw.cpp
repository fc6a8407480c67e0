#include "app/platform/platform_glfw.h"

#include <GLFW/glfw3.h>  // includes <GL/gl.h>: GL 1.x entry points (glReadPixels, glClear)
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>  // implementation lives in libstb

#include <algorithm>
#include <cstdio>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace cp::app {

namespace {

void glfwErrorCallback(int code, const char* description) {
  std::fprintf(stderr, "chokepoint: GLFW error %d: %s\n", code, description);
}

// Input and resize callbacks: they only note that something happened (ImGui's backend,
// installed after them, calls them first and then does its own work).
PlatformEvents* eventsOf(GLFWwindow* w) { return static_cast<PlatformEvents*>(glfwGetWindowUserPointer(w)); }
void noteInput(GLFWwindow* w) {
  if (PlatformEvents* e = eventsOf(w)) e->input = true;
}
void noteResize(GLFWwindow* w) {
  if (PlatformEvents* e = eventsOf(w)) e->resized = true;
}

void installEventCallbacks(GLFWwindow* w, PlatformEvents* events) {
  glfwSetWindowUserPointer(w, events);
  glfwSetCursorPosCallback(w, [](GLFWwindow* win, double, double) { noteInput(win); });
  glfwSetCursorEnterCallback(w, [](GLFWwindow* win, int) { noteInput(win); });
  glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int, int, int) { noteInput(win); });
  glfwSetScrollCallback(w, [](GLFWwindow* win, double, double) { noteInput(win); });
  glfwSetKeyCallback(w, [](GLFWwindow* win, int, int, int, int) { noteInput(win); });
  glfwSetCharCallback(w, [](GLFWwindow* win, unsigned int) { noteInput(win); });
  glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int) { noteInput(win); });
  glfwSetDropCallback(w, [](GLFWwindow* win, int, const char**) { noteInput(win); });
  glfwSetFramebufferSizeCallback(w, [](GLFWwindow* win, int, int) { noteResize(win); });
  glfwSetWindowRefreshCallback(w, [](GLFWwindow* win) { noteResize(win); });
  glfwSetWindowIconifyCallback(w, [](GLFWwindow* win, int) { noteResize(win); });
#ifndef __EMSCRIPTEN__
  // Moved to a screen of another scale: the next frame draws at it (main.cpp reloads the fonts).
  glfwSetWindowContentScaleCallback(w, [](GLFWwindow* win, float, float) { noteResize(win); });
#endif
}

}  // namespace

Platform::~Platform() {
  shutdownImGuiBackends();
  shutdown();
}

bool Platform::init(const PlatformConfig& config, std::string* error) {
  glfwSetErrorCallback(glfwErrorCallback);
  if (!glfwInit()) {
    if (error) *error = "cannot initialise GLFW (is there a display? try xvfb-run)";
    return false;
  }
  glfwReady_ = true;
#ifdef __EMSCRIPTEN__
  // The browser: WebGL 2, which is OpenGL ES 3.0.
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#else
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
#endif
  glfwWindowHint(GLFW_RESIZABLE, config.resizable ? GLFW_TRUE : GLFW_FALSE);
  window_ = glfwCreateWindow(config.width, config.height, config.title, nullptr, nullptr);
  if (!window_) {
    if (error) *error = "cannot create a window with an OpenGL 3.3 core context";
    return false;
  }
  glfwSetWindowPos(window_, 0, 0);
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(config.vsync ? 1 : 0);
  installEventCallbacks(window_, &events_);
  return true;
}

bool Platform::initImGuiBackends(std::string* error) {
  if (!ImGui_ImplGlfw_InitForOpenGL(window_, true)) {
    if (error) *error = "cannot initialise the ImGui GLFW backend";
    return false;
  }
#ifdef __EMSCRIPTEN__
  // emscripten's GLFW passes the DOM's raw wheel pixels, down-positive: one notch would
  // scroll a panel to its far end, backwards. web_main.cpp feeds ImGui the wheel itself
  // (browser_input.h); GLFW's callback only notes the input.
  glfwSetScrollCallback(window_, [](GLFWwindow* win, double, double) { noteInput(win); });
#endif
#ifdef __EMSCRIPTEN__
  const char* glsl_version = "#version 300 es";
#else
  const char* glsl_version = "#version 330 core";
#endif
  if (!ImGui_ImplOpenGL3_Init(glsl_version)) {
    ImGui_ImplGlfw_Shutdown();
    if (error) *error = "cannot initialise the ImGui OpenGL 3 backend";
    return false;
  }
  backendsReady_ = true;
  return true;
}

void Platform::shutdownImGuiBackends() {
  if (!backendsReady_) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  backendsReady_ = false;
}

void Platform::shutdown() {
  if (window_) glfwDestroyWindow(window_);
  window_ = nullptr;
  if (glfwReady_) glfwTerminate();
  glfwReady_ = false;
}

bool Platform::shouldClose() const { return glfwWindowShouldClose(window_); }
void Platform::requestClose() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }
void Platform::cancelClose() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }
void Platform::pollEvents() { glfwPollEvents(); }
void Platform::waitEvents(double timeout_seconds) { glfwWaitEventsTimeout(timeout_seconds); }
PlatformEvents Platform::takeEvents() {
  const PlatformEvents e = events_;
  events_ = PlatformEvents{};
  return e;
}

WakeHook Platform::wakeHook() const {
#ifdef __EMSCRIPTEN__
  return {};  // the browser calls every frame; nothing sleeps, nothing to wake
#else
  return [] { glfwPostEmptyEvent(); };  // thread-safe in GLFW
#endif
}

bool Platform::minimised() const { return glfwGetWindowAttrib(window_, GLFW_ICONIFIED) != 0; }
bool Platform::framebufferEmpty() const {
  int w = 0;
  int h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return w <= 0 || h <= 0;
}

float Platform::contentScale() const {
#ifdef __EMSCRIPTEN__
  return static_cast<float>(EM_ASM_DOUBLE({ return window.devicePixelRatio || 1; }));
#else
  float x = 1.0f;
  float y = 1.0f;
  glfwGetWindowContentScale(window_, &x, &y);
  return x;
#endif
}

void Platform::followScreenScale(FontSet& fonts) {
  const float scale = clampUiScale(contentScale());
  if (scale == fonts.scale) return;
  reloadFonts(fonts, scale);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Platform::newFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
}

void Platform::render(const ImVec4& clear) {
  int w = 0;
  int h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(clear.x * clear.w, clear.y * clear.w, clear.z * clear.w, clear.w);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::swap() { glfwSwapBuffers(window_); }

bool Platform::saveScreenshot(const std::filesystem::path& file, std::string* error, const PixelRect* crop) const {
  int w = 0;
  int h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  if (w <= 0 || h <= 0) {
    if (error) *error = "the framebuffer is empty";
    return false;
  }
  const size_t stride = static_cast<size_t>(w) * 4;
  std::vector<unsigned char> pixels(stride * static_cast<size_t>(h));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
#ifndef __EMSCRIPTEN__
  glReadBuffer(GL_BACK);  // WebGL reads the drawing buffer
#endif
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  if (glGetError() != GL_NO_ERROR) {
    if (error) *error = "glReadPixels failed";
    return false;
  }
  // OpenGL's rows run bottom-up, PNG's top-down. Alpha is forced to 255: the window
  // is opaque, whatever blending left in the back buffer's alpha channel.
  std::vector<unsigned char> flipped(pixels.size());
  for (int y = 0; y < h; ++y) {
    const unsigned char* src = pixels.data() + static_cast<size_t>(h - 1 - y) * stride;
    unsigned char* dst = flipped.data() + static_cast<size_t>(y) * stride;
    for (size_t i = 0; i < stride; i += 4) {
      dst[i + 0] = src[i + 0];
      dst[i + 1] = src[i + 1];
      dst[i + 2] = src[i + 2];
      dst[i + 3] = 255;
    }
  }
  int x0 = 0, y0 = 0, cw = w, ch = h;
  if (crop) {
    x0 = std::clamp(crop->x, 0, w - 1);
    y0 = std::clamp(crop->y, 0, h - 1);
    cw = std::clamp(crop->width, 1, w - x0);
    ch = std::clamp(crop->height, 1, h - y0);
  }
  const unsigned char* first = flipped.data() + static_cast<size_t>(y0) * stride + static_cast<size_t>(x0) * 4;
  if (!stbi_write_png(file.c_str(), cw, ch, 4, first, static_cast<int>(stride))) {
    if (error) *error = "cannot write " + file.string();
    return false;
  }
  return true;
}

void Platform::windowSize(int& width, int& height) const { glfwGetWindowSize(window_, &width, &height); }

}  // namespace cp::app
