// Sources: every "source" text in the shipped scenarios, stories, workshops and
// calibration targets names ids that scenarios/sources.json lists; an unknown id is
// reported with file and JSON pointer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "engine/sources.h"
#include "support.h"

using namespace cp;
using namespace cp::test;

namespace {

std::string writeTemp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("cp_sources_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST(Sources, IdsAreReadFromFreeText) {
  EXPECT_EQ(sourceIds("S25, S26"), (std::vector<std::string>{"S25", "S26"}));
  EXPECT_EQ(sourceIds("[D] S102: Oct 2025 low $1.70"), (std::vector<std::string>{"S102"}));
  EXPECT_EQ(sourceIds("tier: S20 [M]: tier 2; again S20"), (std::vector<std::string>{"S20"}));
  EXPECT_TRUE(sourceIds("assumption: SEA hosts, FACTS s.1, MS12, S, S3x").empty());
}

TEST(Sources, ShippedFileListsEveryFactSheetId) {
  const SourceList list = loadSources(sourcePath("scenarios/sources.json"));
  ASSERT_GE(list.sources.size(), 127u);
  for (int n = 1; n <= 127; ++n) {
    const Source* s = list.find("S" + std::to_string(n));
    ASSERT_NE(s, nullptr) << "S" << n;
    EXPECT_EQ(s->url.rfind("https://", 0), 0u) << s->id;
    EXPECT_FALSE(s->publisher.empty()) << s->id;
  }
}

TEST(Sources, EveryShippedSourceResolves) {
  const SourceList list = loadSources(sourcePath("scenarios/sources.json"));
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(sourcePath("scenarios"))) {
    const auto name = e.path().filename().string();
    if (e.path().extension() != ".json" || name == "sources.json" || name == "schema.json") continue;
    ++files;
    for (const Problem& p : unresolvedSources(e.path().string(), list)) ADD_FAILURE() << p.str();
  }
  EXPECT_GE(files, 10);  // scenarios, stories, workshops and calibration targets were all read
}

TEST(Sources, UnknownIdIsReportedWithItsPointer) {
  const SourceList list = loadSources(sourcePath("scenarios/sources.json"));
  const auto path =
      writeTemp("cites.json", R"({"levers": [{"id": "a", "source": "S12"}, {"id": "b", "source": "S12, S999"}]})");
  const auto problems = unresolvedSources(path, list);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/levers/1/source");
  EXPECT_NE(problems[0].message.find("S999"), std::string::npos);
}

TEST(Sources, BrokenSourcesFileNamesEveryProblem) {
  const auto path = writeTemp("sources.json", R"({"sources": [
    {"id": "S1", "title": "t", "publisher": "p", "date": "unknown", "url": "https://a"},
    {"id": "S1", "title": "t", "publisher": "p", "date": "unknown", "url": "ftp://a"},
    {"id": "X2", "title": "", "publisher": "p", "date": "unknown", "url": "https://b"}]})");
  try {
    loadSources(path);
    FAIL() << "expected LoadError";
  } catch (const LoadError& e) {
    std::vector<std::string> where;
    for (const Problem& p : e.problems()) where.push_back(p.pointer);
    EXPECT_EQ(where,
              (std::vector<std::string>{"/sources/1/id", "/sources/1/url", "/sources/2/title", "/sources/2/id"}));
  }
}

TEST(Sources, FileNearAStoryIsTheScenariosOne) {
  const auto near = sourcesFileNear(sourcePath("scenarios/stories/history_2022_2025.json"));
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(std::filesystem::path(near).filename(), "sources.json");
  EXPECT_EQ(std::filesystem::canonical(near), std::filesystem::canonical(sourcePath("scenarios/sources.json")));
}
