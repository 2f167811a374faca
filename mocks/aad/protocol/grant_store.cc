#include "mocks/aad/protocol/grant_store.h"

#include <algorithm>

#include "mocks/common/crypto_util.h"

namespace tiersim::mocks {

GrantStore::GrantStore(std::size_t capacity)
    : capacity_(std::max<std::size_t>(capacity, 16)) {}

template <typename Grant>
std::string GrantStore::Issue(Map<Grant>& map, Grant grant, sim::SimTime now) {
  std::string key = RandomToken(32);
  if (codes_.size() + refresh_tokens_.size() >= next_sweep_) {
    SweepLocked(now);
  }
  map.try_emplace(key, Entry<Grant>{std::move(grant), false});
  return key;
}

template <typename Grant>
Redeemed<Grant> GrantStore::Redeem(Map<Grant>& map, std::string_view key,
                                   sim::SimTime now) {
  auto it = map.find(std::string(key));
  if (it == map.end()) return {RedeemOutcome::kUnknown, Grant{}};
  Entry<Grant>& entry = it->second;
  if (entry.used) return {RedeemOutcome::kAlreadyUsed, entry.grant};
  if (now >= entry.grant.expires_at) {
    Redeemed<Grant> out{RedeemOutcome::kExpired, std::move(entry.grant)};
    map.erase(it);
    return out;
  }
  entry.used = true;
  return {RedeemOutcome::kOk, entry.grant};
}

void GrantStore::SweepLocked(sim::SimTime now) {
  const auto sweep = [now](auto& map) {
    std::erase_if(map, [now](const auto& kv) {
      return now >= kv.second.grant.expires_at;
    });
  };
  sweep(codes_);
  sweep(refresh_tokens_);
  // Still full: drop arbitrary entries, down to 90% of the capacity.
  const std::size_t keep = capacity_ / 10 * 9;
  if (codes_.size() + refresh_tokens_.size() >= capacity_) {
    while (codes_.size() + refresh_tokens_.size() > keep) {
      if (!codes_.empty()) {
        codes_.erase(codes_.begin());
      } else {
        refresh_tokens_.erase(refresh_tokens_.begin());
      }
    }
  }
  next_sweep_ = std::min(
      capacity_, std::max<std::size_t>(
                     1024, 2 * (codes_.size() + refresh_tokens_.size())));
}

std::string GrantStore::IssueCode(CodeGrant grant, sim::SimTime now) {
  MutexLock lock(mu_);
  return Issue(codes_, std::move(grant), now);
}

Redeemed<CodeGrant> GrantStore::RedeemCode(std::string_view code,
                                           sim::SimTime now) {
  MutexLock lock(mu_);
  return Redeem(codes_, code, now);
}

std::string GrantStore::IssueRefreshToken(RefreshGrant grant,
                                          sim::SimTime now) {
  MutexLock lock(mu_);
  return Issue(refresh_tokens_, std::move(grant), now);
}

Redeemed<RefreshGrant> GrantStore::RedeemRefreshToken(std::string_view token,
                                                      sim::SimTime now) {
  MutexLock lock(mu_);
  return Redeem(refresh_tokens_, token, now);
}

void GrantStore::Reset() {
  MutexLock lock(mu_);
  codes_.clear();
  refresh_tokens_.clear();
  next_sweep_ = 1024;
}

std::size_t GrantStore::size() const {
  MutexLock lock(mu_);
  return codes_.size() + refresh_tokens_.size();
}

}  // namespace tiersim::mocks
