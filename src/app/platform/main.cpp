// chokepoint: the interactive dashboard.
//
// Shape of the Dear ImGui GLFW/OpenGL3 example: parse arguments, create the window and
// the ImGui context, then loop (wait for events, sleep while minimised, new frame, UI,
// render, swap) and tear down in reverse. The loop draws only when something changed
// (redraw.h): input, a resize, new results (the workers wake it, wake.h), background
// work or an animation; otherwise it sleeps, so an idle dashboard uses almost no CPU.
// With --screenshot the loop renders N frames, writes the back buffer to a PNG and exits;
// with --bench-frames it renders at full speed, prints timings, then measures the idle
// loop for a moment and exits; --bench-idle SECONDS measures only the idle loop. In these
// modes user settings are neither read nor written, so runs are reproducible.
//
// Outside those modes the session is autosaved (session.h), a session that ended uncleanly
// is offered back, and the open scenario file is watched for changes (file_watch.h).
//
// [SECTION] Helpers
// [SECTION] Session start (--restore-session)
// [SECTION] Benchmark (--bench-frames)
// [SECTION] run: set-up, main loop, teardown

#include "app/core/app_state.h"
#include "i18n/problem_text.h"
#include "app/panels/app_ui.h"
#include "app/platform/cli_args.h"
#include "app/panels/fonts.h"
#include "app/platform/idle_meter.h"
#include "app/platform/platform_glfw.h"
#include "app/core/redraw.h"
#include "app/core/settings.h"
#include "app/core/share_link.h"
#include "app/core/tr.h"
#include "app/core/status.h"
#include "engine/levers.h"
#include "engine/problems.h"
#include "paths/data_dirs.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

using namespace cp::app;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// SIGTERM / SIGINT (logout, shutdown, Ctrl+C in the terminal): the loop ends and writes the
// session; unsaved edits are kept for the next start. Process-wide signal state, not app state.
volatile std::sig_atomic_t g_terminate = 0;
extern "C" void onTerminate(int) { g_terminate = 1; }

// No --scenario (e.g. started from the desktop menu): the shipped baseline, found beside
// the program. A story or workshop opens its own scenario.
std::string startScenario(const CliArgs& args) {
  if (!args.scenario.empty() || !args.story.empty() || !args.workshop.empty() || !args.workshop_session.empty())
    return args.scenario;
  const auto baseline = cp::paths::findData(cp::paths::dataRoots(), "scenarios/baseline.json");
  return baseline ? baseline->string() : std::string();
}

void loadImGuiIni(const std::filesystem::path& file) {
  if (file.empty()) return;
  if (const auto text = readTextFile(file)) ImGui::LoadIniSettingsFromMemory(text->data(), text->size());
}

void saveImGuiIni(const std::filesystem::path& file) {
  ImGui::GetIO().WantSaveIniSettings = false;
  if (file.empty()) return;
  size_t size = 0;
  const char* text = ImGui::SaveIniSettingsToMemory(&size);
  std::string error;
  if (!writeFileAtomically(file, std::string_view(text, size), &error)) {
    std::fprintf(stderr, "chokepoint: cannot save window layout: %s\n", error.c_str());
  }
}

void printProblems(const AppState& state) {
  std::fprintf(stderr, tr("chokepoint: cannot load scenario %s:\n"), state.scenario_path.c_str());
  for (const cp::Problem& p : state.load_problems) std::fprintf(stderr, "  %s\n", cp::i18n::problemLine(p).c_str());
}

// --lever settings become one undoable edit. Returns an error message, or "".
std::string applyCliLevers(AppState& state, const std::vector<std::string>& levers) {
  if (levers.empty()) return "";
  if (!hasScenario(state.doc)) return "--lever needs a scenario that loads";
  try {
    applyLeverSettings(state.doc, cp::parseLeverArgs(levers, *state.doc.loaded));
  } catch (const cp::LeverError& e) {
    return cp::i18n::messageText(e.why());
  }
  return "";
}

