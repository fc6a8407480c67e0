// The synthetic world of the scaling benchmark (tests/bench/synthetic_world.h): the sizes
// asked for, unique ids, and copies that run and take part like their originals.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "../bench/synthetic_world.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

TEST(SyntheticWorld, TenTimesTheCompaniesThreeTimesTheChipsAndSites) {
  const Scenario& base = baseline();
  const Scenario big = cp::test::syntheticWorld(base, 10, 3);
  EXPECT_EQ(big.companies.size(), 10 * base.companies.size());
  EXPECT_EQ(big.chips.size(), 3 * base.chips.size());
  EXPECT_EQ(big.sites.size(), 3 * base.sites.size());
  std::set<std::string> ids;
  for (const Company& c : big.companies) EXPECT_TRUE(ids.insert(c.id).second) << c.id;
  for (const Chip& c : big.chips) EXPECT_TRUE(ids.insert("chip:" + c.id).second) << c.id;
  // A copied site offers the copied chips too.
  const Site& copy = big.sites[base.sites.size()];
  EXPECT_EQ(copy.chip_menu.size(), 3 * base.sites[0].chip_menu.size());
}

TEST(SyntheticWorld, RunsBalancedAndCopiesBuyCompute) {
  Scenario big = cp::test::syntheticWorld(baseline(), 10, 3);
  big.end = big.start + 23;
  RunOptions o;
  o.check = true;
  const Results r = simulate(big, o);
  EXPECT_TRUE(r.violations.empty()) << (r.violations.empty()
                                            ? ""
                                            : r.violations.front().entity + ": " + r.violations.front().what);
  EXPECT_TRUE(allFinite(r));
  std::string original;  // the first company that buys compute for itself
  for (const Company& c : baseline().companies)
    if (c.kind != CompanyKind::Operator && original.empty()) original = c.id;
  const double* a = r.find(Scope::Company, original, "compute_h100e");
  const double* b = r.find(Scope::Company, original + "~10", "compute_h100e");
  ASSERT_TRUE(a && b);
  EXPECT_GT(a[r.months() - 1], 0.0);
  EXPECT_GT(b[r.months() - 1], 0.0);
}
