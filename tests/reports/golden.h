// Golden-file comparison for the report writers' tests. The golden files
// live in tests/reports/golden/ (TIERSIM_GOLDEN_DIR). To regenerate them
// after an intended change, run the tests with TIERSIM_UPDATE_GOLDEN=1 and
// review the diff before committing:
//   TIERSIM_UPDATE_GOLDEN=1 ctest --preset dev -R MatchesGolden
#pragma once

#include <string>

namespace tiersim::reports::testing {

std::string GoldenPath(const std::string& name);
std::string ReadFile(const std::string& path);

// Compares `actual` with the golden file `name` (a gtest failure when they
// differ, and the actual text written next to the test binary as
// <name>.actual for diffing), or rewrites the golden file when
// TIERSIM_UPDATE_GOLDEN=1.
void ExpectGolden(const std::string& name, const std::string& actual);

}  // namespace tiersim::reports::testing
