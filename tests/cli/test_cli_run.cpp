// The CLI's run, levers, validate and why commands, driven in-process as a user would.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli_support.h"

using namespace cp::cli;

using cp::cli::test::cli;
using cp::cli::test::Out;

namespace {
std::string baseline() { return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json"; }
std::string broken(const char* f) { return std::string(CHOKEPOINT_TEST_DIR) + "/engine/broken/" + f; }
}  // namespace

TEST(CliRun, WritesLongCsvWithTheStableHeader) {
  const Out r = cli({"run", baseline(), "--from", "2025-01", "--to", "2025-02"});
  ASSERT_EQ(r.code, kOk) << r.err;
  std::istringstream in(r.out);
  std::string header, first;
  std::getline(in, header);
  std::getline(in, first);
  EXPECT_EQ(header, "month,scope,id,metric,value");
  EXPECT_EQ(first.rfind("2025-01,", 0), 0u) << first;
  EXPECT_NE(r.out.find("2025-02,bloc,china,compute_train_h100e,"), std::string::npos);
  EXPECT_EQ(r.out.find("2025-03,"), std::string::npos);
  EXPECT_EQ(r.out.find("2024-12,"), std::string::npos);
}

// Only the --metrics series are recorded; their rows are the full run's rows, to the byte.
TEST(CliRun, MetricsRowsAreTheFullRunsRowsOfThoseSeries) {
  const Out full = cli({"run", baseline(), "--to", "2023-06"});
  const Out few = cli(
      {"run", baseline(), "--to", "2023-06", "--metrics", "bloc/china/frontier_gap_months,nvidia_flop_share_china"});
  ASSERT_EQ(full.code, kOk) << full.err;
  ASSERT_EQ(few.code, kOk) << few.err;
  std::istringstream in(full.out);
  std::string expected;
  for (std::string l; std::getline(in, l);)
    if (l.rfind("month,", 0) == 0 || l.find(",bloc,china,frontier_gap_months,") != std::string::npos ||
        l.find(",global,world,nvidia_flop_share_china,") != std::string::npos)
      expected += l + "\n";
  EXPECT_EQ(few.out, expected);
  EXPECT_GT(few.out.size(), 30u * 18);  // 18 months x 2 series
}

TEST(CliRun, JsonEchoesScenarioSeedLeversAndVersion) {
  const Out r = cli({"run", baseline(), "--to", "2022-03", "--format", "json", "--lever", "us.h20_licence=off",
                     "--lever", "cn.nvidia_guidance=0.9@2026-01"});
  ASSERT_EQ(r.code, kOk) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["seed"], 42);  // the scenario's `seed` field: what `mc` and `attribute` draw from
  EXPECT_EQ(j["version"], CHOKEPOINT_VERSION);
  EXPECT_FALSE(j["scenario"].get<std::string>().empty());
  EXPECT_EQ(j["levers"]["us.h20_licence"], "off");
  // A dated setting joins the schedule the baseline sets (full strength from 2025-11).
  EXPECT_EQ(j["levers"]["cn.nvidia_guidance"], "1@2025-11;0.9@2026-01");
  EXPECT_EQ(j["months"].size(), 3u);
}

TEST(CliRun, LeverChangesTheNumbers) {
  const Out base = cli({"run", baseline(), "--from", "2027-12", "--to", "2027-12"});
  const Out ra =
      cli({"run", baseline(), "--from", "2027-12", "--to", "2027-12", "--lever", "us.remote_access_control=on"});
  ASSERT_EQ(base.code, kOk);
  ASSERT_EQ(ra.code, kOk);
  EXPECT_NE(base.out, ra.out);
}

