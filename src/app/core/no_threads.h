// The browser build (WebAssembly without -pthread) has no threads. Its simulation runs
// happen on the main thread between frames, one run a step (a run takes milliseconds);
// uncertainty ensembles and the Explain and Sensitivity analyses run in slices between
// frames (task_runner.h; RunWorker, EnsembleWorker and AnalysisWorker::setSliced).
#pragma once

namespace cp::app {

#ifdef __EMSCRIPTEN__
inline constexpr bool kHasThreads = false;
#else
inline constexpr bool kHasThreads = true;
#endif

}  // namespace cp::app
