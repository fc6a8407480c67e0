// The month in order (step), and its phases that are not choices or rationing:
// production, retirements, restrictions that stop installed chips, lease prices, backlog.
// The equations are documented, term by term, in src/engine/README.md.
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "engine/sim.h"

namespace cp::sim {

namespace {
// A rule (not the chip's sale window or the vendor's market) refuses the sale.
bool restricts(const Verdict& v) {
  return v.status == Status::Denied && v.reason != Reason::NotForSale && v.reason != Reason::BuyerRestricted &&
         v.reason != Reason::VendorMarket;
}
}  // namespace

void Sim::step(int t) {
  mo_.reset();
  chipMonth(t);

  for (int j = 0; j < J_; ++j) divert_share_[j] = diversionShare(j, t);
  std::swap(rm_, rm_before_);
  fillRuleMonth(rm_, s_, in_, t);
  for (size_t ri = 0; ri < s_.rules.size(); ++ri) r_.rule_active[ri][static_cast<size_t>(t)] = rm_.active[ri];
  caps_now_.clear();
  for (size_t ri = 0; ri < s_.rules.size(); ++ri)
    if (s_.rules[ri].kind() == RuleKind::VolumeCap && rm_.active[ri]) caps_now_.push_back(ri);
  for (int si = 0; si < S_; ++si)
    lease_price_[si] = std::max(1e-9, in_.at(s_.sites[si].lease_usd_per_h100e_month, t)) * lease_mult_[si];
  keepOrClearVerdicts(t);
  std::fill(buy_ok_.begin(), buy_ok_.end(), 0);
  retire(t);
  if (o_.trace_company >= 0 && in_.absMonth(t) == o_.trace_month) traceRestrictionStarts(t);
  if (!grandfather_all_) stopRestricted(t);
  production(t);
  for (int round = 0; round < kRounds; ++round) {
    mo_.newRound();
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

// Verdicts stay while the rule book and what it reads stand still (verdictKey); they only
// learn the new month, which their explanations name.
void Sim::keepOrClearVerdicts(int t) {
  std::swap(verdict_key_, verdict_key_before_);
  verdictKey(s_, in_, rm_, verdict_key_);
  verdict_month_ = in_.absMonth(t);
  if (t > 0 && verdict_key_ == verdict_key_before_ && sameVerdictFacts(rm_, rm_before_)) return;
  std::fill(sale_ok_.begin(), sale_ok_.end(), 0);
  std::fill(lease_ok_.begin(), lease_ok_.end(), 0);
}

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
      if (sellable(k))
        last_sellable_[k] = t;
      else if (last_sellable_[k] < 0 || t - last_sellable_[k] > in_.at(ch.pipeline_months, t))
        units = 0;
    }
    const double stock_cap = units * std::max(0.0, in_.at(s_.params.max_stock_months, t));
    units = std::min(units, std::max(0.0, stock_cap - stock_[k]));
    mo_.produced[k] = units;
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
        site_mw_used_[r.loc - 1] =
            std::max(0.0, site_mw_used_[r.loc - 1] - u * powerW(r.chip, t) * pueOfLoc(r.company, r.loc, t) / 1e6);
    } else {
      double& f = site_fleet_[static_cast<size_t>(r.site) * K_ + r.chip];
      const double u = std::min(f, r.units);
      f -= u;
      site_mw_used_[r.site] =
          std::max(0.0, site_mw_used_[r.site] - u * powerW(r.chip, t) * in_.at(s_.sites[r.site].pue, t) / 1e6);
    }
  }
  for (const LeaseEnd& e : lease_end_[t]) {
    double& l = leased_[(static_cast<size_t>(e.company) * S_ + e.site) * 2 + e.purpose];
    l = std::max(0.0, l - e.h100e);
    double& pay = payment_[static_cast<size_t>(e.company) * S_ + e.site];
    pay = std::max(0.0, pay - e.payment);
  }
}

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
            site_mw_used_[loc - 1] =
                std::max(0.0, site_mw_used_[loc - 1] - f * powerW(k, t) * pueOfLoc(c, loc, t) / 1e6);
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
  const RuleMonth& before = rm_before_;  // step() keeps last month's rule facts
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
      r_.trace.push_back(
          {tx.trf("installed {:.0f} x {} ({})", units, tx.tr(s_.chips[k].name.c_str()), where), 0,
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
    if (cap > 0)
      x = std::clamp((mo_.lease_unmet[si] - site_free_[si]) / cap, -1.0, 1.0);
    else if (mo_.lease_unmet[si] > 0)
      x = 1;
    lease_mult_[si] = std::clamp(lease_mult_[si] * std::exp(el * x), lo, hi);
  }
}

void Sim::carryBacklog(int t) {
  const double months = std::max(0.0, in_.at(s_.params.backlog_max_months, t));
  for (int i = 0; i < C_ * 2; ++i) backlog_[i] = std::clamp(mo_.unfilled[i], 0.0, months * budget_now_[i]);
}

}  // namespace cp::sim
