#include "engine/rules.h"

#include "engine/text.h"

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
    case Reason::None: return CP_N_("no rule applies");
    case Reason::NotForSale: return CP_N_("not on sale this month");
    case Reason::BuyerRestricted: return CP_N_("sold only to named buyers");
    case Reason::VendorMarket: return CP_N_("vendor does not sell to this market");
    case Reason::EntityList: return CP_N_("buyer on the Entity List");
    case Reason::Tier3: return CP_N_("tier-3 destination");
    case Reason::Threshold: return CP_N_("performance threshold");
    case Reason::NamedProduct: return CP_N_("named-product control");
    case Reason::RemoteAccess: return CP_N_("remote-access control");
    case Reason::TenantClause: return CP_N_("diffusion rule tenant clause");
    case Reason::HostKyc: return CP_N_("host know-your-customer checks");
    case Reason::HqClauseNotEnforced: return CP_N_("headquarters clause not enforced");
    case Reason::ImportGateClosed: return CP_N_("Beijing's import gate closed");
    case Reason::ImportNotApproved: return CP_N_("not approved by Beijing for imports");
  }
  return "?";
}

namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string explainUs(const Verdict& v, const std::string& who, const Text& t);

int severity(Policy p) { return p == Policy::Deny ? 2 : (p == Policy::CaseByCase ? 1 : 0); }

Verdict fromPolicy(const LicenceTerms& r, int index, Reason reason, const Inputs& in, int t) {
  Verdict v;
  v.rule = index;
  v.reason = reason;
  switch (r.policy) {
    case Policy::Deny:
      v.status = Status::Denied;
      v.approval = 0;
      break;
    case Policy::CaseByCase:
      v.status = Status::Licence;
      v.approval = std::clamp(in.at(r.approval, t), 0.0, 1.0);
      break;
    case Policy::Allow: v.status = Status::Allowed; break;
  }
  v.fee_share = std::clamp(in.at(r.fee_share, t), 0.0, 1.0);
  return v;
}

bool thresholdMatches(const Scenario& s, const ThresholdRule& r, const Inputs& in, int chip, int t) {
  const double tpp = chipTpp(s, in, chip, t);
  if (tpp >= in.at(r.tpp_min, t)) return true;
  return tpp >= in.at(r.tpp_min_density, t) && chipDensity(s, in, chip, t) >= in.at(r.density_min, t);
}

// Destination test shared by threshold and named-product rules. The headquarters clause
// reaches a China-HQ buyer anywhere, but only while it is enforced.
enum class Reach { No, Yes, Unenforced };
Reach reaches(const Scenario& s, const RuleMonth& m, const LicenceTerms& r, int buyer, int jurisdiction) {
  if (contains(r.destinations, jurisdiction)) return Reach::Yes;
  if (!r.hq_clause || !isConcernHq(s, buyer)) return Reach::No;
  return m.hq_enforced || r.hq_clause_always ? Reach::Yes : Reach::Unenforced;
}

// A threshold rule that can control chips (one that allows them does not), or null.
const ThresholdRule* controllingThreshold(const Rule& r) {
  const auto* th = std::get_if<ThresholdRule>(&r.spec);
  return th && th->policy != Policy::Allow ? th : nullptr;
}

// The chips a named-product or volume-cap rule names, or null for other kinds.
const NamedChips* namedChips(const Rule& r) {
  if (const auto* n = std::get_if<NamedProductRule>(&r.spec)) return n;
  return std::get_if<VolumeCapRule>(&r.spec);
}

}  // namespace

bool ruleActive(const Rule& r, const Inputs& in, int t) {
  return in.flag(r.enabled, t) && in.within(r.from, r.until, t);
}

bool gateActive(const ImportGate& g, const Inputs& in, int t) { return in.absMonth(t) < in.at(g.until, t); }

double chipBandwidthGbs(const Scenario& s, const Inputs& in, int chip, int t) {
  return 1000.0 * in.at(s.chips[chip].hbm_tbps, t);
}

