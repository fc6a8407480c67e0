// chokepoint: the interactive dashboard.
//
// Shape of the Dear ImGui GLFW/OpenGL3 example: parse arguments, create the window and
// the ImGui context, then loop (poll events, sleep while minimised, new frame, UI,
// render, swap) and tear down in reverse. With --screenshot the loop renders N frames,
// writes the back buffer to a PNG and exits; user settings are then neither read nor
// written, so screenshots are reproducible.

#include "app/app_state.h"
#include "app/app_ui.h"
#include "app/cli_args.h"
#include "app/fonts.h"
#include "app/platform_glfw.h"
#include "app/settings.h"

#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

using namespace chokepoint::app;

namespace {

std::filesystem::path executableDir(const char* argv0) {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) exe = std::filesystem::absolute(argv0, ec);
    return ec ? std::filesystem::path() : exe.parent_path();
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

int run(const CliArgs& args, const std::filesystem::path& exeDir) {
    const bool screenshotMode = args.screenshot.has_value();

    AppState state;
    state.scenarioPath = args.scenario;
    loadScenario(state);
    if (screenshotMode && state.loadError) {
        std::fprintf(stderr, "chokepoint: cannot load scenario %s: %s\n", state.scenarioPath.c_str(),
                     state.loadError->c_str());
        return kExitScenario;
    }

    // Settings (never in screenshot mode).
    const UserDirs dirs = screenshotMode ? UserDirs{} : userDirsFromEnv();
    const std::filesystem::path settingsFile = dirs.config.empty() ? "" : dirs.config / kSettingsFile;
    const std::filesystem::path iniFile = dirs.config.empty() ? "" : dirs.config / kImGuiIniFile;
    std::string warning;
    Settings settings = screenshotMode ? Settings{} : loadSettings(settingsFile, &warning);
    if (!warning.empty()) state.warnings.push_back(warning);
    state.theme = settings.theme;

    PlatformConfig config;
    config.width = args.size ? args.size->width : settings.windowWidth;
    config.height = args.size ? args.size->height : settings.windowHeight;
    config.resizable = !screenshotMode;

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

    state.fonts = loadFonts(*io.Fonts, assetSearchDirs(exeDir));
    if (state.fonts.warning) {
        std::fprintf(stderr, "chokepoint: %s\n", state.fonts.warning->c_str());
        state.warnings.push_back(*state.fonts.warning);
    }
    applyThemeIfChanged(state);  // before the first NewFrame, so frame 1 has the right font

    int exitCode = kExitOk;
    if (!platform.initImGuiBackends(&error)) {
        std::fprintf(stderr, "chokepoint: %s\n", error.c_str());
        exitCode = kExitFailure;
    }

    int frame = 0;
    while (exitCode == kExitOk && !platform.shouldClose()) {
        platform.pollEvents();
        if (!screenshotMode && platform.minimised()) {
            platform.waitEvents(0.1);
            continue;
        }

        platform.newFrame();
        ImGui::NewFrame();
        drawUi(state);
        ImGui::Render();
        platform.render(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

        if (screenshotMode && ++frame >= args.frames) {
            if (!platform.saveScreenshot(*args.screenshot, &error)) {
                std::fprintf(stderr, "chokepoint: screenshot failed: %s\n", error.c_str());
                exitCode = kExitFailure;
            }
            break;
        }
        platform.swap();

        handleRequests(state);
        if (state.quitRequested) platform.requestClose();
        if (io.WantSaveIniSettings) saveImGuiIni(iniFile);
    }

    if (!screenshotMode) {
        saveImGuiIni(iniFile);
        int width = 0;
        int height = 0;
        platform.windowSize(width, height);
        if (width >= kMinWindowSide && width <= kMaxWindowSide && height >= kMinWindowSide &&
            height <= kMaxWindowSide) {  // e.g. not 0x0 when closed while minimised
            settings.windowWidth = width;
            settings.windowHeight = height;
        }
        settings.theme = state.theme;
        if (!settingsFile.empty() && !saveSettings(settingsFile, settings, &error)) {
            std::fprintf(stderr, "chokepoint: cannot save settings: %s\n", error.c_str());
        }
    }

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
        std::printf("chokepoint %s\n", CHOKEPOINT_VERSION);
        return kExitOk;
    }
    return run(parsed.args, executableDir(argc > 0 ? argv[0] : "chokepoint"));
}
