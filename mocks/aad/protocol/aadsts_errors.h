// Azure AD's error responses: the OAuth 2.0 `error` string, the AADSTS code
// and its text, and the JSON body the v2.0 endpoint sends:
//
//   {"error":"invalid_grant",
//    "error_description":"AADSTS50126: Error validating credentials due to
//        invalid username or password.\r\nTrace ID: ...\r\nCorrelation ID:
//        ...\r\nTimestamp: 2026-01-01 00:00:00Z",
//    "error_codes":[50126], "timestamp":"2026-01-01 00:00:00Z",
//    "trace_id":"...", "correlation_id":"...",
//    "error_uri":"https://login.microsoftonline.com/error?code=50126"}
//
// Codes and texts follow Microsoft's table ("Microsoft Entra authentication
// and authorization error codes"); the texts are shortened where they name
// portal steps, and extended where tiersim has something to add (50055
// says how to change a temporary password). The timestamp is virtual time;
// error_uri points at Microsoft's own page for the code.
// Pure values and functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::mocks {

struct AadError {
  int http_status = 400;
  std::string error;     // OAuth 2.0 error: "invalid_grant", "invalid_client"
  int code = 0;          // AADSTS number; 0 for errors that have none (404)
  std::string message;   // the text after "AADSTS<code>: "
  std::string suberror;  // optional, e.g. "user_password_expired"

  // "AADSTS50126: Error validating ..." (just `message` when code is 0).
  std::string Description() const;
};

// The value or the AadError to send.
template <typename T>
class [[nodiscard]] AadResult {
 public:
  AadResult(T value) : v_(std::move(value)) {}         // NOLINT: implicit
  AadResult(AadError error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  T& operator*() { return std::get<T>(v_); }
  const T& operator*() const { return std::get<T>(v_); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }
  const AadError& error() const { return std::get<AadError>(v_); }

 private:
  std::variant<T, AadError> v_;
};

// Per-response diagnostics: a fresh trace ID, the caller's correlation ID
// (MSAL's client-request-id header) or a fresh one.
struct ErrorContext {
  sim::SimTime now;
  std::string trace_id;
  std::string correlation_id;
};

// The JSON body above.
std::string AadErrorJson(const AadError& error, const ErrorContext& context);
// "2026-01-01 00:00:00Z", Azure AD's timestamp format.
std::string AadTimestamp(sim::SimTime t);

// The codes tiersim sends. Each names the situation in Microsoft's words.
namespace aadsts {
AadError InvalidUsernameOrPassword();  // 50126
AadError PasswordExpired();            // 50055
AadError UserNotInTenant(std::string_view upn,
                         std::string_view tenant);  // 50034
AadError UnknownApplication(std::string_view client_id,
                            std::string_view tenant);        // 700016
AadError InvalidClientSecret(std::string_view client_id);    // 7000215
AadError MissingClientSecret();                              // 7000218
AadError PublicClientWithSecret();                           // 700025
AadError TenantNotFound(std::string_view tenant);            // 90002
AadError MissingParameter(std::string_view name);            // 900144
AadError UnsupportedGrantType(std::string_view grant_type);  // 70003
AadError GrantTypeNotAllowed(std::string_view grant_type,
                             std::string_view client_id);       // 70000
AadError CommonEndpointNotSupported();                          // 9001023
AadError CodeExpired();                                         // 70008
AadError CodeAlreadyRedeemed();                                 // 54005
AadError InvalidCode(std::string_view why);                     // 70000
AadError PkceMismatch();                                        // 501481
AadError InvalidCodeVerifier();                                 // 501491
AadError InvalidScope(std::string_view scope);                  // 70011
AadError ClientCredentialsNeedDefault(std::string_view scope);  // 1002012
AadError MultipleResources(std::string_view scope);             // 28000
AadError UnknownResource(std::string_view resource,
                         std::string_view tenant);   // 500011
AadError RefreshTokenExpired();                      // 700082
AadError InvalidRefreshToken(std::string_view why);  // 9002313
AadError MalformedRequest(std::string_view why);     // 9002313
AadError PostOnly();                                 // 900561
AadError RedirectUriMismatch(std::string_view uri,
                             std::string_view client_id);           // 50011
AadError UnsupportedResponseType(std::string_view type);            // 700054
AadError WrongCurrentPassword();                                    // 120000
AadError WeakNewPassword(std::string_view why);                     // 120002
AadError NotFound(std::string_view method, std::string_view path);  // 404
AadError BodyTooLarge(std::size_t limit);                           // 413
AadError Internal(std::string_view why);                            // 500
AadError Unavailable(std::string_view why);                         // 503
}  // namespace aadsts

// The one mapping between the core's codes and AADSTS codes, used both
// ways: FromStatus by the server, ErrorCodeForAadsts by the network client.
//   kInvalidCredentials     50126 (50034, unknown user, reads back as it too)
//   kPasswordChangeRequired 50055
//   kWeakPassword           120002
//   kUnknownTenant          90002
// A backend failure as Azure AD reports it: the code above, kUnavailable →
// 503, anything else → 500.
AadError FromStatus(const sim::Status& status);
// The core's code for an AADSTS number; kInvalidArgument for the codes
// that have no counterpart (a malformed request).
sim::ErrorCode ErrorCodeForAadsts(int aadsts_code);

}  // namespace tiersim::mocks
