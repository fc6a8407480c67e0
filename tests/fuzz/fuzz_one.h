// One fuzz input: arbitrary bytes -> scenario loader -> random lever values -> a short
// run with the invariant checker on. Shared by the libFuzzer target and by the
// regression test that replays the corpus on every `tools/test.sh`.
//
// Input layout: JSON text, optionally followed by a NUL byte and lever bytes (pairs:
// which lever, which value).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace cp::fuzz {

// Returns normally for any input; aborts (a finding) when a run breaks an invariant or
// produces a non-finite number. `base_dir` resolves `extends`.
void fuzzOne(const std::uint8_t* data, std::size_t size, const std::string& base_dir);

}  // namespace cp::fuzz
