#include "cli/experiment_args.h"
#include "i18n/problem_text.h"
#include "i18n/trf.h"

#include <charconv>
#include <stdexcept>

namespace cp::cli {

std::optional<std::pair<int, int>> parseShardArg(const std::string& text, std::ostream& err) {
  const auto slash = text.find('/');
  int k = 0, n = 0;
  auto number = [](std::string_view s, int& v) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
  };
  if (slash == std::string::npos || !number(std::string_view(text).substr(0, slash), k) ||
      !number(std::string_view(text).substr(slash + 1), n) || n < 1 || k < 1 || k > n) {
    err << i18n::trf("chokepoint-cli: --shard expects K/N with 1 <= K <= N (e.g. 2/4), got '{}'\n", text);
    return std::nullopt;
  }
  return std::make_pair(k - 1, n);
}

std::optional<SeriesSelection> parseMetricsArg(const std::string& text, std::ostream& err) {
  if (text.empty()) return SeriesSelection{};
  try {
    return parseSeriesSelection(text);
  } catch (const SeriesPatternError& e) {
    err << i18n::trf("chokepoint-cli: --metrics: {}\n", i18n::messageText(e.why()));
    return std::nullopt;
  }
}

}  // namespace cp::cli
