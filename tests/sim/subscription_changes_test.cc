// F8's changes to existing subscriptions (seed 003: "upgrade existing ones,
// or buy additional licenses"; "associate the reseller to the subscription
// (new or existing)"), under R10, R24, R28 and R41.
#include <gtest/gtest.h>

#include <string>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

class SubscriptionChangesTest : public ::testing::Test {
 protected:
  SubscriptionChangesTest() {
    t_.PartnerContosoFabrikam();
    adatum_ = t_.AddCustomer("adatum", t_.fabrikam.partner);  // o365-e3, 10
    sub_ = adatum_.subscriptions[0];
  }

  const Subscription& Sub(SubscriptionId id) {
    return pc_.store().subscriptions[id.value() - 1];
  }
  std::string OfferOf(SubscriptionId id) {
    return pc_.catalog().at(Sub(id).offer).id;
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
  CustomerCreated adatum_;
  SubscriptionId sub_;
};

TEST_F(SubscriptionChangesTest, F8_AdditionalLicensesAreAddedWithinLimits) {
  ASSERT_THAT(pc_.AddLicenses(t_.contoso_admin, sub_, 5), IsOk());
  ASSERT_THAT(pc_.AddLicenses(t_.fabrikam_admin, sub_, 5), IsOk());  // R28
  EXPECT_EQ(Sub(sub_).licenses, 20);
  const Snapshot before = TakeSnapshot(w_);
  Status over = pc_.AddLicenses(t_.contoso_admin, sub_, 281);  // R24: 301
  EXPECT_EQ(over.code(), ErrorCode::kLicenseOutOfRange);
  EXPECT_TRUE(Mentions(over.message(), "281 more than 20"));
  EXPECT_EQ(pc_.AddLicenses(t_.contoso_admin, sub_, 0).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(pc_.AddLicenses(t_.contoso_admin, sub_, -3).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(Sub(sub_).licenses, 20);
}

TEST_F(SubscriptionChangesTest, F8_UpgradesFollowTheOffersUpgradePaths) {
  const Snapshot before = TakeSnapshot(w_);
  Status down = pc_.UpgradeSubscription(t_.contoso_admin, sub_, "o365-e1");
  EXPECT_EQ(down.code(), ErrorCode::kUpgradeNotAvailable);
  EXPECT_TRUE(Mentions(down.message(), "o365-e5"));  // names the real paths
  EXPECT_EQ(pc_.UpgradeSubscription(t_.contoso_admin, sub_, "win-e3").code(),
            ErrorCode::kUpgradeNotAvailable);
  EXPECT_EQ(pc_.UpgradeSubscription(t_.contoso_admin, sub_, "o365-x9").code(),
            ErrorCode::kUnknownOffer);
  EXPECT_EQ(TakeSnapshot(w_), before);
  ASSERT_THAT(pc_.UpgradeSubscription(t_.fabrikam_admin, sub_, "m365-e3"),
              IsOk());
  EXPECT_EQ(OfferOf(sub_), "m365-e3");
  EXPECT_EQ(Sub(sub_).licenses, 10);  // the licenses come along
  ASSERT_THAT(pc_.UpgradeSubscription(t_.contoso_admin, sub_, "m365-e5"),
              IsOk());
  Status top = pc_.UpgradeSubscription(t_.contoso_admin, sub_, "m365-e5");
  EXPECT_EQ(top.code(), ErrorCode::kUpgradeNotAvailable);
  EXPECT_TRUE(Mentions(top.message(), "no upgrades"));
}

TEST_F(SubscriptionChangesTest, R24_AfterAnUpgradeTheNewOffersLimitsApply) {
  auto bp = pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                           {{.offer_id = "m365-bp", .licenses = 300}},
                           t_.fabrikam.partner);
  ASSERT_THAT(bp, IsOk());
  const SubscriptionId sub = bp->subscriptions[0];
  // Business Premium stops at 300 licenses...
  EXPECT_EQ(pc_.AddLicenses(t_.contoso_admin, sub, 1).code(),
            ErrorCode::kLicenseOutOfRange);
  // ...Microsoft 365 E3 goes to 10,000.
  ASSERT_THAT(pc_.UpgradeSubscription(t_.contoso_admin, sub, "m365-e3"),
              IsOk());
  ASSERT_THAT(pc_.AddLicenses(t_.contoso_admin, sub, 9000), IsOk());
  EXPECT_EQ(Sub(sub).licenses, 9300);
}

TEST_F(SubscriptionChangesTest, R41_UpgradingToOffice365NeedsAnAdminAgent) {
  auto order = pc_.PlaceOrder(t_.contoso_admin, adatum_.customer,
                              {{.offer_id = "o365-e1", .licenses = 5}},
                              t_.fabrikam.partner);
  ASSERT_THAT(order, IsOk());
  Session helpdesk =
      t_.AddUser(t_.contoso_admin, "help@contoso.onmicrosoft.com",
                 AgentRole::kHelpdeskAgent, AdminRole::kNone);
  Status s =
      pc_.UpgradeSubscription(helpdesk, order->subscriptions[0], "o365-e3");
  EXPECT_EQ(s.code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(OfferOf(order->subscriptions[0]), "o365-e1");
}

TEST_F(SubscriptionChangesTest,
       R28_OnlyTheProviderAssociatesAResellerWithAnExistingSubscription) {
  CustomerCreated own = t_.AddCustomer("wingtip");  // no reseller of record
  const SubscriptionId sub = own.subscriptions[0];
  const Snapshot before = TakeSnapshot(w_);
  // Fabrikam is partnered but not Wingtip's reseller yet.
  EXPECT_EQ(
      pc_.SetSubscriptionReseller(t_.contoso_admin, sub, t_.fabrikam.partner)
          .code(),
      ErrorCode::kResellerNotAssociated);
  // Northwind is not partnered (R10), and named, not numbered.
  Status np =
      pc_.SetSubscriptionReseller(t_.contoso_admin, sub, t_.northwind.partner);
  EXPECT_EQ(np.code(), ErrorCode::kNotPartnered);
  EXPECT_TRUE(Mentions(np.message(), "Northwind"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  // Once Wingtip accepts Fabrikam as its reseller (F4), Contoso credits it.
  auto sent =
      pc_.RequestResellerRelationship(t_.fabrikam_admin, own.admin_user_name);
  ASSERT_THAT(sent, IsOk());
  auto temporary = pc_.RevealPassword(t_.contoso_admin, own.password);
  ASSERT_THAT(temporary, IsOk());
  ASSERT_THAT(pc_.ChangePassword(own.admin_user_name, *temporary, kNewPassword),
              IsOk());
  ASSERT_THAT(pc_.AcceptResellerInvitation(
                  t_.SignIn(own.admin_user_name, kNewPassword), sent->link),
              IsOk());
  EXPECT_EQ(
      pc_.SetSubscriptionReseller(t_.fabrikam_admin, sub, t_.fabrikam.partner)
          .code(),
      ErrorCode::kNotAProvider);
  ASSERT_THAT(
      pc_.SetSubscriptionReseller(t_.contoso_admin, sub, t_.fabrikam.partner),
      IsOk());
  EXPECT_EQ(Sub(sub).reseller_of_record, t_.fabrikam.partner);
}

}  // namespace
}  // namespace tiersim::sim::testing
