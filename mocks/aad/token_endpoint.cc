// POST /{tenant}/oauth2/v2.0/token: client authentication and the four
// grants (client_credentials, password, refresh_token, authorization_code
// with PKCE), each answered with tokens (token_issuer.h) or an AADSTS error.
#include <string>

#include "mocks/aad/aad_service.h"
#include "mocks/aad/protocol/guids.h"
#include "mocks/aad/token_issuer.h"
#include "mocks/common/crypto_util.h"
#include "mocks/common/form_encoding.h"
#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

struct TokenRequest {
  TenantRef tenant;
  FormFields form;
  std::shared_ptr<const AppRegistration> app;
};

// client_id and client_secret from the body or HTTP Basic (RFC 6749
// §2.3.1: both form-encoded inside the Basic credentials), then the app and
// its secret.
AadResult<std::shared_ptr<const AppRegistration>> AuthenticateClient(
    AadService& s, const Request& req, const FormFields& form,
    const TenantRef& tenant) {
  std::string client_id(form.Get("client_id"));
  const std::string* secret_in_body = form.Find("client_secret");
  std::optional<std::string> secret;
  if (secret_in_body != nullptr) secret = *secret_in_body;

  const std::string authorization = HeaderValue(req, "Authorization");
  if (StartsWithIgnoreCase(authorization, "Basic ")) {
    auto decoded = Base64Decode(std::string_view(authorization).substr(6));
    const std::size_t colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) {
      return aadsts::MalformedRequest(
          "the Basic authorization header is not base64 of "
          "client_id:client_secret");
    }
    auto id = PercentDecode(decoded->substr(0, colon), true);
    auto basic_secret = PercentDecode(decoded->substr(colon + 1), true);
    if (!id || !basic_secret) {
      return aadsts::MalformedRequest(
          "the Basic authorization header has a malformed escape");
    }
    if (secret) {
      return aadsts::MalformedRequest(
          "the client secret is given both in the body and in the "
          "Authorization header; use one");
    }
    if (!client_id.empty() && client_id != *id) {
      return aadsts::MalformedRequest(
          "client_id in the body differs from the Authorization header's");
    }
    client_id = std::move(*id);
    secret = std::move(*basic_secret);
  }
  if (client_id.empty()) return aadsts::MissingParameter("client_id");
  auto app = s.apps.Find(client_id);
  if (app == nullptr) {
    return aadsts::UnknownApplication(client_id, tenant.name);
  }
  if (app->tenant && tenant.specific() && *app->tenant != *tenant.id) {
    return aadsts::UnknownApplication(client_id, tenant.name);
  }
  if (!app->confidential) {
    // Some libraries send a public client's ID as "id:" in Basic; an empty
    // secret is no secret.
    if (secret && !secret->empty()) return aadsts::PublicClientWithSecret();
    return app;
  }
  if (!secret || secret->empty()) return aadsts::MissingClientSecret();
  if (!s.apps.CheckSecret(*app, *secret)) {
    return aadsts::InvalidClientSecret(client_id);
  }
  return app;
}

// A required form parameter, or AADSTS900144.
AadResult<std::string> Required(const FormFields& form, const char* name) {
  const std::string* v = form.Find(name);
  if (v == nullptr || v->empty()) return aadsts::MissingParameter(name);
  return *v;
}

bool WantsClientInfo(const FormFields& form) {
  return form.Get("client_info") == "1";
}

// The user's home tenant must be the one the request names (if it names
// one) and, for an app with a home tenant, the app's.
std::optional<AadError> CheckUserTenant(const TenantRef& tenant,
                                        const AppRegistration& app,
                                        const sim::DirectoryUser& user) {
  if (tenant.specific() && user.tenant != *tenant.id) {
    return aadsts::UserNotInTenant(user.upn, tenant.name);
  }
  if (app.tenant && user.tenant != *app.tenant) {
    return aadsts::UserNotInTenant(user.upn, TenantGuid(*app.tenant));
  }
  return std::nullopt;
}

AadResult<std::string> ClientCredentials(AadService& s, const TokenRequest& r) {
  if (!r.app->confidential) return aadsts::MissingClientSecret();
  if (!r.tenant.specific()) return aadsts::CommonEndpointNotSupported();
  auto scope = Required(r.form, "scope");
  if (!scope.ok()) return scope.error();
  auto scopes = ParseScopes(*scope, s.resources, r.tenant.name);
  if (!scopes.ok()) return scopes.error();
  if (!scopes->is_default()) {
    return aadsts::ClientCredentialsNeedDefault(*scope);
  }
  return IssueAppToken(s, *r.app, *r.tenant.id, *scopes);
}

