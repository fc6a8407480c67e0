// The rule book against the dated rules of 2022-2026 (FACTS.md section 2), as a table.
#include <gtest/gtest.h>

#include "engine/inputs.h"
#include "engine/rules.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

namespace {

struct SaleCase {
  const char* chip;
  const char* buyer;
  const char* where;  // jurisdiction
  const char* month;
  Status status;
  const char* rule;  // "" = no rule decided
  double fee = 0;
};

Verdict sale(const Scenario& s, const SaleCase& c) {
  const Inputs in(s);
  const int t = month(c.month) - s.start;
  return evaluateSale(s, in, s.findChip(c.chip), s.findCompany(c.buyer), s.findJurisdiction(c.where), t);
}

std::string ruleId(const Scenario& s, const Verdict& v) { return v.rule >= 0 ? s.rules[v.rule].id : ""; }

}  // namespace

TEST(Rules, SalesFollowTheDatedRuleBook) {
  const Scenario& s = baseline();
  const SaleCase cases[] = {
      {"a100", "bytedance", "china", "2022-09", Status::Allowed, ""},
      {"a100", "bytedance", "china", "2022-11", Status::Denied, "us_2022_10_threshold"},
      {"h100", "bytedance", "china", "2022-11", Status::Denied, "us_2022_10_threshold"},
      {"a800", "bytedance", "china", "2023-03", Status::Allowed, "us_2022_10_interconnect_carveout"},
      {"a800", "bytedance", "china", "2023-10", Status::Allowed, "us_2022_10_interconnect_carveout"},
      {"h100", "bytedance", "china", "2024-06", Status::Denied, "us_2023_10_threshold"},
      // Headquarters clause: a China-HQ buyer cannot take H100s abroad either ...
      {"h100", "bytedance", "malaysia", "2024-06", Status::Denied, "us_2023_10_threshold"},
      // ... but a Malaysian operator can.
      {"h100", "my_operators", "malaysia", "2024-06", Status::Allowed, ""},
      {"h20", "alibaba", "china", "2025-03", Status::Allowed, ""},
      {"h20", "alibaba", "china", "2025-05", Status::Denied, "us_2025_04_h20"},
      {"h20", "alibaba", "china", "2025-09", Status::Licence, "us_2025_08_h20_fee", 0.15},
      {"mi308", "tencent", "china", "2025-05", Status::Denied, "us_2025_04_h20"},
      {"h200", "tencent", "china", "2025-12", Status::Denied, "us_2023_10_threshold"},
      {"h200", "tencent", "china", "2026-02", Status::Licence, "us_2026_01_h200", 0.25},
      {"b200", "tencent", "china", "2026-02", Status::Denied, "us_2023_10_threshold"},
      {"h100", "microsoft_openai", "gulf", "2024-06", Status::Licence, "us_2023_10_gulf_licence"},
      {"h100", "google", "us", "2024-06", Status::Allowed, ""},
      {"ascend_910c", "deepseek", "china", "2025-06", Status::Allowed, ""},
  };
  for (const SaleCase& c : cases) {
    const Verdict v = sale(s, c);
    SCOPED_TRACE(std::string(c.chip) + " to " + c.buyer + " in " + c.where + " " + c.month + ": " + explain(s, v));
    EXPECT_EQ(v.status, c.status);
    EXPECT_EQ(ruleId(s, v), c.rule);
    EXPECT_DOUBLE_EQ(v.fee_share, c.fee);
  }
}

TEST(Rules, NonRuleReasonsAreReported) {
  const Scenario& s = baseline();
  EXPECT_EQ(sale(s, {"ascend_910c", "google", "us", "2025-06", Status::Denied, ""}).reason, Reason::VendorMarket);
  EXPECT_EQ(sale(s, {"us_custom_asic", "alibaba", "china", "2025-06", Status::Denied, ""}).reason,
            Reason::BuyerRestricted);
  EXPECT_EQ(sale(s, {"b200", "google", "us", "2023-06", Status::Denied, ""}).reason, Reason::NotForSale);
}

TEST(Rules, LeverChangesMoveTheVerdicts) {
  const Scenario off = with(baseline(), {"us.h20_licence=off"});
  EXPECT_EQ(sale(off, {"h20", "alibaba", "china", "2025-05", Status::Allowed, ""}).status, Status::Allowed);
  const Scenario early = with(baseline(), {"us.h20_licence_from=2024-06"});
  EXPECT_EQ(sale(early, {"h20", "alibaba", "china", "2024-07", Status::Denied, ""}).status, Status::Denied);
  const Scenario loose = with(baseline(), {"us.advanced_chip_controls=off"});
  EXPECT_EQ(sale(loose, {"h100", "bytedance", "china", "2024-06", Status::Allowed, ""}).status, Status::Allowed);
  // A dated lever value: controls switched off only from 2026-01.
  const Scenario later = with(baseline(), {"us.advanced_chip_controls=off@2026-01"});
  EXPECT_EQ(sale(later, {"h100", "bytedance", "china", "2025-06", Status::Denied, ""}).status, Status::Denied);
  EXPECT_EQ(sale(later, {"h100", "bytedance", "china", "2026-06", Status::Allowed, ""}).status, Status::Allowed);
}

