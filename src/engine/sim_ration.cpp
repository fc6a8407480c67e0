// Caps, quotas and rationing: chips, leases, the grey market; operators' own orders.
// The equations are documented, term by term, in src/engine/README.md.
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "engine/sim.h"

namespace cp::sim {

// Step 6: orders meet stock. Operators' arrivals join the orders; country caps, site power,
// import quotas and volume caps scale them; then each is delivered (or its money waits).
void Sim::rationChips(int t, int round) {
  if (round == 0) {
    operatorArrivals(t);
    for (int k = 0; k < K_; ++k) {
      controlled_[k] = rm_.controlled[k];
      gated_chip_[k] = 0;
      for (size_t g = 0; g < s_.china.import_gates.size(); ++g) gated_chip_[k] |= rm_.gates(static_cast<int>(g), k);
    }
  }
  const std::vector<double>& cap_scale = countryCapScale(t, round);
  cutToSitePower(t);
  limitByImportQuotas(t);
  std::vector<double>& want = rs_.chip_want;
  want.assign(K_, 0.0);
  for (const Order& o : mo_.orders) want[o.chip] += o.units * (controlled_[o.chip] && !o.veu ? cap_scale[o.jur] : 1.0);
  std::vector<double>& fill = rs_.chip_fill;
  fill.assign(K_, 1.0);
  for (int k = 0; k < K_; ++k)
    if (want[k] > stock_[k]) fill[k] = want[k] > 0 ? stock_[k] / want[k] : 1.0;
  // Volume caps: capped buyers get at most cap_share x what the reference buyers get this
  // month (pro rata among the capped); what they cannot have stays in stock for others.
  for (Order& o : mo_.orders) o.scale = (controlled_[o.chip] && !o.veu ? cap_scale[o.jur] : 1.0) * fill[o.chip];
  limitByVolumeCaps(t);
  for (Order& o : mo_.orders) deliver(o, t);
}

// Operators' orders placed build_lag months ago arrive now and buy from the same stock.
void Sim::operatorArrivals(int t) {
  for (const Arrival& a : arrivals_[t]) {
    pending_mw_[a.site] = std::max(0.0, pending_mw_[a.site] - a.mw);
    pending_h100e_[a.site] = std::max(0.0, pending_h100e_[a.site] - a.h100e);
    const Site& st = s_.sites[a.site];
    const Verdict& v = saleVerdict(st.operator_company, a.site + 1, a.chip, st.jurisdiction);
    if (v.status == Status::Denied) continue;
    Order ord;
    ord.company = -1;
    ord.buyer = st.operator_company;
    ord.site = a.site;
    ord.chip = a.chip;
    ord.jur = st.jurisdiction;
    ord.units = a.units * (v.status == Status::Licence ? v.approval : 1.0);
    ord.unit_price = priceOf(a.chip, t) * (1 + v.fee_share);
    ord.spend = ord.units * ord.unit_price;
    ord.fee_share = v.fee_share;
    ord.veu = s_.companies[st.operator_company].validated_end_user;
    mo_.orders.push_back(ord);
  }
}

// Country caps (diffusion rule): controlled imports into a capped tier-2 host stop at the
// cap. Returns each jurisdiction's scale on this round's controlled orders.
const std::vector<double>& Sim::countryCapScale(int t, int round) {
  std::vector<double>& cap_left = cap_left_;
  if (round == 0) cap_left.assign(J_, std::numeric_limits<double>::infinity());
  for (size_t ri = 0; round == 0 && ri < s_.rules.size(); ++ri) {
    const auto* r = std::get_if<CountryCapsRule>(&s_.rules[ri].spec);
    if (!r || !rm_.active[ri]) continue;
    const double abs = in_.absMonth(t);
    if (abs < in_.at(r->cap_from, t) || abs >= in_.at(r->cap_until, t)) continue;
    for (int j = 0; j < J_; ++j)
      if (s_.jurisdictions[j].tier == 2)
        cap_left[j] = std::min(cap_left[j], std::max(0.0, in_.at(r->cap_h100e, t) - cap_used_[j]));
  }
  cap_scale_.assign(J_, 1.0);
  std::vector<double>& capped_demand = rs_.capped_demand;
  capped_demand.assign(J_, 0.0);
  for (const Order& o : mo_.orders)
    if (controlled_[o.chip] && !o.veu) capped_demand[o.jur] += o.units * htrain_[o.chip];
  for (int j = 0; j < J_; ++j)
    if (capped_demand[j] > cap_left[j]) cap_scale_[j] = cap_left[j] / capped_demand[j];
  return cap_scale_;
}

// An owned site abroad installs only what its free power allows: orders beyond it are
// cut before rationing (their money stays unspent) so they do not hold stock back.
void Sim::cutToSitePower(int t) {
  std::vector<double>& site_mw_want = rs_.site_mw_want;
  site_mw_want.assign(S_, 0.0);
  for (const Order& o : mo_.orders)
    if (o.company >= 0 && o.loc >= 1 && o.loc <= S_)
      site_mw_want[o.loc - 1] += o.units * powerW(o.chip, t) * pueOfLoc(o.company, o.loc, t) / 1e6;
  // Each site's share kept (< 0: no cut), the same for all its orders this round.
  std::vector<double>& site_keep = rs_.site_keep;
  site_keep.assign(S_, -1.0);
  bool any_cut = false;
  for (int si = 0; si < S_; ++si) {
    if (site_mw_want[si] <= 0) continue;
    const double free_mw = std::max(0.0, sitePowerMw(si, t) - site_mw_used_[si]);
    if (site_mw_want[si] <= free_mw) continue;
    site_keep[si] = free_mw / site_mw_want[si];
    any_cut = true;
  }
  if (!any_cut) return;
  for (Order& o : mo_.orders) {
    if (o.company < 0 || o.loc < 1 || o.loc > S_ || site_keep[o.loc - 1] < 0) continue;
    const double keep = site_keep[o.loc - 1];
    mo_.unfilled[o.company * 2 + o.purpose] += o.spend * (1 - keep);
    o.units *= keep;
    o.spend *= keep;
  }
}

// One order at its scale: stock out, diversion, fleets, quotas and caps used, revenue.
void Sim::deliver(Order& o, int t) {
  const double units = std::min(o.units * o.scale, stock_[o.chip]);
  if (units <= 0 && o.company >= 0) {
    mo_.unfilled[o.company * 2 + o.purpose] += o.spend;
    return;
  }
  stock_[o.chip] -= units;
  mo_.delivered[o.chip] += units;
  o.delivered = units;
  // A share of controlled chips shipped into a host leaks to the grey market before
  // installation: fronts buy them at list price, the host buyer gets the rest.
  const double leak = controlled_[o.chip] ? units * divert_share_[o.jur] : 0.0;
  if (leak > 0) {
    grey_pool_[o.chip] += leak;
    mo_.diverted_jur[o.jur] += leak;
    mo_.diverted_total += leak;
  }
  const double kept = units - leak;
  mo_.delivered_bloc[static_cast<size_t>(o.chip) * B_ + company_bloc_[o.buyer]] += units;
  for (const size_t ri : caps_now_) {
    if (!capCovers(ri, o.chip)) continue;
    if (capDest(ri, o))
      mo_.cap_dest[ri * static_cast<size_t>(K_) + static_cast<size_t>(o.chip)] += units;
    else if (capRef(ri, o))
      mo_.cap_ref[ri * static_cast<size_t>(K_) + static_cast<size_t>(o.chip)] += units;
  }
  for (size_t g = 0; gated_chip_[o.chip] && g < s_.china.import_gates.size(); ++g)
    if (gateQuotaApplies(g, o)) gate_used_[g * C_ + o.buyer] += units;
  if (o.company >= 0) {
    addFleet(o.company, o.loc, o.purpose, o.chip, kept, t);
    const double paid = o.spend * (o.units > 0 ? kept / o.units : 0.0);
    if (traced(o.company, t)) tracePaid(OptionKind::Buy, o.chip, o.loc, o.purpose, paid);
    mo_.unfilled[o.company * 2 + o.purpose] += o.spend - paid;
    mo_.spend[o.company] += paid;
    if (o.offshore) mo_.spend_offshore[o.company] += paid;
  } else {
    addSiteFleet(o.site, o.chip, kept, t);
  }
  const double revenue = units * o.unit_price;
  const int v = chip_vendor_[o.chip];
  mo_.vendor_rev[v] += revenue;
  mo_.vendor_units[v] += units;
  mo_.vendor_rev_jur[static_cast<size_t>(v) * J_ + o.jur] += revenue;
  if (o.company >= 0 && concern_[o.company]) mo_.vendor_rev_concern[v] += revenue;
  if (vendor_pays_[v]) mo_.fee_revenue += units * o.unit_price / (1 + o.fee_share) * o.fee_share;
  if (controlled_[o.chip]) {
    mo_.imports_month[o.jur] += units * htrain_[o.chip];
    if (!o.veu && std::isfinite(cap_left_[o.jur])) {
      cap_used_[o.jur] += units * htrain_[o.chip];
      cap_left_[o.jur] = std::max(0.0, cap_left_[o.jur] - units * htrain_[o.chip]);
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
    std::vector<double>& asked = rs_.asked;
    asked.assign(C_, 0.0);
    for (const Order& o : mo_.orders)
      if (gateQuotaApplies(g, o)) asked[o.company] += o.units;
    auto cut = [&](double left, double want, auto&& match) {
      if (want <= left || want <= 0) return;
      const double keep = std::max(0.0, left) / want;
      for (Order& o : mo_.orders) {
        if (!gateQuotaApplies(g, o) || !match(o)) continue;
        mo_.unfilled[o.company * 2 + o.purpose] += o.spend * (1 - keep);
        o.units *= keep;
        o.spend *= keep;
        if (keep <= 0) mo_.shut[static_cast<size_t>(o.company) * K_ + o.chip] = 1;
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
  // Chip by chip, the capped buyers' deliveries of each of the rule's chips stay within
  // cap_share x the reference buyers' deliveries of that same chip this month ("50% of
  // the volume of that product sold to US customers"): China's H200s against US H200s,
  // not against every chip of the class the US buys (its own accelerators among them).
  std::vector<double>&dest = rs_.cap_dest, &ref = rs_.cap_ref, &keep = rs_.cap_keep;
  for (const size_t ri : caps_now_) {
    const VolumeCapRule& r = std::get<VolumeCapRule>(s_.rules[ri].spec);
    dest.assign(K_, 0.0);
    ref.assign(K_, 0.0);
    keep.assign(K_, 1.0);
    for (const Order& o : mo_.orders) {
      if (!capCovers(ri, o.chip)) continue;
      if (capDest(ri, o))
        dest[o.chip] += o.units * o.scale;
      else if (capRef(ri, o))
        ref[o.chip] += o.units * o.scale;
    }
    const double share = std::clamp(in_.at(r.cap_share, t), 0.0, 1.0);
    for (int k = 0; k < K_; ++k) {
      const size_t at = ri * static_cast<size_t>(K_) + static_cast<size_t>(k);
      const double allowed = std::max(0.0, share * (mo_.cap_ref[at] + ref[k]) - mo_.cap_dest[at]);
      if (dest[k] > allowed && dest[k] > 0) keep[k] = allowed / dest[k];
    }
    for (Order& o : mo_.orders) {
      if (!capCovers(ri, o.chip) || !capDest(ri, o)) continue;
      if (keep[o.chip] >= 1.0) continue;
      o.scale *= keep[o.chip];
      if (keep[o.chip] <= 0 && o.company >= 0) mo_.shut[static_cast<size_t>(o.company) * K_ + o.chip] = 1;
    }
  }
}

void Sim::rationLeases(int t) {
  siteCapacity();
  // Requests are rationed at full size, as if no lease rule stood; a partly effective rule
  // then refuses its share of each affected contract. So the rule removes about c of the
  // affected leasing, and the capacity it frees goes to other tenants in the next round.
  std::vector<double>&want = rs_.lease_want, &want_allowed = rs_.lease_allowed, &fill = rs_.lease_fill;
  want.assign(S_, 0.0);
  want_allowed.assign(S_, 0.0);
  fill.assign(S_, 1.0);
  for (const LeaseReq& q : mo_.lease_reqs) {
    want[q.site] += q.h100e;
    want_allowed[q.site] += q.h100e * q.allowed;
  }
  for (int si = 0; si < S_; ++si) {
    if (want[si] > site_free_[si]) fill[si] = site_free_[si] / want[si];
    mo_.lease_unmet[si] = std::max(mo_.lease_unmet[si], want_allowed[si] - site_free_[si]);
  }
  const int term = std::max(1, static_cast<int>(std::lround(in_.at(s_.params.lease_term_months, t))));
  for (const LeaseReq& q : mo_.lease_reqs) {
    const double granted = q.h100e * q.allowed * fill[q.site];
    const double paid = q.spend * q.allowed * fill[q.site];
    if (traced(q.company, t)) tracePaid(OptionKind::Lease, q.site, 0, q.purpose, paid);
    mo_.unfilled[q.company * 2 + q.purpose] += q.spend - paid;
    if (granted <= 0) continue;
    leased_[(static_cast<size_t>(q.company) * S_ + q.site) * 2 + q.purpose] += granted;
    const double monthly = paid / term;
    payment_[static_cast<size_t>(q.company) * S_ + q.site] += monthly;
    mo_.spend[q.company] += paid;
    mo_.spend_offshore[q.company] += paid;
    if (t + term < T_) lease_end_[t + term].push_back({q.company, q.site, q.purpose, granted, monthly});
  }
}

void Sim::rationGrey(int t) {
  if (mo_.grey_reqs.empty()) return;
  const Params& pa = s_.params;
  double want = 0;
  for (const GreyReq& q : mo_.grey_reqs) want += q.spend;
  // Value of the pool at grey prices, each buyer's share of it pro rata to spend.
  std::vector<double>& unit_cost = rs_.grey_cost;
  unit_cost.assign(K_, 0.0);
  double pool_value = 0;
  for (int k = 0; k < K_; ++k) {
    if (grey_pool_[k] <= 0) continue;
    unit_cost[k] = priceOf(k, t) * (1 + std::max(0.0, in_.at(pa.grey_premium, t)));
    pool_value += grey_pool_[k] * unit_cost[k];
  }
  const double fill = (want > pool_value && want > 0) ? pool_value / want : 1.0;
  std::vector<double>& pool = rs_.grey_pool;  // the pool before this round's buyers
  pool.assign(grey_pool_.begin(), grey_pool_.end());
  for (const GreyReq& q : mo_.grey_reqs) {
    const double paid = q.spend * fill;
    if (traced(q.company, t)) tracePaid(OptionKind::Grey, -1, L_ - 1, q.purpose, paid);
    mo_.unfilled[q.company * 2 + q.purpose] += q.spend - paid;
    if (paid <= 0 || pool_value <= 0) continue;
    const double frac = paid / pool_value;
    for (int k = 0; k < K_; ++k) {
      const double units = std::min(grey_pool_[k], pool[k] * frac);
      if (units <= 0) continue;
      grey_pool_[k] -= units;
      addFleet(q.company, L_ - 1, q.purpose, k, units, t);
    }
    mo_.spend[q.company] += paid;
  }
}

void Sim::operatorsOrder(int t) {
  const int lag = std::max(1, static_cast<int>(std::lround(in_.at(s_.params.build_lag_months, t))));
  for (int si = 0; si < S_; ++si) {
    const Site& st = s_.sites[si];
    if (!st.leasable) continue;
    const double need = mo_.lease_unmet[si] - pending_h100e_[si];
    if (need <= 0) continue;
    for (int k : st.chip_menu) {
      const Verdict& v = saleVerdict(st.operator_company, si + 1, k, st.jurisdiction);
      if (v.status == Status::Denied || htrain_[k] <= 0) continue;
      const double w_mw = powerW(k, t) * in_.at(st.pue, t) / 1e6;
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

}  // namespace cp::sim
