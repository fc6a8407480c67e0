// What a file given as a scenario is. The scenarios folder also holds the JSON Schema the
// scenarios follow and the list of the sources they cite, and `scenarios/*` names its
// folders (calibration/, stories/...), so `validate scenarios/*.json` or `matrix
// scenarios/*.json` meets them: validate checks the source list and skips the rest with a
// word; the commands that take many scenarios skip all three with the same words.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace cp::cli {

enum class FileKind { Scenario, Schema, SourceList, Folder };

// Scenario also for a missing or broken file: the loader says what is wrong with it.
FileKind kindOf(const std::string& path);
// "skipped: PATH (a JSON Schema, not a scenario)\n" and the like; empty for a scenario.
std::string skipNote(const std::string& path, FileKind kind);
// The scenarios among `paths`, in order; a note on `notes` for each file skipped.
std::vector<std::string> scenarioFilesOnly(const std::vector<std::string>& paths, std::ostream& notes);

}  // namespace cp::cli