TEST(Rules, EntityListDeniesUsChipsEverywhere) {
  Scenario s = baseline();
  for (Rule& r : s.rules)
    if (auto* listed = std::get_if<EntityListRule>(&r.spec)) listed->companies.push_back(s.findCompany("deepseek"));
  const Verdict v = sale(s, {"h20", "deepseek", "malaysia", "2024-06", Status::Denied, ""});
  EXPECT_EQ(v.status, Status::Denied);
  EXPECT_EQ(v.reason, Reason::EntityList);
  EXPECT_EQ(sale(s, {"ascend_910c", "deepseek", "china", "2025-06", Status::Allowed, ""}).status, Status::Allowed);
}

TEST(Rules, LeasingInMalaysiaIsAllowedUnlessRemoteAccessControlIsOn) {
  const Scenario& base = baseline();
  const int site = base.findSite("johor_leased");
  const int bytedance = base.findCompany("bytedance");
  auto lease = [&](const Scenario& s, const char* m, Purpose p = Purpose::Train) {
    const Inputs in(s);
    return evaluateLease(s, in, bytedance, site, p, month(m) - s.start);
  };
  EXPECT_EQ(lease(base, "2025-06").status, Status::Allowed);
  EXPECT_EQ(lease(base, "2026-06").status, Status::Allowed);
  const Scenario ra =
      with(base, {"us.remote_access_control=on", "us.remote_access_from=2026-01", "us.remote_access_compliance=1"});
  EXPECT_EQ(lease(ra, "2025-12").status, Status::Allowed);
  const Verdict v = lease(ra, "2026-02");
  EXPECT_EQ(v.status, Status::Denied);
  EXPECT_EQ(v.reason, Reason::RemoteAccess);
  EXPECT_EQ(base.rules[v.rule].id, "us_remote_access");
  const Scenario partial = with(base, {"us.remote_access_control=on", "us.remote_access_compliance=0.9"});
  const Verdict pv = lease(partial, "2026-02");
  EXPECT_EQ(pv.status, Status::Limited);
  EXPECT_NEAR(pv.allowed_share, 0.1, 1e-12);
  // Kept diffusion rule: tier-2 hosts may not train for China-HQ tenants; inference is fine.
  const Scenario kept = with(base, {"us.diffusion_rule=on"});
  EXPECT_EQ(lease(kept, "2025-06").reason, Reason::TenantClause);
  EXPECT_EQ(lease(kept, "2025-06", Purpose::Infer).status, Status::Allowed);
  // US firms are never caught by the remote-access rule.
  const Inputs in(ra);
  EXPECT_EQ(evaluateLease(ra, in, ra.findCompany("google"), site, Purpose::Train, month("2026-06") - ra.start).status,
            Status::Allowed);
}

TEST(Rules, HostKycCutsLeasingToChinaHeadquarteredTenants) {
  const Scenario kyc = with(baseline(), {"sea.tenant_kyc=0.4"});
  const Inputs in(kyc);
  const Verdict v = evaluateLease(kyc, in, kyc.findCompany("alibaba"), kyc.findSite("johor_leased"), Purpose::Train,
                                  month("2025-06") - kyc.start);
  EXPECT_EQ(v.status, Status::Limited);
  EXPECT_EQ(v.reason, Reason::HostKyc);
  EXPECT_NEAR(v.allowed_share, 0.6, 1e-12);
}

TEST(RuleTimeline, ResultsCarryWhichRulesAreInForceEachMonth) {
  const Scenario& s = baseline();
  const Results r = run(s);
  ASSERT_EQ(r.rule_active.size(), s.rules.size());
  const Inputs in(s);
  for (size_t i = 0; i < s.rules.size(); ++i) {
    ASSERT_EQ(r.rule_active[i].size(), static_cast<size_t>(r.months()));
    for (int t = 0; t < r.months(); ++t)
      EXPECT_EQ(r.rule_active[i][t] != 0, ruleActive(s.rules[i], in, t)) << s.rules[i].id << " " << t;
  }
  // The H20 licence of April 2025 gives way to licences with a fee in August 2025.
  const auto rule = [&](const char* id) {
    for (size_t i = 0; i < s.rules.size(); ++i)
      if (s.rules[i].id == id) return i;
    ADD_FAILURE() << id;
    return size_t{0};
  };
  EXPECT_TRUE(r.rule_active[rule("us_2025_04_h20")][month("2025-05") - month("2022-01")]);
  EXPECT_FALSE(r.rule_active[rule("us_2025_04_h20")][month("2025-09") - month("2022-01")]);
  EXPECT_TRUE(r.rule_active[rule("us_2025_08_h20_fee")][month("2025-09") - month("2022-01")]);
}
