#include "mocks/aad/protocol/app_registry.h"

#include <gtest/gtest.h>

#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

TEST(AppRegistryTest, BuiltInPublicClientAcceptsAnyLoopbackRedirect) {
  AppRegistry apps;
  auto cli = apps.Find(kTiersimCliClientId);
  ASSERT_NE(cli, nullptr);
  EXPECT_FALSE(cli->confidential);
  EXPECT_FALSE(cli->tenant.has_value());
  EXPECT_EQ(cli->display_name, "tiersim CLI");
  for (const char* ok : {"http://localhost", "http://localhost:8400",
                         "http://127.0.0.1:53123/callback", "http://[::1]:80/",
                         "HTTP://LOCALHOST:1/x"}) {
    EXPECT_TRUE(AllowsRedirectUri(*cli, ok)) << ok;
  }
  for (const char* bad :
       {"https://evil.example/cb", "http://localhost.evil.example/",
        "http://localhost@evil.example/", "http://localhost:80#frag",
        "http://localhost/cb?x=1", "http://127.0.0.2/", "http://localhost:x/",
        "file:///etc/passwd", ""}) {
    EXPECT_FALSE(AllowsRedirectUri(*cli, bad)) << bad;
  }
  EXPECT_NE(apps.Find("7E57A1D0-0000-4000-9000-000000000001"), nullptr)
      << "client IDs compare case-insensitively";
}

TEST(AppRegistryTest, RegisteredAppChecksItsSecretAndRedirects) {
  AppRegistry apps;
  auto creds =
      apps.Register(NewApp{.tenant = sim::TenantId(3),
                           .display_name = "Contoso billing",
                           .roles = {"Orders.ReadWrite"},
                           .redirect_uris = {"https://app.contoso.com/cb",
                                             "http://localhost/callback"}});
  ASSERT_THAT(creds, IsOk());
  EXPECT_EQ(creds->client_id.size(), 36u);
  EXPECT_GE(creds->client_secret.size(), 32u);
  auto app = apps.Find(creds->client_id);
  ASSERT_NE(app, nullptr);
  EXPECT_TRUE(app->confidential);
  EXPECT_EQ(app->tenant, sim::TenantId(3));
  EXPECT_TRUE(apps.CheckSecret(*app, creds->client_secret));
  EXPECT_FALSE(apps.CheckSecret(*app, creds->client_secret + "x"));
  EXPECT_FALSE(apps.CheckSecret(*app, ""));
  EXPECT_TRUE(AllowsRedirectUri(*app, "https://app.contoso.com/cb"));
  EXPECT_FALSE(AllowsRedirectUri(*app, "https://app.contoso.com/cb2"));
  // A registered loopback URI matches on any port, not on another path.
  EXPECT_TRUE(AllowsRedirectUri(*app, "http://localhost:5000/callback"));
  EXPECT_FALSE(AllowsRedirectUri(*app, "http://localhost:5000/other"));
  EXPECT_FALSE(AllowsRedirectUri(*app, "http://localhost:5000"));
}

TEST(AppRegistryTest, RefusesUnsafeRegistrations) {
  AppRegistry apps;
  EXPECT_EQ(
      apps.Register({.tenant = sim::TenantId(1), .display_name = ""}).code(),
      sim::ErrorCode::kInvalidArgument);
  EXPECT_EQ(apps.Register({.tenant = sim::TenantId(1),
                           .display_name = "x",
                           .redirect_uris = {"http://example.com/cb"}})
                .code(),
            sim::ErrorCode::kInvalidArgument);
  EXPECT_EQ(apps.Register({.tenant = sim::TenantId(1),
                           .display_name = "x",
                           .redirect_uris = {"https://example.com/cb#x"}})
                .code(),
            sim::ErrorCode::kInvalidArgument);
}

TEST(AppRegistryTest, ResetKeepsOnlyTheBuiltInClient) {
  AppRegistry apps;
  auto creds = apps.Register({.tenant = sim::TenantId(1), .display_name = "x"});
  ASSERT_THAT(creds, IsOk());
  EXPECT_EQ(apps.size(), 2u);
  apps.Reset();
  EXPECT_EQ(apps.size(), 1u);
  EXPECT_EQ(apps.Find(creds->client_id), nullptr);
  EXPECT_NE(apps.Find(kTiersimCliClientId), nullptr);
}

}  // namespace
}  // namespace tiersim::mocks
