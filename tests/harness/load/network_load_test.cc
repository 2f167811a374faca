// `tiersim load --transport http`: the same profile and seed give the same
// counts over real HTTP as in process; two shard processes driving one
// served world merge to what one process does; --threads splits and merges
// the run; a target that is not there is refused at once.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "harness/load/merge.h"
#include "harness/load/net/run_network.h"
#include "harness/load/profile_loader.h"
#include "harness/load/run_load.h"
#include "mocks/serve/served_world.h"
#include "reports/load/load_json_reader.h"
#include "reports/load/load_writers.h"

namespace tiersim::harness::load::net {
namespace {

using reports::LoadResult;

const char kProfile[] = R"({
  "name": "over the network", "seed": 23,
  "population": {"providers": 4, "resellers_per_provider": 2,
                 "customers_per_reseller": 3, "users": {"admin_agent": 1},
                 "offers": {"o365-e3": 1, "m365-e3": 1}},
  "flows": {"invite": {"flow": "invitation", "weight": 2},
            "create": {"flow": "customer_creation"},
            "order": {"flow": "order", "lines": 2, "as": "admin_agent"},
            "support": {"flow": "support_contact"}},
  "model": {"type": "closed", "vus": 4, "iterations": 120},
  "thresholds": {"errors.rate": "< 0.1%", "order.count": "> 0"}
})";

LoadProfile Profile(std::uint64_t shards = 1) {
  ProfileLoad r = LoadProfileText("network_load_test.json", kProfile, shards);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? ""
                                           : FormatDiagnostic(r.errors[0]));
  return r.profile;
}

std::map<std::string, std::uint64_t> CountsOf(
    const std::vector<reports::MetricResult>& metrics) {
  std::map<std::string, std::uint64_t> counts;
  for (const auto& m : metrics) counts[m.name] = m.count();
  return counts;
}

void ExpectAllHeld(const LoadResult& r) {
  EXPECT_FALSE(r.invariants.empty());
  for (const auto& i : r.invariants) {
    EXPECT_TRUE(i.passed) << i.name << ": " << i.detail;
  }
  for (const auto& t : r.thresholds) {
    EXPECT_TRUE(t.passed) << t.text << " measured " << t.shown;
  }
  EXPECT_EQ(r.failed_iterations, 0u);
}

LoadResult ThroughJson(const LoadResult& r) {
  std::ostringstream out;
  reports::WriteLoadJson(r, out);
  std::string error;
  auto back = reports::ReadLoadJson(out.str(), error);
  EXPECT_TRUE(back.has_value()) << error;
  return back.value_or(LoadResult{});
}

TEST(NetworkLoadTest, OverHttpTheCountsAreThoseOfTheInProcessRun) {
  auto in_process = RunLoadInProcess(Profile());
  ASSERT_TRUE(in_process.ok()) << in_process.status().ToString();
  auto network = RunLoadOverNetwork(Profile(), {}, {});
  ASSERT_TRUE(network.ok()) << network.status().ToString();
  EXPECT_EQ(network->transport, "http");
  EXPECT_EQ(network->iterations, 120u);
  EXPECT_EQ(network->iterations, in_process->iterations);
  EXPECT_EQ(CountsOf(network->flows), CountsOf(in_process->flows));
  EXPECT_EQ(CountsOf(network->operations), CountsOf(in_process->operations));
  EXPECT_EQ(network->succeeded, in_process->succeeded);
  EXPECT_EQ(network->population_made, in_process->population_made);
  ExpectAllHeld(*network);
  // The latencies are real round trips: far above the in-process ones.
  EXPECT_GT(network->flows[0].latency.Percentile(50), 0u);
}

TEST(NetworkLoadTest, TwoShardProcessesOnOneServeMergeToOneProcessRun) {
  mocks::ServedWorld world({.seed = 23, .http_threads = 2});
  ASSERT_TRUE(world.Start().ok());
  const std::string url = world.partner_center_url();
  std::vector<LoadResult> shards(2);
  std::vector<std::thread> processes;
  for (std::uint64_t i = 0; i < 2; ++i) {
    processes.emplace_back([&shards, &url, i] {
      EngineOptions o;
      o.shard = i;
      o.shards = 2;
      auto r = RunLoadOverNetwork(Profile(2), o, {.target = url});
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      if (r.ok()) shards[i] = ThroughJson(*r);
    });
  }
  for (auto& p : processes) p.join();
  for (const LoadResult& s : shards) {
    EXPECT_TRUE(s.shared_server);
    EXPECT_EQ(s.target, url);
  }
  auto merged = MergeShards(shards, {"a.json", "b.json"});
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  auto one = RunLoadOverNetwork(Profile(), {}, {});
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(merged->iterations, one->iterations);
  EXPECT_EQ(CountsOf(merged->flows), CountsOf(one->flows));
  EXPECT_EQ(CountsOf(merged->operations), CountsOf(one->operations));
  EXPECT_EQ(merged->succeeded, one->succeeded);
  EXPECT_EQ(merged->population_made, one->population_made);
  // The served world's counts grew by what the two shards made together.
  std::map<std::string, std::int64_t> grew_merged, grew_one;
  for (const auto& [k, v] : merged->world_after) {
    grew_merged[k] = v - merged->world_initial[k];
  }
  for (const auto& [k, v] : one->world_after) {
    grew_one[k] = v - one->world_initial[k];
  }
  EXPECT_EQ(grew_merged, grew_one);
  ExpectAllHeld(*merged);
}

TEST(NetworkLoadTest, ThreadsSplitTheRunAndMergeItBack) {
  auto one = RunLoadOverNetwork(Profile(), {}, {});
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  auto two = RunLoadOverNetwork(Profile(), {}, {.threads = 2});
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(two->shard, 0);
  EXPECT_EQ(two->shards, 1);
  EXPECT_EQ(two->iterations, one->iterations);
  EXPECT_EQ(CountsOf(two->flows), CountsOf(one->flows));
  EXPECT_EQ(two->succeeded, one->succeeded);
  ExpectAllHeld(*two);
}

TEST(NetworkLoadTest, MoreThreadsThanProvidersAreRefused) {
  auto r = RunLoadOverNetwork(Profile(), {}, {.threads = 5});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), sim::ErrorCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("population.providers is 4"),
            std::string::npos)
      << r.status().message();
}

TEST(NetworkLoadTest, ATargetThatIsNotThereIsUnavailableAtOnce) {
  const auto before = std::chrono::steady_clock::now();
  auto r = RunLoadOverNetwork(Profile(), {}, {.target = "http://127.0.0.1:9"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), sim::ErrorCode::kUnavailable);
  EXPECT_NE(r.status().message().find("127.0.0.1:9"), std::string::npos)
      << r.status().message();
  EXPECT_LT(std::chrono::steady_clock::now() - before,
            std::chrono::seconds(10));
}

}  // namespace
}  // namespace tiersim::harness::load::net
