// Stories: shipped stories load with valid ids in month order; broken stories name file,
// JSON pointer and reason for every problem at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "engine/levers.h"
#include "engine/story.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

namespace {

std::vector<Problem> problemsOf(const std::string& text, const StoryOptions& options = {}) {
  try {
    loadStoryFromString(text, "inline.json", sourcePath("scenarios"), options);
  } catch (const LoadError& e) {
    return e.problems();
  }
  return {};
}

std::vector<std::string> listed(const std::vector<Problem>& ps) {
  std::vector<std::string> out;
  for (const Problem& p : ps) out.push_back(p.str());
  return out;
}

// A valid story with one card; tests break one piece at a time.
const char* kCard = R"({"month": "2025-04", "title": "The H20 is stopped", "text": "A licence is needed.",
  "source": "S19", "levers": ["us.h20_licence"], "rules": ["us_2025_04_h20"], "charts": ["nvidia_revenue"]})";

std::string story(const std::string& cards, const std::string& extra = "") {
  return R"({"name": "t", "scenario": "baseline.json", )" + extra + R"("cards": [)" + cards + "]}";
}

}  // namespace

TEST(Story, HistoryLoadsWithACardPerMilestoneInMonthOrder) {
  const Story st = loadStory(sourcePath("scenarios/stories/history_2022_2025.json"));
  EXPECT_GE(st.cards.size(), 22u);
  EXPECT_LE(st.cards.size(), 30u);
  EXPECT_EQ(formatMonth(st.cards.front().month), "2022-10");
  EXPECT_EQ(formatMonth(st.cards.back().month), "2026-11");
  EXPECT_TRUE(std::is_sorted(st.cards.begin(), st.cards.end(),
                             [](const StoryCard& a, const StoryCard& b) { return a.month < b.month; }));
  const auto& charts = knownChartIds();
  for (const StoryCard& c : st.cards) {
    SCOPED_TRACE(c.title);
    EXPECT_FALSE(c.sources.empty());
    EXPECT_FALSE(c.charts.empty());
    EXPECT_GE(c.month, st.scenario.start);
    EXPECT_LE(c.month, st.scenario.end);
    for (const auto& id : c.levers) EXPECT_GE(st.scenario.findLever(id), 0) << id;
    for (const auto& id : c.charts) EXPECT_NE(std::find(charts.begin(), charts.end(), id), charts.end()) << id;
    for (const auto& id : c.rules) {
      const bool rule =
          std::any_of(st.scenario.rules.begin(), st.scenario.rules.end(), [&](const Rule& r) { return r.id == id; });
      const bool guidance = std::any_of(st.scenario.china.guidance.begin(), st.scenario.china.guidance.end(),
                                        [&](const Guidance& g) { return g.id == id; });
      EXPECT_TRUE(rule || guidance) << id;
    }
    // Every "try" setting applies to the story's scenario.
    EXPECT_NO_THROW(withLevers(st.scenario, parseLeverArgs(c.try_levers, st.scenario)));
  }
  // The timeline's key milestones are there.
  std::set<std::string> months;
  for (const StoryCard& c : st.cards) months.insert(formatMonth(c.month));
  for (const char* m : {"2022-10", "2023-10", "2025-01", "2025-04", "2025-05", "2025-07", "2025-08", "2025-11",
                        "2025-12", "2026-01", "2026-06", "2026-11"})
    EXPECT_TRUE(months.count(m)) << m;
}

TEST(Story, LoopholeStoryRunsTheRemoteAccessVariant) {
  const Story st = loadStory(sourcePath("scenarios/stories/what_if_loophole_closed.json"));
  const int ra = st.scenario.findLever("us.remote_access_control");
  ASSERT_GE(ra, 0);
  EXPECT_EQ(leverValueAt(st.scenario, ra, *parseMonth("2027-06")), 1.0);
  EXPECT_EQ(leverValueAt(st.scenario, st.scenario.findLever("us.remote_access_from"), *parseMonth("2027-06")),
            static_cast<double>(*parseMonth("2027-01")));
  EXPECT_TRUE(st.set.empty());
  EXPECT_EQ(st.scenario_file,
            std::filesystem::path(sourcePath("scenarios/remote_access_2027.json")).lexically_normal().string());
}

TEST(Story, CardAtPicksTheLastCardAtOrBeforeAMonth) {
  const Story st = loadStoryFromString(
      story(std::string(kCard) + R"(, {"month": "2025-08", "title": "b", "text": "t", "source": "S50"})"),
      "inline.json", sourcePath("scenarios"));
  EXPECT_EQ(st.cardAt(*parseMonth("2025-03")), -1);
  EXPECT_EQ(st.cardAt(*parseMonth("2025-04")), 0);
  EXPECT_EQ(st.cardAt(*parseMonth("2025-07")), 0);
  EXPECT_EQ(st.cardAt(*parseMonth("2030-12")), 1);
  EXPECT_EQ(st.cards[0].sources, std::vector<std::string>{"S19"});
}

