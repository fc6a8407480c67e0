// The analysis commands (attribute, sensitivity, matrix): their sums agree with
// `compare`, their tables are ordered, their input errors exit 2 naming the problem.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/cli.h"
#include "cli_support.h"

using cp::cli::test::cli;
using cp::cli::test::Out;

namespace {

std::string scenario(const std::string& name) { return std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/" + name; }

const char* kChina = "bloc/china/compute_train_h100e";

std::vector<std::vector<std::string>> csvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.emplace_back();
      } else {
        cells.back() += c;
      }
    }
    rows.push_back(cells);
  }
  return rows;
}

// compare's difference (B - A) for a series in a month.
double compareDiff(const std::string& a, const std::string& b, const char* series, const char* month) {
  const Out o = cli({"compare", a, b, "--month", month, "--format", "csv"});
  EXPECT_EQ(o.code, 0) << o.err;
  std::string scope_id_metric = series;
  std::replace(scope_id_metric.begin(), scope_id_metric.end(), '/', ',');
  for (const auto& row : csvRows(o.out))
    if (row.size() >= 9 && row[0] + "," + row[1] + "," + row[2] == scope_id_metric && row[3] == "month")
      return std::stod(row[8]);
  ADD_FAILURE() << "compare has no row for " << series;
  return NAN;
}

}  // namespace

TEST(CliAttribute, ContributionsSumToTheDifferenceCompareReports) {
  const Out o = cli({"attribute", scenario("baseline.json"), scenario("strict_hosts.json"), "--metric", kChina,
                     "--month", "2028-12", "--format", "csv", "-q"});
  ASSERT_EQ(o.code, 0) << o.err;
  const auto rows = csvRows(o.out);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"lever", "label", "from", "to", "contribution", "share", "std_error", "alone"}));
  double sum = 0, shares = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    sum += std::stod(rows[i][4]);
    shares += std::stod(rows[i][5]);
  }
  const double diff = compareDiff(scenario("baseline.json"), scenario("strict_hosts.json"), kChina, "2028-12");
  ASSERT_NE(diff, 0.0);
  EXPECT_NEAR(sum, diff, 1e-9 * 1.2e6);
  EXPECT_NEAR(shares, 1.0, 1e-9);

  // The table says the same, with a total row and the column names of the issue.
  const Out t = cli({"attribute", scenario("baseline.json"), scenario("strict_hosts.json"), "--metric", kChina,
                     "--month", "2028-12"});
  ASSERT_EQ(t.code, 0) << t.err;
  for (const char* col :
       {"lever", "from", "to", "contribution", "share", "std error", "total", "Exact Shapley", "Interactions"})
    EXPECT_NE(t.out.find(col), std::string::npos) << col << "\n" << t.out;

  // The interactions' percentage is a share of the difference, not a change, and says so:
  // here they work against a negative difference, so a positive amount has a negative share.
  const Out j = cli({"attribute", scenario("baseline.json"), scenario("strict_hosts.json"), "--metric", kChina,
                     "--month", "2028-12", "--format", "json", "-q"});
  ASSERT_EQ(j.code, 0) << j.err;
  const auto doc = nlohmann::json::parse(j.out);
  const double interaction = doc["interaction"], difference = doc["difference"];
  ASSERT_GT(interaction, 0);
  ASSERT_LT(difference, 0);
  EXPECT_DOUBLE_EQ(doc["interaction_share"].get<double>(), interaction / difference);
  const std::size_t line = t.out.find("Interactions");
  ASSERT_NE(line, std::string::npos);
  const std::string text = t.out.substr(line, t.out.find('\n', line) - line);
  EXPECT_NE(text.find(fmt::format("({:.1f}% of the difference).", 100 * interaction / difference)), std::string::npos)
      << text;
}

