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

TEST(Cli, UnknownCommandIsAUsageError) {
  EXPECT_EQ(run({"frobnicate"}), kUsage);
  EXPECT_EQ(run({}), kUsage);
}

TEST(Cli, MissingScenarioIsAnInputError) {
  std::string err;
  EXPECT_EQ(run({"run", "/nonexistent/x.json"}, nullptr, &err), kUsage);
  EXPECT_NE(err.find("file not found"), std::string::npos) << err;
}
