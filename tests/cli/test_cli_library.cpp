// `library`: finds the variants beside a baseline, tables before/after values, and keeps
// the scenario README's library table equal to what the program prints.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/cli.h"
#include "cli_support.h"

using namespace cp::cli;
using cp::cli::test::cli;
using cp::cli::test::Out;
using cp::cli::test::slurp;
using cp::cli::test::TempDir;

namespace {

std::string src(const std::string& rel) { return std::string(CHOKEPOINT_SOURCE_DIR) + "/" + rel; }

// CSV rows keyed by "variant,metric,to" -> {baseline, value}.
std::map<std::string, std::pair<double, double>> csvRows(const std::string& text) {
  std::map<std::string, std::pair<double, double>> rows;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "variant,scope,id,metric,window,from,to,baseline,value,diff,pct");
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, ',');) f.push_back(c);
    if (f.size() < 9) continue;
    rows[f[0] + "," + f[3] + "," + f[6]] = {std::stod(f[7]), std::stod(f[8])};
  }
  return rows;
}

}  // namespace

TEST(CliLibrary, EveryShippedVariantIsComparedWithTheBaseline) {
  const Out r =
      cli({"library", src("scenarios/baseline.json"), "--month", "2026-11", "--month", "2028-12", "--format", "csv"});
  ASSERT_EQ(r.code, kOk) << r.err;
  const auto rows = csvRows(r.out);
  // Discovered, not listed: every file that extends the baseline is there.
  int variants = 0;
  for (const auto& e : std::filesystem::directory_iterator(src("scenarios"))) {
    if (e.path().extension() != ".json" || e.path().filename() == "baseline.json") continue;
    if (slurp(e.path()).find("\"extends\": \"baseline.json\"") == std::string::npos) continue;
    ++variants;
    EXPECT_TRUE(rows.count(e.path().stem().string() + ",compute_flop_h100e,2028-12")) << e.path();
  }
  EXPECT_GE(variants, 10);
  EXPECT_EQ(rows.size(), static_cast<size_t>(variants) * 5 * 2);

  // The pinned copy of the baseline's setting changes nothing; a forward what-if changes
  // nothing before it starts and cuts leasing after.
  const auto same = rows.at("h200_opened,revenue_china_usd,2028-12");
  EXPECT_EQ(same.first, same.second);
  const auto before = rows.at("remote_access_2027,compute_leased_h100e,2026-11");
  EXPECT_EQ(before.first, before.second);
  const auto after = rows.at("remote_access_2027,compute_leased_h100e,2028-12");
  EXPECT_LT(after.second, after.first * 0.9);
}

