// Typed field access for every JSON document the engine reads: scenarios (the loader adds
// its numbers, schedules and references on top), stories, workshops, workshop sessions,
// calibration parameters and targets, source lists. Nothing throws while reading: every
// problem is recorded with file, JSON pointer and reason, and the caller throws LoadError
// once at the end, so a user fixes a file in one pass. Internal to the engine.
//
//   JsonReader r("story.json");
//   nlohmann::json doc;
//   if (!r.readFile(path, doc)) throw LoadError(r.problems);
//   std::string name = r.str(doc, "name", "", true);
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/problems.h"

namespace cp {

// Keys any object of any document may carry besides its own fields: citations and
// comments for people, and the editor's schema hint. Never read by the model.
bool isMetaKey(const std::string& key);

// Lower-case ids everywhere: [a-z0-9_.]{1,64}.
bool isValidId(const std::string& id);

class JsonReader {
 public:
  explicit JsonReader(std::string file, size_t max_file_bytes = 4u << 20)
      : file_(std::move(file)), max_bytes_(max_file_bytes) {}

  std::vector<Problem> problems;
  const std::string& file() const { return file_; }
  void err(const std::string& ptr, Message why);

  // Reads and parses `path`; the top level must be an object.
  bool readFile(const std::string& path, nlohmann::json& out);
  bool parse(const std::string& text, nlohmann::json& out);
  // The same, throwing LoadError with the problems when the document cannot be used.
  nlohmann::json readFileOrThrow(const std::string& path);
  nlohmann::json parseOrThrow(const std::string& text);

  // An object whose keys are all in `allowed` or meta keys (isMetaKey).
  bool object(const nlohmann::json& j, const std::string& ptr, std::initializer_list<const char*> allowed);
  const nlohmann::json* field(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required);
  // A string; `def` when absent or wrong. A required string must not be empty.
  std::string str(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required,
                  std::string def = "");
  // The required "id" of `obj`, checked with isValidId.
  std::string id(const nlohmann::json& obj, const std::string& ptr);
  // A list of strings (absent = empty unless required).
  std::vector<std::string> strList(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required);
  // A list; returns nullptr (after recording why) when absent or not a list.
  const nlohmann::json* list(const nlohmann::json& obj, const char* key, const std::string& ptr, bool required);
  bool boolean(const nlohmann::json& obj, const char* key, const std::string& ptr, bool def);
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

}  // namespace cp
