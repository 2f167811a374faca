// The customer-user resources read what the real Partner Center API's
// clients send (the SDK's CustomerUser with its passwordProfile, the
// LicenseUpdate) and write the fields they read back.
#include <gtest/gtest.h>

#include "mocks/wire/resources.h"

namespace tiersim::mocks::wire {
namespace {

TEST(CustomerUsersWireTest, ReadsTheSdksCreateUserBody) {
  // As the Partner Center .NET SDK serialises a new CustomerUser.
  const json body = Lowered(json::parse(R"({
    "PasswordProfile": {"ForceChangePassword": false, "Password": "Password!1"},
    "DisplayName": "Test Display", "FirstName": "Test", "LastName": "User",
    "UsageLocation": "DE", "UserPrincipalName": "test@adatum.onmicrosoft.com",
    "Attributes": {"ObjectType": "CustomerUser"}})"));
  const auto spec = body.get<sim::CustomerUserSpec>();
  EXPECT_EQ(spec.user_principal_name, "test@adatum.onmicrosoft.com");
  EXPECT_EQ(spec.display_name, "Test Display");
  EXPECT_EQ(spec.first_name, "Test");
  EXPECT_EQ(spec.last_name, "User");
  EXPECT_EQ(spec.usage_location, "DE");
  EXPECT_EQ(spec.password_profile.password, "Password!1");
  EXPECT_FALSE(spec.password_profile.force_change_password);
  // Without a password profile, Partner Center makes a temporary password.
  const auto bare = Lowered(json::parse(R"({"userPrincipalName": "a@b.c"})"))
                        .get<sim::CustomerUserSpec>();
  EXPECT_TRUE(bare.password_profile.password.empty());
  EXPECT_TRUE(bare.password_profile.force_change_password);
}

TEST(CustomerUsersWireTest, AWrongTypeIsRefusedNamingTheField) {
  const json body = Lowered(
      json::parse(R"({"userPrincipalName": "a@b.c", "passwordProfile": 7})"));
  try {
    (void)body.get<sim::CustomerUserSpec>();
    FAIL() << "a number for passwordProfile was accepted";
  } catch (const WireError& e) {
    EXPECT_NE(std::string(e.what()).find("passwordProfile"), std::string::npos)
        << e.what();
  }
}

TEST(CustomerUsersWireTest, LicenseUpdateRoundTripsInTheRealShape) {
  const json body = Lowered(json::parse(R"({
    "LicensesToAssign": [{"SkuId": "o365-e3", "ExcludedPlans": null}],
    "LicensesToRemove": ["ems-e3"]})"));
  const auto update = body.get<sim::LicenseUpdate>();
  ASSERT_EQ(update.assign.size(), 1u);
  EXPECT_EQ(update.assign[0].sku_id, "o365-e3");
  EXPECT_EQ(update.remove, std::vector<std::string>{"ems-e3"});
  const json out = update;
  EXPECT_EQ(out["licensesToAssign"][0]["skuId"], "o365-e3");
  EXPECT_EQ(out["licensesToRemove"][0], "ems-e3");
  EXPECT_EQ(out["attributes"]["objectType"], "LicenseUpdate");
}

TEST(CustomerUsersWireTest, SubscribedSkuCountsWhatIsAvailable) {
  const json out = sim::SubscribedSku{.offer_id = "o365-e3",
                                      .name = "Office 365 E3",
                                      .total = 10,
                                      .consumed = 3};
  EXPECT_EQ(out["productSku"]["id"], "o365-e3");
  EXPECT_EQ(out["totalUnits"], 10);
  EXPECT_EQ(out["consumedUnits"], 3);
  EXPECT_EQ(out["availableUnits"], 7);
  const auto back = Lowered(out).get<sim::SubscribedSku>();
  EXPECT_EQ(back.offer_id, "o365-e3");
  EXPECT_EQ(back.total, 10);
  EXPECT_EQ(back.consumed, 3);
}

TEST(CustomerUsersWireTest, AMadePasswordTravelsOnlyAsItsSecret) {
  sim::NewCustomerUser made{
      .user = {.id = sim::DirectoryUserId(9),
               .user_principal_name = "ada@adatum.onmicrosoft.com",
               .licenses = {"o365-e3"}},
      .password = sim::SecretId(4)};
  const json out = made;
  EXPECT_EQ(out["passwordSecretId"], "secret-4");
  EXPECT_EQ(out["licenses"][0], "o365-e3");
  EXPECT_FALSE(out.contains("passwordProfile"));  // never the password
  made.password = sim::SecretId();
  EXPECT_FALSE(json(made).contains("passwordSecretId"));
  const auto back = Lowered(out).get<sim::NewCustomerUser>();
  EXPECT_EQ(back.user.id, sim::DirectoryUserId(9));
  EXPECT_EQ(back.password, sim::SecretId(4));
}

}  // namespace
}  // namespace tiersim::mocks::wire
