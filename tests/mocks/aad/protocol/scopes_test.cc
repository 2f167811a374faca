#include "mocks/aad/protocol/scopes.h"

#include <gtest/gtest.h>

#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

constexpr std::string_view kPc = "https://api.partnercenter.microsoft.com";

class ScopesTest : public ::testing::Test {
 protected:
  std::vector<ApiResource> resources_{
      ApiResource{.uri = std::string(kPc),
                  .audience = std::string(kPc),
                  .permissions = {"user_impersonation"}},
      GraphResource()};

  AadResult<ScopeSet> Parse(std::string_view scope) {
    return ParseScopes(scope, resources_, "contoso.onmicrosoft.com");
  }
};

TEST_F(ScopesTest, PartnerCenterDelegatedScopeWithOidcScopes) {
  auto s = Parse(
      "https://api.partnercenter.microsoft.com/user_impersonation openid "
      "profile offline_access");
  ASSERT_THAT(s, IsOk()) << s.error().Description();
  EXPECT_EQ(s->resource->audience, kPc);
  EXPECT_TRUE(s->openid);
  EXPECT_TRUE(s->profile);
  EXPECT_TRUE(s->offline_access);
  EXPECT_FALSE(s->email);
  EXPECT_EQ(s->DelegatedScopes(),
            std::vector<std::string>{"user_impersonation"});
  EXPECT_EQ(s->Granted(),
            "https://api.partnercenter.microsoft.com/user_impersonation openid "
            "profile offline_access");
}

TEST_F(ScopesTest, DotDefaultGrantsEveryPermission) {
  auto s = Parse("https://API.partnercenter.microsoft.com/.default");
  ASSERT_THAT(s, IsOk());
  EXPECT_TRUE(s->is_default());
  EXPECT_EQ(s->DelegatedScopes(),
            std::vector<std::string>{"user_impersonation"});
}

TEST_F(ScopesTest, BarePermissionsAndOidcOnlyMeanGraph) {
  auto bare = Parse("User.Read");
  ASSERT_THAT(bare, IsOk());
  EXPECT_EQ(bare->resource->audience, "00000003-0000-0000-c000-000000000000");
  auto oidc = Parse("openid profile");
  ASSERT_THAT(oidc, IsOk());
  EXPECT_EQ(oidc->resource->audience, "00000003-0000-0000-c000-000000000000");
}

TEST_F(ScopesTest, RejectsWhatAzureAdRejects) {
  EXPECT_EQ(Parse("").error().code, 70011);
  EXPECT_EQ(Parse("https://api.partnercenter.microsoft.com/admin").error().code,
            70011);
  EXPECT_EQ(Parse("https://api.partnercenter.microsoft.com/.default "
                  "https://api.partnercenter.microsoft.com/user_impersonation")
                .error()
                .code,
            70011);
  EXPECT_EQ(Parse("https://api.partnercenter.microsoft.com/.default "
                  "https://graph.microsoft.com/.default")
                .error()
                .code,
            28000);
  auto unknown = Parse("https://vault.azure.net/.default");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, 500011);
  EXPECT_EQ(unknown.error().error, "invalid_resource");
  EXPECT_EQ(Parse("a/b").error().code, 70011);
}

}  // namespace
}  // namespace tiersim::mocks
