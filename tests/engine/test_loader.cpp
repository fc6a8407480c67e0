// The loader never crashes and names file, JSON pointer and reason for every problem.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/loader.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

namespace {
std::vector<Problem> problemsOf(const std::string& path) { return validateScenarioFile(path); }

std::vector<Problem> problemsOfText(const std::string& text) {
  try {
    loadScenarioFromString(text, "inline.json", testPath("engine/fixtures"));
  } catch (const LoadError& e) {
    return e.problems();
  }
  return {};
}

bool has(const std::vector<Problem>& ps, const std::string& pointer_and_message) {
  for (const Problem& p : ps)
    if (p.pointer + ": " + p.message == pointer_and_message) return true;
  return false;
}

std::string listed(const std::vector<Problem>& ps) {
  std::string s;
  for (const Problem& p : ps) s += "\n  " + p.str();
  return s;
}
}  // namespace

TEST(Loader, ShippedBaselineAndFixtureLoad) {
  EXPECT_TRUE(problemsOf(sourcePath("scenarios/baseline.json")).empty())
      << listed(problemsOf(sourcePath("scenarios/baseline.json")));
  EXPECT_TRUE(problemsOf(testPath("engine/fixtures/mini.json")).empty());
}

TEST(Loader, BrokenCorpusGivesTheExactMessages) {
  std::ifstream f(testPath("engine/broken/expected.json"));
  const nlohmann::json expected = nlohmann::json::parse(f);
  ASSERT_GE(expected.size(), 15u);
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    const std::string path = testPath("engine/broken/" + it.key());
    const auto ps = problemsOf(path);
    ASSERT_FALSE(ps.empty()) << it.key() << " loaded without problems";
    for (const auto& want : it.value())
      EXPECT_TRUE(has(ps, want.get<std::string>())) << it.key() << " lacks '" << want << "', got:" << listed(ps);
  }
}

TEST(Loader, ProblemsNameTheFile) {
  const std::string path = testPath("engine/broken/unknown_id.json");
  const auto ps = problemsOf(path);
  ASSERT_FALSE(ps.empty());
  EXPECT_EQ(ps.front().file, path);
  EXPECT_NE(ps.front().str().find("unknown_id.json: /companies/0/hq: unknown jurisdiction 'mars'"), std::string::npos);
}

// A month that does not read is one problem, not also an impossible span or settings after it.
TEST(Loader, ABadEndMonthIsReportedOnce) {
  const auto ps = problemsOf(testPath("engine/broken/bad_end_month.json"));
  EXPECT_EQ(ps.size(), 1u) << listed(ps);
}

TEST(Loader, AllProblemsAtOnce) { EXPECT_GE(problemsOf(testPath("engine/broken/many_problems.json")).size(), 4u); }

TEST(Loader, NotJsonAndMissingFileAreReportedNotThrownPast) {
  auto ps = problemsOf(testPath("engine/broken/not_json.json"));
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].message.rfind("not valid JSON: ", 0), 0u) << ps[0].message;
  ps = problemsOf(testPath("engine/broken/does_not_exist.json"));
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].message, "file not found");
}

TEST(Loader, DeepNestingHugeNumbersAndNonFiniteValuesAreErrors) {
  std::string deep(100000, '[');
  auto ps = problemsOfText(deep);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].message, "nested deeper than 64 levels");

  ps = problemsOfText(R"({"extends": "mini.json", "chips": [{"id": "h100", "price_usd": 1e999}]})");
  EXPECT_FALSE(ps.empty());

  ps = problemsOfText(R"({"extends": "mini.json", "chips": [{"id": "h100", "price_usd": 1e300}]})");
  EXPECT_TRUE(has(ps, "/chips/0/price_usd: 1e+300 is out of range (the limit is 1e18 either side of 0)")) << listed(ps);

  ps = problemsOfText(R"({"extends": "mini.json", "end": "2099-01"})");
  EXPECT_TRUE(has(ps, "/end: end 2099-01 is after 2040-12")) << listed(ps);

  // The reasons say what is wrong (fuzz review): a negative value is not "too large", a
  // year out of range is not a malformed month, and a value that could not be read is not
  // reported again as the 0 left in its place.
  ps = problemsOfText(R"({"extends": "mini.json", "chips": [{"id": "h100", "price_usd": -1e300}]})");
  EXPECT_TRUE(has(ps, "/chips/0/price_usd: -1e+300 is out of range (the limit is 1e18 either side of 0)"))
      << listed(ps);
  ps = problemsOfText(R"({"extends": "mini.json", "end": "9999-12"})");
  EXPECT_TRUE(has(ps, "/end: month \"9999-12\" is outside the years 1900 to 2200 (or give \"never\")")) << listed(ps);
  // Citations and notes are text, as the schema says (a number there was taken in silence).
  ps = problemsOfText(R"({"extends": "mini.json", "notes": 5, "sites": [{"id": "johor", "source": ["S1"]}]})");
  EXPECT_TRUE(has(ps, "/notes: expected text, got number")) << listed(ps);
  EXPECT_TRUE(has(ps, "/sites/0/source: expected text, got array")) << listed(ps);
  // A lever's step moves the value: above 0, a number, for a month lever too (the schema agrees).
  ps = problemsOfText(R"({"extends": "mini.json", "levers": [{"id": "us.tpp_threshold", "step": -1},
                                                            {"id": "us.remote_access_from", "step": [1]}]})");
  EXPECT_TRUE(has(ps, "/levers/0/step: must be > 0, got -1")) << listed(ps);
  EXPECT_TRUE(has(ps, "/levers/1/step: expected a number, got [1]")) << listed(ps);
  ps = problemsOfText(R"({"extends": "mini.json", "sites": [{"id": "johor", "pue": 1e300}]})");
  int at_pue = 0;
  for (const Problem& p : ps) at_pue += p.pointer == "/sites/0/pue" ? 1 : 0;
  EXPECT_EQ(at_pue, 1) << listed(ps);
}

