// The simulation keeps a month's verdicts while verdictKey and the RuleMonth facts stand
// still. These tests hold verdictKey to that promise in every shipped scenario: whenever
// two months have equal keys, every sale and lease verdict is the same but for its month.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/loader.h"
#include "engine/rules.h"
#include "support.h"

namespace cp::test {
namespace {

bool sameButMonth(const Verdict& a, const Verdict& b) {
  return a.status == b.status && a.reason == b.reason && a.rule == b.rule && a.approval == b.approval &&
         a.fee_share == b.fee_share && a.allowed_share == b.allowed_share && a.gate == b.gate &&
         a.volume_cap == b.volume_cap;
}

struct KeptMonths {
  int kept = 0, changed = 0;
};

// Compares every verdict of months whose keys are equal; returns how many months kept them.
KeptMonths checkScenario(const Scenario& s, const std::string& name) {
  const Inputs in(s);
  KeptMonths out;
  RuleMonth before = ruleMonth(s, in, 0), now;
  std::vector<double> key_before, key_now;
  verdictKey(s, in, before, key_before);
  for (int t = 1; t < s.months(); ++t) {
    fillRuleMonth(now, s, in, t);
    verdictKey(s, in, now, key_now);
    if (key_now == key_before && sameVerdictFacts(now, before)) {
      ++out.kept;
      for (size_t c = 0; c < s.companies.size(); ++c) {
        for (size_t k = 0; k < s.chips.size(); ++k)
          for (size_t j = 0; j < s.jurisdictions.size(); ++j) {
            const int ci = static_cast<int>(c), ki = static_cast<int>(k), ji = static_cast<int>(j);
            EXPECT_TRUE(sameButMonth(evaluateSale(s, in, before, ki, ci, ji), evaluateSale(s, in, now, ki, ci, ji)))
                << name << " month " << t << " chip " << s.chips[k].id << " buyer " << s.companies[c].id;
          }
        for (size_t site = 0; site < s.sites.size(); ++site)
          for (const Purpose p : {Purpose::Train, Purpose::Infer}) {
            const int ci = static_cast<int>(c), si = static_cast<int>(site);
            EXPECT_TRUE(sameButMonth(evaluateLease(s, in, before, ci, si, p), evaluateLease(s, in, now, ci, si, p)))
                << name << " month " << t << " tenant " << s.companies[c].id << " site " << s.sites[site].id;
          }
      }
    } else {
      ++out.changed;
    }
    std::swap(before, now);
    std::swap(key_before, key_now);
  }
  return out;
}

TEST(VerdictKey, EqualKeysGiveEqualVerdictsInEveryShippedScenario) {
  int scenarios = 0;
  for (const auto& entry : std::filesystem::directory_iterator(sourcePath("scenarios"))) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name == "schema.json" || name == "sources.json") continue;
    const KeptMonths m = checkScenario(loadScenario(entry.path().string()), name);
    // Both branches are exercised: most months keep their verdicts, rule dates do not.
    EXPECT_GT(m.kept, m.changed) << name;
    EXPECT_GT(m.changed, 3) << name;
    ++scenarios;
  }
  EXPECT_GE(scenarios, 15);
}

TEST(VerdictKey, ALeverThatMovesALicenceTermChangesTheKeyThatMonth) {
  // The H200 revenue share steps from 0.25 to 0.4 in 2027-03: verdicts read it, so the key
  // moves that month (and the facts do not: no rule starts or ends then).
  const Scenario s = with(baseline(), {"us.h200_revenue_share=0.4@2027-03"});
  const Inputs in(s);
  const int t = month("2027-03") - s.start;
  std::vector<double> a, b;
  verdictKey(s, in, ruleMonth(s, in, t - 1), a);
  verdictKey(s, in, ruleMonth(s, in, t), b);
  EXPECT_NE(a, b);
  EXPECT_TRUE(sameVerdictFacts(ruleMonth(s, in, t - 1), ruleMonth(s, in, t)));
}

}  // namespace
}  // namespace cp::test
