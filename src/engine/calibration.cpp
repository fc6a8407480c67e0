// [SECTION] index
//   reading    - file, JSON, typed fields that record problems instead of throwing
//   evaluation - one number per target from the run, compared with its range
//   formatting - periods and values in human units
#include "engine/calibration.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/json_doc.h"
#include "engine/json_reader.h"
#include "engine/month.h"

namespace cp {

const char* toString(Aggregate a) {
  switch (a) {
    case Aggregate::Sum: return "sum";
    case Aggregate::Mean: return "mean";
    case Aggregate::Last: return "last";
    case Aggregate::Max: return "max";
    case Aggregate::Change: return "change";
  }
  return "?";
}

const std::vector<std::string>& targetUnits() {
  static const std::vector<std::string> units{"usd", "units", "h100e", "mw", "flop", "share", "months"};
  return units;
}

namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

// ---------------------------------------------------------------- reading

constexpr size_t kMaxFileBytes = 4u << 20;
constexpr size_t kMaxTargets = 1000;

std::string shortDump(const json& v) {
  std::string s = v.dump();
  return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

class TargetReader : public JsonReader {
 public:
  explicit TargetReader(std::string file) : JsonReader(std::move(file), kMaxFileBytes) {}

  void document(const json& doc) {
    if (!doc.is_object()) {
      err("", reason("expected a JSON object at the top, got {}", doc.type_name()));
      return;
    }
    object(doc, "", {"description", "targets"});
    auto ts = doc.find("targets");
    if (ts == doc.end()) {
      err("/targets", "missing required field");
      return;
    }
    if (!ts->is_array()) {
      err("/targets", reason("expected a list of targets, got {}", ts->type_name()));
      return;
    }
    if (ts->empty()) err("/targets", "expected at least one target, got an empty list");
    if (ts->size() > kMaxTargets) {
      err("/targets", reason("{} targets, the limit is {}", ts->size(), kMaxTargets));
      return;
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < ts->size(); ++i) {
      const std::string ptr = fmt::format("/targets/{}", i);
      Target t;
      if (target((*ts)[i], ptr, t)) {
        if (!seen.insert(t.id).second) err(ptr + "/id", reason("duplicate target id '{}'", t.id));
        targets.push_back(std::move(t));
      }
    }
  }

  std::vector<Target> targets;

 private:
  double number(const json& obj, const char* key, const std::string& ptr, bool& ok) {
    const json* v = field(obj, key, ptr, true);
    if (!v) {
      ok = false;
      return 0;
    }
    if (!v->is_number() || !std::isfinite(v->get<double>())) {
      err(ptr + "/" + key, reason("expected a number, got {}", shortDump(*v)));
      ok = false;
      return 0;
    }
    return v->get<double>();
  }

  int month(const json& obj, const char* key, const std::string& ptr, bool& ok) {
    const std::string s = str(obj, key, ptr, true);
    if (s.empty()) {
      ok = false;
      return 0;
    }
    auto m = parseMonth(s);
    if (!m || *m == kNever) {
      err(ptr + "/" + key, reason("expected a month \"YYYY-MM\", got \"{}\"", s));
      ok = false;
      return 0;
    }
    return *m;
  }

  bool target(const json& j, const std::string& ptr, Target& t) {
    if (!j.is_object()) {
      err(ptr, reason("expected a target object, got {}", j.type_name()));
      return false;
    }
    object(j, ptr,
           {"id", "label", "scope", "entity", "metric", "from", "to", "aggregate", "low", "high", "unit", "note"});
    const size_t before = problems.size();
    t.pointer = ptr;
    t.id = str(j, "id", ptr, true);
    if (!t.id.empty() && !isValidId(t.id))
      err(ptr + "/id", reason("id '{}' must be lower-case letters, digits, '_' or '.' (at most 64)", t.id));
    t.label = str(j, "label", ptr, true);
    const std::string scope = str(j, "scope", ptr, true);
    if (!scope.empty() && !parseScope(scope, t.scope))
      err(ptr + "/scope",
          reason("expected one of company, bloc, jurisdiction, vendor, chip, global, got \"{}\"", scope));
    if (const json* e = field(j, "entity", ptr, true)) {
      if (e->is_string()) {
        t.entities.push_back(e->get<std::string>());
      } else if (e->is_array() && !e->empty()) {
        for (size_t i = 0; i < e->size(); ++i) {
          if (!(*e)[i].is_string()) {
            err(fmt::format("{}/entity/{}", ptr, i), reason("expected an id (string), got {}", (*e)[i].type_name()));
            continue;
          }
          t.entities.push_back((*e)[i].get<std::string>());
        }
      } else {
        err(ptr + "/entity", reason("expected an id or a non-empty list of ids, got {}", shortDump(*e)));
      }
      for (size_t i = 0; i < t.entities.size(); ++i)
        if (!isValidId(t.entities[i]))
          err(e->is_array() ? fmt::format("{}/entity/{}", ptr, i) : ptr + "/entity",
              reason("'{}' is not an id (lower-case letters, digits, '_' or '.')", t.entities[i]));
    }
    t.metric = str(j, "metric", ptr, true);
    if (!t.metric.empty() && !isValidId(t.metric))
      err(ptr + "/metric", reason("'{}' is not a metric name (lower-case letters, digits, '_')", t.metric));
    bool ok = true;
    t.from = month(j, "from", ptr, ok);
    t.to = month(j, "to", ptr, ok);
    if (ok && t.to < t.from)
      err(ptr + "/to", reason("must not be before from ({}), got {}", formatMonth(t.from), formatMonth(t.to)));
    const std::string agg = str(j, "aggregate", ptr, true);
    if (!agg.empty()) {
      bool found = false;
      for (Aggregate a : {Aggregate::Sum, Aggregate::Mean, Aggregate::Last, Aggregate::Max, Aggregate::Change}) {
        if (agg == toString(a)) {
          t.aggregate = a;
          found = true;
        }
      }
      if (!found) err(ptr + "/aggregate", reason("expected sum, mean, last, max or change, got \"{}\"", agg));
    }
    bool range_ok = true;
    t.low = number(j, "low", ptr, range_ok);
    t.high = number(j, "high", ptr, range_ok);
    if (range_ok && t.high < t.low) err(ptr + "/high", reason("must be >= low ({}), got {}", t.low, t.high));
    t.unit = str(j, "unit", ptr, true);
    const auto& units = targetUnits();
    if (!t.unit.empty() && std::find(units.begin(), units.end(), t.unit) == units.end())
      err(ptr + "/unit", reason("expected one of usd, units, h100e, mw, flop, share, months, got \"{}\"", t.unit));
    t.source = str(j, "source", ptr, true);
    t.note = str(j, "note", ptr, false);
    return problems.size() == before;
  }
};

std::vector<Target> parseTargets(const std::string& text, const std::string& name) {
  if (text.size() > kMaxFileBytes)
    throw LoadError({{name, "", reason("document is {} bytes, the limit is {}", text.size(), kMaxFileBytes)}});
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    throw LoadError({{name, "", jsonSyntaxReason(e.what(), text)}});
  }
  TargetReader reader(name);
  reader.document(doc);
  if (!reader.problems.empty()) throw LoadError(std::move(reader.problems));
  return std::move(reader.targets);
}

}  // namespace