TEST(Loader, LimitsRejectOversizedInput) {
  LoadLimits small;
  small.max_file_bytes = 100;
  const auto ps = validateScenarioFile(testPath("engine/fixtures/mini.json"), small);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_NE(ps[0].message.find("the limit is 100"), std::string::npos);
  LoadLimits few;
  few.max_entities = 2;
  EXPECT_FALSE(validateScenarioFile(testPath("engine/fixtures/mini.json"), few).empty());
}

TEST(Loader, ExtendsMergesById) {
  const Scenario s = loadScenarioFromString(
      R"({"extends": "mini.json", "name": "variant", "companies": [{"id": "cnlab", "grey_tolerance": 0.7},
         {"id": "newlab", "hq": "china", "budget_usd_per_year": 1e9}], "set": {"us.h20_licence": "off"}})",
      "variant.json", testPath("engine/fixtures"));
  EXPECT_EQ(s.name, "variant");
  ASSERT_EQ(s.companies.size(), 4u);
  EXPECT_DOUBLE_EQ(s.companies[s.findCompany("cnlab")].grey_tolerance.value, 0.7);
  EXPECT_DOUBLE_EQ(s.companies[s.findCompany("cnlab")].training_share.value, 0.6);  // kept from the parent
  EXPECT_EQ(leverValueAt(s, s.findLever("us.h20_licence"), s.start), 0.0);
  const Scenario removed =
      loadScenarioFromString(R"({"extends": "mini.json", "companies": [{"id": "myop", "remove": true}],
      "sites": [{"id": "johor", "remove": true}]})",
                             "r.json", testPath("engine/fixtures"));
  EXPECT_EQ(removed.findCompany("myop"), -1);
}

// A variant naming one host's policy changes that host only (they are matched by
// jurisdiction; the list was once replaced whole, dropping every other host's checks).
TEST(Loader, AVariantsHostPolicyChangesThatHostOnly) {
  const Scenario base = loadScenario(sourcePath("scenarios/baseline.json"));
  const Scenario s = loadScenarioFromString(
      R"({"extends": "baseline.json", "host_policies": [{"jurisdiction": "malaysia", "tenant_kyc": 1}]})",
      "my_kyc.json", sourcePath("scenarios"));
  ASSERT_EQ(s.host_policies.size(), base.host_policies.size());
  ASSERT_GE(base.host_policies.size(), 2u);
  for (size_t i = 0; i < s.host_policies.size(); ++i) {
    const HostPolicy& h = s.host_policies[i];
    const bool malaysia = s.jurisdictions[static_cast<size_t>(h.jurisdiction)].id == "malaysia";
    EXPECT_EQ(h.jurisdiction, base.host_policies[i].jurisdiction);
    EXPECT_EQ(h.tenant_kyc.lever, malaysia ? -1 : base.host_policies[i].tenant_kyc.lever) << i;
    if (malaysia) {
      EXPECT_EQ(h.tenant_kyc.value, 1.0);
      EXPECT_EQ(h.enforcement.lever, base.host_policies[i].enforcement.lever) << "the rest of its policy is kept";
    }
  }
}

// Removing an entry the parent does not have is a typo, not a no-op.
TEST(Loader, RemovingAnEntryThatIsNotThereIsAProblem) {
  const auto ps = problemsOfText(R"({"extends": "mini.json", "sites": [{"id": "johr", "remove": true}]})");
  EXPECT_TRUE(has(ps, R"(/sites/0/id: nothing to remove: no id "johr" in the scenario this one extends)"))
      << listed(ps);
  EXPECT_EQ(ps.front().file, "inline.json");
}

