#include "cli/cli.h"

#include <filesystem>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "i18n/trf.h"

#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/parse_errors.h"
#include "engine/loader.h"
#include "paths/data_dirs.h"
#include "cli/shared_flags.h"

namespace cp::cli {

namespace {

// The output file a command was asked to write, if it is also one of the files it reads
// (a scenario or a scenario it extends, a shard): the atomic rename would replace the
// input with the output.
std::string outputThatIsAnInput(const CLI::App& sub) {
  for (const CLI::App* nested : sub.get_subcommands()) {
    if (std::string clash = outputThatIsAnInput(*nested); !clash.empty()) return clash;
  }
  const CLI::Option* out = sub.get_option_no_throw("--out");
  if (out == nullptr || out->count() == 0) return {};
  const std::string path = out->as<std::string>();
  std::error_code ec;
  if (path.empty() || path == "-" || !std::filesystem::exists(path, ec)) return {};
  const auto same = [&](const std::string& file) { return std::filesystem::equivalent(file, path, ec) && !ec; };
  for (const CLI::Option* o : sub.get_options()) {
    if (o == out) continue;
    for (const std::string& value : o->results()) {
      if (same(value)) return path;
      // A scenario's parents are inputs too (run variant.json --out baseline.json).
      if (std::filesystem::is_regular_file(value, ec) && value.ends_with(".json"))
        for (const std::string& parent : extendedFiles(value))
          if (same(parent)) return path;
    }
  }
  return {};
}

// Each command's --help ends with its own examples (the top-level help lists them all):
// a user reading `attribute --help` sees an attribute command line to copy.
struct Example {
  const char* command;  // the command path as typed: "run", "workshop score"
  const char* args;
};
constexpr Example kExamples[] = {
    {"run", "scenarios/baseline.json --to 2027-12 --out results.csv"},
    {"run", "scenarios/baseline.json --lever us.remote_access_control=on@2026-01"},
    {"levers", "scenarios/baseline.json"},
    {"validate", "scenarios/*.json"},
    {"why", "scenarios/baseline.json --company bytedance --month 2025-06"},
    {"compare", "scenarios/baseline.json scenarios/baseline.json --lever-b us.remote_access_control=on"},
    {"sweep", "scenarios/baseline.json --lever us.export_enforcement=0:1:5 --out sweep.csv"},
    {"mc", "scenarios/baseline.json --runs 1000 --out mc.csv"},
    {"merge", "shard*.csv --out mc.csv"},
    {"calibrate", "scenarios/baseline.json --notes"},
    {"workshop score", "scenarios/workshops/compute_race.json --move 1:us_gov:us.remote_access_control=on"},
    {"workshop check", "scenarios/workshops/compute_race.json"},
    {"story check", "scenarios/stories/history_2022_2025.json"},
    {"library", "scenarios/baseline.json --month 2026-11 --month 2030-12"},
    {"attribute",
     "scenarios/baseline.json scenarios/smuggling_crackdown.json --metric bloc/china/compute_train_h100e --month "
     "2028-12"},
    {"sensitivity", "scenarios/baseline.json --metric bloc/china/compute_train_h100e --month 2027-12"},
    {"matrix", "scenarios/baseline.json scenarios/h200_*.json --metric bloc/china/compute_train_h100e --month 2027-12"},
};

// The examples of `command` and of the commands under it ("" = all), and the exit codes.
std::string examplesFooter(const std::string& command) {
  std::string text = std::string(i18n::tr("Examples:")) + "\n";
  for (const Example& e : kExamples) {
    const std::string path = e.command;
    if (command.empty() || path == command || path.starts_with(command + " "))
      text += fmt::format("  chokepoint-cli {} {}\n", path, e.args);
  }
  return text + i18n::tr("Exit codes: 0 ok, 1 runtime failure, 2 usage or input error.");
}

// CLI11 pads the option column by bytes; a translated "REQUIRED" is two bytes a letter, so
// this pads by the characters a terminal shows.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string out = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string desc = make_option_desc(opt);
    const std::size_t width = get_column_width(), shown = displayWidth(out);
    if (!desc.empty())
      out += shown >= width ? "\n" + std::string(width, ' ') + desc : std::string(width - shown, ' ') + desc;
    return out + "\n";
  }
};

