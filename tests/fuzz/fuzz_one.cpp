#include "fuzz_one.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/simulate.h"

namespace cp::fuzz {

namespace {
[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what);
  std::abort();
}

double pick(const Lever& l, std::uint8_t b, int start) {
  switch (l.kind) {
    case LeverKind::Bool: return b & 1;
    case LeverKind::Month: return b >= 250 ? static_cast<double>(kNever) : start - 12 + b % 60;
    case LeverKind::Choice: return l.options.empty() ? 0 : b % l.options.size();
    default: return l.min + (l.max - l.min) * (b / 255.0);
  }
}
}  // namespace

void fuzzOne(const std::uint8_t* data, std::size_t size, const std::string& base_dir) {
  const auto* nul = static_cast<const std::uint8_t*>(std::memchr(data, 0, size));
  const std::size_t json_size = nul ? static_cast<std::size_t>(nul - data) : size;
  const std::string text(reinterpret_cast<const char*>(data), json_size);
  Scenario s;
  try {
    s = loadScenarioFromString(text, "fuzz.json", base_dir);
  } catch (const LoadError&) {
    return;  // rejected with messages: the expected outcome for most inputs
  }
  s.end = std::min(s.end, s.start + 23);  // a short horizon keeps each input fast
  std::vector<LeverSetting> settings;
  for (std::size_t i = json_size + 1; nul && i + 1 < size && !s.levers.empty(); i += 2) {
    LeverSetting set;
    set.lever = data[i] % s.levers.size();
    set.value = pick(s.levers[set.lever], data[i + 1], s.start);
    set.from = (data[i + 1] & 0x80) ? s.start + data[i] % 24 : -1;
    settings.push_back(set);
  }
  const Scenario v = withLevers(std::move(s), settings);
  RunOptions o;
  o.check = true;
  const Results r = simulate(v, o);
  if (!r.violations.empty()) {
    std::fprintf(stderr, "%s at %s: %s\n", formatMonth(r.violations[0].month).c_str(), r.violations[0].entity.c_str(),
                 r.violations[0].what.c_str());
    finding("invariant violated");
  }
  for (size_t i = 0; i < r.size(); ++i)
    for (int t = 0; t < r.months(); ++t)
      if (!std::isfinite(r.series(static_cast<int>(i))[t])) finding("non-finite output");
}

}  // namespace cp::fuzz
