// The Azure AD server's discovery document, keys, transport and the error
// replies that do not depend on a grant (404, 413, 400, 405, 90002).
#include <gtest/gtest.h>

#include "mocks/aad/protocol/jwt.h"
#include "tests/common/status_matchers.h"
#include "tests/mocks/aad/aad_server_fixture.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using nlohmann::json;

TEST_F(AadServerTest, DiscoveryByDomainNamesTheTenantGuid) {
  auto r = client_->Get(
      "/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"),
            "application/json; charset=utf-8");
  const json doc = Json(r);
  const std::string base =
      "https://localhost:" + std::to_string(server_->port());
  const std::string t = base + "/" + ContosoGuid();
  EXPECT_EQ(doc["issuer"], t + "/v2.0");
  EXPECT_EQ(doc["issuer"], server_->issuer(ContosoGuid()));
  EXPECT_EQ(doc["token_endpoint"], t + "/oauth2/v2.0/token");
  EXPECT_EQ(doc["authorization_endpoint"], t + "/oauth2/v2.0/authorize");
  EXPECT_EQ(doc["jwks_uri"], t + "/discovery/v2.0/keys");
  EXPECT_EQ(doc["id_token_signing_alg_values_supported"], json({"RS256"}));
  EXPECT_EQ(doc["code_challenge_methods_supported"], json({"S256", "plain"}));
  // The GUID and the domain name the same tenant.
  auto by_guid = client_->Get(
      ("/" + ContosoGuid() + "/v2.0/.well-known/openid-configuration").c_str());
  ASSERT_TRUE(by_guid);
  EXPECT_EQ(Json(by_guid), doc);
}

TEST_F(AadServerTest, DiscoveryForCommonHasTheTenantIdPlaceholder) {
  for (const char* segment : {"common", "organizations"}) {
    auto r = client_->Get(
        (std::string("/") + segment + "/v2.0/.well-known/openid-configuration")
            .c_str());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200);
    const json doc = Json(r);
    EXPECT_EQ(doc["issuer"], server_->url() + "/{tenantid}/v2.0");
    EXPECT_EQ(doc["token_endpoint"],
              server_->url() + "/" + segment + "/oauth2/v2.0/token");
  }
}

TEST_F(AadServerTest, UnknownTenantIsAadsts90002) {
  auto r = client_->Get(
      "/nowhere.onmicrosoft.com/v2.0/.well-known/openid-configuration",
      {{"client-request-id", "5e1c7a6e-1111-4222-8333-444455556666"}});
  const json body = ExpectAadError(r, 400, "invalid_request", 90002);
  EXPECT_NE(body.value("error_description", "").find("nowhere.onmicrosoft.com"),
            std::string::npos);
  // The caller's correlation ID comes back; the timestamp is virtual time.
  EXPECT_EQ(body["correlation_id"], "5e1c7a6e-1111-4222-8333-444455556666");
  EXPECT_EQ(r->get_header_value("client-request-id"),
            "5e1c7a6e-1111-4222-8333-444455556666");
  EXPECT_EQ(body["timestamp"], "2026-01-01 00:00:00Z");
  EXPECT_EQ(body["error_uri"],
            "https://login.microsoftonline.com/error?code=90002");
  // A GUID of the right shape for a tenant that does not exist.
  ExpectAadError(client_->Get("/00000000-0000-4000-8000-0000000000ff/"
                              "discovery/v2.0/keys"),
                 400, "invalid_request", 90002);
}

