// The sources the scenario files cite: scenarios/sources.json lists each one (id, title,
// publisher, date, URL), and every "source" text in scenarios, stories, workshops and
// calibration targets names them by id ("S42", "[D] S102: ...", "S25, S26").
//
//   cp::SourceList list = cp::loadSources("scenarios/sources.json");   // throws LoadError
//   const cp::Source* s = list.find("S42");
//   for (auto& id : cp::sourceIds("S25, S26: the Oct 2023 rule")) ...   // "S25", "S26"
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/problems.h"

namespace cp {

struct Source {
  std::string id, title, publisher, date, url;  // date "YYYY-MM[-DD]" or "unknown"
  std::string note;                             // optional: second URL, caveats
};

struct SourceList {
  std::vector<Source> sources;
  const Source* find(std::string_view id) const;
};

// Reads and checks a sources file: unique ids "S<number>", non-empty title, publisher,
// date and an http(s) URL. Throws LoadError listing every problem.
SourceList loadSources(const std::string& path);

// The source ids ("S" followed by digits, as a whole word) in a free-text source field.
std::vector<std::string> sourceIds(std::string_view text);

// Every "source" / "sources" string in the JSON file at `path` whose ids do not resolve
// in `list`, as problems naming the file, the JSON pointer and the unknown id.
std::vector<Problem> unresolvedSources(const std::string& path, const SourceList& list);

// The sources file next to a scenario: <dir>/sources.json, or the parent's for files in
// scenarios/stories, scenarios/workshops, ... Empty when there is none.
std::string sourcesFileNear(const std::string& path);

}  // namespace cp
