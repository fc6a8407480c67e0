// Story mode driven through the dashboard, headless: the real Next / Previous buttons and
// arrow keys step through the cards, the scrubber follows each card's month, the charts
// veil what comes after it, and the card's charts and levers are the highlighted ones.
#include "app/classroom/classroom_ui.h"
#include "app/platform/cli_args.h"
#include "app/classroom/story_mode.h"
#include "i18n/i18n.h"
#include "engine/month.h"

#include "classroom_fixture.h"
#include "temp_dir.h"
#include "app/charts/chart.h"

#include <gtest/gtest.h>

#include <fstream>

#include <fmt/format.h>

using namespace cp::app;
using cp::test::ClassroomFixture;
using cp::test::ImGuiHarness;
using cp::test::storyPath;

namespace {

int chartIndex(const std::string& id) {
  for (size_t c = 0; c < chartSpecs().size(); ++c)
    if (id == chartSpecs()[c].id) return static_cast<int>(c);
  return -1;
}

// The card on screen is card `index`: the scrubber is on its month, and a chart drawn
// this frame (the enlarged one, drawn last) veils the months after it.
void expectCard(ClassroomFixture& f, int index) {
  const cp::Story& story = *f.state.classroom.story.story;
  ASSERT_EQ(f.state.classroom.story.card, index);
  const cp::StoryCard& card = story.cards[static_cast<size_t>(index)];
  ASSERT_NE(storyCard(f.state), nullptr);
  EXPECT_EQ(storyCard(f.state)->title, card.title);
  const int month_index = card.month - f.state.dash.months.start;
  EXPECT_EQ(f.state.ui.view.month, month_index) << card.title;
  EXPECT_STREQ(f.state.dash.months.label(f.state.ui.view.month), cp::formatMonth(card.month).c_str());
  f.state.ui.view.enlarged_chart = chartIndex(card.charts.empty() ? "compute_by_bloc" : card.charts.front());
  f.ui.frame(f.draw);
  const auto& drawn = cp::chart::detail::lastChart();
  EXPECT_TRUE(drawn.visible);
  EXPECT_EQ(drawn.future, month_index) << "the chart greys the months after the card's";
  f.state.ui.view.enlarged_chart = -1;
  f.ui.frame(f.draw);
}

}  // namespace

TEST(StoryMode, NextAndPreviousFollowTheCardsMonthAndVeilTheFuture) {
  ClassroomFixture f;
  ASSERT_TRUE(openStory(f.state, storyPath("history_2022_2025.json")).empty());
  f.settle();
  ASSERT_TRUE(storyActive(f.state));
  EXPECT_EQ(storyCard(f.state), nullptr) << "a story opens at its introduction";
  EXPECT_EQ(storyCardCount(f.state), 25);

  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(f.ui.clickItem("story/next", f.draw));
    f.ui.frame(f.draw);
    expectCard(f, i);
  }
  ASSERT_TRUE(f.ui.clickItem("story/prev", f.draw));
  f.ui.frame(f.draw);
  expectCard(f, 1);

  // The arrow keys do the same while no text field is active.
  f.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_RightArrow), f.draw);
  expectCard(f, 2);
  f.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_LeftArrow), f.draw);
  expectCard(f, 1);
}

