// Every panel drawn in Ukrainian headlessly: the catalogue's missing-lookup recorder lists
// each string that fell back to English. With a fixture catalogue the recorder is shown to
// catch a missing string; with the real catalogues (assets/locale/uk.po and
// scenarios/locale/uk/*.po) nothing may fall back.
#include "app/core/app_state.h"
#include "app/panels/app_ui.h"
#include "app/core/dashboard_data.h"
#include "app/core/explain.h"
#include "app/charts/chart_units.h"
#include "app/classroom/story_mode.h"
#include "app/classroom/workshop_handouts.h"
#include "app/classroom/workshop_mode.h"
#include "app/core/chart_specs.h"
#include "engine/month.h"
#include "i18n/i18n.h"
#include "i18n/po.h"

#include "classroom_fixture.h"
#include "dashboard_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace {

using namespace cp;
using cp::test::DashboardFixture;

// Draws the dashboard, every table tab, the auxiliary windows, the menus, a story card and
// the workshop with its scoreboard: what a class sees.
void drawEverything(DashboardFixture& d) {
  app::AppState& s = d.state;
  auto frames = [&] { d.ui.frames(3, d.draw); };
  frames();
  for (int tab = 0; tab < 6; ++tab) {
    s.ui.view.select_tab = tab;
    d.settle();
    frames();
    // Explain and Sensitivity start their analyses once drawn: wait, so both drawings
    // show the finished tab whatever the machine's load.
    app::waitForExplain(s);
    frames();
  }
  s.ui.windows.about = s.ui.windows.shortcuts = s.ui.windows.sources = s.ui.windows.compare_scenarios = true;
  d.settle();
  frames();
  s.ui.windows.about = s.ui.windows.shortcuts = s.ui.windows.sources = s.ui.windows.compare_scenarios = false;
  for (const char* menu : {"menu/File", "menu/Edit", "menu/View", "menu/Help"}) {
    ASSERT_TRUE(d.ui.clickItem(menu, d.draw)) << menu;
    frames();
    d.ui.pressKey(test::ImGuiHarness::namedKey(ImGuiKey_Escape), d.draw);
  }
  ASSERT_TRUE(app::openStory(s, test::storyPath("history_2022_2025.json")).empty());
  d.settle();
  for (int card = -1; card < 2; ++card) {
    app::storyGoTo(s, card);
    d.settle();
    frames();
  }
  ASSERT_TRUE(app::openWorkshop(s, test::workshopPath("compute_race.json")).empty());
  d.settle();
  ASSERT_TRUE(app::playRound(s));
  d.settle();
  app::syncWorkshop(s);
  frames();
}

struct UkrainianUi : ::testing::Test {
  void TearDown() override {
    cp::i18n::recordMissing(false);
    cp::i18n::clearMissing();
    cp::i18n::setLanguage("en", cp::i18n::Catalogue{});
  }
  static std::vector<std::string> missingAfterDrawing(cp::i18n::Catalogue c) {
    cp::i18n::setLanguage("uk", std::move(c));
    cp::i18n::clearMissing();
    cp::i18n::recordMissing(true);
    {
      DashboardFixture d;
      drawEverything(d);
    }
    cp::i18n::recordMissing(false);
    return cp::i18n::missingLookups();
  }
};

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_F(UkrainianUi, RecorderCatchesTheOneStringAFixtureCatalogueLacks) {
  // An empty catalogue: everything drawn through tr() is recorded, from the code and the scenario.
  const auto drawn = missingAfterDrawing({});
  for (const char* s : {"File", "Companies", "Rule timeline", "China training compute", "Keyboard shortcuts",
                        "Policy levers", "US advanced-chip controls"})
    EXPECT_TRUE(has(drawn, s)) << s << " was drawn without tr()";
  cp::i18n::Catalogue fixture;
  for (const std::string& s : drawn)
    if (s != "Rule timeline") fixture.add(s, "УК " + s);
  EXPECT_EQ(missingAfterDrawing(std::move(fixture)), std::vector<std::string>{"Rule timeline"});
}

