// chokepoint in the browser: the dashboard's entry point for the WebAssembly build
// (tools/web.sh). The app is the desktop's (src/app, src/engine); what differs is here:
//
// - the browser owns the loop: emscripten_set_main_loop calls frame() once per display
//   frame, and nothing may block. Runs happen synchronously between frames (no threads,
//   see app/core/no_threads.h); a baseline run takes milliseconds.
// - the scenarios, stories, workshops and fonts are preloaded into the virtual file system
//   (/scenarios, /assets); the page's URL fragment is a share link (app/core/share_link.h).
// - files: the Open dialog also uploads a local file (the browser's file picker; it is
//   opened as on the desktop, broken files get the same error panel); a saved variant,
//   an exported CSV or picture is downloaded.
// - settings, the window layout and the autosaved session live under $HOME, which
//   index.html mounts from the browser's IndexedDB (IDBFS); what changed is flushed back
//   (FS.syncfs) a moment later, so they survive a reload.
// - for tests and the page: document.title becomes "Chokepoint ready" once the first
//   results are on screen, and chokepoint_kpis() returns the KPI values as JSON.
// - input: the mouse wheel goes to ImGui from here, in steps (browser_input.h), and the
//   browser does nothing with the app's own shortcuts (Ctrl+R would reload the page).
#include "app/core/app_state.h"
#include "app/panels/app_ui.h"
#include "app/core/chart_specs.h"
#include "app/core/dashboard_data.h"
#include "app/panels/fonts.h"
#include "app/platform/browser_input.h"
#include "app/platform/platform_glfw.h"
#include "app/core/session.h"
#include "app/core/settings.h"
#include "app/core/share_link.h"
#include "app/core/tr.h"
#include "app/core/uncertainty.h"
#include "app/core/status.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // the lever list's scroll position (a test hook)

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#define STB_IMAGE_WRITE_IMPLEMENTATION  // the desktop links libstb; here it is compiled in
#include <stb_image_write.h>

using namespace cp::app;

