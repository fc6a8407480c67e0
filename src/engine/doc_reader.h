// Field checks for the small JSON documents that sit beside scenarios (stories,
// workshops, workshop sessions). Like the scenario loader, nothing throws while reading:
// every problem is recorded with file, JSON pointer and reason, and the caller throws
// LoadError once at the end. Internal to the engine (story.cpp, workshop*.cpp).
//
//   DocReader r("story.json");
//   nlohmann::json doc;
//   if (!r.readFile(path, doc)) throw LoadError(r.problems);
//   std::string name = r.str(doc, "name", "", true);
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/month.h"
#include "engine/loader.h"
#include "engine/problems.h"
#include "engine/scenario.h"

namespace cp {

class DocReader {
 public:
  explicit DocReader(std::string file, size_t max_file_bytes = 4u << 20) : file_(std::move(file)), max_bytes_(max_file_bytes) {}

  std::vector<Problem> problems;
  const std::string& file() const { return file_; }
  void err(const std::string& ptr, std::string msg);

  // Reads and parses `path`; the top level must be an object.
  bool readFile(const std::string& path, nlohmann::json& out);
  bool parse(const std::string& text, nlohmann::json& out);

  // An object whose keys are all in `allowed` (plus notes, $comment and $schema).
  bool object(const nlohmann::json& j, const std::string& ptr, std::initializer_list<const char*> allowed);
  const nlohmann::json* field(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required);
  std::string str(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required);
  // A list of strings (absent = empty unless required).
  std::vector<std::string> strList(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required);
  // A list of objects; returns nullptr (after recording why) when absent or not a list.
  const nlohmann::json* list(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required);
  // "YYYY-MM" (never "never"); nullopt when absent or wrong.
  std::optional<int> month(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required);
  std::optional<int> integer(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required, int lo,
                             int hi);
  // A finite number strictly above `above` (when given).
  std::optional<double> number(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required,
                               std::optional<double> above = std::nullopt);
  // One of `options`; returns its index, or -1.
  int choice(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required,
             std::initializer_list<const char*> options);

 private:
  std::string file_;
  size_t max_bytes_;
};

// Lower-case id rule shared with scenario files: [a-z0-9_.]{1,64}.
bool isValidId(const std::string& id);
// Loads the scenario a document refers to (`rel` against `base_dir`) into `out`, setting
// `resolved`. On failure records "/scenario: ..." plus the scenario's own problems.
bool readScenarioRef(DocReader& r, const std::string& rel, const std::string& base_dir, const LoadLimits& limits,
                     Scenario& out, std::string& resolved);
// `rel` resolved against the folder of `file` (absolute paths stay as they are).
std::string resolveBeside(const std::string& file, const std::string& rel);

}  // namespace cp