// The UI's screenshot request, in framebuffer pixels; false while it waits for menus
// and dialogs to close.
bool takeScreenshotRequest(AppState& state, std::string* path, std::optional<PixelRect>* crop) {
  auto& req = state.ui.requests.screenshot;
  if (!req || req->delay_frames-- > 0) return false;
  *path = req->path;
  crop->reset();
  const bool own_crop = req->crop[2] > req->crop[0] && req->crop[3] > req->crop[1];  // a waterfall, a tornado
  if ((req->crop_to_enlarged_chart && state.ui.view.enlarged_chart >= 0) || own_crop) {
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    const float pad = 8.0f;  // a margin, so axis labels at the edge keep their breathing room
    const float* r = own_crop ? req->crop : state.ui.view.enlarged_rect;
    *crop = PixelRect{static_cast<int>(std::floor((r[0] - pad) * scale.x)),
                      static_cast<int>(std::floor((r[1] - pad) * scale.y)),
                      static_cast<int>(std::ceil((r[2] - r[0] + 2 * pad) * scale.x)),
                      static_cast<int>(std::ceil((r[3] - r[1] + 2 * pad) * scale.y))};
  }
  req.reset();
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Session start (--restore-session)
//-----------------------------------------------------------------------------

// Offers (or with --restore-session yes, restores) a session that ended uncleanly. In
// --screenshot / --bench-frames mode nothing is read unless --restore-session yes asks.
void startSession(AppState& state, const CliArgs& args, bool headless) {
  std::filesystem::path file = state.session.file;
  if (headless && args.restore_session == RestoreMode::Yes) {
    if (const UserDirs dirs = userDirsFromEnv(); !dirs.data.empty()) file = dirs.data / kSessionFile;
  }
  if (file.empty() || args.restore_session == RestoreMode::No) return;  // No: the next autosave replaces it
  std::string warning;
  std::optional<SessionData> last = readUncleanSession(file, &warning);
  if (!warning.empty()) {
    std::fprintf(stderr, "chokepoint: %s\n", warning.c_str());
    state.ui.warnings.push_back(warning);
  }
  if (!last) return;
  if (args.restore_session == RestoreMode::Ask) {
    offerSession(state, std::move(*last));
    return;
  }
  restoreSession(state, *last);
  std::fprintf(stderr, "chokepoint: %s\n", state.ui.status_message.c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Benchmark (--bench-frames)
//-----------------------------------------------------------------------------

double median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// Measures frames and, every kEditEvery frames, a lever edit (flipping the first bool
// lever, as a click would) until its results are on screen.
struct Bench {
  static constexpr int kWarmup = 30;
  static constexpr int kEditEvery = 12;
  int frames = 0;
  int frame = 0;
  std::vector<double> frame_ms, ui_ms, latency_frames, latency_ms, vertices;
  Version waiting;
  int edit_frame = -1;
  std::chrono::steady_clock::time_point edit_time;

  bool measuring() const { return frame >= kWarmup; }
  bool done() const { return frame >= kWarmup + frames; }

  void beforeFrame(AppState& state) {
    if (!measuring() || edit_frame >= 0 || !hasScenario(state.doc)) return;
    if ((frame - kWarmup) % kEditEvery != 0) return;
    for (int i = 0; i < leverCount(state.doc); ++i) {
      if (lever(state.doc, i).kind != cp::LeverKind::Bool || hasDatedSchedule(state.doc, i)) continue;
      setLeverValue(state.doc, i, leverValue(state.doc, i) > 0.5 ? 0.0 : 1.0);
      waiting = version(state.doc);
      edit_frame = frame;
      edit_time = std::chrono::steady_clock::now();
      return;
    }
  }
  void afterFrame(const AppState& state) {
    if (edit_frame >= 0 && state.runs.current && state.runs.shown == waiting) {
      latency_frames.push_back(frame - edit_frame);
      latency_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - edit_time).count());
      edit_frame = -1;
    }
    ++frame;
  }
  void report(int width, int height, double run_ms) const {
    std::printf("bench: %dx%d, %d frames (after %d warm-up)\n", width, height, frames, kWarmup);
    std::printf("median frame ms: %.2f (p90 %.2f)\n", median(frame_ms), percentile(frame_ms, 0.9));
    std::printf("median ui ms: %.2f (NewFrame + drawUi + Render, CPU); median %.0f vertices\n", median(ui_ms),
                median(vertices));
    std::printf(
        "lever edit -> results on screen: median %.0f frames (max %.0f), median %.1f ms; %zu edits; "
        "last run %.1f ms\n",
        median(latency_frames),
        latency_frames.empty() ? NAN : *std::max_element(latency_frames.begin(), latency_frames.end()),
        median(latency_ms), latency_frames.size(), run_ms);
  }
};

// --bench-frames ends with this much of the idle loop (frames drawn per second, CPU).
constexpr double kBenchFramesIdleSeconds = 2.0;

// The idle measurement starts once the results are in and on screen.
bool settledForIdle(const AppState& state, const RedrawSignals& s, const RedrawPolicy& policy) {
  const bool results_in = state.runs.current || !hasScenario(state.doc);
  return results_in && !s.background_busy && !s.results_pending && policy.owedFrames() == 0;
}

//-----------------------------------------------------------------------------
// [SECTION] run: set-up, main loop, teardown
//-----------------------------------------------------------------------------

int run(const CliArgs& args) {
  const bool screenshot_mode = args.screenshot.has_value();
  const bool bench_mode = args.bench_frames.has_value();
  const bool idle_bench_mode = args.bench_idle.has_value();
  const bool headless = screenshot_mode || bench_mode || idle_bench_mode;  // reproducible: no user settings

  // Settings (never in screenshot or bench mode).
  const UserDirs dirs = headless ? UserDirs{} : userDirsFromEnv();
  const std::filesystem::path settings_file = dirs.config.empty() ? "" : dirs.config / kSettingsFile;
  const std::filesystem::path ini_file = dirs.config.empty() ? "" : dirs.config / kImGuiIniFile;
  std::string warning;
  Settings settings = headless ? Settings{} : loadSettings(settings_file, &warning);

  AppState state;
  if (!warning.empty()) state.ui.warnings.push_back(warning);
  state.ui.theme = settings.theme;
  state.ui.recent_files = settings.recent_files;
  state.ui.locale_roots = localeRoots();
  if (const std::string& lang = args.language.empty() ? settings.language : args.language; lang != "en") {
    setAppLanguage(state, lang);
    if (!state.ui.status_message.empty()) std::fprintf(stderr, "chokepoint: %s\n", state.ui.status_message.c_str());
  }
  if (args.link) {  // a share link names its scenario; a bad one opens the baseline and says why
    if (const std::string error = openShareLink(state, *args.link, scenarioDirs("")); !error.empty()) {
      std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
      if (headless) return kExitScenario;
    }
  } else {
    state.scenario_path = startScenario(args);
    loadScenario(state);
  }
  if (headless && state.load_error) {
    printProblems(state);
    return kExitScenario;
  }
  if (const std::string error = applyClassroomArgs(state, args); !error.empty()) {  // --story, --workshop...
    std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
    if (headless) return kExitScenario;
    state.ui.warnings.push_back(error.substr(0, error.find('\n')));
  }
  if (const std::string error = applyCliLevers(state, args.levers); !error.empty()) {
    std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
    if (headless) return kExitUsage;
    state.ui.warnings.push_back(error);
  }
  if (args.presenter) setPresenter(state, true);

  // No lost work: autosave target (never in screenshot/bench mode), the last session, file watch.
  if (!headless && !dirs.data.empty()) state.session.file = dirs.data / kSessionFile;
  state.watch.enabled = !headless;
  startSession(state, args, headless);
  if (headless && state.load_error) {
    printProblems(state);
    return kExitScenario;
  }
  if (args.uncertainty_runs) state.uncertainty.runs = *args.uncertainty_runs;
  if (args.uncertainty) setUncertainty(state, true);
  if (args.tab >= 0) state.ui.view.select_tab = args.tab;
  state.ui.windows.compare_scenarios = args.compare;

  PlatformConfig config;
  config.width = args.size ? args.size->width : settings.window_width;
  config.height = args.size ? args.size->height : settings.window_height;
  config.resizable = !headless;
  config.vsync = !bench_mode;

  Platform platform;
  std::string error;
  if (!platform.init(config, &error)) {
    std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
    return kExitFailure;
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // saved by us, atomically, under the XDG config dir
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  loadImGuiIni(ini_file);

  // Text and spacing follow the screen's scale (a high-DPI laptop: 2) unless --ui-scale says.
  state.ui.fonts = loadFonts(*io.Fonts, assetSearchDirs(), args.ui_scale.value_or(platform.contentScale()));
  if (state.ui.fonts.warning) {
    std::fprintf(stderr, "chokepoint: %s\n", state.ui.fonts.warning->c_str());
    state.ui.warnings.push_back(*state.ui.fonts.warning);
  }
  applyThemeIfChanged(state);  // before the first NewFrame, so frame 1 has the right font

  int exit_code = kExitOk;
  if (!platform.initImGuiBackends(&error)) {
    std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
    exit_code = kExitFailure;
  }

  // Finished runs end the wait for events (cleared before the window goes away).
  state.setWake(platform.wakeHook());  // every worker of the document (document_controller.h)

  Bench bench;
  bench.frames = args.bench_frames.value_or(0);
  int frame = 0;
  RedrawPolicy policy;
  IdleMeter idle;
  const double idle_seconds = args.bench_idle.value_or(kBenchFramesIdleSeconds);
  bool idle_phase = idle_bench_mode;  // --bench-frames switches to it after its frames
  double wait_for = -1;               // < 0: poll (a frame was just drawn)
  const auto clock_start = std::chrono::steady_clock::now();
  const auto seconds = [&](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(t - clock_start).count();
  };
  if (!headless) {
    std::signal(SIGTERM, onTerminate);
    std::signal(SIGINT, onTerminate);
  }
  while (exit_code == kExitOk && !g_terminate) {
    // Screenshots and --bench-frames draw every frame; otherwise only what changed.
    const bool event_driven = !screenshot_mode && (!bench_mode || idle_phase);
    if (event_driven && wait_for >= 0)
      platform.waitEvents(wait_for);
    else
      platform.pollEvents();
    wait_for = -1;
    const auto now = std::chrono::steady_clock::now();
    const TickStamp before_ticks = tickStamp(state);
    autosaveTick(state, now);
    pollScenarioFile(state, now);
    const PlatformEvents events = platform.takeEvents();
    // Closing the window with unsaved edits asks first.
    if (platform.shouldClose() && !state.ui.requests.quit && (isDirty(state.doc) || workshopDirty(state))) {
      platform.cancelClose();
      requestGuarded(state, PendingAction::Quit);
    }
    if (platform.shouldClose()) break;
    if (!headless && (platform.minimised() || platform.framebufferEmpty())) {
      platform.waitEvents(0.1);
      continue;
    }
    if (screenshot_mode) {  // the picture shows finished results
      waitForRuns(state);
      if (state.uncertainty.enabled) waitForUncertainty(state);
      waitForExplain(state);
    }
    RedrawSignals signals;
    if (event_driven) {
      signals = backgroundSignals(state);
      signals.input = events.input;
      signals.resized = events.resized;
      signals.changed = !(tickStamp(state) == before_ticks);
      if (idle_phase && !idle.started() && settledForIdle(state, signals, policy)) idle.start(now);
      if (idle.started() && idle.elapsed(now) >= idle_seconds) {
        std::printf("%s\n", idle.report(now).c_str());
        break;
      }
      if (!policy.shouldDraw(signals, seconds(now))) {
        wait_for = policy.waitSeconds(seconds(now));
        if (idle.started()) wait_for = std::min(wait_for, std::max(0.0, idle_seconds - idle.elapsed(now)));
        continue;
      }
    }
    if (bench_mode && !idle_phase) bench.beforeFrame(state);

    if (!args.ui_scale) platform.followScreenScale(state.ui.fonts);  // moved to a screen of another scale
    const auto t0 = std::chrono::steady_clock::now();
    platform.newFrame();
    // A screenshot shows the dashboard, not a tooltip where Xvfb's pointer happens to be.
    if (screenshot_mode) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    updateAndDraw(state);  // the frame's one sync with background work, then the drawing
    ImGui::Render();
    const auto t1 = std::chrono::steady_clock::now();
    platform.render(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

    std::string shot_path;
    std::optional<PixelRect> crop;
    if (takeScreenshotRequest(state, &shot_path, &crop)) {
      if (platform.saveScreenshot(shot_path, &error, crop ? &*crop : nullptr)) {
        setStatus(state, tr("Saved picture ") + shot_path);
      } else {
        setError(state, tr("Picture not saved: ") + error);
      }
    }
    if (screenshot_mode && ++frame >= args.frames && !classroomBusy(state)) {  // a workshop report finishes first
      if (!platform.saveScreenshot(*args.screenshot, &error)) {
        std::fprintf(stderr, "chokepoint: screenshot failed: %s\n", error.c_str());
        exit_code = kExitFailure;
      }
      break;
    }
    platform.swap();
    if (event_driven) {
      policy.drawn(signals, seconds(now));
      idle.countFrame();
    }
    if (bench_mode && !idle_phase) {
      if (bench.measuring()) {
        bench.ui_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        bench.vertices.push_back(io.MetricsRenderVertices);
        bench.frame_ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      }
      bench.afterFrame(state);
      if (bench.done()) {
        bench.report(config.width, config.height, state.runs.last_run_ms);
        idle_phase = true;  // then: what the same window costs while nobody touches it
      }
    }

    handleRequests(state);
    if (state.ui.requests.quit) platform.requestClose();
    if (io.WantSaveIniSettings) saveImGuiIni(ini_file);
  }

  if (args.print_levers) std::fputs(leverSettingLines(state).c_str(), stdout);
  if (!headless) {
    // Quit: the user saved or discarded, so the exit is clean. A signal: unsaved edits
    // stay on offer for the next start.
    writeSessionAtExit(state, /*clean_exit=*/!g_terminate || !isDirty(state.doc));
    saveImGuiIni(ini_file);
    int width = 0;
    int height = 0;
    platform.windowSize(width, height);
    if (width >= kMinWindowSide && width <= kMaxWindowSide && height >= kMinWindowSide &&
        height <= kMaxWindowSide) {  // e.g. not 0x0 when closed while minimised
      settings.window_width = width;
      settings.window_height = height;
    }
    settings.theme = state.ui.presenter ? state.ui.theme_before_presenter : state.ui.theme;
    settings.recent_files = state.ui.recent_files;
    settings.language = state.ui.language;
    if (!settings_file.empty() && !saveSettings(settings_file, settings, &error)) {
      std::fprintf(stderr, "chokepoint: cannot save settings: %s\n", error.c_str());
    }
  }

  state.setWake({});
  platform.shutdownImGuiBackends();
  ImGui::DestroyContext();
  platform.shutdown();
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  const CliParseResult parsed = parseCliArgs(std::vector<std::string>(argv + 1, argv + argc));
  if (!parsed.ok()) {
    std::fprintf(stderr, "chokepoint: %s\nTry 'chokepoint --help'.\n", parsed.error.c_str());
    return kExitUsage;
  }
  if (parsed.args.help) {
    std::fputs(cliUsage().c_str(), stdout);
    return kExitOk;
  }
  if (parsed.args.version) {
    std::printf("chokepoint %s\ndata: %s\n", CHOKEPOINT_VERSION, cp::paths::dataRootText().c_str());
    return kExitOk;
  }
  return run(parsed.args);
}
