// A load run over the network (`tiersim load --transport http`): against
// the servers at --target, or against servers started here on ephemeral
// ports (seeded with the profile's seed). With `threads` > 1 the run is
// split into that many slices of the population and of the arrival rate,
// each on its own thread with its own event loop, connections and tokens,
// and the slices are merged exactly (MergeShards) into one result.
#pragma once

#include <cstddef>
#include <string>

#include "harness/load/engine.h"
#include "harness/load/profile.h"
#include "reports/load/load_result.h"

namespace tiersim::harness::load::net {

struct NetworkRunOptions {
  std::string target;  // a Partner Center URL; empty: start servers here
  std::size_t threads = 1;
  // Keep-alive connections per server and thread; 0: the profile's most
  // virtual users at once (at least 1, at most 1024).
  std::size_t max_connections = 0;
};

// kUnavailable when the servers cannot be started or reached,
// kInvalidArgument when the population cannot be split `threads` ways.
sim::Result<reports::LoadResult> RunLoadOverNetwork(
    const LoadProfile& profile, EngineOptions options,
    const NetworkRunOptions& network);

}  // namespace tiersim::harness::load::net
