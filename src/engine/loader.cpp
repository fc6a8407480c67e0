// [SECTION] index
//   files      - reading, depth check, `extends` and merging
//   Reader     - the shared JsonReader plus numbers, schedules and references of scenarios
//   entities   - one function per list of the scenario format (scenarios/README.md)
#include "engine/loader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/json_doc.h"
#include "engine/json_reader.h"
#include "engine/levers.h"

namespace cp {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;
using IdMap = std::unordered_map<std::string, int>;

// ---------------------------------------------------------------- files

struct DocLoader {
  const LoadLimits& limits;
  std::vector<Problem>& problems;
  std::vector<std::string> chain;

  DocumentLimits docLimits() const { return {limits.max_file_bytes, limits.max_depth}; }
  bool readFile(const std::string& path, std::string& text) {
    return readDocumentText(path, docLimits(), path, problems, text);
  }
  bool parse(const std::string& text, const std::string& name, json& out) {
    return parseDocument(text, docLimits(), name, problems, out);
  }

  // Parses `text` and applies it on top of its `extends` chain.
  bool resolve(const std::string& text, const std::string& name, const std::string& base_dir, json& out) {
    json doc;
    if (!parse(text, name, doc)) return false;
    auto it = doc.find("extends");
    if (it == doc.end()) {
      out = std::move(doc);
      return true;
    }
    if (!it->is_string()) {
      problems.push_back({name, "/extends", "expected a file path (string)"});
      return false;
    }
    if (static_cast<int>(chain.size()) >= limits.max_extends) {
      problems.push_back({name, "/extends", fmt::format("more than {} levels of extends", limits.max_extends)});
      return false;
    }
    const fs::path parent_path = fs::path(base_dir) / it->get<std::string>();
    std::error_code ec;
    const std::string canon = fs::weakly_canonical(parent_path, ec).string();
    if (std::find(chain.begin(), chain.end(), canon) != chain.end()) {
      problems.push_back({name, "/extends", fmt::format("'{}' extends itself (cycle)", it->get<std::string>())});
      return false;
    }
    std::string parent_text;
    if (!readFile(parent_path.string(), parent_text)) {
      problems.back().pointer = "/extends";
      problems.back().file = name;
      problems.back().message = fmt::format("parent '{}' not found or unreadable", it->get<std::string>());
      return false;
    }
    chain.push_back(canon);
    json parent;
    const bool ok = resolve(parent_text, parent_path.string(), parent_path.parent_path().string(), parent);
    chain.pop_back();
    if (!ok) return false;
    doc.erase("extends");
    mergeScenarioJson(parent, doc);
    out = std::move(parent);
    return true;
  }
};

// ---------------------------------------------------------------- Reader

enum class NK { Number, NonNeg, Positive, Share, Month, Bool };

// No input of the model comes near this; larger values are typos or attacks.
constexpr double kMaxMagnitude = 1e18;

const char* describe(NK k) {
  switch (k) {
    case NK::Number: return "a number";
    case NK::NonNeg: return "a number >= 0";
    case NK::Positive: return "a number > 0";
    case NK::Share: return "a share between 0 and 1";
    case NK::Month: return "a month \"YYYY-MM\" or \"never\"";
    case NK::Bool: return "true or false";
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
      err(ptr, fmt::format("expected {} (or an object with value, dist or lever)", describe(k)));
      return {};
    }
    if (k == NK::Bool) {
      if (v.is_boolean()) return Num::constant(v.get<bool>() ? 1 : 0);
      err(ptr, fmt::format("expected true or false, got {}", v.dump().substr(0, 40)));
      return {};
    }
    if (k == NK::Month) {
      if (v.is_string()) {
        if (auto m = parseMonth(v.get<std::string>())) return Num::constant(*m);
      }
      err(ptr, fmt::format("expected a month \"YYYY-MM\" or \"never\", got {}", v.dump().substr(0, 40)));
      return {};
    }
    if (!v.is_number()) {
      err(ptr, fmt::format("expected {}, got {}", describe(k), v.type_name()));
      return {};
    }
    const double d = v.get<double>();
    if (std::isfinite(d) && std::fabs(d) > kMaxMagnitude) {
      err(ptr, fmt::format("{} is too large (the limit is 1e18)", v.dump()));
      return {};
    }
    if (!inBounds(d, k)) {
      err(ptr, fmt::format("must be {}, got {}", describe(k), v.dump()));
      return {};
    }
    return Num::constant(d);
  }

