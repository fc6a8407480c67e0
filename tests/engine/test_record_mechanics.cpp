// The mechanics the 2025-26 record needs (src/engine/README.md, and scenarios/baseline_notes.md): FLOP-H100e,
// continuous partial compliance, the HQ clause and grandfathering, volume caps, Beijing's import gate, lease prices
// that move with scarcity and output from revenue. Golden numbers come from
// tests/engine/fixtures/record_mechanics.json: no power costs, a chip price of $10,000, one option per buyer, so each
// figure is worked out by hand in the comment.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/rules.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

namespace {

const Scenario& fixture() {
  static const Scenario s = loadScenario(testPath("engine/fixtures/record_mechanics.json"));
  return s;
}

double fx(const Results& r, Scope scope, const char* id, const char* metric, const char* m) {
  return at(r, scope, id, metric, m);
}

}  // namespace

// ---------------------------------------------------------------- FLOP-H100e

TEST(FlopUnit, GoldenFleetCountsTflopsOver989WhateverThePurpose) {
  const Results r = run(fixture());
  // China Lab owns 1,000 "small" (148 TFLOP/s) and 100 "local" (800): 1000 x 148/989 +
  // 100 x 800/989 = 149.646 + 80.890 = 230.536 FLOP-H100e.
  EXPECT_NEAR(fx(r, Scope::Company, "cnlab", "fleet_flop_h100e", "2026-06"), 1000 * 148.0 / 989 + 100 * 800.0 / 989,
              1e-9);
  EXPECT_NEAR(fx(r, Scope::Company, "cnlab", "fleet_nvidia_flop_h100e", "2026-06"), 1000 * 148.0 / 989, 1e-9);
  EXPECT_NEAR(fx(r, Scope::Company, "cnlab", "fleet_huawei_flop_h100e", "2026-06"), 100 * 800.0 / 989, 1e-9);
  // No leases: compute = fleet. Huawei's FLOP share of China: 80.890 / 230.536 = 0.3509.
  EXPECT_NEAR(fx(r, Scope::Company, "cnlab", "compute_flop_h100e", "2026-06"),
              fx(r, Scope::Company, "cnlab", "fleet_flop_h100e", "2026-06"), 1e-9);
  EXPECT_NEAR(fx(r, Scope::Global, "world", "huawei_flop_share_china", "2026-06"), 800.0 / (148.0 * 10 + 800), 1e-9);
}

TEST(FlopUnit, BaselineFlopFleetSumsVendorsAndComputeAddsLeases) {
  const Results r = run(baseline());
  for (const char* m : {"2024-06", "2026-12", "2029-06"}) {
    const double fleet = at(r, Scope::Bloc, "china", "fleet_flop_h100e", m);
    double vendors = 0;
    for (const Vendor& v : baseline().vendors)
      vendors += at(r, Scope::Bloc, "china", ("fleet_" + v.id + "_flop_h100e").c_str(), m);
    EXPECT_NEAR(fleet, vendors, 1e-6 * fleet) << m;
    EXPECT_GE(at(r, Scope::Bloc, "china", "compute_flop_h100e", m), fleet) << m;
  }
  // An H20 counts 0.15 in FLOP terms but ~0.67 in the purpose-weighted unit, so China's
  // Nvidia fleet reads smaller and Huawei's share larger in FLOP-H100e.
  EXPECT_LT(at(r, Scope::Bloc, "china", "fleet_nvidia_flop_h100e", "2025-12"),
            at(r, Scope::Bloc, "china", "compute_nvidia_h100e", "2025-12"));
  EXPECT_GT(at(r, Scope::Global, "world", "huawei_flop_share_china", "2026-12"),
            at(r, Scope::Global, "world", "huawei_share_china", "2026-12"));
}

// ---------------------------------------------------------------- continuous compliance

