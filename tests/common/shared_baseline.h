// The shipped baseline scenario, loaded once per test program and shared read-only.
#pragma once

#include "engine/loader.h"
#include "engine/scenario.h"
#include "scenario_paths.h"

#include <memory>

namespace cp::test {

inline std::shared_ptr<const cp::Scenario> sharedBaseline() {
  static const auto s = std::make_shared<const cp::Scenario>(cp::loadScenario(baselinePath()));
  return s;
}

}  // namespace cp::test
