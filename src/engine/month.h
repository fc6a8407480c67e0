// Months as integers: abs = year * 12 + (month - 1). "never" is kNever.
// Loops count integer months; nothing compares floating-point time.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace cp {

inline constexpr int kNever = 1'000'000'000;

// Parses "YYYY-MM" (years 1900..2200) or "never". nullopt on anything else.
std::optional<int> parseMonth(std::string_view s);
// "DDDD-MM" with a month 01..12, whatever the year: tells a year out of range from a typo.
bool isMonthShaped(std::string_view s);
// "YYYY-MM", or "never" for kNever and beyond.
std::string formatMonth(int abs);
inline int monthOf(int abs) { return abs % 12 + 1; }
inline int yearOf(int abs) { return abs / 12; }

}  // namespace cp