bool chipMatches(const Scenario& s, const Inputs& in, const std::vector<int>& chips, const ChipClass& cls, int chip,
                 int t) {
  if (contains(chips, chip)) return true;
  if (!cls.set) return false;
  const double tpp = chipTpp(s, in, chip, t), bw = chipBandwidthGbs(s, in, chip, t);
  return tpp >= in.at(cls.tpp_min, t) && tpp < in.at(cls.tpp_max, t) && bw >= in.at(cls.bandwidth_min_gbs, t) &&
         bw < in.at(cls.bandwidth_max_gbs, t);
}

double chipTpp(const Scenario& s, const Inputs& in, int chip, int t) {
  return 16.0 * in.at(s.chips[chip].tflops_bf16, t);
}

double chipDensity(const Scenario& s, const Inputs& in, int chip, int t) {
  const double area = in.at(s.chips[chip].die_mm2, t);
  return area > 0 ? chipTpp(s, in, chip, t) / area : 0.0;
}

bool isUsOrigin(const Scenario& s, int chip) { return s.vendors[s.chips[chip].vendor].origin == s.params.rule_maker; }

bool isControlled(const Scenario& s, const Inputs& in, int chip, int t) {
  if (!isUsOrigin(s, chip)) return false;
  for (const Rule& r : s.rules) {
    if (!ruleActive(r, in, t)) continue;
    if (const ThresholdRule* th = controllingThreshold(r); th && thresholdMatches(s, *th, in, chip, t)) return true;
    if (const auto* np = std::get_if<NamedProductRule>(&r.spec);
        np && chipMatches(s, in, np->chips, np->chip_class, chip, t))
      return true;
  }
  return false;
}

bool isConcernHq(const Scenario& s, int company) { return s.jurisdictions[s.companies[company].hq].country_of_concern; }

bool isEntityListed(const Scenario& s, const Inputs& in, int company, int t) {
  if (in.absMonth(t) >= in.at(s.companies[company].entity_list_from, t)) return true;
  for (const Rule& r : s.rules) {
    const auto* listed = std::get_if<EntityListRule>(&r.spec);
    if (listed && ruleActive(r, in, t) && contains(listed->companies, company)) return true;
  }
  return false;
}

RuleMonth ruleMonth(const Scenario& s, const Inputs& in, int t) {
  RuleMonth m;
  fillRuleMonth(m, s, in, t);
  return m;
}

void fillRuleMonth(RuleMonth& m, const Scenario& s, const Inputs& in, int t) {
  m.t = t;
  m.hq_enforced = in.flag(s.params.hq_clause_enforced, t);
  m.chips = s.chips.size();
  m.active.resize(s.rules.size());
  m.in_force.clear();
  for (std::vector<int>& list : m.of_kind) list.clear();
  for (size_t i = 0; i < s.rules.size(); ++i) {
    m.active[i] = ruleActive(s.rules[i], in, t);
    if (!m.active[i]) continue;
    m.in_force.push_back(static_cast<int>(i));
    m.of_kind[static_cast<size_t>(s.rules[i].kind())].push_back(static_cast<int>(i));
  }
  m.covers.assign(s.rules.size() * m.chips, 0);
  m.threshold_hit.assign(s.rules.size() * m.chips, 0);
  for (const int i : m.in_force) {
    const auto* th = std::get_if<ThresholdRule>(&s.rules[i].spec);
    for (size_t k = 0; th && k < m.chips; ++k)
      m.threshold_hit[i * m.chips + k] = thresholdMatches(s, *th, in, static_cast<int>(k), t);
    const NamedChips* named = namedChips(s.rules[i]);
    for (size_t k = 0; named && k < m.chips; ++k)  // the rule book governs only chips of its own origin
      m.covers[i * m.chips + k] = isUsOrigin(s, static_cast<int>(k)) &&
                                  chipMatches(s, in, named->chips, named->chip_class, static_cast<int>(k), t);
  }
  m.gated.assign(s.china.import_gates.size() * m.chips, 0);
  for (size_t g = 0; g < s.china.import_gates.size(); ++g) {
    const ImportGate& gate = s.china.import_gates[g];
    if (!gateActive(gate, in, t)) continue;
    for (size_t k = 0; k < m.chips; ++k) {  // a gate on imports: domestic chips pass
      const bool domestic = s.jurisdictions[s.vendors[s.chips[k].vendor].origin].country_of_concern;
      m.gated[g * m.chips + k] = !domestic && chipMatches(s, in, gate.chips, gate.chip_class, static_cast<int>(k), t);
    }
  }
  m.controlled.resize(m.chips);
  for (size_t k = 0; k < m.chips; ++k) {
    bool c = false;
    if (isUsOrigin(s, static_cast<int>(k)))
      for (const int i : m.in_force) {
        if (controllingThreshold(s.rules[i]) && m.hits(i, static_cast<int>(k))) c = true;
        if (s.rules[i].kind() == RuleKind::NamedProduct && m.covered(i, static_cast<int>(k))) c = true;
        if (c) break;
      }
    m.controlled[k] = c;
  }
}

