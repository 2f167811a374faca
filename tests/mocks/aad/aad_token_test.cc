// The token endpoint over HTTPS: client authentication and each grant,
// with the tokens' claims in virtual time and the AADSTS errors.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "mocks/aad/protocol/jwt.h"
#include "mocks/common/crypto_util.h"
#include "tests/common/status_matchers.h"
#include "tests/mocks/aad/aad_server_fixture.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using nlohmann::json;
using std::chrono::hours;
using std::chrono::minutes;

class AadTokenTest : public AadServerTest {
 protected:
  sim::Result<TokenClaims> VerifyAccess(
      const json& response,
      std::string_view audience = kPartnerCenterAudience) {
    return server_->MakeVerifier().Verify(response.value("access_token", ""),
                                          audience, backend_.Now());
  }
};

TEST_F(AadTokenTest, ClientCredentialsIssuesAnAppOnlyToken) {
  const AppCredentials app = RegisterConfidentialApp();
  auto r = Token(ContosoGuid(), Form({{"grant_type", "client_credentials"},
                                      {"client_id", app.client_id},
                                      {"client_secret", app.client_secret},
                                      {"scope", std::string(kPcDefault)}}));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  const json body = Json(r);
  EXPECT_EQ(body["token_type"], "Bearer");
  EXPECT_EQ(body["expires_in"], 3600);
  EXPECT_FALSE(body.contains("refresh_token"));
  auto claims = VerifyAccess(body);
  ASSERT_THAT(claims, IsOk());
  EXPECT_TRUE(claims->app_only);
  EXPECT_EQ(claims->tenant, ContosoGuid());
  EXPECT_EQ(claims->app_id, app.client_id);
  EXPECT_EQ(claims->roles, std::vector<std::string>{"Orders.ReadWrite"});
  EXPECT_TRUE(claims->upn.empty());
  EXPECT_EQ(claims->issued_at, sim::kDefaultEpoch);
  EXPECT_EQ(claims->expires_at, sim::kDefaultEpoch + hours(1));
  EXPECT_EQ(Payload(body["access_token"])["idtyp"], "app");
}