// Keyboard navigation is on in the program: the arrows that step the cards must not also
// move the focus (a presenter's clicker sends Right after Right), and once the user moves
// the focus by keyboard the arrows only move it, so "Try it" is reached without a card jump.
TEST(StoryMode, ArrowsStepTheCardsUntilTheKeyboardFocusIsShownThenMoveIt) {
  ClassroomFixture f;
  f.ui.io().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as main() sets it
  ASSERT_TRUE(openStory(f.state, storyPath("history_2022_2025.json")).empty());
  f.settle();
  const int right = ImGuiHarness::namedKey(ImGuiKey_RightArrow);
  const int left = ImGuiHarness::namedKey(ImGuiKey_LeftArrow);
  ASSERT_TRUE(f.ui.clickItem("story/next", f.draw));  // the mouse: no keyboard focus shown
  f.ui.frame(f.draw);
  ASSERT_EQ(f.state.classroom.story.card, 0);
  for (int card : {1, 2, 3}) {
    f.ui.pressKey(right, f.draw);
    EXPECT_EQ(f.state.classroom.story.card, card);
    EXPECT_FALSE(f.ui.io().NavVisible) << "a card key shows no keyboard focus";
  }
  f.ui.pressKey(left, f.draw);
  EXPECT_EQ(f.state.classroom.story.card, 2);
  f.ui.io().KeysDown[right] = true;  // held past ImGui's key repeat: one card, still no focus
  f.ui.frames(40, f.draw);
  f.ui.io().KeysDown[right] = false;
  f.ui.frame(f.draw);
  EXPECT_EQ(f.state.classroom.story.card, 3);
  EXPECT_FALSE(f.ui.io().NavVisible);
  f.ui.pressKey(left, f.draw);
  ASSERT_EQ(f.state.classroom.story.card, 2);
  f.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_PageDown), f.draw);
  EXPECT_EQ(f.state.classroom.story.card, 3);
  f.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_PageUp), f.draw);
  EXPECT_EQ(f.state.classroom.story.card, 2);

  // Down shows the keyboard focus (on Next, the button last clicked: nothing below it in the
  // card); from now on the arrows move it.
  f.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_DownArrow), f.draw);
  ASSERT_TRUE(f.ui.io().NavVisible);
  ASSERT_EQ(f.state.classroom.story.card, 2);
  f.ui.pressKey(left, f.draw);   // to "< Previous"
  f.ui.pressKey(right, f.draw);  // back to "Next >"
  f.ui.pressKey(right, f.draw);  // to "Try it"
  EXPECT_EQ(f.state.classroom.story.card, 2) << "the arrows moved the focus only";
  const int lever = f.state.doc.loaded->findLever("us.remote_access_control");
  const int month = *cp::parseMonth("2024-08");
  ASSERT_EQ(leverValueInMonth(f.state.doc, lever, month), 0.0);
  f.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_Space), f.draw);  // presses the focused button
  f.ui.frame(f.draw);
  EXPECT_EQ(leverValueInMonth(f.state.doc, lever, month), 1.0) << "Try it, reached by keyboard, set the card's lever";
  EXPECT_EQ(f.state.classroom.story.card, 2);
  // Page Down still steps while the focus is shown.
  f.ui.pressKey(ImGuiHarness::namedKey(ImGuiKey_PageDown), f.draw);
  EXPECT_EQ(f.state.classroom.story.card, 3);
}

TEST(StoryMode, TheCardsChartsLeversAndRulesAreHighlighted) {
  ClassroomFixture f;
  ASSERT_TRUE(openStory(f.state, storyPath("history_2022_2025.json")).empty());
  f.settle();
  storyGoTo(f.state, 2);  // "A proposed check on cloud customers"
  f.ui.frame(f.draw);
  const cp::StoryCard& card = *storyCard(f.state);
  ASSERT_EQ(card.charts, std::vector<std::string>{"offshore_share"});
  for (const ChartSpec& c : chartSpecs())
    EXPECT_EQ(storyHighlightsChart(f.state, c.id), std::string(c.id) == "offshore_share") << c.id;
  EXPECT_TRUE(storyHighlightsLever(f.state, "us.remote_access_control"));
  EXPECT_FALSE(storyHighlightsLever(f.state, "cn.domestic_subsidy"));
  EXPECT_TRUE(storyHighlightsRule(f.state, "us_remote_access"));
  EXPECT_TRUE(f.ui.itemRect("lever/us.remote_access_control")) << "the lever panel shows the card's lever";
}

