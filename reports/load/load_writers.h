// Writers for LoadResult (docs/load-report-json.md for the JSON):
//   console  k6's end-of-test summary: per flow and operation the count,
//            rate, p50/p90/p99/p99.9/max and errors; thresholds and
//            invariants with ✓/✗; the generator's own CPU
//   JSON     everything, histograms as sparse buckets so shards merge
//            exactly (ReadLoadJson / MergeLoadResults)
// Pure formatting; nlohmann stays in the .cc files.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "reports/load/load_result.h"

namespace tiersim::reports {

void WriteLoadSummary(const LoadResult& r, bool color, std::ostream& out);
void WriteLoadJson(const LoadResult& r, std::ostream& out);

// "1.23ms", "850ns", "2.50s".
std::string FormatNs(double ns);

}  // namespace tiersim::reports

namespace tiersim::reports {
// JUnit XML: one testsuite for the run, a testcase per threshold and per
// invariant (failures with the measured value), the seed as a property.
void WriteLoadJunit(const LoadResult& r, std::ostream& out);
// One self-contained HTML page (inline CSS and SVG charts, no script).
void WriteLoadHtml(const LoadResult& r, std::ostream& out);
}  // namespace tiersim::reports
