// The catalogue and the current language: lookups, fallbacks, the missing-lookup recorder,
// loading assets/locale/<lang>.po plus scenarios/locale/<lang>/*.po.
#include "i18n/i18n.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace cp::i18n;

namespace {

struct English : ::testing::Test {
  void TearDown() override {
    setLanguage("en", Catalogue{});
    recordMissing(false);
    clearMissing();
  }
};

fs::path tempRoot() {
  std::random_device rd;
  const fs::path p = fs::temp_directory_path() / ("i18n_test_" + std::to_string(rd()));
  fs::create_directories(p);
  return p;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

}  // namespace

TEST_F(English, TrFallsBackToEnglishAndPointersStayValidAcrossSwitches) {
  Catalogue c;
  c.add("Levers", "Важелі");
  c.add("Open", "Відкрити меню", "menu");
  setLanguage("uk", std::move(c));
  EXPECT_EQ(language(), "uk");
  const char* levers = tr("Levers");
  EXPECT_STREQ(levers, "Важелі");
  EXPECT_STREQ(trc("menu", "Open"), "Відкрити меню");
  EXPECT_STREQ(tr("Open"), "Open");  // context differs
  const char* untranslated = "Not in the catalogue";
  EXPECT_EQ(tr(untranslated), untranslated);
  setLanguage("en", Catalogue{});
  EXPECT_STREQ(tr("Levers"), "Levers");
  EXPECT_STREQ(levers, "Важелі");  // the old catalogue is still alive
}

TEST_F(English, RecorderListsExactlyTheMissingLookups) {
  Catalogue c;
  c.add("Levers", "Важелі");
  setLanguage("uk", std::move(c));
  recordMissing(true);
  tr("Levers");
  tr("Charts");
  tr("Charts");
  tr("");
  EXPECT_EQ(missingLookups(), std::vector<std::string>{"Charts"});
  setLanguage("en", Catalogue{});
  clearMissing();
  tr("Anything");  // English has nothing to miss
  EXPECT_TRUE(missingLookups().empty());
}

TEST_F(English, LoadsUiAndScenarioCataloguesSkippingFuzzy) {
  const fs::path root = tempRoot();
  write(root / "assets/locale/uk.po",
        "msgid \"Levers\"\nmsgstr \"Важелі\"\n\n#, fuzzy\nmsgid \"Why?\"\nmsgstr \"Чому?\"\n");
  write(root / "scenarios/locale/uk/baseline.po",
        "msgid \"Nvidia\"\nmsgstr \"Nvidia\"\n\nmsgid \"China\"\nmsgstr \"Китай\"\n");
  write(root / "scenarios/locale/uk/stories/history.po", "msgid \"China\"\nmsgstr \"КНР\"\n");
  std::string error = "x";
  ASSERT_TRUE(setLanguage("uk", {root / "missing", root}, &error)) << error;
  EXPECT_EQ(error, "");
  EXPECT_STREQ(tr("Levers"), "Важелі");
  EXPECT_STREQ(tr("Why?"), "Why?");  // fuzzy: not used
  EXPECT_STREQ(tr("China"), "КНР");  // later file (sorted path) wins
  EXPECT_STREQ(tr("Nvidia"), "Nvidia");
  fs::remove_all(root);
}

TEST_F(English, UnknownLanguageOrNoCatalogueKeepsTheCurrentOne) {
  std::string error;
  EXPECT_FALSE(setLanguage("xx", {}, &error));
  EXPECT_NE(error.find("unknown language 'xx'"), std::string::npos);
  EXPECT_FALSE(setLanguage("uk", {fs::path("/nonexistent-root")}, &error));
  EXPECT_NE(error.find("assets/locale/uk.po"), std::string::npos);
  EXPECT_EQ(language(), "en");
}

TEST_F(English, BrokenEntriesAreReportedButTheRestLoads) {
  const fs::path root = tempRoot();
  write(root / "assets/locale/uk.po", "msgid \"A\"\nmsgstr \"А\"\n\nmsgid \"B\nmsgstr \"Б\"\n");
  std::string error;
  ASSERT_TRUE(setLanguage("uk", {root}, &error));
  EXPECT_NE(error.find("uk.po:4:"), std::string::npos) << error;
  EXPECT_STREQ(tr("A"), "А");
  fs::remove_all(root);
}
