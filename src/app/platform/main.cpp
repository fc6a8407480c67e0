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

using namespace chokepoint::app;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// SIGTERM / SIGINT (logout, shutdown, Ctrl+C in the terminal): the loop ends and writes the
// session; unsaved edits are kept for the next start. Process-wide signal state, not app state.
volatile std::sig_atomic_t gTerminate = 0;
extern "C" void onTerminate(int) { gTerminate = 1; }

// No --scenario (e.g. started from the desktop menu): the shipped baseline, found beside
// the program. A story or workshop opens its own scenario.
std::string startScenario(const CliArgs& args) {
  if (!args.scenario.empty() || !args.story.empty() || !args.workshop.empty() || !args.workshopSession.empty())
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
  std::fprintf(stderr, "chokepoint: cannot load scenario %s:\n", state.scenarioPath.c_str());
  for (const cp::Problem& p : state.loadProblems) std::fprintf(stderr, "  %s\n", p.str().c_str());
}

// --lever settings become one undoable edit. Returns an error message, or "".
std::string applyCliLevers(AppState& state, const std::vector<std::string>& levers) {
  if (levers.empty()) return "";
  if (!hasScenario(state.doc)) return "--lever needs a scenario that loads";
  try {
    applyLeverSettings(state.doc, cp::parseLeverArgs(levers, *state.doc.loaded));
  } catch (const cp::LeverError& e) {
    return e.what();
  }
  return "";
}

// The UI's screenshot request, in framebuffer pixels; false while it waits for menus
// and dialogs to close.
bool takeScreenshotRequest(AppState& state, std::string* path, std::optional<PixelRect>* crop) {
  auto& req = state.ui.requests.screenshot;
  if (!req || req->delayFrames-- > 0) return false;
  *path = req->path;
  crop->reset();
  const bool ownCrop = req->crop[2] > req->crop[0] && req->crop[3] > req->crop[1];  // a waterfall, a tornado
  if ((req->cropToEnlargedChart && state.ui.view.enlargedChart >= 0) || ownCrop) {
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    const float pad = 8.0f;  // a margin, so axis labels at the edge keep their breathing room
    const float* r = ownCrop ? req->crop : state.ui.view.enlargedRect;
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
  if (headless && args.restoreSession == RestoreMode::Yes) {
    if (const UserDirs dirs = userDirsFromEnv(); !dirs.data.empty()) file = dirs.data / kSessionFile;
  }
  if (file.empty() || args.restoreSession == RestoreMode::No) return;  // No: the next autosave replaces it
  std::string warning;
  std::optional<SessionData> last = readUncleanSession(file, &warning);
  if (!warning.empty()) {
    std::fprintf(stderr, "chokepoint: %s\n", warning.c_str());
    state.ui.warnings.push_back(warning);
  }
  if (!last) return;
  if (args.restoreSession == RestoreMode::Ask) {
    offerSession(state, std::move(*last));
    return;
  }
  restoreSession(state, *last);
  std::fprintf(stderr, "chokepoint: %s\n", state.ui.statusMessage.c_str());
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
  std::vector<double> frameMs, uiMs, latencyFrames, latencyMs, vertices;
  Version waiting;
  int editFrame = -1;
  std::chrono::steady_clock::time_point editTime;

  bool measuring() const { return frame >= kWarmup; }
  bool done() const { return frame >= kWarmup + frames; }

  void beforeFrame(AppState& state) {
    if (!measuring() || editFrame >= 0 || !hasScenario(state.doc)) return;
    if ((frame - kWarmup) % kEditEvery != 0) return;
    for (int i = 0; i < leverCount(state.doc); ++i) {
      if (lever(state.doc, i).kind != cp::LeverKind::Bool || hasDatedSchedule(state.doc, i)) continue;
      setLeverValue(state.doc, i, leverValue(state.doc, i) > 0.5 ? 0.0 : 1.0);
      waiting = version(state.doc);
      editFrame = frame;
      editTime = std::chrono::steady_clock::now();
      return;
    }
  }
  void afterFrame(const AppState& state) {
    if (editFrame >= 0 && state.runs.current && state.runs.shown == waiting) {
      latencyFrames.push_back(frame - editFrame);
      latencyMs.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - editTime).count());
      editFrame = -1;
    }
    ++frame;
  }
  void report(int width, int height, double runMs) const {
    std::printf("bench: %dx%d, %d frames (after %d warm-up)\n", width, height, frames, kWarmup);
    std::printf("median frame ms: %.2f (p90 %.2f)\n", median(frameMs), percentile(frameMs, 0.9));
    std::printf("median ui ms: %.2f (NewFrame + drawUi + Render, CPU); median %.0f vertices\n", median(uiMs),
                median(vertices));
    std::printf(
        "lever edit -> results on screen: median %.0f frames (max %.0f), median %.1f ms; %zu edits; "
        "last run %.1f ms\n",
        median(latencyFrames),
        latencyFrames.empty() ? NAN : *std::max_element(latencyFrames.begin(), latencyFrames.end()), median(latencyMs),
        latencyFrames.size(), runMs);
  }
};

