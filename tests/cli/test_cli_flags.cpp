// One set of flags across the CLI: walk every subcommand's --help (whatever commands exist,
// nested ones too) and check that each shared flag it offers is the one from
// shared_flags.h, with the same name, short form and help; then check that the flags
// behave the same in every command that takes a scenario.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "cli/shared_flags.h"
#include "cli_support.h"

namespace cp::cli {
namespace {

using test::cli;
using test::Out;

std::string baseline() { return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json"; }

struct OptionHelp {
  std::string names, type, help;  // "-o,--out", "TEXT", "Output file ..."
  bool required = false;
};

struct CommandHelp {
  std::vector<std::string> path;              // {"workshop", "score"}
  std::vector<std::string> positionals;       // names
  std::map<std::string, OptionHelp> options;  // by long name ("--out")
  std::vector<std::string> subcommands;
  std::vector<std::string> examples;  // "chokepoint-cli run scenarios/baseline.json ..."
};

std::string longName(const std::string& names) {
  const auto pos = names.rfind("--");
  return pos == std::string::npos ? names : names.substr(pos);
}

// Parses CLI11's help: sections "Positionals:", "Options:", "Subcommands:"; an entry is
// "  NAMES TYPE...   help", the help on the next line when the left part is long.
CommandHelp parseHelp(const std::vector<std::string>& path, const std::string& text) {
  CommandHelp c{path, {}, {}, {}};
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  const std::regex entry(R"(^  (\S+)(.*?)(?:\s{2,}(\S.*))?$)");
  std::string section;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (!l.empty() && l[0] != ' ') {
      section = l;
      continue;
    }
    if (section == "Examples:" && l.rfind("  chokepoint-cli ", 0) == 0) {
      c.examples.push_back(l.substr(2));
      continue;
    }
    std::smatch m;
    if (l.rfind("   ", 0) == 0 || !std::regex_match(l, m, entry)) continue;  // continuation or blank
    std::string help = m[3];
    if (help.empty() && i + 1 < lines.size() && lines[i + 1].rfind("     ", 0) == 0)
      help = lines[i + 1].substr(lines[i + 1].find_first_not_of(' '));
    const std::string name = m[1], rest = m[2];
    if (section == "Subcommands:")
      c.subcommands.push_back(name);
    else if (section == "Positionals:")
      c.positionals.push_back(name);
    else if (section == "Options:")
      c.options[longName(name)] = {name, rest, help, rest.find("REQUIRED") != std::string::npos};
  }
  return c;
}

// Every command reachable from the top, depth first.
std::vector<CommandHelp> walk() {
  std::vector<CommandHelp> out;
  std::vector<std::vector<std::string>> todo{{}};
  while (!todo.empty()) {
    const auto path = todo.back();
    todo.pop_back();
    auto args = path;
    args.push_back("--help");
    const Out r = cli(args);
    EXPECT_EQ(r.code, kOk) << "help of '" << ::testing::PrintToString(path) << "': " << r.err;
    CommandHelp c = parseHelp(path, r.out);
    for (const std::string& sub : c.subcommands) {
      auto p = path;
      p.push_back(sub);
      todo.push_back(p);
    }
    if (!path.empty()) out.push_back(std::move(c));
  }
  return out;
}

std::string joined(const std::vector<std::string>& path) {
  std::string s;
  for (const auto& p : path) s += (s.empty() ? "" : " ") + p;
  return s;
}

const std::vector<CommandHelp>& commands() {
  static const std::vector<CommandHelp> all = walk();
  return all;
}

TEST(CliFlags, TheWalkFindsEveryCommand) {
  std::set<std::string> names;
  for (const CommandHelp& c : commands()) names.insert(joined(c.path));
  for (const char* expected : {"run", "mc", "sweep", "merge", "compare", "calibrate", "levers", "why", "validate",
                               "workshop score", "workshop check", "story check"})
    EXPECT_TRUE(names.count(expected)) << expected;
  const CommandHelp& run =
      *std::find_if(commands().begin(), commands().end(), [](const CommandHelp& c) { return joined(c.path) == "run"; });
  EXPECT_EQ(run.positionals, std::vector<std::string>{"scenario"});
  EXPECT_TRUE(run.options.count("--out") && run.options.count("--lever") && run.options.count("--format"));
}

// `attribute --help` shows attribute command lines, not the top level's list of all.
TEST(CliFlags, EveryCommandsHelpEndsWithItsOwnExamples) {
  for (const CommandHelp& c : commands()) {
    const std::string cmd = joined(c.path);
    EXPECT_FALSE(c.examples.empty()) << cmd;
    for (const std::string& e : c.examples)
      EXPECT_EQ(e.rfind("chokepoint-cli " + cmd + " ", 0), 0u) << cmd << " shows: " << e;
  }
}

// A new user copies an example from the help: it runs, from the project's folder, as shown
// (its output file moved to a temporary folder). Globs need a shell, and the 1,000-run
// `mc` is left to the ensemble tests.
TEST(CliFlags, EveryExampleInTheHelpRuns) {
  const Out top = cli({"--help"});
  const std::vector<std::string> examples = parseHelp({}, top.out).examples;
  ASSERT_GE(examples.size(), commands().size() - 2);  // `workshop` and `story` show their nested commands'
  test::TempDir tmp;
  const std::filesystem::path old = std::filesystem::current_path();
  std::filesystem::current_path(CHOKEPOINT_SOURCE_DIR);
  int ran = 0;
  for (const std::string& e : examples) {
    if (e.find('*') != std::string::npos || e.rfind("chokepoint-cli mc ", 0) == 0) continue;
    std::vector<std::string> args;
    std::istringstream words(e.substr(std::string("chokepoint-cli ").size()));
    for (std::string w; words >> w;) args.push_back(args.empty() || args.back() != "--out" ? w : tmp / w);
    const Out r = cli(args);
    EXPECT_EQ(r.code, kOk) << e << "\n" << r.err;
    ++ran;
  }
  std::filesystem::current_path(old);
  EXPECT_GE(ran, 12);
}

// --lang goes before the command, after it, and after a nested command (story check).
TEST(CliFlags, EveryCommandTakesLang) {
  for (const CommandHelp& c : commands()) EXPECT_TRUE(c.options.count("--lang")) << joined(c.path);
  const Out top = cli({"--help"});
  EXPECT_NE(top.out.find("--lang"), std::string::npos) << top.out;
}

TEST(CliFlags, SharedFlagsHaveOneNameAndOneMeaningEverywhere) {
  std::map<std::string, SharedFlagDoc> canonical;
  for (const SharedFlagDoc& d : kSharedFlags) canonical[longName(d.name)] = d;
  for (const CommandHelp& c : commands()) {
    const std::string cmd = joined(c.path);
    for (const auto& [name, o] : c.options) {
      // A flag with a shared name or short form is the shared flag.
      auto it = canonical.find(name);
      if (it == canonical.end()) {
        for (const SharedFlagDoc& d : kSharedFlags) {
          const std::string shorts = std::string(d.name).substr(0, std::string(d.name).find(','));
          EXPECT_FALSE(shorts.size() == 2 && o.names.find(shorts + ",") == 0)
              << cmd << ": " << o.names << " reuses the short form of " << d.name;
        }
        continue;
      }
      const SharedFlagDoc& d = it->second;
      EXPECT_EQ(o.names, d.name) << cmd;
      const std::string base = d.help;
      EXPECT_TRUE(o.help == base || (name == "--lever" && o.help.rfind(base + "; ", 0) == 0))
          << cmd << " " << name << ": '" << o.help << "' is not the shared help '" << base << "'";
      if (name == "--quiet") {
        EXPECT_EQ(o.type, "") << cmd << ": --quiet is a flag";
      }
      if (name == "--format") {
        std::smatch m;
        const std::regex choices(R"(\{([a-z,]+)\})");
        ASSERT_TRUE(std::regex_search(o.type, m, choices)) << cmd << ": --format lists its choices: " << o.type;
        std::string list = m[1];
        std::set<std::string> got;
        for (size_t b = 0, e; b <= list.size(); b = e + 1) {
          e = list.find(',', b);
          if (e == std::string::npos) e = list.size();
          got.insert(list.substr(b, e - b));
        }
        for (const std::string& f : got)
          EXPECT_TRUE(f == "csv" || f == "json" || f == "text" || f == "markdown") << cmd << ": " << f;
        EXPECT_TRUE(got.count("csv")) << cmd << ": every --format offers csv";
      }
    }
    // Commands that write results take the whole output set; ranges come in pairs.
    if (c.options.count("--out")) {
      EXPECT_TRUE(c.options.count("--quiet")) << cmd << " has --out but no --quiet";
      EXPECT_TRUE(c.options.count("--format")) << cmd << " has --out but no --format";
    }
    EXPECT_EQ(c.options.count("--from"), c.options.count("--to")) << cmd;
  }
}

// The arguments that run a command on the baseline with only shared flags added; empty
// when the command needs more than a scenario (other positionals, required options).
std::vector<std::string> baseArgs(const CommandHelp& c) {
  if (c.positionals != std::vector<std::string>{"scenario"}) return {};
  for (const auto& [name, o] : c.options)
    if (o.required && name != "--lever") return {};
  std::vector<std::string> args = c.path;
  args.push_back(baseline());
  if (c.options.count("--lever")) args.insert(args.end(), {"--lever", "us.export_enforcement=0.5"});
  // A command with its own pass/fail gate is asked only to report here.
  if (c.options.count("--min-share")) args.insert(args.end(), {"--min-share", "0"});
  return args;
}

std::vector<std::string> with(std::vector<std::string> args, std::initializer_list<std::string> more) {
  args.insert(args.end(), more);
  return args;
}

TEST(CliFlags, SharedFlagsBehaveTheSameInEveryCommandThatTakesAScenario) {
  int checked = 0;
  const auto dir = std::filesystem::temp_directory_path() / ("cp_flags_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const CommandHelp& c : commands()) {
    const auto args = baseArgs(c);
    if (args.empty()) continue;
    const std::string cmd = joined(c.path);
    const bool ranged = c.options.count("--to") > 0;
    if (ranged) {
      ++checked;
      Out r = cli(with(args, {"--from", "2030-01", "--to", "2022-01"}));
      EXPECT_EQ(r.code, kUsage) << cmd;
      EXPECT_NE(r.err.find("covers 2022-01..2030-12"), std::string::npos) << cmd << ": " << r.err;
      r = cli(with(args, {"--to", "2099-12"}));
      EXPECT_EQ(r.code, kUsage) << cmd;
      EXPECT_NE(r.err.find("--to 2099-12 is after the end"), std::string::npos) << cmd << ": " << r.err;
      r = cli(with(args, {"--from", "2021-06"}));
      EXPECT_EQ(r.code, kUsage) << cmd;
      EXPECT_NE(r.err.find("--from 2021-06 is before the start"), std::string::npos) << cmd << ": " << r.err;
    }
    if (c.options.count("--lever")) {
      auto bad = args;
      bad.insert(bad.end(), {"--lever", "us.nope=1"});
      const Out r = cli(bad);
      EXPECT_EQ(r.code, kUsage) << cmd;
      EXPECT_NE(r.err.find("unknown lever 'us.nope'"), std::string::npos) << cmd << ": " << r.err;
    }
    if (c.options.count("--metrics")) {
      const Out r = cli(with(args, {"--metrics", "a/b/c/d"}));
      EXPECT_EQ(r.code, kUsage) << cmd << ": " << r.err;
    }
    if (c.options.count("--format")) {
      EXPECT_EQ(cli(with(args, {"--format", "xml"})).code, kUsage) << cmd;
    }
    if (c.options.count("--out")) {
      const auto file = dir / (c.path.back() + ".out");
      auto a = with(args, {"--out", file.string(), "--quiet"});
      if (ranged) a.insert(a.end(), {"--to", "2022-02"});
      const Out r = cli(a);
      EXPECT_EQ(r.code, kOk) << cmd << ": " << r.err;
      EXPECT_EQ(r.out, "") << cmd << ": --out leaves standard output empty";
      EXPECT_EQ(r.err, "") << cmd << ": --quiet leaves stderr empty";
      EXPECT_GT(std::filesystem::file_size(file), 0u) << cmd;

      // The output may not replace the scenario it is computed from.
      const auto input = dir / "input.json";
      std::filesystem::copy_file(baseline(), input, std::filesystem::copy_options::overwrite_existing);
      const auto before = std::filesystem::file_size(input);
      a = with(args, {"--out", input.string()});
      a[c.path.size()] = input.string();
      Out clash = cli(a);
      EXPECT_EQ(clash.code, kUsage) << cmd;
      EXPECT_NE(clash.err.find("--out " + input.string() + " is also an input of this command"), std::string::npos)
          << cmd << ": " << clash.err;
      EXPECT_EQ(std::filesystem::file_size(input), before) << cmd << ": the scenario was overwritten";
      // Nor the scenario a variant extends.
      const auto variant = dir / "variant.json";
      std::ofstream(variant) << R"({"extends": "input.json", "name": "v"})";
      a[c.path.size()] = variant.string();
      clash = cli(a);
      EXPECT_EQ(clash.code, kUsage) << cmd;
      EXPECT_NE(clash.err.find("--out " + input.string() + " is also an input of this command"), std::string::npos)
          << cmd << ": " << clash.err;
      EXPECT_EQ(std::filesystem::file_size(input), before) << cmd << ": the parent scenario was overwritten";

      // A missing directory is named as such, not as a temporary file that could not be made.
      const auto lost = dir / "no_such_dir" / "x.out";
      clash = cli(with(args, {"--out", lost.string(), "--quiet"}));
      EXPECT_EQ(clash.code, kFailure) << cmd;
      EXPECT_NE(
          clash.err.find("cannot write " + lost.string() + ": there is no directory " + lost.parent_path().string()),
          std::string::npos)
          << cmd << ": " << clash.err;
    }
  }
  std::filesystem::remove_all(dir);
  EXPECT_GE(checked, 3);  // run, sweep, mc at least
}

// The README's table of shared flags names, for each, the commands that take it: the same
// commands whose --help offers it.
TEST(CliFlags, TheReadmeNamesEveryCommandThatTakesASharedFlag) {
  std::ifstream readme(std::string(CHOKEPOINT_SOURCE_DIR) + "/README.md");
  std::map<std::string, std::string> cell;  // flag -> its Commands cell
  bool in_table = false;
  for (std::string line; std::getline(readme, line);) {
    if (line.rfind("| Flag | Meaning | Commands |", 0) == 0) in_table = true;
    if (!in_table) continue;
    if (line.empty()) break;
    const auto last = line.rfind(" | ");
    for (const char* flag : {"--out", "--quiet", "--to", "--metrics", "--lever"})
      if (line.find(std::string("`") + flag) != std::string::npos &&
          line.find(std::string("`") + flag) < line.find(" | "))
        cell[flag] = line.substr(last + 3, line.size() - last - 5);
  }
  ASSERT_EQ(cell.size(), 5u) << "the README's shared-flag table was not found";
  for (const auto& [flag, text] : cell) {
    std::string names = text == "as `--out`" ? cell["--out"] : text;
    names = names.substr(0, names.find(';'));  // "...; the dashboard"
    std::set<std::string> documented;
    for (size_t a = 0; a < names.size();) {
      const size_t b = std::min(names.find(", ", a), names.size());
      documented.insert(names.substr(a, b - a));
      a = b + 2;
    }
    std::set<std::string> offered;
    for (const CommandHelp& c : commands())
      if (c.options.count(flag)) offered.insert(joined(c.path));
    EXPECT_EQ(documented, offered) << flag;
  }
}

}  // namespace
}  // namespace cp::cli

// Source files the READMEs and the examples point readers to exist (files move: chart_specs.cpp
// went to src/app/core/).
TEST(CliDocs, SourceFilesNamedInTheReadmesAndExamplesExist) {
  const std::filesystem::path root(CHOKEPOINT_SOURCE_DIR);
  std::vector<std::filesystem::path> docs = {root / "README.md", root / "scenarios" / "README.md",
                                             root / "src" / "engine" / "README.md"};
  for (const auto& e : std::filesystem::directory_iterator(root / "examples"))
    if (e.path().extension() == ".py") docs.push_back(e.path());
  const std::regex source(R"(src/[A-Za-z0-9_/]+\.(cpp|h))");
  int named = 0;
  for (const auto& doc : docs) {
    std::ifstream in(doc);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), source); it != std::sregex_iterator(); ++it, ++named)
      EXPECT_TRUE(std::filesystem::exists(root / it->str())) << doc.filename() << " names " << it->str();
  }
  EXPECT_GT(named, 0);
}
