#include "cli/human_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "engine/month.h"
#include "i18n/format.h"
#include "i18n/i18n.h"

namespace cp::cli {

std::string humanMonth(int month) {
  if (i18n::english() || month >= kNever) return formatMonth(month);
  return i18n::formatMonthLabel(month);
}

std::string humanSpan(int from, int to) {
  return from == to ? humanMonth(to) : humanMonth(from) + ".." + humanMonth(to);
}

std::string humanNumber(const std::string& english) { return i18n::localizeNumber(english); }

std::string humanLeverValue(const std::string& english) {
  if (const std::string whole = i18n::tr(english); whole != english) return whole;  // a choice's label
  if (const auto month = parseMonth(english); month && *month < kNever) return humanMonth(*month);
  std::string out;
  for (std::size_t i = 0; i < english.size();) {
    std::size_t j = i;
    while (j < english.size() && std::isalpha(static_cast<unsigned char>(english[j]))) ++j;
    if (j == i) {
      out += english[i++];
      continue;
    }
    const std::string word = english.substr(i, j - i);
    out += word == "on" || word == "off" || word == "never" ? i18n::tr(word) : word;
    i = j;
  }
  return humanNumber(out);
}

std::string compactNumber(double v, bool sign) {
  const double a = std::fabs(v);
  if (v == 0) return sign ? "+0" : "0";
  if (!std::isfinite(v) || a < 999.5 || a >= 1e15)  // 0.0543, 21.6, 315; 3.95e+31
    return humanNumber(sign ? fmt::format("{:+.3g}", v) : fmt::format("{:.3g}", v));
  int scale = 0;
  double m = v;
  while (scale < 4 && std::fabs(m) >= 999.5) {
    m /= 1000;
    ++scale;
  }
  const int decimals = std::fabs(m) >= 99.95 ? 0 : std::fabs(m) >= 9.995 ? 1 : 2;  // 151, 15.1, 1.51
  return humanNumber(sign ? fmt::format("{:+.{}f}", m, decimals) : fmt::format("{:.{}f}", m, decimals)) +
         scaleSuffix(scale);
}

const char* scaleSuffix(int scale) { return i18n::numberStyle().scales[std::clamp(scale, 0, 4)]; }

std::string humanScaled(const std::string& english) {
  if (i18n::english()) return english;
  const std::string s = humanNumber(english);
  static const std::pair<const char*, int> kWords[] = {{"tn", 4}, {"bn", 3}, {"M", 2}, {"m", 2}, {"k", 1}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) continue;
    for (const auto& [word, scale] : kWords) {
      const std::size_t end = i + 1 + std::char_traits<char>::length(word);
      if (s.compare(i + 1, end - i - 1, word) != 0) continue;
      if (end < s.size() && std::isalnum(static_cast<unsigned char>(s[end]))) continue;  // "1 MW", "2e5" stay
      out += scaleSuffix(scale);
      i = end - 1;
      break;
    }
  }
  return out;
}

std::size_t displayWidth(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace cp::cli