namespace {

constexpr const char* kScenariosDir = "/scenarios";
constexpr const char* kPictureDir = "/tmp";

struct WebApp {
  AppState state;
  Platform platform;
  int frames = 0;
  bool ready = false;
  double start_ms = 0;
  double first_frame_ms = -1;  // page start -> first frame drawn
  std::string kpi_json;        // chokepoint_kpis()'s buffer
  float wheel_steps = 0;       // vertical wheel steps given to ImGui so far (a test hook)
  // Persistence (IndexedDB): what was last written, and when the next flush is due.
  std::filesystem::path settings_file, ini_file;
  Settings saved;
  std::string session_written;
  bool flush_due = false;
  double last_flush_ms = 0;
};

WebApp* g_app = nullptr;  // the browser calls back into it; it lives until the page closes

std::string jsString(const char* script) {
  char* s = emscripten_run_script_string(script);
  return s ? std::string(s) : std::string();
}

// Offers a file of the virtual file system as a browser download.
void downloadFile(const std::string& path) {
  // JavaScript (kept as written):
  // clang-format off
  EM_ASM(
      {
        const path = UTF8ToString($0);
        const data = FS.readFile(path);
        const blob = new Blob([data], {type : "application/octet-stream"});
        const a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = path.split("/").pop();
        document.body.appendChild(a);
        a.click();
        setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      },
      path.c_str());
  // clang-format on
}

// Writes what changed (settings, layout; the session autosaves itself) and, at most once a
// second, copies the file system's $HOME back to IndexedDB.
void persist(WebApp& app) {
  AppState& state = app.state;
  autosaveTick(state, std::chrono::steady_clock::now());
  if (state.session.last_written != app.session_written) {
    app.session_written = state.session.last_written;
    app.flush_due = true;
  }
  Settings now = app.saved;
  now.theme = state.ui.presenter ? state.ui.theme_before_presenter : state.ui.theme;
  now.recent_files = state.ui.recent_files;
  now.language = state.ui.language;
  if (settingsToJson(now) != settingsToJson(app.saved)) {
    std::string error;
    if (saveSettings(app.settings_file, now, &error)) app.flush_due = true;
    app.saved = now;  // not retried every frame when storage is full
  }
  if (ImGuiIO& io = ImGui::GetIO(); io.WantSaveIniSettings) {
    io.WantSaveIniSettings = false;
    size_t size = 0;
    const char* text = ImGui::SaveIniSettingsToMemory(&size);
    if (writeFileAtomically(app.ini_file, std::string_view(text, size))) app.flush_due = true;
  }
  if (app.flush_due && emscripten_get_now() - app.last_flush_ms > 1000) {
    app.flush_due = false;
    app.last_flush_ms = emscripten_get_now();
    // JavaScript (kept as written):
    // clang-format off
    EM_ASM({ FS.syncfs(false, (err) => { if (err) console.error("chokepoint: cannot keep settings: " + err); }); });
    // clang-format on
  }
}

// ImGui's clipboard: also the browser's (copy only: reading it needs the user's permission).
// A share link also goes into the address bar, and the full URL into the clipboard.
std::string g_clipboard;
void setClipboard(void*, const char* text) {
  g_clipboard = text ? text : "";
  // JavaScript (kept as written):
  // clang-format off
  EM_ASM(
      {
        let text = UTF8ToString($0);
        if (text.startsWith("#scenario=")) {
          history.replaceState(null, "", text);  // no hashchange: nothing reloads
          text = window.location.href;
        }
        if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
      },
      g_clipboard.c_str());
  // clang-format on
}
const char* getClipboard(void*) { return g_clipboard.c_str(); }

// The wheel over the canvas, in ImGui's steps; the page itself does not scroll.
EM_BOOL onWheel(int, const EmscriptenWheelEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  const float steps = wheelSteps(e->deltaY, static_cast<int>(e->deltaMode));
  io.MouseWheel += steps;
  io.MouseWheelH += wheelSteps(e->deltaX, static_cast<int>(e->deltaMode));
  g_app->wheel_steps += steps;
  return EM_TRUE;
}

// The app's shortcuts are the app's: no page reload on Ctrl+R, no tab switch on Ctrl+1.
// GLFW still sees the key (its own listener); everything else stays the browser's.
EM_BOOL onKeyDown(int, const EmscriptenKeyboardEvent* e, void*) {
  const int key = glfwKeyFromDom(static_cast<int>(e->keyCode));
  return key >= 0 && isAppShortcut(key, e->ctrlKey, e->shiftKey, e->altKey) ? EM_TRUE : EM_FALSE;
}

void frame() {
  WebApp& app = *g_app;
  AppState& state = app.state;
  // The canvas follows the browser window, in the screen's own pixels: a high-DPI screen
  // (devicePixelRatio 2) or a zoomed page gets fonts and spacing at that scale, drawn sharp.
  app.platform.followScreenScale(state.ui.fonts);
  const float scale = state.ui.fonts.scale;
  const int width = static_cast<int>(std::lround(EM_ASM_INT({ return window.innerWidth; }) * scale));
  const int height = static_cast<int>(std::lround(EM_ASM_INT({ return window.innerHeight; }) * scale));
  if (GLFWwindow* window = glfwGetCurrentContext(); window && width > 0 && height > 0) {
    int w = 0, h = 0;
    glfwGetWindowSize(window, &w, &h);
    if (w != width || h != height) glfwSetWindowSize(window, width, height);
  }
  app.platform.pollEvents();
  (void)app.platform.takeEvents();  // the browser draws every frame; nothing to decide
  app.platform.newFrame();
  // Two frames in the same millisecond (a browser's virtual time in headless tests):
  // ImGui needs time to pass.
  if (ImGuiIO& io = ImGui::GetIO(); io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;
  ImGui::NewFrame();
  updateAndDraw(state);  // the frame's one sync with background work, then the drawing
  ImGui::Render();
  app.platform.render(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

  if (auto& req = state.ui.requests.screenshot; req && req->delay_frames-- <= 0) {
    // The browser has no folders to pick: the picture is written and downloaded.
    const std::string path = std::string(kPictureDir) + "/" + std::filesystem::path(req->path).filename().string();
    std::string error;
    if (app.platform.saveScreenshot(path, &error)) {
      downloadFile(path);
      setStatus(state, tr("Downloaded picture ") + std::filesystem::path(path).filename().string());
    } else {
      setError(state, tr("Picture not saved: ") + error);
    }
    req.reset();
  }
  app.platform.swap();
  handleRequests(state);
  persist(app);

  ++app.frames;
  if (app.frames == 1) app.first_frame_ms = emscripten_get_now() - app.start_ms;
  // Ready: a few frames drawn with the first results on screen (tests wait for this).
  if (!app.ready && app.frames >= 3 && (state.runs.current || state.load_error)) {
    app.ready = true;
    emscripten_run_script("document.title = 'Chokepoint ready'; if (window.onChokepointReady) onChokepointReady();");
    std::printf("chokepoint: first frame after %.0f ms; baseline run %.1f ms\n", app.first_frame_ms,
                state.runs.last_run_ms);
  }
}

}  // namespace

// index.html calls this with an uploaded file, written into the virtual file system.
extern "C" EMSCRIPTEN_KEEPALIVE void chokepoint_open_upload(const char* path) {
  if (g_app && path) requestGuarded(g_app->state, PendingAction::Open, path);
}

// For tests and the page: the KPIs in the month on screen, the last run's time and the
// first frame's time, as JSON. The buffer is valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* chokepoint_kpis() {
  if (!g_app) return "{}";
  const AppState& state = g_app->state;
  std::string out = "{\"ready\":" + std::string(g_app->ready ? "true" : "false");
  out += ",\"run_ms\":" + std::to_string(state.runs.last_run_ms);
  out += ",\"first_frame_ms\":" + std::to_string(g_app->first_frame_ms);
  out += ",\"scenario\":\"" + std::filesystem::path(state.scenario_path).stem().string() + "\"";
  out += ",\"load_error\":" + std::string(state.load_error ? "true" : "false");
  out += ",\"changed_levers\":" + std::to_string(hasScenario(state.doc) ? changedLeverCount(state.doc) : 0);
  out += ",\"language\":\"" + state.ui.language + "\"";
  out += ",\"ui_scale\":" + std::to_string(state.ui.fonts.scale);  // fonts and spacing (devicePixelRatio)
  // Uncertainty bands: members done so far, and the size of the ensemble behind the bands shown.
  out += ",\"uncertainty_done\":" + std::to_string(state.uncertainty.worker.progress().done);
  out += ",\"bands_runs\":" + std::to_string(state.uncertainty.bands ? state.uncertainty.bands->runs : 0);
  out += ",\"kpis\":{";
  const auto& specs = kpiSpecs();
  bool first = true;
  const size_t shown = hasScenario(state.doc) ? state.dash.kpis.size() : 0;  // none under the error panel
  for (size_t k = 0; k < specs.size() && k < shown; ++k) {
    const double v = kpiValue(specs[k], state.dash.kpis[k].current, state.ui.view.month);
    if (!std::isfinite(v)) continue;
    out += std::string(first ? "" : ",") + "\"" + specs[k].id + "\":" + std::to_string(v);
    first = false;
  }
  out += "}}";
  g_app->kpi_json = std::move(out);
  return g_app->kpi_json.c_str();
}

// For tests: the lever list's scroll position and its wheel step (ImGui scrolls
// min(5 font heights, 2/3 of the view) a step), and the wheel steps received, as JSON.
extern "C" EMSCRIPTEN_KEEPALIVE const char* chokepoint_lever_scroll() {
  static std::string out;
  out = "{}";
  if (!g_app) return out.c_str();
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (std::string_view(w->Name).find("##leverList") == std::string_view::npos) continue;
    const float step = std::floor(std::min(5 * w->CalcFontSize(), w->InnerRect.GetHeight() * 0.67f));
    out = "{\"y\":" + std::to_string(w->Scroll.y) + ",\"max\":" + std::to_string(w->ScrollMax.y) +
          ",\"step\":" + std::to_string(step) + ",\"wheel_steps\":" + std::to_string(g_app->wheel_steps) + "}";
  }
  return out.c_str();
}

