// [SECTION] index
//   files      - reading, depth check, `extends` and merging
//   build      - the top-level flow: levers, ids, then each part of the format
// The field reader is loader_reader.h; the cast is read in loader_entities.cpp, levers,
// rules and policies in loader_policies.cpp; problems in a variant go back to the file that
// wrote the value in loader_blame.cpp.
#include "engine/loader.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/json_doc.h"
#include "engine/loader_reader.h"

namespace cp {
namespace {

using namespace loading;
namespace fs = std::filesystem;

// ---------------------------------------------------------------- files

struct DocLoader {
  const LoadLimits& limits;
  std::vector<Problem>& problems;
  std::vector<std::string> chain;
  std::vector<Layer>* layers = nullptr;  // when given, each file of the chain as written

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
      if (layers) layers->push_back({name, doc});
      out = std::move(doc);
      return true;
    }
    if (!it->is_string()) {
      problems.push_back({name, "/extends", reason("expected a file path (string)")});
      return false;
    }
    if (static_cast<int>(chain.size()) >= limits.max_extends) {
      problems.push_back({name, "/extends", reason("more than {} levels of extends", limits.max_extends)});
      return false;
    }
    // Normal form, so a parent is named "baseline.json", not "variants/../baseline.json".
    const fs::path parent_path = (fs::path(base_dir) / it->get<std::string>()).lexically_normal();
    std::error_code ec;
    const std::string canon = fs::weakly_canonical(parent_path, ec).string();
    if (std::find(chain.begin(), chain.end(), canon) != chain.end()) {
      problems.push_back({name, "/extends", reason("'{}' extends itself (cycle)", it->get<std::string>())});
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
    mergeScenarioJson(parent, doc, &problems, name);
    if (!problems.empty()) return false;
    if (layers) layers->push_back({name, std::move(doc)});
    out = std::move(parent);
    return true;
  }
};
// ---------------------------------------------------------------- build

Scenario build(const json& root, const std::string& file, const LoadLimits& limits) {
  Scenario s;
  s.file = file;
  Reader r(file, s, limits);
  r.object(root, "",
           {"$schema", "name",         "description",   "notes",   "extends",       "start", "end",       "seed",
            "params",  "blocs",        "jurisdictions", "vendors", "supply_inputs", "chips", "companies", "sites",
            "rules",   "china_policy", "host_policies", "levers",  "set",           "events"});
  s.name = r.str(root, "name", "", true, "unnamed");
  s.description = r.str(root, "description", "", false);
  if (root.contains("notes") && root["notes"].is_string()) s.notes = root["notes"].get<std::string>();
  // A month that does not read takes the default, so the span checks and the lever settings
  // below do not report it again as an impossible span.
  const auto month = [&](const char* key, int def) {
    const size_t before = r.problems.size();
    const Num m = r.num(root, key, "", NK::Month, static_cast<double>(def));
    return r.problems.size() > before ? def : static_cast<int>(m.value);
  };
  s.start = month("start", 2022 * 12);
  s.end = month("end", 2030 * 12 + 11);
  if (s.start >= kNever) r.err("/start", "start cannot be never");
  if (s.end >= kNever)
    r.err("/end", "end cannot be never");
  else if (s.end < s.start)
    r.err("/end", reason("end {} is before start {}", formatMonth(s.end), formatMonth(s.start)));
  else if (s.end > limits.latest_end)
    r.err("/end", reason("end {} is after {}", formatMonth(s.end), formatMonth(limits.latest_end)));
  if (const json* seed = r.field(root, "seed", "", false)) {
    if (seed->is_number_unsigned())
      s.seed = seed->get<std::uint64_t>();
    else if (seed->is_number_integer() && seed->get<long long>() >= 0)
      s.seed = static_cast<std::uint64_t>(seed->get<long long>());
    else
      r.err("/seed", reason("expected a whole number >= 0, got {}", seed->dump().substr(0, 40)));
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
    if (root.contains(key) && root[key].is_array() && root[key].empty())
      r.err(std::string("/") + key, "must not be empty");

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
  const double results =
      ((C + B) * (16 + 3 * V) + J * 9 + V * (3 + J) + K * (4 + B) + 2 + 2 * V) * std::max(1, s.months());
  if (state > limits.max_state_cells)
    r.err("", reason("scenario too large to simulate: {} companies x {} locations x {} chips (limit {} cells)", C,
                     S + 2, K, fmt::format("{:.0f}", limits.max_state_cells)));
  else if (results > limits.max_result_cells)
    r.err("", reason("scenario too large to simulate: {} result values (limit {})", fmt::format("{:.0f}", results),
                     fmt::format("{:.0f}", limits.max_result_cells)));
  if (s.blocs.empty() || s.jurisdictions.empty() || s.vendors.empty()) {
    if (r.problems.empty()) r.err("", "a scenario needs blocs, jurisdictions and vendors");
  }
  if (!r.problems.empty()) throw LoadError(std::move(r.problems));
  return s;
}

}  // namespace

namespace {

// The key (kMergeKeys) a list's entries are matched by; "" when the patch's entries do not
// all have one (the list is replaced).
const char* mergeKey(const json& patch) {
  for (const char* key : kMergeKeys)
    if (std::all_of(patch.begin(), patch.end(), [&](const json& e) { return e.is_object() && e.contains(key); }))
      return key;
  return "";
}

}  // namespace

void mergeScenarioJson(json& base, const json& patch, std::vector<Problem>* problems, const std::string& name,
                       const std::string& pointer) {
  if (!base.is_object() || !patch.is_object()) {
    base = patch;
    return;
  }
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    const json& pv = it.value();
    const std::string at = pointer + "/" + it.key();
    auto bit = base.find(it.key());
    if (bit == base.end()) {
      base[it.key()] = pv;
      continue;
    }
    json& bv = *bit;
    const char* key = pv.is_array() && bv.is_array() && !pv.empty() ? mergeKey(pv) : "";
    if (pv.is_null()) {
      base.erase(it.key());
    } else if (pv.is_object() && bv.is_object()) {
      mergeScenarioJson(bv, pv, problems, name, at);
    } else if (*key) {
      for (size_t i = 0; i < pv.size(); ++i) {
        const json& pe = pv[i];
        auto match = std::find_if(bv.begin(), bv.end(), [&](const json& be) {
          return be.is_object() && be.contains(key) && be[key] == pe[key];
        });
        const bool remove = pe.contains("remove") && pe["remove"] == true;
        if (match == bv.end()) {
          if (!remove)
            bv.push_back(pe);
          else if (problems)  // a typo in the id would otherwise remove nothing, silently
            problems->push_back(
                {name, fmt::format("{}/{}/{}", at, i, key),
                 reason("nothing to remove: no {} {} in the scenario this one extends", key, pe[key].dump())});
        } else if (remove) {
          bv.erase(match);
        } else {
          mergeScenarioJson(*match, pe, problems, name, fmt::format("{}/{}", at, i));
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

std::vector<std::string> extendedFiles(const std::string& path, const LoadLimits& limits) {
  std::vector<Problem> ignored;  // best effort: as far as the chain reads
  std::vector<Layer> layers;     // root first
  std::error_code ec;
  DocLoader dl{limits, ignored, {fs::weakly_canonical(path, ec).string()}, &layers};
  std::string text;
  json unused;
  if (dl.readFile(path, text)) dl.resolve(text, path, fs::path(path).parent_path().string(), unused);
  std::vector<std::string> out;
  for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer)
    if (layer->file != path) out.push_back(layer->file);
  return out;
}

namespace {

// Resolves `text` (the file `name`) and builds it. Problems found after merging are moved, on
// this error path only, to the file of the chain that wrote the value (the chain is read again).
Scenario loadResolved(const std::string& text, const std::string& name, const std::string& base_dir,
                      const LoadLimits& limits, const std::vector<std::string>& chain) {
  std::vector<Problem> problems;
  DocLoader dl{limits, problems, chain};
  json doc;
  if (!dl.resolve(text, name, base_dir, doc)) throw LoadError(std::move(problems));
  try {
    return build(doc, name, limits);
  } catch (const LoadError& e) {
    std::vector<Layer> layers;
    DocLoader again{limits, problems, chain, &layers};
    json unused;
    again.resolve(text, name, base_dir, unused);
    throw LoadError(blameLayers(e.problems(), doc, layers));
  }
}

}  // namespace

Scenario loadScenarioFromString(const std::string& text, const std::string& name, const std::string& base_dir,
                                const LoadLimits& limits) {
  return loadResolved(text, name, base_dir, limits, {});
}

Scenario loadScenario(const std::string& path, const LoadLimits& limits) {
  std::vector<Problem> problems;
  DocLoader dl{limits, problems, {}};
  std::string text;
  if (!dl.readFile(path, text)) throw LoadError(std::move(problems));
  std::error_code ec;
  return loadResolved(text, path, fs::path(path).parent_path().string(), limits,
                      {fs::weakly_canonical(path, ec).string()});
}

std::vector<Problem> validateScenarioFile(const std::string& path, const LoadLimits& limits) {
  try {
    loadScenario(path, limits);
  } catch (const LoadError& e) {
    return e.problems();
  } catch (const std::exception& e) {
    return {Problem{path, "", Message::plain(e.what())}};
  }
  return {};
}

}  // namespace cp