// JSON keeps the last of a key written twice: a copy-paste slip would change a value unseen.
TEST(Loader, AKeyWrittenTwiceIsAProblemWithItsPointer) {
  const std::string twice = "this key is written twice in its object; JSON would keep only the last";
  auto ps = problemsOfText(R"({"extends": "mini.json", "name": "a", "name": "b"})");
  EXPECT_TRUE(has(ps, "/name: " + twice)) << listed(ps);
  ps = problemsOfText(R"({"extends": "mini.json", "sites": [{"id": "johor", "pue": 1.2, "pue": 1.3}]})");
  EXPECT_TRUE(has(ps, "/sites/0/pue: " + twice)) << listed(ps);
  ps = problemsOfText(R"({"extends": "mini.json", "set": {"a/b": 1, "a/b": 2}})");
  EXPECT_TRUE(has(ps, "/set/a~1b: " + twice)) << listed(ps);
  EXPECT_TRUE(
      problemsOfText(
          R"({"extends": "mini.json", "sites": [{"id": "johor", "pue": 1.2}, {"id": "x", "remove": true, "pue": 1}]})")
          .size() <= 1u)
      << "the same key in two objects is no duplicate";
}

// A power usage effectiveness below 1 would make power; far above 3 is a typo.
TEST(Loader, APueOutsideOneToThreeIsAProblem) {
  auto ps = problemsOfText(R"({"extends": "mini.json", "sites": [{"id": "johor", "pue": 0.5}]})");
  EXPECT_TRUE(has(ps, "/sites/0/pue: a power usage effectiveness (PUE) is between 1 and 3, got 0.5")) << listed(ps);
  ps = problemsOfText(R"({"extends": "mini.json", "jurisdictions": [{"id": "us", "pue": 50}]})");
  EXPECT_TRUE(has(ps, "/jurisdictions/0/pue: a power usage effectiveness (PUE) is between 1 and 3, got 50"))
      << listed(ps);
  ps = problemsOfText(
      R"({"extends": "mini.json", "sites": [{"id": "johor", "pue": {"dist": "triangular", "min": 0.9, "mode": 1.2, "max": 1.5}}]})");
  EXPECT_TRUE(has(ps, "/sites/0/pue: a power usage effectiveness (PUE) is between 1 and 3, got 0.9")) << listed(ps);
  EXPECT_TRUE(problemsOfText(R"({"extends": "mini.json", "sites": [{"id": "johor", "pue": 1.0}]})").empty());
}

TEST(Loader, UncertainInputsUseTheirModeAndAreListed) {
  const Scenario s = loadScenarioFromString(
      R"({"extends": "mini.json", "chips": [{"id": "h100", "price_usd": {"dist": "triangular", "min": 20000, "mode": 25000, "max": 40000}}]})",
      "u.json", testPath("engine/fixtures"));
  ASSERT_EQ(s.uncertain.size(), 1u);
  EXPECT_EQ(s.uncertain[0].pointer, "/chips/0/price_usd");
  EXPECT_DOUBLE_EQ(s.chips[s.findChip("h100")].price_usd.value, 25000);
}

// Each rule keeps the fields of its own kind; fields of other kinds are still read and
// checked as before (an uncertain one is still listed) but not kept.
TEST(Loader, RulesKeepTheirKindsFields) {
  const Scenario s = loadScenarioFromString(
      R"({"extends": "mini.json", "rules": [
         {"id": "cap", "kind": "volume_cap", "from": "2026-01", "chips": ["h20"], "destinations": ["china"],
          "reference": "us", "cap_share": 0.5},
         {"id": "threshold", "compliance": {"dist": "triangular", "min": 0.2, "mode": 0.5, "max": 0.9}}]})",
      "kinds.json", testPath("engine/fixtures"));
  const auto rule = [&](const char* id) -> const Rule& {
    return *std::find_if(s.rules.begin(), s.rules.end(), [&](const Rule& r) { return r.id == id; });
  };
  const int china = s.findJurisdiction("china"), us = s.findJurisdiction("us"), h20 = s.findChip("h20");
  const auto* th = std::get_if<ThresholdRule>(&rule("threshold").spec);
  ASSERT_NE(th, nullptr);
  EXPECT_EQ(rule("threshold").kind(), RuleKind::Threshold);
  EXPECT_EQ(th->tpp_min.lever, s.findLever("us.tpp_threshold"));
  EXPECT_DOUBLE_EQ(th->density_min.value, 5.92);
  EXPECT_EQ(th->destinations, std::vector<int>{china});
  EXPECT_TRUE(th->hq_clause);
  ASSERT_EQ(s.uncertain.size(), 1u);  // the threshold rule's stray "compliance"
  EXPECT_EQ(s.uncertain[0].pointer, "/rules/0/compliance");

  const auto* fee = std::get_if<NamedProductRule>(&rule("h20_fee").spec);
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->chips, std::vector<int>{h20});
  EXPECT_EQ(fee->policy, Policy::CaseByCase);
  EXPECT_DOUBLE_EQ(fee->fee_share.value, 0.15);

  const auto* caps = std::get_if<CountryCapsRule>(&rule("caps").spec);
  ASSERT_NE(caps, nullptr);
  EXPECT_EQ(caps->cap_h100e.lever, s.findLever("us.diffusion_tier2_cap_h100e"));
  EXPECT_TRUE(caps->tenant_clause);
  const auto* remote = std::get_if<RemoteAccessRule>(&rule("remote").spec);
  ASSERT_NE(remote, nullptr);
  EXPECT_EQ(remote->compliance.lever, s.findLever("us.remote_access_compliance"));
  EXPECT_EQ(rule("entities").kind(), RuleKind::EntityList);

  const auto* cap = std::get_if<VolumeCapRule>(&rule("cap").spec);
  ASSERT_NE(cap, nullptr);
  EXPECT_EQ(cap->chips, std::vector<int>{h20});
  EXPECT_EQ(cap->destinations, std::vector<int>{china});
  EXPECT_EQ(cap->reference, us);
  EXPECT_DOUBLE_EQ(cap->cap_share.value, 0.5);
}