AadResult<std::string> Password(AadService& s, const TokenRequest& r) {
  if (r.tenant.kind == TenantRef::Kind::kCommon) {
    return aadsts::CommonEndpointNotSupported();
  }
  auto username = Required(r.form, "username");
  if (!username.ok()) return username.error();
  auto password = Required(r.form, "password");
  if (!password.ok()) return password.error();
  auto scope = Required(r.form, "scope");
  if (!scope.ok()) return scope.error();
  auto scopes = ParseScopes(*scope, s.resources, r.tenant.name);
  if (!scopes.ok()) return scopes.error();

  auto user = s.backend.SignIn(*username, *password);
  if (!user.ok()) return FromStatus(user.status());
  if (auto e = CheckUserTenant(r.tenant, *r.app, *user)) return *e;
  return IssueUserTokens(
      s, UserTokenRequest{.app = r.app.get(),
                          .user = std::move(*user),
                          .scopes = std::move(*scopes),
                          .nonce = {},
                          .client_info = WantsClientInfo(r.form),
                          .refresh = false});
}

AadResult<std::string> RefreshToken(AadService& s, const TokenRequest& r) {
  auto token = Required(r.form, "refresh_token");
  if (!token.ok()) return token.error();
  const sim::SimTime now = s.backend.Now();
  auto redeemed = s.grants.RedeemRefreshToken(*token, now);
  switch (redeemed.outcome) {
    case RedeemOutcome::kOk:
      break;
    case RedeemOutcome::kUnknown:
      return aadsts::InvalidRefreshToken("is unknown or malformed");
    case RedeemOutcome::kAlreadyUsed:
      return aadsts::InvalidRefreshToken(
          "was already used: refresh tokens rotate, use the one returned "
          "with it");
    case RedeemOutcome::kExpired:
      return aadsts::RefreshTokenExpired();
  }
  const RefreshGrant& grant = redeemed.grant;
  if (grant.client_id != r.app->client_id) {
    return aadsts::InvalidRefreshToken("was issued to another application");
  }
  if (r.tenant.specific() && grant.tenant != *r.tenant.id) {
    return aadsts::InvalidRefreshToken("was issued in another tenant");
  }
  // A refresh token may be used for another resource (Azure AD's
  // multi-resource refresh tokens); without `scope`, the original scopes.
  const std::string* scope = r.form.Find("scope");
  auto scopes =
      ParseScopes(scope != nullptr && !scope->empty() ? *scope : grant.scope,
                  s.resources, r.tenant.name);
  if (!scopes.ok()) return scopes.error();
  auto user = s.backend.GetUser(grant.user);
  if (!user.ok()) {
    return aadsts::InvalidRefreshToken(
        "belongs to a user who no longer exists");
  }
  return IssueUserTokens(
      s, UserTokenRequest{.app = r.app.get(),
                          .user = std::move(*user),
                          .scopes = std::move(*scopes),
                          .nonce = {},
                          .client_info = WantsClientInfo(r.form),
                          .refresh = true});
}

// RFC 7636 §4.1: 43-128 characters of [A-Za-z0-9-._~].
bool IsCodeVerifier(std::string_view v) {
  if (v.size() < 43 || v.size() > 128) return false;
  for (char c : v) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                    c == '_' || c == '~';
    if (!ok) return false;
  }
  return true;
}

std::optional<AadError> CheckPkce(const CodeGrant& grant,
                                  const FormFields& form) {
  if (grant.code_challenge.empty()) return std::nullopt;
  const std::string* verifier = form.Find("code_verifier");
  if (verifier == nullptr || verifier->empty()) {
    return aadsts::MissingParameter("code_verifier");
  }
  if (!IsCodeVerifier(*verifier)) return aadsts::InvalidCodeVerifier();
  std::string expected = *verifier;
  if (grant.code_challenge_method == "S256") {
    const Sha256Digest digest = Sha256(*verifier);
    expected = Base64UrlEncode(std::string_view(
        reinterpret_cast<const char*>(digest.data()), digest.size()));
  }
  if (!ConstantTimeEquals(expected, grant.code_challenge)) {
    return aadsts::PkceMismatch();
  }
  return std::nullopt;
}

