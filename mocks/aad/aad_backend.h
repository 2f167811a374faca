// AadBackend: what the Azure AD server needs from the world — the virtual
// clock and the directory (password checks, users, tenants, roles).
//
// `tiersim serve` implements it over the shared world; tests implement it
// over a MemoryDirectory. Implementations must be thread-safe (the server
// calls them from its worker threads at once); they serialise internally,
// and the server never holds a lock of its own while calling them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/ports.h"
#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::mocks {

class AadBackend {
 public:
  virtual ~AadBackend() = default;
  // Virtual time: iat/nbf/exp of tokens and the lifetimes of codes and
  // refresh tokens.
  virtual sim::SimTime Now() = 0;
  // Real password check: kInvalidCredentials; kPasswordChangeRequired for a
  // temporary password.
  virtual sim::Result<sim::DirectoryUser> SignIn(std::string_view upn,
                                                 std::string_view password) = 0;
  // kInvalidCredentials, kWeakPassword.
  virtual sim::Status ChangePassword(std::string_view upn,
                                     std::string_view current,
                                     std::string_view new_password) = 0;
  virtual sim::Result<sim::DirectoryUser> GetUser(sim::DirectoryUserId id) = 0;
  virtual sim::Result<sim::TenantInfo> GetTenant(sim::TenantId id) = 0;
  virtual std::optional<sim::TenantId> FindTenantByDomain(
      std::string_view domain) = 0;
  // The `roles` claim for a user (e.g. "GlobalAdmin", "AdminAgent").
  virtual std::vector<std::string> Roles(sim::DirectoryUserId id) = 0;
};

}  // namespace tiersim::mocks
