// A simulator kept for run after run of one scenario with other uncertain values (Monte
// Carlo members): it keeps its state buffers, the results' series (keys built once, values
// overwritten) and its scratch, and resets every piece of run state at the start of a run.
// Each run is bit-identical to simulate() with the same options and values, in any order.
//
//   Simulator sim(scenario, options);         // options.uncertain is not used
//   for (int run = 0; run < n; ++run) {
//     const Results& r = sim.run(sampleUncertain(scenario, seed, run));
//     ...                                     // r is valid until the next run()
//   }
//
// The scenario must outlive the simulator. One simulator a thread: a run writes its state.
#pragma once
#include <memory>
#include <span>

#include "engine/results.h"
#include "engine/scenario.h"
#include "engine/simulate.h"

namespace cp {

namespace sim {
class Sim;
}

class Simulator {
 public:
  explicit Simulator(const Scenario& s, const RunOptions& options = {});
  ~Simulator();
  Simulator(Simulator&&) noexcept;
  Simulator& operator=(Simulator&&) noexcept;

  // One run with these sampled values (empty = deterministic; missing ones: deterministic).
  const Results& run(std::span<const double> uncertain = {});

 private:
  struct State;  // the options the simulation refers to, and the simulation
  std::unique_ptr<State> state_;
};

}  // namespace cp
