#include "mocks/aad/protocol/jwt.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "mocks/aad/protocol/openssl_ptr.h"
#include "mocks/common/crypto_util.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using nlohmann::json;
using sim::ErrorCode;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kBase = "https://localhost:8443";
constexpr std::string_view kTid = "00000000-0000-4000-8000-000000000001";
constexpr std::string_view kAudience =
    "https://api.partnercenter.microsoft.com";
const sim::SimTime kNow = sim::kDefaultEpoch + hours(5);

class JwtTest : public ::testing::Test {
 protected:
  // RSA key generation takes tens of milliseconds: once per suite.
  static void SetUpTestSuite() {
    auto key = SigningKey::Generate();
    ASSERT_THAT(key, IsOk());
    key_.emplace(std::move(*key));
    auto other = SigningKey::Generate();
    ASSERT_THAT(other, IsOk());
    other_.emplace(std::move(*other));
  }

  static TokenClaims Claims() {
    return TokenClaims{
        .issuer = IssuerFor(kBase, kTid),
        .audience = std::string(kAudience),
        .tenant = std::string(kTid),
        .object = "00000000-0000-4000-a000-000000000007",
        .subject = {},
        .upn = "ada@contoso.onmicrosoft.com",
        .name = "Ada Lovelace",
        .app_id = "7e57a1d0-0000-4000-9000-000000000001",
        .roles = {"GlobalAdmin", "AdminAgent"},
        .scopes = {"user_impersonation"},
        .issued_at = kNow,
        .not_before = kNow,
        .expires_at = kNow + hours(1),
        .app_only = false,
        .nonce = {},
        .token_id = "uti-1",
    };
  }
  static TokenVerifier Verifier() {
    return TokenVerifier({key_->public_key()}, std::string(kBase));
  }
  static std::string MustSign(const TokenClaims& claims) {
    auto jwt = Sign(claims, *key_);
    EXPECT_THAT(jwt, IsOk());
    return jwt.ok() ? *jwt : std::string();
  }
  // "header.payload." + signature produced by `sign` over the first two.
  template <typename SignFn>
  static std::string Craft(const json& header, const json& payload,
                           SignFn sign) {
    std::string input =
        Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(payload.dump());
    return input + "." + Base64UrlEncode(sign(input));
  }
  static json PayloadOf(const std::string& jwt) {
    const std::size_t a = jwt.find('.');
    const std::size_t b = jwt.find('.', a + 1);
    return json::parse(*Base64UrlDecode(jwt.substr(a + 1, b - a - 1)));
  }
  static json HeaderOf(const std::string& jwt) {
    return json::parse(*Base64UrlDecode(jwt.substr(0, jwt.find('.'))));
  }
  static void ExpectRejected(const std::string& jwt, std::string_view why,
                             std::string_view audience = kAudience,
                             sim::SimTime now = kNow) {
    auto r = Verifier().Verify(jwt, audience, now);
    ASSERT_FALSE(r.ok()) << "accepted a token that should fail: " << why;
    EXPECT_EQ(r.code(), ErrorCode::kInvalidToken);
    EXPECT_NE(r.status().message().find(why), std::string::npos)
        << r.status().message();
  }

  static inline std::optional<SigningKey> key_;
  static inline std::optional<SigningKey> other_;
};

TEST_F(JwtTest, SignThenVerifyReturnsTheClaims) {
  const TokenClaims claims = Claims();
  auto verified = Verifier().Verify(MustSign(claims), kAudience, kNow);
  ASSERT_THAT(verified, IsOk());
  TokenClaims expected = claims;
  expected.subject = claims.object;  // sub defaults to oid
  EXPECT_EQ(*verified, expected);
}

TEST_F(JwtTest, TokenCarriesAzureAdV2ClaimsAndHeader) {
  const std::string jwt = MustSign(Claims());
  const json header = HeaderOf(jwt);
  EXPECT_EQ(header["alg"], "RS256");
  EXPECT_EQ(header["typ"], "JWT");
  EXPECT_EQ(header["kid"], key_->kid());
  const json p = PayloadOf(jwt);
  EXPECT_EQ(p["iss"], "https://localhost:8443/" + std::string(kTid) + "/v2.0");
  EXPECT_EQ(p["aud"], kAudience);
  EXPECT_EQ(p["tid"], kTid);
  EXPECT_EQ(p["oid"], "00000000-0000-4000-a000-000000000007");
  EXPECT_EQ(p["upn"], "ada@contoso.onmicrosoft.com");
  EXPECT_EQ(p["roles"], json({"GlobalAdmin", "AdminAgent"}));
  EXPECT_EQ(p["scp"], "user_impersonation");
  EXPECT_EQ(p["azp"], "7e57a1d0-0000-4000-9000-000000000001");
  EXPECT_EQ(p["ver"], "2.0");
  // Virtual time, in seconds: 2026-01-01T05:00:00Z and an hour later.
  EXPECT_EQ(p["iat"], 1767225600 + 5 * 3600);
  EXPECT_EQ(p["exp"], 1767225600 + 6 * 3600);
}

