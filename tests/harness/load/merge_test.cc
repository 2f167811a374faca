// Shards and their merge: N in-process shards of a profile, merged from
// their JSON files, add up to one process's run of the same profile and
// seed; the merge refuses what is not the N shards of one run.
#include "harness/load/merge.h"

#include <gtest/gtest.h>

#include <sstream>

#include "harness/load/profile_loader.h"
#include "harness/load/run_load.h"
#include "reports/load/load_json_reader.h"
#include "reports/load/load_writers.h"

namespace tiersim::harness::load {
namespace {

using reports::LoadResult;

const char kProfile[] = R"({
  "name": "sharded", "seed": 11,
  "population": {"providers": 4, "resellers_per_provider": 3,
                 "customers_per_reseller": 5, "users": {"admin_agent": 1},
                 "offers": {"o365-e3": 1, "m365-e3": 2}},
  "flows": {"invite": {"flow": "invitation", "weight": 2},
            "create": {"flow": "customer_creation"},
            "order": {"flow": "order", "lines": 2, "as": "admin_agent"},
            "support": {"flow": "support_contact"}},
  "model": {"type": "closed", "vus": 4, "iterations": 400},
  "thresholds": {"errors.rate": "< 0.1%", "order.count": "> 0",
                 "invite.p99": "< 10s"}
})";

LoadProfile Profile(const std::string& text, std::uint64_t shards = 1) {
  ProfileLoad r = LoadProfileText("merge_test.json", text, shards);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? ""
                                           : FormatDiagnostic(r.errors[0]));
  return r.profile;
}

LoadResult RunShard(std::uint64_t shard, std::uint64_t shards) {
  EngineOptions options;
  options.shard = shard;
  options.shards = shards;
  auto r = RunLoadInProcess(Profile(kProfile, shards), options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : LoadResult{};
}

// Through the JSON file and back, as `tiersim load merge` reads it.
LoadResult ThroughJson(const LoadResult& r) {
  std::ostringstream out;
  reports::WriteLoadJson(r, out);
  std::string error;
  auto back = reports::ReadLoadJson(out.str(), error);
  EXPECT_TRUE(back.has_value()) << error;
  return back.value_or(LoadResult{});
}

std::map<std::string, std::uint64_t> CountsOf(
    const std::vector<reports::MetricResult>& metrics) {
  std::map<std::string, std::uint64_t> counts;
  for (const auto& m : metrics) counts[m.name] = m.count();
  return counts;
}

TEST(LoadJsonReaderTest, WhatIsWrittenReadsBackAndWritesTheSameText) {
  const LoadResult r = RunShard(0, 1);
  std::ostringstream first, second;
  reports::WriteLoadJson(r, first);
  std::string error;
  auto back = reports::ReadLoadJson(first.str(), error);
  ASSERT_TRUE(back.has_value()) << error;
  reports::WriteLoadJson(*back, second);
  EXPECT_EQ(first.str(), second.str());
  EXPECT_EQ(back->flows.size(), r.flows.size());
  EXPECT_EQ(back->world_after, r.world_after);
}

TEST(LoadJsonReaderTest, ABadFileIsRefusedNamingWhere) {
  std::string error;
  EXPECT_FALSE(reports::ReadLoadJson("{\"format\": \"other/1\"}", error));
  EXPECT_NE(error.find("tiersim-load/1"), std::string::npos) << error;
  EXPECT_FALSE(reports::ReadLoadJson("{not json", error));
  EXPECT_FALSE(error.empty());

  std::ostringstream out;
  reports::WriteLoadJson(RunShard(0, 1), out);
  std::string text = out.str();
  // A bucket index past the last one: the histogram cannot hold it.
  const auto at = text.find('[', text.find("\"buckets\":"));
  ASSERT_NE(at, std::string::npos);
  text.insert(at + 1, "[99999999, 1],");
  EXPECT_FALSE(reports::ReadLoadJson(text, error));
  EXPECT_NE(error.find("buckets"), std::string::npos) << error;
}

TEST(LoadMergeTest, FourShardsMergedEqualOneProcessOfTheSameSeed) {
  const LoadResult whole = RunShard(0, 1);
  std::vector<LoadResult> shards;
  std::vector<std::string> files;
  for (std::uint64_t i = 0; i < 4; ++i) {
    shards.push_back(ThroughJson(RunShard(i, 4)));
    files.push_back("shard-" + std::to_string(i) + ".json");
    EXPECT_GT(shards.back().iterations, 0u);
    EXPECT_LT(shards.back().iterations, whole.iterations);
  }
  auto merged = MergeShards(shards, files);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->shard, -1);
  EXPECT_EQ(merged->shards, 4);
  EXPECT_EQ(merged->iterations, whole.iterations);
  EXPECT_EQ(merged->failed_iterations, whole.failed_iterations);
  EXPECT_EQ(CountsOf(merged->flows), CountsOf(whole.flows));
  EXPECT_EQ(CountsOf(merged->operations), CountsOf(whole.operations));
  EXPECT_EQ(merged->succeeded, whole.succeeded);
  EXPECT_EQ(merged->population, whole.population);
  // Each shard built its own world: the merged world is their sum.
  EXPECT_EQ(merged->world_after, whole.world_after);
  ASSERT_EQ(merged->invariants.size(), whole.invariants.size());
  for (const auto& i : merged->invariants)
    EXPECT_TRUE(i.passed) << i.name << ": " << i.detail;
  ASSERT_EQ(merged->thresholds.size(), whole.thresholds.size());
  for (std::size_t i = 0; i < whole.thresholds.size(); ++i) {
    EXPECT_EQ(merged->thresholds[i].text, whole.thresholds[i].text);
    EXPECT_TRUE(merged->thresholds[i].passed) << merged->thresholds[i].text;
  }
  // The histograms add: the merged count of a flow is the shards' sum.
  std::uint64_t invites = 0;
  for (const auto& s : shards) invites += CountsOf(s.flows)["invite"];
  EXPECT_EQ(CountsOf(merged->flows)["invite"], invites);
  EXPECT_EQ(merged->ExitCode(), 0);
}

