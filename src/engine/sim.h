// The simulator's state and its month, shared by the sim_*.cpp files (internal to the
// engine; callers use simulate.h). One file a phase of src/engine/README.md's month:
//   sim_setup.cpp   - dimensions, derived chip figures, initial fleets, result series, run()
//   sim_month.cpp   - step(): the month in order; production, retirements, restrictions
//   sim_choose.cpp  - options and their cost, the logit choice (steps 4-5)
//   sim_ration.cpp  - caps, quotas and rationing of chips, leases and the grey market
//   sim_record.cpp  - per-month outputs, the conservation check, the frontier gap
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "engine/inputs.h"
#include "engine/rules.h"
#include "engine/simulate.h"
#include "engine/text.h"

namespace cp::sim {

inline constexpr double kHoursPerMonth = 730.0;
inline constexpr double kSecondsPerMonth = 30.436875 * 86400.0;
inline constexpr double kMinApproval = 0.05;  // a licence approved 5% of the time looks 20x dearer, not infinitely
inline constexpr int kRounds = 3;
inline constexpr double kMinUnits = 0.5;  // less than half a chip left counts as sold out  // unfilled budget is
                                          // offered again to options that still have supply
inline constexpr double kMaxGapMonths = 240.0;

enum class OptionKind { Buy, Lease, Grey };

struct Option {
  OptionKind kind = OptionKind::Buy;
  int chip = -1, loc = 0, site = -1;
  double cost = 0;    // perceived USD per H100e-month of the purpose
  double factor = 1;  // multiplies the logit weight (partly effective rules)
  bool offshore = false;
  double share = 0;
  const Verdict* verdict = nullptr;  // in the month's verdict cache (stable all month); null: no rule asked
  double guided = 0;                 // share of demand Beijing's guidance cuts
  // The logit weight exp(-beta (cost / cmin - 1)) last worked out, and the cmin it used: a
  // later round whose cheapest option is the same reuses it.
  double weight = 0, weight_cmin = -1;
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

struct LeaseReq {
  int company, purpose, site;
  double h100e, spend, allowed;
};  // allowed: share a partial rule lets through
struct GreyReq {
  int company, purpose;
  double spend;
};
struct Retire {
  int company, loc, purpose, chip, site;
  double units;
};  // company -1: site fleet
struct LeaseEnd {
  int company, site, purpose;
  double h100e, payment;
};
struct Arrival {
  int site, chip;
  double units, h100e, mw;
};

// This month's flows: sized once per run, cleared in one place at the start of each month
// (reset) and each round's requests at the start of the round (newRound).
struct MonthFlows {
  std::vector<Order> orders;
  std::vector<LeaseReq> lease_reqs;
  std::vector<GreyReq> grey_reqs;
  std::vector<double> unfilled;               // company x purpose, USD
  std::vector<double> spend, spend_offshore;  // company
  std::vector<double> produced, delivered;    // chip
  std::vector<double> delivered_bloc;         // chip x bloc of the buyer's HQ
  std::vector<double> cap_dest, cap_ref;      // per rule x chip: volume-capped deliveries this month
  std::vector<char> shut;  // company x chip: a cap or quota left nothing this month; later rounds skip it
  std::vector<double> vendor_rev, vendor_rev_concern, vendor_units, vendor_rev_jur;
  std::vector<double> imports_month, diverted_jur;  // per jurisdiction
  std::vector<double> lease_unmet;                  // per site
  double fee_revenue = 0, diverted_total = 0;

