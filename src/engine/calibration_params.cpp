#include "engine/calibration_params.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/json_doc.h"
#include "engine/problems.h"

namespace cp {
namespace {

using json = nlohmann::json;

// The deterministic value of an input as the loader reads it.
bool numberOf(const json& v, double& out) {
  if (v.is_number()) {
    out = v.get<double>();
    return true;
  }
  if (!v.is_object()) return false;
  if (auto it = v.find("value"); it != v.end()) return numberOf(*it, out);
  if (auto d = v.find("dist"); d != v.end() && d->is_string()) {
    const char* key = d->get<std::string>() == "triangular" ? "mode" : "median";
    if (auto it = v.find(key); it != v.end() && it->is_number()) {
      out = it->get<double>();
      return true;
    }
  }
  return false;
}

const json* step(const json& node, const std::string& seg) {
  if (node.is_object()) {
    auto it = node.find(seg);
    return it == node.end() ? nullptr : &*it;
  }
  if (!node.is_array()) return nullptr;
  for (const json& e : node) {
    if (!e.is_object()) continue;
    for (const char* key : {"id", "month"})
      if (auto it = e.find(key); it != e.end() && it->is_string() && it->get<std::string>() == seg) return &e;
  }
  return nullptr;
}

}  // namespace

std::vector<CalibratedParameter> loadParameters(const std::string& path) {
  std::vector<Problem> problems;
  std::string text;
  json doc;
  const DocumentLimits limits{};
  if (!readDocumentText(path, limits, path, problems, text) || !parseDocument(text, limits, path, problems, doc))
    throw LoadError(std::move(problems));
  std::vector<CalibratedParameter> out;
  const json* list = doc.is_object() && doc.contains("parameters") ? &doc["parameters"] : nullptr;
  if (!list || !list->is_array()) throw LoadError({Problem{path, "/parameters", "expected a list of parameters"}});
  for (size_t i = 0; i < list->size(); ++i) {
    const json& e = (*list)[i];
    const std::string p = fmt::format("/parameters/{}", i);
    CalibratedParameter c;
    auto str = [&](const char* key, std::string& dst) {
      if (e.is_object() && e.contains(key) && e[key].is_string()) dst = e[key].get<std::string>();
      else problems.push_back({path, p + "/" + key, "expected a string"});
    };
    auto num = [&](const char* key, double& dst) {
      if (e.is_object() && e.contains(key) && e[key].is_number()) dst = e[key].get<double>();
      else problems.push_back({path, p + "/" + key, "expected a number"});
    };
    str("id", c.id);
    str("label", c.label);
    str("path", c.path);
    str("source", c.source);
    if (e.is_object() && e.contains("note") && e["note"].is_string()) c.note = e["note"].get<std::string>();
    num("low", c.low);
    num("high", c.high);
    if (c.low > c.high) problems.push_back({path, p, fmt::format("low {} is above high {}", c.low, c.high)});
    out.push_back(std::move(c));
  }
  if (!problems.empty()) throw LoadError(std::move(problems));
  return out;
}

std::vector<ParameterCheck> checkParameters(const std::vector<CalibratedParameter>& params, const json& scenario) {
  std::vector<ParameterCheck> out;
  for (const CalibratedParameter& p : params) {
    ParameterCheck c;
    c.parameter = p;
    const json* node = &scenario;
    std::string walked;
    for (size_t b = 0, e; node && b <= p.path.size(); b = e + 1) {
      e = p.path.find('/', b);
      if (e == std::string::npos) e = p.path.size();
      const std::string seg = p.path.substr(b, e - b);
      walked += (walked.empty() ? "" : "/") + seg;
      node = step(*node, seg);
      if (!node) c.error = fmt::format("nothing at '{}'", walked);
    }
    if (node && !(c.found = numberOf(*node, c.value))) c.error = fmt::format("'{}' is not a number", p.path);
    c.inside = c.found && c.value >= p.low && c.value <= p.high;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace cp
