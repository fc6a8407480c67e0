// Shared by the commands: load a scenario and apply --lever settings, reporting input
// errors the same way everywhere (exit code 2, loader messages on stderr).
#pragma once
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/results_io.h"
#include "engine/scenario.h"

namespace cp::cli {

std::optional<Scenario> loadWithLevers(const std::string& path, const std::vector<std::string>& levers,
                                       std::ostream& err);
std::optional<int> parseMonthArg(const std::string& text, const char* option, std::ostream& err);
// --from/--to: parses them, checks them against the scenario's span (month_range.h), ends
// the scenario at --to and fills `range` (may be null). Prints the problem and returns
// false on bad input.
bool applyMonthRange(Scenario& s, const std::string& from, const std::string& to, WriteRange* range, std::ostream& err);
// The first of `candidates` that is a file; else the first one (so the loader reports it).
std::string firstExisting(const std::vector<std::filesystem::path>& candidates);
// scenarios/baseline.json of the working directory, else the shipped one (paths/data_dirs.h).
std::string defaultBaselinePath();
// Writes to `path` atomically (an OutputFile), or to `out` when path is empty or "-".
int emit(const std::string& path, const std::string& content, std::ostream& out, std::ostream& err);

}  // namespace cp::cli
