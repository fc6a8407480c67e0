#include "app/core/settings.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace cp::app;
using cp::test::TempDir;

TEST(UserDirs, XdgVariablesWin) {
  const UserDirs d = userDirs("/xdg/config", "/xdg/data", "/home/ann");
  EXPECT_EQ(d.config, std::filesystem::path("/xdg/config/chokepoint"));
  EXPECT_EQ(d.data, std::filesystem::path("/xdg/data/chokepoint"));
}

TEST(UserDirs, FallBackToHome) {
  const UserDirs d = userDirs(nullptr, "", "/home/ann");
  EXPECT_EQ(d.config, std::filesystem::path("/home/ann/.config/chokepoint"));
  EXPECT_EQ(d.data, std::filesystem::path("/home/ann/.local/share/chokepoint"));
}

TEST(UserDirs, RelativeXdgValuesAreIgnored) {
  const UserDirs d = userDirs("relative/config", "data", "/home/ann");
  EXPECT_EQ(d.config, std::filesystem::path("/home/ann/.config/chokepoint"));
  EXPECT_EQ(d.data, std::filesystem::path("/home/ann/.local/share/chokepoint"));
}

TEST(UserDirs, NoHomeMeansNoPersistence) {
  const UserDirs d = userDirs(nullptr, nullptr, nullptr);
  EXPECT_TRUE(d.config.empty());
  EXPECT_TRUE(d.data.empty());
}

TEST(Settings, JsonRoundTrip) {
  Settings s;
  s.window_width = 1280;
  s.window_height = 800;
  s.theme = Theme::Presenter;
  std::string warning;
  const Settings back = settingsFromJson(settingsToJson(s), &warning);
  EXPECT_TRUE(warning.empty()) << warning;
  EXPECT_EQ(back.window_width, 1280);
  EXPECT_EQ(back.window_height, 800);
  EXPECT_EQ(back.theme, Theme::Presenter);
}

TEST(Settings, BadFieldsFallBackAndAreNamed) {
  std::string warning;
  const Settings s = settingsFromJson(R"({"window": {"width": 5, "height": "tall"}, "theme": "neon"})", &warning);
  EXPECT_EQ(s.window_width, kDefaultWindowWidth);
  EXPECT_EQ(s.window_height, kDefaultWindowHeight);
  EXPECT_EQ(s.theme, Theme::Dark);
  EXPECT_NE(warning.find("/window/width"), std::string::npos) << warning;
  EXPECT_NE(warning.find("/window/height"), std::string::npos) << warning;
  EXPECT_NE(warning.find("/theme"), std::string::npos) << warning;
  EXPECT_NE(warning.find("neon"), std::string::npos) << warning;
}

TEST(Settings, MalformedJsonGivesDefaults) {
  std::string warning;
  const Settings s = settingsFromJson("{not json", &warning);
  EXPECT_EQ(s.window_width, kDefaultWindowWidth);
  EXPECT_FALSE(warning.empty());
}

TEST(Settings, MissingFileIsSilentDefaults) {
  TempDir dir;
  std::string warning;
  const Settings s = loadSettings(dir / "nope.json", &warning);
  EXPECT_EQ(s.window_width, kDefaultWindowWidth);
  EXPECT_TRUE(warning.empty());
}

TEST(Settings, SaveThenLoad) {
  TempDir dir;
  const auto file = dir / "sub" / "dir" / kSettingsFile;  // parent directories are created
  Settings s;
  s.window_width = 1024;
  s.theme = Theme::Light;
  std::string error;
  ASSERT_TRUE(saveSettings(file, s, &error)) << error;
  std::string warning;
  const Settings back = loadSettings(file, &warning);
  EXPECT_TRUE(warning.empty()) << warning;
  EXPECT_EQ(back.window_width, 1024);
  EXPECT_EQ(back.theme, Theme::Light);
}

TEST(AtomicWrite, ReplacesContentAndLeavesNoTempFile) {
  TempDir dir;
  const auto file = dir / "f.txt";
  ASSERT_TRUE(writeFileAtomically(file, "old"));
  ASSERT_TRUE(writeFileAtomically(file, "new contents"));
  EXPECT_EQ(readTextFile(file), "new contents");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(AtomicWrite, FailsIntoMissingUnwritablePlace) {
  TempDir dir;
  const auto blocker = dir / "file";
  ASSERT_TRUE(writeFileAtomically(blocker, "x"));
  std::string error;
  EXPECT_FALSE(writeFileAtomically(blocker / "child.txt", "y", &error));  // parent is a file
  EXPECT_FALSE(error.empty());
}

TEST(Settings, RecentFilesRoundTripAndBadEntriesAreNamed) {
  Settings s;
  s.recent_files = {"scenarios/baseline.json", "/tmp/v.json"};
  std::string warning;
  EXPECT_EQ(settingsFromJson(settingsToJson(s), &warning).recent_files, s.recent_files);
  EXPECT_TRUE(warning.empty()) << warning;

  const Settings bad = settingsFromJson(R"({"recent_files": ["a.json", 3]})", &warning);
  EXPECT_EQ(bad.recent_files, (std::vector<std::string>{"a.json"}));
  EXPECT_NE(warning.find("/recent_files"), std::string::npos) << warning;
}

TEST(Settings, LanguageIsRememberedAndCheckedOnLoad) {
  Settings s;
  s.language = "uk";
  EXPECT_EQ(settingsFromJson(settingsToJson(s)).language, "uk");
  std::string warning;
  const Settings bad = settingsFromJson(R"({"language": "klingon"})", &warning);
  EXPECT_EQ(bad.language, "en");
  EXPECT_NE(warning.find("/language"), std::string::npos) << warning;
}
