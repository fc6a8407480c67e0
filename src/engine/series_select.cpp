#include "engine/series_select.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace cp {

namespace {
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  for (;;) {
    const size_t end = s.find(sep, begin);
    parts.push_back(s.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool partMatches(std::string_view pattern, std::string_view value) { return pattern == "*" || pattern == value; }
}  // namespace

// Asked for every series a run sets up, so it splits each pattern without allocating.
bool SeriesSelection::matches(Scope scope, std::string_view id, std::string_view metric) const {
  if (patterns.empty()) return true;
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
    const size_t a = p.find('/');
    if (a == std::string::npos) return partMatches(p, metric);
    const size_t b = p.find('/', a + 1);
    if (b == std::string::npos) return false;  // not a pattern parseSeriesSelection accepts
    const std::string_view v(p);
    return partMatches(v.substr(b + 1), metric) && partMatches(v.substr(a + 1, b - a - 1), id) &&
           partMatches(v.substr(0, a), toString(scope));
  });
}

SeriesSelection parseSeriesSelection(std::string_view list) {
  SeriesSelection sel;
  for (std::string_view item : split(list, ',')) {
    item = trim(item);
    if (item.empty()) continue;
    const auto parts = split(item, '/');
    if (parts.size() != 1 && parts.size() != 3)
      throw SeriesPatternError(reason("series pattern '{}': expected METRIC or SCOPE/ID/METRIC", item));
    for (std::string_view p : parts)
      if (p.empty()) throw SeriesPatternError(reason("series pattern '{}': empty part", item));
    Scope scope;
    if (parts.size() == 3 && parts[0] != "*" && !parseScope(parts[0], scope))
      throw SeriesPatternError(
          reason("series pattern '{}': unknown scope '{}' (company, bloc, jurisdiction, vendor, chip, global or *)",
                 item, parts[0]));
    sel.patterns.emplace_back(item);
  }
  return sel;
}

Results selectSeries(const Results& r, const SeriesSelection& sel) {
  if (sel.all()) return r;
  Results out(r.start(), r.months());
  out.scenario_name = r.scenario_name;
  out.version = r.version;
  out.seed = r.seed;
  out.lever_values = r.lever_values;
  out.partial = r.partial;
  for (size_t i = 0; i < r.size(); ++i) {
    const SeriesKey& k = r.keys()[i];
    if (!sel.matches(k)) continue;
    const int j = out.add(k.scope, k.id, k.metric);
    std::copy_n(r.series(static_cast<int>(i)), r.months(), out.series(j));
  }
  return out;
}

}  // namespace cp