  Num num(const json& obj, const char* key, const std::string& ptr, NK k, std::optional<double> def) {
    const json* v = field(obj, key, ptr, !def.has_value());
    if (!v) return Num::constant(def.value_or(0.0));
    return numValue(*v, ptr + "/" + key, k);
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
      err(ptr + "/lever", fmt::format("unknown lever '{}'", id));
      return {};
    }
    const LeverKind lk = s_.levers[idx].kind;
    const bool ok = (k == NK::Month) == (lk == LeverKind::Month) && (k == NK::Bool) == (lk == LeverKind::Bool) &&
                    (k != NK::Share || lk == LeverKind::Share || (s_.levers[idx].min >= 0 && s_.levers[idx].max <= 1));
    if (!ok) {
      err(ptr + "/lever", fmt::format("lever '{}' is a {}, this field needs {}", id, toString(lk), describe(k)));
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
      if (!(u.a <= u.b && u.b <= u.c)) err(ptr, fmt::format("needs min <= mode <= max, got {} / {} / {}", u.a, u.b, u.c));
      else if (!inBounds(u.a, k) || !inBounds(u.c, k)) err(ptr, fmt::format("range must stay {}", describe(k)));
    } else if (d == "lognormal") {
      object(v, ptr, {"dist", "median", "sigma"});
      u.dist = Dist::Lognormal;
      u.a = get("median");
      u.b = get("sigma");
      if (!(u.a > 0)) err(ptr + "/median", fmt::format("must be > 0, got {}", u.a));
      if (!(u.b >= 0 && u.b <= 5)) err(ptr + "/sigma", fmt::format("must be between 0 and 5, got {}", u.b));
      if (k == NK::Share) err(ptr, "a share cannot be lognormal (use triangular)");
    } else {
      err(ptr + "/dist", fmt::format("expected \"triangular\" or \"lognormal\", got {}", v["dist"].dump().substr(0, 40)));
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
      err(p, fmt::format("expected a list of {{month, value}} points, got {}", v->type_name()));
      return out;
    }
    if (v->size() > limits_.max_schedule_points) {
      err(p, fmt::format("{} points, the limit is {}", v->size(), limits_.max_schedule_points));
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
      err(ptr, fmt::format("expected a {} id (string), got {}", what, v.type_name()));
      return -1;
    }
    auto it = ids.find(v.get<std::string>());
    if (it == ids.end()) {
      err(ptr, fmt::format("unknown {} '{}'", what, v.get<std::string>()));
      return -1;
    }
    return it->second;
  }

  std::vector<int> refs(const json& obj, const char* key, const std::string& ptr, const IdMap& ids, const char* what) {
    std::vector<int> out;
    const json* v = field(obj, key, ptr, false);
    if (!v) return out;
    if (!v->is_array()) {
      err(ptr + "/" + key, fmt::format("expected a list of {} ids", what));
      return out;
    }
    for (size_t i = 0; i < v->size(); ++i) {
      const int r = refValue((*v)[i], fmt::format("{}/{}/{}", ptr, key, i), ids, what);
      if (r >= 0) out.push_back(r);
    }
    return out;
  }

  // Calls fn(element, pointer, index) for each element of the list `key`.
  void list(const json& root, const char* key, bool required, const std::function<void(const json&, const std::string&, int)>& fn) {
    const json* v = list(root, key, "", required);
    if (!v) return;
    const std::string p = std::string("/") + key;
    if (v->size() > limits_.max_entities) {
      err(p, fmt::format("{} entries, the limit is {}", v->size(), limits_.max_entities));
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
        err(fmt::format("/{}/{}/id", key, i), fmt::format("duplicate id '{}'", id));
    }
    return out;
  }

  const LoadLimits& limits() const { return limits_; }

 private:
  Scenario& s_;
  const LoadLimits& limits_;
};

// ---------------------------------------------------------------- entities

struct Ids {
  IdMap blocs, jurisdictions, vendors, inputs, chips, companies, sites, levers;
};

// Entities whose own id failed to parse are skipped, so indices follow the IdMap order.
template <class T>
bool keep(const json& e, const IdMap& ids) {
  return e.is_object() && e.contains("id") && e["id"].is_string() && ids.count(e["id"].get<std::string>());
}

void readLevers(Reader& r, const json& root, Scenario& s) {
  r.list(root, "levers", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "label", "group", "kind", "value", "min", "max", "step", "unit", "options", "help", "changes"}))
      return;
    Lever l;
    l.id = r.id(e, p);
    l.label = r.str(e, "label", p, true, l.id);
    l.group = r.str(e, "group", p, true, "Other");
    l.unit = r.str(e, "unit", p, false);
    l.help = r.str(e, "help", p, false);
    l.source = e.contains("source") && e["source"].is_string() ? e["source"].get<std::string>() : "";
    l.changes = r.str(e, "changes", p, false);
    const std::string kind = r.str(e, "kind", p, true);
    if (kind == "bool") l.kind = LeverKind::Bool;
    else if (kind == "number") l.kind = LeverKind::Number;
    else if (kind == "share") l.kind = LeverKind::Share;
    else if (kind == "month") l.kind = LeverKind::Month;
    else if (kind == "choice") l.kind = LeverKind::Choice;
    else if (!kind.empty()) r.err(p + "/kind", fmt::format("expected bool, number, share, month or choice, got '{}'", kind));
    l.options = r.strList(e, "options", p, false);
    if (l.kind == LeverKind::Share) {
      l.min = 0;
      l.max = 1;
    }
    auto bound = [&](const char* key, double def) { return r.number(e, key, p, false).value_or(def); };
    if (l.kind == LeverKind::Number || l.kind == LeverKind::Share) {
      l.min = bound("min", l.kind == LeverKind::Share ? 0.0 : 0.0);
      l.max = bound("max", l.kind == LeverKind::Share ? 1.0 : 1e12);
      l.step = bound("step", 0.0);
      if (l.min > l.max) r.err(p + "/min", fmt::format("min {} is above max {}", l.min, l.max));
      if (l.kind == LeverKind::Share && (l.min < 0 || l.max > 1)) r.err(p, "a share lever's range must lie in 0..1");
    }
    if (l.kind == LeverKind::Month) {  // range for pickers: months, default the scenario's span
      auto month = [&](const char* key, int def) { return static_cast<double>(r.month(e, key, p, false).value_or(def)); };
      l.min = month("min", s.start);
      l.max = month("max", s.end);
    }
    if (l.kind == LeverKind::Choice && l.options.empty()) r.err(p + "/options", "a choice lever needs options");
    const json* v = r.field(e, "value", p, true);
    if (v) {
      std::string text = v->is_string() ? v->get<std::string>() : v->dump();
      std::string why;
      if (auto parsed = parseLeverValue(l, text, &why)) l.value = *parsed;
      else r.err(p + "/value", why);
    }
    if (!l.id.empty() && s.findLever(l.id) >= 0) r.err(p + "/id", fmt::format("duplicate lever '{}'", l.id));
    s.levers.push_back(std::move(l));
  });
  s.lever_schedules.assign(s.levers.size(), {});
}

