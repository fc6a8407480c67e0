// [SECTION] index
//   setup      - dimensions, derived chip figures, initial fleets, result series
//   month      - production, retirements, choices, rationing, operators, diversion
//   metrics    - per-month outputs, then the frontier gap after the run
// The equations are documented, term by term, in src/engine/README.md.
#include "engine/simulate.h"

#include "engine/text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "engine/inputs.h"
#include "engine/rules.h"

namespace cp {
namespace {

constexpr double kHoursPerMonth = 730.0;
constexpr double kSecondsPerMonth = 30.436875 * 86400.0;
constexpr double kMinApproval = 0.05;  // a licence approved 5% of the time looks 20x dearer, not infinitely
constexpr int kRounds = 3;
constexpr double kMinUnits = 0.5;  // less than half a chip left counts as sold out  // unfilled budget is offered again to options that still have supply
constexpr double kMaxGapMonths = 240.0;

enum class OptionKind { Buy, Lease, Grey };

struct Option {
  OptionKind kind = OptionKind::Buy;
  int chip = -1, loc = 0, site = -1;
  double cost = 0;    // perceived USD per H100e-month of the purpose
  double factor = 1;  // multiplies the logit weight (partly effective rules)
  bool offshore = false;
  double share = 0;
  Verdict verdict;
  double guided = 0;  // share of demand Beijing's guidance cuts
};

struct Order {
  int company = -1;  // -1: operator order for a leasable site
  int buyer = -1;    // the company that pays: `company`, or the site's operator
  int purpose = 0, loc = 0, chip = 0, jur = 0, site = -1;
  double units = 0, spend = 0, unit_price = 0, fee_share = 0;
  double delivered = 0;
  double scale = 1;  // this round's fill after caps and rationing
  bool offshore = false, veu = false;
};

struct LeaseReq { int company, purpose, site; double h100e, spend, allowed; };  // allowed: share a partial rule lets through
struct GreyReq { int company, purpose; double spend; };
struct Retire { int company, loc, purpose, chip, site; double units; };  // company -1: site fleet
struct LeaseEnd { int company, site, purpose; double h100e, payment; };
struct Arrival { int site, chip; double units, h100e, mw; };

class Sim {
 public:
  Sim(const Scenario& s, const RunOptions& o, const Text& text) : s_(s), o_(o), text_(text), in_(s, o.uncertain) {}
  Results run();

 private:
  // [SECTION] setup
  void setup();
  void addSeries();
  size_t fi(int c, int loc, int p, int k) const { return ((static_cast<size_t>(c) * L_ + loc) * 2 + p) * K_ + k; }
  int jurOfLoc(int c, int loc) const {
    return (loc >= 1 && loc <= S_) ? s_.sites[loc - 1].jurisdiction : s_.companies[c].hq;
  }
  double pueOfLoc(int c, int loc, int t) const {
    return (loc >= 1 && loc <= S_) ? in_.at(s_.sites[loc - 1].pue, t) : in_.at(s_.jurisdictions[jurOfLoc(c, loc)].pue, t);
  }
  double lifeOf(int k, int t) const {
    const double l = in_.at(s_.chips[k].life_months, t);
    return std::max(1.0, l > 0 ? l : in_.at(s_.params.chip_life_months, t));
  }
  double powerCostMonth(int k, int jur, double pue, int t) const {
    return in_.at(s_.chips[k].power_w, t) / 1000.0 * pue * kHoursPerMonth *
           in_.at(s_.jurisdictions[jur].electricity_usd_per_mwh, t) / 1000.0;
  }
  double budgetMonthly(int c, int t) const;
  double sitePowerMw(int site, int t) const;
  bool concernBloc(int c) const { return s_.jurisdictions[s_.companies[c].hq].bloc == s_.params.concern_bloc; }
  bool domestic(int c, int k) const { return s_.vendors[s_.chips[k].vendor].origin == s_.companies[c].hq; }
  double guidanceStrength(int c, int k, int t) const;
  double diversionShare(int jur, int t) const;
  void addFleet(int c, int loc, int p, int k, double units, int t);
  void addSiteFleet(int site, int k, double units, int t);

  // Verdicts are asked many times a month (purposes, rounds): compute each once.
  const Verdict& saleVerdict(int c, int loc, int k, int jur) {
    const size_t i = (static_cast<size_t>(c) * (S_ + 1) + loc) * K_ + k;
    if (!sale_ok_[i]) {
      sale_cache_[i] = evaluateSale(s_, in_, rm_, k, c, jur);
      sale_ok_[i] = 1;
    }
    return sale_cache_[i];
  }
  const Verdict& leaseVerdict(int c, int site, int p) {
    const size_t i = (static_cast<size_t>(c) * S_ + site) * 2 + p;
    if (!lease_ok_[i]) {
      lease_cache_[i] = evaluateLease(s_, in_, rm_, c, site, static_cast<Purpose>(p));
      lease_ok_[i] = 1;
    }
    return lease_cache_[i];
  }

  // The traced company's options, merged over the month's rounds, keyed by what they buy.
  int traceEntry(OptionKind kind, int what, int loc, int p) {
    const auto key = std::make_tuple(static_cast<int>(kind), what, loc, p);
    auto it = trace_index_.find(key);
    if (it != trace_index_.end()) return it->second;
    r_.trace.push_back(OptionTrace{});
    r_.trace.back().purpose = p;
    trace_index_[key] = static_cast<int>(r_.trace.size()) - 1;
    return static_cast<int>(r_.trace.size()) - 1;
  }
  bool traced(int c, int t) const { return c == o_.trace_company && in_.absMonth(t) == o_.trace_month; }
  void tracePaid(OptionKind kind, int what, int loc, int p, double paid) {
    auto it = trace_index_.find(std::make_tuple(static_cast<int>(kind), what, loc, p));
    if (it != trace_index_.end()) r_.trace[it->second].paid_usd += paid;
  }

  // Is any buyer allowed this chip this month (at home, or an operator at its site)?
  bool sellable(int k) {
    for (int c = 0; c < C_; ++c)
      if (saleVerdict(c, 0, k, s_.companies[c].hq).status != Status::Denied) return true;
    for (int si = 0; si < S_; ++si) {
      const Site& st = s_.sites[si];
      if (saleVerdict(st.operator_company, si + 1, k, st.jurisdiction).status != Status::Denied) return true;
    }
    return false;
  }

  // [SECTION] month
  void step(int t);
  void production(int t);
  void retire(int t);
  void choose(int t, int round);
  void chooseFor(int c, int p, double budget, int t, int round);
  void siteCapacity();
  void rationChips(int t, int round);
  bool capDest(size_t rule, const Order& o) const {
    const Rule& r = s_.rules[rule];
    const auto has = [&](int j) { return std::find(r.destinations.begin(), r.destinations.end(), j) != r.destinations.end(); };
    return has(o.jur) || has(s_.companies[o.buyer].hq);
  }
  bool capRef(size_t rule, const Order& o) const { return s_.companies[o.buyer].hq == s_.rules[rule].reference; }
  bool gateQuotaApplies(size_t g, const Order& o) const {
    return o.company >= 0 && rm_.gates(static_cast<int>(g), o.chip) && s_.jurisdictions[o.jur].country_of_concern &&
           s_.companies[o.company].hq == o.jur;
  }
  void limitByImportQuotas(int t);
  void limitByVolumeCaps(int t);
  void rationLeases(int t);
  void rationGrey(int t);
  void operatorsOrder(int t);
  void carryBacklog(int t);
  void stopRestricted(int t);
  void traceRestrictionStarts(int t);
  void moveLeasePrices(int t);

  // [SECTION] metrics
  void record(int t);
  void check(int t);
  void frontierGap();

  const Scenario& s_;
  const RunOptions& o_;
  const Text& text_;  // the trace's sentences (English unless the caller translates)
  Inputs in_;
  Results r_;
  int T_ = 0, C_ = 0, K_ = 0, S_ = 0, J_ = 0, V_ = 0, B_ = 0, L_ = 0;

  std::vector<double> htrain_, hinfer_;             // per chip
  std::vector<std::vector<int>> locs_;              // per company: home, owned sites, grey
  std::vector<double> lease_price_;                 // per site, this month
  std::vector<double> fleet_, site_fleet_;          // units
  std::vector<double> leased_, payment_;            // H100e-train, USD/month
  std::vector<double> site_ratio_;                  // inference/training H100e of a site's fleet
  std::vector<double> stock_, grey_pool_;           // per chip
  std::vector<double> backlog_, budget_now_;        // per company x purpose
  std::vector<double> site_cap_, site_free_;        // leasable H100e, and the part not yet leased
  RuleMonth rm_;
  std::vector<std::vector<Option>> month_opts_;  // company x purpose, built in round 0
  std::map<std::tuple<int, int, int, int>, int> trace_index_;
  double trace_budget_[2] = {0, 0};
  std::vector<Option> opts_, denied_;
  std::vector<Verdict> sale_cache_, lease_cache_;
  std::vector<char> sale_ok_, lease_ok_;
  // A buy option's cost before dividing by the purpose's H100e, and Beijing's guidance on it:
  // the same for both purposes, so the second purpose reuses the first's (same index as sales).
  struct BuyCost {
    double cost = 0, guided = 0;
  };
  std::vector<BuyCost> buy_cost_;
  std::vector<char> buy_ok_;
  std::vector<double> divert_share_;                // per jurisdiction, this month
  std::vector<double> site_mw_used_, pending_mw_, pending_h100e_;
  std::vector<double> imports_month_, imports_cum_, cap_used_;  // per jurisdiction
  std::vector<std::vector<Retire>> retire_;
  std::vector<std::vector<LeaseEnd>> lease_end_;
  std::vector<std::vector<Arrival>> arrivals_;
  std::vector<double> effective_factor_;  // algorithmic progress, cumulative

