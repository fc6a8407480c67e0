// Reading JSON documents the way every input file of Chokepoint is read (scenarios,
// stories, workshops, sessions): size and nesting limits, problems recorded with file
// and reason instead of thrown.
//
//   std::vector<Problem> problems;
//   std::string text;
//   nlohmann::json doc;
//   if (readDocumentText(path, limits, path, problems, text) &&
//       parseDocument(text, limits, path, problems, doc)) { ... }
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/problems.h"

namespace cp {

struct DocumentLimits {
  size_t max_bytes = 16u << 20;
  int max_depth = 64;
};

// "a/b~c" -> "a~1b~0c", for a key inside a JSON pointer.
std::string escapePointer(std::string_view key);
// Deepest nesting of [ and { outside strings; stops counting past `limit`.
int nestingDepth(const std::string& text, int limit);
// Reads `path` (a regular file within the size limit); problems are reported as `name`.
bool readDocumentText(const std::string& path, const DocumentLimits& limits, const std::string& name,
                      std::vector<Problem>& problems, std::string& text);
// A JSON library's parse error as a reason: "not valid JSON: line 3, column 17: unexpected
// number literal; expected '}'" (the place, the cause, a hint for the commonest slips, for
// which it reads the line of `text` the error is on).
Message jsonSyntaxReason(const std::string& what, const std::string& text = {});
// Parses `text`; the top level must be an object.
bool parseDocument(const std::string& text, const DocumentLimits& limits, const std::string& name,
                   std::vector<Problem>& problems, nlohmann::json& out);

}  // namespace cp
