#include "mocks/aad/protocol/jwt_keys.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <nlohmann/json.hpp>

#include "mocks/aad/protocol/openssl_ptr.h"
#include "mocks/common/crypto_util.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;
using sim::ErrorCode;

constexpr int kMinRsaBits = 2048;

using OsslParamBldPtr =
    std::unique_ptr<OSSL_PARAM_BLD, OpenSslDeleter<OSSL_PARAM_BLD_free>>;
using OsslParamPtr =
    std::unique_ptr<OSSL_PARAM, OpenSslDeleter<OSSL_PARAM_free>>;

sim::Status OpenSslError(ErrorCode code, std::string_view what) {
  std::string message(what);
  if (unsigned long e = ERR_get_error(); e != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof(buf));
    message += ": ";
    message += buf;
  }
  ERR_clear_error();
  return sim::Status(code, std::move(message));
}

std::shared_ptr<EVP_PKEY> Share(EVP_PKEY* key) {
  return std::shared_ptr<EVP_PKEY>(key, OpenSslDeleter<EVP_PKEY_free>());
}

std::shared_ptr<EVP_MD> FetchSha256() {
  return std::shared_ptr<EVP_MD>(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                 OpenSslDeleter<EVP_MD_free>());
}

// Big-endian bytes of a BIGNUM parameter of `key`, base64url.
std::string BnParam(const EVP_PKEY* key, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) return {};
  BignumPtr bn(raw);
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn.get())), '\0');
  BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(bytes.data()));
  return Base64UrlEncode(bytes);
}

// RFC 7638: SHA-256 of {"e":..,"kty":"RSA","n":..} with members in
// lexicographic order and no whitespace.
std::string Thumbprint(const std::string& n, const std::string& e) {
  const std::string canonical =
      R"({"e":")" + e + R"(","kty":"RSA","n":")" + n + R"("})";
  const Sha256Digest digest = Sha256(canonical);
  return Base64UrlEncode(std::string_view(
      reinterpret_cast<const char*>(digest.data()), digest.size()));
}

sim::Result<std::shared_ptr<EVP_PKEY>> RsaPublicFromJwk(const json& jwk) {
  const auto bad = [](std::string why) {
    return sim::Status(ErrorCode::kInvalidArgument,
                       "not a usable RSA public JWK: " + std::move(why));
  };
  if (!jwk.is_object()) return bad("not a JSON object");
  auto kty = jwk.find("kty");
  if (kty == jwk.end() || !kty->is_string() || *kty != "RSA") {
    return bad("\"kty\" must be \"RSA\"");
  }
  auto n = jwk.find("n");
  auto e = jwk.find("e");
  if (n == jwk.end() || !n->is_string() || e == jwk.end() || !e->is_string()) {
    return bad("\"n\" and \"e\" must be base64url strings");
  }
  auto n_bytes = Base64UrlDecode(n->get<std::string>());
  auto e_bytes = Base64UrlDecode(e->get<std::string>());
  if (!n_bytes || !e_bytes || n_bytes->empty() || e_bytes->empty()) {
    return bad("\"n\" and \"e\" must be base64url strings");
  }
  BignumPtr bn_n(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(n_bytes->data()),
                static_cast<int>(n_bytes->size()), nullptr));
  BignumPtr bn_e(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(e_bytes->data()),
                static_cast<int>(e_bytes->size()), nullptr));
  if (!bn_n || !bn_e) return OpenSslError(ErrorCode::kInternal, "BN_bin2bn");
  if (BN_num_bits(bn_n.get()) < kMinRsaBits) {
    return bad("the modulus has " + std::to_string(BN_num_bits(bn_n.get())) +
               " bits; at least 2048 are required");
  }
  OsslParamBldPtr bld(OSSL_PARAM_BLD_new());
  if (!bld ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) !=
          1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) !=
          1) {
    return OpenSslError(ErrorCode::kInternal, "build RSA key parameters");
  }
  OsslParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) !=
          1) {
    return OpenSslError(ErrorCode::kInvalidArgument,
                        "not a usable RSA public JWK");
  }
  return Share(raw);
}

}  // namespace

// ---- VerificationKey ----

VerificationKey::VerificationKey(std::shared_ptr<EVP_PKEY> key, std::string kid,
                                 std::string n, std::string e,
                                 std::shared_ptr<EVP_MD> sha256)
    : key_(std::move(key)),
      kid_(std::move(kid)),
      n_(std::move(n)),
      e_(std::move(e)),
      sha256_(std::move(sha256)) {}