namespace {
// China Lab's leased compute in the mini world at 2026-12 (a rule from 2025-01, so every
// lease then was signed under it) for each value of the compliance lever, 0, 0.1, ..., 1.
std::vector<double> leasedOver(const std::string& lever, const std::vector<std::string>& base) {
  std::vector<double> out;
  for (int i = 0; i <= 10; ++i) {
    std::vector<std::string> levers = base;
    levers.push_back(lever + "=" + std::to_string(i / 10.0));
    out.push_back(at(run(mini(), levers, false), Scope::Company, "cnlab", "compute_leased_h100e", "2026-12"));
  }
  return out;
}

void expectSmoothDecline(const std::vector<double>& l) {
  ASSERT_GT(l.front(), 0);
  for (size_t i = 1; i < l.size(); ++i) {
    EXPECT_LT(l[i], l[i - 1]) << "not strictly falling at step " << i;
    // No cliff: one step of 0.1 moves the outcome by at most ~2x the step (20% of L(0)).
    EXPECT_LE(l[i - 1] - l[i], 0.2 * l.front() + 1e-9) << "jump at step " << i;
  }
  EXPECT_LT(l.back(), 0.05 * l.front());
}
}  // namespace

TEST(PartialCompliance, RemoteAccessComplianceMovesLeasingSmoothly) {
  const auto l =
      leasedOver("us.remote_access_compliance", {"us.remote_access_control=on", "us.remote_access_from=2025-01"});
  expectSmoothDecline(l);
  EXPECT_LT(l[5], 0.85 * l[0]);  // about half stops at 0.5 (refused tenants bid again, so less)
  EXPECT_GT(l[5], 0.3 * l[0]);
}

TEST(PartialCompliance, HostKycMovesLeasingSmoothly) {
  std::vector<double> l;
  for (int i = 0; i <= 10; ++i) {
    Scenario s = mini();
    for (HostPolicy& h : s.host_policies) h.tenant_kyc = Num::constant(i / 10.0);
    l.push_back(at(run(s, {}, false), Scope::Company, "cnlab", "compute_leased_h100e", "2026-12"));
  }
  expectSmoothDecline(l);
}

TEST(PartialCompliance, IssueExampleHalfComplianceLiesBetweenNoneAndNinety) {
  // Baseline, control from 2026-01: end-2026 leased compute at 0.5 lies clearly between
  // compliance 0 and 0.9 (before, every value above 0 gave the same path).
  auto leased = [](const char* c) {
    return at(run(baseline(), {"us.remote_access_control=on", std::string("us.remote_access_compliance=") + c}, false),
              Scope::Bloc, "china", "compute_leased_h100e", "2026-12");
  };
  EXPECT_GT(leased("0.5"), 1.1 * leased("0.9"));
  EXPECT_LT(leased("0.5"), 0.95 * leased("0"));
  EXPECT_GT(leased("0.9"), 1.1 * leased("1"));
}

// ---------------------------------------------------------------- HQ clause

TEST(HqClause, GoldenHallsAbroadBuyOnlyWhileTheClauseIsUnenforced) {
  // China Lab (budget $100M a month, training only) may buy only "big" at its hall in
  // Malaysia: 1e8 / 10,000 = 10,000 units a month while the HQ clause is off (Mar-May).
  const std::vector<std::string> base = {"test.threshold=on", "test.cn_offshore=1", "test.cn_budget=1.2e9",
                                         "us.hq_clause_enforced=off@2026-03", "us.hq_clause_enforced=on@2026-06"};
  const Results r = run(fixture(), base);
  EXPECT_NEAR(fx(r, Scope::Company, "cnlab", "compute_abroad_owned_h100e", "2026-02"), 0.0, 1e-9);
  // (A lease at 6x the cost takes a share of e^-20 of the budget, hence the tolerance.)
  EXPECT_NEAR(fx(r, Scope::Company, "cnlab", "compute_abroad_owned_h100e", "2026-05"), 30000.0, 0.01);
  // Grandfathered: the 30,000 stay in use after re-enforcement, and no more arrive.
  EXPECT_NEAR(fx(r, Scope::Company, "cnlab", "compute_abroad_owned_h100e", "2027-12"), 30000.0, 0.01);
  // Not grandfathered: they stop counting the month enforcement returns.
  auto off = base;
  off.push_back("us.installed_chips_grandfathered=off");
  const Results g = run(fixture(), off);
  EXPECT_NEAR(fx(g, Scope::Company, "cnlab", "compute_abroad_owned_h100e", "2026-05"), 30000.0, 0.01);
  EXPECT_NEAR(fx(g, Scope::Company, "cnlab", "compute_abroad_owned_h100e", "2026-06"), 0.0, 1e-9);
}

