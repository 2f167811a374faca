// A whole load run in process (and, for any transport, RunLoadOn): the world
// built from the profile's seed, the population, the engine, then the
// invariants and thresholds judged. `tiersim load` and the tests call it.
#pragma once

#include <string>
#include <vector>

#include "harness/load/engine.h"
#include "harness/load/profile.h"
#include "reports/load/load_result.h"

namespace tiersim::harness::load {

// Runs `profile`; an error when the population cannot be built or a flow
// cannot run in process. `options` carries the interrupt flag and the
// progress line; abort_check is filled from the profile's thresholds.
// With `journal`, the world's journal lines are copied there at the end
// (virtual time only: the same profile and seed give the same lines).
sim::Result<reports::LoadResult> RunLoadInProcess(
    const LoadProfile& profile, EngineOptions options = {},
    std::vector<std::string>* journal = nullptr);

// Where a run goes: its transport (client() builds the population,
// control() reads the world's counts) and how it is reported.
struct LoadSetup {
  LoadTransport& transport;
  std::string transport_name = "in-process";
  std::string target;  // the Partner Center URL, over the network
  // Other generators drive the same server meanwhile (shards, --threads):
  // the world's counts are judged on the union, when merged.
  bool shared = false;
  bool warn_saturation = false;  // the generator shares no thread
};

// The run itself, on any transport (RunLoadInProcess and the network
// run call it).
sim::Result<reports::LoadResult> RunLoadOn(
    const LoadProfile& profile, EngineOptions options, const LoadSetup& setup,
    std::vector<std::string>* journal = nullptr);

}  // namespace tiersim::harness::load
