// Shared by the CLI tests: run `chokepoint-cli` in-process and keep exit code and output.
#pragma once
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace cp::cli::test {

struct Out {
  int code;
  std::string out, err;
};

// `args` without the program name.
inline Out cli(std::vector<std::string> args) {
  args.insert(args.begin(), "chokepoint-cli");
  std::ostringstream o, e;
  const int code = runCli(args, o, e);
  return {code, o.str(), e.str()};
}

}  // namespace cp::cli::test
