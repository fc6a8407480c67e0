// Documents that sit beside a scenario and point at it (stories, workshops, workshop
// sessions): resolving the path they give and loading the scenario with its problems
// reported under the document's "/scenario".
#pragma once
#include <string>

#include "engine/json_reader.h"
#include "engine/loader.h"
#include "engine/scenario.h"

namespace cp {

// Loads the scenario a document refers to (`rel` against `base_dir`) into `out`, setting
// `resolved`. On failure records "/scenario: ..." plus the scenario's own problems.
bool readScenarioRef(JsonReader& r, const std::string& rel, const std::string& base_dir, const LoadLimits& limits,
                     Scenario& out, std::string& resolved);
// `rel` resolved against the folder of `file` (absolute paths stay as they are).
std::string resolveBeside(const std::string& file, const std::string& rel);

}  // namespace cp
