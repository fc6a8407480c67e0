#include "cli/scenario_args.h"
#include "i18n/trf.h"
#include "i18n/problem_text.h"

#include "cli/cli.h"
#include "cli/output_file.h"
#include "engine/levers.h"
#include "engine/loader.h"
#include "engine/month_range.h"
#include "engine/results_io.h"
#include "paths/data_dirs.h"

namespace cp::cli {

std::optional<Scenario> loadWithLevers(const std::string& path, const std::vector<std::string>& levers,
                                       std::ostream& err) {
  try {
    Scenario s = loadScenario(path);
    const std::vector<LeverSetting> settings = parseLeverArgs(levers, s);  // before s is moved from
    return withLevers(std::move(s), settings);
  } catch (const LoadError& e) {
    for (const Problem& p : e.problems()) err << i18n::problemLine(p) << "\n";
  } catch (const LeverError& e) {
    err << "chokepoint-cli: " << i18n::messageText(e.why()) << "\n";
  }
  return std::nullopt;
}

std::optional<int> parseMonthArg(const std::string& text, const char* option, std::ostream& err) {
  auto m = parseMonth(text);
  if (!m || *m == kNever) {
    err << i18n::trf("chokepoint-cli: {}: expected a month YYYY-MM, got '{}'\n", option, text);
    return std::nullopt;
  }
  return m;
}

bool applyMonthRange(Scenario& s, const std::string& from, const std::string& to, WriteRange* range,
                     std::ostream& err) {
  std::optional<int> first, last;
  if (!from.empty() && !(first = parseMonthArg(from, "--from", err))) return false;
  if (!to.empty() && !(last = parseMonthArg(to, "--to", err))) return false;
  if (const std::string why = checkMonthRange(s, first, last, "--from", "--to"); !why.empty()) {
    err << "chokepoint-cli: " << why << "\n";
    return false;
  }
  if (last) s.end = *last;
  if (range) {
    if (first) range->from = *first;
    if (last) range->to = *last;
  }
  return true;
}

std::string firstExisting(const std::vector<std::filesystem::path>& candidates) {
  for (const std::filesystem::path& p : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return candidates.front().string();
}

std::string defaultBaselinePath() {
  std::vector<std::filesystem::path> v{std::filesystem::path("scenarios") / "baseline.json"};
  for (const auto& dir : paths::dataDirs("scenarios")) v.push_back(dir / "baseline.json");  // the shipped one
  return firstExisting(v);
}

int emit(const std::string& path, const std::string& content, std::ostream& out, std::ostream& err) {
  OutputFile f;  // its temporary file is one a signal cannot leave behind
  if (!f.open(path, out, err)) return kFailure;
  f.stream() << content;
  return f.commit(err);
}

}  // namespace cp::cli
