// Every server of a served world over real sockets: Azure AD's tokens are
// what Partner Center accepts, and nothing else is; the core's mail goes
// through SMTP into the mail API; the plumbing routes act on the whole world.
#include "mocks/serve/served_world.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "harness/transport/network_client.h"
#include "mocks/aad/protocol/jwt.h"
#include "mocks/aad/protocol/jwt_keys.h"
#include "mocks/common/crypto_util.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using harness::NetworkClient;
using nlohmann::json;
using ::tiersim::testing::IsOk;

constexpr char kPassword[] = "Contoso-Passw0rd!";

class ServedWorldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<ServedWorld>(ServeOptions{.http_threads = 8});
    sim::Status s = world_->Start();
    ASSERT_THAT(s, IsOk());
  }
  static void TearDownTestSuite() { world_.reset(); }

  void SetUp() override {
    client_ = std::make_unique<NetworkClient>(world_->target());
    ASSERT_THAT(client_->ResetWorld(1), IsOk());
    auto contoso =
        client_->SeedPartner({.program = sim::Program::kIndirectProvider,
                              .legal_name = "Contoso Distribution",
                              .domain_prefix = "contoso",
                              .mpn = sim::MpnId(4100001),
                              .admin_password = kPassword});
    ASSERT_THAT(contoso, IsOk());
    admin_ = contoso->admin_upn;
  }

  // A token from Azure AD's password grant for `scope`.
  std::string Token(const std::string& scope) {
    httplib::Client aad(world_->aad_url());
    aad.set_ca_cert_path(world_->ca_file().c_str());
    aad.enable_server_certificate_verification(true);
    auto res =
        aad.Post("/organizations/oauth2/v2.0/token",
                 httplib::Params{{"grant_type", "password"},
                                 {"client_id", NetworkTarget().client_id},
                                 {"scope", scope},
                                 {"username", admin_},
                                 {"password", kPassword}});
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
    if (!res || res->status != 200) return "";
    return json::parse(res->body)["access_token"].get<std::string>();
  }

  // GET /v1/relationships with `authorization`; the HTTP status.
  int CallPartnerCenter(const std::string& authorization) {
    httplib::Client pc(world_->partner_center_url());
    httplib::Headers headers;
    if (!authorization.empty()) headers.emplace("Authorization", authorization);
    auto res = pc.Get(
        "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
        headers);
    return res ? res->status : -1;
  }

  static json Payload(const std::string& jwt) {
    const auto first = jwt.find('.');
    const auto second = jwt.find('.', first + 1);
    auto bytes = Base64UrlDecode(jwt.substr(first + 1, second - first - 1));
    return json::parse(bytes.value_or("{}"));
  }

  // One world for the suite (each test resets it): starting the servers
  // and generating the CA and keys is the slow part.
  static std::unique_ptr<ServedWorld> world_;
  std::unique_ptr<NetworkClient> client_;
  std::string admin_;
};

std::unique_ptr<ServedWorld> ServedWorldTest::world_;

TEST_F(ServedWorldTest, AcceptsAzureAdTokensForPartnerCenter) {
  const std::string token =
      Token("https://api.partnercenter.microsoft.com/.default");
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(CallPartnerCenter("Bearer " + token), 200);
  json claims = Payload(token);
  EXPECT_EQ(claims["aud"], "https://api.partnercenter.microsoft.com");
  EXPECT_EQ(claims["upn"], admin_);
  EXPECT_EQ(claims["ver"], "2.0");
}

TEST_F(ServedWorldTest, RefusesMissingForgedAndMisdirectedTokens) {
  const std::string token =
      Token("https://api.partnercenter.microsoft.com/.default");
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(CallPartnerCenter(""), 401);
  EXPECT_EQ(CallPartnerCenter("Bearer not-a-jwt"), 401);

  // alg "none": the same claims, no signature.
  const std::string none_header =
      Base64UrlEncode(R"({"alg":"none","typ":"JWT"})");
  const std::string payload =
      token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1);
  EXPECT_EQ(CallPartnerCenter("Bearer " + none_header + "." + payload + "."),
            401);

  // The same claims signed by a key Azure AD never published.
  auto other_key = SigningKey::Generate();
  ASSERT_THAT(other_key, IsOk());
  json p = Payload(token);
  TokenClaims forged{
      .issuer = p["iss"],
      .audience = p["aud"],
      .tenant = p["tid"],
      .object = p["oid"],
      .upn = p["upn"],
      .app_id = p["azp"],
      .issued_at = sim::SimTime(sim::seconds(p["iat"].get<std::int64_t>())),
      .not_before = sim::SimTime(sim::seconds(p["nbf"].get<std::int64_t>())),
      .expires_at = sim::SimTime(sim::seconds(p["exp"].get<std::int64_t>()))};
  auto signed_forgery = Sign(forged, *other_key);
  ASSERT_THAT(signed_forgery, IsOk());
  EXPECT_EQ(CallPartnerCenter("Bearer " + *signed_forgery), 401);

  // A real token for another API (Microsoft Graph).
  const std::string graph = Token("https://graph.microsoft.com/.default");
  ASSERT_FALSE(graph.empty());
  EXPECT_EQ(CallPartnerCenter("Bearer " + graph), 401);

  // A real token after it expired in virtual time.
  ASSERT_THAT(client_->Advance(sim::hours(2)), IsOk());
  EXPECT_EQ(CallPartnerCenter("Bearer " + token), 401);
}