TEST_F(AadServerTest, JwksVerifiesAnIssuedToken) {
  auto keys =
      client_->Get(("/" + ContosoGuid() + "/discovery/v2.0/keys").c_str());
  ASSERT_TRUE(keys);
  ASSERT_EQ(keys->status, 200);
  const json jwks = Json(keys);
  ASSERT_EQ(jwks["keys"].size(), 1u);
  EXPECT_EQ(jwks["keys"][0]["kid"], key_->kid());
  EXPECT_EQ(jwks["keys"][0]["use"], "sig");
  EXPECT_FALSE(jwks["keys"][0].contains("d"));
  auto verification_keys = VerificationKey::FromJwks(keys->body);
  ASSERT_THAT(verification_keys, IsOk());

  auto token = PasswordGrant(kAdminUpn, kPassword, kPcScope);
  ASSERT_TRUE(token);
  ASSERT_EQ(token->status, 200) << token->body;
  TokenVerifier verifier(std::move(*verification_keys), server_->url());
  auto claims = verifier.Verify(Json(token)["access_token"].get<std::string>(),
                                kPartnerCenterAudience, backend_.Now());
  ASSERT_THAT(claims, IsOk());
  EXPECT_EQ(claims->upn, kAdminUpn);
}

TEST_F(AadServerTest, ClientThatDoesNotTrustTheCaCannotConnect) {
  httplib::SSLClient stranger("localhost", server_->port());
  stranger.enable_server_certificate_verification(true);
  stranger.set_ca_cert_path("/nonexistent-ca.pem");
  auto r = stranger.Get("/common/v2.0/.well-known/openid-configuration");
  EXPECT_FALSE(r);
  // Trusting the CA but asking for another host name fails too.
  httplib::SSLClient wrong_name("127.0.0.2", server_->port());
  wrong_name.set_ca_cert_path(files_.ca_pem.c_str());
  wrong_name.enable_server_certificate_verification(true);
  EXPECT_FALSE(wrong_name.Get("/common/v2.0/.well-known/openid-configuration"));
}

TEST_F(AadServerTest, UnknownRouteIs404Json) {
  auto r = client_->Get("/contoso.onmicrosoft.com/oauth2/v1.0/nothing");
  const json body = ExpectAadError(r, 404, "not_found", 0);
  EXPECT_EQ(body["error_codes"], json::array());
}

TEST_F(AadServerTest, OversizedBodyIs413) {
  // Larger than the server's 64 KiB limit.
  auto r =
      client_->Post(("/" + ContosoGuid() + "/oauth2/v2.0/token").c_str(),
                    std::string(100 * 1024, 'a'), "application/octet-stream");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  const json body = ExpectAadError(r, 413, "invalid_request", 0);
  EXPECT_NE(body["error_description"].get<std::string>().find("65536"),
            std::string::npos);
  // A form under the limit is read whole, however long (cpp-httplib held
  // form bodies to 8 KiB): the token endpoint answers about its content.
  auto form =
      client_->Post(("/" + ContosoGuid() + "/oauth2/v2.0/token").c_str(),
                    "grant_type=password&scope=" + std::string(9000, 'a'),
                    "application/x-www-form-urlencoded");
  ASSERT_TRUE(form) << httplib::to_string(form.error());
  EXPECT_EQ(form->status, 400) << form->body;
  EXPECT_NE(form->body.find("client_id"), std::string::npos) << form->body;
}

TEST_F(AadServerTest, MalformedRequestsAre400WithACode) {
  const std::string path = "/" + ContosoGuid() + "/oauth2/v2.0/token";
  // A JSON body where a form is expected.
  auto json_body = client_->Post(path.c_str(), R"({"grant_type":"password"})",
                                 "application/json");
  ExpectAadError(json_body, 400, "invalid_request", 9002313);
  // A broken percent-escape.
  auto broken = client_->Post(path.c_str(), "grant_type=pass%zzword",
                              "application/x-www-form-urlencoded");
  ExpectAadError(broken, 400, "invalid_request", 9002313);
  // A parameter given twice.
  auto twice = client_->Post(
      path.c_str(), "grant_type=password&grant_type=client_credentials",
      "application/x-www-form-urlencoded");
  ExpectAadError(twice, 400, "invalid_request", 9002313);
  // Malformed JSON to our own JSON endpoints.
  auto bad_json =
      client_->Post("/_tiersim/apps", "{\"tenant\":", "application/json");
  ExpectAadError(bad_json, 400, "invalid_request", 9002313);
}

TEST_F(AadServerTest, TokenEndpointOnlyAcceptsPost) {
  auto r = client_->Get(("/" + ContosoGuid() + "/oauth2/v2.0/token").c_str());
  ExpectAadError(r, 405, "invalid_request", 900561);
  EXPECT_EQ(r->get_header_value("Allow"), "POST");
}

