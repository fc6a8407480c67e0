// The headless front: `chokepoint-cli <command> ...`. Exit codes: 0 ok, 1 runtime
// failure, 2 usage or input error. runCli() is callable in-process for tests.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace cp::cli {

inline constexpr int kOk = 0, kFailure = 1, kUsage = 2;

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace cp::cli
