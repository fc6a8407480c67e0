#include "app/core/scenario_files.h"

#include "app/core/settings.h"
#include "app/core/tr.h"
#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/problems.h"
#include "engine/results_io.h"
#include "paths/data_dirs.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <system_error>

namespace cp::app {

namespace fs = std::filesystem;

namespace {

fs::path absoluteNormal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  return abs.lexically_normal();
}

}  // namespace

LeverStrings changedLeverStrings(const Document& doc) {
  LeverStrings out;
  if (!hasScenario(doc)) return out;
  const cp::Scenario edited = snapshot(doc);
  for (int i = 0; i < leverCount(doc); ++i) {
    if (!leverChanged(doc, i)) continue;
    const cp::Lever& l = lever(doc, i);
    std::vector<std::string> values = cp::leverScheduleStrings(edited, i);
    // Back at the catalogue default: say so, or the parent's own `set` would win.
    if (values.empty()) values.push_back(cp::formatLeverValue(l, l.value));
    out.emplace_back(l.id, std::move(values));
  }
  return out;
}

nlohmann::ordered_json leverStringsJson(const LeverStrings& levers) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [id, values] : levers) {
    if (values.size() == 1)
      out[id] = values.front();
    else
      out[id] = values;
  }
  return out;
}

LeverEdits editsFromLeverStrings(const Document& doc, const LeverStrings& levers, std::vector<std::string>* skipped) {
  const cp::Scenario& loaded = *doc.loaded;
  cp::Scenario edited = snapshot(doc);
  std::vector<cp::LeverSetting> settings;
  for (const auto& [id, values] : levers) {
    std::vector<std::string> args;
    for (const std::string& v : values) args.push_back(id + "=" + v);
    try {
      const auto parsed = cp::parseLeverArgs(args, loaded);
      // The values are the lever's whole schedule: start from the catalogue default.
      edited.lever_schedules[static_cast<size_t>(parsed.front().lever)].points.clear();
      settings.insert(settings.end(), parsed.begin(), parsed.end());
    } catch (const cp::LeverError&) {
      if (!skipped) throw;
      skipped->push_back(id);
    }
  }
  edited = cp::withLevers(std::move(edited), settings);
  LeverEdits edits = std::move(edited.lever_schedules);
  edits.resize(loaded.levers.size());
  return edits;
}

std::string variantJson(const Document& doc, const fs::path& variant_path, const std::string& name) {
  const fs::path parent = absoluteNormal(doc.path);
  const fs::path variant_dir = absoluteNormal(variant_path).parent_path();
  fs::path rel = parent.lexically_relative(variant_dir);
  if (rel.empty()) rel = parent;

  nlohmann::ordered_json out;
  out["extends"] = rel.generic_string();
  out["name"] = name;
  out["set"] = leverStringsJson(changedLeverStrings(doc));
  return out.dump(2) + "\n";
}

namespace {

// Save onto the open file itself: a variant takes the changed levers into its own `set`
// and keeps everything else it says; a scenario that extends nothing is never replaced
// by a variant of itself.
std::string saveIntoOpenVariant(const Document& doc, const fs::path& path, const std::string& name) {
  const auto text = readTextFile(path);
  nlohmann::ordered_json own =
      text ? nlohmann::ordered_json::parse(*text, nullptr, /*allow_exceptions=*/false) : nlohmann::ordered_json();
  if (!own.is_object() || !own.contains("extends"))
    return tr("cannot overwrite the open scenario with a variant of itself; choose another file name");
  own["name"] = name;
  if (!own.contains("set") || !own["set"].is_object()) own["set"] = nlohmann::ordered_json::object();
  const nlohmann::ordered_json changed = leverStringsJson(changedLeverStrings(doc));
  for (const auto& [id, values] : changed.items()) own["set"][id] = values;
  return cp::writeFileAtomic(path.string(), own.dump(2) + "\n");
}

}  // namespace

std::string saveVariant(const Document& doc, const fs::path& variant_path, const std::string& name) {
  if (!hasScenario(doc)) return tr("no scenario is open");
  if (variant_path.empty()) return tr("no file name given");
  std::error_code ec;
  if (fs::is_directory(variant_path, ec)) return variant_path.string() + tr(" is a directory");
  const fs::path target = absoluteNormal(variant_path);
  if (target == absoluteNormal(doc.path)) return saveIntoOpenVariant(doc, variant_path, name);
  // A file the open scenario extends: replacing it would make the chain a cycle.
  for (const std::string& parent : cp::extendedFiles(doc.path))
    if (absoluteNormal(parent) == target)
      return trf("cannot overwrite {}: the open scenario extends it; choose another file name",
                 variant_path.filename().string());
  return cp::writeFileAtomic(variant_path.string(), variantJson(doc, variant_path, name));
}

std::vector<std::string> listScenarioFiles(const std::vector<fs::path>& dirs) {
  std::set<fs::path> seen;
  std::vector<std::string> out;
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<std::string> here;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const fs::path& p = entry.path();
      if (p.extension() != ".json" || p.filename() == "schema.json" || p.filename() == "sources.json") continue;
      if (!entry.is_regular_file(ec)) continue;
      const fs::path canon = fs::weakly_canonical(p, ec);
      if (!seen.insert(canon).second) continue;
      here.push_back(displayPath(p));
    }
    std::sort(here.begin(), here.end());
    out.insert(out.end(), here.begin(), here.end());
  }
  return out;
}

std::vector<fs::path> scenarioDirs(const std::string& open_scenario_path) {
  std::vector<fs::path> dirs;
  if (!open_scenario_path.empty()) dirs.push_back(absoluteNormal(open_scenario_path).parent_path());
  dirs.push_back(absoluteNormal("scenarios"));
  for (const fs::path& d : cp::paths::dataDirs("scenarios")) dirs.push_back(d);  // the shipped library
  return dirs;
}

std::string exportResultsCsv(const cp::Results& results, const fs::path& path) {
  if (path.empty()) return "no file name given";
  std::ostringstream out;
  cp::writeCsv(out, results);
  return cp::writeFileAtomic(path.string(), out.str());
}

std::string displayPath(const fs::path& path) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return path.string();
  const fs::path abs = absoluteNormal(path);
  const fs::path rel = abs.lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") return abs.string();
  return rel.string();
}

}  // namespace cp::app
