// Levers: the inputs a workshop changes. Values are written as people type them:
// true/false/on/off, numbers, YYYY-MM or never; "id=value@YYYY-MM" takes effect from
// that month, and several dated values of one lever form a schedule, in one setting
// separated by ';' ("id=on;off@2025-05") or in several.
//
//   auto set = parseLeverArgs({"us.remote_access_control=on@2026-01"}, s);  // throws LeverError
//   Scenario v = withLevers(s, set);
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/problems.h"
#include "engine/scenario.h"

namespace cp {

struct LeverSetting {
  int lever = -1;
  double value = 0;
  int from = -1;  // absolute month; -1 = from the start (replaces the whole schedule)
};

// Parses one value for a lever; on failure `error` (when given) says why, naming the lever.
std::optional<double> parseLeverValue(const Lever& l, std::string_view text, Message* error);
// "id=value[@YYYY-MM]" for each argument.
std::vector<LeverSetting> parseLeverArgs(const std::vector<std::string>& args, const Scenario& s);
// A new scenario with the settings applied (dated settings merge into the schedule).
Scenario withLevers(Scenario s, const std::vector<LeverSetting>& settings);
// The value as people write it: "on", "0.15", "2025-04", "never".
std::string formatLeverValue(const Lever& l, double v);
// The values a lever takes, for listings: "0..1 share", "YYYY-MM|never", "on|off", "a|b|c".
std::string formatLeverRange(const Lever& l);
// A lever's value in an absolute month under the scenario's schedule.
double leverValueAt(const Scenario& s, int lever, int abs_month);
// The lever's settings as typed strings, e.g. {"0.5", "0.9@2026-01"}; empty when default.
std::vector<std::string> leverScheduleStrings(const Scenario& s, int lever);
// The lever's whole value as --lever takes it: "on", "0.5;0.9@2026-01", "on;off@2025-05"
// (the value at the start first, then each dated step).
std::string leverScheduleText(const Scenario& s, int lever);

}  // namespace cp