TEST(LoadMergeTest, AMergedInvariantFailsWhenAShardsWorldDisagrees) {
  std::vector<LoadResult> shards = {ThroughJson(RunShard(0, 2)),
                                    ThroughJson(RunShard(1, 2))};
  // One shard's world lost an order its engine believes it made.
  ASSERT_GT(shards[1].world_after["orders"], 0);
  shards[1].world_after["orders"] -= 1;
  auto merged = MergeShards(shards, {"a.json", "b.json"});
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  bool failed = false;
  for (const auto& i : merged->invariants) failed |= !i.passed;
  EXPECT_TRUE(failed);
  EXPECT_EQ(merged->ExitCode(), 1);
}

TEST(LoadMergeTest, WhatIsNotTheShardsOfOneRunIsRefused) {
  const LoadResult a = ThroughJson(RunShard(0, 2));
  const LoadResult b = ThroughJson(RunShard(1, 2));
  // A shard missing.
  auto missing = MergeShards({a}, {"a.json"});
  EXPECT_FALSE(missing.ok());
  // The same shard twice.
  auto twice = MergeShards({a, a}, {"a.json", "a2.json"});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().ToString().find("a2.json"), std::string::npos)
      << twice.status().ToString();
  // Another seed.
  LoadResult other = b;
  other.seed += 1;
  auto seeds = MergeShards({a, other}, {"a.json", "b.json"});
  ASSERT_FALSE(seeds.ok());
  EXPECT_NE(seeds.status().ToString().find("seed"), std::string::npos)
      << seeds.status().ToString();
  // Nothing to merge.
  EXPECT_FALSE(MergeShards({}, {}).ok());
  EXPECT_TRUE(MergeShards({a, b}, {"a.json", "b.json"}).ok());
}

TEST(LoadShardTest, MoreShardsThanProvidersIsRefused) {
  EngineOptions options;
  options.shard = 0;
  options.shards = 5;
  auto r = RunLoadInProcess(Profile(kProfile), options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("providers"), std::string::npos)
      << r.status().ToString();
}

}  // namespace
}  // namespace tiersim::harness::load
