// Ports: what the Partner Center core needs from the other Microsoft
// services. Declared here, implemented in mocks/ (in memory now, over the
// network later); the core never knows which. All calls are made from the
// core's single thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/ids.h"
#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::sim {

// ---- Azure AD ---------------------------------------------------------------

struct TenantSpec {
  std::string display_name;
  std::string domain;   // "fabrikam.onmicrosoft.com", unique
  std::string country;  // ISO 3166 alpha-2, "US"
};

struct TenantInfo {
  TenantId id;
  std::string display_name;
  std::string domain;
  std::string country;
};

enum class PasswordKind { kPermanent, kTemporary };
enum class DirectoryRole { kMember, kGlobalAdmin };

struct DirectoryUserSpec {
  std::string upn;  // sign-in name, unique across the directory
  std::string display_name;
  std::string password;
  PasswordKind password_kind = PasswordKind::kPermanent;
  DirectoryRole role = DirectoryRole::kMember;
};

struct DirectoryUser {
  DirectoryUserId id;
  TenantId tenant;
  std::string upn;
  std::string display_name;
  DirectoryRole role = DirectoryRole::kMember;
  bool must_change_password = false;
};

class IdentityPort {
 public:
  virtual ~IdentityPort() = default;
  // kDuplicateDomain, kInvalidArgument.
  virtual Result<TenantId> CreateTenant(const TenantSpec& spec) = 0;
  // Removes a tenant and its users (used to undo a failed operation).
  virtual Status DeleteTenant(TenantId tenant) = 0;
  virtual Result<TenantInfo> GetTenant(TenantId tenant) const = 0;
  virtual std::optional<TenantId> FindTenantByDomain(
      std::string_view domain) const = 0;
  // kUnknownTenant, kDuplicateEmail, kWeakPassword.
  virtual Result<DirectoryUserId> CreateUser(TenantId tenant,
                                             const DirectoryUserSpec& spec) = 0;
  virtual Status DeleteUser(DirectoryUserId user) = 0;
  virtual Result<DirectoryUser> GetUser(DirectoryUserId user) const = 0;
  virtual Status SetRole(DirectoryUserId user, DirectoryRole role) = 0;
  // The tenant's live users in creation order; empty for an unknown tenant.
  virtual std::vector<DirectoryUser> UsersOf(TenantId tenant) const = 0;
  // Checks the password. kInvalidCredentials; kPasswordChangeRequired when
  // the password is temporary (the user must call ChangePassword first).
  virtual Result<DirectoryUser> SignIn(std::string_view upn,
                                       std::string_view password) = 0;
  // kInvalidCredentials, kWeakPassword. Clears the must-change flag.
  virtual Status ChangePassword(std::string_view upn,
                                std::string_view current_password,
                                std::string_view new_password) = 0;
};

// ---- Partner Membership Center ---------------------------------------------

struct MpnProfile {
  MpnId mpn;
  std::string legal_name;
  std::string country;
  bool active = true;
  std::vector<std::string> incentives;
  std::vector<std::string> benefits;
  std::vector<std::string> competencies;
};

class MembershipPort {
 public:
  virtual ~MembershipPort() = default;
  // kInvalidCredentials, kUnavailable.
  virtual Result<PmcAccountId> SignIn(std::string_view user_name,
                                      std::string_view password) = 0;
  // The organisation profiles the account owns.
  virtual Result<std::vector<MpnProfile>> Profiles(PmcAccountId account) = 0;
  // Any profile by MPN ID; kUnknownMpnId.
  virtual Result<MpnProfile> Profile(MpnId mpn) = 0;
};

// ---- Email ------------------------------------------------------------------

struct Email {
  std::string from;
  std::vector<std::string> to;
  std::string subject;
  std::string text;
  std::vector<std::string> links;  // every link in the text, in order
  std::string kind;  // what sent it: "partnership-invitation", ...
  SimTime sent_at;
};

class MailPort {
 public:
  virtual ~MailPort() = default;
  // Hands the message to the mail system. kUnavailable when refused.
  virtual Status Send(Email email) = 0;
};

}  // namespace tiersim::sim