// The card's "Look at:" line quotes chart names as the language does: 'Name' in English,
// «Назва» in Ukrainian, as the stories' own Ukrainian texts quote them (classroom review).
TEST(StoryMode, TheLookAtLineQuotesChartNamesInTheLanguagesMarks) {
  cp::StoryCard card;
  card.charts = {"offshore_share"};
  const ChartSpec* spec = nullptr;
  for (const ChartSpec& c : chartSpecs())
    if (std::string(c.id) == "offshore_share") spec = &c;
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(storyChartNames(card), fmt::format("'{}'", spec->title));
  std::string error;
  ASSERT_TRUE(cp::i18n::setLanguage("uk", {CHOKEPOINT_SOURCE_DIR}, &error)) << error;
  const std::string uk = storyChartNames(card);
  cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  EXPECT_TRUE(uk.starts_with("«") && uk.ends_with("»")) << uk;
  EXPECT_EQ(uk.find('\''), std::string::npos) << uk;
  EXPECT_EQ(uk.find(spec->title), std::string::npos) << "the name is translated too: " << uk;
}

TEST(StoryMode, TryItAppliesTheCardsLeversAsOneUndoStep) {
  ClassroomFixture f;
  ASSERT_TRUE(openStory(f.state, storyPath("history_2022_2025.json")).empty());
  f.settle();
  storyGoTo(f.state, 2);
  f.ui.frame(f.draw);
  const int lever = f.state.doc.loaded->findLever("us.remote_access_control");
  const int month = *cp::parseMonth("2024-08");
  ASSERT_EQ(leverValueInMonth(f.state.doc, lever, month), 0.0);
  ASSERT_TRUE(f.ui.clickItem("story/try", f.draw));
  EXPECT_EQ(leverValueInMonth(f.state.doc, lever, month), 1.0) << "us.remote_access_control=on@2024-07";
  EXPECT_EQ(leverValueInMonth(f.state.doc, lever, *cp::parseMonth("2024-06")), 0.0);
  f.settle();
  EXPECT_TRUE(f.state.runs.current && f.state.runs.current->fingerprint() != f.state.runs.baseline->fingerprint());
  EXPECT_TRUE(storyActive(f.state)) << "trying levers keeps the story open";
  undo(f.state.doc);
  EXPECT_EQ(leverValueInMonth(f.state.doc, lever, month), 0.0);
  EXPECT_EQ(changedLeverCount(f.state.doc), 0);
}

TEST(StoryMode, TheScrubberMovedByHandPicksTheCardOfThatMonth) {
  ClassroomFixture f;
  ASSERT_TRUE(openStory(f.state, storyPath("history_2022_2025.json")).empty());
  f.settle();
  f.state.ui.view.month = *cp::parseMonth("2025-03") - f.state.dash.months.start;  // as a drag would leave it
  f.ui.frame(f.draw);
  ASSERT_NE(storyCard(f.state), nullptr);
  EXPECT_EQ(storyCard(f.state)->title, "Buying before the door closes");
  EXPECT_EQ(storyFutureFrom(f.state), f.state.ui.view.month);
}

TEST(StoryMode, AWhatIfStoryOpensItsScenarioWithTheStorysSettings) {
  ClassroomFixture f;
  ASSERT_TRUE(openStory(f.state, storyPath("what_if_loophole_closed.json")).empty());
  f.settle();
  const int lever = f.state.doc.loaded->findLever("us.remote_access_control");
  EXPECT_EQ(leverValueInMonth(f.state.doc, lever, *cp::parseMonth("2027-06")), 1.0);
  EXPECT_EQ(changedLeverCount(f.state.doc), 0) << "the story's scenario is the baseline, not an edit";
  EXPECT_FALSE(isDirty(f.state.doc));
}

TEST(StoryMode, OpeningAnotherScenarioEndsTheStory) {
  ClassroomFixture f;
  ASSERT_TRUE(openStory(f.state, storyPath("history_2022_2025.json")).empty());
  f.settle();
  f.state.ui.requests.open = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json";
  handleRequests(f.state);
  f.settle();
  EXPECT_FALSE(storyActive(f.state));
  EXPECT_EQ(classroomFutureFrom(f.state), -1);
  EXPECT_FALSE(f.ui.itemRect("story/next"));
}