TEST_F(AadServerTest, UserRealmSaysManagedForKnownDomains) {
  auto r = client_->Get("/common/userrealm/admin@contoso.onmicrosoft.com");
  ASSERT_TRUE(r);
  EXPECT_EQ(Json(r)["account_type"], "Managed");
  auto unknown = client_->Get("/common/userrealm/someone@example.com");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(Json(unknown)["account_type"], "Unknown");
}

TEST_F(AadServerTest, RegisterAppOverHttp) {
  auto r = client_->Post(
      "/_tiersim/apps",
      R"({"tenant":"contoso.onmicrosoft.com","displayName":"Billing",)"
      R"("roles":["Orders.ReadWrite"],"redirectUris":["https://app/cb"]})",
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const json app = Json(r);
  EXPECT_EQ(app["tenant"], ContosoGuid());
  const std::string id = app["clientId"];
  const std::string secret = app["clientSecret"];
  auto token = Token(ContosoGuid(), Form({{"grant_type", "client_credentials"},
                                          {"client_id", id},
                                          {"client_secret", secret},
                                          {"scope", std::string(kPcDefault)}}));
  ASSERT_TRUE(token);
  EXPECT_EQ(token->status, 200) << token->body;

  ExpectAadError(
      client_->Post("/_tiersim/apps",
                    R"({"tenant":"nowhere.example","displayName":"x"})",
                    "application/json"),
      400, "invalid_request", 90002);
  ExpectAadError(
      client_->Post("/_tiersim/apps", R"({"tenant":"contoso.onmicrosoft.com"})",
                    "application/json"),
      400, "invalid_request", 900144);
  ExpectAadError(
      client_->Post("/_tiersim/apps",
                    R"({"tenant":"contoso.onmicrosoft.com","displayName":"x",)"
                    R"("secret":"mine"})",
                    "application/json"),
      400, "invalid_request", 9002313);
}

// The owner's plumbing (a world's reset and clock) sits beside Azure AD's
// routes; its replies keep their own shape.
class RecordingPlumbing final : public Plumbing {
 public:
  bool Ready() override { return true; }
  sim::Status Reset(std::optional<std::uint64_t>) override {
    ++resets;
    return sim::OkStatus();
  }
  ClockState Clock() override { return {.now = sim::kDefaultEpoch}; }
  sim::Status Advance(sim::Duration d) override {
    advanced += d;
    return sim::OkStatus();
  }
  sim::Status SetSpeed(double) override { return sim::OkStatus(); }
  int resets = 0;
  sim::Duration advanced{0};
};

TEST_F(AadServerTest, PlumbingRoutesServeBesideAzureAd) {
  RecordingPlumbing plumbing;
  AadServerOptions options;
  options.http.threads = 2;
  options.http.tls = TlsFiles{.cert_pem_path = files_.server_pem,
                              .key_pem_path = files_.server_key_pem};
  AadServer server(backend_, *key_, options, &plumbing);
  ASSERT_THAT(server.Start(), IsOk());
  httplib::SSLClient client("localhost", server.port());
  client.set_ca_cert_path(files_.ca_pem.c_str());
  client.enable_server_certificate_verification(true);
  auto live = client.Get("/livez");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->status, 200);
  auto clock =
      client.Post("/_tiersim/clock", R"({"advance":"3d"})", "application/json");
  ASSERT_TRUE(clock);
  EXPECT_EQ(clock->status, 200) << clock->body;
  EXPECT_EQ(plumbing.advanced, sim::Days(3));
  auto bad = client.Post("/_tiersim/clock", R"({"advance":"soon"})",
                         "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(Json(bad).contains("code")) << "plumbing keeps its own shape";
  auto discovery = client.Get("/common/v2.0/.well-known/openid-configuration");
  ASSERT_TRUE(discovery);
  EXPECT_EQ(discovery->status, 200);
}

}  // namespace
}  // namespace tiersim::mocks
