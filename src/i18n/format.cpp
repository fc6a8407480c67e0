#include "i18n/format.h"

#include "i18n/i18n.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <algorithm>

namespace cp::i18n {

namespace {

const NumberStyle kEnglish{};
// U+00A0 (no-break space): in every font the app loads, and ImGui never wraps at it.
const NumberStyle kUkrainian{',', "\u00A0", {"", "\u00A0тис.", "\u00A0млн", "\u00A0млрд", "\u00A0трлн"}};

const char* const kMonthsEn[12] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
const char* const kMonthsEnShort[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kMonthsUk[12] = {"січень", "лютий",   "березень", "квітень", "травень",  "червень",
                                   "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"};
const char* const kMonthsUkShort[12] = {"січ.", "лют.",  "бер.", "квіт.", "трав.", "черв.",
                                        "лип.", "серп.", "вер.", "жовт.", "лист.", "груд."};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

const NumberStyle& numberStyle(std::string_view lang) { return lang == "uk" ? kUkrainian : kEnglish; }
const NumberStyle& numberStyle() { return numberStyle(language()); }

std::string localizeNumber(std::string_view s, const NumberStyle& st) {
  if (st.decimal == '.') return std::string(s);
  std::string out(s);
  for (size_t i = 1; i + 1 < out.size(); ++i)
    if (out[i] == '.' && isDigit(out[i - 1]) && isDigit(out[i + 1])) out[i] = st.decimal;
  return out;
}

std::string formatFixed(double v, int decimals, const NumberStyle& st) {
  if (std::isnan(v)) return "n/a";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 9), v);
  std::string s(buf);
  if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos) s.erase(0, s[0] == '-' ? 1 : 0);
  const size_t start = s[0] == '-' ? 1 : 0;
  size_t end = s.find('.');
  if (end == std::string::npos)
    end = s.size();
  else
    s[end] = st.decimal;
  std::string out = s.substr(0, start);
  const std::string int_part = s.substr(start, end - start);
  for (size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out += st.group;
    out += int_part[i];
  }
  out += s.substr(end);
  return out;
}

std::string monthName(int month, bool abbreviated, std::string_view lang) {
  if (month < 1 || month > 12) return "?";
  if (lang == "uk") return abbreviated ? kMonthsUkShort[month - 1] : kMonthsUk[month - 1];
  return abbreviated ? kMonthsEnShort[month - 1] : kMonthsEn[month - 1];
}
std::string monthName(int month, bool abbreviated) { return monthName(month, abbreviated, language()); }

std::string formatMonthLabel(int abs_month, std::string_view lang) {
  return monthName(abs_month % 12 + 1, true, lang) + " " + std::to_string(abs_month / 12);
}
std::string formatMonthLabel(int abs_month) { return formatMonthLabel(abs_month, language()); }

}  // namespace cp::i18n