TEST(StoryMode, ABrokenStoryNamesEveryProblemAndKeepsWhatWasOpen) {
  ClassroomFixture f;
  cp::test::TempDir dir;
  const std::string path = (dir / "bad.json").string();
  std::ofstream(path) << R"({"name": "x", "scenario": ")" << CHOKEPOINT_SOURCE_DIR
                      << R"(/scenarios/baseline.json", "cards": [
        {"month": "2025-01", "title": "t", "text": "x", "source": "S1", "charts": ["pie_chart"]},
        {"month": "2025-02", "title": "t", "text": "x", "source": "S1", "levers": ["us.nope"]}]})";
  const auto problems = openStory(f.state, path);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].pointer, "/cards/0/charts/0");
  EXPECT_NE(problems[0].message.find("pie_chart"), std::string::npos);
  EXPECT_EQ(problems[1].pointer, "/cards/1/levers/0");
  EXPECT_FALSE(storyActive(f.state));
}

TEST(StoryMode, CommandLineOpensAStoryAtACard) {
  ClassroomFixture f;
  CliArgs args;
  args.story = storyPath("history_2022_2025.json");
  args.story_card = 4;
  ASSERT_EQ(applyClassroomArgs(f.state, args), "");
  f.settle();
  ASSERT_NE(storyCard(f.state), nullptr);
  EXPECT_EQ(f.state.classroom.story.card, 3);
  args.story_card = 26;
  EXPECT_NE(applyClassroomArgs(f.state, args).find("25 cards"), std::string::npos);
  const auto parsed = parseCliArgs({"--story", "s.json", "--story-card", "3"});
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  EXPECT_EQ(parsed.args.story, "s.json");
  EXPECT_EQ(parsed.args.story_card, 3);
  EXPECT_FALSE(parseCliArgs({"--story-card", "x"}).ok());
}

TEST(StoryMode, FileMenuOpensAStoryFromTheList) {
  ClassroomFixture f;
  f.state.scenario_path = std::string(CHOKEPOINT_SOURCE_DIR) + "/scenarios/baseline.json";
  loadScenario(f.state);
  f.settle();
  ASSERT_TRUE(f.ui.clickItem("menu/File", f.draw));
  f.ui.frame(f.draw);
  ASSERT_TRUE(f.ui.clickItem("File/Open story", f.draw));
  f.ui.frames(2, f.draw);
  ASSERT_TRUE(f.ui.clickItem("classroom/file/what_if_loophole_closed.json", f.draw));
  ASSERT_TRUE(f.ui.clickItem("classroom/ok", f.draw));
  handleRequests(f.state);
  f.settle();
  ASSERT_TRUE(storyActive(f.state));
  EXPECT_EQ(f.state.classroom.story.story->cards.size(), 7u);
  EXPECT_TRUE(f.ui.itemRect("story/next"));
}

TEST(StoryMode, TryItUnveilsThePastTheChangeAndItsButtonNamesTheLevers) {
  ClassroomFixture f;
  ASSERT_TRUE(openStory(f.state, storyPath("history_2022_2025.json")).empty());
  f.settle();
  // The first card whose try setting acts after the card's own month (a month lever or @date).
  const cp::Story& st = *f.state.classroom.story.story;
  int card = -1;
  for (size_t i = 0; i < st.cards.size() && card < 0; ++i)
    for (const std::string& t : st.cards[i].try_levers)
      if (t.find("_from=20") != std::string::npos || t.find('@') != std::string::npos) card = static_cast<int>(i);
  ASSERT_GE(card, 0) << "the story has a card whose Try it acts later than the card";
  storyGoTo(f.state, card);
  f.settle();
  const int card_month = f.state.ui.view.month;
  EXPECT_EQ(classroomFutureFrom(f.state), card_month) << "before Try it: veiled from the card's month";
  ASSERT_EQ(storyTry(f.state), "");
  f.settle();
  EXPECT_GE(classroomFutureFrom(f.state), card_month + kTryRevealMonths) << "Try it unveils two years past the change";
  const std::string label = storyTryLabel(f.state, st.cards[static_cast<size_t>(card)].try_levers.front());
  const std::string id = st.cards[static_cast<size_t>(card)].try_levers.front();
  EXPECT_EQ(label.find(id.substr(0, id.find('='))), std::string::npos)
      << "the button shows the lever's label, not its id: " << label;
  storyNext(f.state);
  EXPECT_EQ(classroomFutureFrom(f.state), f.state.ui.view.month) << "the next card veils from its own month again";
}
