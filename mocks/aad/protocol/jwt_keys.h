// RS256 keys for Azure AD's tokens: the signing key the server generates at
// start, and the public keys anyone verifies with (from the key itself, or
// from a JWK / JWKS document as /discovery/v2.0/keys serves it).
//
// A key's `kid` is its RFC 7638 JWK thumbprint (base64url SHA-256 of the
// canonical public JWK), so the same key always has the same kid.
//
// Ownership and threads: both classes share one immutable EVP_PKEY between
// copies (reference counted); every operation makes its own per-call
// context, so one key may sign or verify from many threads at once. The
// SHA-256 implementation is fetched once per key, not per signature.
#pragma once

#include <openssl/types.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/status.h"

namespace tiersim::mocks {

class VerificationKey {
 public:
  // A public RSA JWK: {"kty":"RSA","n":"...","e":"...","kid":"..."}; other
  // members are ignored. kInvalidArgument when malformed, not RSA, or
  // shorter than 2048 bits. Without "kid", the thumbprint is used.
  static sim::Result<VerificationKey> FromJwk(std::string_view jwk_json);
  // Every RSA key of a JWKS document {"keys":[...]}; keys of other types
  // are skipped. kInvalidArgument when malformed or without an RSA key.
  static sim::Result<std::vector<VerificationKey>> FromJwks(
      std::string_view jwks_json);

  const std::string& kid() const { return kid_; }
  // True when `signature` is an RSASSA-PKCS1-v1_5 SHA-256 signature of
  // `data` by this key.
  bool VerifyRs256(std::string_view data, std::string_view signature) const;
  // The public JWK as one JSON object: kty, use "sig", kid, alg "RS256",
  // n, e.
  std::string JwkJson() const;
  // The SubjectPublicKeyInfo in PEM ("-----BEGIN PUBLIC KEY-----").
  std::string PublicKeyPem() const;

 private:
  friend class SigningKey;
  VerificationKey(std::shared_ptr<EVP_PKEY> key, std::string kid, std::string n,
                  std::string e, std::shared_ptr<EVP_MD> sha256);
  static sim::Result<VerificationKey> FromPkey(std::shared_ptr<EVP_PKEY> key,
                                               std::string kid);

  std::shared_ptr<EVP_PKEY> key_;
  std::string kid_;
  std::string n_;  // base64url modulus
  std::string e_;  // base64url public exponent
  std::shared_ptr<EVP_MD> sha256_;
};

class SigningKey {
 public:
  // A fresh RSA-2048 key. kInternal if OpenSSL fails.
  static sim::Result<SigningKey> Generate();
  // An RSA private key in PEM (PKCS#8 or PKCS#1), e.g. to keep one key
  // across restarts. kInvalidArgument otherwise.
  static sim::Result<SigningKey> FromPem(std::string_view private_key_pem);

  const std::string& kid() const { return public_.kid(); }
  const VerificationKey& public_key() const { return public_; }
  // The base64url JWS header {"alg":"RS256","typ":"JWT","kid":...}, ready
  // to be joined with a payload.
  const std::string& encoded_header() const { return encoded_header_; }
  // The RSASSA-PKCS1-v1_5 SHA-256 signature of `data` (256 raw bytes).
  // kInternal if OpenSSL fails.
  sim::Result<std::string> SignRs256(std::string_view data) const;

 private:
  SigningKey(std::shared_ptr<EVP_PKEY> key, VerificationKey public_key);

  std::shared_ptr<EVP_PKEY> key_;
  VerificationKey public_;
  std::string encoded_header_;
};

}  // namespace tiersim::mocks
