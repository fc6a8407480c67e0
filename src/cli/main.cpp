#include <iostream>

#include "cli/cli.h"
#include "cli/interrupt.h"

int main(int argc, char** argv) {
  cp::cli::installSignalHandlers();  // before any temporary file exists
  std::vector<std::string> args(argv, argv + argc);
  return cp::cli::runCli(args, std::cout, std::cerr);
}
