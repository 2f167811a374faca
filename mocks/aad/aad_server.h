// AadServer: Azure AD's v2.0 endpoints as a real HTTPS server, so standard
// OpenID Connect and MSAL clients configured with its authority
// ("https://localhost:PORT/<tenant>") work unchanged.
//
//   GET  /{tenant}/v2.0/.well-known/openid-configuration   discovery
//   GET  /{tenant}/discovery/v2.0/keys                      JWKS
//   POST /{tenant}/oauth2/v2.0/token     client_credentials, password,
//                                        refresh_token, authorization_code
//   GET|POST /{tenant}/oauth2/v2.0/authorize   sign-in page (+ forced
//                                        password change), PKCE
//   GET  /common/userrealm/{user}        MSAL's realm discovery: "Managed"
//   POST /{tenant}/tiersim/v1/password   ours: {userName, currentPassword,
//                                        newPassword}, for programmatic
//                                        clients facing a temporary password
//                                        (the current password is the
//                                        proof; {tenant} must exist)
//   POST /_tiersim/apps                  ours: register a confidential app,
//                                        {tenant, displayName, roles,
//                                        redirectUris} → {clientId,
//                                        clientSecret, tenant}
//   + /livez, /readyz, /_tiersim/reset, /_tiersim/clock with a Plumbing.
//
// {tenant} is a tenant GUID (guids.h), a verified domain
// ("contoso.onmicrosoft.com"), "organizations" or "common"; anything else
// is AADSTS90002. Tokens are RS256 JWTs (jwt.h) in virtual time
// (AadBackend::Now). Errors have Azure AD's shape (aadsts_errors.h). The
// built-in public client and app registrations are in app_registry.h.
// Nothing is remembered between requests but codes, refresh tokens and
// apps: the sign-in page keeps no session, so every authorize request
// signs in.
//
// Ownership: the server borrows the backend, the signing key and the
// plumbing (all must outlive it) and owns its HTTP server, apps and grants.
// Threads: construct, RegisterApp and Start from one thread; requests are
// then served concurrently from the HTTP worker pool; RegisterApp and
// ResetState stay safe to call at any time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "mocks/aad/aad_backend.h"
#include "mocks/aad/protocol/app_registry.h"
#include "mocks/aad/protocol/jwt.h"
#include "mocks/http/http_server.h"
#include "mocks/http/plumbing.h"
#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::mocks {

inline constexpr std::string_view kPartnerCenterAudience =
    "https://api.partnercenter.microsoft.com";

struct AadServerOptions {
  // Set `http.tls` for HTTPS (as every real client expects; see
  // certificates.h). Plain HTTP works for in-process tests of the routes.
  HttpServerOptions http;
  sim::Duration access_token_lifetime = std::chrono::hours(1);
  sim::Duration id_token_lifetime = std::chrono::hours(1);
  sim::Duration refresh_token_lifetime = sim::Days(90);
  sim::Duration code_lifetime = std::chrono::minutes(10);
  // The Partner Center API: scope "<audience>/.default" or
  // "<audience>/user_impersonation" gives tokens with this `aud`.
  std::string partner_center_audience = std::string(kPartnerCenterAudience);
};

class AadService;  // aad_service.h

class AadServer {
 public:
  AadServer(AadBackend& backend, const SigningKey& key,
            AadServerOptions options = {}, Plumbing* plumbing = nullptr);
  AadServer(const AadServer&) = delete;
  AadServer& operator=(const AadServer&) = delete;
  ~AadServer();  // stops

  // See HttpServer::Start.
  sim::Status Start();
  void Stop();

  // "https://localhost:PORT" once started: the authority's origin.
  std::string url() const;
  int port() const;
  // "https://localhost:PORT/<tenant guid>/v2.0", the `iss` of its tokens.
  std::string issuer(std::string_view tenant_guid) const;
  // A verifier trusting this server's key and issuer (after Start).
  TokenVerifier MakeVerifier() const;

  // What POST /_tiersim/apps does. kUnknownTenant, kInvalidArgument.
  sim::Result<AppCredentials> RegisterApp(NewApp app);
  // Forgets registered apps, codes and refresh tokens: call it from the
  // owner's Plumbing::Reset.
  void ResetState();

 private:
  std::unique_ptr<AadService> service_;
};

}  // namespace tiersim::mocks
