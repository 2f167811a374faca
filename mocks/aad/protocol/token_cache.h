// CachingTokenVerifier: a TokenVerifier that checks each token string's
// signature once. A service that receives the same bearer token on every
// request of a session (Partner Center) would otherwise pay an RSA
// verification and two JSON parses per request.
//
// What is cached is the outcome of TokenVerifier::Authenticate (shape,
// algorithm, key, signature, issuer), keyed by the exact token string and
// only when it succeeded (so forged tokens cannot fill the cache). The
// audience and the clock are checked on every call, so a cached token still
// expires on time. The cache is bounded: `capacity` tokens, oldest evicted
// first, in shards so that concurrent callers rarely contend.
//
// Thread-safe: Verify may be called from any number of threads at once.
// Owns its copy of the TokenVerifier.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "mocks/aad/protocol/jwt.h"
#include "mocks/common/mutex.h"

namespace tiersim::mocks {

class CachingTokenVerifier {
 public:
  explicit CachingTokenVerifier(TokenVerifier verifier,
                                std::size_t capacity = 4096);
  CachingTokenVerifier(const CachingTokenVerifier&) = delete;
  CachingTokenVerifier& operator=(const CachingTokenVerifier&) = delete;

  // Same contract as TokenVerifier::Verify.
  sim::Result<TokenClaims> Verify(std::string_view jwt,
                                  std::string_view expected_audience,
                                  sim::SimTime now);

  const TokenVerifier& verifier() const { return verifier_; }
  std::size_t size() const;
  // Calls answered from the cache / that had to authenticate the token.
  std::size_t hits() const { return hits_.load(std::memory_order_relaxed); }
  std::size_t misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  static constexpr std::size_t kShards = 8;
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  struct Shard {
    mutable SharedMutex mu;
    std::unordered_map<std::string, TokenClaims, StringHash, std::equal_to<>>
        claims TIERSIM_GUARDED_BY(mu);
    // Keys of `claims`, oldest first.
    std::deque<const std::string*> order TIERSIM_GUARDED_BY(mu);
  };

  TokenVerifier verifier_;
  std::size_t shard_capacity_;
  std::array<Shard, kShards> shards_;
  std::atomic<std::size_t> hits_{0};
  std::atomic<std::size_t> misses_{0};
};

}  // namespace tiersim::mocks