TEST(CliAttribute, LeverBOnOneFileAndJsonEcho) {
  const Out o = cli({"attribute", scenario("baseline.json"), scenario("baseline.json"), "--metric", kChina, "--month",
                     "2027-06", "--lever-b", "us.remote_access_control=on@2026-01", "--lever-b", "sea.tenant_kyc=0.5",
                     "--format", "json", "-j", "1"});
  ASSERT_EQ(o.code, 0) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["metric"], kChina);
  EXPECT_EQ(j["month"], "2027-06");
  EXPECT_EQ(j["exact"], true);
  EXPECT_EQ(j["runs"], 5);
  ASSERT_EQ(j["levers"].size(), 2u);
  double sum = j["other_differences"].get<double>();
  for (const auto& l : j["levers"]) sum += l["contribution"].get<double>();
  EXPECT_NEAR(sum, j["difference"].get<double>(), 1e-9 * std::fabs(j["base_value"].get<double>()));
  EXPECT_EQ(j["other_differences"], 0.0);
  // Threads never change the answer.
  const Out two = cli({"attribute", scenario("baseline.json"), scenario("baseline.json"), "--metric", kChina, "--month",
                       "2027-06", "--lever-b", "us.remote_access_control=on@2026-01", "--lever-b", "sea.tenant_kyc=0.5",
                       "--format", "json", "-j", "2"});
  EXPECT_EQ(two.out, o.out);
}

TEST(CliAttribute, SampledOrdersDrawFromTheScenariosSeedLikeMc) {
  // Eleven differing levers: more than the ten solved exactly, so orders are drawn. Without
  // --seed they come from the base scenario's `seed` field (42), as mc's runs do.
  std::vector<std::string> args = {"attribute",
                                   scenario("baseline.json"),
                                   scenario("baseline.json"),
                                   "--metric",
                                   kChina,
                                   "--month",
                                   "2023-06",
                                   "--samples",
                                   "4",
                                   "--format",
                                   "csv",
                                   "-q"};
  for (const char* l : {"us.tpp_threshold=2000", "us.h20_revenue_share=0.3", "us.h200_revenue_share=0.5",
                        "us.diffusion_tier2_cap_h100e=100000", "us.remote_access_control=on",
                        "us.export_enforcement=0.9", "cn.domestic_subsidy=0.5", "cn.hbm_access=1.5",
                        "my.enforcement=0.9", "sg.enforcement=0.9", "sea.tenant_kyc=0.5"})
    args.insert(args.end(), {"--lever-b", l});
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = args;
    a.insert(a.end(), extra.begin(), extra.end());
    const Out o = cli(a);
    EXPECT_EQ(o.code, 0) << o.err;
    return o.out;
  };
  const std::string by_default = with({});
  EXPECT_EQ(by_default, with({"--seed", "42"}));
  EXPECT_NE(by_default, with({"--seed", "1"}));  // the default before seeds meant one thing
}

TEST(CliAttribute, BadInputsExitTwoNamingTheProblem) {
  const std::string b = scenario("baseline.json");
  struct Case {
    std::vector<std::string> extra;
    const char* says;
  };
  const Case cases[] = {
      {{"--metric", "bloc/chna/compute_train_h100e", "--month", "2028-12"}, "no bloc 'chna'"},
      {{"--metric", "bloc/china/compute_trian_h100e", "--month", "2028-12"}, "no metric 'compute_trian_h100e'"},
      {{"--metric", "planet/china/x", "--month", "2028-12"}, "unknown scope 'planet'"},
      {{"--metric", kChina, "--month", "2028-13"}, "month: expected a month YYYY-MM, got '2028-13'"},
      {{"--metric", kChina, "--month", "2040-01"}, "outside scenario"},
      {{"--metric", kChina, "--month", "2028-12", "--lever-b", "us.nope=on"}, "unknown lever 'us.nope'"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"attribute", b, b};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    const Out o = cli(args);
    EXPECT_EQ(o.code, 2) << c.says;
    EXPECT_NE(o.err.find(c.says), std::string::npos) << o.err;
  }
}

