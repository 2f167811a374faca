// Thresholds as k6 users write them, and the errors for what is not one.
#include "harness/load/threshold.h"

#include <gtest/gtest.h>

namespace tiersim::harness::load {
namespace {

const std::vector<std::string> kMetrics = {"order", "orders.create", "errors",
                                           "iterations", "dropped"};

Threshold Parse(const std::string& key, const std::string& text) {
  std::string problem;
  auto t = ParseThreshold(key, text, kMetrics, problem);
  EXPECT_TRUE(t.has_value()) << problem;
  return t.value_or(Threshold{});
}

std::string Problem(const std::string& key, const std::string& text) {
  std::string problem;
  EXPECT_FALSE(ParseThreshold(key, text, kMetrics, problem).has_value());
  return problem;
}

TEST(ThresholdTest, TheStatisticInTheKey) {
  const Threshold t = Parse("order.p99", "< 5ms");
  EXPECT_EQ(t.metric, "order");
  EXPECT_EQ(t.stat, "p99");
  EXPECT_EQ(t.cmp, Comparison::kLess);
  EXPECT_DOUBLE_EQ(t.bound, 5e6);
  EXPECT_TRUE(Meets(t, 4.9e6));
  EXPECT_FALSE(Meets(t, 5e6));
}

TEST(ThresholdTest, AnOperationWithDotsAndAFractionalPercentile) {
  const Threshold t = Parse("orders.create.p99.9", "<= 250us");
  EXPECT_EQ(t.metric, "orders.create");
  EXPECT_EQ(t.stat, "p99.9");
  EXPECT_DOUBLE_EQ(t.bound, 250e3);
  EXPECT_TRUE(Meets(t, 250e3));
}

TEST(ThresholdTest, KSixsFormWithMillisecondsByDefault) {
  const Threshold t = Parse("order", "p(95)<200");
  EXPECT_EQ(t.stat, "p95");
  EXPECT_DOUBLE_EQ(t.bound, 200e6);
  const Threshold rate = Parse("order", "rate > 1000/s");
  EXPECT_EQ(rate.stat, "rate");
  EXPECT_DOUBLE_EQ(rate.bound, 1000);
  EXPECT_DOUBLE_EQ(Parse("iterations.rate", ">= 60000/m").bound, 1000);
}

TEST(ThresholdTest, ErrorShareOverallAndPerFlow) {
  const Threshold all = Parse("errors.rate", "< 0.1%");
  EXPECT_EQ(all.metric, "errors");
  EXPECT_EQ(all.stat, "share");
  EXPECT_DOUBLE_EQ(all.bound, 0.001);
  const Threshold flow = Parse("order.errors.rate", "< 0.01");
  EXPECT_EQ(flow.metric, "order");
  EXPECT_EQ(flow.stat, "error_rate");
  EXPECT_DOUBLE_EQ(Parse("dropped.count", "< 1").bound, 1);
}

TEST(ThresholdTest, AnUnknownMetricIsNamedWithTheNearestOne) {
  const std::string p = Problem("ordr.p99", "< 5ms");
  EXPECT_EQ(p.rfind("metric:", 0), 0u) << p;
  EXPECT_NE(p.find("Did you mean \"order\"?"), std::string::npos) << p;
}

TEST(ThresholdTest, BadStatisticsComparisonsAndBoundsSayWhatIsExpected) {
  EXPECT_NE(Problem("order.p101", "< 5ms").find("not a statistic"),
            std::string::npos);
  EXPECT_NE(Problem("order.p99", "5ms").find("no comparison"),
            std::string::npos);
  EXPECT_NE(Problem("order.p99", "< 5 parsecs").find("a duration"),
            std::string::npos);
  EXPECT_NE(Problem("errors.rate", "< 5ms").find("a share"), std::string::npos);
  EXPECT_NE(Problem("errors.p99", "< 5ms").find("\"rate\""), std::string::npos);
  EXPECT_NE(Problem("order.count", "> 1.5").find("whole number"),
            std::string::npos);
}

TEST(ThresholdTest, RatesParseInTheirUnits) {
  EXPECT_DOUBLE_EQ(*ParseRate("500/s"), 500);
  EXPECT_DOUBLE_EQ(*ParseRate("30000/m"), 500);
  EXPECT_DOUBLE_EQ(*ParseRate("2/ms"), 2000);
  EXPECT_DOUBLE_EQ(*ParseRate("250"), 250);
  EXPECT_FALSE(ParseRate("fast").has_value());
  EXPECT_FALSE(ParseRate("10/fortnight").has_value());
}

}  // namespace
}  // namespace tiersim::harness::load
