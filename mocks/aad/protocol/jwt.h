// Azure AD's tokens: RS256-signed JWTs (RFC 7519 / 7515) with the claims the
// v2.0 endpoint puts in access and ID tokens, in virtual time.
//
//   TokenClaims claims{...};
//   Result<std::string> jwt = Sign(claims, key);           // issue
//   TokenVerifier verifier({key.public_key()}, "https://localhost:8443");
//   Result<TokenClaims> c = verifier.Verify(*jwt, kAudience, world_now);
//
// Verification is strict: only RS256 with a known `kid` (so "alg":"none",
// HS256 keyed with the public key, and other algorithm confusions are
// refused before any signature check), the issuer must be
// "<issuer base>/<tid>/v2.0" for the token's own `tid`, the audience must
// match exactly, and `exp`/`nbf` are checked against the virtual clock with
// kClockSkew of tolerance either way (Microsoft's libraries allow five
// minutes too). Every refusal is kInvalidToken with a message naming the
// check that failed.
//
// Threads: Sign and a const TokenVerifier may be used from any number of
// threads at once (see jwt_keys.h). Callers that verify the same tokens
// again and again should use CachingTokenVerifier (token_cache.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mocks/aad/protocol/jwt_keys.h"
#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::mocks {

inline constexpr sim::Duration kClockSkew = std::chrono::minutes(5);

struct TokenClaims {
  std::string issuer;    // iss: "https://localhost:PORT/<tid>/v2.0"
  std::string audience;  // aud: the API (or the client ID for an ID token)
  std::string tenant;    // tid: tenant GUID (guids.h)
  std::string object;    // oid: user GUID, or the app's for app-only tokens
  std::string subject;   // sub; empty when signing means "same as oid"
  std::string upn;       // upn and preferred_username; empty for apps
  std::string name;      // display name of the user or app
  std::string app_id;    // azp and appid: the client ID
  std::vector<std::string> roles;   // roles
  std::vector<std::string> scopes;  // scp, space-separated in the token
  sim::SimTime issued_at;           // iat
  sim::SimTime not_before;          // nbf
  sim::SimTime expires_at;          // exp
  bool app_only = false;            // idtyp "app"
  std::string nonce;                // ID tokens: the authorize request's
  std::string token_id;             // uti: unique per token

  friend bool operator==(const TokenClaims&, const TokenClaims&) = default;
};

// Times are whole seconds in a JWT: Sign truncates, so a verified token's
// times have no sub-second part.
//
// The compact JWS "header.payload.signature" with header
// {"alg":"RS256","typ":"JWT","kid":<key's kid>} and `ver` "2.0".
// kInternal if signing fails.
sim::Result<std::string> Sign(const TokenClaims& claims, const SigningKey& key);

class TokenVerifier {
 public:
  // `issuer_base_url` is the authority's origin without a trailing slash,
  // e.g. "https://localhost:8443".
  TokenVerifier(std::vector<VerificationKey> keys, std::string issuer_base_url);

  // Everything: Authenticate, then CheckValidity.
  sim::Result<TokenClaims> Verify(std::string_view jwt,
                                  std::string_view expected_audience,
                                  sim::SimTime now) const;
  // What never changes for a given token string: its shape, algorithm, key,
  // signature and issuer. No time or audience check.
  sim::Result<TokenClaims> Authenticate(std::string_view jwt) const;
  // What depends on the caller and the clock: audience, exp and nbf.
  static sim::Status CheckValidity(const TokenClaims& claims,
                                   std::string_view expected_audience,
                                   sim::SimTime now);

  const std::string& issuer_base_url() const { return issuer_base_url_; }

 private:
  std::vector<VerificationKey> keys_;
  std::string issuer_base_url_;
};

// "<base>/<tenant guid>/v2.0", the issuer Azure AD's v2.0 endpoint writes.
std::string IssuerFor(std::string_view issuer_base_url,
                      std::string_view tenant_guid);

}  // namespace tiersim::mocks
