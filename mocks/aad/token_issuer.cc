#include "mocks/aad/token_issuer.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "mocks/aad/protocol/guids.h"
#include "mocks/common/crypto_util.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;

std::int64_t Seconds(sim::Duration d) {
  return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}

}  // namespace

AadResult<std::string> IssueUserTokens(AadService& s,
                                       const UserTokenRequest& request) {
  const sim::SimTime now = s.backend.Now();
  const AadServerOptions& options = s.options();
  const std::string tid = TenantGuid(request.user.tenant);
  const std::string oid = UserGuid(request.user.id);
  const std::string issuer = IssuerFor(s.base_url(), tid);
  const ScopeSet& scopes = request.scopes;

  TokenClaims access{
      .issuer = issuer,
      .audience = scopes.resource->audience,
      .tenant = tid,
      .object = oid,
      .subject = oid,
      .upn = request.user.upn,
      .name = request.user.display_name,
      .app_id = request.app->client_id,
      .roles = s.backend.Roles(request.user.id),
      .scopes = scopes.DelegatedScopes(),
      .issued_at = now,
      .not_before = now,
      .expires_at = now + options.access_token_lifetime,
      .app_only = false,
      .nonce = {},
      .token_id = RandomToken(16),
  };
  auto access_token = Sign(access, s.key);
  if (!access_token.ok()) {
    return aadsts::Internal(access_token.status().message());
  }
  json body{{"token_type", "Bearer"},
            {"scope", scopes.Granted()},
            {"expires_in", Seconds(options.access_token_lifetime)},
            {"ext_expires_in", Seconds(options.access_token_lifetime)},
            {"access_token", std::move(*access_token)}};

  if (scopes.offline_access || request.refresh) {
    body["refresh_token"] = s.grants.IssueRefreshToken(
        RefreshGrant{.client_id = request.app->client_id,
                     .user = request.user.id,
                     .tenant = request.user.tenant,
                     .scope = scopes.Granted(),
                     .expires_at = now + options.refresh_token_lifetime},
        now);
  }
  if (scopes.openid) {
    TokenClaims id{
        .issuer = issuer,
        .audience = request.app->client_id,
        .tenant = tid,
        .object = oid,
        .subject = oid,
        .upn = request.user.upn,
        .name = request.user.display_name,
        .app_id = {},
        .roles = {},
        .scopes = {},
        .issued_at = now,
        .not_before = now,
        .expires_at = now + options.id_token_lifetime,
        .app_only = false,
        .nonce = request.nonce,
        .token_id = RandomToken(16),
    };
    auto id_token = Sign(id, s.key);
    if (!id_token.ok()) return aadsts::Internal(id_token.status().message());
    body["id_token"] = std::move(*id_token);
  }
  if (request.client_info) {
    body["client_info"] =
        Base64UrlEncode(json{{"uid", oid}, {"utid", tid}}.dump());
  }
  return body.dump();
}

AadResult<std::string> IssueAppToken(AadService& s, const AppRegistration& app,
                                     sim::TenantId tenant,
                                     const ScopeSet& scopes) {
  const sim::SimTime now = s.backend.Now();
  const AadServerOptions& options = s.options();
  const std::string tid = TenantGuid(tenant);
  TokenClaims access{
      .issuer = IssuerFor(s.base_url(), tid),
      .audience = scopes.resource->audience,
      .tenant = tid,
      .object = app.client_id,
      .subject = app.client_id,
      .upn = {},
      .name = {},
      .app_id = app.client_id,
      .roles = app.roles,
      .scopes = {},
      .issued_at = now,
      .not_before = now,
      .expires_at = now + options.access_token_lifetime,
      .app_only = true,
      .nonce = {},
      .token_id = RandomToken(16),
  };
  auto access_token = Sign(access, s.key);
  if (!access_token.ok()) {
    return aadsts::Internal(access_token.status().message());
  }
  return json{{"token_type", "Bearer"},
              {"expires_in", Seconds(options.access_token_lifetime)},
              {"ext_expires_in", Seconds(options.access_token_lifetime)},
              {"access_token", std::move(*access_token)}}
      .dump();
}

}  // namespace tiersim::mocks
