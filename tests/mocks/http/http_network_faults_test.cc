// Network faults injected by the HTTP layer, seen by a real client: a 429
// with Retry-After in the server's own error shape, a reset connection, a
// late answer; the /_tiersim/ controls never faulted.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <string>

#include "mocks/http/http_server.h"
#include "mocks/http/network_faults.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

class HttpNetworkFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.routes().Get("/v1/hello", [](const Request&, Response& res) {
      ReplyJson(res, 200, R"({"hello": true})");
    });
    server_.routes().Get("/_tiersim/clock", [](const Request&, Response& res) {
      ReplyJson(res, 200, R"({"now": 0})");
    });
    server_.routes().set_error_handler(
        [](const Request&, const HttpError& e, Response& res) {
          ReplyJson(res, e.status, R"({"code": ")" + e.code + R"("})");
        });
    ASSERT_THAT(server_.Start(), IsOk());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
    client_->set_read_timeout(10);
  }

  NetworkFaults faults_{3};
  HttpServer server_{
      "partner-center",
      HttpServerOptions{.threads = 2, .network_faults = &faults_}};
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(HttpNetworkFaultsTest, AThrottleAnswers429WithRetryAfterThenClears) {
  faults_.Arm({.kind = NetworkFaultKind::kStatus,
               .route = {.path = "/v1/**"},
               .status = 429,
               .delay = std::chrono::milliseconds(1500),
               .times = 1});
  auto throttled = client_->Get("/v1/hello");
  ASSERT_TRUE(throttled);
  EXPECT_EQ(throttled->status, 429);
  EXPECT_EQ(throttled->get_header_value("Retry-After"), "2");  // rounded up
  EXPECT_NE(throttled->body.find("TooManyRequests"), std::string::npos);
  auto next = client_->Get("/v1/hello");  // the same connection, spent
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST_F(HttpNetworkFaultsTest, AResetGivesNoAnswerAndTheNextConnectionWorks) {
  faults_.Arm({.kind = NetworkFaultKind::kReset, .times = 1});
  auto reset = client_->Get("/v1/hello");
  EXPECT_FALSE(reset);
  auto again = client_->Get("/v1/hello");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(HttpNetworkFaultsTest, ALateAnswerComesAfterTheDelay) {
  faults_.Arm({.kind = NetworkFaultKind::kLatency,
               .delay = std::chrono::milliseconds(300),
               .times = 1});
  const auto start = std::chrono::steady_clock::now();
  auto late = client_->Get("/v1/hello");
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(late);
  EXPECT_EQ(late->status, 200);
  EXPECT_GE(took, std::chrono::milliseconds(300));  // a lower bound only
}

TEST_F(HttpNetworkFaultsTest, TheControlsAreNeverFaulted) {
  faults_.Arm({.kind = NetworkFaultKind::kStatus, .status = 500});
  auto control = client_->Get("/_tiersim/clock");
  ASSERT_TRUE(control);
  EXPECT_EQ(control->status, 200);
  auto other = client_->Get("/v1/hello");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 500);
  // Only for another server's name: not this one.
  faults_.Clear();
  faults_.Arm({.kind = NetworkFaultKind::kStatus,
               .route = {.server = "pmc"},
               .status = 500});
  EXPECT_EQ(client_->Get("/v1/hello")->status, 200);
}

}  // namespace
}  // namespace tiersim::mocks