TEST(Story, UnknownIdsAreErrorsWithPointers) {
  const std::string bad = R"({"month": "2025-04", "title": "x", "text": "y", "source": "S19",
    "levers": ["us.h20_licence", "us.nope"], "rules": ["no_such_rule"], "charts": ["pie_chart"],
    "try": ["us.h20_licence=maybe"]})";
  EXPECT_EQ(listed(problemsOf(story(bad))),
            (std::vector<std::string>{
                "inline.json: /cards/0/try/0: lever us.h20_licence: expected true/false/on/off, got 'maybe'",
                "inline.json: /cards/0/charts/0: unknown chart 'pie_chart'",
                "inline.json: /cards/0/levers/1: unknown lever 'us.nope'",
                "inline.json: /cards/0/rules/0: unknown rule 'no_such_rule'"}));
}

TEST(Story, MonthsMustBeInOrderAndInsideTheScenario) {
  const std::string cards = std::string(kCard) +
                            R"(, {"month": "2024-01", "title": "b", "text": "t", "source": "S28"},
                                {"month": "2041-01", "title": "c", "text": "t", "source": "S1"},
                                {"month": "2025-13", "title": "d", "text": "t", "source": "S1"})";
  EXPECT_EQ(listed(problemsOf(story(cards))),
            (std::vector<std::string>{
                "inline.json: /cards/1/month: cards must be in month order: 2024-01 comes after 2025-04",
                "inline.json: /cards/2/month: 2041-01 is outside the scenario's months 2022-01..2030-12",
                "inline.json: /cards/3/month: expected a month \"YYYY-MM\", got \"2025-13\""}));
}

TEST(Story, EveryProblemAtOnce) {
  const std::string text = R"({"name": "t", "scenario": "baseline.json", "colour": "red", "set": ["us.nope=1"],
    "cards": [{"month": "2025-04", "text": "y", "source": "FT", "charts": "us_fees"}]})";
  EXPECT_EQ(listed(problemsOf(text)),
            (std::vector<std::string>{
                "inline.json: /colour: unknown field",
                "inline.json: /set/0: unknown lever 'us.nope' (see `chokepoint-cli levers SCENARIO`)",
                "inline.json: /cards/0/title: missing required field",
                "inline.json: /cards/0/source: expected FACTS.md source keys like \"S19, S39\", got 'FT'",
                "inline.json: /cards/0/charts: expected a list of strings, got string"}));
}

TEST(Story, MissingOrBrokenScenarioIsNamed) {
  EXPECT_EQ(listed(problemsOf(R"({"name": "t", "scenario": "nope.json", "cards": []})")),
            (std::vector<std::string>{"inline.json: /scenario: scenario 'nope.json' not found",
                                      "inline.json: /cards: a story needs at least one card"}));
  const auto ps = problemsOf(R"({"name": "t", "scenario: "x"})");
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].pointer, "");
  EXPECT_EQ(ps[0].message.rfind("not valid JSON", 0), 0u) << ps[0].message;

  const auto broken = problemsOf(R"({"name": "t", "scenario": ")" + testPath("engine/broken/unknown_id.json") +
                                 R"(", "cards": [{"month": "2025-01", "title": "a", "text": "b", "source": "S1"}]})");
  ASSERT_GE(broken.size(), 2u);
  EXPECT_EQ(broken[0].str(),
            "inline.json: /scenario: scenario '" + testPath("engine/broken/unknown_id.json") + "' does not load");
  EXPECT_EQ(broken[1].pointer, "/companies/0/hq");  // cnlab is the variant's first company
}

TEST(Story, ChartIdsCanComeFromTheCaller) {
  StoryOptions only;
  only.chart_ids = {"my_chart"};
  EXPECT_EQ(listed(problemsOf(story(kCard), only)),
            (std::vector<std::string>{"inline.json: /cards/0/charts/0: unknown chart 'nvidia_revenue'"}));
  const std::string mine =
      R"({"month": "2025-04", "title": "x", "text": "y", "source": "S19", "charts": ["my_chart"]})";
  EXPECT_TRUE(problemsOf(story(mine), only).empty());
}

TEST(Story, FileErrorsNameTheFile) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("cp_story_" + std::to_string(::getpid()) + ".json")).string();
  EXPECT_EQ(listed(validateStoryFile(path)), (std::vector<std::string>{path + ": (document): file not found"}));
  std::ofstream(path) << story(kCard);
  // The scenario path is relative to the story file: here, a temp folder without baseline.json.
  EXPECT_EQ(listed(validateStoryFile(path)),
            (std::vector<std::string>{path + ": /scenario: scenario 'baseline.json' not found"}));
  std::filesystem::remove(path);
}
