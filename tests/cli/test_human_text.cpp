// Numbers in the tables people read: three significant digits and a scale word.
#include <gtest/gtest.h>

#include "cli/human_text.h"
#include "i18n/i18n.h"

namespace cp::cli {
namespace {

TEST(HumanText, CompactNumbersHaveThreeDigitsAndAScaleWord) {
  ASSERT_TRUE(i18n::setLanguage("en", {}, nullptr));
  EXPECT_EQ(compactNumber(2.59985e7), "26.0M");
  EXPECT_EQ(compactNumber(1.50804e6), "1.51M");
  EXPECT_EQ(compactNumber(135428), "135k");
  EXPECT_EQ(compactNumber(999.6), "1.00k");
  EXPECT_EQ(compactNumber(8.96204e8), "896M");
  EXPECT_EQ(compactNumber(2.1256e12), "2.13tn");
  EXPECT_EQ(compactNumber(21.5829), "21.6");
  EXPECT_EQ(compactNumber(0.0543072), "0.0543");
  EXPECT_EQ(compactNumber(3.95442e31), "3.95e+31");  // past the trillions: scientific
  EXPECT_EQ(compactNumber(0), "0");
  EXPECT_EQ(compactNumber(0, true), "+0");
  EXPECT_EQ(compactNumber(-39341.4, true), "-39.3k");
  EXPECT_EQ(compactNumber(35227.1, true), "+35.2k");
  EXPECT_EQ(compactNumber(-0.00235438, true), "-0.00235");
}

}  // namespace
}  // namespace cp::cli
