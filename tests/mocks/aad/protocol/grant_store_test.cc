#include "mocks/aad/protocol/grant_store.h"

#include <gtest/gtest.h>

#include <set>

namespace tiersim::mocks {
namespace {

using std::chrono::minutes;
const sim::SimTime kT0 = sim::kDefaultEpoch;

CodeGrant Code(sim::SimTime expires) {
  return CodeGrant{.client_id = "app",
                   .redirect_uri = "http://localhost/cb",
                   .user = sim::DirectoryUserId(1),
                   .tenant = sim::TenantId(1),
                   .scope = "openid",
                   .expires_at = expires};
}

TEST(GrantStoreTest, CodeIsRedeemedOnceThenReportedAsUsed) {
  GrantStore store;
  const std::string code = store.IssueCode(Code(kT0 + minutes(10)), kT0);
  EXPECT_GE(code.size(), 43u);
  auto first = store.RedeemCode(code, kT0 + minutes(1));
  EXPECT_EQ(first.outcome, RedeemOutcome::kOk);
  EXPECT_EQ(first.grant.redirect_uri, "http://localhost/cb");
  EXPECT_EQ(store.RedeemCode(code, kT0 + minutes(2)).outcome,
            RedeemOutcome::kAlreadyUsed);
  EXPECT_EQ(store.RedeemCode("nope", kT0).outcome, RedeemOutcome::kUnknown);
}

TEST(GrantStoreTest, CodeExpiresInVirtualTime) {
  GrantStore store;
  const std::string code = store.IssueCode(Code(kT0 + minutes(10)), kT0);
  EXPECT_EQ(store.RedeemCode(code, kT0 + minutes(10)).outcome,
            RedeemOutcome::kExpired);
}

TEST(GrantStoreTest, RefreshTokensRotate) {
  GrantStore store;
  const std::string rt = store.IssueRefreshToken(
      RefreshGrant{.client_id = "app", .expires_at = kT0 + minutes(5)}, kT0);
  EXPECT_EQ(store.RedeemRefreshToken(rt, kT0).outcome, RedeemOutcome::kOk);
  EXPECT_EQ(store.RedeemRefreshToken(rt, kT0).outcome,
            RedeemOutcome::kAlreadyUsed);
}

TEST(GrantStoreTest, TokensAreDistinctAndTheStoreStaysBounded) {
  GrantStore store(/*capacity=*/2000);
  std::set<std::string> seen;
  for (int i = 0; i < 5000; ++i) {
    seen.insert(store.IssueCode(Code(kT0 + minutes(10)), kT0));
  }
  EXPECT_EQ(seen.size(), 5000u);
  EXPECT_LE(store.size(), 2000u);
  // Expired entries are swept first.
  for (int i = 0; i < 3000; ++i) {
    store.IssueCode(Code(kT0 + minutes(30)), kT0 + minutes(20));
  }
  EXPECT_LE(store.size(), 2000u);
  store.Reset();
  EXPECT_EQ(store.size(), 0u);
}

}  // namespace
}  // namespace tiersim::mocks