// --bench-frames ends with this much of the idle loop (frames drawn per second, CPU).
constexpr double kBenchFramesIdleSeconds = 2.0;

// The idle measurement starts once the results are in and on screen.
bool settledForIdle(const AppState& state, const RedrawSignals& s, const RedrawPolicy& policy) {
  const bool resultsIn = state.runs.current || !hasScenario(state.doc);
  return resultsIn && !s.backgroundBusy && !s.resultsPending && policy.owedFrames() == 0;
}

//-----------------------------------------------------------------------------
// [SECTION] run: set-up, main loop, teardown
//-----------------------------------------------------------------------------

int run(const CliArgs& args) {
  const bool screenshotMode = args.screenshot.has_value();
  const bool benchMode = args.benchFrames.has_value();
  const bool idleBenchMode = args.benchIdle.has_value();
  const bool headless = screenshotMode || benchMode || idleBenchMode;  // reproducible: no user settings

  // Settings (never in screenshot or bench mode).
  const UserDirs dirs = headless ? UserDirs{} : userDirsFromEnv();
  const std::filesystem::path settingsFile = dirs.config.empty() ? "" : dirs.config / kSettingsFile;
  const std::filesystem::path iniFile = dirs.config.empty() ? "" : dirs.config / kImGuiIniFile;
  std::string warning;
  Settings settings = headless ? Settings{} : loadSettings(settingsFile, &warning);

  AppState state;
  if (!warning.empty()) state.ui.warnings.push_back(warning);
  state.ui.theme = settings.theme;
  state.ui.recentFiles = settings.recentFiles;
  state.ui.localeRoots = localeRoots();
  if (const std::string& lang = args.language.empty() ? settings.language : args.language; lang != "en") {
    setAppLanguage(state, lang);
    if (!state.ui.statusMessage.empty()) std::fprintf(stderr, "chokepoint: %s\n", state.ui.statusMessage.c_str());
  }
  if (args.link) {  // a share link names its scenario; a bad one opens the baseline and says why
    if (const std::string error = openShareLink(state, *args.link, scenarioDirs("")); !error.empty()) {
      std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
      if (headless) return kExitScenario;
    }
  } else {
    state.scenarioPath = startScenario(args);
    loadScenario(state);
  }
  if (headless && state.loadError) {
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
  if (headless && state.loadError) {
    printProblems(state);
    return kExitScenario;
  }
  if (args.uncertaintyRuns) state.uncertainty.runs = *args.uncertaintyRuns;
  if (args.uncertainty) setUncertainty(state, true);
  if (args.tab >= 0) state.ui.view.selectTab = args.tab;
  state.ui.windows.compareScenarios = args.compare;

  PlatformConfig config;
  config.width = args.size ? args.size->width : settings.windowWidth;
  config.height = args.size ? args.size->height : settings.windowHeight;
  config.resizable = !headless;
  config.vsync = !benchMode;

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
  loadImGuiIni(iniFile);

  state.ui.fonts = loadFonts(*io.Fonts, assetSearchDirs());
  if (state.ui.fonts.warning) {
    std::fprintf(stderr, "chokepoint: %s\n", state.ui.fonts.warning->c_str());
    state.ui.warnings.push_back(*state.ui.fonts.warning);
  }
  applyThemeIfChanged(state);  // before the first NewFrame, so frame 1 has the right font

  int exitCode = kExitOk;
  if (!platform.initImGuiBackends(&error)) {
    std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
    exitCode = kExitFailure;
  }

  // Finished runs end the wait for events (cleared before the window goes away).
  state.worker.setWake(platform.wakeHook());
  state.uncertainty.worker.setWake(platform.wakeHook());
  state.explain.attribution.worker.setWake(platform.wakeHook());
  state.explain.sensitivity.worker.setWake(platform.wakeHook());

  Bench bench;
  bench.frames = args.benchFrames.value_or(0);
  int frame = 0;
  RedrawPolicy policy;
  IdleMeter idle;
  const double idleSeconds = args.benchIdle.value_or(kBenchFramesIdleSeconds);
  bool idlePhase = idleBenchMode;  // --bench-frames switches to it after its frames
  double waitFor = -1;             // < 0: poll (a frame was just drawn)
  const auto clockStart = std::chrono::steady_clock::now();
  const auto seconds = [&](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(t - clockStart).count();
  };
  if (!headless) {
    std::signal(SIGTERM, onTerminate);
    std::signal(SIGINT, onTerminate);
  }
  while (exitCode == kExitOk && !gTerminate) {
    // Screenshots and --bench-frames draw every frame; otherwise only what changed.
    const bool eventDriven = !screenshotMode && (!benchMode || idlePhase);
    if (eventDriven && waitFor >= 0)
      platform.waitEvents(waitFor);
    else
      platform.pollEvents();
    waitFor = -1;
    const auto now = std::chrono::steady_clock::now();
    const TickStamp beforeTicks = tickStamp(state);
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
    if (screenshotMode) {  // the picture shows finished results
      waitForRuns(state);
      if (state.uncertainty.enabled) waitForUncertainty(state);
      waitForExplain(state);
    }
    RedrawSignals signals;
    if (eventDriven) {
      signals = backgroundSignals(state);
      signals.input = events.input;
      signals.resized = events.resized;
      signals.changed = !(tickStamp(state) == beforeTicks);
      if (idlePhase && !idle.started() && settledForIdle(state, signals, policy)) idle.start(now);
      if (idle.started() && idle.elapsed(now) >= idleSeconds) {
        std::printf("%s\n", idle.report(now).c_str());
        break;
      }
      if (!policy.shouldDraw(signals, seconds(now))) {
        waitFor = policy.waitSeconds(seconds(now));
        if (idle.started()) waitFor = std::min(waitFor, std::max(0.0, idleSeconds - idle.elapsed(now)));
        continue;
      }
    }
    if (benchMode && !idlePhase) bench.beforeFrame(state);

    const auto t0 = std::chrono::steady_clock::now();
    platform.newFrame();
    // A screenshot shows the dashboard, not a tooltip where Xvfb's pointer happens to be.
    if (screenshotMode) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    updateAndDraw(state);  // the frame's one sync with background work, then the drawing
    ImGui::Render();
    const auto t1 = std::chrono::steady_clock::now();
    platform.render(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

    std::string shotPath;
    std::optional<PixelRect> crop;
    if (takeScreenshotRequest(state, &shotPath, &crop)) {
      if (platform.saveScreenshot(shotPath, &error, crop ? &*crop : nullptr)) {
        setStatus(state, tr("Saved picture ") + shotPath);
      } else {
        setError(state, tr("Picture not saved: ") + error);
      }
    }
    if (screenshotMode && ++frame >= args.frames && !classroomBusy(state)) {  // a workshop report finishes first
      if (!platform.saveScreenshot(*args.screenshot, &error)) {
        std::fprintf(stderr, "chokepoint: screenshot failed: %s\n", error.c_str());
        exitCode = kExitFailure;
      }
      break;
    }
    platform.swap();
    if (eventDriven) {
      policy.drawn(signals, seconds(now));
      idle.countFrame();
    }
    if (benchMode && !idlePhase) {
      if (bench.measuring()) {
        bench.uiMs.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        bench.vertices.push_back(io.MetricsRenderVertices);
        bench.frameMs.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      }
      bench.afterFrame(state);
      if (bench.done()) {
        bench.report(config.width, config.height, state.runs.lastRunMs);
        idlePhase = true;  // then: what the same window costs while nobody touches it
      }
    }

    handleRequests(state);
    if (state.ui.requests.quit) platform.requestClose();
    if (io.WantSaveIniSettings) saveImGuiIni(iniFile);
  }

  if (args.printLevers) std::fputs(leverSettingLines(state).c_str(), stdout);
  if (!headless) {
    // Quit: the user saved or discarded, so the exit is clean. A signal: unsaved edits
    // stay on offer for the next start.
    writeSessionAtExit(state, /*cleanExit=*/!gTerminate || !isDirty(state.doc));
    saveImGuiIni(iniFile);
    int width = 0;
    int height = 0;
    platform.windowSize(width, height);
    if (width >= kMinWindowSide && width <= kMaxWindowSide && height >= kMinWindowSide &&
        height <= kMaxWindowSide) {  // e.g. not 0x0 when closed while minimised
      settings.windowWidth = width;
      settings.windowHeight = height;
    }
    settings.theme = state.ui.presenter ? state.ui.themeBeforePresenter : state.ui.theme;
    settings.recentFiles = state.ui.recentFiles;
    settings.language = state.ui.language;
    if (!settingsFile.empty() && !saveSettings(settingsFile, settings, &error)) {
      std::fprintf(stderr, "chokepoint: cannot save settings: %s\n", error.c_str());
    }
  }

  state.worker.setWake({});
  state.uncertainty.worker.setWake({});
  state.explain.attribution.worker.setWake({});
  state.explain.sensitivity.worker.setWake({});
  platform.shutdownImGuiBackends();
  ImGui::DestroyContext();
  platform.shutdown();
  return exitCode;
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
