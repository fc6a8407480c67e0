// Options and their cost, and the logit choice of each company and purpose.
// The equations are documented, term by term, in src/engine/README.md.
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "engine/sim.h"

namespace cp::sim {

void Sim::choose(int t, int round) {
  if (round == 0) siteCapacity();  // options (and their site ratios) are built in round 0
  std::vector<double>& carry = rs_.carry;
  carry.assign(mo_.unfilled.begin(), mo_.unfilled.end());
  std::fill(mo_.unfilled.begin(), mo_.unfilled.end(), 0.0);
  ++grey_stamp_;
  if (round == 0) {
    tastes_.resize(C_);
    grey_offer_.resize(static_cast<size_t>(J_) * 2);
  }
  for (int c = 0; c < C_; ++c) {
    const Company& co = s_.companies[c];
    if (co.kind == CompanyKind::Operator) continue;
    if (round == 0) tastes_[c] = tasteOf(c, t);
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

// Step 4-5 for one company and purpose: its options and their cost, the logit shares,
// and the orders, lease requests and grey purchases they become.
void Sim::chooseFor(int c, int p, double budget, int t, int round) {
  const Taste& taste = tastes_[c];
  opts_.clear();
  denied_.clear();
  // Costs hold for the whole month: build the buy and lease options once (round 0) and
  // in later rounds offer those that still have stock. opts_ points into that list, so the
  // logit weights worked out in one round are there for the next.
  std::vector<Option>& cached = month_opts_[static_cast<size_t>(c) * 2 + p];
  if (round == 0) {
    cached.clear();
    addBuyOptions(c, p, t, round, taste, cached);
    addLeaseOptions(c, p, taste, cached);
  }
  for (Option& o : cached) {
    if (round > 0 && o.kind == OptionKind::Buy && stock_[o.chip] < kMinUnits) continue;
    if (round > 0 && o.kind == OptionKind::Buy && mo_.shut[static_cast<size_t>(c) * K_ + o.chip])
      continue;  // capped out: money goes elsewhere
    // A partly effective lease rule stays on offer: round 0's shares are set against the
    // cheapest option, which often sells out, so most lease demand arrives in later rounds.
    // Each round the rule refuses its share again, and the leased amount falls by ~c.
    opts_.push_back(&o);
  }
  if (addGreyOption(c, p, t, taste, grey_opt_)) opts_.push_back(&grey_opt_);
  if (!opts_.empty()) shareOut(c, p, t);
  placeOrders(c, p, budget, t);
  if (taste.tracing) traceOptions(p, budget, round);
}

Sim::Taste Sim::tasteOf(int c, int t) const {
  const Company& co = s_.companies[c];
  const Params& pa = s_.params;
  Taste k;
  k.premium = std::max(0.0, in_.at(pa.preference_premium, t));
  k.will = std::clamp(in_.at(co.offshore_willingness, t), 0.0, 1.0);
  k.tol = std::clamp(in_.at(co.grey_tolerance, t), 0.0, 1.0);
  k.dom = std::clamp(in_.at(co.domestic_preference, t), 0.0, 1.0);
  k.tracing = o_.trace_company == c && in_.absMonth(t) == o_.trace_month;
  k.subsidy = concernBloc(c) ? std::clamp(in_.at(s_.china.domestic_subsidy, t), 0.0, 1.0) : 0.0;
  k.risk = std::max(0.0, in_.at(pa.licence_risk_premium, t));
  return k;
}

// Buy: at home and at each site this company owns abroad.
void Sim::addBuyOptions(int c, int p, int t, int round, const Taste& taste, std::vector<Option>& out) {
  for (int loc : locs_[c]) {
    if (loc == L_ - 1) continue;  // the grey channel is not bought from vendors
    if (loc >= 1 && (taste.will <= 0 || s_.sites[loc - 1].leasable || s_.sites[loc - 1].operator_company != c))
      continue;
    if (loc >= 1 && sitePowerMw(loc - 1, t) - site_mw_used_[loc - 1] < 0.01) continue;  // full: no room to install
    const int jur = jurOfLoc(c, loc);
    const bool list_denied = taste.tracing && round == 0;
    for (int k = 0; k < K_; ++k) {
      // Denied chips are listed for the why panel even when none are in stock.
      if (stock_[k] < kMinUnits && !list_denied) continue;
      const Verdict& v = saleVerdict(c, loc, k, jur);
      if (stock_[k] < kMinUnits && v.status != Status::Denied) continue;
      const double h = p == 0 ? htrain_[k] : hinfer_[k];
      if (h <= 0) continue;
      // A denied option's cost is only shown (the why panel), never chosen.
      if (v.status == Status::Denied && (!list_denied || v.reason == Reason::NotForSale)) continue;
      const size_t bi = buyIndex(c, loc, k);
      if (!buy_ok_[bi]) {
        BuyCost& b = buy_cost_[bi];
        b.list = priceOf(k, t) * (1 + v.fee_share);
        b.paid = b.list * (domestic(c, k) ? 1 - taste.subsidy : 1.0);
        b.life = lifeOf(k, t);
        b.power = powerCostMonth(k, jur, pueOfLoc(c, loc, t), t);
        double cost = b.paid / b.life + b.power;
        if (v.status == Status::Licence) cost *= (1 + taste.risk) / std::max(kMinApproval, v.approval);
        if (domestic(c, k)) cost *= 1 - taste.premium * taste.dom;
        if (loc >= 1) cost *= 1 + taste.premium * (1 - taste.will);
        b.cost = cost;
        b.guided = guidanceStrength(c, k, t);
        buy_ok_[bi] = 1;
      }
      Option o{OptionKind::Buy, k, loc, loc - 1, 0, 1, loc >= 1, 0, &v};
      o.cost = buy_cost_[bi].cost / h;
      o.guided = buy_cost_[bi].guided;
      if (v.status == Status::Denied) {
        denied_.push_back(o);
        continue;
      }
      out.push_back(o);
    }
  }
}

// Lease capacity at overseas sites (only in round 0, so the trace sees every refusal once).
void Sim::addLeaseOptions(int c, int p, const Taste& taste, std::vector<Option>& out) {
  if (taste.will <= 0) return;
  for (int si = 0; si < S_; ++si) {
    const Site& st = s_.sites[si];
    if (!st.leasable || st.jurisdiction == s_.companies[c].hq) continue;
    const Verdict& v = leaseVerdict(c, si, p);
    // A partly effective rule (compliance below 1, host KYC) refuses its share of the
    // contracts at signing; the company still asks, and what is refused spills elsewhere.
    Option o{OptionKind::Lease, -1, 0, si, 0, v.allowed_share > 0 ? 1.0 : 0.0, true, 0, &v};
    const double price = lease_price_[si];
    o.cost = price / (p == 0 ? 1.0 : site_ratio_[si]) * (1 + taste.premium * (1 - taste.will));
    // Full sites stay on offer: requests there are the waiting list operators build for.
    if (v.status == Status::Denied || o.factor <= 0) {
      if (taste.tracing) denied_.push_back(o);
      continue;
    }
    out.push_back(o);
  }
}

// Grey market: diverted chips, at a premium, for those who tolerate the risk.
bool Sim::addGreyOption(int c, int p, int t, const Taste& taste, Option& out) {
  if (taste.tol <= 0) return false;
  // The pool's value and H100e are the same for every company of one home this round.
  const int jur = s_.companies[c].hq;
  GreyOffer& g = grey_offer_[static_cast<size_t>(jur) * 2 + p];
  if (g.stamp != grey_stamp_) {
    double grey_units = 0.0;
    for (double u : grey_pool_) grey_units += u;
    g = {grey_stamp_, 0, 0};
    for (int k = 0; grey_units >= kMinUnits && k < K_; ++k) {
      if (grey_pool_[k] <= 0) continue;
      g.value +=
          grey_pool_[k] * (priceOf(k, t) * (1 + std::max(0.0, in_.at(s_.params.grey_premium, t))) / lifeOf(k, t) +
                           powerCostMonth(k, jur, in_.at(s_.jurisdictions[jur].pue, t), t));
      g.h += grey_pool_[k] * (p == 0 ? htrain_[k] : hinfer_[k]);
    }
  }
  const double value = g.value, h = g.h;
  if (h <= 0) return false;
  out = Option{OptionKind::Grey, -1, L_ - 1, -1, 0, 1, false, 0, nullptr};
  out.cost = value / h * (1 + taste.premium * (1 - taste.tol));
  return true;
}

// The options' shares of the budget: logit on cost, then Beijing's guidance and its cap on
// offshore training.
void Sim::shareOut(int c, int p, int t) {
  // Logit on cost relative to the cheapest allowed option: smooth in every input.
  const double beta = std::max(0.0, in_.at(s_.params.logit_beta, t));
  double cmin = std::numeric_limits<double>::max();
  for (const Option* o : opts_) cmin = std::min(cmin, o->cost);
  double sum = 0;
  for (Option* o : opts_) {
    if (o->weight_cmin != cmin) {
      // The cheapest option's weight is exp(-0) = 1 exactly: no need to ask exp.
      const bool cheapest = o->cost == cmin && cmin > 0 && cmin < std::numeric_limits<double>::infinity();
      o->weight = cheapest ? 1.0 : std::exp(-beta * (o->cost / cmin - 1.0));
      o->weight_cmin = cmin;
    }
    o->share = o->factor * o->weight;
    sum += o->share;
  }
  // Normalise, and let Beijing's guidance cut demand for a named chip by its strength; the
  // money moves to the options it does not name (none left: it waits as backlog).
  double cut = 0, free_share = 0;
  for (Option* o : opts_) {
    o->share = sum > 0 ? o->share / sum : 0.0;
    if (o->guided > 0) {
      cut += o->share * o->guided;
      o->share *= 1 - o->guided;
    } else {
      free_share += o->share;
    }
  }
  if (cut > 0 && free_share > 0)
    for (Option* o : opts_)
      if (o->guided <= 0) o->share += cut * o->share / free_share;
  // China's data-export rules: at most `cap` of training may run offshore.
  if (p == 0 && concern_[c]) {
    double offshore = 0;
    for (const Option* o : opts_)
      if (o->offshore) offshore += o->share;
    const double cap = std::clamp(in_.at(s_.china.offshore_training_cap, t), 0.0, 1.0);
    if (offshore > cap) {
      const double onshore = 1 - offshore;
      for (Option* o : opts_) {
        if (o->offshore)
          o->share *= cap / offshore;
        else if (onshore > 0)
          o->share *= (1 - cap) / onshore;
      }
    }
  }
}

void Sim::placeOrders(int c, int p, double budget, int t) {
  double spent_plan = 0;
  for (const Option* opt : opts_) {
    const Option& o = *opt;
    const double spend = budget * o.share;
    spent_plan += spend;
    if (spend <= 0) continue;
    if (o.kind == OptionKind::Buy) {
      // The unit's price and running cost were worked out with the option (same month).
      const BuyCost& b = buy_cost_[buyIndex(c, o.loc, o.chip)];
      const double tco = b.paid + b.power * b.life;
      Order ord;
      ord.company = c;
      ord.buyer = c;
      ord.purpose = p;
      ord.loc = o.loc;
      ord.chip = o.chip;
      ord.jur = jurOfLoc(c, o.loc);
      ord.units = spend / tco;
      ord.spend = spend;
      ord.unit_price = b.list;
      ord.fee_share = o.verdict->fee_share;
      ord.offshore = o.offshore;
      ord.veu = s_.companies[c].validated_end_user;
      mo_.orders.push_back(ord);
    } else if (o.kind == OptionKind::Lease) {
      const double price = lease_price_[o.site];
      const double term = std::max(1.0, in_.at(s_.params.lease_term_months, t));
      mo_.lease_reqs.push_back({c, p, o.site, spend / (price * term), spend, o.verdict->allowed_share});
    } else {
      mo_.grey_reqs.push_back({c, p, spend});
    }
  }
  mo_.unfilled[c * 2 + p] += budget - spent_plan;  // no allowed option: the money waits
}

// The why panel's rows for the traced company, merged over the month's rounds.
void Sim::traceOptions(int p, double budget, int round) {
  auto label = [&](const Option& o) {
    const Text& t = text_;
    if (o.kind == OptionKind::Lease) return t.trf("lease at {}", t.tr(s_.sites[o.site].name.c_str()));
    if (o.kind == OptionKind::Grey) return std::string(t.tr("grey market (diverted chips)"));
    return t.trf("buy {} ({})", t.tr(s_.chips[o.chip].name.c_str()),
                 o.loc == 0 ? t.tr("home") : t.tr(s_.sites[o.loc - 1].name.c_str()));
  };
  if (round == 0) trace_budget_[p] = budget;
  for (const Option* opt : opts_) {
    const Option& o = *opt;
    const int i = traceEntry(o.kind, o.kind == OptionKind::Lease ? o.site : o.chip, o.loc, p);
    if (r_.trace[i].label.empty()) {
      r_.trace[i].label = label(o);
      r_.trace[i].verdict = explain(s_, o.verdict ? *o.verdict : Verdict{}, text_);
      if (o.guided > 0) r_.trace[i].verdict += text_.trf("; Beijing's guidance cuts demand by {:.0f}%", o.guided * 100);
      r_.trace[i].cost_usd_per_h100e_month = o.cost;
    }
    r_.trace[i].spend_usd += budget * o.share;
    r_.trace[i].share = trace_budget_[p] > 0 ? r_.trace[i].spend_usd / trace_budget_[p] : 0.0;
  }
  for (const Option& o : denied_)
    r_.trace.push_back({label(o), p, explain(s_, *o.verdict, text_), false, o.cost, 0, 0});
}

}  // namespace cp::sim
