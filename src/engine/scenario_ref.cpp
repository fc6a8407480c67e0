#include "engine/scenario_ref.h"

#include <filesystem>

#include <fmt/format.h>

namespace cp {

namespace fs = std::filesystem;

bool readScenarioRef(JsonReader& r, const std::string& rel, const std::string& base_dir, const LoadLimits& limits,
                     Scenario& out, std::string& resolved) {
  if (rel.empty()) return false;
  resolved = fs::path(rel).is_absolute() ? rel : (fs::path(base_dir) / rel).lexically_normal().string();
  std::error_code ec;
  if (!fs::is_regular_file(resolved, ec)) {
    r.err("/scenario", reason("scenario '{}' not found", rel));
    return false;
  }
  try {
    out = loadScenario(resolved, limits);
    return true;
  } catch (const LoadError& e) {
    r.err("/scenario", reason("scenario '{}' does not load", rel));
    for (const Problem& p : e.problems()) r.problems.push_back(p);
  }
  return false;
}

std::string resolveBeside(const std::string& file, const std::string& rel) {
  const fs::path p(rel);
  if (p.is_absolute()) return rel;
  return (fs::path(file).parent_path() / p).lexically_normal().string();
}

}  // namespace cp
