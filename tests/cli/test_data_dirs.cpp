// Where the programs find scenarios/ and assets/ (src/paths/data_dirs.h): installed layout
// first, then beside the program, then the source tree; and the CLI's --version says which.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_support.h"
#include "paths/data_dirs.h"

namespace fs = std::filesystem;
using cp::cli::test::cli;
using cp::cli::test::TempDir;
using namespace cp::paths;

namespace {
void touch(const fs::path& p) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << "{}";
}
}  // namespace

TEST(DataDirs, InstalledLayoutThenBesideTheProgramThenTheSourceTree) {
  const auto roots = dataRootCandidates("/opt/cp/bin", "../share/chokepoint", "/src/chokepoint");
  ASSERT_EQ(roots.size(), 3u);
  EXPECT_EQ(roots[0], fs::path("/opt/cp/share/chokepoint"));
  EXPECT_EQ(roots[1], fs::path("/opt/cp/bin"));
  EXPECT_EQ(roots[2], fs::path("/src/chokepoint"));
}

TEST(DataDirs, UnknownProgramDirectoryLeavesOnlyTheSourceTree) {
  EXPECT_EQ(dataRootCandidates("", "../share/chokepoint", "/src/cp"), std::vector<fs::path>{"/src/cp"});
  EXPECT_TRUE(dataRootCandidates("", "../share/chokepoint", "").empty());  // a packaged build without fallback
  EXPECT_EQ(dataRootCandidates("/a/bin", "", "").size(), 1u);              // no install layout: beside it only
}

TEST(DataDirs, EachRootOnce) {
  // A build whose program sits in the source tree, and a data dir equal to the program's.
  EXPECT_EQ(dataRootCandidates("/src/cp", "../cp", "/src/cp"), std::vector<fs::path>{"/src/cp"});
}

TEST(DataDirs, FindDataTakesTheFirstRootThatHasTheFile) {
  TempDir installed, source;
  const std::vector<fs::path> roots{installed.path(), source.path()};
  EXPECT_EQ(findData(roots, "scenarios/baseline.json"), std::nullopt);
  touch(source.path() / "scenarios" / "baseline.json");
  EXPECT_EQ(findData(roots, "scenarios/baseline.json"), source.path() / "scenarios" / "baseline.json");
  touch(installed.path() / "scenarios" / "baseline.json");
  EXPECT_EQ(findData(roots, "scenarios/baseline.json"), installed.path() / "scenarios" / "baseline.json");
  EXPECT_EQ(findData(roots, "scenarios"), installed.path() / "scenarios");  // directories too
}

TEST(DataDirs, ExecutableDirIsThisTestProgramsDirectory) {
  const fs::path dir = executableDir();
  ASSERT_FALSE(dir.empty());
  EXPECT_TRUE(dir.is_absolute());
  EXPECT_TRUE(fs::is_regular_file(dir / "cli_tests")) << dir;
}

TEST(DataDirs, LookupStartsBesideTheProgram) {
  const auto roots = dataRoots();
  ASSERT_GE(roots.size(), 2u);
  EXPECT_EQ(roots[1], executableDir().lexically_normal());
  EXPECT_EQ(roots[0].parent_path().filename(), "share");  // <exe>/../share/chokepoint
}

TEST(DataDirs, VersionNamesTheDataItUses) {
  // The test binary is in the build tree: no installed data, so the source tree's.
  if (dataRoots().size() < 3) GTEST_SKIP() << "built with CHOKEPOINT_SOURCE_FALLBACK=OFF";
  const auto r = cli({"--version"});
  EXPECT_NE(r.out.find("data: " + fs::path(CHOKEPOINT_SOURCE_DIR).lexically_normal().string()), std::string::npos)
      << r.out;
}