TEST(CliRun, BadInputExitsTwoWithTheLoadersMessages) {
  Out r = cli({"run", broken("unknown_id.json")});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("/companies/0/hq: unknown jurisdiction 'mars'"), std::string::npos) << r.err;
  r = cli({"run", baseline(), "--lever", "us.nope=1"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("unknown lever 'us.nope'"), std::string::npos) << r.err;
  r = cli({"run", baseline(), "--lever", "us.tpp_threshold=-5"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("lever us.tpp_threshold"), std::string::npos) << r.err;
  r = cli({"run", baseline(), "--to", "2021-13"});
  EXPECT_EQ(r.code, kUsage);
  r = cli({"run", baseline(), "--format", "xml"});
  EXPECT_EQ(r.code, kUsage);
}

TEST(CliRun, CheckPassesOnTheBaselineAndOutWritesAFile) {
  const auto path = std::filesystem::temp_directory_path() / ("cp_run_" + std::to_string(::getpid()) + ".csv");
  const Out r = cli({"run", baseline(), "--check", "--to", "2023-01", "--out", path.string()});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::ifstream f(path);
  std::string header;
  std::getline(f, header);
  EXPECT_EQ(header, "month,scope,id,metric,value");
  std::filesystem::remove(path);
}

TEST(CliLevers, ListsEveryLeverWithKindValueAndRange) {
  const Out r = cli({"levers", baseline()});
  ASSERT_EQ(r.code, kOk) << r.err;
  for (const char* id : {"us.advanced_chip_controls",
                         "us.tpp_threshold",
                         "us.h20_licence",
                         "us.h20_licence_from",
                         "us.h20_resume_from",
                         "us.h20_revenue_share",
                         "us.h200_case_by_case_from",
                         "us.h200_revenue_share",
                         "us.diffusion_rule",
                         "us.diffusion_tier2_cap_h100e",
                         "us.remote_access_control",
                         "us.remote_access_from",
                         "us.remote_access_compliance",
                         "us.export_enforcement",
                         "us.location_verification_from",
                         "us.china_blackwell_from",
                         "cn.nvidia_guidance",
                         "cn.domestic_subsidy",
                         "cn.offshore_training_cap",
                         "cn.hbm_access",
                         "cn.fab_capacity_growth",
                         "my.chip_permit_from",
                         "sg.enforcement",
                         "sea.tenant_kyc",
                         "sea.power_growth",
                         "world.algorithmic_progress",
                         "world.diversion_base"})
    EXPECT_NE(r.out.find(std::string(id) + " "), std::string::npos) << id;
  std::istringstream lines(r.out);
  std::string line;
  bool found = false;
  while (std::getline(lines, line))
    if (line.rfind("us.h20_licence_from ", 0) == 0)
      found = line.find(" month ") != std::string::npos && line.find(" 2025-04 ") != std::string::npos;
  EXPECT_TRUE(found) << r.out;
}

TEST(CliValidate, OkAndProblemsWithExitCodes) {
  Out r = cli({"validate", baseline()});
  EXPECT_EQ(r.code, kOk);
  EXPECT_NE(r.out.find("ok: "), std::string::npos);
  r = cli({"validate", baseline(), broken("many_problems.json")});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("/chips/0/vendor: unknown vendor 'intel'"), std::string::npos);
  EXPECT_NE(r.err.find("1 of 2 file(s) have problems"), std::string::npos);
}

// What `levers` lists as a value is what --lever takes back: a variant's levers typed on
// the command line over the baseline give the variant's results, schedules included.
TEST(CliLevers, ListedValuesAreWhatLeverTakesBack) {
  const std::string dir = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/";
  for (const char* variant : {"h200_blocked.json", "hq_clause_never_restored.json"}) {
    const Out listing = cli({"levers", dir + variant});
    ASSERT_EQ(listing.code, kOk) << listing.err;
    std::vector<std::string> args = {"run", baseline(), "--to", "2027-06"};
    std::istringstream lines(listing.out);
    std::string header;
    std::getline(lines, header);
    for (std::string line; std::getline(lines, line);) {
      std::istringstream words(line);
      std::string id, kind, value;
      words >> id >> kind >> value;
      args.insert(args.end(), {"--lever", id + "=" + value});
    }
    const Out typed = cli(args);
    ASSERT_EQ(typed.code, kOk) << typed.err;
    const Out file = cli({"run", dir + variant, "--to", "2027-06"});
    EXPECT_EQ(typed.out, file.out) << variant;
  }
  const Out listing = cli({"levers", baseline()});
  EXPECT_NE(listing.out.find(" on;off@2025-05;on@2026-06 "), std::string::npos) << listing.out;  // the HQ clause
  EXPECT_EQ(cli({"levers", dir + "h200_blocked.json"}).out.find("2026-01,never"), std::string::npos);
}