void verdictKey(const Scenario& s, const Inputs& in, const RuleMonth& m, std::vector<double>& key) {
  const int t = m.t;
  const double abs = in.absMonth(t);
  key.clear();
  for (const Chip& c : s.chips) key.push_back(in.within(c.available_from, c.end_of_sale, t));
  for (const Company& c : s.companies) key.push_back(abs >= in.at(c.entity_list_from, t));
  for (const ImportGate& g : s.china.import_gates) key.push_back(abs < in.at(g.from, t));
  for (const int i : m.in_force) {
    const Rule& r = s.rules[i];
    if (const auto* remote = std::get_if<RemoteAccessRule>(&r.spec)) key.push_back(in.at(remote->compliance, t));
    const LicenceTerms* terms = std::get_if<ThresholdRule>(&r.spec);
    if (!terms) terms = std::get_if<NamedProductRule>(&r.spec);
    if (!terms) continue;
    key.push_back(in.at(r.from, t));
    key.push_back(in.at(terms->approval, t));
    key.push_back(in.at(terms->fee_share, t));
  }
  for (const HostPolicy& h : s.host_policies) key.push_back(in.at(h.tenant_kyc, t));
}

bool sameVerdictFacts(const RuleMonth& a, const RuleMonth& b) {
  return a.hq_enforced == b.hq_enforced && a.active == b.active && a.controlled == b.controlled &&
         a.covers == b.covers && a.gated == b.gated && a.threshold_hit == b.threshold_hit;
}

Verdict evaluateSale(const Scenario& s, const Inputs& in, int chip, int buyer, int jurisdiction, int t) {
  return evaluateSale(s, in, ruleMonth(s, in, t), chip, buyer, jurisdiction);
}

Verdict evaluateLease(const Scenario& s, const Inputs& in, int tenant, int site, Purpose p, int t) {
  return evaluateLease(s, in, ruleMonth(s, in, t), tenant, site, p);
}

namespace {

// Beijing's import gates: deliveries into a country of concern to a company headquartered
// there. Closed before `from`; then open only to the approved companies.
void applyImportGates(const Scenario& s, const Inputs& in, const RuleMonth& m, int chip, int buyer, int jurisdiction,
                      Verdict& v) {
  if (v.status == Status::Denied || !s.jurisdictions[jurisdiction].country_of_concern) return;
  if (s.companies[buyer].hq != jurisdiction) return;
  for (size_t g = 0; g < s.china.import_gates.size(); ++g) {
    if (!m.gates(static_cast<int>(g), chip)) continue;
    const ImportGate& gate = s.china.import_gates[g];
    v.gate = static_cast<int>(g);
    if (in.absMonth(m.t) < in.at(gate.from, m.t)) {
      v.status = Status::Denied;
      v.reason = Reason::ImportGateClosed;
      return;
    }
    if (!contains(gate.approved, buyer)) {
      v.status = Status::Denied;
      v.reason = Reason::ImportNotApproved;
      return;
    }
  }
}

// The first active volume cap on deliveries of this chip to this buyer, or -1.
int volumeCapFor(const Scenario& s, const RuleMonth& m, int chip, int buyer, int jurisdiction) {
  for (const int i : m.rulesOf(RuleKind::VolumeCap)) {
    const auto& cap = std::get<VolumeCapRule>(s.rules[i].spec);
    if (!m.covered(i, chip)) continue;
    if (contains(cap.destinations, jurisdiction) || contains(cap.destinations, s.companies[buyer].hq)) return i;
  }
  return -1;
}

Verdict usVerdict(const Scenario& s, const Inputs& in, const RuleMonth& m, int chip, int buyer, int jurisdiction);

}  // namespace

