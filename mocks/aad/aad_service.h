// AadService: the state and helpers the Azure AD endpoint files share
// (aad_server.cc, account_routes.cc, token_endpoint.cc, authorize_page.cc).
// Internal to
// mocks/aad; other code uses aad_server.h.
//
// Threads: every member is safe to use from the HTTP worker threads at once
// (the backend serialises itself, AppRegistry and GrantStore lock, the
// signing key is immutable); the helpers take no lock of their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mocks/aad/aad_backend.h"
#include "mocks/aad/aad_server.h"
#include "mocks/aad/protocol/aadsts_errors.h"
#include "mocks/aad/protocol/app_registry.h"
#include "mocks/aad/protocol/grant_store.h"
#include "mocks/aad/protocol/jwt.h"
#include "mocks/aad/protocol/scopes.h"
#include "mocks/http/http_server.h"

namespace tiersim::mocks {

// The {tenant} of a request path, resolved.
struct TenantRef {
  enum class Kind { kTenant, kCommon, kOrganizations };
  Kind kind = Kind::kTenant;
  std::string segment;              // as written in the path
  std::optional<sim::TenantId> id;  // kTenant only
  std::string guid;                 // kTenant only
  std::string name;                 // for messages: domain or segment

  bool specific() const { return kind == Kind::kTenant; }
};

class AadService {
 public:
  AadService(AadBackend& backend, const SigningKey& key,
             AadServerOptions options);

  // "https://localhost:PORT" (valid once the HTTP server has started).
  std::string base_url() const { return http.url(); }
  // Resolves a GUID, a verified domain, "common" or "organizations";
  // AADSTS90002 otherwise.
  AadResult<TenantRef> ResolveTenant(std::string_view segment);
  // Replies with the Azure AD error body (and WWW-Authenticate for a 401).
  void ReplyError(const Request& req, Response& res, const AadError& error);
  // A trace ID and the caller's client-request-id (or a fresh one).
  ErrorContext NewErrorContext(const Request& req);
  // The access-token lifetime etc.
  const AadServerOptions& options() const { return options_; }

  AadBackend& backend;
  const SigningKey& key;
  HttpServer http;
  AppRegistry apps;
  GrantStore grants;
  std::vector<ApiResource> resources;  // Partner Center, Microsoft Graph

 private:
  AadServerOptions options_;
};

// Route groups, each in its own file.
void AddMetadataRoutes(AadService& service);   // aad_server.cc
void AddAccountRoutes(AadService& service);    // account_routes.cc
void AddTokenRoute(AadService& service);       // token_endpoint.cc
void AddAuthorizeRoutes(AadService& service);  // authorize_page.cc

// Path patterns: the tenant is the first capture group.
inline constexpr const char* kTenantPattern = "/([^/]+)";

}  // namespace tiersim::mocks
