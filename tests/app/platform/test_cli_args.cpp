#include "app/platform/cli_args.h"
#include "cli/shared_flags.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <regex>
#include <set>

using cp::app::CliParseResult;
using cp::app::kDefaultScreenshotFrames;
using cp::app::parseCliArgs;
using cp::app::parseWindowSize;
using cp::app::WindowSize;
using cp::app::RestoreMode;
using cp::app::cliUsage;
using cp::app::cliFlagNames;

TEST(CliArgs, EmptyGivesDefaults) {
  const CliParseResult r = parseCliArgs({});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(r.args.scenario.empty());
  EXPECT_FALSE(r.args.screenshot.has_value());
  EXPECT_EQ(r.args.frames, kDefaultScreenshotFrames);
  EXPECT_FALSE(r.args.size.has_value());
  EXPECT_FALSE(r.args.help);
  EXPECT_FALSE(r.args.version);
}

TEST(CliArgs, AllOptionsWithSeparateValues) {
  const CliParseResult r =
      parseCliArgs({"--scenario", "s.json", "--screenshot", "out.png", "--frames", "12", "--size", "1280x720"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.args.scenario, "s.json");
  EXPECT_EQ(r.args.screenshot, "out.png");
  EXPECT_EQ(r.args.frames, 12);
  EXPECT_EQ(r.args.size, (WindowSize{1280, 720}));
}

TEST(CliArgs, EqualsForm) {
  const CliParseResult r = parseCliArgs({"--scenario=a b.json", "--frames=3", "--size=800X600"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.args.scenario, "a b.json");
  EXPECT_EQ(r.args.frames, 3);
  EXPECT_EQ(r.args.size, (WindowSize{800, 600}));
}

TEST(CliArgs, HelpAndVersion) {
  EXPECT_TRUE(parseCliArgs({"--help"}).args.help);
  EXPECT_TRUE(parseCliArgs({"-h"}).args.help);
  EXPECT_TRUE(parseCliArgs({"--version"}).args.version);
  EXPECT_FALSE(parseCliArgs({"--version=1"}).ok());
}

TEST(CliArgs, LaterValueWins) {
  const CliParseResult r = parseCliArgs({"--frames", "2", "--frames", "9"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.args.frames, 9);
}

struct BadArgs {
  std::vector<std::string> args;
  std::string error_mentions;
};

// Readable test names in ctest ("... ReportsError/5 --frames 0") instead of a byte dump.
void PrintTo(const BadArgs& bad, std::ostream* os) {
  for (size_t i = 0; i < bad.args.size(); ++i) *os << (i ? " " : "") << bad.args[i];
}

class CliArgsBad : public ::testing::TestWithParam<BadArgs> {};

TEST_P(CliArgsBad, ReportsError) {
  const CliParseResult r = parseCliArgs(GetParam().args);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error.find(GetParam().error_mentions), std::string::npos) << r.error;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CliArgsBad,
    ::testing::Values(BadArgs{{"--scenario"}, "--scenario"}, BadArgs{{"--scenario", "--frames", "3"}, "--scenario"},
                      BadArgs{{"--scenario="}, "--scenario"}, BadArgs{{"--screenshot"}, "--screenshot"},
                      BadArgs{{"--frames"}, "--frames"}, BadArgs{{"--frames", "0"}, "'0'"},
                      BadArgs{{"--frames", "-3"}, "--frames"}, BadArgs{{"--frames", "5x"}, "'5x'"},
                      BadArgs{{"--frames", "99999999999"}, "--frames"}, BadArgs{{"--size", "1280"}, "'1280'"},
                      BadArgs{{"--size", "x720"}, "--size"}, BadArgs{{"--size", "10x10"}, "'10x10'"},
                      BadArgs{{"--size", "1280x720x3"}, "--size"}, BadArgs{{"--size"}, "--size"},
                      BadArgs{{"--bogus"}, "unknown option '--bogus'"}, BadArgs{{"-x"}, "unknown option"},
                      BadArgs{{"scenario.json"}, "unexpected argument 'scenario.json'"}));

TEST(WindowSizeParse, Bounds) {
  EXPECT_EQ(parseWindowSize("64x64"), (WindowSize{64, 64}));
  EXPECT_EQ(parseWindowSize("16384x16384"), (WindowSize{16384, 16384}));
  EXPECT_FALSE(parseWindowSize("63x64"));
  EXPECT_FALSE(parseWindowSize("64x16385"));
  EXPECT_FALSE(parseWindowSize(" 64x64"));
  EXPECT_FALSE(parseWindowSize(""));
}

TEST(CliArgs, LeversPresenterAndBench) {
  const CliParseResult r = parseCliArgs({"--lever", "us.remote_access_control=on", "--lever=sea.tenant_kyc=0.5@2026-01",
                                         "--presenter", "--bench-frames", "120"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.args.levers, (std::vector<std::string>{"us.remote_access_control=on", "sea.tenant_kyc=0.5@2026-01"}));
  EXPECT_TRUE(r.args.presenter);
  EXPECT_EQ(r.args.bench_frames, 120);
}

TEST(CliArgs, BadLeverAndBenchValues) {
  EXPECT_FALSE(parseCliArgs({"--lever", "no_equals_sign"}).ok());
  EXPECT_FALSE(parseCliArgs({"--lever", "=on"}).ok());
  EXPECT_FALSE(parseCliArgs({"--lever"}).ok());
  EXPECT_FALSE(parseCliArgs({"--bench-frames", "0"}).ok());
  EXPECT_FALSE(parseCliArgs({"--presenter=yes"}).ok());
}

TEST(CliArgs, BenchIdleSeconds) {
  EXPECT_EQ(parseCliArgs({"--bench-idle", "10"}).args.bench_idle, 10.0);
  EXPECT_EQ(parseCliArgs({"--bench-idle=0.5"}).args.bench_idle, 0.5);
  EXPECT_FALSE(parseCliArgs({}).args.bench_idle);
  for (const char* bad : {"0", "0.05", "3601", "-1", "ten", "1e3", "", "nan"})
    EXPECT_FALSE(parseCliArgs({"--bench-idle", bad}).ok()) << bad;
  EXPECT_FALSE(parseCliArgs({"--bench-idle"}).ok());
}

TEST(CliArgs, UiScaleTakesAScaleFromHalfToFour) {
  EXPECT_EQ(parseCliArgs({"--ui-scale", "1.5"}).args.ui_scale, 1.5f);
  EXPECT_EQ(parseCliArgs({"--ui-scale=2"}).args.ui_scale, 2.0f);
  EXPECT_FALSE(parseCliArgs({}).args.ui_scale);  // the screen's own scale
  EXPECT_FALSE(parseCliArgs({"--ui-scale", ""}).ok());
  for (const char* bad : {"0", "0.4", "4.5", "-1", "big", "nan", "2x"})
    EXPECT_NE(parseCliArgs({"--ui-scale", bad}).error.find("expected a scale from 0.5 to 4"), std::string::npos) << bad;
  EXPECT_NE(cliUsage().find("--ui-scale X"), std::string::npos);
}

TEST(CliArgs, SessionAndUncertaintyFlags) {
  const auto r = parseCliArgs({"--restore-session", "yes", "--print-levers", "--uncertainty", "--uncertainty-runs=50"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.args.restore_session, RestoreMode::Yes);
  EXPECT_TRUE(r.args.restore_session_given);
  EXPECT_TRUE(r.args.print_levers);
  EXPECT_TRUE(r.args.uncertainty);
  EXPECT_EQ(r.args.uncertainty_runs, 50);
  EXPECT_EQ(parseCliArgs({"--restore-session=no"}).args.restore_session, RestoreMode::No);
  EXPECT_EQ(parseCliArgs({}).args.restore_session, RestoreMode::Ask);

  EXPECT_NE(parseCliArgs({"--restore-session", "maybe"}).error.find("ask, yes or no"), std::string::npos);
  EXPECT_FALSE(parseCliArgs({"--restore-session"}).ok());
  EXPECT_NE(parseCliArgs({"--uncertainty-runs", "1"}).error.find("--uncertainty-runs"), std::string::npos);
  EXPECT_FALSE(parseCliArgs({"--uncertainty-runs", "lots"}).ok());
  EXPECT_FALSE(parseCliArgs({"--uncertainty=5"}).ok());
  EXPECT_NE(cliUsage().find("--restore-session"), std::string::npos);
}

TEST(CliArgs, LinkTakesTheShareLinkAndNoScenario) {
  const std::string link = "#scenario=baseline&lever=us.remote_access_control=on@2027-01";
  EXPECT_EQ(parseCliArgs({"--link", link}).args.link, link);
  EXPECT_EQ(parseCliArgs({"--link=" + link}).args.link, link);  // only the first '=' splits
  EXPECT_FALSE(parseCliArgs({"--link"}).ok());
  const CliParseResult both = parseCliArgs({"--link", link, "--scenario", "s.json"});
  EXPECT_FALSE(both.ok());
  EXPECT_NE(both.error.find("leave out --scenario"), std::string::npos) << both.error;
}

TEST(CliArgs, LangTakesEnOrUk) {
  const CliParseResult uk = parseCliArgs({"--lang", "uk"});
  ASSERT_TRUE(uk.ok()) << uk.error;
  EXPECT_EQ(uk.args.language, "uk");
  EXPECT_EQ(parseCliArgs({}).args.language, "");  // not given: the remembered language
  const CliParseResult bad = parseCliArgs({"--lang", "de"});
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.error.find("--lang"), std::string::npos) << bad.error;
}

// The exact words a user reads: the flag, the reason and the value given.
TEST(CliArgs, ErrorsNameTheFlagAndTheReason) {
  const auto error = [](std::vector<std::string> args) { return parseCliArgs(args).error; };
  EXPECT_EQ(error({"--bogus"}), "unknown option '--bogus'");
  EXPECT_EQ(error({"--bogus=3"}), "unknown option '--bogus=3'");
  EXPECT_EQ(error({"-x"}), "unknown option '-x'");
  EXPECT_EQ(error({"a.json"}), "unexpected argument 'a.json' (use --scenario FILE)");
  EXPECT_EQ(error({"--lever", "nonsense"}), "--lever: expected ID=VALUE or ID=VALUE@YYYY-MM, got 'nonsense'");
  EXPECT_EQ(error({"--lever", "=on"}), "--lever: expected ID=VALUE or ID=VALUE@YYYY-MM, got '=on'");
  EXPECT_EQ(error({"--lever"}), "--lever: needs ID=VALUE, e.g. --lever us.remote_access_control=on");
  EXPECT_EQ(error({"--size", "10x10"}), "--size: expected WIDTHxHEIGHT with each side from 64 to 16384, got '10x10'");
  EXPECT_EQ(error({"--size", "big"}), "--size: expected WIDTHxHEIGHT with each side from 64 to 16384, got 'big'");
  EXPECT_EQ(error({"--size"}), "--size: needs WIDTHxHEIGHT, e.g. 1280x720");
  EXPECT_EQ(error({"--scenario", "--frames", "3"}), "--scenario: needs a file name");
  EXPECT_EQ(error({"--scenario="}), "--scenario: needs a file name");
  EXPECT_EQ(error({"--frames", "0"}), "--frames: expected a whole number from 1 to 100000, got '0'");
  EXPECT_EQ(error({"--presenter=yes"}), "--presenter takes no value");
  EXPECT_EQ(error({"--help=1"}), "--help takes no value");
  EXPECT_EQ(error({"--tab", "nope"}),
            "--tab: expected companies, chips, rules, why, explain or sensitivity, got 'nope'");
  EXPECT_EQ(error({"--move", "1:us_gov"}),
            "--move: needs ROUND:TEAM:ID=VALUE, e.g. --move 1:us_gov:us.remote_access_control=on");
  EXPECT_EQ(error({"--lang"}), "--lang: needs en or uk");
  EXPECT_EQ(error({"--lang", "de", "--presenter"}).rfind("--lang: ", 0), 0u);
}

TEST(CliArgs, HelpIsAFlagLikeAnyOther) {
  const CliParseResult r = parseCliArgs({"--scenario", "s.json", "--help"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(r.args.help);
  EXPECT_EQ(r.args.scenario, "s.json");
  EXPECT_FALSE(parseCliArgs({"--help", "--frames", "0"}).ok());  // a bad flag is not hidden by --help
}

// --lever and --lang come from chokepoint-cli's shared flags: the same short form, the
// same check and the same words for a bad value.
TEST(CliArgs, LeverAndLangAreTheCliSharedFlags) {
  const CliParseResult r = parseCliArgs({"-l", "us.remote_access_control=on", "--lever", "sea.tenant_kyc=0.5"});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.args.levers, (std::vector<std::string>{"us.remote_access_control=on", "sea.tenant_kyc=0.5"}));
  std::string bad = "no_equals_sign";
  EXPECT_EQ(parseCliArgs({"--lever", bad}).error, "--lever: " + cp::cli::leverSyntax()(bad));
  EXPECT_EQ(cp::cli::languageCodes(), (std::vector<std::string>{"en", "uk"}));
  EXPECT_EQ(parseCliArgs({"--lang", "uk", "--lang", "en"}).args.language, "en");  // the last wins, as for all
}

// The hand-written help and the parser list the same flags.
TEST(CliArgs, UsageListsEveryFlagTheParserTakes) {
  const std::vector<std::string> names = cliFlagNames();
  const std::set<std::string> parsed(names.begin(), names.end());
  for (const char* name : {"-h", "--help", "-l", "--lever", "--lang", "--link", "--story-card", "--bench-idle"})
    EXPECT_TRUE(parsed.count(name)) << name;
  const std::string usage = cliUsage();
  for (const std::string& name : parsed) {
    const std::regex listed("(^|[\\s\\[,])" + name + "([\\s=,\\]]|$)");
    EXPECT_TRUE(std::regex_search(usage, listed)) << name << " is missing from the help";
  }
  std::set<std::string> in_help;
  const std::regex flag("(?:^|[\\s\\[])(--?[a-z][a-z-]*)");
  for (std::sregex_iterator it(usage.begin(), usage.end(), flag), end; it != end; ++it) in_help.insert((*it)[1]);
  for (const std::string& name : in_help) EXPECT_TRUE(parsed.count(name)) << name << " is in the help but not parsed";
}
