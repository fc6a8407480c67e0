// Ensemble files: the statistics table and the shard format that merges exactly.
//
//   writeEnsembleCsv(out, e);                    // month,scope,id,metric,stat,value
//   writeEnsembleShard(out, e);                  // every finished member's raw values (or a range's)
//   EnsembleResult s = readEnsembleShard(in, "shard1.csv");   // throws EnsembleError
//   writeEnsembleCsv(out, mergeEnsembles({s1, s2}));          // same bytes as unsharded
//
// Statistics file (CSV; lines starting with '#' are comments, e.g. pandas comment='#'):
//
//   # chokepoint-mc v1 runs=1000 seed=42 version=0.1.0 levers=us.h20_licence=off scenario=Baseline
//   month,scope,id,metric,stat,value
//   2022-01,company,alibaba,compute_train_h100e,p10,3401.2
//   ...                                   (month-major, series in simulate() order,
//                                          stats p10,p50,p90,mean)
//   # partial: 37 of 1000 runs            (last line, only when interrupted)
//
// Shard file: the first line says what it is and carries the echo that merged shards must
// share; then one row per (finished run, series) with that run's value for every month:
//
//   # chokepoint-mc-shard v1 runs=1000 seed=42 shard=1/4 version=0.1.0 levers= scenario=Baseline
//   run,scope,id,metric,2022-01,2022-02,...,2030-12
//   0,company,alibaba,compute_train_h100e,3537.31,...
//   # partial: 12 of 250 runs             (last line, only when interrupted)
//
// Shard K of N holds runs K-1, K-1+N, ... (1-based K in files and on the command line).
// Values are written as the shortest decimal that reads back to the same double, so
// reading a shard restores every bit. Rows are wide (all months on one line) because raw
// ensemble data is large: the baseline's 1,000 runs come to ~0.8 GB of text in all.
// The `levers=` field lists id=value pairs separated by ',' (a value may hold ';' and '@').
#pragma once
#include <istream>
#include <ostream>
#include <string>

#include "engine/ensemble.h"
#include "engine/results_io.h"

namespace cp {

inline constexpr const char* kMcMagic = "# chokepoint-mc v1";
inline constexpr const char* kMcShardMagic = "# chokepoint-mc-shard v1";

// `range` limits the months written. Statistics are per month, so a shard written for a
// range merges to the statistics table written for that range, byte for byte.
void writeEnsembleCsv(std::ostream& out, const EnsembleResult& e, WriteRange range = {});
void writeEnsembleShard(std::ostream& out, const EnsembleResult& e, WriteRange range = {});
// `name` is used in messages ("shard1.csv:17: ...").
EnsembleResult readEnsembleShard(std::istream& in, const std::string& name);

}  // namespace cp
