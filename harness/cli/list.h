// `tiersim list`: the scenario vocabulary with one line of help each.
#pragma once

#include <ostream>
#include <string_view>

namespace tiersim::harness {

// `what` is "", "actions", "queries", "cast", "faults", "errors", "flows"
// or "operations";
// returns false for anything else.
bool PrintList(std::string_view what, std::ostream& out);

}  // namespace tiersim::harness
