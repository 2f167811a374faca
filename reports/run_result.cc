#include "reports/run_result.h"

#include <algorithm>

namespace tiersim::reports {

const char* OutcomeLabel(Outcome o) {
  switch (o) {
    case Outcome::kPassed:
      return "PASS";
    case Outcome::kFailed:
      return "FAIL";
    case Outcome::kSkipped:
      return "SKIP";
    case Outcome::kError:
      return "ERROR";
  }
  return "?";
}

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kPassed:
      return "passed";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kSkipped:
      return "skipped";
    case Outcome::kError:
      return "error";
  }
  return "unknown";
}

int RunResult::Count(Outcome o) const {
  return static_cast<int>(
      std::count_if(scenarios.begin(), scenarios.end(),
                    [o](const ScenarioResult& s) { return s.outcome == o; }));
}

// Skipped scenarios do not fail a run, and neither does an empty one: the
// CLI decides separately whether "nothing matched the tag filter" is an error.
bool RunResult::AllPassed() const {
  return Count(Outcome::kFailed) == 0 && Count(Outcome::kError) == 0;
}

}  // namespace tiersim::reports
