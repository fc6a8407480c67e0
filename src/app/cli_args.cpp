#include "app/cli_args.h"

#include "i18n/i18n.h"

#include <algorithm>
#include <iterator>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace chokepoint::app {

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

CliParseResult parseCliArgs(const std::vector<std::string>& args) {
    CliParseResult r;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        std::optional<std::string> inlineValue;
        if (name.rfind("--", 0) == 0) {
            if (const auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
        }
        // Takes the option's value from "--opt=value" or the next argument.
        const auto value = [&]() -> std::optional<std::string> {
            if (inlineValue) return inlineValue;
            // "--scenario --frames 3" is a missing value, not a file named "--frames".
            if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) return args[++i];
            return std::nullopt;
        };
        const auto fail = [&](const std::string& message) {
            r.error = message;
            return r;
        };

        if (name == "--help" || name == "-h") {
            r.args.help = true;
        } else if (name == "--version") {
            r.args.version = true;
        } else if (name == "--scenario") {
            const auto v = value();
            if (!v || v->empty()) return fail("--scenario needs a file name");
            r.args.scenario = *v;
        } else if (name == "--screenshot") {
            const auto v = value();
            if (!v || v->empty()) return fail("--screenshot needs a PNG file name");
            r.args.screenshot = *v;
        } else if (name == "--frames") {
            const auto v = value();
            if (!v) return fail("--frames needs a number");
            const auto n = parseInt(*v);
            if (!n || *n < 1 || *n > kMaxFrames) {
                return fail("--frames: expected an integer from 1 to " + std::to_string(kMaxFrames) + ", got '" +
                            *v + "'");
            }
            r.args.frames = *n;
        } else if (name == "--size") {
            const auto v = value();
            if (!v) return fail("--size needs WIDTHxHEIGHT, e.g. 1280x720");
            const auto size = parseWindowSize(*v);
            if (!size) {
                return fail("--size: expected WIDTHxHEIGHT with each side from " + std::to_string(kMinSide) + " to " +
                            std::to_string(kMaxSide) + ", got '" + *v + "'");
            }
            r.args.size = size;
        } else if (name == "--lever") {
            const auto v = value();
            if (!v || v->find('=') == std::string::npos || v->front() == '=')
                return fail("--lever needs ID=VALUE, e.g. --lever us.remote_access_control=on");
            r.args.levers.push_back(*v);
        } else if (name == "--link") {
            const auto v = value();
            if (!v || v->empty()) return fail("--link needs a share link, e.g. --link '#scenario=baseline'");
            r.args.link = *v;
        } else if (name == "--presenter") {
            r.args.presenter = true;
        } else if (name == "--bench-frames") {
            const auto v = value();
            if (!v) return fail("--bench-frames needs a number");
            const auto n = parseInt(*v);
            if (!n || *n < 1 || *n > kMaxFrames) {
                return fail("--bench-frames: expected an integer from 1 to " + std::to_string(kMaxFrames) + ", got '" +
                            *v + "'");
            }
            r.args.benchFrames = *n;
        } else if (name == "--bench-idle") {
            const auto v = value();
            const auto seconds = v ? parseSeconds(*v) : std::nullopt;
            if (!seconds || *seconds < kMinBenchIdleSeconds || *seconds > kMaxBenchIdleSeconds)
                return fail("--bench-idle: expected seconds from 0.1 to 3600, got '" + v.value_or("") + "'");
            r.args.benchIdle = *seconds;
        } else if (name == "--restore-session") {
            const auto v = value();
            if (v == "ask") {
                r.args.restoreSession = RestoreMode::Ask;
            } else if (v == "yes") {
                r.args.restoreSession = RestoreMode::Yes;
            } else if (v == "no") {
                r.args.restoreSession = RestoreMode::No;
            } else {
                return fail("--restore-session: expected ask, yes or no, got '" + v.value_or("") + "'");
            }
            r.args.restoreSessionGiven = true;
        } else if (name == "--print-levers") {
            r.args.printLevers = true;
        } else if (name == "--uncertainty") {
            r.args.uncertainty = true;
        } else if (name == "--compare") {
            r.args.compare = true;
        } else if (name == "--lang") {
            const auto v = value();
            if (!v || !cp::i18n::knownLanguage(*v)) return fail("--lang: expected en or uk, got '" + v.value_or("") + "'");
            r.args.language = *v;
        } else if (name == "--tab") {
            static const char* const kTabs[] = {"companies", "chips", "rules", "why", "explain", "sensitivity"};
            const auto v = value();
            const auto it = std::find_if(std::begin(kTabs), std::end(kTabs), [&](const char* t) { return v == t; });
            if (it == std::end(kTabs))
                return fail("--tab: expected companies, chips, rules, why, explain or sensitivity, got '" + v.value_or("") + "'");
            r.args.tab = static_cast<int>(it - std::begin(kTabs));
        } else if (name == "--uncertainty-runs") {
            const auto v = value();
            const auto n = v ? parseInt(*v) : std::nullopt;
            if (!n || *n < kMinEnsembleRuns || *n > kMaxEnsembleRuns) {
                return fail("--uncertainty-runs: expected an integer from " + std::to_string(kMinEnsembleRuns) + " to " +
                            std::to_string(kMaxEnsembleRuns) + ", got '" + v.value_or("") + "'");
            }
            r.args.uncertaintyRuns = *n;
        } else if (name == "--workshop-report") {
            const auto v = value();
            if (!v || v->empty()) return fail("--workshop-report needs a Markdown file name");
            r.args.workshopReport = *v;
        } else if (name == "--workshop-handouts") {
            const auto v = value();
            if (!v || v->empty()) return fail("--workshop-handouts needs a directory");
            r.args.workshopHandouts = *v;
        } else if (name == "--story" || name == "--workshop" || name == "--workshop-session") {
            const auto v = value();
            if (!v || v->empty()) return fail(name + " needs a file name");
            (name == "--story" ? r.args.story : name == "--workshop" ? r.args.workshop : r.args.workshopSession) = *v;
        } else if (name == "--story-card" || name == "--workshop-rounds") {
            const auto v = value();
            const auto n = v ? parseInt(*v) : std::nullopt;
            if (!n || *n < 0 || *n > 1000)
                return fail(name + ": expected an integer from 0 to 1000, got '" + v.value_or("") + "'");
            (name == "--story-card" ? r.args.storyCard : r.args.workshopRounds) = *n;
        } else if (name == "--move") {
            const auto v = value();
            if (!v || v->find(':') == std::string::npos || v->find('=') == std::string::npos)
                return fail("--move needs ROUND:TEAM:ID=VALUE, e.g. --move 1:us_gov:us.remote_access_control=on");
            r.args.moves.push_back(*v);
        } else if (name.rfind("-", 0) == 0) {
            return fail("unknown option '" + args[i] + "'");
        } else {
            return fail("unexpected argument '" + args[i] + "' (use --scenario FILE)");
        }
        if (inlineValue && (name == "--help" || name == "-h" || name == "--version" || name == "--presenter" ||
                            name == "--print-levers" || name == "--uncertainty" || name == "--compare")) {
            return fail(name + " takes no value");
        }
    }
    if (r.args.link && !r.args.scenario.empty()) r.error = "--link names its own scenario; leave out --scenario";
    return r;
}

std::string cliUsage() {
    return "Usage: chokepoint [--scenario FILE] [--lever ID=VALUE]... [--link LINK] [--presenter]\n"
           "                  [--screenshot FILE.png] [--frames N] [--size WxH] [--bench-frames N]\n"
           "                  [--bench-idle SECONDS]\n"
           "                  [--uncertainty] [--uncertainty-runs N] [--restore-session ask|yes|no]\n"
           "                  [--tab companies|chips|rules|why|explain|sensitivity] [--compare] [--lang en|uk]\n"
           "                  [--print-levers] [--story FILE [--story-card N]]\n"
           "                  [--workshop FILE | --workshop-session FILE] [--move R:TEAM:ID=VALUE]...\n"
           "                  [--workshop-rounds N] [--workshop-report FILE.md] [--workshop-handouts DIR]\n"
           "\n"
           "Interactive dashboard of the Chokepoint compute-policy simulator.\n"
           "\n"
           "Options:\n"
           "  --scenario FILE       scenario JSON to open\n"
           "  --lever ID=VALUE      change a lever after loading, as typed in the CLI:\n"
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

}  // namespace chokepoint::app
