// NetworkFaults as data: which requests a fault applies to, how often, and
// how the points and routes of a fault step are read.
#include "mocks/http/network_faults.h"

#include <gtest/gtest.h>

namespace tiersim::mocks {
namespace {

TEST(NetworkFaultsTest, PathPatternsMatchWholeSegments) {
  EXPECT_TRUE(
      PathMatches("/v1/customers/*/orders", "/v1/customers/c-1/orders"));
  EXPECT_FALSE(PathMatches("/v1/customers/*/orders", "/v1/customers//orders"));
  EXPECT_FALSE(PathMatches("/v1/customers/*/orders", "/v1/customers/c-1"));
  EXPECT_FALSE(PathMatches("/v1/customers", "/v1/customers/c-1"));
  EXPECT_TRUE(PathMatches("/v1/**", "/v1/customers/c-1/orders"));
  EXPECT_TRUE(PathMatches("/v1/**", "/v1"));
  EXPECT_FALSE(PathMatches("/v1/**", "/v2/customers"));
}

TEST(NetworkFaultsTest, APointAndARouteAreRead) {
  std::string error;
  auto spec = ParseNetworkFault(
      "http.429", "partner-center POST /v1/customers/*/orders", &error);
  ASSERT_TRUE(spec) << error;
  EXPECT_EQ(spec->kind, NetworkFaultKind::kStatus);
  EXPECT_EQ(spec->status, 429);
  EXPECT_EQ(spec->route.server, "partner-center");
  EXPECT_EQ(spec->route.method, "POST");
  EXPECT_EQ(spec->route.path, "/v1/customers/*/orders");
  EXPECT_EQ(ParseNetworkFault("http.reset", "", &error)->kind,
            NetworkFaultKind::kReset);
  EXPECT_FALSE(ParseNetworkFault("http.418", "", &error));
  EXPECT_NE(error.find("http.429"), std::string::npos);  // names the known
  EXPECT_FALSE(ParseNetworkFault("http.500", "Partner Center", &error));
  EXPECT_NE(error.find("\"Partner\""), std::string::npos);
}

TEST(NetworkFaultsTest, AFaultAppliesToItsRouteForItsTimes) {
  NetworkFaults faults;
  faults.Arm({.kind = NetworkFaultKind::kStatus,
              .route = {.server = "partner-center", .method = "POST"},
              .status = 503,
              .delay = std::chrono::seconds(2),
              .times = 2});
  EXPECT_FALSE(faults.Decide("partner-center", "GET", "/v1/customers"));
  EXPECT_FALSE(faults.Decide("aad", "POST", "/token"));
  auto first = faults.Decide("partner-center", "POST", "/v1/customers");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 503);
  EXPECT_EQ(first->delay, std::chrono::seconds(2));
  EXPECT_TRUE(faults.Decide("partner-center", "POST", "/v1/x"));
  EXPECT_FALSE(faults.Decide("partner-center", "POST", "/v1/x"));  // spent
  EXPECT_EQ(faults.fired(), 2);
  faults.Clear();
  faults.Arm({.kind = NetworkFaultKind::kReset});  // everything, always
  EXPECT_TRUE(faults.Decide("pmc", "GET", "/profiles"));
  EXPECT_TRUE(faults.Decide("pmc", "GET", "/profiles"));
}

TEST(NetworkFaultsTest, AProbabilityIsDrawnFromTheSeed) {
  auto count = [](std::uint64_t seed) {
    NetworkFaults faults(seed);
    faults.Arm({.kind = NetworkFaultKind::kLatency, .probability = 0.3});
    int n = 0;
    for (int i = 0; i < 1000; ++i)
      n += faults.Decide("pmc", "GET", "/").has_value();
    return n;
  };
  EXPECT_EQ(count(7), count(7));  // reproducible
  EXPECT_GT(count(7), 200);
  EXPECT_LT(count(7), 400);
}

}  // namespace
}  // namespace tiersim::mocks
