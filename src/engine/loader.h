// JSON scenario files -> immutable Scenario. Every problem is collected (file, JSON
// pointer, reason) and thrown together as LoadError; no input crashes the loader.
//
//   Scenario s = loadScenario("scenarios/baseline.json");
//   auto problems = validateScenarioFile("my_variant.json");  // empty = fine
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/problems.h"
#include "engine/scenario.h"

namespace cp {

// Limits that keep hostile or mistaken files from exhausting memory or time.
struct LoadLimits {
  size_t max_file_bytes = 16u << 20;
  size_t max_entities = 5000;  // per list
  size_t max_schedule_points = 2000;
  int max_depth = 64;
  int max_extends = 8;
  int latest_end = 2040 * 12 + 11;  // 2040-12
  double max_state_cells = 1e7;     // companies x locations x purposes x chips
  double max_result_cells = 2e7;    // series x months
};

Scenario loadScenario(const std::string& path, const LoadLimits& limits = {});
// `name` is used in messages; `base_dir` resolves `extends`.
Scenario loadScenarioFromString(const std::string& text, const std::string& name, const std::string& base_dir,
                                const LoadLimits& limits = {});
std::vector<Problem> validateScenarioFile(const std::string& path, const LoadLimits& limits = {});

// The merged document (after `extends`), for tools that write variants.
nlohmann::json loadScenarioJson(const std::string& path, const LoadLimits& limits = {});
// The files `path` extends, nearest parent first, as far as they can be read (no throw):
// what a command must not overwrite besides the file itself.
std::vector<std::string> extendedFiles(const std::string& path, const LoadLimits& limits = {});
// Merge `patch` onto `base`: objects key by key, lists of objects by "id" (the host
// policies by "jurisdiction"), null removes a key, anything else replaces. An entry
// {"id": ..., "remove": true} whose id is not in `base` is a problem (in `name`, at the
// patch's `pointer`) when `problems` is given.
void mergeScenarioJson(nlohmann::json& base, const nlohmann::json& patch, std::vector<Problem>* problems = nullptr,
                       const std::string& name = {}, const std::string& pointer = {});

}  // namespace cp
