// The calibrated parameters and the ranges their sources allow (scenarios/calibration/
// parameters.json). A calibration may choose a value only inside its sourced range;
// `chokepoint-cli calibrate --notes` lists them and a test fails when one leaves it.
//
//   auto params = loadParameters("scenarios/calibration/parameters.json");   // throws LoadError
//   auto rows = checkParameters(params, loadScenarioJson("scenarios/baseline.json"));
//
// A parameter's `path` walks the scenario JSON from the top: object keys, and for lists the
// element whose "id" (entities) or "month" (schedule points) is the segment, e.g.
// "chips/h20/production/2025-03" or "levers/cn.nvidia_guidance/value". The value found may
// be a number, {"value": x}, or a distribution (its mode or median: the deterministic value).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace cp {

struct CalibratedParameter {
  std::string id, label, path, source, note;
  double low = 0, high = 0;
};

struct ParameterCheck {
  CalibratedParameter parameter;
  double value = 0;
  bool found = false, inside = false;
  std::string error;  // why the value could not be read
};

std::vector<CalibratedParameter> loadParameters(const std::string& path);
std::vector<ParameterCheck> checkParameters(const std::vector<CalibratedParameter>& params,
                                            const nlohmann::json& scenario);

}  // namespace cp
