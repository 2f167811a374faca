// The authorization code flow over HTTPS: the sign-in page, the forced
// password change, PKCE, code reuse and expiry, and where errors go.
#include <gtest/gtest.h>

#include "mocks/aad/protocol/jwt.h"
#include "mocks/common/crypto_util.h"
#include "tests/common/status_matchers.h"
#include "tests/mocks/aad/aad_server_fixture.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using nlohmann::json;
using std::chrono::minutes;

constexpr std::string_view kRedirect = "http://localhost:8400/callback";

std::string S256(std::string_view verifier) {
  const Sha256Digest d = Sha256(verifier);
  return Base64UrlEncode(
      std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

class AadAuthorizeTest : public AadServerTest {
 protected:
  FormFields AuthorizeParams(std::string challenge = {},
                             std::string method = "S256") {
    FormFields f = Form({{"client_id", std::string(kTiersimCliClientId)},
                         {"response_type", "code"},
                         {"redirect_uri", std::string(kRedirect)},
                         {"scope", std::string(kPcScope) + " openid profile"},
                         {"state", "st-42"},
                         {"nonce", "n-0S6_WzA2Mj"}});
    if (!challenge.empty()) {
      f.Add("code_challenge", std::move(challenge));
      f.Add("code_challenge_method", std::move(method));
    }
    return f;
  }
  httplib::Result GetAuthorize(const FormFields& params,
                               const std::string& tenant = "organizations") {
    return client_->Get(
        ("/" + tenant + "/oauth2/v2.0/authorize?" + EncodeForm(params))
            .c_str());
  }
  // Posts the sign-in form as a browser would: the page's fields plus ours.
  httplib::Result Submit(FormFields params,
                         std::vector<std::pair<std::string, std::string>> more,
                         const std::string& tenant = "organizations") {
    for (auto& [k, v] : more) params.Add(k, v);
    return PostForm("/" + tenant + "/oauth2/v2.0/authorize", params);
  }
  // The query of a 302 to the redirect URI.
  static FormFields RedirectQuery(const httplib::Result& r) {
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, 302) << r->body;
    const std::string location = r->get_header_value("Location");
    EXPECT_EQ(location.rfind(std::string(kRedirect) + "?", 0), 0u) << location;
    auto form = ParseForm(location.substr(location.find('?') + 1));
    EXPECT_THAT(form, IsOk());
    return form.ok() ? *form : FormFields();
  }
  std::string SignInForCode(const FormFields& params) {
    auto r = Submit(params, {{"action", "signin"},
                             {"login", std::string(kAdminUpn)},
                             {"passwd", std::string(kPassword)}});
    const FormFields q = RedirectQuery(r);
    EXPECT_EQ(q.Get("state"), "st-42");
    return std::string(q.Get("code"));
  }
  httplib::Result Redeem(const std::string& code,
                         std::optional<std::string> verifier,
                         std::string redirect = std::string(kRedirect)) {
    FormFields f = Form({{"grant_type", "authorization_code"},
                         {"client_id", std::string(kTiersimCliClientId)},
                         {"code", code},
                         {"redirect_uri", std::move(redirect)}});
    if (verifier) f.Add("code_verifier", *verifier);
    return Token("organizations", f);
  }
};

TEST_F(AadAuthorizeTest, GetShowsASignInFormCarryingTheRequest) {
  auto r = GetAuthorize(AuthorizeParams(), "contoso.onmicrosoft.com");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("<form method=\"post\" action=\"/"
                         "contoso.onmicrosoft.com/oauth2/v2.0/authorize\""),
            std::string::npos);
  EXPECT_NE(r->body.find("name=\"login\""), std::string::npos);
  EXPECT_NE(r->body.find("name=\"passwd\""), std::string::npos);
  EXPECT_NE(r->body.find("name=\"state\" value=\"st-42\""), std::string::npos);
  EXPECT_NE(r->body.find("tiersim CLI"), std::string::npos);
}

TEST_F(AadAuthorizeTest, PkceS256CodeFlowIssuesTokens) {
  const std::string verifier = RandomToken(32);
  const std::string code = SignInForCode(AuthorizeParams(S256(verifier)));
  ASSERT_FALSE(code.empty());
  auto r = Redeem(code, verifier);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json body = Json(r);
  auto access =
      server_->MakeVerifier().Verify(body["access_token"].get<std::string>(),
                                     kPartnerCenterAudience, backend_.Now());
  ASSERT_THAT(access, IsOk());
  EXPECT_EQ(access->upn, kAdminUpn);
  EXPECT_EQ(access->tenant, ContosoGuid());
  auto id = server_->MakeVerifier().Verify(body["id_token"].get<std::string>(),
                                           kTiersimCliClientId, backend_.Now());
  ASSERT_THAT(id, IsOk());
  EXPECT_EQ(id->nonce, "n-0S6_WzA2Mj");
}