void readParams(Reader& r, const json& root, Scenario& s, const Ids& ids) {
  const json* pj = r.field(root, "params", "", false);
  if (!pj) return;
  const std::string p = "/params";
  if (!r.object(*pj, p, {"chip_life_months", "lease_term_months", "utilisation", "run_months", "algorithmic_progress",
                         "logit_beta", "preference_premium", "backlog_max_months", "build_lag_months", "grey_premium",
                         "licence_risk_premium", "diversion_base", "us_enforcement", "location_verification_from",
                         "location_verification_effect", "permit_effect", "frontier_bloc", "concern_bloc",
                         "reference_tflops", "reference_hbm_tbps", "rule_maker", "max_stock_months",
                         "hq_clause_enforced", "installed_chips_grandfathered", "lease_price_elasticity",
                         "lease_price_floor", "lease_price_ceiling"}))
    return;
  Params& pa = s.params;
  const json& j = *pj;
  auto n = [&](const char* key, Num& out, NK k) { out = r.num(j, key, p, k, out.value); };
  n("chip_life_months", pa.chip_life_months, NK::Positive);
  n("lease_term_months", pa.lease_term_months, NK::Positive);
  n("utilisation", pa.utilisation, NK::Share);
  n("run_months", pa.run_months, NK::Positive);
  n("algorithmic_progress", pa.algorithmic_progress, NK::Positive);
  n("logit_beta", pa.logit_beta, NK::NonNeg);
  n("preference_premium", pa.preference_premium, NK::Share);
  n("backlog_max_months", pa.backlog_max_months, NK::NonNeg);
  n("build_lag_months", pa.build_lag_months, NK::NonNeg);
  n("grey_premium", pa.grey_premium, NK::NonNeg);
  n("licence_risk_premium", pa.licence_risk_premium, NK::NonNeg);
  n("diversion_base", pa.diversion_base, NK::Share);
  n("us_enforcement", pa.us_enforcement, NK::Share);
  n("location_verification_from", pa.location_verification_from, NK::Month);
  n("location_verification_effect", pa.location_verification_effect, NK::Share);
  n("permit_effect", pa.permit_effect, NK::Share);
  n("reference_tflops", pa.reference_tflops, NK::Positive);
  n("reference_hbm_tbps", pa.reference_hbm_tbps, NK::Positive);
  n("max_stock_months", pa.max_stock_months, NK::NonNeg);
  n("hq_clause_enforced", pa.hq_clause_enforced, NK::Bool);
  n("installed_chips_grandfathered", pa.installed_chips_grandfathered, NK::Bool);
  n("lease_price_elasticity", pa.lease_price_elasticity, NK::NonNeg);
  n("lease_price_floor", pa.lease_price_floor, NK::Positive);
  n("lease_price_ceiling", pa.lease_price_ceiling, NK::Positive);
  if (pa.lease_price_floor.lever < 0 && pa.lease_price_ceiling.lever < 0 && pa.lease_price_floor.uncertain < 0 &&
      pa.lease_price_ceiling.uncertain < 0 && pa.lease_price_floor.value > 1)
    r.err(p + "/lease_price_floor", fmt::format("must be <= 1 (a multiplier on the scheduled price), got {}", pa.lease_price_floor.value));
  if (pa.lease_price_ceiling.lever < 0 && pa.lease_price_ceiling.uncertain < 0 && pa.lease_price_ceiling.value < 1)
    r.err(p + "/lease_price_ceiling", fmt::format("must be >= 1 (a multiplier on the scheduled price), got {}", pa.lease_price_ceiling.value));
  auto bloc = [&](const char* key, int& out) {
    const int b = r.ref(j, key, p, ids.blocs, "bloc", false);
    if (b >= 0) out = b;
  };
  bloc("frontier_bloc", pa.frontier_bloc);
  bloc("concern_bloc", pa.concern_bloc);
  const int rm = r.ref(j, "rule_maker", p, ids.jurisdictions, "jurisdiction", false);
  if (rm >= 0) pa.rule_maker = rm;
}

