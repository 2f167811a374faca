// Session: proof that a person signed in through Azure AD. Only
// PartnerCenter creates one (after a real password check), so no caller can
// act as someone else by making up IDs. A session names the directory user;
// which partner user (and roles) that is, is looked up at each operation, so
// role changes take effect at once.
#pragma once

#include "sim/ids.h"

namespace tiersim::sim {

class Session {
 public:
  DirectoryUserId directory_user() const { return directory_user_; }
  TenantId tenant() const { return tenant_; }

 private:
  friend class PartnerCenter;
  Session(DirectoryUserId user, TenantId tenant)
      : directory_user_(user), tenant_(tenant) {}
  DirectoryUserId directory_user_;
  TenantId tenant_;
};

}  // namespace tiersim::sim
