#include "mocks/aad/protocol/token_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using std::chrono::hours;

constexpr std::string_view kBase = "https://localhost:8443";
constexpr std::string_view kTid = "00000000-0000-4000-8000-000000000001";
constexpr std::string_view kAudience =
    "https://api.partnercenter.microsoft.com";
const sim::SimTime kNow = sim::kDefaultEpoch;

class CachingTokenVerifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto key = SigningKey::Generate();
    ASSERT_THAT(key, IsOk());
    key_.emplace(std::move(*key));
  }
  static std::string Token(int n) {
    TokenClaims claims{.issuer = IssuerFor(kBase, kTid),
                       .audience = std::string(kAudience),
                       .tenant = std::string(kTid),
                       .object = "00000000-0000-4000-a000-000000000001",
                       .issued_at = kNow,
                       .not_before = kNow,
                       .expires_at = kNow + hours(1),
                       .token_id = std::to_string(n)};
    return *Sign(claims, *key_);
  }
  static TokenVerifier Verifier() {
    return TokenVerifier({key_->public_key()}, std::string(kBase));
  }
  static inline std::optional<SigningKey> key_;
};

TEST_F(CachingTokenVerifierTest, ChecksASignatureOnceThenAnswersFromCache) {
  CachingTokenVerifier cache(Verifier());
  const std::string jwt = Token(1);
  for (int i = 0; i < 5; ++i) {
    auto r = cache.Verify(jwt, kAudience, kNow);
    ASSERT_THAT(r, IsOk());
    EXPECT_EQ(r->token_id, "1");
  }
  EXPECT_EQ(cache.misses(), 1u);
  EXPECT_EQ(cache.hits(), 4u);
  EXPECT_EQ(cache.size(), 1u);
}

TEST_F(CachingTokenVerifierTest, CachedTokenStillExpiresAndChecksAudience) {
  CachingTokenVerifier cache(Verifier());
  const std::string jwt = Token(1);
  ASSERT_THAT(cache.Verify(jwt, kAudience, kNow), IsOk());
  auto late = cache.Verify(jwt, kAudience, kNow + hours(2));
  EXPECT_EQ(late.code(), sim::ErrorCode::kInvalidToken);
  EXPECT_NE(late.status().message().find("expired"), std::string::npos);
  auto other = cache.Verify(jwt, "00000003-0000-0000-c000-000000000000", kNow);
  EXPECT_EQ(other.code(), sim::ErrorCode::kInvalidToken);
  EXPECT_EQ(cache.hits(), 2u);
}

TEST_F(CachingTokenVerifierTest, ForgeriesAreNeverCached) {
  CachingTokenVerifier cache(Verifier());
  std::string jwt = Token(1);
  jwt[jwt.size() - 3] = jwt[jwt.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(cache.Verify(jwt, kAudience, kNow).ok());
  EXPECT_FALSE(cache.Verify(jwt, kAudience, kNow).ok());
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.misses(), 2u);
}

TEST_F(CachingTokenVerifierTest, SizeStaysWithinCapacity) {
  CachingTokenVerifier cache(Verifier(), /*capacity=*/16);
  for (int i = 0; i < 200; ++i) {
    ASSERT_THAT(cache.Verify(Token(i), kAudience, kNow), IsOk());
  }
  EXPECT_LE(cache.size(), 16u);
  EXPECT_GE(cache.size(), 8u);
}

TEST_F(CachingTokenVerifierTest, ManyThreadsVerifyAtOnce) {
  CachingTokenVerifier cache(Verifier(), 64);
  std::vector<std::string> tokens;
  for (int i = 0; i < 8; ++i) tokens.push_back(Token(i));
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (cache.Verify(tokens[i % tokens.size()], kAudience, kNow).ok()) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 800);
  EXPECT_EQ(cache.size(), 8u);
  EXPECT_LE(cache.misses(), 32u);  // at most one per token per thread
}

}  // namespace
}  // namespace tiersim::mocks
