#include "mocks/aad/aad_server.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "mocks/aad/aad_service.h"
#include "mocks/aad/protocol/guids.h"
#include "mocks/common/crypto_util.h"
#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;

// The OpenID Connect discovery document for `tenant` (RFC 8414 / OIDC
// Discovery 1.0), with the members Azure AD's v2.0 document has that
// tiersim honours.
json DiscoveryDocument(const AadService& s, const TenantRef& tenant) {
  const std::string base = s.base_url();
  // Like Azure AD: endpoints name the tenant GUID when there is one;
  // common/organizations keep their name and the issuer a placeholder.
  const std::string segment = tenant.specific() ? tenant.guid : tenant.segment;
  const std::string prefix = base + "/" + segment;
  return json{
      {"issuer",
       IssuerFor(base, tenant.specific() ? tenant.guid : "{tenantid}")},
      {"authorization_endpoint", prefix + "/oauth2/v2.0/authorize"},
      {"token_endpoint", prefix + "/oauth2/v2.0/token"},
      {"jwks_uri", prefix + "/discovery/v2.0/keys"},
      {"response_types_supported", {"code"}},
      {"response_modes_supported", {"query", "form_post"}},
      {"grant_types_supported",
       {"authorization_code", "client_credentials", "password",
        "refresh_token"}},
      {"subject_types_supported", {"pairwise"}},
      {"id_token_signing_alg_values_supported", {"RS256"}},
      {"token_endpoint_auth_methods_supported",
       {"client_secret_post", "client_secret_basic"}},
      {"code_challenge_methods_supported", {"S256", "plain"}},
      {"scopes_supported", {"openid", "profile", "email", "offline_access"}},
      {"claims_supported",
       {"sub", "iss", "aud", "exp", "iat", "nbf", "name", "nonce", "oid", "tid",
        "upn", "preferred_username", "roles", "scp", "azp", "appid", "ver"}},
      {"request_uri_parameter_supported", false},
      {"tenant_region_scope", "NA"},
      {"cloud_instance_name", "tiersim.local"},
  };
}

void HandleDiscovery(AadService& s, const Request& req, Response& res) {
  auto tenant = s.ResolveTenant(req.matches[1]);
  if (!tenant.ok()) return s.ReplyError(req, res, tenant.error());
  ReplyJson(res, 200, DiscoveryDocument(s, *tenant).dump());
}

void HandleKeys(AadService& s, const Request& req, Response& res) {
  auto tenant = s.ResolveTenant(req.matches[1]);
  if (!tenant.ok()) return s.ReplyError(req, res, tenant.error());
  json jwk = json::parse(s.key.public_key().JwkJson());
  jwk["issuer"] =
      IssuerFor(s.base_url(), tenant->specific() ? tenant->guid : "{tenantid}");
  ReplyJson(res, 200, json{{"keys", json::array({std::move(jwk)})}}.dump());
}

// MSAL asks whether a user's domain is federated before a password grant.
void HandleUserRealm(AadService& s, const Request& req, Response& res) {
  const std::string user = req.matches[1];
  const std::size_t at = user.rfind('@');
  const std::string domain = at == std::string::npos ? "" : user.substr(at + 1);
  const bool known =
      !domain.empty() && s.backend.FindTenantByDomain(domain).has_value();
  ReplyJson(res, 200,
            json{{"ver", "1.0"},
                 {"account_type", known ? "Managed" : "Unknown"},
                 {"domain_name", domain},
                 {"cloud_instance_name", "tiersim.local"},
                 {"cloud_audience_urn", "urn:federation:MicrosoftOnline"}}
                .dump());
}

}  // namespace

// ---- AadService ----

AadService::AadService(AadBackend& backend_in, const SigningKey& key_in,
                       AadServerOptions options)
    : backend(backend_in),
      key(key_in),
      http("aad", options.http),
      options_(std::move(options)) {
  resources.push_back(ApiResource{
      .uri = options_.partner_center_audience,
      .audience = options_.partner_center_audience,
      .permissions = {"user_impersonation"},
  });
  resources.push_back(GraphResource());
}