// For tests: View > Uncertainty on or off.
extern "C" EMSCRIPTEN_KEEPALIVE void chokepoint_set_uncertainty(int on) {
  if (g_app) setUncertainty(g_app->state, on != 0);
}

int main() {
  auto* app = new WebApp;
  g_app = app;
  app->start_ms = emscripten_get_now();
  AppState& state = app->state;

  const UserDirs dirs = userDirsFromEnv();  // $HOME: kept in IndexedDB (index.html)
  app->settings_file = dirs.config / kSettingsFile;
  app->ini_file = dirs.config / kImGuiIniFile;
  std::string warning;
  app->saved = loadSettings(app->settings_file, &warning);
  if (!warning.empty()) state.ui.warnings.push_back(warning);
  state.ui.dialogs.upload = [] { EM_ASM({ chokepointUpload(); }); };
  state.ui.dialogs.download = [](const std::string& path) { downloadFile(path); };
  state.ui.theme = app->saved.theme;
  state.ui.recent_files = app->saved.recent_files;
  state.ui.locale_roots = {"/"};  // the preloaded assets/locale and scenarios/locale
  if (app->saved.language != "en") setAppLanguage(state, app->saved.language);

  const std::string fragment = jsString("window.location.hash || ''");
  if (fragment.empty() || fragment == "#") {
    state.scenario_path = std::string(kScenariosDir) + "/" + kBaselineScenarioId + ".json";
    loadScenario(state);
  } else {
    const std::string error = openShareLink(state, fragment, scenarioDirs(""));
    if (!error.empty()) std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
  }
  // A reload with unsaved edits offers them back (not when a link asked for a state).
  state.session.file = dirs.data / kSessionFile;
  if (fragment.empty() || fragment == "#") {
    std::string session_warning;
    if (auto last = readUncleanSession(state.session.file, &session_warning)) offerSession(state, std::move(*last));
    if (!session_warning.empty()) state.ui.warnings.push_back(session_warning);
  }

  PlatformConfig config;  // CSS pixels until frame() sizes the canvas to the screen's
  config.width = EM_ASM_INT({ return window.innerWidth; });
  config.height = EM_ASM_INT({ return window.innerHeight; });
  std::string error;
  if (!app->platform.init(config, &error)) {
    std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
    emscripten_run_script("document.title = 'Chokepoint failed: no WebGL 2'");
    return 1;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // written by persist()
  if (const auto ini = readTextFile(app->ini_file)) ImGui::LoadIniSettingsFromMemory(ini->data(), ini->size());
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  state.ui.fonts = loadFonts(*io.Fonts, assetSearchDirs(), clampUiScale(app->platform.contentScale()));
  if (state.ui.fonts.warning) state.ui.warnings.push_back(*state.ui.fonts.warning);
  applyThemeIfChanged(state);
  if (!app->platform.initImGuiBackends(&error)) {
    std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
    return 1;
  }
  emscripten_set_wheel_callback("#canvas", nullptr, true, onWheel);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, onKeyDown);
  io.SetClipboardTextFn = setClipboard;
  io.GetClipboardTextFn = getClipboard;
  emscripten_set_main_loop(frame, 0, true);  // never returns: the browser calls frame()
  return 0;
}
