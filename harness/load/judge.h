// Judging a load run: each threshold's statistic measured and compared
// (k6's thresholds), and the invariants that say nothing was lost or done
// twice, checked against the world's own counts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "harness/load/flows.h"
#include "harness/load/population.h"
#include "harness/load/profile.h"
#include "reports/load/load_result.h"
#include "sim/world_control.h"

namespace tiersim::harness::load {

// The statistic a threshold names, as measured; nullopt when the metric
// recorded nothing (a threshold on it then fails: no data is no proof).
std::optional<double> Measure(const Threshold& t, const reports::LoadResult& r);

// Judges every threshold into r.thresholds.
void JudgeThresholds(const LoadProfile& profile, reports::LoadResult& r);

// For EngineOptions::abort_check: the text of the first abort_on_fail
// threshold that fails on what was measured so far (after its
// delay_abort_eval), or "".
std::string AbortReason(const LoadProfile& profile,
                        const reports::LoadResult& so_far);

// The invariants, from the world's counts before and after the run and
// what the engine believes it did (r.succeeded), into r.invariants. Not
// checked when a flow is a scenario template (its steps are actions).
void CheckInvariants(const sim::WorldControl::WorldCounts& before,
                     const sim::WorldControl::WorldCounts& after,
                     const LoadProfile& profile, reports::LoadResult& r);

// No two orders share an ID; every customer the flows created belongs to
// the reseller it was created for (asked of the world, as its provider
// sees it: up to `sample` of them, evenly spread).
void CheckCreations(const FlowEnv& env, sim::Client& client,
                    reports::LoadResult& r, std::size_t sample = 1000);

}  // namespace tiersim::harness::load
