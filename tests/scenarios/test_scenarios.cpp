// Every shipped scenario (scenarios/*.json): it loads, runs with the invariant checker on,
// gives finite results, and reproduces its pinned result fingerprint. The baseline keeps
// at least 80% of the calibration targets inside their published ranges.
//
// A fingerprint changes whenever a result changes (engine or data). When that is
// intended, re-pin them all at once:
//
//   CHOKEPOINT_UPDATE_FINGERPRINTS=1 ctest --test-dir build -R ScenarioFingerprints
//
// and commit tests/scenarios/fingerprints.json with the change that moved them.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/calibration.h"
#include "engine/calibration_params.h"
#include "engine/loader.h"
#include "engine/results_io.h"
#include "engine/simulate.h"

namespace fs = std::filesystem;
using namespace cp;

namespace {

const fs::path kScenarioDir = fs::path(CHOKEPOINT_SOURCE_DIR) / "scenarios";
const fs::path kFingerprints = fs::path(CHOKEPOINT_TEST_DIR) / "scenarios" / "fingerprints.json";
constexpr const char* kUpdateVar = "CHOKEPOINT_UPDATE_FINGERPRINTS";

// Scenario files are every *.json beside baseline.json except the JSON Schema and the sources list.
std::vector<std::string> shippedScenarios() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kScenarioDir)) {
    if (!e.is_regular_file() || e.path().extension() != ".json" || e.path().filename() == "schema.json" ||
        e.path().filename() == "sources.json")
      continue;
    names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string path(const std::string& name) { return (kScenarioDir / (name + ".json")).string(); }

bool updating() {
  const char* v = std::getenv(kUpdateVar);
  return v && std::string(v) == "1";
}

Results runChecked(const std::string& name) {
  RunOptions o;
  o.check = true;
  return simulate(loadScenario(path(name)), o);
}

std::string hex(std::uint64_t v) { return fmt::format("{:016x}", v); }

std::map<std::string, std::string> pinned() {
  std::map<std::string, std::string> m;
  std::ifstream f(kFingerprints);
  if (!f) return m;
  const nlohmann::json j = nlohmann::json::parse(f, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("fingerprints") || !j["fingerprints"].is_object()) return m;
  for (auto it = j["fingerprints"].begin(); it != j["fingerprints"].end(); ++it)
    if (it.value().is_string()) m[it.key()] = it.value().get<std::string>();
  return m;
}

std::string howToUpdate() {
  return fmt::format(
      "\nIf this change of results is intended (an engine or data change), re-pin every scenario with\n"
      "  {}=1 ctest --test-dir <build> -R ScenarioFingerprints\n"
      "and commit {} with the change.",
      kUpdateVar, kFingerprints.string());
}

class ShippedScenario : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(ShippedScenario, LoadsRunsWithTheCheckerOnAndStaysFinite) {
  const std::string name = GetParam();
  Results r;
  ASSERT_NO_THROW(r = runChecked(name)) << path(name);
  ASSERT_TRUE(r.violations.empty()) << name << ": invariant violated in " << formatMonth(r.violations.front().month)
                                    << " at " << r.violations.front().entity << ": " << r.violations.front().what;
  ASSERT_GT(r.size(), 0u);
  for (size_t i = 0; i < r.size(); ++i) {
    const double* s = r.series(static_cast<int>(i));
    for (int t = 0; t < r.months(); ++t)
      ASSERT_TRUE(std::isfinite(s[t])) << name << ": " << toString(r.keys()[i].scope) << "/" << r.keys()[i].id << "/"
                                       << r.keys()[i].metric << " in " << formatMonth(r.start() + t);
  }
}

TEST_P(ShippedScenario, ReproducesItsPinnedFingerprint) {
  if (updating()) GTEST_SKIP() << kUpdateVar << "=1: ScenarioFingerprints.UpdateWhenAsked rewrites the file";
  const std::string name = GetParam();
  const auto pins = pinned();
  const auto it = pins.find(name);
  ASSERT_NE(it, pins.end()) << "no pinned fingerprint for scenario '" << name << "' in " << kFingerprints.string()
                            << howToUpdate();
  const std::string now = hex(simulate(loadScenario(path(name))).fingerprint());
  EXPECT_EQ(now, it->second) << "the results of scenario '" << name << "' changed: fingerprint " << now << ", pinned "
                             << it->second << howToUpdate();
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedScenario, ::testing::ValuesIn(shippedScenarios()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// With CHOKEPOINT_UPDATE_FINGERPRINTS=1 this rewrites fingerprints.json from the current
// results (one writer, so parallel ctest runs cannot interleave); otherwise it checks that
// the file pins exactly the shipped scenarios.
TEST(ScenarioFingerprints, UpdateWhenAsked) {
  const auto names = shippedScenarios();
  if (updating()) {
    nlohmann::json fp = nlohmann::json::object();
    for (const std::string& n : names) fp[n] = hex(simulate(loadScenario(path(n))).fingerprint());
    nlohmann::json doc;
    doc["$comment"] =
        "Results::fingerprint() (hex) of every shipped scenario, deterministic run. Rewrite with "
        "CHOKEPOINT_UPDATE_FINGERPRINTS=1 ctest -R ScenarioFingerprints (see tests/scenarios/test_scenarios.cpp).";
    doc["fingerprints"] = fp;
    const std::string problem = writeFileAtomic(kFingerprints.string(), doc.dump(2) + "\n");
    ASSERT_TRUE(problem.empty()) << problem;
    std::cout << "rewrote " << kFingerprints.string() << " (" << names.size() << " scenarios)\n";
    return;
  }
  const auto pins = pinned();
  ASSERT_FALSE(pins.empty()) << kFingerprints.string() << " is missing or unreadable" << howToUpdate();
  for (const auto& [name, fp] : pins)
    EXPECT_TRUE(std::find(names.begin(), names.end(), name) != names.end())
        << "fingerprint pinned for '" << name << "', which is not a shipped scenario" << howToUpdate();
}

// Issue aim: at least 85% of the targets inside. The Chinese largest-run targets (1-5x of the
// published runs) and diversion in May-Jul 2025 stay outside, see scenarios/baseline_notes.md.
TEST(Calibration, BaselineKeepsAtLeast85PercentOfTargetsInside) {
  const auto targets = loadTargets((kScenarioDir / "calibration" / "targets.json").string());
  ASSERT_GE(targets.size(), 32u);
  const Calibration c = evaluateTargets(targets, simulate(loadScenario(path("baseline"))), "targets.json");
  ASSERT_TRUE(c.problems.empty()) << c.problems.front().str();
  std::string outside;
  for (const TargetRow& row : c.rows)
    if (!row.inside)
      outside +=
          fmt::format("\n  {} {}: {} not in {} .. {}", row.target.id, formatPeriod(row.target),
                      formatTargetValue(row.value, row.target.unit), formatTargetValue(row.target.low, row.target.unit),
                      formatTargetValue(row.target.high, row.target.unit));
  EXPECT_GE(c.share(), 0.85) << c.inside << " of " << c.rows.size() << " targets inside; outside:" << outside
                             << "\n(chokepoint-cli calibrate --notes explains each range)";
}

TEST(Calibration, TargetsAreTightSourcedAndReachIntoTheRecordAfterTheSeed) {
  const auto targets = loadTargets((kScenarioDir / "calibration" / "targets.json").string());
  EXPECT_GE(targets.size(), 32u);
  int recent = 0;
  for (const Target& t : targets) {
    EXPECT_FALSE(t.source.empty()) << t.id << " has no source";
    EXPECT_GT(t.low, 0) << t.id << ": a range needs a positive low end to have a width";
    EXPECT_LE(t.high, 5.0 * t.low * (1 + 1e-12)) << t.id << " is wider than 5x (" << t.low << " .. " << t.high << ")";
    if (t.from >= 2025 * 12 + 4) ++recent;  // from 2025-05 on
  }
  EXPECT_GE(recent, 8) << "targets from 2025-05 or later";
}

TEST(Calibration, EveryCalibratedParameterStaysInsideItsSourcedRange) {
  const auto params = loadParameters((kScenarioDir / "calibration" / "parameters.json").string());
  ASSERT_GE(params.size(), 10u);
  for (const ParameterCheck& c : checkParameters(params, loadScenarioJson(path("baseline")))) {
    EXPECT_TRUE(c.found) << c.parameter.id << ": " << c.error;
    EXPECT_FALSE(c.parameter.source.empty()) << c.parameter.id;
    EXPECT_TRUE(c.inside) << c.parameter.id << " = " << c.value << " left its sourced range " << c.parameter.low
                          << " .. " << c.parameter.high << " (" << c.parameter.source << ")";
  }
}

TEST(Calibration, ParameterPathsReadEntitiesSchedulesAndDistributions) {
  const nlohmann::json doc = nlohmann::json::parse(R"({"chips": [{"id": "h20", "price_usd": {"dist": "triangular",
      "min": 1, "mode": 2, "max": 3}, "production": [{"month": "2025-03", "value": 7}]}], "params": {"x": {"value": 4}}})");
  const std::vector<CalibratedParameter> ps = {{"a", "A", "chips/h20/price_usd", "S1", "", 1, 3},
                                               {"b", "B", "chips/h20/production/2025-03", "S1", "", 8, 9},
                                               {"c", "C", "params/x", "S1", "", 4, 4},
                                               {"d", "D", "chips/b200/price_usd", "S1", "", 0, 1}};
  const auto rows = checkParameters(ps, doc);
  EXPECT_TRUE(rows[0].inside);
  EXPECT_EQ(rows[0].value, 2);  // a distribution's mode
  EXPECT_TRUE(rows[1].found);
  EXPECT_FALSE(rows[1].inside);  // 7 is below 8
  EXPECT_TRUE(rows[2].inside);
  EXPECT_FALSE(rows[3].found);
  EXPECT_NE(rows[3].error.find("chips/b200"), std::string::npos) << rows[3].error;
}

