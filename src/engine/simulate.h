// One deterministic run of a scenario, month by month: the steps and equations of
// src/engine/README.md "One month t, in order" (code: sim.h and sim_*.cpp).
//
//   Results r = simulate(scenario);                     // deterministic (modes)
//   Results r = simulate(scenario, {.uncertain = draw}); // one Monte Carlo member
//   (many members of one scenario: a Simulator, simulator.h, keeps its buffers between them)
//   RunOptions o; o.trace_company = s.findCompany("bytedance"); o.trace_month = 2025*12+5;
//   simulate(scenario, o).trace;                        // the options it weighed that month
//   RunOptions few; few.record = parseSeriesSelection("bloc/china/frontier_gap_months");
//   simulate(scenario, few);  // only that series, bit-identical to the full run's
#pragma once
#include <span>

#include "engine/results.h"
#include "engine/scenario.h"
#include "engine/series_select.h"

namespace cp {

struct RunOptions {
  std::span<const double> uncertain;  // sampled values; empty = deterministic
  int trace_company = -1;             // record the options of this company ...
  int trace_month = -1;               // ... in this absolute month
  bool check = false;                 // check conservation invariants every month
  bool stop_at_first_violation = true;
  // The series to record (empty = all). The run allocates and writes only these, in the
  // order of a full run, and skips the recording work no chosen series needs; the values
  // are bit-identical to the same series of a full run (selectSeries of it).
  SeriesSelection record;
};

Results simulate(const Scenario& s, const RunOptions& options = {});

}  // namespace cp
