// Paths of the shipped scenarios, from the source tree (never the working directory).
#pragma once

#include <string>

namespace cp::test {

inline std::string baselinePath() { return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json"; }

}  // namespace cp::test