TEST(Calibration, ParameterFileProblemsNameFilePointerAndReason) {
  const auto file = fs::temp_directory_path() / ("cp_params_" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << R"({"parameters": [{"id": "a", "label": "A", "path": "params/x", "low": 2, "high": 1,
                            "source": "S1", "colour": "red"}, {"id": "b", "label": "B", "path": "p", "source": "S1"}]})";
  try {
    loadParameters(file.string());
    ADD_FAILURE() << "a broken parameters file loaded";
  } catch (const LoadError& e) {
    std::string all;
    for (const Problem& p : e.problems()) all += p.str() + "\n";
    EXPECT_NE(all.find("/parameters/0/colour: unknown field"), std::string::npos) << all;
    EXPECT_NE(all.find("/parameters/0: low 2 is above high 1"), std::string::npos) << all;
    EXPECT_NE(all.find("/parameters/1/low: missing required field"), std::string::npos) << all;
  }
  fs::remove(file);
}

TEST(Calibration, EveryShippedScenarioAnswersEveryTarget) {
  // Variants keep the baseline's cast, so every target names a series they produce.
  const auto targets = loadTargets((kScenarioDir / "calibration" / "targets.json").string());
  for (const std::string& n : shippedScenarios()) {
    const Calibration c = evaluateTargets(targets, simulate(loadScenario(path(n))), "targets.json");
    EXPECT_TRUE(c.problems.empty()) << n << ": " << (c.problems.empty() ? "" : c.problems.front().str());
    EXPECT_EQ(c.rows.size(), targets.size()) << n;
  }
}
