// The PMC server over real sockets: sign in, list the account's profiles,
// and refuse what it should.
#include "mocks/pmc/pmc_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "mocks/world/shared_world.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using nlohmann::json;

class PmcServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world_.With([](InProcessWorld& w) {
      auto account = w.pmc().AddAccount("pmc@fabrikam.example", "Pmc-Pass1!");
      ASSERT_THAT(account, IsOk());
      ASSERT_THAT(w.pmc().AddProfile(*account, {.mpn = sim::MpnId(4700001),
                                                .legal_name = "Fabrikam Resale",
                                                .country = "US"}),
                  IsOk());
      auto other = w.pmc().AddAccount("pmc@contoso.example", "Pmc-Pass2!");
      ASSERT_THAT(other, IsOk());
      ASSERT_THAT(w.pmc().AddProfile(*other, {.mpn = sim::MpnId(4100001),
                                              .legal_name = "Contoso",
                                              .country = "US"}),
                  IsOk());
    });
    ASSERT_THAT(server_.Start(), IsOk());
  }

  std::string SignIn(httplib::Client& cli) {
    auto res = cli.Post(
        "/v1/signin",
        R"({"UserName":"pmc@fabrikam.example","password":"Pmc-Pass1!"})",
        "application/json");
    EXPECT_TRUE(res && res->status == 200);
    return res ? json::parse(res->body)["accessToken"].get<std::string>() : "";
  }

  SharedWorld world_{SharedWorldOptions{}};
  PmcServer server_{world_, nullptr, {}};
};

TEST_F(PmcServerTest, ListsOnlyTheSignedInAccountsProfiles) {
  httplib::Client cli("127.0.0.1", server_.port());
  const std::string token = SignIn(cli);
  httplib::Headers auth{{"Authorization", "Bearer " + token}};
  auto res = cli.Get("/v1/profiles", auth);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json::parse(res->body);
  ASSERT_EQ(body["totalCount"], 1);
  EXPECT_EQ(body["items"][0]["mpnId"], "4700001");
  EXPECT_EQ(body["items"][0]["status"], "Active");
  res = cli.Get("/v1/profiles/4700001", auth);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  res = cli.Get("/v1/profiles/4100001", auth);  // another account's
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

TEST_F(PmcServerTest, RefusesWrongPasswordsMissingTokensAndBadBodies) {
  httplib::Client cli("127.0.0.1", server_.port());
  auto res = cli.Post(
      "/v1/signin", R"({"userName":"pmc@fabrikam.example","password":"nope"})",
      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json::parse(res->body)["code"], "InvalidCredentials");
  res = cli.Post("/v1/signin", "{", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = cli.Get("/v1/profiles");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  res = cli.Get("/v1/profiles", {{"Authorization", "Bearer forged"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  res = cli.Get("/nope");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["code"], "RouteNotFound");
}

TEST(PmcHttpStatusTest, MapsEachBackendErrorByItsCode) {
  using sim::ErrorCode;
  struct Case {
    ErrorCode code;
    int status;
  };
  const Case cases[] = {
      {ErrorCode::kInvalidArgument, 400},    {ErrorCode::kDuplicateEmail, 400},
      {ErrorCode::kInvalidCredentials, 401}, {ErrorCode::kInvalidToken, 401},
      {ErrorCode::kPmcSignInRequired, 401},  {ErrorCode::kNotFound, 404},
      {ErrorCode::kUnknownMpnId, 404},       {ErrorCode::kMpnNotListed, 404},
      {ErrorCode::kMpnProfileInactive, 409}, {ErrorCode::kUnavailable, 503},
      {ErrorCode::kInternal, 500},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(PmcHttpStatus(c.code), c.status) << sim::ErrorCodeName(c.code);
  }
}

TEST_F(PmcServerTest, ForgetsTokensOnReset) {
  httplib::Client cli("127.0.0.1", server_.port());
  const std::string token = SignIn(cli);
  server_.ForgetSessions();
  auto res = cli.Get("/v1/profiles", {{"Authorization", "Bearer " + token}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
}

}  // namespace
}  // namespace tiersim::mocks