AadResult<std::string> AuthorizationCode(AadService& s, const TokenRequest& r) {
  auto code = Required(r.form, "code");
  if (!code.ok()) return code.error();
  auto redirect_uri = Required(r.form, "redirect_uri");
  if (!redirect_uri.ok()) return redirect_uri.error();
  // Consumed here, whatever the checks below say: a code is tried once.
  auto redeemed = s.grants.RedeemCode(*code, s.backend.Now());
  switch (redeemed.outcome) {
    case RedeemOutcome::kOk:
      break;
    case RedeemOutcome::kUnknown:
      return aadsts::InvalidCode("it is unknown or malformed");
    case RedeemOutcome::kAlreadyUsed:
      return aadsts::CodeAlreadyRedeemed();
    case RedeemOutcome::kExpired:
      return aadsts::CodeExpired();
  }
  const CodeGrant& grant = redeemed.grant;
  if (grant.client_id != r.app->client_id) {
    return aadsts::InvalidCode("it was issued to another application");
  }
  if (grant.redirect_uri != *redirect_uri) {
    return aadsts::InvalidCode(
        "redirect_uri differs from the one of the authorization request");
  }
  if (r.tenant.specific() && grant.tenant != *r.tenant.id) {
    return aadsts::InvalidCode("it was issued in another tenant");
  }
  if (auto e = CheckPkce(grant, r.form)) return *e;
  auto scopes = ParseScopes(grant.scope, s.resources, r.tenant.name);
  if (!scopes.ok()) return scopes.error();
  auto user = s.backend.GetUser(grant.user);
  if (!user.ok()) {
    return aadsts::InvalidCode("its user no longer exists");
  }
  return IssueUserTokens(
      s, UserTokenRequest{.app = r.app.get(),
                          .user = std::move(*user),
                          .scopes = std::move(*scopes),
                          .nonce = grant.nonce,
                          .client_info = WantsClientInfo(r.form),
                          .refresh = false});
}

void HandleToken(AadService& s, const Request& req, Response& res) {
  auto tenant = s.ResolveTenant(req.matches[1]);
  if (!tenant.ok()) return s.ReplyError(req, res, tenant.error());
  if (!StartsWithIgnoreCase(HeaderValue(req, "Content-Type"),
                            "application/x-www-form-urlencoded")) {
    return s.ReplyError(req, res,
                        aadsts::MalformedRequest("the body must be application/"
                                                 "x-www-form-urlencoded"));
  }
  auto form = ParseForm(req.body);
  if (!form.ok()) {
    return s.ReplyError(req, res,
                        aadsts::MalformedRequest(form.status().message()));
  }
  const std::string grant_type(form->Get("grant_type"));
  using Grant = AadResult<std::string> (*)(AadService&, const TokenRequest&);
  Grant grant = nullptr;
  if (grant_type.empty()) {
    return s.ReplyError(req, res, aadsts::MissingParameter("grant_type"));
  } else if (grant_type == "client_credentials") {
    grant = &ClientCredentials;
  } else if (grant_type == "password") {
    grant = &Password;
  } else if (grant_type == "refresh_token") {
    grant = &RefreshToken;
  } else if (grant_type == "authorization_code") {
    grant = &AuthorizationCode;
  } else {
    return s.ReplyError(req, res, aadsts::UnsupportedGrantType(grant_type));
  }
  auto app = AuthenticateClient(s, req, *form, *tenant);
  if (!app.ok()) return s.ReplyError(req, res, app.error());
  auto body = grant(s, TokenRequest{.tenant = std::move(*tenant),
                                    .form = std::move(*form),
                                    .app = std::move(*app)});
  if (!body.ok()) return s.ReplyError(req, res, body.error());
  res.set_header("Cache-Control", "no-store");
  res.set_header("Pragma", "no-cache");
  ReplyJson(res, 200, std::move(*body));
}

}  // namespace

void AddTokenRoute(AadService& s) {
  Router& r = s.http.routes();
  const std::string path =
      std::string(kTenantPattern) + R"(/oauth2/v2\.0/token)";
  r.Post(path,
         [&s](const Request& req, Response& res) { HandleToken(s, req, res); });
  r.Get(path, [&s](const Request& req, Response& res) {
    res.set_header("Allow", "POST");
    s.ReplyError(req, res, aadsts::PostOnly());
  });
}

}  // namespace tiersim::mocks