TEST(HqClause, WhyTraceNamesTheUnenforcedClause) {
  RunOptions o;
  const Scenario s = with(fixture(), {"test.threshold=on", "test.cn_offshore=1", "test.cn_budget=1.2e9",
                                      "us.hq_clause_enforced=off@2026-03"});
  o.trace_company = s.findCompany("cnlab");
  o.trace_month = month("2026-04");
  const Results r = simulate(s, o);
  bool found = false;
  for (const OptionTrace& t : r.trace)
    found = found || t.verdict.find("HQ clause not enforced in 2026-04") != std::string::npos;
  EXPECT_TRUE(found);
}

TEST(HqClause, WhyTraceSaysWhetherInstalledChipsKeepWorking) {
  for (const bool keep : {true, false}) {
    Scenario s =
        with(fixture(), {"test.threshold=on", "test.cn_offshore=1", "test.cn_budget=1.2e9",
                         "us.hq_clause_enforced=off@2026-03", "us.hq_clause_enforced=on@2026-06",
                         keep ? "us.installed_chips_grandfathered=on" : "us.installed_chips_grandfathered=off"});
    RunOptions o;
    o.trace_company = s.findCompany("cnlab");
    o.trace_month = month("2026-06");
    const Results r = simulate(s, o);
    std::string found;
    for (const OptionTrace& t : r.trace)
      if (t.label.rfind("installed ", 0) == 0) found = t.label + " | " + t.verdict;
    EXPECT_NE(found.find("installed 30000 x Big"), std::string::npos) << found;
    EXPECT_NE(found.find(keep ? "keep working" : "stop counting"), std::string::npos) << found;
  }
}

TEST(HqClause, BaselineLoopholeGrowsByteDanceHallsAndGrandfatheringKeepsThem) {
  const Results base = run(baseline());
  const Results enforced = run(baseline(), {"us.hq_clause_enforced=on"});
  const double loophole = at(base, Scope::Company, "bytedance", "compute_abroad_owned_h100e", "2026-05");
  EXPECT_GT(loophole, 1.1 * at(enforced, Scope::Company, "bytedance", "compute_abroad_owned_h100e", "2026-05"));
  // Re-enforced in 2026-06 with grandfathering: the halls keep what they installed.
  EXPECT_GE(at(base, Scope::Company, "bytedance", "compute_abroad_owned_h100e", "2026-06"), 0.97 * loophole);
  const Results cut = run(baseline(), {"us.installed_chips_grandfathered=off"});
  EXPECT_LT(at(cut, Scope::Company, "bytedance", "compute_abroad_owned_h100e", "2026-06"),
            0.9 * at(cut, Scope::Company, "bytedance", "compute_abroad_owned_h100e", "2026-05"));
}

// ---------------------------------------------------------------- volume cap