sim::Result<VerificationKey> VerificationKey::FromPkey(
    std::shared_ptr<EVP_PKEY> key, std::string kid) {
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
    return sim::Status(ErrorCode::kInvalidArgument, "not an RSA key");
  }
  std::string n = BnParam(key.get(), OSSL_PKEY_PARAM_RSA_N);
  std::string e = BnParam(key.get(), OSSL_PKEY_PARAM_RSA_E);
  if (n.empty() || e.empty()) {
    return OpenSslError(ErrorCode::kInternal, "read the RSA public key");
  }
  if (kid.empty()) kid = Thumbprint(n, e);
  auto sha256 = FetchSha256();
  if (!sha256) return OpenSslError(ErrorCode::kInternal, "fetch SHA-256");
  // Keep only the public half: a private key handed in (SigningKey) must
  // not travel with its public copies.
  TIERSIM_ASSIGN_OR_RETURN(
      key, RsaPublicFromJwk(json{{"kty", "RSA"}, {"n", n}, {"e", e}}));
  return VerificationKey(std::move(key), std::move(kid), std::move(n),
                         std::move(e), std::move(sha256));
}

sim::Result<VerificationKey> VerificationKey::FromJwk(
    std::string_view jwk_json) {
  json jwk = json::parse(jwk_json, nullptr, /*allow_exceptions=*/false);
  if (jwk.is_discarded()) {
    return sim::Status(ErrorCode::kInvalidArgument, "the JWK is not JSON");
  }
  TIERSIM_ASSIGN_OR_RETURN(auto key, RsaPublicFromJwk(jwk));
  std::string kid;
  if (auto it = jwk.find("kid"); it != jwk.end() && it->is_string()) {
    kid = it->get<std::string>();
  }
  return FromPkey(std::move(key), std::move(kid));
}

sim::Result<std::vector<VerificationKey>> VerificationKey::FromJwks(
    std::string_view jwks_json) {
  json jwks = json::parse(jwks_json, nullptr, /*allow_exceptions=*/false);
  if (jwks.is_discarded() || !jwks.is_object() || !jwks.contains("keys") ||
      !jwks["keys"].is_array()) {
    return sim::Status(ErrorCode::kInvalidArgument,
                       "a JWKS must be a JSON object with a \"keys\" array");
  }
  std::vector<VerificationKey> keys;
  for (const json& jwk : jwks["keys"]) {
    if (!jwk.is_object() || jwk.value("kty", "") != "RSA") continue;
    TIERSIM_ASSIGN_OR_RETURN(auto key, FromJwk(jwk.dump()));
    keys.push_back(std::move(key));
  }
  if (keys.empty()) {
    return sim::Status(ErrorCode::kInvalidArgument, "the JWKS has no RSA key");
  }
  return keys;
}

bool VerificationKey::VerifyRs256(std::string_view data,
                                  std::string_view signature) const {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, sha256_.get(), nullptr,
                                   key_.get()) != 1) {
    ERR_clear_error();
    return false;
  }
  const int ok = EVP_DigestVerify(
      ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
      signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
      data.size());
  if (ok != 1) ERR_clear_error();
  return ok == 1;
}

std::string VerificationKey::JwkJson() const {
  return json{{"kty", "RSA"},   {"use", "sig"}, {"kid", kid_},
              {"alg", "RS256"}, {"n", n_},      {"e", e_}}
      .dump();
}

std::string VerificationKey::PublicKeyPem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) return {};
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

// ---- SigningKey ----

SigningKey::SigningKey(std::shared_ptr<EVP_PKEY> key,
                       VerificationKey public_key)
    : key_(std::move(key)), public_(std::move(public_key)) {
  encoded_header_ = Base64UrlEncode(
      json{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", public_.kid()}}.dump());
}

sim::Result<SigningKey> SigningKey::Generate() {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048});
  if (raw == nullptr) {
    return OpenSslError(ErrorCode::kInternal, "generate an RSA-2048 key");
  }
  auto key = Share(raw);
  TIERSIM_ASSIGN_OR_RETURN(auto pub, VerificationKey::FromPkey(key, ""));
  return SigningKey(std::move(key), std::move(pub));
}

sim::Result<SigningKey> SigningKey::FromPem(std::string_view private_key_pem) {
  BioPtr bio(BIO_new_mem_buf(private_key_pem.data(),
                             static_cast<int>(private_key_pem.size())));
  EVP_PKEY* raw =
      bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
          : nullptr;
  if (raw == nullptr) {
    return OpenSslError(ErrorCode::kInvalidArgument, "not a PEM private key");
  }
  auto key = Share(raw);
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA ||
      EVP_PKEY_get_bits(key.get()) < kMinRsaBits) {
    return sim::Status(ErrorCode::kInvalidArgument,
                       "RS256 needs an RSA key of at least 2048 bits");
  }
  TIERSIM_ASSIGN_OR_RETURN(auto pub, VerificationKey::FromPkey(key, ""));
  return SigningKey(std::move(key), std::move(pub));
}

sim::Result<std::string> SigningKey::SignRs256(std::string_view data) const {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  std::string signature(static_cast<std::size_t>(EVP_PKEY_get_size(key_.get())),
                        '\0');
  std::size_t size = signature.size();
  if (!ctx ||
      EVP_DigestSignInit(ctx.get(), nullptr, public_.sha256_.get(), nullptr,
                         key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(),
                     reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(data.data()),
                     data.size()) != 1) {
    return OpenSslError(ErrorCode::kInternal, "sign with RS256");
  }
  signature.resize(size);
  return signature;
}

}  // namespace tiersim::mocks
