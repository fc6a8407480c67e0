// Simulator: one sim::Sim kept between runs (sim_setup.cpp: layout once, startRun each run).
#include "engine/simulator.h"

#include "engine/sim.h"

namespace cp {

struct Simulator::State {
  State(const Scenario& s, const RunOptions& o) : options(o), sim(s, options, text) {}
  RunOptions options;  // the Sim keeps references to these two
  Text text;
  sim::Sim sim;
};

namespace {
RunOptions withoutDraws(RunOptions o) {
  o.uncertain = {};  // each run() brings its own
  return o;
}
}  // namespace

Simulator::Simulator(const Scenario& s, const RunOptions& options)
    : state_(std::make_unique<State>(s, withoutDraws(options))) {}
Simulator::~Simulator() = default;
Simulator::Simulator(Simulator&&) noexcept = default;
Simulator& Simulator::operator=(Simulator&&) noexcept = default;

const Results& Simulator::run(std::span<const double> uncertain) { return state_->sim.rerun(uncertain); }

}  // namespace cp
