// The rule book as a function: may this chip be sold to this buyer for this place, or may
// this tenant lease compute at this site, in month t — and which rule decided it.
//
//   Verdict v = evaluateSale(s, in, chip, buyer, jurisdiction, t);
//   if (v.status == Status::Denied) explain(s, v);  // "us_2023_10_threshold: ..."
#pragma once
#include <array>
#include <string>
#include <vector>

#include "engine/inputs.h"
#include "engine/scenario.h"

namespace cp {

enum class Status { Allowed, Licence, Limited, Denied };
const char* toString(Status s);

enum class Reason {
  None,             // no rule applies
  NotForSale,       // outside the chip's sale window
  BuyerRestricted,  // in-house accelerator of other companies
  VendorMarket,     // vendor does not sell to the buyer's bloc
  EntityList,
  Tier3,                // country caps: prohibited destination
  Threshold,            // performance threshold rule
  NamedProduct,         // named-product rule
  RemoteAccess,         // leasing counts as export
  TenantClause,         // diffusion rule: tier-2 hosts may not train for such tenants
  HostKyc,              // host checks on tenants
  HqClauseNotEnforced,  // a rule would reach this buyer only through its unenforced HQ clause
  ImportGateClosed,     // Beijing has not (yet) opened imports of this chip
  ImportNotApproved,    // Beijing's import gate is open, but not for this company
};
const char* toString(Reason r);

struct Verdict {
  Status status = Status::Allowed;
  Reason reason = Reason::None;
  int rule = -1;               // index in Scenario::rules, -1 when no US rule decided
  double approval = 1.0;       // share of licence applications approved
  double fee_share = 0.0;      // revenue share paid to the US on approved sales
  double allowed_share = 1.0;  // share of demand that gets through (Limited)
  int gate = -1;               // index in ChinaPolicy::import_gates that decided or limits it
  int volume_cap = -1;         // index in Scenario::rules of a volume cap on these deliveries
  int month = 0;               // absolute month of the question, for explanations
};

bool ruleActive(const Rule& r, const Inputs& in, int t);
// Is the chip named by id or inside the class?
bool chipMatches(const Scenario& s, const Inputs& in, const std::vector<int>& chips, const ChipClass& cls, int chip,
                 int t);
bool gateActive(const ImportGate& g, const Inputs& in, int t);  // in force (closed or open) this month
double chipTpp(const Scenario& s, const Inputs& in, int chip, int t);
double chipDensity(const Scenario& s, const Inputs& in, int chip, int t);
bool isUsOrigin(const Scenario& s, int chip);
// Would export of this chip to a country of concern need a licence under active rules?
bool isControlled(const Scenario& s, const Inputs& in, int chip, int t);
bool isConcernHq(const Scenario& s, int company);
bool isEntityListed(const Scenario& s, const Inputs& in, int company, int t);

Verdict evaluateSale(const Scenario& s, const Inputs& in, int chip, int buyer, int jurisdiction, int t);
Verdict evaluateLease(const Scenario& s, const Inputs& in, int tenant, int site, Purpose p, int t);

// Facts of the rule book that hold for a whole month; the simulation computes them once
// a month instead of once per question.
struct RuleMonth {
  int t = 0;
  bool hq_enforced = true;
  std::vector<char> active;                 // per rule
  std::array<std::vector<int>, 6> of_kind;  // active rules of each RuleKind, in rule-book order
  std::vector<int> in_force;                // every active rule, in rule-book order
  std::vector<char> threshold_hit;          // rule x chip: an active threshold rule's performance test matches
  std::vector<char> controlled;             // per chip
  std::vector<char> covers;  // rule x chip: a named-product or volume-cap rule names the chip (id or class)
  std::vector<char> gated;   // gate x chip
  bool covered(int rule, int chip) const { return covers[static_cast<size_t>(rule) * chips + chip]; }
  bool gates(int gate, int chip) const { return gated[static_cast<size_t>(gate) * chips + chip]; }
  bool hits(int rule, int chip) const { return threshold_hit[static_cast<size_t>(rule) * chips + chip]; }
  const std::vector<int>& rulesOf(RuleKind k) const { return of_kind[static_cast<size_t>(k)]; }
  size_t chips = 0;
};
RuleMonth ruleMonth(const Scenario& s, const Inputs& in, int t);
// The same into `m`, reusing its buffers (the simulation's month loop allocates nothing).
void fillRuleMonth(RuleMonth& m, const Scenario& s, const Inputs& in, int t);
Verdict evaluateSale(const Scenario& s, const Inputs& in, const RuleMonth& m, int chip, int buyer, int jurisdiction);
Verdict evaluateLease(const Scenario& s, const Inputs& in, const RuleMonth& m, int tenant, int site, Purpose p);
// One line for people: "denied by us_2023_10_threshold (Advanced computing rule, Oct 2023)".
std::string explain(const Scenario& s, const Verdict& v);

}  // namespace cp