TEST(VolumeCap, GoldenChinaGetsHalfOfWhatUsBuyersGet) {
  // US Lab: $100M a month on "big" = 10,000 units. Two Chinese buyers ask 10,000 each;
  // the cap lets China have 0.5 x 10,000 = 5,000, shared pro rata: 2,500 each.
  const Results r = run(fixture(), {"test.volume_cap=on", "test.cn_budget=1.2e9"});
  EXPECT_NEAR(fx(r, Scope::Chip, "big", "delivered_units_us", "2026-04"), 10000.0, 1e-6);
  EXPECT_NEAR(fx(r, Scope::Chip, "big", "delivered_units_china", "2026-04"), 5000.0, 1e-6);
  EXPECT_NEAR(fx(r, Scope::Company, "cnlab", "fleet_nvidia_flop_h100e", "2026-01") - 1000 * 148.0 / 989, 2500.0, 1e-6);
  const Results quarter = run(fixture(), {"test.volume_cap=on", "test.cn_budget=1.2e9", "us.volume_cap_share=0.25"});
  EXPECT_NEAR(fx(quarter, Scope::Chip, "big", "delivered_units_china", "2026-04"), 2500.0, 1e-6);
}

// "50% of the volume of that product sold to US customers": chip by chip. Summed over
// the class, the US's own accelerators (TPUs, Trainium) in it made the cap never bind
// (China got 78% of US H200 volume in 2026-06; expert review).
TEST(VolumeCap, BaselineChinaGetsAtMostTheCapShareOfEachChip) {
  const Scenario& s = baseline();
  const Results r = run(s);
  const Inputs in(s);
  int cap = -1;
  for (size_t i = 0; i < s.rules.size(); ++i)
    if (s.rules[i].kind() == RuleKind::VolumeCap) cap = static_cast<int>(i);
  ASSERT_GE(cap, 0);
  double china_h200 = 0;
  const int h200 = s.findChip("h200");
  for (int t = r.monthIndex(month("2026-01")); t < r.months(); ++t) {
    const RuleMonth m = ruleMonth(s, in, t);
    for (size_t k = 0; k < s.chips.size(); ++k) {
      if (!m.covered(cap, static_cast<int>(k)) || !s.chips[k].buyers.empty()) continue;  // China-only chips: own rule
      const double cn = r.find(Scope::Chip, s.chips[k].id, "delivered_units_china")[t];
      const double us = r.find(Scope::Chip, s.chips[k].id, "delivered_units_us")[t];
      EXPECT_LE(cn, 0.5 * us * (1 + 1e-9) + 1e-6) << s.chips[k].id << " month " << t;
      if (static_cast<int>(k) == h200) china_h200 += cn;
    }
  }
  EXPECT_GT(china_h200, 0);  // the cap binds a flow that exists
  // and binds it: with no cap China would get more H200s.
  const Results uncapped = run(s, {"us.h200_china_volume_cap=1"});
  double free = 0;
  for (int t = r.monthIndex(month("2026-01")); t < r.months(); ++t)
    free += uncapped.find(Scope::Chip, "h200", "delivered_units_china")[t];
  EXPECT_GT(free, 1.05 * china_h200);
}

// Tightening the cap cuts Nvidia's China sales at once: at a tenth of US volume China's
// 2026-27 H200s fall by more than half (the class-wide sum left them unchanged at 10%).
TEST(VolumeCap, ATenthOfUsVolumeCutsChinasH200s) {
  const Scenario& s = baseline();
  const Results half = run(s), tenth = run(s, {"us.h200_china_volume_cap=0.1"});
  double a = 0, b = 0;
  for (int t = half.monthIndex(month("2026-01")); t <= half.monthIndex(month("2027-12")); ++t) {
    a += half.find(Scope::Chip, "h200", "delivered_units_china")[t];
    b += tenth.find(Scope::Chip, "h200", "delivered_units_china")[t];
  }
  EXPECT_LT(b, 0.5 * a);
}

TEST(VolumeCap, ChipClassCatchesMi325xButNotBlackwell) {
  const Scenario& s = baseline();
  const Inputs in(s);
  const int t = month("2026-03") - s.start;
  const RuleMonth m = ruleMonth(s, in, t);
  int cap = -1;
  for (size_t i = 0; i < s.rules.size(); ++i)
    if (s.rules[i].kind() == RuleKind::VolumeCap) cap = static_cast<int>(i);
  ASSERT_GE(cap, 0);
  EXPECT_TRUE(m.covered(cap, s.findChip("h200")));
  EXPECT_TRUE(m.covered(cap, s.findChip("mi325x")));
  EXPECT_FALSE(m.covered(cap, s.findChip("b200")));
  EXPECT_FALSE(m.covered(cap, s.findChip("ascend_910c")));  // not US-origin
}

