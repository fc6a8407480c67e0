// `chokepoint-cli calibrate`: the table, the summary line, exit codes, defaults and CSV.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "cli/cli.h"
#include "cli_support.h"

using namespace cp::cli;

using cp::cli::test::cli;
using cp::cli::test::Out;

namespace {
std::string source(const char* rel) { return std::string(CHOKEPOINT_SOURCE_DIR) + "/" + rel; }

std::string tempFile(const std::string& name, const std::string& content) {
  const auto p = std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
  std::ofstream(p) << content;
  return p.string();
}
}  // namespace

TEST(CliCalibrate, PrintsTheTableAndTheShareInside) {
  const Out r = cli({"calibrate", source("scenarios/baseline.json"), "--min-share", "0"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("published range"), std::string::npos);
  EXPECT_NE(r.out.find("Nvidia China revenue, FY25"), std::string::npos);
  EXPECT_NE(r.out.find("2024-02..2025-01"), std::string::npos);
  EXPECT_NE(r.out.find("$17.1bn"), std::string::npos);
  EXPECT_NE(r.out.find("targets inside ("), std::string::npos);
}

TEST(CliCalibrate, DefaultsToTheBaselineAndItsTargetsFromAnyDirectory) {
  // The working directory of the test has no scenarios/; the source tree is the fallback.
  const Out r = cli({"calibrate", "--min-share", "0"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("Baseline 2022-2030"), std::string::npos);
  EXPECT_NE(r.out.find("calibration/targets.json"), std::string::npos);
}

TEST(CliCalibrate, TheBaselinePassesTheDefaultShareOf85Percent) {
  const Out r = cli({"calibrate", "--quiet"});
  EXPECT_EQ(r.code, kOk) << r.out << r.err;
  EXPECT_EQ(r.err.find("fewer than --min-share"), std::string::npos) << r.err;
}

TEST(CliCalibrate, ExitsOneBelowTheRequiredShare) {
  const Out r = cli({"calibrate", source("scenarios/baseline.json"), "--min-share", "1"});
  EXPECT_EQ(r.code, kFailure);
  EXPECT_NE(r.err.find("fewer than --min-share 100%"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("targets inside"), std::string::npos);  // the table is still printed
}

TEST(CliCalibrate, BadTargetsExitTwoWithPointerAndReason) {
  const std::string bad = tempFile("bad_targets.json", R"({"targets": [{"id": "x", "label": "X", "scope": "vendor",
    "entity": "nvidia", "metric": "revenue_usd", "from": "2024-01", "to": "2024-12", "aggregate": "median",
    "low": 1, "high": 2, "unit": "usd", "source": "S1"}]})");
  const Out r = cli({"calibrate", source("scenarios/baseline.json"), "--targets", bad});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find(bad + ": /targets/0/aggregate: expected sum, mean, last, max or change"), std::string::npos)
      << r.err;
  const std::string ghost = tempFile("ghost_targets.json", R"({"targets": [{"id": "x", "label": "X", "scope": "vendor",
    "entity": "intel", "metric": "revenue_usd", "from": "2024-01", "to": "2024-12", "aggregate": "sum",
    "low": 1, "high": 2, "unit": "usd", "source": "S1"}]})");
  const Out g = cli({"calibrate", source("scenarios/baseline.json"), "--targets", ghost});
  EXPECT_EQ(g.code, kUsage);
  EXPECT_NE(g.err.find("/targets/0/entity: the run has no series vendor/intel/revenue_usd"), std::string::npos)
      << g.err;
  const Out missing = cli({"calibrate", source("scenarios/baseline.json"), "--targets", "/nonexistent.json"});
  EXPECT_EQ(missing.code, kUsage);
  EXPECT_NE(missing.err.find("/nonexistent.json: (document): file not found"), std::string::npos);
  std::filesystem::remove(bad);
  std::filesystem::remove(ghost);
}

TEST(CliCalibrate, NotesInCsvAreALastColumn) {
  const Out r = cli({"calibrate", source("scenarios/baseline.json"), "--format", "csv", "--notes", "--min-share", "0"});
  ASSERT_EQ(r.code, kOk) << r.err;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "id,label,scope,entity,metric,period,aggregate,value,low,high,unit,inside,source,note");
  int with_note = 0;
  while (std::getline(in, line)) with_note += line.back() != ',';  // an empty note ends the row with a comma
  EXPECT_GE(with_note, 10) << r.out;
}

TEST(CliCalibrate, CsvHasOneRowPerTarget) {
  const Out r = cli({"calibrate", source("scenarios/baseline.json"), "--format", "csv", "--min-share", "0"});
  ASSERT_EQ(r.code, kOk) << r.err;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "id,label,scope,entity,metric,period,aggregate,value,low,high,unit,inside,source");
  int rows = 0;
  bool multi = false;
  while (std::getline(in, line)) {
    ++rows;
    if (line.rfind("ascend_output_2025,", 0) == 0)
      multi = line.find("ascend_910b+ascend_910c+ascend_950") != std::string::npos;
  }
  EXPECT_GE(rows, 12);
  EXPECT_TRUE(multi);
}