AadResult<TenantRef> AadService::ResolveTenant(std::string_view segment) {
  TenantRef ref;
  ref.segment = std::string(segment);
  ref.name = ref.segment;
  if (EqualsIgnoreCase(segment, "common")) {
    ref.kind = TenantRef::Kind::kCommon;
    return ref;
  }
  if (EqualsIgnoreCase(segment, "organizations")) {
    ref.kind = TenantRef::Kind::kOrganizations;
    return ref;
  }
  std::optional<sim::TenantId> id = ParseTenantGuid(segment);
  if (!id && IsDomainName(segment)) id = backend.FindTenantByDomain(segment);
  if (!id) return aadsts::TenantNotFound(segment);
  auto info = backend.GetTenant(*id);
  if (!info.ok()) return aadsts::TenantNotFound(segment);
  ref.id = *id;
  ref.guid = TenantGuid(*id);
  ref.name = info->domain;
  return ref;
}

ErrorContext AadService::NewErrorContext(const Request& req) {
  std::string correlation = HeaderValue(req, "client-request-id");
  if (correlation.empty() || correlation.size() > 64) {
    correlation = RandomGuid();
  }
  return ErrorContext{.now = backend.Now(),
                      .trace_id = RandomGuid(),
                      .correlation_id = std::move(correlation)};
}

void AadService::ReplyError(const Request& req, Response& res,
                            const AadError& error) {
  const ErrorContext context = NewErrorContext(req);
  if (error.http_status == 401) {
    res.set_header("WWW-Authenticate", "Basic realm=\"tiersim Azure AD\"");
  }
  res.set_header("Cache-Control", "no-store");
  res.set_header("client-request-id", context.correlation_id);
  res.set_header("x-ms-request-id", context.trace_id);
  ReplyJson(res, error.http_status, AadErrorJson(error, context));
}

void AddMetadataRoutes(AadService& s) {
  Router& r = s.http.routes();
  const std::string t = kTenantPattern;
  r.Get(t + R"(/v2\.0/\.well-known/openid-configuration)",
        [&s](const Request& req, Response& res) {
          HandleDiscovery(s, req, res);
        });
  r.Get(t + R"(/discovery/v2\.0/keys)",
        [&s](const Request& req, Response& res) { HandleKeys(s, req, res); });
  r.Get(R"(/common/userrealm/([^/]+))",
        [&s](const Request& req, Response& res) {
          HandleUserRealm(s, req, res);
        });
  // What the layer or the router refused (unknown routes, bodies over the
  // limit, malformed requests, a failed handler) gets Azure AD's error
  // shape too.
  r.set_error_handler(
      [&s](const Request& req, const HttpError& http, Response& res) {
        AadError error;
        if (http.status == 404) {
          error = aadsts::NotFound(req.method, req.path);
        } else if (http.status == 413) {
          error = aadsts::BodyTooLarge(s.options().http.max_body_bytes);
        } else if (http.status == 405) {
          error = aadsts::PostOnly();
        } else if (http.status >= 500) {
          error = aadsts::Internal(http.message);
        } else {
          error = aadsts::MalformedRequest(http.message);
        }
        error.http_status = http.status;
        s.ReplyError(req, res, error);
      });
}

// ---- AadServer ----

AadServer::AadServer(AadBackend& backend, const SigningKey& key,
                     AadServerOptions options, Plumbing* plumbing)
    : service_(std::make_unique<AadService>(backend, key, std::move(options))) {
  if (plumbing != nullptr) AddPlumbing(service_->http, *plumbing);
  AddMetadataRoutes(*service_);
  AddAccountRoutes(*service_);
  AddTokenRoute(*service_);
  AddAuthorizeRoutes(*service_);
}

AadServer::~AadServer() { Stop(); }

sim::Status AadServer::Start() { return service_->http.Start(); }
void AadServer::Stop() { service_->http.Stop(); }
std::string AadServer::url() const { return service_->base_url(); }
int AadServer::port() const { return service_->http.port(); }

std::string AadServer::issuer(std::string_view tenant_guid) const {
  return IssuerFor(url(), tenant_guid);
}

TokenVerifier AadServer::MakeVerifier() const {
  return TokenVerifier({service_->key.public_key()}, url());
}

sim::Result<AppCredentials> AadServer::RegisterApp(NewApp app) {
  auto tenant = service_->backend.GetTenant(app.tenant);
  if (!tenant.ok()) return tenant.status();
  return service_->apps.Register(std::move(app));
}

void AadServer::ResetState() {
  service_->apps.Reset();
  service_->grants.Reset();
}

}  // namespace tiersim::mocks
