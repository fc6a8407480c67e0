// The months a caller asks for (the CLI's --from/--to, Python's start=/end=) checked
// against a scenario's span. An inverted range, or a month outside start..end, is an
// error whose message names the span; past the end it also says how far a scenario that
// `extends` this one could go.
//
//   std::string why = checkMonthRange(s, from, to, "--from", "--to");   // empty = fine
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "engine/scenario.h"

namespace cp {

// `from_name` / `to_name` name the options in the message. Either bound may be absent.
std::string checkMonthRange(const Scenario& s, std::optional<int> from, std::optional<int> to,
                            std::string_view from_name, std::string_view to_name);

}  // namespace cp
