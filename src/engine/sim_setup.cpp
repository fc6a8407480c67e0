// Setup: dimensions, derived chip figures, initial fleets and the result series; run().
// The equations are documented, term by term, in src/engine/README.md.
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "engine/sim.h"

namespace cp::sim {

double Sim::budgetMonthly(int c, int t) const {
  const Company& co = s_.companies[c];
  const auto& pts = co.budget_usd_per_year.points;
  if (pts.empty()) return 0.0;
  double annual = in_.at(co.budget_usd_per_year, t);
  const int abs = in_.absMonth(t);
  if (abs > pts.back().first) {
    const double g = in_.at(co.budget_growth_per_year, t);
    annual *= std::pow(std::max(0.0, 1.0 + g), (abs - pts.back().first) / 12.0);
  }
  return std::max(0.0, annual / 12.0);
}

double Sim::sitePowerMwAt(int site, int t) const {
  const Site& st = s_.sites[site];
  const Jurisdiction& j = s_.jurisdictions[st.jurisdiction];
  // Growth since the start (scheduled points and the yearly rate) scales with the host's
  // power-growth multiplier (sea.power_growth).
  const double p0 = in_.at(st.power_mw, 0);
  const double grown = in_.at(st.power_mw, t) - p0 + in_.at(st.power_mw_per_year, t) * (t / 12.0);
  const double mw = p0 + grown * std::max(0.0, in_.at(j.power_growth_multiplier, t));
  return std::max(0.0, std::min(mw, in_.at(j.power_mw_cap, t)));
}

double Sim::guidanceStrengthAt(int c, int k, int t) const {
  if (!concernBloc(c)) return 0.0;
  double g = 0.0;
  for (const Guidance& gd : s_.china.guidance) {
    if (!in_.within(gd.from, gd.until, t)) continue;
    if (std::find(gd.chips.begin(), gd.chips.end(), k) == gd.chips.end()) continue;
    g = std::max(g, std::clamp(in_.at(gd.strength, t), 0.0, 1.0));
  }
  return g;
}

double Sim::diversionShare(int jur, int t) const {
  const Jurisdiction& j = s_.jurisdictions[jur];
  if (!j.host) return 0.0;
  const Params& p = s_.params;
  double d = std::clamp(in_.at(p.diversion_base, t), 0.0, 1.0) * std::clamp(in_.at(j.diversion_exposure, t), 0.0, 1.0);
  d *= 1.0 - std::clamp(in_.at(p.us_enforcement, t), 0.0, 1.0);
  const int abs = in_.absMonth(t);
  if (abs >= in_.at(p.location_verification_from, t))
    d *= 1.0 - std::clamp(in_.at(p.location_verification_effect, t), 0.0, 1.0);
  for (const HostPolicy& h : s_.host_policies) {
    if (h.jurisdiction != jur) continue;
    d *= 1.0 - std::clamp(in_.at(h.enforcement, t), 0.0, 1.0);
    if (abs >= in_.at(h.permit_from, t)) d *= 1.0 - std::clamp(in_.at(p.permit_effect, t), 0.0, 1.0);
  }
  return d;
}

void Sim::chipMonth(int t) {
  cm_.t = -1;  // lifeOf below reads the inputs
  cm_.price.resize(K_);
  cm_.power_w.resize(K_);
  cm_.life.resize(K_);
  cm_.life_months.resize(K_);
  for (int k = 0; k < K_; ++k) {
    cm_.price[k] = in_.at(s_.chips[k].price_usd, t);
    cm_.power_w[k] = in_.at(s_.chips[k].power_w, t);
    cm_.life[k] = lifeOf(k, t);
    cm_.life_months[k] = static_cast<int>(std::lround(cm_.life[k]));
  }
  cm_.site_mw.resize(S_);
  for (int si = 0; si < S_; ++si) cm_.site_mw[si] = sitePowerMwAt(si, t);
  cm_.guided.assign(static_cast<size_t>(C_) * K_, -1.0);
  cm_.t = t;
}

void Sim::addSiteFleet(int site, int k, double units, int t) {
  if (units <= 0) return;
  site_fleet_[static_cast<size_t>(site) * K_ + k] += units;
  site_mw_used_[site] += units * powerW(k, t) * in_.at(s_.sites[site].pue, t) / 1e6;
  const int end = t + lifeMonths(k, t);
  if (end < T_) retire_[end].push_back({-1, 0, 0, k, site, units});
}

void Sim::setup() {
  layout();
  startRun();
}

void Sim::layout() {
  T_ = std::max(1, s_.months());
  C_ = static_cast<int>(s_.companies.size());
  K_ = static_cast<int>(s_.chips.size());
  S_ = static_cast<int>(s_.sites.size());
  J_ = static_cast<int>(s_.jurisdictions.size());
  V_ = static_cast<int>(s_.vendors.size());
  B_ = static_cast<int>(s_.blocs.size());
  L_ = S_ + 2;
  r_ = Results(s_.start, T_);
  r_.scenario_name = s_.name;
  r_.seed = s_.seed;
  r_.version = CHOKEPOINT_VERSION;
  // Facts of the scenario read for every delivery: they hold for every run.
  company_bloc_.resize(C_);
  concern_.resize(C_);
  for (int c = 0; c < C_; ++c) {
    company_bloc_[c] = s_.jurisdictions[s_.companies[c].hq].bloc;
    concern_[c] = concernBloc(c);
  }
  chip_vendor_.resize(K_);
  for (int k = 0; k < K_; ++k) chip_vendor_[k] = s_.chips[k].vendor;
  vendor_pays_.resize(V_);
  for (int v = 0; v < V_; ++v) vendor_pays_[v] = s_.vendors[v].pays_revenue_share;
  cap_dest_.assign(s_.rules.size() * J_, 0);
  for (size_t ri = 0; ri < s_.rules.size(); ++ri)
    if (const auto* cap = std::get_if<VolumeCapRule>(&s_.rules[ri].spec))
      for (const int j : cap->destinations) cap_dest_[ri * J_ + j] = 1;
  // A cap measured against the reference market's volume of the same chip covers only the
  // chips that market's companies may buy: a chip made for China alone (its buyers list)
  // has no US volume to be measured against and is governed by its own licence rule.
  cap_chip_.assign(s_.rules.size() * static_cast<size_t>(K_), 0);
  for (size_t ri = 0; ri < s_.rules.size(); ++ri)
    if (const auto* cap = std::get_if<VolumeCapRule>(&s_.rules[ri].spec))
      for (int k = 0; k < K_; ++k) {
        const std::vector<int>& buyers = s_.chips[k].buyers;
        const bool reference_buys = buyers.empty() || std::any_of(buyers.begin(), buyers.end(), [&](int c) {
                                      return s_.companies[c].hq == cap->reference;
                                    });
        cap_chip_[ri * static_cast<size_t>(K_) + static_cast<size_t>(k)] = reference_buys ? 1 : 0;
      }
  // The rule timeline's rows; a reused run's are zeroed by Results::resetValues.
  r_.rule_active.assign(s_.rules.size(), std::vector<char>(static_cast<size_t>(T_), 0));
  addSeries();
  laid_out_ = true;
}

void Sim::startRun() {
  grandfather_all_ = true;
  violated_ = false;
  verdict_month_ = 0;
  // grey_stamp_ keeps counting from the last run, so no offer of that run can pass as fresh.
  trace_index_.clear();
  trace_budget_[0] = trace_budget_[1] = 0;
  cm_.t = -1;

  const double ref_tf = std::max(1e-9, in_.at(s_.params.reference_tflops, 0));
  const double ref_bw = std::max(1e-9, in_.at(s_.params.reference_hbm_tbps, 0));
  htrain_.resize(K_);
  hinfer_.resize(K_);
  for (int k = 0; k < K_; ++k) {
    const double tf = std::max(0.0, in_.at(s_.chips[k].tflops_bf16, 0));
    const double bw = std::max(0.0, in_.at(s_.chips[k].hbm_tbps, 0));
    htrain_[k] = tf / ref_tf;
    hinfer_[k] = 0.5 * tf / ref_tf + 0.5 * bw / ref_bw;
  }
  sizeState();
  initialFleets();
  companyLocations();
}

// Every per-run buffer at its size, zeroed (the month's own flows: MonthFlows).
void Sim::sizeState() {
  fleet_.assign(static_cast<size_t>(C_) * L_ * 2 * K_, 0.0);
  site_fleet_.assign(static_cast<size_t>(S_) * K_, 0.0);
  leased_.assign(static_cast<size_t>(C_) * S_ * 2, 0.0);
  payment_.assign(static_cast<size_t>(C_) * S_, 0.0);
  site_ratio_.assign(S_, 1.0);
  stock_.assign(K_, 0.0);
  grey_pool_.assign(K_, 0.0);
  backlog_.assign(static_cast<size_t>(C_) * 2, 0.0);
  budget_now_.assign(static_cast<size_t>(C_) * 2, 0.0);
  site_cap_.assign(S_, 0.0);
  site_free_.assign(S_, 0.0);
  divert_share_.assign(J_, 0.0);
  sale_cache_.assign(static_cast<size_t>(C_) * (S_ + 1) * K_, Verdict{});
  sale_ok_.assign(sale_cache_.size(), 0);
  buy_cost_.assign(sale_cache_.size(), BuyCost{});
  buy_ok_.assign(sale_cache_.size(), 0);
  lease_cache_.assign(static_cast<size_t>(C_) * S_ * 2, Verdict{});
  lease_ok_.assign(lease_cache_.size(), 0);
  site_mw_used_.assign(S_, 0.0);
  pending_mw_.assign(S_, 0.0);
  pending_h100e_.assign(S_, 0.0);
  imports_cum_.assign(J_, 0.0);
  cap_used_.assign(J_, 0.0);
  retire_.assign(T_, {});
  lease_end_.assign(T_, {});
  arrivals_.assign(T_, {});
  fleet_expected_.assign(C_, 0.0);
  effective_factor_.assign(T_, 1.0);
  for (int t = 1; t < T_; ++t)
    effective_factor_[t] =
        effective_factor_[t - 1] * std::pow(std::max(1e-9, in_.at(s_.params.algorithmic_progress, t)), 1.0 / 12.0);

  lease_price_.assign(S_, 0.0);
  lease_mult_.assign(S_, 1.0);
  for (int t = 0; t < T_; ++t)
    grandfather_all_ = grandfather_all_ && in_.flag(s_.params.installed_chips_grandfathered, t);
  if (!grandfather_all_) {
    was_restricted_.assign(static_cast<size_t>(C_) * (S_ + 1) * K_, 0);
    was_allowed_.assign(static_cast<size_t>(C_) * S_ * 2, 1.0);
  }
  // Empty option lists that keep their memory for a reused run (round 0 refills them).
  month_opts_.resize(static_cast<size_t>(C_) * 2);
  for (std::vector<Option>& opts : month_opts_) opts.clear();
  mo_.size(C_, K_, B_, V_, J_, S_, s_.rules.size());
  stock_before_.assign(K_, 0.0);
  last_sellable_.assign(K_, -1);
  gate_used_.assign(s_.china.import_gates.size() * static_cast<size_t>(C_), 0.0);
  gate_year_.assign(s_.china.import_gates.size(), -1);
  cap_left_.assign(J_, std::numeric_limits<double>::infinity());
  controlled_.assign(K_, 0);
  gated_chip_.assign(K_, 0);
  effective_.assign(gap_needed_ ? static_cast<size_t>(C_) * T_ : 0, 0.0);
}

void Sim::initialFleets() {
  // Initial fleets: chips bought before start retire on schedule; long-retired ones are dropped.
  for (int c = 0; c < C_; ++c) {
    const Company& co = s_.companies[c];
    const double ts = std::clamp(in_.at(co.training_share, 0), 0.0, 1.0);
    for (const FleetEntry& e : co.initial_fleet) {
      const int age_start = e.acquired - s_.start;  // <= 0 typically
      const int end = age_start + static_cast<int>(std::lround(lifeOf(e.chip, 0)));
      if (end <= 0) continue;
      const double units = std::max(0.0, in_.at(e.units, 0));
      const int loc = e.site < 0 ? 0 : e.site + 1;
      for (int p = 0; p < 2; ++p) {
        const double share = e.purpose < 0 ? (p == 0 ? ts : 1 - ts) : (e.purpose == p ? 1.0 : 0.0);
        const double u = units * share;
        if (u <= 0) continue;
        fleet_[fi(c, loc, p, e.chip)] += u;
        fleet_expected_[c] += u;
        if (loc >= 1) site_mw_used_[loc - 1] += u * in_.at(s_.chips[e.chip].power_w, 0) * pueOfLoc(c, loc, 0) / 1e6;
        if (end < T_) retire_[end].push_back({c, loc, p, e.chip, -1, u});
      }
    }
  }
  for (int si = 0; si < S_; ++si) {
    const Site& st = s_.sites[si];
    for (const auto& [k, n] : st.initial_units) {
      const double units = std::max(0.0, in_.at(n, 0));
      if (st.leasable) {
        addSiteFleet(si, k, units, 0);
      } else {
        const double ts = std::clamp(in_.at(s_.companies[st.operator_company].training_share, 0), 0.0, 1.0);
        addFleet(st.operator_company, si + 1, 0, k, units * ts, 0);
        addFleet(st.operator_company, si + 1, 1, k, units * (1 - ts), 0);
      }
    }
  }
}

// Where each company can hold chips: home, the sites it owns or starts in, the grey channel.
void Sim::companyLocations() {
  locs_.assign(C_, {});
  for (int c = 0; c < C_; ++c) {
    locs_[c].push_back(0);
    for (int si = 0; si < S_; ++si) {
      bool holds = !s_.sites[si].leasable && s_.sites[si].operator_company == c;
      for (const FleetEntry& e : s_.companies[c].initial_fleet) holds = holds || e.site == si;
      if (holds) locs_[c].push_back(si + 1);
    }
    locs_[c].push_back(L_ - 1);
  }
}

void Sim::addSeries() {
  company_metrics_ = {"compute_train_h100e",
                      "compute_infer_h100e",
                      "compute_home_h100e",
                      "compute_abroad_owned_h100e",
                      "compute_leased_h100e",
                      "compute_grey_h100e",
                      "offshore_training_share",
                      "largest_run_flop",
                      "effective_compute_flop",
                      "frontier_gap_months",
                      "spend_usd",
                      "spend_offshore_usd",
                      "backlog_usd"};
  for (const Vendor& v : s_.vendors) {
    company_metrics_.push_back(fmt::format("compute_{}_h100e", v.id));
    company_metrics_.push_back(fmt::format("compute_home_{}_h100e", v.id));
  }
  company_metrics_.push_back("compute_h100e");  // training + inference, each in its own measure
  // FLOP-H100e (tflops_bf16 / 989 whatever the purpose), the unit of published chip counts.
  company_metrics_.push_back("fleet_flop_h100e");  // owned at home and abroad, plus grey; not leased
  for (const Vendor& v : s_.vendors) company_metrics_.push_back(fmt::format("fleet_{}_flop_h100e", v.id));
  company_metrics_.push_back("compute_flop_h100e");  // fleet + leased
  jur_metrics_ = {"imports_h100e",  "imports_cum_h100e", "cap_used_h100e", "power_mw",       "lease_revenue_usd",
                  "diverted_units", "leasable_h100e",    "leased_h100e",   "lease_price_usd"};
  const std::string concern = s_.blocs.empty() ? "concern" : s_.blocs[s_.params.concern_bloc].id;
  vendor_metrics_ = {"revenue_usd", fmt::format("revenue_{}_usd", concern), "units_sold"};
  for (const Jurisdiction& j : s_.jurisdictions) vendor_metrics_.push_back(fmt::format("revenue_to_{}_usd", j.id));
  chip_metrics_ = {"produced_units", "delivered_units", "vendor_stock_units", "grey_pool_units"};
  // Units delivered to companies headquartered in each bloc, wherever installed (checks volume caps).
  for (const Bloc& b : s_.blocs) chip_metrics_.push_back(fmt::format("delivered_units_{}", b.id));
  global_metrics_ = {"us_fee_revenue_usd", "diverted_units"};
  for (const Vendor& v : s_.vendors) global_metrics_.push_back(fmt::format("{}_share_{}", v.id, concern));
  for (const Vendor& v : s_.vendors) global_metrics_.push_back(fmt::format("{}_flop_share_{}", v.id, concern));

  for (std::vector<int>* idx : {&cs_, &bs_, &js_, &vs_, &ks_, &gs_}) idx->clear();
  if (o_.record.all())
    r_.reserve((static_cast<size_t>(C_) + B_) * company_metrics_.size() + J_ * jur_metrics_.size() +
               V_ * vendor_metrics_.size() + K_ * chip_metrics_.size() + global_metrics_.size());
  for (int c = 0; c < C_; ++c)
    for (const auto& m : company_metrics_) cs_.push_back(addIf(Scope::Company, s_.companies[c].id, m));
  for (int b = 0; b < B_; ++b)
    for (const auto& m : company_metrics_) bs_.push_back(addIf(Scope::Bloc, s_.blocs[b].id, m));
  for (int j = 0; j < J_; ++j)
    for (const auto& m : jur_metrics_) js_.push_back(addIf(Scope::Jurisdiction, s_.jurisdictions[j].id, m));
  for (int v = 0; v < V_; ++v)
    for (const auto& m : vendor_metrics_) vs_.push_back(addIf(Scope::Vendor, s_.vendors[v].id, m));
  for (int k = 0; k < K_; ++k)
    for (const auto& m : chip_metrics_) ks_.push_back(addIf(Scope::Chip, s_.chips[k].id, m));
  for (const auto& m : global_metrics_) gs_.push_back(addIf(Scope::Global, "world", m));
  planRecording();
}

// Which of record()'s work the chosen series need. A company metric needs the month's flows,
// its training compute, all its fleets and leases, or also its leases' vendor mix; a bloc's sums need every company in
// it as much as its chosen metrics do; the world's vendor shares need the concern bloc's
// vendor mix; a frontier gap needs the effective compute of the frontier bloc's companies
// (the leader) besides its own.
void Sim::planRecording() {
  const size_t mc = company_metrics_.size();
  const auto chosen = [](const std::vector<int>& idx, size_t from, size_t n) {
    return std::any_of(idx.begin() + from, idx.begin() + from + n, [](int i) { return i >= 0; });
  };
  const auto need_of = [&](size_t i) {  // companyMetrics' positions
    if (i >= 10 && i <= 12) return kNeedFlows;
    if (i == 0 || (i >= 6 && i <= 9)) return kNeedTrain;  // training compute and what follows from it
    if (i >= 13 && i < companyTotalMetric() && (i - 13) % 2 == 0) return kNeedMix;  // compute_<vendor>_h100e
    return kNeedFleet;
  };
  const auto need_in = [&](const std::vector<int>& idx, size_t from) {
    char need = kNeedNone;
    for (size_t i = 0; i < mc; ++i)
      if (idx[from + i] >= 0) need = std::max<char>(need, need_of(i));
    return need;
  };
  bloc_need_.assign(B_, kNeedNone);
  for (int b = 0; b < B_; ++b) bloc_need_[b] = need_in(bs_, b * mc);
  const int concern = s_.params.concern_bloc;
  if (concern >= 0 && concern < B_ && chosen(gs_, 2, gs_.size() - 2)) bloc_need_[concern] = kNeedMix;
  gap_needed_ = false;
  for (int c = 0; c < C_; ++c) gap_needed_ = gap_needed_ || cs_[c * mc + 9] >= 0;
  for (int b = 0; b < B_; ++b) gap_needed_ = gap_needed_ || bs_[b * mc + 9] >= 0;
  company_need_.assign(C_, kNeedNone);
  bool any_mix = false;
  for (int c = 0; c < C_; ++c) {
    if (s_.companies[c].kind == CompanyKind::Operator) continue;
    const int b = company_bloc_[c];
    char need = std::max(need_in(cs_, c * mc), bloc_need_[b]);
    if (gap_needed_ && b == s_.params.frontier_bloc) need = std::max<char>(need, kNeedTrain);
    company_need_[c] = need;
    any_mix = any_mix || need == kNeedMix;
  }
  // jur_metrics_ positions: 3 power_mw; 4 lease_revenue_usd, 6 leasable, 7 leased, 8 lease_price_usd.
  const size_t mj = jur_metrics_.size();
  const auto jur = [&](int j, size_t i) { return js_[j * mj + i] >= 0; };
  jur_chosen_.assign(J_, 0);
  jur_power_.assign(J_, 0);
  jur_sites_.assign(J_, 0);
  bool any_sites = false;
  jur_needed_ = false;
  power_needed_ = false;
  for (int j = 0; j < J_; ++j) {
    jur_chosen_[j] = chosen(js_, j * mj, mj);
    jur_power_[j] = jur(j, 3);
    jur_sites_[j] = jur(j, 4) || jur(j, 6) || jur(j, 7) || jur(j, 8);
    any_sites = any_sites || jur_sites_[j];
    jur_needed_ = jur_needed_ || jur_power_[j] || jur_sites_[j];
    power_needed_ = power_needed_ || jur_power_[j];
  }
  sites_needed_ = any_sites || any_mix;
}

Results Sim::run() {
  setup();
  runMonths();
  laid_out_ = false;  // the series leave with the results
  return std::move(r_);
}

const Results& Sim::rerun(std::span<const double> uncertain) {
  in_.setUncertain(s_, uncertain);
  if (laid_out_)
    r_.resetValues();  // the last run's values (a fresh layout is all zeros already)
  else
    layout();
  startRun();
  runMonths();
  return r_;
}

void Sim::runMonths() {
  for (int t = 0; t < T_; ++t) {
    step(t);
    if (violated_ && o_.stop_at_first_violation) break;
  }
  if (gap_needed_) frontierGap();
}

}  // namespace cp::sim

