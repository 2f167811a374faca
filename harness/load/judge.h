// Judging a load run: each threshold's statistic measured and compared
// (k6's thresholds), and the invariants that say nothing was lost or done
// twice, checked against the world's own counts.
#pragma once

#include <map>
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

// One threshold judged on r.
reports::ThresholdResult Judge(const Threshold& t,
                               const reports::LoadResult& r);
// Judges every threshold into r.thresholds.
void JudgeThresholds(const LoadProfile& profile, reports::LoadResult& r);

// For EngineOptions::abort_check: the text of the first abort_on_fail
// threshold that fails on what was measured so far (after its
// delay_abort_eval), or "".
std::string AbortReason(const LoadProfile& profile,
                        const reports::LoadResult& so_far);

// The world's counts by name ("orders", "invitations", "emails", ...), as
// LoadResult carries them.
std::map<std::string, std::int64_t> CountsByName(
    const sim::WorldControl::WorldCounts& c);

// What building `plan`'s population adds to those counts (each customer
// comes with one order and one subscription; partnerships are seeded, so
// no invitation or email).
std::map<std::string, std::int64_t> PopulationMade(const PopulationPlan& plan);

// What the world made during the load, from r's world counts: after less
// before for one process; for shards sharing one server (r merged from
// them), the latest "after" less the earliest "initial" less what every
// shard's population made.
std::map<std::string, std::int64_t> WorldMade(const reports::LoadResult& r,
                                              bool shared_target);

// The population is what its plan says: the world's counts grew by
// r.population_made while it was built (one process, or one shard alone).
void CheckPopulationMade(reports::LoadResult& r);

// The invariants, from what the world made and what the engine believes it
// did (r.succeeded), into r.invariants. Not checked when r carries no world
// counts (a flow is a scenario template: its steps are actions).
void CheckInvariants(const std::map<std::string, std::int64_t>& world_made,
                     reports::LoadResult& r);

// No two orders share an ID; every customer the flows created belongs to
// the reseller it was created for (asked of the world, as its provider
// sees it: up to `sample` of them, evenly spread).
void CheckCreations(const FlowEnv& env, sim::Client& client,
                    reports::LoadResult& r, std::size_t sample = 1000);

}  // namespace tiersim::harness::load