// How many entries of a PO file carry a translation.
int translatedEntries(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  const auto po = cp::i18n::parsePo(ss.str(), path);
  return static_cast<int>(std::count_if(po.entries.begin(), po.entries.end(),
                                        [](const cp::i18n::PoEntry& e) { return !e.msgid.empty() && e.translated(); }));
}

TEST_F(UkrainianUi, RealCataloguesLeaveNothingInEnglish) {
  const std::string ui = std::string(CHOKEPOINT_SOURCE_DIR) + "/assets/locale/uk.po";
  ASSERT_GT(translatedEntries(ui), 500) << ui << " lost its translations";
  cp::i18n::Catalogue real;
  std::vector<std::string> problems;
  ASSERT_TRUE(cp::i18n::loadCatalogue(real, "uk", {CHOKEPOINT_SOURCE_DIR}, problems));
  EXPECT_TRUE(problems.empty()) << problems.front();
  const auto missing = missingAfterDrawing(std::move(real));
  std::string list;
  for (const std::string& s : missing) list += "\n  " + s;
  EXPECT_TRUE(missing.empty()) << missing.size() << " strings drawn in English:" << list;
}

// Every chart of the grid keeps its log toggle in Ukrainian at 1280x720, where the longer
// titles left no room for it and it was dropped (classroom review): the title is cut instead.
TEST_F(UkrainianUi, EveryChartKeepsItsLogToggleAtLaptopSize) {
  cp::i18n::Catalogue real;
  std::vector<std::string> problems;
  ASSERT_TRUE(cp::i18n::loadCatalogue(real, "uk", {CHOKEPOINT_SOURCE_DIR}, problems));
  cp::i18n::setLanguage("uk", std::move(real));
  DashboardFixture d;
  d.ui.setDisplaySize(ImVec2(1280.0f, 720.0f));
  d.ui.frames(3, d.draw);
  int charts = 0;
  for (const app::ChartSpec& spec : app::chartSpecs()) {
    const auto chart = d.ui.itemRect(std::string("chart/") + spec.id);
    if (!chart) continue;
    ++charts;
    const auto log = d.ui.itemRect(std::string("chart/") + spec.id + "/log");
    ASSERT_TRUE(log) << spec.id;
    EXPECT_LE(log->max.x, chart->max.x + 1.0f) << spec.id;
  }
  EXPECT_GE(charts, 2);
}

TEST_F(UkrainianUi, MonthsReadAsWordsInUkrainianAndStayIsoInEnglish) {
  const int june2028 = 2028 * 12 + 5;
  EXPECT_STREQ(app::displayMonth(june2028), "2028-06");
  const app::MonthAxis axis = app::makeMonthAxis(june2028, 2);
  EXPECT_STREQ(axis.label(1), "2028-07");
  cp::i18n::setLanguage("uk", cp::i18n::Catalogue{});
  EXPECT_STREQ(app::displayMonth(june2028), "черв. 2028");
  EXPECT_STREQ(axis.label(1), "лип. 2028");  // the axis follows a switch without being rebuilt
  EXPECT_STREQ(axis.label(2), "");
}

TEST_F(UkrainianUi, SliderNumbersTakeTheDecimalComma) {
  EXPECT_EQ(app::localizedSliderFormat("%.2f x", 1.0), "%.2f x");  // English: ImGui formats it
  cp::i18n::setLanguage("uk", cp::i18n::Catalogue{});
  EXPECT_EQ(app::localizedSliderFormat("%.2f x", 1.0), "1,00 x");
  EXPECT_EQ(app::localizedSliderFormat("%.1f%%", 12.5), "12,5%%");  // stays a literal '%' for ImGui
}