// ---------------------------------------------------------------- Beijing's gate

TEST(ImportGate, GoldenClosedThenOpenToApprovedFirmsUpToTheQuota) {
  // Both Chinese buyers want 10,000 "big" a month at home. Closed until 2026-03; then only
  // China Lab, 24,000 a year: 10,000 (Mar) + 10,000 (Apr) + 4,000 (May), then nothing
  // until the quota year turns in 2027-03.
  const Results r = run(fixture(), {"test.cn_budget=1.2e9", "cn.gate_until=never", "cn.gate_quota=24000"});
  const char* months[] = {"2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2027-02", "2027-03"};
  const double want[] = {0, 10000, 10000, 4000, 0, 0, 10000};
  for (size_t i = 0; i < std::size(months); ++i)
    EXPECT_NEAR(fx(r, Scope::Chip, "big", "delivered_units_china", months[i]), want[i], 1e-6) << months[i];
  EXPECT_NEAR(fx(r, Scope::Company, "cnother", "fleet_flop_h100e", "2027-12"), 0.0, 1e-9);
}

TEST(ImportGate, WhyNamesTheGateForUnapprovedFirms) {
  const Scenario s = with(fixture(), {"test.cn_budget=1.2e9", "cn.gate_until=never"});
  const Inputs in(s);
  const RuleMonth m = ruleMonth(s, in, month("2026-04") - s.start);
  const Verdict v = evaluateSale(s, in, m, s.findChip("big"), s.findCompany("cnother"), s.findJurisdiction("china"));
  EXPECT_EQ(v.status, Status::Denied);
  EXPECT_EQ(v.reason, Reason::ImportNotApproved);
  EXPECT_NE(explain(s, v).find("gate"), std::string::npos) << explain(s, v);
  const Verdict ok = evaluateSale(s, in, m, s.findChip("big"), s.findCompany("cnlab"), s.findJurisdiction("china"));
  EXPECT_NE(ok.status, Status::Denied);
}

TEST(ImportGate, BaselineNoH200ReachesChinaBeforeBeijingOpens) {
  const Results r = run(baseline());
  const Results later = run(baseline(), {"cn.h200_imports_from=2026-09"});
  // Chinese firms' halls abroad do not pass Chinese customs; home deliveries wait.
  EXPECT_LT(sum(later, Scope::Chip, "h200", "delivered_units_china", "2026-02", "2026-08"),
            sum(r, Scope::Chip, "h200", "delivered_units_china", "2026-02", "2026-08"));
}

// ---------------------------------------------------------------- guidance at full strength

TEST(Guidance, NoH20ReachesChinaOnceBeijingsGuidanceIsFull) {
  const Results r = run(baseline(), {"cn.nvidia_guidance=1"});
  EXPECT_NEAR(sum(r, Scope::Chip, "h20", "delivered_units_china", "2025-08", "2030-12"), 0.0, 1e-6);
}

// The baseline itself: Nvidia's outlooks from the Nov 2025 quarter on assume no China
// data-centre revenue (S118, S123), so after the ~4k units of Aug-Oct 2025 the H20 trickle
// (1-3k a month into 2026 before; expert review) stops.
TEST(Guidance, TheBaselinesH20SalesToChinaEndAfterOctober2025) {
  const Results r = run(baseline());
  const double quarter = sum(r, Scope::Chip, "h20", "delivered_units_china", "2025-08", "2025-10");
  EXPECT_GT(quarter, 1500.0);  // the calibration target's range starts there
  EXPECT_NEAR(sum(r, Scope::Chip, "h20", "delivered_units_china", "2025-11", "2030-12"), 0.0, 1e-6);
}

