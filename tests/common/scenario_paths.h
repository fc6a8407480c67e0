// Paths of the shipped scenarios, from the source tree (never the working directory).
#pragma once

#include <string>

namespace chokepoint::test {

inline std::string baselinePath() { return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json"; }

}  // namespace chokepoint::test
