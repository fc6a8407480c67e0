// Internal to the scenario loader (loader.cpp, loader_entities.cpp, loader_policies.cpp,
// loader_blame.cpp):
// the field reader for scenario files and one function per part of the format.
#pragma once
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/json_reader.h"
#include "engine/loader.h"
#include "engine/scenario.h"
#include "engine/text.h"  // CP_N_

namespace cp::loading {

using json = nlohmann::json;
using IdMap = std::unordered_map<std::string, int>;

enum class NK { Number, NonNeg, Positive, Share, Month, Bool };

// No input of the model comes near this; larger values are typos or attacks.
inline constexpr double kMaxMagnitude = 1e18;

inline const char* describe(NK k) {
  switch (k) {
    case NK::Number: return CP_N_("a number");
    case NK::NonNeg: return CP_N_("a number >= 0");
    case NK::Positive: return CP_N_("a number > 0");
    case NK::Share: return CP_N_("a share between 0 and 1");
    case NK::Month: return CP_N_("a month \"YYYY-MM\" or \"never\"");
    case NK::Bool: return CP_N_("true or false");
  }
  return "?";
}

// The shared field reader plus what only scenarios have: numbers that may be uncertain or
// follow a lever, schedules, references between entities and entity lists with limits.
class Reader : public JsonReader {
 public:
  Reader(std::string file, Scenario& s, const LoadLimits& limits)
      : JsonReader(std::move(file), limits.max_file_bytes), s_(s), limits_(limits) {}

  using JsonReader::list;

  bool inBounds(double v, NK k) const {
    if (!std::isfinite(v)) return false;
    switch (k) {
      case NK::NonNeg: return v >= 0;
      case NK::Positive: return v > 0;
      case NK::Share: return v >= 0 && v <= 1;
      default: return std::fabs(v) < 1e30;
    }
  }

  Num numValue(const json& v, const std::string& ptr, NK k) {
    if (v.is_object()) {
      if (v.contains("lever")) return leverRef(v, ptr, k);
      if (v.contains("dist")) return distribution(v, ptr, k);
      if (v.contains("value")) {
        object(v, ptr, {"value"});
        return numValue(v["value"], ptr + "/value", k);
      }
      err(ptr, reason("expected {} (or an object with value, dist or lever)", phrase(describe(k))));
      return {};
    }
    if (k == NK::Bool) {
      if (v.is_boolean()) return Num::constant(v.get<bool>() ? 1 : 0);
      err(ptr, reason("expected true or false, got {}", v.dump().substr(0, 40)));
      return {};
    }
    if (k == NK::Month) {
      if (v.is_string()) {
        if (auto m = parseMonth(v.get<std::string>())) return Num::constant(*m);
        if (isMonthShaped(v.get<std::string>())) {  // "9999-12": the form is right, the year is not
          err(ptr, reason("month {} is outside the years 1900 to 2200 (or give \"never\")", v.dump()));
          return {};
        }
      }
      err(ptr, reason("expected a month \"YYYY-MM\" or \"never\", got {}", v.dump().substr(0, 40)));
      return {};
    }
    if (!v.is_number()) {
      err(ptr, reason("expected {}, got {}", phrase(describe(k)), v.type_name()));
      return {};
    }
    const double d = v.get<double>();
    if (std::isfinite(d) && std::fabs(d) > kMaxMagnitude) {
      err(ptr, reason("{} is out of range (the limit is 1e18 either side of 0)", v.dump()));
      return {};
    }
    if (!inBounds(d, k)) {
      err(ptr, reason("must be {}, got {}", phrase(describe(k)), v.dump()));
      return {};
    }
    return Num::constant(d);
  }

  Num num(const json& obj, const char* key, const std::string& ptr, NK k, std::optional<double> def) {
    const json* v = field(obj, key, ptr, !def.has_value());
    if (!v) return Num::constant(def.value_or(0.0));
    return numValue(*v, ptr + "/" + key, k);
  }

  // A physical range on top of the kind, over every value the number can take (a lever's
  // range, a triangular range, else the value): a PUE below 1 would make power.
  void within(const Num& n, const std::string& ptr, double lo, double hi, const char* what) {
    // A value that could not be read is already a problem: no second one about the 0 left.
    for (const Problem& p : problems)
      if (p.pointer == ptr) return;
    double a = n.value, b = n.value;
    if (n.lever >= 0) {
      a = s_.levers[n.lever].min;
      b = s_.levers[n.lever].max;
    } else if (n.uncertain >= 0 && s_.uncertain[n.uncertain].dist == Dist::Triangular) {
      a = s_.uncertain[n.uncertain].a;
      b = s_.uncertain[n.uncertain].c;
    }
    if (a < lo || b > hi) err(ptr, reason("{} is between {} and {}, got {}", what, lo, hi, a < lo ? a : b));
  }