void readCast(Reader& r, const json& root, Scenario& s, const Ids& ids) {
  r.list(root, "blocs", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name"})) return;
    Bloc b;
    b.id = r.id(e, p);
    b.name = r.str(e, "name", p, false, b.id);
    if (keep<Bloc>(e, ids.blocs)) s.blocs.push_back(b);
  });
  r.list(root, "jurisdictions", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name", "bloc", "tier", "country_of_concern", "host", "diversion_exposure",
                         "electricity_usd_per_mwh", "pue", "power_mw", "power_mw_per_year", "power_mw_cap",
                         "power_growth_multiplier"}))
      return;
    Jurisdiction j;
    j.id = r.id(e, p);
    j.name = r.str(e, "name", p, false, j.id);
    j.bloc = std::max(0, r.ref(e, "bloc", p, ids.blocs, "bloc", true));
    j.tier = r.integer(e, "tier", p, false, 1, 3).value_or(1);
    j.country_of_concern = r.boolean(e, "country_of_concern", p, false);
    j.host = r.boolean(e, "host", p, false);
    j.diversion_exposure = r.num(e, "diversion_exposure", p, NK::Share, 0.0);
    j.electricity_usd_per_mwh = r.num(e, "electricity_usd_per_mwh", p, NK::NonNeg, 80.0);
    j.pue = r.num(e, "pue", p, NK::Positive, 1.3);
    j.power_mw = r.num(e, "power_mw", p, NK::NonNeg, 0.0);
    j.power_mw_per_year = r.num(e, "power_mw_per_year", p, NK::NonNeg, 0.0);
    j.power_mw_cap = r.num(e, "power_mw_cap", p, NK::NonNeg, 1e12);
    j.power_growth_multiplier = r.num(e, "power_growth_multiplier", p, NK::NonNeg, 1.0);
    if (keep<Jurisdiction>(e, ids.jurisdictions)) s.jurisdictions.push_back(j);
  });
  r.list(root, "vendors", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name", "origin", "pays_revenue_share", "markets"})) return;
    Vendor v;
    v.id = r.id(e, p);
    v.name = r.str(e, "name", p, false, v.id);
    v.origin = std::max(0, r.ref(e, "origin", p, ids.jurisdictions, "jurisdiction", true));
    v.pays_revenue_share = r.boolean(e, "pays_revenue_share", p, false);
    v.markets = r.refs(e, "markets", p, ids.blocs, "bloc");
    if (keep<Vendor>(e, ids.vendors)) s.vendors.push_back(v);
  });
  r.list(root, "supply_inputs", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name", "unit", "schedule", "multiplier", "growth_multiplier"})) return;
    SupplyInput si;
    si.id = r.id(e, p);
    si.name = r.str(e, "name", p, false, si.id);
    si.unit = r.str(e, "unit", p, false);
    si.schedule = r.schedule(e, "schedule", p, NK::NonNeg, true);
    si.multiplier = r.num(e, "multiplier", p, NK::NonNeg, 1.0);
    si.growth_multiplier = r.num(e, "growth_multiplier", p, NK::NonNeg, 1.0);
    if (keep<SupplyInput>(e, ids.inputs)) s.supply_inputs.push_back(si);
  });
  r.list(root, "chips", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "vendor", "name", "available_from", "end_of_sale", "tflops_bf16", "hbm_gb", "hbm_tbps",
                         "power_w", "price_usd", "die_mm2", "flags", "buyers", "life_months", "pipeline_months", "production",
                         "production_usd", "caps"}))
      return;
    Chip c;
    c.id = r.id(e, p);
    c.name = r.str(e, "name", p, false, c.id);
    c.vendor = std::max(0, r.ref(e, "vendor", p, ids.vendors, "vendor", true));
    c.available_from = r.num(e, "available_from", p, NK::Month, std::nullopt);
    c.end_of_sale = r.num(e, "end_of_sale", p, NK::Month, static_cast<double>(kNever));
    c.tflops_bf16 = r.num(e, "tflops_bf16", p, NK::NonNeg, std::nullopt);
    c.hbm_gb = r.num(e, "hbm_gb", p, NK::NonNeg, 0.0);
    c.hbm_tbps = r.num(e, "hbm_tbps", p, NK::NonNeg, 0.0);
    c.power_w = r.num(e, "power_w", p, NK::NonNeg, std::nullopt);
    c.price_usd = r.num(e, "price_usd", p, NK::Positive, std::nullopt);
    c.die_mm2 = r.num(e, "die_mm2", p, NK::Positive, 800.0);
    c.flags = r.strList(e, "flags", p, false);
    c.buyers = r.refs(e, "buyers", p, ids.companies, "company");
    c.life_months = r.num(e, "life_months", p, NK::Positive, -1.0);
    if (c.life_months.value == -1.0 && c.life_months.lever < 0 && c.life_months.uncertain < 0) c.life_months.value = -1;
    c.pipeline_months = r.num(e, "pipeline_months", p, NK::NonNeg, 0.0);
    c.production_usd = r.schedule(e, "production_usd", p, NK::NonNeg, false);
    c.production = r.schedule(e, "production", p, NK::NonNeg, c.production_usd.points.empty());
    if (const json* caps = r.field(e, "caps", p, false)) {
      if (!caps->is_array()) r.err(p + "/caps", "expected a list of {input, per_unit, share}");
      else
        for (size_t i = 0; i < caps->size(); ++i) {
          const std::string cp = fmt::format("{}/caps/{}", p, i);
          const json& ce = (*caps)[i];
          if (!r.object(ce, cp, {"input", "per_unit", "share"})) continue;
          SupplyCap cap;
          cap.input = std::max(0, r.ref(ce, "input", cp, ids.inputs, "supply input", true));
          cap.per_unit = r.num(ce, "per_unit", cp, NK::Positive, std::nullopt);
          cap.share = r.num(ce, "share", cp, NK::Share, 1.0);
          c.caps.push_back(cap);
        }
    }
    if (keep<Chip>(e, ids.chips)) s.chips.push_back(c);
  });
}

