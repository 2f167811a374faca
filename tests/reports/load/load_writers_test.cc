// The load reports' writers: what a person and CI read from a LoadResult.
#include "reports/load/load_writers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace tiersim::reports {
namespace {

LoadResult Sample() {
  LoadResult r;
  r.file = "scenarios/load/ordering.json";
  r.name = "Ordering <throughput>";
  r.seed = 7;
  r.model = "open, 100/s for 10s";
  r.measured_seconds = 10;
  MetricResult order;
  order.name = "order";
  order.flow = true;
  for (std::uint64_t i = 1; i <= 1000; ++i) {
    order.latency.Record(i * 1000);
    order.service.Record(i * 100);
  }
  order.errors = 2;
  order.errors_by_code["NotPartnered"] = 2;
  r.flows.push_back(order);
  r.iterations = 1000;
  r.thresholds.push_back({.text = "order.p99 < 5ms",
                          .metric = "order",
                          .stat = "p99",
                          .bound = "< 5ms",
                          .value = 990000,
                          .shown = "990.0us",
                          .passed = true});
  r.invariants.push_back({"no duplicate order IDs", false, "order 3 twice"});
  return r;
}

TEST(LoadWritersTest, ConsoleSummaryShowsPercentilesVerdictsAndLateStarts) {
  std::ostringstream out;
  WriteLoadSummary(Sample(), /*color=*/false, out);
  const std::string text = out.str();
  EXPECT_NE(text.find("order"), std::string::npos);
  EXPECT_NE(text.find("NotPartnered: 2"), std::string::npos);
  EXPECT_NE(text.find("\u2713 order.p99 < 5ms"), std::string::npos);
  EXPECT_NE(text.find("\u2717 no duplicate order IDs"), std::string::npos);
  // Service time is a tenth of the latency: the closed-model view is shown.
  EXPECT_NE(text.find("what a closed-model tool reports"), std::string::npos);
  EXPECT_NE(text.find("failed: 1 thresholds, 1 invariants, 1 failed"),
            std::string::npos);
  EXPECT_EQ(text.find("\033["), std::string::npos) << "no colour asked";
}

TEST(LoadWritersTest, JsonCarriesBucketsThatRebuildTheHistogram) {
  const LoadResult r = Sample();
  std::ostringstream out;
  WriteLoadJson(r, out);
  const auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["format"], "tiersim-load/1");
  EXPECT_EQ(doc["passed"], false);
  const auto& latency = doc["flows"][0]["latency"];
  EXPECT_EQ(latency["count"], 1000);
  EXPECT_EQ(latency["p99_ns"], r.flows[0].latency.Percentile(99));
  std::vector<std::pair<std::uint32_t, std::uint64_t>> buckets;
  for (const auto& b : latency["buckets"]) buckets.emplace_back(b[0], b[1]);
  Histogram back;
  ASSERT_TRUE(back.AddSparse(buckets, latency["min_ns"], latency["max_ns"],
                             latency["sum_ns"]));
  EXPECT_EQ(back.Sparse(), r.flows[0].latency.Sparse());
}

TEST(LoadWritersTest, JunitHasATestcasePerThresholdAndInvariant) {
  std::ostringstream out;
  WriteLoadJunit(Sample(), out);
  const std::string xml = out.str();
  EXPECT_NE(xml.find("tests=\"2\" failures=\"1\""), std::string::npos);
  EXPECT_NE(xml.find("name=\"order.p99 &lt; 5ms\"></testcase>"),
            std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"order 3 twice\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("Ordering &lt;throughput&gt;"), std::string::npos);
  EXPECT_NE(xml.find("name=\"seed\" value=\"7\""), std::string::npos);
}

TEST(LoadWritersTest, AnInterruptedRunFailsAndSaysSo) {
  LoadResult r = Sample();
  r.invariants.clear();
  r.interrupted = true;
  EXPECT_EQ(r.ExitCode(), 1);
  std::ostringstream junit;
  WriteLoadJunit(r, junit);
  EXPECT_NE(junit.str().find("interrupted (Ctrl-C)"), std::string::npos);
}

}  // namespace
}  // namespace tiersim::reports
