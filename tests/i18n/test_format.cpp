// Numbers and dates per language: English unchanged, Ukrainian with decimal comma,
// no-break-space thousands, тис./млн/млрд and Ukrainian month names.
#include "i18n/format.h"

#include "i18n/i18n.h"

#include <gtest/gtest.h>

using namespace cp::i18n;

TEST(Format, FixedWithGroupingPerLanguage) {
  EXPECT_EQ(formatFixed(1234567.891, 2, numberStyle("en")), "1,234,567.89");
  EXPECT_EQ(formatFixed(1234567.891, 2, numberStyle("uk")), "1\u00A0234\u00A0567,89");
  EXPECT_EQ(formatFixed(-999.5, 0, numberStyle("uk")), "-1\u00A0000");
  EXPECT_EQ(formatFixed(-0.001, 1, numberStyle("uk")), "0,0");
  EXPECT_EQ(formatFixed(12, 0, numberStyle("en")), "12");
}

TEST(Format, LocalizeNumberTouchesOnlyDecimalPoints) {
  EXPECT_EQ(localizeNumber("$1.5 bn, 3.1e25 FLOP. v1.0", numberStyle("en")), "$1.5 bn, 3.1e25 FLOP. v1.0");
  EXPECT_EQ(localizeNumber("$1.5 bn, 3.1e25 FLOP. v1.0", numberStyle("uk")), "$1,5 bn, 3,1e25 FLOP. v1,0");
  EXPECT_EQ(localizeNumber("-0.25%", numberStyle("uk")), "-0,25%");
  EXPECT_EQ(localizeNumber("End.", numberStyle("uk")), "End.");
}

TEST(Format, ScaleWords) {
  EXPECT_STREQ(numberStyle("en").scales[3], "bn");
  EXPECT_STREQ(numberStyle("uk").scales[1], "\u00A0тис.");
  EXPECT_STREQ(numberStyle("uk").scales[2], "\u00A0млн");
  EXPECT_STREQ(numberStyle("uk").scales[3], "\u00A0млрд");
}

TEST(Format, MonthNames) {
  EXPECT_EQ(monthName(1, true, "en"), "Jan");
  EXPECT_EQ(monthName(11, false, "uk"), "листопад");
  EXPECT_EQ(monthName(4, true, "uk"), "квіт.");
  EXPECT_EQ(monthName(13, true, "uk"), "?");
  EXPECT_EQ(formatMonthLabel(2025 * 12 + 10, "uk"), "лист. 2025");
  EXPECT_EQ(formatMonthLabel(2025 * 12 + 0, "en"), "Jan 2025");
}

TEST(Format, CurrentLanguageDrivesTheDefaultStyle) {
  setLanguage("uk", Catalogue{});
  EXPECT_EQ(formatFixed(2.5, 1), "2,5");
  EXPECT_EQ(monthName(1, true), "січ.");
  setLanguage("en", Catalogue{});
  EXPECT_EQ(formatFixed(2.5, 1), "2.5");
}
