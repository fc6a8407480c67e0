// `compare`: the key metrics of two scenarios (or one scenario under two lever settings)
// in one month, side by side with their difference. Stocks and shares are compared in the
// month; flows (money per month, units diverted per month) also as a sum over the 12
// months ending there, since one month of a flow is noisy.
#include <algorithm>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/human_text.h"
#include "cli/scenario_args.h"
#include "cli/shared_flags.h"
#include "engine/simulate.h"
#include "i18n/trf.h"

namespace cp::cli {

namespace {

struct CompareArgs {
  std::string a, b, month;
  SharedFlags flags;
  std::vector<std::string> levers_a, levers_b;
};

struct KeyMetric {
  Scope scope;
  const char* id;
  const char* metric;
  bool flow;
};

// The table's rows (metric names: src/engine/README.md "Metrics").
constexpr KeyMetric kKeyMetrics[] = {
    {Scope::Bloc, "us", "compute_train_h100e", false},     {Scope::Bloc, "china", "compute_train_h100e", false},
    {Scope::Bloc, "us", "compute_leased_h100e", false},    {Scope::Bloc, "china", "compute_leased_h100e", false},
    {Scope::Bloc, "us", "offshore_training_share", false}, {Scope::Bloc, "china", "offshore_training_share", false},
    {Scope::Bloc, "us", "frontier_gap_months", false},     {Scope::Bloc, "china", "frontier_gap_months", false},
    {Scope::Bloc, "us", "effective_compute_flop", false},  {Scope::Bloc, "china", "effective_compute_flop", false},
    {Scope::Global, "world", "huawei_share_china", false}, {Scope::Global, "world", "diverted_units", true},
    {Scope::Global, "world", "us_fee_revenue_usd", true},  {Scope::Vendor, "nvidia", "revenue_china_usd", true},
};

struct Row {
  std::string series, window;
  int from = 0, to = 0;
  std::optional<double> a, b;
};

// Sum (or the value, for a one-month window) of a series over [from, to]; nullopt when
// the scenario has no such series.
std::optional<double> valueOver(const Results& r, const KeyMetric& k, int from, int to) {
  const double* s = r.find(k.scope, k.id, k.metric);
  if (!s) return std::nullopt;
  double sum = 0;
  for (int m = from; m <= to; ++m) sum += s[r.monthIndex(m)];
  return sum;
}

std::optional<double> percent(const Row& row) {
  if (!row.a || !row.b || *row.a == 0) return std::nullopt;
  return (*row.b - *row.a) / std::fabs(*row.a) * 100.0;
}

std::string leverList(const std::vector<std::string>& common, const std::vector<std::string>& own) {
  std::string out;
  for (const auto* v : {&common, &own})
    for (const auto& l : *v) out += (out.empty() ? "" : " ") + l;
  return out;
}

}  // namespace

Command addCompare(CLI::App& app) {
  auto a = std::make_shared<CompareArgs>();
  app.add_option("a", a->a, i18n::tr("Scenario A (JSON)"))->required();
  app.add_option("b", a->b, i18n::tr("Scenario B (JSON); may be the same file as A with --lever-b"))->required();
  app.add_option("--month,-m", a->month, i18n::tr("Month to compare (YYYY-MM; default: the last month both cover)"));
  addSharedFlags(app, a->flags, kOutFlags | kFormatFlag | kLeverFlag, {"text", "csv"}, N_("here for both A and B"));
  app.add_option("--lever-a", a->levers_a, i18n::tr("Lever for A only (repeatable)"));
  app.add_option("--lever-b", a->levers_b, i18n::tr("Lever for B only (repeatable)"));
  return [a](std::ostream& out, std::ostream& err) -> int {
    std::vector<std::string> la = a->flags.levers, lb = a->flags.levers;
    la.insert(la.end(), a->levers_a.begin(), a->levers_a.end());
    lb.insert(lb.end(), a->levers_b.begin(), a->levers_b.end());
    auto sa = loadWithLevers(a->a, la, err);
    if (!sa) return kUsage;
    auto sb = loadWithLevers(a->b, lb, err);
    if (!sb) return kUsage;
    const int first = std::max(sa->start, sb->start), last = std::min(sa->end, sb->end);
    if (first > last) {
      err << i18n::trf("chokepoint-cli: A covers {}..{} and B {}..{}: no month in common\n", formatMonth(sa->start),
                       formatMonth(sa->end), formatMonth(sb->start), formatMonth(sb->end));
      return kUsage;
    }
    int month = last;
    if (!a->month.empty()) {
      auto m = parseMonthArg(a->month, "--month", err);
      if (!m) return kUsage;
      if (*m < first || *m > last) {
        err << i18n::trf("chokepoint-cli: --month {} is outside the months both scenarios cover ({}..{})\n", a->month,
                         formatMonth(first), formatMonth(last));
        return kUsage;
      }
      month = *m;
    }
    // Only simulate what the table needs.
    sa->end = month;
    sb->end = month;
    const Results ra = simulate(*sa), rb = simulate(*sb);

    const int from12 = std::max(first, month - 11);
    std::vector<Row> rows;
    for (const KeyMetric& k : kKeyMetrics) {
      const std::string series = fmt::format("{}/{}/{}", toString(k.scope), k.id, k.metric);
      rows.push_back({series, "month", month, month, valueOver(ra, k, month, month), valueOver(rb, k, month, month)});
      if (k.flow)
        rows.push_back({series, month - from12 == 11 ? "sum12" : fmt::format("sum{}", month - from12 + 1), from12,
                        month, valueOver(ra, k, from12, month), valueOver(rb, k, from12, month)});
    }

    std::ostringstream buf;
    if (a->flags.format == "csv") {
      buf << "scope,id,metric,window,from,to,a,b,diff,pct\n";
      for (const Row& row : rows) {
        std::string scope_id_metric = row.series;
        std::replace(scope_id_metric.begin(), scope_id_metric.end(), '/', ',');
        auto num = [](std::optional<double> v) { return v ? fmt::format("{}", *v) : std::string(); };
        const std::optional<double> diff = row.a && row.b ? std::optional<double>(*row.b - *row.a) : std::nullopt;
        buf << fmt::format("{},{},{},{},{},{},{},{}\n", scope_id_metric, row.window, formatMonth(row.from),
                           formatMonth(row.to), num(row.a), num(row.b), num(diff), num(percent(row)));
      }
    } else {
      const std::string lev_a = leverList(a->flags.levers, a->levers_a),
                        lev_b = leverList(a->flags.levers, a->levers_b);
      const std::string levers = i18n::tr("levers: ");
      buf << fmt::format("A  {}  ({}){}\n", a->a, i18n::tr(sa->name), lev_a.empty() ? "" : "  " + levers + lev_a);
      buf << fmt::format("B  {}  ({}){}\n", a->b, i18n::tr(sb->name), lev_b.empty() ? "" : "  " + levers + lev_b);
      buf << i18n::trf("Month {}. Flows (revenue, fees, diverted units) also summed over {}..{}.\n\n",
                       humanMonth(month), humanMonth(from12), humanMonth(month));
      // Months as words are wider than ISO ones: the window column takes the widest.
      std::size_t window_width = 17;
      for (const Row& row : rows) window_width = std::max(window_width, displayWidth(humanSpan(row.from, row.to)));
      buf << fmt::format("{:<38} {:<{}} {:>14} {:>14} {:>14} {:>9}\n", i18n::tr("series"), i18n::tr("window"),
                         window_width, "A", "B", "B - A", i18n::tr("change"));
      for (const Row& row : rows) {
        auto num = [](std::optional<double> v) { return v ? compactNumber(*v) : std::string("-"); };
        const std::string diff = row.a && row.b ? compactNumber(*row.b - *row.a, true) : "-";
        const auto pct = percent(row);
        buf << fmt::format("{:<38} {:<{}} {:>14} {:>14} {:>14} {:>9}\n", row.series, humanSpan(row.from, row.to),
                           window_width, num(row.a), num(row.b), diff,
                           pct ? humanNumber(fmt::format("{:+.2f}%", *pct)) : std::string(i18n::tr("n/a")));
      }
    }
    return emit(a->flags.out, buf.str(), out, err);
  };
}

}  // namespace cp::cli
