// simulate(): one deterministic run. The simulator lives in sim.h and the sim_*.cpp files.
#include "engine/simulate.h"

#include "engine/sim.h"

namespace cp {

Results simulate(const Scenario& s, const RunOptions& options) { return simulate(s, options, Text{}); }

Results simulate(const Scenario& s, const RunOptions& options, const Text& text) {
  sim::Sim sim(s, options, text);
  return sim.run();
}

}  // namespace cp