Verdict evaluateSale(const Scenario& s, const Inputs& in, const RuleMonth& m, int chip, int buyer, int jurisdiction) {
  Verdict v = usVerdict(s, in, m, chip, buyer, jurisdiction);
  v.month = in.absMonth(m.t);
  if (v.status != Status::Denied) v.volume_cap = volumeCapFor(s, m, chip, buyer, jurisdiction);
  applyImportGates(s, in, m, chip, buyer, jurisdiction, v);
  return v;
}

namespace {

Verdict usVerdict(const Scenario& s, const Inputs& in, const RuleMonth& m, int chip, int buyer, int jurisdiction) {
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
  for (const int i : m.rulesOf(RuleKind::EntityList)) {
    if (contains(std::get<EntityListRule>(s.rules[i].spec).companies, buyer)) {
      v = Verdict{Status::Denied, Reason::EntityList, i, 0, 0, 1};
      return v;
    }
  }
  if (in.absMonth(t) >= in.at(s.companies[buyer].entity_list_from, t)) {
    v.status = Status::Denied;
    v.reason = Reason::EntityList;
    return v;
  }
  const bool controlled = m.controlled[chip];
  const std::vector<int>& caps = m.rulesOf(RuleKind::CountryCaps);
  if (!caps.empty() && controlled && s.jurisdictions[jurisdiction].tier >= 3)
    return Verdict{Status::Denied, Reason::Tier3, caps.front(), 0, 0, 1};

  // A named-product rule beats the general thresholds for its chips; the latest wins. A
  // rule that would reach the buyer only through an unenforced HQ clause is remembered:
  // when nothing else decides, the verdict names it ("allowed: HQ clause not enforced").
  int named = -1, loophole = -1;
  double named_from = -1;
  const NamedProductRule* named_rule = nullptr;
  for (const int i : m.rulesOf(RuleKind::NamedProduct)) {
    const Rule& r = s.rules[i];
    const auto* np = &std::get<NamedProductRule>(r.spec);
    if (!m.covered(i, chip)) continue;
    const Reach reach = reaches(s, m, *np, buyer, jurisdiction);
    if (reach == Reach::Unenforced && np->policy != Policy::Allow && loophole < 0) loophole = i;
    if (reach != Reach::Yes) continue;
    const double from = in.at(r.from, t);
    if (from >= named_from) {
      named = i;
      named_rule = np;
      named_from = from;
    }
  }
  if (named >= 0) return fromPolicy(*named_rule, named, Reason::NamedProduct, in, t);

  int worst = -1;
  const ThresholdRule* worst_rule = nullptr;
  for (const int i : m.rulesOf(RuleKind::Threshold)) {
    const auto* th = &std::get<ThresholdRule>(s.rules[i].spec);
    if (!m.hits(i, chip)) continue;
    const Reach reach = reaches(s, m, *th, buyer, jurisdiction);
    if (reach == Reach::Unenforced && th->policy != Policy::Allow && loophole < 0) loophole = i;
    if (reach != Reach::Yes) continue;
    if (worst < 0 || severity(th->policy) > severity(worst_rule->policy)) {
      worst = i;
      worst_rule = th;
    }
  }
  if (worst >= 0) return fromPolicy(*worst_rule, worst, Reason::Threshold, in, t);
  if (loophole >= 0) {
    v.reason = Reason::HqClauseNotEnforced;
    v.rule = loophole;
  }
  return v;
}

}  // namespace

