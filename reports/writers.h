// Report writers: turn a RunResult into what people and CI read.
//
//   console  readable on a terminal; colour when asked (the CLI asks unless
//            NO_COLOR is set or stdout is not a TTY)
//   JSON     documented in docs/report-json.md; byte-identical for the same
//            input and seed apart from the wall-clock fields (wall_*)
//   JUnit    XML: a <testsuite> per scenario file, a <testcase> per scenario,
//            the seed as a property, failure messages
//   HTML     one self-contained file (inline CSS and SVG, no CDN): outcomes,
//            per-step timing, a sequence diagram per scenario in virtual time
//
// Writers are pure: they only format. Heavy libraries (nlohmann) stay in the
// .cc files.
#pragma once

#include <ostream>
#include <string>

#include "reports/run_result.h"

namespace tiersim::reports {

struct ConsoleStyle {
  bool color = false;
  bool verbose = false;  // every step, not only failures
  // Journal lines shown around a failing step (before and after it).
  int journal_context = 6;
};

// One scenario as it finishes: a line with the verdict, and for a failure
// the step, expected vs actual, and the journal lines around it.
void WriteConsoleScenario(const ScenarioResult& scenario,
                          const ConsoleStyle& style, std::ostream& out);
// The closing summary: counts, failed scenarios with their file, seed and a
// `tiersim run FILE --seed N` hint, wall time. Its last line is always
// "<passed> passed, <failed> failed" without colour, for CI to match; there
// errored scenarios count as failed.
void WriteConsoleSummary(const RunResult& run, const ConsoleStyle& style,
                         std::ostream& out);

std::string ToJson(const RunResult& run);
std::string ToJUnitXml(const RunResult& run);
std::string ToHtml(const RunResult& run);

}  // namespace tiersim::reports
