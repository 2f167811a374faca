// The inline-SVG charts of a load run's HTML report (internal to
// reports/load/, for load_html.cc): the latency histogram, latency over
// time, throughput, active virtual users and errors by code. No script, no
// ids, no external references; coordinates are never NaN or inf.
#pragma once

#include <string>

#include "reports/load/load_result.h"

namespace tiersim::reports {

// The report's "Charts" section: its <h2>, then the five charts as inline
// <svg>, each one a "no data" placeholder when it has nothing to draw.
std::string LoadChartsHtml(const LoadResult& r);

}  // namespace tiersim::reports
