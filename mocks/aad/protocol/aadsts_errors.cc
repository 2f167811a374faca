#include "mocks/aad/protocol/aadsts_errors.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "mocks/common/json_text.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;

AadError Make(int http_status, std::string error, int code, std::string message,
              std::string suberror = {}) {
  return AadError{.http_status = http_status,
                  .error = std::move(error),
                  .code = code,
                  .message = std::move(message),
                  .suberror = std::move(suberror)};
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

std::string AadError::Description() const {
  if (code == 0) return message;
  return "AADSTS" + std::to_string(code) + ": " + message;
}

std::string AadTimestamp(sim::SimTime t) {
  const std::int64_t us = t.time_since_epoch().count();
  std::time_t secs =
      static_cast<std::time_t>(us / 1000000 - (us % 1000000 < 0 ? 1 : 0));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%SZ", &tm);
  return buf;
}

std::string AadErrorJson(const AadError& e, const ErrorContext& context) {
  const std::string timestamp = AadTimestamp(context.now);
  std::string description = e.Description();
  description += "\r\nTrace ID: " + context.trace_id;
  description += "\r\nCorrelation ID: " + context.correlation_id;
  description += "\r\nTimestamp: " + timestamp;
  json body{{"error", e.error},
            {"error_description", std::move(description)},
            {"error_codes", e.code == 0 ? json::array() : json{e.code}},
            {"timestamp", timestamp},
            {"trace_id", context.trace_id},
            {"correlation_id", context.correlation_id}};
  if (e.code != 0) {
    body["error_uri"] = "https://login.microsoftonline.com/error?code=" +
                        std::to_string(e.code);
  }
  if (!e.suberror.empty()) body["suberror"] = e.suberror;
  return DumpJson(body);
}

namespace aadsts {

AadError InvalidUsernameOrPassword() {
  return Make(400, "invalid_grant", 50126,
              "Error validating credentials due to invalid username or "
              "password.");
}

AadError PasswordExpired() {
  return Make(400, "invalid_grant", 50055,
              "The password is expired. The user signed in with a temporary "
              "password, which must be changed at first sign-in: change it "
              "on the sign-in page (/{tenant}/oauth2/v2.0/authorize) or with "
              "POST /{tenant}/tiersim/v1/password, then sign in with the new "
              "password.",
              "user_password_expired");
}

AadError UserNotInTenant(std::string_view upn, std::string_view tenant) {
  return Make(400, "invalid_grant", 50034,
              "The user account " + std::string(upn) +
                  " does not exist in the " + std::string(tenant) +
                  " directory. To sign into this application, the account "
                  "must be added to the directory.");
}

AadError UnknownApplication(std::string_view client_id,
                            std::string_view tenant) {
  return Make(400, "unauthorized_client", 700016,
              "Application with identifier " + Quote(client_id) +
                  " was not found in the directory " + Quote(tenant) +
                  ". This can happen if the application has not been "
                  "installed by the administrator of the tenant or consented "
                  "to by any user in the tenant. You may have sent your "
                  "authentication request to the wrong tenant.");
}

AadError InvalidClientSecret(std::string_view client_id) {
  return Make(401, "invalid_client", 7000215,
              "Invalid client secret provided. Ensure the secret being sent "
              "in the request is the client secret value, not the client "
              "secret ID, for a secret added to app " +
                  Quote(client_id) + ".");
}

AadError MissingClientSecret() {
  return Make(401, "invalid_client", 7000218,
              "The request body must contain the following parameter: "
              "'client_assertion' or 'client_secret'.");
}

AadError PublicClientWithSecret() {
  return Make(401, "invalid_client", 700025,
              "Client is public so neither 'client_assertion' nor "
              "'client_secret' should be presented.");
}

AadError TenantNotFound(std::string_view tenant) {
  return Make(400, "invalid_request", 90002,
              "Tenant " + Quote(tenant) +
                  " not found. Check to make sure you have the correct tenant "
                  "ID and are signing into the correct cloud.");
}

AadError MissingParameter(std::string_view name) {
  return Make(400, "invalid_request", 900144,
              "The request body must contain the following parameter: " +
                  Quote(name) + ".");
}

AadError UnsupportedGrantType(std::string_view grant_type) {
  return Make(
      400, "unsupported_grant_type", 70003,
      "The app requested an unsupported grant type " + Quote(grant_type) + ".");
}

AadError GrantTypeNotAllowed(std::string_view grant_type,
                             std::string_view client_id) {
  return Make(400, "unauthorized_client", 70000,
              "The grant type " + Quote(grant_type) +
                  " is not allowed for the application " + Quote(client_id) +
                  ".");
}

AadError CommonEndpointNotSupported() {
  return Make(400, "invalid_request", 9001023,
              "The grant type is not supported over the /common or "
              "/consumers endpoints. Please use the /organizations or "
              "tenant-specific endpoint.");
}

AadError CodeExpired() {
  return Make(400, "invalid_grant", 70008,
              "The provided authorization code or refresh token has expired "
              "due to inactivity. Send a new interactive authorization "
              "request for this user and resource.");
}

AadError CodeAlreadyRedeemed() {
  return Make(400, "invalid_grant", 54005,
              "OAuth2 Authorization code was already redeemed, please retry "
              "with a new valid code or use an existing refresh token.");
}

AadError InvalidCode(std::string_view why) {
  return Make(400, "invalid_grant", 70000,
              "The provided value for the 'code' parameter is not valid: " +
                  std::string(why) + ".");
}

AadError PkceMismatch() {
  return Make(400, "invalid_grant", 501481,
              "The Code_Verifier does not match the code_challenge supplied "
              "in the authorization request.");
}

AadError InvalidCodeVerifier() {
  return Make(400, "invalid_request", 501491,
              "Invalid size of Code_Verifier: a code_verifier has 43 to 128 "
              "characters from [A-Za-z0-9-._~].");
}

AadError InvalidScope(std::string_view scope) {
  return Make(400, "invalid_scope", 70011,
              "The provided value for the input parameter 'scope' is not "
              "valid. The scope " +
                  std::string(scope) + " is not valid.");
}

AadError ClientCredentialsNeedDefault(std::string_view scope) {
  return Make(400, "invalid_scope", 1002012,
              "The provided value for scope " + std::string(scope) +
                  " is not valid. Client credential flows must have a scope "
                  "value with /.default suffixed to the resource identifier "
                  "(application ID URI).");
}

AadError MultipleResources(std::string_view scope) {
  return Make(400, "invalid_scope", 28000,
              "Provided value for the input parameter scope is not valid "
              "because it contains more than one resource. Scope " +
                  std::string(scope) + " is not valid.");
}

AadError UnknownResource(std::string_view resource, std::string_view tenant) {
  return Make(400, "invalid_resource", 500011,
              "The resource principal named " + std::string(resource) +
                  " was not found in the tenant named " + std::string(tenant) +
                  ". This can happen if the application has not been "
                  "installed by the administrator of the tenant or consented "
                  "to by any user in the tenant. You might have sent your "
                  "authentication request to the wrong tenant.");
}

AadError RefreshTokenExpired() {
  return Make(400, "invalid_grant", 700082,
              "The refresh token has expired due to inactivity. The token "
              "was issued long enough ago to pass its lifetime; sign in "
              "again.");
}

AadError InvalidRefreshToken(std::string_view why) {
  return Make(400, "invalid_grant", 9002313,
              "Invalid request. Request is malformed or invalid: the "
              "refresh token " +
                  std::string(why) + ".");
}

AadError MalformedRequest(std::string_view why) {
  return Make(400, "invalid_request", 9002313,
              "Invalid request. Request is malformed or invalid: " +
                  std::string(why) + ".");
}

AadError PostOnly() {
  return Make(405, "invalid_request", 900561,
              "The endpoint only accepts POST requests. Received a GET "
              "request.");
}

AadError RedirectUriMismatch(std::string_view uri, std::string_view client_id) {
  return Make(400, "invalid_request", 50011,
              "The redirect URI " + Quote(uri) +
                  " specified in the request does not match the redirect "
                  "URIs configured for the application " +
                  Quote(client_id) + ".");
}

AadError UnsupportedResponseType(std::string_view type) {
  return Make(400, "unsupported_response_type", 700054,
              "response_type " + Quote(type) +
                  " is not enabled for the application; tiersim supports "
                  "'code'.");
}

AadError WrongCurrentPassword() {
  return Make(400, "invalid_grant", 120000,
              "Password change failed: the user name or current password is "
              "incorrect.");
}

AadError WeakNewPassword(std::string_view why) {
  return Make(400, "invalid_request", 120002,
              "Password change failed: the new password does not meet the "
              "password policy. " +
                  std::string(why));
}

AadError NotFound(std::string_view method, std::string_view path) {
  return Make(404, "not_found", 0,
              "No endpoint serves " + std::string(method) + " " +
                  std::string(path) +
                  ". Azure AD's endpoints are /{tenant}/v2.0/.well-known/"
                  "openid-configuration, /{tenant}/discovery/v2.0/keys, "
                  "/{tenant}/oauth2/v2.0/token and "
                  "/{tenant}/oauth2/v2.0/authorize.");
}

AadError BodyTooLarge(std::size_t limit) {
  return Make(413, "invalid_request", 0,
              "The request body is larger than the limit of " +
                  std::to_string(limit) + " bytes.");
}

AadError Internal(std::string_view why) {
  return Make(500, "server_error", 0,
              "An internal error occurred: " + std::string(why));
}

AadError Unavailable(std::string_view why) {
  return Make(503, "temporarily_unavailable", 0,
              "The service is temporarily unavailable: " + std::string(why));
}

}  // namespace aadsts

namespace {

struct AadstsRow {
  sim::ErrorCode code;
  int aadsts;
};
constexpr AadstsRow kAadstsRows[] = {
    {sim::ErrorCode::kInvalidCredentials, 50126},
    {sim::ErrorCode::kPasswordChangeRequired, 50055},
    {sim::ErrorCode::kWeakPassword, 120002},
    {sim::ErrorCode::kUnknownTenant, 90002},
};

}  // namespace

AadError FromStatus(const sim::Status& status) {
  using sim::ErrorCode;
  int aadsts = 0;
  for (const AadstsRow& row : kAadstsRows) {
    if (row.code == status.code()) aadsts = row.aadsts;
  }
  switch (aadsts) {
    case 50126:
      return aadsts::InvalidUsernameOrPassword();
    case 50055:
      return aadsts::PasswordExpired();
    case 120002:
      return aadsts::WeakNewPassword(status.message());
    case 90002:
      return aadsts::TenantNotFound(status.message());
    default:
      return status.code() == ErrorCode::kUnavailable
                 ? aadsts::Unavailable(status.message())
                 : aadsts::Internal(status.ToString());
  }
}

sim::ErrorCode ErrorCodeForAadsts(int aadsts_code) {
  if (aadsts_code == 50034) return sim::ErrorCode::kInvalidCredentials;
  for (const AadstsRow& row : kAadstsRows) {
    if (row.aadsts == aadsts_code) return row.code;
  }
  return sim::ErrorCode::kInvalidArgument;
}

}  // namespace tiersim::mocks
