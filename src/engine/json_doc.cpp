#include "engine/json_doc.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

namespace cp {

namespace fs = std::filesystem;

std::string escapePointer(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

int nestingDepth(const std::string& text, int limit) {
  int depth = 0, worst = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      worst = std::max(worst, ++depth);
      if (worst > limit) return worst;
    } else if (c == ']' || c == '}')
      depth = std::max(0, depth - 1);
  }
  return worst;
}

bool readDocumentText(const std::string& path, const DocumentLimits& limits, const std::string& name,
                      std::vector<Problem>& problems, std::string& text) {
  auto fail = [&](Message msg) {
    problems.emplace_back(name, "", std::move(msg));
    return false;
  };
  std::error_code ec;
  if (!fs::exists(path, ec)) return fail(reason("file not found"));
  if (fs::is_directory(path, ec)) return fail(reason("is a directory, expected a JSON file"));
  const auto size = fs::file_size(path, ec);
  if (ec) return fail(reason("cannot read: {}", ec.message()));
  if (size > limits.max_bytes) return fail(reason("file is {} bytes, the limit is {}", size, limits.max_bytes));
  std::ifstream f(path, std::ios::binary);
  if (!f) return fail(reason("cannot open file"));
  std::ostringstream ss;
  ss << f.rdbuf();
  text = ss.str();
  return true;
}

namespace {

// Where the parser is, to name a key written twice in one object: JSON keeps the last and
// a mistyped copy-paste would change a value in silence.
class DuplicateKeys {
 public:
  bool onEvent(nlohmann::json::parse_event_t event, const nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    switch (event) {
      case E::object_start:
      case E::array_start:
        countElement();
        frames_.push_back({event == E::object_start, {}, {}, -1});
        break;
      case E::object_end:
      case E::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case E::key:
        if (!frames_.empty() && parsed.is_string()) {
          Frame& f = frames_.back();
          f.key = parsed.get<std::string>();
          if (!f.keys.insert(f.key).second && first_.empty()) first_ = pointer();
        }
        break;
      case E::value: countElement(); break;
    }
    return true;
  }
  const std::string& first() const { return first_; }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    int index;
  };
  void countElement() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }
  std::string pointer() const {
    std::string out;
    for (const Frame& f : frames_) out += "/" + (f.object ? escapePointer(f.key) : std::to_string(f.index));
    return out;
  }
  std::vector<Frame> frames_;
  std::string first_;  // the first key written twice ("" = none)
};

}  // namespace

bool parseDocument(const std::string& text, const DocumentLimits& limits, const std::string& name,
                   std::vector<Problem>& problems, nlohmann::json& out) {
  auto fail = [&](Message msg) {
    problems.emplace_back(name, "", std::move(msg));
    return false;
  };
  if (text.size() > limits.max_bytes)
    return fail(reason("document is {} bytes, the limit is {}", text.size(), limits.max_bytes));
  if (nestingDepth(text, limits.max_depth) > limits.max_depth)
    return fail(reason("nested deeper than {} levels", limits.max_depth));
  DuplicateKeys duplicates;
  try {
    out = nlohmann::json::parse(text, [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
      return duplicates.onEvent(event, parsed);
    });
  } catch (const nlohmann::json::exception& e) {
    return fail(jsonSyntaxReason(e.what(), text));
  }
  if (!out.is_object()) return fail(reason("expected a JSON object at the top, got {}", out.type_name()));
  if (!duplicates.first().empty()) {
    problems.push_back(
        {name, duplicates.first(), reason("this key is written twice in its object; JSON would keep only the last")});
    return false;
  }
  return true;
}

}  // namespace cp
