// `run`: one deterministic run, written as the long CSV (month,scope,id,metric,value) or
// JSON with an echo of the scenario, seed, lever values and version.
#include <sstream>

#include "cli/cli.h"
#include "i18n/trf.h"
#include "cli/commands.h"
#include "cli/experiment_args.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/levers.h"
#include "engine/results_io.h"
#include "engine/series_select.h"
#include "engine/simulate.h"

namespace cp::cli {

namespace {
struct RunArgs {
  std::string scenario;
  SharedFlags flags;
  bool check = false;
};
}  // namespace

Command addRun(CLI::App& app) {
  auto a = std::make_shared<RunArgs>();
  app.add_option("scenario", a->scenario, i18n::tr("Scenario file (JSON)"))->required();
  addSharedFlags(app, a->flags, kOutFlags | kFormatFlag | kRangeFlags | kLeverFlag | kMetricsFlag);
  app.add_flag("--check", a->check,
               i18n::tr("Check conservation and non-negativity every month; exit 1 on the first violation"));
  return [a](std::ostream& out, std::ostream& err) -> int {
    const SharedFlags& f = a->flags;
    auto s = loadWithLevers(a->scenario, f.levers, err);
    if (!s) return kUsage;
    WriteRange range;
    if (!applyMonthRange(*s, f.from, f.to, &range, err)) return kUsage;
    const auto keep = parseMetricsArg(f.metrics, err);
    if (!keep) return kUsage;
    RunOptions opts;
    opts.check = a->check;
    opts.record = *keep;  // only the --metrics series are recorded
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
      err << i18n::trf("invariant violated in {} at {}: {}\n", formatMonth(v.month), v.entity, v.what);
      return kFailure;
    }
    if (r.size() == 0 && !f.quiet)
      err << i18n::trf("chokepoint-cli: warning: --metrics '{}' matches no series\n", f.metrics);
    std::ostringstream buf;
    if (f.format == "json")
      writeJson(buf, r, range);
    else
      writeCsv(buf, r, range);
    return emit(f.out, buf.str(), out, err);
  };
}

}  // namespace cp::cli
