// Shared by the experiment commands (compare, sweep, mc, merge): shard specs, series
// selections and the sweep shard format, which `sweep` writes and `merge` reads.
//
// Sweep shard file (plain sweep output is the same table without the '#' lines):
//
//   # chokepoint-sweep-shard v1 combos=6 shard=1/2 version=0.1.0 levers=... set=... from=... to=... metrics=...
//   scenario=Baseline us.remote_access_control,us.export_enforcement,month,scope,id,metric,value # combo 0
//   on,0.5,2022-01,company,alibaba,compute_train_h100e,3537.31
//   ...
//   # combo 2
//   ...
//   # partial: 2 of 3 combinations          (last line, only when interrupted)
//
// Shard K of N holds the combinations whose index i satisfies i % N == K - 1. Merge
// checks that the first lines agree except for shard=, then writes the header once and
// the combinations in index order: the bytes of the unsharded sweep.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include "engine/series_select.h"

namespace cp::cli {

inline constexpr const char* kSweepShardMagic = "# chokepoint-sweep-shard v1";

// "K/N" with 1 <= K <= N -> (K-1, N). Prints the problem and returns nullopt otherwise.
std::optional<std::pair<int, int>> parseShardArg(const std::string& text, std::ostream& err);
// "--metrics" lists (see series_select.h); empty keeps every series. Prints the problem and
// returns nullopt on error.
std::optional<SeriesSelection> parseMetricsArg(const std::string& text, std::ostream& err);

}  // namespace cp::cli
