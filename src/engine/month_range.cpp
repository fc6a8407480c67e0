#include "engine/month_range.h"

#include <fmt/format.h>

#include "engine/loader.h"

namespace cp {

std::string checkMonthRange(const Scenario& s, std::optional<int> from, std::optional<int> to,
                            std::string_view from_name, std::string_view to_name) {
  const std::string span =
      fmt::format("the scenario '{}' covers {}..{}", s.name, formatMonth(s.start), formatMonth(s.end));
  if (from && to && *from > *to)
    return fmt::format("{} {} is after {} {}: an empty range ({})", from_name, formatMonth(*from), to_name,
                       formatMonth(*to), span);
  for (const auto& [m, name] : {std::pair{from, from_name}, std::pair{to, to_name}}) {
    if (!m) continue;
    if (*m < s.start) return fmt::format("{} {} is before the start: {}", name, formatMonth(*m), span);
    if (*m > s.end) {
      // Nothing in the engine stops at `end` but the file: a variant may move it.
      const int latest = LoadLimits{}.latest_end;
      const std::string extend =
          *m <= latest ? fmt::format("; to run further, write a scenario that \"extends\" it with \"end\": \"{}\"",
                                     formatMonth(*m))
                       : fmt::format("; no scenario may end after {}", formatMonth(latest));
      return fmt::format("{} {} is after the end: {}{}", name, formatMonth(*m), span, extend);
    }
  }
  return {};
}

}  // namespace cp