TEST_F(UkrainianUi, LeverValuesReadInTheLanguage) {
  cp::Lever on_off, month, share;
  on_off.kind = cp::LeverKind::Bool;
  month.kind = cp::LeverKind::Month;
  share.kind = cp::LeverKind::Share;
  EXPECT_EQ(app::displayLeverValue(on_off, 1.0), "on");
  EXPECT_EQ(app::displayLeverValue(share, 0.15), "15%");  // as the lever panel shows it
  cp::i18n::Catalogue c;
  c.add("on", "увімк.");
  c.add("never", "ніколи");
  cp::i18n::setLanguage("uk", std::move(c));
  EXPECT_EQ(app::displayLeverValue(on_off, 1.0), "увімк.");
  EXPECT_EQ(app::displayLeverValue(share, 0.15), "15%");
  cp::Lever number;  // the decimal comma, with the step's decimals as the slider shows them
  number.step = 0.01;
  EXPECT_EQ(app::displayLeverValue(number, 1.5), "1,50");
  EXPECT_EQ(app::displayLeverValue(month, 2026 * 12), "січ. 2026");
  EXPECT_EQ(app::displayLeverValue(month, cp::kNever), "ніколи");
}

// The tornado's bar ends, the workshop's moves and its rounds read as the lever panel and
// the month axis do: words, not the values as typed ("on", "2025-01").
TEST_F(UkrainianUi, TornadoEndsMovesAndRoundsReadInTheLanguage) {
  std::string error;
  ASSERT_TRUE(cp::i18n::setLanguage("uk", {CHOKEPOINT_SOURCE_DIR}, &error)) << error;
  DashboardFixture d;
  const std::regex iso_month("[0-9]{4}-[0-9]{2}");
  d.state.ui.view.select_tab = 5;  // Sensitivity
  d.settle();
  d.ui.frames(3, d.draw);
  app::waitForExplain(d.state);
  const cp::Sensitivity* t = app::shownSensitivity(d.state);
  ASSERT_NE(t, nullptr);
  int bools = 0, months = 0;
  for (const cp::SensitivityRow& r : t->rows) {
    const cp::Lever& l = d.state.doc.loaded->levers[static_cast<size_t>(r.lever)];
    for (bool high : {false, true}) {
      const std::string text = app::sensitivityEndText(*d.state.doc.loaded, r, high);
      EXPECT_EQ(text, app::displayLeverValue(l, high ? r.high : r.low)) << r.id;
      EXPECT_FALSE(std::regex_search(text, iso_month)) << r.id << ": " << text;
      for (const char* english : {"on", "off", "never"}) EXPECT_NE(text, english) << r.id;
      if (l.kind == cp::LeverKind::Bool) {
        EXPECT_TRUE(text == "увімк." || text == "вимк.") << r.id << ": " << text;
      }
    }
    bools += l.kind == cp::LeverKind::Bool ? 1 : 0;
    months += l.kind == cp::LeverKind::Month ? 1 : 0;
  }
  EXPECT_GT(bools, 0);
  EXPECT_GT(months, 0);

  ASSERT_TRUE(app::openWorkshop(d.state, test::workshopPath("compute_race.json")).empty());
  d.settle();
  const cp::Workshop& w = *d.state.classroom.workshop.workshop;
  EXPECT_EQ(app::moveValueText(w, {1, "us_gov", "us.remote_access_control", "on"}), "увімк.");
  EXPECT_EQ(app::moveValueText(w, {1, "us_gov", "us.remote_access_from", "2025-01"}), "січ. 2025");
  EXPECT_EQ(app::moveValueText(w, {3, "malaysia", "my.chip_permit_from", "never"}), "ніколи");
  EXPECT_EQ(app::moveValueText(w, {2, "cn_gov", "cn.domestic_subsidy", "0.5"}), "50%");
  EXPECT_EQ(app::roundMonths(w, 1),
            std::string(app::displayMonth(w.roundFirst(1))) + " \xe2\x80\x93 " + app::displayMonth(w.roundLast(1)));
  EXPECT_STREQ(chart::unitName(chart::Unit::Usd), "дол. США");
  EXPECT_STREQ(chart::unitName(chart::Unit::UsdBn), "дол. США");
}

