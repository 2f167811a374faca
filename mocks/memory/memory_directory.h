// MemoryDirectory: Azure AD in memory, behind sim::IdentityPort. Tenants with
// their domain and country, users with a salted password hash, a directory
// role and the must-change flag of a temporary password.
//
// Ownership: the directory owns every tenant and user record; callers get
// copies (TenantInfo, DirectoryUser). The Rng is borrowed (it must outlive
// the directory) and is drawn from only to salt passwords. Single-threaded,
// like the core that calls it; a server wraps it in its own executor.
//
// Memory: records live in vectors indexed by ID - 1 (IDs are dense from 1 and
// never reused; a deleted record is a tombstone). Each domain and UPN is kept
// once, as the key of a case-insensitive index; the record points at that
// key. A tenant record is 56 bytes and a user record 104 bytes, plus the
// strings and one index node each.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mocks/common/password_hash.h"
#include "mocks/common/text.h"
#include "sim/ports.h"
#include "sim/rng.h"

namespace tiersim::mocks {

class MemoryDirectory final : public sim::IdentityPort {
 public:
  explicit MemoryDirectory(sim::Rng& rng) : rng_(rng) {}
  // Records point into the indexes, so the directory stays where it is.
  MemoryDirectory(const MemoryDirectory&) = delete;
  MemoryDirectory& operator=(const MemoryDirectory&) = delete;

  // kInvalidArgument (domain or country malformed), kDuplicateDomain (the
  // domain is taken, compared case-insensitively).
  sim::Result<sim::TenantId> CreateTenant(const sim::TenantSpec& spec) override;
  // kUnknownTenant. Deletes the tenant's users too; the domain and their
  // UPNs can then be used again.
  sim::Status DeleteTenant(sim::TenantId tenant) override;
  // kUnknownTenant.
  sim::Result<sim::TenantInfo> GetTenant(sim::TenantId tenant) const override;
  std::optional<sim::TenantId> FindTenantByDomain(
      std::string_view domain) const override;

  // kUnknownTenant, kInvalidArgument (the UPN is not email-shaped),
  // kDuplicateEmail (the UPN is taken anywhere in the directory, compared
  // case-insensitively), kWeakPassword (temporary passwords too).
  sim::Result<sim::DirectoryUserId> CreateUser(
      sim::TenantId tenant, const sim::DirectoryUserSpec& spec) override;
  // kNotFound.
  sim::Status DeleteUser(sim::DirectoryUserId user) override;
  // kNotFound.
  sim::Result<sim::DirectoryUser> GetUser(
      sim::DirectoryUserId user) const override;
  // kNotFound.
  sim::Status SetRole(sim::DirectoryUserId user,
                      sim::DirectoryRole role) override;

  // kInvalidCredentials (the same message whether or not the user exists);
  // kPasswordChangeRequired once the temporary password has been verified.
  sim::Result<sim::DirectoryUser> SignIn(std::string_view upn,
                                         std::string_view password) override;
  // kInvalidCredentials (current password wrong or no such user),
  // kWeakPassword (policy, or the new password equals the current one).
  sim::Status ChangePassword(std::string_view upn,
                             std::string_view current_password,
                             std::string_view new_password) override;

  std::vector<sim::DirectoryUser> UsersOf(sim::TenantId tenant) const override;
  // Live (not deleted) tenants and users.
  std::size_t tenant_count() const { return live_tenants_; }
  std::size_t user_count() const { return live_users_; }
  // The stored hash of a live user's password, for tests and diagnostics
  // (salts are drawn from the Rng, so the same seed gives the same hashes).
  std::optional<PasswordHash> PasswordHashOf(sim::DirectoryUserId user) const;

 private:
  // Index (ID - 1) into the record vectors; 32 bits keep the records small.
  using Slot = std::uint32_t;
  static constexpr Slot kNoSlot = UINT32_MAX;
  using Index = std::unordered_map<std::string, Slot, CaseInsensitiveHash,
                                   CaseInsensitiveEqual>;

  struct Tenant {
    const std::string* domain = nullptr;  // key in domains_; null = deleted
    std::string display_name;
    std::array<char, 2> country{};
    Slot newest_user = kNoSlot;  // head of the tenant's user list
  };
  struct User {
    const std::string* upn = nullptr;  // key in upns_; null = deleted
    std::string display_name;
    PasswordHash password;
    Slot tenant = kNoSlot;
    Slot older_in_tenant = kNoSlot;  // next in the tenant's user list
    sim::DirectoryRole role = sim::DirectoryRole::kMember;
    bool must_change_password = false;
  };

  const Tenant* FindTenant(sim::TenantId id) const;
  const User* FindUser(sim::DirectoryUserId id) const;
  User* FindUser(sim::DirectoryUserId id);
  // The live user with this UPN whose password is `password`, or null.
  User* Authenticate(std::string_view upn, std::string_view password);
  sim::DirectoryUser ToDirectoryUser(Slot slot) const;
  void Bury(Slot user_slot);  // frees the UPN and clears the record

  sim::Rng& rng_;
  std::vector<Tenant> tenants_;
  std::vector<User> users_;
  Index domains_;
  Index upns_;
  std::size_t live_tenants_ = 0;
  std::size_t live_users_ = 0;
};

}  // namespace tiersim::mocks
