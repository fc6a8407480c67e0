#include <gtest/gtest.h>

#include <sstream>

#include "cli/cli.h"

using namespace cp::cli;

namespace {
int run(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
  args.insert(args.begin(), "chokepoint-cli");
  std::ostringstream o, e;
  const int code = runCli(args, o, e);
  if (out) *out = o.str();
  if (err) *err = e.str();
  return code;
}
}  // namespace

TEST(Cli, HelpAndVersionExitZero) {
  std::string out;
  EXPECT_EQ(run({"--help"}, &out), kOk);
  EXPECT_NE(out.find("run"), std::string::npos);
  EXPECT_EQ(run({"--version"}, &out), kOk);
  EXPECT_NE(out.find("chokepoint-cli"), std::string::npos);
}

TEST(Cli, UnknownCommandIsAUsageErrorThatListsTheCommands) {
  std::string err;
  EXPECT_EQ(run({"rn", "scenarios/baseline.json"}, nullptr, &err), kUsage);
  EXPECT_NE(err.find("unknown command 'rn'; the commands are run, levers, validate, why,"), std::string::npos) << err;
  EXPECT_EQ(run({}), kUsage);
}

TEST(Cli, NegativeSeedsAreRefusedNotWrappedAround) {
  const std::string b = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json";
  for (const char* cmd : {"mc", "attribute"}) {
    std::string err;
    std::vector<std::string> args = {cmd, b};
    if (std::string(cmd) == "attribute")
      args.insert(args.end(), {b, "--metric", "bloc/china/compute_train_h100e", "--month", "2022-02"});
    args.insert(args.end(), {"--seed", "-1"});
    EXPECT_EQ(run(args, nullptr, &err), kUsage) << cmd;
    EXPECT_NE(err.find("--seed: expected a whole number 0 or more, got '-1'"), std::string::npos) << cmd << ": " << err;
  }
}

TEST(Cli, SeedIsRefusedWithTheReasonWhereNothingIsDrawn) {
  // --seed means one thing: the seed of random draws. Commands that draw none refuse it
  // rather than accept and ignore it (`run` once echoed it in its JSON).
  const std::string b = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json";
  const std::string race = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/workshops/compute_race.json";
  const std::vector<std::vector<std::string>> calls = {
      {"run", b},
      {"sweep", b, "--lever", "us.export_enforcement=0,1"},
      {"sensitivity", b, "--metric", "bloc/china/compute_train_h100e", "--month", "2022-02"},
      {"matrix", b, "--metric", "bloc/china/compute_train_h100e", "--month", "2022-02"},
      {"compare", b, b},
      {"workshop", "score", race}};
  for (std::vector<std::string> args : calls) {
    const std::string command = args[0] == "workshop" ? "workshop score" : args[0];
    args.insert(args.end(), {"--seed", "7"});
    std::string out, err;
    EXPECT_EQ(run(args, &out, &err), kUsage) << command;
    EXPECT_EQ(err, "chokepoint-cli: --seed: `" + command +
                       "` draws no random numbers (every input takes its value from the scenario), so a seed would "
                       "change nothing; `mc` and `attribute` draw from the scenario's `seed` field unless --seed is "
                       "given\n")
        << command;
    EXPECT_EQ(out, "");
  }
  // Where it is taken, the help says what it seeds and what the default is.
  for (const char* cmd : {"mc", "attribute"}) {
    std::string help;
    ASSERT_EQ(run({cmd, "--help"}, &help), kOk);
    EXPECT_NE(help.find("`seed` field)"), std::string::npos) << help;
  }
}

TEST(Cli, DashMIsTheMonthWhereverItExists) {
  // -m is --month in why, compare, library, attribute, sensitivity and matrix: never another flag.
  std::string err;
  EXPECT_EQ(run({"workshop", "score", std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/workshops/compute_race.json",
                 "-m", "1:us_gov:us.remote_access_control=on"},
                nullptr, &err),
            kUsage);
  std::string help;
  EXPECT_EQ(run({"calibrate", "--help"}, &help), kOk);
  EXPECT_NE(help.find("--min-share FLOAT:FLOAT in [0 - 1]=0.85"), std::string::npos) << help;  // the default shows
}

TEST(Cli, MissingScenarioIsAnInputError) {
  std::string err;
  EXPECT_EQ(run({"run", "/nonexistent/x.json"}, nullptr, &err), kUsage);
  EXPECT_NE(err.find("file not found"), std::string::npos) << err;
}