TEST(Loader, RejectsScenariosTooLargeToSimulate) {
  LoadLimits tight;
  tight.max_state_cells = 50;
  const auto ps = validateScenarioFile(testPath("engine/fixtures/mini.json"), tight);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].message, "scenario too large to simulate: 3 companies x 3 locations x 3 chips (limit 50 cells)");
}

// A variant is checked merged with what it extends, but each problem names the file that
// wrote the value and the pointer inside that file (the merged list has johor first).
TEST(Loader, AVariantsProblemNamesItsOwnFileAndPointer) {
  const std::string path = testPath("engine/fixtures/variant_typo_site.json");
  const auto ps = problemsOf(path);
  ASSERT_EQ(ps.size(), 1u) << listed(ps);
  EXPECT_EQ(ps[0].str(), path + ": /sites/0/leaseable: unknown field");
}

TEST(Loader, AProblemWrittenInAParentIsThatParentsWithItsPointer) {
  const auto ps = problemsOfText(R"({"extends": "variant_typo_site.json", "sites": [{"id": "johor", "pue": 1.2}]})");
  ASSERT_EQ(ps.size(), 1u) << listed(ps);
  EXPECT_EQ(
      ps[0].file,
      (std::filesystem::path(testPath("engine/fixtures")) / "variant_typo_site.json").lexically_normal().string());
  EXPECT_EQ(ps[0].pointer, "/sites/0/leaseable");
}

TEST(Loader, AVariantsHostPolicyProblemIsFoundByJurisdiction) {
  const auto ps = problemsOfText(R"({"extends": "mini.json",
      "jurisdictions": [{"id": "thai", "name": "Thailand", "bloc": "sea", "tier": 2, "host": true}],
      "host_policies": [{"jurisdiction": "thai", "tenant_kyc": 0.5}, {"jurisdiction": "malaysia", "tenant_kyc": 2}]})");
  ASSERT_EQ(ps.size(), 1u) << listed(ps);
  EXPECT_EQ(ps[0].file, "inline.json");
  EXPECT_EQ(ps[0].pointer, "/host_policies/1/tenant_kyc") << listed(ps);
}

// Top-level fields and fields missing from a merged entry stay with the variant, at the
// variant's own entry; a value written in the variant over its parent's is the variant's.
TEST(Loader, AVariantKeepsItsTopLevelMissingAndOverridingProblems) {
  auto ps = problemsOfText(R"({"extends": "mini.json", "nmae": "x", "end": "2099-01"})");
  EXPECT_TRUE(has(ps, "/nmae: unknown field")) << listed(ps);
  EXPECT_TRUE(has(ps, "/end: end 2099-01 is after 2040-12")) << listed(ps);
  for (const Problem& p : ps) EXPECT_EQ(p.file, "inline.json");

  ps = problemsOfText(R"({"extends": "mini.json", "sites": [{"id": "kl", "name": "KL", "jurisdiction": "malaysia",
      "operator": "myop", "pue": 1.3, "lease_usd_per_h100e_month": 1900, "chip_menu": ["h100"]},
      {"id": "johor", "pue": 0.5}]})");
  ASSERT_EQ(ps.size(), 2u) << listed(ps);
  for (const Problem& p : ps) EXPECT_EQ(p.file, "inline.json");
  EXPECT_TRUE(has(ps, "/sites/0/power_mw: missing required field")) << listed(ps);
  EXPECT_TRUE(has(ps, "/sites/1/pue: a power usage effectiveness (PUE) is between 1 and 3, got 0.5")) << listed(ps);
}
