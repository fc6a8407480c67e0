// Where the shipped data (scenarios/, assets/) is found at run time: relative to the
// running program, so an installed or unpacked copy works from any working directory.
// The source tree is only a fallback for development builds. No GUI, no engine.
//
//   auto baseline = cp::paths::findData(cp::paths::dataRoots(), "scenarios/baseline.json");
//   for (const auto& dir : cp::paths::dataDirs("assets")) ...
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cp::paths {

// The data roots to try, in order (pure: touches no file):
//   1. <exe_dir>/<bin_to_data>  installed: bin/../share/chokepoint (GNUInstallDirs layout)
//   2. <exe_dir>              a portable folder: scenarios/ and assets/ beside the program
//   3. <source_dir>           development builds: the source tree (empty: none)
// An empty exe_dir (unknown) skips 1 and 2; an empty bin_to_data skips 1. No duplicates.
std::vector<std::filesystem::path> dataRootCandidates(const std::filesystem::path& exe_dir,
                                                      const std::filesystem::path& bin_to_data,
                                                      const std::filesystem::path& source_dir);

// The running program's directory, or empty when the system does not say.
std::filesystem::path executableDir();

// dataRootCandidates() for this program with the layout it was built for.
std::vector<std::filesystem::path> dataRoots();

// <root>/<sub> for every root of dataRoots(), in order (sub: "scenarios", "assets", ...).
std::vector<std::filesystem::path> dataDirs(const std::filesystem::path& sub);

// The first <root>/<relative> that exists (file or directory), or nullopt.
std::optional<std::filesystem::path> findData(const std::vector<std::filesystem::path>& roots,
                                              const std::filesystem::path& relative);

// For --version: the first data root that holds scenarios/, or "not found".
std::string dataRootText();

}  // namespace cp::paths