  // this month's flows
  std::vector<Order> orders_;
  std::vector<LeaseReq> lease_reqs_;
  std::vector<GreyReq> grey_reqs_;
  std::vector<double> unfilled_;  // company x purpose, USD
  std::vector<double> spend_, spend_offshore_;  // company
  std::vector<double> produced_, delivered_, stock_before_;  // chip
  std::vector<int> last_sellable_;                          // chip: last month it could be sold (-1 none)
  std::vector<double> delivered_bloc_;                        // chip x bloc of the buyer's HQ
  std::vector<double> cap_dest_, cap_ref_;                    // per rule: volume-capped deliveries this month
  std::vector<char> shut_;  // company x chip: a cap or quota left nothing this month; later rounds skip it
  std::vector<size_t> caps_now_;  // volume-cap rules in force this month
  std::vector<double> gate_used_;                             // per gate x company: units in the quota year
  bool grandfather_all_ = true;      // installed chips and signed leases always survive new restrictions
  std::vector<char> was_restricted_;    // company x (home + sites) x chip, last month
  std::vector<double> was_allowed_;     // company x site x purpose: lease share allowed last month
  std::vector<double> lease_mult_;      // per site: scarcity multiplier on the scheduled lease price
  std::vector<int> gate_year_;                                // per gate: the quota year gate_used_ counts
  std::vector<double> vendor_rev_, vendor_rev_concern_, vendor_units_, vendor_rev_jur_;
  std::vector<double> lease_unmet_, diverted_jur_;
  std::vector<double> cap_left_;
  std::vector<char> controlled_;
  double fee_revenue_ = 0, diverted_total_ = 0;
  std::vector<double> fleet_expected_;  // company totals for the conservation check

