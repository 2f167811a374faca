// BearerAuthenticator: how the Partner Center server learns who calls it.
// The server hands over the Authorization header; the implementation (in
// tiersim serve: Azure AD's TokenVerifier, checking signature, issuer,
// audience and expiry in virtual time) answers with the caller or
// kInvalidToken and a message saying what was wrong. Thread-safe: called
// from every worker thread.
#pragma once

#include <string>
#include <string_view>

#include "sim/ids.h"
#include "sim/status.h"

namespace tiersim::mocks {

struct Caller {
  sim::DirectoryUserId user;  // who signed in (app-only: not set)
  sim::TenantId tenant;       // the token's tenant
  std::string upn;
  bool app_only = false;  // client_credentials: no user behind it
};

class BearerAuthenticator {
 public:
  virtual ~BearerAuthenticator() = default;
  // `authorization` is the header's value ("Bearer eyJ..."), maybe empty.
  virtual sim::Result<Caller> Authenticate(std::string_view authorization) = 0;
};

}  // namespace tiersim::mocks
