// Reading a load run's JSON report (docs/load-report-json.md) back into a
// LoadResult, for `tiersim load merge`: the histograms come back bucket by
// bucket, so merged shards are exact.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "reports/load/load_result.h"

namespace tiersim::reports {

// The result the text describes, or nullopt with `error` saying what is
// wrong and where ("flows[2].latency.buckets[0]: bucket 99999 is past the
// last one (4863)").
std::optional<LoadResult> ReadLoadJson(std::string_view text,
                                       std::string& error);

}  // namespace tiersim::reports