TEST(CliLevers, ASettingAfterTheEndIsRefused) {
  const Out r = cli({"run", baseline(), "--lever", "us.remote_access_control=on@2035-01"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("2035-01 is after the scenario's end 2030-12, so the setting would never act"),
            std::string::npos)
      << r.err;
}

// Two values for one lever and month were taken silently, the last winning (fuzz review);
// a scenario file refuses the same schedule, so the command line does too.
TEST(CliLevers, TwoValuesForOneMonthAreRefused) {
  for (const std::vector<std::string>& levers :
       {std::vector<std::string>{"--lever", "world.algorithmic_progress=2@2024-01;1@2024-01"},
        std::vector<std::string>{"--lever", "world.algorithmic_progress=1", "--lever",
                                 "world.algorithmic_progress=2"}}) {
    std::vector<std::string> args = {"run", baseline(), "--to", "2022-03", "-q"};
    args.insert(args.end(), levers.begin(), levers.end());
    const Out r = cli(args);
    EXPECT_EQ(r.code, kUsage) << levers.back();
    EXPECT_NE(r.err.find("lever world.algorithmic_progress: two values"), std::string::npos) << r.err;
  }
  // A value and a later change are one schedule, as before.
  EXPECT_EQ(cli({"run", baseline(), "--to", "2022-03", "-q", "--lever", "world.algorithmic_progress=1", "--lever",
                 "world.algorithmic_progress=2@2022-02"})
                .code,
            kOk);
}

// `validate scenarios/*.json`, as the README shows it, meets the schema and the source list.
TEST(CliValidate, TheScenarioFoldersOtherFilesAreNotScenarioProblems) {
  const std::string dir = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/";
  Out r = cli({"validate", dir + "baseline.json", dir + "schema.json", dir + "sources.json"});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("skipped: " + dir + "schema.json (a JSON Schema, not a scenario)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ok: " + dir + "sources.json (a source list, "), std::string::npos) << r.out;
  // A source list is still checked: an entry without a URL is a problem with its pointer.
  const auto bad = std::filesystem::temp_directory_path() / ("cp_sources_" + std::to_string(::getpid()) + ".json");
  std::ofstream(bad)
      << R"({"about": "x", "sources": [{"id": "S1", "title": "t", "publisher": "p", "date": "2025-01"}]})";
  r = cli({"validate", bad.string()});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find(bad.string() + ": /sources/0"), std::string::npos) << r.err;
  std::filesystem::remove(bad);
  // `validate scenarios/*` also meets folders: skipped with a word, and the files after
  // them are still checked (reading a folder as a file once threw out of the command).
  r = cli({"validate", dir + "calibration/", dir + "baseline.json"});
  EXPECT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("skipped: " + dir + "calibration/ (a folder; name the files in it, e.g. " + dir +
                       "calibration/*.json)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("ok: " + dir + "baseline.json"), std::string::npos) << r.out;
  // Only a folder or a schema: nothing was checked, and a CI step must not read that as a pass.
  r = cli({"validate", dir + "calibration/"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("nothing to validate"), std::string::npos) << r.err;
}

// Flags a CI script leans on refuse what cannot be meant (fuzz review): a NaN share that
// made the calibration gate always pass, a seed past 2^64 - 1 that was clamped (so two
// seeds gave one ensemble), a folder given to --readme (a raw C++ stream error before).
TEST(CliFlags, ValuesThatWouldMislead) {
  const std::string base = baseline();
  Out r = cli({"calibrate", base, "--min-share", "nan", "-q"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("--min-share: expected a share from 0 to 1, got 'nan'"), std::string::npos) << r.err;
  r = cli({"mc", base, "--runs", "2", "--to", "2022-03", "-q", "--seed", "18446744073709551616"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("--seed: expected a whole number up to 18446744073709551615"), std::string::npos) << r.err;
  EXPECT_EQ(cli({"mc", base, "--runs", "2", "--to", "2022-03", "-q", "--seed", "18446744073709551615"}).code, kOk);
  r = cli({"library", base, "--readme", std::filesystem::temp_directory_path().string()});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find(": a folder; give the Markdown file to update"), std::string::npos) << r.err;
}

TEST(CliWhy, ExplainsDeniedOptionsWithTheirRule) {
  const Out r = cli({"why", baseline(), "--company", "bytedance", "--month", "2025-06"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("us_2023_10_threshold"), std::string::npos);
  EXPECT_NE(r.out.find("us_2025_04_h20"), std::string::npos);
  EXPECT_NE(r.out.find("lease at"), std::string::npos);
  // Whole option names: the same chip at home and abroad are told apart by their ends.
  EXPECT_NE(r.out.find("buy Nvidia B200 (Blackwell and successors) (home) - denied"), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("buy Nvidia B200 (Blackwell and successors) (ByteDance's Johor halls (its own chips)) - allowed"),
      std::string::npos)
      << r.out;
  const Out nobody = cli({"why", baseline(), "--company", "nobody", "--month", "2025-06"});
  EXPECT_EQ(nobody.code, kUsage);
  EXPECT_NE(nobody.err.find("unknown company 'nobody'; this scenario has alibaba, "), std::string::npos) << nobody.err;
  EXPECT_NE(nobody.err.find("bytedance"), std::string::npos) << nobody.err;
  EXPECT_EQ(cli({"why", baseline(), "--company", "bytedance", "--month", "2045-06"}).code, kUsage);
}

TEST(CliRun, MonthsOutsideTheSpanAreErrorsThatSayHowToGoFurther) {
  Out r = cli({"run", baseline(), "--from", "2030-01", "--to", "2022-01"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("--from 2030-01 is after --to 2022-01"), std::string::npos) << r.err;
  r = cli({"run", baseline(), "--to", "2032-12"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("covers 2022-01..2030-12; to run further, write a scenario that \"extends\" it with \"end\": "
                       "\"2032-12\""),
            std::string::npos)
      << r.err;
  // ... and that advice works.
  const auto variant = std::filesystem::temp_directory_path() / ("cp_extend_" + std::to_string(::getpid()) + ".json");
  std::ofstream(variant) << nlohmann::json{{"extends", baseline()}, {"end", "2032-12"}}.dump();
  r = cli({"run", variant.string(), "--from", "2032-12", "--metrics", "bloc/china/compute_train_h100e"});
  std::filesystem::remove(variant);
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_EQ(r.out.rfind("month,scope,id,metric,value\n2032-12,bloc,china,compute_train_h100e,", 0), 0u) << r.out;
  r = cli({"run", baseline(), "--to", "2099-12"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("no scenario may end after 2040-12"), std::string::npos) << r.err;
}
