#include "engine/rules.h"

#include <algorithm>

#include <fmt/format.h>

namespace cp {

const char* toString(Status s) {
  switch (s) {
    case Status::Allowed: return "allowed";
    case Status::Licence: return "licence";
    case Status::Limited: return "limited";
    case Status::Denied: return "denied";
  }
  return "?";
}

const char* toString(Reason r) {
  switch (r) {
    case Reason::None: return "no rule applies";
    case Reason::NotForSale: return "not on sale this month";
    case Reason::BuyerRestricted: return "sold only to named buyers";
    case Reason::VendorMarket: return "vendor does not sell to this market";
    case Reason::EntityList: return "buyer on the Entity List";
    case Reason::Tier3: return "tier-3 destination";
    case Reason::Threshold: return "performance threshold";
    case Reason::NamedProduct: return "named-product control";
    case Reason::RemoteAccess: return "remote-access control";
    case Reason::TenantClause: return "diffusion rule tenant clause";
    case Reason::HostKyc: return "host know-your-customer checks";
  }
  return "?";
}

namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

int severity(Policy p) { return p == Policy::Deny ? 2 : (p == Policy::CaseByCase ? 1 : 0); }

Verdict fromPolicy(const Rule& r, int index, Reason reason, const Inputs& in, int t) {
  Verdict v;
  v.rule = index;
  v.reason = reason;
  switch (r.policy) {
    case Policy::Deny: v.status = Status::Denied; v.approval = 0; break;
    case Policy::CaseByCase:
      v.status = Status::Licence;
      v.approval = std::clamp(in.at(r.approval, t), 0.0, 1.0);
      break;
    case Policy::Allow: v.status = Status::Allowed; break;
  }
  v.fee_share = std::clamp(in.at(r.fee_share, t), 0.0, 1.0);
  return v;
}

bool thresholdMatches(const Scenario& s, const Rule& r, const Inputs& in, int chip, int t) {
  const double tpp = chipTpp(s, in, chip, t);
  if (tpp >= in.at(r.tpp_min, t)) return true;
  return tpp >= in.at(r.tpp_min_density, t) && chipDensity(s, in, chip, t) >= in.at(r.density_min, t);
}

// Destination test shared by threshold and named-product rules.
bool reaches(const Scenario& s, const Rule& r, int buyer, int jurisdiction) {
  return contains(r.destinations, jurisdiction) || (r.hq_clause && isConcernHq(s, buyer));
}

}  // namespace

bool ruleActive(const Rule& r, const Inputs& in, int t) {
  return in.flag(r.enabled, t) && in.within(r.from, r.until, t);
}

double chipTpp(const Scenario& s, const Inputs& in, int chip, int t) {
  return 16.0 * in.at(s.chips[chip].tflops_bf16, t);
}

double chipDensity(const Scenario& s, const Inputs& in, int chip, int t) {
  const double area = in.at(s.chips[chip].die_mm2, t);
  return area > 0 ? chipTpp(s, in, chip, t) / area : 0.0;
}

bool isUsOrigin(const Scenario& s, int chip) {
  return s.vendors[s.chips[chip].vendor].origin == s.params.rule_maker;
}

bool isControlled(const Scenario& s, const Inputs& in, int chip, int t) {
  if (!isUsOrigin(s, chip)) return false;
  for (const Rule& r : s.rules) {
    if (!ruleActive(r, in, t)) continue;
    if (r.kind == RuleKind::Threshold && r.policy != Policy::Allow && thresholdMatches(s, r, in, chip, t)) return true;
    if (r.kind == RuleKind::NamedProduct && contains(r.chips, chip)) return true;
  }
  return false;
}

bool isConcernHq(const Scenario& s, int company) {
  return s.jurisdictions[s.companies[company].hq].country_of_concern;
}

bool isEntityListed(const Scenario& s, const Inputs& in, int company, int t) {
  if (in.absMonth(t) >= in.at(s.companies[company].entity_list_from, t)) return true;
  for (const Rule& r : s.rules)
    if (r.kind == RuleKind::EntityList && ruleActive(r, in, t) && contains(r.companies, company)) return true;
  return false;
}

RuleMonth ruleMonth(const Scenario& s, const Inputs& in, int t) {
  RuleMonth m;
  m.t = t;
  m.active.resize(s.rules.size());
  for (size_t i = 0; i < s.rules.size(); ++i) m.active[i] = ruleActive(s.rules[i], in, t);
  m.controlled.resize(s.chips.size());
  for (size_t k = 0; k < s.chips.size(); ++k) {
    bool c = false;
    if (isUsOrigin(s, static_cast<int>(k)))
      for (size_t i = 0; i < s.rules.size() && !c; ++i) {
        const Rule& r = s.rules[i];
        if (!m.active[i]) continue;
        if (r.kind == RuleKind::Threshold && r.policy != Policy::Allow && thresholdMatches(s, r, in, static_cast<int>(k), t)) c = true;
        if (r.kind == RuleKind::NamedProduct && contains(r.chips, static_cast<int>(k))) c = true;
      }
    m.controlled[k] = c;
  }
  return m;
}

Verdict evaluateSale(const Scenario& s, const Inputs& in, int chip, int buyer, int jurisdiction, int t) {
  return evaluateSale(s, in, ruleMonth(s, in, t), chip, buyer, jurisdiction);
}

Verdict evaluateLease(const Scenario& s, const Inputs& in, int tenant, int site, Purpose p, int t) {
  return evaluateLease(s, in, ruleMonth(s, in, t), tenant, site, p);
}

