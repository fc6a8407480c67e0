#include "engine/calibration_params.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/json_reader.h"

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
  JsonReader r(path);
  const json doc = r.readFileOrThrow(path);
  r.object(doc, "", {"parameters"});
  std::vector<CalibratedParameter> out;
  if (const json* list = r.list(doc, "parameters", "", true))
    for (size_t i = 0; i < list->size(); ++i) {
      const json& e = (*list)[i];
      const std::string p = fmt::format("/parameters/{}", i);
      if (!r.object(e, p, {"id", "label", "path", "low", "high", "source", "note"})) continue;
      CalibratedParameter c;
      c.id = r.str(e, "id", p, true);
      c.label = r.str(e, "label", p, true);
      c.path = r.str(e, "path", p, true);
      c.source = r.str(e, "source", p, true);
      c.note = r.str(e, "note", p, false);
      c.low = r.number(e, "low", p, true).value_or(0.0);
      c.high = r.number(e, "high", p, true).value_or(0.0);
      if (c.low > c.high) r.err(p, reason("low {} is above high {}", c.low, c.high));
      out.push_back(std::move(c));
    }
  if (!r.problems.empty()) throw LoadError(std::move(r.problems));
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
