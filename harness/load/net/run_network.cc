#include "harness/load/net/run_network.h"

#include <algorithm>
#include <optional>
#include <thread>

#include "harness/load/merge.h"
#include "harness/load/net/network_transport.h"
#include "harness/load/run_load.h"
#include "harness/transport/network_client.h"
#include "mocks/serve/served_world.h"

namespace tiersim::harness::load::net {
namespace {

std::size_t MostVus(const ModelSpec& m) {
  std::int64_t most = m.max_vus;
  if (m.kind == ModelKind::kClosed) {
    most = 1;
    for (const Stage& s : m.stages) most = std::max(most, s.vus);
  }
  return static_cast<std::size_t>(std::clamp<std::int64_t>(most, 1, 1024));
}

// One thread's slice: its own client (tokens), transport and event loop.
sim::Result<reports::LoadResult> RunSlice(const LoadProfile& profile,
                                          EngineOptions options,
                                          const NetworkTarget& target,
                                          const NetworkRunOptions& network,
                                          bool shared) {
  NetworkClient client(target);
  NetworkTransportOptions t;
  t.max_connections = network.max_connections != 0 ? network.max_connections
                                                   : MostVus(profile.model);
  TIERSIM_ASSIGN_OR_RETURN(std::unique_ptr<NetworkLoadTransport> transport,
                           NetworkLoadTransport::Create(client, t));
  return RunLoadOn(profile, std::move(options),
                   {.transport = *transport,
                    .transport_name = "http",
                    .target = network.target,
                    .shared = shared,
                    .warn_saturation = true});
}

}  // namespace

sim::Result<reports::LoadResult> RunLoadOverNetwork(
    const LoadProfile& profile, EngineOptions options,
    const NetworkRunOptions& network) {
  std::unique_ptr<mocks::ServedWorld> world;
  NetworkTarget target;
  if (network.target.empty()) {
    world = std::make_unique<mocks::ServedWorld>(mocks::ServeOptions{
        .host = "127.0.0.1", .seed = profile.seed, .http_threads = 2});
    if (sim::Status s = world->Start(); !s.ok()) {
      return sim::Error(sim::ErrorCode::kUnavailable,
                        "cannot start the servers: " + s.message());
    }
    target = world->target();
  } else {
    auto found = DiscoverTarget(network.target);
    if (!found.ok()) {
      return sim::Error(sim::ErrorCode::kUnavailable,
                        "--target: " + found.status().message());
    }
    target = *found;
  }
  const std::size_t threads = std::max<std::size_t>(1, network.threads);
  const bool shared =
      threads > 1 || (options.shards > 1 && !network.target.empty());
  if (threads == 1) {
    return RunSlice(profile, std::move(options), target, network, shared);
  }
  const std::uint64_t slices = options.shards * threads;
  if (static_cast<std::uint64_t>(profile.population.providers) < slices) {
    return sim::Error(
        sim::ErrorCode::kInvalidArgument,
        "--threads " + std::to_string(threads) +
            (options.shards > 1
                 ? " × " + std::to_string(options.shards) + " shards"
                 : std::string()) +
            " splits the population into " + std::to_string(slices) +
            " slices, each with providers of its own; population.providers "
            "is " +
            std::to_string(profile.population.providers) + ": give at least " +
            std::to_string(slices) + " or fewer threads");
  }
  std::vector<std::optional<sim::Result<reports::LoadResult>>> ran(threads);
  std::vector<std::thread> workers;
  for (std::size_t k = 0; k < threads; ++k) {
    EngineOptions o;
    o.shard = options.shard * threads + k;
    o.shards = slices;
    o.interrupt = options.interrupt;
    o.drain = options.drain;
    if (k == 0) o.progress = options.progress;  // one line, thread 0's
    o.abort_check = options.abort_check;
    workers.emplace_back([&, k, o]() mutable {
      ran[k] = RunSlice(profile, std::move(o), target, network, shared);
    });
  }
  for (std::thread& w : workers) w.join();
  std::vector<reports::LoadResult> results;
  std::vector<std::string> names;
  for (std::size_t k = 0; k < threads; ++k) {
    if (!ran[k]->ok()) return ran[k]->status();
    reports::LoadResult r = std::move(**ran[k]);
    r.shard = static_cast<int>(k);  // merged as the slices of this process
    r.shards = static_cast<int>(threads);
    results.push_back(std::move(r));
    names.push_back("thread " + std::to_string(k));
  }
  TIERSIM_ASSIGN_OR_RETURN(reports::LoadResult merged,
                           MergeShards(results, names));
  merged.shard = static_cast<int>(options.shard);
  merged.shards = static_cast<int>(options.shards);
  // This process's slices are judged here, but other shards' work on the
  // same server is only in the union `tiersim load merge` makes.
  merged.shared_server = options.shards > 1 && !network.target.empty();
  return merged;
}

}  // namespace tiersim::harness::load::net