TEST(CliLibrary, FindsVariantsBesideAnyBaselineAndSkipsOthers) {
  TempDir dir;
  std::filesystem::copy_file(src("tests/engine/fixtures/mini.json"), dir / "base.json");
  std::ofstream(dir / "tight.json")
      << R"({"extends": "base.json", "name": "Tight", "set": {"us.remote_access_control": true}})";
  std::ofstream(dir / "elsewhere.json") << R"({"extends": "other.json", "name": "Not a variant of base"})";
  std::ofstream(dir / "notes.json") << R"({"name": "no extends"})";
  std::ofstream(dir / "broken.json") << "{ not json";
  Out r = cli({"library", dir / "base.json", "--month", "2026-06"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("tight.json  (Tight)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("elsewhere"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("notes"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("broken.json: not valid JSON, skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("China's compute (FLOP-H100e)"), std::string::npos) << r.out;

  r = cli({"library", dir / "base.json", "--format", "json", "--out", dir / "lib.json"});
  ASSERT_EQ(r.code, kOk) << r.err;
  const std::string json = slurp(dir / "lib.json");
  EXPECT_NE(json.find("\"months\": [\n    \"2026-12\"\n  ]"), std::string::npos)
      << "default month: the baseline's last\n"
      << json;
  EXPECT_NE(json.find("\"id\": \"tight\""), std::string::npos) << json;

  std::filesystem::remove(dir / "tight.json");
  r = cli({"library", dir / "base.json"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("no scenario beside"), std::string::npos) << r.err;
}

TEST(CliLibrary, BadInputExitsTwo) {
  TempDir dir;
  Out r = cli({"library", src("scenarios/baseline.json"), "--month", "2041-01"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("--month 2041-01 is outside the baseline's months"), std::string::npos) << r.err;
  r = cli({"library", src("scenarios/baseline.json"), "--month", "soon"});
  EXPECT_EQ(r.code, kUsage);
  std::ofstream(dir / "plain.md") << "# no markers\n";
  r = cli({"library", src("scenarios/baseline.json"), "--readme", dir / "plain.md"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("plain.md: no '<!-- library:begin"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(dir / "plain.md"), "# no markers\n");
  r = cli({"library", src("scenarios/baseline.json"), "--readme", dir / "plain.md", "--out", dir / "x"});
  EXPECT_EQ(r.code, kUsage);
  // --readme writes markdown: another --format is refused, not ignored.
  r = cli({"library", src("scenarios/baseline.json"), "--readme", dir / "plain.md", "--format", "csv"});
  EXPECT_EQ(r.code, kUsage);
  EXPECT_NE(r.err.find("--readme writes the markdown table; leave out --format"), std::string::npos) << r.err;
}

TEST(CliLibrary, ReadmeBlockIsReplacedBetweenTheMarkersOnly) {
  TempDir dir;
  std::filesystem::copy_file(src("tests/engine/fixtures/mini.json"), dir / "base.json");
  std::ofstream(dir / "tight.json")
      << R"({"extends": "base.json", "name": "Tight", "set": {"us.remote_access_control": true}})";
  std::ofstream(dir / "README.md")
      << "before\n<!-- library:begin months=2025-06,2026-06 -->\nstale\n<!-- library:end -->\nafter\n";
  Out r = cli({"library", dir / "base.json", "--readme", dir / "README.md"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("library table updated (1 variants, 2025-06,2026-06)"), std::string::npos) << r.out;
  const std::string text = slurp(dir / "README.md");
  EXPECT_EQ(text.rfind("before\n<!-- library:begin months=2025-06,2026-06 -->\nEach cell: baseline -> variant", 0), 0u)
      << text;
  EXPECT_EQ(text.find("stale"), std::string::npos) << text;
  EXPECT_NE(text.find("| metric | 2025-06 | 2026-06 |\n| --- | --- | --- |\n"), std::string::npos) << text;
  EXPECT_EQ(text.substr(text.size() - 27), "<!-- library:end -->\nafter\n");
  r = cli({"library", dir / "base.json", "--readme", dir / "README.md"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_NE(r.out.find("up to date"), std::string::npos) << r.out;
  EXPECT_EQ(slurp(dir / "README.md"), text);
}

// Numbers quoted in scenarios/README.md come from the program: regenerate the table into a
// copy and compare.
TEST(CliLibrary, ScenarioReadmeTableIsCurrent) {
  TempDir dir;
  const std::string readme = src("scenarios/README.md");
  std::filesystem::copy_file(readme, dir / "README.md");
  const Out r = cli({"library", src("scenarios/baseline.json"), "--readme", dir / "README.md"});
  ASSERT_EQ(r.code, kOk) << r.err;
  EXPECT_TRUE(slurp(dir / "README.md") == slurp(readme))
      << "scenarios/README.md's library table is out of date. Refresh it from the source tree with:\n"
         "  build/chokepoint-cli library scenarios/baseline.json --readme scenarios/README.md\n";
}

// A real change never reads as none: h20_never_restricted moves Huawei's share in 2027-12
// by +0.0042 (0.54 -> 0.54), which two decimals would round to "0". Every text cell is "0" exactly
// when the CSV's diff is 0, and the small change keeps its digits.
TEST(CliLibrary, ChangeColumnShowsEveryRealChange) {
  const std::vector<std::string> args = {
      "library", src("scenarios/baseline.json"), "--month", "2026-11", "--month", "2027-12", "--month", "2030-12"};
  const Out text = cli(args);
  std::vector<std::string> csv_args = args;
  csv_args.insert(csv_args.end(), {"--format", "csv"});
  const Out csv = cli(csv_args);
  ASSERT_EQ(text.code, kOk) << text.err;
  ASSERT_EQ(csv.code, kOk) << csv.err;
  std::vector<std::string> changes;  // the last column of the text rows, in order
  std::istringstream in(text.out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("  ", 0) == 0 && line.rfind("  metric ", 0) != 0)
      changes.push_back(line.substr(line.rfind(' ') + 1));
  std::vector<double> diffs;  // the CSV's diff column, same order
  std::istringstream rows(csv.out);
  std::string line;
  std::getline(rows, line);
  while (std::getline(rows, line)) {
    const size_t pct = line.rfind(','), diff = line.rfind(',', pct - 1);
    diffs.push_back(std::stod(line.substr(diff + 1, pct - diff - 1)));
  }
  ASSERT_EQ(changes.size(), diffs.size()) << text.out;
  for (size_t i = 0; i < diffs.size(); ++i) EXPECT_EQ(changes[i] == "0", diffs[i] == 0) << i << ": " << changes[i];
  EXPECT_NE(text.out.find("0.54       0.54  +0.0042"), std::string::npos) << text.out;
}