TEST_F(ServedWorldTest, TheSchemeIsCaseInsensitiveButTheTokenIsExact) {
  const std::string token =
      Token("https://api.partnercenter.microsoft.com/.default");
  ASSERT_FALSE(token.empty());
  // RFC 9110 §11.1: the scheme is case-insensitive.
  EXPECT_EQ(CallPartnerCenter("bearer " + token), 200);
  EXPECT_EQ(CallPartnerCenter("BEARER " + token), 200);
  // base64url has no padding: a token with "==" appended is another string.
  EXPECT_EQ(CallPartnerCenter("Bearer " + token + "=="), 401);
  EXPECT_EQ(CallPartnerCenter("Bearer " + token + "A"), 401);
}

TEST_F(ServedWorldTest, APasswordChangesOnlyWithinItsOwnTenant) {
  auto fabrikam =
      client_->SeedPartner({.program = sim::Program::kIndirectReseller,
                            .legal_name = "Fabrikam",
                            .domain_prefix = "fabrikam",
                            .mpn = sim::MpnId(4100002),
                            .admin_password = kPassword});
  ASSERT_THAT(fabrikam, IsOk());
  httplib::Client aad(world_->aad_url());
  aad.set_ca_cert_path(world_->ca_file().c_str());
  aad.enable_server_certificate_verification(true);
  const json body = {{"userName", admin_},
                     {"currentPassword", kPassword},
                     {"newPassword", "Another-Passw0rd!"}};
  // Contoso's admin through Fabrikam's tenant: refused, nothing changed.
  auto across = aad.Post("/fabrikam.onmicrosoft.com/tiersim/v1/password",
                         body.dump(), "application/json");
  ASSERT_TRUE(across);
  EXPECT_EQ(across->status, 400) << across->body;
  EXPECT_NE(across->body.find("50034"), std::string::npos) << across->body;
  EXPECT_FALSE(Token("https://api.partnercenter.microsoft.com/.default")
                   .empty());  // the old password still works
  // Through its own tenant it works.
  auto own = aad.Post("/contoso.onmicrosoft.com/tiersim/v1/password",
                      body.dump(), "application/json");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 200) << own->body;
}

TEST_F(ServedWorldTest, ATokenFromBeforeAResetDoesNotActForSomeoneElse) {
  const std::string token =
      Token("https://api.partnercenter.microsoft.com/.default");
  ASSERT_FALSE(token.empty());
  ASSERT_EQ(CallPartnerCenter("Bearer " + token), 200);
  // A new world in which the same directory user ID is Fabrikam's admin.
  ASSERT_THAT(client_->ResetWorld(2), IsOk());
  auto fabrikam =
      client_->SeedPartner({.program = sim::Program::kIndirectProvider,
                            .legal_name = "Fabrikam",
                            .domain_prefix = "fabrikam",
                            .mpn = sim::MpnId(4100002),
                            .admin_password = kPassword});
  ASSERT_THAT(fabrikam, IsOk());
  EXPECT_EQ(CallPartnerCenter("Bearer " + token), 401);
}

TEST_F(ServedWorldTest, CoreMailTravelsThroughSmtpToTheMailApi) {
  auto contoso = client_->SignIn(admin_, kPassword);
  ASSERT_THAT(contoso, IsOk());
  auto sent = client_->Call<sim::ops::RequestPartnership>(
      *contoso, {.reseller_email = "ceo@fabrikam.example"});
  ASSERT_THAT(sent, IsOk());
  auto inbox = client_->Inbox("ceo@fabrikam.example", "");
  ASSERT_THAT(inbox, IsOk());
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_NE((*inbox)[0].text.find(sent->link), std::string::npos);
  EXPECT_FALSE((*inbox)[0].read);  // reading the mailbox marks nothing
  httplib::Client mail(world_->mail_api_url());
  auto res = mail.Get("/api/v1/messages");
  ASSERT_TRUE(res);
  json list = json::parse(res->body);
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(list["unread"], 1);
  auto counts = client_->Counts();
  ASSERT_THAT(counts, IsOk());
  EXPECT_EQ(counts->emails, 1u);
}

TEST_F(ServedWorldTest, PlumbingOnEveryServerActsOnTheWholeWorld) {
  for (const std::string& url : {world_->partner_center_url(),
                                 world_->pmc_url(), world_->mail_api_url()}) {
    httplib::Client cli(url);
    auto live = cli.Get("/livez");
    ASSERT_TRUE(live) << url;
    EXPECT_EQ(live->status, 200) << url;
    auto ready = cli.Get("/readyz");
    ASSERT_TRUE(ready) << url;
    EXPECT_EQ(ready->status, 200) << url;
  }
  httplib::Client aad(world_->aad_url());
  aad.set_ca_cert_path(world_->ca_file().c_str());
  aad.enable_server_certificate_verification(true);
  auto ready = aad.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);

  httplib::Client pmc(world_->pmc_url());
  auto clock =
      pmc.Post("/_tiersim/clock", R"({"advance":"3d"})", "application/json");
  ASSERT_TRUE(clock);
  ASSERT_EQ(clock->status, 200) << clock->body;
  EXPECT_EQ(json::parse(clock->body)["now"], "2026-01-04T00:00:00Z");
  auto now = client_->Now();
  ASSERT_THAT(now, IsOk());
  EXPECT_EQ(*now, sim::kDefaultEpoch + sim::Days(3));
  auto bad =
      pmc.Post("/_tiersim/clock", R"({"advance":"-1d"})", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);

  auto before = client_->Counts();
  ASSERT_THAT(before, IsOk());
  EXPECT_EQ(before->core.partners, 1u);
  httplib::Client mail(world_->mail_api_url());
  auto reset = mail.Post("/_tiersim/reset", "", "application/json");
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 200);
  auto after = client_->Counts();
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(after->core.partners, 0u);
  auto reset_now = client_->Now();
  ASSERT_THAT(reset_now, IsOk());
  EXPECT_EQ(*reset_now, sim::kDefaultEpoch);
}

}  // namespace
}  // namespace tiersim::mocks