// CLI11's own words in the help ("Usage:", "Options:", "REQUIRED") in the current language;
// subcommands share the formatter and copy the help flag's text. Value types (TEXT, INT)
// stay as written, like YYYY-MM: CLI11 builds some ("TEXT:{csv,json}") where no label reaches.
void localiseHelp(CLI::App& app) {
  app.formatter(std::make_shared<HelpFormatter>());
  auto f = app.get_formatter();
  for (const char* label :
       {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("Positionals"), N_("REQUIRED"), N_("Needs"), N_("Excludes")})
    f->label(label, i18n::tr(label));
  app.set_help_flag("-h,--help", i18n::tr("Print this help message and exit"));
}

// Every option's default group "Options", in the language (a subcommand's help flag is made
// before it could take the parent's defaults).
void localiseGroups(CLI::App& app) {
  for (CLI::Option* o : app.get_options())
    if (o->get_group() == "Options") o->group(i18n::tr("Options"));
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) localiseGroups(*sub);
}

}  // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // The language before the parser is built, so its help and complaints are in it too (a bad
  // code is reported by the parser, in English); English without --lang, whatever the call before.
  SharedFlags early;
  early.lang = langArgument(args);
  if (!i18n::knownLanguage(early.lang)) early.lang = "en";
  std::ostringstream early_err;  // a missing catalogue is reported after parsing, once
  const bool early_ok = applyLangFlag(early, early_err);

  CLI::App app{i18n::tr("Chokepoint: simulate AI-compute export policy month by month, without a window."),
               "chokepoint-cli"};
  localiseHelp(app);
  app.set_version_flag(
      "--version",
      [] { return std::string("chokepoint-cli ") + CHOKEPOINT_VERSION + "\ndata: " + paths::dataRootText(); },
      i18n::tr("Display program version information and exit"));
  app.require_subcommand(1);
  app.footer(examplesFooter(""));
  std::vector<std::pair<CLI::App*, Command>> commands;
  SharedFlags lang;                      // --lang, one value whichever command took it
  addSharedFlags(app, lang, kLangFlag);  // `chokepoint-cli --lang uk levers ...` too
  // --seed where no random numbers are drawn: refused with the reason, never ignored.
  std::string seed_sink;
  std::vector<std::pair<const CLI::Option*, std::string>> seedless;
  auto refuse_seed = [&](CLI::App* sub, const std::string& command) {
    if (sub->get_option_no_throw("--seed") == nullptr) seedless.emplace_back(refuseSeedFlag(*sub, seed_sink), command);
  };
  auto reg = [&](const char* name, const char* help, Command (*add)(CLI::App&)) {
    CLI::App* sub = app.add_subcommand(name, help);
    sub->group(i18n::tr("Subcommands"));
    commands.emplace_back(sub, add(*sub));
    sub->footer(examplesFooter(name));
    addSharedFlags(*sub, lang, kLangFlag);
    const auto nested_commands = sub->get_subcommands([](CLI::App*) { return true; });
    if (nested_commands.empty()) refuse_seed(sub, name);
    // `story check ... --lang uk` as well as `story --lang uk check ...`: same flag, same places.
    for (CLI::App* nested : nested_commands) {
      nested->group(i18n::tr("Subcommands"));
      addSharedFlags(*nested, lang, kLangFlag);
      nested->footer(examplesFooter(std::string(name) + " " + nested->get_name()));
      refuse_seed(nested, std::string(name) + " " + nested->get_name());
    }
  };
  reg("run", i18n::tr("Run one scenario and write its monthly results (CSV or JSON)"), addRun);
  reg("levers", i18n::tr("List a scenario's levers: id, kind, value, range, label"), addLevers);
  reg("validate", i18n::tr("Check scenario files and list every problem"), addValidate);
  reg("why", i18n::tr("Show the options a company weighed in a month, and which rules denied which"), addWhy);
  reg("compare", i18n::tr("Key metrics of two scenarios (or lever settings) in one month, and their difference"),
      addCompare);
  reg("sweep", i18n::tr("Run every combination of lever values; long CSV with a column per swept lever"), addSweep);
  reg("mc", i18n::tr("Monte Carlo ensemble over the uncertain inputs: p10/p50/p90/mean per series per month"), addMc);
  reg("merge", i18n::tr("Combine the shard files of an `mc --shard` or `sweep --shard` job"), addMerge);
  reg("calibrate", i18n::tr("Compare a run with published figures (calibration targets); exit 1 below --min-share"),
      addCalibrate);
  reg("workshop", i18n::tr("Workshop team play: `score` a game (moves per round) or `check` a workshop file"),
      addWorkshop);
  reg("story", i18n::tr("Story mode: `check` a story file and list its cards"), addStory);
  reg("library", i18n::tr("The baseline against every variant that extends it: headline metrics before and after"),
      addLibrary);
  reg("attribute", i18n::tr("Which lever did what: a metric's difference between two scenarios split over the levers"),
      addAttribute);
  reg("sensitivity", i18n::tr("Tornado: each lever alone at both ends of its range, ranked by the metric's swing"),
      addSensitivity);
  reg("matrix", i18n::tr("Scenarios x metrics at months, one table"), addMatrix);

  localiseGroups(app);

  std::vector<std::string> rev(args.rbegin(), args.rend() - (args.empty() ? 0 : 1));
  if (args.size() <= 1) {  // no command: show what there is, not just an error
    err << app.help();
    return kUsage;
  }
  size_t at = 1;  // the command's place: after a leading --lang (`chokepoint-cli --lang uk frob`)
  while (at < args.size() && (args[at] == "--lang" || args[at].starts_with("--lang=")))
    at += args[at] == "--lang" ? 2 : 1;
  if (const std::string first = at < args.size() ? args[at] : ""; !first.empty() && first[0] != '-') {
    std::string names;
    bool known = false;
    for (const auto& c : commands) {
      names += (names.empty() ? "" : ", ") + c.first->get_name();
      known = known || c.first->get_name() == first;
    }
    if (!known) {
      err << i18n::trf("chokepoint-cli: unknown command '{}'; the commands are {}\n", first, names);
      return kUsage;
    }
  }
  try {
    app.parse(rev);
  } catch (const CLI::ParseError& e) {
    // Help and --version are "errors" to CLI11 that exit 0.
    if (e.get_exit_code() == 0) return app.exit(e, out, err) == 0 ? kOk : kUsage;
    err << localParseError(e.what()) << "\n" << i18n::tr("Run with --help for more information.") << "\n";
    return kUsage;
  }
  // The catalogue is loaded once: parsing found the language the early look did (it takes
  // the last --lang, as the parser does), unless the parser's is another.
  const auto code = [](const std::string& l) { return l.empty() ? std::string("en") : l; };
  if (code(lang.lang) == code(early.lang)) {
    err << early_err.str();
    if (!early_ok) return kUsage;
  } else if (!applyLangFlag(lang, err)) {
    return kUsage;
  }
  for (const auto& [option, command] : seedless)
    if (const std::string why = seedRefusal(option, command); !why.empty()) {
      err << "chokepoint-cli: " << why << "\n";
      return kUsage;
    }
  for (auto& [sub, cmd] : commands) {
    if (!sub->parsed()) continue;
    if (const std::string clash = outputThatIsAnInput(*sub); !clash.empty()) {
      err << i18n::trf("chokepoint-cli: --out {} is also an input of this command; write the output elsewhere\n",
                       clash);
      return kUsage;
    }
    try {
      return cmd(out, err);
    } catch (const std::exception& e) {
      err << "chokepoint-cli: " << e.what() << "\n";
      return kFailure;
    }
  }
  return kUsage;
}

}  // namespace cp::cli