// ---------------------------------------------------------------- lease prices

TEST(LeasePrices, GoldenScarcityRaisesThePriceByEToTheElasticityUpToTheCeiling) {
  // China Lab asks for far more than the 1,000 H100e the site has (pressure 1): the price
  // rises x e^0.1 a month from $1,000, until the ceiling 1.5 stops it.
  const Results r = run(fixture(), {"test.cn_offshore=1", "test.cn_budget=1.2e11", "test.threshold=on",
                                    "world.lease_price_elasticity=0.1"});
  EXPECT_NEAR(fx(r, Scope::Jurisdiction, "malaysia", "lease_price_usd", "2026-01"), 1000.0, 1e-9);
  EXPECT_NEAR(fx(r, Scope::Jurisdiction, "malaysia", "lease_price_usd", "2026-02"), 1000.0 * std::exp(0.1), 1e-6);
  EXPECT_NEAR(fx(r, Scope::Jurisdiction, "malaysia", "lease_price_usd", "2026-04"), 1000.0 * std::exp(0.3), 1e-6);
  EXPECT_NEAR(fx(r, Scope::Jurisdiction, "malaysia", "lease_price_usd", "2026-12"), 1500.0, 1e-6);
  // Idle capacity (no demand): x e^-0.1 a month down to the floor 0.5.
  const Results idle = run(fixture(), {"world.lease_price_elasticity=0.1"});
  EXPECT_NEAR(fx(idle, Scope::Jurisdiction, "malaysia", "lease_price_usd", "2026-02"), 1000.0 * std::exp(-0.1), 1e-6);
  EXPECT_NEAR(fx(idle, Scope::Jurisdiction, "malaysia", "lease_price_usd", "2026-12"), 500.0, 1e-6);
  // Elasticity 0: the scheduled price.
  EXPECT_NEAR(fx(run(fixture()), Scope::Jurisdiction, "malaysia", "lease_price_usd", "2026-12"), 1000.0, 1e-9);
}

TEST(LeasePrices, UsBudgetSurgeRaisesPricesWithoutPushingAChineseTenantOut) {
  // Leases at $150 an H100e-month undercut buying ($10,000 / 60 months = $167), so the US
  // Lab leases too; the site's operator adds ~90 chips a month (1 MW a year). The Chinese
  // Lab can only lease (the threshold rule and the HQ clause stop it buying). Then the US
  // budget grows a hundredfold and bids for the same new capacity.
  const std::vector<std::string> base = {"test.threshold=on",   "test.cn_offshore=1",        "test.us_offshore=1",
                                         "test.cn_budget=9e5",  "test.lease_power_growth=1", "test.price_ceiling=4",
                                         "test.lease_price=150"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> all = base;
    all.insert(all.end(), extra.begin(), extra.end());
    return run(fixture(), all);
  };
  const Results calm = with({"world.lease_price_elasticity=0.2", "test.us_budget=1.2e6"});
  const Results surge = with({"world.lease_price_elasticity=0.2", "test.us_budget=1.2e8"});
  const Results rigid = with({"test.us_budget=1.2e8"});
  auto price = [](const Results& r) {
    return mean(r, Scope::Jurisdiction, "malaysia", "lease_price_usd", "2026-07", "2027-12");
  };
  auto leased = [](const Results& r) { return at(r, Scope::Company, "cnlab", "compute_leased_h100e", "2027-12"); };
  auto spent = [](const Results& r) {
    return sum(r, Scope::Company, "cnlab", "spend_offshore_usd", "2026-07", "2027-12");
  };
  EXPECT_GT(price(surge), 1.5 * price(calm));
  // Dearer leases buy the Chinese Lab fewer H100e, but prices that clear keep it in the
  // market: it still places most of its budget; fixed prices ration it out of the new
  // capacity.
  EXPECT_GT(spent(surge), 0.4 * spent(calm)) << spent(surge) << " vs calm " << spent(calm);
  EXPECT_LT(spent(rigid), 0.3 * spent(calm)) << spent(rigid) << " vs calm " << spent(calm);
  EXPECT_GT(leased(surge), 3 * leased(rigid)) << leased(surge) << " vs rigid " << leased(rigid);
}