void readCompanies(Reader& r, const json& root, Scenario& s, const Ids& ids) {
  r.list(root, "companies", true, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name", "hq", "kind", "models", "budget_usd_per_year", "budget_growth_per_year",
                         "training_share", "domestic_preference", "offshore_willingness", "grey_tolerance",
                         "validated_end_user", "entity_list_from", "initial_fleet"}))
      return;
    Company c;
    c.id = r.id(e, p);
    c.name = r.str(e, "name", p, false, c.id);
    c.hq = std::max(0, r.ref(e, "hq", p, ids.jurisdictions, "jurisdiction", true));
    const std::string kind = r.str(e, "kind", p, false, "ai_lab");
    if (kind == "ai_lab") c.kind = CompanyKind::AiLab;
    else if (kind == "hyperscaler") c.kind = CompanyKind::Hyperscaler;
    else if (kind == "operator") c.kind = CompanyKind::Operator;
    else r.err(p + "/kind", fmt::format("expected ai_lab, hyperscaler or operator, got '{}'", kind));
    c.models = r.strList(e, "models", p, false);
    c.budget_usd_per_year = r.schedule(e, "budget_usd_per_year", p, NK::NonNeg, c.kind != CompanyKind::Operator);
    c.budget_growth_per_year = r.num(e, "budget_growth_per_year", p, NK::Number, 0.0);
    if (c.budget_growth_per_year.value < -1) r.err(p + "/budget_growth_per_year", "must be >= -1");
    c.training_share = r.num(e, "training_share", p, NK::Share, 0.5);
    c.domestic_preference = r.num(e, "domestic_preference", p, NK::Share, 0.0);
    c.offshore_willingness = r.num(e, "offshore_willingness", p, NK::Share, 0.0);
    c.grey_tolerance = r.num(e, "grey_tolerance", p, NK::Share, 0.0);
    c.validated_end_user = r.boolean(e, "validated_end_user", p, false);
    c.entity_list_from = r.num(e, "entity_list_from", p, NK::Month, static_cast<double>(kNever));
    if (const json* fl = r.field(e, "initial_fleet", p, false)) {
      if (!fl->is_array()) r.err(p + "/initial_fleet", "expected a list of {chip, units, site?, purpose?, acquired?}");
      else if (fl->size() > r.limits().max_entities) r.err(p + "/initial_fleet", "too many entries");
      else
        for (size_t i = 0; i < fl->size(); ++i) {
          const std::string fp = fmt::format("{}/initial_fleet/{}", p, i);
          const json& fe = (*fl)[i];
          if (!r.object(fe, fp, {"chip", "units", "site", "purpose", "acquired"})) continue;
          FleetEntry f;
          const int chip = r.ref(fe, "chip", fp, ids.chips, "chip", true);
          f.units = r.num(fe, "units", fp, NK::NonNeg, std::nullopt);
          const int site = r.ref(fe, "site", fp, ids.sites, "site", false);
          f.site = site >= 0 ? site : -1;
          const std::string purpose = r.str(fe, "purpose", fp, false);
          if (purpose == "train") f.purpose = 0;
          else if (purpose == "infer") f.purpose = 1;
          else if (!purpose.empty()) r.err(fp + "/purpose", fmt::format("expected train or infer, got '{}'", purpose));
          const Num acq = r.num(fe, "acquired", fp, NK::Month, static_cast<double>(s.start));
          f.acquired = acq.value >= kNever ? s.start : static_cast<int>(acq.value);
          if (chip >= 0) {
            f.chip = chip;
            c.initial_fleet.push_back(f);
          }
        }
    }
    if (keep<Company>(e, ids.companies)) s.companies.push_back(c);
  });
  r.list(root, "sites", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "name", "jurisdiction", "operator", "leasable", "power_mw", "power_mw_per_year", "pue",
                         "lease_usd_per_h100e_month", "chip_menu", "initial_units"}))
      return;
    Site st;
    st.id = r.id(e, p);
    st.name = r.str(e, "name", p, false, st.id);
    st.jurisdiction = std::max(0, r.ref(e, "jurisdiction", p, ids.jurisdictions, "jurisdiction", true));
    st.operator_company = std::max(0, r.ref(e, "operator", p, ids.companies, "company", true));
    st.leasable = r.boolean(e, "leasable", p, false);
    st.power_mw = r.schedule(e, "power_mw", p, NK::NonNeg, true);
    st.power_mw_per_year = r.num(e, "power_mw_per_year", p, NK::NonNeg, 0.0);
    st.pue = r.num(e, "pue", p, NK::Positive, 1.3);
    st.lease_usd_per_h100e_month = r.schedule(e, "lease_usd_per_h100e_month", p, NK::Positive, st.leasable);
    st.chip_menu = r.refs(e, "chip_menu", p, ids.chips, "chip");
    if (st.leasable && st.chip_menu.empty()) r.err(p + "/chip_menu", "a leasable site needs the chips its operator buys");
    if (const json* iu = r.field(e, "initial_units", p, false)) {
      if (!iu->is_array()) r.err(p + "/initial_units", "expected a list of {chip, units}");
      else
        for (size_t i = 0; i < iu->size() && i < r.limits().max_entities; ++i) {
          const std::string up = fmt::format("{}/initial_units/{}", p, i);
          if (!r.object((*iu)[i], up, {"chip", "units"})) continue;
          const int chip = r.ref((*iu)[i], "chip", up, ids.chips, "chip", true);
          const Num units = r.num((*iu)[i], "units", up, NK::NonNeg, std::nullopt);
          if (chip >= 0) st.initial_units.emplace_back(chip, units);
        }
    }
    if (keep<Site>(e, ids.sites)) s.sites.push_back(st);
  });
}

// {"tpp_min", "tpp_max", "bandwidth_min_gbs", "bandwidth_max_gbs"}: bounds on TPP and
// memory bandwidth (GB/s), lower inclusive, upper exclusive.
ChipClass readChipClass(Reader& r, const json& obj, const std::string& ptr) {
  ChipClass c;
  const json* v = r.field(obj, "chip_class", ptr, false);
  if (!v) return c;
  const std::string p = ptr + "/chip_class";
  if (!r.object(*v, p, {"tpp_min", "tpp_max", "bandwidth_min_gbs", "bandwidth_max_gbs"})) return c;
  if (v->empty()) r.err(p, "a chip class needs at least one bound");
  c.set = true;
  c.tpp_min = r.num(*v, "tpp_min", p, NK::NonNeg, 0.0);
  c.tpp_max = r.num(*v, "tpp_max", p, NK::Positive, 1e18);
  c.bandwidth_min_gbs = r.num(*v, "bandwidth_min_gbs", p, NK::NonNeg, 0.0);
  c.bandwidth_max_gbs = r.num(*v, "bandwidth_max_gbs", p, NK::Positive, 1e18);
  if (c.tpp_min.value >= c.tpp_max.value) r.err(p, fmt::format("tpp_min {} is not below tpp_max {}", c.tpp_min.value, c.tpp_max.value));
  if (c.bandwidth_min_gbs.value >= c.bandwidth_max_gbs.value)
    r.err(p, fmt::format("bandwidth_min_gbs {} is not below bandwidth_max_gbs {}", c.bandwidth_min_gbs.value,
                         c.bandwidth_max_gbs.value));
  return c;
}