  // series indices
  std::vector<int> cs_, bs_, js_, vs_, ks_, gs_;
  std::vector<std::string> company_metrics_, jur_metrics_, vendor_metrics_, chip_metrics_, global_metrics_;
  bool violated_ = false;
};

// ---------------------------------------------------------------- setup

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

double Sim::sitePowerMw(int site, int t) const {
  const Site& st = s_.sites[site];
  const Jurisdiction& j = s_.jurisdictions[st.jurisdiction];
  // Growth since the start (scheduled points and the yearly rate) scales with the host's
  // power-growth multiplier (sea.power_growth).
  const double p0 = in_.at(st.power_mw, 0);
  const double grown = in_.at(st.power_mw, t) - p0 + in_.at(st.power_mw_per_year, t) * (t / 12.0);
  const double mw = p0 + grown * std::max(0.0, in_.at(j.power_growth_multiplier, t));
  return std::max(0.0, std::min(mw, in_.at(j.power_mw_cap, t)));
}

double Sim::guidanceStrength(int c, int k, int t) const {
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

void Sim::addFleet(int c, int loc, int p, int k, double units, int t) {
  if (units <= 0) return;
  fleet_[fi(c, loc, p, k)] += units;
  fleet_expected_[c] += units;
  if (loc >= 1 && loc <= S_)
    site_mw_used_[loc - 1] += units * in_.at(s_.chips[k].power_w, t) * pueOfLoc(c, loc, t) / 1e6;
  const int end = t + static_cast<int>(std::lround(lifeOf(k, t)));
  if (end < T_) retire_[end].push_back({c, loc, p, k, -1, units});
}

void Sim::addSiteFleet(int site, int k, double units, int t) {
  if (units <= 0) return;
  site_fleet_[static_cast<size_t>(site) * K_ + k] += units;
  site_mw_used_[site] += units * in_.at(s_.chips[k].power_w, t) * in_.at(s_.sites[site].pue, t) / 1e6;
  const int end = t + static_cast<int>(std::lround(lifeOf(k, t)));
  if (end < T_) retire_[end].push_back({-1, 0, 0, k, site, units});
}

void Sim::setup() {
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
  imports_month_.assign(J_, 0.0);
  imports_cum_.assign(J_, 0.0);
  cap_used_.assign(J_, 0.0);
  retire_.assign(T_, {});
  lease_end_.assign(T_, {});
  arrivals_.assign(T_, {});
  fleet_expected_.assign(C_, 0.0);
  effective_factor_.assign(T_, 1.0);
  for (int t = 1; t < T_; ++t)
    effective_factor_[t] = effective_factor_[t - 1] * std::pow(std::max(1e-9, in_.at(s_.params.algorithmic_progress, t)), 1.0 / 12.0);

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
  lease_price_.assign(S_, 0.0);
  lease_mult_.assign(S_, 1.0);
  for (int t = 0; t < T_; ++t) grandfather_all_ = grandfather_all_ && in_.flag(s_.params.installed_chips_grandfathered, t);
  if (!grandfather_all_) {
    was_restricted_.assign(static_cast<size_t>(C_) * (S_ + 1) * K_, 0);
    was_allowed_.assign(static_cast<size_t>(C_) * S_ * 2, 1.0);
  }
  month_opts_.assign(static_cast<size_t>(C_) * 2, {});
  addSeries();
}

void Sim::addSeries() {
  company_metrics_ = {"compute_train_h100e", "compute_infer_h100e", "compute_home_h100e",
                      "compute_abroad_owned_h100e", "compute_leased_h100e", "compute_grey_h100e",
                      "offshore_training_share", "largest_run_flop", "effective_compute_flop",
                      "frontier_gap_months", "spend_usd", "spend_offshore_usd", "backlog_usd"};
  for (const Vendor& v : s_.vendors) {
    company_metrics_.push_back(fmt::format("compute_{}_h100e", v.id));
    company_metrics_.push_back(fmt::format("compute_home_{}_h100e", v.id));
  }
  company_metrics_.push_back("compute_h100e");  // training + inference, each in its own measure
  // FLOP-H100e (tflops_bf16 / 989 whatever the purpose), the unit of published chip counts.
  company_metrics_.push_back("fleet_flop_h100e");  // owned at home and abroad, plus grey; not leased
  for (const Vendor& v : s_.vendors) company_metrics_.push_back(fmt::format("fleet_{}_flop_h100e", v.id));
  company_metrics_.push_back("compute_flop_h100e");  // fleet + leased
  for (int c = 0; c < C_; ++c)
    for (const auto& m : company_metrics_) cs_.push_back(r_.add(Scope::Company, s_.companies[c].id, m));
  for (int b = 0; b < B_; ++b)
    for (const auto& m : company_metrics_) bs_.push_back(r_.add(Scope::Bloc, s_.blocs[b].id, m));
  jur_metrics_ = {"imports_h100e", "imports_cum_h100e", "cap_used_h100e", "power_mw", "lease_revenue_usd",
                  "diverted_units", "leasable_h100e", "leased_h100e", "lease_price_usd"};
  for (int j = 0; j < J_; ++j)
    for (const auto& m : jur_metrics_) js_.push_back(r_.add(Scope::Jurisdiction, s_.jurisdictions[j].id, m));
  const std::string concern = s_.blocs.empty() ? "concern" : s_.blocs[s_.params.concern_bloc].id;
  vendor_metrics_ = {"revenue_usd", fmt::format("revenue_{}_usd", concern), "units_sold"};
  for (const Jurisdiction& j : s_.jurisdictions) vendor_metrics_.push_back(fmt::format("revenue_to_{}_usd", j.id));
  for (int v = 0; v < V_; ++v)
    for (const auto& m : vendor_metrics_) vs_.push_back(r_.add(Scope::Vendor, s_.vendors[v].id, m));
  chip_metrics_ = {"produced_units", "delivered_units", "vendor_stock_units", "grey_pool_units"};
  // Units delivered to companies headquartered in each bloc, wherever installed (checks volume caps).
  for (const Bloc& b : s_.blocs) chip_metrics_.push_back(fmt::format("delivered_units_{}", b.id));
  for (int k = 0; k < K_; ++k)
    for (const auto& m : chip_metrics_) ks_.push_back(r_.add(Scope::Chip, s_.chips[k].id, m));
  global_metrics_ = {"us_fee_revenue_usd", "diverted_units"};
  for (const Vendor& v : s_.vendors) global_metrics_.push_back(fmt::format("{}_share_{}", v.id, concern));
  for (const Vendor& v : s_.vendors) global_metrics_.push_back(fmt::format("{}_flop_share_{}", v.id, concern));
  for (const auto& m : global_metrics_) gs_.push_back(r_.add(Scope::Global, "world", m));
}

// ---------------------------------------------------------------- month

void Sim::production(int t) {
  for (int k = 0; k < K_; ++k) {
    const Chip& ch = s_.chips[k];
    stock_before_[k] = stock_[k];
    double units = 0.0;
    if (in_.within(ch.available_from, ch.end_of_sale, t)) {
      units = std::max(0.0, in_.at(ch.production, t));
      if (!ch.production_usd.points.empty())
        units += std::max(0.0, in_.at(ch.production_usd, t)) / std::max(1e-9, in_.at(ch.price_usd, t));
      for (const SupplyCap& cap : ch.caps) {
        const SupplyInput& si = s_.supply_inputs[cap.input];
        const double v0 = in_.at(si.schedule, 0);
        const double v = v0 + (in_.at(si.schedule, t) - v0) * std::max(0.0, in_.at(si.growth_multiplier, t));
        const double avail = std::max(0.0, v * std::max(0.0, in_.at(si.multiplier, t)));
        const double per_unit = in_.at(cap.per_unit, t);
        if (per_unit > 0) units = std::min(units, avail * std::clamp(in_.at(cap.share, t), 0.0, 1.0) / per_unit);
      }
    }
    // A vendor makes a chip only while someone may buy it, and stops adding to a stock that
    // already holds max_stock_months of output (so a banned chip is not built for nobody).
    // Output already in production (pipeline_months) when a rule stops every sale is made
    // anyway and waits in stock, as Nvidia's H20s did in April 2025.
    if (units > 0) {
      if (sellable(k)) last_sellable_[k] = t;
      else if (last_sellable_[k] < 0 || t - last_sellable_[k] > in_.at(ch.pipeline_months, t)) units = 0;
    }
    const double stock_cap = units * std::max(0.0, in_.at(s_.params.max_stock_months, t));
    units = std::min(units, std::max(0.0, stock_cap - stock_[k]));
    produced_[k] = units;
    stock_[k] += units;
  }
}

void Sim::retire(int t) {
  for (const Retire& r : retire_[t]) {
    if (r.company >= 0) {
      double& f = fleet_[fi(r.company, r.loc, r.purpose, r.chip)];
      const double u = std::min(f, r.units);
      f -= u;
      fleet_expected_[r.company] -= r.units;
      if (r.loc >= 1 && r.loc <= S_)
        site_mw_used_[r.loc - 1] = std::max(0.0, site_mw_used_[r.loc - 1] - u * in_.at(s_.chips[r.chip].power_w, t) *
                                                                      pueOfLoc(r.company, r.loc, t) / 1e6);
    } else {
      double& f = site_fleet_[static_cast<size_t>(r.site) * K_ + r.chip];
      const double u = std::min(f, r.units);
      f -= u;
      site_mw_used_[r.site] = std::max(0.0, site_mw_used_[r.site] - u * in_.at(s_.chips[r.chip].power_w, t) *
                                                                      in_.at(s_.sites[r.site].pue, t) / 1e6);
    }
  }
  for (const LeaseEnd& e : lease_end_[t]) {
    double& l = leased_[(static_cast<size_t>(e.company) * S_ + e.site) * 2 + e.purpose];
    l = std::max(0.0, l - e.h100e);
    double& pay = payment_[static_cast<size_t>(e.company) * S_ + e.site];
    pay = std::max(0.0, pay - e.payment);
  }
}

void Sim::choose(int t, int round) {
  if (round == 0) siteCapacity();  // options (and their site ratios) are built in round 0
  std::vector<double> carry(unfilled_);
  std::fill(unfilled_.begin(), unfilled_.end(), 0.0);
  for (int c = 0; c < C_; ++c) {
    const Company& co = s_.companies[c];
    if (co.kind == CompanyKind::Operator) continue;
    const double budget = round == 0 ? budgetMonthly(c, t) : 0.0;
    const double ts = std::clamp(in_.at(co.training_share, t), 0.0, 1.0);
    for (int p = 0; p < 2; ++p) {
      double b = carry[c * 2 + p];
      if (round == 0) {
        const double own = budget * (p == 0 ? ts : 1 - ts);
        budget_now_[c * 2 + p] = own;
        b = own + backlog_[c * 2 + p];
        backlog_[c * 2 + p] = 0.0;
      }
      if (b > 0) chooseFor(c, p, b, t, round);
    }
  }
}

void Sim::siteCapacity() {
  for (int si = 0; si < S_; ++si) {
    double cap = 0, inf = 0, used = 0;
    for (int k = 0; k < K_; ++k) {
      cap += site_fleet_[static_cast<size_t>(si) * K_ + k] * htrain_[k];
      inf += site_fleet_[static_cast<size_t>(si) * K_ + k] * hinfer_[k];
    }
    for (int c = 0; c < C_; ++c)
      used += leased_[(static_cast<size_t>(c) * S_ + si) * 2] + leased_[(static_cast<size_t>(c) * S_ + si) * 2 + 1];
    site_cap_[si] = cap;
    site_free_[si] = std::max(0.0, cap - used);
    site_ratio_[si] = cap > 0 ? inf / cap : 1.0;
  }
}

void Sim::chooseFor(int c, int p, double budget, int t, int round) {
  const Company& co = s_.companies[c];
  const Params& pa = s_.params;
  const double premium = std::max(0.0, in_.at(pa.preference_premium, t));
  const double will = std::clamp(in_.at(co.offshore_willingness, t), 0.0, 1.0);
  const double tol = std::clamp(in_.at(co.grey_tolerance, t), 0.0, 1.0);
  const double dom = std::clamp(in_.at(co.domestic_preference, t), 0.0, 1.0);
  const bool tracing = o_.trace_company == c && in_.absMonth(t) == o_.trace_month;
  const double subsidy = concernBloc(c) ? std::clamp(in_.at(s_.china.domestic_subsidy, t), 0.0, 1.0) : 0.0;
  const double risk = std::max(0.0, in_.at(pa.licence_risk_premium, t));
  std::vector<Option>& opts = opts_;
  std::vector<Option>& denied = denied_;  // for the trace only
  opts.clear();
  denied.clear();
  // Costs hold for the whole month: build the buy and lease options once (round 0) and
  // in later rounds keep those that still have stock.
  std::vector<Option>& cached = month_opts_[static_cast<size_t>(c) * 2 + p];
  if (round > 0) {
    for (const Option& o : cached) {
      if (o.kind == OptionKind::Buy && stock_[o.chip] < kMinUnits) continue;
      if (o.kind == OptionKind::Buy && shut_[static_cast<size_t>(c) * K_ + o.chip]) continue;  // capped out: money goes elsewhere
      // A partly effective lease rule stays on offer: round 0's shares are set against the
      // cheapest option, which often sells out, so most lease demand arrives in later rounds.
      // Each round the rule refuses its share again, and the leased amount falls by ~c.
      opts.push_back(o);
    }
  } else {
  cached.clear();
  // Buy: at home and at each site this company owns abroad.
  for (int loc : locs_[c]) {
    if (loc == L_ - 1) continue;  // the grey channel is not bought from vendors
    if (loc >= 1 && (will <= 0 || s_.sites[loc - 1].leasable || s_.sites[loc - 1].operator_company != c)) continue;
    if (loc >= 1 && sitePowerMw(loc - 1, t) - site_mw_used_[loc - 1] < 0.01) continue;  // full: no room to install
    const int jur = jurOfLoc(c, loc);
    for (int k = 0; k < K_; ++k) {
      // Denied chips are listed for the why panel even when none are in stock.
      if (stock_[k] < kMinUnits && !(tracing && round == 0)) continue;
      const Verdict& v = saleVerdict(c, loc, k, jur);
      if (stock_[k] < kMinUnits && v.status != Status::Denied) continue;
      const double h = p == 0 ? htrain_[k] : hinfer_[k];
      if (h <= 0) continue;
      const size_t bi = (static_cast<size_t>(c) * (S_ + 1) + loc) * K_ + k;
      if (!buy_ok_[bi]) {
        const double price = in_.at(s_.chips[k].price_usd, t);
        const double paid = price * (1 + v.fee_share) * (domestic(c, k) ? 1 - subsidy : 1.0);
        double cost = paid / lifeOf(k, t) + powerCostMonth(k, jur, pueOfLoc(c, loc, t), t);
        if (v.status == Status::Licence) cost *= (1 + risk) / std::max(kMinApproval, v.approval);
        if (domestic(c, k)) cost *= 1 - premium * dom;
        if (loc >= 1) cost *= 1 + premium * (1 - will);
        buy_cost_[bi] = {cost, guidanceStrength(c, k, t)};
        buy_ok_[bi] = 1;
      }
      Option o{OptionKind::Buy, k, loc, loc - 1, 0, 1, loc >= 1, 0, v};
      o.cost = buy_cost_[bi].cost / h;
      o.guided = buy_cost_[bi].guided;
      if (v.status == Status::Denied) {
        if (tracing && round == 0 && v.reason != Reason::NotForSale) denied.push_back(o);
        continue;
      }
      opts.push_back(o);
    }
  }
  // Lease capacity at overseas sites.
  if (will > 0) {
    for (int si = 0; si < S_; ++si) {
      const Site& st = s_.sites[si];
      if (!st.leasable || st.jurisdiction == co.hq) continue;
      const Verdict& v = leaseVerdict(c, si, p);
      // A partly effective rule (compliance below 1, host KYC) refuses its share of the
      // contracts at signing; the company still asks, and what is refused spills elsewhere.
      Option o{OptionKind::Lease, -1, 0, si, 0, v.allowed_share > 0 ? 1.0 : 0.0, true, 0, v};
      const double price = lease_price_[si];
      o.cost = price / (p == 0 ? 1.0 : site_ratio_[si]) * (1 + premium * (1 - will));
      // Full sites stay on offer: requests there are the waiting list operators build for.
      if (v.status == Status::Denied || o.factor <= 0) {
        if (tracing && round == 0) denied.push_back(o);
        continue;
      }
      opts.push_back(o);
    }
  }
  cached = opts;
  }
  // Grey market: diverted chips, at a premium, for those who tolerate the risk.
  double grey_units = 0.0;
  for (double g : grey_pool_) grey_units += g;
  if (tol > 0 && grey_units >= kMinUnits) {
    double value = 0, h = 0;
    const int jur = co.hq;
    for (int k = 0; k < K_; ++k) {
      if (grey_pool_[k] <= 0) continue;
      value += grey_pool_[k] * (in_.at(s_.chips[k].price_usd, t) * (1 + std::max(0.0, in_.at(pa.grey_premium, t))) / lifeOf(k, t) +
                                powerCostMonth(k, jur, in_.at(s_.jurisdictions[jur].pue, t), t));
      h += grey_pool_[k] * (p == 0 ? htrain_[k] : hinfer_[k]);
    }
    if (h > 0) {
      Option o{OptionKind::Grey, -1, L_ - 1, -1, 0, 1, false, 0, Verdict{}};
      o.cost = value / h * (1 + premium * (1 - tol));
      opts.push_back(o);
    }
  }

  if (!opts.empty()) {
    // Logit on cost relative to the cheapest allowed option: smooth in every input.
    const double beta = std::max(0.0, in_.at(pa.logit_beta, t));
    double cmin = std::numeric_limits<double>::max();
    for (const Option& o : opts) cmin = std::min(cmin, o.cost);
    double sum = 0;
    for (Option& o : opts) {
      o.share = o.factor * std::exp(-beta * (o.cost / cmin - 1.0));
      sum += o.share;
    }
    for (Option& o : opts) o.share = sum > 0 ? o.share / sum : 0.0;
    // Beijing's guidance cuts demand for a named chip by its strength; the money moves to
    // the options it does not name (none left: it waits as backlog).
    double cut = 0, free_share = 0;
    for (Option& o : opts) {
      if (o.guided > 0) {
        cut += o.share * o.guided;
        o.share *= 1 - o.guided;
      } else {
        free_share += o.share;
      }
    }
    if (cut > 0 && free_share > 0)
      for (Option& o : opts)
        if (o.guided <= 0) o.share += cut * o.share / free_share;
    double offshore = 0;
    for (const Option& o : opts)
      if (o.offshore) offshore += o.share;
    // China's data-export rules: at most `cap` of training may run offshore.
    if (p == 0 && concernBloc(c)) {
      const double cap = std::clamp(in_.at(s_.china.offshore_training_cap, t), 0.0, 1.0);
      if (offshore > cap) {
        const double onshore = 1 - offshore;
        for (Option& o : opts) {
          if (o.offshore) o.share *= cap / offshore;
          else if (onshore > 0) o.share *= (1 - cap) / onshore;
        }
      }
    }
  }

  double spent_plan = 0;
  for (const Option& o : opts) {
    const double spend = budget * o.share;
    spent_plan += spend;
    if (spend <= 0) continue;
    if (o.kind == OptionKind::Buy) {
      const int jur = jurOfLoc(c, o.loc);
      const double price = in_.at(s_.chips[o.chip].price_usd, t);
      const double subsidy_k = domestic(c, o.chip) ? subsidy : 0.0;
      const double paid = price * (1 + o.verdict.fee_share) * (1 - subsidy_k);
      const double tco = paid + powerCostMonth(o.chip, jur, pueOfLoc(c, o.loc, t), t) * lifeOf(o.chip, t);
      Order ord;
      ord.company = c;
      ord.buyer = c;
      ord.purpose = p;
      ord.loc = o.loc;
      ord.chip = o.chip;
      ord.jur = jur;
      ord.units = spend / tco;
      ord.spend = spend;
      ord.unit_price = price * (1 + o.verdict.fee_share);
      ord.fee_share = o.verdict.fee_share;
      ord.offshore = o.offshore;
      ord.veu = co.validated_end_user;
      orders_.push_back(ord);
    } else if (o.kind == OptionKind::Lease) {
      const double price = lease_price_[o.site];
      const double term = std::max(1.0, in_.at(s_.params.lease_term_months, t));
      lease_reqs_.push_back({c, p, o.site, spend / (price * term), spend, o.verdict.allowed_share});
    } else {
      grey_reqs_.push_back({c, p, spend});
    }
  }
  unfilled_[c * 2 + p] += budget - spent_plan;  // no allowed option: the money waits

  if (tracing) {
    auto label = [&](const Option& o) {
      const Text& t = text_;
      if (o.kind == OptionKind::Lease) return t.trf("lease at {}", t.tr(s_.sites[o.site].name.c_str()));
      if (o.kind == OptionKind::Grey) return std::string(t.tr("grey market (diverted chips)"));
      return t.trf("buy {} ({})", t.tr(s_.chips[o.chip].name.c_str()),
                   o.loc == 0 ? t.tr("home") : t.tr(s_.sites[o.loc - 1].name.c_str()));
    };
    if (round == 0) trace_budget_[p] = budget;
    for (const Option& o : opts) {
      const int i = traceEntry(o.kind, o.kind == OptionKind::Lease ? o.site : o.chip, o.loc, p);
      if (r_.trace[i].label.empty()) {
        r_.trace[i].label = label(o);
        r_.trace[i].verdict = explain(s_, o.verdict, text_);
        if (o.guided > 0)
          r_.trace[i].verdict += text_.trf("; Beijing's guidance cuts demand by {:.0f}%", o.guided * 100);
        r_.trace[i].cost_usd_per_h100e_month = o.cost;
      }
      r_.trace[i].spend_usd += budget * o.share;
      r_.trace[i].share = trace_budget_[p] > 0 ? r_.trace[i].spend_usd / trace_budget_[p] : 0.0;
    }
    for (const Option& o : denied)
      r_.trace.push_back({label(o), p, explain(s_, o.verdict, text_), false, o.cost, 0, 0});
  }
}

void Sim::rationChips(int t, int round) {
  // Operators' orders placed build_lag months ago arrive now and buy from the same stock.
  for (const Arrival& a : (round == 0 ? arrivals_[t] : std::vector<Arrival>{})) {
    pending_mw_[a.site] = std::max(0.0, pending_mw_[a.site] - a.mw);
    pending_h100e_[a.site] = std::max(0.0, pending_h100e_[a.site] - a.h100e);
    const Site& st = s_.sites[a.site];
    const Verdict v = evaluateSale(s_, in_, rm_, a.chip, st.operator_company, st.jurisdiction);
    if (v.status == Status::Denied) continue;
    Order ord;
    ord.company = -1;
    ord.buyer = st.operator_company;
    ord.site = a.site;
    ord.chip = a.chip;
    ord.jur = st.jurisdiction;
    ord.units = a.units * (v.status == Status::Licence ? v.approval : 1.0);
    ord.unit_price = in_.at(s_.chips[a.chip].price_usd, t) * (1 + v.fee_share);
    ord.spend = ord.units * ord.unit_price;
    ord.fee_share = v.fee_share;
    ord.veu = s_.companies[st.operator_company].validated_end_user;
    orders_.push_back(ord);
  }

  // Country caps (diffusion rule): controlled imports into a capped tier-2 host stop at the cap.
  std::vector<double>& cap_left = cap_left_;
  if (round == 0) cap_left.assign(J_, std::numeric_limits<double>::infinity());
  for (size_t ri = 0; round == 0 && ri < s_.rules.size(); ++ri) {
    const Rule& r = s_.rules[ri];
    if (r.kind != RuleKind::CountryCaps || !rm_.active[ri]) continue;
    const double abs = in_.absMonth(t);
    if (abs < in_.at(r.cap_from, t) || abs >= in_.at(r.cap_until, t)) continue;
    for (int j = 0; j < J_; ++j)
      if (s_.jurisdictions[j].tier == 2)
        cap_left[j] = std::min(cap_left[j], std::max(0.0, in_.at(r.cap_h100e, t) - cap_used_[j]));
  }
  std::vector<double> cap_scale(J_, 1.0), capped_demand(J_, 0.0);
  std::vector<char>& controlled = controlled_;
  if (round == 0)
    for (int k = 0; k < K_; ++k) controlled[k] = rm_.controlled[k];
  for (const Order& o : orders_)
    if (controlled[o.chip] && !o.veu) capped_demand[o.jur] += o.units * htrain_[o.chip];
  for (int j = 0; j < J_; ++j)
    if (capped_demand[j] > cap_left[j]) cap_scale[j] = cap_left[j] / capped_demand[j];

  // An owned site abroad installs only what its free power allows: orders beyond it are
  // cut before rationing (their money stays unspent) so they do not hold stock back.
  std::vector<double> site_mw_want(S_, 0.0);
  for (const Order& o : orders_)
    if (o.company >= 0 && o.loc >= 1 && o.loc <= S_)
      site_mw_want[o.loc - 1] += o.units * in_.at(s_.chips[o.chip].power_w, t) * pueOfLoc(o.company, o.loc, t) / 1e6;
  for (Order& o : orders_) {
    if (o.company < 0 || o.loc < 1 || o.loc > S_ || site_mw_want[o.loc - 1] <= 0) continue;
    const double free_mw = std::max(0.0, sitePowerMw(o.loc - 1, t) - site_mw_used_[o.loc - 1]);
    if (site_mw_want[o.loc - 1] <= free_mw) continue;
    const double keep = free_mw / site_mw_want[o.loc - 1];
    unfilled_[o.company * 2 + o.purpose] += o.spend * (1 - keep);
    o.units *= keep;
    o.spend *= keep;
  }
  limitByImportQuotas(t);
  std::vector<double> want(K_, 0.0);
  for (const Order& o : orders_) want[o.chip] += o.units * (controlled[o.chip] && !o.veu ? cap_scale[o.jur] : 1.0);
  std::vector<double> fill(K_, 1.0);
  for (int k = 0; k < K_; ++k)
    if (want[k] > stock_[k]) fill[k] = want[k] > 0 ? stock_[k] / want[k] : 1.0;
  // Volume caps: capped buyers get at most cap_share x what the reference buyers get this
  // month (pro rata among the capped); what they cannot have stays in stock for others.
  for (Order& o : orders_) o.scale = (controlled[o.chip] && !o.veu ? cap_scale[o.jur] : 1.0) * fill[o.chip];
  limitByVolumeCaps(t);
  for (Order& o : orders_) {
    const double scale = o.scale;
    const double units = std::min(o.units * scale, stock_[o.chip]);
    if (units <= 0 && o.company >= 0) {
      unfilled_[o.company * 2 + o.purpose] += o.spend;
      continue;
    }
    stock_[o.chip] -= units;
    delivered_[o.chip] += units;
    o.delivered = units;
    // A share of controlled chips shipped into a host leaks to the grey market before
    // installation: fronts buy them at list price, the host buyer gets the rest.
    const double leak = controlled[o.chip] ? units * divert_share_[o.jur] : 0.0;
    if (leak > 0) {
      grey_pool_[o.chip] += leak;
      diverted_jur_[o.jur] += leak;
      diverted_total_ += leak;
    }
    const double kept = units - leak;
    delivered_bloc_[static_cast<size_t>(o.chip) * B_ + s_.jurisdictions[s_.companies[o.buyer].hq].bloc] += units;
    for (const size_t ri : caps_now_) {
      if (!rm_.covered(static_cast<int>(ri), o.chip)) continue;
      if (capDest(ri, o)) cap_dest_[ri] += units;
      else if (capRef(ri, o)) cap_ref_[ri] += units;
    }
    for (size_t g = 0; g < s_.china.import_gates.size(); ++g)
      if (gateQuotaApplies(g, o)) gate_used_[g * C_ + o.buyer] += units;
    if (o.company >= 0) {
      addFleet(o.company, o.loc, o.purpose, o.chip, kept, t);
      const double paid = o.spend * (o.units > 0 ? kept / o.units : 0.0);
      if (traced(o.company, t)) tracePaid(OptionKind::Buy, o.chip, o.loc, o.purpose, paid);
      unfilled_[o.company * 2 + o.purpose] += o.spend - paid;
      spend_[o.company] += paid;
      if (o.offshore) spend_offshore_[o.company] += paid;
    } else {
      addSiteFleet(o.site, o.chip, kept, t);
    }
    const double revenue = units * o.unit_price;
    const int v = s_.chips[o.chip].vendor;
    vendor_rev_[v] += revenue;
    vendor_units_[v] += units;
    vendor_rev_jur_[static_cast<size_t>(v) * J_ + o.jur] += revenue;
    if (o.company >= 0 && concernBloc(o.company)) vendor_rev_concern_[v] += revenue;
    if (s_.vendors[v].pays_revenue_share) fee_revenue_ += units * o.unit_price / (1 + o.fee_share) * o.fee_share;
    if (controlled[o.chip]) {
      imports_month_[o.jur] += units * htrain_[o.chip];
      if (!o.veu && std::isfinite(cap_left[o.jur])) {
        cap_used_[o.jur] += units * htrain_[o.chip];
        cap_left[o.jur] = std::max(0.0, cap_left[o.jur] - units * htrain_[o.chip]);
      }
    }
  }
}

void Sim::limitByImportQuotas(int t) {
  const int abs = in_.absMonth(t);
  for (size_t g = 0; g < s_.china.import_gates.size(); ++g) {
    const ImportGate& gate = s_.china.import_gates[g];
    const double from = in_.at(gate.from, t);
    if (!gateActive(gate, in_, t) || abs < from) continue;
    const int year = static_cast<int>((abs - from) / 12);  // quota years count from the gate's opening
    if (year != gate_year_[g]) {
      std::fill(gate_used_.begin() + g * C_, gate_used_.begin() + (g + 1) * C_, 0.0);
      gate_year_[g] = year;
    }
    const double quota = in_.at(gate.quota_units_per_year, t);
    // Requests under the quota: per company, or all approved companies together.
    std::vector<double> asked(C_, 0.0);
    for (const Order& o : orders_)
      if (gateQuotaApplies(g, o)) asked[o.company] += o.units;
    auto cut = [&](double left, double want, auto&& match) {
      if (want <= left || want <= 0) return;
      const double keep = std::max(0.0, left) / want;
      for (Order& o : orders_) {
        if (!gateQuotaApplies(g, o) || !match(o)) continue;
        unfilled_[o.company * 2 + o.purpose] += o.spend * (1 - keep);
        o.units *= keep;
        o.spend *= keep;
        if (keep <= 0) shut_[static_cast<size_t>(o.company) * K_ + o.chip] = 1;
      }
    };
    if (gate.quota_per_company) {
      for (int c = 0; c < C_; ++c)
        cut(quota - gate_used_[g * C_ + c], asked[c], [c](const Order& o) { return o.company == c; });
    } else {
      double used = 0, want = 0;
      for (int c = 0; c < C_; ++c) {
        used += gate_used_[g * C_ + c];
        want += asked[c];
      }
      cut(quota - used, want, [](const Order&) { return true; });
    }
  }
}

void Sim::limitByVolumeCaps(int t) {
  // The capped buyers' deliveries of the rule's chips (by id or class, together) stay
  // within cap_share x the reference buyers' deliveries of those chips this month.
  for (const size_t ri : caps_now_) {
    const Rule& r = s_.rules[ri];
    double dest = 0, ref = 0;
    for (const Order& o : orders_) {
      if (!rm_.covered(static_cast<int>(ri), o.chip)) continue;
      if (capDest(ri, o)) dest += o.units * o.scale;
      else if (capRef(ri, o)) ref += o.units * o.scale;
    }
    const double share = std::clamp(in_.at(r.cap_share, t), 0.0, 1.0);
    const double allowed = std::max(0.0, share * (cap_ref_[ri] + ref) - cap_dest_[ri]);
    if (dest <= allowed || dest <= 0) continue;
    const double keep = allowed / dest;
    for (Order& o : orders_) {
      if (!rm_.covered(static_cast<int>(ri), o.chip) || !capDest(ri, o)) continue;
      o.scale *= keep;
      if (keep <= 0 && o.company >= 0) shut_[static_cast<size_t>(o.company) * K_ + o.chip] = 1;
    }
  }
}

void Sim::rationLeases(int t) {
  siteCapacity();
  // Requests are rationed at full size, as if no lease rule stood; a partly effective rule
  // then refuses its share of each affected contract. So the rule removes about c of the
  // affected leasing, and the capacity it frees goes to other tenants in the next round.
  std::vector<double> want(S_, 0.0), want_allowed(S_, 0.0), fill(S_, 1.0);
  for (const LeaseReq& q : lease_reqs_) {
    want[q.site] += q.h100e;
    want_allowed[q.site] += q.h100e * q.allowed;
  }
  for (int si = 0; si < S_; ++si) {
    if (want[si] > site_free_[si]) fill[si] = site_free_[si] / want[si];
    lease_unmet_[si] = std::max(lease_unmet_[si], want_allowed[si] - site_free_[si]);
  }
  const int term = std::max(1, static_cast<int>(std::lround(in_.at(s_.params.lease_term_months, t))));
  for (const LeaseReq& q : lease_reqs_) {
    const double granted = q.h100e * q.allowed * fill[q.site];
    const double paid = q.spend * q.allowed * fill[q.site];
    if (traced(q.company, t)) tracePaid(OptionKind::Lease, q.site, 0, q.purpose, paid);
    unfilled_[q.company * 2 + q.purpose] += q.spend - paid;
    if (granted <= 0) continue;
    leased_[(static_cast<size_t>(q.company) * S_ + q.site) * 2 + q.purpose] += granted;
    const double monthly = paid / term;
    payment_[static_cast<size_t>(q.company) * S_ + q.site] += monthly;
    spend_[q.company] += paid;
    spend_offshore_[q.company] += paid;
    if (t + term < T_) lease_end_[t + term].push_back({q.company, q.site, q.purpose, granted, monthly});
  }
}

void Sim::rationGrey(int t) {
  if (grey_reqs_.empty()) return;
  const Params& pa = s_.params;
  double want = 0;
  for (const GreyReq& q : grey_reqs_) want += q.spend;
  // Value of the pool at grey prices, each buyer's share of it pro rata to spend.
  std::vector<double> unit_cost(K_, 0.0);
  double pool_value = 0;
  for (int k = 0; k < K_; ++k) {
    if (grey_pool_[k] <= 0) continue;
    unit_cost[k] = in_.at(s_.chips[k].price_usd, t) * (1 + std::max(0.0, in_.at(pa.grey_premium, t)));
    pool_value += grey_pool_[k] * unit_cost[k];
  }
  const double fill = (want > pool_value && want > 0) ? pool_value / want : 1.0;
  const std::vector<double> pool = grey_pool_;
  for (const GreyReq& q : grey_reqs_) {
    const double paid = q.spend * fill;
    if (traced(q.company, t)) tracePaid(OptionKind::Grey, -1, L_ - 1, q.purpose, paid);
    unfilled_[q.company * 2 + q.purpose] += q.spend - paid;
    if (paid <= 0 || pool_value <= 0) continue;
    const double frac = paid / pool_value;
    for (int k = 0; k < K_; ++k) {
      const double units = std::min(grey_pool_[k], pool[k] * frac);
      if (units <= 0) continue;
      grey_pool_[k] -= units;
      addFleet(q.company, L_ - 1, q.purpose, k, units, t);
    }
    spend_[q.company] += paid;
  }
}

void Sim::operatorsOrder(int t) {
  const int lag = std::max(1, static_cast<int>(std::lround(in_.at(s_.params.build_lag_months, t))));
  for (int si = 0; si < S_; ++si) {
    const Site& st = s_.sites[si];
    if (!st.leasable) continue;
    const double need = lease_unmet_[si] - pending_h100e_[si];
    if (need <= 0) continue;
    for (int k : st.chip_menu) {
      const Verdict v = evaluateSale(s_, in_, rm_, k, st.operator_company, st.jurisdiction);
      if (v.status == Status::Denied || htrain_[k] <= 0) continue;
      const double w_mw = in_.at(s_.chips[k].power_w, t) * in_.at(st.pue, t) / 1e6;
      const double free_mw = sitePowerMw(si, t) - site_mw_used_[si] - pending_mw_[si];
      double units = need / htrain_[k];
      if (w_mw > 0) units = std::min(units, std::max(0.0, free_mw) / w_mw);
      if (units <= 0) break;
      if (t + lag < T_) arrivals_[t + lag].push_back({si, k, units, units * htrain_[k], units * w_mw});
      pending_h100e_[si] += units * htrain_[k];
      pending_mw_[si] += units * w_mw;
      break;
    }
  }
}

namespace {
// A rule (not the chip's sale window or the vendor's market) refuses the sale.
bool restricts(const Verdict& v) {
  return v.status == Status::Denied && v.reason != Reason::NotForSale && v.reason != Reason::BuyerRestricted &&
         v.reason != Reason::VendorMarket;
}
}  // namespace

// With grandfathering off, chips a company owns stop counting in the month a restriction
// starts for them (as if their sale were undone), and leases lose the share a new lease
// rule refuses. Operators' leasable fleets are not touched: their tenants are.
void Sim::stopRestricted(int t) {
  const bool on = !in_.flag(s_.params.installed_chips_grandfathered, t);
  for (int c = 0; c < C_; ++c)
    for (int loc : locs_[c]) {
      if (loc == L_ - 1) continue;  // grey chips were never sold under the rules
      const int jur = jurOfLoc(c, loc);
      for (int k = 0; k < K_; ++k) {
        if (!isUsOrigin(s_, k)) continue;
        char& was = was_restricted_[(static_cast<size_t>(c) * (S_ + 1) + loc) * K_ + k];
        const bool now = restricts(saleVerdict(c, loc, k, jur));
        const bool starts = now && !was && t > 0;
        was = now;
        if (!starts || !on) continue;
        for (int p = 0; p < 2; ++p) {
          double& f = fleet_[fi(c, loc, p, k)];
          if (f <= 0) continue;
          fleet_expected_[c] -= f;
          if (loc >= 1 && loc <= S_)
            site_mw_used_[loc - 1] = std::max(0.0, site_mw_used_[loc - 1] - f * in_.at(s_.chips[k].power_w, t) * pueOfLoc(c, loc, t) / 1e6);
          f = 0;
          for (int t2 = t + 1; t2 < T_; ++t2)
            for (Retire& r : retire_[t2])
              if (r.company == c && r.loc == loc && r.purpose == p && r.chip == k) r.units = 0;
        }
      }
    }
  for (int c = 0; c < C_; ++c)
    for (int si = 0; si < S_; ++si)
      for (int p = 0; p < 2; ++p) {
        const size_t i = (static_cast<size_t>(c) * S_ + si) * 2 + p;
        const Verdict& v = leaseVerdict(c, si, p);
        const double allowed = v.status == Status::Denied ? 0.0 : v.allowed_share;
        const double before = was_allowed_[i];
        was_allowed_[i] = allowed;
        if (!on || t == 0 || allowed >= before || leased_[i] <= 0) continue;
        const double keep = before > 0 ? allowed / before : 0.0;
        leased_[i] *= keep;
        for (int t2 = t + 1; t2 < T_; ++t2)
          for (LeaseEnd& e : lease_end_[t2])
            if (e.company == c && e.site == si && e.purpose == p) {
              payment_[static_cast<size_t>(c) * S_ + si] -= e.payment * (1 - keep);
              e.payment *= keep;
              e.h100e *= keep;
            }
      }
}

// The why trace of the traced month: owned chips a restriction starts to cover this month,
// and whether they keep working (grandfathered) or stop counting.
void Sim::traceRestrictionStarts(int t) {
  if (t == 0) return;
  const int c = o_.trace_company;
  const RuleMonth before = ruleMonth(s_, in_, t - 1);
  const bool keep = in_.flag(s_.params.installed_chips_grandfathered, t);
  for (int loc : locs_[c]) {
    if (loc == L_ - 1) continue;
    const int jur = jurOfLoc(c, loc);
    for (int k = 0; k < K_; ++k) {
      const double units = fleet_[fi(c, loc, 0, k)] + fleet_[fi(c, loc, 1, k)];
      if (units < kMinUnits || !isUsOrigin(s_, k)) continue;
      const Verdict& now = saleVerdict(c, loc, k, jur);
      if (!restricts(now) || restricts(evaluateSale(s_, in_, before, k, c, jur))) continue;
      const Text& tx = text_;
      const std::string where = loc == 0 ? tx.tr("home") : tx.tr(s_.sites[loc - 1].name.c_str());
      r_.trace.push_back({tx.trf("installed {:.0f} x {} ({})", units, tx.tr(s_.chips[k].name.c_str()), where), 0,
                          fmt::format("{}; {}", explain(s_, now, tx),
                                      keep ? tx.tr("installed chips keep working (grandfathered)")
                                           : tx.tr("installed chips stop counting from this month (grandfathering off)")),
                          keep, 0, 0, 0});
    }
  }
}

// Operators price leases by scarcity: pressure x = (unmet requests - idle capacity) /
// capacity in [-1, 1]; next month's multiplier = this one x exp(elasticity x x), kept
// within [floor, ceiling] of the scheduled price.
void Sim::moveLeasePrices(int t) {
  const double el = std::max(0.0, in_.at(s_.params.lease_price_elasticity, t));
  if (el <= 0) return;
  const double lo = in_.at(s_.params.lease_price_floor, t), hi = std::max(lo, in_.at(s_.params.lease_price_ceiling, t));
  siteCapacity();
  for (int si = 0; si < S_; ++si) {
    if (!s_.sites[si].leasable) continue;
    const double cap = site_cap_[si];
    double x = 0;
    if (cap > 0) x = std::clamp((lease_unmet_[si] - site_free_[si]) / cap, -1.0, 1.0);
    else if (lease_unmet_[si] > 0) x = 1;
    lease_mult_[si] = std::clamp(lease_mult_[si] * std::exp(el * x), lo, hi);
  }
}

void Sim::carryBacklog(int t) {
  const double months = std::max(0.0, in_.at(s_.params.backlog_max_months, t));
  for (int i = 0; i < C_ * 2; ++i) backlog_[i] = std::clamp(unfilled_[i], 0.0, months * budget_now_[i]);
}

// ---------------------------------------------------------------- metrics

void Sim::record(int t) {
  const size_t MC = company_metrics_.size();
  const double secs = kSecondsPerMonth;
  const double run_flop_per_h100e = in_.at(s_.params.reference_tflops, t) * 1e12 * std::clamp(in_.at(s_.params.utilisation, t), 0.0, 1.0) *
                                    std::max(0.0, in_.at(s_.params.run_months, t)) * secs;
  // Vendor mix of each leasable site's fleet, to attribute leased compute to vendors.
  std::vector<double> site_vendor(static_cast<size_t>(S_) * V_, 0.0), site_total(S_, 0.0);
  for (int si = 0; si < S_; ++si)
    for (int k = 0; k < K_; ++k) {
      const double h = site_fleet_[static_cast<size_t>(si) * K_ + k] * htrain_[k];
      site_vendor[static_cast<size_t>(si) * V_ + s_.chips[k].vendor] += h;
      site_total[si] += h;
    }
  // Company metric positions (addSeries order): 13 + 2v vendor pairs, then the FLOP block.
  const size_t kTotal = 13 + 2 * V_, kFleetFlop = kTotal + 1, kCompFlop = kFleetFlop + 1 + V_;
  std::vector<double> m(MC);
  std::vector<double> bloc(static_cast<size_t>(B_) * MC, 0.0), bloc_off_num(B_, 0.0);
  std::vector<double> vendor_flop(V_, 0.0);  // this company's FLOP compute by vendor, leases by site mix
  std::vector<double> concern_vendor_flop(V_, 0.0);
  std::vector<char> bloc_seen(B_, 0);
  for (int c = 0; c < C_; ++c) {
    if (s_.companies[c].kind == CompanyKind::Operator) continue;
    std::fill(m.begin(), m.end(), 0.0);
    std::fill(vendor_flop.begin(), vendor_flop.end(), 0.0);
    double off_train = 0;
    for (int loc : locs_[c])
      for (int p = 0; p < 2; ++p)
        for (int k = 0; k < K_; ++k) {
          const double u = fleet_[fi(c, loc, p, k)];
          if (u == 0) continue;
          // Each fleet counts in its purpose's measure, so channels and vendors sum to the total.
          const double h = u * (p == 0 ? htrain_[k] : hinfer_[k]);
          m[p] += h;
          m[loc == 0 ? 2 : (loc == L_ - 1 ? 5 : 3)] += h;
          const int v = s_.chips[k].vendor;
          m[13 + 2 * v] += h;
          if (loc == 0) m[14 + 2 * v] += h;
          if (p == 0 && loc >= 1 && loc <= S_) off_train += h;
          const double hf = u * htrain_[k];
          m[kFleetFlop] += hf;
          m[kFleetFlop + 1 + v] += hf;
          vendor_flop[v] += hf;
        }
    for (int si = 0; si < S_; ++si) {
      const double lt = leased_[(static_cast<size_t>(c) * S_ + si) * 2];
      const double li = leased_[(static_cast<size_t>(c) * S_ + si) * 2 + 1];
      const double lh = lt + li * site_ratio_[si];
      m[0] += lt;
      m[1] += li * site_ratio_[si];
      m[4] += lh;
      m[kCompFlop] += lt + li;  // leases are contracted in training (= FLOP) H100e
      off_train += lt;
      if (site_total[si] > 0)
        for (int v = 0; v < V_; ++v) {
          const double mix = site_vendor[static_cast<size_t>(si) * V_ + v] / site_total[si];
          m[13 + 2 * v] += lh * mix;
          vendor_flop[v] += (lt + li) * mix;
        }
    }
    m[kCompFlop] += m[kFleetFlop];
    m[6] = m[0] > 0 ? off_train / m[0] : 0.0;
    m[7] = m[0] * run_flop_per_h100e;
    m[8] = m[7] * effective_factor_[t];
    m[10] = spend_[c];
    m[11] = spend_offshore_[c];
    m[12] = backlog_[c * 2] + backlog_[c * 2 + 1];
    m[kTotal] = m[0] + m[1];
    for (size_t i = 0; i < MC; ++i) r_.series(cs_[c * MC + i])[t] = m[i];
    const int b = s_.jurisdictions[s_.companies[c].hq].bloc;
    bloc_seen[b] = 1;
    if (b == s_.params.concern_bloc)
      for (int v = 0; v < V_; ++v) concern_vendor_flop[v] += vendor_flop[v];
    double* bm = &bloc[static_cast<size_t>(b) * MC];
    for (size_t i = 0; i < MC; ++i) {
      if (i == 7 || i == 8) bm[i] = std::max(bm[i], m[i]);
      else if (i != 6 && i != 9) bm[i] += m[i];
    }
    bloc_off_num[b] += off_train;
  }
  for (int b = 0; b < B_; ++b) {
    double* bm = &bloc[static_cast<size_t>(b) * MC];
    bm[6] = bm[0] > 0 ? bloc_off_num[b] / bm[0] : 0.0;
    for (size_t i = 0; i < MC; ++i) r_.series(bs_[b * MC + i])[t] = bm[i];
  }

  // Jurisdictions.
  const size_t MJ = jur_metrics_.size();
  std::vector<double> power(J_, 0.0), leasable(J_, 0.0), leased(J_, 0.0), lease_rev(J_, 0.0);
  std::vector<double> price_sum(J_, 0.0), price_w(J_, 0.0);  // lease price weighted by capacity
  for (int c = 0; c < C_; ++c)
    for (int loc : locs_[c]) {
      const int j = jurOfLoc(c, loc);
      const double pue = pueOfLoc(c, loc, t);
      for (int p = 0; p < 2; ++p)
        for (int k = 0; k < K_; ++k) {
          const double u = fleet_[fi(c, loc, p, k)];
          if (u > 0) power[j] += u * in_.at(s_.chips[k].power_w, t) * pue / 1e6;
        }
    }
  for (int si = 0; si < S_; ++si) {
    const int j = s_.sites[si].jurisdiction;
    const double pue = in_.at(s_.sites[si].pue, t);
    for (int k = 0; k < K_; ++k) {
      const double u = site_fleet_[static_cast<size_t>(si) * K_ + k];
      power[j] += u * in_.at(s_.chips[k].power_w, t) * pue / 1e6;
    }
    leasable[j] += site_total[si];
    if (s_.sites[si].leasable) {
      const double w = std::max(site_total[si], 1e-9);  // sites with no capacity yet still quote a price
      price_sum[j] += lease_price_[si] * w;
      price_w[j] += w;
    }
    for (int c = 0; c < C_; ++c) {
      leased[j] += leased_[(static_cast<size_t>(c) * S_ + si) * 2] + leased_[(static_cast<size_t>(c) * S_ + si) * 2 + 1];
      lease_rev[j] += payment_[static_cast<size_t>(c) * S_ + si];
    }
  }
  for (int j = 0; j < J_; ++j) {
    imports_cum_[j] += imports_month_[j];
    const double vals[] = {imports_month_[j], imports_cum_[j], cap_used_[j], power[j], lease_rev[j],
                           diverted_jur_[j], leasable[j], leased[j], price_w[j] > 0 ? price_sum[j] / price_w[j] : 0.0};
    for (size_t i = 0; i < MJ; ++i) r_.series(js_[j * MJ + i])[t] = vals[i];
  }
  // Vendors, chips, world.
  const size_t MV = vendor_metrics_.size();
  for (int v = 0; v < V_; ++v) {
    r_.series(vs_[v * MV + 0])[t] = vendor_rev_[v];
    r_.series(vs_[v * MV + 1])[t] = vendor_rev_concern_[v];
    r_.series(vs_[v * MV + 2])[t] = vendor_units_[v];
    for (int j = 0; j < J_; ++j) r_.series(vs_[v * MV + 3 + j])[t] = vendor_rev_jur_[static_cast<size_t>(v) * J_ + j];
  }
  const size_t MK = chip_metrics_.size();
  for (int k = 0; k < K_; ++k) {
    r_.series(ks_[k * MK + 0])[t] = produced_[k];
    r_.series(ks_[k * MK + 1])[t] = delivered_[k];
    r_.series(ks_[k * MK + 2])[t] = stock_[k];
    r_.series(ks_[k * MK + 3])[t] = grey_pool_[k];
    for (int b = 0; b < B_; ++b) r_.series(ks_[k * MK + 4 + b])[t] = delivered_bloc_[static_cast<size_t>(k) * B_ + b];
  }
  r_.series(gs_[0])[t] = fee_revenue_;
  r_.series(gs_[1])[t] = diverted_total_;
  const double* cb = &bloc[static_cast<size_t>(s_.params.concern_bloc) * MC];
  const double total = cb[2] + cb[3] + cb[4] + cb[5];
  for (int v = 0; v < V_; ++v) r_.series(gs_[2 + v])[t] = total > 0 ? cb[13 + 2 * v] / total : 0.0;
  const double total_flop = cb[kCompFlop];
  for (int v = 0; v < V_; ++v)
    r_.series(gs_[2 + V_ + v])[t] = total_flop > 0 ? concern_vendor_flop[v] / total_flop : 0.0;
}

void Sim::check(int t) {
  auto fail = [&](std::string entity, std::string what) {
    if (violated_ && o_.stop_at_first_violation) return;
    violated_ = true;
    r_.violations.push_back({in_.absMonth(t), std::move(entity), std::move(what)});
  };
  auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)}); };
  for (int k = 0; k < K_; ++k) {
    if (stock_[k] < -1e-9) fail(s_.chips[k].id, fmt::format("negative vendor stock {}", stock_[k]));
    if (grey_pool_[k] < -1e-9) fail(s_.chips[k].id, fmt::format("negative grey pool {}", grey_pool_[k]));
    if (!near(produced_[k] - delivered_[k], stock_[k] - stock_before_[k]))
      fail(s_.chips[k].id, fmt::format("produced {} - delivered {} != stock change {}", produced_[k], delivered_[k],
                                       stock_[k] - stock_before_[k]));
  }
  for (int c = 0; c < C_; ++c) {
    double sum = 0;
    for (int loc = 0; loc < L_; ++loc)
      for (int p = 0; p < 2; ++p)
        for (int k = 0; k < K_; ++k) {
          const double u = fleet_[fi(c, loc, p, k)];
          if (u < -1e-9) fail(s_.companies[c].id, fmt::format("negative fleet of {}", s_.chips[k].id));
          sum += u;
        }
    if (!near(sum, fleet_expected_[c]))
      fail(s_.companies[c].id, fmt::format("fleet {} != initial + deliveries - retirements {}", sum, fleet_expected_[c]));
  }
  for (double l : leased_)
    if (l < -1e-9) fail("leases", "negative leased compute");
  for (int i = 0; i < C_ * 2; ++i)
    if (!std::isfinite(backlog_[i]) || backlog_[i] < 0) fail(s_.companies[i / 2].id, "backlog not finite or negative");
}

