#include "app/app_state.h"
#include "app/theme.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace chokepoint::app;
using chokepoint::test::TempDir;

namespace {
std::filesystem::path writeFile(const TempDir& dir, const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path) << text;
    return path;
}
}  // namespace

TEST(CheckScenarioFile, ValidJsonObjectIsFine) {
    TempDir dir;
    EXPECT_EQ(checkScenarioFile(writeFile(dir, "ok.json", R"({"name": "t"})")), std::nullopt);
}

TEST(CheckScenarioFile, MissingFile) {
    TempDir dir;
    const auto why = checkScenarioFile(dir / "missing.json");
    ASSERT_TRUE(why);
    EXPECT_NE(why->find("does not exist"), std::string::npos) << *why;
}

TEST(CheckScenarioFile, Directory) {
    TempDir dir;
    EXPECT_TRUE(checkScenarioFile(dir.path()));
}

TEST(CheckScenarioFile, BrokenJsonReportsParserMessage) {
    TempDir dir;
    const auto why = checkScenarioFile(writeFile(dir, "bad.json", "{\"a\": 1,,}"));
    ASSERT_TRUE(why);
    EXPECT_NE(why->find("invalid JSON"), std::string::npos) << *why;
    EXPECT_NE(why->find("parse error"), std::string::npos) << *why;
}

TEST(CheckScenarioFile, TopLevelMustBeObject) {
    TempDir dir;
    const auto why = checkScenarioFile(writeFile(dir, "arr.json", "[1, 2]"));
    ASSERT_TRUE(why);
    EXPECT_NE(why->find("array"), std::string::npos) << *why;
}

TEST(LoadScenario, SetsStateAndReloadRecovers) {
    TempDir dir;
    const auto path = writeFile(dir, "s.json", "{");
    AppState state;
    state.scenarioPath = path.string();
    loadScenario(state);
    EXPECT_FALSE(state.scenarioLoaded);
    ASSERT_TRUE(state.loadError);

    writeFile(dir, "s.json", "{}");
    state.reloadRequested = true;
    handleRequests(state);
    EXPECT_FALSE(state.reloadRequested);
    EXPECT_TRUE(state.scenarioLoaded);
    EXPECT_FALSE(state.loadError);
}

TEST(LoadScenario, NoPathIsNotAnError) {
    AppState state;
    loadScenario(state);
    EXPECT_FALSE(state.scenarioLoaded);
    EXPECT_FALSE(state.loadError);
}

TEST(Theme, NamesRoundTrip) {
    for (Theme t : {Theme::Dark, Theme::Light, Theme::Presenter}) {
        EXPECT_EQ(parseTheme(themeName(t)), t);
    }
    EXPECT_EQ(parseTheme("Dark"), std::nullopt);
    EXPECT_EQ(parseTheme(""), std::nullopt);
}