TEST_F(AadAuthorizeTest, PlainPkceWorksToo) {
  const std::string verifier = RandomToken(40);
  const std::string code =
      SignInForCode(AuthorizeParams(verifier, /*method=*/"plain"));
  auto r = Redeem(code, verifier);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST_F(AadAuthorizeTest, CodeVerifierMismatchIs501481) {
  const std::string code = SignInForCode(AuthorizeParams(S256(RandomToken())));
  ExpectAadError(Redeem(code, RandomToken()), 400, "invalid_grant", 501481);
  // The code was spent by the failed attempt.
  ExpectAadError(Redeem(code, RandomToken()), 400, "invalid_grant", 54005);
}

TEST_F(AadAuthorizeTest, MissingOrMalformedVerifier) {
  const std::string code = SignInForCode(AuthorizeParams(S256(RandomToken())));
  ExpectAadError(Redeem(code, std::nullopt), 400, "invalid_request", 900144);
  const std::string code2 = SignInForCode(AuthorizeParams(S256(RandomToken())));
  ExpectAadError(Redeem(code2, "short"), 400, "invalid_request", 501491);
}

TEST_F(AadAuthorizeTest, CodeIsSingleUse) {
  const std::string verifier = RandomToken();
  const std::string code = SignInForCode(AuthorizeParams(S256(verifier)));
  auto first = Redeem(code, verifier);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200);
  ExpectAadError(Redeem(code, verifier), 400, "invalid_grant", 54005);
  ExpectAadError(Redeem("not-a-code", verifier), 400, "invalid_grant", 70000);
}

TEST_F(AadAuthorizeTest, CodeExpiresAfterTenVirtualMinutes) {
  const std::string verifier = RandomToken();
  const std::string code = SignInForCode(AuthorizeParams(S256(verifier)));
  backend_.Advance(minutes(10));
  ExpectAadError(Redeem(code, verifier), 400, "invalid_grant", 70008);
}

TEST_F(AadAuthorizeTest, CodeIsBoundToItsRedirectUri) {
  const std::string verifier = RandomToken();
  const std::string code = SignInForCode(AuthorizeParams(S256(verifier)));
  ExpectAadError(Redeem(code, verifier, "http://localhost:9999/other"), 400,
                 "invalid_grant", 70000);
}

