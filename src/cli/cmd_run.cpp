#include <sstream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/scenario_args.h"
#include "engine/levers.h"
#include "engine/results_io.h"
#include "engine/simulate.h"

namespace cp::cli {

namespace {
struct RunArgs {
  std::string scenario, from, to, format = "csv", out;
  std::vector<std::string> levers;
  std::optional<std::uint64_t> seed;
  bool check = false;
};
}  // namespace

Command addRun(CLI::App& app) {
  auto a = std::make_shared<RunArgs>();
  app.add_option("scenario", a->scenario, "Scenario file (JSON)")->required();
  app.add_option("--lever,-l", a->levers, "Set a lever: ID=VALUE or ID=VALUE@YYYY-MM (repeatable)");
  app.add_option("--from", a->from, "First month to write (YYYY-MM)");
  app.add_option("--to", a->to, "Last month to simulate and write (YYYY-MM)");
  app.add_option("--seed", a->seed, "Seed echoed in the output (Monte Carlo uses it)");
  app.add_option("--format", a->format, "csv (long: month,scope,id,metric,value) or json")
      ->check(CLI::IsMember({"csv", "json"}));
  app.add_option("--out,-o", a->out, "Output file (default: standard output); written atomically");
  app.add_flag("--check", a->check, "Check conservation and non-negativity every month; exit 1 on the first violation");
  return [a](std::ostream& out, std::ostream& err) -> int {
    auto s = loadWithLevers(a->scenario, a->levers, err);
    if (!s) return kUsage;
    WriteRange range;
    if (!applyMonthRange(*s, a->from, a->to, &range, err)) return kUsage;
    if (a->seed) s->seed = *a->seed;
    RunOptions opts;
    opts.check = a->check;
    Results r = simulate(*s, opts);
    for (size_t i = 0; i < s->levers.size(); ++i) {
      auto values = leverScheduleStrings(*s, static_cast<int>(i));
      if (!values.empty()) {
        std::string joined;
        for (const auto& v : values) joined += (joined.empty() ? "" : ";") + v;
        r.lever_values.emplace_back(s->levers[i].id, joined);
      }
    }
    if (!r.violations.empty()) {
      const Violation& v = r.violations.front();
      err << "invariant violated in " << formatMonth(v.month) << " at " << v.entity << ": " << v.what << "\n";
      return kFailure;
    }
    std::ostringstream buf;
    if (a->format == "json") writeJson(buf, r, range);
    else writeCsv(buf, r, range);
    return emit(a->out, buf.str(), out, err);
  };
}

}  // namespace cp::cli