TEST_F(AadTokenTest, ClientCredentialsWithHttpBasic) {
  const AppCredentials app = RegisterConfidentialApp();
  const std::string basic =
      "Basic " + Base64Encode(app.client_id + ":" + app.client_secret);
  auto r = Token("contoso.onmicrosoft.com",
                 Form({{"grant_type", "client_credentials"},
                       {"scope", std::string(kPcDefault)}}),
                 {{"Authorization", basic}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  // The secret in both places is refused.
  auto both = Token(ContosoGuid(),
                    Form({{"grant_type", "client_credentials"},
                          {"client_secret", app.client_secret},
                          {"scope", std::string(kPcDefault)}}),
                    {{"Authorization", basic}});
  ExpectAadError(both, 400, "invalid_request", 9002313);
}

TEST_F(AadTokenTest, ClientAuthenticationFailures) {
  const AppCredentials app = RegisterConfidentialApp();
  const auto cc = [&](std::string id, std::optional<std::string> secret,
                      const std::string& tenant) {
    FormFields form = Form({{"grant_type", "client_credentials"},
                            {"client_id", std::move(id)},
                            {"scope", std::string(kPcDefault)}});
    if (secret) form.Add("client_secret", *secret);
    return Token(tenant, form);
  };
  auto wrong = cc(app.client_id, "not-the-secret", ContosoGuid());
  ExpectAadError(wrong, 401, "invalid_client", 7000215);
  EXPECT_FALSE(wrong->get_header_value("WWW-Authenticate").empty());
  ExpectAadError(cc(app.client_id, std::nullopt, ContosoGuid()), 401,
                 "invalid_client", 7000218);
  ExpectAadError(cc("11111111-2222-4333-8444-555555555555", "x", ContosoGuid()),
                 400, "unauthorized_client", 700016);
  // The app lives in Contoso; Fabrikam does not know it.
  ExpectAadError(
      cc(app.client_id, app.client_secret, "fabrikam.onmicrosoft.com"), 400,
      "unauthorized_client", 700016);
  // The public client has no secret, so it cannot use client credentials.
  ExpectAadError(
      cc(std::string(kTiersimCliClientId), std::nullopt, ContosoGuid()), 401,
      "invalid_client", 7000218);
  ExpectAadError(cc(std::string(kTiersimCliClientId), "x", ContosoGuid()), 401,
                 "invalid_client", 700025);
  ExpectAadError(cc(app.client_id, app.client_secret, "common"), 400,
                 "invalid_request", 9001023);
}

TEST_F(AadTokenTest, ClientCredentialsNeedsDotDefault) {
  const AppCredentials app = RegisterConfidentialApp();
  auto r = Token(ContosoGuid(), Form({{"grant_type", "client_credentials"},
                                      {"client_id", app.client_id},
                                      {"client_secret", app.client_secret},
                                      {"scope", std::string(kPcScope)}}));
  ExpectAadError(r, 400, "invalid_scope", 1002012);
}

TEST_F(AadTokenTest, PasswordGrantIssuesDelegatedTokens) {
  auto r =
      PasswordGrant(kAdminUpn, kPassword,
                    std::string(kPcScope) + " openid profile offline_access");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Json(r);
  EXPECT_EQ(body["scope"],
            std::string(kPcScope) + " openid profile offline_access");
  EXPECT_FALSE(body.value("refresh_token", "").empty());
  auto claims = VerifyAccess(body);
  ASSERT_THAT(claims, IsOk());
  EXPECT_EQ(claims->issuer, server_->url() + "/" + ContosoGuid() + "/v2.0");
  EXPECT_EQ(claims->tenant, ContosoGuid());
  EXPECT_EQ(claims->object, UserGuid(admin_));
  EXPECT_EQ(claims->upn, kAdminUpn);
  EXPECT_EQ(claims->name, "Ada Admin");
  EXPECT_EQ(claims->roles,
            (std::vector<std::string>{"GlobalAdmin", "AdminAgent"}));
  EXPECT_EQ(claims->scopes, std::vector<std::string>{"user_impersonation"});
  EXPECT_EQ(claims->app_id, kTiersimCliClientId);
  EXPECT_FALSE(claims->app_only);
  // The ID token is for the client, with the same user.
  auto id = server_->MakeVerifier().Verify(body["id_token"].get<std::string>(),
                                           kTiersimCliClientId, backend_.Now());
  ASSERT_THAT(id, IsOk());
  EXPECT_EQ(id->object, UserGuid(admin_));
  EXPECT_EQ(Payload(body["id_token"])["preferred_username"], kAdminUpn);
  // client_info, as MSAL asks for it.
  auto info = Base64UrlDecode(body["client_info"].get<std::string>());
  ASSERT_TRUE(info);
  EXPECT_EQ(json::parse(*info),
            (json{{"uid", UserGuid(admin_)}, {"utid", ContosoGuid()}}));
}

TEST_F(AadTokenTest, PasswordGrantChecksThePassword) {
  auto r = PasswordGrant(kAdminUpn, "Wrong-Pass-1", kPcScope);
  const json body = ExpectAadError(r, 400, "invalid_grant", 50126);
  EXPECT_NE(body["error_description"].get<std::string>().find(
                "invalid username or password"),
            std::string::npos);
  // An unknown user gets the same answer.
  ExpectAadError(
      PasswordGrant("nobody@contoso.onmicrosoft.com", kPassword, kPcScope), 400,
      "invalid_grant", 50126);
  ExpectAadError(PasswordGrant(kAdminUpn, kPassword, kPcScope, "common"), 400,
                 "invalid_request", 9001023);
  ExpectAadError(PasswordGrant(kFabrikamUpn, kPassword, kPcScope,
                               "contoso.onmicrosoft.com"),
                 400, "invalid_grant", 50034);
}

TEST_F(AadTokenTest, TemporaryPasswordIs50055UntilChanged) {
  const json expired =
      ExpectAadError(PasswordGrant(kNewbieUpn, kTemporaryPassword, kPcScope),
                     400, "invalid_grant", 50055);
  EXPECT_EQ(expired["suberror"], "user_password_expired");
  EXPECT_NE(expired["error_description"].get<std::string>().find(
                "/tiersim/v1/password"),
            std::string::npos);

  const std::string path = "/contoso.onmicrosoft.com/tiersim/v1/password";
  const auto change = [&](std::string_view current, std::string_view next) {
    json body{{"userName", kNewbieUpn},
              {"currentPassword", current},
              {"newPassword", next}};
    return client_->Post(path.c_str(), body.dump(), "application/json");
  };
  ExpectAadError(change("Wrong-Pass-1", "Brand-New-Pass-2"), 400,
                 "invalid_grant", 120000);
  ExpectAadError(change(kTemporaryPassword, "weak"), 400, "invalid_request",
                 120002);
  auto ok = change(kTemporaryPassword, "Brand-New-Pass-2");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;

  ExpectAadError(PasswordGrant(kNewbieUpn, kTemporaryPassword, kPcScope), 400,
                 "invalid_grant", 50126);
  auto r = PasswordGrant(kNewbieUpn, "Brand-New-Pass-2", kPcScope);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST_F(AadTokenTest, RefreshTokensRotate) {
  auto first = PasswordGrant(kAdminUpn, kPassword,
                             std::string(kPcScope) + " offline_access");
  ASSERT_TRUE(first);
  const std::string rt1 = Json(first)["refresh_token"];
  const auto refresh = [&](const std::string& rt) {
    return Token("organizations",
                 Form({{"grant_type", "refresh_token"},
                       {"client_id", std::string(kTiersimCliClientId)},
                       {"refresh_token", rt}}));
  };
  backend_.Advance(minutes(30));
  auto second = refresh(rt1);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->status, 200) << second->body;
  const json body = Json(second);
  const std::string rt2 = body["refresh_token"];
  EXPECT_NE(rt1, rt2);
  auto claims = VerifyAccess(body);
  ASSERT_THAT(claims, IsOk());
  EXPECT_EQ(claims->issued_at, sim::kDefaultEpoch + minutes(30));
  EXPECT_EQ(claims->upn, kAdminUpn);
  // The old one is spent; the new one works once.
  ExpectAadError(refresh(rt1), 400, "invalid_grant", 9002313);
  auto third = refresh(rt2);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->status, 200);
  ExpectAadError(refresh("made-up"), 400, "invalid_grant", 9002313);
}

TEST_F(AadTokenTest, RefreshTokenIsBoundToItsClient) {
  const AppCredentials app =
      RegisterConfidentialApp({}, {"https://app.contoso.com/cb"});
  auto first = PasswordGrant(kAdminUpn, kPassword,
                             std::string(kPcScope) + " offline_access");
  ASSERT_TRUE(first);
  auto stolen = Token(ContosoGuid(),
                      Form({{"grant_type", "refresh_token"},
                            {"client_id", app.client_id},
                            {"client_secret", app.client_secret},
                            {"refresh_token", Json(first)["refresh_token"]}}));
  ExpectAadError(stolen, 400, "invalid_grant", 9002313);
}

TEST_F(AadTokenTest, TokensExpireInVirtualTime) {
  auto r = PasswordGrant(kAdminUpn, kPassword,
                         std::string(kPcScope) + " offline_access");
  ASSERT_TRUE(r);
  const json body = Json(r);
  ASSERT_THAT(VerifyAccess(body), IsOk());
  backend_.Advance(hours(1) + minutes(6));  // past exp + 5 minutes of skew
  auto late = VerifyAccess(body);
  EXPECT_EQ(late.code(), sim::ErrorCode::kInvalidToken);
  EXPECT_NE(late.status().message().find("expired"), std::string::npos);
  // The refresh token lives 90 virtual days.
  backend_.Advance(sim::Days(91));
  auto refresh = Token("organizations",
                       Form({{"grant_type", "refresh_token"},
                             {"client_id", std::string(kTiersimCliClientId)},
                             {"refresh_token", body["refresh_token"]}}));
  ExpectAadError(refresh, 400, "invalid_grant", 700082);
}

TEST_F(AadTokenTest, GrantAndScopeErrors) {
  const std::string cli(kTiersimCliClientId);
  ExpectAadError(Token(ContosoGuid(), Form({{"client_id", cli}})), 400,
                 "invalid_request", 900144);
  ExpectAadError(Token(ContosoGuid(), Form({{"grant_type", "device_code"},
                                            {"client_id", cli}})),
                 400, "unsupported_grant_type", 70003);
  ExpectAadError(
      Token(ContosoGuid(), Form({{"grant_type", "password"},
                                 {"client_id", cli},
                                 {"username", std::string(kAdminUpn)},
                                 {"scope", std::string(kPcScope)}})),
      400, "invalid_request", 900144);
  ExpectAadError(
      PasswordGrant(kAdminUpn, kPassword, "https://vault.azure.net/.default"),
      400, "invalid_resource", 500011);
  ExpectAadError(PasswordGrant(kAdminUpn, kPassword,
                               "https://api.partnercenter.microsoft.com/admin"),
                 400, "invalid_scope", 70011);
  // Graph scopes give a token Partner Center must refuse.
  auto graph = PasswordGrant(kAdminUpn, kPassword, "User.Read");
  ASSERT_TRUE(graph);
  ASSERT_EQ(graph->status, 200);
  EXPECT_EQ(VerifyAccess(Json(graph)).code(), sim::ErrorCode::kInvalidToken);
  EXPECT_THAT(VerifyAccess(Json(graph), "00000003-0000-0000-c000-000000000000"),
              IsOk());
}

TEST_F(AadTokenTest, ResetStateForgetsAppsAndRefreshTokens) {
  const AppCredentials app = RegisterConfidentialApp();
  auto first = PasswordGrant(kAdminUpn, kPassword,
                             std::string(kPcScope) + " offline_access");
  ASSERT_TRUE(first);
  server_->ResetState();
  ExpectAadError(
      Token(ContosoGuid(), Form({{"grant_type", "client_credentials"},
                                 {"client_id", app.client_id},
                                 {"client_secret", app.client_secret},
                                 {"scope", std::string(kPcDefault)}})),
      400, "unauthorized_client", 700016);
  ExpectAadError(Token("organizations",
                       Form({{"grant_type", "refresh_token"},
                             {"client_id", std::string(kTiersimCliClientId)},
                             {"refresh_token", Json(first)["refresh_token"]}})),
                 400, "invalid_grant", 9002313);
}

TEST_F(AadTokenTest, ManyClientsAtOnce) {
  // Concurrent grants on separate connections: every one succeeds and every
  // refresh token is distinct (run under ThreadSanitizer in CI).
  const AppCredentials app = RegisterConfidentialApp();
  std::vector<std::thread> threads;
  std::mutex mu;
  std::set<std::string> refresh_tokens;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      auto client = NewClient();
      for (int i = 0; i < 5; ++i) {
        auto user = client->Post(
            ("/" + ContosoGuid() + "/oauth2/v2.0/token").c_str(),
            EncodeForm(
                Form({{"grant_type", "password"},
                      {"client_id", std::string(kTiersimCliClientId)},
                      {"username", std::string(kAdminUpn)},
                      {"password", std::string(kPassword)},
                      {"scope", std::string(kPcScope) + " offline_access"}})),
            "application/x-www-form-urlencoded");
        auto daemon =
            client->Post(("/" + ContosoGuid() + "/oauth2/v2.0/token").c_str(),
                         EncodeForm(Form({{"grant_type", "client_credentials"},
                                          {"client_id", app.client_id},
                                          {"client_secret", app.client_secret},
                                          {"scope", std::string(kPcDefault)}})),
                         "application/x-www-form-urlencoded");
        if (user && user->status == 200 && daemon && daemon->status == 200) {
          ++ok;
          std::lock_guard lock(mu);
          refresh_tokens.insert(Json(user)["refresh_token"].get<std::string>());
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 20);
  EXPECT_EQ(refresh_tokens.size(), 20u);
}

}  // namespace
}  // namespace tiersim::mocks