TEST(CliSensitivity, RowsSortedBySwingAndLeversChosenByName) {
  const Out o = cli({"sensitivity", scenario("baseline.json"), "--metric", kChina, "--month", "2027-12", "--levers",
                     "us.h20_licence,cn.hbm_access,us.remote_access_control", "--format", "csv"});
  ASSERT_EQ(o.code, 0) << o.err;
  const auto rows = csvRows(o.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"lever", "label", "low", "high", "at_low", "at_high", "swing"}));
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_DOUBLE_EQ(std::stod(rows[i][6]), std::fabs(std::stod(rows[i][5]) - std::stod(rows[i][4])));
    if (i > 1) {
      EXPECT_GE(std::stod(rows[i - 1][6]), std::stod(rows[i][6]));
    }
  }
  // Bool levers run off and on.
  for (const auto& row : rows)
    if (row[0] == "us.h20_licence") {
      EXPECT_EQ(row[2] + "/" + row[3], "off/on");
    }

  const Out bad = cli({"sensitivity", scenario("baseline.json"), "--metric", kChina, "--month", "2027-12", "--levers",
                       "us.h20_licence,nope"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("unknown lever 'nope'"), std::string::npos) << bad.err;
}

TEST(CliMatrix, ValuesAgreeWithCompareAndFileIsWritten) {
  const auto path = std::filesystem::temp_directory_path() / ("cp_matrix_" + std::to_string(::getpid()) + ".csv");
  const Out o = cli({"matrix", scenario("baseline.json"), scenario("h200_blocked.json"), "--metric", kChina, "--metric",
                     "bloc/us/compute_train_h100e", "--month", "2027-12", "--month", "2028-06", "--format", "csv",
                     "--out", path.string()});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_TRUE(o.out.empty());
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(path);
  const auto rows = csvRows(text.str());
  ASSERT_EQ(rows.size(), 1u + 2 * 2 * 2);
  std::map<std::string, double> v;
  for (std::size_t i = 1; i < rows.size(); ++i)
    v[std::filesystem::path(rows[i][1]).filename().string() + "|" + rows[i][4] + "|" + rows[i][3] + "|" + rows[i][5]] =
        std::stod(rows[i][6]);
  const double diff = compareDiff(scenario("baseline.json"), scenario("h200_blocked.json"), kChina, "2027-12");
  EXPECT_NEAR(
      v["h200_blocked.json|compute_train_h100e|china|2027-12"] - v["baseline.json|compute_train_h100e|china|2027-12"],
      diff, 1e-6);

  const Out bad = cli({"matrix", scenario("baseline.json"), "--metric", "bloc/mars/x", "--month", "2027-12"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("mars"), std::string::npos) << bad.err;
}

// `matrix scenarios/*` meets the schema, the source list and the folders: each skipped with
// the words validate uses, the scenarios tabled; nothing but them is no table at all.
TEST(CliMatrix, SkipsTheSchemaTheSourceListAndFoldersAsValidateDoes) {
  const std::vector<std::string> files = {scenario("schema.json"), scenario("baseline.json"), scenario("sources.json"),
                                          scenario("calibration"), scenario("h200_blocked.json")};
  std::vector<std::string> args = {"matrix"};
  args.insert(args.end(), files.begin(), files.end());
  args.insert(args.end(), {"--metric", kChina, "--month", "2027-12", "--format", "csv"});
  const Out m = cli(args);
  ASSERT_EQ(m.code, 0) << m.err;
  EXPECT_EQ(csvRows(m.out).size(), 1u + 2);
  EXPECT_NE(m.err.find("skipped: " + scenario("sources.json") + " (a source list, not a scenario)\n"),
            std::string::npos)
      << m.err;
  std::vector<std::string> v = {"validate"};
  v.insert(v.end(), files.begin(), files.end());
  const Out val = cli(v);
  ASSERT_EQ(val.code, 0) << val.err;
  for (const char* skipped : {"schema.json", "calibration"}) {
    std::string note;
    std::istringstream in(val.out);
    for (std::string l; std::getline(in, l);)
      if (l.find(skipped) != std::string::npos) note = l + "\n";
    ASSERT_EQ(note.rfind("skipped: ", 0), 0u) << val.out;
    EXPECT_NE(m.err.find(note), std::string::npos) << note << m.err;
  }
  const Out none = cli({"matrix", scenario("schema.json"), "--metric", kChina, "--month", "2027-12"});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("none of the files is a scenario"), std::string::npos) << none.err;
}
