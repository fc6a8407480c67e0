#include "app/platform/cli_args.h"

#include "cli/shared_flags.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <string_view>
#include <type_traits>

namespace cp::app {

namespace {

constexpr int kMinSide = 64;
constexpr int kMaxSide = 16384;
constexpr int kMaxFrames = 100000;
constexpr int kMinEnsembleRuns = 2;
constexpr int kMaxEnsembleRuns = 10000;
constexpr double kMinBenchIdleSeconds = 0.1;
constexpr double kMaxBenchIdleSeconds = 3600;

std::optional<int> parseInt(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::optional<double> parseSeconds(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

std::optional<WindowSize> parseWindowSize(const std::string& text) {
  const auto x = text.find_first_of("xX");
  if (x == std::string::npos) return std::nullopt;
  const auto w = parseInt(std::string_view(text).substr(0, x));
  const auto h = parseInt(std::string_view(text).substr(x + 1));
  if (!w || !h) return std::nullopt;
  if (*w < kMinSide || *w > kMaxSide || *h < kMinSide || *h > kMaxSide) return std::nullopt;
  return WindowSize{*w, *h};
}

namespace {

// "--opt VALUE": CLI11 takes the next argument whatever it looks like, so "--scenario
// --frames 3" would open a file named "--frames"; such a value counts as missing.
bool missing(const std::string& v) { return v.empty() || v.rfind("--", 0) == 0; }

// Why a value is refused ("" when it is good); CLI11 puts "--flag: " before it.
using Why = std::function<std::string(const std::string&)>;

Why intIn(int lo, int hi) {
  return [=](const std::string& v) -> std::string {
    if (const auto n = parseInt(v); n && *n >= lo && *n <= hi) return "";
    return "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got '" + v + "'";
  };
}

Why oneOf(std::vector<std::string> choices, std::string listed) {
  return [=](const std::string& v) -> std::string {
    if (std::find(choices.begin(), choices.end(), v) != choices.end()) return "";
    return "expected " + listed + ", got '" + v + "'";
  };
}

const std::vector<std::string> kTabs = {"companies", "chips", "rules", "why", "explain", "sensitivity"};

// The dashboard's flags as one CLI11 app writing into a CliArgs. --lever and --lang are
// the definitions every chokepoint-cli command uses (src/cli/shared_flags).
struct Parser {
  CLI::App app{"Interactive dashboard of the Chokepoint compute-policy simulator.", "chokepoint"};
  cp::cli::SharedFlags shared;
  std::map<std::string, std::string> needs;  // what each value flag takes, for a missing value
  std::string size, restore, tab;            // turned into CliArgs fields after parsing

  // A flag that takes a value: the last one given wins; a missing value "needs" `what`.
  template <class T>
  void value(const std::string& name, T& out, const std::string& what, Why why = {}) {
    needs[name] = what;
    CLI::Option* o = nullptr;
    if constexpr (requires { typename T::value_type; } && !std::is_same_v<T, std::string>)
      o = app.add_option_function<typename T::value_type>(name, [&out](const auto& v) { out = v; });
    else
      o = app.add_option(name, out);
    o->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    o->check(validator(what, std::move(why)));
  }

  CLI::Validator validator(const std::string& what, Why why) {
    return CLI::Validator(
        [what, why = std::move(why)](std::string& v) { return missing(v) ? "needs " + what
                                                              : why      ? why(v)
                                                                         : ""; }, "");
  }

  explicit Parser(CliArgs& a) {
    app.set_help_flag();  // -h/--help is a plain flag here: main() prints cliUsage()
    app.allow_extras();   // left-overs are reported by parseCliArgs, in the dashboard's words
    for (auto [name, out] : {std::pair<const char*, bool*>{"-h,--help", &a.help},
                             {"--version", &a.version},
                             {"--presenter", &a.presenter},
                             {"--print-levers", &a.print_levers},
                             {"--uncertainty", &a.uncertainty},
                             {"--compare", &a.compare}})
      app.add_flag(name, *out)->disable_flag_override();
    value("--scenario", a.scenario, "a file name");
    value("--screenshot", a.screenshot, "a PNG file name");
    value("--frames", a.frames, "a number", intIn(1, kMaxFrames));
    value("--size", size, "WIDTHxHEIGHT, e.g. 1280x720", [](const std::string& v) -> std::string {
      if (parseWindowSize(v)) return "";
      return "expected WIDTHxHEIGHT with each side from " + std::to_string(kMinSide) + " to " +
             std::to_string(kMaxSide) + ", got '" + v + "'";
    });
    value("--link", a.link, "a share link, e.g. --link '#scenario=baseline'");
    value("--bench-frames", a.bench_frames, "a number", intIn(1, kMaxFrames));
    value("--bench-idle", a.bench_idle, "seconds", [](const std::string& v) -> std::string {
      const auto s = parseSeconds(v);
      if (s && *s >= kMinBenchIdleSeconds && *s <= kMaxBenchIdleSeconds) return "";
      return "expected seconds from 0.1 to 3600, got '" + v + "'";
    });
    value("--restore-session", restore, "ask, yes or no", oneOf({"ask", "yes", "no"}, "ask, yes or no"));
    value("--tab", tab, "a tab name", oneOf(kTabs, "companies, chips, rules, why, explain or sensitivity"));
    value("--uncertainty-runs", a.uncertainty_runs, "a number", intIn(kMinEnsembleRuns, kMaxEnsembleRuns));
    value("--ui-scale", a.ui_scale, "a scale, e.g. 1.5", [](const std::string& v) -> std::string {
      char* end = nullptr;
      const double s = std::strtod(v.c_str(), &end);
      if (!v.empty() && end == v.c_str() + v.size() && s >= 0.5 && s <= 4) return "";
      return "expected a scale from 0.5 to 4, got '" + v + "'";
    });
    value("--story", a.story, "a file name");
    value("--workshop", a.workshop, "a file name");
    value("--workshop-session", a.workshop_session, "a file name");
    value("--story-card", a.story_card, "a number", intIn(0, 1000));
    value("--workshop-rounds", a.workshop_rounds, "a number", intIn(0, 1000));
    value("--workshop-report", a.workshop_report, "a Markdown file name");
    value("--workshop-handouts", a.workshop_handouts, "a directory");
    const std::string move = "ROUND:TEAM:ID=VALUE, e.g. --move 1:us_gov:us.remote_access_control=on";
    needs["--move"] = move;
    app.add_option("--move", a.moves)->check(validator(move, [move](const std::string& v) {
      return v.find(':') == std::string::npos || v.find('=') == std::string::npos ? "needs " + move : "";
    }));
    cp::cli::addSharedFlags(app, shared, cp::cli::kLeverFlag | cp::cli::kLangFlag);
    needs["--lever"] = "ID=VALUE, e.g. --lever us.remote_access_control=on";
    needs["--lang"] = "en or uk";
    app.get_option("--lang")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  }
};

// CLI11's words for a flag without its value, or a value given to a plain flag, in the
// dashboard's: "--frames: needs a number", "--presenter takes no value".
std::string explain(const CLI::ParseError& e, const Parser& p) {
  const std::string what = e.what();
  const std::string name = what.substr(0, what.find_first_of(": "));
  if (what.find("disallowed flag override") != std::string::npos)  // CLI11 names it without "--"
    return (name.rfind('-', 0) == 0 ? name : "--" + name) + " takes no value";
  if (const auto it = p.needs.find(name); it != p.needs.end() && what.find(" missing") != std::string::npos)
    return name + ": needs " + it->second;
  return what;
}

}  // namespace

CliParseResult parseCliArgs(const std::vector<std::string>& args) {
  CliParseResult r;
  Parser p(r.args);
  try {
    p.app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
  } catch (const CLI::ParseError& e) {
    r.error = explain(e, p);
    return r;
  }
  if (const auto extra = p.app.remaining(); !extra.empty()) {
    r.error = extra.front().rfind("-", 0) == 0 ? "unknown option '" + extra.front() + "'"
                                               : "unexpected argument '" + extra.front() + "' (use --scenario FILE)";
    return r;
  }
  if (!p.size.empty()) r.args.size = parseWindowSize(p.size);
  if (!p.restore.empty()) {
    r.args.restore_session = p.restore == "yes"  ? RestoreMode::Yes
                             : p.restore == "no" ? RestoreMode::No
                                                 : RestoreMode::Ask;
    r.args.restore_session_given = true;
  }
  if (!p.tab.empty()) r.args.tab = static_cast<int>(std::find(kTabs.begin(), kTabs.end(), p.tab) - kTabs.begin());
  r.args.levers = p.shared.levers;
  r.args.language = p.shared.lang;
  if (r.args.link && !r.args.scenario.empty()) r.error = "--link names its own scenario; leave out --scenario";
  return r;
}

std::vector<std::string> cliFlagNames() {
  CliArgs unused;
  const Parser p(unused);
  std::vector<std::string> names;
  for (const CLI::Option* o : p.app.get_options()) {
    for (const std::string& s : o->get_snames()) names.push_back("-" + s);
    for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
  }
  return names;
}

std::string cliUsage() {
  return "Usage: chokepoint [--scenario FILE] [--lever ID=VALUE]... [--link LINK] [--presenter]\n"
         "                  [--screenshot FILE.png] [--frames N] [--size WxH] [--bench-frames N]\n"
         "                  [--bench-idle SECONDS]\n"
         "                  [--uncertainty] [--uncertainty-runs N] [--restore-session ask|yes|no]\n"
         "                  [--tab companies|chips|rules|why|explain|sensitivity] [--compare] [--lang en|uk]\n"
         "                  [--print-levers] [--ui-scale X] [--story FILE [--story-card N]]\n"
         "                  [--workshop FILE | --workshop-session FILE] [--move R:TEAM:ID=VALUE]...\n"
         "                  [--workshop-rounds N] [--workshop-report FILE.md] [--workshop-handouts DIR]\n"
         "\n"
         "Interactive dashboard of the Chokepoint compute-policy simulator.\n"
         "\n"
         "Options:\n"
         "  --scenario FILE       scenario JSON to open\n"
         "  -l, --lever ID=VALUE  change a lever after loading, as typed in the CLI:\n"
         "                        on/off, a number, YYYY-MM or never; VALUE@YYYY-MM from\n"
         "                        that month (repeatable; see chokepoint-cli levers FILE)\n"
         "  --link LINK           open a share link (File > Copy link; the browser's address):\n"
         "                        '#scenario=ID&lever=ID=VALUE[@YYYY-MM]...', ID a scenario\n"
         "                        of the library (scenarios/ID.json); a bad link opens the\n"
         "                        baseline and says why (with --screenshot: exit 2)\n"
         "  --presenter           start in presenter mode (large font, high contrast)\n"
         "  --screenshot FILE     render N frames, save them as a PNG and exit\n"
         "                        (exit 2 if the scenario is missing or broken)\n"
         "  --frames N            frames to render before the screenshot (default 5)\n"
         "  --size WxH            window size in pixels (default: remembered, else 1600x900;\n"
         "                        with --screenshot: 1600x900)\n"
         "  --bench-frames N      render N frames at full speed, print the median frame time\n"
         "                        and the frames from a lever edit to its results, then the\n"
         "                        frames drawn per second while idle (2 s), and exit\n"
         "  --bench-idle SECONDS  once the results are in, measure the CPU time (% of one\n"
         "                        core) and the frames drawn per second over SECONDS of\n"
         "                        nobody touching the window, print them and exit\n"
         "  --uncertainty         start with the uncertainty bands on (p10-p90 of a Monte\n"
         "                        Carlo ensemble; --screenshot waits for it)\n"
         "  --uncertainty-runs N  ensemble size for the bands (default 200)\n"
         "  --tab NAME            show this tab under the charts (explain: the waterfall of\n"
         "                        the edits; sensitivity: the tornado; --screenshot waits)\n"
         "  --lang en|uk          interface language (default: remembered, else English;\n"
         "                        View > Language switches it while running)\n"
         "  --compare             open the Compare scenarios window (the scenario library\n"
         "                        beside the open scenario, side by side)\n"
         "  --restore-session M   after a crash: ask (default), yes (restore without asking,\n"
         "                        also with --screenshot) or no (discard the old session)\n"
         "  --print-levers        print the changed levers as ID=VALUE lines on exit\n"
         "  --ui-scale X          text and spacing times X, 0.5 to 4 (default: the screen's\n"
         "                        scale, e.g. 2 on a high-DPI laptop set to 200%)\n"
         "  --story FILE          open a story (scenarios/stories/*.json) at its introduction\n"
         "  --story-card N        show card N of the story (0: the introduction)\n"
         "  --workshop FILE       open a workshop (scenarios/workshops/*.json) for team play\n"
         "  --workshop-session F  open a saved workshop game (it names its workshop)\n"
         "  --move R:TEAM:ID=VAL  enter a workshop move for round R (repeatable)\n"
         "  --workshop-rounds N   play rounds until N are played (the --move moves go in\n"
         "                        round by round)\n"
         "  --workshop-report F   export the workshop report (F.md and a PNG per chart beside\n"
         "                        it) once the scoreboard is in; --screenshot waits for it\n"
         "  --workshop-handouts D write the printable pack to directory D: a card per team\n"
         "                        (brief, objectives, levers with ranges) and move slips\n"
         "  --version             print the version and exit\n"
         "  -h, --help            print this help and exit\n"
         "\n"
         "Settings: $XDG_CONFIG_HOME/chokepoint (default ~/.config/chokepoint).\n"
         "Session autosave: $XDG_DATA_HOME/chokepoint/session.json (default ~/.local/share/chokepoint);\n"
         "--screenshot, --bench-frames and --bench-idle neither read nor write it (unless\n"
         "--restore-session yes).\n";
}

}  // namespace cp::app