TEST_F(JwtTest, KidIsTheRfc7638Thumbprint) {
  const json jwk = json::parse(key_->public_key().JwkJson());
  const std::string canonical = R"({"e":")" + jwk["e"].get<std::string>() +
                                R"(","kty":"RSA","n":")" +
                                jwk["n"].get<std::string>() + R"("})";
  const Sha256Digest d = Sha256(canonical);
  EXPECT_EQ(key_->kid(),
            Base64UrlEncode(std::string_view(
                reinterpret_cast<const char*>(d.data()), d.size())));
  EXPECT_EQ(jwk["kid"], key_->kid());
  EXPECT_EQ(jwk["alg"], "RS256");
  EXPECT_FALSE(jwk.contains("d")) << "the JWK must not carry the private key";
}

TEST_F(JwtTest, RejectsAlgNone) {
  json payload = PayloadOf(MustSign(Claims()));
  const std::string jwt =
      Craft(json{{"alg", "none"}, {"typ", "JWT"}}, payload,
            [](const std::string&) { return std::string(); });
  ExpectRejected(jwt, "\"none\"; only RS256 is accepted");
}

TEST_F(JwtTest, RejectsHs256KeyedWithThePublicKey) {
  // The classic algorithm confusion: HMAC keyed with the RSA public key.
  const std::string public_pem = key_->public_key().PublicKeyPem();
  ASSERT_FALSE(public_pem.empty());
  json payload = PayloadOf(MustSign(Claims()));
  const std::string jwt = Craft(
      json{{"alg", "HS256"}, {"typ", "JWT"}, {"kid", key_->kid()}}, payload,
      [&](const std::string& input) {
        unsigned char mac[32];
        std::size_t size = 0;
        EXPECT_NE(
            EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr,
                      public_pem.data(), public_pem.size(),
                      reinterpret_cast<const unsigned char*>(input.data()),
                      input.size(), mac, sizeof(mac), &size),
            nullptr);
        return std::string(reinterpret_cast<const char*>(mac), size);
      });
  ExpectRejected(jwt, "\"HS256\"; only RS256 is accepted");
}

