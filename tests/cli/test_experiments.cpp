// The experiment commands (compare, sweep, mc, merge): outputs, exact merges of shards
// (in-process and through GNU parallel), interrupts and exit codes.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli_support.h"
#include "cli/interrupt.h"
#include "cli/progress.h"

using namespace cp::cli;
namespace fs = std::filesystem;

using cp::cli::test::cli;
using cp::cli::test::Out;
using cp::cli::test::slurp;
using cp::cli::test::TempDir;

namespace {

std::string baseline() { return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json"; }

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Short enough to be fast, long enough (past 2025-01) for the uncertain inputs to matter.
const std::vector<std::string> kMcArgs = {"--runs", "20", "--to", "2025-06", "--quiet"};

std::vector<std::string> mcArgs(std::vector<std::string> extra) {
  std::vector<std::string> a = {"mc", baseline()};
  a.insert(a.end(), kMcArgs.begin(), kMcArgs.end());
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

const std::vector<std::string> kSweepArgs = {
    "--lever", "us.remote_access_control=off,on@2022-03", "--lever", "us.export_enforcement=0:1:3", "--to", "2022-04",
    "--quiet"};

std::vector<std::string> sweepArgs(std::vector<std::string> extra) {
  std::vector<std::string> a = {"sweep", baseline()};
  a.insert(a.end(), kSweepArgs.begin(), kSweepArgs.end());
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

std::string shellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool onPath(const char* program) {
  return std::system((std::string("command -v ") + program + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace

// ---------------------------------------------------------------- mc

TEST(CliMc, WritesStatsPerSeriesPerMonthWithAnEchoLine) {
  const Out r = cli(mcArgs({"--threads", "2"}));
  ASSERT_EQ(r.code, kOk) << r.err;
  const auto ls = lines(r.out);
  ASSERT_GT(ls.size(), 3u);
  EXPECT_EQ(ls[0].rfind("# chokepoint-mc v1 runs=20 seed=42 ", 0), 0u) << ls[0];
  EXPECT_EQ(ls[1], "month,scope,id,metric,stat,value");
  for (const char* stat : {"p10", "p50", "p90", "mean"})
    EXPECT_NE(r.out.find(std::string("2025-06,bloc,china,compute_train_h100e,") + stat + ","), std::string::npos);
  EXPECT_EQ(r.out.find("# partial"), std::string::npos);
  EXPECT_EQ((ls.size() - 2) % 4, 0u);
}

TEST(CliMc, SameBytesForAnyThreadCountAndSeedChangesThem) {
  const Out one = cli(mcArgs({"--threads", "1"}));
  const Out three = cli(mcArgs({"--threads", "3"}));
  const Out other_seed = cli(mcArgs({"--threads", "2", "--seed", "7"}));
  ASSERT_EQ(one.code, kOk) << one.err;
  EXPECT_EQ(one.out, three.out);
  EXPECT_NE(one.out, other_seed.out);
}

TEST(CliMc, ShardsMergeToTheUnshardedBytes) {
  TempDir dir;
  ASSERT_EQ(cli(mcArgs({"--out", dir / "whole.csv"})).code, kOk);
  for (const char* k : {"1/2", "2/2"}) {
    const Out r = cli(mcArgs({"--shard", k, "--threads", "1", "--out", dir / (std::string("shard") + k[0] + ".csv")}));
    ASSERT_EQ(r.code, kOk) << r.err;
  }
  EXPECT_EQ(slurp(dir / "shard1.csv").rfind("# chokepoint-mc-shard v1 runs=20 seed=42 shard=1/2 ", 0), 0u);
  const Out m = cli({"merge", dir / "shard2.csv", dir / "shard1.csv", "--out", dir / "merged.csv"});
  ASSERT_EQ(m.code, kOk) << m.err;
  EXPECT_EQ(slurp(dir / "whole.csv"), slurp(dir / "merged.csv"));
  // Standard output too.
  EXPECT_EQ(cli({"merge", dir / "shard1.csv", dir / "shard2.csv"}).out, slurp(dir / "whole.csv"));
}

TEST(CliMc, ShardsWithFromAndToMergeToTheBytesOfMcFrom) {
  // Statistics are per month, so shards that keep only the window merge to mc --from's table.
  TempDir dir;
  const std::vector<std::string> window = {"mc",     baseline(), "--runs", "20",     "--quiet",
                                           "--from", "2024-03",  "--to",   "2025-02"};
  const Out whole = cli(window);
  ASSERT_EQ(whole.code, kOk) << whole.err;
  EXPECT_EQ(lines(whole.out)[2].rfind("2024-03,", 0), 0u);
  for (const char* k : {"1/2", "2/2"}) {
    std::vector<std::string> extra = window;
    extra.insert(extra.end(), {"--shard", k, "--out", dir / (std::string("s") + k[0] + ".csv")});
    const Out r = cli(extra);
    ASSERT_EQ(r.code, kOk) << r.err;
  }
  EXPECT_NE(slurp(dir / "s1.csv").find("\nrun,scope,id,metric,2024-03,"), std::string::npos);
  const Out m = cli({"merge", dir / "s1.csv", dir / "s2.csv"});
  ASSERT_EQ(m.code, kOk) << m.err;
  EXPECT_EQ(m.out, whole.out);
  // Shards of another window are refused, saying how they differ and why that may be.
  ASSERT_EQ(cli({"mc", baseline(), "--runs", "20", "--quiet", "--from", "2024-04", "--to", "2025-02", "--shard", "2/2",
                 "--out", dir / "late.csv"})
                .code,
            kOk);
  const Out bad = cli({"merge", dir / "s1.csv", dir / "late.csv"});
  EXPECT_EQ(bad.code, kUsage);
  EXPECT_NE(bad.err.find("shard 2/2 has months 2024-04..2025-02, shard 1/2 has 2024-03..2025-02 (were they run with "
                         "other --from/--to?)"),
            std::string::npos)
      << bad.err;
}

TEST(CliSweep, ShardsOfAnotherFromAreRefused) {
  TempDir dir;
  for (const char* from : {"2022-01", "2022-02"})
    ASSERT_EQ(cli({"sweep", baseline(), "--lever", "us.export_enforcement=0,1", "--to", "2022-03", "--from", from,
                   "--shard", from[6] == '1' ? "1/2" : "2/2", "--out", dir / (std::string("s") + from[6] + ".csv")})
                  .code,
              kOk);
  const Out bad = cli({"merge", dir / "s1.csv", dir / "s2.csv"});
  EXPECT_EQ(bad.code, kUsage);
  EXPECT_NE(bad.err.find("different sweep"), std::string::npos) << bad.err;
}

TEST(CliMc, MergeReportsMissingDuplicateAndForeignFiles) {
  TempDir dir;
  ASSERT_EQ(cli(mcArgs({"--shard", "1/2", "--out", dir / "s1.csv"})).code, kOk);
  ASSERT_EQ(cli(mcArgs({"--shard", "2/2", "--seed", "5", "--out", dir / "s2seed5.csv"})).code, kOk);
  Out r = cli({"merge", dir / "s1.csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("missing shard(s) 2/2"), std::string::npos) << r.err;
  r = cli({"merge", dir / "s1.csv", dir / "s1.csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("twice"), std::string::npos) << r.err;
  r = cli({"merge", dir / "s1.csv", dir / "s2seed5.csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("seed"), std::string::npos) << r.err;
  ASSERT_EQ(cli({"run", baseline(), "--to", "2022-02", "--out", dir / "run.csv"}).code, kOk);
  r = cli({"merge", dir / "run.csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("not a shard file"), std::string::npos) << r.err;
  r = cli({"merge", dir / "nope.csv"});
  EXPECT_EQ(r.code, kUsage);
}

TEST(CliMc, MergeSaysHowShardsDiffer) {
  TempDir dir;
  ASSERT_EQ(cli(mcArgs({"--shard", "1/2", "--out", dir / "s1.csv"})).code, kOk);
  ASSERT_EQ(cli(mcArgs({"--shard", "2/2", "--metrics", "bloc/*/compute_train_h100e", "--out", dir / "s2few.csv"})).code,
            kOk);
  ASSERT_EQ(cli({"mc", baseline(), "--runs", "20", "--to", "2025-05", "--quiet", "--shard", "2/2", "--out",
                 dir / "s2short.csv"})
                .code,
            kOk);
  ASSERT_EQ(cli(mcArgs({"--shard", "2/2", "--lever", "us.export_enforcement=0.3", "--out", dir / "s2lever.csv"})).code,
            kOk);
  Out r = cli({"merge", dir / "s1.csv", dir / "s2few.csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("shard 2/2 keeps 6 series, shard 1/2 915 (were they run with other --metrics?)"),
            std::string::npos)
      << r.err;
  r = cli({"merge", dir / "s1.csv", dir / "s2short.csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("shard 2/2 has months 2022-01..2025-05, shard 1/2 has 2022-01..2025-06"), std::string::npos)
      << r.err;
  r = cli({"merge", dir / "s1.csv", dir / "s2lever.csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("shard 2/2 has lever settings us.export_enforcement=0.3"), std::string::npos) << r.err;
  // The output may not replace a shard it reads.
  r = cli({"merge", dir / "s1.csv", dir / "s1.csv", "--out", dir / "s1.csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("is also an input of this command"), std::string::npos) << r.err;
}

TEST(CliMc, InputErrorsExitTwoWithTheLoadersMessage) {
  Out r = cli({"mc", "/nonexistent/x.json", "--runs", "3"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("file not found"), std::string::npos) << r.err;
  EXPECT_EQ(cli(mcArgs({"--shard", "3/2"})).code, kUsage);
  EXPECT_EQ(cli(mcArgs({"--shard", "x"})).code, kUsage);
  EXPECT_EQ(cli({"mc", baseline(), "--runs", "0"}).code, kUsage);
  EXPECT_EQ(cli(mcArgs({"--lever", "us.nope=1"})).code, kUsage);
  r = cli(mcArgs({"--metrics", "planet/x/y"}));
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("unknown scope"), std::string::npos) << r.err;
}

TEST(CliMc, InterruptWritesFinishedRunsMarkedPartial) {
  // What the SIGINT handler does, requested repeatedly until the command returns (the
  // command clears the flag when it starts, so an early request alone would be lost).
  std::atomic<bool> finished{false};
  std::thread interrupter([&] {
    while (!finished) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      requestInterrupt();
    }
  });
  const Out r = cli({"mc", baseline(), "--runs", "1000000", "--to", "2022-06", "--threads", "1", "--metrics",
                     "bloc/china/compute_train_h100e", "--quiet"});
  finished = true;
  interrupter.join();
  EXPECT_EQ(r.code, kFailure);
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  const auto ls = lines(r.out);
  ASSERT_FALSE(ls.empty());
  EXPECT_EQ(ls.back().rfind("# partial: ", 0), 0u) << ls.back();
  EXPECT_NE(ls.back().find(" of 1000000 runs"), std::string::npos) << ls.back();
}

// ---------------------------------------------------------------- sweep

TEST(CliSweep, OneTaggedBlockPerCombinationInNestedLoopOrder) {
  const Out r = cli(sweepArgs({"--metrics", "bloc/china/compute_leased_h100e"}));
  ASSERT_EQ(r.code, kOk) << r.err;
  const auto ls = lines(r.out);
  ASSERT_FALSE(ls.empty());
  EXPECT_EQ(ls[0], "us.remote_access_control,us.export_enforcement,month,scope,id,metric,value");
  ASSERT_EQ(ls.size(), 1u + 6 * 4);  // 2 x 3 combinations x 4 months x 1 series
  std::vector<std::string> tags;
  for (size_t i = 1; i < ls.size(); i += 4) {
    const std::string tag = ls[i].substr(0, ls[i].find(",2022-"));
    tags.push_back(tag);
    for (size_t j = 0; j < 4; ++j) EXPECT_EQ(ls[i + j].rfind(tag + ",2022-0" + std::to_string(j + 1) + ",", 0), 0u);
  }
  const std::vector<std::string> want = {"off,0", "off,0.5", "off,1", "on@2022-03,0", "on@2022-03,0.5", "on@2022-03,1"};
  EXPECT_EQ(tags, want);
}

// Only the --metrics series are recorded; their rows are those of the full sweep.
TEST(CliSweep, MetricsRowsAreTheFullSweepsRowsOfThoseSeries) {
  const Out full = cli(sweepArgs({}));
  const Out few = cli(sweepArgs({"--metrics", "bloc/*/frontier_gap_months,imports_cum_h100e"}));
  ASSERT_EQ(full.code, kOk) << full.err;
  ASSERT_EQ(few.code, kOk) << few.err;
  std::string expected;
  for (const auto& l : lines(full.out)) {
    // ...,month,scope,id,metric,value: the metric is the last field but one.
    const size_t value = l.rfind(','), metric = l.rfind(',', value - 1), id = l.rfind(',', metric - 1);
    const std::string m = l.substr(metric + 1, value - metric - 1);
    const std::string scope = l.substr(l.rfind(',', id - 1) + 1, id - l.rfind(',', id - 1) - 1);
    if (l.rfind("us.", 0) == 0 || (scope == "bloc" && m == "frontier_gap_months") || m == "imports_cum_h100e")
      expected += l + "\n";
  }
  EXPECT_EQ(few.out, expected);
}

TEST(CliSweep, RowsMatchRunWithTheSameLevers) {
  const Out sweep = cli(sweepArgs({}));
  const Out run = cli({"run", baseline(), "--to", "2022-04", "--lever", "us.remote_access_control=on@2022-03",
                       "--lever", "us.export_enforcement=0.5"});
  ASSERT_EQ(sweep.code, kOk) << sweep.err;
  ASSERT_EQ(run.code, kOk) << run.err;
  std::string expected;
  for (const auto& l : lines(run.out))
    if (l.rfind("month,", 0) != 0) expected += "on@2022-03,0.5," + l + "\n";
  EXPECT_NE(sweep.out.find(expected), std::string::npos);
}

TEST(CliSweep, ShardsMergeToTheUnshardedBytes) {
  TempDir dir;
  ASSERT_EQ(cli(sweepArgs({"--out", dir / "whole.csv"})).code, kOk);
  for (const char* k : {"1/2", "2/2"})
    ASSERT_EQ(cli(sweepArgs({"--shard", k, "--out", dir / (std::string("s") + k[0] + ".csv")})).code, kOk);
  const Out m = cli({"merge", dir / "s2.csv", dir / "s1.csv", "--out", dir / "merged.csv"});
  ASSERT_EQ(m.code, kOk) << m.err;
  EXPECT_EQ(slurp(dir / "whole.csv"), slurp(dir / "merged.csv"));
  // A shard of another sweep is refused.
  ASSERT_EQ(cli({"sweep", baseline(), "--lever", "us.export_enforcement=0,1", "--to", "2022-02", "--shard", "2/2",
                 "--out", dir / "other.csv"})
                .code,
            kOk);
  const Out bad = cli({"merge", dir / "s1.csv", dir / "other.csv"});
  EXPECT_EQ(bad.code, kUsage);
  EXPECT_NE(bad.err.find("different sweep"), std::string::npos) << bad.err;
}

TEST(CliSweep, GeneratedValuesAreTheDecimalsOneWouldType) {
  const Out r = cli({"sweep", baseline(), "--lever", "us.export_enforcement=0:0.7:8", "--to", "2022-01", "--metrics",
                     "bloc/china/compute_train_h100e", "--quiet"});
  ASSERT_EQ(r.code, kOk) << r.err;
  std::string column;
  for (const auto& l : lines(r.out)) column += l.substr(0, l.find(',')) + " ";
  EXPECT_EQ(column, "us.export_enforcement 0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 ");  // 0.7 / 7 is 0.09999999999999999
}

TEST(CliSweep, BadSweepsAreInputErrors) {
  for (const char* lever :
       {"us.nope=1,2", "us.export_enforcement=0:1", "us.export_enforcement=0:1:x", "us.export_enforcement=0:2:3",
        "us.remote_access_control=0:1:3", "us.remote_access_control=on,,off", "us.export_enforcement"}) {
    const Out r = cli({"sweep", baseline(), "--lever", lever, "--to", "2022-02"});
    EXPECT_EQ(r.code, kUsage) << lever;
    EXPECT_FALSE(r.err.empty()) << lever;
  }
  EXPECT_EQ(
      cli({"sweep", baseline(), "--lever", "us.export_enforcement=0,1", "--lever", "us.export_enforcement=0.5"}).code,
      kUsage);
  // A fixed value the sweep would replace is refused, not dropped without a word.
  const Out r =
      cli({"sweep", baseline(), "--lever", "us.export_enforcement=0,1", "--set", "us.export_enforcement=0.3"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("lever us.export_enforcement is both swept (--lever) and fixed (--set)"), std::string::npos)
      << r.err;
}

TEST(CliSweep, SigintStopsCleanlyAndMarksTheFilePartial) {
  TempDir dir;
  const std::string out = dir / "sweep.csv";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::execl(CHOKEPOINT_CLI_BIN, CHOKEPOINT_CLI_BIN, "sweep", baseline().c_str(), "--lever",
            "us.export_enforcement=0:1:5000", "--threads", "1", "--quiet", "--out", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // The temporary output appears once the handler is installed and work has begun.
  bool started = false;
  for (int i = 0; i < 1000 && !started; ++i) {
    for (const auto& e : fs::directory_iterator(dir.path()))
      if (e.path().filename().string().rfind("sweep.csv.tmp", 0) == 0) started = true;
    if (!started) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(started);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::kill(pid, SIGINT);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of stopping cleanly";
  EXPECT_EQ(WEXITSTATUS(status), kFailure);
  const auto ls = lines(slurp(out));
  ASSERT_GE(ls.size(), 2u);
  EXPECT_EQ(ls.front(), "us.export_enforcement,month,scope,id,metric,value");
  EXPECT_EQ(ls.back().rfind("# partial: ", 0), 0u) << ls.back();
  EXPECT_NE(ls.back().find(" of 5000 combinations"), std::string::npos) << ls.back();
}

// ---------------------------------------------------------------- compare

TEST(CliCompare, TableListsTheKeyMetricsForBothSides) {
  const Out r = cli({"compare", baseline(), baseline(), "--month", "2025-06"});
  ASSERT_EQ(r.code, kOk) << r.err;
  for (const char* m :
       {"bloc/us/compute_train_h100e", "bloc/china/compute_leased_h100e", "bloc/china/offshore_training_share",
        "bloc/china/frontier_gap_months", "bloc/us/effective_compute_flop", "global/world/huawei_share_china",
        "global/world/diverted_units", "global/world/us_fee_revenue_usd", "vendor/nvidia/revenue_china_usd",
        "2024-07..2025-06"})
    EXPECT_NE(r.out.find(m), std::string::npos) << m;
  EXPECT_NE(r.out.find("Month 2025-06"), std::string::npos);
}

TEST(CliCompare, RemoteAccessControlLowersChineseLeasedCompute) {
  const Out r = cli({"compare", baseline(), baseline(), "--month", "2027-12", "--lever-b",
                     "us.remote_access_control=on", "--format", "csv"});
  ASSERT_EQ(r.code, kOk) << r.err;
  const auto ls = lines(r.out);
  ASSERT_FALSE(ls.empty());
  EXPECT_EQ(ls[0], "scope,id,metric,window,from,to,a,b,diff,pct");
  std::map<std::string, std::vector<std::string>> rows;
  for (size_t i = 1; i < ls.size(); ++i) {
    std::vector<std::string> f;
    std::istringstream in(ls[i]);
    for (std::string x; std::getline(in, x, ',');) f.push_back(x);
    rows[f[0] + "/" + f[1] + "/" + f[2] + "/" + f[3]] = f;
  }
  const auto& leased = rows.at("bloc/china/compute_leased_h100e/month");
  ASSERT_GE(leased.size(), 10u);
  EXPECT_EQ(leased[4], "2027-12");
  const double a = std::stod(leased[6]), b = std::stod(leased[7]), diff = std::stod(leased[8]);
  EXPECT_LT(b, a);
  EXPECT_LT(diff, 0);
  EXPECT_DOUBLE_EQ(diff, b - a);
  EXPECT_LT(std::stod(leased[9]), 0);
  // Flows also get a 12-month sum.
  const auto& fees = rows.at("global/world/us_fee_revenue_usd/sum12");
  EXPECT_EQ(fees[4], "2027-01");
  EXPECT_EQ(fees[5], "2027-12");
}

TEST(CliCompare, DefaultMonthIsTheLastCommonOneAndBadMonthsAreInputErrors) {
  const Out r = cli({"compare", baseline(), baseline()});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("Month 2030-12"), std::string::npos);
  EXPECT_EQ(cli({"compare", baseline(), baseline(), "--month", "2041-01"}).code, kUsage);
  EXPECT_EQ(cli({"compare", baseline(), baseline(), "--month", "soon"}).code, kUsage);
  EXPECT_EQ(cli({"compare", baseline(), "/nonexistent/b.json"}).code, kUsage);
}

// ---------------------------------------------------------------- scale-out

TEST(CliScaleOut, GnuParallelShardsMergeToTheUnshardedResult) {
  if (!onPath("parallel")) GTEST_SKIP() << "GNU parallel not installed";
  TempDir dir;
  const std::string bin = CHOKEPOINT_CLI_BIN;
  std::string mc = shellQuote(bin) + " mc " + shellQuote(baseline());
  for (const auto& a : kMcArgs) {
    mc += ' ';
    mc += shellQuote(a);
  }
  const std::string cmd = "parallel --will-cite -j 2 " + mc + " --threads 1 --shard {}/2 --out " +
                          shellQuote(dir / "shard") + "{}.csv ::: 1 2 2>" + shellQuote(dir / "parallel.err");
  ASSERT_EQ(std::system(cmd.c_str()), 0) << slurp(dir / "parallel.err");
  const Out m = cli({"merge", dir / "shard1.csv", dir / "shard2.csv"});
  ASSERT_EQ(m.code, kOk) << m.err;
  const Out whole = cli(mcArgs({}));
  ASSERT_EQ(whole.code, kOk) << whole.err;
  EXPECT_EQ(m.out, whole.out);
}

// --to ends the output, not the scenario: a lever dated after --to (but within the scenario)
// is accepted by sweep as by run and mc, with the same rows; one after the scenario's end is
// refused by all three with the same message.
TEST(CliSweep, LeverDatesAreCheckedAgainstTheScenarioNotTo) {
  const std::pair<const char*, const char*> cases[] = {
      {"us.remote_access_control=on@2026-01", "us.remote_access_control=off,on@2026-01"},
      {"us.hq_clause_enforced=on;off@2025-05;on@2026-06", "us.hq_clause_enforced=on;off@2025-05;on@2026-06,on"}};
  for (const auto& [lever, swept] : cases) {
    const Out sweep =
        cli({"sweep", baseline(), "--lever", swept, "--to", "2022-01", "--metrics", "bloc/china/compute_train_h100e"});
    EXPECT_EQ(sweep.code, kOk) << swept << ": " << sweep.err;
    const Out run =
        cli({"run", baseline(), "--lever", lever, "--to", "2022-01", "--metrics", "bloc/china/compute_train_h100e"});
    ASSERT_EQ(run.code, kOk) << run.err;
    EXPECT_NE(sweep.out.find(std::string(lever).substr(std::string(lever).find('=') + 1) + "," + lines(run.out).back()),
              std::string::npos)
        << sweep.out;
    EXPECT_EQ(cli({"mc", baseline(), "--lever", lever, "--to", "2022-01", "--runs", "2", "--quiet"}).code, kOk)
        << lever;
  }
  const Out sweep = cli({"sweep", baseline(), "--lever", "us.remote_access_control=off,on@2031-01", "--to", "2022-01"});
  const Out run = cli({"run", baseline(), "--lever", "us.remote_access_control=on@2031-01", "--to", "2022-01"});
  const Out mc = cli(mcArgs({"--lever", "us.remote_access_control=on@2031-01"}));
  EXPECT_EQ(sweep.code, kUsage);
  EXPECT_NE(sweep.err.find("2031-01 is after the scenario's end 2030-12"), std::string::npos) << sweep.err;
  EXPECT_EQ(sweep.err, run.err);
  EXPECT_EQ(sweep.err, mc.err);
}

// The mc file's first line is a comment the README shows, with how pandas skips it; every
// read_csv in the README and the examples does so (a sweep's `# partial` line needs it too).
TEST(CliMc, ReadmeShowsTheFirstLineAndEveryReadCsvSkipsComments) {
  const Out r = cli(mcArgs({}));
  ASSERT_EQ(r.code, kOk) << r.err;
  const std::string first = lines(r.out).front();
  const std::string fixed = first.substr(0, first.find(" runs="));  // the rest depends on the run
  EXPECT_EQ(fixed, "# chokepoint-mc v1");
  const std::string readme = slurp(std::string(CHOKEPOINT_SOURCE_DIR) + "/README.md");
  EXPECT_NE(readme.find(fixed + " runs=1000 seed=42 "), std::string::npos);
  EXPECT_NE(readme.find("pd.read_csv(\"mc.csv\", comment=\"#\")"), std::string::npos);
  std::vector<fs::path> docs{fs::path(CHOKEPOINT_SOURCE_DIR) / "README.md"};
  for (const auto& e : fs::directory_iterator(fs::path(CHOKEPOINT_SOURCE_DIR) / "examples"))
    if (e.path().extension() == ".py") docs.push_back(e.path());
  for (const fs::path& doc : docs)
    for (const std::string& l : lines(slurp(doc)))
      if (l.find("read_csv(") != std::string::npos)
        EXPECT_NE(l.find("comment="), std::string::npos) << doc << ": " << l;
}