  void size(int companies, int chips, int blocs, int vendors, int jurisdictions, int sites, size_t rules);
  void reset();
  void newRound() {
    orders.clear();
    lease_reqs.clear();
    grey_reqs.clear();
  }
};

// Rationing's and the choice's working arrays, sized at setup and refilled in place, so the
// month loop allocates nothing (vectors keep their capacity through assign).
struct RationScratch {
  std::vector<double> chip_want, chip_fill;                   // per chip
  std::vector<double> capped_demand;                          // per jurisdiction
  std::vector<double> site_mw_want, site_keep;                // per site
  std::vector<double> asked;                                  // per company
  std::vector<double> lease_want, lease_allowed, lease_fill;  // per site
  std::vector<double> grey_cost, grey_pool;                   // per chip
  std::vector<double> cap_dest, cap_ref, cap_keep;            // per chip: one volume cap's orders this round
  std::vector<double> carry;                                  // company x purpose
};

// record()'s per-month buffers, kept between months so recording allocates nothing.
struct RecordScratch {
  std::vector<double> site_vendor, site_total;           // leasable sites' training H100e by vendor, and in all
  std::vector<double> site_mix;                          // site_vendor / site_total (sites with a total)
  std::vector<char> site_zero_lease_adds_nothing;        // per site: its ratio and mix are finite
  std::vector<double> m;                                 // one company's metrics
  double run_flop_per_h100e = 0;                         // this month's largest-run FLOP per training H100e
  std::vector<double> bloc, bloc_off_num;                // per bloc: metrics, offshore training H100e
  std::vector<double> vendor_flop, concern_vendor_flop;  // FLOP compute by vendor: one company, the concern bloc
  std::vector<double> jur;                               // per jurisdiction x 6: recordJurisdictions' sums
  void size(int sites, int vendors, int blocs, int jurisdictions, size_t company_metrics);
};

class Sim {
 public:
  Sim(const Scenario& s, const RunOptions& o, const Text& text) : s_(s), o_(o), text_(text), in_(s, o.uncertain) {}
  Results run();

 private:
  // [SECTION] setup
  void setup();
  void sizeState();
  void initialFleets();
  void companyLocations();
  void addSeries();
  size_t fi(int c, int loc, int p, int k) const { return ((static_cast<size_t>(c) * L_ + loc) * 2 + p) * K_ + k; }
  int jurOfLoc(int c, int loc) const {
    return (loc >= 1 && loc <= S_) ? s_.sites[loc - 1].jurisdiction : s_.companies[c].hq;
  }
  double pueOfLoc(int c, int loc, int t) const {
    return (loc >= 1 && loc <= S_) ? in_.at(s_.sites[loc - 1].pue, t)
                                   : in_.at(s_.jurisdictions[jurOfLoc(c, loc)].pue, t);
  }
  // A chip's figures in month t: from cm_ when it holds month t (asked many times a month).
  double lifeOf(int k, int t) const {
    if (t == cm_.t) return cm_.life[k];
    const double l = in_.at(s_.chips[k].life_months, t);
    return std::max(1.0, l > 0 ? l : in_.at(s_.params.chip_life_months, t));
  }
  int lifeMonths(int k, int t) const {
    return t == cm_.t ? cm_.life_months[k] : static_cast<int>(std::lround(lifeOf(k, t)));
  }
  double priceOf(int k, int t) const { return t == cm_.t ? cm_.price[k] : in_.at(s_.chips[k].price_usd, t); }
  double powerW(int k, int t) const { return t == cm_.t ? cm_.power_w[k] : in_.at(s_.chips[k].power_w, t); }
  void chipMonth(int t);
  double powerCostMonth(int k, int jur, double pue, int t) const {
    return powerW(k, t) / 1000.0 * pue * kHoursPerMonth * in_.at(s_.jurisdictions[jur].electricity_usd_per_mwh, t) /
           1000.0;
  }
  double budgetMonthly(int c, int t) const;
  double sitePowerMw(int site, int t) const { return t == cm_.t ? cm_.site_mw[site] : sitePowerMwAt(site, t); }
  double sitePowerMwAt(int site, int t) const;
  bool concernBloc(int c) const { return s_.jurisdictions[s_.companies[c].hq].bloc == s_.params.concern_bloc; }
  bool domestic(int c, int k) const { return s_.vendors[s_.chips[k].vendor].origin == s_.companies[c].hq; }
  double guidanceStrength(int c, int k, int t) {
    if (t != cm_.t) return guidanceStrengthAt(c, k, t);
    double& g = cm_.guided[static_cast<size_t>(c) * K_ + k];
    if (g < 0) g = guidanceStrengthAt(c, k, t);
    return g;
  }
  double guidanceStrengthAt(int c, int k, int t) const;
  double diversionShare(int jur, int t) const;
  // Called for every delivery: inline.
  void addFleet(int c, int loc, int p, int k, double units, int t) {
    if (units <= 0) return;
    fleet_[fi(c, loc, p, k)] += units;
    fleet_expected_[c] += units;
    if (loc >= 1 && loc <= S_) site_mw_used_[loc - 1] += units * powerW(k, t) * pueOfLoc(c, loc, t) / 1e6;
    const int end = t + lifeMonths(k, t);
    if (end < T_) retire_[end].push_back({c, loc, p, k, -1, units});
  }
  void addSiteFleet(int site, int k, double units, int t);

