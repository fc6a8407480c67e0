// Replays the fuzz corpus and every input the fuzzer ever flagged, so fixed findings
// stay fixed. Runs in the ordinary test suite (no clang needed).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz_one.h"

namespace fs = std::filesystem;

namespace {
void replay(const char* sub) {
  const fs::path dir = fs::path(CHOKEPOINT_TEST_DIR) / "fuzz" / sub;
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().filename() == "README.md") continue;
    std::ifstream f(e.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(e.path().string());
    cp::fuzz::fuzzOne(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(),
                      (fs::path(CHOKEPOINT_SOURCE_DIR) / "scenarios").string());
    ++n;
  }
  EXPECT_GT(n, 0) << "no inputs in " << dir;
}
}  // namespace

TEST(FuzzRegression, SeedCorpusRunsClean) { replay("corpus"); }
TEST(FuzzRegression, PastFindingsStayFixed) { replay("regressions"); }
