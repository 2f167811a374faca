// A small RunResult built by hand, the input of the writers' golden tests:
// a passing scenario, a failing one (journal lines, a refused request, a
// skipped step, markup characters and a control character in its text), an
// error and a skipped scenario in a second file with different seeds.
#pragma once

#include <string>

#include "reports/run_result.h"

namespace tiersim::reports::testing {

// A URL that appears in the sample's user text (a journal line and a note).
inline constexpr char kUserUrl[] =
    "https://portal.tiersim.test/invitations/ab12?x=1&y=<2>";

RunResult SampleRun();

}  // namespace tiersim::reports::testing
