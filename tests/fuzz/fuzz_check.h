// What every libFuzzer target here asserts with: Check(cond) aborts (the
// fuzzer then saves the input as a crash) when a property does not hold.
// Unlike assert, it stays on in release builds.
#pragma once

#include <cstdlib>

namespace tiersim::fuzz {

inline void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace tiersim::fuzz
