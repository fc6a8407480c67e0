// Numbers and dates in the current language. English output is exactly what the tool
// printed before translations existed; Ukrainian uses a decimal comma, a narrow no-break
// space between thousands, "тис." / "млн" / "млрд" / "трлн" and Ukrainian month names.
// CSV and JSON never go through here.
#pragma once

#include <string>
#include <string_view>

namespace cp::i18n {

struct NumberStyle {
  char decimal = '.';
  const char* group = ",";                             // thousands separator (English: ",", Ukrainian: U+202F)
  const char* scales[5] = {"", "k", "M", "bn", "tn"};  // x1, x1e3, x1e6, x1e9, x1e12
};
// The style for a language code; unknown codes get English.
const NumberStyle& numberStyle(std::string_view lang);
const NumberStyle& numberStyle();  // current language

// An English-formatted number ("-1234.5", "3.1e25", "12%") in `st`'s style: the decimal
// point becomes st.decimal. Text that is not a digit run is kept.
std::string localizeNumber(std::string_view english, const NumberStyle& st = numberStyle());
// Fixed-point with thousands grouping: formatFixed(1234567.891, 2) = "1,234,567.89" /
// "1 234 567,89".
std::string formatFixed(double v, int decimals, const NumberStyle& st = numberStyle());

// Month 1..12: "Jan" / "січ.", "January" / "січень".
std::string monthName(int month, bool abbreviated, std::string_view lang);
std::string monthName(int month, bool abbreviated);
// "Jan 2025" / "січ. 2025" for an absolute month (year * 12 + month - 1).
std::string formatMonthLabel(int abs_month, std::string_view lang);
std::string formatMonthLabel(int abs_month);

}  // namespace cp::i18n