void Sim::frontierGap() {
  const size_t MC = company_metrics_.size();
  std::vector<double> leader(T_, 0.0);
  for (int c = 0; c < C_; ++c) {
    if (s_.companies[c].kind == CompanyKind::Operator) continue;
    if (s_.jurisdictions[s_.companies[c].hq].bloc != s_.params.frontier_bloc) continue;
    const double* e = r_.series(cs_[c * MC + 8]);
    for (int t = 0; t < T_; ++t) leader[t] = std::max(leader[t], e[t]);
  }
  for (int t = 1; t < T_; ++t) leader[t] = std::max(leader[t], leader[t - 1]);  // the frontier never recedes
  // Leader's monthly log-growth over its first year, to extrapolate gaps that predate the start.
  const int span = std::min(12, T_ - 1);
  const double g = (span > 0 && leader[0] > 0 && leader[span] > leader[0]) ? std::log(leader[span] / leader[0]) / span : 0.0;
  auto gapOf = [&](double e, int t) {
    if (e <= 0) return kMaxGapMonths;
    if (e >= leader[t]) return 0.0;
    if (e >= leader[0]) {
      int lo = 0, hi = t;  // first month the frontier reached e
      while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (leader[mid] >= e) hi = mid; else lo = mid + 1;
      }
      double when = lo;
      if (lo > 0 && leader[lo] > leader[lo - 1] && leader[lo - 1] > 0)
        when = lo - 1 + std::log(e / leader[lo - 1]) / std::log(leader[lo] / leader[lo - 1]);
      return std::min(kMaxGapMonths, t - when);
    }
    if (g <= 0) return kMaxGapMonths;
    return std::min(kMaxGapMonths, t + std::log(leader[0] / e) / g);
  };
  std::vector<double> bloc_gap(static_cast<size_t>(B_) * T_, kMaxGapMonths);
  std::vector<char> bloc_has(B_, 0);
  for (int c = 0; c < C_; ++c) {
    if (s_.companies[c].kind == CompanyKind::Operator) continue;
    const double* e = r_.series(cs_[c * MC + 8]);
    double* gap = r_.series(cs_[c * MC + 9]);
    const int b = s_.jurisdictions[s_.companies[c].hq].bloc;
    bloc_has[b] = 1;
    for (int t = 0; t < T_; ++t) {
      gap[t] = gapOf(e[t], t);
      bloc_gap[static_cast<size_t>(b) * T_ + t] = std::min(bloc_gap[static_cast<size_t>(b) * T_ + t], gap[t]);
    }
  }
  for (int b = 0; b < B_; ++b) {
    double* gap = r_.series(bs_[b * MC + 9]);
    for (int t = 0; t < T_; ++t) gap[t] = bloc_has[b] ? bloc_gap[static_cast<size_t>(b) * T_ + t] : 0.0;
  }
}