namespace {
// isEntityListed with the month's active rules.
bool listedThisMonth(const Scenario& s, const Inputs& in, const RuleMonth& m, int company) {
  if (in.absMonth(m.t) >= in.at(s.companies[company].entity_list_from, m.t)) return true;
  for (const int i : m.rulesOf(RuleKind::EntityList))
    if (contains(std::get<EntityListRule>(s.rules[i].spec).companies, company)) return true;
  return false;
}
}  // namespace

Verdict evaluateLease(const Scenario& s, const Inputs& in, const RuleMonth& m, int tenant, int site, Purpose p) {
  const int t = m.t;
  const Site& st = s.sites[site];
  Verdict v;
  const bool concern = isConcernHq(s, tenant);
  bool controlled = false;
  for (int chip : st.chip_menu) controlled = controlled || m.controlled[chip];
  if (concern && controlled) {
    for (const int i : m.in_force) {
      const Rule& r = s.rules[i];
      const auto* caps = std::get_if<CountryCapsRule>(&r.spec);
      if (caps && caps->tenant_clause && p == Purpose::Train && s.jurisdictions[st.jurisdiction].tier == 2) {
        return Verdict{Status::Denied, Reason::TenantClause, i, 0, 0, 0};
      }
      if (const auto* remote = std::get_if<RemoteAccessRule>(&r.spec)) {
        const double c = std::clamp(in.at(remote->compliance, t), 0.0, 1.0);
        v = Verdict{c >= 1.0 ? Status::Denied : Status::Limited, Reason::RemoteAccess, i, 1, 0, 1 - c};
      }
    }
  }
  if (concern || listedThisMonth(s, in, m, tenant)) {
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

std::string explain(const Scenario& s, const Verdict& v) { return explain(s, v, Text{}); }

std::string explain(const Scenario& s, const Verdict& v, const Text& t) {
  std::string who = v.rule >= 0 ? fmt::format("{} ({})", s.rules[v.rule].id, t.tr(s.rules[v.rule].label.c_str())) : "";
  if (v.gate >= 0 && (v.reason == Reason::ImportGateClosed || v.reason == Reason::ImportNotApproved)) {
    const ImportGate& g = s.china.import_gates[v.gate];
    return t.trf("denied by Beijing: {} ({}: {})", t.tr(toString(v.reason)), g.id, t.tr(g.label.c_str()));
  }
  std::string tail;
  if (v.volume_cap >= 0)
    tail += t.trf("; volume capped by {} ({})", s.rules[v.volume_cap].id, t.tr(s.rules[v.volume_cap].label.c_str()));
  if (v.gate >= 0) tail += t.trf("; Beijing's quota {} applies", s.china.import_gates[v.gate].id);
  return explainUs(v, who, t) + tail;
}

namespace {

std::string explainUs(const Verdict& v, const std::string& who, const Text& t) {
  const char* reason = t.tr(toString(v.reason));
  switch (v.status) {
    case Status::Allowed:
      if (v.reason == Reason::HqClauseNotEnforced)
        return t.trf("allowed: HQ clause not enforced in {} (would be {})", formatMonth(v.month), who);
      return v.rule >= 0 ? t.trf("allowed under {}", who) : t.tr("allowed: no rule applies");
    case Status::Licence:
      return t.trf("licence needed ({}): {:.0f}% approved, {:.0f}% fee — {}", reason, v.approval * 100,
                   v.fee_share * 100, who);
    case Status::Limited: return t.trf("limited ({}): {:.0f}% gets through {}", reason, v.allowed_share * 100, who);
    case Status::Denied: return who.empty() ? t.trf("denied: {}", reason) : t.trf("denied ({}) by {}", reason, who);
  }
  return "";
}

}  // namespace

}  // namespace cp
