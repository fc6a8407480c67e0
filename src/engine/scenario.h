// The immutable description of a world: what the loader builds from JSON and what
// simulate() reads. Every input that a lever or an uncertain distribution can change is
// a `Num`; its value in a given month comes from `Inputs` (see inputs.h).
//
//   Scenario s = loadScenario("scenarios/baseline.json");        // throws LoadError
//   Scenario v = withLevers(s, parseLeverArgs({"us.h20_licence=off"}, s));
//   Results r  = simulate(v);
#pragma once
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "engine/month.h"

namespace cp {

// A numeric input: a constant, a lever's value, or an uncertain draw.
// Months are stored as absolute month numbers (month.h), booleans as 0/1.
struct Num {
  double value = 0.0;  // constant, or the deterministic value (mode/median)
  int lever = -1;      // index into Scenario::levers
  int uncertain = -1;  // index into Scenario::uncertain
  static Num constant(double v) { return Num{v, -1, -1}; }
};

// Piecewise-linear over months; flat before the first and after the last point.
struct Schedule {
  std::vector<std::pair<int, Num>> points;  // (absolute month, value), sorted
};

enum class LeverKind { Bool, Number, Share, Month, Choice };
const char* toString(LeverKind k);

struct Lever {
  std::string id, label, group, unit, help, source, changes;
  LeverKind kind = LeverKind::Number;
  double value = 0;  // default; months as absolute month, bool as 0/1, choice as index
  double min = 0, max = 1, step = 0;
  std::vector<std::string> options;  // Choice only
};

// A lever's value over time: the default until the first point, then each point's value.
struct LeverSchedule {
  std::vector<std::pair<int, double>> points;  // (from absolute month, value), sorted
};

enum class Dist { Triangular, Lognormal };
struct Uncertain {
  std::string pointer;  // JSON pointer of the input, for reports
  Dist dist = Dist::Triangular;
  double a = 0, b = 0, c = 0;  // triangular: min, mode, max; lognormal: median, sigma
  double deterministic() const { return dist == Dist::Triangular ? b : a; }
};

struct Bloc {
  std::string id, name;
};

struct Jurisdiction {
  std::string id, name;
  int bloc = 0, tier = 1;
  bool country_of_concern = false, host = false;
  Num diversion_exposure, electricity_usd_per_mwh, pue = Num::constant(1.3);
  Num power_mw, power_mw_per_year, power_mw_cap = Num::constant(1e12);
  Num power_growth_multiplier = Num::constant(1);
};

struct Vendor {
  std::string id, name;
  int origin = 0;  // jurisdiction
  bool pays_revenue_share = false;
  std::vector<int> markets;  // blocs; empty = all
};

struct SupplyInput {
  std::string id, name, unit;
  Schedule schedule;
  Num multiplier = Num::constant(1), growth_multiplier = Num::constant(1);
};

struct SupplyCap {
  int input = 0;
  Num per_unit = Num::constant(1), share = Num::constant(1);
};

struct Chip {
  std::string id, name;
  int vendor = 0;
  Num available_from, end_of_sale = Num::constant(kNever);
  Num tflops_bf16, hbm_gb, hbm_tbps, power_w, price_usd, die_mm2;
  std::vector<std::string> flags;
  std::vector<int> buyers;                 // empty = anyone
  Num life_months = Num::constant(-1);     // <0: params.chip_life_months
  Num pipeline_months = Num::constant(0);  // output already in production when every sale is stopped
  Schedule production;                     // units per month of capacity
  Schedule production_usd;  // or: USD per month at list price (from reported revenue); adds to `production`
  std::vector<SupplyCap> caps;
};

// Chips named by performance class instead of by id (e.g. the Jan 2026 case-by-case class:
// TPP < 21,000 and DRAM bandwidth < 6,500 GB/s). A bound left out does not constrain.
struct ChipClass {
  bool set = false;
  Num tpp_min = Num::constant(0), tpp_max = Num::constant(1e18);                      // [min, max)
  Num bandwidth_min_gbs = Num::constant(0), bandwidth_max_gbs = Num::constant(1e18);  // [min, max)
};

enum class CompanyKind { AiLab, Hyperscaler, Operator };
enum class Purpose { Train = 0, Infer = 1 };
inline constexpr int kPurposes = 2;

struct FleetEntry {
  int chip = 0;
  Num units;
  int site = -1;     // -1 = home
  int purpose = -1;  // -1 = split by training share
  int acquired = 0;  // absolute month
};

struct Company {
  std::string id, name;
  int hq = 0;
  CompanyKind kind = CompanyKind::AiLab;
  std::vector<std::string> models;
  Schedule budget_usd_per_year;
  Num budget_growth_per_year;
  Num training_share = Num::constant(0.5);
  Num domestic_preference, offshore_willingness, grey_tolerance;
  bool validated_end_user = false;
  Num entity_list_from = Num::constant(kNever);
  std::vector<FleetEntry> initial_fleet;
};

struct Site {
  std::string id, name;
  int jurisdiction = 0, operator_company = 0;
  bool leasable = false;
  Schedule power_mw;  // MW available over time (a constant, or dated points from sources)
  Num power_mw_per_year, pue = Num::constant(1.3);
  Schedule lease_usd_per_h100e_month;
  std::vector<int> chip_menu;
  std::vector<std::pair<int, Num>> initial_units;
};

enum class RuleKind { Threshold, NamedProduct, CountryCaps, EntityList, RemoteAccess, VolumeCap };
enum class Policy { Deny, CaseByCase, Allow };
const char* toString(RuleKind k);
const char* toString(Policy p);

// What a licensing rule (threshold or named product) does to the sales it reaches.
struct LicenceTerms {
  std::vector<int> destinations;  // jurisdictions
  bool hq_clause = false;
  bool hq_clause_always = false;  // "hq_clause": "always": enforced even while HQ clauses are not
  Policy policy = Policy::Deny;
  Num approval = Num::constant(1), fee_share;
};

// Chips a rule names by id, or by class as well.
struct NamedChips {
  std::vector<int> chips;
  ChipClass chip_class;
};

// Each kind of rule carries only its own fields.
struct ThresholdRule : LicenceTerms {
  Num tpp_min = Num::constant(1e18), tpp_min_density = Num::constant(1e18), density_min = Num::constant(1e18);
};
struct NamedProductRule : LicenceTerms, NamedChips {};
struct CountryCapsRule {
  Num cap_h100e = Num::constant(1e18), cap_from, cap_until = Num::constant(kNever);
  bool tenant_clause = false;
};
struct EntityListRule {
  std::vector<int> companies;
};
struct RemoteAccessRule {
  Num compliance = Num::constant(1);
};
// Deliveries to buyers headquartered in (or installing in) `destinations` stay within
// cap_share x the same chips' deliveries to buyers headquartered in `reference`.
struct VolumeCapRule : NamedChips {
  std::vector<int> destinations;  // jurisdictions
  int reference = -1;             // jurisdiction
  Num cap_share = Num::constant(1);
};

// In RuleKind order, so that the index is the kind.
using RuleSpec =
    std::variant<ThresholdRule, NamedProductRule, CountryCapsRule, EntityListRule, RemoteAccessRule, VolumeCapRule>;

struct Rule {
  std::string id, label, source;
  Num from, until = Num::constant(kNever), enabled = Num::constant(1);
  RuleSpec spec;
  RuleKind kind() const { return static_cast<RuleKind>(spec.index()); }
};
template <RuleKind K, class T>
inline constexpr bool kRuleSpecIs = std::is_same_v<std::variant_alternative_t<static_cast<size_t>(K), RuleSpec>, T>;
static_assert(kRuleSpecIs<RuleKind::Threshold, ThresholdRule> &&
              kRuleSpecIs<RuleKind::NamedProduct, NamedProductRule> &&
              kRuleSpecIs<RuleKind::CountryCaps, CountryCapsRule> &&
              kRuleSpecIs<RuleKind::EntityList, EntityListRule> &&
              kRuleSpecIs<RuleKind::RemoteAccess, RemoteAccessRule> &&
              kRuleSpecIs<RuleKind::VolumeCap, VolumeCapRule> && std::variant_size_v<RuleSpec> == 6);

struct Guidance {
  std::string id, label, source;
  std::vector<int> chips;
  Num from, until = Num::constant(kNever), strength;
};

// Beijing's own approval of imports of named chips (the Jan 2026 customs hold, then a quota
// for named companies). Applies to deliveries into a country of concern to companies
// headquartered there.
struct ImportGate {
  std::string id, label, source;
  std::vector<int> chips;
  ChipClass chip_class;
  Num from, until = Num::constant(kNever);  // closed before `from`
  Num quota_units_per_year = Num::constant(1e18);
  std::vector<int> approved;       // companies; others are refused
  bool quota_per_company = false;  // else one quota shared by the approved companies
};

struct ChinaPolicy {
  std::vector<Guidance> guidance;
  std::vector<ImportGate> import_gates;
  Num domestic_subsidy, offshore_training_cap = Num::constant(1);
};

struct HostPolicy {
  int jurisdiction = 0;
  Num permit_from = Num::constant(kNever), enforcement, tenant_kyc;
};

struct Params {
  Num chip_life_months = Num::constant(60), lease_term_months = Num::constant(24);
  Num utilisation = Num::constant(0.4), run_months = Num::constant(3);
  Num algorithmic_progress = Num::constant(3), logit_beta = Num::constant(4);
  Num preference_premium = Num::constant(0.5), backlog_max_months = Num::constant(3);
  Num build_lag_months = Num::constant(6), grey_premium = Num::constant(0.5);
  Num licence_risk_premium = Num::constant(0.1), diversion_base = Num::constant(0.05);
  Num us_enforcement = Num::constant(0.5), location_verification_from = Num::constant(kNever);
  Num location_verification_effect = Num::constant(0.7), permit_effect = Num::constant(0.5);
  Num reference_tflops = Num::constant(989), reference_hbm_tbps = Num::constant(3.35);
  Num max_stock_months = Num::constant(3);    // vendors stop building beyond this much unsold output
  Num hq_clause_enforced = Num::constant(1);  // rules' headquarters clauses reach sites China-HQ firms own abroad
  Num installed_chips_grandfathered = Num::constant(1);  // 0: chips and leases stop when a restriction starts
  // Lease prices move with scarcity: multiplier x exp(elasticity x pressure), within [floor, ceiling].
  Num lease_price_elasticity = Num::constant(0), lease_price_floor = Num::constant(1),
      lease_price_ceiling = Num::constant(1);
  int frontier_bloc = 0, concern_bloc = 0;
  int rule_maker = 0;  // jurisdiction whose export rules the rule book holds (US)
};

struct Event {
  int month = 0;
  std::string label, source;
};

struct Scenario {
  std::string name, description, file, notes;
  int start = 0, end = 0;  // absolute months, inclusive
  std::uint64_t seed = 0;
  Params params;
  std::vector<Bloc> blocs;
  std::vector<Jurisdiction> jurisdictions;
  std::vector<Vendor> vendors;
  std::vector<SupplyInput> supply_inputs;
  std::vector<Chip> chips;
  std::vector<Company> companies;
  std::vector<Site> sites;
  std::vector<Rule> rules;
  ChinaPolicy china;
  std::vector<HostPolicy> host_policies;
  std::vector<Lever> levers;
  std::vector<LeverSchedule> lever_schedules;  // one per lever; empty = default throughout
  std::vector<Uncertain> uncertain;
  std::vector<Event> events;

  int months() const { return end - start + 1; }
  int findLever(std::string_view id) const;
  int findCompany(std::string_view id) const;
  int findChip(std::string_view id) const;
  int findJurisdiction(std::string_view id) const;
  int findVendor(std::string_view id) const;
  int findBloc(std::string_view id) const;
  int findSite(std::string_view id) const;
};

}  // namespace cp