void Sim::step(int t) {
  orders_.clear();
  lease_reqs_.clear();
  grey_reqs_.clear();
  std::fill(unfilled_.begin(), unfilled_.end(), 0.0);
  std::fill(spend_.begin(), spend_.end(), 0.0);
  std::fill(spend_offshore_.begin(), spend_offshore_.end(), 0.0);
  std::fill(produced_.begin(), produced_.end(), 0.0);
  std::fill(delivered_.begin(), delivered_.end(), 0.0);
  std::fill(delivered_bloc_.begin(), delivered_bloc_.end(), 0.0);
  std::fill(cap_dest_.begin(), cap_dest_.end(), 0.0);
  std::fill(shut_.begin(), shut_.end(), 0);
  std::fill(cap_ref_.begin(), cap_ref_.end(), 0.0);
  std::fill(vendor_rev_.begin(), vendor_rev_.end(), 0.0);
  std::fill(vendor_rev_concern_.begin(), vendor_rev_concern_.end(), 0.0);
  std::fill(vendor_units_.begin(), vendor_units_.end(), 0.0);
  std::fill(vendor_rev_jur_.begin(), vendor_rev_jur_.end(), 0.0);
  std::fill(imports_month_.begin(), imports_month_.end(), 0.0);
  std::fill(diverted_jur_.begin(), diverted_jur_.end(), 0.0);
  std::fill(lease_unmet_.begin(), lease_unmet_.end(), 0.0);
  fee_revenue_ = 0;
  diverted_total_ = 0;

  for (int j = 0; j < J_; ++j) divert_share_[j] = diversionShare(j, t);
  rm_ = ruleMonth(s_, in_, t);
  caps_now_.clear();
  for (size_t ri = 0; ri < s_.rules.size(); ++ri)
    if (s_.rules[ri].kind == RuleKind::VolumeCap && rm_.active[ri]) caps_now_.push_back(ri);
  for (int si = 0; si < S_; ++si)
    lease_price_[si] = std::max(1e-9, in_.at(s_.sites[si].lease_usd_per_h100e_month, t)) * lease_mult_[si];
  std::fill(sale_ok_.begin(), sale_ok_.end(), 0);
  std::fill(buy_ok_.begin(), buy_ok_.end(), 0);
  std::fill(lease_ok_.begin(), lease_ok_.end(), 0);
  retire(t);
  if (o_.trace_company >= 0 && in_.absMonth(t) == o_.trace_month) traceRestrictionStarts(t);
  if (!grandfather_all_) stopRestricted(t);
  production(t);
  for (int round = 0; round < kRounds; ++round) {
    orders_.clear();
    lease_reqs_.clear();
    grey_reqs_.clear();
    choose(t, round);
    rationChips(t, round);
    rationLeases(t);
    rationGrey(t);
  }
  operatorsOrder(t);
  carryBacklog(t);
  record(t);
  moveLeasePrices(t);
  if (o_.check) check(t);
}

