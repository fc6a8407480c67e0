#include "engine/sources.h"

#include "engine/json_reader.h"
#include "engine/json_doc.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include <fmt/format.h>

namespace cp {

namespace fs = std::filesystem;
using json = nlohmann::json;

const Source* SourceList::find(std::string_view id) const {
  for (const Source& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

namespace {

bool wordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool validId(const std::string& id) { return sourceIds(id).size() == 1 && sourceIds(id)[0] == id; }

void collect(const json& j, const std::string& ptr, const SourceList& list, const std::string& file,
             std::vector<Problem>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string p = ptr + "/" + escapePointer(it.key());
      if ((it.key() == "source" || it.key() == "sources") && it->is_string()) {
        for (const std::string& id : sourceIds(it->get<std::string>()))
          if (!list.find(id)) out.push_back({file, p, reason("source {} is not in the sources file", id)});
      } else {
        collect(*it, p, list, file, out);
      }
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) collect(j[i], fmt::format("{}/{}", ptr, i), list, file, out);
  }
}

}  // namespace

std::vector<std::string> sourceIds(std::string_view text) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != 'S' || (i > 0 && wordChar(text[i - 1]))) continue;
    size_t j = i + 1;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i + 1 || (j < text.size() && wordChar(text[j]))) continue;
    std::string id(text.substr(i, j - i));
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
    i = j - 1;
  }
  return ids;
}

SourceList loadSources(const std::string& path) {
  JsonReader r(path);
  const json doc = r.readFileOrThrow(path);
  r.object(doc, "", {"about", "sources"});
  SourceList list;
  std::set<std::string> seen;
  if (const json* items = r.list(doc, "sources", "", true)) {
    for (size_t i = 0; i < items->size(); ++i) {
      const json& e = (*items)[i];
      const std::string p = fmt::format("/sources/{}", i);
      if (!r.object(e, p, {"id", "title", "publisher", "date", "url", "note", "cited_for"})) continue;
      Source s;
      s.id = r.str(e, "id", p, true);
      s.title = r.str(e, "title", p, true);
      s.publisher = r.str(e, "publisher", p, true);
      s.date = r.str(e, "date", p, true);
      s.url = r.str(e, "url", p, true);
      s.note = r.str(e, "note", p, false);
      if (!s.id.empty() && !validId(s.id)) r.err(p + "/id", reason("expected S followed by digits, got '{}'", s.id));
      if (!s.id.empty() && !seen.insert(s.id).second) r.err(p + "/id", reason("{} is listed twice", s.id));
      if (!s.url.empty() && s.url.rfind("https://", 0) != 0 && s.url.rfind("http://", 0) != 0)
        r.err(p + "/url", "expected an http(s) address");
      list.sources.push_back(std::move(s));
    }
  }
  if (!r.problems.empty()) throw LoadError(r.problems);
  return list;
}

std::vector<Problem> unresolvedSources(const std::string& path, const SourceList& list) {
  JsonReader r(path);
  json doc;
  if (!r.readFile(path, doc)) return r.problems;
  std::vector<Problem> out;
  collect(doc, "", list, path, out);
  return out;
}

std::string sourcesFileNear(const std::string& path) {
  std::error_code ec;
  fs::path dir = fs::path(path).parent_path();
  for (int up = 0; up < 2; ++up) {
    const fs::path candidate = dir / "sources.json";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

}  // namespace cp
