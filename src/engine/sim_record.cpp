// Per-month outputs, the conservation check, and the frontier gap after the run.
// The equations are documented, term by term, in src/engine/README.md.
#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "engine/sim.h"

namespace cp::sim {

// Step 10: this month's outputs. Buffers live in rec_ (sized once, cleared here).
void Sim::record(int t) {
  rec_.size(S_, V_, B_, company_metrics_.size());
  // FLOP of a 1-H100e run over the run length: the same for every company this month.
  rec_.run_flop_per_h100e = in_.at(s_.params.reference_tflops, t) * 1e12 *
                            std::clamp(in_.at(s_.params.utilisation, t), 0.0, 1.0) *
                            std::max(0.0, in_.at(s_.params.run_months, t)) * kSecondsPerMonth;
  // Vendor mix of each leasable site's fleet, to attribute leased compute to vendors.
  for (int si = 0; sites_needed_ && si < S_; ++si)
    for (int k = 0; k < K_; ++k) {
      const double h = site_fleet_[static_cast<size_t>(si) * K_ + k] * htrain_[k];
      rec_.site_vendor[static_cast<size_t>(si) * V_ + s_.chips[k].vendor] += h;
      rec_.site_total[si] += h;
    }
  recordCompanies(t);
  recordJurisdictions(t);
  recordVendorsChipsWorld(t);
}

void RecordScratch::size(int sites, int vendors, int blocs, size_t company_metrics) {
  const auto zero = [](std::vector<double>& v, size_t n) { v.assign(n, 0.0); };
  zero(site_vendor, static_cast<size_t>(sites) * vendors);
  zero(site_total, static_cast<size_t>(sites));
  zero(m, company_metrics);
  zero(bloc, static_cast<size_t>(blocs) * company_metrics);
  zero(bloc_off_num, static_cast<size_t>(blocs));
  zero(vendor_flop, static_cast<size_t>(vendors));
  zero(concern_vendor_flop, static_cast<size_t>(vendors));
}

// One company's metrics into rec_.m (addSeries order) and its FLOP compute by vendor into
// rec_.vendor_flop; returns its offshore training H100e.
double Sim::companyMetrics(int c, int t) {
  std::vector<double>& m = rec_.m;
  std::fill(m.begin(), m.end(), 0.0);
  std::fill(rec_.vendor_flop.begin(), rec_.vendor_flop.end(), 0.0);
  const size_t kTotal = companyTotalMetric(), kFleetFlop = kTotal + 1, kCompFlop = kFleetFlop + 1 + V_;
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
        rec_.vendor_flop[v] += hf;
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
    if (rec_.site_total[si] > 0)
      for (int v = 0; v < V_; ++v) {
        const double mix = rec_.site_vendor[static_cast<size_t>(si) * V_ + v] / rec_.site_total[si];
        m[13 + 2 * v] += lh * mix;
        rec_.vendor_flop[v] += (lt + li) * mix;
      }
  }
  m[kCompFlop] += m[kFleetFlop];
  m[6] = m[0] > 0 ? off_train / m[0] : 0.0;
  m[7] = m[0] * rec_.run_flop_per_h100e;
  m[8] = m[7] * effective_factor_[t];
  m[10] = mo_.spend[c];
  m[11] = mo_.spend_offshore[c];
  m[12] = backlog_[c * 2] + backlog_[c * 2 + 1];
  m[kTotal] = m[0] + m[1];
  return off_train;
}

// Companies, then their blocs: sums, except the largest run and effective compute (max) and
// the offshore share (recomputed from the sums). Only the companies planRecording() needs.
void Sim::recordCompanies(int t) {
  const size_t mc = company_metrics_.size();
  for (int c = 0; c < C_; ++c) {
    if (!company_needed_[c]) continue;  // operators never are
    const double off_train = companyMetrics(c, t);
    const std::vector<double>& m = rec_.m;
    for (size_t i = 0; i < mc; ++i) put(cs_[c * mc + i], t, m[i]);
    if (gap_needed_) effective_[static_cast<size_t>(c) * T_ + t] = m[8];
    const int b = s_.jurisdictions[s_.companies[c].hq].bloc;
    if (b == s_.params.concern_bloc)
      for (int v = 0; v < V_; ++v) rec_.concern_vendor_flop[v] += rec_.vendor_flop[v];
    double* bm = &rec_.bloc[static_cast<size_t>(b) * mc];
    for (size_t i = 0; i < mc; ++i) {
      if (i == 7 || i == 8)
        bm[i] = std::max(bm[i], m[i]);
      else if (i != 6 && i != 9)
        bm[i] += m[i];
    }
    rec_.bloc_off_num[b] += off_train;
  }
  for (int b = 0; b < B_; ++b) {
    if (!bloc_needed_[b]) continue;
    double* bm = &rec_.bloc[static_cast<size_t>(b) * mc];
    bm[6] = bm[0] > 0 ? rec_.bloc_off_num[b] / bm[0] : 0.0;
    for (size_t i = 0; i < mc; ++i) put(bs_[b * mc + i], t, bm[i]);
  }
}

void Sim::recordJurisdictions(int t) {
  for (int j = 0; j < J_; ++j) imports_cum_[j] += mo_.imports_month[j];  // kept whether recorded or not
  if (!jur_needed_) return;
  const size_t mj = jur_metrics_.size();
  rec_.jur.assign(static_cast<size_t>(J_) * 6, 0.0);
  double* const power = rec_.jur.data();
  double* const leasable = power + J_;
  double* const leased = leasable + J_;
  double* const lease_rev = leased + J_;
  double* const price_sum = lease_rev + J_;  // lease price weighted by capacity
  double* const price_w = price_sum + J_;
  for (int c = 0; c < C_; ++c)
    for (int loc : locs_[c]) {
      const int j = jurOfLoc(c, loc);
      if (!jur_chosen_[j]) continue;
      const double pue = pueOfLoc(c, loc, t);
      for (int p = 0; p < 2; ++p)
        for (int k = 0; k < K_; ++k) {
          const double u = fleet_[fi(c, loc, p, k)];
          if (u > 0) power[j] += u * in_.at(s_.chips[k].power_w, t) * pue / 1e6;
        }
    }
  for (int si = 0; si < S_; ++si) {
    const int j = s_.sites[si].jurisdiction;
    if (!jur_chosen_[j]) continue;
    const double pue = in_.at(s_.sites[si].pue, t);
    for (int k = 0; k < K_; ++k) {
      const double u = site_fleet_[static_cast<size_t>(si) * K_ + k];
      power[j] += u * in_.at(s_.chips[k].power_w, t) * pue / 1e6;
    }
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
  if (concern < 0 || concern >= B_ || !bloc_needed_[concern]) return;  // no vendor share is recorded
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
  auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)}); };
  for (int k = 0; k < K_; ++k) {
    if (stock_[k] < -1e-9) fail(s_.chips[k].id, fmt::format("negative vendor stock {}", stock_[k]));
    if (grey_pool_[k] < -1e-9) fail(s_.chips[k].id, fmt::format("negative grey pool {}", grey_pool_[k]));
    if (!near(mo_.produced[k] - mo_.delivered[k], stock_[k] - stock_before_[k]))
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
    if (!company_needed_[c]) continue;
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