Results Sim::run() {
  setup();
  unfilled_.assign(static_cast<size_t>(C_) * 2, 0.0);
  spend_.assign(C_, 0.0);
  spend_offshore_.assign(C_, 0.0);
  produced_.assign(K_, 0.0);
  delivered_.assign(K_, 0.0);
  stock_before_.assign(K_, 0.0);
  last_sellable_.assign(K_, -1);
  delivered_bloc_.assign(static_cast<size_t>(K_) * B_, 0.0);
  cap_dest_.assign(s_.rules.size(), 0.0);
  cap_ref_.assign(s_.rules.size(), 0.0);
  shut_.assign(static_cast<size_t>(C_) * K_, 0);
  gate_used_.assign(s_.china.import_gates.size() * static_cast<size_t>(C_), 0.0);
  gate_year_.assign(s_.china.import_gates.size(), -1);
  vendor_rev_.assign(V_, 0.0);
  vendor_rev_concern_.assign(V_, 0.0);
  vendor_units_.assign(V_, 0.0);
  vendor_rev_jur_.assign(static_cast<size_t>(V_) * J_, 0.0);
  lease_unmet_.assign(S_, 0.0);
  diverted_jur_.assign(J_, 0.0);
  cap_left_.assign(J_, std::numeric_limits<double>::infinity());
  controlled_.assign(K_, 0);
  for (int t = 0; t < T_; ++t) {
    step(t);
    if (violated_ && o_.stop_at_first_violation) break;
  }
  frontierGap();
  return std::move(r_);
}

}  // namespace

Results simulate(const Scenario& s, const RunOptions& options) { return simulate(s, options, Text{}); }

Results simulate(const Scenario& s, const RunOptions& options, const Text& text) {
  Sim sim(s, options, text);
  return sim.run();
}

}  // namespace cp