// The workshop's printed exports in Ukrainian: lever labels and values, numbers and months
// the Ukrainian way, chart captions, slips and cards (review: half of them were English).
TEST_F(UkrainianUi, WorkshopReportCardsAndSlipsReadInUkrainian) {
  std::string error;
  ASSERT_TRUE(cp::i18n::setLanguage("uk", {CHOKEPOINT_SOURCE_DIR}, &error)) << error;
  DashboardFixture d;
  ASSERT_TRUE(app::openWorkshop(d.state, test::workshopPath("compute_race.json")).empty());
  d.settle();
  ASSERT_EQ(app::enterMove(d.state, {1, "us_gov", "us.remote_access_control", "on"}), "");
  ASSERT_EQ(app::enterMove(d.state, {1, "malaysia", "my.chip_permit_from", "never"}), "");
  ASSERT_TRUE(app::playRound(d.state));
  d.settle();
  const cp::Workshop& w = *d.state.classroom.workshop.workshop;
  const cp::Scoreboard* board = app::workshopBoard(d.state);
  ASSERT_NE(board, nullptr);
  const std::string report = app::workshopReportMarkdown(w, d.state.classroom.workshop.session, *board, {});
  EXPECT_NE(report.find(std::string("| Уряд США | ") + cp::i18n::tr("Remote-access (cloud) control") +
                        " (`us.remote_access_control`) | увімк. |"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("(`my.chip_permit_from`) | ніколи |"), std::string::npos) << report;
  for (const char* english : {"Remote-access (cloud) control", " bn", " units", "share by which", "| on |"})
    EXPECT_EQ(report.find(english), std::string::npos) << english << "\n" << report;
  // Months as words, except in the command line the report quotes.
  const std::string prose = report.substr(0, report.find("```sh"));
  EXPECT_FALSE(std::regex_search(prose, std::regex("[0-9]{4}-[0-9]{2}"))) << prose;
  for (const cp::TeamScore& ts : board->teams) {
    const std::string line = app::roundDriver(w, d.state.classroom.workshop.session, ts, 1);
    EXPECT_FALSE(std::regex_search(line, std::regex("[0-9]\\.[0-9]"))) << line;
    EXPECT_EQ(line.find(" bn"), std::string::npos) << line;
  }
  EXPECT_EQ(app::formatObjectiveValue(347.8, "diverted_units"), "348 шт.");
  EXPECT_EQ(app::formatObjectiveValue(2.33e10, "revenue_usd"), "$23,3\u00a0млрд");

  const std::string card = app::teamCardMarkdown(w, w.teams[0]);
  for (const char* part : {"6,0 міс.", "$5,00\u00a0млрд", "з кроком 0,05 частка", "від січ. 2025"})
    EXPECT_NE(card.find(part), std::string::npos) << part << "\n" << card;
  EXPECT_FALSE(std::regex_search(card, std::regex("[0-9]{4}-[0-9]{2}"))) << card;
  const std::string slips = app::moveSlipsMarkdown(w);
  EXPECT_NE(
      slips.find(std::string(cp::i18n::tr("\nYour levers: ")) + cp::i18n::tr("US export enforcement effort") + "; "),
      std::string::npos)
      << slips;

  // Report chart captions are the charts' titles in the language.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "cp_uk_ws_report";
  std::filesystem::create_directories(dir);
  ASSERT_EQ(app::requestWorkshopReport(d.state, (dir / "r.md").string()), "");
  std::ifstream in(dir / "r.md");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("![" + std::string(cp::i18n::tr(app::chartSpecs()[0].title)) + "](r_"), std::string::npos);
  EXPECT_STRNE(cp::i18n::tr(app::chartSpecs()[0].title), app::chartSpecs()[0].title);
  std::filesystem::remove_all(dir);
}

}  // namespace