std::vector<Target> loadTargets(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw LoadError({{path, "", reason("file not found")}});
  if (fs::is_directory(path, ec)) throw LoadError({{path, "", reason("is a directory, expected a JSON file")}});
  const auto size = fs::file_size(path, ec);
  if (ec) throw LoadError({{path, "", reason("cannot read: {}", ec.message())}});
  if (size > kMaxFileBytes)
    throw LoadError({{path, "", reason("file is {} bytes, the limit is {}", size, kMaxFileBytes)}});
  std::ifstream f(path, std::ios::binary);
  if (!f) throw LoadError({{path, "", reason("cannot open file")}});
  std::ostringstream ss;
  ss << f.rdbuf();
  return parseTargets(ss.str(), path);
}

std::vector<Target> loadTargetsFromString(const std::string& text, const std::string& name) {
  return parseTargets(text, name);
}

// ---------------------------------------------------------------- evaluation

Calibration evaluateTargets(const std::vector<Target>& targets, const Results& r, const std::string& file) {
  Calibration c;
  const int first = r.start(), last = r.start() + r.months() - 1;
  for (const Target& t : targets) {
    std::vector<const double*> series;
    bool ok = true;
    for (size_t i = 0; i < t.entities.size(); ++i) {
      const double* s = r.find(t.scope, t.entities[i], t.metric);
      if (!s) {
        const std::string ptr =
            t.entities.size() > 1 ? fmt::format("{}/entity/{}", t.pointer, i) : t.pointer + "/entity";
        c.problems.push_back({file, ptr,
                              reason("the run has no series {}/{}/{} (unknown id or metric)", toString(t.scope),
                                     t.entities[i], t.metric)});
        ok = false;
      }
      series.push_back(s);
    }
    const int need_from = t.aggregate == Aggregate::Change ? t.from - 1 : t.from;
    if (need_from < first || t.to > last) {
      c.problems.push_back(
          {file, t.pointer + (t.to > last ? "/to" : "/from"),
           t.aggregate == Aggregate::Change
               ? reason("period {} is outside the run ({}..{}) (change also needs the month before from)",
                        formatPeriod(t), formatMonth(first), formatMonth(last))
               : reason("period {} is outside the run ({}..{})", formatPeriod(t), formatMonth(first),
                        formatMonth(last))});
      ok = false;
    }
    if (!ok) continue;
    auto value = [&](int abs) {
      double v = 0;
      for (const double* s : series) v += s[r.monthIndex(abs)];
      return v;
    };
    double v = 0;
    switch (t.aggregate) {
      case Aggregate::Sum:
      case Aggregate::Mean:
        for (int m = t.from; m <= t.to; ++m) v += value(m);
        if (t.aggregate == Aggregate::Mean) v /= static_cast<double>(t.to - t.from + 1);
        break;
      case Aggregate::Last: v = value(t.to); break;
      case Aggregate::Max:
        v = value(t.from);
        for (int m = t.from + 1; m <= t.to; ++m) v = std::max(v, value(m));
        break;
      case Aggregate::Change: v = value(t.to) - value(t.from - 1); break;
    }
    TargetRow row;
    row.target = t;
    row.value = v;
    row.inside = std::isfinite(v) && v >= t.low && v <= t.high;
    c.inside += row.inside ? 1 : 0;
    c.rows.push_back(std::move(row));
  }
  return c;
}