  Num leverRef(const json& v, const std::string& ptr, NK k) {
    object(v, ptr, {"lever"});
    if (!v["lever"].is_string()) {
      err(ptr + "/lever", "expected a lever id (string)");
      return {};
    }
    const std::string id = v["lever"].get<std::string>();
    const int idx = s_.findLever(id);
    if (idx < 0) {
      err(ptr + "/lever", reason("unknown lever '{}'", id));
      return {};
    }
    const LeverKind lk = s_.levers[idx].kind;
    const bool ok = (k == NK::Month) == (lk == LeverKind::Month) && (k == NK::Bool) == (lk == LeverKind::Bool) &&
                    (k != NK::Share || lk == LeverKind::Share || (s_.levers[idx].min >= 0 && s_.levers[idx].max <= 1));
    if (!ok) {
      err(ptr + "/lever", reason("lever '{}' is a {}, this field needs {}", id, toString(lk), phrase(describe(k))));
      return {};
    }
    Num n;
    n.lever = idx;
    n.value = s_.levers[idx].value;
    return n;
  }

  Num distribution(const json& v, const std::string& ptr, NK k) {
    if (k == NK::Month || k == NK::Bool) {
      err(ptr, "only numbers may be uncertain");
      return {};
    }
    const std::string d = v["dist"].is_string() ? v["dist"].get<std::string>() : "";
    Uncertain u;
    u.pointer = ptr;
    auto get = [&](const char* key) { return number(v, key, ptr, true).value_or(0.0); };
    if (d == "triangular") {
      object(v, ptr, {"dist", "min", "mode", "max"});
      u.dist = Dist::Triangular;
      u.a = get("min");
      u.b = get("mode");
      u.c = get("max");
      if (!(u.a <= u.b && u.b <= u.c))
        err(ptr, reason("needs min <= mode <= max, got {} / {} / {}", u.a, u.b, u.c));
      else if (!inBounds(u.a, k) || !inBounds(u.c, k))
        err(ptr, reason("range must stay {}", phrase(describe(k))));
    } else if (d == "lognormal") {
      object(v, ptr, {"dist", "median", "sigma"});
      u.dist = Dist::Lognormal;
      u.a = get("median");
      u.b = get("sigma");
      if (!(u.a > 0)) err(ptr + "/median", reason("must be > 0, got {}", u.a));
      if (!(u.b >= 0 && u.b <= 5)) err(ptr + "/sigma", reason("must be between 0 and 5, got {}", u.b));
      if (k == NK::Share) err(ptr, "a share cannot be lognormal (use triangular)");
    } else {
      err(ptr + "/dist", reason("expected \"triangular\" or \"lognormal\", got {}", v["dist"].dump().substr(0, 40)));
      return {};
    }
    Num n;
    n.value = u.deterministic();
    n.uncertain = static_cast<int>(s_.uncertain.size());
    s_.uncertain.push_back(u);
    return n;
  }

  Schedule schedule(const json& obj, const char* key, const std::string& ptr, NK k, bool required) {
    Schedule out;
    const json* v = field(obj, key, ptr, required);
    if (!v) return out;
    const std::string p = ptr + "/" + key;
    if (v->is_number() || (v->is_object() && !v->contains("month"))) {  // a constant
      out.points.emplace_back(0, numValue(*v, p, k));
      return out;
    }
    if (!v->is_array()) {
      err(p, reason("expected a list of {{month, value}} points, got {}", v->type_name()));
      return out;
    }
    if (v->size() > limits_.max_schedule_points) {
      err(p, reason("{} points, the limit is {}", v->size(), limits_.max_schedule_points));
      return out;
    }
    for (size_t i = 0; i < v->size(); ++i) {
      const json& pt = (*v)[i];
      const std::string pp = fmt::format("{}/{}", p, i);
      if (!object(pt, pp, {"month", "value"})) continue;
      const Num m = num(pt, "month", pp, NK::Month, std::nullopt);
      const Num val = num(pt, "value", pp, k, std::nullopt);
      const int month = static_cast<int>(m.value);
      if (!out.points.empty() && month <= out.points.back().first)
        err(pp + "/month", "months must increase along a schedule");
      out.points.emplace_back(month, val);
    }
    return out;
  }

