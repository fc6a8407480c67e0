#include "engine/levers.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "engine/problems.h"

namespace cp {

const char* toString(LeverKind k) {
  switch (k) {
    case LeverKind::Bool: return "bool";
    case LeverKind::Number: return "number";
    case LeverKind::Share: return "share";
    case LeverKind::Month: return "month";
    case LeverKind::Choice: return "choice";
  }
  return "?";
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::optional<double> parseNumber(std::string_view text) {
  const std::string t(text);
  if (t.empty() || t.size() > 64) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

std::optional<double> parseLeverValue(const Lever& l, std::string_view text, Message* error) {
  // "lever ID: " and the value's own reason, which a workshop move shows without the prefix.
  auto fail = [&](Message msg) -> std::optional<double> {
    if (error) *error = reason("lever {}: {}", l.id, msg);
    return std::nullopt;
  };
  const std::string t = lower(text);
  switch (l.kind) {
    case LeverKind::Bool:
      if (t == "true" || t == "on" || t == "1" || t == "yes") return 1.0;
      if (t == "false" || t == "off" || t == "0" || t == "no") return 0.0;
      return fail(reason("expected true/false/on/off, got '{}'", text));
    case LeverKind::Month: {
      auto m = parseMonth(t);
      if (!m) return fail(reason("expected a month YYYY-MM or never, got '{}'", text));
      return static_cast<double>(*m);
    }
    case LeverKind::Choice: {
      for (size_t i = 0; i < l.options.size(); ++i)
        if (lower(l.options[i]) == t) return static_cast<double>(i);
      return fail(reason("expected one of {}, got '{}'", fmt::format("{}", fmt::join(l.options, "/")), text));
    }
    case LeverKind::Number:
    case LeverKind::Share: {
      auto v = parseNumber(t);
      if (!v) return fail(reason("expected a number, got '{}'", text));
      if (*v < l.min || *v > l.max)
        return fail(
            reason("{} is outside its range {}..{}", text, formatLeverValue(l, l.min), formatLeverValue(l, l.max)));
      return *v;
    }
  }
  return fail(reason("unknown kind"));
}

std::vector<LeverSetting> parseLeverArgs(const std::vector<std::string>& args, const Scenario& s) {
  std::vector<LeverSetting> out;
  for (const std::string& a : args) {
    const auto eq = a.find('=');
    if (eq == std::string::npos || eq == 0)
      throw LeverError(reason("lever setting '{}': expected ID=VALUE or ID=VALUE@YYYY-MM", a));
    const std::string id = a.substr(0, eq);
    const int idx = s.findLever(id);
    if (idx < 0) throw LeverError(reason("unknown lever '{}' (see `chokepoint-cli levers SCENARIO`)", id));
    // "V;V@YYYY-MM;..." is a whole schedule in one setting, as listings and echoes write it.
    const std::string all = a.substr(eq + 1);
    for (size_t start = 0;;) {
      const size_t end = std::min(all.find(';', start), all.size());
      std::string value = all.substr(start, end - start);
      LeverSetting set;
      set.lever = idx;
      const auto at = value.rfind('@');
      if (at != std::string::npos) {
        const auto m = parseMonth(value.substr(at + 1));
        if (!m || *m == kNever)
          throw LeverError(reason("lever {}: expected a month YYYY-MM after '@', got '{}'", id, value.substr(at + 1)));
        set.from = *m;
        value = value.substr(0, at);
      }
      Message err;
      const auto v = parseLeverValue(s.levers[idx], value, &err);
      if (!v) throw LeverError(std::move(err));
      set.value = *v;
      if (set.from > s.end)
        throw LeverError(reason("lever {}: {} is after the scenario's end {}, so the setting would never act", id,
                                formatMonth(set.from), formatMonth(s.end)));
      // Two values for one month: which was meant cannot be known (a scenario file refuses it too).
      for (const LeverSetting& o : out)
        if (o.lever == idx && o.from == set.from)
          throw LeverError(
              set.from < 0 ? reason("lever {}: two values for the whole run; give each month once", id)
                           : reason("lever {}: two values from {}; give each month once", id, formatMonth(set.from)));
      out.push_back(set);
      if (end == all.size()) break;
      start = end + 1;
    }
  }
  return out;
}

Scenario withLevers(Scenario s, const std::vector<LeverSetting>& settings) {
  s.lever_schedules.resize(s.levers.size());
  for (const LeverSetting& set : settings) {
    if (set.lever < 0 || set.lever >= static_cast<int>(s.levers.size())) continue;
    auto& pts = s.lever_schedules[set.lever].points;
    if (set.from < 0) {
      pts.clear();
      pts.emplace_back(0, set.value);
      continue;
    }
    auto it = std::find_if(pts.begin(), pts.end(), [&](const auto& p) { return p.first >= set.from; });
    if (it != pts.end() && it->first == set.from)
      it->second = set.value;
    else
      pts.insert(it, {set.from, set.value});
  }
  return s;
}

std::string formatLeverValue(const Lever& l, double v) {
  switch (l.kind) {
    case LeverKind::Bool: return v > 0.5 ? "on" : "off";
    case LeverKind::Month: return formatMonth(static_cast<int>(std::lround(v)));
    case LeverKind::Choice: {
      const auto i = static_cast<size_t>(std::max(0.0, v));
      return i < l.options.size() ? l.options[i] : fmt::format("{}", v);
    }
    default: return fmt::format("{:g}", v);
  }
}

std::string formatLeverRange(const Lever& l) {
  switch (l.kind) {
    case LeverKind::Number:
    case LeverKind::Share: return fmt::format("{:g}..{:g}{}", l.min, l.max, l.unit.empty() ? "" : " " + l.unit);
    case LeverKind::Month: return "YYYY-MM|never";
    case LeverKind::Bool: return "on|off";
    case LeverKind::Choice: {
      std::string out;
      for (const std::string& o : l.options) out += (out.empty() ? "" : "|") + o;
      return out;
    }
  }
  return {};
}

double leverValueAt(const Scenario& s, int lever, int abs_month) {
  double v = s.levers[lever].value;
  if (lever < static_cast<int>(s.lever_schedules.size()))
    for (const auto& [from, value] : s.lever_schedules[lever].points)
      if (from <= abs_month) v = value;
  return v;
}

std::string leverScheduleText(const Scenario& s, int lever) {
  const auto steps = leverScheduleStrings(s, lever);
  const bool from_start = lever < static_cast<int>(s.lever_schedules.size()) &&
                          !s.lever_schedules[lever].points.empty() &&
                          s.lever_schedules[lever].points.front().first <= 0;
  std::string text = from_start ? "" : formatLeverValue(s.levers[lever], s.levers[lever].value);
  for (const std::string& step : steps) text += (text.empty() ? "" : ";") + step;
  return text;
}

std::vector<std::string> leverScheduleStrings(const Scenario& s, int lever) {
  std::vector<std::string> out;
  if (lever >= static_cast<int>(s.lever_schedules.size())) return out;
  const Lever& l = s.levers[lever];
  for (const auto& [from, value] : s.lever_schedules[lever].points)
    out.push_back(from <= 0 ? formatLeverValue(l, value)
                            : fmt::format("{}@{}", formatLeverValue(l, value), formatMonth(from)));
  return out;
}

}  // namespace cp
