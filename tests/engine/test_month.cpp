#include <gtest/gtest.h>

#include "engine/month.h"

using namespace cp;

TEST(Month, ParsesAndFormatsRoundTrip) {
  ASSERT_EQ(parseMonth("2025-04"), 2025 * 12 + 3);
  EXPECT_EQ(formatMonth(2025 * 12 + 3), "2025-04");
  EXPECT_EQ(parseMonth("never"), kNever);
  EXPECT_EQ(formatMonth(kNever), "never");
}

TEST(Month, RejectsMalformedMonths) {
  for (const char* bad : {"2025-13", "2025-00", "2025-4", "25-04", "2025/04", "", "2025-04x", "1800-01", "abcd-ef"})
    EXPECT_FALSE(parseMonth(bad).has_value()) << bad;
}