TEST_F(AadAuthorizeTest, WrongPasswordShowsTheFormAgainWith50126) {
  auto r = Submit(AuthorizeParams(), {{"login", std::string(kAdminUpn)},
                                      {"passwd", "Wrong-Pass-1"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("AADSTS50126"), std::string::npos);
  EXPECT_NE(r->body.find("name=\"passwd\""), std::string::npos);
  EXPECT_TRUE(r->get_header_value("Location").empty());
}

TEST_F(AadAuthorizeTest, TemporaryPasswordIsChangedOnTheSignInPage) {
  const FormFields params = AuthorizeParams();
  auto first = Submit(params, {{"action", "signin"},
                               {"login", std::string(kNewbieUpn)},
                               {"passwd", std::string(kTemporaryPassword)}});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200);
  EXPECT_NE(first->body.find("Update your password"), std::string::npos);
  EXPECT_NE(first->body.find("name=\"new_passwd\""), std::string::npos);
  EXPECT_NE(first->body.find("value=\"change_password\""), std::string::npos);

  auto mismatch = Submit(params, {{"action", "change_password"},
                                  {"login", std::string(kNewbieUpn)},
                                  {"passwd", std::string(kTemporaryPassword)},
                                  {"new_passwd", "Brand-New-Pass-2"},
                                  {"confirm_passwd", "Brand-New-Pass-3"}});
  ASSERT_TRUE(mismatch);
  EXPECT_NE(mismatch->body.find("don&#39;t match"), std::string::npos);
  auto weak = Submit(params, {{"action", "change_password"},
                              {"login", std::string(kNewbieUpn)},
                              {"passwd", std::string(kTemporaryPassword)},
                              {"new_passwd", "weak"},
                              {"confirm_passwd", "weak"}});
  ASSERT_TRUE(weak);
  EXPECT_NE(weak->body.find("AADSTS120002"), std::string::npos);

  auto done = Submit(params, {{"action", "change_password"},
                              {"login", std::string(kNewbieUpn)},
                              {"passwd", std::string(kTemporaryPassword)},
                              {"new_passwd", "Brand-New-Pass-2"},
                              {"confirm_passwd", "Brand-New-Pass-2"}});
  const FormFields q = RedirectQuery(done);
  ASSERT_FALSE(q.Get("code").empty());
  auto tokens = Redeem(std::string(q.Get("code")), std::nullopt);
  ASSERT_TRUE(tokens);
  ASSERT_EQ(tokens->status, 200) << tokens->body;
  EXPECT_EQ(Payload(Json(tokens)["access_token"])["upn"], kNewbieUpn);
  // The new password is now the password.
  auto again = PasswordGrant(kNewbieUpn, "Brand-New-Pass-2", kPcScope);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(AadAuthorizeTest, FormPostResponseModePostsTheCodeBack) {
  FormFields params = AuthorizeParams();
  params.Add("response_mode", "form_post");
  auto r = Submit(params, {{"login", std::string(kAdminUpn)},
                           {"passwd", std::string(kPassword)}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<form method=\"post\" action=\"" +
                         std::string(kRedirect) + "\">"),
            std::string::npos);
  EXPECT_NE(r->body.find("name=\"code\" value=\""), std::string::npos);
  EXPECT_NE(r->body.find("name=\"state\" value=\"st-42\""), std::string::npos);
}

TEST_F(AadAuthorizeTest, UntrustedClientOrRedirectShowsAnErrorPage) {
  FormFields unknown = AuthorizeParams();
  unknown = Form({{"client_id", "11111111-2222-4333-8444-555555555555"},
                  {"response_type", "code"},
                  {"redirect_uri", std::string(kRedirect)},
                  {"scope", "openid"}});
  auto r = GetAuthorize(unknown);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("AADSTS700016"), std::string::npos);
  EXPECT_TRUE(r->get_header_value("Location").empty());

  FormFields evil = Form({{"client_id", std::string(kTiersimCliClientId)},
                          {"response_type", "code"},
                          {"redirect_uri", "https://evil.example/steal"},
                          {"scope", "openid"}});
  auto e = GetAuthorize(evil);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, 400);
  EXPECT_NE(e->body.find("AADSTS50011"), std::string::npos);
  EXPECT_TRUE(e->get_header_value("Location").empty());
  EXPECT_EQ(e->body.find("<script>alert"), std::string::npos);

  auto nowhere = GetAuthorize(AuthorizeParams(), "nowhere.example.com");
  ASSERT_TRUE(nowhere);
  EXPECT_EQ(nowhere->status, 400);
  EXPECT_NE(nowhere->body.find("AADSTS90002"), std::string::npos);
}

TEST_F(AadAuthorizeTest, LaterErrorsRedirectToTheClient) {
  FormFields params = Form({{"client_id", std::string(kTiersimCliClientId)},
                            {"response_type", "token"},
                            {"redirect_uri", std::string(kRedirect)},
                            {"scope", "openid"},
                            {"state", "st-42"}});
  FormFields q = RedirectQuery(GetAuthorize(params));
  EXPECT_EQ(q.Get("error"), "unsupported_response_type");
  EXPECT_EQ(q.Get("state"), "st-42");
  EXPECT_EQ(std::string(q.Get("error_description")).rfind("AADSTS700054:", 0),
            0u);

  params = AuthorizeParams();
  params = Form({{"client_id", std::string(kTiersimCliClientId)},
                 {"response_type", "code"},
                 {"redirect_uri", std::string(kRedirect)},
                 {"scope", "https://vault.azure.net/.default"},
                 {"state", "st-42"}});
  q = RedirectQuery(GetAuthorize(params));
  EXPECT_EQ(q.Get("error"), "invalid_resource");
}

TEST_F(AadAuthorizeTest, UserMustBelongToTheNamedTenant) {
  auto r = Submit(AuthorizeParams(),
                  {{"login", std::string(kFabrikamUpn)},
                   {"passwd", std::string(kPassword)}},
                  "contoso.onmicrosoft.com");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("AADSTS50034"), std::string::npos);
}

}  // namespace
}  // namespace tiersim::mocks
