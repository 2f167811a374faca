#include "harness/load/run_load.h"

#include <sys/resource.h>
#include <unistd.h>

#include <ctime>
#include <fstream>

#include "harness/load/judge.h"
#include "harness/load/population.h"
#include "harness/transport/in_process_client.h"
#include "mocks/world/in_process_control.h"
#include "mocks/world/in_process_world.h"

namespace tiersim::harness::load {
namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_THREAD, &u);  // the engine's thread: not a server's
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::uint64_t RssBytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

std::string NowIso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t)
      .count();
}

}  // namespace

sim::Result<reports::LoadResult> RunLoadInProcess(
    const LoadProfile& profile, EngineOptions options,
    std::vector<std::string>* journal) {
  mocks::InProcessWorld world({.seed = profile.seed});
  InProcessClient client(world);
  mocks::InProcessControl control(world);
  InProcessTransport transport(client, control);
  return RunLoadOn(profile, std::move(options), {.transport = transport},
                   journal);
}

sim::Result<reports::LoadResult> RunLoadOn(const LoadProfile& profile,
                                           EngineOptions options,
                                           const LoadSetup& setup,
                                           std::vector<std::string>* journal) {
  reports::LoadResult result;
  result.file = profile.file;
  result.name = profile.name;
  result.description = profile.description;
  result.seed = profile.seed;
  result.transport = setup.transport_name;
  result.target = setup.target;
  result.shared_server = setup.shared;
  result.started_at = NowIso();
  result.model = DescribeModel(profile.model);
  result.rss_start_bytes = RssBytes();
  LoadTransport& transport = setup.transport;
  sim::Client& client = transport.client();
  sim::WorldControl& control = transport.control();

  if (options.shards > 1 &&
      static_cast<std::uint64_t>(profile.population.providers) <
          options.shards) {
    return sim::Error(
        sim::ErrorCode::kInvalidArgument,
        "a population of " + std::to_string(profile.population.providers) +
            " provider(s) cannot be split into " +
            std::to_string(options.shards) +
            " shards: each shard takes every N-th provider with its "
            "resellers and customers; give population.providers at least " +
            std::to_string(options.shards));
  }
  const PopulationPlan plan =
      PlanPopulation(profile, options.shard, options.shards);
  result.shard = static_cast<int>(options.shard);
  result.shards = static_cast<int>(options.shards);
  const bool world_counts = !HasScenarioFlow(profile);
  TIERSIM_ASSIGN_OR_RETURN(sim::WorldControl::WorldCounts initial,
                           control.Counts());
  const auto built_at = std::chrono::steady_clock::now();
  TIERSIM_ASSIGN_OR_RETURN(Population population,
                           BuildPopulation(profile, plan, client, control));
  result.population_seconds = Since(built_at);
  result.population = {{"providers", plan.providers},
                       {"resellers", plan.resellers()},
                       {"customers", plan.customers()},
                       {"invitees", plan.invitees},
                       {"prospects", plan.prospects}};
  TIERSIM_ASSIGN_OR_RETURN(sim::WorldControl::WorldCounts before,
                           control.Counts());
  if (world_counts) {
    result.world_initial = CountsByName(initial);
    result.world_before = CountsByName(before);
    result.population_made = PopulationMade(plan);
  }

  if (!options.abort_check) {
    options.abort_check = [&profile](const reports::LoadResult& so_far) {
      return AbortReason(profile, so_far);
    };
  }
  const double cpu_before = CpuSeconds();
  const auto wall_before = std::chrono::steady_clock::now();
  Engine engine(profile, population, transport, std::move(options));
  TIERSIM_RETURN_IF_ERROR(engine.Run(result));
  const double wall = Since(wall_before);
  result.generator_cpu_seconds = CpuSeconds() - cpu_before;
  result.generator_cpu_percent =
      wall > 0 ? 100.0 * result.generator_cpu_seconds / wall : 0;
  // In process the generator and the core share the one thread, which is
  // busy by design: saturation says nothing there. Over the network a
  // generator thread above 90% of a core delays its own requests.
  result.generator_saturated =
      setup.warn_saturation && result.generator_cpu_percent > 90;
  result.rss_end_bytes = RssBytes();

  auto after = control.Counts();
  if (!after.ok()) {
    result.invariants.push_back(
        {"the world's counts can be read", false, after.status().ToString()});
  } else if (world_counts) {
    result.world_after = CountsByName(*after);
    // A server other generators drive at the same time: its counts are
    // the union's, judged when the shards are merged.
    if (!setup.shared) {
      CheckPopulationMade(result);
      CheckInvariants(WorldMade(result, /*shared_target=*/false), result);
    }
  }
  CheckCreations(engine.env(), client, result);
  JudgeThresholds(profile, result);
  for (std::size_t from = 0; journal != nullptr;) {
    TIERSIM_ASSIGN_OR_RETURN(sim::WorldControl::JournalPage page,
                             control.Journal(from));
    for (const auto& line : page.lines) journal->push_back(line.text);
    if (page.next >= page.size || page.next == from) break;
    from = page.next;
  }
  return result;
}

}  // namespace tiersim::harness::load
