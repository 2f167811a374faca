// The token endpoint's success responses: access tokens (delegated or
// app-only), ID tokens, rotated refresh tokens and client_info, built from a
// checked grant. Internal to mocks/aad.
//
//   {"token_type":"Bearer","scope":"...","expires_in":3600,
//    "ext_expires_in":3600,"access_token":"...","refresh_token":"...",
//    "id_token":"...","client_info":"..."}
//
// Threads: as AadService (safe from any worker thread).
#pragma once

#include <string>

#include "mocks/aad/aad_service.h"

namespace tiersim::mocks {

struct UserTokenRequest {
  const AppRegistration* app = nullptr;
  sim::DirectoryUser user;
  ScopeSet scopes;
  std::string nonce;         // into the ID token
  bool client_info = false;  // the request had client_info=1 (MSAL does)
  bool refresh = false;      // a refresh_token grant: always rotate
};

// Delegated tokens for `request.user` in the user's home tenant. An ID
// token when `openid` was asked for, a refresh token with `offline_access`
// (or on refresh). 500 if signing fails.
AadResult<std::string> IssueUserTokens(AadService& s,
                                       const UserTokenRequest& request);

// An app-only access token for `app` in `tenant` (client_credentials):
// `roles` are the app's, `idtyp` is "app", `oid`/`sub` are the client ID.
AadResult<std::string> IssueAppToken(AadService& s, const AppRegistration& app,
                                     sim::TenantId tenant,
                                     const ScopeSet& scopes);

}  // namespace tiersim::mocks
