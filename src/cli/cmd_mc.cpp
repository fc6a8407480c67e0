// `mc`: a Monte Carlo ensemble of one scenario; p10/p50/p90/mean per series per month,
// or with --shard the raw per-run values that `merge` combines exactly (ensemble_io.h).
#include <sstream>

#include "cli/cli.h"
#include "i18n/trf.h"
#include "cli/commands.h"
#include "cli/experiment_args.h"
#include "cli/output_file.h"
#include "cli/interrupt.h"
#include "cli/progress.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/ensemble.h"
#include "engine/ensemble_io.h"

namespace cp::cli {

namespace {
struct McArgs {
  std::string scenario, shard;
  SharedFlags flags;
  int runs = 100;
  std::optional<std::uint64_t> seed;
  int threads = 0;
};
}  // namespace

Command addMc(CLI::App& app) {
  auto a = std::make_shared<McArgs>();
  app.add_option("scenario", a->scenario, i18n::tr("Scenario file (JSON)"))->required();
  app.add_option("--runs,-n", a->runs, i18n::tr("Ensemble size"))
      ->check(wholeNumberIn(1, 10'000'000))
      ->capture_default_str();
  addSeedFlag(app, a->seed, N_("the draws of the uncertain inputs: run i draws from stream (seed, i)"));
  app.add_option("--threads,-j", a->threads,
                 i18n::tr("Worker threads (default: one per core); results do not depend on it"))
      ->check(wholeNumberIn(0, 1024));
  app.add_option("--shard", a->shard,
                 i18n::tr("K/N: run only runs i with i % N == K-1 and write them raw for `merge`"));
  addSharedFlags(app, a->flags, kOutFlags | kFormatFlag | kRangeFlags | kLeverFlag | kMetricsFlag, {"csv"});
  return [a](std::ostream& out, std::ostream& err) -> int {
    InterruptScope stop;
    const SharedFlags& f = a->flags;
    auto s = loadWithLevers(a->scenario, f.levers, err);
    if (!s) return kUsage;
    WriteRange range;
    if (!applyMonthRange(*s, f.from, f.to, &range, err)) return kUsage;
    EnsembleOptions o;
    o.runs = a->runs;
    o.seed = a->seed ? *a->seed : s->seed;
    s->seed = o.seed;
    o.threads = a->threads;
    if (!a->shard.empty()) {
      auto sh = parseShardArg(a->shard, err);
      if (!sh) return kUsage;
      o.shard_k = sh->first;
      o.shard_n = sh->second;
      o.summarize = false;
    }
    const auto keep = parseMetricsArg(f.metrics, err);
    if (!keep) return kUsage;
    o.keep = *keep;
    Progress bar(err, f.quiet, "runs");
    o.progress = [&bar](int done, int total) { bar.update(done, total); };
    o.cancel = stop.flag();

    EnsembleResult e;
    try {
      e = runEnsemble(*s, o);
    } catch (const EnsembleError& ex) {
      bar.finish();
      err << "chokepoint-cli: " << ex.what() << "\n";
      return kUsage;
    }
    bar.finish();
    if (e.keys.empty() && !f.quiet)
      err << i18n::trf("chokepoint-cli: warning: --metrics '{}' matches no series\n", f.metrics);

    int code = kOk;
    if (a->shard.empty()) {
      std::ostringstream buf;
      writeEnsembleCsv(buf, e, range);
      code = emit(f.out, buf.str(), out, err);
    } else {
      OutputFile file;
      if (!file.open(f.out, out, err)) return kFailure;
      writeEnsembleShard(file.stream(), e, range);  // statistics are per month: merge gives mc --from's table
      code = file.commit(err);
    }
    if (e.partial()) {
      err << i18n::trf("chokepoint-cli: interrupted: {} of {} runs finished; the output is marked partial\n",
                       e.finishedRuns(), e.run_ids.size());
      return kFailure;
    }
    return code;
  };
}

}  // namespace cp::cli
