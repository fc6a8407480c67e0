// The browser build (WebAssembly without -pthread) has no threads. Its simulation runs
// happen on the main thread between frames (a run takes milliseconds); uncertainty
// ensembles run in slices (EnsembleWorker::setSliced); Explain and Sensitivity are not
// offered there yet and say so.
#pragma once

#include "i18n/i18n.h"  // N_

namespace chokepoint::app {

#ifdef __EMSCRIPTEN__
inline constexpr bool kHasThreads = false;
#else
inline constexpr bool kHasThreads = true;
#endif

inline constexpr const char* kNeedsThreadsMessage =
    N_("not available in the browser build yet (it needs a background thread); "
       "use the desktop app or chokepoint-cli");

}  // namespace chokepoint::app