  // Verdicts are asked many times a month (purposes, rounds): compute each once.
  const Verdict& saleVerdict(int c, int loc, int k, int jur) {
    const size_t i = (static_cast<size_t>(c) * (S_ + 1) + loc) * K_ + k;
    if (!sale_ok_[i]) {
      sale_cache_[i] = evaluateSale(s_, in_, rm_, k, c, jur);
      sale_ok_[i] = 1;
    }
    sale_cache_[i].month = verdict_month_;  // a verdict kept from an earlier month names this one
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
  void keepOrClearVerdicts(int t);
  void production(int t);
  void retire(int t);
  void choose(int t, int round);
  void chooseFor(int c, int p, double budget, int t, int round);
  // What shapes one company's choices this month (chooseFor's inputs).
  struct Taste {
    double premium = 0, will = 0, tol = 0, dom = 0, subsidy = 0, risk = 0;
    bool tracing = false;
  };
  Taste tasteOf(int c, int t) const;
  void addBuyOptions(int c, int p, int t, int round, const Taste& taste, std::vector<Option>& out);
  void addLeaseOptions(int c, int p, const Taste& taste, std::vector<Option>& out);
  bool addGreyOption(int c, int p, int t, const Taste& taste, Option& out);  // false: none on offer
  void shareOut(int c, int p, int t);
  void placeOrders(int c, int p, double budget, int t);
  void traceOptions(int p, double budget, int round);
  void siteCapacity();
  void rationChips(int t, int round);
  void operatorArrivals(int t);
  const std::vector<double>& countryCapScale(int t, int round);
  void cutToSitePower(int t);
  void deliver(Order& o, int t);
  bool capDest(size_t rule, const Order& o) const {
    const char* dest = &cap_dest_[rule * J_];
    return dest[o.jur] || dest[s_.companies[o.buyer].hq];
  }
  bool capCovers(size_t rule, int chip) const {
    return cap_chip_[rule * static_cast<size_t>(K_) + static_cast<size_t>(chip)] &&
           rm_.covered(static_cast<int>(rule), chip);
  }
  bool capRef(size_t rule, const Order& o) const {
    return s_.companies[o.buyer].hq == std::get<VolumeCapRule>(s_.rules[rule].spec).reference;
  }
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
  double companyMetrics(int c, int t, char need);
  void recordCompanies(int t);
  void recordJurisdictions(int t);
  void recordVendorsChipsWorld(int t);
  // Company metric positions (addSeries order): 13 + 2v vendor pairs, the total, then the FLOP block.
  size_t companyTotalMetric() const { return 13 + 2 * static_cast<size_t>(V_); }
  void check(int t);
  void frontierGap();

  const Scenario& s_;
  const RunOptions& o_;
  const Text& text_;  // the trace's sentences (English unless the caller translates)
  Inputs in_;
  Results r_;
  int T_ = 0, C_ = 0, K_ = 0, S_ = 0, J_ = 0, V_ = 0, B_ = 0, L_ = 0;

  std::vector<double> htrain_, hinfer_;                   // per chip
  std::vector<std::vector<int>> locs_;                    // per company: home, owned sites, grey
  std::vector<double> lease_price_;                       // per site, this month
  std::vector<double> fleet_, site_fleet_;                // units
  std::vector<double> leased_, payment_;                  // H100e-train, USD/month
  std::vector<double> site_ratio_;                        // inference/training H100e of a site's fleet
  std::vector<double> stock_, grey_pool_;                 // per chip
  std::vector<double> backlog_, budget_now_;              // per company x purpose
  std::vector<double> site_cap_, site_free_;              // leasable H100e, and the part not yet leased
  RuleMonth rm_, rm_before_;                              // this month's rule facts, and last month's
  std::vector<double> verdict_key_, verdict_key_before_;  // what verdicts read (verdictKey)
  int verdict_month_ = 0;                                 // absolute month the verdicts answer
  std::vector<std::vector<Option>> month_opts_;           // company x purpose, built in round 0
  std::map<std::tuple<int, int, int, int>, int> trace_index_;
  double trace_budget_[2] = {0, 0};
  std::vector<Option*> opts_;  // this round's options: in month_opts_, and grey_opt_
  Option grey_opt_;
  std::vector<Option> denied_;
  std::vector<Taste> tastes_;  // per company, this month (worked out in round 0)
  struct GreyOffer {
    uint64_t stamp = 0;  // grey_stamp_ is bumped before its first use
    double value = 0, h = 0;
  };
  std::vector<GreyOffer> grey_offer_;  // jurisdiction x purpose: the grey pool this round
  uint64_t grey_stamp_ = 0;            // bumps each round (never reset): the pool changes between rounds
  std::vector<Verdict> sale_cache_, lease_cache_;
  std::vector<char> sale_ok_, lease_ok_;
  // A buy option's cost before dividing by the purpose's H100e, and Beijing's guidance on it:
  // the same for both purposes, so the second purpose reuses the first's (same index as sales).
  struct BuyCost {
    double cost = 0, guided = 0;
    double list = 0, paid = 0, power = 0, life = 1;  // unit price with the fee; after subsidy; power per month
  };
  size_t buyIndex(int c, int loc, int k) const { return (static_cast<size_t>(c) * (S_ + 1) + loc) * K_ + k; }
  std::vector<BuyCost> buy_cost_;
  std::vector<char> buy_ok_;
  std::vector<double> divert_share_;  // per jurisdiction, this month
  std::vector<double> site_mw_used_, pending_mw_, pending_h100e_;
  std::vector<double> imports_cum_, cap_used_;  // per jurisdiction
  std::vector<std::vector<Retire>> retire_;
  std::vector<std::vector<LeaseEnd>> lease_end_;
  std::vector<std::vector<Arrival>> arrivals_;
  std::vector<double> effective_factor_;  // algorithmic progress, cumulative

  struct ChipMonth {
    int t = -1;  // the month these hold
    std::vector<double> price, power_w, life;
    std::vector<int> life_months;  // life rounded: months until the chip retires
    std::vector<double> site_mw;   // per site: sitePowerMw
    std::vector<double> guided;    // company x chip: guidanceStrength, < 0 until asked
  } cm_;
  RecordScratch rec_;                         // record()'s buffers
  MonthFlows mo_;                             // this month's flows, reset at the start of each month
  RationScratch rs_;                          // rationing's and the choice's working arrays
  std::vector<double> stock_before_;          // chip
  std::vector<int> last_sellable_;            // chip: last month it had output and a buyer (-1 none)
  std::vector<size_t> caps_now_;              // volume-cap rules in force this month
  std::vector<double> gate_used_;             // per gate x company: units in the quota year
  bool grandfather_all_ = true;               // installed chips and signed leases always survive new restrictions
  std::vector<char> was_restricted_;          // company x (home + sites) x chip, last month
  std::vector<double> was_allowed_;           // company x site x purpose: lease share allowed last month
  std::vector<double> lease_mult_;            // per site: scarcity multiplier on the scheduled lease price
  std::vector<int> gate_year_;                // per gate: the quota year gate_used_ counts
  std::vector<double> cap_left_, cap_scale_;  // per jurisdiction: country caps left, this round's scale
  std::vector<char> controlled_;
  std::vector<char> gated_chip_;  // per chip, this month: one of Beijing's import gates names it
  // Facts of the scenario, laid out once (layout). Read for every delivery: the buyer's bloc and whether it is the
  // concern bloc (per company), each chip's vendor, whether a vendor pays a revenue share.
  std::vector<int> company_bloc_, chip_vendor_;
  std::vector<char> concern_, vendor_pays_;
  std::vector<char> cap_dest_;          // rule x jurisdiction: a volume cap names it a destination
  std::vector<char> cap_chip_;          // rule x chip: a volume cap measures this chip (its reference may buy it)
  std::vector<double> fleet_expected_;  // company totals for the conservation check

  // series indices
  std::vector<int> cs_, bs_, js_, vs_, ks_, gs_;
  std::vector<std::string> company_metrics_, jur_metrics_, vendor_metrics_, chip_metrics_, global_metrics_;
  bool violated_ = false;

  // [SECTION] what a run records (RunOptions::record)
  // A series not chosen keeps index -1 in cs_ .. gs_ and is never written; planRecording()
  // works out which of record()'s work the chosen series (and the frontier gap) need.
  int addIf(Scope scope, const std::string& id, const std::string& metric) {
    return o_.record.matches(scope, id, metric) ? r_.add(scope, id, metric) : -1;
  }
  void put(int series, int t, double v) {
    if (series >= 0) r_.series(series)[t] = v;
  }
  void planRecording();
  // How much of a company's metrics a month works out: none, the month's flows (spend,
  // backlog), also its training compute (fleets and leases: the largest run, effective
  // compute, the offshore share), also inference, also the vendor mix of the sites it leases from.
  enum Need : char { kNeedNone, kNeedFlows, kNeedTrain, kNeedFleet, kNeedMix };
  std::vector<char> company_need_;  // per company (Need)
  std::vector<char> bloc_need_;     // per bloc: the most its chosen series need of each company in it
  bool jur_needed_ = true;          // any jurisdiction sum (power, leases)
  bool power_needed_ = true;        // any jurisdiction's power_mw (the company pass adds its fleets)
  std::vector<char> jur_chosen_;    // per jurisdiction: one of its series is chosen
  std::vector<char> jur_power_;     // per jurisdiction: power_mw is chosen
  std::vector<char> jur_sites_;     // per jurisdiction: a lease sum is chosen (revenue, leasable, leased, price)
  bool sites_needed_ = true;        // the vendor mix of leasable sites (kNeedMix companies, lease sums)
  bool gap_needed_ = true;          // any frontier gap: then effective_ is kept
  std::vector<double> effective_;   // company x month: effective compute, the gap's input

  // [SECTION] reuse (simulator.h): run after run on the same buffers and series layout
 public:
  // This run with other uncertain values: bit-identical to a fresh Sim's run() with them.
  const Results& rerun(std::span<const double> uncertain);

 private:
  void layout();    // once: dimensions, the series (keys) and what recording them needs
  void startRun();  // each run: every piece of run state as a fresh Sim has it (state kept
                    // from one month to the next is reset here, or a reused run inherits it)
  void runMonths();
  bool laid_out_ = false;
};

}  // namespace cp::sim