void readRules(Reader& r, const json& root, Scenario& s, const Ids& ids) {
  r.list(root, "rules", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"id", "label", "kind", "from", "until", "enabled", "tpp_min", "tpp_min_density", "density_min",
                         "destinations", "hq_clause", "policy", "approval", "fee_share", "chips", "cap_h100e",
                         "cap_from", "cap_until", "tenant_clause", "companies", "compliance", "chip_class",
                         "reference", "cap_share"}))
      return;
    Rule ru;
    ru.id = r.id(e, p);
    ru.label = r.str(e, "label", p, false, ru.id);
    ru.source = e.contains("source") && e["source"].is_string() ? e["source"].get<std::string>() : "";
    RuleKind rk = RuleKind::Threshold;
    const std::string kind = r.str(e, "kind", p, true);
    if (kind == "threshold") rk = RuleKind::Threshold;
    else if (kind == "named_product") rk = RuleKind::NamedProduct;
    else if (kind == "country_caps") rk = RuleKind::CountryCaps;
    else if (kind == "entity_list") rk = RuleKind::EntityList;
    else if (kind == "remote_access") rk = RuleKind::RemoteAccess;
    else if (kind == "volume_cap") rk = RuleKind::VolumeCap;
    else if (!kind.empty())
      r.err(p + "/kind", fmt::format("expected threshold, named_product, country_caps, entity_list, remote_access or "
                                     "volume_cap, got '{}'", kind));
    ru.from = r.num(e, "from", p, NK::Month, std::nullopt);
    ru.until = r.num(e, "until", p, NK::Month, static_cast<double>(kNever));
    ru.enabled = r.num(e, "enabled", p, NK::Bool, 1.0);
    // Every field is read and checked whatever the kind, in this order, so that messages and
    // uncertain inputs stay as they were; the rule keeps only its own kind's fields.
    ThresholdRule threshold;
    threshold.tpp_min = r.num(e, "tpp_min", p, NK::NonNeg, rk == RuleKind::Threshold ? std::optional<double>() : 1e18);
    threshold.tpp_min_density = r.num(e, "tpp_min_density", p, NK::NonNeg, 1e18);
    threshold.density_min = r.num(e, "density_min", p, NK::NonNeg, 1e18);
    LicenceTerms terms;
    terms.destinations = r.refs(e, "destinations", p, ids.jurisdictions, "jurisdiction");
    if (const json* hq = r.field(e, "hq_clause", p, false); hq && hq->is_string()) {
      terms.hq_clause = terms.hq_clause_always = hq->get<std::string>() == "always";
      if (!terms.hq_clause_always)
        r.err(p + "/hq_clause", fmt::format("expected true, false or \"always\", got \"{}\"", hq->get<std::string>()));
    } else {
      terms.hq_clause = r.boolean(e, "hq_clause", p, false);
    }
    const std::string policy = r.str(e, "policy", p, false, "deny");
    if (policy == "deny") terms.policy = Policy::Deny;
    else if (policy == "case_by_case") terms.policy = Policy::CaseByCase;
    else if (policy == "allow") terms.policy = Policy::Allow;
    else r.err(p + "/policy", fmt::format("expected deny, case_by_case or allow, got '{}'", policy));
    terms.approval = r.num(e, "approval", p, NK::Share, 1.0);
    terms.fee_share = r.num(e, "fee_share", p, NK::Share, 0.0);
    NamedChips named;
    named.chips = r.refs(e, "chips", p, ids.chips, "chip");
    named.chip_class = readChipClass(r, e, p);
    const bool names_chips = rk == RuleKind::NamedProduct || rk == RuleKind::VolumeCap;
    if (names_chips && named.chips.empty() && !r.field(e, "chips", p, false) && !named.chip_class.set)
      r.err(p + "/chips", "missing required field (or give chip_class)");
    CountryCapsRule caps;
    caps.cap_h100e = r.num(e, "cap_h100e", p, NK::NonNeg, rk == RuleKind::CountryCaps ? std::optional<double>() : 1e18);
    caps.cap_from = r.num(e, "cap_from", p, NK::Month, ru.from.lever < 0 ? ru.from.value : static_cast<double>(s.start));
    caps.cap_until = r.num(e, "cap_until", p, NK::Month, static_cast<double>(kNever));
    caps.tenant_clause = r.boolean(e, "tenant_clause", p, false);
    EntityListRule listed;
    listed.companies = r.refs(e, "companies", p, ids.companies, "company");
    RemoteAccessRule remote;
    remote.compliance = r.num(e, "compliance", p, NK::Share, 1.0);
    VolumeCapRule cap;
    if (rk == RuleKind::VolumeCap) {
      cap.reference = r.ref(e, "reference", p, ids.jurisdictions, "reference jurisdiction", true);
      cap.cap_share = r.num(e, "cap_share", p, NK::Share, std::nullopt);
      if (terms.destinations.empty() && !r.field(e, "destinations", p, false)) r.err(p + "/destinations", "missing required field");
    } else {
      for (const char* key : {"reference", "cap_share"})
        if (r.field(e, key, p, false)) r.err(p + "/" + key, "only a volume_cap rule takes this field");
    }
    switch (rk) {
      case RuleKind::Threshold:
        static_cast<LicenceTerms&>(threshold) = std::move(terms);
        ru.spec = std::move(threshold);
        break;
      case RuleKind::NamedProduct: ru.spec = NamedProductRule{std::move(terms), std::move(named)}; break;
      case RuleKind::CountryCaps: ru.spec = caps; break;
      case RuleKind::EntityList: ru.spec = std::move(listed); break;
      case RuleKind::RemoteAccess: ru.spec = remote; break;
      case RuleKind::VolumeCap:
        static_cast<NamedChips&>(cap) = std::move(named);
        cap.destinations = std::move(terms.destinations);
        ru.spec = std::move(cap);
        break;
    }
    s.rules.push_back(ru);
  });
  if (const json* cp = r.field(root, "china_policy", "", false)) {
    const std::string p = "/china_policy";
    if (r.object(*cp, p, {"guidance", "domestic_subsidy", "offshore_training_cap", "import_gates"})) {
      s.china.domestic_subsidy = r.num(*cp, "domestic_subsidy", p, NK::Share, 0.0);
      s.china.offshore_training_cap = r.num(*cp, "offshore_training_cap", p, NK::Share, 1.0);
      r.list(*cp, "guidance", false, [&](const json& e, const std::string& gp0, int) {
        const std::string gp = p + gp0;
        if (!r.object(e, gp, {"id", "label", "chips", "from", "until", "strength"})) return;
        Guidance g;
        g.id = r.id(e, gp);
        g.label = r.str(e, "label", gp, false, g.id);
        g.chips = r.refs(e, "chips", gp, ids.chips, "chip");
        g.from = r.num(e, "from", gp, NK::Month, std::nullopt);
        g.until = r.num(e, "until", gp, NK::Month, static_cast<double>(kNever));
        g.strength = r.num(e, "strength", gp, NK::Share, std::nullopt);
        s.china.guidance.push_back(g);
      });
      r.list(*cp, "import_gates", false, [&](const json& e, const std::string& gp0, int) {
        const std::string gp = p + gp0;
        if (!r.object(e, gp, {"id", "label", "chips", "chip_class", "from", "until", "quota_units_per_year", "quota_per",
                               "approved"}))
          return;
        ImportGate g;
        g.id = r.id(e, gp);
        g.label = r.str(e, "label", gp, false, g.id);
        g.source = e.contains("source") && e["source"].is_string() ? e["source"].get<std::string>() : "";
        g.chips = r.refs(e, "chips", gp, ids.chips, "chip");
        g.chip_class = readChipClass(r, e, gp);
        if (g.chips.empty() && !g.chip_class.set) r.err(gp + "/chips", "missing required field (or give chip_class)");
        g.from = r.num(e, "from", gp, NK::Month, std::nullopt);
        g.until = r.num(e, "until", gp, NK::Month, static_cast<double>(kNever));
        g.quota_units_per_year = r.num(e, "quota_units_per_year", gp, NK::NonNeg, 1e18);
        const std::string per = r.str(e, "quota_per", gp, false, "bloc");
        if (per == "company") g.quota_per_company = true;
        else if (per != "bloc") r.err(gp + "/quota_per", fmt::format("expected company or bloc, got '{}'", per));
        g.approved = r.refs(e, "approved", gp, ids.companies, "company");
        s.china.import_gates.push_back(g);
      });
    }
  }
  r.list(root, "host_policies", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"jurisdiction", "permit_from", "enforcement", "tenant_kyc"})) return;
    HostPolicy h;
    h.jurisdiction = std::max(0, r.ref(e, "jurisdiction", p, ids.jurisdictions, "jurisdiction", true));
    h.permit_from = r.num(e, "permit_from", p, NK::Month, static_cast<double>(kNever));
    h.enforcement = r.num(e, "enforcement", p, NK::Share, 0.0);
    h.tenant_kyc = r.num(e, "tenant_kyc", p, NK::Share, 0.0);
    s.host_policies.push_back(h);
  });
  r.list(root, "events", false, [&](const json& e, const std::string& p, int) {
    if (!r.object(e, p, {"month", "label"})) return;
    Event ev;
    ev.month = static_cast<int>(r.num(e, "month", p, NK::Month, std::nullopt).value);
    ev.label = r.str(e, "label", p, true);
    ev.source = e.contains("source") && e["source"].is_string() ? e["source"].get<std::string>() : "";
    s.events.push_back(ev);
  });
}

