// Per-month outputs, the conservation check, and the frontier gap after the run.
// The equations are documented, term by term, in src/engine/README.md.
#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include <fmt/format.h>

#include "engine/sim.h"

namespace cp::sim {

// Step 10: this month's outputs. Buffers live in rec_ (sized once, cleared here).
void Sim::record(int t) {
  rec_.size(S_, V_, B_, J_, company_metrics_.size());
  // FLOP of a 1-H100e run over the run length: the same for every company this month.
  rec_.run_flop_per_h100e = in_.at(s_.params.reference_tflops, t) * 1e12 *
                            std::clamp(in_.at(s_.params.utilisation, t), 0.0, 1.0) *
                            std::max(0.0, in_.at(s_.params.run_months, t)) * kSecondsPerMonth;
  // Vendor mix of each leasable site's fleet, to attribute leased compute to vendors: once a
  // month, not once per company leasing there.
  for (int si = 0; si < S_; ++si) {
    bool finite = std::isfinite(site_ratio_[si]);
    if (sites_needed_) {
      double* const sv = rec_.site_vendor.data() + static_cast<size_t>(si) * V_;
      for (int k = 0; k < K_; ++k) {
        const double h = site_fleet_[static_cast<size_t>(si) * K_ + k] * htrain_[k];
        sv[chip_vendor_[k]] += h;
        rec_.site_total[si] += h;
      }
      if (rec_.site_total[si] > 0)
        for (int v = 0; v < V_; ++v) {
          const double mix = sv[v] / rec_.site_total[si];
          rec_.site_mix[static_cast<size_t>(si) * V_ + v] = mix;
          finite = finite && std::isfinite(mix);
        }
    }
    // Then a company's lease of 0 there adds only +-0 to its sums (0 x a finite factor).
    rec_.site_zero_lease_adds_nothing[si] = finite;
  }
  recordCompanies(t);
  recordJurisdictions(t);
  recordVendorsChipsWorld(t);
}

void RecordScratch::size(int sites, int vendors, int blocs, int jurisdictions, size_t company_metrics) {
  const auto zero = [](std::vector<double>& v, size_t n) { v.assign(n, 0.0); };
  zero(jur, static_cast<size_t>(jurisdictions) * 6);
  zero(site_vendor, static_cast<size_t>(sites) * vendors);
  zero(site_total, static_cast<size_t>(sites));
  site_mix.resize(static_cast<size_t>(sites) * vendors);            // written where read
  site_zero_lease_adds_nothing.resize(static_cast<size_t>(sites));  // record() sets it
  m.resize(company_metrics);                                        // companyMetrics clears it
  zero(bloc, static_cast<size_t>(blocs) * company_metrics);
  zero(bloc_off_num, static_cast<size_t>(blocs));
  vendor_flop.resize(static_cast<size_t>(vendors));  // companyMetrics clears it
  zero(concern_vendor_flop, static_cast<size_t>(vendors));
}

// One company's metrics into rec_.m (addSeries order) and its FLOP compute by vendor into
// rec_.vendor_flop; returns its offshore training H100e. Only as much as `need` asks
// (planRecording): the rest of rec_.m stays 0. The same pass over its fleets adds the power
// they draw to the jurisdictions whose power_mw is recorded (rec_.jur), company by company
// in order, as recordJurisdictions would.
double Sim::companyMetrics(int c, int t, char need) {
  std::vector<double>& m = rec_.m;
  std::fill(m.begin(), m.end(), 0.0);
  std::fill(rec_.vendor_flop.begin(), rec_.vendor_flop.end(), 0.0);
  m[10] = mo_.spend[c];
  m[11] = mo_.spend_offshore[c];
  m[12] = backlog_[c * 2] + backlog_[c * 2 + 1];
  if (need < kNeedTrain && !power_needed_) return 0.0;
  const size_t kTotal = companyTotalMetric(), kFleetFlop = kTotal + 1, kCompFlop = kFleetFlop + 1 + V_;
  // Each sum is added to in the same order as one m[] += per fleet would, so it keeps its
  // bits: sums over one place or purpose are held in locals, and the sums that would repeat
  // another's additions are copied from it.
  double off_train = 0, fleet_flop = 0;
  double* const vendor = &m[13];                   // compute_<vendor>_h100e at vendor[2v]
  double* const vendor_flop = &m[kFleetFlop + 1];  // fleet_<vendor>_flop_h100e
  const int* const chip_vendor = chip_vendor_.data();
  const std::vector<int>& locs = locs_[c];
  for (size_t li = 0; li < locs.size(); ++li) {
    const int loc = locs[li];
    const int where = loc == 0 ? 2 : (loc == L_ - 1 ? 5 : 3);  // home, abroad owned, grey
    // Home comes first: its vendor sums are then the vendor sums so far (copied below).
    const bool home_first = loc == 0 && li == 0;
    const bool offshore = loc >= 1 && loc <= S_;
    double place = m[where];
    const int j = jurOfLoc(c, loc);
    double* const power = power_needed_ && jur_power_[j] ? &rec_.jur[j] : nullptr;
    const double pue = power ? pueOfLoc(c, loc, t) : 0.0;
    const double* const units = fleet_.data() + fi(c, loc, 0, 0);  // purpose x chip
    // One purpose's fleets here; compiled for each purpose, with and without power (the loop
    // selective runs mostly take has none).
    const auto row = [&](auto with_power, auto train) {
      constexpr int kP = train ? 0 : 1;
      const double* const per_unit = train ? htrain_.data() : hinfer_.data();
      double purpose = m[kP];
      for (int k = 0; k < K_; ++k) {
        const double u = units[kP * K_ + k];
        if (u == 0) continue;
        if constexpr (with_power)
          if (u > 0) *power += u * cm_.power_w[k] * pue / 1e6;
        // Each fleet counts in its purpose's measure, so channels and vendors sum to the total.
        const double h = u * per_unit[k];
        purpose += h;
        place += h;
        const int v = chip_vendor[k];
        vendor[2 * v] += h;
        if (loc == 0 && !home_first) vendor[2 * v + 1] += h;
        if (train && offshore) off_train += h;
        const double hf = train ? h : u * htrain_[k];
        fleet_flop += hf;
        vendor_flop[v] += hf;
      }
      m[kP] = purpose;
    };
    if (power) {
      row(std::true_type{}, std::true_type{});
      row(std::true_type{}, std::false_type{});
    } else {
      row(std::false_type{}, std::true_type{});
      if (need >= kNeedFleet) row(std::false_type{}, std::false_type{});  // else training alone
    }
    m[where] = place;
    if (home_first)
      for (int v = 0; v < V_; ++v) vendor[2 * v + 1] = vendor[2 * v];
  }
  if (need < kNeedTrain) return 0.0;  // the pass was for power only
  m[kFleetFlop] = fleet_flop;
  // The FLOP compute by vendor: the fleets' (the same additions from 0), then leases'.
  std::copy(vendor_flop, vendor_flop + V_, rec_.vendor_flop.begin());
  for (int si = 0; si < S_; ++si) {
    const double lt = leased_[(static_cast<size_t>(c) * S_ + si) * 2];
    const double li = leased_[(static_cast<size_t>(c) * S_ + si) * 2 + 1];
    // Nothing leased here would add only zeros to sums that start at +0: they keep their bits.
    if (lt == 0 && li == 0 && rec_.site_zero_lease_adds_nothing[si]) continue;
    const double lh = lt + li * site_ratio_[si];
    m[0] += lt;
    m[1] += li * site_ratio_[si];
    m[4] += lh;
    m[kCompFlop] += lt + li;  // leases are contracted in training (= FLOP) H100e
    off_train += lt;
    if (need < kNeedMix || !(rec_.site_total[si] > 0)) continue;
    const double* const mix = rec_.site_mix.data() + static_cast<size_t>(si) * V_;
    for (int v = 0; v < V_; ++v) {
      vendor[2 * v] += lh * mix[v];
      rec_.vendor_flop[v] += (lt + li) * mix[v];
    }
  }
  m[kCompFlop] += m[kFleetFlop];
  m[6] = m[0] > 0 ? off_train / m[0] : 0.0;
  m[7] = m[0] * rec_.run_flop_per_h100e;
  m[8] = m[7] * effective_factor_[t];
  m[kTotal] = m[0] + m[1];
  return off_train;
}

// Companies, then their blocs: sums, except the largest run and effective compute (max) and
// the offshore share (recomputed from the sums). Only the companies planRecording() needs.
void Sim::recordCompanies(int t) {
  const size_t mc = company_metrics_.size();
  for (int c = 0; c < C_; ++c) {
    const char need = company_need_[c];
    if (need == kNeedNone && !power_needed_) continue;
    const double off_train = companyMetrics(c, t, need);
    if (need == kNeedNone) continue;  // operators never are needed
    const double* const m = rec_.m.data();
    const int* const series = &cs_[c * mc];
    for (size_t i = 0; i < mc; ++i) put(series[i], t, m[i]);
    if (gap_needed_) effective_[static_cast<size_t>(c) * T_ + t] = m[8];
    const int b = company_bloc_[c];
    if (b == s_.params.concern_bloc)
      for (int v = 0; v < V_; ++v) rec_.concern_vendor_flop[v] += rec_.vendor_flop[v];
    double* const bm = &rec_.bloc[static_cast<size_t>(b) * mc];
    for (size_t i = 0; i < 6; ++i) bm[i] += m[i];
    bm[7] = std::max(bm[7], m[7]);
    bm[8] = std::max(bm[8], m[8]);
    for (size_t i = 10; i < mc; ++i) bm[i] += m[i];
    rec_.bloc_off_num[b] += off_train;
  }
  for (int b = 0; b < B_; ++b) {
    if (bloc_need_[b] == kNeedNone) continue;
    double* bm = &rec_.bloc[static_cast<size_t>(b) * mc];
    bm[6] = bm[0] > 0 ? rec_.bloc_off_num[b] / bm[0] : 0.0;
    for (size_t i = 0; i < mc; ++i) put(bs_[b * mc + i], t, bm[i]);
  }
}

void Sim::recordJurisdictions(int t) {
  for (int j = 0; j < J_; ++j) imports_cum_[j] += mo_.imports_month[j];  // kept whether recorded or not
  const size_t mj = jur_metrics_.size();
  double* const power = rec_.jur.data();  // companies' fleets added by companyMetrics, sites' here
  double* const leasable = power + J_;
  double* const leased = leasable + J_;
  double* const lease_rev = leased + J_;
  double* const price_sum = lease_rev + J_;  // lease price weighted by capacity
  double* const price_w = price_sum + J_;
  for (int si = 0; jur_needed_ && si < S_; ++si) {
    const int j = s_.sites[si].jurisdiction;
    if (jur_power_[j]) {
      const double pue = in_.at(s_.sites[si].pue, t);
      for (int k = 0; k < K_; ++k) {
        const double u = site_fleet_[static_cast<size_t>(si) * K_ + k];
        power[j] += u * cm_.power_w[k] * pue / 1e6;
      }
    }
    if (!jur_sites_[j]) continue;
    leasable[j] += rec_.site_total[si];
    if (s_.sites[si].leasable) {
      const double w = std::max(rec_.site_total[si], 1e-9);  // sites with no capacity yet still quote a price
      price_sum[j] += lease_price_[si] * w;
      price_w[j] += w;
    }
    for (int c = 0; c < C_; ++c) {
      leased[j] +=
          leased_[(static_cast<size_t>(c) * S_ + si) * 2] + leased_[(static_cast<size_t>(c) * S_ + si) * 2 + 1];
      lease_rev[j] += payment_[static_cast<size_t>(c) * S_ + si];
    }
  }
  for (int j = 0; j < J_; ++j) {
    if (!jur_chosen_[j]) continue;
    const double vals[] = {mo_.imports_month[j],
                           imports_cum_[j],
                           cap_used_[j],
                           power[j],
                           lease_rev[j],
                           mo_.diverted_jur[j],
                           leasable[j],
                           leased[j],
                           price_w[j] > 0 ? price_sum[j] / price_w[j] : 0.0};
    for (size_t i = 0; i < mj; ++i) put(js_[j * mj + i], t, vals[i]);
  }
}

void Sim::recordVendorsChipsWorld(int t) {
  const size_t mv = vendor_metrics_.size();
  for (int v = 0; v < V_; ++v) {
    put(vs_[v * mv + 0], t, mo_.vendor_rev[v]);
    put(vs_[v * mv + 1], t, mo_.vendor_rev_concern[v]);
    put(vs_[v * mv + 2], t, mo_.vendor_units[v]);
    for (int j = 0; j < J_; ++j) put(vs_[v * mv + 3 + j], t, mo_.vendor_rev_jur[static_cast<size_t>(v) * J_ + j]);
  }
  const size_t mk = chip_metrics_.size();
  for (int k = 0; k < K_; ++k) {
    put(ks_[k * mk + 0], t, mo_.produced[k]);
    put(ks_[k * mk + 1], t, mo_.delivered[k]);
    put(ks_[k * mk + 2], t, stock_[k]);
    put(ks_[k * mk + 3], t, grey_pool_[k]);
    for (int b = 0; b < B_; ++b) put(ks_[k * mk + 4 + b], t, mo_.delivered_bloc[static_cast<size_t>(k) * B_ + b]);
  }
  put(gs_[0], t, mo_.fee_revenue);
  put(gs_[1], t, mo_.diverted_total);
  const int concern = s_.params.concern_bloc;
  if (concern < 0 || concern >= B_ || bloc_need_[concern] < kNeedMix) return;  // no vendor share is recorded
  const size_t mc = company_metrics_.size();
  const double* cb = &rec_.bloc[static_cast<size_t>(concern) * mc];
  const double total = cb[2] + cb[3] + cb[4] + cb[5];
  for (int v = 0; v < V_; ++v) put(gs_[2 + v], t, total > 0 ? cb[13 + 2 * v] / total : 0.0);
  const double total_flop = cb[companyTotalMetric() + 2 + V_];
  for (int v = 0; v < V_; ++v) put(gs_[2 + V_ + v], t, total_flop > 0 ? rec_.concern_vendor_flop[v] / total_flop : 0.0);
}

void Sim::check(int t) {
  auto fail = [&](std::string entity, std::string what) {
    if (violated_ && o_.stop_at_first_violation) return;
    violated_ = true;
    r_.violations.push_back({in_.absMonth(t), std::move(entity), std::move(what)});
  };
  // slack: rounding the compared values carry from larger ones they were worked out of.
  auto near = [](double a, double b, double slack = 0.0) {
    return std::fabs(a - b) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)}) + slack;
  };
  for (int k = 0; k < K_; ++k) {
    if (stock_[k] < -1e-9) fail(s_.chips[k].id, fmt::format("negative vendor stock {}", stock_[k]));
    if (grey_pool_[k] < -1e-9) fail(s_.chips[k].id, fmt::format("negative grey pool {}", grey_pool_[k]));
    // A stock change is the difference of two stocks: a stock of 1e13 units holds it only
    // to ~0.002 of a unit.
    const double stock_rounding = 1e-12 * std::max(std::fabs(stock_[k]), std::fabs(stock_before_[k]));
    if (!near(mo_.produced[k] - mo_.delivered[k], stock_[k] - stock_before_[k], stock_rounding))
      fail(s_.chips[k].id, fmt::format("produced {} - delivered {} != stock change {}", mo_.produced[k],
                                       mo_.delivered[k], stock_[k] - stock_before_[k]));
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
      fail(s_.companies[c].id,
           fmt::format("fleet {} != initial + deliveries - retirements {}", sum, fleet_expected_[c]));
  }
  for (double l : leased_)
    if (l < -1e-9) fail("leases", "negative leased compute");
  for (int i = 0; i < C_ * 2; ++i)
    if (!std::isfinite(backlog_[i]) || backlog_[i] < 0) fail(s_.companies[i / 2].id, "backlog not finite or negative");
}

