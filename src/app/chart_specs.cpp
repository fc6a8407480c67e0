// The dashboard's charts and KPI cards, one row each (patterns: see chart_specs.h).
#include "app/chart_specs.h"

namespace chokepoint::app {

namespace {
using cp::Scope;
using chart::Unit;
}  // namespace

const std::vector<ChartSpec>& chartSpecs() {
    static const std::vector<ChartSpec> kCharts = {
        {"compute_by_bloc", "Compute by HQ bloc (train + infer)", Unit::H100e, ChartKind::Lines,
         {{Scope::Bloc, "*", "compute_train_h100e+compute_infer_h100e", "{name}"}}, /*log=*/true,
         {{Scope::Bloc, "*", "compute_flop_h100e", "{name}"}}},
        // Where the chips are, not who owns them: the headquarters view books SEA sites to their owners.
        {"chips_by_location", "Controlled chips by location (cumulative)", Unit::H100e, ChartKind::Lines,
         {{Scope::Jurisdiction, "*", "imports_cum_h100e", "{name}"}}, /*log=*/true},
        {"china_channels", "China's compute by channel", Unit::H100e, ChartKind::Stacked,
         {{Scope::Bloc, "china", "compute_home_nvidia_h100e", "Home: Nvidia"},
          {Scope::Bloc, "china", "compute_home_amd_h100e", "Home: AMD"},
          {Scope::Bloc, "china", "compute_home_huawei_h100e", "Home: Huawei"},
          {Scope::Bloc, "china", "compute_abroad_owned_h100e", "Owned abroad"},
          {Scope::Bloc, "china", "compute_leased_h100e", "Leased offshore"},
          {Scope::Bloc, "china", "compute_grey_h100e", "Grey market"}}},
        {"offshore_share", "China: offshore training", Unit::Share, ChartKind::Lines,
         {{Scope::Bloc, "china", "offshore_training_share", "All China"},
          {Scope::Company, "alibaba", "offshore_training_share", "{name}"},
          {Scope::Company, "bytedance", "offshore_training_share", "{name}"},
          {Scope::Company, "deepseek", "offshore_training_share", "{name}"}}},
        {"frontier_gap", "Frontier gap behind the US", Unit::Months, ChartKind::Lines,
         {{Scope::Bloc, "china", "frontier_gap_months", "Best in China"},
          {Scope::Company, "alibaba", "frontier_gap_months", "{name}"},
          {Scope::Company, "bytedance", "frontier_gap_months", "{name}"},
          {Scope::Company, "deepseek", "frontier_gap_months", "{name}"}}},
        {"nvidia_revenue", "Nvidia sales by destination", Unit::Usd, ChartKind::Stacked,
         {{Scope::Vendor, "nvidia", "revenue_to_{j}_usd", "{name}"}}},
        {"host_power", "Host-country AI power", Unit::MW, ChartKind::Lines,
         {{Scope::Jurisdiction, "*in:sea", "power_mw", "{name}"}}},
        {"vendor_share_china", "Chip vendors in China", Unit::Share, ChartKind::Lines,
         {{Scope::Global, "world", "huawei_share_china", "Huawei"},
          {Scope::Global, "world", "nvidia_share_china", "Nvidia"},
          {Scope::Global, "world", "amd_share_china", "AMD"}}, false,
         {{Scope::Global, "world", "huawei_flop_share_china", "Huawei"},
          {Scope::Global, "world", "nvidia_flop_share_china", "Nvidia"},
          {Scope::Global, "world", "amd_flop_share_china", "AMD"}}, Unit::Share},
        {"diverted", "Chips diverted, per month", Unit::Units, ChartKind::Lines,
         {{Scope::Global, "world", "diverted_units", "All hosts"}}},
        {"us_fees", "US fees on licensed sales", Unit::Usd, ChartKind::Lines,
         {{Scope::Global, "world", "us_fee_revenue_usd", "US fees"}}},
    };
    return kCharts;
}

const std::vector<ColumnSpec>& companyColumns() {
    static const std::vector<ColumnSpec> kColumns = {
        {"Training", "compute_train_h100e", Unit::H100e, false, "Training compute (H100e)"},
        {"Inference", "compute_infer_h100e", Unit::H100e, false, "Inference compute (H100e)"},
        {"Home", "compute_home_h100e", Unit::H100e, false, "Owned chips at home (H100e)"},
        {"Abroad", "compute_abroad_owned_h100e", Unit::H100e, false, "Owned chips in sites abroad (H100e)"},
        {"Leased", "compute_leased_h100e", Unit::H100e, false, "Capacity leased at overseas sites (H100e)"},
        {"Grey", "compute_grey_h100e", Unit::H100e, false, "Chips from the grey market (H100e)"},
        {"Largest run", "largest_run_flop", Unit::Flop, false, "Largest feasible training run (FLOP): 3 months at 40% utilisation"},
        {"Gap", "frontier_gap_months", Unit::Months, false, "Months behind the leading US lab in effective compute"},
        {"Offshore", "offshore_training_share", Unit::Share, false, "Share of training compute outside the home country"},
    };
    return kColumns;
}

const std::vector<ColumnSpec>& chipColumns() {
    static const std::vector<ColumnSpec> kColumns = {
        {"Produced", "produced_units", Unit::Units, false, "Units made this month"},
        {"Produced, all", "produced_units", Unit::Units, true, "Units made since the start of the run"},
        {"Delivered", "delivered_units", Unit::Units, false, "Units delivered to buyers this month"},
        {"Delivered, all", "delivered_units", Unit::Units, true, "Units delivered since the start of the run"},
        {"Vendor stock", "vendor_stock_units", Unit::Units, false, "Units made but not yet delivered"},
        {"Grey pool", "grey_pool_units", Unit::Units, false, "Diverted units waiting on China's grey market"},
    };
    return kColumns;
}

const std::vector<KpiSpec>& kpiSpecs() {
    static const std::vector<KpiSpec> kKpis = {
        {"china_train", "China training compute", Unit::H100e, {Scope::Bloc, "china", "compute_train_h100e"},
         KpiAggregate::Month, "Training compute available to Chinese companies (H100-equivalents), home and abroad.",
         "Higher: good for China's labs and government; US export policy aims to keep it lower."},
        {"china_offshore", "China offshore training", Unit::Share, {Scope::Bloc, "china", "offshore_training_share"},
         KpiAggregate::Month, "Share of Chinese training compute that runs outside China (owned abroad or leased).",
         "Higher: more Chinese training on overseas sites, the route US rules on leasing aim to narrow."},
        {"china_gap", "China frontier gap", Unit::Months, {Scope::Bloc, "china", "frontier_gap_months"},
         KpiAggregate::Month, "How many months earlier the leading US lab had the effective compute of the best Chinese one.",
         "Higher: good for US export policy; Chinese labs want it lower."},
        {"huawei_share", "Huawei share (FLOP)", Unit::Share, {Scope::Global, "world", "huawei_flop_share_china"},
         KpiAggregate::Month, "Share of Chinese compute that runs on Huawei Ascend chips, counted in FLOP-H100e "
         "(tflops / 989 per chip, as in published chip counts).",
         "Higher: good for Beijing's self-reliance goal and Huawei; bad for Nvidia and AMD."},
        {"nvidia_china", "Nvidia China revenue, 12 mo", Unit::Usd, {Scope::Vendor, "nvidia", "revenue_china_usd"},
         KpiAggregate::Sum12, "Nvidia's sales to Chinese buyers over the 12 months up to this month.",
         "Higher: good for Nvidia (and US fees on licensed sales); export hawks want it lower."},
        {"diverted", "Chips diverted, 12 mo", Unit::Units, {Scope::Global, "world", "diverted_units"},
         KpiAggregate::Sum12, "AI chips leaked from host countries to China's grey market over the 12 months up to this month.",
         "Lower: good for US export policy and host countries' standing; higher helps Chinese buyers."},
    };
    return kKpis;
}

}  // namespace chokepoint::app