  int ref(const json& obj, const char* key, const std::string& ptr, const IdMap& ids, const char* what, bool required) {
    const json* v = field(obj, key, ptr, required);
    if (!v) return required ? -1 : -2;
    return refValue(*v, ptr + "/" + key, ids, what);
  }

  int refValue(const json& v, const std::string& ptr, const IdMap& ids, const char* what) {
    if (!v.is_string()) {
      err(ptr, reason("expected a {} id (string), got {}", what, v.type_name()));
      return -1;
    }
    auto it = ids.find(v.get<std::string>());
    if (it == ids.end()) {
      err(ptr, reason("unknown {} '{}'", what, v.get<std::string>()));
      return -1;
    }
    return it->second;
  }

  std::vector<int> refs(const json& obj, const char* key, const std::string& ptr, const IdMap& ids, const char* what) {
    std::vector<int> out;
    const json* v = field(obj, key, ptr, false);
    if (!v) return out;
    if (!v->is_array()) {
      err(ptr + "/" + key, reason("expected a list of {} ids", what));
      return out;
    }
    for (size_t i = 0; i < v->size(); ++i) {
      const int r = refValue((*v)[i], fmt::format("{}/{}/{}", ptr, key, i), ids, what);
      if (r >= 0) out.push_back(r);
    }
    return out;
  }

  // Calls fn(element, pointer, index) for each element of the list `key`.
  void list(const json& root, const char* key, bool required,
            const std::function<void(const json&, const std::string&, int)>& fn) {
    const json* v = list(root, key, "", required);
    if (!v) return;
    const std::string p = std::string("/") + key;
    if (v->size() > limits_.max_entities) {
      err(p, reason("{} entries, the limit is {}", v->size(), limits_.max_entities));
      return;
    }
    for (size_t i = 0; i < v->size(); ++i) fn((*v)[i], fmt::format("{}/{}", p, i), static_cast<int>(i));
  }

  IdMap ids(const json& root, const char* key) {
    IdMap out;
    const json* v = field(root, key, "", false);
    if (!v || !v->is_array() || v->size() > limits_.max_entities) return out;
    for (size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      if (!e.is_object() || !e.contains("id") || !e["id"].is_string()) continue;
      const std::string id = e["id"].get<std::string>();
      if (!out.emplace(id, static_cast<int>(out.size())).second)
        err(fmt::format("/{}/{}/id", key, i), reason("duplicate id '{}'", id));
    }
    return out;
  }

  const LoadLimits& limits() const { return limits_; }

 private:
  Scenario& s_;
  const LoadLimits& limits_;
};

// ---------------------------------------------------------------- ids and parts of the format

struct Ids {
  IdMap blocs, jurisdictions, vendors, inputs, chips, companies, sites, levers;
};

// Entities whose own id failed to parse are skipped, so indices follow the IdMap order.
template <class T>
bool keep(const json& e, const IdMap& ids) {
  return e.is_object() && e.contains("id") && e["id"].is_string() && ids.count(e["id"].get<std::string>());
}

// loader_entities.cpp
void readParams(Reader& r, const json& root, Scenario& s, const Ids& ids);
void readCast(Reader& r, const json& root, Scenario& s, const Ids& ids);
void readCompanies(Reader& r, const json& root, Scenario& s, const Ids& ids);

// loader_policies.cpp
void readLevers(Reader& r, const json& root, Scenario& s);
void readRules(Reader& r, const json& root, Scenario& s, const Ids& ids);
void readSet(Reader& r, const json& root, Scenario& s);

// The keys entries of a list are matched by when a variant merges onto its parent: "id",
// or "jurisdiction" for the host policies (one per host). loader.cpp merges by them,
// loader_blame.cpp finds a merged entry's file by them.
inline constexpr const char* kMergeKeys[] = {"id", "jurisdiction"};

// loader_blame.cpp
struct Layer {  // one file of an `extends` chain, as written
  std::string file;
  json doc;
};
// Problems found in `merged` (the chain `layers`, root first, merged) moved to the file that
// wrote the offending value, with the pointer inside that file.
std::vector<Problem> blameLayers(std::vector<Problem> problems, const json& merged, const std::vector<Layer>& layers);

}  // namespace cp::loading