// ---------------------------------------------------------------- output from revenue

TEST(ProductionUsd, RevenueScheduleBecomesUnitsAtListPrice) {
  // production_usd 1e12 a month at $10,000 = 1e8 units of capacity; the US Lab takes 10,000.
  const Results r = run(fixture());
  EXPECT_NEAR(fx(r, Scope::Chip, "big", "produced_units", "2026-01"), 1e8, 1e-3);
  EXPECT_NEAR(fx(r, Scope::Chip, "big", "delivered_units_us", "2026-01"), 10000.0, 1e-6);
}

// ---------------------------------------------------------------- output in the pipeline

TEST(Pipeline, H20sInProductionWhenTheLicenceCameAreMadeIntoStockAndSoldLater) {
  const Results r = run(baseline());
  // The April 2025 licence cut off every H20 buyer; one month of output (pipeline_months 1:
  // the $2.5bn Nvidia could not ship, S112) is still made, then nothing until the halt.
  const double april = at(r, Scope::Chip, "h20", "produced_units", "2025-04");
  EXPECT_GT(april, 100000.0);
  EXPECT_NEAR(sum(r, Scope::Chip, "h20", "produced_units", "2025-05", "2030-12"), 0.0, 1e-6);
  EXPECT_NEAR(sum(r, Scope::Chip, "h20", "delivered_units", "2025-04", "2025-07"), 0.0, 1e-6);
  EXPECT_NEAR(at(r, Scope::Chip, "h20", "vendor_stock_units", "2025-07"), april, 1e-6 * april);
  // Once licences resume, Beijing's guidance lets a trickle through: ~$50M in Aug-Oct 2025 (S118).
  const double trickle = sum(r, Scope::Chip, "h20", "delivered_units_china", "2025-08", "2025-10");
  EXPECT_GT(trickle, 1500.0);
  EXPECT_LT(trickle, 7500.0);

  // Without a pipeline the licence stops output at once, and nothing is left to sell.
  Scenario none = baseline();
  for (Chip& c : none.chips)
    if (c.id == "h20") c.pipeline_months = Num::constant(0);
  const Results r0 = run(none);
  EXPECT_NEAR(at(r0, Scope::Chip, "h20", "produced_units", "2025-04"), 0.0, 1e-6);
  EXPECT_NEAR(sum(r0, Scope::Chip, "h20", "delivered_units_china", "2025-08", "2030-12"), 0.0, 1e-6);
}

// ---------------------------------------------------------------- counterfactuals (generous bands)

TEST(Counterfactual, WithoutTheH20LicenceNvidiaSellsChina5To20BnMoreInAprJul2025) {
  const Results base = run(baseline());
  const Results off = run(baseline(), {"us.h20_licence=off"});
  const double more = sum(off, Scope::Vendor, "nvidia", "revenue_china_usd", "2025-04", "2025-07") -
                      sum(base, Scope::Vendor, "nvidia", "revenue_china_usd", "2025-04", "2025-07");
  // Nvidia: ~$2.5bn could not be shipped in April and ~$8bn was lost in May-Jul (S112, S114).
  EXPECT_GT(more, 5e9);
  EXPECT_LT(more, 20e9);
}

TEST(Counterfactual, EnforcingTheHqClauseThroughoutLowersChinasFlopFleetIn2026) {
  const Results base = run(baseline());
  const Results closed = run(baseline(), {"us.hq_clause_enforced=on"});
  EXPECT_LT(at(closed, Scope::Bloc, "china", "fleet_flop_h100e", "2026-06"),
            at(base, Scope::Bloc, "china", "fleet_flop_h100e", "2026-06"));
}
