// The dashboard's charts and KPI cards, one row each (patterns: see chart_specs.h).
#include "app/core/chart_specs.h"

#include "i18n/i18n.h"

namespace cp::app {

namespace {
using cp::Scope;
using chart::Unit;
}  // namespace

const std::vector<ChartSpec>& chartSpecs() {
  // one row a chart, card or column (kept as written):
  // clang-format off
  static const std::vector<ChartSpec> kCharts = {
      {"compute_by_bloc", N_("Compute by HQ bloc (train + infer)"), Unit::H100e, ChartKind::Lines,
       {{Scope::Bloc, "*", "compute_train_h100e+compute_infer_h100e", "{name}"}}, /*log=*/true,
       N_("Training plus inference compute of the companies headquartered in each bloc, wherever their chips are."),
       {{Scope::Bloc, "*", "compute_flop_h100e", "{name}"}}},
      // Where the chips are, not who owns them: the headquarters view books SEA sites to their owners.
      // Titles fit a 1280-pixel projector's chart in presenter mode: "cumulative" is in the help.
      {"chips_by_location", N_("Controlled compute by location"), Unit::H100e, ChartKind::Lines,
       {{Scope::Jurisdiction, "*", "imports_cum_h100e", "{name}"}}, /*log=*/true,
       N_("Cumulative: the export-controlled chips delivered to each location since the run's first month, in "
          "training H100e, whoever owns them.")},
      {"china_channels", N_("China's compute by channel"), Unit::H100e, ChartKind::Stacked,
       {{Scope::Bloc, "china", "compute_home_nvidia_h100e", N_("Home: Nvidia")},
        {Scope::Bloc, "china", "compute_home_amd_h100e", N_("Home: AMD")},
        {Scope::Bloc, "china", "compute_home_huawei_h100e", N_("Home: Huawei")},
        {Scope::Bloc, "china", "compute_abroad_owned_h100e", N_("Own chips abroad")},
        {Scope::Bloc, "china", "compute_leased_h100e", N_("Leased offshore")},
        {Scope::Bloc, "china", "compute_grey_h100e", N_("Grey market")}}},
      {"offshore_share", N_("China: offshore training"), Unit::Share, ChartKind::Lines,
       {{Scope::Bloc, "china", "offshore_training_share", N_("All China")},
        {Scope::Company, "alibaba", "offshore_training_share", "{name}"},
        {Scope::Company, "bytedance", "offshore_training_share", "{name}"},
        {Scope::Company, "deepseek", "offshore_training_share", "{name}"}}},
      {"frontier_gap", N_("Frontier gap behind the US"), Unit::Months, ChartKind::Lines,
       {{Scope::Bloc, "china", "frontier_gap_months", N_("Best in China")},
        {Scope::Company, "alibaba", "frontier_gap_months", "{name}"},
        {Scope::Company, "bytedance", "frontier_gap_months", "{name}"},
        {Scope::Company, "deepseek", "frontier_gap_months", "{name}"}}},
      {"nvidia_revenue", N_("Nvidia sales by destination, per month"), Unit::Usd, ChartKind::Stacked,
       {{Scope::Vendor, "nvidia", "revenue_to_{j}_usd", "{name}"}}},
      {"host_power", N_("Host-country AI power"), Unit::MW, ChartKind::Lines,
       {{Scope::Jurisdiction, "*in:sea", "power_mw", "{name}"}}},
      // Counted in chips; the KPI card "Huawei share (FLOP)" counts FLOP, so the titles say which.
      {"vendor_share_china", N_("Chip vendors in China, by chip count"), Unit::Share, ChartKind::Lines,
       {{Scope::Global, "world", "huawei_share_china", N_("Huawei")},
        {Scope::Global, "world", "nvidia_share_china", N_("Nvidia")},
        {Scope::Global, "world", "amd_share_china", N_("AMD")}}, false, "",
       {{Scope::Global, "world", "huawei_flop_share_china", N_("Huawei")},
        {Scope::Global, "world", "nvidia_flop_share_china", N_("Nvidia")},
        {Scope::Global, "world", "amd_flop_share_china", N_("AMD")}}, Unit::Share,
       N_("Chip vendors in China, by FLOP-H100e")},
      {"diverted", N_("Chips diverted, per month"), Unit::Units, ChartKind::Lines,
       {{Scope::Global, "world", "diverted_units", N_("All hosts")}}},
      {"us_fees", N_("US fees on licensed sales, per month"), Unit::Usd, ChartKind::Lines,
       {{Scope::Global, "world", "us_fee_revenue_usd", N_("US fees")}}},
  };
  // clang-format on
  return kCharts;
}

const char* chartTitle(const ChartSpec& spec, bool flop) {
  return flop && spec.flop_title ? spec.flop_title : spec.title;
}

std::string flopViewHelp() {
  std::string charts;
  for (const ChartSpec& spec : chartSpecs()) {
    if (spec.flop_series.empty()) continue;
    charts += (charts.empty() ? " \"" : "; \"") + std::string(cp::i18n::tr(spec.title)) + "\"";
  }
  return cp::i18n::tr("Switches only these charts to FLOP-H100e:") + charts + ". " +
         cp::i18n::tr(
             "The KPI cards, the tables and the other charts stay as they are (in H100e where they count "
             "compute). ") +
         cp::i18n::tr(
             "FLOP-H100e counts every chip at tflops / 989 (an H20 is 0.15), as published chip counts do; "
             "H100e counts chips in the measure of their purpose (an H20 for inference is ~0.67).");
}

const std::vector<ColumnSpec>& companyColumns() {
  // one row a chart, card or column (kept as written):
  // clang-format off
  static const std::vector<ColumnSpec> kColumns = {
      {N_("Training"), "compute_train_h100e", Unit::H100e, false, N_("Training compute (H100e)")},
      {N_("Inference"), "compute_infer_h100e", Unit::H100e, false, N_("Inference compute (H100e)")},
      {N_("Home"), "compute_home_h100e", Unit::H100e, false, N_("Owned chips at home (H100e)")},
      {N_("Abroad"), "compute_abroad_owned_h100e", Unit::H100e, false, N_("Owned chips in sites abroad (H100e)")},
      {N_("Leased"), "compute_leased_h100e", Unit::H100e, false, N_("Capacity leased at overseas sites (H100e)")},
      {N_("Grey"), "compute_grey_h100e", Unit::H100e, false, N_("Chips from the grey market (H100e)")},
      {N_("Largest run"), "largest_run_flop", Unit::Flop, false,
       // xgettext:no-c-format ("40% u" is not a printf directive here)
       N_("Largest feasible training run (FLOP): 3 months at 40% utilisation")},
      {N_("Gap"), "frontier_gap_months", Unit::Months, false, N_("Months behind the leading US lab in effective compute")},
      {N_("Offshore"), "offshore_training_share", Unit::Share, false, N_("Share of training compute outside the home country")},
  };
  // clang-format on
  return kColumns;
}

const std::vector<ColumnSpec>& chipColumns() {
  // one row a chart, card or column (kept as written):
  // clang-format off
  static const std::vector<ColumnSpec> kColumns = {
      {N_("Produced"), "produced_units", Unit::Units, false, N_("Units made this month")},
      {N_("Produced, all"), "produced_units", Unit::Units, true, N_("Units made since the start of the run")},
      {N_("Delivered"), "delivered_units", Unit::Units, false, N_("Units delivered to buyers this month")},
      {N_("Delivered, all"), "delivered_units", Unit::Units, true, N_("Units delivered since the start of the run")},
      {N_("Vendor stock"), "vendor_stock_units", Unit::Units, false, N_("Units made but not yet delivered")},
      {N_("Grey pool"), "grey_pool_units", Unit::Units, false, N_("Diverted units waiting on China's grey market")},
  };
  // clang-format on
  return kColumns;
}

const std::vector<KpiSpec>& kpiSpecs() {
  // one row a chart, card or column (kept as written):
  // clang-format off
  static const std::vector<KpiSpec> kKpis = {
      {"china_train", N_("China training compute"), Unit::H100e, {Scope::Bloc, "china", "compute_train_h100e"},
       KpiAggregate::Month, N_("Training compute available to Chinese companies (H100-equivalents), home and abroad."),
       N_("Higher: good for China's labs and government; US export policy aims to keep it lower.")},
      {"china_offshore", N_("China offshore training"), Unit::Share, {Scope::Bloc, "china", "offshore_training_share"},
       KpiAggregate::Month, N_("Share of Chinese training compute that runs outside China (owned abroad or leased)."),
       N_("Higher: more Chinese training on overseas sites, the route US rules on leasing aim to narrow.")},
      {"china_gap", N_("China frontier gap"), Unit::Months, {Scope::Bloc, "china", "frontier_gap_months"},
       KpiAggregate::Month, N_("How many months earlier the leading US lab had the effective compute of the best Chinese one."),
       N_("Higher: good for US export policy; Chinese labs want it lower.")},
      {"huawei_share", N_("Huawei share (FLOP)"), Unit::Share, {Scope::Global, "world", "huawei_flop_share_china"},
       KpiAggregate::Month, N_("Share of Chinese compute that runs on Huawei Ascend chips, counted in FLOP-H100e "
          "(tflops / 989 per chip, as in published chip counts). The chart 'Chip vendors in China, by chip count' "
          "counts chips instead, so the two Huawei shares differ."),
       N_("Higher: good for Beijing's self-reliance goal and Huawei; bad for Nvidia and AMD.")},
      {"nvidia_china", N_("Nvidia China revenue, 12 mo"), Unit::Usd, {Scope::Vendor, "nvidia", "revenue_china_usd"},
       KpiAggregate::Sum12, N_("Nvidia's sales to Chinese buyers over the 12 months up to this month."),
       N_("Higher: good for Nvidia (and US fees on licensed sales); export hawks want it lower.")},
      {"diverted", N_("Chips diverted, 12 mo"), Unit::Units, {Scope::Global, "world", "diverted_units"},
       KpiAggregate::Sum12, N_("AI chips leaked from host countries to China's grey market over the 12 months up to this month."),
       N_("Lower: good for US export policy and host countries' standing; higher helps Chinese buyers.")},
  };
  // clang-format on
  return kKpis;
}

}  // namespace cp::app
