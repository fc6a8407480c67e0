// A variant is checked as one merged document, so a problem's pointer is first a pointer
// into that document. This moves each problem to the file of the `extends` chain that wrote
// the value, with the pointer inside that file.
#include <charconv>

#include "engine/loader_reader.h"

namespace cp::loading {
namespace {

// "/sites/0/a~1b" -> {"sites", "0", "a~1b"}; tokens stay escaped, as they are written back.
std::vector<std::string> tokensOf(const std::string& pointer) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < pointer.size() && pointer[at] == '/') {
    const size_t next = pointer.find('/', at + 1);
    out.push_back(pointer.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1));
    at = next;
  }
  return out;
}

std::string unescaped(const std::string& token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1'))
      out += token[++i] == '0' ? '~' : '/';
    else
      out += token[i];
  }
  return out;
}

// The value `token` names in `node`, or nullptr.
const json* child(const json* node, const std::string& token) {
  if (!node) return nullptr;
  if (node->is_object()) {
    const auto it = node->find(unescaped(token));
    return it == node->end() ? nullptr : &*it;
  }
  size_t index = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (!node->is_array() || ec != std::errc() || end != token.data() + token.size() || index >= node->size())
    return nullptr;
  return &(*node)[index];
}

// The position in one file's list `local` of entry `index` of the merged list: lists merge
// by "id" (the host policies by "jurisdiction"), so the n-th entry with that key's value
// matches the file's n-th; entries without a key keep their position.
std::optional<size_t> localIndex(const json& local, const json& merged, size_t index) {
  const json& entry = merged[index];
  for (const char* key : kMergeKeys) {
    if (!entry.is_object() || !entry.contains(key)) continue;
    const auto same = [&](const json& e) { return e.is_object() && e.contains(key) && e[key] == entry[key]; };
    auto nth = std::count_if(merged.begin(), merged.begin() + static_cast<std::ptrdiff_t>(index), same);
    for (size_t i = 0; i < local.size(); ++i)
      if (same(local[i]) && nth-- == 0) return i;
    return std::nullopt;
  }
  if (index < local.size()) return index;
  return std::nullopt;
}

// How deep `tokens` go into one file, and the pointer there in that file's own terms.
struct Reach {
  size_t depth = 0;
  std::string pointer;
};

Reach reach(const json& doc, const std::vector<std::string>& tokens, const std::vector<const json*>& merged) {
  Reach r;
  const json* node = &doc;
  for (; r.depth < tokens.size(); ++r.depth) {
    const std::string& token = tokens[r.depth];
    const json* at = merged[r.depth];
    if (node->is_array() && at && at->is_array()) {
      size_t index = 0;
      std::from_chars(token.data(), token.data() + token.size(), index);
      const auto local = merged[r.depth + 1] ? localIndex(*node, *at, index) : std::nullopt;
      if (!local) break;
      node = &(*node)[*local];
      r.pointer.append("/").append(std::to_string(*local));
    } else if (const json* next = node->is_object() ? child(node, token) : nullptr) {
      node = next;
      r.pointer.append("/").append(token);
    } else {
      break;
    }
  }
  return r;
}

}  // namespace

std::vector<Problem> blameLayers(std::vector<Problem> problems, const json& merged, const std::vector<Layer>& layers) {
  if (layers.size() < 2) return problems;
  for (Problem& p : problems) {
    if (p.file != layers.back().file) continue;
    const std::vector<std::string> tokens = tokensOf(p.pointer);
    std::vector<const json*> nodes{&merged};  // the merged document along the pointer
    for (const std::string& token : tokens) nodes.push_back(child(nodes.back(), token));
    // The nearest file, child first, that reaches deepest: the one that wrote the value, or
    // for a field missing from the merged entry, the one that has the entry.
    const Layer* best = nullptr;
    Reach most;
    for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer) {
      Reach r = reach(layer->doc, tokens, nodes);
      if (r.depth > most.depth) most = std::move(r), best = &*layer;
    }
    // None does, or the merged document has a value there that no file reaches (not expected):
    // keep the merged pointer.
    if (!best || (most.depth < tokens.size() && nodes[most.depth + 1])) continue;
    for (size_t i = most.depth; i < tokens.size(); ++i) most.pointer.append("/").append(tokens[i]);
    p.file = best->file;
    p.pointer = std::move(most.pointer);
  }
  return problems;
}

}  // namespace cp::loading
