// `tiersim load merge`: the JSON results of a run's N shards (--shard I/N,
// on several machines or pods) back into one result, exactly: histograms
// add bucket by bucket, the per-second series align by second, counts add,
// and thresholds and invariants are judged again on the union — the
// world's counts included, from the earliest and latest reading when the
// shards shared one server.
#pragma once

#include <string>
#include <vector>

#include "reports/load/load_result.h"
#include "sim/status.h"

namespace tiersim::harness::load {

// `results` are the shards' results, `files` where each was read (for
// messages). An error when they are not the N shards of one run: another
// profile, seed or model, a shard missing or given twice.
sim::Result<reports::LoadResult> MergeShards(
    const std::vector<reports::LoadResult>& results,
    const std::vector<std::string>& files);

}  // namespace tiersim::harness::load
