// The MS-RequestId cache (mocks/partner_center/idempotency.h) on its own:
// keys per caller, meaning compared by hash, bounds that never let one
// caller evict another's keys, expiry, and replays without secrets (R23).
#include "mocks/partner_center/idempotency.h"

#include <gtest/gtest.h>

#include <string>

namespace tiersim::mocks::pc {
namespace {

using Clock = IdempotencyCache::Clock;

Reply Created(std::string body) { return {.status = 201, .body = body}; }

class IdempotencyTest : public ::testing::Test {
 protected:
  std::string Meaning(const std::string& body) {
    return IdempotencyCache::Meaning("POST", "/v1/customers", body);
  }
  IdempotencyCache cache_{{.entries_per_caller = 3,
                           .bytes_per_caller = 4096,
                           .max_callers = 2,
                           .keep = std::chrono::minutes(10)}};
  Clock::time_point now_ = Clock::now();
};

TEST_F(IdempotencyTest, ARetryFindsTheFirstAnswerAndAnotherMeaningIsFlagged) {
  cache_.Put("ada", "r1", "/v1/customers", Meaning("{\"a\":1}"),
             Created(R"({"id":"customer-1"})"), now_);
  auto same =
      cache_.Find("ada", "r1", "/v1/customers", Meaning("{\"a\":1}"), now_);
  ASSERT_TRUE(same);
  EXPECT_TRUE(same->same_meaning);
  EXPECT_EQ(same->reply.status, 201);
  EXPECT_EQ(same->reply.body, R"({"id":"customer-1"})");
  auto other =
      cache_.Find("ada", "r1", "/v1/customers", Meaning("{\"a\":2}"), now_);
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->same_meaning);
  // Another caller, or another route, with the same id is another key.
  EXPECT_FALSE(
      cache_.Find("bob", "r1", "/v1/customers", Meaning("{\"a\":1}"), now_));
  EXPECT_FALSE(
      cache_.Find("ada", "r1", "/v1/orders", Meaning("{\"a\":1}"), now_));
}

TEST_F(IdempotencyTest, OneCallersTrafficNeverEvictsAnothersKeys) {
  cache_.Put("ada", "keep", "/v1/customers", Meaning("{}"), Created("{}"),
             now_);
  for (int i = 0; i < 1000; ++i) {
    cache_.Put("bob", "r" + std::to_string(i), "/v1/customers", Meaning("{}"),
               Created("{}"), now_);
  }
  EXPECT_TRUE(cache_.Find("ada", "keep", "/v1/customers", Meaning("{}"), now_));
  // Bob keeps his newest three.
  EXPECT_TRUE(cache_.Find("bob", "r999", "/v1/customers", Meaning("{}"), now_));
  EXPECT_FALSE(
      cache_.Find("bob", "r996", "/v1/customers", Meaning("{}"), now_));
}

TEST_F(IdempotencyTest, BytesPerCallerAreBoundedAndHugeAnswersNotKept) {
  cache_.Put("ada", "big", "/v1/customers", Meaning("{}"),
             Created(std::string(5000, 'x')), now_);
  EXPECT_FALSE(cache_.Find("ada", "big", "/v1/customers", Meaning("{}"), now_));
  const std::string kilo = "\"" + std::string(1500, 'x') + "\"";
  for (int i = 0; i < 3; ++i) {
    cache_.Put("ada", "k" + std::to_string(i), "/v1/customers", Meaning("{}"),
               Created(kilo), now_);
  }
  // 3 x 1.5 KiB is over 4 KiB: the oldest went.
  EXPECT_FALSE(cache_.Find("ada", "k0", "/v1/customers", Meaning("{}"), now_));
  EXPECT_TRUE(cache_.Find("ada", "k2", "/v1/customers", Meaning("{}"), now_));
}

TEST_F(IdempotencyTest, AnswersExpireAndTheLeastRecentCallerGoesFirst) {
  cache_.Put("ada", "r1", "/v1/customers", Meaning("{}"), Created("{}"), now_);
  EXPECT_FALSE(cache_.Find("ada", "r1", "/v1/customers", Meaning("{}"),
                           now_ + std::chrono::minutes(11)));
  cache_.Put("ada", "r2", "/v1/customers", Meaning("{}"), Created("{}"), now_);
  cache_.Put("bob", "r2", "/v1/customers", Meaning("{}"), Created("{}"), now_);
  cache_.Put("cy", "r2", "/v1/customers", Meaning("{}"), Created("{}"), now_);
  EXPECT_FALSE(cache_.Find("ada", "r2", "/v1/customers", Meaning("{}"), now_));
  EXPECT_TRUE(cache_.Find("cy", "r2", "/v1/customers", Meaning("{}"), now_));
}

TEST_F(IdempotencyTest, R23_AReplayShowsNoPasswordAgain) {
  cache_.Put("ada", "r1", "/v1/customers", Meaning("{}"),
             Created(R"({"id":"customer-1","userCredentials":)"
                     R"({"userName":"admin@x.test","Password":"s3cret"}})"),
             now_);
  auto seen = cache_.Find("ada", "r1", "/v1/customers", Meaning("{}"), now_);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->reply.body.find("s3cret"), std::string::npos);
  EXPECT_NE(seen->reply.body.find("admin@x.test"), std::string::npos);
}

}  // namespace
}  // namespace tiersim::mocks::pc
