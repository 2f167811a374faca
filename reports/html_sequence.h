// The sequence diagram of one scenario as inline SVG, for the HTML report
// (internal to reports/): a lifeline per participant, an arrow per
// Interaction in order, the virtual time at the left of each arrow.
#pragma once

#include <string>

#include "reports/run_result.h"

namespace tiersim::reports {

// "<svg ...>...</svg>", or an empty string when the scenario recorded no
// interactions. The SVG has no ids and no external references, so several
// can sit in one HTML document.
std::string SequenceSvg(const ScenarioResult& scenario);

}  // namespace tiersim::reports
