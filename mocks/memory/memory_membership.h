// MemoryMembership: the Partner Membership Center in memory, behind
// sim::MembershipPort. Accounts sign in with a user name and password and own
// organisation profiles (MPN ID, legal name, country, status, programmes).
//
// Ownership: the store owns every account and profile; callers get copies.
// Scenarios seed it through AddAccount / AddProfile / SetProfileActive. The
// Rng is borrowed (it must outlive the store) and only salts passwords.
// Single-threaded, like the core that calls it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mocks/common/password_hash.h"
#include "mocks/common/text.h"
#include "sim/ports.h"
#include "sim/rng.h"

namespace tiersim::mocks {

class MemoryMembership final : public sim::MembershipPort {
 public:
  explicit MemoryMembership(sim::Rng& rng) : rng_(rng) {}
  MemoryMembership(const MemoryMembership&) = delete;
  MemoryMembership& operator=(const MemoryMembership&) = delete;

  // ---- Seeding ----
  // kInvalidArgument (empty user name or password), kDuplicateEmail (the
  // user name is taken, compared case-insensitively). IDs are dense from 1.
  sim::Result<sim::PmcAccountId> AddAccount(std::string user_name,
                                            std::string_view password);
  // kNotFound (no such account), kInvalidArgument (MPN ID 0, country not two
  // uppercase letters, or the MPN ID already has a profile).
  sim::Status AddProfile(sim::PmcAccountId account, sim::MpnProfile profile);
  // kUnknownMpnId.
  sim::Status SetProfileActive(sim::MpnId mpn, bool active);

  // ---- sim::MembershipPort ----
  // kInvalidCredentials, the same whether the user name or the password is
  // wrong. User names are case-insensitive.
  sim::Result<sim::PmcAccountId> SignIn(std::string_view user_name,
                                        std::string_view password) override;
  // The account's profiles in the order they were added; kNotFound.
  sim::Result<std::vector<sim::MpnProfile>> Profiles(
      sim::PmcAccountId account) override;
  // kUnknownMpnId.
  sim::Result<sim::MpnProfile> Profile(sim::MpnId mpn) override;

  std::size_t account_count() const { return accounts_.size(); }
  std::size_t profile_count() const { return profiles_.size(); }

 private:
  struct Account {
    PasswordHash password;
    std::vector<std::uint32_t> profiles;  // indexes into profiles_
  };

  sim::Rng& rng_;
  std::vector<Account> accounts_;  // by PmcAccountId - 1
  // User name (as first spelled) -> index into accounts_; the only copy.
  std::unordered_map<std::string, std::uint32_t, CaseInsensitiveHash,
                     CaseInsensitiveEqual>
      by_user_name_;
  std::vector<sim::MpnProfile> profiles_;  // in insertion order
  std::unordered_map<sim::MpnId, std::uint32_t> by_mpn_;
};

}  // namespace tiersim::mocks
