// Command-line arguments of the dashboard (`chokepoint`). Pure: no I/O, no globals.
//
//   CliParseResult r = parseCliArgs({argv + 1, argv + argc});
//   if (!r.error.empty()) { std::cerr << r.error << "\n" << cliUsage(); return kExitUsage; }
//   const CliArgs& args = r.args;
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cp::app {

inline constexpr int kDefaultScreenshotFrames = 5;

// Exit codes of `chokepoint`.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // window / OpenGL / PNG write failed
inline constexpr int kExitScenario = 2;  // --screenshot with a missing or broken scenario
inline constexpr int kExitUsage = 2;     // bad command line (same code as chokepoint-cli)

struct WindowSize {
  int width = 0;
  int height = 0;
  friend bool operator==(const WindowSize&, const WindowSize&) = default;
};

// --restore-session: what to do with a session that ended uncleanly.
enum class RestoreMode { Ask, Yes, No };

struct CliArgs {
  std::string scenario;                   // --scenario FILE (empty: none)
  std::optional<std::string> screenshot;  // --screenshot FILE.png: render, save, exit
  int frames = kDefaultScreenshotFrames;  // --frames N: frames to render before the screenshot
  std::optional<WindowSize> size;         // --size WxH
  std::vector<std::string> levers;        // --lever ID=VALUE[@YYYY-MM], repeatable
  std::optional<std::string> link;        // --link "#scenario=ID&lever=...": a share link (share_link.h)
  bool presenter = false;                 // --presenter: start in presenter mode
  std::optional<int> bench_frames;        // --bench-frames N: measure, print, exit
  std::optional<double> bench_idle;       // --bench-idle SECONDS: idle CPU and frames, print, exit
  // --restore-session ask|yes|no. Ask (default) shows a prompt, and with --screenshot,
  // --bench-frames or --bench-idle reads nothing; yes restores without asking (also with --screenshot).
  RestoreMode restore_session = RestoreMode::Ask;
  bool restore_session_given = false;
  bool print_levers = false;            // --print-levers: changed levers on stdout at exit
  bool uncertainty = false;             // --uncertainty: start with the bands on
  std::string language;                 // --lang en|uk: interface language (empty: remembered)
  int tab = -1;                         // --tab NAME: the table tab to show (index), -1 default
  bool compare = false;                 // --compare: open the Compare scenarios window
  std::optional<int> uncertainty_runs;  // --uncertainty-runs N
  std::optional<float> ui_scale;        // --ui-scale X: text and spacing times X (default: the screen's)
  // Classroom: --story FILE [--story-card N]; --workshop FILE or --workshop-session FILE,
  // --move ROUND:TEAM:ID=VALUE (repeatable) and --workshop-rounds N (rounds to play).
  std::string story;
  std::optional<int> story_card;  // 0 = the introduction, 1 = the first card
  std::string workshop, workshop_session;
  std::vector<std::string> moves;
  std::optional<int> workshop_rounds;
  std::optional<std::string> workshop_report;    // --workshop-report FILE.md: export once scored
  std::optional<std::string> workshop_handouts;  // --workshop-handouts DIR: team cards and move slips
  bool help = false;
  bool version = false;
};

struct CliParseResult {
  CliArgs args;
  std::string error;  // empty on success
  bool ok() const { return error.empty(); }
};

// `args` excludes the program name. Accepts `--opt VALUE` and `--opt=VALUE`. Parsed with
// CLI11; --lever/-l and --lang are chokepoint-cli's shared flags (src/cli/shared_flags.h),
// so they take and refuse the same values there and here.
CliParseResult parseCliArgs(const std::vector<std::string>& args);

// Every flag parseCliArgs takes, as "--name" (and "-h", "-l"); cliUsage() lists each.
std::vector<std::string> cliFlagNames();

// Parses "1280x720" (also 'X'); each side in [64, 16384].
std::optional<WindowSize> parseWindowSize(const std::string& text);

std::string cliUsage();

}  // namespace cp::app