void readSet(Reader& r, const json& root, Scenario& s) {
  const json* set = r.field(root, "set", "", false);
  if (!set) return;
  if (!set->is_object()) {
    r.err("/set", "expected an object {\"lever.id\": value}");
    return;
  }
  std::vector<LeverSetting> settings;
  for (auto it = set->begin(); it != set->end(); ++it) {
    const std::string p = "/set/" + escapePointer(it.key());
    const int idx = s.findLever(it.key());
    if (idx < 0) {
      r.err(p, fmt::format("unknown lever '{}'", it.key()));
      continue;
    }
    std::vector<std::string> values;
    if (it->is_array()) {
      for (const json& v : *it) values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    } else {
      values.push_back(it->is_string() ? it->get<std::string>() : it->dump());
    }
    for (size_t i = 0; i < values.size(); ++i) {
      try {
        auto parsed = parseLeverArgs({it.key() + "=" + values[i]}, s);
        settings.insert(settings.end(), parsed.begin(), parsed.end());
      } catch (const LeverError& e) {
        r.err(it->is_array() ? fmt::format("{}/{}", p, i) : p, e.what());
      }
    }
  }
  s = withLevers(std::move(s), settings);
}

Scenario build(const json& root, const std::string& file, const LoadLimits& limits) {
  Scenario s;
  s.file = file;
  Reader r(file, s, limits);
  r.object(root, "", {"$schema", "name", "description", "notes", "extends", "start", "end", "seed", "params", "blocs",
                      "jurisdictions", "vendors", "supply_inputs", "chips", "companies", "sites", "rules",
                      "china_policy", "host_policies", "levers", "set", "events"});
  s.name = r.str(root, "name", "", true, "unnamed");
  s.description = r.str(root, "description", "", false);
  if (root.contains("notes") && root["notes"].is_string()) s.notes = root["notes"].get<std::string>();
  const Num start = r.num(root, "start", "", NK::Month, static_cast<double>(2022 * 12));
  const Num end = r.num(root, "end", "", NK::Month, static_cast<double>(2030 * 12 + 11));
  s.start = static_cast<int>(start.value);
  s.end = static_cast<int>(end.value);
  if (s.start >= kNever) r.err("/start", "start cannot be never");
  if (s.end >= kNever) r.err("/end", "end cannot be never");
  else if (s.end < s.start) r.err("/end", fmt::format("end {} is before start {}", formatMonth(s.end), formatMonth(s.start)));
  else if (s.end > limits.latest_end) r.err("/end", fmt::format("end {} is after {}", formatMonth(s.end), formatMonth(limits.latest_end)));
  if (const json* seed = r.field(root, "seed", "", false)) {
    if (seed->is_number_unsigned()) s.seed = seed->get<std::uint64_t>();
    else if (seed->is_number_integer() && seed->get<long long>() >= 0) s.seed = static_cast<std::uint64_t>(seed->get<long long>());
    else r.err("/seed", fmt::format("expected a whole number >= 0, got {}", seed->dump().substr(0, 40)));
  }

  readLevers(r, root, s);
  Ids ids;
  ids.blocs = r.ids(root, "blocs");
  ids.jurisdictions = r.ids(root, "jurisdictions");
  ids.vendors = r.ids(root, "vendors");
  ids.inputs = r.ids(root, "supply_inputs");
  ids.chips = r.ids(root, "chips");
  ids.companies = r.ids(root, "companies");
  ids.sites = r.ids(root, "sites");
  for (const char* key : {"blocs", "jurisdictions", "vendors", "chips", "companies"})
    if (root.contains(key) && root[key].is_array() && root[key].empty()) r.err(std::string("/") + key, "must not be empty");

  readParams(r, root, s, ids);
  readCast(r, root, s, ids);
  readCompanies(r, root, s, ids);
  readRules(r, root, s, ids);
  readSet(r, root, s);
  // Every list is bounded, but their product sizes the simulation's state and results.
  const double C = static_cast<double>(s.companies.size()), S = static_cast<double>(s.sites.size());
  const double K = static_cast<double>(s.chips.size()), J = static_cast<double>(s.jurisdictions.size());
  const double V = static_cast<double>(s.vendors.size()), B = static_cast<double>(s.blocs.size());
  const double state = C * (S + 2) * 2 * std::max(1.0, K);
  const double results = ((C + B) * (16 + 3 * V) + J * 9 + V * (3 + J) + K * (4 + B) + 2 + 2 * V) * std::max(1, s.months());
  if (state > limits.max_state_cells)
    r.err("", fmt::format("scenario too large to simulate: {} companies x {} locations x {} chips (limit {:.0f} cells)",
                          C, S + 2, K, limits.max_state_cells));
  else if (results > limits.max_result_cells)
    r.err("", fmt::format("scenario too large to simulate: {:.0f} result values (limit {:.0f})", results, limits.max_result_cells));
  if (s.blocs.empty() || s.jurisdictions.empty() || s.vendors.empty()) {
    if (r.problems.empty()) r.err("", "a scenario needs blocs, jurisdictions and vendors");
  }
  if (!r.problems.empty()) throw LoadError(std::move(r.problems));
  return s;
}

}  // namespace