// ---------------------------------------------------------------- formatting

std::string formatPeriod(const Target& t) {
  return t.from == t.to ? formatMonth(t.from) : formatMonth(t.from) + ".." + formatMonth(t.to);
}

namespace {
std::string count(double v) {
  const double a = std::fabs(v);
  if (a >= 1e6) return fmt::format("{:.2f}M", v / 1e6);
  if (a >= 1e5) return fmt::format("{:.0f}k", v / 1e3);
  if (a >= 1e3) return fmt::format("{:.1f}k", v / 1e3);
  return fmt::format("{:.0f}", v);
}
}  // namespace

std::string formatTargetValue(double v, const std::string& unit) {
  if (!std::isfinite(v)) return fmt::format("{}", v);
  const double a = std::fabs(v);
  if (unit == "usd") {
    if (a >= 1e9) return fmt::format("${:.1f}bn", v / 1e9);
    if (a >= 1e6) return fmt::format("${:.0f}m", v / 1e6);
    return fmt::format("${:.0f}", v);
  }
  if (unit == "units") return count(v);
  if (unit == "h100e") return count(v) + " H100e";
  if (unit == "mw") return fmt::format("{:.0f} MW", v);
  if (unit == "flop") {
    if (a == 0) return "0";
    int e = static_cast<int>(std::floor(std::log10(a)));
    double m = v / std::pow(10.0, e);
    if (std::fabs(m) >= 9.995) {  // rounding would print 10.0
      m /= 10;
      ++e;
    }
    return fmt::format("{:.2f}e{}", m, e);
  }
  if (unit == "share") return fmt::format("{:.1f}%", v * 100);
  if (unit == "months") return fmt::format("{:.1f} months", v);
  return fmt::format("{:.4g}", v);
}

}  // namespace cp
