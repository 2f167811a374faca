// GrantStore: the authorization codes and refresh tokens Azure AD has handed
// out and not yet seen back.
//
// Both are opaque random strings (256 bits from OpenSSL's CSPRNG) mapped to
// what they grant, with a virtual-time expiry. Both are single use: a code
// is consumed by its first redemption (even one that then fails a PKCE or
// redirect check, so a stolen code cannot be retried), and a refresh token
// by the redemption that rotates it. A consumed one is remembered until it
// would have expired, so a second use reports "already redeemed" rather
// than "unknown".
//
// Memory: expired entries are swept as the store grows; past `capacity`
// entries, arbitrary ones are dropped (their holders see "unknown") — a
// bound for long load runs, not something a scenario should reach.
//
// Thread-safe (one mutex; no call does I/O or calls out while holding it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "mocks/common/mutex.h"
#include "sim/ids.h"
#include "sim/time.h"

namespace tiersim::mocks {

struct CodeGrant {
  std::string client_id;
  std::string redirect_uri;
  sim::DirectoryUserId user;
  sim::TenantId tenant;
  std::string scope;  // the authorize request's, space-separated
  std::string nonce;
  std::string code_challenge;         // empty: no PKCE
  std::string code_challenge_method;  // "S256" or "plain"
  sim::SimTime expires_at;
};

struct RefreshGrant {
  std::string client_id;
  sim::DirectoryUserId user;
  sim::TenantId tenant;
  std::string scope;
  sim::SimTime expires_at;
};

enum class RedeemOutcome { kOk, kUnknown, kAlreadyUsed, kExpired };

template <typename Grant>
struct Redeemed {
  RedeemOutcome outcome = RedeemOutcome::kUnknown;
  Grant grant;  // set for kOk (and kAlreadyUsed / kExpired, for messages)
};

class GrantStore {
 public:
  explicit GrantStore(std::size_t capacity = std::size_t{1} << 20);

  std::string IssueCode(CodeGrant grant, sim::SimTime now);
  Redeemed<CodeGrant> RedeemCode(std::string_view code, sim::SimTime now);
  std::string IssueRefreshToken(RefreshGrant grant, sim::SimTime now);
  Redeemed<RefreshGrant> RedeemRefreshToken(std::string_view token,
                                            sim::SimTime now);
  void Reset();
  // Live and remembered-as-used entries of both kinds.
  std::size_t size() const;

 private:
  template <typename Grant>
  struct Entry {
    Grant grant;
    bool used = false;
  };
  template <typename Grant>
  using Map = std::unordered_map<std::string, Entry<Grant>>;

  template <typename Grant>
  std::string Issue(Map<Grant>& map, Grant grant, sim::SimTime now)
      TIERSIM_REQUIRES(mu_);
  template <typename Grant>
  Redeemed<Grant> Redeem(Map<Grant>& map, std::string_view key,
                         sim::SimTime now) TIERSIM_REQUIRES(mu_);
  void SweepLocked(sim::SimTime now) TIERSIM_REQUIRES(mu_);

  const std::size_t capacity_;
  mutable Mutex mu_;
  Map<CodeGrant> codes_ TIERSIM_GUARDED_BY(mu_);
  Map<RefreshGrant> refresh_tokens_ TIERSIM_GUARDED_BY(mu_);
  std::size_t next_sweep_ TIERSIM_GUARDED_BY(mu_) = 1024;
};

}  // namespace tiersim::mocks
