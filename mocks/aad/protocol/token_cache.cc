#include "mocks/aad/protocol/token_cache.h"

#include <algorithm>

namespace tiersim::mocks {

CachingTokenVerifier::CachingTokenVerifier(TokenVerifier verifier,
                                           std::size_t capacity)
    : verifier_(std::move(verifier)),
      shard_capacity_(std::max<std::size_t>(1, capacity / kShards)) {}

sim::Result<TokenClaims> CachingTokenVerifier::Verify(
    std::string_view jwt, std::string_view expected_audience,
    sim::SimTime now) {
  const std::size_t hash = StringHash()(jwt);
  Shard& shard = shards_[hash % kShards];
  {
    ReaderLock lock(shard.mu);
    auto it = shard.claims.find(jwt);
    if (it != shard.claims.end()) {
      hits_.fetch_add(1, std::memory_order_relaxed);
      TIERSIM_RETURN_IF_ERROR(
          TokenVerifier::CheckValidity(it->second, expected_audience, now));
      return it->second;
    }
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  // Authenticate outside the lock: it is the slow part, and two threads
  // racing on one new token just both verify it.
  TIERSIM_ASSIGN_OR_RETURN(TokenClaims claims, verifier_.Authenticate(jwt));
  {
    WriterLock lock(shard.mu);
    auto [it, inserted] = shard.claims.try_emplace(std::string(jwt), claims);
    if (inserted) {
      shard.order.push_back(&it->first);
      while (shard.order.size() > shard_capacity_) {
        // Find first: the key the deque points at dies with the element.
        shard.claims.erase(shard.claims.find(*shard.order.front()));
        shard.order.pop_front();
      }
    }
  }
  TIERSIM_RETURN_IF_ERROR(
      TokenVerifier::CheckValidity(claims, expected_audience, now));
  return claims;
}

std::size_t CachingTokenVerifier::size() const {
  std::size_t n = 0;
  for (const Shard& shard : shards_) {
    ReaderLock lock(shard.mu);
    n += shard.claims.size();
  }
  return n;
}

}  // namespace tiersim::mocks
