// Heap use of the benchmark process: bench_main.cpp replaces the global operator new and
// delete to count live bytes and their peak. A benchmark resets the peak to the live bytes
// before a run and reads how far above that the run went.
#pragma once

#include <cstddef>

namespace cp::bench {

std::size_t liveHeapBytes();
// Starts a new peak at the bytes live now; peakHeapBytesSinceReset() - that = the peak
// allocation of what ran in between.
void resetHeapPeak();
std::size_t peakHeapBytesSinceReset();

}  // namespace cp::bench
