#include "engine/month.h"

#include <fmt/format.h>

namespace cp {

bool isMonthShaped(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (const int i : {0, 1, 2, 3, 5, 6})
    if (s[static_cast<size_t>(i)] < '0' || s[static_cast<size_t>(i)] > '9') return false;
  const int m = (s[5] - '0') * 10 + (s[6] - '0');
  return m >= 1 && m <= 12;
}

std::optional<int> parseMonth(std::string_view s) {
  if (s == "never") return kNever;
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    y = y * 10 + (s[i] - '0');
  }
  if (s[5] < '0' || s[5] > '9' || s[6] < '0' || s[6] > '9') return std::nullopt;
  const int m = (s[5] - '0') * 10 + (s[6] - '0');
  if (m < 1 || m > 12 || y < 1900 || y > 2200) return std::nullopt;
  return y * 12 + (m - 1);
}

std::string formatMonth(int abs) {
  if (abs >= kNever) return "never";
  return fmt::format("{:04d}-{:02d}", yearOf(abs), monthOf(abs));
}

}  // namespace cp