namespace cp::sim {

void MonthFlows::size(int companies, int chips, int blocs, int vendors, int jurisdictions, int sites, size_t rules) {
  const auto n = [](int a, int b = 1) { return static_cast<size_t>(a) * static_cast<size_t>(b); };
  unfilled.assign(n(companies, 2), 0.0);
  spend.assign(n(companies), 0.0);
  spend_offshore.assign(n(companies), 0.0);
  produced.assign(n(chips), 0.0);
  delivered.assign(n(chips), 0.0);
  delivered_bloc.assign(n(chips, blocs), 0.0);
  cap_dest.assign(rules * n(chips), 0.0);
  cap_ref.assign(rules * n(chips), 0.0);
  shut.assign(n(companies, chips), 0);
  vendor_rev.assign(n(vendors), 0.0);
  vendor_rev_concern.assign(n(vendors), 0.0);
  vendor_units.assign(n(vendors), 0.0);
  vendor_rev_jur.assign(n(vendors, jurisdictions), 0.0);
  imports_month.assign(n(jurisdictions), 0.0);
  diverted_jur.assign(n(jurisdictions), 0.0);
  lease_unmet.assign(n(sites), 0.0);
  reset();
}

void MonthFlows::reset() {
  newRound();
  for (std::vector<double>* v :
       {&unfilled, &spend, &spend_offshore, &produced, &delivered, &delivered_bloc, &cap_dest, &cap_ref, &vendor_rev,
        &vendor_rev_concern, &vendor_units, &vendor_rev_jur, &imports_month, &diverted_jur, &lease_unmet})
    std::fill(v->begin(), v->end(), 0.0);
  std::fill(shut.begin(), shut.end(), 0);
  fee_revenue = 0;
  diverted_total = 0;
}

}  // namespace cp::sim
