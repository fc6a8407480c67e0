#include <fmt/format.h>

#include <algorithm>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/simulate.h"
#include "engine/text.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {
struct WhyArgs {
  std::string scenario, company, month;
  SharedFlags flags;
};
}  // namespace

Command addWhy(CLI::App& app) {
  auto a = std::make_shared<WhyArgs>();
  app.add_option("scenario", a->scenario, i18n::tr("Scenario file (JSON)"))->required();
  app.add_option("--company,-c", a->company, i18n::tr("Company id (e.g. bytedance)"))->required();
  app.add_option("--month,-m", a->month, i18n::tr("Month YYYY-MM"))->required();
  addSharedFlags(app, a->flags, kLeverFlag);
  return [a](std::ostream& out, std::ostream& err) -> int {
    auto s = loadWithLevers(a->scenario, a->flags.levers, err);
    if (!s) return kUsage;
    const int c = s->findCompany(a->company);
    if (c < 0) {
      std::string ids;
      for (const Company& co : s->companies) ids += (ids.empty() ? "" : ", ") + co.id;
      err << i18n::trf("chokepoint-cli: --company: unknown company '{}'; this scenario has {}\n", a->company, ids);
      return kUsage;
    }
    auto m = parseMonthArg(a->month, "--month", err);
    if (!m) return kUsage;
    if (*m < s->start || *m > s->end) {
      err << i18n::trf("chokepoint-cli: --month {} is outside the scenario ({} to {})\n", a->month,
                       formatMonth(s->start), formatMonth(s->end));
      return kUsage;
    }
    RunOptions o;
    o.trace_company = c;
    o.trace_month = *m;
    s->end = *m;
    const Results r = simulate(*s, o, Text{static_cast<const char* (*)(const char*)>(&i18n::tr)});  // rows per --lang
    // Prose and names follow --lang; the column names and the trace rows stay as they are.
    out << cp::i18n::trf(
        "{} in {}: the options it weighed (cost per H100e-month of each purpose)\n"
        "share/offered: budget offered to the option over the month's rounds (what one sold-out\n"
        "option could not fill is offered again); got: what rationing actually filled\n",
        cp::i18n::tr(s->companies[c].name), humanMonth(*m));
    // The numbers first, then the whole option name and the rule: "buy X (home)" and
    // "buy X (abroad)" differ only at the end, so a name is never cut to fit a column.
    for (int p = 0; p < 2; ++p) {
      out << "\n" << cp::i18n::tr(p == 0 ? "Training" : "Inference") << "\n";
      // A column as wide as its heading where a language's heading is longer ("запропоновано $").
      const std::string offered = i18n::tr("offered $");
      const std::size_t wide = std::max<std::size_t>(10, displayWidth(offered));
      out << fmt::format("  {:>10} {:>7} {:>{}} {:>10}  {}\n", i18n::tr("cost $"), i18n::tr("share"), offered, wide,
                         i18n::tr("got $"), i18n::tr("option - rule"));
      for (const OptionTrace& t : r.trace) {
        if (t.purpose != p) continue;
        out << fmt::format("  {:>10.0f} {:>7} {:>{}} {:>10}  {} - {}\n", t.cost_usd_per_h100e_month,
                           humanNumber(fmt::format("{:.1f}%", t.share * 100)),
                           humanNumber(fmt::format("{:.3g}", t.spend_usd)), wide,
                           humanNumber(fmt::format("{:.3g}", t.paid_usd)), t.label, t.verdict);
      }
    }
    return kOk;
  };
}

}  // namespace cp::cli