void mergeScenarioJson(json& base, const json& patch) {
  if (!base.is_object() || !patch.is_object()) {
    base = patch;
    return;
  }
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    const json& pv = it.value();
    auto bit = base.find(it.key());
    if (bit == base.end()) {
      base[it.key()] = pv;
      continue;
    }
    json& bv = *bit;
    if (pv.is_null()) {
      base.erase(it.key());
    } else if (pv.is_object() && bv.is_object()) {
      mergeScenarioJson(bv, pv);
    } else if (pv.is_array() && bv.is_array() && !pv.empty() &&
               std::all_of(pv.begin(), pv.end(), [](const json& e) { return e.is_object() && e.contains("id"); })) {
      for (const json& pe : pv) {
        auto match = std::find_if(bv.begin(), bv.end(), [&](const json& be) {
          return be.is_object() && be.contains("id") && be["id"] == pe["id"];
        });
        const bool remove = pe.contains("remove") && pe["remove"] == true;
        if (match == bv.end()) {
          if (!remove) bv.push_back(pe);
        } else if (remove) {
          bv.erase(match);
        } else {
          mergeScenarioJson(*match, pe);
        }
      }
    } else {
      bv = pv;
    }
  }
}

json loadScenarioJson(const std::string& path, const LoadLimits& limits) {
  std::vector<Problem> problems;
  DocLoader dl{limits, problems, {}};
  std::string text;
  json doc;
  std::error_code ec;
  dl.chain.push_back(fs::weakly_canonical(path, ec).string());
  if (!dl.readFile(path, text) || !dl.resolve(text, path, fs::path(path).parent_path().string(), doc))
    throw LoadError(std::move(problems));
  return doc;
}

Scenario loadScenarioFromString(const std::string& text, const std::string& name, const std::string& base_dir,
                                const LoadLimits& limits) {
  std::vector<Problem> problems;
  DocLoader dl{limits, problems, {}};
  json doc;
  if (!dl.resolve(text, name, base_dir, doc)) throw LoadError(std::move(problems));
  return build(doc, name, limits);
}

Scenario loadScenario(const std::string& path, const LoadLimits& limits) {
  return build(loadScenarioJson(path, limits), path, limits);
}

std::vector<Problem> validateScenarioFile(const std::string& path, const LoadLimits& limits) {
  try {
    loadScenario(path, limits);
  } catch (const LoadError& e) {
    return e.problems();
  } catch (const std::exception& e) {
    return {Problem{path, "", e.what()}};
  }
  return {};
}

}  // namespace cp
