// Choosing which output series to keep: by metric name or by scope/id/metric with `*`
// for any part. Used by ensembles (to bound memory), by sweeps (to shrink files) and by
// RunOptions::record (a run that records only these series).
//
//   SeriesSelection sel = parseSeriesSelection("compute_train_h100e,bloc/*/frontier_gap_months");
//   if (sel.matches(key)) ...
//   Results small = selectSeries(r, sel);   // same months and echo, fewer series
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/problems.h"
#include "engine/results.h"

namespace cp {

struct SeriesSelection {
  // Each pattern is "metric" or "scope/id/metric"; "*" matches any value of a part.
  std::vector<std::string> patterns;  // empty = every series
  bool all() const { return patterns.empty(); }
  bool matches(const SeriesKey& k) const { return matches(k.scope, k.id, k.metric); }
  bool matches(Scope scope, std::string_view id, std::string_view metric) const;
};

// A malformed pattern (a std::invalid_argument, as before it carried a Message).
class SeriesPatternError : public ReasonErrorOf<std::invalid_argument> {
 public:
  using ReasonErrorOf::ReasonErrorOf;
};

// Comma-separated patterns. Throws SeriesPatternError (a std::invalid_argument) naming a
// malformed pattern (wrong number of parts, unknown scope, empty part).
SeriesSelection parseSeriesSelection(std::string_view list);

Results selectSeries(const Results& r, const SeriesSelection& sel);

}  // namespace cp
