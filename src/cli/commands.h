// One function per subcommand; each registers its options on the CLI11 app and returns
// the callback that runs it.
#pragma once
#include <functional>
#include <ostream>

#include <CLI/CLI.hpp>

namespace cp::cli {

using Command = std::function<int(std::ostream& out, std::ostream& err)>;

Command addRun(CLI::App& app);
Command addLevers(CLI::App& app);
Command addValidate(CLI::App& app);
Command addWhy(CLI::App& app);
Command addCompare(CLI::App& app);
Command addSweep(CLI::App& app);
Command addMc(CLI::App& app);
Command addMerge(CLI::App& app);
Command addCalibrate(CLI::App& app);
Command addWorkshop(CLI::App& app);  // workshop score|check
Command addStory(CLI::App& app);     // story check
Command addLibrary(CLI::App& app);
Command addAttribute(CLI::App& app);
Command addSensitivity(CLI::App& app);
Command addMatrix(CLI::App& app);

}  // namespace cp::cli