TEST_F(JwtTest, RejectsSignatureByAnotherKeyUnderTheTrustedKid) {
  json payload = PayloadOf(MustSign(Claims()));
  const std::string jwt = Craft(
      json{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", key_->kid()}}, payload,
      [](const std::string& input) { return *other_->SignRs256(input); });
  ExpectRejected(jwt, "signature is invalid");
}

TEST_F(JwtTest, RejectsUnknownKid) {
  auto jwt = Sign(Claims(), *other_);
  ASSERT_THAT(jwt, IsOk());
  ExpectRejected(*jwt, "is not one of the issuer's keys");
}

TEST_F(JwtTest, RejectsTamperedPayload) {
  const std::string jwt = MustSign(Claims());
  json payload = PayloadOf(jwt);
  payload["roles"] = json::array({"GlobalAdmin", "Owner"});
  const std::size_t a = jwt.find('.');
  const std::size_t b = jwt.find('.', a + 1);
  const std::string tampered =
      jwt.substr(0, a + 1) + Base64UrlEncode(payload.dump()) + jwt.substr(b);
  ExpectRejected(tampered, "signature is invalid");
}

TEST_F(JwtTest, RejectsWrongIssuer) {
  TokenClaims claims = Claims();
  claims.issuer =
      "https://login.microsoftonline.com/" + std::string(kTid) + "/v2.0";
  ExpectRejected(MustSign(claims), "was issued by");
  // The issuer must name the token's own tenant.
  claims = Claims();
  claims.issuer = IssuerFor(kBase, "00000000-0000-4000-8000-000000000002");
  ExpectRejected(MustSign(claims), "was issued by");
}

TEST_F(JwtTest, RejectsWrongAudience) {
  ExpectRejected(MustSign(Claims()), "audience",
                 "00000003-0000-0000-c000-000000000000");
}

TEST_F(JwtTest, ExpiryAllowsFiveMinutesOfSkewAndNoMore) {
  const std::string jwt = MustSign(Claims());
  const sim::SimTime exp = Claims().expires_at;
  EXPECT_THAT(Verifier().Verify(jwt, kAudience, exp), IsOk());
  EXPECT_THAT(Verifier().Verify(jwt, kAudience, exp + minutes(5) - seconds(1)),
              IsOk());
  ExpectRejected(jwt, "expired", kAudience, exp + minutes(5));
  ExpectRejected(jwt, "expired", kAudience, exp + hours(24));
}

TEST_F(JwtTest, NotBeforeAllowsFiveMinutesOfSkewAndNoMore) {
  TokenClaims claims = Claims();
  claims.not_before = kNow + hours(1);
  claims.expires_at = kNow + hours(2);
  const std::string jwt = MustSign(claims);
  EXPECT_THAT(Verifier().Verify(jwt, kAudience, claims.not_before - minutes(5)),
              IsOk());
  ExpectRejected(jwt, "not valid before", kAudience,
                 claims.not_before - minutes(5) - seconds(1));
}

TEST_F(JwtTest, RejectsMalformedTokens) {
  const std::string jwt = MustSign(Claims());
  ExpectRejected("", "no token");
  ExpectRejected("abc", "three base64url parts");
  ExpectRejected(jwt + ".extra", "three base64url parts");
  ExpectRejected("!!!" + jwt.substr(jwt.find('.')), "header is not base64url");
  ExpectRejected(Base64UrlEncode("[1,2]") + jwt.substr(jwt.find('.')),
                 "header is not a JSON object");
  ExpectRejected(jwt.substr(0, jwt.rfind('.') + 1) + "*", "not base64url");
  // A payload that is not an object, correctly signed: refused as malformed.
  const std::string array_payload =
      key_->encoded_header() + "." + Base64UrlEncode("[]");
  ExpectRejected(
      array_payload + "." + Base64UrlEncode(*key_->SignRs256(array_payload)),
      "payload is not a JSON object");
  // Claims of the wrong type.
  json payload = PayloadOf(jwt);
  payload["exp"] = "tomorrow";
  ExpectRejected(
      Craft(HeaderOf(jwt), payload,
            [](const std::string& in) { return *key_->SignRs256(in); }),
      "malformed");
  payload = PayloadOf(jwt);
  payload.erase("exp");
  ExpectRejected(
      Craft(HeaderOf(jwt), payload,
            [](const std::string& in) { return *key_->SignRs256(in); }),
      "no expiry");
}

TEST_F(JwtTest, VerifierFromJwksAcceptsTheKeysTokens) {
  const std::string jwks = "{\"keys\":[" + other_->public_key().JwkJson() +
                           "," + key_->public_key().JwkJson() +
                           ",{\"kty\":\"EC\",\"crv\":\"P-256\"}]}";
  auto keys = VerificationKey::FromJwks(jwks);
  ASSERT_THAT(keys, IsOk());
  ASSERT_EQ(keys->size(), 2u);  // the EC key is skipped
  TokenVerifier verifier(std::move(*keys), std::string(kBase) + "/");
  EXPECT_THAT(verifier.Verify(MustSign(Claims()), kAudience, kNow), IsOk());
  EXPECT_FALSE(
      VerificationKey::FromJwk(R"({"kty":"RSA","n":"AQAB","e":"AQAB"})").ok())
      << "a 17-bit modulus must be refused";
  EXPECT_FALSE(VerificationKey::FromJwks(R"({"keys":[]})").ok());
  EXPECT_FALSE(VerificationKey::FromJwk("not json").ok());
}

TEST_F(JwtTest, SigningKeyFromPemSignsVerifiableTokens) {
  // A key kept in a file across restarts (PKCS#8 PEM, as openssl writes).
  const auto pem_of = [](EVP_PKEY* raw) {
    EvpPkeyPtr key(raw);
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                             nullptr);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
  };
  const std::string rsa_pem =
      pem_of(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{2048}));
  auto key = SigningKey::FromPem(rsa_pem);
  ASSERT_THAT(key, IsOk());
  auto again = SigningKey::FromPem(rsa_pem);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(key->kid(), again->kid()) << "the kid follows the key";
  auto jwt = Sign(Claims(), *key);
  ASSERT_THAT(jwt, IsOk());
  TokenVerifier verifier({again->public_key()}, std::string(kBase));
  EXPECT_THAT(verifier.Verify(*jwt, kAudience, kNow), IsOk());

  const std::string ec_pem =
      pem_of(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  EXPECT_EQ(SigningKey::FromPem(ec_pem).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(SigningKey::FromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n").code(),
            ErrorCode::kInvalidArgument);
}

TEST_F(JwtTest, ManyThreadsSignAndVerifyAtOnce) {
  const TokenVerifier verifier = Verifier();
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        TokenClaims claims = Claims();
        claims.token_id = std::to_string(t) + "-" + std::to_string(i);
        auto jwt = Sign(claims, *key_);
        if (jwt.ok() && verifier.Verify(*jwt, kAudience, kNow).ok()) ++good;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(good.load(), 100);
}

}  // namespace
}  // namespace tiersim::mocks
