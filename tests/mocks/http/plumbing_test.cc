// The plumbing every server shares (mocks/http/plumbing.h) over real HTTP:
// liveness and readiness, reset with and without a seed, the clock read
// and moved; and bad requests refused with 400 and a named code, changing
// nothing.
#include "mocks/http/plumbing.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mocks/http/http_server.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;
using ::tiersim::testing::IsOk;

// Records what the handlers asked for.
class RecordingPlumbing final : public Plumbing {
 public:
  bool Ready() override { return ready; }
  sim::Status Reset(std::optional<std::uint64_t> seed) override {
    resets.push_back(seed);
    return sim::OkStatus();
  }
  ClockState Clock() override {
    return {.now = now, .origin = sim::SimTime{}, .speed = speed};
  }
  sim::Status Advance(sim::Duration d) override {
    advances.push_back(d);
    now += d;
    return sim::OkStatus();
  }
  sim::Status SetSpeed(double s) override {
    speed = s;
    return sim::OkStatus();
  }

  bool ready = false;
  sim::SimTime now{};
  double speed = 0;
  std::vector<std::optional<std::uint64_t>> resets;
  std::vector<sim::Duration> advances;
};

class PlumbingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    AddPlumbing(server_, plumbing_);
    ASSERT_THAT(server_.Start(), IsOk());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
  }
  httplib::Result Get(const std::string& path) { return client_->Get(path); }
  httplib::Result Post(const std::string& path, const std::string& body) {
    return client_->Post(path, body, "application/json");
  }
  // The error code of a refused request, or "" when not refused with 400.
  std::string Refusal(const httplib::Result& res) {
    if (!res || res->status != 400) return "";
    return json::parse(res->body).value("code", "");
  }

  RecordingPlumbing plumbing_;
  HttpServer server_{"plumbing-test", HttpServerOptions{.threads = 2}};
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(PlumbingTest, LiveAlwaysReadyOnlyWhenTheOwnerSaysSo) {
  auto live = Get("/livez");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->status, 200);
  EXPECT_EQ(json::parse(live->body)["status"], "live");
  auto ready = Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503);
  EXPECT_EQ(json::parse(ready->body)["status"], "starting");
  plumbing_.ready = true;
  ready = Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
}

TEST_F(PlumbingTest, ResetKeepsOrReplacesTheSeed) {
  auto res = Post(kResetPath, "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  res = Post(kResetPath, json{{kSeedKey, 42}}.dump());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  ASSERT_EQ(plumbing_.resets.size(), 2u);
  EXPECT_EQ(plumbing_.resets[0], std::nullopt);
  EXPECT_EQ(plumbing_.resets[1], std::optional<std::uint64_t>(42));
}

TEST_F(PlumbingTest, BadResetsAreRefusedAndResetNothing) {
  EXPECT_EQ(Refusal(Post(kResetPath, "{")), "MalformedJson");
  EXPECT_EQ(Refusal(Post(kResetPath, "[1]")), "MalformedJson");
  EXPECT_EQ(Refusal(Post(kResetPath, R"({"seed":-1})")), "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kResetPath, R"({"seed":"7"})")), "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kResetPath, R"({"sead":7})")), "UnknownField");
  EXPECT_TRUE(plumbing_.resets.empty());
}

TEST_F(PlumbingTest, ClockIsReadAndMovedByDurationOrMicroseconds) {
  auto res = Post(kClockPath, R"({"advance":"1d12h"})");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  res = Post(kClockPath, json{{kAdvanceMicrosKey, 5}}.dump());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  ASSERT_EQ(plumbing_.advances.size(), 2u);
  EXPECT_EQ(plumbing_.advances[0], sim::hours(36));
  EXPECT_EQ(plumbing_.advances[1], sim::Duration(5));
  res = Post(kClockPath, R"({"speed":60})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  auto clock = Get(kClockPath);
  ASSERT_TRUE(clock);
  ASSERT_EQ(clock->status, 200);
  const json j = json::parse(clock->body);
  EXPECT_EQ(j["nowMicros"], (sim::hours(36) + sim::Duration(5)).count());
  EXPECT_EQ(j["speed"], 60.0);
  EXPECT_EQ(j["now"], "1970-01-02T12:00:00.000005Z");
}

TEST_F(PlumbingTest, BadClockRequestsAreRefusedAndMoveNothing) {
  EXPECT_EQ(Refusal(Post(kClockPath, "{}")), "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"advance":"-3d"})")),
            "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"advance":"soon"})")),
            "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"advanceMicros":-1})")),
            "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"speed":-1})")), "InvalidArgument");
  // A valid speed next to a bad advance: neither is applied.
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"speed":5,"advance":"x"})")),
            "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"advance":"1d","when":1})")),
            "UnknownField");
  EXPECT_TRUE(plumbing_.advances.empty());
  EXPECT_EQ(plumbing_.speed, 0);
}

TEST_F(PlumbingTest, ClockMovesOnlyWithinTheDocumentedRanges) {
  // Past what a duration holds: malformed, not a negative jump.
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"advance":"1000000000w"})")),
            "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"advance":"3651d"})")), "OutOfRange");
  EXPECT_EQ(
      Refusal(Post(kClockPath, R"({"advanceMicros":9223372036854775000})")),
      "OutOfRange");
  EXPECT_EQ(
      Refusal(Post(kClockPath, R"({"advanceMicros":18446744073709551615})")),
      "InvalidArgument");
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"speed":1e308})")), "OutOfRange");
  EXPECT_TRUE(plumbing_.advances.empty());
  EXPECT_EQ(plumbing_.speed, 0);
  // Ten years at a time, up to a century past the origin.
  for (int i = 0; i < 10; ++i) {
    auto ok = Post(kClockPath, R"({"advance":"3650d"})");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << ok->body;
  }
  EXPECT_EQ(Refusal(Post(kClockPath, R"({"advance":"30d"})")), "OutOfRange");
  EXPECT_EQ(plumbing_.advances.size(), 10u);
  auto fast = Post(kClockPath, R"({"speed":1000000})");
  ASSERT_TRUE(fast);
  EXPECT_EQ(fast->status, 200);
}

}  // namespace
}  // namespace tiersim::mocks