void Sim::frontierGap() {
  const size_t mc = company_metrics_.size();
  std::vector<double> leader(T_, 0.0);
  for (int c = 0; c < C_; ++c) {
    if (s_.companies[c].kind == CompanyKind::Operator) continue;
    if (s_.jurisdictions[s_.companies[c].hq].bloc != s_.params.frontier_bloc) continue;
    const double* e = &effective_[static_cast<size_t>(c) * T_];
    for (int t = 0; t < T_; ++t) leader[t] = std::max(leader[t], e[t]);
  }
  for (int t = 1; t < T_; ++t) leader[t] = std::max(leader[t], leader[t - 1]);  // the frontier never recedes
  // Leader's monthly log-growth over its first year, to extrapolate gaps that predate the start.
  const int span = std::min(12, T_ - 1);
  const double g =
      (span > 0 && leader[0] > 0 && leader[span] > leader[0]) ? std::log(leader[span] / leader[0]) / span : 0.0;
  auto gap_of = [&](double e, int t) {
    if (e <= 0) return kMaxGapMonths;
    if (e >= leader[t]) return 0.0;
    if (e >= leader[0]) {
      int lo = 0, hi = t;  // first month the frontier reached e
      while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (leader[mid] >= e)
          hi = mid;
        else
          lo = mid + 1;
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
  // A bloc's gap is recorded only when all its companies are needed (planRecording).
  for (int c = 0; c < C_; ++c) {
    if (s_.companies[c].kind == CompanyKind::Operator) continue;
    const int b = s_.jurisdictions[s_.companies[c].hq].bloc;
    bloc_has[b] = 1;
    if (company_need_[c] < kNeedTrain) continue;
    const double* e = &effective_[static_cast<size_t>(c) * T_];
    const int series = cs_[c * mc + 9];
    for (int t = 0; t < T_; ++t) {
      const double gap = gap_of(e[t], t);
      put(series, t, gap);
      bloc_gap[static_cast<size_t>(b) * T_ + t] = std::min(bloc_gap[static_cast<size_t>(b) * T_ + t], gap);
    }
  }
  for (int b = 0; b < B_; ++b)
    for (int t = 0; bs_[b * mc + 9] >= 0 && t < T_; ++t)
      put(bs_[b * mc + 9], t, bloc_has[b] ? bloc_gap[static_cast<size_t>(b) * T_ + t] : 0.0);
}

}  // namespace cp::sim