Verdict evaluateSale(const Scenario& s, const Inputs& in, const RuleMonth& m, int chip, int buyer, int jurisdiction) {
  const int t = m.t;
  const Chip& c = s.chips[chip];
  Verdict v;
  if (!in.within(c.available_from, c.end_of_sale, t)) {
    v.status = Status::Denied;
    v.reason = Reason::NotForSale;
    return v;
  }
  if (!c.buyers.empty() && !contains(c.buyers, buyer)) {
    v.status = Status::Denied;
    v.reason = Reason::BuyerRestricted;
    return v;
  }
  const Vendor& vendor = s.vendors[c.vendor];
  if (!vendor.markets.empty() && !contains(vendor.markets, s.jurisdictions[s.companies[buyer].hq].bloc)) {
    v.status = Status::Denied;
    v.reason = Reason::VendorMarket;
    return v;
  }
  if (!isUsOrigin(s, chip)) return v;

  // Entity list and tier-3 prohibitions override everything.
  for (size_t i = 0; i < s.rules.size(); ++i) {
    const Rule& r = s.rules[i];
    if (!m.active[i]) continue;
    if (r.kind == RuleKind::EntityList && contains(r.companies, buyer)) {
      v = Verdict{Status::Denied, Reason::EntityList, static_cast<int>(i), 0, 0, 1};
      return v;
    }
  }
  if (in.absMonth(t) >= in.at(s.companies[buyer].entity_list_from, t)) {
    v.status = Status::Denied;
    v.reason = Reason::EntityList;
    return v;
  }
  const bool controlled = m.controlled[chip];
  for (size_t i = 0; i < s.rules.size(); ++i) {
    const Rule& r = s.rules[i];
    if (r.kind == RuleKind::CountryCaps && m.active[i] && controlled &&
        s.jurisdictions[jurisdiction].tier >= 3) {
      return Verdict{Status::Denied, Reason::Tier3, static_cast<int>(i), 0, 0, 1};
    }
  }

  // A named-product rule beats the general thresholds for its chips; the latest wins.
  int named = -1;
  double named_from = -1;
  for (size_t i = 0; i < s.rules.size(); ++i) {
    const Rule& r = s.rules[i];
    if (r.kind != RuleKind::NamedProduct || !m.active[i] || !contains(r.chips, chip)) continue;
    if (!reaches(s, r, buyer, jurisdiction)) continue;
    const double from = in.at(r.from, t);
    if (from >= named_from) {
      named = static_cast<int>(i);
      named_from = from;
    }
  }
  if (named >= 0) return fromPolicy(s.rules[named], named, Reason::NamedProduct, in, t);

  int worst = -1;
  for (size_t i = 0; i < s.rules.size(); ++i) {
    const Rule& r = s.rules[i];
    if (r.kind != RuleKind::Threshold || !m.active[i]) continue;
    if (!reaches(s, r, buyer, jurisdiction) || !thresholdMatches(s, r, in, chip, t)) continue;
    if (worst < 0 || severity(r.policy) > severity(s.rules[worst].policy)) worst = static_cast<int>(i);
  }
  if (worst >= 0) return fromPolicy(s.rules[worst], worst, Reason::Threshold, in, t);
  return v;
}

Verdict evaluateLease(const Scenario& s, const Inputs& in, const RuleMonth& m, int tenant, int site, Purpose p) {
  const int t = m.t;
  const Site& st = s.sites[site];
  Verdict v;
  const bool concern = isConcernHq(s, tenant);
  bool controlled = false;
  for (int chip : st.chip_menu) controlled = controlled || m.controlled[chip];
  if (concern && controlled) {
    for (size_t i = 0; i < s.rules.size(); ++i) {
      const Rule& r = s.rules[i];
      if (!m.active[i]) continue;
      if (r.kind == RuleKind::CountryCaps && r.tenant_clause && p == Purpose::Train &&
          s.jurisdictions[st.jurisdiction].tier == 2) {
        return Verdict{Status::Denied, Reason::TenantClause, static_cast<int>(i), 0, 0, 0};
      }
      if (r.kind == RuleKind::RemoteAccess) {
        const double c = std::clamp(in.at(r.compliance, t), 0.0, 1.0);
        v = Verdict{c >= 1.0 ? Status::Denied : Status::Limited, Reason::RemoteAccess, static_cast<int>(i), 1, 0, 1 - c};
      }
    }
  }
  if (concern || isEntityListed(s, in, tenant, t)) {
    for (const HostPolicy& h : s.host_policies) {
      if (h.jurisdiction != st.jurisdiction) continue;
      const double kyc = std::clamp(in.at(h.tenant_kyc, t), 0.0, 1.0);
      if (kyc <= 0) continue;
      const double share = v.allowed_share * (1 - kyc);
      if (v.reason == Reason::None) v.reason = Reason::HostKyc;
      v.allowed_share = share;
      v.status = share <= 0 ? Status::Denied : Status::Limited;
    }
  }
  return v;
}

std::string explain(const Scenario& s, const Verdict& v) {
  std::string who = v.rule >= 0 ? fmt::format("{} ({})", s.rules[v.rule].id, s.rules[v.rule].label) : "";
  switch (v.status) {
    case Status::Allowed:
      return v.rule >= 0 ? fmt::format("allowed under {}", who) : "allowed: no rule applies";
    case Status::Licence:
      return fmt::format("licence needed ({}): {:.0f}% approved, {:.0f}% fee — {}", toString(v.reason),
                         v.approval * 100, v.fee_share * 100, who);
    case Status::Limited:
      return fmt::format("limited ({}): {:.0f}% gets through {}", toString(v.reason), v.allowed_share * 100, who);
    case Status::Denied:
      return who.empty() ? fmt::format("denied: {}", toString(v.reason))
                         : fmt::format("denied ({}) by {}", toString(v.reason), who);
  }
  return "";
}

}  // namespace cp
