// Fault decorators around the ports. Each forwards to the real port unless
// an armed fault point (sim/faults.h) fires:
//   mail.drop      the message is accepted and silently lost
//   mail.delay     the message is delivered `delay` later (virtual time)
//   mail.reject    Send fails with kUnavailable
//   pmc.unavailable          PMC calls fail with kUnavailable
//   aad.unavailable          sign-in and creation calls fail with kUnavailable
//   aad.create_tenant / aad.create_user   that call fails with kUnavailable
// Mail faults match on the first recipient, PMC sign-in on the user name,
// AAD calls on the domain or UPN.
#pragma once

#include "sim/kernel.h"
#include "sim/ports.h"

namespace tiersim::sim {

class FaultyMail final : public MailPort {
 public:
  FaultyMail(MailPort& inner, Kernel& kernel)
      : inner_(inner), kernel_(kernel) {}
  Status Send(Email email) override;

 private:
  MailPort& inner_;
  Kernel& kernel_;
};

class FaultyMembership final : public MembershipPort {
 public:
  FaultyMembership(MembershipPort& inner, Kernel& kernel)
      : inner_(inner), kernel_(kernel) {}
  Result<PmcAccountId> SignIn(std::string_view user_name,
                              std::string_view password) override;
  Result<std::vector<MpnProfile>> Profiles(PmcAccountId account) override;
  Result<MpnProfile> Profile(MpnId mpn) override;

 private:
  MembershipPort& inner_;
  Kernel& kernel_;
};

class FaultyIdentity final : public IdentityPort {
 public:
  FaultyIdentity(IdentityPort& inner, Kernel& kernel)
      : inner_(inner), kernel_(kernel) {}
  Result<TenantId> CreateTenant(const TenantSpec& spec) override;
  Status DeleteTenant(TenantId tenant) override {
    return inner_.DeleteTenant(tenant);
  }
  Result<TenantInfo> GetTenant(TenantId tenant) const override {
    return inner_.GetTenant(tenant);
  }
  std::optional<TenantId> FindTenantByDomain(
      std::string_view domain) const override {
    return inner_.FindTenantByDomain(domain);
  }
  Result<DirectoryUserId> CreateUser(TenantId tenant,
                                     const DirectoryUserSpec& spec) override;
  Status DeleteUser(DirectoryUserId user) override {
    return inner_.DeleteUser(user);
  }
  Result<DirectoryUser> GetUser(DirectoryUserId user) const override {
    return inner_.GetUser(user);
  }
  Status SetRole(DirectoryUserId user, DirectoryRole role) override {
    return inner_.SetRole(user, role);
  }
  std::vector<DirectoryUser> UsersOf(TenantId tenant) const override {
    return inner_.UsersOf(tenant);
  }
  Result<DirectoryUser> SignIn(std::string_view upn,
                               std::string_view password) override;
  Status ChangePassword(std::string_view upn, std::string_view current_password,
                        std::string_view new_password) override;

 private:
  IdentityPort& inner_;
  Kernel& kernel_;
};

}  // namespace tiersim::sim
