// Files the dashboard reads and writes besides settings: scenario variants written by
// Save As, the list shown by File > Open, the results CSV. No ImGui here.
//
//   std::string json = variantJson(doc, "/tmp/my.json", "Loophole closed");
//   std::string err = saveVariant(doc, "/tmp/my.json", "Loophole closed");  // "" = saved
#pragma once

#include "app/core/document.h"
#include "engine/results.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace cp::app {

// Lever id -> its settings as typed ("on", "0.9", or {"0.5", "0.9@2026-01"}), in catalogue order.
using LeverStrings = std::vector<std::pair<std::string, std::vector<std::string>>>;

// Every lever that differs from the file as loaded, as typed. A lever set back to its
// catalogue default is written as that value (else a parent's own `set` would win).
// Shared by Save As (the variant's `set`) and the session autosave.
LeverStrings changedLeverStrings(const Document& doc);
// As JSON: one setting as a string, a schedule as a list (a variant's `set`, the session's
// `levers`).
nlohmann::ordered_json leverStringsJson(const LeverStrings& levers);
// The inverse: the loaded file's schedules with each listed lever's settings as its whole
// schedule. A lever that does not parse is skipped and its id added to *skipped; with
// skipped == nullptr it throws cp::LeverError instead. Shared by the session restore and
// share links.
LeverEdits editsFromLeverStrings(const Document& doc, const LeverStrings& levers, std::vector<std::string>* skipped);

// A small scenario that `extends` the loaded file (path relative to the variant's own
// directory) with `name` and a `set` of every lever that differs from the loaded file,
// written as people type it ("on", "0.9", ["0.5", "0.9@2026-01"]).
std::string variantJson(const Document& doc, const std::filesystem::path& variant_path, const std::string& name);
// Writes variantJson atomically. Returns an error message, or "" on success.
std::string saveVariant(const Document& doc, const std::filesystem::path& variant_path, const std::string& name);

// Scenario files (*.json except schema.json) in the given directories, sorted, each once.
std::vector<std::string> listScenarioFiles(const std::vector<std::filesystem::path>& dirs);
// Where File > Open looks: beside the open scenario, ./scenarios, the shipped library
// (paths/data_dirs.h: installed beside the program, or the source tree).
std::vector<std::filesystem::path> scenarioDirs(const std::string& open_scenario_path);

// Long CSV (month,scope,id,metric,value), written atomically. Returns "" or an error.
std::string exportResultsCsv(const cp::Results& results, const std::filesystem::path& path);

// `path` relative to the working directory when it lies below it, else as given.
std::string displayPath(const std::filesystem::path& path);

}  // namespace cp::app
