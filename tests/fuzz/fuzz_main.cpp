// libFuzzer entry point (built only with -DCHOKEPOINT_FUZZ=ON and clang; see README).
#include <cstddef>
#include <cstdint>

#include "fuzz_one.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cp::fuzz::fuzzOne(data, size, CHOKEPOINT_FUZZ_BASE_DIR);
  return 0;
}
